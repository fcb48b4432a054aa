import { SpanStatusCode, trace } from '@opentelemetry/api';

/**
 * Records an unexpected error on the request's span, so Application Insights lists it under exceptions. Only the
 * error's name and stack go: a message may quote input (a name, a reference). Without telemetry, nothing happens.
 */
export function reportException(err: unknown): void {
  const span = trace.getActiveSpan();
  if (!span?.isRecording()) return;
  const name = err instanceof Error ? err.name : typeof err;
  const stack = err instanceof Error && err.stack ? err.stack.split('\n').filter((line) => /^\s+at /.test(line)).join('\n') : undefined;
  span.recordException({ name, message: name, ...(stack ? { stack: `${name}\n${stack}` } : {}) });
  span.setStatus({ code: SpanStatusCode.ERROR, message: name });
}
