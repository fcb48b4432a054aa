import { readEntraSsoSettings } from '../../src/auth/entraSsoSettings';
import { ConfigError } from '../../src/config';
import { APP_ID_URI, CLIENT_ID, TENANT } from './support/entraFixtures';

describe('readEntraSsoSettings', () => {
  it('is off when none of the three is set', () => {
    expect(readEntraSsoSettings({})).toBeUndefined();
    expect(readEntraSsoSettings({ AAD_APP_CLIENT_ID: ' ', TAB_APP_ID_URI: '' })).toBeUndefined();
  });

  it('reads all three', () => {
    expect(readEntraSsoSettings({ AAD_APP_CLIENT_ID: CLIENT_ID, AAD_APP_TENANT_ID: TENANT, TAB_APP_ID_URI: ` ${APP_ID_URI} ` })).toEqual({
      clientId: CLIENT_ID,
      tenantId: TENANT,
      appIdUri: APP_ID_URI,
    });
  });

  it('stops on a half-done setup, naming what is missing', () => {
    expect(() => readEntraSsoSettings({ AAD_APP_CLIENT_ID: CLIENT_ID })).toThrow(ConfigError);
    expect(() => readEntraSsoSettings({ AAD_APP_CLIENT_ID: CLIENT_ID })).toThrow('Teams SSO needs AAD_APP_TENANT_ID, TAB_APP_ID_URI as well');
  });
});
