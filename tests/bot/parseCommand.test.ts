import { agendaCommand } from '../../bot/chat/agenda';
import { editDistance, nearest } from '../../src/queries/fuzzy';
import { helpCommand } from '../../bot/chat/help';
import { myActionsCommand } from '../../bot/chat/myActions';
import { overdueCommand } from '../../bot/chat/overdue';
import { cleanText, parseCommand } from '../../bot/chat/parseCommand';
import { referCommand } from '../../bot/chat/refer';
import { parseTypedRef, resolveRef } from '../../bot/chat/reference';
import { statusCommand } from '../../bot/chat/status';

describe('parseCommand', () => {
  it('reads "status <reference>" whatever the case, and writes the reference as stored', () => {
    for (const text of [
      'status CASPA-2026-0014', 'STATUS caspa-2026-0014', '  Status   Caspa-2026-0014  ', 'status caspa-2026-0014.', 'status CASPA-2026-0014?',
      'status caspa-2026-14', 'status CASPA 2026 0014', 'status CASPA2026-14', 'status caspa_2026_14', 'status CASPA-2026-OO14', 'case CASPA-2026-0014',
    ]) {
      expect(parseCommand(text)).toEqual({ kind: 'command', command: statusCommand, args: { ref: 'CASPA-2026-0014' } });
    }
    // Other partnerships' prefixes are references too.
    expect(parseCommand('status marm-2025-0003')).toMatchObject({ kind: 'command', args: { ref: 'MARM-2025-0003' } });
  });

  it('reads a bare case number, with or without "status", as this year\'s case of that number', () => {
    for (const text of ['status 14', 'status #14', '14', '#14', '<at>RiskPanel</at> 14']) {
      expect(parseCommand(text)).toEqual({ kind: 'command', command: statusCommand, args: { number: 14 } });
    }
    expect(resolveRef({ number: 14 }, 'CASPA', new Date('2026-03-01T00:00:00Z'))).toBe('CASPA-2026-0014');
    expect(resolveRef({ ref: 'MARM-2025-0003' }, 'CASPA', new Date())).toBe('MARM-2025-0003');
  });

  it('treats a message that is only a reference as "status" of it', () => {
    expect(parseCommand('CASPA-2026-0001')).toEqual({ kind: 'command', command: statusCommand, args: { ref: 'CASPA-2026-0001' } });
  });

  it('reads the other commands, several words long, and their aliases', () => {
    expect(parseCommand('my actions')).toEqual({ kind: 'command', command: myActionsCommand, args: {} });
    expect(parseCommand('My Actions.')).toMatchObject({ command: myActionsCommand });
    expect(parseCommand('mine')).toMatchObject({ command: myActionsCommand });
    expect(parseCommand('overdue')).toEqual({ kind: 'command', command: overdueCommand, args: {} });
    expect(parseCommand('overdue Police')).toEqual({ kind: 'command', command: overdueCommand, args: { agency: 'Police' } });
    expect(parseCommand('overdue Test Fire and Rescue')).toEqual({ kind: 'command', command: overdueCommand, args: { agency: 'Test Fire and Rescue' } });
    expect(parseCommand('agenda')).toEqual({ kind: 'command', command: agendaCommand, args: {} });
    expect(parseCommand('next panel')).toMatchObject({ command: agendaCommand });
    expect(parseCommand('refer')).toEqual({ kind: 'command', command: referCommand, args: {} });
    expect(parseCommand('new referral')).toMatchObject({ command: referCommand });
  });

  it('strips Teams mentions, non-breaking spaces and line breaks before reading', () => {
    expect(cleanText('<at>RiskPanel</at>&nbsp;status\u00a0CASPA-2026-0001\n')).toBe('status CASPA-2026-0001');
    expect(parseCommand('<at id="0">Risk Panel</at> status CASPA-2026-0001')).toMatchObject({ kind: 'command', command: statusCommand });
    expect(parseCommand('<AT>RiskPanel</AT> help')).toMatchObject({ kind: 'command', command: helpCommand });
    expect(parseCommand('<at>RiskPanel</at> my\u00a0actions')).toMatchObject({ kind: 'command', command: myActionsCommand });
  });

  it('reads help (and its aliases), and treats an empty message or a bare mention as help', () => {
    for (const text of ['help', 'HELP', 'help me please', '?', 'hello', '', '   ', '<at>RiskPanel</at>']) {
      expect(parseCommand(text)).toMatchObject({ kind: 'command', command: helpCommand });
    }
  });

  it('says which command was meant when its words do not fit', () => {
    for (const text of ['status', 'status please', 'status CASPA-26-1', 'status CASPA-2026-0001 and more', 'status ${x}', 'status 0']) {
      expect(parseCommand(text)).toEqual({ kind: 'usage', command: statusCommand });
    }
    expect(parseCommand('my actions please')).toEqual({ kind: 'usage', command: myActionsCommand });
    expect(parseCommand(`overdue ${'x'.repeat(61)}`)).toEqual({ kind: 'usage', command: overdueCommand });
  });

  it('suggests the command a close misspelling meant, with the reference written properly', () => {
    expect(parseCommand('stauts CASPA-2026-14')).toEqual({ kind: 'unknown', suggestion: 'status CASPA-2026-0014' });
    expect(parseCommand('statuses CASPA-2026-0001')).toEqual({ kind: 'unknown', suggestion: 'status CASPA-2026-0001' });
    expect(parseCommand('my acitons')).toEqual({ kind: 'unknown', suggestion: 'my actions' });
    expect(parseCommand('overdeu Police')).toEqual({ kind: 'unknown', suggestion: 'overdue Police' });
    expect(parseCommand('agnda')).toEqual({ kind: 'unknown', suggestion: 'agenda' });
    expect(parseCommand('refr')).toEqual({ kind: 'unknown', suggestion: 'refer' });
    // What comes after the command is repeated back only when it is plain words.
    expect(parseCommand('overdeu <b>[x](https://evil.example)</b>')).toEqual({ kind: 'unknown', suggestion: 'overdue' });
  });

  it('does not understand anything else, including very long text, and guesses nothing far off', () => {
    for (const text of ['what is going on', 'close all the cases', 'x'.repeat(10_000), `status ${'A'.repeat(600)}`, 'ho', 'zzzzzzzz']) {
      expect(parseCommand(text)).toEqual({ kind: 'unknown' });
    }
  });
});

describe('typed references', () => {
  it('accepts the ways people write them and refuses the rest', () => {
    expect(parseTypedRef('caspa-2026-7')).toEqual({ ref: 'CASPA-2026-0007' });
    expect(parseTypedRef('CASPA-2026-1234567')).toBeUndefined();
    expect(parseTypedRef('CASPA-2026-0000')).toBeUndefined();
    expect(parseTypedRef('2026-14')).toBeUndefined();
    expect(parseTypedRef('1234567')).toBeUndefined();
  });
});

describe('edit distance', () => {
  it('counts a swap of neighbours as one slip', () => {
    expect(editDistance('status', 'stauts')).toBe(1);
    expect(editDistance('overdue', 'overdeu')).toBe(1);
    expect(editDistance('agenda', 'agnda')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('picks the one nearest candidate, and nothing on a tie or when too far', () => {
    expect(nearest('Polise', ['Police', 'Fire', 'Health'])).toBe('Police');
    expect(nearest('ab', ['ac', 'ad'], 1)).toBeUndefined();
    expect(nearest('xyzxyz', ['Police'])).toBeUndefined();
  });
});
