import { join } from "node:path";
import { openDatabase, type Database } from "../db/connection.js";
import type { Config } from "../config.js";

export async function openConfigured(config: Config, migrate = true): Promise<Database> {
  const database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: join(config.dataDir, "pglite") });
  if (migrate) await database.migrate();
  return database;
}

export function describe(config: Config): string {
  return config.databaseUrl ? "máy chủ PostgreSQL (DATABASE_URL)" : `cơ sở dữ liệu nhúng tại ${join(config.dataDir, "pglite")}`;
}
