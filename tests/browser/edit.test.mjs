// Signing in and editing as a community's editor: a token made by `partnership token create` is
// pasted in, needs are added and saved, and survive a reload; when someone else saves the same
// field first, the editor sees both values and chooses.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import {
  baseUrl, browser, clickTarget, createToken, screenshotNotBlank, setUp, signIn as signInAs, state, tearDown,
  waitForState, waitForTarget,
} from "./harness.mjs";

const LVIV = "UA46060250000025047";

before(setUp);
after(tearDown);

async function signIn(context, token) {
  const page = await context.newPage();
  const s = await signInAs(page, token);
  assert.deepEqual(s.signed_in, { role: "editor", municipality: LVIV });
  return page;
}

async function openEditor(page) {
  await page.goto(`${baseUrl}/#/m/${LVIV}/edit`);
  await waitForState(page, `s.view === "edit_municipality" && s.editor !== "closed" && s.targets["profile.save"]`,
                     "the profile editor");
}

async function typeInto(page, target, text) {
  await waitForTarget(page, target);
  await clickTarget(page, target);
  await page.waitForTimeout(150);
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(text);
}

test("an editor signs in with a token, adds needs, saves, and sees them after a reload", async () => {
  const token = createToken("editor", LVIV, "browser test");
  const context = await browser.newContext({ locale: "uk-UA", viewport: { width: 1280, height: 800 } });
  try {
    const page = await signIn(context, token);
    await openEditor(page);
    await clickTarget(page, "profile.needs.add");
    await waitForTarget(page, "profile.needs.add.energy");
    await clickTarget(page, "profile.needs.add.energy");
    await waitForTarget(page, "profile.needs.remove.energy");
    await typeInto(page, "profile.description.en", "Lviv looks for partners in energy.");
    await screenshotNotBlank(page, "edit-lviv.png");
    await clickTarget(page, "profile.save");
    await waitForState(page, 's.editor === "saved"', "the profile saved");

    const stored = await (await fetch(`${baseUrl}/api/v1/municipalities/${LVIV}`)).json();
    assert.ok(stored.needs.some((n) => n.sector === "energy"), `the server stored the need: ${JSON.stringify(stored.needs)}`);
    assert.equal(stored.description.en, "Lviv looks for partners in energy.");

    await page.reload();
    await waitForState(page, 's.status === "ready" && s.signed_in !== null', "signed in again after a reload");
    await openEditor(page);
    await waitForTarget(page, "profile.needs.remove.energy");
  } finally {
    await context.close();
  }
});

test("a conflicting save shows both values and keeps what the editor typed", async () => {
  const first = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 800 } });
  const second = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 800 } });
  try {
    const a = await signIn(first, createToken("editor", LVIV, "first editor"));
    const b = await signIn(second, createToken("editor", LVIV, "second editor"));
    await openEditor(a);
    await openEditor(b);
    await typeInto(a, "profile.contacts.person", "Olena from the first tab");
    await typeInto(b, "profile.contacts.person", "Taras saved first");
    await clickTarget(b, "profile.save");
    await waitForState(b, 's.editor === "saved"', "the second editor saved first");

    await clickTarget(a, "profile.save");
    const s = await waitForState(a, 's.editor === "conflict" && s.conflicts.length > 0', "the conflict shown");
    const person = s.conflicts.find((c) => c.field === "contacts.person");
    assert.ok(person, JSON.stringify(s.conflicts));
    assert.equal(person.mine, "Olena from the first tab");
    assert.equal(person.theirs, "Taras saved first");
    await screenshotNotBlank(a, "edit-conflict.png");

    await clickTarget(a, "conflict.resolve");  // keep mine (the default), then save on the new base
    await waitForState(a, 's.editor === "editing"', "editing again after choosing");
    await clickTarget(a, "profile.save");
    await waitForState(a, 's.editor === "saved"', "saved after the conflict");
    const stored = await (await fetch(`${baseUrl}/api/v1/municipalities/${LVIV}`)).json();
    assert.equal(stored.contacts.person, "Olena from the first tab");
    assert.equal((await state(a)).missing_glyphs, 0);
  } finally {
    await first.close();
    await second.close();
  }
});
