/**
 * The API contract: the shape of every answer the server sends and every path it serves. The server documents and
 * tests itself against it; the tab parses what it receives with it. Imports only zod and src/domain (the tab bundles it).
 */
export * from './abilities';
export * from './actions';
export * from './boardWork';
export * from './cases';
export * from './directory';
export * from './governance';
export * from './meetings';
export * from './operations';
export * from './paths';
export * from './records';
export * from './reports';
export * from './imports';
export * from './responses';
export * from './retention';
export * from './subjectAccess';
