import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { buildAppPackage, chooseEnvFile, fillPlaceholders, PackageError, pngSize, readEnvFile, validateManifest } from '../../scripts/package';

// @microsoft/app-manifest requires these at load time: strip-bom is ESM-only (Jest's module runtime cannot load it)
// and fs-extra is required but not declared by the library. Neither takes part in schema validation.
jest.mock('strip-bom', () => ({ __esModule: true, default: (text: string) => text.replace(/^\uFEFF/, '') }));
jest.mock('fs-extra', () => ({}), { virtual: true });

const root = path.join(__dirname, '..', '..');
const fixture = path.join(__dirname, 'fixtures', 'test.env');
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riskpanel-package-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A copy of appPackage/ whose manifest template can be broken on purpose. */
function packageDirWith(edit: (manifest: string) => string): string {
  const copy = path.join(dir, 'appPackage');
  fs.mkdirSync(copy);
  for (const file of ['color.png', 'outline.png']) fs.copyFileSync(path.join(root, 'appPackage', file), path.join(copy, file));
  fs.writeFileSync(path.join(copy, 'manifest.json'), edit(fs.readFileSync(path.join(root, 'appPackage', 'manifest.json'), 'utf8')));
  return copy;
}

describe('npm run package', () => {
  it('builds a zip from an env file whose manifest has every placeholder filled, validates offline, and holds both icons', async () => {
    const outFile = path.join(dir, 'out', 'app.zip');
    const built = await buildAppPackage({ envFile: fixture, outFile });
    expect(built.zipPath).toBe(outFile);

    const zip = await JSZip.loadAsync(fs.readFileSync(outFile));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const text = await zip.file('manifest.json')!.async('string');
    expect(text).not.toContain('${{');
    const manifest = JSON.parse(text);
    const env = readEnvFile(fixture);
    expect(manifest.id).toBe(env.TEAMS_APP_ID);
    expect(manifest.bots[0].botId).toBe(env.BOT_ID);
    // Quoted values lose their quotes and trailing comments are dropped.
    expect(manifest.webApplicationInfo).toEqual({ id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', resource: 'api://riskpanel-test.azurewebsites.net/a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d' });
    expect(manifest.staticTabs[0].contentUrl).toBe('https://riskpanel-test.azurewebsites.net/#/');
    expect(manifest.name.short).toBe('RiskPanel-test');

    // The manifest inside the zip is valid, by our validator and by the official library's own function.
    expect(await validateManifest(manifest)).toEqual([]);
    const { AppManifestUtils } = await import('@microsoft/app-manifest');
    const schemaFile = path.join(path.dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams', `v${manifest.manifestVersion}`, 'MicrosoftTeams.schema.json');
    const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b'));
    expect(await AppManifestUtils.validateAgainstSchema(manifest, schema)).toEqual([]);

    const color = await zip.file(manifest.icons.color)!.async('nodebuffer');
    const outline = await zip.file(manifest.icons.outline)!.async('nodebuffer');
    expect(pngSize(color)).toEqual({ width: 192, height: 192 });
    expect(pngSize(outline)).toEqual({ width: 32, height: 32 });
    expect(color.equals(fs.readFileSync(path.join(root, 'appPackage', 'color.png')))).toBe(true);
  });

  it('refuses, naming each one, when a placeholder has no value in the env file, and writes nothing', async () => {
    const envFile = path.join(dir, 'partial.env');
    fs.writeFileSync(envFile, fs.readFileSync(fixture, 'utf8').replace(/^BOT_ID=.*$/m, 'BOT_ID=').replace(/^TAB_DOMAIN=.*$/m, ''));
    const outFile = path.join(dir, 'app.zip');
    await expect(buildAppPackage({ envFile, outFile })).rejects.toThrow(PackageError);
    await expect(buildAppPackage({ envFile, outFile })).rejects.toThrow(/needs BOT_ID, TAB_DOMAIN, which are not set in/);
    expect(fs.existsSync(outFile)).toBe(false);
  });

  it('refuses a manifest the schema rejects, with the validator\'s message, and writes nothing', async () => {
    const packageDir = packageDirWith((m) => m.replace('"scopes": ["personal", "team", "groupChat"]', '"scopes": ["everywhere"]'));
    const outFile = path.join(dir, 'app.zip');
    await expect(buildAppPackage({ envFile: fixture, outFile, packageDir })).rejects.toThrow(/not valid:[\s\S]*\/bots\/0\/scopes/);
    expect(fs.existsSync(outFile)).toBe(false);
  });

  it('refuses a manifest version whose schema is not bundled, rather than fetching one', async () => {
    const packageDir = packageDirWith((m) => m.replace(/1\.19/g, '1.99'));
    await expect(buildAppPackage({ envFile: fixture, outFile: path.join(dir, 'app.zip'), packageDir })).rejects.toThrow(/1\.99 has no schema bundled/);
  });

  it('refuses an icon of the wrong size', async () => {
    const packageDir = packageDirWith((m) => m);
    fs.copyFileSync(path.join(root, 'appPackage', 'outline.png'), path.join(packageDir, 'color.png'));
    await expect(buildAppPackage({ envFile: fixture, outFile: path.join(dir, 'app.zip'), packageDir })).rejects.toThrow(/color icon color\.png must be a 192x192 PNG, not 32x32/);
  });

  it('keeps a value from breaking out of its JSON string', () => {
    const template = fs.readFileSync(path.join(root, 'appPackage', 'manifest.json'), 'utf8');
    const values = { ...readEnvFile(fixture), APP_NAME_SUFFIX: '", "x": "y\\' };
    const manifest = JSON.parse(fillPlaceholders(template, values, 'test'));
    expect(manifest).not.toHaveProperty('x');
    expect(manifest.name.short).toBe('RiskPanel", "x": "y\\');
  });

  it('the invented example env builds a valid package (what a fresh clone gets)', async () => {
    const built = await buildAppPackage({ envFile: path.join(root, 'appPackage', 'example.env'), outFile: path.join(dir, 'example.zip') });
    expect(built.manifest.id).toBe('00000000-0000-4000-8000-000000000001');
  });

  it('without --env, uses env/.env.dev once provisioned, the example on a fresh clone, and never hides a half-filled file', async () => {
    const dev = path.join(dir, '.env.dev');
    fs.writeFileSync(dev, 'TEAMSFX_ENV=dev\nAPP_NAME_SUFFIX=-dev\nTEAMS_APP_ID=\nBOT_ID=\n');
    expect(chooseEnvFile(dev)).toEqual({ file: path.join(root, 'appPackage', 'example.env'), example: true });
    fs.writeFileSync(dev, 'TEAMSFX_ENV=dev\nTEAMS_APP_ID=0b9c7c3e-4c1d-4e0a-9a55-3f1f2d7a1e01\nBOT_ID=\n');
    expect(chooseEnvFile(dev)).toEqual({ file: dev, example: false });
    await expect(buildAppPackage({ envFile: dev, outFile: path.join(dir, 'app.zip') })).rejects.toThrow(/needs .*BOT_ID/);
  });
});
