/** A setting the gateway cannot start with; the message names it and says what is expected. */
export class ConfigError extends Error {}
