// Where a playground's keystroke time goes: Chromium's sampling profiler (CDP Profiler domain)
// over the latency harness's edits, self time summed by function and the heaviest inclusive
// (self + callees) frames. Function names need a release build that keeps them (no wasm-opt,
// `data-keep-debug` on index.html's rust link, `trunk build --release --dist
// target/profile-dist`; there is no make target for it yet), then:
//
//   node tests/bench/profile.mjs docker-multistage/production [target/profile-dist]
//
// On dist/ itself it still runs, with wasm functions unnamed.
//
// A maintainer's tool, not a test: prints a table, asserts nothing.

import { serveDist, launch } from '../browser/harness.mjs';
import { PLAYGROUNDS } from '../browser/catalogue.mjs';
import { measureLatency, summarise } from '../browser/latency.mjs';
import path from 'node:path';

const [key, dir = 'target/profile-dist', edits = '300'] = process.argv.slice(2);
const recipe = PLAYGROUNDS[key];
if (!recipe) {
  console.error(`usage: profile.mjs <chapter/id> [dist dir] [edits]; known: ${Object.keys(PLAYGROUNDS).join(', ')}`);
  process.exit(2);
}
const [chapter, id] = key.split('/');
const server = await serveDist('/', path.resolve(dir));
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}#/en/${chapter}`);
  const editor = `#pg-${chapter}-${id}-code`;
  await page.waitForSelector(editor);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  const { times } = await measureLatency(page, { editor, ...recipe, n: Number(edits) });
  const { profile } = await cdp.send('Profiler.stop');
  const s = summarise(times);
  console.log(`${key}: median ${s.median.toFixed(2)} p95 ${s.p95.toFixed(2)} max ${s.max.toFixed(2)} ms (profiling on)`);

  // Self time per sample: the time delta after each sample belongs to its node.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const total = new Map();
  let all = 0;
  profile.samples.forEach((nodeId, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(nodeId);
    const where = node.callFrame.url.split('/').pop();
    const name = (node.callFrame.functionName || '(anonymous)') + (where && !where.endsWith('.wasm') ? ` [${where}:${node.callFrame.lineNumber}]` : '');
    if (name === '(idle)' || name === '(program)') return;
    all += dt;
    self.set(name, (self.get(name) ?? 0) + dt);
    // Inclusive: every distinct function on the stack gets the sample once.
    const seen = new Set();
    for (let at = nodeId; at != null; at = parent.get(at)) {
      const f = byId.get(at).callFrame.functionName;
      if (f && !seen.has(f)) {
        seen.add(f);
        total.set(f, (total.get(f) ?? 0) + dt);
      }
    }
  });
  if (process.env.PROFILE_CALLERS) {
    // Who calls a function: its parents' names, weighted by the function's self time.
    const callers = new Map();
    profile.samples.forEach((nodeId, i) => {
      const node = byId.get(nodeId);
      if (node.callFrame.functionName !== process.env.PROFILE_CALLERS) return;
      const chain = [];
      for (let at = parent.get(nodeId); at != null && chain.length < 4; at = parent.get(at)) chain.push(byId.get(at).callFrame.functionName || '(anonymous)');
      const k = chain.join(' < ');
      callers.set(k, (callers.get(k) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
    });
    console.log(`\ncallers of ${process.env.PROFILE_CALLERS}`);
    for (const [k, t] of [...callers.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`${t.toFixed(1).padStart(8)} ms  ${k.slice(0, 220)}`);
  }
  if (process.env.PROFILE_FRAME) {
    const n = profile.nodes.find((n) => n.callFrame.functionName === process.env.PROFILE_FRAME);
    console.log('frame', JSON.stringify(n?.callFrame), 'children', (n?.children ?? []).map((c) => byId.get(c).callFrame.functionName).join(', '));
  }
  const top = (m, n) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
  console.log(`\nsampled busy time ${all.toFixed(1)} ms over ${times.length} measured edits (+ warm-up)`);
  console.log('\nself time');
  for (const [f, t] of top(self, 30)) console.log(`${t.toFixed(1).padStart(8)} ms ${(100 * t / all).toFixed(1).padStart(5)} %  ${f.slice(0, 140)}`);
  console.log('\ninclusive time');
  for (const [f, t] of top(total, Number(process.env.PROFILE_TOP ?? 45))) console.log(`${t.toFixed(1).padStart(8)} ms ${(100 * t / all).toFixed(1).padStart(5)} %  ${f.slice(0, 140)}`);
} finally {
  await browser.close();
  await server.close();
}
