/** Thrown when a required environment variable is missing; the message names it. */
export class MissingEnvironmentError extends Error {
  override name = 'MissingEnvironmentError';
}

/** Reads a required environment variable once, or throws `NAME environment variable is not set`. */
export function requireEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const v = env[name];
  if (v === undefined || v === '') throw new MissingEnvironmentError(`${name} environment variable is not set`);
  return v;
}
