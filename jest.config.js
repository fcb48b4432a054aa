/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } } }],
  },
  // The adaptivecards lib/ entry does not load under Node; its UMD bundle does.
  moduleNameMapper: { '^adaptivecards$': '<rootDir>/node_modules/adaptivecards/dist/adaptivecards.js' },
  // jose (under @microsoft/agents-hosting's jwks-rsa) ships ESM only; jest on Node 20 cannot require() it untransformed.
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  // A bound for a hung test, never a measure of speed: CI runs on a busy two-core machine, where typing through a form
  // with userEvent in jsdom has taken over 30 s.
  testTimeout: 120000,
};
