// Drives the real web app in Debian's Chromium (never a downloaded browser) against the real
// server, and checks what a person would notice: the seed agreements are listed with Ukrainian
// and Polish names intact, the views switch, high-DPI screens get a sharp canvas, and the page is
// not blank. A screenshot is kept in PRD_SCREENSHOT_DIR.
//
// Environment: PRD_SERVER_BIN (the `partnership` binary), PRD_WEB_DIR (the built bundle),
// PRD_SCREENSHOT_DIR (where app.png goes). PRD_TEST_URL instead points the test at a server that
// is already running (for working on the app without the server binary).

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

const READY_TIMEOUT_MS = 60_000;
const CHROMIUM = process.env.PRD_CHROMIUM || "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--enable-unsafe-swiftshader",
  "--use-gl=angle",
  "--use-angle=swiftshader",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

let server = null;
let dataDir = null;
let baseUrl = null;
let browser = null;
const serverLog = [];

function startServer() {
  const bin = process.env.PRD_SERVER_BIN;
  const webDir = process.env.PRD_WEB_DIR;
  assert.ok(bin && fs.existsSync(bin), `PRD_SERVER_BIN must name the server binary (got ${bin})`);
  assert.ok(webDir && fs.existsSync(path.join(webDir, "app.wasm")),
            `PRD_WEB_DIR must hold the built web bundle (got ${webDir}); build it with the web preset`);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "prd-browser-"));
  server = spawn(bin, ["serve", "--data", dataDir, "--listen", "127.0.0.1:0", "--web", webDir],
                 { stdio: ["ignore", "pipe", "pipe"] });
  server.stderr.on("data", (chunk) => serverLog.push(chunk.toString()));
  return new Promise((resolve, reject) => {
    let buffered = "";
    const timer = setTimeout(() => reject(new Error("server printed no 'listening on' line in 20 s:\n" +
                                                    serverLog.join(""))), 20_000);
    server.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${serverLog.join("")}`));
    });
    server.stdout.on("data", (chunk) => {
      buffered += chunk.toString();
      const match = /^listening on (http:\/\/\S+)\s*$/m.exec(buffered);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
}

async function stopServer() {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  const timeout = new Promise((resolve) => setTimeout(() => resolve("timeout"), 5_000));
  if ((await Promise.race([exited, timeout])) === "timeout") server.kill("SIGKILL");
}

/// Opens the app and waits until it reports ready (or fails with everything the page said).
async function openApp(contextOptions) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  const page = await context.newPage();
  const console_ = [];
  const requested = [];
  page.on("request", (request) => requested.push(new URL(request.url()).pathname));
  page.on("console", (message) => console_.push(`${message.type()}: ${message.text()}`));
  page.on("pageerror", (error) => console_.push(`pageerror: ${error.message}`));
  await page.goto(baseUrl + "/");
  try {
    await page.waitForFunction(
      () => (window.prdState && window.prdState.status !== "loading") || window.prdShellError,
      null, { timeout: READY_TIMEOUT_MS, polling: 100 });
  } catch (error) {
    const state = await page.evaluate(() => JSON.stringify(window.prdState || null));
    assert.fail(`the app did not finish loading in ${READY_TIMEOUT_MS / 1000} s; prdState=${state}\n` +
                console_.join("\n"));
  }
  const shellError = await page.evaluate(() => window.prdShellError || null);
  assert.equal(shellError, null, `the page shows a failure: ${shellError}\n${console_.join("\n")}`);
  const state = await page.evaluate(() => window.prdState);
  assert.equal(state.status, "ready", `app status ${state.status}: ${state.error}\n${console_.join("\n")}`);
  return { context, page, console_, requested };
}

async function state(page) {
  return page.evaluate(() => window.prdState);
}

/// Waits for a condition on prdState, evaluated in the page; returns the state that met it.
async function waitForState(page, predicateSource, what) {
  // The predicate runs here in Node on a copy of the state: the page's Content-Security-Policy
  // (no 'unsafe-eval') rightly refuses to evaluate strings, and right after a navigation the new
  // page may not have published a state yet.
  const predicate = new Function("s", `return ${predicateSource};`);
  const deadline = Date.now() + 15_000;
  let last = null;
  for (;;) {
    try {
      last = await state(page);
    } catch (error) {
      last = null;  // the page is navigating
    }
    if (last && predicate(last)) return last;
    if (Date.now() > deadline) assert.fail(`${what}: not reached; prdState=${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/// Clicks the centre of a control the app published in prdState.targets, like a person would.
async function clickTarget(page, name) {
  const target = (await state(page)).targets[name];
  assert.ok(target, `the app publishes no click target "${name}"`);
  const x = target.x + target.width / 2;
  const y = target.y + target.height / 2;
  await page.mouse.move(x, y);
  await page.waitForTimeout(100);  // let a frame see the hover before the press
  await page.mouse.down();
  await page.waitForTimeout(100);
  await page.mouse.up();
}

/// How many distinct colours the PNG has, and the share of the most common one, decoded by the
/// browser itself (no image library needed).
async function colourStats(pngPath) {
  const page = await browser.newPage();
  try {
    const dataUrl = "data:image/png;base64," + fs.readFileSync(pngPath).toString("base64");
    return await page.evaluate(async (src) => {
      const image = new Image();
      image.src = src;
      await image.decode();
      const canvas = document.createElement("canvas");
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext("2d");
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
      const counts = new Map();
      for (let i = 0; i < pixels.length; i += 4) {
        const key = (pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2];
        counts.set(key, (counts.get(key) || 0) + 1);
      }
      const top = Math.max(...counts.values());
      return { distinct: counts.size, dominantShare: top / (pixels.length / 4) };
    }, dataUrl);
  } finally {
    await page.close();
  }
}

/// Keeps a screenshot in PRD_SCREENSHOT_DIR and fails when it is one flat colour (a blank page).
async function screenshotNotBlank(page, name) {
  const dir = process.env.PRD_SCREENSHOT_DIR || path.join(os.tmpdir(), "prd-screenshots");
  fs.mkdirSync(dir, { recursive: true });
  const shot = path.join(dir, name);
  await page.screenshot({ path: shot });
  const colours = await colourStats(shot);
  assert.ok(colours.distinct > 30 && colours.dominantShare < 0.97,
            `the page looks blank: ${JSON.stringify(colours)} (${shot})`);
}

before(async () => {
  baseUrl = process.env.PRD_TEST_URL ? process.env.PRD_TEST_URL.replace(/\/$/, "") : await startServer();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

after(async () => {
  if (browser) await browser.close();
  await stopServer();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test("the partnerships view lists the seed agreements with intact names", async () => {
  const { context, page } = await openApp({ locale: "uk-UA" });
  try {
    const s = await state(page);
    assert.equal(s.view, "partnerships");
    assert.equal(s.language, "uk", "a Ukrainian browser gets the Ukrainian UI");
    assert.ok(s.rows_shown >= 5, `expected >= 5 partnerships, got ${s.rows_shown}: ${JSON.stringify(s.rows)}`);
    assert.ok(s.rows.some((row) => /декларац|declaration/i.test(row)),
              `no joint declaration among ${JSON.stringify(s.rows)}`);
    assert.ok(s.rows.some((row) => row.includes("Київ")), `"Київ" missing from ${JSON.stringify(s.rows)}`);
    assert.ok(s.rows.some((row) => row.includes("Poznań")), `"Poznań" missing from ${JSON.stringify(s.rows)}`);
    assert.equal(s.missing_glyphs, 0, `the font lacks ${JSON.stringify(s.missing_code_points)}`);
    assert.equal(s.fallback_glyphs_drawn, 0, "fallback glyphs were rendered");
    assert.equal(await page.evaluate(() => document.getElementById("overlay").classList.contains("hidden")), true,
                 "the loading overlay still covers the app");

    await screenshotNotBlank(page, "app.png");
  } finally {
    await context.close();
  }
});

test("the app's files are fetched by their content-hashed names, so browsers may cache them", async () => {
  const { context, requested } = await openApp({ locale: "uk-UA" });
  try {
    for (const ext of ["js", "wasm", "data"]) {
      assert.ok(requested.some((path) => new RegExp(`^/app\\.[0-9a-f]{12}\\.${ext}$`).test(path)),
                `no hashed app.*.${ext} among ${JSON.stringify(requested)}`);
    }
  } finally {
    await context.close();
  }
});

test("an idle page stops drawing and wakes up when the person moves the mouse", async () => {
  const { context, page } = await openApp({ locale: "uk-UA" });
  try {
    // Poll until the frame counter stands still for half a second (bounded at 10 s).
    let still = false;
    let frames = (await state(page)).frames;
    for (let i = 0; i < 20 && !still; ++i) {
      await page.waitForTimeout(500);
      const now = (await state(page)).frames;
      still = now === frames;
      frames = now;
    }
    assert.ok(still, `the app kept drawing while nothing happened (frame ${frames})`);
    await page.mouse.move(300, 300);
    await page.mouse.move(320, 340);
    const woke = await waitForState(page, `s.frames > ${frames}`, "frames drawn again after the mouse moved");
    assert.ok(woke.frames > frames);
  } finally {
    await context.close();
  }
});

test("the municipalities tab lists every municipality, filters, and ENG switches the language for good", async () => {
  const { context, page } = await openApp({ locale: "uk-UA" });
  try {
    await clickTarget(page, "tab.municipalities");
    let s = await waitForState(page, 's.view === "municipalities"', "municipalities view after clicking its tab");
    assert.ok(s.rows_shown >= 13, `expected >= 13 municipalities, got ${s.rows_shown}`);
    assert.ok(s.rows.some((row) => row.startsWith("Київ")), `no row for Київ in ${JSON.stringify(s.rows)}`);
    assert.equal(s.missing_glyphs, 0, `the font lacks ${JSON.stringify(s.missing_code_points)}`);
    await screenshotNotBlank(page, "app-municipalities.png");  // Poznań, Rīga, Île-de-France on screen

    // "poznan" without the accent, as people type it, finds Poznań.
    await clickTarget(page, "filter");
    await page.keyboard.type("poznan", { delay: 30 });
    s = await waitForState(page, "s.rows_shown === 1", "one row after filtering for \"poznan\"");
    assert.ok(s.rows[0].includes("Poznań"), `filter kept ${JSON.stringify(s.rows)}`);
    for (let i = 0; i < 6; ++i) await page.keyboard.press("Backspace", { delay: 30 });
    s = await waitForState(page, "s.rows_shown >= 13", "every row back after clearing the filter");

    await clickTarget(page, "lang.en");
    s = await waitForState(page, 's.language === "en"', "English UI after clicking ENG");
    assert.ok(s.rows.some((row) => row.startsWith("Kyiv")), `no row for Kyiv in ${JSON.stringify(s.rows)}`);
    assert.equal(s.missing_glyphs, 0, `the font lacks ${JSON.stringify(s.missing_code_points)}`);

    // The choice is remembered: the next visit opens in English although the browser says uk-UA.
    await page.reload();
    s = await waitForState(page, 's.status === "ready"', "the app ready again after a reload");
    assert.equal(s.language, "en");
  } finally {
    await context.close();
  }
});

test("an English browser gets English; a 2x screen gets a 2x canvas", async () => {
  const { context, page } = await openApp({ locale: "en-GB", deviceScaleFactor: 2 });
  try {
    const s = await state(page);
    assert.equal(s.language, "en");
    assert.equal(s.dpr, 2);
    const canvas = await page.evaluate(() => {
      const c = document.getElementById("canvas");
      return { width: c.width, height: c.height, cssWidth: c.clientWidth, cssHeight: c.clientHeight };
    });
    assert.equal(canvas.width, canvas.cssWidth * 2, `canvas ${JSON.stringify(canvas)}`);
    assert.equal(canvas.height, canvas.cssHeight * 2, `canvas ${JSON.stringify(canvas)}`);
    assert.ok(s.rows.some((row) => row.includes("Poznań")), `"Poznań" missing from ${JSON.stringify(s.rows)}`);
    assert.equal(s.missing_glyphs, 0, `the font lacks ${JSON.stringify(s.missing_code_points)}`);
  } finally {
    await context.close();
  }
});
