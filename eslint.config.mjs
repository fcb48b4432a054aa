import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/*
 * The dependency rule (README "How the code is organised", issue 9 rule 1): layers point down.
 *   src/domain ← src/policies ← src/kernel ← src/commands, src/queries ← src/cards, src/notify ← hosts
 *   (src/server, bot/, the scheduler). The tab (tabs/src) sees only src/domain and src/contract.
 * Each folder below gets ONE `no-restricted-imports` setting (in flat config a later block replaces the rule's options
 * of an earlier one, it does not add to them), so every setting repeats the restrictions that apply to that folder.
 * Patterns are regular expressions over the import string: our own code is always imported by a relative path.
 */

/** An import reaching the folder `names` (a regex alternation) by climbing out: '../kernel', '../../src/store/port'. */
const reaching = (names) => `^(?:\\.\\./)+(?:src/)?(?:${names})(?:/|$)`;

/**
 * For a folder that may import only a few others (a whitelist): any import that climbs out of `folder` to anything
 * but `allowed`. Depth matters (src/domain/indicators/x.ts climbs out with '../../', not '../'), so one setting per
 * depth, up to four levels of sub-folders.
 */
function onlyFrom(folder, allowed, message) {
  return [0, 1, 2, 3, 4].map((depth) => ({
    files: [`${folder}/${'*/'.repeat(depth)}*.{ts,tsx}`],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{
          regex: allowed
            ? `^(?:\\.\\./){${depth + 1}}(?!(?:${allowed})(?:/|$))`
            : `^(?:\\.\\./){${depth + 1}}`,
          caseSensitive: true,
          message,
        }],
      }],
    },
  }));
}

const noBot = {
  regex: reaching('bot'),
  caseSensitive: true,
  message: 'Nothing under src/ imports bot/: the bot is a host, mounted only by the composition root (src/main.ts, src/server/app.ts).',
};
const noHosts = {
  regex: reaching('server|bot'),
  caseSensitive: true,
  message: 'src/cards and src/notify sit below the hosts: they never import src/server or bot/ (the hosts call them).',
};
const useCases = (self, other) => ({
  regex: reaching(`${other}|cards|notify|server|bot`),
  caseSensitive: true,
  message: `src/${self} (use cases) never imports src/${other}, src/cards, src/notify, src/server or bot/: ` +
    'what both use cases need goes in src/kernel (a pure rule in src/domain); cards and hosts call use cases, not the reverse.',
});

const restrict = (files, ...patterns) => ({
  files,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
});

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'tabs/dist', 'data', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser, ...globals.jest } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Scripts, tests and the tab may print; the server and the bot log through src/log.ts (pino, redacted).
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  { files: ['**/*.js', '**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // Options must be given: a severity alone would keep the `allow` list above.
  { files: ['src/**/*.ts', 'bot/**/*.ts'], rules: { 'no-console': ['error', {}] } },
  // The audit trail is a hash chain: an event appended any other way breaks it (npm run audit:verify would say so).
  {
    files: ['src/**/*.ts', 'bot/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['src/audit/**'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "CallExpression[callee.property.name='append'][arguments.0.value='audit']",
        message: 'Append audit events through appendAuditEvent (src/audit/chain.ts) or recordAudit (src/kernel/audit.ts), never tx.append.',
      }],
    },
  },

  // Everything under src/ (the folders below narrow it further).
  restrict(['src/**/*.ts'], noBot),
  // The composition root mounts the bot.
  { files: ['src/main.ts', 'src/server/app.ts'], rules: { '@typescript-eslint/no-restricted-imports': 'off' } },

  ...onlyFrom('src/domain', null,
    'src/domain is the bottom layer (entities, vocabularies, pure rules): it imports nothing of ours outside src/domain.'),
  ...onlyFrom('src/policies', 'domain',
    'src/policies imports only src/domain: who may do what is decided from the records alone.'),
  ...onlyFrom('src/kernel', 'domain|policies|store/port|audit|log|contract',
    'src/kernel (unit of work, context, audit, validation) imports only src/domain, src/policies, the store port ' +
    '(src/store/port), the audit chain (src/audit), src/log and src/contract: it sits below the use cases and never reaches up.'),
  // The audit chain (hashing, checkpoints, verification) sits beside the store port, below the kernel that writes through it.
  restrict(['src/audit/**/*.ts'], {
    regex: reaching('kernel|commands|queries|cards|notify|server|bot'),
    caseSensitive: true,
    message: 'src/audit (the tamper-evident chain) sits below src/kernel: it never imports the kernel, use cases, cards, notify or hosts.',
  }),
  restrict(['src/commands/**/*.ts'], useCases('commands', 'queries')),
  restrict(['src/queries/**/*.ts'], useCases('queries', 'commands')),
  restrict(['src/cards/**/*.ts', 'src/notify/**/*.ts'], noHosts),

  restrict(['bot/**/*.ts'],
    {
      regex: reaching('store|policies'),
      caseSensitive: true,
      message: 'bot/ is a host: it never reads the store or applies a policy itself; call a query or a command (src/queries, src/commands).',
    },
    {
      regex: reaching('kernel'),
      caseSensitive: true,
      allowTypeImports: true,
      message: 'bot/ imports commands, queries, cards, domain, log and contract; from src/kernel only types (import type).',
    },
    {
      // The SDK's auth settings are shared with proactive delivery; problem+json is the HTTP answer both hosts give.
      regex: `^(?!(?:\\.\\./)+src/(?:notify/botAuthConfiguration|server/problem)$)${reaching('notify|server|auth|demo').slice(1)}`,
      caseSensitive: true,
      message: 'bot/ imports commands, queries, cards, domain, log and contract: not src/notify, src/server, src/auth or src/demo.',
    },
  ),

  restrict(['tabs/src/**/*.{ts,tsx}'],
    {
      regex: '^(?:\\.\\./)+(?:src/(?!(?:domain|contract)(?:/|$))|bot(?:/|$))',
      caseSensitive: true,
      message: 'The tab imports from the server side only src/domain (types, formats) and src/contract (the API contract).',
    },
  ),
);
