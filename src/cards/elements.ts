// Building blocks for card templates. The rule that keeps cards safe: text written here (labels, titles) goes in
// TextBlocks; anything that comes from data goes in a TextRun (no markdown there), always as a `${field}` binding.

/** A heading or a fixed sentence. Never pass data here: TextBlock text is markdown. */
export const fixedText = (text: string, extra: Record<string, unknown> = {}) => ({ type: 'TextBlock', text, wrap: true, ...extra });

/** A line of data: one RichTextBlock of TextRuns (plain text, shown literally). `bindings` are `${field}` expressions. */
export const dataLine = (runs: (string | { text: string; [style: string]: unknown })[], extra: Record<string, unknown> = {}) => ({
  type: 'RichTextBlock',
  inlines: runs.map((run) => (typeof run === 'string' ? { type: 'TextRun', text: run } : { type: 'TextRun', ...run })),
  ...extra,
});

/** A label/value row; the label is fixed text, the value a data binding. */
export const factRow = (label: string, binding: string) => ({
  type: 'ColumnSet',
  spacing: 'Small',
  columns: [
    { type: 'Column', width: 2, items: [fixedText(label, { weight: 'Bolder' })] },
    { type: 'Column', width: 3, items: [dataLine([binding])] },
  ],
});
