// The map and the gap dashboard as the people who run the programme use them: open the map, find
// Lviv among the dots and select it to see its partners across Europe, zoom with the wheel, the
// buttons and two fingers, drag it, open a community from a shared #/map?m= link, filter by partner
// country; read the dashboard and check its figures against the CLI's, sort a table and download
// it as CSV. Screenshots at a laptop's and a phone's size are kept.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";

import {
  baseUrl, clickTarget, dataDir, openApp, revealTarget, screenshotNotBlank, setUp, state, tapTarget, tearDown,
  waitForState, waitForTarget,
} from "./harness.mjs";

const LVIV = "UA46060250000025047";
const KYIV = "UA80000000000093317";

before(setUp);
after(tearDown);

/// What `partnership stats --json` says about the server's own data folder.
function cliStats() {
  return JSON.parse(execFileSync(process.env.PRD_SERVER_BIN, ["stats", "--json", "--data", dataDir], { encoding: "utf8" }));
}

async function openMap(page, route = "/map") {
  await page.goto(`${baseUrl}/#${route}`);
  return waitForState(page, 's.status === "ready" && s.view === "map" && s.map && s.map.outlines === "ready"',
                      "the map with its outlines");
}

/// The canvas point of a named target's centre.
function centre(s, name) {
  const t = s.targets[name];
  assert.ok(t, `no target ${name}; targets: ${Object.keys(s.targets).filter((k) => k.startsWith("map.")).join(", ")}`);
  return { x: t.x + t.width / 2, y: t.y + t.height / 2 };
}

test("the map shows every community, Lviv's arcs after a click, and zooms and moves", async () => {
  const { context, page } = await openApp({ locale: "en-GB" });
  try {
    let s = await openMap(page);
    const cli = cliStats();
    assert.equal(s.map.communities, cli.hromadas, "every Ukrainian community is a dot");
    assert.equal(s.map.without_foreign_partner, cli.no_foreign_partner, "the red dots are the dashboard's count");
    assert.ok(s.map.points_drawn >= cli.hromadas, `all of Ukraine in view: ${s.map.points_drawn} dots drawn`);
    assert.ok(s.map.outline_points > 10000, `Natural Earth 1:50m outlines: ${s.map.outline_points} points`);
    assert.ok(s.map.labels.includes(KYIV) && s.map.labels.includes(LVIV), `big cities labelled: ${s.map.labels}`);
    assert.equal(s.missing_glyphs, 0, `the font lacks ${JSON.stringify(s.missing_code_points)}`);
    await screenshotNotBlank(page, "map-ukraine.png");

    // Click Lviv's dot: it is selected, its partnerships become arcs, the address names it.
    const lviv = centre(s, `map.point.${LVIV}`);
    await page.mouse.click(lviv.x, lviv.y);
    s = await waitForState(page, `s.map.selected === "${LVIV}"`, "Lviv selected by a click");
    assert.ok(s.map.arcs >= 10, `Lviv's partners drawn as arcs: ${s.map.arcs}`);
    assert.match(s.route, new RegExp(`m=${LVIV}`));
    await waitForTarget(page, "map.open_profile");
    await screenshotNotBlank(page, "map-lviv.png");

    // The wheel zooms in about the pointer; the − button zooms out again.
    const before_ = s.map.scale;
    await page.mouse.move(lviv.x, lviv.y);
    await page.mouse.wheel(0, -300);
    s = await waitForState(page, `s.map.scale > ${before_ * 1.5}`, "zoomed in by the wheel");
    const zoomed = s.map.scale;
    await clickTarget(page, "map.zoom_out");
    s = await waitForState(page, `s.map.scale < ${zoomed * 0.9}`, "zoomed out by the − button");

    // A drag moves the map; the selection stays.
    const canvas = centre(s, "map.canvas");
    const [cx, cy] = s.map.centre;
    await page.mouse.move(canvas.x, canvas.y);
    await page.mouse.down();
    for (let i = 1; i <= 5; ++i) await page.mouse.move(canvas.x + 30 * i, canvas.y + 10 * i);
    await page.mouse.up();
    s = await waitForState(page, `s.map.centre[0] < ${cx} - 1`, "the map moved with the drag");
    assert.ok(s.map.centre[1] > cy, "dragging down shows what is north");
    assert.equal(s.map.selected, LVIV, "a drag does not change the selection");

    // "Open profile" opens Lviv's profile; Back returns to the map with Lviv selected.
    await clickTarget(page, "map.open_profile");
    await waitForState(page, `s.view === "municipality" && s.selected === "${LVIV}"`, "Lviv's profile");
    await page.goBack();
    s = await waitForState(page, `s.view === "map" && s.map.selected === "${LVIV}"`, "back on the map");
  } finally {
    await context.close();
  }
});

test("#/map?m= opens with a community selected, and a partner-country filter narrows the arcs", async () => {
  const { context, page } = await openApp({ locale: "uk-UA" });
  try {
    let s = await openMap(page, `/map?m=${KYIV}`);
    s = await waitForState(page, `s.map.selected === "${KYIV}" && s.map.arcs > 0`, "Kyiv selected from the address");
    const all = s.map.arcs;
    await page.goto(`${baseUrl}/#/map?m=${KYIV}&country=PL`);
    s = await waitForState(page, `s.map.filters.country === "PL" && s.map.selected === "${KYIV}"`, "the PL filter");
    assert.ok(s.map.arcs < all, `fewer arcs with only Polish partners: ${s.map.arcs} of ${all}`);
    assert.ok(s.map.without_foreign_partner > cliStats().no_foreign_partner,
              "more communities lack a Polish partner than lack any foreign one");
    await screenshotNotBlank(page, "map-kyiv-poland.png");
  } finally {
    await context.close();
  }
});

test("on a phone: tap a city, pinch to zoom, drag with a finger", async () => {
  const { context, page } = await openApp({ locale: "uk-UA", viewport: { width: 390, height: 844 }, deviceScaleFactor: 3,
                                            hasTouch: true, isMobile: true });
  try {
    let s = await openMap(page);
    await screenshotNotBlank(page, "phone-map.png");
    await tapTarget(page, `map.point.${KYIV}`);
    s = await waitForState(page, `s.map.selected === "${KYIV}"`, "Kyiv selected by a tap");
    await screenshotNotBlank(page, "phone-map-kyiv.png");

    // Two fingers spreading apart zoom in; one finger dragging moves the map (not the page).
    const cdp = await context.newCDPSession(page);
    const canvas = centre(s, "map.canvas");
    const scale = s.map.scale;
    const touch = (type, points) => cdp.send("Input.dispatchTouchEvent", { type, touchPoints: points });
    await touch("touchStart", [{ x: canvas.x - 30, y: canvas.y, id: 1 }, { x: canvas.x + 30, y: canvas.y, id: 2 }]);
    for (let i = 1; i <= 8; ++i)
      await touch("touchMove", [{ x: canvas.x - 30 - 12 * i, y: canvas.y, id: 1 }, { x: canvas.x + 30 + 12 * i, y: canvas.y, id: 2 }]);
    await touch("touchEnd", []);
    s = await waitForState(page, `s.map.scale > ${scale * 1.8}`, "zoomed in by a pinch");
    const [cx] = s.map.centre;
    await touch("touchStart", [{ x: canvas.x, y: canvas.y, id: 3 }]);
    for (let i = 1; i <= 6; ++i) await touch("touchMove", [{ x: canvas.x + 15 * i, y: canvas.y, id: 3 }]);
    await touch("touchEnd", []);
    s = await waitForState(page, `s.map.centre[0] < ${cx} - 1`, "moved by a finger");
    assert.equal(s.map.selected, KYIV, "neither gesture changed the selection");
  } finally {
    await context.close();
  }
});

test("the dashboard's figures are the CLI's, its tables sort and download as CSV", async () => {
  const { context, page } = await openApp({ locale: "uk-UA", acceptDownloads: true });
  try {
    await page.goto(`${baseUrl}/#/dashboard`);
    let s = await waitForState(page, 's.view === "dashboard" && s.dashboard !== null', "the dashboard");
    const cli = cliStats();
    assert.equal(s.dashboard.no_foreign_partner, cli.no_foreign_partner);
    assert.equal(s.dashboard.hromadas, cli.hromadas);
    assert.deepEqual(s.dashboard.by_oblast, cli.by_oblast);
    assert.deepEqual(s.dashboard.frontline, cli.frontline);
    assert.deepEqual(s.dashboard.by_year, cli.by_year);
    assert.deepEqual(s.dashboard.by_partner_country, cli.by_partner_country);
    assert.equal(s.missing_glyphs, 0, `the font lacks ${JSON.stringify(s.missing_code_points)}`);
    await screenshotNotBlank(page, "dashboard.png");

    // Sorting by the count of communities without a partner (a header click) changes the order.
    await clickTarget(page, "dashboard.oblast.sort.2");
    s = await waitForState(page, "s.dashboard_sort && s.dashboard_sort.column === 2", "sorted by column 2");
    const counts = s.dashboard_sort.rows.map((r) => r.without_foreign_partner);
    const sorted = [...counts].sort((a, b) => b - a);
    assert.ok(JSON.stringify(counts) === JSON.stringify(sorted) ||
              JSON.stringify(counts) === JSON.stringify([...sorted].reverse()), `sorted rows: ${counts}`);

    // The oblast table as CSV: a BOM so spreadsheets read Cyrillic, CRLF lines, the CLI's numbers.
    const download = page.waitForEvent("download");
    await clickTarget(page, "dashboard.csv.oblast");
    const file = await (await download).path();
    const bytes = fs.readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 BOM");
    const text = bytes.subarray(3).toString("utf8");
    assert.ok(text.includes("\r\n"), "CRLF line ends");
    assert.ok(text.includes(cli.by_oblast[0].oblast), `the first oblast is in the CSV: ${text.slice(0, 200)}`);
    assert.equal(text.trim().split("\r\n").length, cli.by_oblast.length + 1, "a header and one row per oblast");

    // A community without a foreign partner opens from the list at the bottom of the page.
    await revealTarget(page, "dashboard.csv.without");
    let first;
    for (let i = 0; i < 30 && !first; ++i) {
      s = await state(page);
      first = Object.keys(s.targets).find((k) => k.startsWith("dashboard.without.") &&
                                               s.targets[k].y > 0 && s.targets[k].y + s.targets[k].height < 790);
      if (!first) {
        await page.mouse.move(700, 400);
        await page.mouse.wheel(0, 120);
        await page.waitForTimeout(60);
      }
    }
    assert.ok(first, "the list of communities without a foreign partner has links");
    await clickTarget(page, first);
    await waitForState(page, `s.view === "municipality" && s.selected === "${first.slice("dashboard.without.".length)}"`,
                       "the community's profile");
  } finally {
    await context.close();
  }
});

test("the dashboard on a phone", async () => {
  const { context, page } = await openApp({ locale: "en-GB", viewport: { width: 390, height: 844 }, deviceScaleFactor: 3,
                                            hasTouch: true, isMobile: true });
  try {
    await page.goto(`${baseUrl}/#/map`);
    await waitForTarget(page, "tab.dashboard");
    await tapTarget(page, "tab.dashboard");
    const s = await waitForState(page, 's.view === "dashboard" && s.dashboard !== null', "the dashboard after a tap");
    assert.equal(s.dashboard.no_foreign_partner, cliStats().no_foreign_partner);
    await screenshotNotBlank(page, "phone-dashboard.png");
  } finally {
    await context.close();
  }
});
