import { execFileSync } from 'node:child_process';
import path from 'node:path';

/*
 * The dependency rule (issue 9 rule 1) as `npm run lint` enforces it: each boundary in eslint.config.mjs catches an
 * import that reaches up or sideways, with its own message, and lets the allowed direction through. The snippets are
 * linted with the project's real configuration, as files at realistic paths (ESLint's Node API, run in a child
 * process because ESLint loads its configuration with a dynamic import Jest's sandbox cannot run).
 * The real tree itself is linted by `npm run lint` (part of `npm test`).
 */

const root = path.resolve(__dirname, '../..');
const RULE = '@typescript-eslint/no-restricted-imports';

interface Case { filePath: string; code: string }
interface Finding { ruleId: string | null; message: string }

/** A file at `filePath` that imports `from` (a value, unless `typeOnly`) and uses it, so no other rule fires. */
const importing = (filePath: string, from: string, typeOnly = false): Case => ({
  filePath,
  code: typeOnly
    ? `import type { X } from '${from}';\nexport type Y = X;\n`
    : `import { x } from '${from}';\nexport const y = x;\n`,
});
const printing = (filePath: string, method: string): Case => ({ filePath, code: `console.${method}('figures');\n` });

const cases = {
  domainUp: importing('src/domain/records.ts', '../policies'),
  domainNestedUp: importing('src/domain/indicators/capacity.ts', '../../kernel/context'),
  domainNestedOwn: importing('src/domain/indicators/capacity.ts', '../records'),
  domainOwn: importing('src/domain/rules.ts', './records'),
  domainLibrary: importing('src/domain/time.ts', 'luxon'),
  policiesUp: importing('src/policies/casePolicy.ts', '../kernel/context'),
  policiesStore: importing('src/policies/casePolicy.ts', '../store/port'),
  policiesDomain: importing('src/policies/casePolicy.ts', '../domain/records'),
  kernelUp: importing('src/kernel/command.ts', '../commands'),
  kernelAdapter: importing('src/kernel/query.ts', '../store/sqlite/sqliteStore'),
  kernelConfig: importing('src/kernel/query.ts', '../config'),
  kernelPort: importing('src/kernel/command.ts', '../store/port'),
  kernelPolicies: importing('src/kernel/caseAccess.ts', '../policies'),
  kernelContract: importing('src/kernel/validation.ts', '../contract/fields'),
  kernelLog: importing('src/kernel/command.ts', '../log'),
  commandsQueries: importing('src/commands/closeCase.ts', '../queries'),
  commandsCards: importing('src/commands/closeCase.ts', '../cards/statusCard'),
  commandsNotify: importing('src/commands/runOverdueScan.ts', '../notify/scheduler'),
  commandsKernel: importing('src/commands/closeCase.ts', '../kernel/command'),
  queriesCommands: importing('src/queries/getCase.ts', '../commands/closeCase'),
  queriesServer: importing('src/queries/getCase.ts', '../server/problem'),
  queriesNested: importing('src/queries/indicators/getIndicators.ts', '../../commands'),
  queriesKernel: importing('src/queries/getCase.ts', '../kernel/query'),
  cardsServer: importing('src/cards/statusCard.ts', '../server/problem'),
  notifyBot: importing('src/notify/render/decision.ts', '../../../bot/types'),
  cardsQueries: importing('src/cards/cardsFromViews.ts', '../queries'),
  routeBot: importing('src/server/routes/cases.ts', '../../../bot/host'),
  storeBot: importing('src/store/openStore.ts', '../../bot/types'),
  appBot: importing('src/server/app.ts', '../../bot/mountBot'),
  mainBot: importing('src/main.ts', '../bot/host'),
  botStore: importing('bot/chat/status.ts', '../../src/store/port'),
  botPolicies: importing('bot/actions/handleCardAction.ts', '../../src/policies'),
  botKernelValue: importing('bot/actions/cardActionData.ts', '../../src/kernel/validation'),
  botKernelType: importing('bot/types.ts', '../src/kernel/context', true),
  botNotify: importing('bot/host.ts', '../src/notify/sender'),
  botNotifyAuth: importing('bot/host.ts', '../src/notify/botAuthConfiguration'),
  botProblem: importing('bot/mountBot.ts', '../src/server/problem'),
  botServerRoutes: importing('bot/mountBot.ts', '../src/server/routes'),
  botQueries: importing('bot/chat/status.ts', '../../src/queries'),
  botCommands: importing('bot/actions/handleCardAction.ts', '../../src/commands'),
  tabKernel: importing('tabs/src/pages/case/CasePage.tsx', '../../../../src/kernel/context'),
  tabPolicies: importing('tabs/src/App.tsx', '../../src/policies'),
  tabBot: importing('tabs/src/App.tsx', '../../bot/types'),
  tabContract: importing('tabs/src/pages/case/CasePage.tsx', '../../../../src/contract'),
  tabDomain: importing('tabs/src/format.ts', '../../src/domain/enums'),
  tabOwn: importing('tabs/src/pages/case/CasePage.tsx', '../../api/client'),
  consoleInfoInSrc: printing('src/notify/scheduler.ts', 'info'),
  consoleErrorInBot: printing('bot/host.ts', 'error'),
  consoleInfoInScripts: printing('scripts/benchLease.ts', 'info'),
  consoleErrorInTests: printing('tests/notify/sender.test.ts', 'error'),
  consoleLogInScripts: printing('scripts/benchLease.ts', 'log'),
  auditAppendInKernel: { filePath: 'src/kernel/overdueScan.ts', code: "declare const tx: { append(k: string, r: object): void };\ntx.append('audit', {});\n" },
  auditAppendInChain: { filePath: 'src/audit/chain.ts', code: "declare const tx: { append(k: string, r: object): void };\ntx.append('audit', {});\n" },
} satisfies Record<string, Case>;

let findings: Record<keyof typeof cases, Finding[]>;

beforeAll(() => {
  const names = Object.keys(cases) as (keyof typeof cases)[];
  const out = execFileSync(process.execPath, [path.join(root, 'tests/lint/lintText.mjs')], {
    cwd: root,
    input: JSON.stringify(names.map((name) => cases[name])),
    encoding: 'utf8',
  });
  const results = JSON.parse(out) as Finding[][];
  findings = Object.fromEntries(names.map((name, i) => [name, results[i]!])) as typeof findings;
}, 120_000);

/** The one layer finding for the case (and nothing else wrong with the snippet). */
function refusal(name: keyof typeof cases): string {
  const found = findings[name];
  expect(found).toHaveLength(1);
  expect(found[0]!.ruleId).toBe(RULE);
  return found[0]!.message;
}
const allowed = (name: keyof typeof cases) => expect(findings[name]).toEqual([]);

describe('the dependency rule', () => {
  it('src/domain imports nothing of ours outside src/domain, at any depth', () => {
    expect(refusal('domainUp')).toMatch(/src\/domain is the bottom layer.*imports nothing of ours outside src\/domain/);
    expect(refusal('domainNestedUp')).toMatch(/src\/domain is the bottom layer/);
    allowed('domainNestedOwn');
    allowed('domainOwn');
    allowed('domainLibrary');
  });

  it('src/policies imports only src/domain', () => {
    expect(refusal('policiesUp')).toMatch(/src\/policies imports only src\/domain/);
    expect(refusal('policiesStore')).toMatch(/src\/policies imports only src\/domain/);
    allowed('policiesDomain');
  });

  it('src/kernel imports only domain, policies, the store port, log and contract', () => {
    for (const name of ['kernelUp', 'kernelAdapter', 'kernelConfig'] as const) {
      expect(refusal(name)).toMatch(/src\/kernel .* imports only src\/domain, src\/policies, the store port/);
    }
    allowed('kernelPort');
    allowed('kernelPolicies');
    allowed('kernelContract');
    allowed('kernelLog');
  });

  it('commands and queries never import each other, cards, notify or the hosts', () => {
    expect(refusal('commandsQueries')).toMatch(/src\/commands \(use cases\) never imports src\/queries/);
    expect(refusal('commandsCards')).toMatch(/src\/commands \(use cases\) never imports/);
    expect(refusal('commandsNotify')).toMatch(/src\/commands \(use cases\) never imports/);
    expect(refusal('queriesCommands')).toMatch(/src\/queries \(use cases\) never imports src\/commands/);
    expect(refusal('queriesServer')).toMatch(/src\/queries \(use cases\) never imports/);
    expect(refusal('queriesNested')).toMatch(/src\/queries \(use cases\) never imports src\/commands/);
    allowed('commandsKernel');
    allowed('queriesKernel');
  });

  it('cards and notify never import src/server or bot/', () => {
    expect(refusal('cardsServer')).toMatch(/src\/cards and src\/notify sit below the hosts/);
    expect(refusal('notifyBot')).toMatch(/src\/cards and src\/notify sit below the hosts/);
    allowed('cardsQueries');
  });

  it('nothing under src/ imports bot/ except the composition root', () => {
    expect(refusal('routeBot')).toMatch(/Nothing under src\/ imports bot\/.*composition root/);
    expect(refusal('storeBot')).toMatch(/Nothing under src\/ imports bot\//);
    allowed('appBot');
    allowed('mainBot');
  });

  it('bot/ never reads the store or the policies, and takes only types from the kernel', () => {
    expect(refusal('botStore')).toMatch(/bot\/ is a host: it never reads the store or applies a policy itself/);
    expect(refusal('botPolicies')).toMatch(/bot\/ is a host: it never reads the store or applies a policy itself/);
    expect(refusal('botKernelValue')).toMatch(/from src\/kernel only types/);
    expect(refusal('botNotify')).toMatch(/bot\/ imports commands, queries, cards, domain, log and contract: not src\/notify/);
    expect(refusal('botServerRoutes')).toMatch(/not src\/notify, src\/server/);
    allowed('botKernelType');
    allowed('botNotifyAuth');
    allowed('botProblem');
    allowed('botQueries');
    allowed('botCommands');
  });

  it('the tab imports only src/domain and src/contract from the server side', () => {
    for (const name of ['tabKernel', 'tabPolicies', 'tabBot'] as const) {
      expect(refusal(name)).toMatch(/The tab imports from the server side only src\/domain .* and src\/contract/);
    }
    allowed('tabContract');
    allowed('tabDomain');
    allowed('tabOwn');
  });
});

describe('console', () => {
  it('is an error for every method in src/ and bot/ (they log through src/log.ts)', () => {
    for (const name of ['consoleInfoInSrc', 'consoleErrorInBot'] as const) {
      expect(findings[name].map((f) => f.ruleId)).toEqual(['no-console']);
    }
  });

  it('scripts and tests may print info, warnings and errors, not console.log', () => {
    allowed('consoleInfoInScripts');
    allowed('consoleErrorInTests');
    expect(findings.consoleLogInScripts.map((f) => f.ruleId)).toEqual(['no-console']);
  });
});

describe('the audit trail', () => {
  it('is appended only through the chain writer in src/audit, so no event escapes the hash chain', () => {
    expect(findings.auditAppendInKernel.map((f) => f.message)).toEqual([expect.stringMatching(/appendAuditEvent/)]);
    allowed('auditAppendInChain');
  });
});
