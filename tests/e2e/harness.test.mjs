// Self-test of the e2e harness: each helper does what it claims, in the real browser.
import assert from 'node:assert/strict';
import { existsSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { launchExtension, unpackedExtensionId } from './harness.mjs';

describe('e2e harness', () => {
  /** @type {Awaited<ReturnType<typeof launchExtension>>} */
  let ext;
  before(async () => {
    ext = await launchExtension();
  });
  after(async () => {
    await ext?.close();
  });

  it('loads the built extension and finds its service worker', async () => {
    assert.match(ext.extensionId, /^[a-p]{32}$/);
    assert.equal(ext.extensionId, unpackedExtensionId(ext.extensionDir));
    const w = await ext.worker();
    assert.equal(await w.evaluate(() => chrome.runtime.id), ext.extensionId);
    assert.equal(await ext.isWorkerRunning(), true);
  });

  it('kills the service worker for real, and worker() restarts a fresh one', async () => {
    await ext.setStorage({ 'e2e:kept': 'across restarts' });
    await (await ext.worker()).evaluate(() => {
      globalThis.e2eMark = 'before kill';
    });

    assert.equal(await ext.killWorker(), true);
    assert.equal(await ext.isWorkerRunning(), false);

    const w = await ext.worker();
    assert.equal(await ext.isWorkerRunning(), true);
    // A new JavaScript realm: the global set before the kill is gone, storage is not.
    assert.equal(await w.evaluate(() => globalThis.e2eMark ?? 'fresh'), 'fresh');
    assert.equal((await ext.getStorage())['e2e:kept'], 'across restarts');
    await ext.clearStorage();
  });

  it('opens the popup page', async () => {
    const page = await ext.openPage('popup.html');
    assert.equal(page.url(), `chrome-extension://${ext.extensionId}/popup.html`);
    assert.equal(await page.evaluate(() => document.readyState), 'complete');
    assert.ok(
      ext.networkLog.some((r) => r.url === `${ext.origin}popup.html`),
      'the popup request is in the network log',
    );
    const file = await ext.screenshot(page, 'harness-popup');
    assert.ok(statSync(file).size > 0);
    rmSync(file);
    await page.close();
  });

  it('fires an alarm in the worker and waits for it', async () => {
    await (await ext.worker()).evaluate(() => {
      chrome.alarms.onAlarm.addListener((alarm) => chrome.storage.local.set({ 'e2e:fired': alarm.name }));
    });
    await ext.fireAlarm('e2e-probe', 300);
    assert.equal((await ext.getStorage())['e2e:fired'], 'e2e-probe');
    assert.equal(
      (await ext.getAlarms()).find((a) => a.name === 'e2e-probe'),
      undefined,
    );
    assert.equal(typeof (await ext.getNotifications()), 'object');
    await ext.clearStorage();
  });

  it('fires an alarm at a sleeping worker, and the alarm wakes it', async () => {
    const w = await ext.worker();
    await w.evaluate(() => {
      globalThis.e2eMark = 'before';
    });
    await ext.fireAlarm('e2e-asleep', 300, { asleep: true });
    // Woken by the alarm: a fresh worker (no mark), running again.
    assert.equal(await ext.isWorkerRunning(), true);
    assert.equal(await (await ext.worker()).evaluate(() => globalThis.e2eMark ?? 'fresh'), 'fresh');
    assert.equal(
      (await ext.getAlarms()).find((a) => a.name === 'e2e-asleep'),
      undefined,
    );
  });

  it('made no request outside the extension', () => {
    assert.deepEqual(ext.externalRequests(), []);
  });
});

describe('e2e harness network log', () => {
  let ext;
  let server;
  let hits = [];
  before(async () => {
    server = http.createServer((req, res) => {
      hits.push(req.url);
      res.end('ok');
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    ext = await launchExtension();
  });
  after(async () => {
    await ext?.close();
    server?.close();
  });

  it('records external requests from pages and from the service worker', async () => {
    hits = [];
    const base = `http://127.0.0.1:${server.address().port}`;
    await (await ext.worker()).evaluate((url) => fetch(url).catch(() => {}), `${base}/from-worker`);
    const page = await ext.openPage('popup.html');
    await page.evaluate(async (url) => {
      await fetch(url, { mode: 'no-cors' }).catch(() => {});
      await fetch('http://example.com/never-resolves', { mode: 'no-cors' }).catch(() => {});
    }, `${base}/from-page`);

    const external = ext.externalRequests();
    assert.deepEqual(external.map((r) => `${r.url} ${r.fromServiceWorker ? 'worker' : 'page'}`).sort(), [
      `${base}/from-page page`,
      `${base}/from-worker worker`,
      'http://example.com/never-resolves page',
    ]);
    // The loopback requests really went out; host names never resolve in the test browser.
    assert.deepEqual(hits.sort(), ['/from-page', '/from-worker']);
    await page.close();
  });
});

describe('e2e harness setup', () => {
  it('fails with a clear message when the extension is not built', async () => {
    await assert.rejects(launchExtension({ extensionDir: 'does/not/exist' }), /No built extension at/);
    assert.equal(existsSync('does'), false);
  });
});

describe('e2e harness relaunch', () => {
  /** @type {Awaited<ReturnType<typeof launchExtension>>} */
  let ext;
  after(async () => {
    await ext?.close();
  });

  it('starts Chromium under the TZ it is given, and again on the same profile under another', async () => {
    ext = await launchExtension({ env: { TZ: 'Asia/Tokyo' } });
    const zone = async () => {
      const page = await ext.openPage('manifest.json');
      const name = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
      await page.close();
      return name;
    };
    assert.equal(await zone(), 'Asia/Tokyo');
    const { extensionId } = ext;
    await ext.setStorage({ 'e2e:kept': 'across a relaunch' });

    ext = await ext.relaunch({ env: { TZ: 'America/Lima' } });
    assert.equal(await zone(), 'America/Lima');
    assert.equal(ext.extensionId, extensionId, 'the same extension');
    assert.equal((await ext.getStorage())['e2e:kept'], 'across a relaunch', 'with what it stored');
  });
});
