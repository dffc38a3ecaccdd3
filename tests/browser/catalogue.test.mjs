// The catalogue (tests/browser/catalogue.mjs) lists every live playground of every chapter, so
// the latency harness, the hostile suite and the accessibility suite cover all of them: a new
// playground fails here until it has its line.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openPage, ready } from './harness.mjs';
import { PLAYGROUNDS, chapterLinks, livePlaygrounds } from './catalogue.mjs';

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

test('every live playground is in the catalogue (so every suite covers it)', async () => {
  const { page, context } = await openPage(browser);
  await page.goto(`${server.url}#/en/`);
  await ready(page);
  const found = new Set();
  for (const chapter of await chapterLinks(page)) {
    await page.goto(`${server.url}${chapter.href}`);
    await page.waitForSelector(`article.chapter[data-chapter="${chapter.id}"]`);
    for (const pg of await livePlaygrounds(page, chapter.id)) found.add(pg.key);
  }
  assert.deepEqual([...found].filter((k) => !PLAYGROUNDS[k]), [], 'add these to tests/browser/catalogue.mjs');
  // And nothing in the catalogue that no chapter has any more.
  assert.deepEqual(Object.keys(PLAYGROUNDS).filter((k) => !found.has(k)), [], 'stale catalogue entries');
  await context.close();
});
