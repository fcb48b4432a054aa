import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { guardAgainstStaleAriaHidden } from './a11y/staleAriaHidden';
import { App } from './App';

/**
 * Draws the tab: React, Fluent and the shell. Loaded by main.tsx, after it has sent the sign-in requests, so those
 * round trips overlap with this code's download and start-up instead of waiting for them. The build preloads this
 * chunk from index.html (tabs/vite.config.ts), so it downloads alongside main.tsx, not after it.
 */
export function renderApp(root: HTMLElement): void {
  guardAgainstStaleAriaHidden(root);
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
