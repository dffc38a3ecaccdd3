// The static deployment: the release build under any sub-path, its Content-Security-Policy, and
// the service worker that keeps the whole site working offline and updates it cleanly.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serveDist, launch, openPage, ready, DIST, artifact } from './harness.mjs';

let browser;
const servers = [];
after(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
});

async function start(base, root) {
  const server = await serveDist(base, root);
  servers.push(server);
  browser ??= await launch();
  return server;
}

test('dist/ carries a strict Content-Security-Policy', () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  assert.ok(csp, 'index.html has a CSP meta');
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
  assert.doesNotMatch(csp, /https?:/, 'no third-party origin is allowed');
});

for (const base of ['/go-deploy-playground/', '/a/b/']) {
  test(`works under ${base}: deep links, no CSP violation, no foreign request`, async () => {
    const server = await start(base);
    const { page, context, errors, requests } = await openPage(browser);
    await page.goto(server.url + '#/en/go-binaries/static-binary');
    await ready(page);
    await page.waitForSelector('#sec-static-binary');
    for (const hash of ['#/ja/docker-multistage', '#/en/ci-cd', '#/ja/faq', '#/en/']) {
      await page.goto(server.url + hash);
      await ready(page);
    }
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    assert.deepEqual(errors, []);
    assert.deepEqual(requests.filter((u) => !u.startsWith(server.origin)), []);
    assert.ok(requests.every((u) => new URL(u).pathname.startsWith(base)), 'every request stays under the base path');
    await context.close();
  });
}

test('after one visit the site works offline, and a new deploy updates after the learner reloads', async () => {
  // A private copy of dist/, so the "new deploy" below cannot disturb other tests.
  const v1 = fs.mkdtempSync(path.join(os.tmpdir(), 'gdp-v1-'));
  fs.cpSync(DIST, v1, { recursive: true });
  const server = await start('/go-deploy-playground/', v1);
  const { page, context, errors } = await openPage(browser, { locale: 'en-US' });

  await page.goto(server.url + '#/en/go-binaries');
  await ready(page);
  await page.waitForSelector('#sw-status[data-state="offline-ready"]', { timeout: 15000 });
  assert.match(await page.locator('#sw-status').textContent(), /Available offline/);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  // Offline: the server is gone and the browser reports no network.
  server.state.offline = true;
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  await page.goto(server.url + '#/en/docker-multistage');
  await page.waitForSelector('article[data-chapter="docker-multistage"]');
  // A playground works offline: the engine is in the WebAssembly, nothing asks a server.
  const production = page.locator('#pg-docker-multistage-production-code');
  await production.waitFor();
  const verdict = page.locator('.pg[data-playground="production"] .pg-verdict');
  const before = await verdict.textContent();
  await production.fill((await production.inputValue()).replace('FROM gcr.io/distroless/static-debian12:nonroot', 'FROM golang:1.22'));
  await page.waitForFunction(([sel, old]) => document.querySelector(sel)?.textContent !== old,
    ['.pg[data-playground="production"] .pg-verdict', before]);
  assert.match(await verdict.textContent(), /\d{3}(\.\d)? MB/, 'a golang:1.22 runtime image is hundreds of MB');
  await page.goto(server.url + '#/ja/ldflags');
  await page.waitForSelector('article[data-chapter="ldflags"]');
  // The app still works: the theme toggle and the language switch respond.
  await page.locator('.theme-toggle').click();
  await page.locator('.lang-switch a[lang="en"]').click();
  await page.waitForFunction(() => location.hash === '#/en/ldflags');
  await page.screenshot({ path: artifact('offline-ldflags.png') });

  // A new deploy: same site, one changed file, so a new service worker version.
  const v2 = fs.mkdtempSync(path.join(os.tmpdir(), 'gdp-v2-'));
  fs.cpSync(v1, v2, { recursive: true });
  fs.appendFileSync(path.join(v2, 'index.html'), '\n<!-- deploy 2 -->\n');
  execFileSync('python3', ['scripts/post_build.py', v2], { stdio: 'ignore' });
  const version = (dir) => fs.readFileSync(path.join(dir, 'sw.js'), 'utf8').match(/VERSION = "(\w+)"/)[1];
  assert.notEqual(version(v2), version(v1));

  server.setRoot(v2);
  server.state.offline = false;
  await context.setOffline(false);
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  await page.waitForSelector('#sw-status[data-state="update"]', { timeout: 15000 });
  assert.match(await page.locator('#sw-status').textContent(), /A new version is available/);
  // Nothing changes behind the learner's back: the page is still served by the old version.
  const controllerVersion = () =>
    page.evaluate(
      () =>
        new Promise((resolve) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = (e) => resolve(e.data);
          navigator.serviceWorker.controller.postMessage('version', [channel.port2]);
        })
    );
  assert.equal(await controllerVersion(), version(v1));

  await Promise.all([page.waitForEvent('load'), page.locator('#sw-status button').click()]);
  await ready(page);
  // The old cache is gone, the new version serves the page.
  await page.waitForFunction((v) => caches.keys().then((k) => k.length === 1 && k[0] === `gdp-${v}`), version(v2));
  assert.equal(await controllerVersion(), version(v2));
  assert.deepEqual(errors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED') && !e.includes('Failed to load resource')), []);
  await context.close();
});

test('make dist also wrote a versioned classroom zip that serves as it is', async () => {
  const target = path.join(DIST, '..', 'target');
  const zips = fs
    .readdirSync(target)
    .filter((f) => /^go-deploy-playground-[\d.]+-\w+\.zip$/.test(f))
    .map((f) => ({ f, t: fs.statSync(path.join(target, f)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  assert.ok(zips.length > 0, 'no zip in target/: make dist writes one');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gdp-zip-'));
  execFileSync('unzip', ['-q', path.join(target, zips[0].f), '-d', dir]);
  const [folder] = fs.readdirSync(dir);
  assert.equal(`${folder}.zip`, zips[0].f, 'the zip holds one folder named like the zip');
  const root = path.join(dir, folder);
  const readme = fs.readFileSync(path.join(root, 'README.txt'), 'utf8');
  assert.match(readme, /python3 -m http\.server 8000/);
  assert.match(readme, /インターネット接続は不要です/);
  // Same files as dist/, plus the README.
  const files = (d) => fs.readdirSync(d, { recursive: true }).filter((f) => fs.statSync(path.join(d, f)).isFile()).sort();
  assert.deepEqual(files(root).filter((f) => f !== 'README.txt'), files(DIST));
  const server = await start('/', root);
  const { page, context, errors, requests } = await openPage(browser);
  await page.goto(server.url + '#/ja/docker-multistage');
  await ready(page);
  await page.locator('.pg[data-playground="production"] .pg-verdict').waitFor();
  assert.deepEqual(errors, []);
  assert.deepEqual(requests.filter((u) => !u.startsWith(server.origin)), []);
  await context.close();
});
