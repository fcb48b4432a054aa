/**
 * `npm run package [-- --env env/.env.dev] [--out appPackage/build/appPackage.dev.zip]`: the Teams app package
 * (manifest.json with both icons) without the Agents Toolkit. Every ${{NAME}} in appPackage/manifest.json is filled
 * from the env file; the result is validated against the official schema of its manifest version, bundled in
 * @microsoft/app-manifest (no network), and zipped only if it is valid. Upload the zip in the Teams admin centre
 * (Manage apps → Upload new app) or in Teams (Apps → Manage your apps → Upload an app).
 */
import fs from 'node:fs';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';

const ROOT = path.join(__dirname, '..');
const PLACEHOLDER = /\$\{\{([A-Za-z0-9_]+)\}\}/g;

/** What Teams requires of the two icons: a 192×192 colour icon and a 32×32 outline icon. */
const ICON_SIZES = { color: 192, outline: 32 } as const;

export class PackageError extends Error {}

export interface PackageOptions {
  /** The env file the placeholders are filled from (dotenv syntax, as the toolkit writes it). */
  envFile: string;
  /** Where the zip goes. Default: appPackage/build/appPackage.<TEAMSFX_ENV or env file suffix>.zip */
  outFile?: string;
  /** Folder holding manifest.json and the icons. Default: appPackage/ */
  packageDir?: string;
}

export interface BuiltPackage {
  zipPath: string;
  manifest: Record<string, unknown>;
  files: string[];
}

/** Reads KEY=VALUE lines (comments, blank lines, `export`, single or double quotes), as the toolkit's env files hold. */
export function readEnvFile(file: string): Record<string, string> {
  if (!fs.existsSync(file)) throw new PackageError(`The env file ${file} does not exist.`);
  const values: Record<string, string> = {};
  for (const raw of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    let value = match[2]!.trim();
    const quoted = /^(['"])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2]!;
    else value = value.replace(/\s+#.*$/, '');
    values[match[1]!] = value;
  }
  return values;
}

/** Fills every ${{NAME}}; refuses, naming them all, when any is missing or empty in the env file. */
export function fillPlaceholders(template: string, values: Record<string, string>, source: string): string {
  const unfilled = [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))].filter((name) => !values[name]);
  if (unfilled.length) {
    throw new PackageError(
      `The manifest needs ${unfilled.join(', ')}, which ${unfilled.length === 1 ? 'is' : 'are'} not set in ${source}. ` +
        'Run `atk provision` for that environment, or set them by hand (see infra/README.md).',
    );
  }
  // JSON-escaped: a value can never break out of the string it stands in.
  return template.replace(PLACEHOLDER, (_, name: string) => JSON.stringify(values[name]!).slice(1, -1));
}

/** The official schema for the manifest's version, from the copy bundled in @microsoft/app-manifest. */
export function bundledSchemaFile(manifestVersion: string): string {
  const dir = path.join(path.dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');
  return path.join(dir, `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
}

/**
 * Validates offline against the bundled schema; returns the validator's messages (empty when valid). The validator
 * is set up exactly as @microsoft/app-manifest's AppManifestUtils.validateAgainstSchema sets it up (Ajv, draft-04,
 * all errors, uri/email/regex formats); that function itself cannot be loaded without fs-extra, which the library
 * requires but does not declare. tests/appPackage/package.test.ts checks that both give the same answers.
 */
export async function validateManifest(manifest: Record<string, unknown>): Promise<string[]> {
  const version = manifest.manifestVersion;
  if (typeof version !== 'string') return ['/manifestVersion is missing'];
  const file = bundledSchemaFile(version);
  if (!fs.existsSync(file)) return [`/manifestVersion ${version} has no schema bundled in @microsoft/app-manifest; use a version it holds`];
  if (typeof manifest.$schema !== 'string' || !manifest.$schema.includes(`/v${version}/`)) {
    return [`/$schema must name the schema of manifest version ${version}`];
  }
  // The published schemas contain \a and \v escapes that JSON does not allow (the library cleans them the same way).
  const schema = JSON.parse(fs.readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b'));
  const ajv = new AjvDraft04({ allErrors: true, strictTypes: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  if (validate(JSON.parse(JSON.stringify(manifest)))) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}. Details: ${JSON.stringify(e.params)}`);
}

/** Width and height from a PNG's header, or undefined when the file is not a PNG. */
export function pngSize(buf: Buffer): { width: number; height: number } | undefined {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buf.length < 24 || !buf.subarray(0, 8).equals(signature) || buf.toString('ascii', 12, 16) !== 'IHDR') return undefined;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function readIcons(manifest: Record<string, unknown>, packageDir: string): Map<string, Buffer> {
  const icons = (manifest.icons ?? {}) as Record<string, unknown>;
  const files = new Map<string, Buffer>();
  for (const [kind, size] of Object.entries(ICON_SIZES)) {
    const name = icons[kind];
    if (typeof name !== 'string' || name.includes('/') || name.includes('\\')) {
      throw new PackageError(`manifest.icons.${kind} must name a PNG file in ${packageDir}.`);
    }
    const file = path.join(packageDir, name);
    if (!fs.existsSync(file)) throw new PackageError(`The ${kind} icon ${file} does not exist.`);
    const buf = fs.readFileSync(file);
    const dims = pngSize(buf);
    if (!dims || dims.width !== size || dims.height !== size) {
      throw new PackageError(`The ${kind} icon ${name} must be a ${size}x${size} PNG${dims ? `, not ${dims.width}x${dims.height}` : ''}.`);
    }
    files.set(name, buf);
  }
  return files;
}

const envNameOf = (envFile: string, values: Record<string, string>) =>
  values.TEAMSFX_ENV || path.basename(envFile).replace(/^\.env\.?/, '') || 'default';

/** Fills, validates and zips the package; throws PackageError (and writes nothing) when anything is wrong. */
export async function buildAppPackage(options: PackageOptions): Promise<BuiltPackage> {
  const packageDir = options.packageDir ?? path.join(ROOT, 'appPackage');
  const values = readEnvFile(options.envFile);
  const template = fs.readFileSync(path.join(packageDir, 'manifest.json'), 'utf8');
  const manifest = JSON.parse(fillPlaceholders(template, values, options.envFile)) as Record<string, unknown>;
  const errors = await validateManifest(manifest);
  if (errors.length) throw new PackageError(`The filled manifest is not valid:\n  ${errors.join('\n  ')}`);
  const icons = readIcons(manifest, packageDir);

  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  for (const [name, buf] of icons) zip.file(name, buf);
  const zipPath = options.outFile ?? path.join(packageDir, 'build', `appPackage.${envNameOf(options.envFile, values)}.zip`);
  fs.mkdirSync(path.dirname(zipPath), { recursive: true });
  fs.writeFileSync(zipPath, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return { zipPath, manifest, files: ['manifest.json', ...icons.keys()] };
}

/**
 * env/.env.dev once provisioning has written into it. On a fresh clone (none of the manifest's values there yet) the
 * invented values of appPackage/example.env, said loudly, so the package can be seen and validated before any tenant
 * exists. A half-filled env/.env.dev is not replaced: building from it is refused with the names it lacks.
 */
export function chooseEnvFile(devFile = path.join(ROOT, 'env', '.env.dev')): { file: string; example: boolean } {
  const template = fs.readFileSync(path.join(ROOT, 'appPackage', 'manifest.json'), 'utf8');
  const names = [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
  const values = fs.existsSync(devFile) ? readEnvFile(devFile) : {};
  if (names.some((name) => name !== 'APP_NAME_SUFFIX' && values[name])) return { file: devFile, example: false };
  return { file: path.join(ROOT, 'appPackage', 'example.env'), example: true };
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i === -1) return undefined;
  const value = args[i + 1];
  if (!value || value.startsWith('--')) throw new PackageError(`${name} needs a value.`);
  return value;
}

async function main(args: string[]): Promise<void> {
  if (args.includes('--help')) {
    process.stdout.write('Usage: npm run package -- [--env env/.env.dev] [--out appPackage/build/appPackage.dev.zip]\n');
    return;
  }
  const out = argValue(args, '--out');
  let env = argValue(args, '--env');
  if (!env) {
    const chosen = chooseEnvFile();
    env = chosen.file;
    if (chosen.example) {
      process.stdout.write(
        'env/.env.dev is not provisioned yet: building from the invented values in appPackage/example.env (NOT for upload).\n' +
          'For a real package: atk provision --env dev, or npm run package -- --env <your env file>\n',
      );
    }
  }
  const built = await buildAppPackage({ envFile: path.resolve(env), ...(out ? { outFile: path.resolve(out) } : {}) });
  process.stdout.write(`Teams app package written: ${path.relative(process.cwd(), built.zipPath)} (${built.files.join(', ')}); manifest ${String(built.manifest.manifestVersion)} valid.\n`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`npm run package: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
