import {
  Badge, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Select, Text, Textarea, makeStyles, mergeClasses, tokens,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { CHRONOLOGY_TYPES, SIGNIFICANCE_LEVELS, type ChronologyType, type Significance } from '../../../../../src/domain/enums';
import { type FullCaseView, type ChronologyItem, chronologyEntrySchema, paths } from '../../../../../src/contract';
import { useApiClient, useSession } from '../../../auth/session';
import { CommandDialog } from '../../../components/CommandDialog';
import { Section, useMutedStyles } from '../../../components/Section';
import { errorProps } from '../../../forms/FormParts';
import type { FieldErrors } from '../../../forms/fieldErrors';
import { formatDateTime, localDateTimeInput } from '../../../format';
import { useDirectory } from '../../../hooks/useDirectory';
import { CHRONOLOGY_TYPE_LABELS, SIGNIFICANCE_LABELS } from '../../../labels';
import { UserText } from '../../../components/UserText';

const useStyles = makeStyles({
  timeline: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalL, position: 'relative' },
  entry: {
    position: 'relative',
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalXL,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    // The dot on the line marks when it happened.
    '::before': {
      content: '""',
      position: 'absolute',
      left: '-7px',
      top: '4px',
      width: '10px',
      height: '10px',
      borderRadius: '50%',
      backgroundColor: tokens.colorNeutralBackground1,
      border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    },
  },
  high: {
    borderLeftColor: tokens.colorPaletteRedBorder2,
    '::before': {
      borderTopColor: tokens.colorPaletteRedBorder2,
      borderRightColor: tokens.colorPaletteRedBorder2,
      borderBottomColor: tokens.colorPaletteRedBorder2,
      borderLeftColor: tokens.colorPaletteRedBorder2,
    },
  },
  meta: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center', color: tokens.colorNeutralForeground2 },
  summary: { whiteSpace: 'pre-wrap' },
  note: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  pair: { display: 'grid', gap: tokens.spacingHorizontalL, gridTemplateColumns: 'repeat(auto-fit, minmax(12rem, 1fr))',
    alignItems: 'start',
    // Long option text must not push a select past its column.
    '& > *': { minWidth: 0 },
    '& .fui-Select, & select': { minWidth: 0, width: '100%' },
  },
});

const newestFirst = (a: ChronologyItem, b: ChronologyItem) => b.occurredAt.localeCompare(a.occurredAt) || (b.recordedAt ?? '').localeCompare(a.recordedAt ?? '');

/** The case's history as a timeline, newest first; entries are never edited, a correction is a new entry pointing back. */
export function ChronologySection({ detail, onChanged }: { detail: FullCaseView; onChanged: () => void }) {
  const styles = useStyles();
  const muted = useMutedStyles();
  const directory = useDirectory();
  const entries = detail.chronology ?? [];
  const [added, setAdded] = useState<string>();
  const byId = new Map(entries.map((e) => [e.id, e]));
  const corrected = new Set(entries.map((e) => e.correctsEntryId).filter(Boolean));
  return (
    <Section
      title="Chronology"
      id="chronology-heading"
      tools={
        detail.can?.addChronology ? (
          <AddEntryDialog
            caseId={detail.case.id}
            entries={entries}
            onDone={() => {
              setAdded('Entry added to the chronology.');
              onChanged();
            }}
          />
        ) : undefined
      }
    >
      <div role="status" aria-live="polite">
        {added && (
          <MessageBar intent="success">
            <MessageBarBody>{added}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {entries.length === 0 ? (
        <p className={muted.muted}>No chronology entries yet.</p>
      ) : (
        <ol className={styles.timeline} aria-label="Chronology, newest first">
          {[...entries].sort(newestFirst).map((e) => {
            const original = e.correctsEntryId ? byId.get(e.correctsEntryId) : undefined;
            return (
              <li key={e.id} className={mergeClasses(styles.entry, e.significance === 'high' && styles.high)}>
                <span className={styles.meta}>
                  <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt)}</time>
                  <Text weight="semibold">{CHRONOLOGY_TYPE_LABELS[e.type]}</Text>
                  {e.sourceAgencyId && <span>{directory.agency(e.sourceAgencyId)?.shortName ?? ''}</span>}
                  {e.significance && (
                    <Badge appearance="tint" shape="rounded" color={e.significance === 'high' ? 'danger' : e.significance === 'medium' ? 'warning' : 'subtle'}>
                      {SIGNIFICANCE_LABELS[e.significance]}
                    </Badge>
                  )}
                  {e.correctsEntryId && (
                    <Badge appearance="outline" shape="rounded">
                      Correction
                    </Badge>
                  )}
                  {corrected.has(e.id) && (
                    <Badge appearance="outline" shape="rounded" color="warning">
                      Corrected later
                    </Badge>
                  )}
                </span>
                <Text className={styles.summary}>
                  <UserText>{e.summary}</UserText>
                </Text>
                {original && <span className={styles.note}>Corrects the entry of {formatDateTime(original.occurredAt)} ({CHRONOLOGY_TYPE_LABELS[original.type]}).</span>}
                {e.recordedAt && (
                  <span className={styles.note}>
                    Recorded {formatDateTime(e.recordedAt)}
                    {e.recordedById && directory.member(e.recordedById) ? ` by ${directory.member(e.recordedById)!.name}` : ''}
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
}

/** Clocks differ a little between devices and the server (the server allows five minutes). */
const SKEW_MS = 5 * 60_000;

function AddEntryDialog({ caseId, entries, onDone }: { caseId: string; entries: ChronologyItem[]; onDone: () => void }) {
  const styles = useStyles();
  const client = useApiClient();
  const { me } = useSession();
  const directory = useDirectory();
  const fresh = () => ({
    occurredAt: localDateTimeInput(),
    type: '' as ChronologyType | '',
    significance: 'medium' as Significance,
    sourceAgencyId: me.agency.id,
    summary: '',
    correctsEntryId: '',
  });
  const [e, setE] = useState(fresh);
  const set = (patch: Partial<ReturnType<typeof fresh>>) => setE((previous) => ({ ...previous, ...patch }));

  function validate(): FieldErrors {
    const problems: FieldErrors = {};
    const when = new Date(e.occurredAt);
    if (!e.occurredAt || Number.isNaN(when.getTime())) problems.occurredAt = 'Enter when it happened.';
    else if (when.getTime() > Date.now() + SKEW_MS) problems.occurredAt = 'It cannot have happened in the future.';
    if (!e.type) problems.type = 'Choose what kind of event it was.';
    if (!e.summary.trim()) problems.summary = 'Say what happened.';
    return problems;
  }

  return (
    <CommandDialog
      trigger="Add an entry"
      icon={<AddRegular />}
      title="Add to the chronology"
      submitLabel="Add the entry"
      fields={['occurredAt', 'type', 'significance', 'sourceAgencyId', 'summary', 'correctsEntryId']}
      onOpen={() => setE(fresh())}
      validate={validate}
      send={() =>
        client.post(
          paths.caseChronology(caseId),
          {
            occurredAt: new Date(e.occurredAt).toISOString(),
            type: e.type,
            significance: e.significance,
            summary: e.summary.trim(),
            ...(e.sourceAgencyId ? { sourceAgencyId: e.sourceAgencyId } : {}),
            ...(e.correctsEntryId ? { correctsEntryId: e.correctsEntryId } : {}),
          },
          chronologyEntrySchema,
        )
      }
      onDone={onDone}
    >
      {(errors) => (
        <>
          <div className={styles.pair}>
            <Field label="When it happened" required {...errorProps(errors.occurredAt)}>
              <Input type="datetime-local" value={e.occurredAt} max={localDateTimeInput()} onChange={(_, d) => set({ occurredAt: d.value })} />
            </Field>
            <Field label="Kind of event" required {...errorProps(errors.type)}>
              <Select value={e.type} onChange={(_, d) => set({ type: d.value as ChronologyType })}>
                <option value="">Choose a kind</option>
                {CHRONOLOGY_TYPES.filter((t) => t !== 'panel_decision').map((t) => (
                  <option key={t} value={t}>
                    {CHRONOLOGY_TYPE_LABELS[t]}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <Field label="Significance" required {...errorProps(errors.significance)}>
            <RadioGroup layout="horizontal" value={e.significance} onChange={(_, d) => set({ significance: d.value as Significance })}>
              {SIGNIFICANCE_LEVELS.map((s) => (
                <Radio key={s} value={s} label={SIGNIFICANCE_LABELS[s]} />
              ))}
            </RadioGroup>
          </Field>
          <Field label="Source agency" {...errorProps(errors.sourceAgencyId)}>
            <Select value={e.sourceAgencyId} onChange={(_, d) => set({ sourceAgencyId: d.value })}>
              {directory.agencies.filter((a) => a.active !== false).map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="What happened" required hint="Facts, as recorded by the source agency. Shared with every agency that can see the case." {...errorProps(errors.summary)}>
            <Textarea value={e.summary} onChange={(_, d) => set({ summary: d.value })} resize="vertical" rows={4} maxLength={2000} />
          </Field>
          {entries.length > 0 && (
            <Field label="Corrects an earlier entry (optional)" hint="Entries are never changed: a correction is added and points to the entry it corrects." {...errorProps(errors.correctsEntryId)}>
              <Select value={e.correctsEntryId} onChange={(_, d) => set({ correctsEntryId: d.value })}>
                <option value="">No, this is a new event</option>
                {[...entries].sort(newestFirst).map((entry) => (
                  <option key={entry.id} value={entry.id}>
                    {formatDateTime(entry.occurredAt)}: {CHRONOLOGY_TYPE_LABELS[entry.type]}
                  </option>
                ))}
              </Select>
            </Field>
          )}
        </>
      )}
    </CommandDialog>
  );
}
