/**
 * Reads the parts of a Bicep file the infrastructure tests check, from its text: there is no Bicep compiler on this
 * machine. Enough for the file's own style (one declaration per line, object literals with `key: value` lines); a
 * construct it does not understand makes a test fail loudly rather than pass.
 */

export interface BicepParam {
  name: string;
  type: string;
  /** The default's source text, if any. */
  defaultValue?: string;
  secure: boolean;
  decorators: string[];
}

export interface BicepResource {
  symbol: string;
  type: string;
  apiVersion: string;
  /** The resource's body, from its opening brace to the matching closing brace. */
  body: string;
}

export interface BicepFile {
  params: Map<string, BicepParam>;
  vars: Map<string, string>;
  resources: BicepResource[];
  outputs: Map<string, string>;
}

/** The text from `open` (an index of `{`) to its matching `}`, skipping braces inside strings and comments. */
export function braceBlock(text: string, open: number): string {
  if (text[open] !== '{') throw new Error(`no block at ${open}`);
  let depth = 0;
  let quoted = false;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (!quoted && c === '/' && text[i + 1] === '/') {
      // A comment runs to the end of its line; its apostrophes open no string.
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
      continue;
    }
    if (c === "'" && text[i - 1] !== '\\') quoted = !quoted;
    if (quoted) continue;
    if (c === '{') depth++;
    if (c === '}' && --depth === 0) return text.slice(open, i + 1);
  }
  throw new Error('unbalanced braces');
}

export function readBicep(text: string): BicepFile {
  const lines = text.split('\n');
  const params = new Map<string, BicepParam>();
  let decorators: string[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed.startsWith('@')) {
      decorators.push(trimmed);
      continue;
    }
    const param = /^param (\w+) (\w+)(?: = (.+))?$/.exec(trimmed);
    if (param) {
      params.set(param[1]!, {
        name: param[1]!,
        type: param[2]!,
        ...(param[3] !== undefined ? { defaultValue: param[3] } : {}),
        secure: decorators.some((d) => d.startsWith('@secure(')),
        decorators,
      });
    }
    // Multi-line decorators (@allowed([...])) keep their item lines out of the next declaration's list harmlessly.
    if (!trimmed.startsWith("'") && trimmed !== ']' && trimmed !== '])') decorators = [];
  }
  const vars = new Map<string, string>();
  for (const m of text.matchAll(/^var (\w+) = (.+)$/gm)) vars.set(m[1]!, m[2]!.trim());
  const resources: BicepResource[] = [];
  for (const m of text.matchAll(/^resource (\w+) '([^'@]+)@([^']+)' = \{/gm)) {
    resources.push({ symbol: m[1]!, type: m[2]!, apiVersion: m[3]!, body: braceBlock(text, m.index! + m[0].length - 1) });
  }
  const outputs = new Map<string, string>();
  for (const m of text.matchAll(/^output (\w+) \w+ = (.+)$/gm)) outputs.set(m[1]!, m[2]!.trim());
  return { params, vars, resources, outputs };
}

/** `key: value` lines directly inside an object block (nested objects are skipped). */
export function objectEntries(block: string): Map<string, string> {
  const entries = new Map<string, string>();
  const inner = block.slice(1, -1);
  let depth = 0;
  for (const raw of inner.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('//')) continue;
    if (depth === 0) {
      const m = /^'?([\w-]+)'?: (.+)$/.exec(line);
      if (m) entries.set(m[1]!, m[2]!);
    }
    depth += (line.match(/[{[]/g) ?? []).length - (line.match(/[}\]]/g) ?? []).length;
  }
  return entries;
}

/** The object block of `key: {` within a body (the first one). */
export function childBlock(body: string, key: string): string {
  const at = new RegExp(`\\b${key}: \\{`).exec(body);
  if (!at) throw new Error(`no "${key}" block`);
  return braceBlock(body, at.index + at[0].length - 1);
}

/**
 * Evaluates a Bicep string or scalar literal, replacing each `${expression}` with what `resolve` gives for it.
 * Anything else (a function call, a bare expression) is handed to `resolve` whole.
 */
export function evaluate(source: string, resolve: (expression: string) => string): string {
  const literal = /^'(?:[^'\\]|\\.)*'/.exec(source.trim());
  // A trailing comment goes; a `//` inside a string (https://...) stays.
  const value = literal ? literal[0] : source.replace(/\s*\/\/.*$/, '').trim();
  if (/^'.*'$/.test(value)) {
    return value.slice(1, -1).replace(/\$\{([^}]+)\}/g, (_, expression: string) => resolve(expression.trim())).replace(/\\'/g, "'");
  }
  if (/^(true|false|\d+)$/.test(value)) return value;
  return resolve(value);
}
