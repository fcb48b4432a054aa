/**
 * Fluent's modal Dialog hides the rest of the page from assistive technology (tabster sets aria-hidden="true" on
 * #root while it is open). When a dialog is unmounted before tabster's delayed clean-up runs (its trigger's row
 * removed after a save, or the page changed straight after closing it), the attribute is left behind and the whole
 * tab becomes invisible to screen readers (microsoft/fluentui#35139, microsoft/tabster#530).
 *
 * This guard watches for that: whenever no modal dialog is open, nothing outside a dialog should be aria-hidden
 * by the modalizer, so it removes the attribute from the app's own containers. Returns a function that stops it.
 */
const MODAL = '[role="dialog"][aria-modal="true"], [role="alertdialog"][aria-modal="true"]';
/** Longer than tabster's own 250 ms update, so it only acts when tabster did not. */
const SETTLE_MS = 400;

export function guardAgainstStaleAriaHidden(root: HTMLElement = document.getElementById('root')!): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    timer = undefined;
    if (document.querySelector(MODAL)) return;
    if (root.getAttribute('aria-hidden') === 'true') root.removeAttribute('aria-hidden');
  };
  const schedule = () => {
    if (timer === undefined) timer = setTimeout(check, SETTLE_MS);
  };
  const observer = new MutationObserver(schedule);
  observer.observe(document.body, { childList: true });
  observer.observe(root, { attributes: true, attributeFilter: ['aria-hidden'] });
  return () => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  };
}
