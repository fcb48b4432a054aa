import * as ACData from 'adaptivecards-templating';
import { CARD_SCHEMA, cardTemplate, expandCard } from '../../src/cards/expandCard';
import { HELP_TEMPLATE, helpCard } from '../../src/cards/helpCard';
import { visibleText } from '../../src/cards/safeText';
import {
  PERSONAL_STATUS_TEMPLATE, type PersonalStatusCardData, personalStatusCard, SHARED_STATUS_TEMPLATE, sharedStatusCard,
} from '../../src/cards/statusCard';
import { elementsOf, outline, parseCard, textBlocks, textRuns } from './cardSupport';
import { HOSTILE } from './hostile';

const URL = 'http://localhost:3978/#/cases/case-1';

const representative: PersonalStatusCardData = {
  ref: 'CASPA-2026-0014',
  initials: 'A.I.E.',
  status: 'Open',
  riskLevel: 'High',
  leadAgency: 'Police',
  note: 'Details are in the RiskPanel tab.',
  url: URL,
  nextReview: '15 Jul 2026',
  openActions: 3,
  overdueActions: 1,
};


const hostileStatus = (value: string): PersonalStatusCardData => ({
  ...representative,
  ref: value,
  initials: value,
  status: value,
  riskLevel: value,
  leadAgency: value,
  note: value,
  nextReview: value,
});

/** TextBlocks carry only what the template wrote (they are markdown); data is in TextRuns. */
const fixedTexts = (template: unknown) => new Set(textBlocks(template));

describe('card templates', () => {
  it.each([
    ['shared status', SHARED_STATUS_TEMPLATE],
    ['personal status', PERSONAL_STATUS_TEMPLATE],
    ['help', HELP_TEMPLATE],
  ])('%s template is a 1.5 card with the schema, data bound only in TextRuns and urls', (_name, template) => {
    expect(template).toMatchObject({ type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: '1.5' });
    for (const text of textBlocks(template)) expect(text).not.toContain('${');
    const bound = JSON.stringify(template).match(/\$\{[^}]+\}/g) ?? [];
    expect(bound.length).toBeGreaterThan(0);
  });
});

describe('status cards', () => {
  it('render representative data into valid cards with the facts, counts and an Open in RiskPanel link', () => {
    const shared = sharedStatusCard(representative);
    const personal = personalStatusCard(representative);
    for (const card of [shared, personal]) {
      expect(parseCard(card).problems).toEqual([]);
      expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open in RiskPanel', url: URL }]);
    }
    expect(textRuns(shared)).toEqual(['CASPA-2026-0014', ' \u00b7 ', 'A.I.E.', 'Open', 'Details are in the RiskPanel tab.']);
    expect(textRuns(personal)).toEqual([
      'CASPA-2026-0014', ' \u00b7 ', 'A.I.E.', 'Open', 'High', 'Police', '15 Jul 2026', '3', '1', 'Details are in the RiskPanel tab.',
    ]);
    expect(textBlocks(shared)).toEqual(['Case status', 'Status']);
    expect(textBlocks(personal)).toEqual(['Case status', 'Status', 'Risk level', 'Lead agency', 'Next review', 'Open actions', 'Overdue actions']);
    const parsed = parseCard(personal).card;
    expect(parsed.getItemCount()).toBe(4);
    expect(parsed.getActionCount()).toBe(1);
  });

  it('a shared card carries only the shared fields, whatever it is given', () => {
    const card = sharedStatusCard({ ...representative, adultName: 'Alex Imaginary Example' } as PersonalStatusCardData);
    const json = JSON.stringify(card);
    for (const secret of ['15 Jul 2026', 'Alex', 'Next review', 'Overdue']) expect(json).not.toContain(secret);
  });

  describe.each(HOSTILE)('with %s', (_name, value, seen) => {
    it.each([
      ['shared', sharedStatusCard, SHARED_STATUS_TEMPLATE],
      ['personal', personalStatusCard, PERSONAL_STATUS_TEMPLATE],
    ] as const)('the %s card stays valid, keeps its outline and shows the text literally', (_variant, render, template) => {
      const card = render(hostileStatus(value));
      const base = render(representative);
      expect(parseCard(card).problems).toEqual([]);
      expect(outline(card)).toEqual(outline(base));
      expect(parseCard(card).card.getItemCount()).toBe((template.body as unknown[]).length);
      expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open in RiskPanel', url: URL }]);
      const fixed = fixedTexts(template);
      for (const text of textBlocks(card)) expect(fixed.has(text)).toBe(true);
      const runs = textRuns(card).filter((t) => t !== ' \u00b7 ' && !/^\d+$/.test(t));
      expect(runs.length).toBe(textRuns(base).length - 1 - (render === personalStatusCard ? 2 : 0));
      for (const run of runs) expect(visibleText(run)).toBe(seen);
      // Nothing in the card can be read as an expression by a template engine or a card renderer.
      expect(JSON.stringify(card)).not.toMatch(/\$\{|\{\{/);
    });
  });

  it('expanding a rendered hostile card again evaluates nothing in the data', () => {
    const value = '${$root.secret} {{DATE(2017-02-14T06:00:00Z, SHORT)}}';
    const card = personalStatusCard(hostileStatus(value));
    const again = new ACData.Template(card).expand({ $root: { secret: 'LEAKED', $root: {} } });
    expect(JSON.stringify(again)).not.toContain('LEAKED');
    expect(again).toEqual(card);
  });
});

describe('help card', () => {
  it('lists each command with its usage and summary in a valid card', () => {
    const card = helpCard({ commands: [{ usage: 'help', summary: 'Show what I can do.' }, { usage: 'status <reference>', summary: 'Where a case stands.' }] });
    expect(parseCard(card).problems).toEqual([]);
    expect(textRuns(card)).toEqual(['help', 'Show what I can do.', 'status <reference>', 'Where a case stands.']);
    expect(parseCard(card).card.getItemCount()).toBe(4);
  });

  it.each(HOSTILE)('stays valid and literal with %s', (_name, value, seen) => {
    const card = helpCard({ commands: [{ usage: value, summary: value }] });
    expect(parseCard(card).problems).toEqual([]);
    expect(outline(card)).toEqual(outline(helpCard({ commands: [{ usage: 'help', summary: 'Help.' }] })));
    expect(textRuns(card).map(visibleText)).toEqual([seen, seen]);
    const fixed = fixedTexts(HELP_TEMPLATE);
    for (const text of textBlocks(card)) expect(fixed.has(text)).toBe(true);
  });
});

describe('expandCard', () => {
  it('refuses a template that names a field the data does not have, rather than sending "${field}"', () => {
    const template = cardTemplate([{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: '${missing}' }] }]);
    expect(() => expandCard(template, {})).toThrow(/\$\{missing\} unexpanded|left "\$\{missing\}"/);
  });

  it('turns missing values and structures in the data into text, never into card elements', () => {
    const template = cardTemplate([{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: '${value}' }] }]);
    const injected = expandCard(template, { value: { type: 'Image', url: 'https://evil.example/x.png' } });
    expect(elementsOf(injected, 'Image')).toEqual([]);
    expect(textRuns(expandCard(template, { value: null }))).toEqual(['']);
    expect(textRuns(expandCard(template, { value: 7 }))).toEqual(['7']);
  });
});
