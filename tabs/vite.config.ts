// CommonJS on purpose (require, module.exports): Vite loads a .ts config beside a package.json without
// "type": "module" as CommonJS, and warns on every start when such a file uses ESM syntax.
// Run from the repository root: `vite build --config tabs/vite.config.ts`.
/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/consistent-type-imports -- CommonJS, as above */
const fs: typeof import('node:fs') = require('node:fs');
const path: typeof import('node:path') = require('node:path');
const zlib: typeof import('node:zlib') = require('node:zlib');

// Types only; the root tsconfig resolves modules like Node 10, so these ESM-only packages are typed as imports.
type ReactPlugin = typeof import('@vitejs/plugin-react', { with: { 'resolution-mode': 'import' } }).default;
type UserConfig = import('vite', { with: { 'resolution-mode': 'import' } }).UserConfig;
type VitePlugin = import('vite', { with: { 'resolution-mode': 'import' } }).Plugin;

// An ESM-only package: Node (20.19 and later) hands require() its namespace, whose default is the plugin.
const react = (require('@vitejs/plugin-react') as { default: ReactPlugin }).default;

/**
 * Writes a brotli (.br, best quality) and a gzip (.gz, level 9) twin beside every hashed script and style sheet, so the
 * server sends them without compressing per request (src/server/tabAssets.ts). Small files are left alone: their
 * headers outweigh what compression saves.
 */
function precompress(): VitePlugin {
  return {
    name: 'riskpanel-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? path.join(__dirname, 'dist');
      for (const file of Object.keys(bundle)) {
        if (!/^assets\/[^/]+\.(?:js|css|svg|json)$/.test(file)) continue;
        const full = path.join(dir, file);
        const raw = fs.readFileSync(full);
        if (raw.length < 1024) continue;
        const brotli = zlib.brotliCompressSync(raw, {
          params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
        });
        fs.writeFileSync(`${full}.br`, brotli);
        fs.writeFileSync(`${full}.gz`, zlib.gzipSync(raw, { level: 9 }));
      }
    },
  };
}

/**
 * main.tsx loads the code that draws the tab (renderApp.tsx) with a dynamic import, so that its sign-in requests go
 * out before React and Fluent have downloaded. This preloads that chunk and everything it imports from index.html, so
 * it downloads alongside main.tsx instead of after it.
 */
function preloadRenderer(): VitePlugin {
  return {
    name: 'riskpanel-preload-renderer',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const bundle = context.bundle;
        if (!bundle || !context.chunk) return undefined;
        const chunks = new Map(Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [[c.fileName, c] as const] : [])));
        const closure = (start: string, seen = new Set<string>()): Set<string> => {
          if (seen.has(start)) return seen;
          seen.add(start);
          for (const next of chunks.get(start)?.imports ?? []) closure(next, seen);
          return seen;
        };
        const renderer = [...chunks.values()].find((c) => c.moduleIds.some((id) => id.replace(/\\/g, '/').endsWith('/tabs/src/renderApp.tsx')));
        if (!renderer) throw new Error('No chunk for tabs/src/renderApp.tsx: the tab would draw nothing');
        const already = closure(context.chunk.fileName);
        return [...closure(renderer.fileName)]
          .filter((file) => !already.has(file))
          .map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head' as const }));
      },
    },
  };
}

type ChunkingContext = { getModuleInfo(id: string): { importedIds: readonly string[]; code: string | null } | null };

/**
 * Fewer, larger chunks for the first load: every response carries about a kilobyte of headers (the security headers
 * above all), so forty small chunks cost as much again as the code. The first load of the register fetches three
 * groups: boot (what main.tsx needs), shell (what renderApp.tsx adds: React DOM, Fluent's core, the sign-in and the
 * frame) and register-shared (the Fluent components and shared parts the register adds), beside the register's own
 * page chunk. Other pages keep Vite's chunking and share these groups. Each group takes its modules' dependencies
 * too, so the groups are declared from the first load outwards, the earlier one winning a module they both need.
 */
function chunkGroups() {
  // Fluent's barrel imports every component package; following it would put every component any page uses into the
  // first load. From the app's own modules only the packages behind the names they import are followed.
  const barrel = path.join(__dirname, '..', 'node_modules', '@fluentui', 'react-components', 'lib', 'index.js');
  const packageOf = new Map<string, string>();
  for (const m of fs.readFileSync(barrel, 'utf8').matchAll(/export\s*\{([^}]*)\}\s*from\s*["']([^"']+)["']/g)) {
    for (const name of m[1]!.split(',')) packageOf.set(name.trim().split(/\s+as\s+/).pop()!, m[2]!);
  }
  const isBarrel = (id: string) => id.replace(/\\/g, '/').endsWith('/@fluentui/react-components/lib/index.js');
  const namesFromBarrel = (code: string): string[] =>
    [...code.matchAll(/import\s*\{([^}]*)\}\s*from\s*["']@fluentui\/react-components["']/g)].flatMap((m) =>
      m[1]!.split(',').map((n) => n.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]!.trim()).filter(Boolean),
    );

  /** The modules a package's index re-exports these names from, or undefined if any of them cannot be found. */
  const exportsOf = (context: ChunkingContext, index: string, names: string[]): string[] | undefined => {
    const info = context.getModuleInfo(index);
    if (!info?.code) return undefined;
    const from = new Map<string, string>();
    for (const m of info.code.matchAll(/export\s*\{([^}]*)\}\s*from\s*["']([^"']+)["']/g)) {
      for (const name of m[1]!.split(',')) from.set(name.trim().split(/\s+as\s+/).pop()!, m[2]!);
    }
    const targets = new Set<string>();
    for (const name of names) {
      const spec = from.get(name);
      const file = spec && path.resolve(path.dirname(index), spec);
      const id = file && info.importedIds.find((imported) => path.resolve(imported) === file);
      if (!id) return undefined;
      targets.add(id);
    }
    return [...targets];
  };
  let sets: { boot: Set<string>; shell: Set<string>; register: Set<string> } | undefined;
  const closure = (context: ChunkingContext, start: string, skip: Set<string> = new Set()): Set<string> => {
    const seen = new Set<string>();
    const stack = [start];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (seen.has(id) || skip.has(id)) continue;
      seen.add(id);
      const info = context.getModuleInfo(id);
      if (!info) continue;
      for (const next of info.importedIds) {
        if (!isBarrel(next)) {
          stack.push(next);
          continue;
        }
        const names = namesFromBarrel(info.code ?? '');
        const packages = new Set(names.map((name) => packageOf.get(name)));
        const barrelInfo = context.getModuleInfo(next);
        for (const target of barrelInfo?.importedIds ?? []) {
          const pkg = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(target)?.[1]?.replace(/\\/g, '/');
          if (!pkg || !packages.has(pkg)) continue;
          // Into the package only as far as the names imported lead (Button, not CompoundButton or SplitButton, which
          // later pages use and would otherwise drag into the first load); the whole package when that cannot be told.
          stack.push(...(exportsOf(context, target, names.filter((name) => packageOf.get(name) === pkg)) ?? [target]));
        }
      }
    }
    return seen;
  };
  const setsOf = (context: ChunkingContext) => {
    if (!sets) {
      const src = (file: string) => path.join(__dirname, 'src', file);
      const boot = closure(context, src('main.tsx'));
      const shell = closure(context, src('renderApp.tsx'), boot);
      const register = closure(context, src('pages/register/RegisterPage.tsx'), new Set([...boot, ...shell]));
      if (boot.size < 2 || shell.size < 2 || register.size < 2) throw new Error('tabs/vite.config.ts: the boot, shell or register modules were not found');
      // The register's own modules stay in its page chunk.
      for (const id of register) if (id.replace(/\\/g, '/').includes('/tabs/src/pages/register/')) register.delete(id);
      sets = { boot, shell, register };
    }
    return sets;
  };
  // The groups follow whole packages, so they would take Fluent's dark and high-contrast themes too; theme/themes.ts
  // loads those only when asked for (theme/otherThemes.ts), so their modules are left to that lazy chunk.
  const lazyThemes =
    /[\\/]@fluentui[\\/]tokens[\\/]lib[\\/](themes[\\/](web[\\/]darkTheme|teams[\\/]highContrastTheme)|utils[\\/](createDarkTheme|createHighContrastTheme)|alias[\\/](darkColor|darkColorPalette|highContrastColor|highContrastColorPalette|teamsFontFamilies))\.js$/;
  const group = (name: 'boot' | 'shell' | 'register', chunk: string, priority: number) => ({
    debugName: chunk,
    priority,
    name: (id: string, context: ChunkingContext) => (!lazyThemes.test(id) && setsOf(context)[name].has(id) ? chunk : null),
  });
  return [group('boot', 'boot', 3), group('shell', 'shell', 2), group('register', 'register-shared', 1)];
}

const config: UserConfig = {
  root: __dirname,
  base: '/',
  plugins: [react(), precompress(), preloadRenderer()],
  build: {
    outDir: path.join(__dirname, 'dist'),
    emptyOutDir: true,
    // The tab is served by our own server under a strict Content-Security-Policy: no inline scripts.
    modulePreload: { polyfill: false },
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: { output: { codeSplitting: { groups: chunkGroups() } } },
  },
  server: {
    // `vite --config tabs/vite.config.ts` for quick UI work against a running `npm run dev` on the default port.
    proxy: { '/api': 'http://127.0.0.1:3978', '/healthz': 'http://127.0.0.1:3978' },
  },
};

module.exports = config;
