import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { eq } from "drizzle-orm";
import { AppError } from "../domain/errors.js";
import type { Database } from "../db/connection.js";
import { refreshComputedTargets } from "../db/computed-targets.js";
import { RECORD_KINDS, type RecordKind, checkRecordFile, importRecords } from "../db/records.js";
import { organisations } from "../db/schema.js";
import { formatIssue } from "../import/dossiers/index.js";

interface Io { out: (s: string) => void; err: (s: string) => void }
const USAGE = `cách dùng: cchc records import --org MÃ_ĐƠN_VỊ --kind ${RECORD_KINDS.join("|")} [--check] TỆP`;

const option = (args: string[], name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };

/**
 * `cchc records import`: the browser's upload → report → confirm in one go.
 * Prints every bad row as FILE:ROW:COLUMN, then applies the whole file or, when
 * refused (or with --check), nothing.
 */
export async function runRecords(database: Database, args: string[], today: string, io: Io): Promise<number> {
  const [sub, ...rest] = args;
  const orgCode = option(rest, "--org"), kind = option(rest, "--kind");
  const file = rest.filter((a, i) => !a.startsWith("--") && !["--org", "--kind"].includes(rest[i - 1] ?? "")).at(-1);
  if (sub !== "import" || !orgCode || !kind || !file) { io.err(USAGE); return 2; }
  if (!RECORD_KINDS.includes(kind as RecordKind)) { io.err(`Loại dữ liệu không hợp lệ "${kind}"; ${USAGE}`); return 2; }
  const [org] = await database.db.select().from(organisations).where(eq(organisations.code, orgCode));
  if (!org) { io.err(`Không có đơn vị mã "${orgCode}".`); return 1; }
  let bytes: Buffer;
  try { bytes = await readFile(file); } catch { io.err(`${file}: không mở được tệp`); return 1; }
  const name = basename(file);
  try {
    const check = await checkRecordFile(database.db, org.id, kind as RecordKind, name, bytes);
    for (const i of check.issues) io.err(formatIssue(file, i));
    if (check.refused) { io.err(`${file}: ${check.refusedReason}`); return 1; }
    if (rest.includes("--check")) {
      io.out(`${file}: ${check.accepted}/${check.rows} dòng hợp lệ (${check.inserted} mới, ${check.updated} cập nhật); chưa ghi gì (--check).\n`);
      return 0;
    }
    const s = await importRecords(database.db, null, org.id, kind as RecordKind, name, bytes, { onChanged: (tx, orgId) => refreshComputedTargets(tx, orgId, today).then(() => undefined) });
    io.out(`Đã nhập ${file} vào ${org.name}: ${s.inserted} dòng mới, ${s.updated} dòng cập nhật, ${s.rejected} dòng lỗi bỏ qua.\n`);
    return 0;
  } catch (err) {
    if (err instanceof AppError) { io.err(err.message); return 1; }
    throw err;
  }
}
