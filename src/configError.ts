/** A setting is missing, malformed or contradicts another: the process stops with this message before it serves. */
export class ConfigError extends Error {}
