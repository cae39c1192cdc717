import type { Database } from "../db/connection.js";
import { vietnamDate, type IsoDate } from "../domain/dates.js";
import type { RatingLimits } from "./rating-limiter.js";

export interface AppContext {
  database: Database;
  /** Today's date in Vietnam; fixed by CCHC_TODAY or by tests. */
  today(): IsoDate;
  /** Set cookies with the Secure flag (behind HTTPS). */
  secureCookies: boolean | "auto";
  /** Folder of the built browser app, served at / when present. */
  webRoot?: string;
  logger?: boolean;
  /** Believe X-Forwarded-* headers: only behind a reverse proxy that sets them. */
  trustProxy?: boolean;
  /** The address citizens reach the server at (PUBLIC_URL), for the rating page's QR code; else taken from the request. */
  publicUrl?: string;
  /** Flood limits of the public rating page; the defaults are in rating-limiter.ts. */
  ratingLimits?: Partial<RatingLimits>;
}

export function systemToday(fixed = process.env.CCHC_TODAY): () => IsoDate {
  return fixed ? () => fixed : () => vietnamDate(new Date());
}
