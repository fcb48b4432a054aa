import fs from 'node:fs';
import path from 'node:path';
import { type BicepFile, type BicepResource, childBlock, evaluate, objectEntries, readBicep } from './bicepText';

export const ROOT = path.join(__dirname, '..', '..');
export const readText = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

export const bicep: BicepFile = readBicep(readText('infra/azure.bicep'));

export function resourceOf(type: string): BicepResource {
  const found = bicep.resources.filter((r) => r.type === type);
  if (found.length !== 1) throw new Error(`expected one ${type} in infra/azure.bicep, found ${found.length}`);
  return found[0]!;
}

/** Invented deployment values, standing in for what m365agents.yml passes through infra/azure.parameters.json. */
export const TEST_PARAMS: Record<string, string> = {
  resourceBaseName: 'riskpaneltest',
  location: 'uksouth',
  tenantId: '11111111-2222-4333-8444-555555555555',
  botClientId: '6f0e2d4c-8b1a-4f3e-9d2c-1a2b3c4d5e6f',
  botClientSecret: 'never-used: the app reads it from Key Vault',
  ssoClientId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  graphClientId: '0f1e2d3c-4b5a-4968-8776-655443322110',
  sharePointSiteId: 'invented.sharepoint.com,11111111-1111-4111-8111-111111111111,22222222-2222-4222-8222-222222222222',
  graphOrg: 'InventedPartnership',
  teamsAppId: '0b9c7c3e-4c1d-4e0a-9a55-3f1f2d7a1e01',
};
export const TEST_HOST = 'riskpaneltest.azurewebsites.net';

/** What Key Vault holds, by secret name: the values a Key Vault reference resolves to at run time (invented). */
export const TEST_VAULT: Record<string, string> = {
  'bot-client-secret': 'invented-bot-client-secret',
  // Invented: 32 bytes of 0x2a, base64.
  'audit-checkpoint-key': Buffer.alloc(32, 0x2a).toString('base64'),
  'graph-client-certificate': fs.readFileSync(path.join(__dirname, 'fixtures', 'graph-test-certificate.pem'), 'utf8'),
};

const KEY_VAULT_REFERENCE = /^@Microsoft\.KeyVault\(VaultName=([^;]+);SecretName=([^)]+)\)$/;

/** Resolves an expression of the Bicep file with the test values (parameters, variables, resource properties). */
function resolver(params: Record<string, string>): (expression: string) => string {
  const resolve = (expression: string): string => {
    if (expression in params) return params[expression]!;
    const param = bicep.params.get(expression);
    if (param?.defaultValue !== undefined) return evaluate(param.defaultValue, resolve);
    const variable = bicep.vars.get(expression);
    if (variable !== undefined) return evaluate(variable, resolve);
    if (expression === 'webApp.properties.defaultHostName') return TEST_HOST;
    if (expression === 'insights.properties.ConnectionString') {
      return 'InstrumentationKey=00000000-0000-4000-8000-00000000abcd;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/';
    }
    const name = /^(\w+)\.name$/.exec(expression);
    if (name) {
      const resource = bicep.resources.find((r) => r.symbol === name[1]);
      const source = resource && objectEntries(resource.body).get('name');
      if (source) return evaluate(source, resolve);
    }
    throw new Error(`tests/infra cannot evaluate the Bicep expression "${expression}"; teach bicepSettings.ts what it is`);
  };
  return resolve;
}

/** The app settings exactly as the Bicep writes them, Key Vault references left in place. */
export function appSettingsAsDeployed(params: Record<string, string> = TEST_PARAMS): Record<string, string> {
  const config = bicep.resources.find((r) => r.type === 'Microsoft.Web/sites/config' && /name: 'appsettings'/.test(r.body));
  if (!config) throw new Error('infra/azure.bicep has no appsettings resource');
  const resolve = resolver(params);
  const settings: Record<string, string> = {};
  for (const [name, source] of objectEntries(childBlock(config.body, 'properties'))) settings[name] = evaluate(source, resolve);
  return settings;
}

/** The environment the Web App's process sees: each Key Vault reference replaced by the secret's (test) value. */
export function environmentAtRunTime(params: Record<string, string> = TEST_PARAMS): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(appSettingsAsDeployed(params))) {
    const reference = KEY_VAULT_REFERENCE.exec(value);
    if (!reference) {
      env[name] = value;
      continue;
    }
    const secret = TEST_VAULT[reference[2]!];
    if (secret === undefined) throw new Error(`app setting ${name} reads Key Vault secret "${reference[2]}", which tests/infra does not know`);
    env[name] = secret;
  }
  return env;
}

export const isKeyVaultReference = (value: string) => KEY_VAULT_REFERENCE.test(value);
