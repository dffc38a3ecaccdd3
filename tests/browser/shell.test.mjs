// The app shell on the release build: loading, routing, language, theme, privacy, phones.

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

test('loads with no console errors and makes no request to another origin', async () => {
  const { page, context, errors, requests } = await openPage(browser, { locale: 'en-US' });
  await page.goto(server.url);
  await ready(page);
  // Visit a few routes to exercise more of the app.
  for (const hash of ['#/en/go-binaries', '#/ja/docker-multistage', '#/en/summary']) {
    await page.goto(server.url + hash);
    await ready(page);
  }
  assert.deepEqual(errors, []);
  const foreign = requests.filter((u) => !u.startsWith(server.origin));
  assert.deepEqual(foreign, [], 'requests to other origins');
  assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the wasm module was fetched from the site');
  await context.close();
});

test('a deep link opens the right chapter and section', async () => {
  const { page, context, errors } = await openPage(browser);
  await page.goto(server.url + '#/en/go-binaries/static-binary');
  await ready(page);
  assert.equal(await page.locator('article.chapter').getAttribute('data-chapter'), 'go-binaries');
  const heading = page.locator('#sec-static-binary');
  await heading.waitFor();
  // The section is focused (keyboard and screen-reader users land there) and on screen.
  await page.waitForFunction(() => document.activeElement?.id === 'sec-static-binary');
  const box = await heading.boundingBox();
  assert.ok(box && box.y >= 0 && box.y < 800, `section heading is in view (y=${box?.y})`);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.match(await page.title(), /Go Deploy Playground/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('navigation: sidebar links, next chapter, and an unknown route with a way back', async () => {
  const { page, context } = await openPage(browser);
  await page.goto(server.url + '#/en/go-binaries');
  await ready(page);
  await page.locator('.pager-next').click();
  await page.waitForFunction(() => location.hash === '#/en/docker-multistage');
  assert.equal(await page.locator('article.chapter').getAttribute('data-chapter'), 'docker-multistage');
  await page.locator('#chapter-nav a[href="#/en/ldflags"]').click();
  await page.waitForSelector('article[data-chapter="ldflags"]');
  await page.goto(server.url + '#/en/no-such-chapter');
  await page.waitForSelector('.not-found');
  assert.equal(await page.locator('main h1').textContent(), 'Page not found');
  await page.locator('.not-found a').click();
  await page.waitForSelector('.toc');
  assert.equal(await page.evaluate(() => location.hash), '#/en/');
  await context.close();
});

test('Japanese browsers get Japanese; the language switch keeps the place and is remembered', async () => {
  const { page, context } = await openPage(browser, { locale: 'ja-JP' });
  await page.goto(server.url);
  await ready(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
  assert.match(await page.locator('main h1').textContent(), /Go デプロイ/);

  await page.goto(server.url + '#/ja/docker-multistage');
  await ready(page);
  await page.locator('.lang-switch a[lang="en"]').click();
  await page.waitForFunction(() => location.hash === '#/en/docker-multistage');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');

  // Remembered: the bare URL now opens in English despite the Japanese browser.
  await page.goto(server.url);
  await page.reload();
  await ready(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await context.close();

  const english = await openPage(browser, { locale: 'en-US' });
  await english.page.goto(server.url);
  await ready(english.page);
  assert.equal(await english.page.evaluate(() => document.documentElement.lang), 'en');
  await english.context.close();
});

test('the theme follows the system, toggles, and survives a reload', async () => {
  const { page, context } = await openPage(browser, { colorScheme: 'dark' });
  await page.goto(server.url + '#/en/go-binaries');
  await ready(page);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const dark = await background();
  assert.equal(await page.locator('.theme-toggle').getAttribute('data-theme-now'), 'dark');

  await page.locator('.theme-toggle').click();
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  const light = await background();
  assert.notEqual(light, dark);
  assert.equal(light, 'rgb(255, 255, 255)');

  await page.reload();
  await ready(page);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
  assert.equal(await background(), light);
  await context.close();
});

test('code blocks copy their text', async () => {
  const { page, context } = await openPage(browser);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  // The Dockerfiles of chapter 2 are live playgrounds now; anti-patterns keeps a plain one.
  await page.goto(server.url + '#/en/anti-patterns');
  await ready(page);
  const block = page.locator('.code-block[data-lang="dockerfile"]').first();
  await block.locator('[data-copy]').click();
  await page.waitForSelector('[data-copy][data-state="copied"]');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await block.locator('code').textContent());
  assert.match(copied, /RUN /);
  await context.close();
});

test('phone layout: the chapter menu opens and the page does not scroll sideways', async () => {
  const { page, context, errors } = await openPage(browser, {
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'ja-JP',
  });
  await page.goto(server.url + '#/ja/docker-multistage');
  await ready(page);
  assert.equal(await page.locator('#chapter-nav').isVisible(), false, 'menu starts closed');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
  await page.screenshot({ path: artifact('phone-chapter-ja.png') });

  await page.locator('.menu-button').click();
  assert.equal(await page.locator('.menu-button').getAttribute('aria-expanded'), 'true');
  await page.locator('#chapter-nav').waitFor({ state: 'visible' });
  await page.screenshot({ path: artifact('phone-menu-ja.png') });
  await page.locator('#chapter-nav a[href="#/ja/ci-cd"]').click();
  await page.waitForSelector('article[data-chapter="ci-cd"]');
  assert.equal(await page.locator('#chapter-nav').isVisible(), false, 'menu closes after navigating');
  assert.deepEqual(errors, []);
  await context.close();
});

test('desktop screenshots, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, context } = await openPage(browser, { colorScheme, locale: 'en-US' });
    await page.goto(server.url + '#/en/docker-multistage');
    await ready(page);
    await page.screenshot({ path: artifact(`desktop-chapter-${colorScheme}.png`) });
    await page.goto(server.url + '#/en/');
    await ready(page);
    await page.screenshot({ path: artifact(`desktop-home-${colorScheme}.png`) });
    await context.close();
  }
});
