import { Checkbox, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { CalendarAddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { type MeetingView, type ScheduleMeetingBody, meetingViewSchema, paths } from '../../../../src/contract';
import { useApiClient } from '../../auth/session';
import { CommandDialog } from '../../components/CommandDialog';
import { MemberOptions } from '../../components/MemberOptions';
import { errorProps } from '../../forms/FormParts';
import type { FieldErrors } from '../../forms/fieldErrors';
import { useDirectory } from '../../hooks/useDirectory';

const useStyles = makeStyles({
  group: { display: 'grid', gap: tokens.spacingVerticalXS, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM, margin: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  error: { color: tokens.colorPaletteRedForeground1 },
});

const FIELDS = ['title', 'startsAt', 'lengthMinutes', 'chairId', 'deputyChairId', 'quorum.coreAgencyIds', 'quorum.minCoreShare', 'teamsLink'] as const;
const SHARES = [
  { value: '0.5', label: 'Half of them' },
  { value: '0.67', label: 'Two thirds of them' },
  { value: '0.75', label: 'Three quarters of them' },
  { value: '1', label: 'All of them' },
];

/** A coordinator schedules a panel: when, how long, who chairs, the quorum rule and the Teams meeting it runs in. */
export function ScheduleMeetingDialog({ onDone }: { onDone: (meeting: MeetingView) => void }) {
  const styles = useStyles();
  const client = useApiClient();
  const directory = useDirectory();
  const [title, setTitle] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [length, setLength] = useState('120');
  const [chairId, setChairId] = useState('');
  const [deputyChairId, setDeputyChairId] = useState('');
  const [core, setCore] = useState<string[]>([]);
  const [share, setShare] = useState('0.5');
  const [chairRequired, setChairRequired] = useState(true);
  const [teamsLink, setTeamsLink] = useState('');
  const members = directory.members.filter((m) => m.active);
  const agencies = directory.agencies.filter((a) => a.active);

  const reset = () => {
    setTitle('');
    setStartsAt('');
    setLength('120');
    setChairId('');
    setDeputyChairId('');
    setCore(agencies.filter((a) => a.kind !== 'voluntary').map((a) => a.id));
    setShare('0.5');
    setChairRequired(true);
    setTeamsLink('');
  };

  function validate(): FieldErrors {
    const errors: FieldErrors = {};
    if (!title.trim()) errors.title = 'Give the meeting a title.';
    if (!startsAt || Number.isNaN(new Date(startsAt).getTime())) errors.startsAt = 'Choose the date and time.';
    const minutes = Number(length);
    if (!Number.isInteger(minutes) || minutes < 15 || minutes > 480) errors.lengthMinutes = 'A whole number of minutes from 15 to 480.';
    if (!chairId) errors.chairId = 'Choose the chair.';
    if (deputyChairId && deputyChairId === chairId) errors.deputyChairId = 'The deputy must be someone other than the chair.';
    if (core.length === 0) errors['quorum.coreAgencyIds'] = 'Choose at least one core agency.';
    if (teamsLink && !/^https:\/\//.test(teamsLink.trim())) errors.teamsLink = 'Paste the Teams meeting link (it starts https://).';
    return errors;
  }

  const body = (): ScheduleMeetingBody => ({
    title: title.trim(),
    startsAt: new Date(startsAt).toISOString(),
    lengthMinutes: Number(length),
    chairId,
    ...(deputyChairId ? { deputyChairId } : {}),
    quorum: { coreAgencyIds: core, minCoreShare: Number(share), chairRequired },
    ...(teamsLink.trim() ? { teamsLink: teamsLink.trim() } : {}),
  });

  return (
    <CommandDialog<MeetingView>
      trigger="Schedule a meeting"
      icon={<CalendarAddRegular />}
      appearance="primary"
      title="Schedule a panel meeting"
      submitLabel="Schedule"
      fields={FIELDS}
      validate={validate}
      onOpen={reset}
      send={() => client.post(paths.meetings(), body(), meetingViewSchema)}
      onDone={onDone}
    >
      {(err) => (
        <>
          <Field label="Title" required hint="For example: CASPA panel, January 2027" {...errorProps(err.title)}>
            <Input value={title} onChange={(_, d) => setTitle(d.value)} maxLength={200} />
          </Field>
          <Field label="Date and time" required {...errorProps(err.startsAt)}>
            <Input type="datetime-local" value={startsAt} onChange={(_, d) => setStartsAt(d.value)} />
          </Field>
          <Field label="Length in minutes" required {...errorProps(err.lengthMinutes)}>
            <Input type="number" min={15} max={480} value={length} onChange={(_, d) => setLength(d.value)} />
          </Field>
          <Field label="Chair" required {...errorProps(err.chairId)}>
            <Select value={chairId} onChange={(_, d) => setChairId(d.value)}>
              <option value="">Choose the chair</option>
              <MemberOptions members={members} />
            </Select>
          </Field>
          <Field label="Deputy chair (optional)" {...errorProps(err.deputyChairId)}>
            <Select value={deputyChairId} onChange={(_, d) => setDeputyChairId(d.value)}>
              <option value="">No deputy</option>
              <MemberOptions members={members} />
            </Select>
          </Field>
          <fieldset className={styles.group} aria-describedby={err['quorum.coreAgencyIds'] ? 'quorum-error' : undefined}>
            <legend className={styles.legend}>Quorum: core agencies</legend>
            {agencies.map((a) => (
              <Checkbox
                key={a.id}
                label={a.name}
                checked={core.includes(a.id)}
                onChange={(_, d) => setCore((all) => (d.checked ? [...all, a.id] : all.filter((x) => x !== a.id)))}
              />
            ))}
            {err['quorum.coreAgencyIds'] && (
              <span id="quorum-error" className={styles.error}>
                {err['quorum.coreAgencyIds']}
              </span>
            )}
          </fieldset>
          <Field label="Quorate when present" {...errorProps(err['quorum.minCoreShare'])}>
            <Select value={share} onChange={(_, d) => setShare(d.value)}>
              {SHARES.map((s) => (
                <option key={s.value} value={s.value}>{s.label}</option>
              ))}
            </Select>
          </Field>
          <Checkbox label="The chair (or deputy) must be present" checked={chairRequired} onChange={(_, d) => setChairRequired(d.checked === true)} />
          <Field label="Teams meeting link (optional)" hint="Paste the link from the Teams meeting invitation." {...errorProps(err.teamsLink)}>
            <Input type="url" value={teamsLink} onChange={(_, d) => setTeamsLink(d.value)} maxLength={2000} />
          </Field>
        </>
      )}
    </CommandDialog>
  );
}
