export { countCardFailed, countCardSent, countCardThrottled, countNotifyEvent, METRIC, recordScanDuration, watchOutboxDepth } from './metrics';
export { reportException } from './exceptions';
export { routeTemplate } from './routeTemplate';
export { ScrubPersonalData, scrubUrl, templatePath } from './scrub';
export { CONNECTION_STRING_VARIABLE, startTelemetry, stopTelemetry } from './startTelemetry';
