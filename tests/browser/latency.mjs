// Latency from an `input` event to the updated result in the DOM, measured inside the page: the
// editor's value is set, the clock starts, an `input` event is dispatched, and a
// MutationObserver on the playground stops the clock at the first DOM change after which the
// watched element shows the expected state (the other variant's text). No frame is waited for,
// so the figure is the app's own work: event handling, saving, the engine, Yew's diff and the
// DOM patch. Used by `make bench-browser` (tests/bench/browser.mjs) and the latency tests.

/**
 * Alternates the editor `editor` between its current text and that text with `from` replaced by
 * `to`, `warmup + n` times, and returns the `n` measured times in ms. Throws when `from` is not
 * in the text, when the edit changes neither the verdict nor the results, or when an edit is
 * not answered within 10 s.
 */
export async function measureLatency(page, { editor, from, to, n = 200, warmup = 20 }) {
  return page.evaluate(async ({ editor, from, to, n, warmup }) => {
    const area = document.querySelector(editor);
    if (!area) throw new Error(`no editor ${editor}`);
    const pg = area.closest('.pg') ?? document.body;
    const results = pg.querySelector('.pg-results') ?? pg;
    const verdict = pg.querySelector('.pg-verdict');
    const original = area.value;
    if (!original.includes(from)) throw new Error(`${editor}: "${from}" is not in the snippet`);
    const edited = original.replace(from, to);
    const dispatch = () =>
      area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: 'x' }));
    const fire = (value) => {
      area.value = value;
      dispatch();
    };
    const settle = () => new Promise((r) => setTimeout(r, 60));
    fire(edited);
    await settle();
    const b = { verdict: verdict?.textContent, results: results.textContent };
    fire(original);
    await settle();
    const a = { verdict: verdict?.textContent, results: results.textContent };
    let watch;
    let want;
    if (verdict && a.verdict !== b.verdict) {
      watch = verdict;
      want = [a.verdict, b.verdict];
    } else if (a.results !== b.results) {
      watch = results;
      want = [a.results, b.results];
    } else {
      throw new Error(`${editor}: the edit "${from}" → "${to}" changes nothing in the results`);
    }
    const out = [];
    for (let i = 0; i < warmup + n; i++) {
      const toEdited = i % 2 === 0;
      const expected = toEdited ? want[1] : want[0];
      const t = await new Promise((resolve, reject) => {
        let t0 = 0;
        const timer = setTimeout(() => {
          mo.disconnect();
          reject(new Error(`${editor}: edit ${i} not answered in 10 s`));
        }, 10000);
        const mo = new MutationObserver(() => {
          const t1 = performance.now();
          if (watch.textContent === expected) {
            mo.disconnect();
            clearTimeout(timer);
            resolve(t1 - t0);
          }
        });
        mo.observe(pg, { subtree: true, childList: true, characterData: true, attributes: true });
        // A real keystroke has the new value in place when `input` fires: the clock starts
        // between the two.
        area.value = toEdited ? edited : original;
        t0 = performance.now();
        dispatch();
      });
      if (i >= warmup) out.push(t);
      await new Promise((r) => setTimeout(r, 0));
    }
    fire(original);
    await settle();
    return { times: out, watched: watch === verdict ? 'verdict' : 'results' };
  }, { editor, from, to, n, warmup });
}

/** median / p95 / max (nearest rank) of a list of times in ms. */
export function summarise(times) {
  const sorted = [...times].sort((x, y) => x - y);
  const rank = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return { n: sorted.length, median: rank(0.5), p95: rank(0.95), max: sorted.at(-1) };
}
