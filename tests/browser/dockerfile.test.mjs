// The Dockerfile playground on the release build: typing into the editor updates the layer
// count, the final size, the cache statuses and the verdict; the CGO trap flips; moving
// `COPY . .` above `go mod download` breaks the cache; latency from an input event to the DOM;
// screenshots on desktop and phone in both themes.

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

const pg = (id) => `.pg[data-playground="${id}"]`;
const editor = (chapter, id) => `#pg-${chapter}-${id}-code`;

async function open(hash, options) {
  const opened = await openPage(browser, options);
  await opened.page.goto(server.url + hash);
  await ready(opened.page);
  return opened;
}

/** Selects `from` in the editor and types `to` over it, key by key. */
async function typeOver(page, sel, from, to) {
  const area = page.locator(sel);
  await area.evaluate((el, from) => {
    const i = el.value.indexOf(from);
    if (i < 0) throw new Error(`not in the editor: ${from}`);
    el.focus();
    el.setSelectionRange(i, i + from.length);
  }, from);
  await page.keyboard.type(to);
}

async function text(page, sel) {
  return (await page.locator(sel).first().textContent()).trim();
}

async function statuses(page, id) {
  return page.$$eval(`${pg(id)} .dk-step`, (rows) =>
    rows.map((r) => `${r.querySelector('.dk-step-ins').textContent} ${r.dataset.status}`),
  );
}

async function waitForText(page, sel, pattern) {
  await page.waitForFunction(
    ([sel, source]) => new RegExp(source).test(document.querySelector(sel)?.textContent ?? ''),
    [sel, pattern.source],
  );
}

test('production example: layers, size, cache and verdict follow what is typed', async () => {
  const { page, context, errors } = await open('#/en/docker-multistage/production');
  const p = pg('production');
  await page.locator(editor('docker-multistage', 'production')).waitFor();
  assert.equal(await page.getAttribute(`${p} .dk-layer-count`, 'data-count'), '2');
  assert.equal(await text(page, `${p} .dk-total-size`), '7.0 MB');
  assert.equal(await text(page, `${p} .pg-verdict`), 'Starts · 7.0 MB');
  // Cache: with main.go changed (the default choice) only COPY . . and what follows re-run.
  await page.click(`${p} .dk-tab[data-tab="cache"]`);
  assert.equal(await page.getAttribute(`${p} .dk-tab[data-tab="cache"]`, 'aria-pressed'), 'true');
  let steps = await statuses(page, 'production');
  assert.ok(steps.includes('[build 4/6] RUN go mod download cached'), steps.join('\n'));
  assert.ok(steps.some((s) => /RUN CGO_ENABLED=0 .* rebuilt$/.test(s)), steps.join('\n'));
  // Nothing changed: everything cached, 0 s.
  await page.check(`${p} input[value="nothing"]`);
  await waitForText(page, `${p} .dk-rebuild-total`, /^0 s$/);
  steps = await statuses(page, 'production');
  assert.ok(steps.every((s) => s.endsWith(' cached')), steps.join('\n'));
  // go.mod changed: go mod download re-runs.
  await page.check(`${p} input[value="go-mod"]`);
  await page.waitForSelector(`${p} .dk-step[data-status="rebuilt"]`);
  steps = await statuses(page, 'production');
  assert.ok(steps.includes('[build 4/6] RUN go mod download rebuilt'), steps.join('\n'));
  // A build ARG (VERSION) changed: the go build step re-runs, go mod download stays cached.
  await page.check(`${p} input[value="build-arg"]`);
  await page.waitForFunction((p) => document.querySelector(`${p} .dk-changes`).textContent.includes('VERSION'), p);
  await page.waitForFunction((p) => document.querySelector(`${p} .dk-step[data-line="10"]`)?.dataset.status === 'cached', p);
  steps = await statuses(page, 'production');
  assert.ok(steps.includes('[build 4/6] RUN go mod download cached'), steps.join('\n'));
  assert.ok(steps.some((s) => /RUN CGO_ENABLED=0 .* rebuilt$/.test(s)), steps.join('\n'));
  // Type a new runtime base: the toolchain image ships.
  await typeOver(page, editor('docker-multistage', 'production'), 'gcr.io/distroless/static-debian12:nonroot', 'golang:1.22');
  await waitForText(page, `${p} .pg-verdict`, /^Starts · \d{3} MB$/);
  const size = await text(page, `${p} .dk-total-size`);
  assert.match(size, /^8\d\d MB$/, size);
  assert.ok(Number(await page.getAttribute(`${p} .dk-layer-count`, 'data-count')) >= 2);
  assert.deepEqual(errors, []);
  await context.close();
});

test('moving COPY . . above go mod download: main.go changes re-run go mod download', async () => {
  const { page, context, errors } = await open('#/en/anti-patterns/mod-cache');
  const p = pg('mod-cache-fix');
  const sel = editor('anti-patterns', 'mod-cache-fix');
  await page.locator(sel).waitFor();
  await page.click(`${p} .dk-tab[data-tab="cache"]`);
  await page.check(`${p} input[value="main-go"]`);
  let steps = await statuses(page, 'mod-cache-fix');
  assert.ok(steps.some((s) => /RUN go mod download cached$/.test(s)), steps.join('\n'));
  const original = await page.locator(sel).inputValue();
  const lines = original.split('\n');
  const copyAll = lines.findIndex((l) => l.startsWith('COPY . .'));
  const download = lines.findIndex((l) => l.startsWith('RUN go mod download'));
  const [moved] = lines.splice(copyAll, 1);
  lines.splice(download, 0, moved);
  await page.locator(sel).fill(lines.join('\n'));
  await page.waitForFunction(
    (p) => [...document.querySelectorAll(`${p} .dk-step`)].some(
      (r) => r.querySelector('.dk-step-ins').textContent.endsWith('RUN go mod download') && r.dataset.status === 'rebuilt'),
    p,
  );
  steps = await statuses(page, 'mod-cache-fix');
  assert.ok(steps.some((s) => /RUN go mod download rebuilt$/.test(s)), steps.join('\n'));
  assert.match(await text(page, `${p} .dk-rebuild-total`), /\d/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('single-stage anti-pattern: the toolchain ships, and a smaller base shrinks it', async () => {
  const { page, context, errors } = await open('#/en/anti-patterns');
  const p = pg('single-stage');
  const sel = editor('anti-patterns', 'single-stage');
  await page.locator(sel).waitFor();
  const before = await text(page, `${p} .dk-total-size`);
  assert.match(before, /^8\d\d MB$/, before);
  const layers = Number(await page.getAttribute(`${p} .dk-layer-count`, 'data-count'));
  assert.equal(layers, 4); // FROM, WORKDIR, COPY, RUN
  assert.match(await text(page, `${p} .pg-verdict`), /^Starts · 8\d\d MB$/);
  // The lint panel names the lesson.
  await page.click(`${p} .dk-tab[data-tab="lint"]`);
  assert.ok(await page.isVisible(`${p} .dk-lint-item[data-code="GDP001"]`));
  await typeOver(page, sel, 'FROM golang:1.22', 'FROM golang:1.22-alpine');
  await page.waitForFunction((p) => /^2\d\d MB$/.test(document.querySelector(`${p} .dk-total-size`).textContent), p);
  assert.deepEqual(errors, []);
  await context.close();
});

test('CGO trap: cgo on distroless/static does not start; CGO_ENABLED=0 does', async () => {
  const { page, context, errors } = await open('#/en/faq');
  const p = pg('cgo-trap');
  const sel = editor('faq', 'cgo-trap');
  await page.locator(sel).waitFor();
  const verdict = await text(page, `${p} .pg-verdict`);
  assert.match(verdict, /^Does not start: exec \/shortlink: no such file or directory$/, verdict);
  await page.click(`${p} .dk-tab[data-tab="run"]`);
  assert.equal(await page.getAttribute(`${p} .dk-run`, 'data-starts'), 'false');
  assert.match(await text(page, `${p} .dk-terminal`), /no such file or directory/);
  await typeOver(page, sel, 'CGO_ENABLED=1', 'CGO_ENABLED=0');
  await waitForText(page, `${p} .pg-verdict`, /^Starts · /);
  assert.equal(await page.getAttribute(`${p} .dk-run`, 'data-starts'), 'true');
  // The base image comparison: scratch and distroless start, every row has a verdict.
  await page.click(`${p} .dk-tab[data-tab="bases"]`);
  const rows = await page.$$eval(`${p} .dk-base-table tbody tr`, (trs) => trs.map((tr) => [tr.dataset.base, tr.dataset.starts]));
  assert.equal(rows.length, 5);
  assert.deepEqual(rows.find(([b]) => b === 'scratch'), ['scratch', 'true']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard: the tabs are buttons with aria-pressed, and a layer bar puts the caret on its line', async () => {
  const { page, context, errors } = await open('#/en/docker-multistage/production');
  const p = pg('production');
  const sel = editor('docker-multistage', 'production');
  await page.locator(sel).waitFor();
  await page.focus(`${p} .dk-tab[data-tab="lint"]`);
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute(`${p} .dk-tab[data-tab="lint"]`, 'aria-pressed'), 'true');
  assert.ok(await page.isHidden(`${p} .dk-panel[data-panel="layers"]`));
  await page.click(`${p} .dk-tab[data-tab="layers"]`);
  await page.focus(`${p} .dk-layer[data-line="26"] button`);
  // Focus highlights the line in the gutter; Enter jumps the caret.
  await page.waitForFunction(
    (p) => document.querySelector(`${p} .dk-editor .ln-hl`)?.textContent.trim() === '26' &&
      document.querySelectorAll(`${p} .dk-editor .editor-bands .band`).length === 26 &&
      document.querySelector(`${p} .dk-editor .band:last-child`)?.classList.contains('band-hl'),
    p,
  );
  await page.locator(p).screenshot({ path: artifact('dockerfile-line-highlight.png') });
  await page.keyboard.press('Enter');
  const caretLine = await page.locator(sel).evaluate((el) => el.value.slice(0, el.selectionStart).split('\n').length);
  assert.equal(caretLine, 26);
  // And back: the caret on a continuation line of the go build RUN (line 21) marks its step.
  await page.click(`${p} .dk-tab[data-tab="cache"]`);
  await page.locator(sel).evaluate((el) => {
    const i = el.value.split('\n').slice(0, 20).join('\n').length + 3;
    el.focus();
    el.setSelectionRange(i, i);
  });
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector(`${p} .dk-step.active[data-line="19"]`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('latency: input event to updated result, production Dockerfile, 240 edits', async () => {
  const { page, context, errors } = await open('#/en/docker-multistage/production');
  const sel = editor('docker-multistage', 'production');
  await page.locator(sel).waitFor();
  const times = await page.evaluate(async ({ sel, p }) => {
    const area = document.querySelector(sel);
    const verdict = document.querySelector(`${p} .pg-verdict`);
    const results = document.querySelector(`${p} .pg-results`);
    const original = area.value;
    const out = [];
    for (let i = 0; i < 240; i++) {
      // Alternate a working and a broken ENTRYPOINT so every edit changes the verdict.
      const broken = i % 2 === 0;
      const value = broken ? original.replace('["/shortlink"]', `["/shortlink${i}"]`) : original;
      const want = broken ? 'Does not start' : 'Starts';
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
  }, { sel, p: pg('production') });
  const sorted = [...times].sort((a, b) => a - b);
  const q = (f) => sorted[Math.min(sorted.length - 1, Math.floor(f * sorted.length))];
  console.log(`dockerfile latency over ${times.length} edits: median ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms, max ${sorted.at(-1).toFixed(2)} ms`);
  assert.ok(q(0.95) < 50, `p95 ${q(0.95)} ms`);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
  for (const scheme of ['light', 'dark']) {
    test(`screenshots: dockerfile ${name} ${scheme}, no horizontal page scroll`, async () => {
      const { page, context, errors } = await open('#/en/docker-multistage/production', { viewport, colorScheme: scheme });
      const p = pg('production');
      await page.locator(editor('docker-multistage', 'production')).waitFor();
      await page.locator(p).scrollIntoViewIfNeeded();
      await page.locator(p).screenshot({ path: artifact(`dockerfile-${name}-${scheme}.png`) });
      await page.click(`${p} .dk-tab[data-tab="cache"]`);
      await page.locator(`${p} .dk-results`).screenshot({ path: artifact(`dockerfile-cache-${name}-${scheme}.png`) });
      await page.click(`${p} .dk-tab[data-tab="bases"]`);
      await page.locator(`${p} .dk-results`).screenshot({ path: artifact(`dockerfile-bases-${name}-${scheme}.png`) });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `horizontal overflow ${overflow}px`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

test('Japanese: the verdict and the panels speak Japanese', async () => {
  const { page, context, errors } = await open('#/ja/faq');
  const p = pg('cgo-trap');
  await page.locator(editor('faq', 'cgo-trap')).waitFor();
  assert.match(await text(page, `${p} .pg-verdict`), /^起動しない: exec \/shortlink: no such file or directory$/);
  await page.locator(p).scrollIntoViewIfNeeded();
  await page.click(`${p} .dk-tab[data-tab="run"]`);
  await page.locator(p).screenshot({ path: artifact('dockerfile-ja-cgo-run.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator(`${p} .dk-results`).screenshot({ path: artifact('dockerfile-ja-cgo-run-phone.png') });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `horizontal overflow ${overflow}px`);
  assert.deepEqual(errors, []);
  await context.close();
});
