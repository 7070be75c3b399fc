// Starts the real Gatehouse binary in a real window through tauri-driver (WebKitWebDriver)
// and hands specs a WebdriverIO browser. Each session gets a private data folder.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { remote } from 'webdriverio';

const BIN = process.env.GATEHOUSE_APP_BIN;
const SHOTS = process.env.GATEHOUSE_E2E_SCREENSHOTS ?? path.resolve('tests/e2e/screenshots');

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function waitForPort(port, ms = 20000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const ok = await new Promise((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => { s.end(); resolve(true); });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`tauri-driver did not listen on ${port}`);
}

export function tempDataDir(label = 'data') {
  return path.join(mkdtempSync(path.join(os.tmpdir(), 'gatehouse-e2e-')), label);
}

/**
 * Launches the app on `dataDir` (a fresh temporary folder by default). `env` adds
 * environment variables for the app: tauri-driver starts it with its own environment, so
 * they are given to tauri-driver (e.g. `GATEHOUSE_E2E_DIALOG_DIR`, the file-dialog seam).
 */
export async function launch({ dataDir = tempDataDir(), env = {} } = {}) {
  if (!BIN) throw new Error('GATEHOUSE_APP_BIN must name the built app (scripts/e2e sets it)');
  const port = await freePort();
  const nativePort = await freePort();
  const driver = spawn('tauri-driver', ['--port', String(port), '--native-port', String(nativePort)], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...env },
  });
  await waitForPort(port);
  const browser = await remote({
    hostname: '127.0.0.1',
    port,
    logLevel: 'error',
    connectionRetryCount: 1,
    capabilities: {
      'tauri:options': { application: BIN, args: ['--data-dir', dataDir] },
      'wdio:enforceWebDriverClassic': true,
    },
  });
  await browser.setTimeout({ implicit: 0 });
  await calmAnimations(browser);
  return {
    browser,
    dataDir,
    async close() {
      const deadline = new Promise((resolve) => setTimeout(resolve, 15000).unref());
      try {
        await Promise.race([browser.deleteSession(), deadline]);
      } finally {
        driver.kill();
        // The app must not outlive its session: an orphaned app keeps the test runner's
        // output pipe open and the whole run waits for it forever.
        spawnSync('pkill', ['-f', '--', `--data-dir ${dataDir}`]);
      }
    },
  };
}

/**
 * Turns off CSS transitions and animations, so a click never lands on an element that is
 * still sliding into place (Mantine's modals and popovers animate in). Behaviour is unchanged.
 */
async function calmAnimations(browser) {
  await browser.waitUntil(async () => browser.execute(() => document.readyState === 'complete'), { timeout: 30000 });
  await browser.execute(() => {
    const style = document.createElement('style');
    style.dataset.e2e = 'calm';
    style.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
    document.head.appendChild(style);
  });
}

/** Saves a screenshot once the window has painted the current state. */
export async function screenshot(browser, name) {
  mkdirSync(SHOTS, { recursive: true });
  await browser.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
  await browser.pause(150);
  await browser.saveScreenshot(path.join(SHOTS, `${name}.png`));
}

export const byTestId = (browser, id) => browser.$(`[data-testid="${id}"]`);

/** Waits for an element with the test id to be displayed and returns it. */
export async function shown(browser, id, timeout = 20000) {
  const el = await byTestId(browser, id);
  await el.waitForDisplayed({ timeout, timeoutMsg: `[data-testid=${id}] not displayed within ${timeout} ms` });
  return el;
}

/** Navigates by the app's hash router. */
export async function go(browser, route) {
  await browser.execute((r) => { window.location.hash = r; }, `#${route}`);
}

/** Waits until the page's text contains `text`. */
export async function waitForText(browser, text, timeout = 20000) {
  await browser.waitUntil(
    async () => (await browser.execute(() => document.body.innerText)).includes(text),
    { timeout, timeoutMsg: `page never showed "${text}"` },
  );
}

/**
 * Replaces an input's text the way a person does (select all, delete, type), so React's
 * controlled inputs see every change; WebDriver's clear() does not fire input events.
 */
export async function fill(browser, id, text) {
  const el = await shown(browser, id);
  await el.click();
  await browser.keys(['Control', 'a']);
  await browser.keys('Backspace');
  if (text) await el.addValue(text);
  return el;
}

/**
 * Clicks the element with the test id once it is displayed. When WebKit reports the click
 * as intercepted or the element as not interactable (an overlay still closing, a Mantine
 * checkbox whose real input is visually hidden), it retries, and finally clicks through
 * the DOM, which is what a person's click on the visible control does.
 */
export async function click(browser, id, timeout = 20000) {
  const el = await shown(browser, id, timeout);
  const deadline = Date.now() + 5000;
  for (;;) {
    try {
      await el.click();
      return el;
    } catch (err) {
      if (!/intercept|interactable|stale/i.test(String(err?.message)) || Date.now() > deadline) {
        await browser.execute((testId) => document.querySelector(`[data-testid="${testId}"]`).click(), id);
        return el;
      }
      await browser.pause(200);
    }
  }
}

/** Loads the sample organization from the first-run panel of a fresh database. */
export async function loadSample(browser) {
  await go(browser, '/users');
  await click(browser, 'first-run-sample');
  await shown(browser, 'users-table');
  await waitForText(browser, 'Lovelace');
}

/** Adds an application through the wizard with the suggested IdP URL, and opens its page. */
export async function addApplication(browser, connectorId, label) {
  await go(browser, '/applications/new');
  await click(browser, `wizard-connector-${connectorId}`);
  await click(browser, 'wizard-next');
  await fill(browser, 'wizard-label', label);
  await click(browser, 'wizard-next');
  await click(browser, 'wizard-save');
  await click(browser, 'wizard-configure-now');
  await shown(browser, 'app-detail');
}
