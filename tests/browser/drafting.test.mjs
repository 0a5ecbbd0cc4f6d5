// Drafting as an officer does it, on a phone and on a desktop: New draft, find the partner, choose
// a template, write in both languages, delete and undo, export a draft and import it again.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { execFileSync } from "node:child_process";

import {
  baseUrl, browser, dataDir, clickTarget, createToken, revealTarget, screenshotNotBlank, setUp, signIn, state, tapTarget,
  tearDown, waitForState,
  waitForTarget,
} from "./harness.mjs";

const LVIV = "UA46060250000025047";
const KYIV = "UA80000000000093317";

before(setUp);
after(tearDown);

test("on a phone: New draft, find Kyiv, choose a template, write Ukrainian, and see it saved", async () => {
  const context = await browser.newContext({ locale: "uk-UA", viewport: { width: 390, height: 844 }, deviceScaleFactor: 3,
                                             hasTouch: true, isMobile: true });
  try {
    const page = await context.newPage();
    await signIn(page, createToken("editor", LVIV, "phone officer"), { tap: true });
    await page.goto(`${baseUrl}/#/proposals`);
    await waitForTarget(page, "proposal.new");
    await screenshotNotBlank(page, "phone-proposals-empty.png");
    await tapTarget(page, "proposal.new");
    await waitForTarget(page, "draft.partner");
    await tapTarget(page, "draft.partner");
    await page.waitForTimeout(150);
    await page.keyboard.type("Київ", { delay: 20 });
    await waitForTarget(page, `draft.partner.${KYIV}`);
    await tapTarget(page, `draft.partner.${KYIV}`);
    await waitForTarget(page, "template.memorandum");
    await screenshotNotBlank(page, "phone-draft-templates.png");
    await tapTarget(page, "template.memorandum");
    let s = await waitForState(page, 's.view === "draft" && s.drafts.length === 1 && !s.route.includes("new")',
                               "the draft opened from the template");
    assert.equal(s.drafts[0].kind, "memorandum");
    assert.equal(s.drafts[0].to, KYIV);
    const before = s.drafts[0].chars;
    // Headless Chromium refuses persistent storage; the editor says so once the answer is in.
    s = await waitForState(page, 's.storage.persist === "refused" && s.storage.saving === 0', "the browser's answer shown");
    await waitForTarget(page, "draft.section.introduction.uk");
    const t = await revealTarget(page, "draft.section.introduction.uk");
    await page.touchscreen.tap(t.x + t.width / 2, t.y + Math.min(t.height / 2, 20));
    await page.waitForTimeout(500);  // a person looks at the keyboard before typing
    await page.keyboard.type(" Дякуємо!", { delay: 20 });
    s = await waitForState(page, `s.drafts[0].chars === ${before + " Дякуємо!".length} && s.storage.saving === 0`,
                           "the typed text saved");
    assert.equal(s.storage.error, "");
    await screenshotNotBlank(page, "phone-draft-editor.png");
  } finally {
    await context.close();
  }
});

test("a draft is deleted with undo, exported to a file and imported again", async () => {
  const context = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  try {
    const page = await context.newPage();
    await signIn(page, createToken("editor", LVIV, "desktop officer"));
    await page.goto(`${baseUrl}/#/draft/new?from=${LVIV}&to=${KYIV}&kind=cooperation_agreement`);
    let s = await waitForState(page, 's.view === "draft" && s.drafts.length === 1 && !s.route.includes("new")', "a draft");
    const id = s.drafts[0].id;
    await waitForState(page, 's.storage.persist !== "not_asked" && s.storage.persist !== "asking"', "the layout settled");

    const download = page.waitForEvent("download");
    await clickTarget(page, "draft.export");
    const file = path.join(os.tmpdir(), `prd-draft-${process.pid}.json`);
    await (await download).saveAs(file);
    const exported = JSON.parse(fs.readFileSync(file, "utf8"));
    assert.equal(exported.proposal.id, id);
    assert.equal(exported.proposal.to, KYIV);

    await page.goto(`${baseUrl}/#/proposals`);
    await waitForTarget(page, `draft.delete.${id}`);
    await clickTarget(page, `draft.delete.${id}`);
    await waitForState(page, "s.drafts.length === 0", "the draft deleted");
    await clickTarget(page, "draft.undo");
    await waitForState(page, `s.drafts.length === 1 && s.drafts[0].id === ${JSON.stringify(id)}`, "the draft back");

    const chooser = page.waitForEvent("filechooser");
    await clickTarget(page, "proposal.import");
    await (await chooser).setFiles(file);
    s = await waitForState(page, 's.drafts.length === 2 && s.view === "draft"', "the imported copy opened");
    assert.ok(s.drafts.every((d) => d.to === KYIV));
    assert.equal(new Set(s.drafts.map((d) => d.id)).size, 2, "the copy has its own id");
    fs.rmSync(file, { force: true });
  } finally {
    await context.close();
  }
});

test("an invitation link signs its person in with their own token, once", async () => {
  const output = execFileSync(process.env.PRD_SERVER_BIN,
                              ["invite", "create", "--data", dataDir, "--municipality", KYIV, "--role", "editor",
                               "--days", "7", "--public-url", baseUrl], { encoding: "utf8" });
  const link = /(https?:\/\/\S+#\/join\/\S+)/.exec(output);
  assert.ok(link, "the CLI prints the link: " + output);
  const context = await browser.newContext({ locale: "uk-UA", viewport: { width: 390, height: 844 }, deviceScaleFactor: 3,
                                             hasTouch: true, isMobile: true });
  try {
    const page = await context.newPage();
    await page.goto(link[1]);
    await waitForState(page, 's.status === "ready" && s.view === "join"', "the invitation page");
    await waitForTarget(page, "join.label");
    await tapTarget(page, "join.label");
    await page.waitForTimeout(300);
    await page.keyboard.type("Олена, відділ міжнародних зв’язків", { delay: 10 });
    await screenshotNotBlank(page, "phone-join.png");
    await tapTarget(page, "join.accept");
    const s = await waitForState(page, 's.signed_in !== null && s.view === "community"', "signed in by the invitation");
    assert.deepEqual(s.signed_in, { role: "editor", municipality: KYIV });

    // The link is used up: opening it again elsewhere says so.
    const other = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 800 } });
    const again = await other.newPage();
    await again.goto(link[1]);
    await waitForTarget(again, "join.accept");
    await clickTarget(again, "join.accept");
    const refused = await waitForState(again, 's.session === "refused"', "a used invitation refused");
    assert.equal(refused.signed_in, null);
    await other.close();
  } finally {
    await context.close();
  }
});

test("a moderator invites Kyiv's officer from the app, and revokes the token it became", async () => {
  const moderator = createToken("moderator", null, "moderator");
  const context = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 800 } });
  const invited = await browser.newContext({ locale: "uk-UA", viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await signIn(page, moderator);
    await waitForTarget(page, "nav.admin");
    await clickTarget(page, "nav.admin");
    await waitForTarget(page, "admin.municipality");
    await clickTarget(page, "admin.municipality");
    await page.waitForTimeout(150);
    await page.keyboard.type("Kyiv", { delay: 20 });
    await waitForTarget(page, `admin.municipality.${KYIV}`);
    await clickTarget(page, `admin.municipality.${KYIV}`);
    await waitForTarget(page, "admin.municipality.clear");  // chosen: the form moved up
    await clickTarget(page, "admin.invite");
    let s = await waitForState(page, 's.admin && s.admin.link !== "" && s.admin.invitations.some((i) => i.state === "open")',
                               "the link shown");
    assert.match(s.admin.link, /#\/join\//);
    assert.equal(s.admin.error, "");
    const invitationId = s.admin.invitations.find((i) => i.state === "open").id;  // the only open one: this test's
    await screenshotNotBlank(page, "admin-invite.png");

    const person = await invited.newPage();
    await person.goto(s.admin.link.replace(/^https?:\/\/[^/#]+/, baseUrl));
    await waitForTarget(person, "join.accept");
    await clickTarget(person, "join.accept");
    const joined = await waitForState(person, "s.signed_in !== null", "the invited officer signed in");
    assert.deepEqual(joined.signed_in, { role: "editor", municipality: KYIV });

    await page.reload();  // the moderator comes back later
    s = await waitForState(page, `s.admin && s.admin.invitations.some((i) => i.id === ${JSON.stringify(invitationId)} && ` +
                                 'i.state === "used" && i.token_id)', "the invitation used");
    const tokenId = s.admin.invitations.find((i) => i.id === invitationId).token_id;
    await clickTarget(page, `admin.revoke.${tokenId}`);
    await waitForState(page, `s.admin.tokens.some((t) => t.id === ${JSON.stringify(tokenId)} && t.revoked)`, "revoked");
    // The officer's key, kept in their browser, no longer opens anything.
    const key = await person.evaluate(() => window.localStorage.getItem("prd.token"));
    assert.match(key || "", /^prd_/);
    const session = await fetch(`${baseUrl}/api/v1/session`, { headers: { Authorization: `Bearer ${key}` } });
    assert.equal(session.status, 401, "the revoked key is refused at once");
  } finally {
    await invited.close();
    await context.close();
  }
});
