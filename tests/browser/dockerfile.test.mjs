// The Dockerfile playground on the release build: the Stages panel (the guide's builder →
// runtime graph, the target, skipped stages); typing into the editor updates the layer count,
// the final size, the cache statuses and the verdict (the multi-stage example, the single-stage
// anti-pattern, CGO on scratch); the CGO trap flips; moving `COPY . .` above `go mod download`
// breaks the cache; keyboard-only use; lint rows jump to their line; latency from an input
// event to the DOM; screenshots on desktop and phone in both themes.

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

/** Opens a result panel, as a learner would before reading it: a panel is built the first time
 * its tab opens, and a hidden one keeps what it last showed. */
async function showTab(page, p, tab) {
  await page.click(`${p} .dk-tab[data-tab="${tab}"]`);
  await page.waitForSelector(`${p} .dk-panel[data-panel="${tab}"]:not([hidden]) > *`);
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
  await showTab(page, p, 'layers');
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
  await showTab(page, p, 'layers');
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
  await showTab(page, p, 'layers');
  const before = await text(page, `${p} .dk-total-size`);
  assert.match(before, /^8\d\d MB$/, before);
  const layers = Number(await page.getAttribute(`${p} .dk-layer-count`, 'data-count'));
  assert.equal(layers, 4); // FROM, WORKDIR, COPY, RUN
  assert.match(await text(page, `${p} .pg-verdict`), /^Starts · 8\d\d MB$/);
  // The lint panel names the lesson and links to the section that teaches it.
  await page.click(`${p} .dk-tab[data-tab="lint"]`);
  assert.ok(await page.isVisible(`${p} .dk-lint-item[data-code="GDP001"]`));
  assert.equal(
    await page.getAttribute(`${p} .dk-lint-item[data-code="GDP001"] .dk-lesson-link`, 'href'),
    '#/en/anti-patterns/build-stage',
  );
  // Cache after a main.go change (the default choice): COPY . . copies main.go, so it and the
  // go build after it re-run; the base and WORKDIR stay cached.
  await page.click(`${p} .dk-tab[data-tab="cache"]`);
  assert.deepEqual(await statuses(page, 'single-stage'), [
    '[stage-0 1/4] FROM golang:1.22 cached',
    '[stage-0 2/4] WORKDIR /src cached',
    '[stage-0 3/4] COPY . . rebuilt',
    '[stage-0 4/4] RUN go build -o /usr/local/bin/shortlink ./cmd/shortlink rebuilt',
  ]);
  // Without a .dockerignore a README edit busts COPY . . too.
  await page.check(`${p} input[value="readme"]`);
  await page.waitForFunction((p) => document.querySelector(`${p} .dk-step[data-line="5"]`)?.dataset.status === 'rebuilt', p);
  await page.check(`${p} input[value="main-go"]`);
  await typeOver(page, sel, 'FROM golang:1.22', 'FROM golang:1.22-alpine');
  // The open Cache panel follows the edit; the Layers panel catches up when it is opened.
  await page.waitForFunction((p) => document.querySelector(`${p} .dk-step .dk-step-ins`)?.textContent.endsWith('FROM golang:1.22-alpine'), p);
  await showTab(page, p, 'layers');
  await page.waitForFunction((p) => /^2\d\d MB$/.test(document.querySelector(`${p} .dk-total-size`).textContent), p);
  assert.equal(await page.getAttribute(`${p} .dk-layer-count`, 'data-count'), '4');
  assert.match(await text(page, `${p} .pg-verdict`), /^Starts · 2\d\d MB$/);
  await showTab(page, p, 'cache');
  const after = await statuses(page, 'single-stage');
  assert.equal(after[0], '[stage-0 1/4] FROM golang:1.22-alpine cached');
  assert.deepEqual(after.slice(2).map((s) => s.split(' ').at(-1)), ['rebuilt', 'rebuilt']);
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

test('Stages panel: the guide builder → runtime graph, the target, and skipped stages', async () => {
  const { page, context, errors } = await open('#/en/docker-multistage/production');
  const p = pg('production');
  const sel = editor('docker-multistage', 'production');
  await page.locator(sel).waitFor();
  // Stages is the first tab and the one shown.
  assert.equal(await page.getAttribute(`${p} .dk-tab`, 'data-tab'), 'stages');
  assert.equal(await page.getAttribute(`${p} .dk-tab[data-tab="stages"]`, 'aria-pressed'), 'true');
  assert.ok(await page.isVisible(`${p} .dk-sg`));
  const nodes = () => page.$$eval(`${p} .dk-sg-node`, (gs) => gs.map((g) => ({
    stage: g.dataset.stage, line: g.dataset.line, cls: g.getAttribute('class'), text: g.textContent,
  })));
  let boxes = await nodes();
  assert.equal(boxes.length, 2);
  assert.equal(boxes[0].line, '4');
  assert.match(boxes[0].text, /#0 build.*FROM golang:1\.22-alpine.*line 4 · \d+ MB/);
  assert.equal(boxes[0].cls, 'dk-sg-node');
  assert.equal(boxes[1].cls, 'dk-sg-node target');
  assert.match(boxes[1].text, /◎ target/);
  assert.match(boxes[1].text, /7\.0 MB/);
  assert.ok(await page.isVisible(`${p} .dk-sg-edge[data-kind="copy"][data-from="0"][data-to="1"]`));
  assert.equal(await page.$$eval(`${p} .dk-sg-node.skipped`, (n) => n.length), 0);
  // The SVG is an image with a title and a description; the table says the same in text.
  assert.equal(await page.getAttribute(`${p} .dk-sg`, 'role'), 'img');
  assert.match(await text(page, `${p} .dk-sg desc`), /2 stage\(s\), 0 skipped/);
  const rows = await page.$$eval(`${p} .dk-stage-row`, (trs) => trs.map((tr) => [tr.dataset.stage, tr.dataset.built, tr.dataset.target]));
  assert.deepEqual(rows, [['0', 'true', 'false'], ['1', 'true', 'true']]);
  // Hovering a box highlights its FROM line; clicking puts the caret there.
  await page.hover(`${p} .dk-sg-node[data-stage="0"]`);
  await page.waitForFunction((p) => document.querySelector(`${p} .dk-editor .ln-hl`)?.textContent.trim() === '4', p);
  await page.click(`${p} .dk-sg-node[data-stage="0"]`);
  const caretLine = await page.locator(sel).evaluate((el) => el.value.slice(0, el.selectionStart).split('\n').length);
  assert.equal(caretLine, 4);
  assert.equal(await page.evaluate(() => document.activeElement?.id), sel.slice(1));

  // --target build: the runtime stage is skipped, greyed and labelled in words.
  await page.selectOption(`${p} .dk-sg-target select`, 'build');
  await page.waitForSelector(`${p} .dk-sg-node.skipped[data-stage="1"]`);
  boxes = await nodes();
  assert.equal(boxes[0].cls, 'dk-sg-node target');
  assert.match(boxes[1].text, /⊘ skipped/);
  assert.match(boxes[1].text, /not built/);
  const look = await page.$eval(`${p} .dk-sg-node[data-stage="1"]`, (g) => ({
    dash: getComputedStyle(g.querySelector('.dk-sg-box')).strokeDasharray,
    fill: getComputedStyle(g.querySelector('.dk-sg-name')).fill,
    built: getComputedStyle(document.querySelector('.dk-sg-node[data-stage="0"] .dk-sg-name')).fill,
  }));
  assert.notEqual(look.dash, 'none');
  assert.notEqual(look.fill, look.built, 'skipped text is greyed');
  assert.match(await text(page, `${p} .dk-stage-row[data-stage="1"] .dk-stage-status`), /skipped: the target does not need it/);
  // The whole playground follows the target: the image is now the builder.
  await showTab(page, p, 'layers');
  await waitForText(page, `${p} .dk-total-size`, /^\d{3} MB$/);
  await showTab(page, p, 'stages');
  await page.screenshot({ path: artifact('dockerfile-stages-target-build.png') });
  // Renaming the chosen stage while typing does not fail the build: it falls back to the last
  // stage (no "target stage could not be found" error), and comes back with the name.
  await typeOver(page, sel, 'AS build', 'AS builder');
  await page.waitForSelector(`${p} .dk-sg-node.target[data-stage="1"]`);
  assert.equal(await page.$eval(`${p} .dk-sg-target select`, (s) => s.value), '');
  await showTab(page, p, 'lint');
  assert.equal(await page.$$eval(`${p} .dk-lint-item[data-code="DF010"]`, (n) => n.length), 0);
  await showTab(page, p, 'stages');
  await typeOver(page, sel, 'AS builder', 'AS build');
  await page.waitForSelector(`${p} .dk-sg-node.target[data-stage="0"]`);
  await page.selectOption(`${p} .dk-sg-target select`, '');
  await page.waitForSelector(`${p} .dk-sg-node.target[data-stage="1"]`);

  // Type an extra stage the runtime never uses: BuildKit skips it for the default target.
  const original = await page.locator(sel).inputValue();
  await page.locator(sel).evaluate((el, at) => {
    const i = el.value.indexOf(at);
    el.focus();
    el.setSelectionRange(i, i);
  }, '# ---- runtime stage');
  await page.keyboard.type('FROM alpine:3.19 AS debug\nRUN apk add --no-cache curl\n\n');
  await page.waitForSelector(`${p} .dk-sg-node.skipped[data-stage="1"]`);
  boxes = await nodes();
  assert.equal(boxes.length, 3);
  assert.match(boxes[1].text, /#1 debug.*⊘ skipped.*FROM alpine:3\.19.*not built/);
  assert.equal(boxes[2].cls, 'dk-sg-node target');
  assert.match(await text(page, `${p} .dk-sg desc`), /3 stage\(s\), 1 skipped/);
  assert.equal(await text(page, `${p} .dk-tab[data-tab="stages"] .dk-badge`), '3');
  await page.locator(`${p} .dk-results`).screenshot({ path: artifact('dockerfile-stages-skipped.png') });
  // A box per stage, an arrow per dependency: a five-stage Dockerfile with every edge kind.
  await page.locator(sel).fill([
    'FROM golang:1.22-alpine AS deps', 'WORKDIR /src', 'COPY go.mod go.sum ./', 'RUN go mod download', '',
    'FROM deps AS build', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /out/app ./cmd/shortlink', '',
    'FROM build AS test', 'RUN go test ./...', '',
    'FROM alpine:3.19 AS certs', 'RUN apk add --no-cache ca-certificates', '',
    'FROM scratch', 'COPY --from=certs /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/',
    'COPY --from=build /out/app /app', 'ENTRYPOINT ["/app"]', '',
  ].join('\n'));
  await page.waitForFunction((p) => document.querySelectorAll(`${p} .dk-sg-node`).length === 5, p);
  const edges = await page.$$eval(`${p} .dk-sg-edge`, (es) => es.map((e) => `${e.dataset.kind} ${e.dataset.from}→${e.dataset.to}${e.classList.contains('skipped') ? ' skipped' : ''}`).sort());
  assert.deepEqual(edges, ['copy 1→4', 'copy 3→4', 'from 0→1', 'from 1→2 skipped']);
  assert.deepEqual(await page.$$eval(`${p} .dk-sg-node.skipped`, (n) => n.map((g) => g.dataset.stage)), ['2']);
  await page.locator(`${p} .dk-results`).screenshot({ path: artifact('dockerfile-stages-five.png') });
  await page.locator(sel).fill(original);
  assert.deepEqual(errors, []);
  await context.close();
});

test('CGO on scratch: typed into the cgo-trap Dockerfile, the image shrinks and does not start', async () => {
  const { page, context, errors } = await open('#/en/faq/cgo');
  const p = pg('cgo-trap');
  const sel = editor('faq', 'cgo-trap');
  await page.locator(sel).waitFor();
  await showTab(page, p, 'layers');
  const distroless = await text(page, `${p} .dk-total-size`);
  assert.equal(await page.getAttribute(`${p} .dk-layer-count`, 'data-count'), '2');
  await typeOver(page, sel, 'gcr.io/distroless/static-debian12:nonroot', 'scratch');
  await waitForText(page, `${p} .dk-base`, /^scratch$/);
  // scratch adds no layer: the image is the one COPY --from layer, and its size is that layer's.
  assert.equal(await page.getAttribute(`${p} .dk-layer-count`, 'data-count'), '1');
  const size = await text(page, `${p} .dk-total-size`);
  assert.match(size, /^\d+\.\d MB$/);
  assert.equal(await text(page, `${p} .dk-layer .dk-bar-size`), size);
  assert.ok(parseFloat(size) < parseFloat(distroless), `${size} < ${distroless}`);
  assert.equal(await page.getAttribute(`${p} .dk-layer`, 'data-line'), '12');
  // The verdict: the dynamic binary finds no loader on scratch.
  assert.equal(await text(page, `${p} .pg-verdict`), 'Does not start: exec /shortlink: no such file or directory');
  await page.click(`${p} .dk-tab[data-tab="run"]`);
  assert.equal(await page.getAttribute(`${p} .dk-run`, 'data-starts'), 'false');
  assert.match(await text(page, `${p} .dk-terminal`), /^exec \/shortlink: no such file or directory/);
  // Cache after main.go changed: the modules stay cached; the build and the copied binary re-run.
  await page.click(`${p} .dk-tab[data-tab="cache"]`);
  assert.deepEqual((await statuses(page, 'cgo-trap')).map((s) => s.replace(/ \.\/cmd\/shortlink/, '')), [
    '[build 1/6] FROM golang:1.22 AS build cached',
    '[build 2/6] WORKDIR /src cached',
    '[build 3/6] COPY go.mod go.sum ./ cached',
    '[build 4/6] RUN go mod download cached',
    '[build 5/6] COPY . . rebuilt',
    '[build 6/6] RUN CGO_ENABLED=1 go build -o /out/shortlink rebuilt',
    '[stage-1 1/1] COPY --from=build /out/shortlink /shortlink rebuilt',
  ]);
  // CGO_ENABLED=0 fixes it on scratch too.
  await typeOver(page, sel, 'CGO_ENABLED=1', 'CGO_ENABLED=0');
  await waitForText(page, `${p} .pg-verdict`, /^Starts · /);
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard only: Tab into the Dockerfile editor indents, Esc then Tab leaves; a lint row jumps to its line', async () => {
  const { page, context, errors } = await open('#/en/anti-patterns/build-stage');
  const p = pg('single-stage');
  const sel = editor('anti-patterns', 'single-stage');
  const area = page.locator(sel);
  await area.waitFor();
  const original = await area.inputValue();
  // Reach the editor with the keyboard: from the Copy button, Tab lands in the textarea (the
  // reset button is disabled while nothing changed).
  await page.focus(`${p} .editor-actions .btn-small`);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), sel.slice(1));
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowDown'); // line 2: FROM golang:1.22
  await page.keyboard.press('Tab');
  assert.equal((await area.inputValue()).split('\n')[1], '  FROM golang:1.22', 'Tab indents two spaces');
  assert.equal(await page.evaluate(() => document.activeElement?.id), sel.slice(1), 'focus stays');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await area.inputValue(), original, 'Shift-Tab outdents');
  // Esc, then Tab: focus moves on and the text is untouched (no keyboard trap).
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  assert.notEqual(await page.evaluate(() => document.activeElement?.id), sel.slice(1));
  assert.equal(await area.inputValue(), original);
  // The lint panel's line button puts the caret on the diagnostic's line.
  await page.click(`${p} .dk-tab[data-tab="lint"]`);
  const item = `${p} .dk-lint-item[data-code="GDP002"]`;
  const label = await text(page, `${item} .dk-line-link`);
  const line = Number(label.replace(/\D/g, ''));
  assert.ok(line > 1, label);
  await page.focus(`${item} .dk-line-link`);
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), sel.slice(1));
  const caretLine = await area.evaluate((el) => el.value.slice(0, el.selectionStart).split('\n').length);
  assert.equal(caretLine, line);
  assert.equal(await area.evaluate((el) => el.value.split('\n')[el.value.slice(0, el.selectionStart).split('\n').length - 1]), 'COPY . .');
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

// Measured on this shared 2-core machine (headless Chromium, release build, Stages panel shown
// by default), 240 edits per run, 2026-12: idle-ish machine median 2.0-2.2 ms, p95 6.0-7.4 ms;
// under a load average of 7-9 (other developers' builds) median 2.6-3.3 ms, p95 7.7-22.9 ms,
// max up to 125 ms. The build without the Stages panel measured the same within noise (median
// 2.3-3.0 ms, p95 7.6-16 ms, same load). The goal is p95 < 4 ms, met only on a quiet
// machine; the budgets leave headroom for a busy one (median about 3x, p95 about 1.5x the worst
// seen) while still failing when a keystroke starts doing several times more work.
const BUDGET_MEDIAN_MS = 10;
const BUDGET_P95_MS = 35;

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
  assert.ok(q(0.5) < BUDGET_MEDIAN_MS, `median ${q(0.5)} ms`);
  assert.ok(q(0.95) < BUDGET_P95_MS, `p95 ${q(0.95)} ms`);
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
      await page.locator(`${p} .dk-results`).screenshot({ path: artifact(`dockerfile-stages-${name}-${scheme}.png`) });
      await page.selectOption(`${p} .dk-sg-target select`, 'build');
      await page.waitForSelector(`${p} .dk-sg-node.skipped`);
      await page.locator(`${p} .dk-results`).screenshot({ path: artifact(`dockerfile-stages-skipped-${name}-${scheme}.png`) });
      await page.selectOption(`${p} .dk-sg-target select`, '');
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
