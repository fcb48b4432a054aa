import { Button, Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, DocumentRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { type SubjectAccessFormat, paths, problemSchema } from '../../../../../src/contract';
import { NETWORK_MESSAGE } from '../../../api/client';
import { saveBlob } from '../../../api/saveFile';
import { useApiClient } from '../../../auth/session';
import { Section, useMutedStyles } from '../../../components/Section';
import { ErrorNotice, LiveStatus } from '../../../components/Status';

const useStyles = makeStyles({
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const FORMAT_WORDS: Record<SubjectAccessFormat, string> = { docx: 'Word document', json: 'JSON file' };
const MIN_REASON = 3;

/** The name the server gave the file (Content-Disposition), else one from the reference. */
function fileNameOf(response: Response, fallback: string): string {
  const m = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(response.headers.get('content-disposition') ?? '');
  return m ? decodeURIComponent(m[1]!) : fallback;
}

type Outcome = { ok: true; fileName: string } | { ok: false; message: string; reasonProblem?: string };

/**
 * Subject access, for coordinators (shown only when the server's `can.exportSubjectAccess` says so): everything held
 * about the adult, as a Word document to send after review or as JSON. The server answers the file itself, so the tab
 * fetches it with the caller's credentials and hands the browser the download. The reason is required and recorded
 * with the export in the audit trail.
 */
export function SubjectAccessSection({ caseId, caseRef }: { caseId: string; caseRef: string }) {
  const styles = useStyles();
  const muted = useMutedStyles();
  const client = useApiClient();
  const [reason, setReason] = useState('');
  const [reasonProblem, setReasonProblem] = useState<string>();
  const [busy, setBusy] = useState<SubjectAccessFormat>();
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string>();

  async function request(format: SubjectAccessFormat): Promise<Outcome> {
    let response: Response;
    try {
      response = await fetch(paths.caseSubjectAccess(caseId), {
        method: 'POST',
        headers: { ...(await client.headers()), 'Content-Type': 'application/json', Accept: '*/*' },
        body: JSON.stringify({ reason: reason.trim(), format }),
      });
    } catch {
      return { ok: false, message: NETWORK_MESSAGE };
    }
    if (!response.ok) {
      const problem = problemSchema.safeParse(await response.json().catch(() => undefined));
      const onReason = problem.success ? problem.data.errors?.find((e) => e.field === 'reason')?.message : undefined;
      const message = (problem.success ? problem.data.detail ?? problem.data.title : undefined) ?? `The export was refused (${response.status}).`;
      return { ok: false, message, ...(onReason ? { reasonProblem: onReason } : {}) };
    }
    const fileName = fileNameOf(response, `${caseRef} subject access.${format}`);
    try {
      saveBlob(await response.blob(), fileName);
    } catch {
      return { ok: false, message: NETWORK_MESSAGE };
    }
    return { ok: true, fileName };
  }

  async function exportAs(format: SubjectAccessFormat) {
    setError(undefined);
    setStatus('');
    if (reason.trim().length < MIN_REASON) {
      setReasonProblem('Say why you are exporting: the request\'s reference, for example (at least 3 characters).');
      return;
    }
    setReasonProblem(undefined);
    setBusy(format);
    const outcome = await request(format);
    setBusy(undefined);
    if (outcome.ok) {
      setStatus(`Downloaded ${outcome.fileName}.`);
    } else {
      if (outcome.reasonProblem) setReasonProblem(outcome.reasonProblem);
      setError(outcome.message);
    }
  }

  return (
    <Section title="Subject access" id="subject-access-heading">
      <p className={muted.secondary}>
        Export everything held about this adult, this case and any other referral of the same person, to answer their request to see it.
        Information about other people, or from other agencies, is marked for redaction review: check each marking before anything is sent.
        The export is recorded in the audit trail with your reason.
      </p>
      <Field label="Reason for the export" required validationMessage={reasonProblem} validationState={reasonProblem ? 'error' : 'none'}
        hint="For example: subject access request received 14 June, reference SAR-0042.">
        <Textarea value={reason} maxLength={300} resize="vertical" onChange={(_, d) => setReason(d.value)} />
      </Field>
      <div className={styles.buttons}>
        {(['docx', 'json'] as const).map((format) => (
          <Button
            key={format}
            appearance={format === 'docx' ? 'primary' : 'secondary'}
            icon={format === 'docx' ? <DocumentRegular /> : <ArrowDownloadRegular />}
            disabledFocusable={busy !== undefined}
            onClick={() => void exportAs(format)}
          >
            {`Download the ${FORMAT_WORDS[format]}`}
          </Button>
        ))}
      </div>
      <LiveStatus busy={busy !== undefined} message={busy ? `Preparing the ${FORMAT_WORDS[busy]}…` : status} />
      {error && <ErrorNotice title="The export did not work" message={error} />}
    </Section>
  );
}
