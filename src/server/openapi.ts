import type { Express } from 'express';
import { z } from 'zod';
import { LIVE_VIEWS, liveEventSchema } from '../contract/meetings';
import { responseSchemas } from '../contract/responses';
import type { RouteSpec } from './routeTable';

type JsonSchema = { type?: string; properties?: Record<string, JsonSchema>; required?: string[]; [k: string]: unknown };
type Json = Record<string, unknown>;

/** The zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), input side: what a client sends. */
function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** A contract schema as JSON Schema, output side: what a client receives. */
function responseJsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** The answer's schema from the API contract (src/contract). */
function responseSchemaOf(operationId: string): JsonSchema {
  const schema = (responseSchemas as Record<string, z.ZodType | undefined>)[operationId];
  return schema ? responseJsonSchema(schema) : {};
}

/** Routes the host serves outside the route table; documented here so the document covers every /api route. */
const EXTRA_PATHS: Json = {
  '/healthz': {
    get: {
      operationId: 'health', tags: ['meta'], summary: 'Liveness: the store and mode in use', security: [],
      responses: { 200: { description: 'Up', content: { 'application/json': { schema: {
        type: 'object', properties: { status: { const: 'ok' }, store: { type: 'string' }, mode: { enum: ['local', 'production'] } },
        required: ['status', 'store', 'mode'],
      } } } } },
    },
  },
  '/readyz': {
    get: {
      operationId: 'ready', tags: ['meta'], summary: 'Readiness: 200 once the store (and in production a Graph token) answers; 503 while starting or draining', security: [],
      responses: Object.fromEntries(['200', '503'].map((status) => [status, { description: status === '200' ? 'Ready' : 'Not ready (Retry-After)', content: { 'application/json': { schema: {
        type: 'object', properties: { status: { enum: ['ready', 'starting', 'draining'] }, checks: { type: 'object', additionalProperties: { enum: ['ok', 'failed', 'pending'] } } },
        required: ['status', 'checks'],
      } } } }])),
    },
  },
  '/api/openapi.json': {
    get: {
      operationId: 'openApi', tags: ['meta'], summary: 'This document', security: [],
      responses: { 200: { description: 'The OpenAPI 3.1 document', content: { 'application/json': { schema: { type: 'object' } } } } },
    },
  },
  '/api/messages': {
    post: {
      operationId: 'botMessages', tags: ['bot'], security: [],
      summary: 'The Teams bot endpoint (Microsoft 365 Agents SDK): activities from the Bot Connector, authenticated by the SDK',
      requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', description: 'A Bot Framework activity' } } } },
      responses: { 200: { description: 'Handled' }, 401: { $ref: '#/components/responses/Unauthorized' } },
    },
  },
  '/api/meetings/{id}/events': {
    get: {
      operationId: 'meetingEvents', tags: ['meetings'],
      summary: "A meeting's live stream (Server-Sent Events): a snapshot on connect and on every change, heartbeats, Last-Event-ID catch-up, 'gone' when access ends",
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'view', in: 'query', required: false, schema: { enum: [...LIVE_VIEWS] } },
        { name: 'Last-Event-ID', in: 'header', required: false, schema: { type: 'string' } },
      ],
      responses: {
        200: { description: 'event: snapshot, id: the meeting version, data: one LiveEvent as JSON', content: { 'text/event-stream': { schema: responseJsonSchema(liveEventSchema) } } },
        400: { $ref: '#/components/responses/BadRequest' },
        404: { $ref: '#/components/responses/NotFound' },
      },
    },
  },
};

const ref = (name: string) => ({ $ref: `#/components/responses/${name}` });
const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

function withoutFields(schema: JsonSchema, fields: string[]): JsonSchema {
  if (!fields.length || !schema.properties) return schema;
  const properties = Object.fromEntries(Object.entries(schema.properties).filter(([k]) => !fields.includes(k)));
  const required = (schema.required ?? []).filter((k) => !fields.includes(k));
  return { ...schema, properties, ...(schema.required ? { required } : {}) };
}

/** The input schema(s) of a route, as one object schema. */
function inputSchemaOf(spec: RouteSpec): JsonSchema {
  const op = spec.operation;
  switch (op.kind) {
    case 'command':
      return jsonSchemaOf(op.command.input);
    case 'query':
      return jsonSchemaOf(op.query.input);
    case 'handler':
      return jsonSchemaOf(op.input);
    case 'queryBy': {
      // One URL serving several queries: the selector plus every filter any of them takes, none required.
      const properties: Record<string, JsonSchema> = {
        [op.param]: { type: 'string', enum: Object.keys(op.queries), default: op.fallback },
      };
      for (const q of Object.values(op.queries)) Object.assign(properties, jsonSchemaOf(q.input).properties ?? {});
      return { type: 'object', properties };
    }
  }
}

const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

function operationOf(spec: RouteSpec): Json {
  const schema = inputSchemaOf(spec);
  const pathFields = Object.values(spec.params ?? {});
  const parameters: Json[] = Object.entries(spec.params ?? {}).map(([param, field]) => ({
    name: param, in: 'path', required: true, description: `The ${field}`, schema: schema.properties?.[field] ?? { type: 'string' },
  }));
  const rest = withoutFields(schema, pathFields);
  let requestBody: Json | undefined;
  if (spec.method === 'get') {
    for (const [name, prop] of Object.entries(rest.properties ?? {})) {
      parameters.push({ name, in: 'query', required: (rest.required ?? []).includes(name), schema: prop });
    }
  } else {
    requestBody = { required: (rest.required ?? []).length > 0, content: { 'application/json': { schema: rest } } };
  }
  const status = String(spec.status ?? 200);
  const isCommand = spec.operation.kind === 'command';
  const responses: Json = {
    [status]: { description: status === '201' ? 'Created' : 'OK', content: spec.produces
      ? { [spec.produces]: { schema: { type: 'string', contentMediaType: spec.produces } } }
      : { 'application/json': { schema: responseSchemaOf(spec.operationId) } } },
    400: ref('BadRequest'),
    ...(spec.public ? {} : { 401: ref('Unauthorized'), 403: ref('Forbidden') }),
    404: ref('NotFound'),
    ...(isCommand ? { 409: ref('Conflict') } : {}),
    ...(spec.method !== 'get' ? { 413: ref('PayloadTooLarge'), 415: ref('UnsupportedMediaType') } : {}),
    500: ref('ServerError'),
  };
  return {
    operationId: spec.operationId,
    tags: [spec.tag],
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    ...(spec.public ? { security: [] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses,
  };
}

/** OpenAPI 3.1, generated from the same route table the app registers. */
export function buildOpenApi(routes: readonly RouteSpec[]): Json {
  const paths: Record<string, Json> = structuredClone(EXTRA_PATHS) as Record<string, Json>;
  for (const spec of routes) {
    const key = openApiPath(spec.path);
    paths[key] = { ...(paths[key] ?? {}), [spec.method]: operationOf(spec) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'RiskPanel API',
      version: '0.1.0',
      description:
        'Multi-agency adult safeguarding risk panels. Every error is application/problem+json. ' +
        'Sign in with the Teams SSO token (Bearer); in local mode only, "Authorization: Dev <member email>" signs in as a demo persona.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    security: [{ teamsSso: [] }, { devPersona: [] }],
    paths,
    components: {
      securitySchemes: {
        teamsSso: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The Teams tab SSO token' },
        devPersona: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'Local mode only: "Dev <member email>"' },
      },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'detail'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            errors: {
              type: 'array',
              items: { type: 'object', required: ['field', 'message'], properties: { field: { type: 'string' }, message: { type: 'string' } } },
            },
          },
        },
      },
      responses: {
        BadRequest: problemResponse('Invalid input: the errors name each field'),
        Unauthorized: problemResponse('Not signed in, or not a member of the partnership'),
        Forbidden: problemResponse('Signed in but not permitted'),
        NotFound: problemResponse('Not found, or not permitted to see it (the same answer, on purpose)'),
        Conflict: problemResponse('Changed by someone else (stale expectedVersion), or not allowed in the current state'),
        PayloadTooLarge: problemResponse('The body is over 100 kB'),
        UnsupportedMediaType: problemResponse('The body is not application/json'),
        ServerError: problemResponse('Unexpected failure'),
      },
    },
  };
}

export function mountOpenApi(app: Express, routes: readonly RouteSpec[]): void {
  let doc: Json | undefined;
  app.get('/api/openapi.json', (_req, res) => {
    doc ??= buildOpenApi(routes);
    res.json(doc);
  });
}
