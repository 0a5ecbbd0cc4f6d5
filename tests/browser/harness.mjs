// What every browser test needs: the real server on a free port with its own data folder, Debian's
// Chromium through playwright-core (never a downloaded browser), the app opened and ready, and ways
// to act as a person would on the targets the app publishes in window.prdState.
//
// Environment: PRD_SERVER_BIN (the `partnership` binary), PRD_WEB_DIR (the built bundle),
// PRD_SCREENSHOT_DIR (where screenshots go). PRD_TEST_URL instead points the tests at a server
// that is already running (for working on the app without the server binary).

import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
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
export let dataDir = null;
export let baseUrl = null;
export let browser = null;
const serverLog = [];

/// Starts `partnership serve` on a free port with a fresh data folder, serving `webDir` (the built
/// bundle; or, with needsApp false, just the page shell); resolves to its base URL.
/// `options.listen` (e.g. "127.0.0.1:41234") and `options.keepData` restart a server where a stopped one
/// was, with its data, as after a power cut: the browser's origin (and its service worker) stay valid.
export function startServer(webDir = process.env.PRD_WEB_DIR, needsApp = true, options = {}) {
  const bin = process.env.PRD_SERVER_BIN;
  assert.ok(bin && fs.existsSync(bin), `PRD_SERVER_BIN must name the server binary (got ${bin})`);
  assert.ok(webDir && fs.existsSync(path.join(webDir, needsApp ? "app.wasm" : "index.html")),
            `the web folder must hold ${needsApp ? "the built web bundle (build it with the web preset)" : "shell/"} (got ${webDir})`);
  if (!(options.keepData && dataDir)) dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "prd-browser-"));
  server = spawn(bin, ["serve", "--data", dataDir, "--listen", options.listen || "127.0.0.1:0", "--web", webDir],
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

/// Stops the server and removes its data folder (unless `keepData`, for a restart).
export async function stopServer(keepData = false) {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    const timeout = new Promise((resolve) => setTimeout(() => resolve("timeout"), 5_000));
    if ((await Promise.race([exited, timeout])) === "timeout") server.kill("SIGKILL");
  }
  if (keepData) return;
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  dataDir = null;
}

/// Opens the app and waits until it reports ready (or fails with everything the page said).
export async function openApp(contextOptions) {
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

export async function state(page) {
  return page.evaluate(() => window.prdState);
}

/// Waits for a condition on prdState, evaluated in the page; returns the state that met it.
export async function waitForState(page, predicateSource, what) {
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
export async function clickTarget(page, name) {
  const target = await revealTarget(page, name);
  const x = target.x + target.width / 2;
  const y = target.y + target.height / 2;
  await page.mouse.move(x, y);
  await page.waitForTimeout(100);  // let a frame see the hover before the press
  await page.mouse.down();
  await page.waitForTimeout(100);
  await page.mouse.up();
}

/// Scrolls with the mouse wheel, as a person would, until the named target is on screen; returns it.
export async function revealTarget(page, name) {
  const viewport = page.viewportSize();
  for (let i = 0; i < 60; ++i) {
    const target = (await state(page)).targets[name];
    assert.ok(target, `the app publishes no target "${name}"`);
    const bottom = target.y + target.height;
    if (target.y >= 0 && bottom <= viewport.height - 4) return target;
    await page.mouse.move(viewport.width * 0.6, viewport.height * 0.5);
    await page.mouse.wheel(0, bottom > viewport.height ? 120 : -120);
    await page.waitForTimeout(60);
  }
  assert.fail(`target "${name}" could not be scrolled into view`);
}

/// How many distinct colours the PNG has, and the share of the most common one, decoded by the
/// browser itself (no image library needed).
export async function colourStats(pngPath, opener = browser) {
  const page = await opener.newPage();
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
export async function screenshotNotBlank(page, name) {
  const dir = process.env.PRD_SCREENSHOT_DIR || path.join(os.tmpdir(), "prd-screenshots");
  fs.mkdirSync(dir, { recursive: true });
  const shot = path.join(dir, name);
  await page.screenshot({ path: shot });
  const colours = await colourStats(shot, browser || page.context());
  assert.ok(colours.distinct > 30 && colours.dominantShare < 0.97,
            `the page looks blank: ${JSON.stringify(colours)} (${shot})`);
}

/// Starts the server (unless PRD_TEST_URL names one) and the browser; call from before().
export async function setUp() {
  baseUrl = process.env.PRD_TEST_URL ? process.env.PRD_TEST_URL.replace(/\/$/, "") : await startServer();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/// Stops what setUp() started; call from after().
export async function tearDown() {
  if (browser) await browser.close();
  await stopServer();
}

/// An access token made the way an administrator makes one, with the real CLI.
export function createToken(role, municipality, label) {
  const args = ["token", "create", "--data", dataDir, "--role", role, "--label", label];
  if (municipality) args.push("--municipality", municipality);
  return execFileSync(process.env.PRD_SERVER_BIN, args, { encoding: "utf8" }).trim();
}

/// Clicks a target with no pause between press and release, as a quick click does.
export async function quickClick(page, name) {
  const t = await revealTarget(page, name);
  await page.mouse.click(t.x + t.width / 2, t.y + t.height / 2);
}

/// Taps a target with a finger (the context must have hasTouch).
export async function tapTarget(page, name) {
  const t = (await state(page)).targets[name];
  assert.ok(t, `the app publishes no tap target "${name}"`);
  await page.touchscreen.tap(t.x + t.width / 2, t.y + t.height / 2);
}

/// Waits until the app publishes a target (e.g. after opening a view), and returns the state.
export async function waitForTarget(page, name) {
  return waitForState(page, `s.targets && s.targets[${JSON.stringify(name)}] !== undefined`, `target ${name}`);
}

/// Signs in on the sign-in page by pasting `token`, clicking (or, with `tap`, tapping) as a person
/// would; returns the state once signed in.
export async function signIn(page, token, { tap = false, base = baseUrl } = {}) {
  await page.goto(`${base}/#/signin`);
  await waitForState(page, 's.status === "ready"', "the app ready");
  await waitForTarget(page, "signin.token");
  await (tap ? tapTarget(page, "signin.token") : clickTarget(page, "signin.token"));
  await page.waitForTimeout(150);
  await page.keyboard.insertText(token);
  await (tap ? tapTarget(page, "signin.submit") : clickTarget(page, "signin.submit"));
  return waitForState(page, "s.signed_in !== null", "signed in");
}

/// Opens a route by address, as following a shared link does, and waits for the app to be ready.
export async function openRoute(context, route) {
  const page = await context.newPage();
  await page.goto(baseUrl + "/#" + route);
  await waitForState(page, 's.status === "ready"', `the app ready at #${route}`);
  return page;
}

export { CHROMIUM, CHROMIUM_ARGS };
