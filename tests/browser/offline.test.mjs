// Offline first: the app installs a service worker, keeps the registry in IndexedDB, and starts
// with no network and no server at all, as after a power cut. A persistent Chromium profile stands
// in for the person's browser: closed, and opened again later.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

import { execFileSync } from "node:child_process";

import {
  CHROMIUM, CHROMIUM_ARGS, clickTarget, createToken, screenshotNotBlank, signIn as signInAs, startServer, stopServer,
  waitForState, waitForTarget,
} from "./harness.mjs";

const LVIV = "UA46060250000025047";
const KYIV = "UA80000000000093317";
const KHARKIV = "UA63120270000028556";

let base = null;
let listen = null;
let profile = null;

before(async () => {
  base = await startServer();
  listen = new URL(base).host;
  profile = fs.mkdtempSync(path.join(os.tmpdir(), "prd-profile-"));
});

after(async () => {
  await stopServer();
  if (profile) fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
});

async function launch(offline) {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 800 }, offline,
  });
  const page = context.pages()[0] || await context.newPage();
  return { context, page };
}

async function ready(page, route = "/search") {
  await page.goto(base + "/#" + route);
  return waitForState(page, 's.status === "ready"', "the app ready");
}

test("the app installs, closes, and starts again with no network and no server", async () => {
  let { context, page } = await launch(false);
  let s = await ready(page);
  assert.equal(s.registry_source, "network", "a first visit takes the snapshot");
  const municipalities = s.municipalities;
  await page.waitForFunction(() => window.prdServiceWorker && window.prdServiceWorker.state !== "registering",
                             null, { timeout: 30_000 });
  // The worker controls the page from its first visit on (clients.claim), so the files are cached.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  // The stored copy is written after the first frame: wait until a reload would find it.
  await page.waitForFunction(async () => {
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
    return keys.includes("registry.snapshot") && keys.includes("registry.changes");
  }, null, { timeout: 30_000, polling: 200 });
  await context.close();

  await stopServer(true);  // the power cut: the server is gone too
  ({ context, page } = await launch(true));
  s = await ready(page, "/search?q=%D0%9B%D1%8C%D0%B2%D1%96%D0%B2");
  assert.equal(s.registry_source, "local");
  assert.equal(s.online, false, "the status line says offline");
  assert.ok(s.search.total > 0, "Find works on the stored registry: " + JSON.stringify(s.search));
  assert.equal(s.municipalities, municipalities, "the whole registry, not a part");
  await screenshotNotBlank(page, "offline-start.png");
  await context.close();

  await startServer(process.env.PRD_WEB_DIR, true, { listen, keepData: true });
});

async function api(path, token, init = {}) {
  const headers = { ...(init.headers || {}) };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(base + path, { ...init, headers });
  const text = await response.text();
  let body = null;
  try { body = JSON.parse(text); } catch { body = text; }
  return { status: response.status, body };
}

function signIn(page, token) {
  return signInAs(page, token, { base });
}

async function typeInto(page, target, text) {
  await waitForTarget(page, target);
  await clickTarget(page, target);
  await page.waitForTimeout(150);
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.type(text, { delay: 5 });
}

test("a draft written offline survives a closed browser and a dead server, is sent once, answered, and signed", async () => {
  const lvivToken = createToken("editor", LVIV, "Lviv officer");
  const kyivToken = createToken("editor", KYIV, "Kyiv officer");
  const kharkivToken = createToken("editor", KHARKIV, "Kharkiv officer");

  // Lviv's officer signs in and opens a twinning draft for Kyiv from the template.
  let { context, page } = await launch(false);
  await signIn(page, lvivToken);
  await page.goto(`${base}/#/draft/new?from=${LVIV}&to=${KYIV}&kind=twinning`);
  let s = await waitForState(page, 's.view === "draft" && s.drafts.length === 1 && s.route.startsWith("/draft/") && !s.route.includes("new")',
                             "a new draft from the template");
  const draftId = s.drafts[0].id;
  assert.equal(s.drafts[0].to, KYIV);
  // The first save brings the browser's answer to persist(), shown above the form: let it settle.
  await waitForState(page, 's.storage.persist !== "not_asked" && s.storage.persist !== "asking"', "the layout settled");
  assert.ok(s.drafts[0].chars > 200, "the template filled the sections: " + s.drafts[0].chars);
  const ukText = "Львівська громада пропонує Києву побратимство: енергетика, освіта, культура.";
  const enText = "Lviv proposes twinning to Kyiv: energy, education and culture.";
  await typeInto(page, "draft.section.introduction.uk", ukText);
  await typeInto(page, "draft.section.introduction.en", enText);
  s = await waitForState(page, "s.storage.saving === 0 && s.storage.error === \"\"", "the draft saved in the browser");
  const chars = s.drafts[0].chars;
  assert.equal(chars, s.drafts[0].chars);
  await screenshotNotBlank(page, "draft-editor.png");
  // The receiving side has not seen it: a draft never leaves the browser.
  assert.equal((await api(`/api/v1/proposals/${draftId}`, kyivToken)).status, 404);
  await context.close();

  // Power cut: the browser and the server are gone; the officer opens the app again offline.
  await stopServer(true);
  ({ context, page } = await launch(true));
  await page.goto(`${base}/#/draft/${draftId}`);
  s = await waitForState(page, `s.status === "ready" && s.view === "draft" && s.drafts.length === 1 && s.signed_in !== null`,
                         "the draft back after a restart, offline");
  assert.equal(s.drafts[0].chars, chars, "nothing typed was lost");
  const stored = await page.evaluate(async (id) => {
    const db = await new Promise((resolve) => { const r = indexedDB.open("prd"); r.onsuccess = () => resolve(r.result); });
    const bytes = await new Promise((resolve) => {
      const r = db.transaction("kv").objectStore("kv").get("draft:" + id);
      r.onsuccess = () => resolve(r.result);
    });
    db.close();
    return JSON.parse(new TextDecoder().decode(bytes));
  }, draftId);
  // The editor breaks lines to fit its width (ImGui cannot wrap inside a field); the words are the same.
  const words = (text) => text.replace(/\s+/g, " ");
  assert.equal(words(stored.sections.introduction.uk), ukText);
  assert.equal(words(stored.sections.introduction.en), enText);

  // Send while offline: it waits in the outbox.
  await clickTarget(page, "draft.send");
  s = await waitForState(page, "s.outbox === 1 && s.drafts[0].status === \"sending\"", "the proposal in the outbox");
  await screenshotNotBlank(page, "draft-waiting-offline.png");
  await context.close();

  // The server is back, and so is the network: the proposal goes out, once.
  await startServer(process.env.PRD_WEB_DIR, true, { listen, keepData: true });
  ({ context, page } = await launch(false));
  await page.goto(`${base}/#/proposals`);
  s = await waitForState(page, "s.outbox === 0 && s.drafts.length === 0 && s.sent.length === 1", "the proposal sent");
  assert.equal(s.sent[0].id, draftId);
  const arrived = await api(`/api/v1/proposals/${draftId}`, kyivToken);
  assert.equal(arrived.status, 200);
  assert.equal(arrived.body.status, "sent");
  assert.equal(arrived.body.history.filter((h) => h.action === "send").length, 1, "sent exactly once");
  assert.equal(words(arrived.body.sections.introduction.uk), ukText);
  assert.equal((await api("/api/v1/proposals", kyivToken)).body.inbox.filter((p) => p.id === draftId).length, 1);
  assert.equal((await api(`/api/v1/proposals/${draftId}`, kharkivToken)).status, 404, "Kharkiv's editor sees nothing");
  assert.equal((await api(`/api/v1/proposals/${draftId}`)).status, 404, "nor does anyone anonymous");

  // Kyiv's officer, in another browser, finds it in the inbox and accepts.
  const kyivBrowser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const kyivContext = await kyivBrowser.newContext({ viewport: { width: 1280, height: 800 }, locale: "uk-UA" });
    const kyiv = await kyivContext.newPage();
    await signIn(kyiv, kyivToken);
    await kyiv.goto(`${base}/#/proposals`);
    s = await waitForState(kyiv, `s.inbox.some((p) => p.id === ${JSON.stringify(draftId)} && p.status === "sent" && p.unread)`,
                           "the proposal in Kyiv's inbox, unread");
    await kyiv.goto(`${base}/#/proposal/${draftId}`);
    await waitForState(kyiv, 's.proposal !== null && s.proposal.actions.includes("accept")', "Kyiv may accept");
    await screenshotNotBlank(kyiv, "proposal-received.png");
    await clickTarget(kyiv, "proposal.accept");
    await waitForState(kyiv, 's.proposal.status === "accepted" && s.proposal.waiting === 0', "accepted");
    await waitForTarget(kyiv, "proposal.sign");
    await clickTarget(kyiv, "proposal.sign");
    await waitForState(kyiv, 's.proposal.waiting === 0 && !s.proposal.actions.includes("confirm_signing")',
                       "Kyiv confirmed the signing");
  } finally {
    await kyivBrowser.close();
  }

  // Lviv confirms too: the partnership is in the public registry.
  await page.goto(`${base}/#/proposal/${draftId}`);
  await waitForState(page, 's.proposal !== null && s.proposal.actions.includes("confirm_signing")', "Lviv may confirm");
  await clickTarget(page, "proposal.sign");
  s = await waitForState(page, 's.proposal.status === "signed" && s.proposal.partnership !== ""', "signed");
  const partnership = await api(`/api/v1/partnerships/${encodeURIComponent(s.proposal.partnership)}`);
  assert.equal(partnership.status, 200, "anonymous visitors see the new partnership");
  assert.deepEqual(partnership.body.parties.map((p) => p.municipality).sort(), [LVIV, KYIV].sort());

  // The print view, saved as a PDF, carries both languages.
  await clickTarget(page, "print");
  const html = await page.waitForFunction(() => window.prdPrintHtml, null, { timeout: 10_000 }).then((h) => h.jsonValue());
  const printPage = await context.newPage();
  await printPage.setContent(html);
  const pdfPath = path.join(process.env.PRD_SCREENSHOT_DIR || os.tmpdir(), "proposal.pdf");
  await printPage.pdf({ path: pdfPath, format: "A4" });
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", pdfPath, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  assert.ok(text.includes("Львівська громада пропонує Києву"), "the PDF has the Ukrainian text");
  assert.ok(text.includes("Lviv proposes twinning to Kyiv"), "the PDF has the English text");
  await context.close();
});

test("a new release waits beside the running one and takes over only when the person says so", async () => {
  // A copy of the bundle whose service worker then changes, as a new release's does.
  const webCopy = fs.mkdtempSync(path.join(os.tmpdir(), "prd-release-"));
  fs.cpSync(process.env.PRD_WEB_DIR, webCopy, { recursive: true });
  await stopServer(true);
  await startServer(webCopy, true, { listen, keepData: true });
  const releaseProfile = fs.mkdtempSync(path.join(os.tmpdir(), "prd-profile-"));
  const context = await chromium.launchPersistentContext(releaseProfile, {
    executablePath: CHROMIUM, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 800 },
  });
  try {
    const page = context.pages()[0] || await context.newPage();
    await ready(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    await page.evaluate(() => { window.prdStillHere = true; });

    fs.appendFileSync(path.join(webCopy, "sw.js"), "\n// the next release\n");
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await page.waitForFunction(() => window.prdServiceWorker.state === "update_ready", null, { timeout: 30_000 });
    assert.equal(await page.isVisible("#update"), true, "the page offers the update");
    await page.waitForTimeout(1000);
    assert.equal(await page.evaluate(() => window.prdStillHere === true), true, "nothing reloaded by itself");
    await screenshotNotBlank(page, "update-ready.png");

    await page.click("#update-reload");
    await page.waitForFunction(() => window.prdStillHere === undefined && window.prdState && window.prdState.status === "ready",
                               null, { timeout: 30_000 });
    assert.equal(await page.isVisible("#update"), false);
  } finally {
    await context.close();
    fs.rmSync(releaseProfile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    await stopServer(true);
    await startServer(process.env.PRD_WEB_DIR, true, { listen, keepData: true });
    fs.rmSync(webCopy, { recursive: true, force: true });
  }
});
