// Shared set-up for the browser tests: a static server for dist/ on loopback (optionally under a
// sub-path, as GitHub Pages serves project sites), Debian's Chromium driven by playwright-core
// (never a downloaded browser), and a page wrapper that records console errors, page errors and
// every request, so tests can assert "no errors" and "no request to another origin".

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(root, 'dist');
export const ARTIFACTS = path.join(root, 'test-artifacts');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves dist/ under `base` ('/' or '/sub/path/') on a free loopback port. `setRoot(dir)` swaps
 * the folder served, to play a new deploy; `offline = true` answers every request with an
 * error, like a server out of reach. `{ pages: true }` serves like GitHub Pages does (gzip when
 * the client accepts it, an ETag and `max-age=600`), for measuring what a first visit costs;
 * `state.sent` then lists every response as { path, bytes } (body bytes on the wire).
 */
export async function serveDist(base = '/', root = DIST, { pages = false } = {}) {
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    throw new Error(`${root}/index.html is missing: run \`make dist\` first`);
  }
  let current = root;
  const state = { offline: false, sent: [] };
  const gzipped = new Map();
  const server = http.createServer((req, res) => {
    if (state.offline) {
      req.socket.destroy();
      return;
    }
    const url = new URL(req.url, 'http://127.0.0.1');
    if (!url.pathname.startsWith(base)) {
      res.writeHead(404).end('not under ' + base);
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(base.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.join(current, rel);
    if (!file.startsWith(current) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    if (pages) {
      const raw = fs.readFileSync(file);
      const etag = `"${raw.length.toString(16)}-${fs.statSync(file).mtimeMs.toString(16)}"`;
      if (req.headers['if-none-match'] === etag) {
        state.sent.push({ path: url.pathname, bytes: 0 });
        res.writeHead(304, { etag }).end();
        return;
      }
      const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      // Compressed once per file version, as a CDN's cache does (compressing a 2.8 MB module
      // on every request took ~100 ms and held up every other response on this machine).
      let body = raw;
      if (gzip) {
        body = gzipped.get(file + etag) ?? zlib.gzipSync(raw, { level: 9 });
        gzipped.set(file + etag, body);
      }
      state.sent.push({ path: url.pathname, bytes: body.length });
      res.writeHead(200, {
        'content-type': type,
        'cache-control': 'max-age=600',
        etag,
        ...(gzip ? { 'content-encoding': 'gzip', vary: 'Accept-Encoding' } : {}),
        'content-length': body.length,
      });
      res.end(body);
      return;
    }
    res.writeHead(200, {
      'content-type': type,
      'cache-control': 'no-cache',
    });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}${base}`,
    setRoot: (dir) => {
      current = dir;
    },
    state,
    close: () => {
      server.closeAllConnections?.();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * A fresh context + page that records problems. `options` go to browser.newContext (viewport,
 * locale, colorScheme, ...). Returns { page, context, errors, requests }.
 */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  // Content-Security-Policy violations, reported by the page itself.
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  context.on('request', (req) => requests.push(req.url()));
  return { page, context, errors, requests };
}

/** Waits until the app has rendered (the boot message is gone and a heading is shown). */
export async function ready(page) {
  await page.waitForSelector('main h1', { timeout: 15000 });
}

export function artifact(name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}
