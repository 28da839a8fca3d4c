// Which database a process works on. DATABASE_URL when set; otherwise the embedded Postgres of the
// default run (the one `npm start` uses), for the service, the project's commands and the Prisma CLI alike.

/**
 * What prisma.config.ts puts in DATABASE_URL when it is unset: the schema's env("DATABASE_URL")
 * must resolve for the CLI (at install too), and commands the CLI starts (the seed) inherit it.
 * It reads as "unset" here; its host is reserved (.invalid), so nothing can ever connect to it.
 */
export const EMBEDDED_PLACEHOLDER_URL = 'postgresql://embedded-database.invalid/press_releases';

/** DATABASE_URL as the user set it: undefined when unset, empty or the placeholder. */
export function configuredDatabaseUrl(value: string | undefined = process.env.DATABASE_URL): string | undefined {
  return value && value !== EMBEDDED_PLACEHOLDER_URL ? value : undefined;
}

/** The URL with its password masked, for logs and terminals. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '****';
    return u.toString();
  } catch {
    return '(not a URL)';
  }
}
