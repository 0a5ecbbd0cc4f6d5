// The app shell and its basics, as a person first meets them: Find opens with the registry ready
// and every name intact, the partnerships table lists the seed agreements, the files are cached by
// content hash, an idle page stops drawing, the language follows the browser until the person
// chooses, and a 2x screen gets a 2x canvas. Screenshots are kept in PRD_SCREENSHOT_DIR.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { clickTarget, openApp, screenshotNotBlank, setUp, state, tearDown, waitForState } from "./harness.mjs";

before(setUp);
after(tearDown);

test("Find opens first with the largest communities, and the partnerships table lists the seed agreements", async () => {
  const { context, page } = await openApp({ locale: "uk-UA" });
  try {
    let s = await waitForState(page, 's.view === "find" && s.search && s.search.results.length > 0', "Find with results");
    assert.equal(s.language, "uk", "a Ukrainian browser gets the Ukrainian UI");
    assert.equal(s.search.results[0].id, "UA80000000000093317", "with no query, Kyiv (the largest) comes first");
    assert.equal(s.missing_glyphs, 0, `the font lacks ${JSON.stringify(s.missing_code_points)}`);
    assert.equal(s.fallback_glyphs_drawn, 0, "fallback glyphs were rendered");
    assert.equal(await page.evaluate(() => document.getElementById("overlay").classList.contains("hidden")), true,
                 "the loading overlay still covers the app");
    await screenshotNotBlank(page, "app.png");

    await clickTarget(page, "nav.partnerships");
    s = await waitForState(page, 's.view === "partnerships" && s.rows_shown > 0', "the partnerships table");
    assert.equal(s.route, "/partnerships");
    assert.ok(s.rows.some((row) => /декларац/i.test(row)), `no joint declaration among ${JSON.stringify(s.rows)}`);
    assert.ok(s.rows.some((row) => row.includes("Київ")), `"Київ" missing from ${JSON.stringify(s.rows)}`);
    assert.ok(s.rows.some((row) => row.includes("Poznań")), `"Poznań" missing from ${JSON.stringify(s.rows)}`);
    assert.ok(s.rows.some((row) => row.includes("28.11.2022")), "dates are written the Ukrainian way");
    assert.equal(s.missing_glyphs, 0, `the font lacks ${JSON.stringify(s.missing_code_points)}`);
    assert.match(await page.title(), /Партнерства/, "the tab names the view");
    await screenshotNotBlank(page, "app-partnerships.png");
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

test("ENG switches the language, and the choice is kept for the next visit", async () => {
  const { context, page } = await openApp({ locale: "uk-UA" });
  try {
    await clickTarget(page, "lang.en");
    let s = await waitForState(page, 's.language === "en"', "English UI after clicking ENG");
    assert.equal(s.missing_glyphs, 0, `the font lacks ${JSON.stringify(s.missing_code_points)}`);
    assert.equal(await page.evaluate(() => document.documentElement.lang), "en", "<html lang> follows the UI");
    await page.reload();
    s = await waitForState(page, 's.status === "ready"', "the app ready again after a reload");
    assert.equal(s.language, "en", "the next visit opens in English although the browser says uk-UA");
  } finally {
    await context.close();
  }
});

test("an English browser gets English; a 2x screen gets a 2x canvas", async () => {
  const { context, page } = await openApp({ locale: "en-GB", deviceScaleFactor: 2 });
  try {
    const s = await waitForState(page, "s.search && s.search.results.length > 0", "Find with results");
    assert.equal(s.language, "en");
    assert.equal(s.dpr, 2);
    const canvas = await page.evaluate(() => {
      const c = document.getElementById("canvas");
      return { width: c.width, height: c.height, cssWidth: c.clientWidth, cssHeight: c.clientHeight };
    });
    assert.equal(canvas.width, canvas.cssWidth * 2, `canvas ${JSON.stringify(canvas)}`);
    assert.equal(canvas.height, canvas.cssHeight * 2, `canvas ${JSON.stringify(canvas)}`);
    assert.equal(s.missing_glyphs, 0, `the font lacks ${JSON.stringify(s.missing_code_points)}`);
  } finally {
    await context.close();
  }
});
