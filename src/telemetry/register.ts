import { startTelemetry } from './startTelemetry';

// Imported first by src/main.ts, so the HTTP instrumentation is in place before express and the clients load.
startTelemetry();
