import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Settings come from the environment; see docs/configuration.md. */
export interface Config {
  databaseUrl?: string;
  dataDir: string;
  port: number;
  host: string;
  today?: string;
  secureCookies: boolean | "auto";
  webRoot: string;
  trustProxy: boolean;
}

export const PROJECT_ROOT = fileURLToPath(new URL("..", import.meta.url));

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.CCHC_DATA_DIR ?? "./data"),
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? "0.0.0.0",
    today: env.CCHC_TODAY || undefined,
    secureCookies: env.COOKIE_SECURE === "1" ? true : env.COOKIE_SECURE === "0" ? false : "auto",
    webRoot: resolve(PROJECT_ROOT, "web/dist"),
    trustProxy: env.TRUST_PROXY === "1",
  };
}
