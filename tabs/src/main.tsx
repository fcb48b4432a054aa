import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { guardAgainstStaleAriaHidden } from './a11y/staleAriaHidden';
import { App } from './App';
import { onSignedIn, startEarlySignIn } from './auth/earlySignIn';
import { prefetchFirstPage } from './pages/register/registerPrefetch';
import { readQuery } from './pages/register/registerQuery';
import { pageLoaders } from './routing/pageLoaders';
import { parseHash } from './routing/useHashRoute';
import './global.css';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');
guardAgainstStaleAriaHidden(root);
// Before the first render: both sign-in requests start now, side by side; and once the user is known, the
// register's first page (its slowest request) when that is where the tab opens.
// The channel tab's configuration page needs no sign-in.
if (parseHash(window.location.hash).page !== 'config') startEarlySignIn();
onSignedIn((client) => {
  const route = parseHash(window.location.hash);
  if (route.page !== 'register') return;
  // The page's code first: the server answers the register query in one go, and would hold the code back meanwhile.
  void pageLoaders.register().catch(() => undefined);
  prefetchFirstPage(client, readQuery(route.query));
});
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
