import { loadConfig } from "../config.js";
import { systemToday } from "../api/context.js";
import type { DemoLogin } from "../db/seed/demo.js";

// Each command loads only what it needs: `cchc import` starts without the server or a database.
const server = () => import("../api/server.js");
const demo = () => import("../db/seed/demo.js");
const backup = () => import("../db/backup.js");
const reminders = () => import("../jobs/reminders.js");
const open = () => import("./open.js");

const ROLE_WORDS: Record<string, string> = {
  province_admin: "Quản trị cấp tỉnh", province_viewer: "Cán bộ cấp tỉnh", chairman: "Chủ tịch UBND",
  focal_point: "Công chức đầu mối CCHC", unit_officer: "Công chức bộ phận",
};

async function printLogins(logins: DemoLogin[]) {
  const { DEMO_PASSWORD } = await demo();
  console.log("\nĐã tạo dữ liệu mẫu. Tài khoản đăng nhập (mật khẩu chung: %s):", DEMO_PASSWORD);
  for (const l of logins) console.log(`  ${l.username.padEnd(18)} ${ROLE_WORDS[l.role].padEnd(24)} ${l.fullName} — ${l.org}`);
  console.log("Hãy đổi mật khẩu trước khi dùng thật.\n");
}

const HELP = `cchc — theo dõi cải cách hành chính

Cách dùng: cchc <lệnh> [tham số]
  serve              chạy máy chủ web (mặc định http://localhost:3000); lần đầu trên CSDL nhúng tạo dữ liệu mẫu
  migrate            áp dụng các bản cập nhật cấu trúc CSDL
  seed               tạo dữ liệu mẫu nếu CSDL còn trống
  remind             gửi nhắc việc của hôm nay ngay
  backup TỆP         sao lưu toàn bộ dữ liệu ra TỆP (JSON nén gzip)
  restore TỆP        khôi phục dữ liệu từ TỆP (xóa dữ liệu hiện có)
  bench              đo tốc độ API (xem bench/README.md)
  import --json TỆP  đọc một kế hoạch (.txt, .md, .docx, .pdf) thành bản nháp JSON (không mở CSDL)
  indicators --json --dossiers TỆP [--procedures TỆP] [--feedback TỆP] --from YYYY-MM-DD --to YYYY-MM-DD
                     tính số liệu hồ sơ, tỷ lệ và chỉ số 766 từ tệp .csv/.xlsx (không mở CSDL)
  records import --org MÃ --kind dossiers|procedures|feedback|survey [--check] TỆP
                     nhập tệp một cửa (.csv/.xlsx) vào CSDL: cả tệp hoặc không gì cả

Biến môi trường: DATABASE_URL, CCHC_DATA_DIR, PORT, HOST, CCHC_TODAY, COOKIE_SECURE (xem docs/configuration.md).`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const config = loadConfig();
  const today = systemToday(config.today);
  switch (command) {
    case "serve": {
      const [{ openConfigured, describe }, { seedDemo }, { buildServer }, { scheduleReminders }] = await Promise.all([open(), demo(), server(), reminders()]);
      const database = await openConfigured(config);
      if (database.kind === "pglite" || args.includes("--seed")) {
        const logins = await seedDemo(database.db, today());
        if (logins) await printLogins(logins);
      }
      const app = await buildServer({ database, today, secureCookies: config.secureCookies, webRoot: config.webRoot, trustProxy: config.trustProxy, publicUrl: config.publicUrl, ratingLimits: config.ratingLimits, logger: process.env.LOG_REQUESTS === "1" });
      const stop = scheduleReminders(database.db, today, (m) => console.log(m));
      await app.listen({ port: config.port, host: config.host });
      console.log(`cchc đang chạy tại http://localhost:${config.port} (${describe(config)}). Tài liệu API: http://localhost:${config.port}/api/docs`);
      const shutdown = async () => { stop(); await app.close(); await database.close(); process.exit(0); };
      process.once("SIGINT", shutdown);
      process.once("SIGTERM", shutdown);
      return new Promise<number>(() => {});
    }
    case "migrate": {
      const { openConfigured, describe } = await open();
      const database = await openConfigured(config);
      console.log(`Đã cập nhật cấu trúc ${describe(config)}.`);
      await database.close();
      return 0;
    }
    case "seed": {
      const [{ openConfigured }, { seedDemo }] = await Promise.all([open(), demo()]);
      const database = await openConfigured(config);
      const logins = await seedDemo(database.db, today());
      if (logins) await printLogins(logins); else console.log("CSDL đã có dữ liệu; không tạo dữ liệu mẫu.");
      await database.close();
      return 0;
    }
    case "remind": {
      const [{ openConfigured }, { sendReminders }] = await Promise.all([open(), reminders()]);
      const database = await openConfigured(config);
      const { sent } = await sendReminders(database.db, today());
      console.log(`Đã gửi ${sent} thông báo nhắc việc.`);
      await database.close();
      return 0;
    }
    case "backup":
    case "restore": {
      const file = args[0];
      if (!file) { console.error(`Thiếu tên tệp: cchc ${command} TỆP`); return 2; }
      const [{ openConfigured }, { backupTo, restoreFrom }] = await Promise.all([open(), backup()]);
      const database = await openConfigured(config);
      try {
        const counts = command === "backup" ? await backupTo(database.db, file) : await restoreFrom(database.db, file);
        const total = Object.values(counts).reduce((a, b) => a + b, 0);
        console.log(`${command === "backup" ? "Đã sao lưu" : "Đã khôi phục"} ${total} dòng dữ liệu (${Object.keys(counts).length} bảng) ${command === "backup" ? "vào" : "từ"} ${file}.`);
      } finally {
        await database.close();
      }
      return 0;
    }
    case "records": {
      const [{ openConfigured }, { runRecords }] = await Promise.all([open(), import("./records.js")]);
      const database = await openConfigured(config);
      try {
        return await runRecords(database, args, today(), { out: (s) => process.stdout.write(s), err: (s) => console.error(s) });
      } finally {
        await database.close();
      }
    }
    case "indicators": {
      const { runIndicators } = await import("./indicators.js");
      return runIndicators(args);
    }
    case "import": {
      const file = args.find((a) => !a.startsWith("--"));
      if (!file) {
        console.error("Thiếu tên tệp: cchc import --json TỆP");
        return 2;
      }
      // A reader that stops early (`| head`) is no error.
      process.stdout.on("error", (e: NodeJS.ErrnoException) => {
        if (e.code === "EPIPE") process.exit(0);
      });
      const { importPlanFile, AppError } = await import("../import/index.js");
      let draft;
      try {
        draft = await importPlanFile(file);
      } catch (err) {
        const why = err instanceof AppError ? err.message : `Không đọc được tệp ${file}: ${String(err instanceof Error ? err.message : err).split("\n")[0]}`;
        console.error(why);
        return 1;
      }
      if (args.includes("--json")) {
        process.stdout.write(`${JSON.stringify(draft, null, 2)}\n`);
      } else {
        const d = draft.document;
        console.log(`${d.type ?? "?"} ${d.number ?? "(chưa số)"} — ${d.title ?? "(không rõ trích yếu)"} — ${d.issuer ?? "?"}, năm ${d.year ?? "?"}`);
        console.log(`${draft.tasks.length} nhiệm vụ, ${draft.targets.length} chỉ tiêu. Dùng --json để in bản nháp đầy đủ.`);
        for (const t of draft.tasks) console.log(`  ${(t.ref ?? "-").padEnd(5)} ${t.title.slice(0, 90)}${t.timeline.due ? ` (hạn ${t.timeline.due})` : ""}`);
      }
      return 0;
    }
    case "bench": {
      const { runBench } = await import("../../bench/api-bench.js");
      await runBench(args);
      return 0;
    }
    case undefined:
    case "help":
    case "--help":
      console.log(HELP);
      return 0;
    default:
      console.error(`Lệnh không có: ${command}\n\n${HELP}`);
      return 2;
  }
}
