import { safeData, safeText, visibleText, WORD_JOINER } from '../../src/cards/safeText';

describe('safeText', () => {
  it('breaks every template opener with an invisible joiner and nothing else', () => {
    expect(safeText('${a} {{b}} {{{c $${d')).toBe(`$${WORD_JOINER}{a} {${WORD_JOINER}{b}} {${WORD_JOINER}{${WORD_JOINER}{c $$${WORD_JOINER}{d`);
    expect(visibleText(safeText('${a} {{b}} {{{c $${d'))).toBe('${a} {{b}} {{{c $${d');
    expect(safeText('$ { } {x} $x')).toBe('$ { } {x} $x');
  });

  it('keeps markdown, HTML, emoji and right-to-left letters exactly', () => {
    for (const text of ['**b** _i_ [l](https://x.example)', '<b>x</b> &amp;', '👩🏽‍⚕️🔥', 'שלום مرحبا']) expect(safeText(text)).toBe(text);
  });

  it('removes controls and direction overrides, and turns line breaks into spaces unless multi-line', () => {
    expect(safeText('a\u0000b\u001bc\u009fd\u202Ee\u2067f\u2069')).toBe('abcdef');
    expect(safeText('a\nb\r\nc\u2028d\te')).toBe('a b c d e');
    expect(safeText('a\nb\r\nc', { multiline: true })).toBe('a\nb\nc');
  });

  it('cuts long values at a code point, never inside an emoji, and marks the cut', () => {
    const cut = safeText('😀'.repeat(600));
    expect([...cut]).toHaveLength(500);
    expect(cut.endsWith('😀\u2026')).toBe(true);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(safeText('abcdef', { max: 4 })).toBe('abc\u2026');
    expect(safeText('abcd', { max: 4 })).toBe('abcd');
  });

  it('gives text for numbers and booleans, and nothing for missing values or structures', () => {
    expect([5, 0, true, false, null, undefined, NaN, {}, [], () => 1].map((v) => safeText(v))).toEqual(['5', '0', 'Yes', 'No', '', '', '', '', '', '']);
  });
});

describe('safeData', () => {
  it('keeps arrays of records for repetition and flattens any other structure to empty text', () => {
    expect(safeData({ a: '${x}', n: 3, list: [{ u: '{{y}}', deep: { type: 'Image' } }, 'p'], obj: { type: 'Image', url: 'u' } })).toEqual({
      a: `$${WORD_JOINER}{x}`,
      n: '3',
      list: [{ u: `{${WORD_JOINER}{y}}`, deep: '' }, 'p'],
      obj: '',
    });
  });
});
