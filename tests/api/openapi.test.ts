import type { Express } from 'express';
import { createApp } from '../../src/server/app';
import { type TestServer, startServer, testConfig } from './server';

type Operation = { operationId: string; requestBody?: { content: Record<string, { schema: { properties?: object } }> }; responses: Record<string, unknown> };
type Doc = { openapi: string; paths: Record<string, Record<string, Operation>>; components: { responses: Record<string, unknown> } };

/** Every route the express app really serves, from its router stack: "METHOD /path/{param}". */
function realRoutes(app: Express): string[] {
  const stack = (app as unknown as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } }).router.stack;
  return stack
    .filter((layer) => layer.route)
    .flatMap((layer) =>
      Object.keys(layer.route!.methods)
        .filter((m) => m !== '_all')
        .map((m) => `${m.toUpperCase()} ${layer.route!.path.replace(/:(\w+)/g, '{$1}')}`),
    );
}

const documentedRoutes = (doc: Doc) =>
  Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));

describe('the OpenAPI document', () => {
  let server: TestServer;
  let doc: Doc;
  beforeAll(async () => {
    server = await startServer();
    const res = await server.call('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    doc = (await res.json()) as Doc;
  });
  afterAll(() => server.close());

  it('documents every real route and nothing that does not exist', () => {
    const app = createApp({ config: testConfig(server.world.file), store: server.world.store });
    const real = realRoutes(app).sort();
    // Sanity: the walk found the API, so an empty list cannot pass.
    expect(real).toEqual(expect.arrayContaining(['GET /api/cases', 'POST /api/referrals', 'GET /healthz', 'POST /api/messages']));
    expect(documentedRoutes(doc).sort()).toEqual(real);
  });

  it('documents a route for every path of the agreed API', () => {
    expect(documentedRoutes(doc)).toEqual(
      expect.arrayContaining([
        'GET /healthz', 'GET /api/openapi.json', 'GET /api/personas', 'GET /api/me', 'GET /api/agencies', 'GET /api/members',
        'GET /api/cases', 'POST /api/referrals', 'GET /api/cases/{id}', 'GET /api/cases/by-ref/{ref}',
        'POST /api/cases/{id}/involvement', 'POST /api/cases/{id}/information-requests', 'POST /api/cases/{id}/information',
        'POST /api/cases/{id}/listing', 'POST /api/cases/{id}/withdrawal', 'POST /api/cases/{id}/screening',
        'POST /api/cases/{id}/chronology', 'POST /api/cases/{id}/actions', 'POST /api/cases/{id}/closure', 'GET /api/cases/{id}/audit',
        'GET /api/actions', 'POST /api/actions/{id}/progress', 'POST /api/actions/{id}/completion', 'POST /api/actions/{id}/due-date',
        'GET /api/meetings', 'POST /api/messages',
        'POST /api/referrals/drafts', 'PUT /api/cases/{id}/draft', 'POST /api/cases/{id}/submission',
        'POST /api/cases/{id}/risk-assessments', 'PATCH /api/cases/{id}/plan', 'GET /api/home', 'GET /api/screening-queue',
      ]),
    );
  });

  it('answers every documented route on the real server (never "no such route")', async () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const method of Object.keys(ops)) {
        const url = path.replace(/\{(\w+)\}/g, 'probe-id');
        const res = await server.call(method.toUpperCase(), url, { as: 'coordinator', json: method === 'post' ? {} : undefined });
        const text = await res.text();
        expect({ route: `${method} ${path}`, status: res.status, unknown: /No API route/.test(text) }).toEqual(
          expect.objectContaining({ unknown: false }),
        );
        expect(res.status).toBeLessThan(500);
      }
    }
  });

  it('declares a non-empty schema for every success answer, from the API contract', () => {
    const empty: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const [status, response] of Object.entries(op.responses)) {
          if (!/^2\d\d$/.test(status) || path === '/api/messages') continue;
          const content = (response as { content?: Record<string, { schema?: object }> }).content;
          // JSON for the API; the live stream and the minutes document declare their own types.
          const schema = (content?.['application/json'] ?? Object.values(content ?? {})[0])?.schema;
          if (!schema || Object.keys(schema).length === 0) empty.push(`${method.toUpperCase()} ${path} ${status}`);
        }
      }
    }
    expect(empty).toEqual([]);
    // And they are the real shapes: the case view is one of its two access levels, each with its abilities.
    const getCase = doc.paths['/api/cases/{id}']!.get!.responses['200'] as { content: { 'application/json': { schema: { oneOf?: { properties: Record<string, unknown>; required: string[] }[]; anyOf?: { properties: Record<string, unknown>; required: string[] }[] } } } };
    const variants = getCase.content['application/json'].schema.oneOf ?? getCase.content['application/json'].schema.anyOf ?? [];
    expect(variants.map((v) => v.properties.access)).toEqual([{ type: 'string', const: 'full' }, { type: 'string', const: 'summary' }]);
    for (const v of variants) expect(v.required).toEqual(expect.arrayContaining(['access', 'case', 'can']));
  });

  it('is OpenAPI 3.1 with unique operation ids, request bodies from the zod schemas, and problem+json errors', () => {
    expect(doc.openapi).toBe('3.1.0');
    const ops = Object.values(doc.paths).flatMap((p) => Object.values(p));
    const ids = ops.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const screening = doc.paths['/api/cases/{id}/screening']!.post!;
    const body = screening.requestBody!.content['application/json']!.schema as { properties: Record<string, { enum?: string[] }>; required: string[] };
    expect(body.properties.outcome!.enum).toEqual(['accept', 'decline', 'defer']);
    expect(body.required).toEqual(expect.arrayContaining(['outcome', 'rationale']));
    // The case id comes from the path, not the body.
    expect(body.properties).not.toHaveProperty('caseId');
    const register = doc.paths['/api/cases']!.get! as unknown as { parameters: { name: string; in: string }[] };
    expect(register.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['status', 'riskLevel', 'reviewDue', 'q', 'page', 'pageSize']));
    expect(screening.responses['409']).toEqual({ $ref: '#/components/responses/Conflict' });
    for (const response of Object.values(doc.components.responses)) {
      expect(response).toMatchObject({ content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });
    }
  });
});
