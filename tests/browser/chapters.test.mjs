// Every chapter of the guide, in both languages, opened the way a learner opens it (from the
// chapter list in the sidebar): each renders its own title, with no console error, no page error,
// no Content-Security-Policy violation and no request to another origin.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openPage, ready } from './harness.mjs';

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

/** The chapter links of the sidebar: [{ href, title }] in reading order. */
async function chapterLinks(page) {
  return page.$$eval('#chapter-nav .chapter-list > li > a', (links) =>
    links.map((a) => ({ href: a.getAttribute('href'), title: a.textContent.trim() })),
  );
}

test('every chapter opens in both languages with no errors and no request to another origin', async () => {
  const counts = {};
  for (const lang of ['ja', 'en']) {
    const { page, context, errors, requests } = await openPage(browser);
    await page.goto(`${server.url}#/${lang}/`);
    await ready(page);
    const chapters = await chapterLinks(page);
    counts[lang] = chapters.map((c) => c.href.split('/')[2]);
    assert.ok(chapters.length >= 10, `${lang}: ${chapters.length} chapters in the nav`);
    for (const { href, title } of chapters) {
      assert.match(href, new RegExp(`^#/${lang}/[a-z0-9-]+$`), href);
      const id = href.split('/')[2];
      await page.click(`#chapter-nav a[href="${href}"]`);
      await page.waitForSelector(`article.chapter[data-chapter="${id}"]`);
      assert.equal(new URL(page.url()).hash, href);
      const h1 = (await page.locator('main h1').textContent()).trim();
      assert.ok(title.endsWith(h1), `${href}: nav says "${title}", page says "${h1}"`);
      assert.equal(await page.getAttribute('html', 'lang'), lang, href);
      // The chapter has a body, and its sections are listed for it.
      assert.ok((await page.locator('.chapter-body h2').count()) > 0, `${href} has sections`);
      assert.deepEqual(errors, [], `${href}: console or page errors`);
    }
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], `${lang}: CSP violations`);
    assert.deepEqual(
      requests.filter((u) => !u.startsWith(server.origin)),
      [],
      `${lang}: requests to other origins`,
    );
    await context.close();
  }
  // Both languages list the same chapters, in the same order.
  assert.deepEqual(counts.ja, counts.en);
});

test('a correction note links to its entry in the chapter\'s Sources', async () => {
  for (const lang of ['en', 'ja']) {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${server.url}#/${lang}/faq`);
    await ready(page);
    const link = page.locator(`.chapter-body blockquote a[href="#/${lang}/faq/src-sizes"]`);
    assert.equal(await link.count(), 1, `${lang}: the correction links to its source`);
    await link.click();
    await page.waitForFunction((h) => location.hash === h, `#/${lang}/faq/src-sizes`);
    const entry = page.locator('#sec-src-sizes');
    assert.match(await entry.textContent(), /sim\/data\/go1\.22-sizes\.tsv/);
    assert.doesNotMatch(await entry.textContent(), /\{#/, 'the anchor mark is not shown');
    await page.waitForFunction(() => {
      const r = document.querySelector('#sec-src-sizes').getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'sec-src-sizes');
    assert.deepEqual(errors, []);
    await context.close();
  }
});
