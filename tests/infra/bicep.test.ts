import * as configModule from '../../src/config';
import { loadConfig } from '../../src/config';
import { readEntraSsoSettings } from '../../src/auth/entraSsoSettings';
import { certificateFromPem } from '../../src/store/sharepoint/tokenProvider';
import { childBlock, objectEntries } from './bicepText';
import { ROOT, TEST_PARAMS, appSettingsAsDeployed, bicep, environmentAtRunTime, isKeyVaultReference, readText, resourceOf } from './bicepSettings';
import fs from 'node:fs';
import path from 'node:path';

const parametersFile = JSON.parse(readText('infra/azure.parameters.json')) as { parameters: Record<string, { value: unknown }> };
const PLACEHOLDER = /\$\{\{([A-Z0-9_]+)\}\}/g;

/** One production setting as src/config.ts lists it: a name, or alternatives of which one must be set. */
interface RequiredSetting {
  names: string[];
  secret: boolean;
}

/**
 * The variables production requires, from src/config.ts's exported list. Read defensively: the entries are objects
 * with `name` (or `names`/`anyOf` for alternatives) and optionally `secret`; entries marked optional
 * (`required: false`) are not required. An unknown shape fails the test rather than checking nothing.
 */
function productionSettings(): RequiredSetting[] {
  const list = (configModule as Record<string, unknown>).PRODUCTION_SETTINGS;
  if (!Array.isArray(list)) throw new Error('src/config.ts exports no PRODUCTION_SETTINGS list');
  const required: RequiredSetting[] = [];
  for (const entry of list as unknown[]) {
    if (typeof entry === 'string') {
      required.push({ names: [entry], secret: false });
      continue;
    }
    const e = entry as Record<string, unknown>;
    if (e.required === false) continue;
    const names = [e.name, e.names, e.anyOf, e.oneOf].flat().filter((n): n is string => typeof n === 'string');
    if (!names.length) throw new Error(`PRODUCTION_SETTINGS entry without a name: ${JSON.stringify(entry)}`);
    required.push({ names, secret: e.secret === true });
  }
  return required;
}

describe('infra/azure.bicep, read structurally', () => {
  it('declares every parameter the parameters file passes, and the file passes every parameter without a default', () => {
    const passed = Object.keys(parametersFile.parameters).sort();
    const declared = [...bicep.params.keys()];
    expect(passed.filter((p) => !bicep.params.has(p))).toEqual([]);
    const needed = declared.filter((p) => bicep.params.get(p)!.defaultValue === undefined).sort();
    expect(needed.filter((p) => !passed.includes(p))).toEqual([]);
    // A typed value must suit its parameter: an int parameter gets a number, not a string the toolkit fills in.
    for (const [name, { value }] of Object.entries(parametersFile.parameters)) {
      const type = bicep.params.get(name)!.type;
      expect({ name, type: typeof value }).toEqual({ name, type: type === 'int' ? 'number' : type === 'bool' ? 'boolean' : 'string' });
    }
  });

  it('takes secrets only from SECRET_ variables, into @secure() parameters', () => {
    for (const [name, { value }] of Object.entries(parametersFile.parameters)) {
      const placeholders = [...String(value).matchAll(PLACEHOLDER)].map((m) => m[1]!);
      const secret = placeholders.some((p) => p.startsWith('SECRET_'));
      expect({ name, secure: bicep.params.get(name)!.secure }).toEqual({ name, secure: secret });
    }
  });

  it('fills the parameters file only from variables that env/.env.dev holds or m365agents.yml writes', () => {
    const env = readText('env/.env.dev');
    const lifecycle = readText('m365agents.yml');
    const written = new Set([...lifecycle.matchAll(/^\s+\w+: ([A-Z0-9_]+)\s*$/gm)].map((m) => m[1]!));
    for (const { value } of Object.values(parametersFile.parameters)) {
      for (const [, name] of String(value).matchAll(PLACEHOLDER)) {
        const defined = new RegExp(`^${name}=`, 'm').test(env) || written.has(name!);
        expect({ name, defined }).toEqual({ name, defined: true });
      }
    }
  });

  it('has the resources production needs, each at a dated API version', () => {
    const types = bicep.resources.map((r) => r.type).sort();
    expect(types).toEqual(
      [
        'Microsoft.Authorization/roleAssignments',
        'Microsoft.BotService/botServices',
        'Microsoft.BotService/botServices/channels',
        'Microsoft.Insights/components',
        'Microsoft.KeyVault/vaults',
        'Microsoft.KeyVault/vaults/secrets',
        'Microsoft.OperationalInsights/workspaces',
        'Microsoft.Web/serverfarms',
        'Microsoft.Web/sites',
        'Microsoft.Web/sites/config',
      ].sort(),
    );
    for (const r of bicep.resources) {
      expect({ type: r.type, apiVersion: /^20(2[0-9])-\d\d-\d\d$/.test(r.apiVersion) }).toEqual({ type: r.type, apiVersion: true });
    }
  });

  it('runs a Linux Node 20 Web App over HTTPS only, TLS 1.2 at least, health-checked, started with plain node on the build', () => {
    const site = resourceOf('Microsoft.Web/sites');
    const props = objectEntries(childBlock(site.body, 'properties'));
    expect(props.get('httpsOnly')).toBe('true');
    const siteConfig = objectEntries(childBlock(site.body, 'siteConfig'));
    expect(siteConfig.get('linuxFxVersion')).toBe("'NODE|20-lts'");
    expect(siteConfig.get('minTlsVersion')).toBe("'1.2'");
    expect(siteConfig.get('ftpsState')).toBe("'Disabled'");
    expect(siteConfig.get('healthCheckPath')).toMatch(/^'\/(healthz|readyz)'$/);
    // The command names the compiled entry of tsconfig.build.json, and no TypeScript runner.
    const command = siteConfig.get('appCommandLine')!;
    expect(command).toBe("'node dist/src/main.js'");
    const build = JSON.parse(readText('tsconfig.build.json').replace(/^\s*\/\/.*$/gm, ''));
    expect([build.compilerOptions.outDir, build.compilerOptions.rootDir]).toEqual(['dist', '.']);
    expect(fs.existsSync(path.join(ROOT, 'src', 'main.ts'))).toBe(true);
  });

  it('lets the plan run two instances or more on a size that can scale out', () => {
    const plan = resourceOf('Microsoft.Web/serverfarms');
    const sku = objectEntries(childBlock(plan.body, 'sku'));
    const capacity = bicep.params.get(sku.get('capacity')!)!;
    const max = Number(/@maxValue\((\d+)\)/.exec(capacity.decorators.join(' '))?.[1]);
    expect(max).toBeGreaterThanOrEqual(2);
    expect(Number(capacity.defaultValue)).toBeGreaterThanOrEqual(2);
    const sizes = bicep.params.get(sku.get('name')!)!;
    // Free and Shared plans cannot scale out (nor keep the app always on).
    expect(sizes.decorators.join(' ')).not.toMatch(/'(F1|D1)'/);
    expect(objectEntries(childBlock(plan.body, 'properties')).get('reserved')).toBe('true');
  });

  it('registers the bot as single tenant (multi-tenant bot creation is no longer accepted), on the Web App, with Teams', () => {
    const bot = objectEntries(childBlock(resourceOf('Microsoft.BotService/botServices').body, 'properties'));
    expect(["'SingleTenant'", "'UserAssignedMSI'"]).toContain(bot.get('msaAppType'));
    expect(bot.get('msaAppTenantId')).toBe('tenantId');
    expect(bot.get('endpoint')).toBe("'${publicUrl}/api/messages'");
    expect(resourceOf('Microsoft.BotService/botServices/channels').body).toContain("name: 'MsTeamsChannel'");
  });

  it('keeps secrets in a Key Vault (RBAC, purge protection) the Web App reads with its managed identity', () => {
    const vault = objectEntries(childBlock(resourceOf('Microsoft.KeyVault/vaults').body, 'properties'));
    expect([vault.get('enableRbacAuthorization'), vault.get('enablePurgeProtection')]).toEqual(['true', 'true']);
    expect(resourceOf('Microsoft.Web/sites').body).toMatch(/identity: \{\s*\/\/[^\n]*\n\s*type: 'SystemAssigned'/);
    const grant = resourceOf('Microsoft.Authorization/roleAssignments').body;
    expect(grant).toContain('scope: keyVault');
    expect(grant).toContain('principalId: webApp.identity.principalId');
    // Key Vault Secrets User: read secret values, nothing more.
    expect(bicep.vars.get('keyVaultSecretsUserRole')).toBe("'4633458b-17de-408a-b874-0445c86b69e6'");
  });

  it('sends telemetry to Application Insights on a Log Analytics workspace', () => {
    const insights = objectEntries(childBlock(resourceOf('Microsoft.Insights/components').body, 'properties'));
    expect(insights.get('WorkspaceResourceId')).toBe('logs.id');
    expect(resourceOf('Microsoft.OperationalInsights/workspaces').symbol).toBe('logs');
    expect(appSettingsAsDeployed().APPLICATIONINSIGHTS_CONNECTION_STRING).toMatch(/^InstrumentationKey=/);
  });

  it('writes the outputs the manifest and the deploy step use', () => {
    for (const name of ['AZURE_APP_SERVICE_RESOURCE_ID', 'TAB_DOMAIN', 'TAB_ENDPOINT', 'KEY_VAULT_NAME']) expect(bicep.outputs.has(name)).toBe(true);
    expect(readText('m365agents.yml')).toContain('${{AZURE_APP_SERVICE_RESOURCE_ID}}');
  });
});

describe('the app settings the Bicep gives, against the production configuration (src/config.ts)', () => {
  const deployed = appSettingsAsDeployed();

  it('has an app setting for every variable production requires (one of each set of alternatives)', () => {
    const required = productionSettings();
    expect(required.length).toBeGreaterThan(0);
    const missing = required.filter((s) => !s.names.some((n) => deployed[n] !== undefined && deployed[n] !== '')).map((s) => s.names.join(' or '));
    expect(missing).toEqual([]);
  });

  it('puts no secret in an app setting: each secret is a Key Vault reference', () => {
    const secretNames = new Set([
      ...productionSettings().filter((s) => s.secret).flatMap((s) => s.names),
      'clientSecret', 'CLIENT_SECRET', 'CLIENT_CERT_PEM', 'MicrosoftAppPassword',
    ]);
    const present = Object.keys(deployed).filter((n) => secretNames.has(n));
    expect(present.length).toBeGreaterThan(0);
    for (const name of present) expect({ name, keyVault: isKeyVaultReference(deployed[name]!) }).toEqual({ name, keyVault: true });
  });

  it('loads, with the Key Vault references resolved, as a production configuration on SharePoint with Teams SSO', () => {
    const env = environmentAtRunTime();
    const config = loadConfig(env);
    expect(config).toMatchObject({ mode: 'production', store: 'sharepoint', refPrefix: 'CASPA', publicUrl: 'https://riskpaneltest.azurewebsites.net' });
    expect(config.sharepoint).toMatchObject({ siteId: TEST_PARAMS.sharePointSiteId, clientId: TEST_PARAMS.graphClientId, tenantId: TEST_PARAMS.tenantId, org: TEST_PARAMS.graphOrg });
    expect(config.bot).toMatchObject({ clientId: TEST_PARAMS.botClientId, tenantId: TEST_PARAMS.tenantId });
    expect(readEntraSsoSettings(env)).toEqual({
      clientId: TEST_PARAMS.ssoClientId,
      tenantId: TEST_PARAMS.tenantId,
      appIdUri: `api://riskpaneltest.azurewebsites.net/${TEST_PARAMS.ssoClientId}`,
    });
    // The PEM Key Vault hands over is what the Graph token provider signs with.
    expect(certificateFromPem(env.CLIENT_CERT_PEM!).thumbprintSha256).toMatch(/^[0-9A-F]{64}$/);
  });

  it('is what a broken deployment would not be: the same settings without the site id are refused', () => {
    const env = environmentAtRunTime();
    delete env.SHAREPOINT_SITE_ID;
    expect(() => loadConfig(env)).toThrow(/SHAREPOINT_SITE_ID/);
  });
});
