// Opened by Teams' authentication popup (teams-js authentication.authenticate) from the tab's consent panel.
// Sends the user to Entra ID's consent prompt for RiskPanel's API scope. A separate file: the server's
// Content-Security-Policy allows only same-origin scripts, never inline ones.
(function () {
  'use strict';
  var query = new URLSearchParams(window.location.search);
  var clientId = (query.get('clientId') || '').trim();
  var tenant = (query.get('tenant') || 'organizations').trim();
  var loginHint = query.get('loginHint');
  var status = document.getElementById('status');
  // The tenant goes into the path and the client id into the scope: only the characters they can hold.
  if (!/^[0-9a-fA-F-]{36}$/.test(clientId) || !/^[A-Za-z0-9.-]+$/.test(tenant)) {
    if (status) status.textContent = 'RiskPanel is not fully set up, so permission cannot be asked for. Close this window and tell your administrator.';
    return;
  }
  var origin = window.location.origin;
  var params = new URLSearchParams({
    client_id: clientId,
    // Entra requires a response type; the code is never redeemed. In the fragment, so it never reaches a server.
    response_type: 'code',
    response_mode: 'fragment',
    redirect_uri: origin + '/auth-end.html',
    scope: 'api://' + window.location.host + '/' + clientId + '/access_as_user',
    prompt: 'consent',
  });
  if (loginHint) params.set('login_hint', loginHint);
  window.location.assign('https://login.microsoftonline.com/' + encodeURIComponent(tenant) + '/oauth2/v2.0/authorize?' + params.toString());
})();
