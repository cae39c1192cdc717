import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "../../src/db/connection.js";

export type DbKind = "pglite" | "postgres";
export const DB_KINDS: DbKind[] = ["pglite", "postgres"];

/** The PostgreSQL server the tests use; `.ci/run` starts it. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres:postgres@localhost:5432/postgres";

/**
 * A fresh, migrated database: an in-memory PGlite, or a new database on the
 * PostgreSQL server that is dropped again on close. A missing server fails the
 * test loudly; it is never skipped.
 */
export async function createTestDatabase(kind: DbKind): Promise<Database> {
  if (kind === "pglite") {
    const database = await openDatabase({ dataDir: "memory://" });
    await database.migrate();
    return database;
  }
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(`PostgreSQL không kết nối được tại ${TEST_DATABASE_URL} (${(err as Error).message}). Hãy chạy "pg_ctlcluster 15 main start" hoặc đặt TEST_DATABASE_URL.`);
  }
  const name = `cchc_test_${randomBytes(6).toString("hex")}`;
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  await database.migrate();
  const close = database.close;
  return {
    ...database,
    close: async () => {
      await close();
      const dropper = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
