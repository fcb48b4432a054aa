import type { Config } from '../config';
import type { Store } from './port';
import { createSharePointStore } from './sharepoint/sharePointStore';
import { SqliteStore } from './sqlite/sqliteStore';

/** Picks the adapter the configuration names. */
export function openStore(config: Config): Store {
  switch (config.store) {
    case 'sqlite':
      return new SqliteStore(config.sqlitePath);
    case 'sharepoint':
      if (!config.sharepoint) throw new Error('STORE=sharepoint but the SharePoint settings are missing');
      return createSharePointStore(config.sharepoint);
    default:
      throw new Error(`STORE=${config.store} is not available in this build`);
  }
}
