// The release preview page (#/<lang>/release) on the release build: it opens on the default
// project (chapters 3–5), triggered, jobs in order, artifacts and images listed, /version per
// target; a `-X` naming a variable main.go lacks raises REL001, whose because-trace buttons open
// main.go and the ldflags line with the caret there; a tag filter v1.2.3 does not match stops the
// run (REL003); a broken file's errors are listed above the run and the page stays whole;
// marking `test` as failing skips the release; edits survive a reload; the tabs
// follow the arrow keys; latency from an input event to the updated page; screenshots on desktop
// and phone in both themes, with no sideways page scroll and no console error.

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

const PAGE = '.release-page';
const VERDICT = `${PAGE} .rel-verdict`;
const EDITOR = '.rel-panel .editor-input';

async function open(hash, options) {
  const opened = await openPage(browser, options);
  await opened.page.goto(server.url + hash);
  await ready(opened.page);
  await opened.page.locator(VERDICT).waitFor();
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

async function attrs(page, sel, name) {
  return page.$$eval(sel, (els, name) => els.map((e) => e.getAttribute(name)), name);
}

/** Opens a file's tab by clicking it and waits for its editor. */
async function openTab(page, slug) {
  await page.click(`.rel-tab[data-file="${slug}"]`);
  await page.waitForSelector(`.rel-panel[data-file="${slug}"] .editor-input`);
}

/** Selects `from` in the open editor and types `to` over it, key by key. */
async function typeOver(page, from, to, { oneEvent = false } = {}) {
  await page.locator(EDITOR).evaluate((el, from) => {
    const i = el.value.indexOf(from);
    if (i < 0) throw new Error(`not in the editor: ${from}`);
    el.focus();
    el.setSelectionRange(i, i + from.length);
  }, from);
  if (oneEvent) await page.keyboard.insertText(to);
  else await page.keyboard.type(to);
}

/** The open tab, and the 1-based line of the caret in its editor (0 when it has no focus). */
async function caret(page) {
  const tab = await page.getAttribute('.rel-tab[aria-selected="true"]', 'data-file');
  const line = await page.locator(EDITOR).evaluate((el) =>
    document.activeElement === el ? el.value.slice(0, el.selectionStart).split('\n').length : 0,
  );
  return { tab, line };
}

async function jobStatuses(page) {
  return page.$$eval(`${PAGE} .wf-job`, (rows) => rows.map((r) => `${r.dataset.job} ${r.dataset.status}`));
}

test('the page opens on the default project: triggered, jobs in order, artifacts, images, /version', async () => {
  const { page, context, errors, requests } = await open('#/en/release');
  assert.equal(await text(page, VERDICT), 'Release v1.2.3: 2 jobs, 14 artifacts, 3 images · 1 problem');
  assert.equal(await page.getAttribute(VERDICT, 'aria-live'), 'polite');
  assert.equal(await page.title(), 'Release preview — Go Deploy Playground');
  // Five tabs; the workflow is open; the Dockerfile is called by its real name.
  assert.deepEqual(await attrs(page, '.rel-tab', 'data-file'), ['main-go', 'makefile', 'dockerfile', 'goreleaser', 'workflow']);
  assert.equal(await text(page, '.rel-tab[data-file="dockerfile"] .rel-tab-name'), 'Dockerfile.release');
  assert.equal(await page.getAttribute('.rel-tab[aria-selected="true"]', 'data-file'), 'workflow');
  // Triggered by the tag filter, whose line button points at it.
  assert.equal(await page.getAttribute('.rel-trigger-section .wf-trigger', 'data-triggered'), 'true');
  assert.match(await text(page, '.rel-trigger-reason'), /v1\.2\.3.*v\*\.\*\.\*/);
  await page.click('.rel-trigger-place');
  const filterLine = await page.locator(EDITOR).evaluate((el) => el.value.split('\n').findIndex((l) => l.includes('"v*.*.*"')) + 1);
  assert.deepEqual(await caret(page), { tab: 'workflow', line: filterLine });
  // Jobs in order: test, then release; the graph draws the same.
  assert.deepEqual(await jobStatuses(page), ['test success', 'release success']);
  assert.deepEqual(await attrs(page, `${PAGE} svg .wf-node`, 'data-job'), ['test', 'release']);
  // What GoReleaser publishes.
  assert.equal(await page.getAttribute('.rel-published', 'data-published'), 'true');
  const archives = await attrs(page, '.rel-artifact[data-kind="archive"]', 'data-name');
  assert.equal(archives.length, 6);
  assert.ok(archives.includes('shortlink_1.2.3_windows_amd64.zip'), archives.join());
  assert.match(await text(page, '.rel-artifact[data-kind="checksum"]'), /checksums\.txt.*covers 6 files/);
  assert.ok((await page.locator('.rel-changelog li').count()) >= 2);
  // Images: two per-architecture images and the manifest list, all pushed by release.
  assert.deepEqual(await attrs(page, '.rel-image', 'data-reference'), [
    'ghcr.io/acme/shortlink:1.2.3-amd64',
    'ghcr.io/acme/shortlink:1.2.3-arm64',
    'ghcr.io/acme/shortlink:1.2.3',
  ]);
  assert.deepEqual(await attrs(page, '.rel-image', 'data-pushed'), ['true', 'true', 'true']);
  assert.match(await text(page, '.rel-image[data-manifest="true"] .rel-image-facts'), /manifest list.*linux\/amd64.*linux\/arm64/);
  // /version per target.
  const targets = await attrs(page, '.rel-version', 'data-target');
  assert.deepEqual(targets, ['linux_amd64_v1', 'linux_arm64_v8.0', 'darwin_amd64_v1', 'darwin_arm64_v8.0', 'windows_amd64_v1', 'windows_arm64_v8.0']);
  const versions = await page.$$eval('.rel-version .rel-v-version', (tds) => tds.map((td) => td.textContent.trim()));
  assert.deepEqual(versions, Array(6).fill('1.2.3'));
  assert.match(await text(page, '.rel-json'), /"version":"1\.2\.3","commit":"3f2a9c1"/);
  // The nav marks the page; nothing is fetched from another origin.
  assert.equal(await page.getAttribute('.nav-page a', 'aria-current'), 'page');
  assert.deepEqual(requests.filter((u) => !u.startsWith(server.origin)), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('-X main.commit (main.go has gitCommit) raises REL001; its because-trace opens main.go and the ldflags line', async () => {
  const { page, context, errors } = await open('#/en/release');
  await openTab(page, 'goreleaser');
  await typeOver(page, '-X main.gitCommit=', '-X main.commit=');
  const finding = '.rel-finding[data-code="REL001"]';
  await page.waitForSelector(finding);
  assert.match(await text(page, `${finding} .rel-finding-msg`), /main\.commit.*main\.go does not have/);
  assert.match(await text(page, `${finding} .diag-sev`), /Warning/);
  // The gutter and the tab say so too.
  assert.ok(await page.locator('.rel-panel .editor-gutter .ln-warning').count() >= 1);
  assert.match(await text(page, '.rel-tab[data-file="goreleaser"] .rel-badge'), /▲\d/);
  // The /version table shows the default for the ignored flag.
  await waitForText(page, '.rel-version[data-target="linux_amd64_v1"] .rel-v-commit', /^none$/);

  // Step into main.go: its tab opens, the caret sits on the line the step names.
  const mainStep = `${finding} .rel-step-place[data-file="main-go"]`;
  const mainLine = Number(await page.getAttribute(mainStep, 'data-line'));
  assert.ok(mainLine > 0);
  await page.click(mainStep);
  await page.waitForSelector('.rel-panel[data-file="main-go"]');
  assert.deepEqual(await caret(page), { tab: 'main-go', line: mainLine });
  const mainText = await page.locator(EDITOR).inputValue();
  assert.match(mainText.split('\n')[mainLine - 1], /version|gitCommit|buildTime/);
  // The marked line is banded in the editor.
  assert.equal(await text(page, '.rel-panel .editor-gutter .ln-hl'), String(mainLine));

  // And back to the ldflags line that writes -X main.commit.
  const yamlStep = `${finding} .rel-step-place[data-file="goreleaser"]`;
  const yamlLine = Number(await page.getAttribute(yamlStep, 'data-line'));
  await page.click(yamlStep);
  await page.waitForSelector('.rel-panel[data-file="goreleaser"]');
  assert.deepEqual(await caret(page), { tab: 'goreleaser', line: yamlLine });
  const yamlText = await page.locator(EDITOR).inputValue();
  assert.match(yamlText.split('\n')[yamlLine - 1], /-X main\.commit=/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone, a because-step opens its file with the tabs still in view', async () => {
  const { page, context, errors } = await open('#/en/release', { viewport: { width: 390, height: 844 } });
  await openTab(page, 'goreleaser');
  await typeOver(page, '-X main.gitCommit=', '-X main.commit=');
  const step = '.rel-finding[data-code="REL001"] .rel-step-place[data-file="main-go"]';
  await page.waitForSelector(step);
  const line = Number(await page.getAttribute(step, 'data-line'));
  await page.click(step);
  await page.waitForSelector('.rel-panel[data-file="main-go"]');
  assert.deepEqual(await caret(page), { tab: 'main-go', line });
  // Let the smooth scroll (if any) end, then look at where things are.
  await page.waitForTimeout(600);
  const box = await page.locator('.rel-tab[aria-selected="true"]').boundingBox();
  const header = await page.locator('.site-header').boundingBox();
  assert.ok(box.y >= header.y + header.height - 1 && box.y + box.height <= 844, `the open tab is at y=${box.y}`);
  const lineBox = await page.locator(`.rel-panel .editor-gutter .ln:nth-child(${line})`).boundingBox();
  assert.ok(lineBox.y > box.y + box.height - 1 && lineBox.y + lineBox.height <= 844, `line ${line} is at y=${lineBox.y}`);
  await page.screenshot({ path: artifact('release-phone-because-jump.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a tag filter v1.2.3 does not match: not triggered, REL003, nothing published', async () => {
  const { page, context, errors } = await open('#/en/release');
  await typeOver(page, '"v*.*.*"', '"release-*"');
  await waitForText(page, VERDICT, /^Release v1\.2\.3: the push does not trigger the workflow/);
  assert.equal(await page.getAttribute(VERDICT, 'data-triggered'), 'false');
  assert.equal(await page.getAttribute('.rel-trigger-section .wf-trigger', 'data-triggered'), 'false');
  await page.waitForSelector('.rel-finding[data-code="REL003"].diag-error');
  assert.deepEqual(await jobStatuses(page), ['test skipped', 'release skipped']);
  assert.deepEqual(await attrs(page, '.rel-image', 'data-pushed'), ['false', 'false', 'false']);
  assert.equal(await page.getAttribute('.rel-published', 'data-published'), 'false');
  // A tag that matches the new filter runs again.
  await page.fill('#release-tag', 'release-7');
  await waitForText(page, VERDICT, /^Release release-7: 2 jobs/);
  assert.equal(await page.locator('.rel-finding[data-code="REL003"]').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Share carries the five files; the shared preview runs on them and Keep replaces the reader\'s own', async () => {
  const sender = await open('#/en/release');
  await typeOver(sender.page, '"v*.*.*"', '"release-*"');
  await waitForText(sender.page, VERDICT, /does not trigger the workflow/);
  await sender.page.locator(`${PAGE} .pg-share-toggle`).click();
  const field = sender.page.locator(`${PAGE} .pg-share-link`);
  await field.waitFor();
  const link = await field.inputValue();
  assert.match(link, /#\/share\/v1\/[A-Za-z0-9_-]+$/);
  assert.deepEqual(sender.errors, []);
  await sender.context.close();

  // The reader has saved work of their own: a comment in the Makefile.
  const { page, context, errors } = await open('#/en/release');
  await openTab(page, 'makefile');
  await page.locator(EDITOR).evaluate((el) => el.focus());
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('# mine\n');
  const key = 'gdp.v2.pg.en.release.makefile';
  await page.waitForFunction((k) => localStorage.getItem(k)?.includes('# mine'), key);
  const before = await page.evaluate(() => ({ ...localStorage }));

  await page.goto(link);
  await page.waitForSelector('.share-view[data-share="release"]');
  await waitForText(page, VERDICT, /does not trigger the workflow/);
  assert.equal(await page.getAttribute(VERDICT, 'data-triggered'), 'false');
  assert.equal(await page.locator(`${PAGE} .pg-share-toggle`).count(), 0, 'no Share inside the share view');
  // Live, in memory: an edit reruns the release and saves nothing.
  await typeOver(page, '"release-*"', '"v*"');
  await waitForText(page, VERDICT, /^Release v1\.2\.3: 2 jobs/);
  assert.deepEqual(await page.evaluate(() => ({ ...localStorage })), before);
  // Keep asks first; then the shared files (as edited) replace the reader's.
  await page.locator('.share-keep').click();
  assert.match(await page.locator('.share-confirm').textContent(), /Replace the five files/);
  await page.locator('.share-keep-yes').click();
  await page.waitForFunction(() => document.querySelector('.share-status')?.textContent.includes('Saved as your version'));
  const kept = await page.evaluate(() => ({ ...localStorage }));
  assert.ok(!kept[key].includes('# mine'), 'the Makefile is the shared one');
  assert.ok(kept['gdp.v2.pg.en.release.workflow'].includes('- "v*"\n'), kept['gdp.v2.pg.en.release.workflow']);
  await page.locator('.share-status a').click();
  await page.waitForFunction(() => location.hash === '#/en/release' && !document.querySelector('.share-view'));
  await waitForText(page, VERDICT, /^Release v1\.2\.3: 2 jobs/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a broken file shows its errors above the run and in its editor, never a blank page', async () => {
  const { page, context, errors } = await open('#/en/release');
  // A YAML syntax error in the workflow (the tab that is open), in one input event: typed key
  // by key, a half-typed state has its error on another line, and a check could read it before
  // the last key's render.
  await typeOver(page, 'on:\n', 'on: [\n', { oneEvent: true });
  await page.waitForSelector('.rel-file-errors');
  const item = '.rel-file-error[data-code="yaml-syntax"]';
  const line = Number(await page.getAttribute(`${item} .rel-file-error-place`, 'data-line'));
  assert.ok(line > 0, `line ${line}`);
  assert.equal(await page.getAttribute(`${item} .rel-file-error-place`, 'data-file'), 'workflow');
  // The editor lists it too, and its gutter marks the line; the tab carries the count.
  assert.ok(await page.locator('.rel-panel .diag-list .diag-error').count() >= 1);
  assert.equal(await text(page, '.rel-panel .editor-gutter .ln-error'), `✖${line}`);
  assert.match(await text(page, '.rel-tab[data-file="workflow"] .rel-badge'), /✖\d/);
  // GitHub does not run a file it cannot read: REL003 says so and points at the error.
  await waitForText(page, VERDICT, /does not trigger the workflow/);
  const rel003 = '.rel-finding[data-code="REL003"]';
  assert.match(await text(page, `${rel003} .rel-finding-msg`), /Invalid workflow file/);
  assert.equal(await page.getAttribute(`${rel003} .rel-finding-place`, 'data-line'), String(line));
  assert.doesNotMatch(await text(page, '.rel-trigger-reason'), /it lists: \)/);
  // The rest of the page is still there.
  assert.equal(await page.locator('.rel-tab').count(), 5);
  assert.ok(await page.locator('.rel-version').count() > 0);
  // From another tab, the error's button brings the learner back to the line.
  await openTab(page, 'main-go');
  await page.click(`${item} .rel-file-error-place`);
  await page.waitForSelector('.rel-panel[data-file="workflow"]');
  assert.deepEqual(await caret(page), { tab: 'workflow', line });
  // A .goreleaser.yaml that is not YAML at all, and an empty Makefile: still a page.
  await openTab(page, 'goreleaser');
  await page.locator(EDITOR).evaluate((el) => {
    el.value = '\t: [ {{ }\n  - - : :\n"';
    el.dispatchEvent(new InputEvent('input', { bubbles: true }));
  });
  await page.waitForSelector('.rel-file-error[data-code="yaml-syntax"] .rel-file-error-place[data-file="goreleaser"]');
  await openTab(page, 'makefile');
  await page.locator(EDITOR).evaluate((el) => {
    el.value = '';
    el.dispatchEvent(new InputEvent('input', { bubbles: true }));
  });
  await page.waitForSelector('.rel-panel .rel-missing');
  assert.equal(await page.locator('.release-page h1').count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('marking test as failing skips the release: nothing is published or pushed', async () => {
  const { page, context, errors } = await open('#/en/release');
  const toggle = `${PAGE} .wf-fail[data-job="test"]`;
  await page.click(toggle);
  assert.equal(await page.getAttribute(toggle, 'aria-pressed'), 'true');
  await waitForText(page, VERDICT, /^Release v1\.2\.3: 2 jobs \(1 failed, 1 skipped\), nothing published/);
  assert.deepEqual(await jobStatuses(page), ['test failure', 'release skipped']);
  assert.match(await text(page, `${PAGE} .wf-job[data-job="release"] .wf-because`), /needed job test failed/);
  assert.equal(await page.getAttribute('.rel-published', 'data-published'), 'false');
  assert.match(await text(page, '.rel-published'), /release: ⊘ skipped/);
  assert.deepEqual(await attrs(page, '.rel-image', 'data-pushed'), ['false', 'false', 'false']);
  // A shallow history is the learner's to force too: REL004 appears.
  await page.check('input[name="release-history"][value="shallow"]');
  await page.waitForSelector('.rel-finding[data-code="REL004"]');
  assert.equal(await page.getAttribute('.rel-history-line', 'data-full'), 'false');
  await page.click(toggle);
  await waitForText(page, VERDICT, /^Release v1\.2\.3: 2 jobs, 14 artifacts, 3 images/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('edits survive a reload, are saved per language, and reset; the tabs follow the arrow keys', async () => {
  const { page, context, errors } = await open('#/en/release');
  await openTab(page, 'goreleaser');
  await typeOver(page, '-X main.gitCommit=', '-X main.commit=');
  await page.waitForSelector('.rel-finding[data-code="REL001"]');
  assert.equal(await page.locator('.rel-tab[data-file="goreleaser"] .rel-tab-edited').count(), 1);
  await page.reload();
  await ready(page);
  await page.waitForSelector('.rel-finding[data-code="REL001"]');
  await openTab(page, 'goreleaser');
  assert.match(await page.locator(EDITOR).inputValue(), /-X main\.commit=/);
  assert.equal(await page.locator('.rel-tab[data-file="goreleaser"] .rel-tab-edited').count(), 1);
  // Saved like any playground, per language, under a key the progress page counts.
  const saved = await page.evaluate(() => localStorage.getItem('gdp.v2.pg.en.release.goreleaser'));
  assert.match(saved ?? '', /^v2:\d+:[^]*-X main\.commit=/);
  // Japanese keeps its own copy (the default files' comments are Japanese): no REL001 there
  // until the same edit is made in Japanese; then English still has its own.
  await page.click('.lang-option[lang="ja"]');
  await waitForText(page, VERDICT, /^リリース v1\.2\.3: /);
  assert.equal(await page.locator('.rel-finding[data-code="REL001"]').count(), 0);
  await openTab(page, 'goreleaser');
  assert.match(await page.locator(EDITOR).inputValue(), /GoReleaser は自動では設定しない/);
  await typeOver(page, '-X main.gitCommit=', '-X main.commit=');
  await page.waitForSelector('.rel-finding[data-code="REL001"]');
  assert.match(await text(page, '.rel-finding[data-code="REL001"] .diag-sev'), /警告/);
  await page.click('.lang-option[lang="en"]');
  await waitForText(page, VERDICT, /^Release v1\.2\.3: /);
  await page.waitForSelector('.rel-finding[data-code="REL001"]');
  await page.click('.lang-option[lang="ja"]');
  await waitForText(page, VERDICT, /^リリース v1\.2\.3: /);
  // Arrow keys move between tabs (and focus), wrapping around; Home and End jump. The page
  // opened again in Japanese, on the workflow.
  await page.focus('.rel-tab[aria-selected="true"]');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.file), 'workflow');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getAttribute('.rel-tab[aria-selected="true"]', 'data-file'), 'main-go');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.getAttribute('.rel-tab[aria-selected="true"]', 'data-file'), 'goreleaser');
  await page.keyboard.press('Home');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.file), 'main-go');
  // Reset brings the chapter's file back, the finding goes and the saved value with it.
  await openTab(page, 'goreleaser');
  await page.click('.rel-panel .editor-reset');
  await page.click('.rel-panel .editor-reset-yes');
  await page.waitForFunction(() => !document.querySelector('.rel-finding[data-code="REL001"]'));
  assert.equal(await page.locator('.rel-tab-edited').count(), 0);
  assert.equal(await page.evaluate(() => localStorage.getItem('gdp.v2.pg.ja.release.goreleaser')), null);
  assert.notEqual(await page.evaluate(() => localStorage.getItem('gdp.v2.pg.en.release.goreleaser')), null);
  // The progress page counts the kept English edit as one playground (not as unknown data).
  await page.goto(server.url + '#/en/progress');
  await page.waitForSelector('.progress-summary');
  assert.equal(await page.getAttribute('.progress-summary', 'data-playgrounds'), '1');
  assert.deepEqual(errors, []);
  await context.close();
});

/** Median, p95 and max of a list of milliseconds. */
function stats(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const q = (f) => sorted[Math.min(sorted.length - 1, Math.floor(f * sorted.length))];
  return { median: q(0.5), p95: q(0.95), max: sorted.at(-1) };
}

/**
 * Input event → DOM updated, `n` edits of the open editor alternating `from` and `to`, each
 * waiting for the verdict to change (a MutationObserver on the page, as the workflow test does).
 */
async function latency(page, from, to, n) {
  return page.evaluate(async ({ sel, verdictSel, from, to, n }) => {
    const area = document.querySelector(sel);
    const verdict = document.querySelector(verdictSel);
    const root = document.querySelector('.release-page');
    const original = area.value;
    const edited = original.replace(from, to);
    const out = [];
    for (let i = 0; i < n; i++) {
      const before = verdict.textContent;
      const value = i % 2 === 0 ? edited : original;
      const t = await new Promise((resolve) => {
        let t0 = 0;
        const mo = new MutationObserver(() => {
          if (verdict.textContent !== before) {
            const t1 = performance.now();
            mo.disconnect();
            resolve(t1 - t0);
          }
        });
        mo.observe(root, { subtree: true, childList: true, characterData: true });
        area.value = value;
        t0 = performance.now();
        area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: 'x' }));
      });
      out.push(t);
      await new Promise((r) => setTimeout(r, 0));
    }
    return out;
  }, { sel: EDITOR, verdictSel: VERDICT, from, to, n });
}

test('latency: input event to updated page, 200 edits of .goreleaser.yaml and of the workflow', async () => {
  const { page, context, errors } = await open('#/en/release');
  await openTab(page, 'goreleaser');
  // A `-X` main.go lacks and back: every edit changes the findings, so the whole preview reruns.
  const yaml = stats(await latency(page, '-X main.gitCommit=', '-X main.commit=', 200));
  await openTab(page, 'workflow');
  const workflow = stats(await latency(page, '"v*.*.*"', '"x*"', 200));
  for (const [name, s] of [['.goreleaser.yaml', yaml], ['workflow', workflow]]) {
    console.log(`release preview latency, ${name}, 200 edits: median ${s.median.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms, max ${s.max.toFixed(2)} ms`);
  }
  assert.ok(yaml.p95 < 100 && workflow.p95 < 100, `p95 ${yaml.p95} / ${workflow.p95} ms`);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
  for (const scheme of ['light', 'dark']) {
    test(`screenshots: release ${name} ${scheme}, no horizontal page scroll`, async () => {
      const { page, context, errors } = await open('#/en/release', { viewport, colorScheme: scheme });
      await page.screenshot({ path: artifact(`release-${name}-${scheme}.png`) });
      // A problem to look at: REL001 with its trace, and test marked as failing.
      await openTab(page, 'goreleaser');
      await typeOver(page, '-X main.gitCommit=', '-X main.commit=');
      await page.waitForSelector('.rel-finding[data-code="REL001"]');
      await page.click(`${PAGE} .wf-fail[data-job="test"]`);
      await waitForText(page, VERDICT, /nothing published/);
      await page.locator('.rel-findings').screenshot({ path: artifact(`release-findings-${name}-${scheme}.png`) });
      await page.locator('.rel-jobs').screenshot({ path: artifact(`release-jobs-${name}-${scheme}.png`) });
      await page.locator('.rel-versions').screenshot({ path: artifact(`release-versions-${name}-${scheme}.png`) });
      await page.screenshot({ path: artifact(`release-page-${name}-${scheme}.png`), fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `horizontal overflow ${overflow}px`);
      assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}
