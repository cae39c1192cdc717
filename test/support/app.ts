import type { AddressInfo } from "node:net";
import { buildServer } from "../../src/api/server.js";
import { seedDemo } from "../../src/db/seed/demo.js";
import { DEMO_PASSWORD } from "../../src/db/seed/demo.js";
import type { Database } from "../../src/db/connection.js";
import type { AppContext } from "../../src/api/context.js";
import { createTestDatabase, type DbKind } from "./db.js";

export interface TestApp {
  url: string;
  database: Database;
  /** Today as the server sees it; tests may move it. */
  clock: { today: string };
  login(username: string, password?: string): Promise<Client>;
  anonymous(): Client;
  close(): Promise<void>;
}

export interface Response<T = any> { status: number; body: T; headers: Headers }

/** A browser-like client over real HTTP that keeps the session cookie. */
export class Client {
  cookie: string | null = null;
  constructor(readonly base: string) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response<T>> {
    const init: RequestInit = { method, headers: { ...headers } };
    if (this.cookie) (init.headers as Record<string, string>).cookie = this.cookie;
    if (body instanceof FormData) init.body = body;
    else if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)["content-type"] = "application/json";
    }
    const res = await fetch(this.base + path, init);
    const set = res.headers.get("set-cookie");
    if (set) this.cookie = set.split(";")[0];
    const type = res.headers.get("content-type") ?? "";
    const parsed = type.includes("json") ? await res.json() : await res.arrayBuffer();
    return { status: res.status, body: parsed as T, headers: res.headers };
  }
  get<T = any>(path: string) { return this.request<T>("GET", path); }
  post<T = any>(path: string, body?: unknown) { return this.request<T>("POST", path, body); }
  patch<T = any>(path: string, body?: unknown) { return this.request<T>("PATCH", path, body); }
  put<T = any>(path: string, body?: unknown) { return this.request<T>("PUT", path, body); }
  delete<T = any>(path: string) { return this.request<T>("DELETE", path); }
}

/** A server on a free port over a fresh database with the demo data. */
export async function startTestApp(kind: DbKind, options: { today?: string; seed?: boolean; webRoot?: string; context?: Partial<AppContext> } = {}): Promise<TestApp> {
  const clock = { today: options.today ?? "2026-06-15" };
  const database = await createTestDatabase(kind);
  if (options.seed !== false) await seedDemo(database.db, clock.today);
  const app = await buildServer({ database, today: () => clock.today, secureCookies: false, webRoot: options.webRoot, ...options.context });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    url,
    database,
    clock,
    anonymous: () => new Client(url),
    async login(username, password = DEMO_PASSWORD) {
      const client = new Client(url);
      const res = await client.post("/api/auth/login", { username, password });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return client;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
