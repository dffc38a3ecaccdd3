//! The GoReleaser playground's pure logic: which `yaml` blocks are GoReleaser configs, the sample
//! commit list as editable text (one commit per line) and back, the release-context form, the
//! build-matrix grid (OS rows × arch columns) of one build, the `dist/` tree, and the counts of
//! the verdict line. The component renders these; the engine (`deploy_sim::goreleaser`) decides.

use deploy_sim::goreleaser::{
    Analysis, Artifact, ArtifactKind, BuildPlan, CellStatus, Commit, ReleaseContext,
};
use deploy_sim::Text;

/// Top-level keys only a `.goreleaser.yaml` has (a workflow has `on:` and `jobs:` instead).
const GORELEASER_KEYS: [&str; 10] = [
    "project_name",
    "builds",
    "archives",
    "checksum",
    "changelog",
    "dockers",
    "dockers_v2",
    "docker_manifests",
    "nfpms",
    "snapshot",
];

/// Whether a `yaml` block is a GoReleaser config: a top-level GoReleaser key and no `jobs:`.
pub fn is_goreleaser_config(code: &str) -> bool {
    let top: Vec<&str> = code
        .lines()
        .filter(|l| !l.starts_with([' ', '\t', '#', '-']))
        .filter_map(|l| l.split(':').next())
        .map(str::trim)
        .collect();
    !top.contains(&"jobs") && top.iter().any(|k| GORELEASER_KEYS.contains(k))
}

/// The sample commits as the textarea shows them: one subject per line, newest first.
pub fn commits_to_text(commits: &[Commit]) -> String {
    commits
        .iter()
        .map(|c| c.message.lines().next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// One commit per non-empty line. A first word of 7 to 40 hex digits followed by a subject is
/// the commit's SHA (as `git log --oneline` prints it); otherwise a stand-in SHA is derived from
/// the subject, so editing one line never changes another line's SHA.
pub fn parse_commits(text: &str) -> Vec<Commit> {
    let mut seen: Vec<String> = Vec::new();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| {
            if let Some((first, rest)) = line.split_once(' ') {
                let rest = rest.trim();
                if (7..=40).contains(&first.len())
                    && first.bytes().all(|b| b.is_ascii_hexdigit())
                    && !rest.is_empty()
                {
                    return Commit {
                        sha: first.to_ascii_lowercase(),
                        message: rest.to_string(),
                    };
                }
            }
            let repeat = seen.iter().filter(|s| *s == line).count();
            seen.push(line.to_string());
            Commit {
                sha: stand_in_sha(line, repeat),
                message: line.to_string(),
            }
        })
        .collect()
}

/// 40 hex digits from the subject (FNV-1a, then a mixer): deterministic, clearly not git's.
fn stand_in_sha(subject: &str, repeat: usize) -> String {
    let mut state: u64 = 0xcbf2_9ce4_8422_2325 ^ repeat as u64;
    for b in subject.bytes() {
        state = (state ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    let mut out = String::with_capacity(48);
    while out.len() < 40 {
        state ^= state >> 33;
        state = state.wrapping_mul(0xff51_afd7_ed55_8ccd);
        state ^= state >> 29;
        out.push_str(&format!("{state:016x}"));
    }
    out.truncate(40);
    out
}

/// The release-context form's fields, as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReleaseForm {
    pub tag: String,
    pub previous_tag: String,
    pub commit: String,
    pub date: String,
    pub snapshot: bool,
}

impl Default for ReleaseForm {
    fn default() -> Self {
        let ctx = ReleaseContext::default();
        ReleaseForm {
            tag: ctx.tag,
            previous_tag: ctx.previous_tag.unwrap_or_default(),
            commit: ctx.commit,
            date: ctx.date,
            snapshot: ctx.snapshot,
        }
    }
}

/// Which fields could not be used (the default value stands in for them).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FormProblems {
    pub commit: bool,
    pub date: bool,
}

impl ReleaseForm {
    /// The context the engine gets. A commit must be 7–40 hex digits (a short SHA is padded
    /// with zeros to a full one); a date must be `YYYY-MM-DDTHH:MM:SSZ`.
    pub fn to_context(&self) -> (ReleaseContext, FormProblems) {
        let mut ctx = ReleaseContext::default();
        let mut problems = FormProblems::default();
        ctx.tag = self.tag.trim().to_string();
        let previous = self.previous_tag.trim();
        ctx.previous_tag = (!previous.is_empty()).then(|| previous.to_string());
        let commit = self.commit.trim().to_ascii_lowercase();
        if (7..=40).contains(&commit.len()) && commit.bytes().all(|b| b.is_ascii_hexdigit()) {
            ctx.commit = format!("{commit:0<40}");
        } else {
            problems.commit = true;
        }
        let date = self.date.trim();
        if is_utc_timestamp(date) {
            ctx.date = date.to_string();
        } else {
            problems.date = true;
        }
        ctx.snapshot = self.snapshot;
        (ctx, problems)
    }
}

/// `2026-01-15T09:30:00Z`, with plausible field values.
fn is_utc_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 20 {
        return false;
    }
    let shape = b.iter().enumerate().all(|(i, c)| match i {
        4 | 7 => *c == b'-',
        10 => *c == b'T',
        13 | 16 => *c == b':',
        19 => *c == b'Z',
        _ => c.is_ascii_digit(),
    });
    let num = |a: usize, z: usize| {
        s.get(a..z)
            .and_then(|v| v.parse::<u32>().ok())
            .unwrap_or(99)
    };
    shape
        && (1..=12).contains(&num(5, 7))
        && (1..=31).contains(&num(8, 10))
        && num(11, 13) < 24
        && num(14, 16) < 60
        && num(17, 19) < 61
}

/// What the grid shows for one target of a cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GridState {
    Built,
    /// Removed by an `ignore` entry.
    Ignored,
    /// Not in GoReleaser's valid-target table (darwin/386): skipped silently.
    NotValid,
    /// A value GoReleaser rejects: the release stops.
    Invalid,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GridEntry {
    /// `linux_amd64_v1`.
    pub target: String,
    pub state: GridState,
    pub experimental: bool,
    /// The predicted binary size (only for targets actually built).
    pub size: Option<u64>,
    /// Why, in full (the cell's title).
    pub reason: Text,
    /// Why, in a few words (shown in the cell; a built cell shows its size instead).
    pub detail: Text,
}

/// One build's matrix: `cells[os][arch]` holds one entry per micro-architecture variant, or
/// none where the pair was not asked for (with explicit `targets:`).
#[derive(Clone, Debug, PartialEq)]
pub struct MatrixGrid {
    pub oses: Vec<String>,
    pub arches: Vec<String>,
    pub cells: Vec<Vec<Vec<GridEntry>>>,
    /// The release stops at an invalid value, so nothing is built.
    pub stopped: bool,
}

impl MatrixGrid {
    pub fn count(&self, state: GridState) -> usize {
        self.cells
            .iter()
            .flatten()
            .flatten()
            .filter(|e| e.state == state)
            .count()
    }
}

/// The grid of one build: rows and columns in the order GoReleaser expands them.
pub fn matrix_grid(build: &BuildPlan) -> MatrixGrid {
    let size_of = |target: &str| {
        build
            .binaries
            .iter()
            .find(|b| b.target == target)
            .map(|b| b.size)
    };
    let mut entries: Vec<(String, String, GridEntry)> = Vec::new();
    if build.matrix.is_empty() {
        // Explicit `targets:`: only what is listed.
        for b in &build.binaries {
            entries.push((
                b.goos.clone(),
                b.goarch.clone(),
                GridEntry {
                    target: b.target.clone(),
                    state: GridState::Built,
                    experimental: false,
                    size: Some(b.size),
                    reason: Text::new("listed in targets", "targets に書かれています"),
                    detail: Text::new("", ""),
                },
            ));
        }
    } else {
        for cell in &build.matrix {
            let (state, detail) = match &cell.status {
                CellStatus::Built => (GridState::Built, Text::new("", "")),
                CellStatus::Ignored { .. } => (GridState::Ignored, cell.reason()),
                CellStatus::Unsupported => (
                    GridState::NotValid,
                    Text::new("skipped silently", "黙って飛ばされます"),
                ),
                // GoReleaser's own message (`invalid goarch: sparc9`) in both languages.
                CellStatus::Invalid { message } => (
                    GridState::Invalid,
                    Text::new(message.clone(), message.clone()),
                ),
            };
            entries.push((
                cell.target.goos.clone(),
                cell.target.goarch.clone(),
                GridEntry {
                    target: cell.target.name.clone(),
                    state,
                    experimental: cell.experimental,
                    size: (state == GridState::Built)
                        .then(|| size_of(&cell.target.name))
                        .flatten(),
                    reason: cell.reason(),
                    detail,
                },
            ));
        }
    }
    let mut oses: Vec<String> = Vec::new();
    let mut arches: Vec<String> = Vec::new();
    for (os, arch, _) in &entries {
        if !oses.contains(os) {
            oses.push(os.clone());
        }
        if !arches.contains(arch) {
            arches.push(arch.clone());
        }
    }
    let mut cells = vec![vec![Vec::new(); arches.len()]; oses.len()];
    for (os, arch, entry) in entries {
        let (Some(r), Some(c)) = (
            oses.iter().position(|o| *o == os),
            arches.iter().position(|a| *a == arch),
        ) else {
            continue;
        };
        cells[r][c].push(entry);
    }
    let stopped = build
        .matrix
        .iter()
        .any(|c| matches!(c.status, CellStatus::Invalid { .. }));
    MatrixGrid {
        oses,
        arches,
        cells,
        stopped,
    }
}

/// A file or directory of the `dist/` tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DistNode {
    pub name: String,
    /// None for directories.
    pub kind: Option<ArtifactKind>,
    pub size: Option<u64>,
    /// Index of the artifact in `Analysis::artifacts`.
    pub artifact: Option<usize>,
    /// For a binary uploaded as it is (`formats: [binary]`): the release asset's name.
    pub uploaded_as: Vec<String>,
    pub children: Vec<DistNode>,
}

impl DistNode {
    fn dir(name: &str) -> DistNode {
        DistNode {
            name: name.to_string(),
            kind: None,
            size: None,
            artifact: None,
            uploaded_as: Vec::new(),
            children: Vec::new(),
        }
    }

    fn child(&mut self, name: &str) -> &mut DistNode {
        let i = match self.children.iter().position(|c| c.name == name) {
            Some(i) => i,
            None => {
                self.children.push(DistNode::dir(name));
                self.children.len() - 1
            }
        };
        &mut self.children[i]
    }

    /// Files in the tree (directories not counted).
    pub fn file_count(&self) -> usize {
        if self.kind.is_some() {
            1
        } else {
            self.children.iter().map(DistNode::file_count).sum()
        }
    }
}

/// The `dist/` folder after `goreleaser release`, in the order the pipes write it. An archive of
/// format `binary` is not a new file: it names the build's binary, which then says so.
pub fn dist_tree(artifacts: &[Artifact]) -> DistNode {
    let root_name = artifacts
        .iter()
        .filter_map(|a| a.path.as_deref())
        .find_map(|p| p.split('/').next())
        .unwrap_or("dist")
        .to_string();
    let mut root = DistNode::dir(&root_name);
    for (i, a) in artifacts.iter().enumerate() {
        let Some(path) = a.path.as_deref() else {
            continue;
        };
        let rest = path
            .strip_prefix(&root_name)
            .and_then(|r| r.strip_prefix('/'))
            .unwrap_or(path);
        let parts: Vec<&str> = rest.split('/').filter(|p| !p.is_empty()).collect();
        let Some((file, dirs)) = parts.split_last() else {
            continue;
        };
        let mut node = &mut root;
        for d in dirs {
            node = node.child(d);
        }
        let leaf = node.child(file);
        if a.kind == ArtifactKind::Archive && leaf.kind == Some(ArtifactKind::Binary) {
            leaf.uploaded_as.push(a.name.clone());
            continue;
        }
        leaf.kind = Some(a.kind);
        leaf.size = a.size;
        leaf.artifact = Some(i);
    }
    root
}

/// What the verdict line counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Counts {
    pub targets: usize,
    pub archives: usize,
    pub images: usize,
    /// `goreleaser check`'s exit status: 0, 1 (invalid) or 2 (deprecated properties).
    pub check_exit: u8,
    /// `goreleaser release` would stop (an error `check` does not see).
    pub release_fails: bool,
}

pub fn counts(analysis: &Analysis) -> Counts {
    let of = |kind| analysis.artifacts.iter().filter(|a| a.kind == kind).count();
    Counts {
        targets: analysis.builds.iter().map(|b| b.binaries.len()).sum(),
        archives: of(ArtifactKind::Archive),
        images: of(ArtifactKind::DockerImage),
        check_exit: analysis.check.exit_code,
        release_fails: analysis.check.release_error.is_some(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use deploy_sim::goreleaser::{analyze, Options};

    const GUIDE: &str = include_str!("../../sim/tests/data/goreleaser/guide.yaml");

    fn run(yaml: &str) -> Analysis {
        analyze(yaml, &Options::default())
    }

    #[test]
    fn goreleaser_configs_are_told_from_workflows() {
        let cases = [
            (GUIDE, true),
            ("version: 2\nbuilds:\n  - goos: [linux]\n", true),
            ("# comment\nproject_name: x\n", true),
            (
                "name: release\non:\n  push:\njobs:\n  build:\n    runs-on: ubuntu-latest\n",
                false,
            ),
            // A workflow that happens to have a `snapshot` job input is still a workflow.
            ("on: push\njobs:\n  snapshot:\n    runs-on: x\n", false),
            ("key: value\n", false),
        ];
        for (code, expected) in cases {
            assert_eq!(is_goreleaser_config(code), expected, "{code}");
        }
    }

    #[test]
    fn commits_round_trip_and_keep_given_shas() {
        let commits = parse_commits("feat: a\n\n  3f2a9c1 fix: b  \nfeat: a\n0123456789abcdef0123456789abcdef01234567 docs: c\nzzzzzzz not a sha\n");
        let subjects: Vec<&str> = commits.iter().map(|c| c.message.as_str()).collect();
        assert_eq!(
            subjects,
            [
                "feat: a",
                "fix: b",
                "feat: a",
                "docs: c",
                "zzzzzzz not a sha"
            ]
        );
        assert_eq!(commits[1].sha, "3f2a9c1");
        assert_eq!(commits[3].sha, "0123456789abcdef0123456789abcdef01234567");
        assert_eq!(commits[0].sha.len(), 40);
        // The same subject twice gets two SHAs; the first does not depend on other lines.
        assert_ne!(commits[0].sha, commits[2].sha);
        assert_eq!(parse_commits("other\nfeat: a")[1].sha, commits[0].sha);
        let text = commits_to_text(&deploy_sim::goreleaser::changelog::sample_commits());
        assert_eq!(parse_commits(&text).len(), 6);
        assert!(text.starts_with("feat: add /healthz endpoint\n"));
    }

    #[test]
    fn the_form_falls_back_on_unusable_fields() {
        let cases = [
            ("3f2a9c1", "2026-01-15T09:30:00Z", FormProblems::default()),
            (
                "xyz",
                "2026-01-15T09:30:00Z",
                FormProblems {
                    commit: true,
                    date: false,
                },
            ),
            (
                "3f2a9c1",
                "2026-13-15T09:30:00Z",
                FormProblems {
                    commit: false,
                    date: true,
                },
            ),
            (
                "3f2a9c1",
                "yesterday",
                FormProblems {
                    commit: false,
                    date: true,
                },
            ),
            (
                "3f2a",
                "2026-01-15 09:30:00",
                FormProblems {
                    commit: true,
                    date: true,
                },
            ),
        ];
        for (commit, date, expected) in cases {
            let form = ReleaseForm {
                commit: commit.to_string(),
                date: date.to_string(),
                ..ReleaseForm::default()
            };
            let (ctx, problems) = form.to_context();
            assert_eq!(problems, expected, "{commit} {date}");
            assert_eq!(ctx.commit.len(), 40);
        }
        let form = ReleaseForm {
            tag: " v2.0.0 ".into(),
            previous_tag: "".into(),
            snapshot: true,
            ..ReleaseForm::default()
        };
        let (ctx, _) = form.to_context();
        assert_eq!(
            (ctx.tag.as_str(), ctx.previous_tag, ctx.snapshot),
            ("v2.0.0", None, true)
        );
    }

    fn darwin_386_detail(a: &Analysis) -> String {
        matrix_grid(&a.builds[0]).cells[0][0][0].detail.en.clone()
    }

    #[test]
    fn the_grid_has_os_rows_and_arch_columns() {
        let a = run(&GUIDE.replace("goarch: [amd64, arm64]", "goarch: [amd64, arm64, \"386\"]"));
        let g = matrix_grid(&a.builds[0]);
        assert_eq!(g.oses, ["linux", "darwin", "windows"]);
        assert_eq!(g.arches, ["amd64", "arm64", "386"]);
        let darwin_386 = &g.cells[1][2][0];
        assert_eq!(
            (darwin_386.target.as_str(), darwin_386.state),
            ("darwin_386_sse2", GridState::NotValid)
        );
        assert!(darwin_386.size.is_none());
        assert!(g.cells[0][0][0].size.is_some_and(|s| s > 1_000_000));
        assert_eq!(
            (g.count(GridState::Built), g.count(GridState::NotValid)),
            (8, 1)
        );
        assert!(!g.stopped);
        // ignore entries, micro-architecture variants in one cell, invalid values.
        let a = run("version: 2\nbuilds:\n  - goos: [linux, windows]\n    goarch: [amd64]\n    goamd64: [v1, v3]\n    ignore:\n      - goos: windows\n        goamd64: v3\n");
        let g = matrix_grid(&a.builds[0]);
        let states: Vec<GridState> = g.cells[1][0].iter().map(|e| e.state).collect();
        assert_eq!(g.cells[0][0].len(), 2);
        assert_eq!(states, [GridState::Built, GridState::Ignored]);
        assert!(g.cells[1][0][1].reason.en.contains("ignore[0]"));
        assert_eq!(
            darwin_386_detail(&run(
                "version: 2\nbuilds:\n  - goos: [darwin]\n    goarch: [\"386\"]\n"
            )),
            "skipped silently"
        );
        let a = run("version: 2\nbuilds:\n  - goos: [linux]\n    goarch: [amd64, sparc9]\n");
        let g = matrix_grid(&a.builds[0]);
        assert!(g.stopped);
        assert_eq!(g.cells[0][1][0].state, GridState::Invalid);
        assert_eq!(g.cells[0][1][0].detail.en, "invalid goarch: sparc9");
        assert!(
            g.cells[0][0][0].size.is_none(),
            "nothing is built when the release stops"
        );
        // Explicit targets: only the listed pairs have entries.
        let a = run("version: 2\nbuilds:\n  - targets: [linux_amd64_v1, darwin_arm64]\n");
        let g = matrix_grid(&a.builds[0]);
        assert_eq!((g.oses.len(), g.arches.len()), (2, 2));
        assert!(g.cells[0][1].is_empty() && g.cells[1][0].is_empty());
    }

    #[test]
    fn the_dist_tree_nests_binaries_and_lists_the_rest() {
        let a = run(GUIDE);
        let tree = dist_tree(&a.artifacts);
        assert_eq!(tree.name, "dist");
        let names: Vec<&str> = tree.children.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names[0], "shortlink_linux_amd64_v1");
        assert!(names.contains(&"shortlink_1.2.3_windows_amd64.zip"));
        assert!(names.contains(&"checksums.txt") && names.contains(&"CHANGELOG.md"));
        assert!(names.contains(&"metadata.json"));
        assert_eq!(tree.children[0].children[0].name, "shortlink");
        // 6 binaries, 6 archives, checksums, changelog and 3 metadata files; images are not files.
        assert_eq!(tree.file_count(), 6 + 6 + 1 + 1 + 3);
        // `formats: [binary]` uploads the binary itself, under another name.
        let a = run("version: 2\nproject_name: cli\nbuilds:\n  - goos: [linux]\n    goarch: [amd64]\narchives:\n  - formats: [binary]\n");
        let tree = dist_tree(&a.artifacts);
        let bin = &tree.children[0].children[0];
        assert_eq!(bin.kind, Some(ArtifactKind::Binary));
        assert_eq!(bin.uploaded_as, ["cli_1.2.3_linux_amd64"]);
        // A custom dist folder is the root.
        let a = run("version: 2\ndist: out\n");
        assert_eq!(dist_tree(&a.artifacts).name, "out");
    }

    #[test]
    fn counts_follow_the_analysis() {
        let c = counts(&run(GUIDE));
        assert_eq!(
            (
                c.targets,
                c.archives,
                c.images,
                c.check_exit,
                c.release_fails
            ),
            (6, 6, 2, 0, false)
        );
        let c = counts(&run(&GUIDE.replace("formats: [zip]", "format: zip")));
        assert_eq!(c.check_exit, 2);
        let c = counts(&run(
            &GUIDE.replace("goarch: [amd64, arm64]", "goarch: [amd64]")
        ));
        assert_eq!((c.targets, c.archives, c.release_fails), (3, 3, true));
    }
}
