import { trace } from '@opentelemetry/api';
import type { RequestHandler } from 'express';

/**
 * Names the request's span after the route that served it ("GET /api/cases/:id"), and records the template as
 * http.route, so Application Insights groups requests by operation and never shows the raw path (which may carry a
 * case reference). The HTTP instrumentation cannot know express's routes. It ends the span inside res.end, so the
 * route is written just before that (wrapping res.end), not on 'finish'. Without telemetry this does nothing.
 */
export const routeTemplate: RequestHandler = (req, res, next) => {
  const span = trace.getActiveSpan();
  if (!span?.isRecording()) return next();
  const end = res.end.bind(res) as (...args: unknown[]) => typeof res;
  res.end = ((...args: unknown[]) => {
    const path = (req.route as { path?: unknown } | undefined)?.path;
    const route = typeof path === 'string' ? `${req.baseUrl}${path}` : 'unmatched';
    span.setAttribute('http.route', route);
    span.updateName(`${req.method} ${route}`);
    return end(...args);
  }) as typeof res.end;
  next();
};
