// Takes docs/images/swagger-ui-place-order.png: Swagger UI in headless Chromium, Authorize with the
// demo account ada, then Try it out on POST /api/orders, showing the answer. Not part of the build.
//
//   ./mvnw spring-boot:run                      # in one terminal (default profile)
//   npm install --prefix /tmp/seams-shot puppeteer-core@25.16.0
//   NODE_PATH=/tmp/seams-shot/node_modules node docs/api/screenshot.mjs
//
// Chromium from the system (Debian: apt-get install chromium); CHROMIUM overrides its path,
// SEAMS_URL the address of Seams.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const puppeteer = require("puppeteer-core"); // found through NODE_PATH: it is no dependency of Seams

const seams = process.env.SEAMS_URL ?? "http://localhost:8080";
const secret = readFileSync(".seams/demo-accounts/ada", "utf8").trim();
const output = process.argv[2] ?? "docs/images/swagger-ui-place-order.png";
const order = JSON.stringify(
  { lines: [{ sku: "MUG-CLASSIC", quantity: 2 }, { sku: "TEE-LOGO-M", quantity: 1 }] },
  null,
  2,
);

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-dev-shm-usage"],
  defaultViewport: { width: 1200, height: 900 },
});
try {
  const page = await browser.newPage();
  await page.goto(`${seams}/swagger-ui.html`, { waitUntil: "networkidle0" });

  // Authorize: the oauth2 scheme's client-credentials flow, with ada's name and secret.
  await page.click("button.btn.authorize");
  await page.waitForSelector("input[id^=client_id]");
  await page.type("input[id^=client_id]", "ada");
  await page.type("input[id^=client_secret]", secret);
  await page.click(".auth-btn-wrapper button.authorize");
  // Once it has the token, the dialog says "Authorized" and offers Logout instead.
  await page.waitForFunction(
    () => [...document.querySelectorAll(".auth-btn-wrapper button")].some((b) => b.textContent.trim() === "Logout"),
    { timeout: 10_000 },
  );
  await page.click(".auth-btn-wrapper button.btn-done");

  // Try it out: place an order.
  const operation = "#operations-Orders-placeOrder";
  await page.click(`${operation} .opblock-summary-control`);
  await page.waitForSelector(`${operation} button.try-out__btn`);
  await page.click(`${operation} button.try-out__btn`);
  const body = `${operation} textarea.body-param__text`;
  await page.waitForSelector(body);
  await page.$eval(body, (area) => area.select());
  await page.keyboard.press("Backspace");
  await page.type(body, order);
  await page.click(`${operation} button.execute`);
  const status = `${operation} .live-responses-table .response .response-col_status`;
  await page.waitForSelector(status, { timeout: 15_000 });
  const answered = await page.$eval(status, (cell) => cell.textContent.trim());
  console.log(`POST /api/orders answered ${answered}`);

  // The operation (with its lock, closed: authorized), the request as sent and the answer.
  const top = await page.$eval(operation, (e) => e.getBoundingClientRect().top + window.scrollY);
  const bottom = await page.$eval(`${operation} .live-responses-table`, (e) => e.getBoundingClientRect().bottom + window.scrollY);
  await page.screenshot({ path: output, clip: { x: 0, y: top - 10, width: 1200, height: bottom - top + 20 } });
  console.log(`wrote ${output}`);
  if (!answered.startsWith("201")) {
    process.exitCode = 1;
  }
} finally {
  await browser.close();
}
