/**
 * The subset of OData `$filter` that Graph accepts on SharePoint list items and that the adapter uses:
 * `fields/X eq|ne|lt|le|gt|ge <literal>`, `startswith(fields/X,'...')`, `and`, `or`, `not`, parentheses.
 * Comparisons follow SharePoint, not SQL: text compares case-insensitively, and an empty value is "not equal" to
 * anything, which is why the adapter re-checks results itself.
 */
export type Literal = string | number | boolean | null;
export type CmpOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';
export type FilterNode =
  | { type: 'cmp'; column: string; op: CmpOp; value: Literal }
  | { type: 'startswith'; column: string; value: string }
  | { type: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { type: 'not'; expr: FilterNode };

export class FilterSyntaxError extends Error {}

type Token = { kind: 'str'; value: string } | { kind: 'word'; value: string } | { kind: 'punct'; value: '(' | ')' | ',' };

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new FilterSyntaxError('Unterminated string literal in $filter');
        if (src[i] === "'") {
          if (src[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += src[i++];
      }
      tokens.push({ kind: 'str', value });
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: 'punct', value: c });
      i++;
    } else {
      const m = /^[^\s(),']+/.exec(src.slice(i));
      if (!m) throw new FilterSyntaxError(`Unexpected character "${c}" in $filter`);
      tokens.push({ kind: 'word', value: m[0] });
      i += m[0].length;
    }
  }
  return tokens;
}

export function parseFilter(src: string): FilterNode {
  const tokens = tokenize(src);
  let pos = 0;
  const peekWord = () => {
    const t = tokens[pos];
    return t?.kind === 'word' ? t.value.toLowerCase() : undefined;
  };
  const expectPunct = (p: string) => {
    const t = tokens[pos++];
    if (t?.kind !== 'punct' || t.value !== p) throw new FilterSyntaxError(`Expected "${p}" in $filter`);
  };
  const column = (): string => {
    const t = tokens[pos++];
    if (t?.kind !== 'word' || !/^fields\/[A-Za-z_][A-Za-z0-9_]*$/.test(t.value)) {
      throw new FilterSyntaxError(`Expected fields/<column> in $filter, found "${t?.value ?? 'end'}"`);
    }
    return t.value.slice('fields/'.length);
  };
  const literal = (): Literal => {
    const t = tokens[pos++];
    if (!t) throw new FilterSyntaxError('Expected a value in $filter');
    if (t.kind === 'str') return t.value;
    if (t.kind === 'word') {
      const w = t.value.toLowerCase();
      if (w === 'true') return true;
      if (w === 'false') return false;
      if (w === 'null') return null;
      if (/^-?\d+(\.\d+)?$/.test(t.value)) return Number(t.value);
    }
    throw new FilterSyntaxError(`Unexpected value "${t.value}" in $filter`);
  };
  const primary = (): FilterNode => {
    const t = tokens[pos];
    if (t?.kind === 'punct' && t.value === '(') {
      pos++;
      const inner = orExpr();
      expectPunct(')');
      return inner;
    }
    if (peekWord() === 'not') {
      pos++;
      return { type: 'not', expr: primary() };
    }
    if (peekWord() === 'startswith') {
      pos++;
      expectPunct('(');
      const col = column();
      expectPunct(',');
      const value = literal();
      expectPunct(')');
      if (typeof value !== 'string') throw new FilterSyntaxError('startswith needs a string');
      return { type: 'startswith', column: col, value };
    }
    const col = column();
    const op = peekWord();
    if (!op || !['eq', 'ne', 'lt', 'le', 'gt', 'ge'].includes(op)) throw new FilterSyntaxError(`Unsupported operator "${op ?? 'end'}" in $filter`);
    pos++;
    return { type: 'cmp', column: col, op: op as CmpOp, value: literal() };
  };
  const andExpr = (): FilterNode => {
    let left = primary();
    while (peekWord() === 'and') {
      pos++;
      left = { type: 'and', left, right: primary() };
    }
    return left;
  };
  const orExpr = (): FilterNode => {
    let left = andExpr();
    while (peekWord() === 'or') {
      pos++;
      left = { type: 'or', left, right: andExpr() };
    }
    return left;
  };
  const node = orExpr();
  if (pos !== tokens.length) throw new FilterSyntaxError('Unexpected text after the end of $filter');
  return node;
}

/** The columns a filter names, in the order they appear (SharePoint narrows on the first indexed one). */
export function filterColumns(node: FilterNode): string[] {
  switch (node.type) {
    case 'cmp':
    case 'startswith':
      return [node.column];
    case 'not':
      return filterColumns(node.expr);
    default:
      return [...filterColumns(node.left), ...filterColumns(node.right)];
  }
}

/** The leading conditions of an AND chain (the ones SharePoint can narrow an index with). */
export function leadingCondition(node: FilterNode): FilterNode {
  return node.type === 'and' ? leadingCondition(node.left) : node;
}

export type ColumnKind = 'text' | 'choice' | 'multichoice' | 'number' | 'boolean' | 'dateTime';

function normalise(v: unknown, kind: ColumnKind): string | number | boolean | null {
  if (v === null || v === undefined || v === '') return null;
  switch (kind) {
    case 'number':
      return typeof v === 'number' ? v : Number(v);
    case 'boolean':
      return v === true || v === 1 || v === '1' || v === 'true';
    case 'dateTime': {
      const t = Date.parse(String(v));
      return Number.isNaN(t) ? null : t;
    }
    default:
      return String(v).toLowerCase();
  }
}

function compare(a: string | number | boolean, b: string | number | boolean): number {
  if (typeof a === 'boolean' || typeof b === 'boolean') return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

export function evaluateFilter(node: FilterNode, fields: Record<string, unknown>, kindOf: (column: string) => ColumnKind): boolean {
  switch (node.type) {
    case 'and':
      return evaluateFilter(node.left, fields, kindOf) && evaluateFilter(node.right, fields, kindOf);
    case 'or':
      return evaluateFilter(node.left, fields, kindOf) || evaluateFilter(node.right, fields, kindOf);
    case 'not':
      return !evaluateFilter(node.expr, fields, kindOf);
    case 'startswith': {
      const v = fields[node.column];
      return typeof v === 'string' && v.toLowerCase().startsWith(node.value.toLowerCase());
    }
    case 'cmp': {
      const kind = kindOf(node.column);
      const raw = fields[node.column];
      if (kind === 'multichoice' && Array.isArray(raw)) {
        const hit = raw.some((x) => String(x).toLowerCase() === String(node.value).toLowerCase());
        return node.op === 'eq' ? hit : node.op === 'ne' ? !hit : false;
      }
      const a = normalise(raw, kind);
      const b = normalise(node.value, kind);
      if (a === null || b === null) {
        if (node.op === 'eq') return a === b;
        if (node.op === 'ne') return a !== b;
        return false;
      }
      const c = compare(a, b);
      return { eq: c === 0, ne: c !== 0, lt: c < 0, le: c <= 0, gt: c > 0, ge: c >= 0 }[node.op];
    }
  }
}

/** Orders by one column the way a list view does: empty values first when ascending. */
export function compareForOrder(a: unknown, b: unknown, kind: ColumnKind): number {
  const x = normalise(a, kind === 'multichoice' ? 'text' : kind);
  const y = normalise(b, kind === 'multichoice' ? 'text' : kind);
  if (x === null || y === null) return x === y ? 0 : x === null ? -1 : 1;
  return compare(x, y);
}
