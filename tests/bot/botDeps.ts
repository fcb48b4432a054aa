import type { BotDeps } from '../../bot/types';
import type { Config } from '../../src/config';
import { botServices } from '../../src/server/app';
import type { Store } from '../../src/store/port';

/** The bot's services as the composition root makes them, over a test store (the bot itself never sees the store). */
export function botDepsFor(store: Store, config: BotDeps['config'], now?: () => Date): BotDeps {
  const services = botServices(config as Config, store, now);
  return { contextFor: services.contextFor, resolveMember: services.resolveMember, config, ...(now ? { now } : {}) };
}
