import fs from 'node:fs';
import path from 'node:path';
import { bicep, readText, ROOT } from './bicepSettings';

/** One step of a lifecycle stage: the action, its `with:` values (one level, lists kept as text) and what it writes. */
interface Step {
  uses: string;
  with: Record<string, string>;
  writes: string[];
  text: string;
}

/**
 * Reads m365agents.yml's stages (`provision:`, `deploy:`, `publish:`) into steps. The file keeps to the toolkit's
 * plain block style; a line this reader does not expect fails the test instead of being skipped.
 */
function readLifecycle(text: string): { version: string; schema: string; stages: Record<string, Step[]> } {
  const stages: Record<string, Step[]> = {};
  let stage: Step[] | undefined;
  let step: Step | undefined;
  let section: 'with' | 'writes' | 'other' = 'other';
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const top = /^(\w+):\s*(.*)$/.exec(line);
    if (top) {
      stage = top[2] === '' ? (stages[top[1]!] = []) : undefined;
      step = undefined;
      continue;
    }
    const start = /^ {2}- uses: (\S+)$/.exec(line);
    if (start && stage) {
      step = { uses: start[1]!, with: {}, writes: [], text: '' };
      stage.push(step);
      section = 'other';
      continue;
    }
    if (!step) throw new Error(`m365agents.yml: unexpected line outside a step: ${line}`);
    step.text += `${line}\n`;
    const key = /^ {4}(\w+):\s*(.*)$/.exec(line);
    if (key) {
      section = key[1] === 'with' ? 'with' : key[1] === 'writeToEnvironmentFile' ? 'writes' : 'other';
      continue;
    }
    const entry = /^ {6}(\w+):\s*(.*)$/.exec(line);
    if (entry && section === 'with') step.with[entry[1]!] = entry[2]!;
    else if (entry && section === 'writes') step.writes.push(entry[2]!);
  }
  const version = /^version: (\S+)$/m.exec(text)?.[1] ?? '';
  const schema = /^# yaml-language-server: \$schema=(\S+)$/m.exec(text)?.[1] ?? '';
  return { version, schema, stages };
}

const lifecycleText = readText('m365agents.yml');
const lifecycle = readLifecycle(lifecycleText);
const envDev = readText('env/.env.dev');
const placeholders = (text: string) => [...text.matchAll(/\$\{\{([A-Z0-9_]+)\}\}/g)].map((m) => m[1]!);
const inEnvFile = (name: string) => new RegExp(`^${name}=`, 'm').test(envDev);
const exists = (file: string) => fs.existsSync(path.join(ROOT, file));
const uses = (stage: string) => lifecycle.stages[stage]!.map((s) => s.uses);

describe('m365agents.yml', () => {
  it('is the current toolkit file, with the old teamsapp.yml gone, and names the schema of its version', () => {
    expect(exists('teamsapp.yml')).toBe(false);
    expect(lifecycle.version).toMatch(/^v1\.\d+$/);
    expect(lifecycle.schema).toBe(`https://aka.ms/teams-toolkit/${lifecycle.version}/yaml.schema.json`);
    expect(lifecycleText).toMatch(/^environmentFolderPath: \.\/env$/m);
    expect(Object.keys(lifecycle.stages).sort()).toEqual(['deploy', 'provision', 'publish']);
  });

  it('provisions the Teams app, three single-tenant Entra apps, Azure, then the SSO app, then the validated package', () => {
    expect(uses('provision')).toEqual([
      'teamsApp/create',
      'aadApp/create',
      'aadApp/create',
      'aadApp/create',
      'aadApp/update',
      'arm/deploy',
      'aadApp/update',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
    const created = lifecycle.stages.provision!.filter((s) => s.uses === 'aadApp/create');
    for (const app of created) expect(app.with.signInAudience).toBe('AzureADMyOrg');
    // Only the bot has a secret; SSO only validates tokens and Graph signs in with the Key Vault certificate.
    expect(created.map((a) => [a.writes[0], a.with.generateClientSecret])).toEqual([
      ['AAD_APP_CLIENT_ID', 'false'],
      ['BOT_ID', 'true'],
      ['GRAPH_CLIENT_ID', 'false'],
    ]);
  });

  it('uses no variable before a step writes it, and every other variable is in env/.env.dev', () => {
    // What provision produces: the steps' writeToEnvironmentFile and the Bicep's outputs (written by arm/deploy).
    const producedByProvision = new Set([...lifecycle.stages.provision!.flatMap((s) => s.writes), ...bicep.outputs.keys()]);
    for (const stage of ['provision', 'deploy', 'publish']) {
      const written = new Set<string>();
      for (const step of lifecycle.stages[stage]!) {
        const files = Object.values(step.with).filter((v) => /\.json$/.test(v) && exists(v)).map((v) => readText(v));
        // Bicep parameters are listed under `templates:`, not as a `with:` value.
        if (step.uses === 'arm/deploy') files.push(readText('infra/azure.parameters.json'));
        for (const name of [...placeholders(step.text), ...files.flatMap(placeholders)]) {
          const writtenLater = stage === 'provision' && producedByProvision.has(name) && !written.has(name);
          const ok = !writtenLater && (written.has(name) || inEnvFile(name) || name.startsWith('SECRET_') || name === 'AAD_APP_ACCESS_AS_USER_PERMISSION_ID');
          expect({ stage, step: step.uses, name, ok }).toEqual({ stage, step: step.uses, name, ok: true });
        }
        step.writes.forEach((w) => written.add(w));
        if (step.uses === 'arm/deploy') bicep.outputs.forEach((_, name) => written.add(name));
      }
    }
  });

  it('deploys the Bicep with its parameters file, and points at files that exist', () => {
    const arm = lifecycle.stages.provision!.find((s) => s.uses === 'arm/deploy')!;
    expect(arm.text).toContain('- path: ./infra/azure.bicep');
    expect(arm.text).toContain('parameters: ./infra/azure.parameters.json');
    for (const step of Object.values(lifecycle.stages).flat()) {
      for (const key of ['manifestPath']) if (step.with[key]) expect(exists(step.with[key]!)).toBe(true);
    }
  });

  it('gives the SSO app the Application ID URI and consent-popup redirect the tab uses, and pre-authorises Teams', () => {
    const sso = JSON.parse(readText('infra/aad.manifest.json'));
    expect(sso.signInAudience).toBe('AzureADMyOrg');
    expect(sso.identifierUris).toEqual(['api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}']);
    // tabs/public/auth-start.js asks for <origin>/auth-end.html and api://<host>/<client id>/access_as_user.
    const start = readText('tabs/public/auth-start.js');
    expect(start).toContain("redirect_uri: origin + '/auth-end.html'");
    expect(start).toContain("'api://' + window.location.host + '/' + clientId + '/access_as_user'");
    expect(exists('tabs/public/auth-end.html')).toBe(true);
    expect(sso.replyUrlsWithType).toContainEqual({ url: '${{TAB_ENDPOINT}}/auth-end.html', type: 'Spa' });
    expect(sso.oauth2Permissions.map((p: { value: string }) => p.value)).toEqual(['access_as_user']);
    // Teams desktop and mobile, Teams web.
    expect(sso.preAuthorizedApplications.map((a: { appId: string }) => a.appId).sort()).toEqual(['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346']);
  });

  it('asks for Sites.Selected (Graph and SharePoint, application) for the Graph app, and nothing else', () => {
    const graph = JSON.parse(readText('infra/graph.aad.manifest.json'));
    expect(graph.signInAudience).toBe('AzureADMyOrg');
    expect(graph.requiredResourceAccess).toEqual([
      { resourceAppId: '00000003-0000-0000-c000-000000000000', resourceAccess: [{ id: '883ea226-0bf2-4a8f-9f9d-92c9162a727d', type: 'Role' }] },
      { resourceAppId: '00000003-0000-0ff1-ce00-000000000000', resourceAccess: [{ id: '20d37865-089c-4dee-8c41-6967602d4ac8', type: 'Role' }] },
    ]);
  });

  it('deploys by installing, building, staging production dependencies and zip-deploying the staged folder', () => {
    const steps = lifecycle.stages.deploy!;
    expect(steps.map((s) => [s.uses, s.with.args ?? s.with.artifactFolder])).toEqual([
      ['cli/runNpmCommand', 'ci'],
      ['cli/runNpmCommand', 'run build'],
      ['cli/runNpmCommand', 'run stage:deploy'],
      ['azureAppService/zipDeploy', './build/deploy'],
    ]);
    const scripts = JSON.parse(readText('package.json')).scripts as Record<string, string>;
    expect(scripts.build).toContain('build:server');
    expect(scripts.build).toContain('build:tab');
    expect(scripts['stage:deploy']).toBe('tsx scripts/stageDeploy.ts');
    expect(readText('scripts/stageDeploy.ts')).toContain("path.join(root, 'build', 'deploy')");
    expect(steps[3]!.with.resourceId).toBe('${{AZURE_APP_SERVICE_RESOURCE_ID}}');
  });

  it('publishes the validated package to the Teams admin centre', () => {
    expect(uses('publish')).toEqual(['teamsApp/validateManifest', 'teamsApp/zipAppPackage', 'teamsApp/validateAppPackage', 'teamsApp/update', 'teamsApp/publishAppPackage']);
  });
});
