import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { StreamStatus } from './eventStream';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, minHeight: '1.5em' },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
});

export const statusText = (status: StreamStatus): string => {
  switch (status.state) {
    case 'connecting':
      return 'Connecting to the meeting…';
    case 'live':
      return 'Following the meeting live.';
    case 'reconnecting':
      return 'Connection lost: reconnecting…';
    case 'failed':
      return `Live updates stopped: ${status.message}`;
  }
};

/**
 * Whether the page is following the chair: a polite live region, so a screen reader hears "reconnecting" and
 * "following live" without losing its place; nothing is said while all is well beyond the first connection.
 */
export function LiveStatusLine({ status, onReconnect }: { status: StreamStatus; onReconnect?: () => void }) {
  const styles = useStyles();
  const className = status.state === 'reconnecting' ? styles.warn : status.state === 'failed' ? styles.bad : undefined;
  return (
    <div className={styles.root}>
      <span role="status" aria-live="polite" aria-atomic="true" className={className} data-live-state={status.state}>
        {statusText(status)}
      </span>
      {status.state === 'reconnecting' && onReconnect && (
        <Button size="small" onClick={onReconnect}>
          Reconnect now
        </Button>
      )}
    </div>
  );
}
