import { SignInGate } from './auth/SignInGate';
import { useSession } from './auth/session';
import { PageHeading } from './components/PageHeading';
import { Shell } from './components/Shell';
import { DirectoryProvider } from './hooks/useDirectory';
import { CasePage } from './pages/CasePage';
import { RegisterPage } from './pages/RegisterPage';
import { registerHref, useHashRoute } from './routing/useHashRoute';
import { HostThemeProvider } from './theme/HostThemeProvider';

export function App() {
  return (
    <HostThemeProvider>
      <SignInGate>
        <DirectoryProvider>
          <Pages />
        </DirectoryProvider>
      </SignInGate>
    </HostThemeProvider>
  );
}

function Pages() {
  const session = useSession();
  const route = useHashRoute();
  const nav = [{ href: registerHref(), label: 'Register', current: route.page === 'register' }];
  return (
    // Keyed by who is signed in, so switching persona starts every page afresh.
    <Shell session={session} nav={nav} key={session.me.member.id}>
      {route.page === 'register' && <RegisterPage params={route.query} />}
      {route.page === 'case' && <CasePage key={route.id} id={route.id} />}
      {route.page === 'notFound' && (
        <>
          <PageHeading focusKey="not-found">Page not found</PageHeading>
          <p>
            There is no page at {route.path}. <a href={registerHref()}>Go to the register</a>.
          </p>
        </>
      )}
    </Shell>
  );
}
