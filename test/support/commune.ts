import { expect } from "vitest";
import { samplePdf } from "../../src/db/seed/demo.js";
import type { Client, TestApp } from "./app.js";

/** The demo commune xã Tỉnh Khê as its focal point sees it: org, this year's plan, units by code. */
export interface Commune {
  orgId: string;
  planId: string;
  focal: Client;
  unitId: (code: string) => string;
}

export async function openCommune(app: TestApp): Promise<Commune> {
  const focal = await app.login("dm.tinhkhe");
  const me = (await focal.get("/api/auth/me")).body;
  const plans = (await focal.get(`/api/orgs/${me.orgId}/plans`)).body;
  const units: Array<{ id: string; code: string | null }> = (await focal.get(`/api/orgs/${me.orgId}/units`)).body;
  const byCode = new Map(units.map((u) => [u.code, u.id]));
  return {
    orgId: me.orgId,
    planId: plans.find((p: { type: string }) => p.type === "annual").id,
    focal,
    unitId: (code) => {
      const id = byCode.get(code);
      if (!id) throw new Error(`no unit ${code}`);
      return id;
    },
  };
}

/** The focal point adds a task to the plan; returns the created Task. */
export async function addTask(c: Commune, body: Record<string, unknown>) {
  const res = await c.focal.post(`/api/plans/${c.planId}/tasks`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** Posts a progress update as multipart form data, files as Blobs. */
export function updateForm(fields: Record<string, string>, files: Array<{ name: string; bytes: Uint8Array; type?: string }> = []): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append("files", new Blob([new Uint8Array(f.bytes)], { type: f.type ?? "application/octet-stream" }), f.name);
  return form;
}

export const pdf = (title: string) => new Uint8Array(samplePdf(title));

export async function plan(client: Client, planId: string) {
  const res = await client.get(`/api/plans/${planId}`);
  expect(res.status).toBe(200);
  return res.body;
}

export async function dashboard(client: Client, orgId: string, query = "") {
  const res = await client.get(`/api/orgs/${orgId}/dashboard${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** The on-time rate as docs/statuses.md defines it, recomputed from a list of tasks. */
export function expectedOnTimeRate(tasks: Array<{ status: string }>): number | null {
  const onTime = tasks.filter((t) => t.status === "done_on_time").length;
  const judged = tasks.filter((t) => ["done_on_time", "done_late", "overdue"].includes(t.status)).length;
  return judged ? Math.round((onTime / judged) * 1000) / 10 : null;
}

export async function auditOf(client: Client, orgId: string, entityId: string) {
  const res = await client.get(`/api/orgs/${orgId}/audit?entityId=${entityId}&limit=500`);
  expect(res.status).toBe(200);
  return res.body as Array<{ action: string; entity: string; entityId: string; summary: string; user: { id: string; fullName: string } | null; changes: any; at: string }>;
}
