// The directory and applications in the real window: create users and a group, add an
// application through the wizard, bind the group and see the effective users; then the
// first-run sample organization. A screenshot of each step.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { byTestId, click, fill, go, launch, screenshot, shown, waitForText } from '../lib/app.mjs';

async function addUser(browser, { username, email, first, last }) {
  await click(browser, 'user-add');
  await shown(browser, 'user-form');
  await fill(browser, 'user-form-username', username);
  await fill(browser, 'user-form-email', email);
  await fill(browser, 'user-form-firstname', first);
  await fill(browser, 'user-form-lastname', last);
  await click(browser, 'user-form-save');
}

describe('directory and applications', () => {
  let app;
  before(async () => { app = await launch(); });
  after(async () => { await app?.close(); });

  it('creates users, refusing a duplicate username at the field', async () => {
    const { browser } = app;
    await go(browser, '/users');
    const empty = await byTestId(browser, 'first-run-empty');
    if (await empty.isExisting()) {
      await screenshot(browser, '20-first-run');
      await click(browser, 'first-run-empty');
    }
    await addUser(browser, { username: 'ada', email: 'ada@northwind.example', first: 'Ada', last: 'Lovelace' });
    await shown(browser, 'user-row-ada');
    await addUser(browser, { username: 'grace', email: 'grace@northwind.example', first: 'Grace', last: 'Hopper' });
    await shown(browser, 'user-row-grace');
    await addUser(browser, { username: 'ADA', email: 'other@northwind.example', first: 'Another', last: 'Ada' });
    await waitForText(browser, 'already taken');
    await screenshot(browser, '21-user-duplicate-error');
    await browser.keys('Escape');
    await shown(browser, 'users-table');
    await screenshot(browser, '22-users');
  });

  it('creates a group and adds both users as members', async () => {
    const { browser } = app;
    await go(browser, '/groups');
    await click(browser, 'group-add');
    await fill(browser, 'group-form-name', 'Engineering');
    await fill(browser, 'group-form-description', 'Builders of things');
    await click(browser, 'group-form-save');
    await click(browser, 'group-row-Engineering');
    await shown(browser, 'group-detail');
    await click(browser, 'group-add-members');
    const picker = await shown(browser, 'member-picker');
    for (const name of ['ada', 'grace']) {
      await picker.setValue(name);
      await click(browser, `member-option-${name}`);
    }
    await screenshot(browser, '23-member-picker');
    await click(browser, 'member-picker-save');
    await shown(browser, 'group-members-table');
    await waitForText(browser, 'grace@northwind.example');
    await screenshot(browser, '24-group-members');
  });

  it('adds 15Five through the wizard, binds the group and lists the effective users', async () => {
    const { browser } = app;
    await go(browser, '/applications/new');
    await shown(browser, 'app-wizard');
    await click(browser, 'wizard-connector-15five');
    await click(browser, 'wizard-next');
    await fill(browser, 'wizard-label', '15Five Production');
    await browser.waitUntil(async () => (await (await byTestId(browser, 'wizard-idp-suffix')).getValue()) === '15five-production', {
      timeoutMsg: 'the IdP URL value was not suggested from the label',
    });
    await screenshot(browser, '25-wizard-general');
    await click(browser, 'wizard-next');
    await screenshot(browser, '26-wizard-review');
    await click(browser, 'wizard-save');
    await click(browser, 'wizard-configure-now');
    await shown(browser, 'app-detail');
    await waitForText(browser, '/saml2/15five-production');
    await screenshot(browser, '27-application-general');
    await click(browser, 'app-tab-groups');
    await click(browser, 'bind-group-Engineering');
    await browser.waitUntil(async () => (await byTestId(browser, 'bind-group-Engineering')).isSelected(), {
      timeout: 20000,
      timeoutMsg: 'the group was not bound',
    });
    await shown(browser, 'effective-user-ada');
    await shown(browser, 'effective-user-grace');
    const table = await shown(browser, 'effective-users-table');
    assert.match(await table.getText(), /Engineering/, 'each user shows the group that grants access');
    await screenshot(browser, '28-application-effective-users');
    await go(browser, '/applications');
    await shown(browser, 'application-row-15five-production');
    await screenshot(browser, '29-applications');
    await go(browser, '/activity');
    await waitForText(browser, 'application_group_bind');
    await screenshot(browser, '30-activity-directory');
  });
});

describe('first run', () => {
  it('loads the sample organization', async () => {
    const app = await launch();
    try {
      const { browser } = app;
      await go(browser, '/users');
      await click(browser, 'first-run-sample');
      await shown(browser, 'users-table');
      await waitForText(browser, 'Lovelace');
      await screenshot(browser, '31-sample-users');
      await go(browser, '/groups');
      await shown(browser, 'group-row-Engineering');
      await screenshot(browser, '32-sample-groups');
    } finally {
      await app.close();
    }
  });
});
