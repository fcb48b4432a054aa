// Where Entra ID sends the consent popup back. Closing the window lets the tab try signing in again (Teams reports
// the closed popup to the tab); whether consent was given shows there. On a refusal the reason stays on screen.
(function () {
  'use strict';
  var answer = new URLSearchParams(window.location.hash.replace(/^#/, '') || window.location.search);
  var error = answer.get('error');
  var status = document.getElementById('status');
  if (error) {
    if (status) status.textContent = 'Permission was not given (' + (answer.get('error_description') || error) + '). You can close this window.';
    return;
  }
  window.close();
})();
