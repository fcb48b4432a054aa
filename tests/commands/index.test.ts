import fs from 'node:fs';
import path from 'node:path';
import { commands } from '../../src/commands';

const DIR = path.join(__dirname, '../../src/commands');

describe('the command registry', () => {
  it('names every command by its own name', () => {
    for (const [key, command] of Object.entries(commands)) expect(command.name).toBe(key);
  });

  it('holds every command defined in src/commands, each in a file named for it', async () => {
    const defined: string[] = [];
    for (const file of fs.readdirSync(DIR).filter((f) => f.endsWith('.ts') && f !== 'index.ts')) {
      const mod = (await import(path.join(DIR, file))) as Record<string, unknown>;
      for (const value of Object.values(mod)) {
        if (value && typeof value === 'object' && 'run' in value && 'input' in value && 'name' in value) {
          const name = (value as { name: string }).name;
          defined.push(name);
          expect(file).toBe(`${name}.ts`);
        }
      }
    }
    expect(defined.sort()).toEqual(Object.keys(commands).sort());
  });

  it('accepts only known fields in every command (strict input)', () => {
    for (const command of Object.values(commands)) {
      const parsed = command.input.safeParse({ unexpectedField: 1 });
      expect(parsed.success).toBe(false);
      expect(JSON.stringify(parsed.error?.issues)).toContain('unexpectedField');
    }
  });
});
