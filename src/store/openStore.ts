import type { Config } from '../config';
import type { Store } from './port';
import { SqliteStore } from './sqlite/sqliteStore';

/** Picks the adapter the configuration names. */
export function openStore(config: Config): Store {
  switch (config.store) {
    case 'sqlite':
      return new SqliteStore(config.sqlitePath);
    default:
      throw new Error(`STORE=${config.store} is not available in this build`);
  }
}
