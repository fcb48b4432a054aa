import fc from 'fast-check';
import { z } from 'zod';

/*
 * fast-check arbitraries built from a zod schema, through its JSON Schema (z.toJSONSchema): first a plausible value
 * (right types, enums, sizes), then one mutation that a careful server must refuse with a 4xx and no change.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: Json[];
  const?: Json;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
  pattern?: string;
}

export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as JsonSchema;
}

/** The schema without the fields a route fills from its path (the path wins, so mutating them tests nothing). */
export function withoutFields(s: JsonSchema, drop: readonly string[]): JsonSchema {
  const strip = (o: JsonSchema): JsonSchema => ({
    ...o,
    ...(o.properties ? { properties: Object.fromEntries(Object.entries(o.properties).filter(([k]) => !drop.includes(k))) } : {}),
    ...(o.required ? { required: o.required.filter((k) => !drop.includes(k)) } : {}),
  });
  return { ...strip(s), ...(s.anyOf ? { anyOf: s.anyOf.map(strip) } : {}), ...(s.oneOf ? { oneOf: s.oneOf.map(strip) } : {}), ...(s.allOf ? { allOf: s.allOf.map(strip) } : {}) };
}

/** Top-level fields of an object schema (a union's options merged), with which are required. */
export function fieldsOf(schema: JsonSchema): { properties: Record<string, JsonSchema>; required: string[]; strict: boolean } {
  const options = schema.anyOf ?? schema.oneOf ?? (schema.allOf ? schema.allOf : [schema]);
  const properties: Record<string, JsonSchema> = {};
  const required = new Set<string>();
  let strict = true;
  for (const o of options) {
    Object.assign(properties, o.properties ?? {});
    for (const r of o.required ?? []) required.add(r);
    if (o.additionalProperties !== false) strict = false;
  }
  return { properties, required: [...required], strict };
}

const plainString = fc.string({ minLength: 1, maxLength: 20, unit: 'grapheme-ascii' });

/** A value of roughly the right shape for one property. */
export function plausible(s: JsonSchema, depth = 0): fc.Arbitrary<Json> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const union = s.anyOf ?? s.oneOf;
  if (union?.length) return fc.oneof(...union.map((o) => plausible(o, depth)));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string':
      if (s.format === 'date') return fc.constantFrom('2026-07-01', '2026-12-31', '2027-02-28');
      if (s.format === 'date-time') return fc.constantFrom('2026-06-01T10:00:00.000Z', '2026-06-10T08:30:00Z');
      if (s.format === 'email') return fc.constantFrom('someone@riskpanel.example');
      return plainString.map((v) => v.slice(0, s.maxLength ?? 20).padEnd(s.minLength ?? 1, 'x'));
    case 'integer':
    case 'number':
      return fc.integer({ min: Math.max(s.minimum ?? 0, -1000), max: Math.min(s.maximum ?? 1000, 1000) });
    case 'boolean':
      return fc.boolean();
    case 'array':
      if (depth > 3) return fc.constant([]);
      return fc.array(plausible(s.items ?? {}, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 3, 3) });
    case 'object': {
      if (depth > 3) return fc.constant({});
      return objectOf(s, depth + 1);
    }
    case 'null':
      return fc.constant(null);
    default:
      return fc.oneof(plainString, fc.integer(), fc.boolean());
  }
}

export function objectOf(s: JsonSchema, depth = 0): fc.Arbitrary<Record<string, Json>> {
  const { properties, required } = fieldsOf(s);
  const model = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, plausible(v, depth)]));
  return fc.record(model, { requiredKeys: required.filter((k) => k in model) }) as fc.Arbitrary<Record<string, Json>>;
}

/** A value of the wrong JSON type for a property. */
function wrongType(s: JsonSchema): fc.Arbitrary<Json> {
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  const all: [string, fc.Arbitrary<Json>][] = [
    ['string', fc.constant('not-of-this-type')],
    ['number', fc.constantFrom(-1, 1e308, 0.5)],
    ['boolean', fc.boolean()],
    ['array', fc.constant(['x', 1, null])],
    ['object', fc.constant({ nested: { deeper: true } })],
    ['null', fc.constant(null)],
  ];
  const candidates = all.filter(([t]) => t !== type && !(type === 'integer' && t === 'number') && !(s.enum && t === 'string')).map(([, a]) => a);
  return fc.oneof(...candidates);
}

const CONTROL_AND_BIDI = ['\u0000', '\u0007', '\u001b[31m', '\u202e', '\u2066', '\u200f', '\ufeff', '\ud800', '\r\n', '<script>x</script>', '${7*7}', '{{x}}'];
export const hostileString = fc
  .tuple(plainString, fc.constantFrom(...CONTROL_AND_BIDI), plainString)
  .map(([a, b, c]) => `${a}${b}${c}`);
export const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString'];

/** Deeply nested arrays (as JSON text), past any reasonable depth. */
export const deepJson = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

export type Mutation =
  | { kind: 'wrongType'; field: string; value: Json }
  | { kind: 'missingRequired'; field: string }
  | { kind: 'extraField'; field: string; value: Json }
  | { kind: 'hostileString'; field: string; value: string }
  | { kind: 'hugeString'; field: string; length: number }
  | { kind: 'deepNesting'; field: string; depth: number }
  | { kind: 'notAnObject'; value: Json };

/** Whether a correct server must refuse this mutation (the others may be accepted, but never with a 5xx). */
export const mustRefuse = (m: Mutation, strict: boolean, maxLengthOf: (field: string) => number | undefined): boolean => {
  switch (m.kind) {
    case 'wrongType':
    case 'missingRequired':
    case 'deepNesting':
    case 'notAnObject':
      return true;
    case 'extraField':
      return strict;
    case 'hugeString': {
      const max = maxLengthOf(m.field);
      // Each \u00e9 is two bytes of JSON: past the server's 100 kB body limit the answer must be a 413.
      return (max !== undefined && m.length > max) || m.length * 2 > 100_000;
    }
    case 'hostileString':
      return false;
  }
};

/** One mutation for a schema's object: which field and how. */
export function mutationOf(s: JsonSchema): fc.Arbitrary<Mutation> {
  const { properties, required } = fieldsOf(s);
  const fields = Object.keys(properties);
  const stringFields = fields.filter((f) => {
    const t = properties[f]!.type;
    return (t === 'string' || (Array.isArray(t) && t.includes('string'))) && !properties[f]!.enum && !properties[f]!.format;
  });
  const options: fc.Arbitrary<Mutation>[] = [
    fc.constantFrom(...POLLUTION_KEYS, 'unexpectedField', 'status', 'version', 'id', 'restricted').chain((field) =>
      fc.oneof(fc.constant<Json>({ polluted: true }), fc.constant<Json>('x'), fc.constant<Json>(1)).map((value) => ({ kind: 'extraField' as const, field, value })),
    ),
    fc.oneof(fc.constant<Json>([]), fc.constant<Json>('text'), fc.constant<Json>(42), fc.constant<Json>(null)).map((value) => ({ kind: 'notAnObject' as const, value })),
  ];
  // A property with no type at all (an unrepresentable schema) accepts anything: no wrong type to give it.
  const typed = fields.filter((f) => { const p = properties[f]!; return p.type !== undefined || p.enum !== undefined || p.const !== undefined; });
  if (typed.length) {
    options.push(fc.constantFrom(...typed).chain((field) => wrongType(properties[field]!).map((value) => ({ kind: 'wrongType' as const, field, value }))));
    options.push(fc.constantFrom(...typed).chain((field) => fc.integer({ min: 200, max: 600 }).map((depth) => ({ kind: 'deepNesting' as const, field, depth }))));
  }
  if (required.length) options.push(fc.constantFrom(...required).map((field) => ({ kind: 'missingRequired' as const, field })));
  if (stringFields.length) {
    options.push(fc.constantFrom(...stringFields).chain((field) => hostileString.map((value) => ({ kind: 'hostileString' as const, field, value }))));
    options.push(fc.constantFrom(...stringFields).chain((field) => fc.constantFrom(5_000, 20_000, 90_000).map((length) => ({ kind: 'hugeString' as const, field, length }))));
  }
  return fc.oneof(...options);
}

/** The JSON text of `base` with the mutation applied (written as text, so "__proto__" stays an own key). */
export function applyMutation(base: Record<string, Json>, m: Mutation): string {
  if (m.kind === 'notAnObject') return JSON.stringify(m.value);
  const entries: [string, string][] = Object.entries(base).map(([k, v]) => [k, JSON.stringify(v)]);
  const set = (field: string, text: string) => {
    const i = entries.findIndex(([k]) => k === field);
    if (i >= 0) entries[i] = [field, text];
    else entries.push([field, text]);
  };
  switch (m.kind) {
    case 'wrongType':
    case 'extraField':
      set(m.field, JSON.stringify(m.value));
      break;
    case 'missingRequired': {
      const i = entries.findIndex(([k]) => k === m.field);
      if (i >= 0) entries.splice(i, 1);
      break;
    }
    case 'hostileString':
      set(m.field, JSON.stringify(m.value));
      break;
    case 'hugeString':
      set(m.field, JSON.stringify('\u00e9'.repeat(m.length)));
      break;
    case 'deepNesting':
      set(m.field, deepJson(m.depth));
      break;
  }
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
}
