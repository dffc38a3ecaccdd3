// The header's search box on the release build: it finds "distroless" and "クロスコンパイル",
// opens the chosen result at its section (the URL hash and the heading in view), works with the
// keyboard alone, opens from a button on phones without sideways scrolling, and shows whatever
// is typed as text.

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

const INPUT = '#site-search';
const OPTIONS = '#site-search-results [role="option"]';

async function open(page, hash) {
  await page.goto(server.url + hash);
  await ready(page);
}

/** Types into the search box as a learner would, and waits for the first result. */
async function type(page, query) {
  await page.locator(INPUT).click();
  await page.keyboard.type(query);
  await page.locator(OPTIONS).first().waitFor();
}

async function options(page) {
  return page.$$eval('#site-search-results [role="option"]', (list) =>
    list.map((o) => ({
      id: o.id,
      href: o.dataset.href,
      text: o.textContent,
      marks: [...o.querySelectorAll('mark')].map((m) => m.textContent),
      selected: o.getAttribute('aria-selected'),
    })),
  );
}

/** Waits until the hash is `hash` and the element `selector` is in the viewport, then returns
 *  the element's top edge. */
async function landed(page, hash, selector) {
  await page.waitForFunction((h) => location.hash === h, hash);
  await page.waitForSelector(selector);
  await page.waitForFunction((sel) => {
    const r = document.querySelector(sel).getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  }, selector);
  return page.$eval(selector, (el) => el.getBoundingClientRect().top);
}

test('"distroless" is found in English and Japanese; Enter opens the first result at its section', async () => {
  for (const lang of ['en', 'ja']) {
    const { page, context, errors, requests } = await openPage(browser);
    await open(page, `#/${lang}/`);
    await type(page, 'distroless');
    assert.equal(await page.getAttribute(INPUT, 'aria-expanded'), 'true');
    const found = await options(page);
    assert.ok(found.length >= 5, `${lang}: ${found.length} results`);
    for (const o of found) {
      assert.ok(o.marks.some((m) => m.toLowerCase() === 'distroless'), `${lang}: ${o.text} marks the word`);
    }
    // The chapter on multi-stage builds is among them.
    assert.ok(found.some((o) => o.href.startsWith(`#/${lang}/docker-multistage/`)), lang);
    // The live region says how many there are.
    assert.match(await page.locator('.search [role="status"]').textContent(), /\d/);
    // Enter, with no result chosen, opens the first one.
    const first = found[0];
    const section = first.href.split('/')[3];
    assert.ok(section, `${first.href} names a section`);
    await page.keyboard.press('Enter');
    const top = await landed(page, first.href, `#sec-${section}`);
    assert.ok(top < 200, `${lang}: the heading is at the top of the page (${top}px)`);
    assert.equal(await page.evaluate(() => document.activeElement?.id), `sec-${section}`);
    // The list closed behind it.
    assert.equal(await page.getAttribute(INPUT, 'aria-expanded'), 'false');
    assert.ok(await page.locator('.search-popup').isHidden());
    assert.deepEqual(errors, []);
    assert.deepEqual(requests.filter((u) => !u.startsWith(server.origin)), []);
    await context.close();
  }
});

test('"クロスコンパイル" finds chapter 3 first; a click opens a section of it', async () => {
  const { page, context, errors } = await openPage(browser);
  await open(page, '#/ja/docker-multistage');
  await type(page, 'クロスコンパイル');
  const found = await options(page);
  assert.equal(found[0].href, '#/ja/cross-compilation');
  assert.ok(found[0].text.includes('第3章'), found[0].text);
  assert.deepEqual(found[0].marks.slice(0, 1), ['クロスコンパイル']);
  // A section of chapter 3 that says クロスコンパイル in its text, chosen with the mouse.
  const sectionHit = found.find((o) => o.href.startsWith('#/ja/cross-compilation/'));
  assert.ok(sectionHit, JSON.stringify(found.map((o) => o.href)));
  await page.click(`#${sectionHit.id}`);
  const section = sectionHit.href.split('/')[3];
  await landed(page, sectionHit.href, `#sec-${section}`);
  assert.equal(
    await page.locator('article.chapter').getAttribute('data-chapter'),
    'cross-compilation',
  );
  // Enter on the first result opens the chapter itself, its title focused.
  await type(page, '');
  await page.keyboard.press('Enter');
  await landed(page, '#/ja/cross-compilation', 'main h1');
  await page.waitForFunction(() => document.activeElement?.matches('main h1'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the search works with the keyboard alone', async () => {
  const { page, context, errors } = await openPage(browser);
  await open(page, '#/en/');
  // Tab from the top of the page reaches the box in a few steps.
  let steps = 0;
  while ((await page.evaluate(() => document.activeElement?.id)) !== 'site-search') {
    await page.keyboard.press('Tab');
    steps += 1;
    assert.ok(steps <= 6, 'the search box is among the first stops');
  }
  await page.keyboard.type('scratch');
  await page.locator(OPTIONS).first().waitFor();
  const n = (await options(page)).length;
  assert.ok(n >= 3, `${n} results`);
  const activeId = () => page.getAttribute(INPUT, 'aria-activedescendant');
  assert.equal(await activeId(), null, 'nothing is chosen before the arrows are used');
  await page.keyboard.press('ArrowDown');
  assert.equal(await activeId(), 'site-search-option-0');
  await page.keyboard.press('ArrowDown');
  assert.equal(await activeId(), 'site-search-option-1');
  let list = await options(page);
  assert.deepEqual(
    list.map((o) => o.selected),
    list.map((_, i) => String(i === 1)),
  );
  await page.keyboard.press('ArrowUp');
  assert.equal(await activeId(), 'site-search-option-0');
  await page.keyboard.press('ArrowUp');
  assert.equal(await activeId(), `site-search-option-${n - 1}`, 'ArrowUp from the first wraps to the last');
  // The focus never left the box.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'site-search');
  // Esc closes the list and keeps the words; a second Esc clears them.
  await page.keyboard.press('Escape');
  assert.equal(await page.getAttribute(INPUT, 'aria-expanded'), 'false');
  assert.ok(await page.locator('.search-popup').isHidden());
  assert.equal(await page.inputValue(INPUT), 'scratch');
  // ArrowDown opens it again, on the first result.
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.getAttribute(INPUT, 'aria-expanded'), 'true');
  assert.equal(await activeId(), 'site-search-option-0');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  assert.equal(await page.inputValue(INPUT), '');
  // Choose the second result with the arrows and open it with Enter.
  await page.keyboard.type('distroless');
  await page.locator(OPTIONS).first().waitFor();
  list = await options(page);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const [, , chapter, section] = list[1].href.split('/');
  await landed(page, list[1].href, `#sec-${section}`);
  assert.equal(await page.locator('article.chapter').getAttribute('data-chapter'), chapter);
  assert.equal(await page.evaluate(() => document.activeElement?.id), `sec-${section}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('whatever is typed is shown as text, and a query with no match says so', async () => {
  const { page, context, errors } = await openPage(browser);
  await open(page, '#/en/');
  const hostile = '<img src=x onerror="window.__pwned=1">';
  await page.locator(INPUT).fill(hostile);
  await page.locator('.search-empty').waitFor();
  assert.equal(await page.locator(OPTIONS).count(), 0);
  assert.ok((await page.locator('.search-empty').textContent()).includes('<img src=x'));
  assert.equal(await page.locator('.search-popup img').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.match(await page.locator('.search [role="status"]').textContent(), /No section matches/);
  // A very long query with regex characters and emoji is fine too.
  await page.locator(INPUT).fill('(.*)+[distroless]🐳'.repeat(2000));
  await page.waitForTimeout(100);
  assert.deepEqual(errors, []);
  // And the app is still alive: a normal query works.
  await page.locator(INPUT).fill('ldflags');
  await page.locator(OPTIONS).first().waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone the search opens from a button, without sideways scrolling', async () => {
  for (const scheme of ['light', 'dark']) {
    const { page, context, errors } = await openPage(browser, {
      viewport: { width: 390, height: 844 },
      colorScheme: scheme,
      isMobile: true,
      hasTouch: true,
    });
    await open(page, '#/ja/go-binaries');
    const toggle = page.locator('#site-search-toggle');
    assert.ok(await toggle.isVisible(), 'the search button is in the header');
    assert.ok(await page.locator(INPUT).isHidden(), 'the box waits behind the button');
    await toggle.tap();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await page.waitForFunction(() => document.activeElement?.id === 'site-search');
    await page.keyboard.type('クロスコンパイル');
    await page.locator(OPTIONS).first().waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `page is ${width}px wide`);
    const box = await page.locator('.search-popup').boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 390, JSON.stringify(box));
    await page.screenshot({ path: artifact(`search-phone-${scheme}.png`) });
    const found = await options(page);
    const second = found[1];
    await page.locator(`#${second.id}`).tap();
    await page.waitForFunction((h) => location.hash === h, second.href);
    assert.ok(await page.locator(INPUT).isHidden(), 'the panel closes after a choice');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('screenshots: results on a desktop, light and dark', async () => {
  for (const scheme of ['light', 'dark']) {
    const { page, context, errors } = await openPage(browser, { colorScheme: scheme });
    await open(page, '#/en/docker-multistage');
    await type(page, 'distroless');
    await page.keyboard.press('ArrowDown');
    await page.screenshot({ path: artifact(`search-desktop-${scheme}.png`) });
    await page.locator(INPUT).fill('');
    await page.goto(`${server.url}#/ja/`);
    await ready(page);
    await type(page, 'イメージのサイズ');
    await page.screenshot({ path: artifact(`search-desktop-ja-${scheme}.png`) });
    assert.deepEqual(errors, []);
    await context.close();
  }
});
