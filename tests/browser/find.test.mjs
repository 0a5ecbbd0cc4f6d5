// Finding a partner as a hromada officer does it: typing in Ukrainian on any keyboard, pasting a
// name from a letter, a quick click or a tap on a phone, opening a community from a shared link,
// and coming back with the browser's Back. Screenshots at a laptop's and a phone's size are kept.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import {
  baseUrl, browser, clickTarget, openApp, quickClick, screenshotNotBlank, setUp, state, tapTarget, tearDown,
  waitForState, waitForTarget,
} from "./harness.mjs";

const LVIV = "UA46060250000025047";
const KYIV = "UA80000000000093317";

before(setUp);
after(tearDown);

async function focusSearch(page) {
  await waitForTarget(page, "search");
  await clickTarget(page, "search");
  await waitForState(page, "true", "a frame after focusing");
  await page.waitForTimeout(150);
}

test("typing Cyrillic, inserted text and an old name each find the right community first", async () => {
  const { context, page } = await openApp({ locale: "uk-UA" });
  try {
    await focusSearch(page);
    await page.keyboard.type("Львів", { delay: 40 });
    let s = await waitForState(page, 's.search && s.search.query === "Львів"', "the query Львів");
    assert.equal(s.search.results[0].id, LVIV, `Lviv first for Львів: ${JSON.stringify(s.search.results.slice(0, 3))}`);
    assert.equal(s.route, "/search?q=%D0%9B%D1%8C%D0%B2%D1%96%D0%B2", "the query is in the address");
    assert.equal(s.missing_glyphs, 0, `the font lacks ${JSON.stringify(s.missing_code_points)}`);
    await screenshotNotBlank(page, "find-lviv.png");

    for (let i = 0; i < 5; ++i) await page.keyboard.press("Backspace", { delay: 30 });
    await waitForState(page, 's.search && s.search.query === ""', "an empty query after five Backspaces");
    await page.keyboard.insertText("Київ");  // what an IME or a phone keyboard delivers
    s = await waitForState(page, 's.search && s.search.query === "Київ"', "the query Київ");
    assert.equal(s.search.results[0].id, KYIV, `Kyiv first for Київ: ${JSON.stringify(s.search.results.slice(0, 3))}`);

    await page.keyboard.press("Control+A");
    await page.keyboard.type("Lemberg", { delay: 30 });
    s = await waitForState(page, 's.search && s.search.query === "Lemberg"', "the query Lemberg");
    assert.equal(s.search.results[0].id, LVIV, `Lviv first for Lemberg: ${JSON.stringify(s.search.results.slice(0, 3))}`);
    assert.equal(s.search.results[0].reason, "alias Lemberg", "the reason names the old name that matched");
  } finally {
    await context.close();
  }
});

test("paste fills the search box and copy puts the typed name on the system clipboard", async () => {
  const { context, page } = await openApp({ locale: "uk-UA" });
  try {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl });
    await page.evaluate(() => navigator.clipboard.writeText("Poznań\r\n"));
    await focusSearch(page);
    await page.keyboard.press("Control+V");
    let s = await waitForState(page, 's.search && s.search.query.startsWith("Poznań")', "the pasted query");
    assert.equal(s.search.results[0].id.startsWith("PL-"), true, `a Polish city first: ${JSON.stringify(s.search.results[0])}`);

    await page.keyboard.press("Control+A");
    await page.keyboard.insertText("Житомир");
    await waitForState(page, 's.search && s.search.query === "Житомир"', "the query Житомир");
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Control+C");
    let copied = "";
    for (let i = 0; i < 30 && copied !== "Житомир"; ++i) {
      await page.waitForTimeout(100);
      copied = await page.evaluate(() => navigator.clipboard.readText());
    }
    assert.equal(copied, "Житомир", "Ctrl+C put the selected name on the system clipboard");
  } finally {
    await context.close();
  }
});

test("a quick click and a tap each switch the view", async () => {
  const { context, page } = await openApp({ locale: "en-GB" });
  try {
    await quickClick(page, "nav.partnerships");
    await waitForState(page, 's.view === "partnerships"', "Partnerships after a quick click");
    await quickClick(page, "nav.declarations");
    await waitForState(page, 's.view === "declarations"', "Declarations after a quick click");
    // '/' jumps to the search box from anywhere.
    await page.keyboard.press("/");
    await waitForState(page, 's.view === "find"', "Find after pressing /");
    await page.waitForTimeout(200);
    await page.keyboard.type("Odesa", { delay: 30 });
    const s = await waitForState(page, 's.search && s.search.query === "Odesa"', "the query typed after /");
    assert.match(s.search.results[0].id, /^UA/, "Odesa's community first");
  } finally {
    await context.close();
  }
  const phone = await openApp({ locale: "uk-UA", viewport: { width: 390, height: 844 }, deviceScaleFactor: 3,
                                hasTouch: true, isMobile: true });
  try {
    await tapTarget(phone.page, "nav.partnerships");
    await waitForState(phone.page, 's.view === "partnerships"', "Partnerships after a tap");
    await tapTarget(phone.page, "nav.find");
    await waitForState(phone.page, 's.view === "find"', "Find after a tap");
    await screenshotNotBlank(phone.page, "phone-find.png");
  } finally {
    await phone.context.close();
  }
});

test("a shared link opens Lviv's profile with suggestions; Back returns to the search with its query", async () => {
  const context = await browser.newContext({ locale: "uk-UA", viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/#/m/${LVIV}`);
    let s = await waitForState(page, `s.status === "ready" && s.selected === "${LVIV}" && s.suggestions.length > 0`,
                               "Lviv's profile with suggestions");
    assert.equal(s.view, "municipality");
    assert.ok(s.suggestions.every((x) => x.score > 0 && x.id !== LVIV), JSON.stringify(s.suggestions));
    assert.match(await page.title(), /Львівська/, "the tab names the community");
    assert.equal(s.missing_glyphs, 0, `the font lacks ${JSON.stringify(s.missing_code_points)}`);
    await screenshotNotBlank(page, "profile-lviv.png");

    await page.goto(`${baseUrl}/#/search`);
    await focusSearch(page);
    await page.keyboard.type("Lviv", { delay: 30 });
    s = await waitForState(page, `s.search && s.search.query === "Lviv" && s.targets["result.${LVIV}"]`, "Lviv found");
    await clickTarget(page, `result.${LVIV}`);
    await waitForState(page, `s.selected === "${LVIV}"`, "Lviv's profile after clicking the result");
    await page.goBack();
    s = await waitForState(page, 's.view === "find" && s.search && s.search.query === "Lviv"', "the search again");
    assert.equal(s.search.results[0].id, LVIV);
  } finally {
    await context.close();
  }
});

test("on a phone the layout is one column with the navigation at the bottom", async () => {
  const { context, page } = await openApp({ locale: "uk-UA", viewport: { width: 390, height: 844 }, deviceScaleFactor: 3,
                                            hasTouch: true, isMobile: true });
  try {
    const s = await waitForTarget(page, "nav.find");
    const nav = s.targets["nav.find"];
    assert.ok(nav.y > 844 - 120, `the navigation sits at the bottom on a phone: ${JSON.stringify(nav)}`);
    assert.ok(nav.height >= 40, `touch targets are finger-sized: ${JSON.stringify(nav)}`);
    const search = s.targets.search;
    assert.ok(search.x >= 0 && search.x + search.width <= 390, `the search box fits the screen: ${JSON.stringify(search)}`);
    assert.equal(s.canvas.width, 390 * 3);
    await page.goto(`${baseUrl}/#/m/${LVIV}`);
    await waitForState(page, `s.selected === "${LVIV}"`, "Lviv's profile on a phone");
    await screenshotNotBlank(page, "phone-profile-lviv.png");
    const after = await state(page);
    assert.equal(after.missing_glyphs, 0);
  } finally {
    await context.close();
  }
});

test("a finger drag scrolls the results, and keeps scrolling for a moment after the finger lifts", async () => {
  const { context, page } = await openApp({ locale: "uk-UA", viewport: { width: 390, height: 844 }, deviceScaleFactor: 2,
                                            hasTouch: true, isMobile: true });
  try {
    let s = await waitForState(page, "s.search && s.search.results.length >= 20", "Find with results");
    assert.ok(s.targets[`result.${s.search.results[0].id}`], "the first result is on screen");
    // A flick: eight moves 16 ms apart, then the finger lifts. Sent as the browser's own pointer
    // events from inside the page, because round trips through the test protocol on a busy 2-core
    // machine space the moves 100+ ms apart, which is a slow drag, not a flick.
    await page.evaluate(async () => {
      const canvas = document.getElementById("canvas");
      const send = (type, y) => canvas.dispatchEvent(new PointerEvent(type, {
        pointerId: 7, pointerType: "touch", isPrimary: true, clientX: 200, clientY: y, bubbles: true }));
      const tick = () => new Promise((resolve) => setTimeout(resolve, 16));
      let y = 700;
      send("pointerdown", y);
      for (let i = 0; i < 8; ++i) {
        await tick();
        y -= 20;
        send("pointermove", y);
      }
      send("pointerup", y);
    });
    const lifted = await state(page);
    assert.ok(lifted.search.scroll >= 100, `the list scrolled up under the finger (by ${lifted.search.scroll} px)`);
    await page.waitForTimeout(800);  // momentum carries it further
    const later = await state(page);
    assert.ok(later.search.scroll > lifted.search.scroll + 10,
              `momentum went on after the finger lifted (${lifted.search.scroll} -> ${later.search.scroll} px)`);
    assert.equal(later.view, "find", "a drag is not a tap: no result was opened");
    assert.equal(later.selected, null);
  } finally {
    await context.close();
  }
});

test("filters travel in the address: frontline communities with no foreign partner yet", async () => {
  const context = await browser.newContext({ locale: "uk-UA", viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/#/search?border=0-30&foreign=no`);
    const s = await waitForState(page, 's.status === "ready" && s.search && s.search.results.length > 0 && s.facets',
                                 "filtered results with their facet counts");
    assert.ok(s.search.total > 10 && s.search.total < 1469, `a few dozen communities near the border: ${s.search.total}`);
    assert.ok(s.search.results.every((r) => r.id.startsWith("UA")), "only Ukrainian communities have a border distance");
    assert.ok(s.targets["filter.border"] && s.targets["filter.foreign"], "the filters show what is applied");
    // The open filters count what each would add: the frontline communities among these.
    assert.ok(s.facets && s.facets.frontline > 0 && s.facets.frontline <= s.search.total, JSON.stringify(s.facets));
    await screenshotNotBlank(page, "find-frontline-no-partner.png");
  } finally {
    await context.close();
  }
});
