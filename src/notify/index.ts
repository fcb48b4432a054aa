/** Proactive delivery: the outbox sender, its Bot Connector port, the rate limiter, the lease and the scheduler. */
export { type BotConnector, ConnectorError, type OutgoingActivity, type SendOptions, type SentActivity } from './connector';
export { dailyKey } from '../kernel/dailyKey';
export { sentDeliveries } from './deliveries';
export { HttpBotConnector, type HttpConnectorOptions } from './httpConnector';
export { outboxJob } from './jobs';
export { type LeaseHandle, LeaseLostError, type LeaseOutcome, withLease } from './lease';
export { RateLimiter, TEAMS_APP_LIMITS, TEAMS_CONVERSATION_LIMITS } from './rateLimiter';
export { CONVERSATION_LOST, type ConversationLostPayload, type DeliveryTarget, type Render } from './render';
export { type DailyJob, type IntervalJob, type Job, type JobContext, type JobOutcome, nextDailyRun, Scheduler } from './scheduler';
export { type OutboxRunReport, processOutbox, type ProcessOutboxOptions } from './sender';
export { LONDON, londonDate, zonedTimeToUtc } from '../domain/time';
