import { onSignedIn, startEarlySignIn } from './auth/earlySignIn';
import { prefetchDirectory } from './hooks/directoryPrefetch';
import { prefetchFirstPage } from './pages/register/registerPrefetch';
import { readQuery } from './pages/register/registerQuery';
import { pageLoaders } from './routing/pageLoaders';
import { parseHash } from './routing/useHashRoute';
import './global.css';

// The tab's first script, kept small (no React DOM, no Fluent): it sends what the first page waits for, then loads the
// code that draws it. The sign-in requests go out now, side by side; in local mode with a saved persona the user's
// credentials are known at once, and when the tab opens on the register its code and its first page are asked for
// too, so the server answers them while React and Fluent download and start. The channel tab's configuration page
// needs no sign-in.
const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');
const opening = parseHash(window.location.hash);
// The page's code first, then its data: the browser has asked for every script before the query reaches the server.
if (opening.page === 'register') void pageLoaders.register().catch(() => undefined);
onSignedIn((client) => {
  // Every signed-in page names agencies and members: ask for them now rather than when the shell mounts.
  prefetchDirectory(client);
  const route = parseHash(window.location.hash);
  if (route.page !== 'register') return;
  void pageLoaders.register().catch(() => undefined);
  prefetchFirstPage(client, readQuery(route.query));
});
if (opening.page !== 'config') startEarlySignIn();
void import('./renderApp').then(({ renderApp }) => renderApp(root));
