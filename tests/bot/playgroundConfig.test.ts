import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveActor } from '../../src/auth/resolveActor';
import { DEMO_PERSONAS, personaMember } from '../../src/demo/personas';
import { seedDemo } from '../../src/demo/seedDemo';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore';

// The Agents Playground's user list must be the demo personas, or the local bot answers "ask your coordinator".

type YamlValue = string | YamlMap | YamlMap[];
interface YamlMap { [key: string]: YamlValue }

/**
 * Reads the small YAML subset the playground file uses (nested maps, lists of maps, plain or quoted scalars).
 * No YAML package is a dependency of the project, and this file's shape is fixed by the playground's schema.
 */
function parseYaml(text: string): YamlMap {
  const lines = text
    .split(/\r?\n/)
    .filter((line) => line.trim() && !line.trimStart().startsWith('#'))
    .map((line) => {
      if (/^\s*\t/.test(line)) throw new Error(`tab indentation: ${line}`);
      return { indent: line.length - line.trimStart().length, text: line.trim() };
    });
  let i = 0;
  const scalar = (raw: string) => raw.replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1');
  const entry = (text: string) => {
    const m = /^([A-Za-z][\w]*):(?:\s+(.*))?$/.exec(text);
    if (!m) throw new Error(`not a "key: value" line: ${text}`);
    return { key: m[1]!, value: m[2] };
  };
  function block(indent: number): YamlValue {
    if (lines[i]?.text.startsWith('- ')) {
      const list: YamlMap[] = [];
      while (lines[i] && lines[i]!.indent === indent && lines[i]!.text.startsWith('- ')) {
        const first = lines[i]!;
        // "- key: value" opens a map whose further keys sit two columns further in.
        lines[i] = { indent: indent + 2, text: first.text.slice(2) };
        list.push(map(indent + 2));
      }
      return list;
    }
    return map(indent);
  }
  function map(indent: number): YamlMap {
    const out: YamlMap = {};
    while (lines[i] && lines[i]!.indent === indent && !lines[i]!.text.startsWith('- ')) {
      const { key, value } = entry(lines[i]!.text);
      i++;
      if (value !== undefined) out[key] = scalar(value);
      else if (lines[i] && lines[i]!.indent > indent) out[key] = block(lines[i]!.indent);
      else out[key] = '';
    }
    return out;
  }
  const root = map(0);
  if (i !== lines.length) throw new Error(`could not read line: ${lines[i]!.text}`);
  return root;
}

const FILE = path.join(__dirname, '..', '..', '.m365agentsplayground.yml');
const config = parseYaml(fs.readFileSync(FILE, 'utf8'));
const asMap = (v: YamlValue | undefined) => v as YamlMap;
const people = [asMap(config.currentUser), ...(config.users as YamlMap[])];

describe('.m365agentsplayground.yml', () => {
  it('has the shape the playground accepts: version 0.1.1, a bot, a current user and exactly five more users', () => {
    expect(Object.keys(config).sort()).toEqual(['bot', 'currentUser', 'groupChat', 'personalChat', 'team', 'tenantId', 'users', 'version'].sort());
    expect(config.version).toBe('0.1.1');
    expect(String(asMap(config.bot).name).length).toBeLessThanOrEqual(42);
    expect(config.users).toHaveLength(5);
    for (const person of people) {
      expect(Object.keys(person).sort()).toEqual(['aadObjectId', 'email', 'givenName', 'id', 'name', 'surname', 'userPrincipleName']);
    }
    expect(new Set(people.map((p) => p.id)).size).toBe(people.length);
    expect(new Set(people.map((p) => p.aadObjectId)).size).toBe(people.length);
  });

  it('lists only active demo personas, each with its own Entra object id, name and email', () => {
    for (const person of people) {
      const persona = DEMO_PERSONAS.find((p) => p.aadObjectId === person.aadObjectId);
      expect(persona).toBeDefined();
      expect(personaMember(persona!).active).toBe(true);
      expect(person).toMatchObject({ name: persona!.name, email: persona!.email, userPrincipleName: persona!.email, id: `user-${persona!.key}` });
      expect(`${person.givenName} ${person.surname}`).toBe(persona!.name);
    }
  });

  it('starts as the coordinator, with a chair and partners of involved and uninvolved agencies to switch to', () => {
    const keys = people.map((p) => DEMO_PERSONAS.find((d) => d.aadObjectId === p.aadObjectId)?.key);
    expect(keys[0]).toBe('coordinator');
    expect(keys).toEqual(expect.arrayContaining(['chair', 'police', 'fire']));
  });

  it('names people the seeded demo store resolves to members, so the bot knows each of them', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riskpanel-playground-'));
    const store = new SqliteStore(path.join(dir, 'demo.db'));
    try {
      await seedDemo(store, { now: new Date('2026-06-15T09:00:00Z'), refPrefix: 'CASPA' });
      for (const person of people) {
        const actor = await resolveActor(store, { aadObjectId: String(person.aadObjectId) });
        expect(actor.member.name).toBe(person.name);
      }
    } finally {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
