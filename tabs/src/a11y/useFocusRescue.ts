import { type DependencyList, type RefObject, useEffect, useRef } from 'react';

/**
 * When what had focus disappears (a finished action leaving a list of open ones, with the button that was pressed),
 * the browser drops focus to the top of the page and keyboard and screen-reader users lose their place. This puts
 * it on `target` (by default the container itself, which needs tabIndex -1) whenever `deps` change, focus is
 * nowhere, and it was last inside the container. Focus inside a dialog opened from the container counts as inside.
 */
/** Longer than a Fluent dialog's exit, after which it returns focus to its trigger if the trigger is still there. */
const RESTORE_MS = 350;

export function useFocusRescue(container: RefObject<HTMLElement | null>, deps: DependencyList, target?: () => HTMLElement | null): void {
  const wasInside = useRef(false);
  useEffect(() => {
    const track = (event: FocusEvent) => {
      const element = event.target as Element;
      if (element.closest?.('[role="dialog"]')) return;
      wasInside.current = Boolean(container.current?.contains(element));
    };
    document.addEventListener('focusin', track);
    return () => document.removeEventListener('focusin', track);
  }, [container]);
  useEffect(() => {
    // After a closing dialog has had its chance to give focus back to its trigger (Fluent does so once it is gone).
    const timer = setTimeout(() => {
      const lost = document.activeElement === document.body || document.activeElement === null;
      if (wasInside.current && lost) (target ? target() : container.current)?.focus();
    }, RESTORE_MS);
    return () => clearTimeout(timer);
    // The caller names what changes.
  }, deps);
}
