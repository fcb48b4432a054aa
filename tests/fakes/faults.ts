/**
 * Fault injection for the Graph fake: every Nth request, or at random with a seed, answered with a throttle (429),
 * an outage (503), both with Retry-After, or a dropped connection before or after the request took effect.
 */
export type FaultKind = '429' | '503' | 'drop' | 'drop-after';

export interface FaultPlan {
  /** Fault every Nth request (counting envelopes and the requests inside batches). */
  every?: number;
  /** Or fault each request with this probability, from a seeded generator so runs repeat. */
  rate?: number;
  seed?: number;
  /** Which faults; cycled when `every` is used, picked at random with `rate`. Default 429 and 503. */
  kinds?: FaultKind[];
  retryAfterSeconds?: number;
  /** Also fault requests inside a $batch (only 429/503 can happen there). Default true. */
  insideBatches?: boolean;
}

/** mulberry32: tiny, seedable, good enough to spread faults. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private count = 0;
  private faults = 0;
  private readonly random: () => number;

  constructor(private plan: FaultPlan | undefined) {
    this.random = rng(plan?.seed ?? 1);
  }

  set(plan: FaultPlan | undefined): void {
    this.plan = plan;
    this.count = 0;
    this.faults = 0;
  }

  get retryAfterSeconds(): number {
    return this.plan?.retryAfterSeconds ?? 1;
  }

  /** Decides the fate of the next request; `inner` requests (inside a batch) can only be throttled. */
  next(inner: boolean): FaultKind | undefined {
    const plan = this.plan;
    if (!plan || (inner && plan.insideBatches === false)) return undefined;
    this.count++;
    let hit = false;
    if (plan.every && plan.every > 0) hit = this.count % plan.every === 0;
    else if (plan.rate && plan.rate > 0) hit = this.random() < plan.rate;
    if (!hit) return undefined;
    let kinds = plan.kinds ?? ['429', '503'];
    if (inner) kinds = kinds.filter((k) => k === '429' || k === '503');
    if (!kinds.length) return undefined;
    const kind = plan.every ? kinds[this.faults % kinds.length]! : kinds[Math.floor(this.random() * kinds.length)]!;
    this.faults++;
    return kind;
  }
}
