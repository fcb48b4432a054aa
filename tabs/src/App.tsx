import { lazy, Suspense, useLayoutEffect } from 'react';
import { SignInGate } from './auth/SignInGate';
import { useSession } from './auth/session';
import { PageErrorBoundary } from './components/PageErrorBoundary';
import { PageHeading } from './components/PageHeading';
import { type NavItem, Shell } from './components/Shell';
import { LiveStatus } from './components/Status';
import { DirectoryProvider } from './hooks/useDirectory';
import { prefetchFirstPage } from './pages/register/registerPrefetch';
import { readQuery } from './pages/register/registerQuery';
import { pageLoaders } from './routing/pageLoaders';
import {
  type PageName, type Route, actionsHref, adminHref, homeHref, meetingsHref, referHref, registerHref, reportsHref, screeningHref, useHashRoute,
} from './routing/useHashRoute';
import { HostThemeProvider } from './theme/HostThemeProvider';
import { importHref, learningHref, planHref } from './routing/useHashRoute';

// Each page is its own chunk, so the first load carries only the shell and the page asked for.
const HomePage = lazy(pageLoaders.home);
const RegisterPage = lazy(pageLoaders.register);
const CasePage = lazy(pageLoaders.case);
const CaseByRefPage = lazy(pageLoaders.caseByRef);
const ReferralPage = lazy(pageLoaders.refer);
const ScreeningPage = lazy(pageLoaders.screening);
const ActionsPage = lazy(pageLoaders.actions);
const MeetingsPage = lazy(pageLoaders.meetings);
const ConfigPage = lazy(pageLoaders.config);
const MeetingPage = lazy(pageLoaders.meeting);
const MeetingPanelPage = lazy(pageLoaders.meetingPanel);
const MeetingStagePage = lazy(pageLoaders.meetingStage);
const ReportsPage = lazy(pageLoaders.reports);
const LearningPage = lazy(pageLoaders.learning);
const PlanPage = lazy(pageLoaders.plan);
const AdminPage = lazy(pageLoaders.admin);
const ImportPage = lazy(pageLoaders.import);

export function App() {
  const route = useHashRoute();
  return (
    <HostThemeProvider>
      {route.page === 'config' ? (
        // Teams opens the configuration page while the tab is being added, before the user is set up: no sign-in.
        <Suspense fallback={<LiveStatus message="Loading the page…" busy />}>
          <ConfigPage />
        </Suspense>
      ) : route.page === 'meetingPanel' || route.page === 'meetingStage' ? (
        // The meeting's side panel and stage bring their own frame: no navigation in 320 pixels or on a room's screen.
        <SignInGate>
          <DirectoryProvider>
            <Suspense fallback={<LiveStatus message="Loading the meeting…" busy />}>
              {route.page === 'meetingPanel' ? <MeetingPanelPage key={route.id} id={route.id} /> : <MeetingStagePage key={route.id} id={route.id} />}
            </Suspense>
          </DirectoryProvider>
        </SignInGate>
      ) : (
        <SignInGate>
          <DirectoryProvider>
            <Pages />
          </DirectoryProvider>
        </SignInGate>
      )}
    </HostThemeProvider>
  );
}

/** Which navigation entry a page belongs to (a case is reached from the register). */
const SECTION: Partial<Record<PageName, string>> = {
  learning: 'learning', plan: 'plan',
  home: 'home', register: 'register', case: 'register', caseByRef: 'register', refer: 'refer', screening: 'screening',
  actions: 'actions', meetings: 'meetings', meeting: 'meetings', reports: 'reports', admin: 'admin', import: 'import',
};

function Pages() {
  const session = useSession();
  const route = useHashRoute();
  // The register's first page is asked for while its code downloads, not after.
  const registerQuery = route.page === 'register' ? route.query.toString() : undefined;
  useLayoutEffect(() => {
    if (registerQuery !== undefined) prefetchFirstPage(session.client, readQuery(new URLSearchParams(registerQuery)));
  }, [registerQuery, session.client]);
  const section = SECTION[route.page];
  const nav: NavItem[] = [
    { key: 'home', href: homeHref(), label: 'Home' },
    { key: 'register', href: registerHref(), label: 'Register' },
    ...(session.me.can.refer ? [{ key: 'refer', href: referHref(), label: 'Refer an adult' }] : []),
    ...(session.me.can.readScreeningQueue ? [{ key: 'screening', href: screeningHref(), label: 'Screening' }] : []),
    { key: 'actions', href: actionsHref(), label: 'Actions' },
    { key: 'meetings', href: meetingsHref(), label: 'Meetings' },
    ...(session.me.can.readReports ? [{ key: 'reports', href: reportsHref(), label: 'Reports' }] : []),
    // Every member reads learning reviews and the board plan (their actions are filtered by the action policy).
    { key: 'learning', href: learningHref(), label: 'Learning reviews' },
    { key: 'plan', href: planHref(), label: 'Board plan' },
    ...(session.me.can.coordinate ? [{ key: 'import', href: importHref(), label: 'Import' }] : []),
    ...(session.me.can.manageMembers || session.me.can.reviewAccess || session.me.can.readAuditTrail ? [{ key: 'admin', href: adminHref(), label: 'Admin' }] : []),
  ].map((item) => ({ href: item.href, label: item.label, current: item.key === section }));
  return (
    // Keyed by who is signed in, so switching persona starts every page afresh.
    <Shell session={session} nav={nav} key={session.me.member.id}>
      <PageErrorBoundary resetKey={window.location.hash}>
        <Suspense fallback={<LiveStatus message="Loading the page…" busy />}>
          <Page route={route} />
        </Suspense>
      </PageErrorBoundary>
    </Shell>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'home':
      return <HomePage />;
    case 'register':
      return <RegisterPage params={route.query} />;
    case 'case':
      return <CasePage key={route.id} id={route.id} />;
    case 'caseByRef':
      return <CaseByRefPage key={route.ref} reference={route.ref} />;
    case 'refer':
      return <ReferralPage key={route.draftId ?? 'new'} draftId={route.draftId} />;
    case 'screening':
      return <ScreeningPage />;
    case 'actions':
      return <ActionsPage scope={route.scope} />;
    case 'meetings':
      return <MeetingsPage />;
    case 'reports':
      return <ReportsPage />;
    case 'learning':
      return <LearningPage key={route.id ?? 'all'} id={route.id} />;
    case 'plan':
      return <PlanPage />;
    case 'admin':
      return <AdminPage />;
    case 'import':
      return <ImportPage />;
    case 'meeting':
      return <MeetingPage key={route.id} id={route.id} />;
    case 'meetingPanel':
    case 'meetingStage':
      // Shown by App in their own frame; never reached here.
      return null;
    case 'config':
      // Shown by App before sign-in; never reached here.
      return null;
    case 'notFound':
      return (
        <>
          <PageHeading focusKey="not-found">Page not found</PageHeading>
          <p>
            There is no page at {route.path}. <a href={homeHref()}>Go to the home page</a>.
          </p>
        </>
      );
  }
}
