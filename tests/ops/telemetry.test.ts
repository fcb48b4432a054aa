import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { context, metrics, SpanKind, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { type DataPoint, MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import express from 'express';
import {
  countNotifyEvent, METRIC, recordScanDuration, reportException, routeTemplate, ScrubPersonalData, startTelemetry, watchOutboxDepth,
} from '../../src/telemetry';

// RiskPanel's telemetry against in-memory OpenTelemetry providers (no Application Insights): the instruments record,
// and neither a metric nor a span carries personal data (a reference, a name, an email, an address, a query string).

const REFERENCE = 'CASPA-2026-0014';
const PERSONAL = [REFERENCE, 'Jane', 'Imaginary', 'jane.imaginary@example.test', '203.0.113.5', 'LU1 1AA'];

class TestReader extends MetricReader {
  protected onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
  protected onShutdown(): Promise<void> {
    return Promise.resolve();
  }
}

describe('metrics', () => {
  const reader = new TestReader();
  const provider = new MeterProvider({ readers: [reader] });
  beforeAll(() => metrics.setGlobalMeterProvider(provider));
  afterAll(async () => {
    await provider.shutdown();
    metrics.disable();
  });

  async function collected(): Promise<Map<string, DataPoint<unknown>[]>> {
    const { resourceMetrics, errors } = await reader.collect();
    expect(errors).toEqual([]);
    const byName = new Map<string, DataPoint<unknown>[]>();
    for (const scope of resourceMetrics.scopeMetrics) for (const m of scope.metrics) byName.set(m.descriptor.name, m.dataPoints as DataPoint<unknown>[]);
    return byName;
  }

  it('counts cards sent, throttled and failed by kind, the outbox depth and the scan duration, with ids and counts only', async () => {
    // What the sender logs, with everything it puts in the event: ids that must not become attributes.
    const delivery = (kind: string, outcome: string) => ({ outboxId: `new-referral:${REFERENCE}`, kind, key: `k:${REFERENCE}`, outcome });
    countNotifyEvent('outbox.delivery', delivery('newReferral', 'sent'));
    countNotifyEvent('outbox.delivery', delivery('newReferral', 'sent'));
    countNotifyEvent('outbox.delivery', delivery('overdueDigest', 'sent'));
    countNotifyEvent('outbox.delivery', delivery('reminder', 'failed'));
    countNotifyEvent('outbox.delivery', delivery('reminder', 'lost'));
    countNotifyEvent('outbox.delivery', delivery('reminder', 'deferred'));
    countNotifyEvent('outbox.throttled', { outboxId: 'x', kind: 'overdueDigest', retryAfterMs: 2000 });
    // A kind that is not an identifier (as if a name had got in) is reported as 'other'.
    countNotifyEvent('outbox.delivery', delivery('Jane Imaginary', 'sent'));
    watchOutboxDepth(async () => 7);
    recordScanDuration(1234);
    recordScanDuration(766);

    const points = await collected();
    const sums = (name: string) => Object.fromEntries((points.get(name) ?? []).map((p) => [p.attributes.kind as string, p.value]));
    expect(sums(METRIC.cardsSent)).toEqual({ newReferral: 2, overdueDigest: 1, other: 1 });
    expect(sums(METRIC.cardsFailed)).toEqual({ reminder: 2 });
    expect(sums(METRIC.cardsThrottled)).toEqual({ overdueDigest: 1 });
    expect(points.get(METRIC.outboxDepth)?.map((p) => p.value)).toEqual([7]);
    const scan = points.get(METRIC.scanDuration)?.[0]?.value as { count: number; sum: number };
    expect(scan).toMatchObject({ count: 2, sum: 2000 });

    for (const [, dataPoints] of points) {
      for (const p of dataPoints) {
        for (const key of Object.keys(p.attributes)) expect(key).toBe('kind');
        const text = JSON.stringify(p.attributes);
        for (const personal of PERSONAL) expect(text).not.toContain(personal);
      }
    }
  });

  it('still collects when the store does not answer for the outbox depth', async () => {
    let asked = 0;
    watchOutboxDepth(async () => {
      asked++;
      throw new Error('store down');
    });
    const points = await collected();
    expect(asked).toBe(1);
    expect(points.get(METRIC.cardsSent)?.length).toBeGreaterThan(0);
  });
});

describe('spans', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new ScrubPersonalData(), new SimpleSpanProcessor(exporter)] });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  beforeAll(() => {
    context.setGlobalContextManager(contextManager);
    trace.setGlobalTracerProvider(provider);
  });
  afterAll(async () => {
    await provider.shutdown();
    trace.disable();
    context.disable();
  });
  beforeEach(() => exporter.reset());
  const tracer = () => trace.getTracer('test');

  it('keeps the host and a templated path of a Graph call, not its $filter or the ids in its path', () => {
    const span = tracer().startSpan('GET', {
      kind: SpanKind.CLIENT,
      attributes: {
        'url.full': `https://graph.microsoft.com/v1.0/sites/contoso.sharepoint.com,1a2b,3c4d/lists/9f8e/items?$filter=fields/Email eq 'jane.imaginary@example.test'`,
        'http.request.method': 'GET',
        'server.address': 'graph.microsoft.com',
      },
    });
    span.end();
    const [done] = exporter.getFinishedSpans();
    expect(done!.attributes['url.full']).toBe('https://graph.microsoft.com/v1.0/sites/{id}/lists/{id}/items');
    expect(done!.attributes['server.address']).toBe('graph.microsoft.com');
  });

  it('names an API request after its route template, with no reference, query string or client address', async () => {
    // Stands in for the HTTP instrumentation: a server span, active for the request, ended inside res.end.
    const app = express();
    app.use((req, res, next) => {
      const span = tracer().startSpan(req.method, {
        kind: SpanKind.SERVER,
        attributes: {
          'url.full': `http://127.0.0.1${req.url}`,
          'url.path': req.path,
          'url.query': req.url.split('?')[1] ?? '',
          'http.target': req.url,
          'client.address': '203.0.113.5',
        },
      });
      const end = res.end.bind(res) as (...args: unknown[]) => typeof res;
      res.end = ((...args: unknown[]) => {
        const result = end(...args);
        span.end();
        return result;
      }) as typeof res.end;
      context.with(trace.setSpan(context.active(), span), next);
    });
    app.use(routeTemplate);
    app.get('/api/cases/by-ref/:ref', (_req, res) => {
      res.json({ ok: true });
    });
    app.get('/api/broken', () => {
      throw new Error(`Could not read the case of Jane Imaginary (${REFERENCE})`);
    });
    app.use(((err, _req, res, _next) => {
      reportException(err);
      res.status(500).json({ failed: true });
    }) as express.ErrorRequestHandler);
    const server: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      expect((await fetch(`${base}/api/cases/by-ref/${REFERENCE}?name=Jane%20Imaginary`)).status).toBe(200);
      expect((await fetch(`${base}/api/broken`)).status).toBe(500);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }

    const spans = exporter.getFinishedSpans();
    expect(spans.map((s) => s.name)).toEqual(['GET /api/cases/by-ref/:ref', 'GET /api/broken']);
    expect(spans[0]!.attributes).toMatchObject({
      'http.route': '/api/cases/by-ref/:ref',
      'url.full': 'http://127.0.0.1/api/cases/by-ref/:ref',
      'url.path': '/api/cases/by-ref/:ref',
      'http.target': '/api/cases/by-ref/:ref',
      'url.query': '',
      'client.address': '0.0.0.0',
    });
    // The exception is there, by name and stack, without its message.
    const exception = spans[1]!.events.find((e) => e.name === 'exception');
    expect(exception?.attributes?.['exception.type']).toBe('Error');
    expect(String(exception?.attributes?.['exception.stacktrace'])).toContain('at ');
    for (const span of spans) {
      const text = JSON.stringify({ name: span.name, attributes: span.attributes, events: span.events });
      for (const personal of PERSONAL) expect(text).not.toContain(personal);
    }
  });
});

describe('startTelemetry', () => {
  it('does nothing without APPLICATIONINSIGHTS_CONNECTION_STRING', () => {
    expect(startTelemetry({})).toBe(false);
    expect(startTelemetry({ APPLICATIONINSIGHTS_CONNECTION_STRING: '  ' })).toBe(false);
  });
});
