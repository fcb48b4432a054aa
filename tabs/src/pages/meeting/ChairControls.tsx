import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowNextRegular, ArrowPreviousRegular, PlayRegular } from '@fluentui/react-icons';
import { type MeetingView, OUTCOMES_BY_ITEM_KIND } from '../../../../src/contract';
import { ConfirmButton } from './ConfirmButton';
import { DecisionDialog } from './DecisionDialog';
import type { MeetingCommands } from './meetingApi';
import type { useMeetingCommand } from './useMeetingCommand';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

/**
 * The chair's buttons, each shown only when the server's `can` allows it (the server decides who chairs, from the
 * stored meeting). Previous and next move the whole meeting: every panel and the stage follow.
 */
export function ChairControls({ meeting, commands, command }: {
  meeting: MeetingView;
  commands: MeetingCommands;
  command: ReturnType<typeof useMeetingCommand>;
}) {
  const styles = useStyles();
  const { can } = meeting;
  const currentLine = meeting.current ? meeting.agenda.find((l) => l.id === meeting.current?.agendaItemId) : undefined;
  const order = currentLine?.order ?? 0;
  const previous = [...meeting.agenda].reverse().find((l) => l.order < order);
  const next = meeting.agenda.find((l) => l.order > order);
  const busy = Boolean(command.busy);
  const canDecide = can.recordDecision && currentLine && OUTCOMES_BY_ITEM_KIND[currentLine.kind].length > 0;
  if (!can.start && !can.drive && !canDecide && !can.end) return null;

  return (
    <div role="group" aria-label="Chair's controls" className={styles.root}>
      {can.start && (
        <Button
          appearance="primary"
          icon={<PlayRegular />}
          disabledFocusable={busy}
          onClick={() => void command.run('Starting the meeting…', () => commands.start(meeting.version), 'The meeting has started.')}
        >
          Start the meeting
        </Button>
      )}
      {can.drive && (
        <>
          <Button
            icon={<ArrowPreviousRegular />}
            disabledFocusable={busy || !previous}
            onClick={() => previous && void command.run(`Going back to item ${previous.order}…`, () => commands.moveTo(meeting.version, previous.id), `Now on item ${previous.order}.`)}
          >
            Previous item
          </Button>
          <Button
            appearance={canDecide ? 'secondary' : 'primary'}
            icon={<ArrowNextRegular />}
            iconPosition="after"
            disabledFocusable={busy || !next}
            onClick={() => next && void command.run(`Moving to item ${next.order}…`, () => commands.moveTo(meeting.version, next.id), `Now on item ${next.order}.`)}
          >
            {currentLine ? 'Next item' : 'First item'}
          </Button>
        </>
      )}
      {canDecide && currentLine && (
        <DecisionDialog meeting={meeting} line={currentLine} send={commands.recordDecision} onDone={(view) => void command.run('Showing the decision…', async () => view, `Decision recorded on item ${currentLine.order}.`)} />
      )}
      {can.end && (
        <ConfirmButton
          label="End the meeting"
          title="End the meeting?"
          question="The meeting moves to held and the draft minutes are written from the decisions, actions and attendance recorded. Items not reached stay undecided."
          confirmLabel="End the meeting"
          disabled={busy}
          onConfirm={() => void command.run('Ending the meeting…', () => commands.end(meeting.version), 'The meeting has ended; the draft minutes are ready.')}
        />
      )}
    </div>
  );
}
