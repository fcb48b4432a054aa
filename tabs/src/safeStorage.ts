/**
 * Storage can be unavailable (privacy settings, some embedded webviews); the tab still works without it. Its own
 * module, free of Fluent, because the tab's first script (main.tsx) reads the saved persona with it.
 */
export function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
