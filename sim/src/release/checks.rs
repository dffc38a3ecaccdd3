//! The cross-file checks: what no single file shows, each a [`Finding`] with a because-trace.
//!
//! | code | what |
//! |---|---|
//! | `REL000` | a file of the five is missing: what the preview cannot check (info) |
//! | `REL001` | `-X main.x` names no variable of main.go, a const, a computed var (warning) or a non-string (error: the link fails) |
//! | `REL002` | the Dockerfile `COPY`s a file its build context does not have: GoReleaser's context (only the binaries), the Git context of build-push-action, or what the Makefile builds |
//! | `REL003` | the tag push does not trigger the workflow (the tag filter does not match, or GitHub cannot read the file) |
//! | `REL004` | GoReleaser runs on a shallow checkout: no previous tag, a one-commit changelog |
//! | `REL005` | a cgo (dynamically linked) binary ends up in an image without its C library (scratch, distroless/static, alpine) |
//! | `REL006` | the Makefile and `.goreleaser.yaml` build with different `-ldflags` (`-X` sets, `-s`/`-w`) |
//! | `REL007` | GoReleaser pushes images but its job has no registry login, or a token without `packages: write` |
//! | `REL008` | GoReleaser (or build-push-action) builds a Dockerfile that is not among the five files (info) |
//! | `REL009` | the image's binary and the archives' binary answer `/version` differently (info) |
//! | `REL010` | the Makefile and GoReleaser stamp different values into the same `-X` variable (info) |
//!
//! Facts behind them: domain-facts E.2 (`-X` rules, Go 1.22: missing names are silent, non-string
//! vars a link error), B.3 (cgo and the ELF interpreter), F.8 (GoReleaser's docker build context
//! holds only the binaries and `extra_files`; dockers_v2 puts them under `$TARGETPLATFORM/`),
//! G.1 (tag filters), G.4 (`packages: write`); GoReleaser's git pipe
//! (`internal/pipe/git/git.go`: in a shallow clone it warns "running against a shallow clone" and,
//! without older tags, "couldn't find any tags before"); goreleaser.com/ci/actions (the action
//! does not log in to registries); BuildKit's error for a missing `COPY` source
//! (`failed to compute cache key: … "/x": not found`).

use std::collections::{BTreeMap, HashMap, HashSet};

use super::builds::{BuildRun, Origin};
use super::docker::{selects, ContextCopy, PlatformBuild};
use super::model::{Because, Finding, ProjectFile};
use super::pipeline::{registry_of, BuildContext};
use super::{dockers_v2_platforms, Project};
use crate::dockerfile::knowledge::Libc;
use crate::gobuild::{parse_ldflags, Linking};
use crate::goreleaser::ArtifactKind;
use crate::yaml::parse_path;
use crate::{Diagnostic, Text};

/// Every code with a one-line description, for the UI's legend.
pub const CODES: [(&str, &str, &str); 11] = [
    (
        "REL000",
        "A project file is missing",
        "プロジェクトのファイルがない",
    ),
    (
        "REL001",
        "-X names a variable main.go does not have as a string var",
        "-X の変数が main.go に string 変数としてない",
    ),
    (
        "REL002",
        "The Dockerfile copies a file its build context does not have",
        "Dockerfile がビルドコンテキストにないファイルをコピーする",
    ),
    (
        "REL003",
        "Pushing the tag does not trigger the workflow",
        "タグをプッシュしてもワークフローが起動しない",
    ),
    (
        "REL004",
        "GoReleaser runs without the full git history",
        "GoReleaser が git の履歴なしで動く",
    ),
    (
        "REL005",
        "A cgo binary goes into an image without its C library",
        "cgo のバイナリが C ライブラリのないイメージに入る",
    ),
    (
        "REL006",
        "The Makefile and .goreleaser.yaml disagree on -ldflags",
        "Makefile と .goreleaser.yaml の -ldflags が食い違う",
    ),
    (
        "REL007",
        "GoReleaser pushes images without a registry login or permission",
        "GoReleaser がログインや権限なしでイメージをプッシュする",
    ),
    (
        "REL008",
        "A Dockerfile the release builds is not among the files",
        "リリースがビルドする Dockerfile が手元のファイルにない",
    ),
    (
        "REL009",
        "The image and the archives report different versions",
        "イメージとアーカイブでバージョン表示が違う",
    ),
    (
        "REL010",
        "make and GoReleaser stamp different values",
        "make と GoReleaser で埋め込む値が違う",
    ),
];

/// What the checks found, and the jobs they predict will fail (with why).
#[derive(Default)]
pub(crate) struct Outcome {
    pub findings: Vec<Finding>,
    pub predicted_failures: Vec<(String, Text)>,
}

impl Outcome {
    fn push(&mut self, file: ProjectFile, diagnostic: Diagnostic, because: Vec<Because>) {
        self.findings.push(Finding {
            file,
            diagnostic,
            because,
        });
    }

    fn fail(&mut self, job: &str, why: Text) {
        if !self.predicted_failures.iter().any(|(j, _)| j == job) {
            self.predicted_failures.push((job.to_string(), why));
        }
    }
}

fn t(en: impl Into<String>, ja: impl Into<String>) -> Text {
    Text::new(en, ja)
}

/// Runs every check.
pub(crate) fn run(project: &Project) -> Outcome {
    let mut out = Outcome::default();
    missing_files(project, &mut out);
    x_flags(project, &mut out);
    context_copies(project, &mut out);
    trigger(project, &mut out);
    shallow_history(project, &mut out);
    cgo_into_static(project, &mut out);
    ldflags_agreement(project, &mut out);
    registry_login(project, &mut out);
    image_vs_archive(project, &mut out);
    goreleaser_failures(project, &mut out);
    out
}

// REL000 ------------------------------------------------------------------------------------

fn missing_files(project: &Project, out: &mut Outcome) {
    for file in ProjectFile::ALL {
        if project.files.get(file).is_some() {
            continue;
        }
        let message = match file {
            ProjectFile::MainGo => t(
                "No main.go: the `-X` flags cannot be checked, and `/version` is shown for the guide's sample program.",
                "main.go がないため `-X` を確かめられません。`/version` はガイドのサンプルプログラムで表示します。",
            ),
            ProjectFile::Makefile => t(
                "No Makefile: the local build cannot be compared with the release.",
                "Makefile がないため、ローカルのビルドとリリースを比べられません。",
            ),
            ProjectFile::Dockerfile => t(
                "No Dockerfile: no image build to check.",
                "Dockerfile がないため、イメージのビルドは確かめません。",
            ),
            ProjectFile::GoReleaser => t(
                "No .goreleaser.yaml: what the GoReleaser job would build is not simulated (GoReleaser would fall back to its defaults).",
                ".goreleaser.yaml がないため、GoReleaser のジョブが作るものはシミュレーションしません（GoReleaser は既定の設定で動きます）。",
            ),
            ProjectFile::Workflow => t(
                "No workflow: pushing the tag starts no CI run, so nothing is built or released.",
                "ワークフローがないため、タグをプッシュしても CI は動かず、何もビルド・リリースされません。",
            ),
        };
        out.push(file, Diagnostic::info(0, "REL000", message), Vec::new());
    }
}

// REL001 ------------------------------------------------------------------------------------

/// The first line (1-based) in `lines` of `source` that contains `needle`.
fn line_containing(source: &str, needle: &str, from: usize, count: usize) -> Option<usize> {
    source
        .lines()
        .enumerate()
        .skip(from.saturating_sub(1))
        .take(count)
        .find(|(_, l)| l.contains(needle))
        .map(|(i, _)| i + 1)
}

/// Where `-X main.<name>` is written for `build`.
fn x_line(project: &Project, build: &BuildRun, symbol: &str) -> usize {
    match (&build.origin, build.file) {
        (Origin::GoReleaser { index, .. }, _) => project
            .goreleaser
            .as_ref()
            .and_then(|g| {
                let items = &g.config.builds.get(*index)?.details.ldflags;
                let j = items.iter().position(|l| l.contains(symbol))?;
                g.index
                    .locate(&parse_path(&format!("builds[{index}].ldflags[{j}]")))
                    .map(|(line, _)| line)
            })
            .unwrap_or(build.line),
        (_, ProjectFile::Makefile) => project
            .files
            .makefile
            .as_deref()
            .and_then(|s| line_containing(s, symbol, 1, usize::MAX))
            .unwrap_or(build.line),
        (_, file) => project
            .files
            .get(file)
            .and_then(|s| line_containing(s, symbol, build.line, 16))
            .unwrap_or(build.line),
    }
}

/// Variables of main.go that are probably what a `-X` meant: same name in another case, or the
/// same role (version / commit / date).
fn closest_var(project: &Project, name: &str) -> Option<String> {
    let main = project.main.as_ref()?;
    let strings = || {
        main.decls
            .iter()
            .filter(|d| !d.is_const && d.type_name.as_deref() == Some("string"))
    };
    if let Some(d) = strings().find(|d| d.name.eq_ignore_ascii_case(name) && d.name != name) {
        return Some(d.name.clone());
    }
    const GROUPS: [&[&str]; 3] = [
        &["version", "Version", "appVersion"],
        &["commit", "Commit", "gitCommit", "GitCommit", "revision"],
        &[
            "date",
            "Date",
            "buildTime",
            "BuildTime",
            "buildDate",
            "BuildDate",
        ],
    ];
    let group = GROUPS.iter().find(|g| g.contains(&name))?;
    strings()
        .find(|d| d.name != name && group.contains(&d.name.as_str()))
        .map(|d| d.name.clone())
}

/// main.go's variables for a message: the first few, then `…`.
fn declared_names(project: &Project) -> String {
    const SHOWN: usize = 8;
    project.main.as_ref().map_or(String::new(), |m| {
        let vars: Vec<&str> = m
            .decls
            .iter()
            .filter(|d| !d.is_const)
            .map(|d| d.name.as_str())
            .collect();
        let mut text = vars
            .iter()
            .take(SHOWN)
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        if vars.len() > SHOWN {
            text.push_str(", …");
        }
        if text.is_empty() {
            text.push_str("no variables");
        }
        text
    })
}

fn who_builds(build: &BuildRun) -> (String, String) {
    match &build.origin {
        Origin::GoReleaser { id, .. } => (
            format!("the released binaries (build `{id}`)"),
            format!("リリースされるバイナリ（ビルド `{id}`）"),
        ),
        Origin::Makefile { target } => (
            format!("the binaries `make {target}` builds"),
            format!("`make {target}` が作るバイナリ"),
        ),
        Origin::Dockerfile { .. } => (
            "the image's binary".to_string(),
            "イメージのバイナリ".to_string(),
        ),
    }
}

/// A build's `-X` problems, from the Go build engine: (code, symbol, type for GB132).
fn x_problems(build: &BuildRun) -> Vec<(String, String, Option<String>)> {
    let mut out: Vec<(String, String, Option<String>)> = build
        .result
        .x_ignored
        .iter()
        .map(|x| {
            let symbol = x.flag.split('=').next().unwrap_or(&x.flag).to_string();
            (x.code.clone(), symbol, None)
        })
        .collect();
    for d in build
        .result
        .diagnostics
        .iter()
        .filter(|d| d.code == "GB132")
    {
        let (symbol, rest) = d.message.en.split_once(':').unwrap_or((&d.message.en, ""));
        let type_name = rest
            .rsplit_once("(type:")
            .map(|(_, t)| t.trim_end_matches(')').to_string());
        out.push(("GB132".to_string(), symbol.to_string(), type_name));
    }
    out
}

fn x_flags(project: &Project, out: &mut Outcome) {
    let Some(main) = project.main.as_ref() else {
        return;
    };
    let mut seen: HashSet<(ProjectFile, String, String)> = HashSet::new();
    let mut reported = 0usize;
    for build in &project.builds {
        if build.unknown {
            continue;
        }
        let problems = x_problems(build);
        if problems.is_empty() {
            continue;
        }
        // The value each symbol gets (the last -X wins), read once per build.
        let values: HashMap<String, String> = parse_ldflags(&build.ldflags)
            .x
            .into_iter()
            .map(|x| (x.symbol(), x.value))
            .collect();
        for (code, symbol, type_name) in problems {
            if reported >= super::MAX_FINDINGS {
                return;
            }
            if !seen.insert((build.file, symbol.clone(), code.clone())) {
                continue;
            }
            reported += 1;
            let name = symbol.rsplit('.').next().unwrap_or(&symbol).to_string();
            let decl = main.find(&name);
            let value = values.get(&symbol).cloned().unwrap_or_default();
            let line = x_line(project, build, &symbol);
            let (who_en, who_ja) = who_builds(build);
            let error = code == "GB132";
            let (main_line, says, so, message) = match (code.as_str(), decl) {
                ("GB132", _) => {
                    let ty = type_name.unwrap_or_else(|| "?".to_string());
                    (
                        decl.map_or(0, |d| d.line),
                        t(format!("`{name}` is declared as `{ty}`, not `string`."), format!("`{name}` は `string` ではなく `{ty}` で宣言されています。")),
                        t(format!("The link fails: `{symbol}: cannot set with -X: not a var of type string (type:{ty})`."), format!("リンクが失敗します: `{symbol}: cannot set with -X: not a var of type string (type:{ty})`。")),
                        t(format!("`-X {symbol}` targets `{name}`, declared as `{ty}`: linking {who_en} fails."), format!("`-X {symbol}` は `{ty}` 型の変数を指しているため、{who_ja}のリンクが失敗します。")),
                    )
                }
                ("GB131", _) => (
                    // Where main.go's variables are declared.
                    main.decls.iter().find(|d| !d.is_const).map_or(0, |d| d.line),
                    t(format!("There is no package-level `{name}` (main.go declares: {}).", declared_names(project)), format!("パッケージレベルの `{name}` がありません（main.go にあるのは {}）。", declared_names(project))),
                    t(format!("The linker silently ignores `-X {symbol}`: {who_en} keep the default."), format!("リンカーは `-X {symbol}` を黙って無視し、{who_ja}は既定値のままです。")),
                    t(format!("`-X {symbol}` names a variable main.go does not have: {who_en} never get `{value}`."), format!("`-X {symbol}` は main.go にない変数を指しているため、{who_ja}に `{value}` は入りません。")),
                ),
                ("GB133", Some(d)) => (
                    d.line,
                    t(format!("`{name}` is a `const`."), format!("`{name}` は `const` です。")),
                    t(format!("-X can only set a string var: `-X {symbol}` is silently ignored."), format!("-X が設定できるのは string の var だけなので、`-X {symbol}` は黙って無視されます。")),
                    t(format!("`-X {symbol}` targets a const: {who_en} keep its value."), format!("`-X {symbol}` は const を指しているため、{who_ja}はその値のままです。")),
                ),
                ("GB136", Some(d)) => (
                    d.line,
                    t(format!("`{name}` is initialised by code (a call or another variable)."), format!("`{name}` は関数呼び出しや別の変数で初期化されています。")),
                    t("That initialiser runs at start-up and overwrites what -X set.", "その初期化は起動時に実行され、-X の値を上書きします。"),
                    t(format!("`-X {symbol}` has no lasting effect on {who_en}."), format!("`-X {symbol}` は{who_ja}に効果が残りません。")),
                ),
                _ => {
                    let reason = build
                        .result
                        .x_ignored
                        .iter()
                        .find(|x| x.code == code && x.flag.starts_with(&symbol))
                        .map(|x| x.reason.clone())
                        .unwrap_or_else(|| t(format!("`-X {symbol}` is ignored."), format!("`-X {symbol}` は無視されます。")));
                    (
                        0,
                        t(format!("main.go is package main; `{symbol}` does not name it the way the linker expects."), format!("main.go は main パッケージです。`{symbol}` はリンカーが期待する書き方ではありません。")),
                        reason.clone(),
                        reason,
                    )
                }
            };
            // The line as written (a YAML list item loses its `- `).
            let written = project
                .files
                .get(build.file)
                .and_then(|s| s.lines().nth(line.saturating_sub(1)))
                .map(|l| l.trim().trim_start_matches("- ").to_string())
                .filter(|l| l.contains(&symbol))
                .unwrap_or_else(|| format!("-X {symbol}={value}"));
            let mut because = vec![
                Because::new(
                    build.file,
                    line,
                    t(format!("`{written}`"), format!("`{written}`")),
                    t(
                        format!("The linker is asked to set the string variable `{name}` of package main to `{value}`."),
                        format!("リンカーに main パッケージの string 変数 `{name}` を `{value}` にするよう指示します。"),
                    ),
                ),
                Because::new(ProjectFile::MainGo, main_line, says, so),
            ];
            if error {
                match build.file {
                    ProjectFile::GoReleaser => {
                        if let Some(step) = project.goreleaser_step() {
                            because.push(Because::new(
                                ProjectFile::Workflow,
                                step.line,
                                t(
                                    format!("Job `{}` runs GoReleaser.", step.job),
                                    format!("ジョブ `{}` が GoReleaser を実行します。", step.job),
                                ),
                                t(
                                    "The build fails, so the job fails and nothing is published.",
                                    "ビルドが失敗するのでジョブも失敗し、何も公開されません。",
                                ),
                            ));
                            out.fail(
                                &step.job,
                                t(format!("go build fails: `{symbol}: cannot set with -X: not a var of type string`."), format!("go build が失敗します: `{symbol}: cannot set with -X: not a var of type string`。")),
                            );
                        }
                    }
                    ProjectFile::Dockerfile => {
                        for step in project.docker_steps() {
                            out.fail(
                                &step.job,
                                t(format!("The image build fails at `go build`: `{symbol}: cannot set with -X: not a var of type string`."), format!("イメージのビルドが `go build` で失敗します: `{symbol}: cannot set with -X: not a var of type string`。")),
                            );
                        }
                    }
                    _ => {}
                }
            }
            let fix = match closest_var(project, &name) {
                Some(other) => t(
                    format!("Use main.go's variable: `-X main.{other}=…` (or declare `var {name} = \"…\"` in main.go)."),
                    format!("main.go の変数を使います: `-X main.{other}=…`（または main.go に `var {name} = \"…\"` を宣言します）。"),
                ),
                None => t(
                    format!("Declare `var {name} = \"dev\"` (a plain string var) in main.go, or remove the flag."),
                    format!("main.go に `var {name} = \"dev\"`（素の string 変数）を宣言するか、フラグを消します。"),
                ),
            };
            let diagnostic = if error {
                Diagnostic::error(line, "REL001", message)
            } else {
                Diagnostic::warning(line, "REL001", message)
            };
            out.push(build.file, diagnostic.with_fix(fix), because);
        }
    }
}

// REL002 / REL008 ---------------------------------------------------------------------------

/// At most this many `dockers`/`dockers_v2` entries are checked against the Dockerfile.
const MAX_DOCKERS: usize = 32;

/// Directories that hold build outputs, never committed sources.
const OUTPUT_DIRS: [&str; 6] = ["bin", "dist", "build", "out", "target", "_output"];

/// One build of the project's Dockerfile and the files its context holds.
struct Context<'p> {
    build: &'p PlatformBuild,
    /// Where the build is started, and what that means for the context.
    origin: Because,
    files: Vec<String>,
    /// Every source must be in `files` (GoReleaser's context has nothing else); otherwise only
    /// build outputs are checked (the repository's own files are not known here).
    strict: bool,
    job: Option<String>,
    fix: Text,
}

fn is_build_output(source: &str, produced: &[String]) -> bool {
    let trimmed = source.trim_start_matches("./");
    let first = trimmed.split('/').next().unwrap_or("");
    OUTPUT_DIRS.contains(&first)
        || produced
            .iter()
            .any(|p| p == trimmed || (!trimmed.contains('/') && file_name(p) == trimmed))
}

fn file_name(path: &str) -> String {
    path.rsplit('/').next().unwrap_or(path).to_string()
}

/// The binaries of `.goreleaser.yaml`'s builds (filtered by `ids`) for one platform.
fn goreleaser_binaries<'p>(
    project: &'p Project,
    ids: &[String],
    goos: &str,
    goarch: &str,
) -> Vec<&'p BuildRun> {
    project
        .builds_from(ProjectFile::GoReleaser)
        .filter(|b| match &b.origin {
            Origin::GoReleaser { id, .. } => ids.is_empty() || ids.contains(id),
            _ => false,
        })
        .filter(|b| b.goos() == goos && b.goarch() == goarch)
        .collect()
}

fn contexts<'p>(project: &'p Project, out: &mut Outcome) -> Vec<Context<'p>> {
    let Some(docker) = project.docker.as_ref() else {
        return Vec::new();
    };
    let df = project.dockerfile_name();
    let mut contexts = Vec::new();
    let mut other_files: Vec<(ProjectFile, usize, String)> = Vec::new();
    if let Some(g) = &project.goreleaser {
        let job = project.goreleaser_step().map(|s| s.job.clone());
        for (i, d) in g.config.dockers.iter().enumerate().take(MAX_DOCKERS) {
            let dockerfile = g.dockerfile_of("dockers", i);
            let line = g.line_of("dockers", i);
            if !project.files.is_dockerfile(&dockerfile) {
                other_files.push((ProjectFile::GoReleaser, line, dockerfile));
                continue;
            }
            let goos = d.goos.clone().unwrap_or_else(|| "linux".to_string());
            let goarch = d.goarch.clone().unwrap_or_else(|| "amd64".to_string());
            let platform = format!("{goos}/{goarch}");
            let Some(build) = docker.build_for(&platform) else {
                continue;
            };
            let mut files: Vec<String> = goreleaser_binaries(project, &d.ids, &goos, &goarch)
                .iter()
                .map(|b| file_name(&b.path))
                .collect();
            files.dedup();
            let names = files.join(", ");
            // internal/pipe/docker/docker.go `process`: the binaries go to the temporary context
            // by base name, `extra_files` keep their relative path, and the Dockerfile itself is
            // copied in as `Dockerfile`.
            files.extend(g.extra_files_of("dockers", i));
            files.push("Dockerfile".to_string());
            contexts.push(Context {
                build,
                origin: Because::new(
                    ProjectFile::GoReleaser,
                    line,
                    t(format!("`dockers[{i}]` builds `{df}` for {platform}."), format!("`dockers[{i}]` が {platform} 向けに `{df}` をビルドします。")),
                    t(format!("GoReleaser's build context holds only the built binary ({names}) and `extra_files`: no source code."), format!("GoReleaser のビルドコンテキストにあるのはビルド済みのバイナリ（{names}）と `extra_files` だけで、ソースコードはありません。")),
                ),
                fix: t(
                    format!("Copy what the context has, e.g. `COPY {} /` (the Dockerfile for GoReleaser only copies the binary).", files.first().cloned().unwrap_or_default()),
                    format!("コンテキストにあるものをコピーします（例: `COPY {} /`）。GoReleaser 用の Dockerfile はバイナリをコピーするだけにします。", files.first().cloned().unwrap_or_default()),
                ),
                files,
                strict: true,
                job: job.clone(),
            });
        }
        for (i, d) in g.config.dockers_v2.iter().enumerate().take(MAX_DOCKERS) {
            if d.disable {
                continue;
            }
            let dockerfile = g.dockerfile_of("dockers_v2", i);
            let line = g.line_of("dockers_v2", i);
            if !project.files.is_dockerfile(&dockerfile) {
                other_files.push((ProjectFile::GoReleaser, line, dockerfile));
                continue;
            }
            for platform in dockers_v2_platforms(d).into_iter().take(8) {
                let mut parts = platform.split('/');
                let goos = parts.next().unwrap_or("linux").to_string();
                let goarch = parts.next().unwrap_or("amd64").to_string();
                let Some(build) = docker.build_for(&platform) else {
                    continue;
                };
                let mut files: Vec<String> = goreleaser_binaries(project, &d.ids, &goos, &goarch)
                    .iter()
                    .map(|b| format!("{platform}/{}", file_name(&b.path)))
                    .collect();
                files.dedup();
                let names = files.join(", ");
                files.extend(g.extra_files_of("dockers_v2", i));
                contexts.push(Context {
                    build,
                    origin: Because::new(
                        ProjectFile::GoReleaser,
                        line,
                        t(format!("`dockers_v2[{i}]` builds `{df}` for {platform}."), format!("`dockers_v2[{i}]` が {platform} 向けに `{df}` をビルドします。")),
                        t(format!("The context holds the binaries under `$TARGETPLATFORM/` ({names}) and `extra_files`: no source code."), format!("コンテキストにあるのは `$TARGETPLATFORM/` 以下のバイナリ（{names}）と `extra_files` だけで、ソースコードはありません。")),
                    ),
                    fix: t(
                        "Declare `ARG TARGETPLATFORM` and copy `$TARGETPLATFORM/<binary>` (GoReleaser's dockers_v2 layout).",
                        "`ARG TARGETPLATFORM` を宣言し、`$TARGETPLATFORM/<バイナリ>` をコピーします（GoReleaser の dockers_v2 の配置）。",
                    ),
                    files,
                    strict: true,
                    job: job.clone(),
                });
            }
        }
    }
    if let Some(workflow) = &project.workflow {
        for step in &workflow.docker_builds {
            if !project.files.is_dockerfile(&step.dockerfile) {
                other_files.push((ProjectFile::Workflow, step.line, step.dockerfile.clone()));
                continue;
            }
            let Some(build) = step.platforms.first().and_then(|p| docker.build_for(p)) else {
                continue;
            };
            let (files, origin) = match &step.context {
                BuildContext::Git => (
                    Vec::new(),
                    Because::new(
                        ProjectFile::Workflow,
                        step.line,
                        t(format!("Job `{}` builds `{df}` with docker/build-push-action and no `context:`.", step.job), format!("ジョブ `{}` は `context:` なしの docker/build-push-action で `{df}` をビルドします。", step.job)),
                        t("BuildKit then builds the Git context: the repository as committed at the tag, without anything earlier steps built.", "その場合 BuildKit は Git コンテキスト（タグ時点でコミットされたリポジトリ）をビルドし、前のステップで作ったものは含まれません。"),
                    ),
                ),
                BuildContext::Path(dir) => {
                    let mut files = Vec::new();
                    for (run, _) in &step.earlier_runs {
                        if run.split_whitespace().any(|w| w == "make") {
                            if let Some(m) = &project.makefile {
                                files.extend(m.artifacts.iter().map(|a| a.path.clone()));
                            }
                        }
                        if run.contains("goreleaser") {
                            files.extend(
                                project
                                    .builds_from(ProjectFile::GoReleaser)
                                    .map(|b| b.path.clone()),
                            );
                        }
                        for line in run.lines().filter(|l| l.contains("go build")) {
                            if let Some(o) = crate::gobuild::parse_command(line).command.output {
                                files.push(o.trim_start_matches("./").to_string());
                            }
                        }
                    }
                    let built = if files.is_empty() {
                        "nothing".to_string()
                    } else {
                        files.join(", ")
                    };
                    (
                        files,
                        Because::new(
                            ProjectFile::Workflow,
                            step.line,
                            t(format!("Job `{}` builds `{df}` with `context: {dir}`.", step.job), format!("ジョブ `{}` は `context: {dir}` で `{df}` をビルドします。", step.job)),
                            t(format!("The context is the runner's checkout plus what earlier steps of the job built: {built}."), format!("コンテキストはランナーのチェックアウトと、そのジョブの前のステップで作ったもの（{built}）です。")),
                        ),
                    )
                }
            };
            contexts.push(Context {
                build,
                origin,
                files,
                strict: false,
                job: Some(step.job.clone()),
                fix: t(
                    "Build the binary inside the Dockerfile (a build stage and `COPY --from`), or build it in an earlier step and pass `context: .`.",
                    "バイナリは Dockerfile の中でビルドする（ビルドステージと `COPY --from`）か、前のステップでビルドして `context: .` を渡します。",
                ),
            });
        }
    }
    if let Some(m) = &project.makefile {
        for (line, text) in &m.docker_builds {
            let Some(build) = docker.builds.first() else {
                continue;
            };
            let files: Vec<String> = m.artifacts.iter().map(|a| a.path.clone()).collect();
            let built = if files.is_empty() {
                "nothing".to_string()
            } else {
                files.join(", ")
            };
            contexts.push(Context {
                build,
                origin: Because::new(
                    ProjectFile::Makefile,
                    *line,
                    t(format!("`{text}`"), format!("`{text}`")),
                    t(format!("The context is the project directory, with what the Makefile builds: {built}."), format!("コンテキストはプロジェクトのディレクトリで、Makefile が作るものは {built} です。")),
                ),
                fix: t(
                    format!("Copy a file the Makefile builds ({built}), or add a rule that builds the one the Dockerfile expects."),
                    format!("Makefile が作るファイル（{built}）をコピーするか、Dockerfile が必要とするファイルを作るルールを追加します。"),
                ),
                files,
                strict: false,
                job: None,
            });
        }
    }
    // REL008: Dockerfiles the release builds that are not among the five.
    let mut reported: Vec<String> = Vec::new();
    for (file, line, name) in other_files {
        if reported.contains(&name) {
            continue;
        }
        reported.push(name.clone());
        out.push(
            file,
            Diagnostic::info(
                line,
                "REL008",
                t(
                    format!("The release builds `{name}`, which is not one of the project files given here: its COPY lines and base image are not checked."),
                    format!("リリースは `{name}` をビルドしますが、ここにあるファイルではないため、COPY やベースイメージは確かめません。"),
                ),
            ),
            Vec::new(),
        );
    }
    contexts
}

fn copy_text(copy: &ContextCopy, source: &str) -> String {
    format!("{} {source} {}", copy.keyword, copy.dest)
}

fn context_copies(project: &Project, out: &mut Outcome) {
    let produced: Vec<String> = project
        .builds
        .iter()
        .filter(|b| b.file != ProjectFile::Dockerfile)
        .map(|b| b.path.clone())
        .collect();
    let mut seen: Vec<(usize, String)> = Vec::new();
    for context in contexts(project, out) {
        for copy in context.build.context_copies() {
            for source in &copy.sources {
                if source.starts_with("<<")
                    || source.starts_with("http://")
                    || source.starts_with("https://")
                {
                    continue;
                }
                let present = context.files.iter().any(|f| selects(source, f));
                let checked = context.strict || is_build_output(source, &produced);
                if present || !checked || seen.contains(&(copy.line, source.clone())) {
                    continue;
                }
                seen.push((copy.line, source.clone()));
                let shown = source.trim_start_matches("./").trim_end_matches('/');
                let error = format!("\"/{shown}\": not found");
                let mut because = vec![
                    context.origin.clone(),
                    Because::new(
                        ProjectFile::Dockerfile,
                        copy.line,
                        t(format!("`{}`", copy_text(&copy, source)), format!("`{}`", copy_text(&copy, source))),
                        t(format!("`{shown}` is not in that context: the build stops with `failed to compute cache key: … {error}`."), format!("`{shown}` はそのコンテキストにないため、ビルドは `failed to compute cache key: … {error}` で止まります。")),
                    ),
                ];
                if let Some(job) = &context.job {
                    because.push(Because::new(
                        ProjectFile::Workflow,
                        project
                            .workflow
                            .as_ref()
                            .and_then(|w| w.model.jobs.iter().find(|j| j.id == *job))
                            .map_or(0, |j| j.line),
                        t(
                            format!("Job `{job}` builds that image."),
                            format!("ジョブ `{job}` がそのイメージをビルドします。"),
                        ),
                        t("The job fails.", "ジョブは失敗します。"),
                    ));
                    out.fail(
                        job,
                        t(format!("The image build stops: `{}` is not in the build context ({error}).", shown), format!("イメージのビルドが止まります: `{shown}` はビルドコンテキストにありません（{error}）。")),
                    );
                }
                out.push(
                    ProjectFile::Dockerfile,
                    Diagnostic::error(
                        copy.line,
                        "REL002",
                        t(
                            format!("`{}` copies `{shown}`, which the build context does not have ({error}).", copy.keyword),
                            format!("`{}` がコピーする `{shown}` はビルドコンテキストにありません（{error}）。", copy.keyword),
                        ),
                    )
                    .with_fix(context.fix.clone()),
                    because,
                );
            }
        }
    }
}

// REL003 ------------------------------------------------------------------------------------

/// REL003 for a workflow file GitHub cannot read: no run starts, whatever the filters say. On
/// GitHub the Actions tab then shows "Invalid workflow file: <path>#L<n> — You have an error in
/// your yaml syntax on line <n>" (for a syntax error; a schema error names the key), and no job
/// runs. Pointing at the filter would send the learner to the wrong line.
fn invalid_workflow(tag: &str, first: &Diagnostic, out: &mut Outcome) {
    let line = first.line;
    let at_en = if line > 0 {
        format!(" (the first on line {line})")
    } else {
        String::new()
    };
    let at_ja = if line > 0 {
        format!("（最初のものは {line} 行目）")
    } else {
        String::new()
    };
    out.push(
        ProjectFile::Workflow,
        Diagnostic::error(
            line,
            "REL003",
            t(
                format!("Pushing the tag `{tag}` does not trigger this workflow: the file has errors{at_en}, and GitHub does not run a workflow file it cannot read (the Actions tab shows \"Invalid workflow file\")."),
                format!("タグ `{tag}` をプッシュしてもこのワークフローは起動しません。ファイルにエラーがあり{at_ja}、GitHub は読めないワークフローファイルを実行しないからです（Actions タブに \"Invalid workflow file\" と表示されます）。"),
            ),
        )
        .with_fix(t(
            "Fix the workflow file's errors first, starting with the first one; then the tag filter decides.",
            "まずワークフローファイルのエラーを、最初のものから直します。そのあとでタグのフィルターが判定します。",
        )),
        vec![Because::new(
            ProjectFile::Workflow,
            line,
            first.message.clone(),
            t(
                "GitHub cannot read the workflow, so no run starts and nothing is released.",
                "GitHub がワークフローを読めないので、実行は始まらず、何もリリースされません。",
            ),
        )],
    );
}

fn trigger(project: &Project, out: &mut Outcome) {
    let Some(workflow) = &project.workflow else {
        return;
    };
    let tag = &project.options.tag;
    // Any error in the file itself (YAML syntax, an unexpected key, a missing `runs-on`) makes
    // GitHub reject it, whatever its filters say.
    let first = workflow
        .parse_diagnostics
        .iter()
        .filter(|d| d.is_error())
        .min_by_key(|d| d.line);
    if let Some(first) = first {
        invalid_workflow(tag, first, out);
        return;
    }
    if workflow.decision.triggered {
        return;
    }
    let name = workflow
        .model
        .name
        .clone()
        .unwrap_or_else(|| "release".to_string());
    let mut because = vec![Because::new(
        ProjectFile::Workflow,
        workflow.decision.line,
        workflow.decision.reason.clone(),
        t(
            format!("Pushing `{tag}` starts no run of `{name}`."),
            format!("`{tag}` をプッシュしても `{name}` は実行されません。"),
        ),
    )];
    if let Some(step) = &workflow.goreleaser {
        because.push(Because::new(
            ProjectFile::Workflow,
            step.line,
            t(
                format!("Job `{}` runs GoReleaser.", step.job),
                format!("ジョブ `{}` が GoReleaser を実行します。", step.job),
            ),
            t(
                "No release is created; no archive or image is published.",
                "リリースは作られず、アーカイブもイメージも公開されません。",
            ),
        ));
    }
    out.push(
        ProjectFile::Workflow,
        Diagnostic::error(
            workflow.decision.line,
            "REL003",
            t(
                format!("Pushing the tag `{tag}` does not trigger this workflow. {}", workflow.decision.reason.en),
                format!("タグ `{tag}` をプッシュしてもこのワークフローは起動しません。{}", workflow.decision.reason.ja),
            ),
        )
        .with_fix(if tag.starts_with('v') {
            t(
                format!("Push a tag the filter matches, or widen the filter: `tags: ['v*']` matches `{tag}`."),
                format!("フィルターに一致するタグをプッシュするか、フィルターを広げます。`tags: ['v*']` なら `{tag}` に一致します。"),
            )
        } else {
            t(
                format!("Release tags usually start with `v` (`v{tag}`), which is what a `v*` filter expects; or widen the filter."),
                format!("リリースのタグは普通 `v` で始めます（`v{tag}`）。`v*` のフィルターはそれを前提にしています。またはフィルターを広げます。"),
            )
        }),
        because,
    );
}

// REL004 ------------------------------------------------------------------------------------

fn shallow_history(project: &Project, out: &mut Outcome) {
    let (Some(step), Some(history)) = (project.goreleaser_step(), project.history.as_ref()) else {
        return;
    };
    if history.full {
        return;
    }
    if step.checkout.is_none() && step.unshallow.is_none() {
        out.fail(
            &step.job,
            t(
                "GoReleaser stops: the job never checks out the repository, so there is no git repository to release.",
                "GoReleaser が止まります。ジョブがリポジトリをチェックアウトしていないため、リリースする git リポジトリがありません。",
            ),
        );
    }
    let tag = &project.options.tag;
    let mut because = vec![
        Because::new(
            ProjectFile::Workflow,
            history.line,
            history.reason.clone(),
            t("The runner has the tagged commit, but no older commits or tags.", "ランナーにあるのはタグのコミットだけで、それより古いコミットやタグはありません。"),
        ),
        Because::new(
            ProjectFile::Workflow,
            step.line,
            t(format!("Job `{}` runs `goreleaser {}`.", step.job, step.args.trim()), format!("ジョブ `{}` が `goreleaser {}` を実行します。", step.job, step.args.trim())),
            t(format!("GoReleaser warns `running against a shallow clone` and `couldn't find any tags before \"{tag}\"`: `.PreviousTag` is empty."), format!("GoReleaser は `running against a shallow clone` と `couldn't find any tags before \"{tag}\"` を警告し、`.PreviousTag` は空になります。")),
        ),
    ];
    if let Some(g) = &project.goreleaser {
        let line = g
            .index
            .locate(&parse_path("changelog"))
            .map_or(0, |(line, _)| line);
        let since = project
            .options
            .previous_tag
            .clone()
            .unwrap_or_else(|| "the previous tag".to_string());
        let n = g.analysis.changelog.len();
        because.push(Because::new(
            ProjectFile::GoReleaser,
            line,
            t("The changelog lists the commits since the previous tag.", "変更履歴には前のタグ以降のコミットが並びます。"),
            t(format!("With no previous tag and one commit, the release notes list {n} entr{} instead of every commit since {since}.", if n == 1 { "y" } else { "ies" }), format!("前のタグがなくコミットも 1 つなので、リリースノートは {since} 以降のすべてではなく {n} 件だけになります。")),
        ));
    }
    out.push(
        ProjectFile::Workflow,
        Diagnostic::warning(
            history.line,
            "REL004",
            t(
                format!("GoReleaser runs in job `{}` without the full git history: it cannot find the previous tag, so the changelog is wrong.", step.job),
                format!("ジョブ `{}` の GoReleaser は git の履歴なしで動くため、前のタグが見つからず、変更履歴が正しくなりません。", step.job),
            ),
        )
        .with_fix(t(
            format!("Add `with: fetch-depth: 0` to the `actions/checkout` step of job `{}`.", step.job),
            format!("ジョブ `{}` の `actions/checkout` に `with: fetch-depth: 0` を追加します。", step.job),
        )),
        because,
    );
}

// REL005 ------------------------------------------------------------------------------------

/// The glibc dynamic loader a linux binary of `goarch` asks the kernel for.
fn glibc_loader(goarch: &str) -> &'static str {
    match goarch {
        "amd64" => "/lib64/ld-linux-x86-64.so.2",
        "arm64" => "/lib/ld-linux-aarch64.so.1",
        "arm" => "/lib/ld-linux-armhf.so.3",
        "386" => "/lib/ld-linux.so.2",
        _ => "the glibc dynamic loader",
    }
}

fn libc_words(libc: Option<Libc>) -> (&'static str, &'static str) {
    match libc {
        Some(Libc::Musl) => ("musl, not glibc", "glibc ではなく musl"),
        _ => ("no C library at all", "C ライブラリがまったくありません"),
    }
}

fn cgo_into_static(project: &Project, out: &mut Outcome) {
    let Some(docker) = project.docker.as_ref() else {
        return;
    };
    let runtime_program = docker
        .analysis
        .runtime
        .command
        .first()
        .cloned()
        .unwrap_or_default();
    let mut seen: Vec<(usize, String)> = Vec::new();
    // Binaries built outside the Dockerfile (GoReleaser, make) and copied in from the context.
    let mut outside: Vec<(&BuildRun, String, &PlatformBuild, Because)> = Vec::new();
    if let Some(g) = &project.goreleaser {
        for (i, d) in g.config.dockers.iter().enumerate().take(MAX_DOCKERS) {
            if !project.files.is_dockerfile(&g.dockerfile_of("dockers", i)) {
                continue;
            }
            let goos = d.goos.clone().unwrap_or_else(|| "linux".to_string());
            let goarch = d.goarch.clone().unwrap_or_else(|| "amd64".to_string());
            let Some(build) = docker.build_for(&format!("{goos}/{goarch}")) else {
                continue;
            };
            for run in goreleaser_binaries(project, &d.ids, &goos, &goarch) {
                outside.push((
                    run,
                    file_name(&run.path),
                    build,
                    goreleaser_cgo_step(project, run),
                ));
            }
        }
        for (i, d) in g.config.dockers_v2.iter().enumerate().take(MAX_DOCKERS) {
            if d.disable
                || !project
                    .files
                    .is_dockerfile(&g.dockerfile_of("dockers_v2", i))
            {
                continue;
            }
            for platform in dockers_v2_platforms(d).into_iter().take(8) {
                let mut parts = platform.split('/');
                let goos = parts.next().unwrap_or("linux").to_string();
                let goarch = parts.next().unwrap_or("amd64").to_string();
                let Some(build) = docker.build_for(&platform) else {
                    continue;
                };
                for run in goreleaser_binaries(project, &d.ids, &goos, &goarch) {
                    outside.push((
                        run,
                        format!("{platform}/{}", file_name(&run.path)),
                        build,
                        goreleaser_cgo_step(project, run),
                    ));
                }
            }
        }
    }
    if let (Some(m), Some(build)) = (&project.makefile, docker.builds.first()) {
        if !m.docker_builds.is_empty() {
            for run in project.builds_from(ProjectFile::Makefile) {
                let says = match run.result.cgo {
                    true => t(
                        format!("`{}` builds `{}` with cgo on.", run.written, run.path),
                        format!(
                            "`{}` は cgo を有効にして `{}` をビルドします。",
                            run.written, run.path
                        ),
                    ),
                    false => continue,
                };
                let step = Because::new(ProjectFile::Makefile, run.line, says, cgo_so(run));
                outside.push((run, run.path.clone(), build, step));
            }
        }
    }
    for (run, context_name, build, first) in outside {
        if !run.result.ok || run.result.linking != Linking::Dynamic || run.goos() != "linux" {
            continue;
        }
        let libc = build.final_libc();
        if libc.is_none_or(|l| l == Libc::Glibc) {
            continue;
        }
        let Some(copy) = build
            .context_copies()
            .into_iter()
            .find(|c| c.in_final_image && c.sources.iter().any(|s| selects(s, &context_name)))
        else {
            continue;
        };
        if seen.contains(&(copy.line, run.target.clone())) {
            continue;
        }
        seen.push((copy.line, run.target.clone()));
        let loader = glibc_loader(run.goarch());
        let base = build.final_base();
        let (libc_en, libc_ja) = libc_words(libc);
        let program = if runtime_program.is_empty() {
            copy.dest.clone()
        } else {
            runtime_program.clone()
        };
        let mut because = vec![first];
        because.extend(net_import_step(project));
        because.extend([
            Because::new(
                ProjectFile::Dockerfile,
                copy.line,
                t(format!("`{} {} {}`", copy.keyword, copy.sources.join(" "), copy.dest), format!("`{} {} {}`", copy.keyword, copy.sources.join(" "), copy.dest)),
                t("The dynamically linked binary goes into the image.", "動的リンクのバイナリがイメージに入ります。"),
            ),
            Because::new(
                ProjectFile::Dockerfile,
                build.final_from_line(),
                t(format!("`FROM {base}`"), format!("`FROM {base}`")),
                t(format!("The image has {libc_en} (no {loader}): the container fails with `exec {program}: no such file or directory`."), format!("イメージには{libc_ja}（{loader} もありません）。コンテナは `exec {program}: no such file or directory` で起動できません。")),
            ),
        ]);
        out.push(
            ProjectFile::Dockerfile,
            Diagnostic::error(
                copy.line,
                "REL005",
                t(
                    format!("The {} binary is built with cgo (linked against glibc) and copied into `{base}`, which has {libc_en}: the container cannot start.", run.target),
                    format!("{} のバイナリは cgo で（glibc に動的リンクして）ビルドされ、{libc_ja} `{base}` にコピーされます。コンテナは起動できません。", run.target),
                ),
            )
            .with_fix(t(
                "Build with `CGO_ENABLED=0` (a static binary), or use a base image with glibc such as gcr.io/distroless/base-debian12.",
                "`CGO_ENABLED=0` で静的バイナリにするか、gcr.io/distroless/base-debian12 のような glibc のあるベースイメージを使います。",
            )),
            because,
        );
    }
    // Binaries built inside the Dockerfile whose loader the final image lacks.
    for build in &docker.builds {
        let Some(image) = build.final_image() else {
            continue;
        };
        for binary in build.binaries() {
            let Some(loader) = binary.binary.loader.as_deref() else {
                continue;
            };
            if image.file(loader).is_some() || seen.iter().any(|(l, _)| *l == binary.copied_at) {
                continue;
            }
            seen.push((binary.copied_at, build.platform.clone()));
            let base = build.final_base();
            let (libc_en, libc_ja) = libc_words(build.final_libc());
            let copied = project
                .files
                .dockerfile
                .as_deref()
                .and_then(|d| d.lines().nth(binary.copied_at.saturating_sub(1)))
                .unwrap_or("")
                .trim()
                .to_string();
            let mut because = vec![Because::new(
                ProjectFile::Dockerfile,
                binary.binary.line,
                t(
                    format!(
                        "`go build` runs with cgo on: {}.",
                        binary.binary.cgo_reason.en
                    ),
                    format!(
                        "`go build` は cgo 有効で動きます: {}。",
                        binary.binary.cgo_reason.ja
                    ),
                ),
                t(
                    format!("The binary is linked dynamically and needs {loader} at run time."),
                    format!("バイナリは動的リンクされ、実行時に {loader} が必要です。"),
                ),
            )];
            because.extend(net_import_step(project));
            because.push(Because::new(
                ProjectFile::Dockerfile,
                binary.copied_at,
                t(format!("`{copied}`"), format!("`{copied}`")),
                t(
                    format!("`{}` goes into the final image.", binary.path),
                    format!("`{}` が最終イメージに入ります。", binary.path),
                ),
            ));
            because.push(Because::new(
                ProjectFile::Dockerfile,
                build.final_from_line(),
                t(format!("`FROM {base}`"), format!("`FROM {base}`")),
                t(
                    format!(
                        "It has {libc_en}: `exec {}: no such file or directory`.",
                        binary.path
                    ),
                    format!(
                        "{libc_ja}: `exec {}: no such file or directory`。",
                        binary.path
                    ),
                ),
            ));
            for step in project
                .docker_steps()
                .filter(|d| d.platforms.contains(&build.platform))
            {
                because.push(Because::new(
                    ProjectFile::Workflow,
                    step.line,
                    t(
                        format!(
                            "Job `{}` pushes this image for {}.",
                            step.job, build.platform
                        ),
                        format!(
                            "ジョブ `{}` がこのイメージを {} 向けにプッシュします。",
                            step.job, build.platform
                        ),
                    ),
                    t(
                        "The push succeeds, but the published image cannot start.",
                        "プッシュは成功しますが、公開されたイメージは起動できません。",
                    ),
                ));
            }
            out.push(
                ProjectFile::Dockerfile,
                Diagnostic::error(
                    binary.copied_at,
                    "REL005",
                    t(
                        format!("`{}` is a cgo build ({}) copied into `{base}`, which has {libc_en}: the container cannot start on {}.", binary.path, binary.binary.cgo_reason.en, build.platform),
                        format!("`{}` は cgo のビルド（{}）で、{libc_ja} `{base}` にコピーされます。{} ではコンテナが起動できません。", binary.path, binary.binary.cgo_reason.ja, build.platform),
                    ),
                )
                .with_fix(t(
                    "Add `CGO_ENABLED=0` to the `go build` (a static binary), or use a base image with the same C library.",
                    "`go build` に `CGO_ENABLED=0` を付ける（静的バイナリ）か、同じ C ライブラリのあるベースイメージを使います。",
                )),
                because,
            );
        }
    }
}

/// main.go's `net` import: with cgo on, that is what links the binary against the C library.
fn net_import_step(project: &Project) -> Option<Because> {
    let source = project.files.main_go.as_deref()?;
    let main = project.main.as_ref()?;
    let import = main
        .imports
        .iter()
        .find(|i| *i == "net" || i.starts_with("net/") || *i == "os/user")?;
    let line = line_containing(source, &format!("\"{import}\""), 1, usize::MAX).unwrap_or(0);
    Some(Because::new(
        ProjectFile::MainGo,
        line,
        t(format!("main.go imports `{import}`."), format!("main.go は `{import}` をインポートしています。")),
        t(
            "With cgo on, Go's net (and os/user) packages call the C library, so the binary is linked dynamically.",
            "cgo が有効だと、Go の net（と os/user）パッケージは C ライブラリを呼ぶため、バイナリは動的リンクになります。",
        ),
    ))
}

/// "Why this GoReleaser binary has cgo on", from the build's `env` and the Go build engine.
fn goreleaser_cgo_step(project: &Project, run: &BuildRun) -> Because {
    let (index, id) = match &run.origin {
        Origin::GoReleaser { index, id } => (*index, id.clone()),
        _ => (0, String::new()),
    };
    let g = project.goreleaser.as_ref();
    let env = g
        .and_then(|g| g.config.builds.get(index))
        .map(|b| b.details.env.clone())
        .unwrap_or_default();
    let at = env.iter().position(|e| e.starts_with("CGO_ENABLED"));
    let line = g
        .and_then(|g| {
            let path = match at {
                Some(j) => format!("builds[{index}].env[{j}]"),
                None => format!("builds[{index}]"),
            };
            g.index.locate(&parse_path(&path)).map(|(l, _)| l)
        })
        .unwrap_or(run.line);
    let says = match at.and_then(|j| env.get(j)) {
        Some(e) => t(
            format!("Build `{id}` sets `{e}`."),
            format!("ビルド `{id}` は `{e}` を設定します。"),
        ),
        None => t(
            format!(
                "Build `{id}` does not set `CGO_ENABLED` (GoReleaser does not set it for you)."
            ),
            format!(
                "ビルド `{id}` は `CGO_ENABLED` を設定していません（GoReleaser は設定しません）。"
            ),
        ),
    };
    Because::new(ProjectFile::GoReleaser, line, says, cgo_so(run))
}

fn cgo_so(run: &BuildRun) -> Text {
    t(
        format!("For {}: {}", run.target, run.result.cgo_reason.en),
        format!("{}: {}", run.target, run.result.cgo_reason.ja),
    )
}

// REL006 / REL010 ---------------------------------------------------------------------------

/// The build to compare for a file: linux/amd64 if there is one, else the first.
fn representative<'p>(project: &'p Project, file: ProjectFile) -> Option<&'p BuildRun> {
    let mut builds = project.builds_from(file).filter(|b| !b.unknown).peekable();
    let first = builds.peek().copied();
    builds
        .find(|b| b.goos() == "linux" && b.goarch() == "amd64")
        .or(first)
}

fn size_text(run: &BuildRun) -> String {
    run.result.size_bytes.map_or(String::new(), |b| {
        format!(" ({:.1} MB)", b as f64 / 1_000_000.0)
    })
}

fn ldflags_agreement(project: &Project, out: &mut Outcome) {
    let (Some(mk), Some(gr)) = (
        representative(project, ProjectFile::Makefile),
        representative(project, ProjectFile::GoReleaser),
    ) else {
        return;
    };
    let a = parse_ldflags(&mk.ldflags);
    let b = parse_ldflags(&gr.ldflags);
    let values = |flags: &crate::gobuild::LinkerFlags| -> BTreeMap<String, String> {
        flags
            .x
            .iter()
            .map(|x| (x.symbol(), x.value.clone()))
            .collect()
    };
    let (va, vb) = (values(&a), values(&b));
    let mut differences: Vec<Text> = Vec::new();
    for symbol in va.keys().filter(|s| !vb.contains_key(*s)) {
        differences.push(t(
            format!("only the Makefile sets `-X {symbol}`"),
            format!("`-X {symbol}` は Makefile だけにあります"),
        ));
    }
    for symbol in vb.keys().filter(|s| !va.contains_key(*s)) {
        differences.push(t(
            format!("only .goreleaser.yaml sets `-X {symbol}`"),
            format!("`-X {symbol}` は .goreleaser.yaml だけにあります"),
        ));
    }
    for (flag, in_a, in_b) in [
        ("-s", a.strip_symbols, b.strip_symbols),
        ("-w", a.strip_dwarf(), b.strip_dwarf()),
    ] {
        if in_a != in_b {
            let (en, ja) = if in_a {
                ("the Makefile", "Makefile")
            } else {
                (".goreleaser.yaml", ".goreleaser.yaml")
            };
            let what = if flag == "-s" {
                ("drops the symbol table", "シンボル表を削る")
            } else {
                ("drops DWARF debug information", "DWARF デバッグ情報を削る")
            };
            differences.push(t(
                format!("only {en} {} (`{flag}`)", what.0),
                format!("`{flag}`（{}）は {ja} だけにあります", what.1),
            ));
        }
    }
    let steps = |so_mk: Text, so_gr: Text| {
        vec![
            Because::new(
                ProjectFile::Makefile,
                mk.line,
                t(format!("`{}`", mk.written), format!("`{}`", mk.written)),
                so_mk,
            ),
            Because::new(
                ProjectFile::GoReleaser,
                gr.line,
                t(
                    format!("`ldflags: {}`", gr.written),
                    format!("`ldflags: {}`", gr.written),
                ),
                so_gr,
            ),
        ]
    };
    if !differences.is_empty() {
        let en: Vec<&str> = differences.iter().map(|d| d.en.as_str()).collect();
        let ja: Vec<&str> = differences.iter().map(|d| d.ja.as_str()).collect();
        out.push(
            ProjectFile::Makefile,
            Diagnostic::warning(
                mk.line,
                "REL006",
                t(
                    format!("The Makefile and .goreleaser.yaml link differently: {}. A binary from `make` is not the binary you release.", en.join("; ")),
                    format!("Makefile と .goreleaser.yaml のリンクのしかたが違います: {}。`make` で作ったバイナリはリリースするものと同じではありません。", ja.join("、")),
                ),
            )
            .with_fix(t(
                "Use the same `-s -w` and the same `-X` variables in both (the values may differ: make reads git, GoReleaser its templates).",
                "両方で同じ `-s -w` と同じ `-X` の変数を使います（値は違ってかまいません。make は git から、GoReleaser はテンプレートから得ます）。",
            )),
            steps(
                t(format!("`make` links {} with `{}`{}.", mk.path, mk.ldflags, size_text(mk)), format!("`make` は {} を `{}` でリンクします{}。", mk.path, mk.ldflags, size_text(mk))),
                t(format!("GoReleaser links {} with `{}`{}.", gr.path, gr.ldflags, size_text(gr)), format!("GoReleaser は {} を `{}` でリンクします{}。", gr.path, gr.ldflags, size_text(gr))),
            ),
        );
    }
    // REL010: the same variable, different values for the same tag.
    let differing: Vec<(&String, &String, &String)> = va
        .iter()
        .filter_map(|(s, v)| vb.get(s).filter(|w| *w != v).map(|w| (s, v, w)))
        .collect();
    if differing.is_empty() {
        return;
    }
    let list = |ja: bool| {
        differing
            .iter()
            .map(|(s, v, w)| {
                if ja {
                    format!("`{s}` は make で `{v}`、リリースで `{w}`")
                } else {
                    format!("`{s}` is `{v}` from make but `{w}` in the release")
                }
            })
            .collect::<Vec<_>>()
            .join(if ja { "、" } else { "; " })
    };
    let drops_v = differing
        .iter()
        .any(|(_, v, w)| v.strip_prefix('v') == Some(w.as_str()));
    let fix = if drops_v {
        t(
            "GoReleaser's `{{ .Version }}` is the tag without its `v`: use `{{ .Tag }}` to keep it, or `$(patsubst v%,%,$(VERSION))` in the Makefile to drop it.",
            "GoReleaser の `{{ .Version }}` はタグから `v` を除いたものです。残すなら `{{ .Tag }}`、Makefile 側で除くなら `$(patsubst v%,%,$(VERSION))` を使います。",
        )
    } else {
        t(
            "Stamp the same fact in both (e.g. the same commit length and date format).",
            "両方で同じ事実を埋め込みます（コミットの長さや日付の形式をそろえる）。",
        )
    };
    let (symbol, mk_value, gr_value) = differing[0];
    let mut because = steps(
        t(
            format!("`make` stamps `{symbol}={mk_value}`."),
            format!("`make` は `{symbol}={mk_value}` を埋め込みます。"),
        ),
        t(
            format!("GoReleaser stamps `{symbol}={gr_value}`."),
            format!("GoReleaser は `{symbol}={gr_value}` を埋め込みます。"),
        ),
    );
    if let Some(line) = project
        .files
        .makefile
        .as_deref()
        .and_then(|s| line_containing(s, symbol.as_str(), 1, usize::MAX))
    {
        because[0].line = line;
    }
    out.push(
        ProjectFile::Makefile,
        Diagnostic::info(
            because[0].line,
            "REL010",
            t(
                format!("For the tag {}, {}.", project.options.tag, list(false)),
                format!("タグ {} では、{}。", project.options.tag, list(true)),
            ),
        )
        .with_fix(fix),
        because,
    );
}

// REL007 ------------------------------------------------------------------------------------

fn same_registry(a: &str, b: &str) -> bool {
    let norm = |r: &str| match r {
        "index.docker.io" | "registry-1.docker.io" | "docker.io" => "docker.io".to_string(),
        other => other.to_ascii_lowercase(),
    };
    norm(a) == norm(b)
}

fn registry_login(project: &Project, out: &mut Outcome) {
    let (Some(step), Some(g)) = (project.goreleaser_step(), project.goreleaser.as_ref()) else {
        return;
    };
    if step.snapshot || step.skip_publish {
        return;
    }
    let mut registries: Vec<(String, String)> = Vec::new();
    for artifact in &g.analysis.artifacts {
        if !artifact.uploaded
            || !matches!(
                artifact.kind,
                ArtifactKind::DockerImage | ArtifactKind::DockerManifest
            )
        {
            continue;
        }
        let registry = registry_of(&artifact.name);
        if registries.len() >= 8 {
            break;
        }
        if !registries.iter().any(|(r, _)| *r == registry) {
            registries.push((registry, artifact.name.clone()));
        }
    }
    let section = if g.config.dockers_v2.is_empty() {
        "dockers"
    } else {
        "dockers_v2"
    };
    let section_line = g.line_of(section, 0);
    for (registry, example) in registries {
        let pushes = Because::new(
            ProjectFile::GoReleaser,
            section_line,
            t(format!("`{section}` pushes images such as `{example}`."), format!("`{section}` は `{example}` などのイメージをプッシュします。")),
            t(format!("After building them, GoReleaser runs `docker push` to {registry} with the credentials of the job's Docker."), format!("ビルドの後、GoReleaser はジョブの Docker の認証情報で {registry} に `docker push` します。")),
        );
        let login = step
            .logins
            .iter()
            .find(|l| same_registry(&l.registry, &registry));
        let fix = t(
            format!("Before GoReleaser, add `docker/login-action` with `registry: {registry}` (for ghcr.io: username `${{{{ github.actor }}}}`, password `${{{{ secrets.GITHUB_TOKEN }}}}`, and `packages: write` in the job's permissions) — or let only one job push images."),
            format!("GoReleaser の前に `registry: {registry}` の `docker/login-action` を追加します（ghcr.io なら username `${{{{ github.actor }}}}`、password `${{{{ secrets.GITHUB_TOKEN }}}}`、ジョブの permissions に `packages: write`）。またはイメージのプッシュを一つのジョブにまとめます。"),
        );
        match login {
            None => {
                out.fail(
                    &step.job,
                    t(format!("GoReleaser's `docker push` to {registry} is refused: the job never logs in."), format!("GoReleaser の {registry} への `docker push` が拒否されます（ジョブがログインしていません）。")),
                );
                out.push(
                    ProjectFile::Workflow,
                    Diagnostic::error(
                        step.line,
                        "REL007",
                        t(
                            format!("GoReleaser pushes images to {registry}, but job `{}` does not log in to it: the push is refused (unauthorized) and the job fails.", step.job),
                            format!("GoReleaser は {registry} にイメージをプッシュしますが、ジョブ `{}` はログインしていません。プッシュは拒否され（unauthorized）、ジョブは失敗します。", step.job),
                        ),
                    )
                    .with_fix(fix),
                    vec![
                        pushes,
                        Because::new(
                            ProjectFile::Workflow,
                            step.line,
                            t(format!("Job `{}` has no `docker/login-action` (or `docker login`) for {registry} before GoReleaser.", step.job), format!("ジョブ `{}` には GoReleaser より前に {registry} への `docker/login-action`（や `docker login`）がありません。", step.job)),
                            t("goreleaser-action does not log in for you: the registry refuses the push and GoReleaser stops with an error.", "goreleaser-action はログインしてくれません。レジストリはプッシュを拒否し、GoReleaser はエラーで止まります。"),
                        ),
                    ],
                );
            }
            Some(login) if login.github_token && same_registry(&registry, "ghcr.io") => {
                match &step.access {
                    Some((_, packages, line)) if packages != "write" => {
                        out.fail(
                            &step.job,
                            t(format!("GoReleaser's push to ghcr.io is denied: the token has `packages: {packages}`."), format!("GoReleaser の ghcr.io へのプッシュが拒否されます（トークンは `packages: {packages}`）。")),
                        );
                        out.push(
                            ProjectFile::Workflow,
                            Diagnostic::error(
                                *line,
                                "REL007",
                                t(
                                    format!("Job `{}` logs in to ghcr.io with `GITHUB_TOKEN`, but its permissions give `packages: {packages}`: GoReleaser's push is denied (`denied: permission_denied: write_package`).", step.job),
                                    format!("ジョブ `{}` は `GITHUB_TOKEN` で ghcr.io にログインしますが、permissions は `packages: {packages}` です。GoReleaser のプッシュは拒否されます（`denied: permission_denied: write_package`）。", step.job),
                                ),
                            )
                            .with_fix(t("Add `packages: write` to the job's `permissions`.", "ジョブの `permissions` に `packages: write` を追加します。")),
                            vec![
                                pushes,
                                Because::new(ProjectFile::Workflow, login.line, t("`docker/login-action` logs in to ghcr.io with `GITHUB_TOKEN`.", "`docker/login-action` が `GITHUB_TOKEN` で ghcr.io にログインします。"), t("What the push may do is what the token's permissions allow.", "プッシュでできることはトークンの権限で決まります。")),
                                Because::new(ProjectFile::Workflow, *line, t(format!("`permissions` gives `packages: {packages}` (unwritten scopes are `none`)."), format!("`permissions` は `packages: {packages}` です（書かれていないスコープは `none`）。")), t("The token cannot write packages: the push is denied and the job fails.", "トークンはパッケージを書き込めないため、プッシュは拒否されジョブは失敗します。")),
                            ],
                        );
                    }
                    None => out.push(
                        ProjectFile::Workflow,
                        Diagnostic::warning(
                            step.job_line,
                            "REL007",
                            t(
                                format!("Job `{}` pushes to ghcr.io with `GITHUB_TOKEN` but sets no `permissions`: repositories created since February 2023 get a read-only token, and the push is then denied.", step.job),
                                format!("ジョブ `{}` は `GITHUB_TOKEN` で ghcr.io にプッシュしますが `permissions` がありません。2023 年 2 月以降のリポジトリではトークンが読み取り専用になり、プッシュは拒否されます。", step.job),
                            ),
                        )
                        .with_fix(t("Add `permissions: { contents: write, packages: write }` to the job.", "ジョブに `permissions: { contents: write, packages: write }` を追加します。")),
                        vec![pushes],
                    ),
                    _ => {}
                }
            }
            Some(_) => {}
        }
    }
}

// REL009 ------------------------------------------------------------------------------------

fn image_vs_archive(project: &Project, out: &mut Outcome) {
    let Some(step) = project.docker_steps().next() else {
        return;
    };
    let image = project
        .builds_from(ProjectFile::Dockerfile)
        .filter(|b| !b.unknown && b.result.ok)
        .find(|b| step.platforms.contains(&b.target));
    let Some(image) = image else {
        return;
    };
    let Some(archive) = project
        .builds_from(ProjectFile::GoReleaser)
        .find(|b| b.goos() == image.goos() && b.goarch() == image.goarch())
    else {
        return;
    };
    let (Some(vi), Some(va)) = (
        image.result.version_output.as_ref(),
        archive.result.version_output.as_ref(),
    ) else {
        return;
    };
    let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "null".to_string());
    let mut differences: Vec<(String, String, String)> = Vec::new();
    for (field, a, b) in [
        ("version", &vi.version, &va.version),
        ("commit", &vi.git_commit, &va.git_commit),
        ("build_time", &vi.build_time, &va.build_time),
    ] {
        if a != b {
            differences.push((field.to_string(), show(a), show(b)));
        }
    }
    if differences.is_empty() {
        return;
    }
    let list = |ja: bool| {
        differences
            .iter()
            .map(|(f, a, b)| {
                if ja {
                    format!("{f} はイメージで `{a}`、アーカイブで `{b}`")
                } else {
                    format!("{f} `{a}` (image) vs `{b}` (archive)")
                }
            })
            .collect::<Vec<_>>()
            .join(if ja { "、" } else { ", " })
    };
    let mut because = Vec::new();
    if !step.build_args.is_empty() {
        let args: Vec<String> = step
            .build_args
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        because.push(Because::new(
            ProjectFile::Workflow,
            step.build_args_line,
            t(
                format!(
                    "`build-args` resolves to `{}` for this tag.",
                    args.join(" ")
                ),
                format!(
                    "このタグでは `build-args` は `{}` になります。",
                    args.join(" ")
                ),
            ),
            t(
                "These are the Dockerfile's ARG values.",
                "これが Dockerfile の ARG の値になります。",
            ),
        ));
    }
    let platform = format!("{}/{}", image.goos(), image.goarch());
    because.push(Because::new(
        ProjectFile::Dockerfile,
        image.line,
        t(
            format!("`{}`", image.written),
            format!("`{}`", image.written),
        ),
        t(
            format!(
                "The image's {platform} binary answers `{}`.",
                super::builds::version_json(vi)
            ),
            format!(
                "イメージの {platform} のバイナリは `{}` を返します。",
                super::builds::version_json(vi)
            ),
        ),
    ));
    because.push(Because::new(
        ProjectFile::GoReleaser,
        archive.line,
        t(
            format!("`ldflags: {}`", archive.written),
            format!("`ldflags: {}`", archive.written),
        ),
        t(
            format!(
                "The archive's {} binary answers `{}`.",
                archive.target,
                super::builds::version_json(va)
            ),
            format!(
                "アーカイブの {} のバイナリは `{}` を返します。",
                archive.target,
                super::builds::version_json(va)
            ),
        ),
    ));
    out.push(
        ProjectFile::Dockerfile,
        Diagnostic::info(
            image.line,
            "REL009",
            t(
                format!("The same release reports two different builds on /version: {}.", list(false)),
                format!("同じリリースで /version の答えが 2 通りあります: {}。", list(true)),
            ),
        )
        .with_fix(t(
            "Pass the same facts to both builds (e.g. `build-args` with VERSION, COMMIT and DATE, and the same -X list in the Dockerfile).",
            "両方のビルドに同じ情報を渡します（例: `build-args` で VERSION・COMMIT・DATE を渡し、Dockerfile でも同じ -X を使う）。",
        )),
        because,
    );
}

// Predicted failures without a finding of their own ------------------------------------------

fn goreleaser_failures(project: &Project, out: &mut Outcome) {
    let (Some(step), Some(g)) = (project.goreleaser_step(), project.goreleaser.as_ref()) else {
        return;
    };
    if g.analysis.check.exit_code == 1 {
        out.fail(
            &step.job,
            t(
                format!("GoReleaser stops: {}", g.analysis.check.message),
                format!("GoReleaser が止まります: {}", g.analysis.check.message),
            ),
        );
    }
    if let Some(error) = &g.analysis.check.release_error {
        out.fail(
            &step.job,
            t(
                format!("`goreleaser release` stops: {error}"),
                format!("`goreleaser release` が止まります: {error}"),
            ),
        );
    }
    if let Some(failed) = project
        .builds_from(ProjectFile::GoReleaser)
        .find(|b| !b.result.ok)
    {
        let stderr = failed
            .result
            .go_stderr
            .lines()
            .last()
            .unwrap_or("")
            .to_string();
        out.fail(
            &step.job,
            t(
                format!("`go build` fails for {}: {stderr}", failed.target),
                format!("{} の `go build` が失敗します: {stderr}", failed.target),
            ),
        );
    }
    if let Some((contents, _, _)) = &step.access {
        if contents != "write" && !step.snapshot && !step.skip_publish {
            out.fail(
                &step.job,
                t(
                    format!("Creating the GitHub release is refused (`403 Resource not accessible by integration`): the token has `contents: {contents}`."),
                    format!("GitHub リリースの作成が拒否されます（`403 Resource not accessible by integration`）。トークンは `contents: {contents}` です。"),
                ),
            );
        }
    }
}
