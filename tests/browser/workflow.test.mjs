// The workflow playground of chapter 4 on the release build: switching the event from a tag push
// to a branch push stops the workflow from triggering; marking `test` as failing skips `release`
// and `docker` (until one of them says `if: always()`); a typo'd key shows a diagnostic on its
// line; latency from an input event to the updated graph; screenshots on desktop and phone in
// both themes, with no sideways page scroll.

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

const P = '.pg[data-playground="release-workflow"]';
const EDITOR = '#pg-ci-cd-release-workflow-code';

async function open(hash, options) {
  const opened = await openPage(browser, options);
  await opened.page.goto(server.url + hash);
  await ready(opened.page);
  await opened.page.locator(EDITOR).waitFor();
  return opened;
}

async function text(page, sel) {
  return (await page.locator(sel).first().textContent()).trim();
}

async function waitForText(page, sel, pattern) {
  await page.waitForFunction(
    ([sel, source]) => new RegExp(source).test(document.querySelector(sel)?.textContent.trim() ?? ''),
    [sel, pattern.source],
  );
}

/** `job status` for every row of the text list, and for every box of the SVG, in order. */
async function statuses(page) {
  const list = await page.$$eval(`${P} .wf-job`, (rows) => rows.map((r) => `${r.dataset.job} ${r.dataset.status}`));
  const boxes = await page.$$eval(`${P} svg .wf-node`, (gs) => gs.map((g) => `${g.dataset.job} ${g.dataset.status}`));
  return { list, boxes };
}

async function waitForStatuses(page, expected) {
  await page.waitForFunction(
    ([p, want]) => [...document.querySelectorAll(`${p} .wf-job`)].map((r) => `${r.dataset.job} ${r.dataset.status}`).join(',') === want,
    [P, expected.join(',')],
  );
  const { list, boxes } = await statuses(page);
  assert.deepEqual(list, expected);
  assert.deepEqual(boxes, expected);
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

test('a tag push runs the workflow; a branch push does not; the deciding filter and its line are shown', async () => {
  const { page, context, errors } = await open('#/en/ci-cd/release-workflow');
  assert.equal(await text(page, `${P} .pg-verdict`), 'Runs · push of tag v1.2.3 · 3 jobs: 3 success');
  assert.equal(await page.getAttribute(`${P} .wf-trigger`, 'data-triggered'), 'true');
  assert.match(await text(page, `${P} .wf-trigger-reason`), /v1\.2\.3.*v\*\.\*\.\*/);
  const filterLine = await page.locator(EDITOR).evaluate((el) => el.value.split('\n').findIndex((l) => l.includes('"v*.*.*"')) + 1);
  assert.equal(await page.getAttribute(`${P} .wf-line`, 'data-line'), String(filterLine));
  await waitForStatuses(page, ['test success', 'release success', 'docker success']);

  // A push to main: only tag filters are written, so the workflow does not run.
  await page.check(`${P} input[value="branch"]`);
  await waitForText(page, `${P} .pg-verdict`, /^Does not run · push to main$/);
  assert.equal(await page.getAttribute(`${P} .wf-trigger`, 'data-triggered'), 'false');
  assert.match(await text(page, `${P} .wf-trigger-reason`), /Only tag filters/);
  assert.equal(await page.inputValue(`${P} .wf-ref-input`), 'main');
  await waitForStatuses(page, ['test skipped', 'release skipped', 'docker skipped']);
  // The verdict is announced politely.
  assert.equal(await page.getAttribute(`${P} .pg-verdict`, 'aria-live'), 'polite');

  // Back to the tag: a tag that does not match v*.*.* does not run either; a matching one does.
  await page.check(`${P} input[value="tag"]`);
  await waitForText(page, `${P} .pg-verdict`, /^Runs · push of tag v1\.2\.3/);
  await page.fill(`${P} .wf-ref-input`, 'nightly');
  await waitForText(page, `${P} .pg-verdict`, /^Does not run · push of tag nightly$/);
  await page.fill(`${P} .wf-ref-input`, 'v2.0.0');
  await waitForText(page, `${P} .pg-verdict`, /^Runs · push of tag v2\.0\.0 · 3 jobs/);

  // The line button puts the caret on the filter's line.
  await page.click(`${P} .wf-line`);
  const caretLine = await page.locator(EDITOR).evaluate((el) => el.value.slice(0, el.selectionStart).split('\n').length);
  assert.equal(caretLine, filterLine);
  assert.deepEqual(errors, []);
  await context.close();
});

test('marking test as failing skips release and docker, unless docker says if: always()', async () => {
  const { page, context, errors } = await open('#/en/ci-cd/release-workflow');
  const toggle = `${P} .wf-fail[data-job="test"]`;
  assert.equal(await page.getAttribute(toggle, 'aria-pressed'), 'false');
  assert.equal(await text(page, toggle), 'Mark test as failing');
  await page.click(toggle);
  assert.equal(await page.getAttribute(toggle, 'aria-pressed'), 'true');
  await waitForStatuses(page, ['test failure', 'release skipped', 'docker skipped']);
  assert.equal(await text(page, `${P} .pg-verdict`), 'Runs · push of tag v1.2.3 · 3 jobs: 1 failure, 2 skipped');
  // Words and icons, not only colours, in the list and in the boxes.
  assert.match(await text(page, `${P} .wf-job[data-job="release"] .wf-status`), /^⊘ skipped$/);
  assert.match(await text(page, `${P} svg .wf-node[data-job="test"] .wf-box-state`), /^✖ failure$/);
  assert.match(await text(page, `${P} .wf-job[data-job="docker"] .wf-because`), /needed job test failed/);
  // The arrows out of the failed job are drawn as blocked.
  assert.equal(await page.locator(`${P} svg .wf-edge-blocked[data-from="test"]`).count(), 2);

  // docker with if: always() runs anyway; release stays skipped.
  await typeOver(page, '  docker:\n    needs: test', '  docker:\n    needs: test\n    if: always()');
  await waitForStatuses(page, ['test failure', 'release skipped', 'docker success']);

  // Toggle off: everything succeeds again.
  await page.click(toggle);
  assert.equal(await page.getAttribute(toggle, 'aria-pressed'), 'false');
  await waitForStatuses(page, ['test success', 'release success', 'docker success']);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a typo'd key shows a diagnostic with its line, and the verdict says the file is invalid", async () => {
  const { page, context, errors } = await open('#/en/ci-cd/release-workflow');
  const line = await page.locator(EDITOR).evaluate((el) => el.value.split('\n').findIndex((l) => l.includes('runs-on:')) + 1);
  assert.ok(line > 1);
  await typeOver(page, 'runs-on:', 'runs-onn:');
  const diag = `${P} .diag:has(.diag-code:text-is("WF-KEY-UNKNOWN"))`;
  await page.waitForSelector(diag);
  assert.equal(await text(page, `${diag} .diag-line`), `line ${line}`);
  assert.match(await text(page, `${diag} .diag-msg`), /runs-onn/);
  // GitHub rejects the file: the unexpected key, and the job now lacks runs-on.
  await waitForText(page, `${P} .pg-verdict`, /^Invalid workflow · 2 errors$/);
  assert.ok(await page.isVisible(`${P} .wf-invalid`));
  // The gutter marks the line.
  assert.ok(await page.locator(`${P} .editor-gutter .ln-error`, { hasText: String(line) }).count() >= 1);
  // The release checks are listed too (actions pinned by tag, not by SHA) ...
  assert.ok(await page.locator(`${P} .diag-code:text-is("WF-PIN")`).count() >= 1);
  // ... and deleting packages: write from the docker job (the chapter's suggestion) is an error.
  await page.locator(EDITOR).evaluate((el) => {
    const from = el.value.indexOf('      packages: write');
    el.focus();
    el.setSelectionRange(from, el.value.indexOf('\n', from) + 1);
  });
  await page.keyboard.press('Backspace');
  await page.waitForSelector(`${P} .diag-error:has(.diag-code:text-is("WF-PERM-PACKAGES"))`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Japanese: the picker, the verdict and the toggles speak Japanese', async () => {
  const { page, context, errors } = await open('#/ja/ci-cd/release-workflow');
  assert.equal(await text(page, `${P} .pg-verdict`), '起動する · タグ v1.2.3 の push · ジョブ 3 個: 成功 3');
  await page.check(`${P} input[value="branch"]`);
  await waitForText(page, `${P} .pg-verdict`, /^起動しない · main への push$/);
  await page.check(`${P} input[value="tag"]`);
  await page.click(`${P} .wf-fail[data-job="test"]`);
  await waitForStatuses(page, ['test failure', 'release skipped', 'docker skipped']);
  assert.match(await text(page, `${P} .wf-fail[data-job="test"]`), /test を失敗にする$/);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator(`${P} .pg-results`).screenshot({ path: artifact('workflow-ja-phone.png') });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `horizontal overflow ${overflow}px`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('latency: input event to updated graph, chapter workflow, 200 edits', async () => {
  const { page, context, errors } = await open('#/en/ci-cd/release-workflow');
  const times = await page.evaluate(async ({ sel, p }) => {
    const area = document.querySelector(sel);
    const verdict = document.querySelector(`${p} .pg-verdict`);
    const results = document.querySelector(`${p} .pg-results`);
    const original = area.value;
    const out = [];
    for (let i = 0; i < 200; i++) {
      // Alternate a matching and a non-matching tag filter so every edit flips the verdict.
      const broken = i % 2 === 0;
      const value = broken ? original.replace('"v*.*.*"', `"x${i}*"`) : original;
      const want = broken ? 'Does not run' : 'Runs';
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
  console.log(`workflow latency over ${times.length} edits: median ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms, max ${sorted.at(-1).toFixed(2)} ms`);
  assert.ok(q(0.95) < 50, `p95 ${q(0.95)} ms`);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
  for (const scheme of ['light', 'dark']) {
    test(`screenshots: workflow ${name} ${scheme}, no horizontal page scroll`, async () => {
      const { page, context, errors } = await open('#/en/ci-cd/release-workflow', { viewport, colorScheme: scheme });
      await page.click(`${P} .wf-fail[data-job="test"]`);
      await waitForStatuses(page, ['test failure', 'release skipped', 'docker skipped']);
      await page.locator(P).screenshot({ path: artifact(`workflow-${name}-${scheme}.png`) });
      await page.locator(`${P} .pg-results`).screenshot({ path: artifact(`workflow-results-${name}-${scheme}.png`) });
      await page.check(`${P} input[value="branch"]`);
      await waitForText(page, `${P} .pg-verdict`, /^Does not run/);
      await page.locator(`${P} .pg-results`).screenshot({ path: artifact(`workflow-branch-${name}-${scheme}.png`) });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `horizontal overflow ${overflow}px`);
      // The graph fits its box on a phone (scaled, not cut): the SVG is no wider than its scroller.
      const fit = await page.$eval(`${P} .wf-graph-scroll`, (el) => el.scrollWidth - el.clientWidth);
      assert.ok(fit <= 0, `graph scrolls by ${fit}px`);
      assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}
