/** Where the route reports what an operator should know. Messages never contain the API key. */
export interface RouteLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const PREFIX = '[@gemkit/server]';

export const consoleLogger: RouteLogger = {
  info: (message) => console.info(`${PREFIX} ${message}`),
  warn: (message) => console.warn(`${PREFIX} ${message}`),
  error: (message) => console.error(`${PREFIX} ${message}`),
};

export const silentLogger: RouteLogger = { info() {}, warn() {}, error() {} };

/** Removes every occurrence of the secrets from text that is about to leave the server (a log line, a body). */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret) out = out.split(secret).join('[redacted]');
  }
  return out;
}
