// SAML single sign-on in the real window (issue 4): add 15Five to the sample organization,
// fill its subdomain once and see it in the ACS URL, generate a certificate and export
// certificate.pem and the metadata through the file-dialog seam (openssl reads the file;
// no private key in it), preview the signed assertion for a sample user, import SP
// metadata (a refused file, then a change list), and roll over to a certificate that
// expires soon, which the application page and the applications list then warn about.
//
// WebDriver cannot drive GTK's native file dialogs: the app is started with
// GATEHOUSE_E2E_DIALOG_DIR, so "save" writes <dir>/<default name> and "open" reads
// <dir>/sp-metadata.xml (see src-tauri/src/commands/sso.rs).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { addApplication, byTestId, click, fill, go, launch, loadSample, screenshot, shown, waitForText } from '../lib/app.mjs';

const files = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-e2e-files-'));
const ADA = 'ada.lovelace';

async function waitForFile(file, timeout = 20000) {
  const deadline = Date.now() + timeout;
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`${file} was not written`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return readFileSync(file, 'utf8');
}

async function scrollTo(browser, id) {
  await browser.execute((testId) => document.querySelector(`[data-testid="${testId}"]`)?.scrollIntoView({ block: 'start' }), id);
  // Below the sticky header (56 px) and the sticky Save bar.
  await browser.execute(() => window.scrollBy(0, -140));
}

async function toast(browser, text) {
  await waitForText(browser, text);
}

/** Closes the toasts, so a screenshot shows the page under them. */
async function dismissToasts(browser) {
  await browser.execute(() => {
    for (const b of document.querySelectorAll('.mantine-Notification-closeButton')) b.click();
  });
  await browser.waitUntil(async () => (await browser.execute(() => document.querySelectorAll('.mantine-Notification-root').length)) === 0, {
    timeout: 5000,
    timeoutMsg: 'the toasts did not close',
  });
}

describe('SAML single sign-on', () => {
  let app;
  before(async () => { app = await launch({ env: { GATEHOUSE_E2E_DIALOG_DIR: files } }); });
  after(async () => { await app?.close(); });

  it('adds 15Five to the sample organization and gives Engineering access', async () => {
    const { browser } = app;
    await loadSample(browser);
    await addApplication(browser, '15five', '15Five');
    await click(browser, 'app-tab-groups');
    await click(browser, 'bind-group-Engineering');
    await shown(browser, `effective-user-${ADA}`);
  });

  it('fills the subdomain once and saves: every URL uses it', async () => {
    const { browser } = app;
    await click(browser, 'app-tab-sso');
    await shown(browser, 'sso-form');
    await shown(browser, 'sso-setup-hint');
    await shown(browser, 'sso-certificates-empty');
    await screenshot(browser, '50-sso-empty');

    // Saving with the placeholder unfilled is refused at the placeholder.
    await click(browser, 'sso-save');
    await waitForText(browser, 'Fill in 15Five subdomain');
    const domain = await byTestId(browser, 'sso-placeholder-YOURDOMAIN');
    assert.equal(await domain.getAttribute('aria-invalid'), 'true');
    await scrollTo(browser, 'sso-placeholders');
    await screenshot(browser, '50-sso-save-refused');

    await fill(browser, 'sso-placeholder-YOURDOMAIN', 'acme');
    await waitForText(browser, 'https://acme.15five.com/saml2/acs/');
    await click(browser, 'sso-save');
    await toast(browser, 'SSO configuration saved');
    const status = () => browser.execute(() => document.querySelector('[data-testid="sso-status"]')?.textContent ?? '');
    await browser.waitUntil(async () => (await status()) === 'Saved', {
      timeoutMsg: 'the form did not show Saved',
    });
    const acs = await browser.execute(() => document.querySelector('[data-testid="sso-resolved-acsUrls.0.url"]')?.textContent ?? '');
    assert.match(acs, /https:\/\/acme\.15five\.com\/saml2\/acs\//);
    await scrollTo(browser, 'sso-placeholders');
    await screenshot(browser, '51-sso-filled');
  });

  it('generates a certificate and exports certificate.pem and the metadata through the dialog', async () => {
    const { browser } = app;
    await scrollTo(browser, 'sso-certificates');
    await click(browser, 'sso-cert-generate');
    await shown(browser, 'sso-generate-modal');
    await screenshot(browser, '52-sso-generate');
    await click(browser, 'sso-generate-submit');
    await shown(browser, 'sso-certificate-active');
    await toast(browser, 'Certificate generated');

    await click(browser, 'sso-export-certificate');
    const pemFile = path.join(files, 'certificate.pem');
    const pem = await waitForFile(pemFile);
    await toast(browser, `Saved to ${pemFile}`);
    assert.ok(pem.startsWith('-----BEGIN CERTIFICATE-----'), 'certificate.pem starts with the certificate');
    assert.ok(!pem.includes('PRIVATE KEY'), 'certificate.pem holds no private key');
    const subject = execFileSync('openssl', ['x509', '-noout', '-subject', '-in', pemFile], { encoding: 'utf8' });
    assert.match(subject, /Gatehouse 15Five/);
    await dismissToasts(browser);
    await scrollTo(browser, 'sso-certificates');
    await screenshot(browser, '53-sso-certificate');

    await click(browser, 'sso-export-metadata');
    const xml = await waitForFile(path.join(files, '15five-idp-metadata.xml'));
    assert.match(xml, /IDPSSODescriptor/);
    assert.match(xml, /entityID="https:\/\/acme\.15five\.com"/);
    assert.ok(!xml.includes('PRIVATE KEY'), 'the metadata holds no private key');
  });

  it('previews the signed assertion for a sample user', async () => {
    const { browser } = app;
    await scrollTo(browser, 'sso-preview');
    const picker = await click(browser, 'preview-user-picker');
    await picker.addValue('ada');
    const option = await browser.$('//*[@role="option"][contains(., "Ada Lovelace")]');
    await option.waitForDisplayed({ timeout: 20000 });
    await option.click();
    await click(browser, 'sso-preview-build');
    await shown(browser, 'sso-preview-result');
    const nameId = await (await shown(browser, 'sso-preview-nameid')).getText();
    assert.match(nameId, /ada\.lovelace@northwind\.example/);
    const email = await (await shown(browser, 'sso-preview-attribute-email')).getText();
    assert.match(email, /ada\.lovelace@northwind\.example/);
    assert.match(await (await shown(browser, 'sso-preview-xml')).getText(), /saml2?:Assertion/);
    await dismissToasts(browser);
    await scrollTo(browser, 'sso-preview');
    await screenshot(browser, '54-sso-preview');

    await click(browser, 'sso-preview-save');
    const response = await waitForFile(path.join(files, 'saml-response.xml'));
    assert.match(response, /ada\.lovelace@northwind\.example/);
    assert.ok(!response.includes('PRIVATE KEY'));
  });

  it('refuses a DTD-bearing SP metadata file, then shows what a good one changes', async () => {
    const { browser } = app;
    const spFile = path.join(files, 'sp-metadata.xml');
    writeFileSync(spFile, '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e "boom">]>\n<x>&e;</x>\n');
    await dismissToasts(browser);
    await browser.execute(() => window.scrollTo(0, 0));
    await click(browser, 'sso-import-metadata');
    await shown(browser, 'sso-import-refused');
    await screenshot(browser, '55-sso-import-refused');
    await browser.keys('Escape');
    await browser.waitUntil(async () => !(await (await byTestId(browser, 'sso-import-modal')).isExisting()), {
      timeoutMsg: 'the import window did not close',
    });

    writeFileSync(spFile, `<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://acme.15five.com/saml2/metadata/">
  <md:SPSSODescriptor WantAssertionsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>
    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://acme.15five.com/saml2/acs/" index="0" isDefault="true"/>
    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://acme-eu.15five.com/saml2/acs/" index="1"/>
  </md:SPSSODescriptor>
</md:EntityDescriptor>
`);
    await click(browser, 'sso-import-metadata');
    await shown(browser, 'sso-import-changes');
    assert.match(await (await shown(browser, 'sso-import-after-acsUrls')).getText(), /acme-eu\.15five\.com/);
    await screenshot(browser, '56-sso-import-changes');
    await click(browser, 'sso-import-apply');
    await toast(browser, 'SP metadata imported');
    assert.equal(await (await shown(browser, 'sso-acs-url-1')).getValue(), 'https://acme-eu.15five.com/saml2/acs/');
  });

  it('rolls over to a certificate that expires soon, and warns about it', async () => {
    const { browser } = app;
    await scrollTo(browser, 'sso-certificates');
    await click(browser, 'sso-cert-prepare-next');
    await shown(browser, 'sso-generate-modal');
    await fill(browser, 'sso-generate-days', '5');
    await click(browser, 'sso-generate-submit');
    await shown(browser, 'sso-rollover');
    await shown(browser, 'sso-certificate-next');
    await dismissToasts(browser);
    await scrollTo(browser, 'sso-certificates');
    await screenshot(browser, '57-sso-rollover');
    await click(browser, 'sso-cert-activate-next');
    await shown(browser, 'sso-activate-modal');
    await click(browser, 'sso-activate-confirm');
    await toast(browser, 'Next certificate activated');
    await shown(browser, 'sso-certificate-retired');
    await shown(browser, 'sso-expiry-alert');
    await dismissToasts(browser);
    await browser.execute(() => window.scrollTo(0, 0));
    await screenshot(browser, '58-sso-expiry-warning');

    await go(browser, '/applications');
    const row = await shown(browser, 'application-row-15five');
    await browser.waitUntil(async () => /expires < 7 days/i.test(await row.getText()), {
      timeoutMsg: 'the applications list shows no expiry badge',
    });
    await screenshot(browser, '59-applications-expiry');
  });

  it('reads well in the dark theme', async () => {
    const { browser } = app;
    await click(browser, 'theme-toggle');
    await browser.waitUntil(
      async () => (await browser.execute(() => document.documentElement.getAttribute('data-mantine-color-scheme'))) === 'dark',
      { timeoutMsg: 'theme did not switch to dark' },
    );
    await click(browser, 'application-row-15five');
    await click(browser, 'app-tab-sso');
    await shown(browser, 'sso-form');
    await screenshot(browser, '60-sso-dark');
    await scrollTo(browser, 'sso-certificates');
    await screenshot(browser, '61-sso-dark-certificates');
    await click(browser, 'theme-toggle');
  });
});
