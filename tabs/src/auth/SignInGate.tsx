import { Spinner } from '@fluentui/react-components';
import { lazy, type ReactNode, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { ApiClient, ApiError, type Credentials } from '../api/client';
import { meSchema, type Persona, personaListSchema, paths } from '../../../src/contract';
import { PageHeading } from '../components/PageHeading';
import { Shell } from '../components/Shell';
import { ErrorNotice } from '../components/Status';
import { useHost } from '../theme/HostThemeProvider';
import { isConsentError } from './consent';
import { ConsentPanel } from './ConsentPanel';
import { announceSignedIn, takeEarlyMe, takeEarlyPersonas } from './earlySignIn';
import { forgetPersona, loadPersona, savePersona } from './personaStorage';
import { type Session, SessionContext } from './session';
import { teamsToken } from './teamsToken';

// Local mode only, and only until a persona is chosen: not part of the code every page load needs.
const PersonaPicker = lazy(() => import('./PersonaPicker').then((m) => ({ default: m.PersonaPicker })));

/** Local mode offers demo personas; production (no /api/personas) signs in with the Teams SSO token. */
type Mode = { kind: 'probing' } | { kind: 'local'; personas: Persona[] } | { kind: 'production' } | { kind: 'failed'; message: string };

type Step =
  | { step: 'waiting' }
  | { step: 'choosing'; notice?: string }
  | { step: 'teamsOnly' }
  | { step: 'consent' }
  | { step: 'failed'; message: string }
  | { step: 'ready'; session: Session };

export function SignInGate({ children }: { children: ReactNode }) {
  const { host } = useHost();
  const [mode, setMode] = useState<Mode>({ kind: 'probing' });
  const [step, setStep] = useState<Step>({ step: 'waiting' });
  const [attempt, setAttempt] = useState(0);
  // Whether the user has been through the consent popup, so a second consent prompt says it is needed still.
  const consentAsked = useRef(false);
  const retry = useCallback(() => {
    setMode({ kind: 'probing' });
    setStep({ step: 'waiting' });
    setAttempt((n) => n + 1);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    (takeEarlyPersonas() ?? new ApiClient({ kind: 'none' }).get(paths.personas(), personaListSchema, controller.signal)).then(
      (personas) => !controller.signal.aborted && setMode({ kind: 'local', personas }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 404) setMode({ kind: 'production' });
        else setMode({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const signIn = useCallback(async (credentials: Credentials) => {
    setStep({ step: 'waiting' });
    const early = credentials.kind === 'dev' ? takeEarlyMe(credentials.email) : undefined;
    const client = early?.client ?? new ApiClient(credentials);
    try {
      const me = await (early?.answer ?? client.get(paths.me(), meSchema));
      announceSignedIn(client);
      const switchPersona =
        credentials.kind === 'dev'
          ? () => {
              forgetPersona();
              setStep({ step: 'choosing' });
            }
          : undefined;
      setStep({ step: 'ready', session: { client, me, switchPersona } });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (credentials.kind === 'dev' && error instanceof ApiError && (error.status === 401 || error.status === 403)) {
        forgetPersona();
        setStep({ step: 'choosing', notice: `That persona could not sign in: ${message}` });
      } else if (credentials.kind === 'bearer' && isConsentError(error)) setStep({ step: 'consent' });
      else setStep({ step: 'failed', message });
    }
  }, []);

  useEffect(() => {
    if (mode.kind === 'failed') setStep({ step: 'failed', message: mode.message });
    if (mode.kind === 'local') {
      const saved = loadPersona()?.toLowerCase();
      if (saved && mode.personas.some((p) => p.email.toLowerCase() === saved)) void signIn({ kind: 'dev', email: saved });
      else setStep({ step: 'choosing' });
    }
    if (mode.kind === 'production' && host !== 'detecting') {
      if (host === 'teams') void signIn({ kind: 'bearer', token: teamsToken });
      else setStep({ step: 'teamsOnly' });
    }
  }, [mode, host, signIn]);

  const choose = useCallback(
    (email: string) => {
      savePersona(email);
      void signIn({ kind: 'dev', email });
    },
    [signIn],
  );

  const signInAfterConsent = useCallback(() => {
    consentAsked.current = true;
    void signIn({ kind: 'bearer', token: teamsToken });
  }, [signIn]);

  if (step.step === 'ready') return <SessionContext.Provider value={step.session}>{children}</SessionContext.Provider>;

  return (
    <Shell>
      {step.step === 'waiting' && (
        <>
          <PageHeading focusKey="signing-in">RiskPanel</PageHeading>
          <div role="status" aria-live="polite">
            <Spinner label="Signing in…" />
          </div>
        </>
      )}
      {step.step === 'choosing' && mode.kind === 'local' && (
        <>
          {step.notice && <ErrorNotice title="Sign-in refused" message={step.notice} />}
          <Suspense fallback={<Spinner label="Loading the demo personas…" />}>
            <PersonaPicker personas={mode.personas} onChoose={choose} />
          </Suspense>
        </>
      )}
      {step.step === 'teamsOnly' && (
        <>
          <PageHeading focusKey="teams-only">Sign in through Teams</PageHeading>
          <p>RiskPanel opens inside Microsoft Teams, where you are signed in already. Open the RiskPanel tab in your partnership&apos;s team.</p>
        </>
      )}
      {step.step === 'consent' && <ConsentPanel onConsented={signInAfterConsent} stillNeeded={consentAsked.current} />}
      {step.step === 'failed' && (
        <>
          <PageHeading focusKey="failed">RiskPanel could not start</PageHeading>
          <ErrorNotice title="Sign-in failed" message={step.message} onRetry={retry} />
        </>
      )}
    </Shell>
  );
}
