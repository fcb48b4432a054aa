import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { StageView } from '../../../../src/contract';
import { ErrorNotice, LiveStatus } from '../../components/Status';
import { UserText } from '../../components/UserText';
import { AGENDA_KIND_LABELS } from '../../labels';
import { LiveStatusLine } from '../../live/LiveStatusLine';
import { useLiveStage } from '../../live/useLiveMeeting';
import { itemOf } from './meetingLabels';
import { SurfaceFrame } from './SurfaceFrame';
import { formatTimeLeft, useSecondsLeft } from './useSecondsLeft';

const useStyles = makeStyles({
  page: { display: 'grid', gap: tokens.spacingVerticalXXL, gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr)', '@media (max-width: 800px)': { gridTemplateColumns: 'minmax(0, 1fr)' } },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2, gridColumn: '1 / -1' },
  now: { display: 'grid', gap: tokens.spacingVerticalL, alignContent: 'start' },
  itemOf: { fontSize: tokens.fontSizeBase500, color: tokens.colorNeutralForeground2 },
  kind: { margin: 0, fontSize: tokens.fontSizeHero800, lineHeight: tokens.lineHeightHero800, fontWeight: tokens.fontWeightSemibold },
  label: { fontSize: tokens.fontSizeHero900, lineHeight: tokens.lineHeightHero900, fontWeight: tokens.fontWeightBold, overflowWrap: 'anywhere' },
  timer: { fontSize: tokens.fontSizeHero900, lineHeight: tokens.lineHeightHero900, fontVariantNumeric: 'tabular-nums' },
  over: { color: tokens.colorPaletteRedForeground1 },
  order: { display: 'grid', gap: tokens.spacingVerticalM, alignContent: 'start' },
  h2: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXXL, display: 'grid', gap: tokens.spacingVerticalS, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  current: { fontWeight: tokens.fontWeightBold },
  done: { color: tokens.colorNeutralForeground2, textDecorationLine: 'line-through' },
  status: { gridColumn: '1 / -1' },
});

/** The meeting stage (`#/meetings/<id>/stage`, Teams' meetingStage): the page itself, in its stage frame. */
export default function StagePage({ id }: { id: string }) {
  return (
    <SurfaceFrame surface="stage">
      <StageContent id={id} />
    </SurfaceFrame>
  );
}

/**
 * What a room sees: the current item large (reference and initials, or "Restricted case", the kind, the time left)
 * and the running order. The server sends the stage its own view with nothing else in it, so no name or narrative
 * can reach this page whoever opens it.
 */
export function StageContent({ id }: { id: string }) {
  const live = useLiveStage(id);
  if (!live.data) {
    return live.error ? <ErrorNotice title="The stage could not be opened" message={live.error.message} /> : <LiveStatus message="Opening the stage…" busy />;
  }
  return <Stage stage={live.data} status={<LiveStatusLine status={live.status} onReconnect={live.reconnect} />} />;
}

function Stage({ stage, status }: { stage: StageView; status: ReactNode }) {
  const styles = useStyles();
  const secondsLeft = useSecondsLeft(stage.current?.endsAt, stage.serverTime);
  return (
    <div className={styles.page}>
      <h1 className={styles.title}>
        <UserText>{stage.title}</UserText>
      </h1>
      <section className={styles.now} aria-labelledby="stage-now">
        <h2 id="stage-now" className={styles.h2}>
          {stage.current ? 'Now' : stage.status === 'held' || stage.status === 'minutes_issued' ? 'The meeting has ended' : 'Not started yet'}
        </h2>
        {stage.current && (
          <>
            <span className={styles.itemOf}>{itemOf(stage.current.order, stage.runningOrder.length)}</span>
            <p className={styles.kind}>{AGENDA_KIND_LABELS[stage.current.kind]}</p>
            <p className={styles.label} data-testid="stage-label">
              <UserText>{stage.current.label}</UserText>
            </p>
            {secondsLeft !== undefined && (
              <span role="timer" className={mergeClasses(styles.timer, secondsLeft < 0 && styles.over)}>
                {formatTimeLeft(secondsLeft)}
              </span>
            )}
          </>
        )}
        {stage.next && (
          <span className={styles.itemOf}>
            Next: {AGENDA_KIND_LABELS[stage.next.kind]}, <UserText>{stage.next.label}</UserText>
          </span>
        )}
      </section>
      <section className={styles.order} aria-labelledby="stage-order">
        <h2 id="stage-order" className={styles.h2}>
          Running order
        </h2>
        <ol className={styles.list} aria-label="Running order">
          {stage.runningOrder.map((line) => (
            <li
              key={line.order}
              aria-current={line.state === 'current' ? 'step' : undefined}
              className={mergeClasses(line.state === 'current' && styles.current, line.state === 'done' && styles.done)}
            >
              {AGENDA_KIND_LABELS[line.kind]}: <UserText>{line.label}</UserText> · {line.minutesAllotted} min
            </li>
          ))}
        </ol>
      </section>
      <div className={styles.status}>{status}</div>
    </div>
  );
}
