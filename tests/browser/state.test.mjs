// The learner's state on the release build: edits survive a reload and are kept per language;
// a version-1 value is migrated; a corrupt value is moved aside (and typing does not destroy
// it); storage unavailable or full leaves a working playground with a notice; share links (made
// by the app and checked with node's zlib, made by zlib and opened by the app, cut, hostile)
// never overwrite the recipient's work until "Keep"; export → reset everything → import
// restores; the cost of saving on every keystroke; screenshots of the share view and the
// progress page.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { serveDist, launch, openPage, ready, artifact } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await serveDist('/');
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const CH = 'docker-multistage';
const ID = 'production';
const PG = `.pg[data-playground="${ID}"]`;
const AREA = `#pg-${CH}-${ID}-code`;
const key = (lang) => `gdp.v2.pg.${lang}.${CH}.${ID}`;
const V1 = `gdp.v1.pg.${CH}.${ID}`;
/** The stored envelope, with the length in UTF-8 bytes as the app writes it. */
const envelope = (v, text) => `v${v}:${Buffer.byteLength(text, 'utf8')}:${text}`;

async function open(hash, options) {
  const opened = await openPage(browser, options);
  await opened.page.goto(server.url + hash);
  await ready(opened.page);
  return opened;
}

async function goto(page, hash) {
  await page.goto(server.url + hash);
  await ready(page);
}

const stored = (page, k) => page.evaluate((k) => localStorage.getItem(k), k);

/** Appends `suffix` to the editor's text as typed input (one input event). */
async function append(page, suffix) {
  const area = page.locator(AREA);
  await area.waitFor();
  await area.fill((await area.inputValue()) + suffix);
}

/** Decodes a share link with node's zlib: the app's links are standard deflate-raw. */
function decodeWithZlib(link) {
  const data = link.split('#/share/v1/')[1];
  return JSON.parse(zlib.inflateRawSync(Buffer.from(data, 'base64url')).toString('utf8'));
}

/** A share link written by zlib (level 9, a dynamic block for this much text). */
function zlibLink(payload) {
  const json = Buffer.from(JSON.stringify(payload), 'utf8');
  return `#/share/v1/${zlib.deflateRawSync(json, { level: 9 }).toString('base64url')}`;
}

test('an edit is saved within a second, survives a reload, and each language keeps its own', async () => {
  const { page, context, errors } = await open(`#/en/${CH}/${ID}`);
  await append(page, '\n# en edit');
  await page.waitForFunction((k) => localStorage.getItem(k)?.includes('# en edit'), key('en'), { timeout: 1000 });
  assert.match(await stored(page, key('en')), /^v2:\d+:# syntax=docker/);
  await page.reload();
  await ready(page);
  await page.waitForFunction((sel) => document.querySelector(sel)?.value.endsWith('# en edit'), AREA);

  // The other language: its own starting code, not the English edit.
  await page.locator('.lang-switch a[hreflang="ja"]').click();
  await page.waitForFunction((sel) => document.querySelector(sel)?.value.includes('ビルドステージ'), AREA);
  assert.ok(!(await page.locator(AREA).inputValue()).includes('# en edit'));
  await append(page, '\n# 日本語の編集 🐳');
  await page.waitForFunction((k) => localStorage.getItem(k)?.includes('日本語の編集 🐳'), key('ja'));
  assert.ok((await stored(page, key('en'))).endsWith('# en edit'), 'English untouched');

  await page.locator('.lang-switch a[hreflang="en"]').click();
  await page.waitForFunction((sel) => document.querySelector(sel)?.value.endsWith('# en edit'), AREA);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a version-1 value becomes both languages\' text and its key goes', async () => {
  const { page, context, errors } = await open('#/en/');
  const text = 'FROM golang:1.22 AS build\n# saved by version 1 — 日本語も 🐳\nRUN go build -o /app .\n';
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [V1, envelope(1, text)]);
  await goto(page, `#/en/${CH}/${ID}`);
  await page.waitForFunction(([sel, t]) => document.querySelector(sel)?.value === t, [AREA, text]);
  assert.equal(await stored(page, V1), null);
  assert.equal(await stored(page, key('en')), envelope(2, text));
  assert.equal(await stored(page, key('ja')), envelope(2, text));
  await goto(page, `#/ja/${CH}/${ID}`);
  await page.waitForFunction(([sel, t]) => document.querySelector(sel)?.value === t, [AREA, text]);
  assert.equal(await page.locator(`${PG} .pg-notice`).count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a corrupt value is moved aside before anything writes its key, and the notice says where', async () => {
  const { page, context, errors } = await open('#/en/');
  const damaged = 'v2:9999:FROM golang:1.22 — my lost work';
  const aside = `gdp.corrupt.1.${key('en')}`;
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key('en'), damaged]);
  await goto(page, `#/en/${CH}/${ID}`);
  const notice = page.locator(`${PG} .pg-notice`);
  await notice.waitFor();
  assert.match(await notice.textContent(), /could not be read/);
  assert.equal(await notice.locator('.pg-notice-key').textContent(), aside);
  assert.equal(await stored(page, aside), damaged);
  assert.equal(await stored(page, key('en')), null);
  // The starting code is shown, and typing saves under the freed key without touching the copy.
  const start = await page.locator(AREA).inputValue();
  assert.ok(start.includes('build stage') && !start.includes('my lost work'), start);
  await append(page, '\n# new work');
  await page.waitForFunction((k) => localStorage.getItem(k)?.includes('# new work'), key('en'));
  assert.equal(await stored(page, aside), damaged);
  await notice.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: artifact('state-corrupt-notice.png'), clip: await notice.boundingBox() });
  // "Your progress" lists it with its content.
  await notice.locator('a').click();
  await page.waitForSelector('.progress-set-aside');
  assert.equal(await page.locator('.progress-set-aside .progress-key').textContent(), aside);
  assert.equal(await page.locator('.progress-set-aside .progress-value').textContent(), damaged);
  assert.deepEqual(errors, []);
  await context.close();
});

test('without storage the playground still works and says its edits are not saved', async () => {
  for (const [name, script] of [
    ['unavailable', () => Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } })],
    ['full', () => { Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); }; }],
  ]) {
    const opened = await openPage(browser);
    const { page, context, errors } = opened;
    await page.addInitScript(script);
    await goto(page, `#/en/${CH}/${ID}`);
    await page.locator(AREA).waitFor();
    const verdict = page.locator(`${PG} .pg-verdict`);
    const before = await verdict.textContent();
    // Break the build: the simulation still answers.
    await page.locator(AREA).fill('FROM golang:1.22\nRUN go build -o /app .\nCOPY --from=nowhere /x /y\n');
    await page.waitForFunction(([sel, b]) => document.querySelector(sel)?.textContent !== b, [`${PG} .pg-verdict`, before]);
    const notice = page.locator(`${PG} .pg-notice`);
    await notice.waitFor();
    assert.match(await notice.textContent(), /cannot be saved in this browser/, name);
    if (name === 'unavailable') {
      await goto(page, '#/en/progress');
      await page.waitForSelector('.progress-no-storage');
      assert.ok(await page.locator('.progress-export').isDisabled());
    }
    assert.deepEqual(errors, [], name);
    await context.close();
  }
});

test('a share link carries the sender\'s text and never overwrites the recipient\'s until Keep', async () => {
  // The sender edits and shares.
  const sender = await open(`#/en/${CH}/${ID}`);
  await sender.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await append(sender.page, '\n# from the sender 🐳 日本語');
  const senderText = await sender.page.locator(AREA).inputValue();
  await sender.page.locator(`${PG} .pg-share-toggle`).click();
  const linkField = sender.page.locator(`${PG} .pg-share-link`);
  await linkField.waitFor();
  const link = await linkField.inputValue();
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#\/share\/v1\/[A-Za-z0-9_-]+$/);
  // Standard deflate-raw: node's zlib reads what the app wrote.
  const payload = decodeWithZlib(link);
  assert.deepEqual(
    { kind: payload.kind, chapter: payload.chapter, id: payload.id, lang: payload.lang, text: payload.text },
    { kind: 'playground', chapter: CH, id: ID, lang: 'en', text: senderText },
  );
  await sender.page.locator(`${PG} .pg-share-copy`).click();
  await sender.page.waitForSelector(`${PG} .pg-share-status`);
  assert.equal(await sender.page.evaluate(() => navigator.clipboard.readText()), link);
  // The link follows later edits while the panel is open.
  await append(sender.page, '\n# later');
  await sender.page.waitForFunction(([sel, old]) => document.querySelector(sel)?.value !== old, [`${PG} .pg-share-link`, link]);
  assert.match(decodeWithZlib(await linkField.inputValue()).text, /# later$/);
  await sender.page.screenshot({ path: artifact('state-share-panel.png'), clip: await sender.page.locator(`${PG} .pg-share`).boundingBox() });
  assert.deepEqual(sender.errors, []);
  await sender.context.close();

  // The recipient has work of their own.
  const recipient = await open(`#/en/${CH}/${ID}`);
  const { page, errors, requests } = recipient;
  await append(page, '\n# my own work');
  await page.waitForFunction((k) => localStorage.getItem(k)?.includes('# my own work'), key('en'));
  const mine = await stored(page, key('en'));
  await page.goto(link);
  await page.waitForSelector('.share-view[data-share="production"]');
  await page.waitForFunction(([sel, t]) => document.querySelector(sel)?.value === t, [AREA, senderText]);
  // Live: typing changes the results, but nothing is saved.
  await append(page, '\n# tried in the share view');
  await page.waitForTimeout(300);
  assert.equal(await stored(page, key('en')), mine);
  // "Open my own version" shows the recipient's text.
  await page.locator('.share-own').click();
  await page.waitForFunction((sel) => document.querySelector(sel)?.value.endsWith('# my own work'), AREA);
  // Back to the link; Keep asks first, Cancel keeps everything.
  await page.goto(link);
  await page.waitForSelector('.share-keep');
  await page.locator('.share-keep').click();
  await page.locator('.share-keep-cancel').click();
  assert.equal(await stored(page, key('en')), mine);
  await page.locator('.share-keep').click();
  assert.match(await page.locator('.share-confirm').textContent(), /Replace your saved text/);
  await page.locator('.share-keep-yes').click();
  await page.waitForFunction(() => document.querySelector('.share-status')?.textContent.includes('Saved as your version'));
  assert.equal(await stored(page, key('en')), envelope(2, senderText));
  await page.locator('.share-status a').click();
  await page.waitForFunction(([sel, t]) => document.querySelector(sel)?.value === t, [AREA, senderText]);
  // Nothing of the link ever reaches a server: every request is the site's own files.
  assert.ok(requests.every((u) => u.startsWith(server.origin) && !u.includes('share')), requests.join('\n'));
  assert.deepEqual(errors, []);
  await recipient.context.close();
});

test('a playground with two texts shares both (GoReleaser config and commit list)', async () => {
  const { page, context, errors } = await open('#/en/goreleaser');
  const gr = '.pg[data-playground="goreleaser-config"]';
  const commits = page.locator(`${gr} .gr-commits-input`);
  await commits.waitFor();
  const edited = `${await commits.inputValue()}\nfeat: shared commit 🚀`;
  await commits.fill(edited);
  await page.locator(`${gr} .pg-share-toggle`).click();
  const link = await page.locator(`${gr} .pg-share-link`).inputValue();
  const payload = decodeWithZlib(link);
  assert.equal(payload.id, 'goreleaser-config');
  assert.deepEqual(Object.keys(payload.files), ['goreleaser-commits']);
  assert.equal(payload.files['goreleaser-commits'], edited);
  // Opened elsewhere, both texts come back.
  const other = await open('#/en/');
  await other.page.goto(link);
  await other.page.waitForFunction(([sel, t]) => document.querySelector(sel)?.value === t, [`${gr} .gr-commits-input`, edited]);
  assert.equal(await other.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('gdp.v2')).length), 0, 'nothing saved');
  assert.deepEqual([...errors, ...other.errors], []);
  await other.context.close();
  await context.close();
});

test('links written by zlib open; cut and hostile links say why, in both languages', async () => {
  const { page, context, errors } = await open('#/en/');
  const text = `${'# comment line written by zlib, repeated to get a dynamic block\n'.repeat(8)}FROM golang:1.22\nRUN go build -o /app . # 🚀\n`;
  const link = zlibLink({ kind: 'playground', chapter: CH, id: ID, lang: 'ja', text, future_field: { ignored: true } });
  await goto(page, link);
  await page.waitForFunction(([sel, t]) => document.querySelector(sel)?.value === t, [AREA, text]);
  assert.match(await page.locator('.share-from').textContent(), /Japanese guide/);

  const good = zlibLink({ kind: 'playground', chapter: CH, id: ID, lang: 'en', text: 'FROM scratch\n' });
  const cases = [
    ['cut', good.slice(0, -6), /incomplete/, /途中で切れています/],
    ['NUL', zlibLink({ kind: 'playground', chapter: CH, id: ID, lang: 'en', text: 'a\u0000b' }), /not text/, /テキストではない/],
    ['newer', '#/share/v2/abc', /newer version/, /新しい版/],
    ['bomb', zlibLink({ kind: 'playground', chapter: CH, id: ID, lang: 'en', text: 'x'.repeat(1_200_000) }), /more than 1 MB/, /1 MB/],
    ['garbage', '#/share/v1/%%%', /damaged/, /壊れています/],
  ];
  for (const [name, hash, en, ja] of cases) {
    await goto(page, hash);
    const box = page.locator('.share-error-box[role="alert"]');
    await box.waitFor();
    const message = await box.textContent();
    assert.match(message, en, name);
    assert.match(message, ja, name);
    if (name === 'cut') {
      await page.screenshot({ path: artifact('state-share-error-desktop.png'), fullPage: true });
    }
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('export, reset everything, import: everything comes back', async () => {
  const { page, context, errors } = await open(`#/en/${CH}/${ID}`);
  await append(page, '\n# exported work');
  await goto(page, `#/ja/${CH}/scratch`);
  await page.locator(`#pg-${CH}-scratch-code`).fill('FROM scratch\n# 日本語 🐳\n');
  await page.evaluate(() => localStorage.setItem('gdp.corrupt.1.gdp.v2.pg.en.a.b', 'damaged'));

  await goto(page, '#/en/progress');
  const before = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('gdp.')).map((k) => [k, localStorage.getItem(k)])));
  await page.waitForFunction(() => document.querySelector('.progress-summary')?.dataset.playgrounds === '2');
  assert.match(await page.locator('.progress-summary').textContent(), /2 playgrounds, 1 set-aside entry/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.progress-export').click()]);
  assert.match(download.suggestedFilename(), /^gdp-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const file = artifact('state-export.json');
  await download.saveAs(file);
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(doc.format, 'go-deploy-playground-progress');
  assert.equal(doc.version, 1);
  assert.match(doc.exported_at, /^\d{4}-\d{2}-\d{2}T/);
  assert.deepEqual(doc.entries, before);

  // Reset everything, after a confirmation that says what goes.
  await page.locator('.progress-reset').click();
  assert.match(await page.locator('.progress-confirm').textContent(), /2 playgrounds, 1 set-aside entry.*cannot be undone/);
  await page.locator('.progress-reset-yes').click();
  await page.waitForFunction(() => document.querySelector('.progress-summary')?.textContent.includes('Nothing saved yet'));
  const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('gdp.')).sort());
  assert.deepEqual(left, ['gdp.lang']);
  await goto(page, `#/en/${CH}/${ID}`);
  assert.ok(!(await page.locator(AREA).inputValue()).includes('# exported work'));

  // Import, with a summary first.
  await goto(page, '#/en/progress');
  await page.locator('.progress-file-input').setInputFiles(file);
  const pending = page.locator('.progress-pending');
  await pending.waitFor();
  assert.match(await pending.textContent(), /2 playgrounds, 1 set-aside entry, 1 display setting/);
  await page.screenshot({ path: artifact('state-import-summary.png'), fullPage: true });
  await page.locator('.progress-replace').click();
  await page.waitForFunction(() => document.querySelector('.progress-status-line')?.textContent.includes('Imported'));
  const after = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('gdp.')).map((k) => [k, localStorage.getItem(k)])));
  assert.deepEqual(after, before);
  await goto(page, `#/en/${CH}/${ID}`);
  await page.waitForFunction((sel) => document.querySelector(sel)?.value.endsWith('# exported work'), AREA);

  // A file that is not a progress file is refused with a reason.
  await goto(page, '#/en/progress');
  const bad = artifact('state-not-progress.json');
  fs.writeFileSync(bad, '{"hello": "world"}');
  await page.locator('.progress-file-input').setInputFiles(bad);
  await page.waitForFunction(() => document.querySelector('.progress-status-line.failed')?.textContent.includes('not a progress file'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('saving on every keystroke is cheap (measured)', async () => {
  const { page, context, errors } = await open(`#/en/${CH}/${ID}`);
  const text = await page.locator(AREA).inputValue();
  const perWrite = await page.evaluate((text) => {
    const value = `v2:${text.length}:${text}`;
    const t0 = performance.now();
    for (let i = 0; i < 1000; i++) localStorage.setItem('gdp.bench', value + i);
    const ms = (performance.now() - t0) / 1000;
    localStorage.removeItem('gdp.bench');
    return ms;
  }, text);
  // What saving costs while typing: time spent inside the app's setItem calls per keystroke.
  await page.evaluate(() => {
    const original = Storage.prototype.setItem;
    window.__save = { calls: 0, ms: 0 };
    Storage.prototype.setItem = function (k, v) {
      const t0 = performance.now();
      original.call(this, k, v);
      window.__save.ms += performance.now() - t0;
      window.__save.calls += 1;
    };
  });
  await page.locator(AREA).evaluate((el) => { el.focus(); el.setSelectionRange(el.value.length, el.value.length); });
  await page.keyboard.type('# typed by the test', { delay: 0 });
  await page.waitForFunction((k) => localStorage.getItem(k)?.endsWith('# typed by the test'), key('en'));
  const save = await page.evaluate(() => window.__save);
  assert.equal(save.calls, '# typed by the test'.length, 'one write per keystroke');
  console.log(`measure: localStorage.setItem of a ${text.length}-char value: ${(perWrite * 1000).toFixed(1)} µs per write (1000 writes); while typing: ${save.calls} writes, ${((save.ms / save.calls) * 1000).toFixed(1)} µs each`);
  assert.ok(perWrite < 1, `a write takes ${perWrite} ms`);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
  for (const scheme of ['light', 'dark']) {
    test(`screenshots: share view and progress page, ${name} ${scheme}, no sideways scroll`, async () => {
      const { page, context, errors } = await open('#/ja/', { viewport, colorScheme: scheme });
      // Something to show on the progress page: a saved playground and a set-aside value.
      await page.evaluate(([k, v]) => {
        localStorage.setItem(k, v);
        localStorage.setItem(`gdp.corrupt.1.${k}`, 'v2:99:壊れた保存データ FROM golang:1.22');
      }, [key('ja'), envelope(2, 'FROM scratch\n')]);
      const link = zlibLink({ kind: 'playground', chapter: CH, id: ID, lang: 'en', text: 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\n\nFROM gcr.io/distroless/static\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n' });
      for (const [shot, hash, ready] of [
        ['share', link, '.share-view .pg'],
        ['share-error', '#/share/v1/q1bKzsxLUbJSKshJ', '.share-error-box'],
        ['progress', '#/ja/progress', '.progress-summary'],
      ]) {
        await goto(page, hash);
        await page.waitForSelector(ready);
        if (shot === 'progress') {
          await page.locator('.progress-set-aside summary').click();
          await page.locator('.progress-reset').click();
          await page.locator('.progress-confirm').waitFor();
        }
        await page.screenshot({ path: artifact(`state-${shot}-${name}-${scheme}.png`), fullPage: shot !== 'share' });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${shot}: page scrolls sideways by ${overflow}px`);
      }
      // The Share panel open on a chapter's playground.
      await goto(page, `#/ja/${CH}/${ID}`);
      await page.locator(`${PG} .pg-share-toggle`).click();
      await page.locator(`${PG} .pg-share-panel`).waitFor();
      await page.locator(`${PG} .pg-share`).screenshot({ path: artifact(`state-share-panel-${name}-${scheme}.png`) });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `share panel: page scrolls sideways by ${overflow}px`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}
