import { helpCommand } from '../../bot/commands/help';
import { cleanText, parseCommand } from '../../bot/commands/parseCommand';
import { statusCommand } from '../../bot/commands/status';

describe('parseCommand', () => {
  it('reads "status <reference>" whatever the case, and upper-cases the reference', () => {
    for (const text of ['status CASPA-2026-0014', 'STATUS caspa-2026-0014', '  Status   Caspa-2026-0014  ', 'status caspa-2026-0014.', 'status CASPA-2026-0014?']) {
      expect(parseCommand(text)).toEqual({ kind: 'command', command: statusCommand, args: { ref: 'CASPA-2026-0014' } });
    }
    // Short numbers are left for getCase to pad; other partnerships' prefixes are references too.
    expect(parseCommand('status caspa-2026-14')).toMatchObject({ kind: 'command', args: { ref: 'CASPA-2026-14' } });
    expect(parseCommand('status marm-2025-0003')).toMatchObject({ kind: 'command', args: { ref: 'MARM-2025-0003' } });
  });

  it('strips Teams mentions, non-breaking spaces and line breaks before reading', () => {
    expect(cleanText('<at>RiskPanel</at>&nbsp;status\u00a0CASPA-2026-0001\n')).toBe('status CASPA-2026-0001');
    expect(parseCommand('<at id="0">Risk Panel</at> status CASPA-2026-0001')).toMatchObject({ kind: 'command', command: statusCommand });
    expect(parseCommand('<AT>RiskPanel</AT> help')).toMatchObject({ kind: 'command', command: helpCommand });
  });

  it('reads help (and its aliases), and treats an empty message or a bare mention as help', () => {
    for (const text of ['help', 'HELP', 'help me please', '?', 'hello', '', '   ', '<at>RiskPanel</at>']) {
      expect(parseCommand(text)).toMatchObject({ kind: 'command', command: helpCommand });
    }
  });

  it('says which command was meant when its words do not fit', () => {
    for (const text of ['status', 'status please', 'status CASPA 2026 0001', 'status CASPA-26-1', 'status CASPA-2026-0001 and more', 'status ${x}']) {
      expect(parseCommand(text)).toEqual({ kind: 'usage', command: statusCommand });
    }
  });

  it('does not understand anything else, including very long text', () => {
    for (const text of ['what is going on', 'statuses CASPA-2026-0001', 'CASPA-2026-0001', 'x'.repeat(10_000), `status ${'A'.repeat(600)}`]) {
      expect(parseCommand(text)).toEqual({ kind: 'unknown' });
    }
  });
});
