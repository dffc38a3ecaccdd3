// The live playgrounds on the release build: the shared editor (typing, Tab/Esc, diagnostics,
// saving), the Makefile playground and the go build playgrounds.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
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

const MAKEFILE = '#pg-cross-compilation-build-makefile-code';
const mk = '.pg[data-playground="build-makefile"]';

async function openChapter(page, hash) {
  await page.goto(server.url + hash);
  await ready(page);
}

test('typing into the Makefile editor changes the make -n lines', async () => {
  const { page, context, errors } = await openPage(browser);
  await openChapter(page, '#/en/cross-compilation/makefile');
  const area = page.locator(MAKEFILE);
  await area.waitFor();
  assert.match(await page.locator(`${mk} .pg-make-n`).textContent(), /-o bin\/shortlink \.\/cmd\/shortlink/);
  // Put the caret right after "shortlink" on the APP line and type.
  await area.evaluate((el) => {
    const i = el.value.indexOf('shortlink\n') + 'shortlink'.length;
    el.focus();
    el.setSelectionRange(i, i);
  });
  await page.keyboard.type('2');
  await page.waitForFunction(
    (sel) => document.querySelector(sel)?.textContent.includes('-o bin/shortlink2 ./cmd/shortlink2'),
    `${mk} .pg-make-n`,
  );
  // Picking another goal runs it.
  await page.locator(`${mk} .pg-goal`).selectOption('build-all');
  await page.waitForFunction((sel) => document.querySelector(sel)?.textContent.split('\n').length >= 5, `${mk} .pg-make-n`);
  assert.match(await page.locator(`${mk} .pg-verdict`).textContent(), /5 artifacts/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the project environment form changes VERSION; variables show their flavour and definition', async () => {
  const { page, context, errors } = await openPage(browser);
  await openChapter(page, '#/en/cross-compilation/makefile');
  await page.locator(MAKEFILE).waitFor();
  await page.locator(`${mk} .pg-goal`).selectOption('docker');
  await page.waitForFunction((sel) => document.querySelector(sel)?.textContent.includes('docker build'), `${mk} .pg-make-n`);
  assert.match(await page.locator(`${mk} .pg-make-n`).textContent(), /-t shortlink:v1\.2\.3 \./);
  await page.locator(`${mk} .pg-env summary`).click();
  await page.locator(`${mk} .pg-env-tag`).fill('v2.0.0');
  await page.locator(`${mk} .pg-env input[type="checkbox"]`).check();
  await page.waitForFunction((sel) => document.querySelector(sel)?.textContent.includes('v2.0.0'), `${mk} .pg-make-n`);
  assert.match(await page.locator(`${mk} .pg-make-n`).textContent(), /VERSION=v2\.0\.0-dirty -t shortlink:v2\.0\.0-dirty \./);
  const version = page.locator(`${mk} .pg-var[data-var="VERSION"]`);
  assert.match(await version.locator('.pg-var-value').textContent(), /^v2\.0\.0-dirty$/);
  assert.match(await version.textContent(), /simple \(:=\) · line 4 · defined as: VERSION := \$\(shell git describe --tags --always --dirty 2>\/dev\/null \|\| echo dev\)/);
  // Turn VERSION into a recursive variable: the flavour shown follows.
  const area = page.locator(MAKEFILE);
  await area.fill((await area.inputValue()).replace('VERSION := $(shell', 'VERSION = $(shell'));
  await page.waitForFunction((sel) => document.querySelector(sel)?.textContent.includes('recursive'), `${mk} .pg-var[data-var="VERSION"]`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a space-indented recipe gives make\'s error, and the one-click fix clears it', async () => {
  const { page, context, errors } = await openPage(browser);
  await openChapter(page, '#/en/cross-compilation/makefile');
  const area = page.locator(MAKEFILE);
  await area.waitFor();
  const original = await area.inputValue();
  await area.fill(original.replace('\tgo test -race', '        go test -race'));
  const stderr = page.locator(`${mk} .pg-stderr-text`);
  await stderr.waitFor();
  assert.match(await stderr.textContent(), /Makefile:\d+: \*\*\* missing separator \(did you mean TAB instead of 8 spaces\?\)\.  Stop\./);
  assert.match(await page.locator(`${mk} .pg-verdict`).textContent(), /missing separator/);
  // The diagnostic is listed; clicking it puts the caret on its line.
  const line = Number((await stderr.textContent()).match(/Makefile:(\d+)/)[1]);
  await page.locator(`${mk} .diag-error .diag-jump`).first().click();
  const caret = await area.evaluate((el) => ({
    focused: document.activeElement === el,
    line: el.value.slice(0, el.selectionStart).split('\n').length,
  }));
  assert.deepEqual(caret, { focused: true, line });
  await page.locator(`${mk} .pg-fix-tabs`).click();
  await stderr.waitFor({ state: 'detached' });
  assert.equal(await area.inputValue(), original);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Tab indents inside the editor; Esc then Tab leaves it', async () => {
  const { page, context } = await openPage(browser);
  await openChapter(page, '#/en/cross-compilation/makefile');
  const area = page.locator(MAKEFILE);
  await area.waitFor();
  await area.evaluate((el) => { el.focus(); el.setSelectionRange(0, 0); });
  await page.keyboard.press('Tab');
  assert.ok((await area.inputValue()).startsWith('\t# shortlink'), 'a real TAB in a Makefile');
  assert.equal(await page.evaluate(() => document.activeElement?.id), MAKEFILE.slice(1));
  // Undo goes through the browser's history.
  await page.keyboard.press('Control+z');
  assert.ok((await area.inputValue()).startsWith('# shortlink'), 'undo removes the TAB');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  assert.notEqual(await page.evaluate(() => document.activeElement?.id), MAKEFILE.slice(1));
  await context.close();
});

test('ldflags-lab: toggling -s and -w changes the size', async () => {
  const { page, context, errors } = await openPage(browser);
  await openChapter(page, '#/en/ldflags/lab');
  const lab = '.pg[data-playground="ldflags-lab"]';
  const first = page.locator(`${lab} .pg-build`).first();
  await first.waitFor();
  const before = await first.locator('.pg-size-value').textContent();
  await first.locator('[data-flag="-s"]').click();
  await first.locator('[data-flag="-w"]').click();
  await page.waitForFunction(
    ([sel, old]) => document.querySelector(sel)?.textContent !== old,
    [`${lab} .pg-build .pg-size-value`, before],
  );
  const after = await first.locator('.pg-size-value').textContent();
  assert.ok(parseFloat(after) < parseFloat(before), `${after} < ${before}`);
  assert.match(await page.locator(`${lab} textarea`).inputValue(), /go build -ldflags="-w -s" -o out\/plain/);
  assert.equal(await first.locator('[data-flag="-s"]').getAttribute('aria-pressed'), 'true');
  assert.deepEqual(errors, []);
  await context.close();
});

test('cross-compilation grid: a cell adds its go build line, CGO on makes cross cells fail', async () => {
  const { page, context, errors } = await openPage(browser);
  await openChapter(page, '#/en/cross-compilation/matrix');
  const mx = '.pg[data-playground="matrix"]';
  const area = page.locator(`${mx} textarea`);
  await area.waitFor();
  const cell = (pair) => page.locator(`${mx} .xcell[data-pair="${pair}"]`);
  // The chapter's five targets are built; riscv64 is not.
  assert.equal(await cell('linux/arm64').getAttribute('aria-pressed'), 'true');
  assert.equal(await cell('linux/riscv64').getAttribute('aria-pressed'), 'false');
  await cell('linux/riscv64').click();
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('aria-pressed') === 'true',
    `${mx} .xcell[data-pair="linux/riscv64"]`);
  assert.match(await area.inputValue(), /GOOS=linux GOARCH=riscv64[\s\\]+go build -o dist\/shortlink-linux-riscv64 /);
  assert.match(await cell('linux/riscv64').getAttribute('class'), /\bbuilt\b/);
  // Pressing it again removes the line.
  await cell('linux/riscv64').click();
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('aria-pressed') === 'false',
    `${mx} .xcell[data-pair="linux/riscv64"]`);
  assert.doesNotMatch(await area.inputValue(), /riscv64/);
  // cgo on: net links libc on Unix targets, so a cross build needs a C cross compiler the
  // machine does not have; the Windows build uses no C and still works (as with go1.22.12).
  await page.locator(`${mx} [data-cgo="1"]`).click();
  await page.waitForFunction((sel) => /\bfailed\b/.test(document.querySelector(sel)?.className ?? ''),
    `${mx} .xcell[data-pair="linux/arm64"]`);
  assert.match(await area.inputValue(), /export CGO_ENABLED=1/);
  assert.match(await cell('linux/arm64').getAttribute('aria-label'), /fails.*: # runtime\/cgo/);
  assert.match(await cell('darwin/arm64').getAttribute('aria-label'), /fails/);
  assert.match(await cell('linux/amd64').getAttribute('aria-label'), /builds/);
  assert.match(await cell('windows/amd64').getAttribute('aria-label'), /builds/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('ldflags comparison: a flag switched in a row edits that line of the lab', async () => {
  const { page, context, errors } = await openPage(browser);
  await openChapter(page, '#/en/ldflags/lab');
  const lab = '.pg[data-playground="ldflags-lab"]';
  const row = page.locator(`${lab} .pg-compare tbody tr`).nth(1);
  await row.waitFor();
  assert.match(await row.textContent(), /out\/w/);
  const before = await row.locator('td.num').nth(1).textContent();
  await row.locator('[data-flag="-s"]').click();
  await page.waitForFunction(
    ([sel, old]) => document.querySelectorAll(sel)[1]?.querySelectorAll('td.num')[1]?.textContent !== old,
    [`${lab} .pg-compare tbody tr`, before],
  );
  assert.match(await page.locator(`${lab} textarea`).inputValue(), /go build -ldflags="-s -w" -o out\/w /);
  // -s -w equals -s alone since Go 1.22: the row now matches the "s" row's change.
  const rows = page.locator(`${lab} .pg-compare tbody tr`);
  assert.equal(await rows.nth(1).locator('td.num').nth(1).textContent(), await rows.nth(2).locator('td.num').nth(1).textContent());
  assert.equal(await row.locator('[data-flag="-s"]').getAttribute('aria-pressed'), 'true');
  assert.deepEqual(errors, []);
  await context.close();
});

test('upx-lab: packed sizes from measured ratios; UPX refuses a macOS binary', async () => {
  const { page, context, errors } = await openPage(browser);
  await openChapter(page, '#/en/ldflags/upx');
  const ux = '.pg[data-playground="upx-lab"]';
  const cards = page.locator(`${ux} .pg-upx`);
  await cards.first().waitFor();
  assert.equal(await cards.count(), 2);
  const text = await cards.nth(0).textContent();
  const [, before, after] = text.match(/([\d.]+) MB → out\/shortlink\.upx packed ([\d.]+) MB/);
  assert.ok(parseFloat(after) < parseFloat(before) * 0.5, text);
  assert.match(await cards.nth(1).textContent(), /−6\d\.\d %/);
  const area = page.locator(`${ux} textarea`);
  await area.fill((await area.inputValue()).replace('GOOS=linux', 'GOOS=darwin'));
  await page.waitForFunction((sel) => document.querySelector(sel)?.textContent.includes('upx refuses'), `${ux} .pg-upx`);
  assert.match(await cards.nth(0).textContent(), /macOS is currently not supported/);
  // A file no line built.
  await area.fill((await area.inputValue()) + 'upx out/missing\n');
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 3, `${ux} .pg-upx`);
  assert.match(await cards.nth(2).textContent(), /no go build line above writes this file/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a misspelt -X name shows the silent-ignore warning, and the edit survives a reload', async () => {
  const { page, context, errors } = await openPage(browser);
  await openChapter(page, '#/en/cross-compilation/version-injection');
  const vb = '.pg[data-playground="version-build"]';
  const area = page.locator(`${vb} textarea`);
  await area.waitFor();
  assert.equal(await page.locator(`${vb} .pg-x-ignored`).count(), 0);
  assert.match(await page.locator(`${vb} .pg-version`).textContent(), /"version":"v1\.2\.3"/);
  await area.fill((await area.inputValue()).replace('-X main.version=', '-X main.Version='));
  const warning = page.locator(`${vb} .pg-x-ignored`);
  await warning.waitFor();
  assert.match(await warning.textContent(), /main\.Version/);
  assert.match(await page.locator(`${vb} .pg-version`).textContent(), /"version":"dev"/);
  await page.reload();
  await ready(page);
  await page.waitForFunction(
    (sel) => document.querySelector(sel)?.value.includes('-X main.Version='),
    `${vb} textarea`,
  );
  await warning.waitFor();
  // Reset (with its inline confirmation) brings the original back and forgets the saved text.
  await page.locator(`${vb} .editor-reset`).click();
  await page.locator(`${vb} .editor-reset-yes`).click();
  assert.ok((await area.inputValue()).includes('-X main.version='));
  assert.equal(await page.evaluate(() => localStorage.getItem('gdp.v2.pg.en.cross-compilation.version-build')), null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('corrupt saved data is set aside with a notice, not deleted', async () => {
  const { page, context, errors } = await openPage(browser);
  await page.goto(server.url);
  await page.evaluate(() => localStorage.setItem('gdp.v2.pg.en.ldflags.ldflags-lab', 'v2:999:oops'));
  await openChapter(page, '#/en/ldflags/lab');
  const lab = '.pg[data-playground="ldflags-lab"]';
  await page.locator(`${lab} .pg-notice`).waitFor();
  assert.match(await page.locator(`${lab} textarea`).inputValue(), /go build -o out\/plain/);
  assert.equal(await page.evaluate(() => localStorage.getItem('gdp.corrupt.1.gdp.v2.pg.en.ldflags.ldflags-lab')), 'v2:999:oops');
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
  for (const scheme of ['light', 'dark']) {
    test(`screenshots: ${name} ${scheme}, no horizontal page scroll`, async () => {
      const { page, context, errors } = await openPage(browser, { viewport, colorScheme: scheme });
      for (const [hash, id] of [
        ['#/ja/cross-compilation/makefile', 'build-makefile'],
        ['#/en/ldflags/lab', 'ldflags-lab'],
        ['#/ja/ldflags/upx', 'upx-lab'],
        ['#/en/cross-compilation/matrix', 'matrix'],
        ['#/en/cross-compilation/version-injection', 'version-build'],
      ]) {
        await openChapter(page, hash);
        const pg = page.locator(`.pg[data-playground="${id}"]`);
        await pg.waitFor();
        await pg.scrollIntoViewIfNeeded();
        await pg.screenshot({ path: artifact(`pg-${id}-${name}-${scheme}.png`) });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${hash}: page scrolls sideways by ${overflow}px`);
      }
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}
