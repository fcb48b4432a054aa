import { Component, type ReactNode } from 'react';
import { ErrorNotice } from './Status';

interface State { error?: Error }

/**
 * A page whose code could not be fetched (each page is its own chunk) or that failed while rendering: said
 * plainly, with a retry, instead of a blank tab.
 */
export class PageErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, State> {
  override state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidUpdate(previous: { resetKey: string }) {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: undefined });
  }

  override render() {
    if (!this.state.error) return this.props.children;
    const chunk = /dynamically imported module|Failed to fetch|Importing a module script failed/i.test(this.state.error.message);
    return (
      <ErrorNotice
        title="This page could not be shown"
        message={chunk ? 'Part of RiskPanel could not be downloaded. Check your connection and try again.' : this.state.error.message}
        onRetry={() => window.location.reload()}
      />
    );
  }
}
