// The GoReleaser playground on the release build: typing into `goarch` changes the build matrix
// and the archive list on the keystroke; an unknown key shows goreleaser check's error with its
// line and column; the commit list and the release context drive the changelog and the names;
// latency from an input event to the DOM; screenshots on desktop and phone in both themes.

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

const P = '.pg[data-playground="goreleaser-config"]';
const EDITOR = '#pg-goreleaser-goreleaser-config-code';

async function open(hash, options) {
  const opened = await openPage(browser, options);
  await opened.page.goto(server.url + hash);
  await ready(opened.page);
  await opened.page.locator(EDITOR).waitFor();
  return opened;
}

/** Selects `from` in the editor and types `to` over it, key by key. */
async function typeOver(page, from, to) {
  await page.locator(EDITOR).evaluate((el, from) => {
    const i = el.value.indexOf(from);
    if (i < 0) throw new Error(`not in the editor: ${from}`);
    el.focus();
    el.setSelectionRange(i, i + from.length);
  }, from);
  await page.keyboard.type(to);
}

const count = (page, sel) => page.locator(`${P} ${sel}`).count();
const verdict = async (page) => (await page.locator(`${P} .pg-verdict`).textContent()).trim();

async function waitForCount(page, sel, n) {
  await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length === n, [`${P} ${sel}`, n]);
}

async function archives(page) {
  return page.$$eval(`${P} .gr-file[data-kind="archive"]`, (els) => els.map((e) => e.dataset.name));
}

test('editing goarch changes the build matrix and the archive list on each keystroke', async () => {
  const { page, context, errors } = await open('#/en/goreleaser/config');
  assert.equal(await verdict(page), '6 targets · 6 archives · check passed');
  assert.equal(await count(page, '.gr-cell[data-state="built"]'), 6);
  const before = await archives(page);
  assert.equal(before.length, 6);
  assert.ok(before.includes('shortlink_1.2.3_linux_arm64.tar.gz'), before.join('\n'));
  assert.ok(await page.isVisible(`${P} .gr-simulates`));

  // Remove arm64: three targets and three archives, and the arm64 docker image has no binary.
  await typeOver(page, 'goarch: [amd64, arm64]', 'goarch: [amd64]');
  await waitForCount(page, '.gr-cell[data-state="built"]', 3);
  await waitForCount(page, '.gr-file[data-kind="archive"]', 3);
  const without = await archives(page);
  assert.ok(!without.some((n) => n.includes('arm64')), without.join('\n'));
  assert.equal(await count(page, '.gr-cell[data-target="linux_arm64_v8.0"]'), 0);
  assert.match(await verdict(page), /^3 targets · 3 archives · check passed · release would fail$/);

  // Add "386": a 386 column, linux and windows built, darwin/386 not a valid target.
  await typeOver(page, 'goarch: [amd64]', 'goarch: [amd64, "386"]');
  await waitForCount(page, '.gr-cell[data-state="built"]', 5);
  const darwin386 = page.locator(`${P} .gr-cell[data-target="darwin_386_sse2"]`);
  assert.equal(await darwin386.getAttribute('data-state'), 'not-valid');
  assert.match(await darwin386.textContent(), /not a valid target/);
  const headers = await page.$$eval(`${P} .gr-grid thead th`, (ths) => ths.map((t) => t.textContent.trim()));
  assert.deepEqual(headers.slice(1), ['amd64', '386']);
  await waitForCount(page, '.gr-file[data-kind="archive"]', 5);
  assert.ok((await archives(page)).includes('shortlink_1.2.3_windows_386.zip'));
  // One checksum line per archive.
  const sums = await page.locator(`${P} .gr-checksums`).textContent();
  assert.equal(sums.trim().split('\n').length, 5);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an unknown key: goreleaser check fails, with the line and column in the list and the gutter', async () => {
  const { page, context, errors } = await open('#/en/goreleaser/config');
  const lines = (await page.locator(EDITOR).inputValue()).split('\n');
  const line = lines.findIndex((l) => l.startsWith('    goarch:')) + 1;
  await typeOver(page, '    goarch:', '    goarc:');
  const diag = page.locator(`${P} .diag`, { hasText: 'field goarc not found in type config.Build' });
  await diag.waitFor();
  assert.equal((await diag.locator('.diag-line').textContent()).trim(), `line ${line}, col 5`);
  assert.match(await diag.textContent(), /did you mean `goarch`\?/);
  assert.equal((await page.locator(`${P} .editor-gutter .ln-error`).textContent()).replace(/\D/g, ''), String(line));
  assert.equal(await page.getAttribute(`${P} .gr-check`, 'data-exit'), '1');
  assert.match(await verdict(page), /check failed \(exit 1\)$/);
  await page.locator(`${P} .diagnostics`).screenshot({ path: artifact('goreleaser-unknown-key.png') });
  await page.locator(`${P} .gr-check`).screenshot({ path: artifact('goreleaser-unknown-key-check.png') });
  // The jump button puts the caret on that line.
  await diag.locator('.diag-jump').click();
  const caretLine = await page.locator(EDITOR).evaluate((el) => el.value.slice(0, el.selectionStart).split('\n').length);
  assert.equal(caretLine, line);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the commit list, the release context and --snapshot drive the changelog and the names', async () => {
  const { page, context, errors } = await open('#/en/goreleaser/config');
  const notes = page.locator(`${P} .gr-changelog-md`);
  assert.match(await notes.textContent(), /feat: add \/healthz endpoint/);
  assert.doesNotMatch(await notes.textContent(), /docs: update README/);
  await page.fill('#pg-goreleaser-goreleaser-config-commits', 'fix: zebra\nfeat: apple\ndocs: excluded\n');
  await page.waitForFunction((sel) => document.querySelector(sel).textContent.includes('fix: zebra'), `${P} .gr-changelog-md`);
  const md = await notes.textContent();
  // sort: asc orders by subject; ^docs: is filtered out.
  assert.ok(md.indexOf('feat: apple') < md.indexOf('fix: zebra'), md);
  assert.doesNotMatch(md, /docs: excluded/);
  await page.click(`${P} .gr-context summary`);
  await page.fill(`${P} .gr-ctx-tag`, 'v2.0.0');
  await page.waitForFunction((p) => document.querySelector(`${p} .gr-file[data-name="shortlink_2.0.0_linux_amd64.tar.gz"]`), P);
  await page.check(`${P} .gr-ctx-snapshot`);
  await page.waitForFunction((p) => document.querySelector(`${p} .gr-file[data-name="shortlink_2.0.0-SNAPSHOT-3f2a9c1_linux_amd64.tar.gz"]`), P);
  assert.ok(await page.isVisible(`${P} .gr-note`));
  await page.fill(`${P} .gr-ctx-date`, 'yesterday');
  assert.equal(await page.getAttribute(`${P} .gr-ctx-date`, 'aria-invalid'), 'true');
  assert.deepEqual(errors, []);
  await context.close();
});

test('latency: input event to updated verdict, the guide config, 120 edits', async () => {
  const { page, context, errors } = await open('#/en/goreleaser/config');
  const times = await page.evaluate(async ({ sel, p }) => {
    const area = document.querySelector(sel);
    const verdict = document.querySelector(`${p} .pg-verdict`);
    const results = document.querySelector(`${p} .pg-results`);
    const original = area.value;
    const out = [];
    for (let i = 0; i < 120; i++) {
      // Alternate two and three architectures so every edit changes the verdict.
      const more = i % 2 === 0;
      const value = more ? original.replace('goarch: [amd64, arm64]', 'goarch: [amd64, arm64, "386"]') : original;
      const want = more ? '8 targets' : '6 targets';
      const t = await new Promise((resolve) => {
        let t0 = 0;
        const mo = new MutationObserver(() => {
          if (verdict.textContent.startsWith(want)) {
            const t1 = performance.now();
            mo.disconnect();
            resolve(t1 - t0);
          }
        });
        mo.observe(results, { subtree: true, childList: true, characterData: true });
        area.value = value;
        t0 = performance.now();
        area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: 'x' }));
      });
      out.push(t);
      await new Promise((r) => setTimeout(r, 0));
    }
    return out;
  }, { sel: EDITOR, p: P });
  const sorted = [...times].sort((a, b) => a - b);
  const q = (f) => sorted[Math.min(sorted.length - 1, Math.floor(f * sorted.length))];
  console.log(`goreleaser latency over ${times.length} edits: median ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms, max ${sorted.at(-1).toFixed(2)} ms`);
  assert.ok(q(0.95) < 100, `p95 ${q(0.95)} ms`);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
  for (const scheme of ['light', 'dark']) {
    test(`screenshots: goreleaser ${name} ${scheme}, the grid scrolls in its box, not the page`, async () => {
      const { page, context, errors } = await open('#/en/goreleaser/config', { viewport, colorScheme: scheme });
      // Show every kind of cell, an open archive and the checksums.
      await typeOver(page, 'goarch: [amd64, arm64]', 'goarch: [amd64, arm64, "386"]\n    ignore:\n      - goos: windows\n        goarch: arm64');
      await page.waitForSelector(`${P} .gr-cell[data-state="ignored"]`);
      await page.click(`${P} .gr-file[data-kind="archive"] summary`);
      await page.click(`${P} .gr-file[data-kind="checksum"] summary`);
      await page.locator(P).scrollIntoViewIfNeeded();
      await page.locator(P).screenshot({ path: artifact(`goreleaser-${name}-${scheme}.png`) });
      await page.locator(`${P} .gr-matrix`).screenshot({ path: artifact(`goreleaser-matrix-${name}-${scheme}.png`) });
      await page.locator(`${P} .gr-dist`).screenshot({ path: artifact(`goreleaser-dist-${name}-${scheme}.png`) });
      await page.click(`${P} .gr-context summary`);
      await page.locator(`${P} .gr-check`).screenshot({ path: artifact(`goreleaser-check-${name}-${scheme}.png`) });
      await page.locator(`${P} .gr-context`).screenshot({ path: artifact(`goreleaser-context-${name}-${scheme}.png`) });
      await page.locator(`${P} .gr-changelog`).screenshot({ path: artifact(`goreleaser-changelog-${name}-${scheme}.png`) });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `horizontal overflow ${overflow}px`);
      // The grid's box is no wider than the results column.
      const [box, column] = await page.evaluate((p) => [
        document.querySelector(`${p} .gr-grid-wrap`).getBoundingClientRect().right,
        document.querySelector(`${p} .pg-results`).getBoundingClientRect().right,
      ], P);
      assert.ok(box <= column + 1, `grid box ${box} beyond ${column}`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

test('Japanese: the note, the verdict and the grid speak Japanese', async () => {
  const { page, context, errors } = await open('#/ja/goreleaser/config', { viewport: { width: 390, height: 844 } });
  assert.equal(await verdict(page), 'ターゲット 6 個 · アーカイブ 6 個 · check 成功');
  assert.match(await page.locator(`${P} .gr-simulates`).textContent(), /GoReleaser v2\.18 をシミュレーション/);
  await typeOver(page, 'goarch: [amd64, arm64]', 'goarch: [amd64, arm64, "386"]');
  const darwin386 = page.locator(`${P} .gr-cell[data-target="darwin_386_sse2"]`);
  await darwin386.waitFor();
  assert.match(await darwin386.textContent(), /無効なターゲット/);
  await page.locator(`${P} .gr-matrix`).screenshot({ path: artifact('goreleaser-ja-matrix-phone.png') });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `horizontal overflow ${overflow}px`);
  assert.deepEqual(errors, []);
  await context.close();
});
