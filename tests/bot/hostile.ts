/** Hostile values for card text, and what a reader must see for each (after the default 500-character cut). */
export const LONG = `${'A'.repeat(4990)}0123456789`;

export const HOSTILE: [name: string, value: string, seen: string][] = [
  ['markdown', '**bold** _italic_ [click](https://evil.example) - item 1. one # head', '**bold** _italic_ [click](https://evil.example) - item 1. one # head'],
  ['template expression', '${$root.url} ${json($root)} ${if(true,"a","b")}', '${$root.url} ${json($root)} ${if(true,"a","b")}'],
  ['nested and partial expressions', '$${{x}}} ${ {{ }} $', '$${{x}}} ${ {{ }} $'],
  ['card date function', '{{DATE(2017-02-14T06:00:00Z, SHORT)}}', '{{DATE(2017-02-14T06:00:00Z, SHORT)}}'],
  ['HTML', '<script>alert(1)</script><b onclick="x()">b</b> &amp; &lt;', '<script>alert(1)</script><b onclick="x()">b</b> &amp; &lt;'],
  ['5,000 characters', LONG, `${'A'.repeat(499)}\u2026`],
  ['emoji', '👩🏽‍⚕️ 🧯🔥 🏳️‍🌈', '👩🏽‍⚕️ 🧯🔥 🏳️‍🌈'],
  ['right-to-left text', 'مرحبا بالعالم שלום עולם', 'مرحبا بالعالم שלום עולם'],
  ['direction overrides and controls', 'abc\u202Efed\u2066x\u2069\u0000\u0007', 'abcfedx'],
  ['line breaks', 'one\ntwo\r\nthree', 'one two three'],
];

/** What a reader sees of `seen` in a field cut at `max` code points (the ellipsis counts as one). */
export function cut(seen: string, max: number): string {
  const points = [...seen];
  return points.length <= max ? seen : `${points.slice(0, max - 1).join('')}\u2026`;
}
