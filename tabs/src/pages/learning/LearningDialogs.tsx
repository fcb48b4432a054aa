import { Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { LEARNING_REVIEW_KINDS, LEARNING_REVIEW_KIND_LABELS, type LearningReviewKind } from '../../../../src/domain/boardWork';
import { learningReviewRecordSchema, paths, savedActionSchema } from '../../../../src/contract';
import { useApiClient } from '../../auth/session';
import { CommandDialog } from '../../components/CommandDialog';
import { MemberOptions } from '../../components/MemberOptions';
import { errorProps } from '../../forms/FormParts';
import type { FieldErrors } from '../../forms/fieldErrors';
import { daysFromToday, todayIso } from '../../format';
import { useDirectory } from '../../hooks/useDirectory';
import { actionOwners } from './ownerChoices';

const useStyles = makeStyles({
  pair: {
    display: 'grid', gap: tokens.spacingHorizontalL, gridTemplateColumns: 'repeat(auto-fit, minmax(12rem, 1fr))', alignItems: 'start',
    '& > *': { minWidth: 0 },
    '& .fui-Select, & select': { minWidth: 0, width: '100%' },
  },
});

/** A coordinator records a new learning review; its reference is numbered by the server. */
export function CreateReviewDialog({ onDone }: { onDone: (id: string, what: string) => void }) {
  const styles = useStyles();
  const client = useApiClient();
  const fresh = { title: '', kind: 'sar' as LearningReviewKind, startedOn: todayIso() };
  const [r, setR] = useState(fresh);
  const set = (patch: Partial<typeof fresh>) => setR((previous) => ({ ...previous, ...patch }));
  return (
    <CommandDialog
      trigger="Add a learning review"
      icon={<AddRegular />}
      title="Add a learning review"
      submitLabel="Add the review"
      fields={['title', 'kind', 'startedOn']}
      onOpen={() => setR(fresh)}
      validate={() => {
        const e: FieldErrors = {};
        if (!r.title.trim()) e.title = 'Give the review a title.';
        if (!r.startedOn) e.startedOn = 'Choose when the review started.';
        return e;
      }}
      send={() => client.post(paths.learningReviews(), { title: r.title.trim(), kind: r.kind, startedOn: r.startedOn }, learningReviewRecordSchema)}
      onDone={(review) => onDone(review.id, `${review.ref} added.`)}
    >
      {(errors) => (
        <>
          <Field label="Title" required hint="Never the adult's name: every member and shared cards see it." {...errorProps(errors.title)}>
            <Input value={r.title} onChange={(_, d) => set({ title: d.value })} maxLength={200} />
          </Field>
          <div className={styles.pair}>
            <Field label="Kind of review" required {...errorProps(errors.kind)}>
              <Select value={r.kind} onChange={(_, d) => set({ kind: d.value as LearningReviewKind })}>
                {LEARNING_REVIEW_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {LEARNING_REVIEW_KIND_LABELS[k]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Started on" required {...errorProps(errors.startedOn)}>
              <Input type="date" value={r.startedOn} onChange={(_, d) => set({ startedOn: d.value })} />
            </Field>
          </div>
        </>
      )}
    </CommandDialog>
  );
}

export function AddRecommendationDialog({ reviewId, version, onDone }: { reviewId: string; version: number; onDone: (what: string) => void }) {
  const client = useApiClient();
  const [text, setText] = useState('');
  return (
    <CommandDialog
      trigger="Add a recommendation"
      icon={<AddRegular />}
      title="Add a recommendation"
      submitLabel="Add the recommendation"
      fields={['text']}
      onOpen={() => setText('')}
      validate={(): FieldErrors => (text.trim() ? {} : { text: 'Write the recommendation.' })}
      send={() => client.post(paths.learningReviewRecommendations(reviewId), { text: text.trim(), expectedVersion: version }, learningReviewRecordSchema)}
      onDone={(review) => onDone(`Recommendation ${review.recommendations.length} added.`)}
    >
      {(errors) => (
        <Field label="Recommendation" required {...errorProps(errors.text)}>
          <Textarea value={text} onChange={(_, d) => setText(d.value)} resize="vertical" rows={4} maxLength={2000} />
        </Field>
      )}
    </CommandDialog>
  );
}

/** An organisation's action answering one recommendation: the owner's agency answers for it. */
export function ReviewActionDialog({ reviewId, numbers, onDone }: { reviewId: string; numbers: number[]; onDone: (what: string) => void }) {
  const styles = useStyles();
  const client = useApiClient();
  const directory = useDirectory();
  const fresh = { recommendationNumber: String(numbers[0] ?? ''), description: '', successMeasure: '', ownerId: '', dueDate: daysFromToday(56) };
  const [a, setA] = useState(fresh);
  const set = (patch: Partial<typeof fresh>) => setA((previous) => ({ ...previous, ...patch }));
  return (
    <CommandDialog
      trigger="Add an action"
      icon={<AddRegular />}
      title="Add an organisation's action"
      submitLabel="Add the action"
      fields={['recommendationNumber', 'description', 'successMeasure', 'ownerId', 'dueDate', 'agencyId']}
      onOpen={() => setA(fresh)}
      validate={() => {
        const e: FieldErrors = {};
        if (!a.description.trim()) e.description = 'Say what will be done.';
        if (!a.successMeasure.trim()) e.successMeasure = 'Say how everyone will know it is done.';
        if (!a.ownerId) e.ownerId = 'Choose who will do it.';
        if (!a.dueDate) e.dueDate = 'Choose when it is due.';
        else if (a.dueDate < todayIso()) e.dueDate = 'The due date cannot be in the past.';
        return e;
      }}
      send={() =>
        client.post(
          paths.learningReviewActions(reviewId),
          { recommendationNumber: Number(a.recommendationNumber), description: a.description.trim(), successMeasure: a.successMeasure.trim(), ownerId: a.ownerId, dueDate: a.dueDate },
          savedActionSchema,
        )
      }
      onDone={() => onDone(`Action added for ${directory.agency(directory.member(a.ownerId)?.agencyId)?.name ?? 'the organisation'} on recommendation ${a.recommendationNumber}.`)}
    >
      {(errors) => (
        <>
          <Field label="Recommendation" required {...errorProps(errors.recommendationNumber)}>
            <Select value={a.recommendationNumber} onChange={(_, d) => set({ recommendationNumber: d.value })}>
              {numbers.map((n) => (
                <option key={n} value={String(n)}>
                  Recommendation {n}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="What will be done" required {...errorProps(errors.description)}>
            <Textarea value={a.description} onChange={(_, d) => set({ description: d.value })} resize="vertical" rows={3} maxLength={1000} />
          </Field>
          <Field label="How we will know it is done" required {...errorProps(errors.successMeasure)}>
            <Textarea value={a.successMeasure} onChange={(_, d) => set({ successMeasure: d.value })} resize="vertical" rows={2} maxLength={1000} />
          </Field>
          <div className={styles.pair}>
            <Field label="Owner" required hint="Their organisation answers for the action." {...errorProps(errors.ownerId ?? errors.agencyId)}>
              <Select value={a.ownerId} onChange={(_, d) => set({ ownerId: d.value })}>
                <option value="">Choose a person</option>
                <MemberOptions members={actionOwners(directory.members)} />
              </Select>
            </Field>
            <Field label="Due date" required {...errorProps(errors.dueDate)}>
              <Input type="date" min={todayIso()} value={a.dueDate} onChange={(_, d) => set({ dueDate: d.value })} />
            </Field>
          </div>
        </>
      )}
    </CommandDialog>
  );
}
