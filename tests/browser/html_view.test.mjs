// The text version (/registry/...) in Debian's Chromium through playwright-core, against the real
// server: axe-core finds no serious or critical WCAG 2.1 A/AA violation on the main pages in both
// languages; every page works with JavaScript disabled (the search form included), reflows at
// 320 px and shows where the keyboard is; the app's page links to the text version, and so does
// its error page for browsers without WebAssembly. Screenshots go to PRD_SCREENSHOT_DIR.
//
// It needs no web bundle: the server serves the page shell from shell/ (PRD_SHELL_DIR), which is
// all the app's error page is. Environment: PRD_SERVER_BIN, PRD_SHELL_DIR, PRD_SCREENSHOT_DIR.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { startServer, stopServer } from "./harness.mjs";

const CHROMIUM = process.env.PRD_CHROMIUM || "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const LVIV = "UA46060250000025047";

// The pages the issue names, in both languages.
const PAGES = [
  ["search", "/registry/"],
  ["results", "/registry/?q=Lemberg"],
  ["lviv", `/registry/m/${LVIV}`],
  ["partnership", "/registry/p/twin-pl-3081368-ua46060250000025047"],
  ["declarations", "/registry/declarations"],
  ["stats", "/registry/stats"],
];
const LANGS = ["uk", "en"];

let baseUrl = null;
let browser = null;

function url(pagePath, lang) {
  return baseUrl + pagePath + (pagePath.includes("?") ? "&" : "?") + "lang=" + lang;
}

function screenshotPath(name) {
  const dir = process.env.PRD_SCREENSHOT_DIR || path.join(os.tmpdir(), "prd-screenshots");
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}

function describe(violation) {
  const where = violation.nodes.slice(0, 3).map((node) => `    ${node.target.join(" ")}: ${node.failureSummary}`);
  return `  [${violation.impact}] ${violation.id}: ${violation.help}\n${where.join("\n")}`;
}

before(async () => {
  baseUrl = await startServer(process.env.PRD_SHELL_DIR, false);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

after(async () => {
  if (browser) await browser.close();
  await stopServer();
});

test("axe-core finds no serious or critical WCAG 2.1 AA violation, in either language", async () => {
  // axe is injected as a script, which the pages' own policy forbids (rightly): this context
  // alone bypasses it. The no-script test below runs with the policy in force.
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const failures = [];
  try {
    for (const lang of LANGS) {
      for (const [name, pagePath] of PAGES) {
        const page = await context.newPage();
        const response = await page.goto(url(pagePath, lang));
        assert.equal(response.status(), 200, `${name} ${lang}`);
        await page.addScriptTag({ content: AXE_SOURCE });
        const result = await page.evaluate((tags) => window.axe.run(document, {
          runOnly: { type: "tag", values: tags },
          resultTypes: ["violations"],
        }), WCAG_TAGS);
        const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
        const minor = result.violations.filter((v) => !serious.includes(v));
        if (minor.length) console.log(`${name} ${lang}: lesser findings\n${minor.map(describe).join("\n")}`);
        if (serious.length) failures.push(`${name} (${lang}) ${page.url()}\n${serious.map(describe).join("\n")}`);
        await page.close();
      }
    }
  } finally {
    await context.close();
  }
  assert.equal(failures.length, 0, `serious or critical accessibility violations:\n${failures.join("\n")}`);
});

test("every page works with JavaScript disabled, reflows at 320 px and shows keyboard focus", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
  const policyErrors = [];
  try {
    for (const lang of LANGS) {
      for (const [name, pagePath] of PAGES) {
        const page = await context.newPage();
        page.on("console", (message) => {
          if (/Content.Security.Policy|Refused to/i.test(message.text())) policyErrors.push(`${name}: ${message.text()}`);
        });
        const response = await page.goto(url(pagePath, lang));
        assert.equal(response.status(), 200, `${name} ${lang}`);
        assert.equal(await page.getAttribute("html", "lang"), lang);
        assert.equal(await page.locator("h1").count(), 1, `${name} ${lang}: one h1`);
        assert.equal(await page.locator("main").count(), 1, `${name} ${lang}: one main landmark`);
        // The stylesheet applied (a policy refusing it would leave the browser's default fonts).
        const font = await page.locator("body").evaluate((body) => getComputedStyle(body).fontFamily);
        assert.match(font, /DejaVu Sans/, `${name} ${lang}: the stylesheet did not apply`);
        // Reflow: nothing but a table's own scrolling region is wider than the screen.
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 320, `${name} ${lang}: the page is ${width} px wide at 320 px`);
        if (name === "lviv") await page.screenshot({ path: screenshotPath(`text-version-lviv-${lang}-320.png`), fullPage: true });
        // The first Tab lands on the skip link, which becomes visible and outlined.
        await page.keyboard.press("Tab");
        const skip = page.locator("a.skip");
        assert.ok(await skip.evaluate((a) => a === document.activeElement), `${name} ${lang}: Tab did not reach the skip link`);
        const box = await skip.boundingBox();
        assert.ok(box && box.y >= 0 && box.y < 640, `${name} ${lang}: the focused skip link is off screen`);
        const outline = await skip.evaluate((a) => getComputedStyle(a).outlineStyle);
        assert.notEqual(outline, "none", `${name} ${lang}: no visible focus`);
        await page.close();
      }
    }

    // The search form, without script: type, submit, follow the result.
    const page = await context.newPage();
    await page.goto(url("/registry/", "en"));
    await page.fill("#q", "Lemberg");
    await page.selectOption("#country", "UA");
    await Promise.all([page.waitForURL(/q=Lemberg/), page.click("button[type=submit]")]);
    assert.match(page.url(), /country=UA/);
    const first = page.locator("ol.results li a").first();
    assert.match(await first.getAttribute("href"), new RegExp(`/registry/m/${LVIV}\\?lang=en`));
    await Promise.all([page.waitForURL(new RegExp(LVIV)), first.click()]);
    assert.match(await page.locator("h1").innerText(), /Lvivska city hromada/);
    // The language switch keeps the page.
    await Promise.all([page.waitForURL(/lang=uk/), page.click("a[hreflang=uk]")]);
    assert.equal(await page.locator("h1").innerText(), "Львівська міська громада");
    await page.close();
  } finally {
    await context.close();
  }
  assert.deepEqual(policyErrors, [], "the pages' Content-Security-Policy refused something they use");
});

test("the app's page links to the text version, and its error page leads there", async () => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 700 } });
  try {
    const page = await context.newPage();
    // A browser without WebAssembly, as an old phone may be.
    await page.addInitScript(() => { delete window.WebAssembly; });
    await page.goto(baseUrl + "/");
    await page.waitForFunction(() => window.prdShellError, null, { timeout: 10_000 });
    const always = page.locator("#text-version");
    assert.ok(await always.isVisible(), "the app's page shows no link to the text version");
    assert.equal(await always.getAttribute("href"), "/registry/");
    const fromError = page.locator("#failure-text-version a");
    assert.ok(await fromError.isVisible(), "the error page does not lead to the text version");
    await page.screenshot({ path: screenshotPath("app-error-text-version.png") });
    await Promise.all([page.waitForURL(/\/registry\/$/), fromError.click()]);
    assert.equal(await page.locator("h1").count(), 1);
    assert.equal(await page.locator("form[role=search] input[name=q]").count(), 1);
  } finally {
    await context.close();
  }
});
