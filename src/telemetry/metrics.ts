import { type Counter, type Histogram, type Meter, type MeterProvider, metrics, type ObservableGauge } from '@opentelemetry/api';

/**
 * RiskPanel's own metrics, for Application Insights (customMetrics) or any OpenTelemetry meter provider. Attributes
 * are the card kind (newReferral, overdueDigest...) and nothing else: never a record id, a name or a reference.
 * Without a meter provider (no APPLICATIONINSIGHTS_CONNECTION_STRING) every call is a no-op.
 */
export const METER_NAME = 'riskpanel';

export const METRIC = {
  cardsSent: 'riskpanel.cards.sent',
  cardsThrottled: 'riskpanel.cards.throttled',
  cardsFailed: 'riskpanel.cards.failed',
  outboxDepth: 'riskpanel.outbox.depth',
  scanDuration: 'riskpanel.scan.duration',
} as const;

interface Instruments {
  provider: MeterProvider;
  meter: Meter;
  sent: Counter;
  throttled: Counter;
  failed: Counter;
  scanDuration: Histogram;
  outboxDepth: ObservableGauge;
}

let current: Instruments | undefined;
let depthSource: (() => Promise<number>) | undefined;

/**
 * The instruments of the meter provider in force now. A no-op provider's instruments stay no-ops for ever, so they
 * are made again when the provider changes (telemetry started after a module first counted, or a test's reader).
 */
function instruments(): Instruments {
  const provider = metrics.getMeterProvider();
  if (current?.provider === provider) return current;
  const meter = provider.getMeter(METER_NAME);
  const outboxDepth = meter.createObservableGauge(METRIC.outboxDepth, { description: 'Cards waiting in the outbox to be posted', unit: '{card}' });
  outboxDepth.addCallback(async (result) => {
    if (!depthSource) return;
    try {
      result.observe(await depthSource());
    } catch {
      // The store did not answer this time; the next collection tries again.
    }
  });
  current = {
    provider,
    meter,
    sent: meter.createCounter(METRIC.cardsSent, { description: 'Cards posted to Teams', unit: '{card}' }),
    throttled: meter.createCounter(METRIC.cardsThrottled, { description: 'Posts Teams answered with 429 (retried later)', unit: '{post}' }),
    failed: meter.createCounter(METRIC.cardsFailed, { description: 'Cards given up on (or whose conversation is gone)', unit: '{card}' }),
    scanDuration: meter.createHistogram(METRIC.scanDuration, { description: 'How long the overdue scan took', unit: 'ms' }),
    outboxDepth,
  };
  return current;
}

/** A card kind is a short identifier from the kinds registry; anything else is reported as 'other'. */
const kindOf = (kind: unknown): string => (typeof kind === 'string' && /^[a-zA-Z][\w.-]{0,40}$/.test(kind) ? kind : 'other');

export const countCardSent = (kind: unknown): void => instruments().sent.add(1, { kind: kindOf(kind) });
export const countCardThrottled = (kind: unknown): void => instruments().throttled.add(1, { kind: kindOf(kind) });
export const countCardFailed = (kind: unknown): void => instruments().failed.add(1, { kind: kindOf(kind) });
export const recordScanDuration = (ms: number): void => instruments().scanDuration.record(Math.max(0, ms));

/** Where the outbox depth is read from at each collection (the pending rows); one source per process. */
export function watchOutboxDepth(source: () => Promise<number>): void {
  depthSource = source;
  instruments();
}

/**
 * The notify code's log events as metrics, so the sender and the scheduler need not know about telemetry:
 * 'outbox.delivery' (outcome sent / failed / lost) and 'outbox.throttled'.
 */
export function countNotifyEvent(event: string, fields: Record<string, unknown>): void {
  if (event === 'outbox.delivery') {
    if (fields.outcome === 'sent') countCardSent(fields.kind);
    else if (fields.outcome === 'failed' || fields.outcome === 'lost') countCardFailed(fields.kind);
  } else if (event === 'outbox.throttled') {
    countCardThrottled(fields.kind);
  }
}
