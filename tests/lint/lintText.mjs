// Lints snippets with the project's real ESLint configuration through ESLint's Node API, in a plain Node process:
// ESLint loads eslint.config.mjs with a dynamic import(), which Jest's module sandbox cannot run.
// Input on stdin: [{ code, filePath }]; output on stdout: [[{ ruleId, message }]] in the same order.
import { ESLint } from 'eslint';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const cases = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const { code, filePath } of cases) {
  const [result] = await eslint.lintText(code, { filePath });
  out.push(result.messages.map(({ ruleId, message }) => ({ ruleId, message })));
}
process.stdout.write(JSON.stringify(out));
