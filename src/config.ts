import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { invalid } from "./domain/errors.js";
import { ratingLimitsFromEnv, type RatingLimits } from "./api/rating-limiter.js";

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
  publicUrl?: string;
  ratingLimits: Partial<RatingLimits>;
}

export const PROJECT_ROOT = fileURLToPath(new URL("..", import.meta.url));

/** A wrong address would be printed on every commune's QR code: refuse it at start. */
function publicUrl(value: string | undefined): string | undefined {
  const text = value?.trim().replace(/\/+$/, "");
  if (!text) return undefined;
  let url: URL | null = null;
  try { url = new URL(text); } catch { /* reported below */ }
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash) throw invalid(`PUBLIC_URL không hợp lệ: "${value}" (cần dạng https://cchc.example.gov.vn).`);
  return text;
}

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
    publicUrl: publicUrl(env.PUBLIC_URL),
    ratingLimits: ratingLimitsFromEnv(env),
  };
}
