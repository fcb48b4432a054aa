import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { allCommands, parseCommand } from '../../bot/chat/parseCommand';

// The library requires strip-bom, which is ESM-only: Node 20 loads it, Jest's module runtime cannot. The stand-in
// does the same thing (drop a leading byte-order mark); validation itself is the library's own.
jest.mock('strip-bom', () => ({ __esModule: true, default: (text: string) => text.replace(/^\uFEFF/, '') }));
jest.mock('fs-extra', () => ({}), { virtual: true });

const root = path.join(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const template = read('appPackage/manifest.json');

// What the Agents Toolkit would put in place of each ${{NAME}}: plausible values, none of them real.
const SAMPLE: Record<string, string> = {
  TEAMS_APP_ID: '0b9c7c3e-4c1d-4e0a-9a55-3f1f2d7a1e01',
  BOT_ID: '6f0e2d4c-8b1a-4f3e-9d2c-1a2b3c4d5e6f',
  AAD_APP_CLIENT_ID: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  TAB_DOMAIN: 'riskpanel-dev.azurewebsites.net',
  TAB_ENDPOINT: 'https://riskpanel-dev.azurewebsites.net',
  APP_NAME_SUFFIX: '-dev',
};

const placeholders = (text: string) => new Set([...text.matchAll(/\$\{\{([A-Z0-9_]+)\}\}/g)].map((m) => m[1]!));
const substitute = (text: string, values: Record<string, string>) =>
  text.replace(/\$\{\{([A-Z0-9_]+)\}\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`no sample value for ${name}`);
    return values[name]!;
  });

/** The schema the manifest names, from the copy bundled in @microsoft/app-manifest: validation never needs the network. */
function bundledSchema(manifest: { manifestVersion: string }): AppManifest {
  const file = path.join(
    path.dirname(require.resolve('@microsoft/app-manifest/package.json')),
    'build', 'json-schemas', 'teams', `v${manifest.manifestVersion}`, 'MicrosoftTeams.schema.json',
  );
  expect(fs.existsSync(file)).toBe(true);
  // The published schemas contain \a and \v escapes that JSON does not allow (the library cleans them the same way).
  return JSON.parse(fs.readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b'));
}

const validate = (manifest: Record<string, unknown>) =>
  AppManifestUtils.validateAgainstSchema(manifest as unknown as AppManifest, bundledSchema(manifest as { manifestVersion: string }) as never);

describe('Teams app manifest', () => {
  const manifest = JSON.parse(substitute(template, SAMPLE));

  it('uses only the placeholders the Agents Toolkit fills in, and each one is defined by the lifecycle', () => {
    expect([...placeholders(template)].sort()).toEqual(Object.keys(SAMPLE).sort());
    const env = read('env/.env.dev');
    const lifecycle = read('m365agents.yml');
    const bicep = read('infra/azure.bicep');
    for (const name of placeholders(template)) {
      const defined =
        new RegExp(`^${name}=`, 'm').test(env) || new RegExp(`:\\s*${name}\\s*$`, 'm').test(lifecycle) || new RegExp(`^output ${name} `, 'm').test(bicep);
      expect({ name, defined }).toEqual({ name, defined: true });
    }
  });

  it('is valid against the official schema of its manifest version, offline', async () => {
    expect(manifest.$schema).toContain(`/v${manifest.manifestVersion}/`);
    expect(await validate(manifest)).toEqual([]);
  });

  it('is checked by a validator that does reject a broken manifest', async () => {
    const broken = JSON.parse(JSON.stringify(manifest));
    broken.bots[0].scopes = ['everywhere'];
    delete broken.icons;
    const errors = await validate(broken);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(/icons/);
  });

  it('declares the bot in personal, team and group chat scopes, listing every command it understands in each', () => {
    const [bot] = manifest.bots;
    expect(manifest.bots).toHaveLength(1);
    expect(bot.botId).toBe(SAMPLE.BOT_ID);
    expect(bot.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    const lists = bot.commandLists as { scopes: string[]; commands: { title: string; description: string }[] }[];
    expect(lists.flatMap((l) => l.scopes).sort()).toEqual(['groupChat', 'personal', 'team']);
    const names = allCommands().map((c) => c.name);
    for (const list of lists) {
      expect(list.commands.map((c) => c.title)).toEqual(names);
      // What Teams inserts when someone picks a suggestion is the title: the bot must read it as that command.
      for (const { title } of list.commands) expect(parseCommand(title)).toMatchObject({ command: { name: title } });
    }
  });

  it('declares a personal Cases tab and a configurable tab for channels, chats and meetings', () => {
    const cases = manifest.staticTabs.find((t: { name?: string }) => t.name === 'Cases');
    expect(cases.scopes).toEqual(['personal']);
    expect(cases.contentUrl.startsWith(SAMPLE.TAB_ENDPOINT)).toBe(true);
    const [configurable] = manifest.configurableTabs;
    expect(configurable.scopes.sort()).toEqual(['groupChat', 'team']);
    // The meeting side panel fails to load without the meeting chat and details contexts.
    expect(configurable.context).toEqual(expect.arrayContaining(['meetingSidePanel', 'meetingChatTab', 'meetingDetailsTab', 'meetingStage']));
    expect(configurable.meetingSurfaces.sort()).toEqual(['sidePanel', 'stage']);
    expect(manifest.validDomains).toEqual([SAMPLE.TAB_DOMAIN]);
    expect(manifest.webApplicationInfo).toEqual({
      id: SAMPLE.AAD_APP_CLIENT_ID,
      resource: `api://${SAMPLE.TAB_DOMAIN}/${SAMPLE.AAD_APP_CLIENT_ID}`,
    });
  });

  it('asks for the meeting permissions the bot and the stage need, in chat meetings and channel meetings alike', () => {
    const rsc = manifest.authorization.permissions.resourceSpecific as { name: string; type: string }[];
    const byName = Object.fromEntries(rsc.map((p) => [p.name, p.type]));
    expect(rsc).toHaveLength(Object.keys(byName).length);
    // Meeting start/end events and the participant API (organiser or presenter), read by the bot as the app itself.
    expect(byName).toMatchObject({
      'OnlineMeeting.ReadBasic.Chat': 'Application',
      'ChannelMeeting.ReadBasic.Group': 'Application',
      'OnlineMeetingParticipant.Read.Chat': 'Application',
      'ChannelMeetingParticipant.Read.Group': 'Application',
    });
    // Share to stage is done by the person in the meeting, so it is a delegated permission, one per kind of meeting.
    expect(byName).toMatchObject({ 'MeetingStage.Write.Chat': 'Delegated', 'ChannelMeetingStage.Write.Group': 'Delegated' });
    // Meeting events reach the bot in the meeting's chat (groupChat) and a channel meeting's channel (team).
    expect(manifest.bots[0].scopes).toEqual(expect.arrayContaining(['groupChat', 'team']));
  });
});

/** Reads a PNG's size and RGBA pixels (8-bit RGBA, any filter), enough to check the icons Teams requires. */
function readPng(file: string): { width: number; height: number; colorType: number; pixels: Buffer } {
  const buf = fs.readFileSync(path.join(root, file));
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let width = 0;
  let height = 0;
  let colorType = -1;
  const idat: Buffer[] = [];
  while (offset < buf.length) {
    const length = buf.readUInt32BE(offset);
    const type = buf.toString('ascii', offset + 4, offset + 8);
    const data = buf.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect(data[8]).toBe(8);
      colorType = data[9]!;
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= 4 ? pixels[y * stride + x - 4]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter]!;
      pixels[y * stride + x] = (v + predictor) & 0xff;
    }
  }
  return { width, height, colorType, pixels };
}

describe('app icons', () => {
  it('has a 192x192 colour icon', () => {
    const png = readPng('appPackage/color.png');
    expect([png.width, png.height]).toEqual([192, 192]);
  });

  it('has a 32x32 outline icon that is white on transparent', () => {
    const png = readPng('appPackage/outline.png');
    expect([png.width, png.height, png.colorType]).toEqual([32, 32, 6]);
    let visible = 0;
    for (let i = 0; i < png.pixels.length; i += 4) {
      const [r, g, b, alpha] = png.pixels.subarray(i, i + 4);
      if (alpha === 0) continue;
      visible++;
      expect([r, g, b]).toEqual([255, 255, 255]);
    }
    expect(visible).toBeGreaterThan(50);
    expect(visible).toBeLessThan(32 * 32 - 100);
  });

  it('names exactly the icon files in the package', () => {
    const manifest = JSON.parse(substitute(template, SAMPLE));
    for (const icon of Object.values(manifest.icons) as string[]) expect(fs.existsSync(path.join(root, 'appPackage', icon))).toBe(true);
  });
});
