import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";

const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];

/** Debian's Chromium, headless. A missing browser fails the test with how to install it. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = CANDIDATES.find((p) => existsSync(p));
  if (!executablePath) throw new Error("Không tìm thấy Chromium. Hãy cài bằng \"apt-get install -y chromium\" hoặc đặt CHROMIUM_PATH.");
  return chromium.launch({
    executablePath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** The built browser app the test server serves (CCHC_TEST_WEB_ROOT points to another build); a missing build fails with how to make it. */
export const WEB_ROOT = process.env.CCHC_TEST_WEB_ROOT ?? fileURLToPath(new URL("../../web/dist", import.meta.url));
export function requireWebBuild(): void {
  if (!existsSync(`${WEB_ROOT}/index.html`)) throw new Error("Chưa build giao diện web: hãy chạy \"npm run build:web\" (npm test tự làm việc này).");
}

/** A new page signed in as a demo user (password Demo12345), at a desktop size unless told. */
export async function signIn(browser: Browser, baseUrl: string, username: string, viewport = { width: 1366, height: 768 }): Promise<Page> {
  const page = await browser.newPage({ viewport, locale: "vi-VN" });
  await page.goto(baseUrl + "/");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill("Demo12345");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.getByTestId("user-name").waitFor();
  return page;
}
