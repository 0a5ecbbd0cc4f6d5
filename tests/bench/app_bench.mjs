// The web app's own numbers, measured in Debian's Chromium as a person would meet them: cold start
// (empty cache) to the first frame and to a ready registry, the WASM heap, the time Find's search
// takes inside WASM per keystroke, and the CPU time of the frames while typing. Once with the real
// server and its built-in registry, once with a registry grown to 100,000 municipalities
// (synthetic_snapshot.mjs) served by a small static server here. It measures and prints, and never
// fails on a goal; it exits non-zero only when the app could not be measured at all.
//
//   node tests/bench/app_bench.mjs            (what ./dev bench runs)
//
// Environment (all optional): PRD_SERVER_BIN (default build/bin/partnership), PRD_WEB_DIR (default
// build/web), PRD_CHROMIUM (default /usr/bin/chromium), PRD_BENCH_SIZE (default 100000),
// PRD_BENCH_RUNS (cold starts per registry, default 3).

import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

import { buildSyntheticSnapshot } from "./synthetic_snapshot.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SERVER_BIN = process.env.PRD_SERVER_BIN || path.join(ROOT, "build/bin/partnership");
const WEB_DIR = process.env.PRD_WEB_DIR || path.join(ROOT, "build/web");
const CHROMIUM = process.env.PRD_CHROMIUM || "/usr/bin/chromium";
const LARGE_SIZE = Number(process.env.PRD_BENCH_SIZE || 100_000);
const COLD_RUNS = Math.max(1, Number(process.env.PRD_BENCH_RUNS || 3));
const CHROMIUM_ARGS = [
  "--no-sandbox", "--disable-gpu", "--enable-unsafe-swiftshader", "--use-gl=angle", "--use-angle=swiftshader",
  "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
];
const KYIV = "UA80000000000093317";  // selected on the map: the community with the most partners
const READY_TIMEOUT_MS = 120_000;  // one cold start, navigation to ready
const KEY_TIMEOUT_MS = 15_000;     // one keystroke to its search and the frame after
const WATCHDOG_MS = 20 * 60_000;   // the whole benchmark

// Typed character by character, then erased with Backspace: every keystroke changes the query, so
// each is one search. Latin and Cyrillic, official, old and foreign spellings.
const QUERIES = ["Lviv", "Zhytomyr", "Київ", "Poznan", "Lemberg", "Kharkov", "Ternopil", "Chernihiv", "Одеса",
                 "Kraków", "Dnipro"];

// The server's security headers, so the page runs under the same rules as with the real server.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
            "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; " +
            "frame-ancestors 'none'";
const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm", ".data": "application/octet-stream", ".svg": "image/svg+xml",
  ".json": "application/json", ".png": "image/png", ".ico": "image/x-icon", ".ttf": "font/ttf",
};

const cleanups = [];
const STARTED = Date.now();
function say(message) {
  process.stderr.write(`[app_bench ${((Date.now() - STARTED) / 1000).toFixed(0).padStart(3)} s] ${message}\n`);
}
let cleaning = null;
function cleanUp() {
  cleaning ??= (async () => {
    while (cleanups.length) {
      try {
        await cleanups.pop()();
      } catch {
        // keep cleaning up the rest
      }
    }
  })();
  return cleaning;
}
let stopCode = null;  // set by a signal or the watchdog: stop measuring
function checkStop() {
  if (stopCode !== null) throw new Error("stopped");
}

// --- servers ----------------------------------------------------------------------------------

/// The real server on a free port with an empty data folder (it loads the built-in registry).
function startRealServer() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "prd-app-bench-"));
  const child = spawn(SERVER_BIN, ["serve", "--data", dataDir, "--listen", "127.0.0.1:0", "--web", WEB_DIR],
                      { stdio: ["ignore", "pipe", "pipe"] });
  const log = [];
  child.stderr.on("data", (chunk) => log.push(chunk.toString()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  cleanups.push(stop);
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`the server printed no 'listening on' line in 30 s\n${log.join("")}`)),
                             30_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code} before listening\n${log.join("")}`));
    });
    child.stdout.on("data", (chunk) => {
      out += chunk.toString();
      const match = /^listening on (http:\/\/\S+)\s*$/m.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1], stop });
      }
    });
  });
}

/// The web bundle and a given snapshot on 127.0.0.1, gzipped like the real server answers them.
async function startStaticServer(snapshotJson) {
  const snapshotGzip = zlib.gzipSync(snapshotJson, { level: 6 });
  const snapshotEtag = `"${crypto.createHash("sha1").update(snapshotJson).digest("hex").slice(0, 16)}"`;
  const files = new Map();  // path -> {mtimeMs, size, body, gzip}; re-read when the bundle is rebuilt
  function readFile(file) {
    const stat = fs.statSync(file);
    const cached = files.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached;
    const body = fs.readFileSync(file);
    const entry = { mtimeMs: stat.mtimeMs, size: stat.size, body, gzip: zlib.gzipSync(body, { level: 6 }) };
    files.set(file, entry);
    return entry;
  }
  const server = http.createServer((request, response) => {
    const base = {
      "Content-Security-Policy": CSP, "Cross-Origin-Opener-Policy": "same-origin", "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY", "Vary": "Accept-Encoding",
    };
    const gzipOk = /\bgzip\b/.test(request.headers["accept-encoding"] || "");
    const send = (status, type, body, gzip, extra = {}) => {
      const useGzip = gzipOk && gzip;
      response.writeHead(status, { ...base, ...extra, "Content-Type": type,
                                   ...(useGzip ? { "Content-Encoding": "gzip" } : {}),
                                   "Content-Length": (useGzip ? gzip : body).length });
      response.end(request.method === "HEAD" ? undefined : (useGzip ? gzip : body));
    };
    const json = (status, value) => send(status, "application/json", Buffer.from(JSON.stringify(value)), null,
                                         { "Cache-Control": "no-cache" });
    const url = new URL(request.url, "http://127.0.0.1");
    if (request.method !== "GET" && request.method !== "HEAD") return json(405, { error: { code: "method" } });
    if (url.pathname === "/api/v1/snapshot") {
      return send(200, "application/json", snapshotJson, snapshotGzip, { "Cache-Control": "no-cache", ETag: snapshotEtag });
    }
    if (url.pathname === "/api/v1/session") return json(200, { role: "anonymous" });
    if (url.pathname === "/api/v1/map/outlines") {
      const entry = readFile(path.join(ROOT, "shared/seed/map_outlines.json"));
      return send(200, "application/json", entry.body, entry.gzip, { "Cache-Control": "public, max-age=86400" });
    }
    if (url.pathname.startsWith("/api/")) return json(404, { error: { code: "not_found", message: url.pathname } });
    const relative = url.pathname === "/" ? "index.html" : decodeURIComponent(url.pathname.slice(1));
    const file = path.resolve(WEB_DIR, relative);
    if (!file.startsWith(path.resolve(WEB_DIR) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return send(404, "text/plain; charset=utf-8", Buffer.from("not found\n"), null);
    }
    const entry = readFile(file);
    const hashed = /\.[0-9a-f]{12}\.\w+$/.test(file);  // content-hashed names can be cached for a year
    send(200, CONTENT_TYPES[path.extname(file)] || "application/octet-stream", entry.body, entry.gzip,
         { "Cache-Control": hashed ? "public, max-age=31536000, immutable" : "no-cache" });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const stop = () => new Promise((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });
  cleanups.push(stop);
  return { url: `http://127.0.0.1:${server.address().port}`, stop, gzipBytes: snapshotGzip.length };
}

// --- the browser --------------------------------------------------------------------------------

// Every state the app publishes, kept in a small log (frames, frame_ms, search_ms, searches), so no
// frame is missed between two polls. Runs before the page's scripts; the app's assignment to
// window.prdState goes through the setter.
function installStateLog() {
  let current;
  const log = [];
  window.__prdBenchLog = log;
  Object.defineProperty(window, "prdState", {
    configurable: true,
    get() { return current; },
    set(value) {
      current = value;
      if (value && value.perf) log.push([value.frames, value.perf.frame_ms, value.perf.search_ms, value.perf.searches]);
    },
  });
}

async function newContext(browser) {
  // A new context has an empty cache: each cold start downloads everything again.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-US",
                                             serviceWorkers: "block" });
  await context.addInitScript(installStateLog);
  return context;
}

/// One cold start: navigation to the first frame and to a ready registry, as the page measured it.
async function coldStart(browser, baseUrl) {
  checkStop();
  const context = await newContext(browser);
  const page = await context.newPage();
  const pageLog = [];
  page.on("console", (message) => { if (message.type() === "error") pageLog.push(message.text()); });
  page.on("pageerror", (error) => pageLog.push(`pageerror: ${error.message}`));
  try {
    await page.goto(baseUrl + "/", { waitUntil: "commit", timeout: 30_000 });
    await page.waitForFunction(
      () => (window.prdState && window.prdState.status !== "loading") || window.prdShellError,
      null, { timeout: READY_TIMEOUT_MS, polling: 100 });
  } catch (error) {
    const state = await page.evaluate(() => window.prdState ? { status: window.prdState.status } : null).catch(() => null);
    await context.close();
    throw new Error(`the app did not finish loading: ${error.message.split("\n")[0]}; state ${JSON.stringify(state)}\n${
      pageLog.join("\n")}`.trimEnd());
  }
  const result = await page.evaluate(() => {
    const s = window.prdState;
    const entries = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")];
    const snapshot = entries.find((e) => new URL(e.name).pathname.endsWith("/api/v1/snapshot"));
    const wasm = entries.find((e) => e.name.endsWith(".wasm"));
    return {
      shellError: window.prdShellError || null,
      status: s && s.status, error: s && s.error, municipalities: s && s.municipalities,
      firstFrameMs: window.prdFirstFrameMs ?? null, readyMs: s && s.ready_ms, heapBytes: s && s.heap_bytes,
      transferred: entries.reduce((sum, e) => sum + (e.transferSize || 0), 0),
      snapshotTransferred: snapshot ? snapshot.transferSize : null,
      snapshotFetchStart: snapshot ? snapshot.startTime : null,
      snapshotResponseEnd: snapshot ? snapshot.responseEnd : null,
      wasmResponseEnd: wasm ? wasm.responseEnd : null,
    };
  });
  if (result.shellError || result.status !== "ready") {
    await context.close();
    throw new Error(`the app reports ${result.status}: ${result.shellError || result.error}\n${pageLog.join("\n")}`.trimEnd());
  }
  return { ...result, context, page };
}

/// Warm starts: the same browser profile opens the app again, the registry comes from IndexedDB and
/// the app's files from the HTTP cache. Waits until the first visit's copy is stored.
async function warmStarts(context, baseUrl, count) {
  const first = context.pages()[0];
  await first.waitForFunction(async () => {
    const db = await new Promise((resolve, reject) => {
      const r = indexedDB.open("prd");
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const keys = await new Promise((resolve) => {
      const r = db.transaction("kv").objectStore("kv").getAllKeys();
      r.onsuccess = () => resolve(r.result);
    });
    db.close();
    return keys.includes("registry.snapshot");
  }, null, { timeout: 60_000, polling: 250 });
  const results = [];
  for (let i = 0; i < count; ++i) {
    const page = await context.newPage();
    await page.goto(baseUrl + "/", { waitUntil: "commit", timeout: 30_000 });
    await page.waitForFunction(() => window.prdState && window.prdState.status !== "loading", null,
                               { timeout: READY_TIMEOUT_MS, polling: 50 });
    results.push(await page.evaluate(() => ({
      readyMs: window.prdState.ready_ms, source: window.prdState.registry_source,
      municipalities: window.prdState.municipalities, firstFrameMs: window.prdFirstFrameMs ?? null,
    })));
    await page.close();
  }
  return results;
}

function isAscii(ch) {
  return ch.charCodeAt(0) < 128;
}

/// Types the queries character by character and erases them with Backspace; per keystroke, the
/// search time inside WASM and the CPU time of the frame that ran it.
async function typingSession(page) {
  await page.waitForFunction(() => window.prdState && window.prdState.targets && window.prdState.targets.search,
                             null, { timeout: 15_000, polling: 100 });
  const target = await page.evaluate(() => window.prdState.targets.search);
  const x = target.x + target.width / 2;
  const y = target.y + target.height / 2;
  await page.mouse.move(x, y);
  await page.waitForTimeout(100);
  await page.mouse.down();
  await page.waitForTimeout(100);
  await page.mouse.up();
  await page.waitForTimeout(150);

  const search = [];        // ms inside WASM, per keystroke
  const searchFrame = [];   // frame_ms of the frame that ran the search
  const everyFrame = [];    // frame_ms of every frame from the first keystroke to the last
  const queries = [];       // the query after each keystroke
  const mismatches = [];
  const startIndex = await page.evaluate(() => window.__prdBenchLog.length);

  const keystroke = async (query, press) => {
    checkStop();
    const before = await page.evaluate(() => ({ searches: window.prdState.perf.searches, n: window.__prdBenchLog.length }));
    await press();
    // The first state with one more search is the frame that ran it: the app publishes its state
    // after the frame has ended, so that state's frame_ms is this frame's own CPU time (checked:
    // the next frame's is back at the idle level).
    await page.waitForFunction(({ searches, n }) => {
      const log = window.__prdBenchLog;
      for (let i = n; i < log.length; ++i) {
        if (log[i][3] > searches) return true;
      }
      return false;
    }, before, { timeout: KEY_TIMEOUT_MS, polling: "raf" });
    const entries = await page.evaluate((n) => window.__prdBenchLog.slice(n), before.n);
    const at = entries.findIndex((e) => e[3] > before.searches);
    const [, frameMs, searchMs, searches] = entries[at];
    if (searches !== before.searches + 1) mismatches.push(`${searches - before.searches} searches for one keystroke`);
    search.push(searchMs);
    searchFrame.push(frameMs);
    queries.push(query);
  };

  for (const query of QUERIES) {
    const chars = [...query];
    for (let i = 0; i < chars.length; ++i) {
      const ch = chars[i];
      await keystroke(chars.slice(0, i + 1).join(""),
                      () => (isAscii(ch) ? page.keyboard.type(ch) : page.keyboard.insertText(ch)));
    }
    const typed = await page.evaluate(() => window.prdState.search && window.prdState.search.query);
    if (typed !== query) mismatches.push(`typed "${query}", the app has "${typed}"`);
    for (let i = chars.length - 1; i >= 0; --i) {
      await keystroke(chars.slice(0, i).join(""), () => page.keyboard.press("Backspace"));
    }
  }
  const log = await page.evaluate((n) => window.__prdBenchLog.slice(n), startIndex);
  const seen = new Set();
  for (const [frames, frameMs] of log) {
    if (seen.has(frames)) continue;  // one frame, published once
    seen.add(frames);
    everyFrame.push(frameMs);
  }
  const heapBytes = await page.evaluate(() => window.prdState.heap_bytes);
  return { search, searchFrame, everyFrame, queries, heapBytes, mismatches };
}

/// The map over Europe with Kyiv selected: every dot and Kyiv's arcs drawn, the pointer moving
/// across it (each move is a frame: culling, hover search, labels). Returns each frame's CPU time.
async function mapSession(page) {
  checkStop();
  await page.evaluate((id) => { location.hash = `#/map?m=${id}`; }, KYIV);
  await page.waitForFunction((id) => {
    const s = window.prdState;
    return s && s.map && s.map.outlines === "ready" && s.map.selected === id;
  }, KYIV, { timeout: 60_000, polling: 100 });
  const europe = await page.evaluate(() => window.prdState.targets["map.europe"]);
  await page.mouse.click(europe.x + europe.width / 2, europe.y + europe.height / 2);
  await page.waitForTimeout(500);
  const canvas = await page.evaluate(() => window.prdState.targets["map.canvas"]);
  const start = await page.evaluate(() => window.__prdBenchLog.length);
  for (let i = 0; i <= 80; ++i) {
    await page.mouse.move(canvas.x + canvas.width * (0.15 + 0.7 * i / 80), canvas.y + canvas.height * (0.3 + 0.4 * ((i % 9) / 9)));
    await page.waitForTimeout(16);
  }
  await page.waitForTimeout(200);
  const log = await page.evaluate((n) => window.__prdBenchLog.slice(n), start);
  const frames = [];
  const seen = new Set();
  for (const [frame, frameMs] of log) {
    if (seen.has(frame)) continue;
    seen.add(frame);
    frames.push(frameMs);
  }
  const map = await page.evaluate(() => window.prdState.map);
  return { frames, points: map.points, pointsDrawn: map.points_drawn, arcs: map.arcs, level: map.level };
}

/// Cold starts and a typing session against one server; any failure is returned, not thrown.
async function measure(browser, label, baseUrl, expectedCount) {
  const runs = [];
  try {
    for (let i = 0; i < COLD_RUNS; ++i) {
      say(`${label}: cold start ${i + 1}/${COLD_RUNS}`);
      const run = await coldStart(browser, baseUrl);
      if (expectedCount && run.municipalities !== expectedCount) {
        say(`${label}: warning: the app holds ${run.municipalities} municipalities, expected ${expectedCount}`);
      }
      const last = i === COLD_RUNS - 1;
      if (!last) await run.context.close();
      runs.push(run);
    }
    const lastRun = runs[runs.length - 1];
    say(`${label}: ${COLD_RUNS} warm start${COLD_RUNS === 1 ? "" : "s"} from IndexedDB`);
    const warm = await warmStarts(lastRun.context, baseUrl, COLD_RUNS).catch((error) => {
      say(`${label}: warm start not measured: ${error.message.split("\n")[0]}`);
      return [];
    });
    for (const w of warm) {
      if (w.source !== "local") say(`${label}: warning: a warm start loaded the registry from ${w.source}`);
    }
    await lastRun.page.waitForTimeout(1_000);  // let the start settle
    const typing = await typingSession(lastRun.page);
    const map = await mapSession(lastRun.page).catch((error) => {
      say(`${label}: the map not measured: ${error.message.split("\n")[0]}`);
      return null;
    });
    await lastRun.context.close();
    for (const m of [...new Set(typing.mismatches)]) say(`${label}: warning: ${m}`);
    return { runs, typing, warm, map };
  } catch (error) {
    for (const run of runs) await run.context.close().catch(() => {});
    say(`${label}: could not be measured: ${error.message}`);
    return { runs, error: error.message };
  }
}

// --- numbers and the table ----------------------------------------------------------------------

function median(values) {
  const v = values.filter((x) => typeof x === "number").sort((a, b) => a - b);
  if (!v.length) return null;
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
}

function percentile(values, p) {
  const v = values.slice().sort((a, b) => a - b);
  return v.length ? v[Math.min(v.length - 1, Math.max(0, Math.ceil(p * v.length) - 1))] : null;
}

function ms(value) {
  if (value === null || value === undefined) return "n/a";
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : value >= 10 ? `${value.toFixed(0)} ms` : `${value.toFixed(2)} ms`;
}

function ms3(values) {
  if (!values || !values.length) return "n/a";
  const f = (x) => (x >= 10 ? x.toFixed(1) : x.toFixed(2));
  return `${f(percentile(values, 0.5))} / ${f(percentile(values, 0.99))} / ${f(Math.max(...values))} ms`;
}

function mb(bytes) {
  if (bytes === null || bytes === undefined) return "n/a";
  return bytes >= 1e6 ? `${(bytes / 1048576).toFixed(1)} MB` : `${(bytes / 1024).toFixed(0)} KB`;
}

function printTable(columns) {
  const cores = os.cpus().length;
  const cold = (result, key) => (result.runs.length ? median(result.runs.map((r) => r[key])) : null);
  const diff = (result, a, b) => (result.runs.length
    ? median(result.runs.map((r) => (r[a] !== null && r[b] !== null ? r[a] - r[b] : null))) : null);
  const rows = [
    ["cold start: first frame", (r) => ms(cold(r, "firstFrameMs")), ""],
    ["cold start: snapshot requested / received", (r) => `${ms(cold(r, "snapshotFetchStart"))} / ${ms(cold(r, "snapshotResponseEnd"))}`, ""],
    ["cold start: ready", (r) => ms(cold(r, "readyMs")), "<= 1.5 s at current"],
    ["  of which snapshot received -> ready (parse, check, index)", (r) => ms(diff(r, "readyMs", "snapshotResponseEnd")), ""],
    ["warm start (registry from IndexedDB): first frame / ready", (r) => (r.warm && r.warm.length
      ? `${ms(median(r.warm.map((w) => w.firstFrameMs)))} / ${ms(median(r.warm.map((w) => w.readyMs)))}` : "n/a"), "ready <= 0.5 s at current"],
    ["bytes transferred (all / snapshot)", (r) => (r.runs.length
      ? `${mb(median(r.runs.map((x) => x.transferred)))} / ${mb(median(r.runs.map((x) => x.snapshotTransferred)))}` : "n/a"), ""],
    ["WASM heap after ready", (r) => mb(cold(r, "heapBytes")), "<= 150 MB at 100k"],
    ["WASM heap after typing", (r) => mb(r.typing && r.typing.heapBytes), ""],
    ["search per keystroke in WASM p50 / p99 / max", (r) => ms3(r.typing && r.typing.search), "p99 <= 5 ms at 100k"],
    ["frame CPU time while typing p50 / p99 / max", (r) => ms3(r.typing && r.typing.searchFrame), "<= 4 ms at 100k"],
    ["  every frame while typing p50 / p99 / max", (r) => ms3(r.typing && r.typing.everyFrame), ""],
    ["map over Europe, Kyiv's arcs: frame CPU p50 / p99 / max", (r) => ms3(r.map && r.map.frames), "<= 4 ms"],
    ["  dots drawn / Kyiv's arcs", (r) => (r.map ? `${r.map.pointsDrawn} of ${r.map.points} / ${r.map.arcs}` : "n/a"), ""],
  ];
  const header = [`app benchmark (Chromium, SwiftShader, ${cores} cores)`, ...columns.map((c) => c.title), "goal"];
  const body = rows.map(([name, value, goal]) => [name, ...columns.map((c) => value(c.result)), goal]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((row) => row[i].length)) + 3);
  const line = (row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join("").trimEnd();
  console.log(line(header));
  for (const row of body) console.log(line(row));
  const keystrokes = columns.map((c) => `${c.title}: ${c.result.typing ? c.result.typing.search.length : 0}`).join(", ");
  console.log(`(cold start: median of ${COLD_RUNS} run${COLD_RUNS === 1 ? "" : "s"}, each in a fresh browser context with an empty cache, times ` +
              `from navigation start; keystrokes measured: ${keystrokes}; the frame is the one that ran the search; ` +
              `times inside the page have Chromium's 0.1 ms timer resolution)`);
  const load = os.loadavg()[0].toFixed(1);
  console.log(`(load average over the last minute at the end: ${load} on ${cores} cores; other work on the machine ` +
              `shows up in these numbers)`);
  for (const c of columns) {
    const t = c.result.typing;
    if (!t) continue;
    const slowest = t.search.map((ms, i) => ({ ms, query: t.queries[i], frame: t.searchFrame[i] }))
      .sort((a, b) => b.ms - a.ms).slice(0, 5)
      .map((x) => `"${x.query}" ${x.ms.toFixed(1)} ms (frame ${x.frame.toFixed(1)} ms)`);
    console.log(`slowest searches, ${c.title}: ${slowest.join(", ")}`);
  }
  for (const c of columns) if (c.result.error) console.log(`${c.title}: not measured: ${c.result.error.split("\n")[0]}`);
}

// --- main ---------------------------------------------------------------------------------------

async function main() {
  if (!fs.existsSync(path.join(WEB_DIR, "index.html")) || !fs.existsSync(path.join(WEB_DIR, "app.wasm"))) {
    throw new Error(`no web bundle in ${WEB_DIR} (build it with the web preset)`);
  }
  if (!fs.existsSync(SERVER_BIN)) throw new Error(`no server binary at ${SERVER_BIN}`);
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (Debian's chromium package)`);
  const require = createRequire(path.join(ROOT, "tests/browser/package.json"));
  const { chromium } = require("playwright-core");

  say(`load average ${os.loadavg().map((x) => x.toFixed(1)).join(" ")} on ${os.cpus().length} cores; ` +
      "starting the server with the built-in registry");
  const real = await startRealServer();
  const response = await fetch(real.url + "/api/v1/snapshot", { signal: AbortSignal.timeout(60_000) });
  if (!response.ok) throw new Error(`GET /api/v1/snapshot: HTTP ${response.status}`);
  const realSnapshot = await response.json();
  const currentCount = realSnapshot.municipalities.length;

  // The signals are ours to handle: clean up everything, then stop (see the end of this file).
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000,
                                          handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
  cleanups.push(() => browser.close());

  const current = await measure(browser, `current (${currentCount})`, real.url, currentCount);
  await real.stop();

  checkStop();
  say(`building a synthetic snapshot of ${LARGE_SIZE} municipalities`);
  const synthetic = buildSyntheticSnapshot(realSnapshot, { size: LARGE_SIZE });
  const syntheticJson = Buffer.from(JSON.stringify(synthetic));
  const fake = await startStaticServer(syntheticJson);
  say(`serving it (${mb(syntheticJson.length)} of JSON, ${mb(fake.gzipBytes)} gzipped) on ${fake.url}`);
  const large = await measure(browser, `${LARGE_SIZE}`, fake.url, synthetic.municipalities.length);
  await fake.stop();

  checkStop();
  printTable([
    { title: `current (${currentCount.toLocaleString("en-US")})`, result: current },
    { title: LARGE_SIZE.toLocaleString("en-US"), result: large },
  ]);
  say("done");
  return current.runs.length > 0 || large.runs.length > 0;
}

async function stopEverything(why, code) {
  stopCode = code;
  say(why);
  const timeout = new Promise((resolve) => setTimeout(resolve, 15_000));
  await Promise.race([cleanUp(), timeout]);
  process.exit(code);
}
const watchdog = setTimeout(() => stopEverything(`gave up after ${WATCHDOG_MS / 60_000} minutes`, 1), WATCHDOG_MS);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.once(signal, () => stopEverything(`stopped by ${signal}`, 128 + os.constants.signals[signal]));
}

let ok = false;
try {
  ok = await main();
} catch (error) {
  say(`error: ${error.message}`);
}
await cleanUp();
clearTimeout(watchdog);
process.exit(stopCode ?? (ok ? 0 : 1));
