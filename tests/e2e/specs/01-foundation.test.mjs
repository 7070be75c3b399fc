// The console's foundation in the real window: every page, a connector's detail view,
// settings with a field error and a save that shows up in the activity log, the dark
// theme, and the start-up error screen for a newer database and an unusable data folder.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { byTestId, fill, go, launch, screenshot, shown, tempDataDir, waitForText } from '../lib/app.mjs';

describe('console shell', () => {
  let app;
  before(async () => { app = await launch(); });
  after(async () => { await app?.close(); });

  it('opens on Applications with the left navigation', async () => {
    const { browser } = app;
    for (const nav of ['users', 'groups', 'applications', 'catalog', 'activity', 'settings']) {
      await shown(browser, `nav-${nav}`);
    }
    await waitForText(browser, 'Applications');
    assert.match(await browser.execute(() => window.location.hash), /applications/);
    await screenshot(browser, '01-applications-empty');
  });

  it('visits Users and Groups', async () => {
    const { browser } = app;
    await (await shown(browser, 'nav-users')).click();
    await waitForText(browser, 'Users');
    await screenshot(browser, '02-users');
    await (await shown(browser, 'nav-groups')).click();
    await waitForText(browser, 'Groups');
    await screenshot(browser, '03-groups');
  });

  it('lists, searches and opens connectors in the catalog', async () => {
    const { browser } = app;
    await (await shown(browser, 'nav-catalog')).click();
    for (const id of ['15five', 'alexishr', 'hoxhunt', 'custom-saml', 'custom-scim']) {
      await shown(browser, `catalog-card-${id}`);
    }
    await screenshot(browser, '04-catalog');
    await fill(browser, 'catalog-search', 'hox');
    await browser.waitUntil(async () => !(await (await byTestId(browser, 'catalog-card-15five')).isExisting()), {
      timeoutMsg: 'search did not filter out 15Five',
    });
    assert.ok(await (await byTestId(browser, 'catalog-card-hoxhunt')).isDisplayed());
    await fill(browser, 'catalog-search', '');
    await (await shown(browser, 'catalog-card-15five')).click();
    await shown(browser, 'connector-detail-15five');
    await screenshot(browser, '05-connector-15five-overview');
    await (await shown(browser, 'tab-mappings')).click();
    await waitForText(browser, 'toScimEmails(jcUser.email)');
    await screenshot(browser, '06-connector-15five-mappings');
    await (await shown(browser, 'tab-sso')).click();
    await waitForText(browser, 'YOURDOMAIN');
    await screenshot(browser, '07-connector-15five-sso');
    await (await shown(browser, 'tab-setup')).click();
    await screenshot(browser, '08-connector-15five-setup');
  });

  it('refuses a bad IdP base URL at the field, then saves and records the change', async () => {
    const { browser } = app;
    await (await shown(browser, 'nav-settings')).click();
    const org = await fill(browser, 'settings-org-name', 'Northwind Traders');
    await fill(browser, 'settings-idp-base-url', 'sso.northwind.example');
    await (await shown(browser, 'settings-save')).click();
    await waitForText(browser, 'must be an absolute URL');
    assert.equal(await org.getValue(), 'Northwind Traders', 'input is kept after an error');
    await screenshot(browser, '09-settings-field-error');
    await fill(browser, 'settings-idp-base-url', 'https://sso.northwind.example');
    await (await shown(browser, 'settings-save')).click();
    await waitForText(browser, 'Settings saved');
    const navOrg = await browser.execute(() => document.querySelector('[data-testid="nav-org-name"]')?.textContent ?? '');
    assert.match(navOrg, /Northwind Traders/, 'the navigation shows the new organization name');
    await screenshot(browser, '10-settings-saved');
    await (await shown(browser, 'nav-activity')).click();
    await shown(browser, 'activity-table');
    await waitForText(browser, 'settings_update');
    await screenshot(browser, '11-activity');
  });

  it('switches to the dark theme', async () => {
    const { browser } = app;
    await (await shown(browser, 'theme-toggle')).click();
    await browser.waitUntil(
      async () => (await browser.execute(() => document.documentElement.getAttribute('data-mantine-color-scheme'))) === 'dark',
      { timeoutMsg: 'theme did not switch to dark' },
    );
    await go(browser, '/catalog');
    await shown(browser, 'catalog-card-15five');
    await screenshot(browser, '12-catalog-dark');
    await (await shown(browser, 'theme-toggle')).click();
  });
});

describe('start-up errors', () => {
  it('explains a database written by a newer Gatehouse', async () => {
    const dataDir = tempDataDir();
    mkdirSync(dataDir, { recursive: true });
    execFileSync('python3', ['-c', `
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
c.execute("INSERT INTO schema_migrations VALUES (999, 'future', '2030-01-01')")
c.commit()`, path.join(dataDir, 'gatehouse.sqlite3')]);
    const app = await launch({ dataDir });
    try {
      const msg = await shown(app.browser, 'startup-error-message');
      assert.match(await msg.getText(), /newer version of Gatehouse/i);
      await screenshot(app.browser, '13-startup-newer-database');
    } finally {
      await app.close();
    }
  });

  it('explains an unusable data folder', async () => {
    const parent = tempDataDir('not-a-folder');
    mkdirSync(path.dirname(parent), { recursive: true });
    writeFileSync(parent, 'this is a file, so no folder can be created below it');
    const app = await launch({ dataDir: path.join(parent, 'data') });
    try {
      const msg = await shown(app.browser, 'startup-error-message');
      assert.match(await msg.getText(), /cannot use the data folder/i);
      await screenshot(app.browser, '14-startup-unusable-folder');
    } finally {
      await app.close();
    }
  });
});
