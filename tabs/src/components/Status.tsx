import {
  Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, makeStyles, mergeClasses,
} from '@fluentui/react-components';

const useStyles = makeStyles({
  visible: { minHeight: '1.5em' },
  // Read by screen readers, not shown: the page itself already says it.
  hidden: {
    position: 'absolute', width: '1px', height: '1px', margin: '-1px', padding: 0, overflow: 'hidden',
    clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0,
  },
});

/** A polite live region: screen readers hear "Loading…" and "Showing 20 of 143 cases" without moving focus. */
export function LiveStatus({ message, busy, hidden }: { message: string; busy?: boolean; hidden?: boolean }) {
  const styles = useStyles();
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className={mergeClasses(hidden ? styles.hidden : styles.visible)}>
      {busy ? <Spinner size="tiny" label={message} labelPosition="after" /> : <span>{message}</span>}
    </div>
  );
}

/** An error the user should act on, announced at once (role=alert). */
export function ErrorNotice({ title, message, onRetry, intent = 'error' }: { title: string; message: string; onRetry?: () => void; intent?: 'error' | 'warning' }) {
  return (
    <div role="alert">
      <MessageBar intent={intent} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle>
          {message}
        </MessageBarBody>
        {onRetry && (
          <MessageBarActions>
            <Button onClick={onRetry}>Try again</Button>
          </MessageBarActions>
        )}
      </MessageBar>
    </div>
  );
}
