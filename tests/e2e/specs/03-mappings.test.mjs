// The mapping editor in the real window: open 15Five's mappings, change the displayName
// expression, watch the preview for two different users follow it before anything is saved,
// then type a syntax error and see it underlined where it is. A screenshot of each step.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { addApplication, byTestId, click, fill, launch, loadSample, screenshot, shown } from '../lib/app.mjs';

const EDITOR = 'mapping-editor-displayName';

/** The text of the SCIM resource the preview shows. */
async function resourceText(browser) {
  return (await shown(browser, 'preview-resource')).getText();
}

async function waitForResource(browser, needle, what) {
  await browser.waitUntil(async () => (await resourceText(browser)).includes(needle), {
    timeout: 20000,
    timeoutMsg: `the preview never showed ${what} (${needle})`,
  }).catch(async (e) => {
    await screenshot(browser, `failed-${what.replace(/\W+/g, '-')}`);
    throw e;
  });
}

/** Picks the preview user by typing part of the name and choosing the offered option. */
async function previewAs(browser, name, username) {
  await fill(browser, 'preview-user-picker', name.split(' ')[0]);
  let seen = [];
  await browser.waitUntil(
    async () => {
      seen = await browser.execute(() => [...document.querySelectorAll('[role="option"]')].map((o) => o.innerText));
      return seen.some((t) => t.includes(username));
    },
    { timeout: 20000, timeoutMsg: `no option for ${name}` },
  ).catch((e) => {
    throw new Error(`${e.message}; options offered: ${JSON.stringify(seen)}`);
  });
  const option = await browser.$(`//*[@role="option"][contains(., "${username}")]`);
  await option.click();
}

/** Replaces the whole expression in the CodeMirror editor, typing it as a person would. */
async function typeExpression(browser, text) {
  const content = await (await shown(browser, EDITOR)).$('.cm-content');
  await content.click();
  await browser.keys(['Control', 'a']);
  await browser.keys('Backspace');
  // One key at a time, as a person types: WebKit drops keys sent in one burst to the editor.
  for (const ch of text) {
    await browser.keys(ch);
    await browser.pause(25);
  }
  await browser.keys('Escape'); // close the completion list, if it is open
}

describe('attribute mapping editor', () => {
  let app;
  before(async () => { app = await launch(); });
  after(async () => { await app?.close(); });

  it('opens the default mappings of a new 15Five application', async () => {
    const { browser } = app;
    await loadSample(browser);
    await addApplication(browser, '15five', '15Five');
    await click(browser, 'app-tab-mappings');
    await shown(browser, 'mappings-table');
    await shown(browser, 'mapping-row-userName');
    const required = await byTestId(browser, 'mapping-row-userName');
    assert.equal(await required.getAttribute('data-required'), 'true', 'userName is required by 15Five');
    await shown(browser, EDITOR);
    await shown(browser, 'preview-resource');
    await screenshot(browser, '40-mappings-default');
  });

  it('previews a changed displayName for two users before saving', async () => {
    const { browser } = app;
    await typeExpression(browser, "upper(jcUser.lastname) + ', ' + jcUser.firstname");

    await previewAs(browser, 'Ada Lovelace', 'ada.lovelace');
    await waitForResource(browser, '"displayName": "LOVELACE, Ada"', "Ada's new display name");
    await shown(browser, 'mappings-unsaved');
    await screenshot(browser, '41-mappings-preview-ada');

    await previewAs(browser, 'Grace Hopper', 'grace.hopper');
    await waitForResource(browser, '"displayName": "HOPPER, Grace"', "Grace's new display name");
    assert.ok(!(await resourceText(browser)).includes('LOVELACE'), 'the preview is of Grace, not Ada');
    const diff = await shown(browser, 'preview-diff');
    assert.match(await diff.getText(), /displayName/, 'the diff against the saved mappings names displayName');
    await screenshot(browser, '42-mappings-preview-grace');
  });

  it('underlines a syntax error where it occurs and keeps the other mappings evaluating', async () => {
    const { browser } = app;
    await typeExpression(browser, "upper(jcUser.lastname) + ', ' +");
    const editor = await shown(browser, EDITOR);
    const underline = await editor.$('.cm-lintRange-error');
    await underline.waitForExist({ timeout: 20000, timeoutMsg: 'the syntax error was not underlined' });
    const errors = await shown(browser, 'preview-errors');
    await browser.waitUntil(async () => Number(await errors.getAttribute('data-count')) > 0, {
      timeout: 20000,
      timeoutMsg: 'the preview did not report the failing mapping',
    });
    // One failing expression never stops the others: userName is still in the resource.
    await waitForResource(browser, '"userName"', 'the other mappings');
    await screenshot(browser, '43-mappings-syntax-error');
  });
});
