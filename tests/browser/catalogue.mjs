// The one list of what the quality suites visit: every live playground with an edit that changes
// its result (the latency harness types it 200 times; the hostile suite pastes into its editor),
// and the pages that are not chapters. Chapters are found from the sidebar and playgrounds from
// the chapters' `.pg[data-playground]` elements, so a new chapter joins on its own; a new live
// playground (or a new page with editors) needs one line here, and `catalogue.test.mjs` fails
// until it has it.

/**
 * Live playgrounds by `chapter/id`. `kind` names the widget (the table's first column); `from`
 * is text of the guide's snippet and `to` what one edit turns it into. The harness alternates
 * between the snippet and the edited text and waits for the playground's verdict (or, when the
 * verdict says the same for both, its whole results panel) to show the other state.
 */
export const PLAYGROUNDS = {
  'docker-multistage/production': { kind: 'Dockerfile', from: '["/shortlink"]', to: '["/shortlinkx"]' },
  'docker-multistage/scratch': { kind: 'Dockerfile', from: '["/shortlink"]', to: '["/shortlinkx"]' },
  'anti-patterns/single-stage': { kind: 'Dockerfile', from: 'CMD ["shortlink"]', to: 'CMD ["shortlinkx"]' },
  'anti-patterns/multi-stage-fix': { kind: 'Dockerfile', from: '["/shortlink"]', to: '["/shortlinkx"]' },
  'anti-patterns/no-mod-cache': { kind: 'Dockerfile', from: '["/shortlink"]', to: '["/shortlinkx"]' },
  'anti-patterns/mod-cache-fix': { kind: 'Dockerfile', from: '["/shortlink"]', to: '["/shortlinkx"]' },
  'faq/cgo-trap': { kind: 'Dockerfile', from: '["/shortlink"]', to: '["/shortlinkx"]' },
  'cross-compilation/matrix': { kind: 'go build matrix', from: 'GOARCH=arm64 \\', to: 'GOARCH=arm6 \\' },
  'cross-compilation/build-makefile': { kind: 'Makefile', from: 'APP     := shortlink', to: 'APP     := shortlinkx' },
  'cross-compilation/version-main': { kind: 'go main', from: 'gitCommit = "none"', to: 'gitCommi = "none"' },
  'cross-compilation/version-build': { kind: 'go build', from: '-X main.version=', to: '-X main.Version=' },
  'ci-cd/release-workflow': { kind: 'workflow', from: '"v*.*.*"', to: '"x*.*.*"' },
  'goreleaser/goreleaser-config': { kind: 'GoReleaser', from: 'goarch: [amd64, arm64]', to: 'goarch: [amd64, arm64, "386"]' },
  'ldflags/upx-lab': { kind: 'upx lab', from: 'upx -o out/shortlink.upx out/shortlink\n', to: 'upx -o out/shortlink.upx out/shortlinkx\n' },
  'ldflags/ldflags-lab': { kind: 'ldflags lab', from: '-ldflags="-w" -o out/w', to: '-ldflags="-s" -o out/w' },
};

/**
 * Pages that are not chapters, as hash routes (language first). Other pages with editors (a
 * release preview, exercises) add a line here with the playground ids they show.
 */
export const PAGES = [
  { name: 'home', hash: (lang) => `#/${lang}/` },
  { name: 'not-found', hash: (lang) => `#/${lang}/no-such-chapter` },
  { name: 'exercises', hash: (lang) => `#/${lang}/exercises` },
  { name: 'exercise', hash: (lang) => `#/${lang}/exercises/docker-multistage-size` },
  { name: 'progress', hash: (lang) => `#/${lang}/progress` },
  { name: 'release', hash: (lang) => `#/${lang}/release` },
  { name: 'share-error', hash: (lang) => `#/${lang}/share/v1/%00` },
];

/** Every exercise page, from the overview's links: [{ id, href }]. The page must show it. */
export async function exerciseLinks(page) {
  return page.$$eval('.ex-list a[href*="/exercises/"]', (links) =>
    [...new Set(links.map((a) => a.getAttribute('href')))].map((href) => ({ id: href.split('/').pop(), href })),
  );
}

export const LANGS = ['ja', 'en'];

/** The sidebar's chapters in reading order: [{ id, href }]. The page must show the sidebar. */
export async function chapterLinks(page) {
  return page.$$eval('#chapter-nav .chapter-list > li > a', (links) =>
    links.map((a) => ({ id: a.getAttribute('href').split('/')[2], href: a.getAttribute('href') })),
  );
}

/**
 * Every live playground of a chapter page: [{ key: 'chapter/id', id, editor: '#textarea-id' }].
 * A block with no live widget (plain highlighted code) has no textarea and is not listed.
 */
export async function livePlaygrounds(page, chapter) {
  return page.$$eval('.pg[data-playground]', (sections, chapter) =>
    sections
      .filter((s) => s.querySelector('textarea'))
      .map((s) => ({
        key: `${chapter}/${s.dataset.playground}`,
        id: s.dataset.playground,
        kind: s.dataset.kind,
        editor: '#' + s.querySelector('textarea').id,
      })), chapter);
}
