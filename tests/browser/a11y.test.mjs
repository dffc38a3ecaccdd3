// Accessibility and devices on the release build:
//  - axe-core (npm) on every page — home, every chapter, not found — in both themes and both
//    languages, with every playground's tabs opened one by one and every <details> open: no
//    serious or critical violation;
//  - a keyboard-only tour of a chapter and its playground: Tab reaches the skip link, the
//    header, the chapter list, the editor (where Tab indents and Esc then Tab leaves), the
//    playground's tabs (operable with Enter and Space); every stop shows a visible focus ring;
//  - prefers-reduced-motion: no transition, animation or smooth scrolling runs;
//  - tablet (768×1024) and phone (390×844): no chapter scrolls sideways; screenshots of the top
//    of each chapter and of its first playground go to test-artifacts/.
// Violations found are written to test-artifacts/a11y.json (README "Quality").

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, launch, openPage, ready, artifact } from './harness.mjs';
import { PAGES, LANGS, chapterLinks } from './catalogue.mjs';

const AXE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules/axe-core/axe.min.js');
const THEMES = ['light', 'dark'];

let server;
let browser;
let chapters = [];
const report = { runs: 0, pages: 0, panels: 0, violations: [] };

before(async () => {
  server = await serveDist('/');
  browser = await launch();
  const { page, context } = await openPage(browser);
  await page.goto(`${server.url}#/en/`);
  await ready(page);
  chapters = await chapterLinks(page);
  await context.close();
});

after(async () => {
  fs.writeFileSync(artifact('a11y.json'), JSON.stringify({ date: new Date().toISOString(), ...report }, null, 2));
  await browser?.close();
  await server?.close();
});

/** A page in a theme chosen the way a learner chooses it (stored preference) and matching OS. */
async function openThemed(theme, options = {}) {
  // The CSP (no inline script) would refuse axe's injected <script>: tests only.
  const opened = await openPage(browser, { colorScheme: theme, bypassCSP: true, ...options });
  await opened.context.addInitScript((t) => localStorage.setItem('gdp.theme', t), theme);
  return opened;
}

/** Serious and critical axe violations inside `include` (a selector) or the whole page. */
async function axe(page, include) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async (include) => {
    const r = await window.axe.run(include ? { include: [include] } : document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1] ?? ''}`) }));
  }, include);
  report.runs++;
  return result;
}

function record(where, violations) {
  for (const v of violations) report.violations.push({ where, ...v });
  return violations.map((v) => `${where}: ${v.id} (${v.impact}) ${v.help}\n    ${v.nodes.join('\n    ')}`);
}

for (const lang of LANGS) {
  for (const theme of THEMES) {
    test(`axe: every page in ${lang}, ${theme} theme, with every playground tab opened`, async () => {
      const { page, context, errors } = await openThemed(theme);
      const problems = [];
      const pages = [...PAGES.map((p) => ({ name: p.name, hash: p.hash(lang) })), ...chapters.map((c) => ({ name: c.id, hash: `#/${lang}/${c.id}` }))];
      for (const { name, hash } of pages) {
        await page.goto(server.url + hash);
        await ready(page);
        assert.equal(await page.getAttribute('html', 'data-theme'), theme, `${hash}: theme applied`);
        // Everything folded open, so axe sees it.
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
        problems.push(...record(`${lang}/${theme} ${name}`, await axe(page)));
        report.pages++;
        // Each playground panel behind a tab.
        for (const pg of await page.$$eval('.pg[data-playground]', (els) => els.map((e) => e.dataset.playground))) {
          const sel = `.pg[data-playground="${pg}"]`;
          const tabs = await page.$$eval(`${sel} [data-tab]`, (els) => els.map((e) => e.dataset.tab));
          // Opened with the element's own click(): this suite scans the panels; pointer and
          // keyboard use of the tabs are tested elsewhere. (Once, in a full run, Playwright's
          // pointer click waited 30 s for the FAQ's Layers tab to be "stable" and timed out;
          // not reproduced alone or by watching its box for 120 frames.)
          const open = (tab) => page.locator(`${sel} [data-tab="${tab}"]`).evaluate((el) => el.click());
          for (const tab of tabs.slice(1)) {
            await open(tab);
            await page.evaluate((sel) => document.querySelectorAll(`${sel} details`).forEach((d) => (d.open = true)), sel);
            problems.push(...record(`${lang}/${theme} ${name} ${pg} tab ${tab}`, await axe(page, sel)));
            report.panels++;
          }
          if (tabs.length) await open(tabs[0]);
        }
      }
      assert.deepEqual(problems, [], problems.join('\n'));
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

/** Whether the focused element (or the box that draws its ring) shows a focus indicator. */
async function focusShows(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { ok: false, what: 'nothing focused' };
    const ring = (e) => {
      const s = getComputedStyle(e);
      const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1;
      return outline || (s.boxShadow && s.boxShadow !== 'none');
    };
    // The editor's textarea is transparent; its frame draws the ring (:focus-within).
    const box = el.closest('.editor-frame') ?? el;
    const what = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className ? '.' + String(el.className).split(' ')[0] : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    return { ok: ring(box), what };
  });
}

test('keyboard only: a chapter and its playground, with a visible focus ring at every stop', async () => {
  const { page, context, errors } = await openPage(browser);
  await page.goto(`${server.url}#/en/docker-multistage`);
  await ready(page);
  const editor = '#pg-docker-multistage-production-code';
  await page.locator(editor).waitFor();
  // From the top of the document.
  await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  const stops = [];
  const seen = new Set();
  for (let i = 0; i < 400 && !seen.has(editor); i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => (document.activeElement?.id ? '#' + document.activeElement.id : document.activeElement?.getAttribute('href') ?? document.activeElement?.className ?? ''));
    const focus = await focusShows(page);
    assert.ok(focus.ok, `no visible focus on ${focus.what}`);
    stops.push(focus.what);
    seen.add(id);
  }
  const tour = stops.join('\n');
  assert.match(stops[0], /skip-link/, `the skip link comes first:\n${tour}`);
  assert.ok(stops.some((s) => /theme-toggle/.test(s)), `the header's theme button is reached:\n${tour}`);
  assert.ok(stops.some((s) => /#\/en\/go-binaries|Go binaries/i.test(s)) || seen.has('#/en/go-binaries'), `the chapter list is reached:\n${tour}`);
  assert.ok(seen.has(editor), `the editor is reached:\n${tour}`);
  // Tab indents inside the editor; Esc then Tab leaves it, to the next control.
  const before = await page.inputValue(editor);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => '#' + document.activeElement.id), editor, 'Tab stays in the editor');
  assert.notEqual(await page.inputValue(editor), before, 'Tab indented');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.inputValue(editor), before, 'Shift+Tab took the indent back');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  assert.notEqual(await page.evaluate(() => '#' + document.activeElement.id), editor, 'Esc then Tab leaves the editor');
  assert.ok((await focusShows(page)).ok);
  // On to the playground's tabs; Enter and Space switch panels.
  const pg = '.pg[data-playground="production"]';
  for (let i = 0; i < 40; i++) {
    if (await page.evaluate(() => document.activeElement?.classList.contains('dk-tab'))) break;
    await page.keyboard.press('Tab');
  }
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.tab), 'stages', 'the first tab is reached by Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.tab), 'layers');
  assert.ok((await focusShows(page)).ok, 'the tab shows its focus');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute(`${pg} [data-tab="layers"]`, 'aria-pressed'), 'true');
  assert.equal(await page.isVisible(`${pg} [data-panel="layers"]`), true);
  assert.equal(await page.isVisible(`${pg} [data-panel="stages"]`), false);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  assert.equal(await page.getAttribute(`${pg} [data-tab="cache"]`, 'aria-pressed'), 'true');
  assert.equal(await page.isVisible(`${pg} [data-panel="cache"]`), true);
  // The skip link goes to the main heading.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.focus('.skip-link');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard only: the workflow and GoReleaser playgrounds are operable', async () => {
  const { page, context, errors } = await openPage(browser);
  await page.goto(`${server.url}#/en/ci-cd`);
  await ready(page);
  const wf = '.pg[data-playground="release-workflow"]';
  // The event radios: focus one and move with the arrow keys.
  await page.focus(`${wf} input[type="radio"]:checked`);
  assert.ok((await focusShows(page)).ok, 'the event radio shows its focus');
  const first = await page.evaluate(() => document.activeElement.value);
  await page.keyboard.press('ArrowDown');
  const second = await page.evaluate(() => document.activeElement.value);
  assert.notEqual(second, first, 'arrow keys pick another event');
  await page.waitForFunction(([sel, v]) => document.querySelector(`${sel} input[value="${v}"]`)?.checked, [wf, second]);
  // A "mark as failing" toggle, with Space.
  const toggle = page.locator(`${wf} .wf-fail`).first();
  if (await toggle.count()) {
    await toggle.focus();
    assert.ok((await focusShows(page)).ok, 'the toggle shows its focus');
    const pressed = await toggle.getAttribute('aria-pressed');
    await page.keyboard.press('Space');
    await page.waitForFunction(([el, p]) => el.getAttribute('aria-pressed') !== p, [await toggle.elementHandle(), pressed]);
  }
  await page.goto(`${server.url}#/en/goreleaser`);
  await ready(page);
  const gr = '.pg[data-playground="goreleaser-config"]';
  const summary = page.locator(`${gr} summary`).first();
  if (await summary.count()) {
    await summary.focus();
    assert.ok((await focusShows(page)).ok, 'a disclosure shows its focus');
    const open = await summary.evaluate((s) => s.parentElement.open);
    await page.keyboard.press('Enter');
    assert.notEqual(await summary.evaluate((s) => s.parentElement.open), open, 'Enter opens or closes it');
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('prefers-reduced-motion: nothing moves', async () => {
  const { page, context, errors } = await openPage(browser, { reducedMotion: 'reduce' });
  for (const hash of ['#/en/', '#/en/docker-multistage', '#/ja/ci-cd']) {
    await page.goto(server.url + hash);
    await ready(page);
    const moving = await page.evaluate(() => {
      const seconds = (v) => Math.max(...v.split(',').map((x) => parseFloat(x) * (x.trim().endsWith('ms') ? 0.001 : 1)));
      const out = [];
      for (const el of [document.documentElement, ...document.querySelectorAll('body *')]) {
        const s = getComputedStyle(el);
        if (seconds(s.transitionDuration) > 0.01 || (s.animationName !== 'none' && seconds(s.animationDuration) > 0.01)) {
          out.push(`${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]}: transition ${s.transitionDuration}, animation ${s.animationName} ${s.animationDuration}`);
        }
        if (s.scrollBehavior === 'smooth') out.push(`${el.tagName.toLowerCase()}: smooth scrolling`);
      }
      return [...new Set(out)].slice(0, 20);
    });
    assert.deepEqual(moving, [], `${hash}:\n${moving.join('\n')}`);
    assert.equal(await page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length), 0, `${hash}: running animations`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [device, viewport] of [['tablet', { width: 768, height: 1024 }], ['phone', { width: 390, height: 844 }]]) {
  test(`${device} ${viewport.width}×${viewport.height}: no chapter scrolls sideways; screenshots`, async () => {
    const problems = [];
    for (const lang of LANGS) {
      const { page, context, errors } = await openPage(browser, { viewport, isMobile: device === 'phone', hasTouch: true });
      const pages = [...PAGES.map((p) => ({ name: p.name, hash: p.hash(lang) })), ...chapters.map((c) => ({ name: c.id, hash: `#/${lang}/${c.id}` }))];
      for (const { name, hash } of pages) {
        await page.goto(server.url + hash);
        await ready(page);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) {
          const wide = await page.evaluate(() => [...document.querySelectorAll('body *')]
            .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && getComputedStyle(e).position !== 'fixed')
            .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${String(e.className).split(' ')[0]} (${Math.round(e.getBoundingClientRect().right)}px)`));
          problems.push(`${lang} ${name}: scrolls sideways by ${overflow}px: ${wide.join(', ')}`);
        }
        if (lang === 'en' || name === 'docker-multistage') {
          await page.screenshot({ path: artifact(`device-${device}-${lang}-${name}.png`) });
          const first = page.locator('.pg[data-playground]').first();
          if (await first.count()) {
            await first.scrollIntoViewIfNeeded();
            await page.screenshot({ path: artifact(`device-${device}-${lang}-${name}-playground.png`) });
          }
        }
      }
      assert.deepEqual(errors, [], `${lang}: page errors`);
      await context.close();
    }
    assert.deepEqual(problems, [], problems.join('\n'));
  });
}
