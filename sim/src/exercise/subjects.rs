//! What a check can read: every **subject** of the check language (`image.size_bytes`,
//! `workflow.jobs.<job>.status`, …), the engine that produces it, its type, and how it is named
//! in both languages in goals and explanations.
//!
//! Adding a subject: a variant here, its row in [`PATTERNS`], its wording in the `impl`, its
//! value in `evaluate::observe`, and a line in `content/exercises/README.md`.

use super::{Engine, Files};
use crate::text::Text;
use serde::Serialize;

/// The unit of a number, for reading values (`10 MB`, `30 s`) and for showing them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Bytes,
    Seconds,
    Plain,
}

/// How `contains` compares a list's items with the value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemMatch {
    /// An item must equal the value (targets, file names, codes).
    Exact,
    /// An item must contain the value (changelog lines, commands, error output).
    Substring,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueType {
    Number(Unit),
    Bool,
    Text,
    /// One of a fixed set of words.
    Enum(&'static [&'static str]),
    List(ItemMatch),
}

/// The fields of the `/version` output of the guide's sample server.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum VersionField {
    Version,
    BuildTime,
    GitCommit,
    GoVersion,
    Os,
    Arch,
}

impl VersionField {
    const ALL: [VersionField; 6] = [
        VersionField::Version,
        VersionField::BuildTime,
        VersionField::GitCommit,
        VersionField::GoVersion,
        VersionField::Os,
        VersionField::Arch,
    ];

    pub fn name(self) -> &'static str {
        match self {
            VersionField::Version => "version",
            VersionField::BuildTime => "build_time",
            VersionField::GitCommit => "git_commit",
            VersionField::GoVersion => "go_version",
            VersionField::Os => "os",
            VersionField::Arch => "arch",
        }
    }
}

/// One thing a check reads. Parameters are what the check names: a step's text, a job id, …
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "subject", content = "of", rename_all = "snake_case")]
pub enum Subject {
    ImageSize,
    ImageBase,
    ImageLayers,
    /// The second build's fate of the first step whose text contains this.
    CacheStep(String),
    CacheSeconds,
    CacheRebuilt,
    RuntimeStarts,
    RuntimeUser,
    RuntimeRoot,
    RuntimeCommand,
    RuntimeProblems,
    /// Diagnostic codes of one engine, or of every engine with a file when `None`.
    Diagnostics(Option<Engine>),
    Errors(Option<Engine>),
    GoOk,
    GoOutput,
    GoGoos,
    GoGoarch,
    GoCgo,
    GoLinking,
    GoSize,
    GoVersionOutput(VersionField),
    GoXApplied(String),
    GoXIgnored,
    GoStderr,
    MakeExitStatus,
    MakeArtifacts,
    MakeCommands,
    MakeStderr,
    MakeVariable(String),
    MakeTargets,
    ReleaseTargets,
    ReleaseArchives,
    ReleaseBinaries,
    ReleaseArtifacts,
    ReleaseChangelog,
    ReleaseCheckExitCode,
    ReleaseSucceeds,
    ReleaseVersion,
    ReleaseProjectName,
    WorkflowTriggered,
    JobStatus(String),
    JobPermission(String, String),
    WorkflowJobs,
}

/// Every subject as a teacher writes it, with `<…>` for what they fill in. Used in error messages
/// ("did you mean …") and kept in step with the README's table by a test.
pub const PATTERNS: &[&str] = &[
    "image.size_bytes",
    "image.base",
    "image.layers",
    "cache[\"<text of a step>\"]",
    "cache.rebuild_seconds",
    "cache.rebuilt",
    "runtime.starts",
    "runtime.user",
    "runtime.runs_as_root",
    "runtime.command",
    "runtime.problems",
    "diagnostics",
    "errors",
    "<engine>.diagnostics",
    "<engine>.errors",
    "gobuild.ok",
    "gobuild.output",
    "gobuild.goos",
    "gobuild.goarch",
    "gobuild.cgo",
    "gobuild.linking",
    "gobuild.size_bytes",
    "gobuild.version_output.<field>",
    "gobuild.x_applied[\"<package.name>\"]",
    "gobuild.x_ignored",
    "gobuild.stderr",
    "make.exit_status",
    "make.artifacts",
    "make.commands",
    "make.stderr",
    "make.variables[\"<NAME>\"]",
    "make.targets",
    "goreleaser.targets",
    "goreleaser.archives",
    "goreleaser.binaries",
    "goreleaser.artifacts",
    "goreleaser.changelog",
    "goreleaser.check.exit_code",
    "goreleaser.release_succeeds",
    "goreleaser.version",
    "goreleaser.project_name",
    "workflow.triggered",
    "workflow.jobs",
    "workflow.jobs.<job>.status",
    "workflow.jobs.<job>.permissions.<scope>",
];

/// One step of a subject's path: `workflow`, `jobs`, or a bracketed `["go mod download"]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    /// Written in brackets (`cache["…"]`), so it is a key, never a field name.
    pub bracket: bool,
}

const STATUS_CACHE: &[&str] = &["cached", "rebuilt"];
const STATUS_JOB: &[&str] = &["success", "failure", "skipped"];
const LINKING: &[&str] = &["static", "dynamic"];
const ACCESS: &[&str] = &["read", "write", "none"];

fn engine_of_prefix(prefix: &str) -> Option<Engine> {
    Engine::ALL.into_iter().find(|e| e.prefix() == prefix)
}

/// Finds the subject a path names. The error lists what exists under the path's first part.
pub fn resolve(path: &[Segment]) -> Result<Subject, Text> {
    use Subject::*;
    let names: Vec<&str> = path.iter().map(|s| s.text.as_str()).collect();
    let field = |i: usize| path.get(i).is_some_and(|s| !s.bracket);
    let all_fields = path.iter().all(|s| !s.bracket);
    let subject = match names.as_slice() {
        ["cache", step] if path.get(1).is_some_and(|s| s.bracket) => {
            Some(CacheStep(step.to_string()))
        }
        ["make", "variables", name] => Some(MakeVariable(name.to_string())),
        ["gobuild", "x_applied", symbol] => Some(GoXApplied(symbol.to_string())),
        ["workflow", "jobs", job, "status"] if field(3) => Some(JobStatus(job.to_string())),
        ["workflow", "jobs", job, "permissions", scope] if field(3) => {
            Some(JobPermission(job.to_string(), scope.to_string()))
        }
        ["gobuild", "version_output", f] if all_fields => VersionField::ALL
            .into_iter()
            .find(|v| v.name() == *f)
            .map(GoVersionOutput),
        _ if !all_fields => None,
        ["image", "size_bytes"] => Some(ImageSize),
        ["image", "base"] => Some(ImageBase),
        ["image", "layers"] => Some(ImageLayers),
        ["cache", "rebuild_seconds"] => Some(CacheSeconds),
        ["cache", "rebuilt"] => Some(CacheRebuilt),
        ["runtime", "starts"] => Some(RuntimeStarts),
        ["runtime", "user"] => Some(RuntimeUser),
        ["runtime", "runs_as_root"] => Some(RuntimeRoot),
        ["runtime", "command"] => Some(RuntimeCommand),
        ["runtime", "problems"] => Some(RuntimeProblems),
        ["diagnostics"] => Some(Diagnostics(None)),
        ["errors"] => Some(Errors(None)),
        [engine, "diagnostics"] => engine_of_prefix(engine).map(|e| Diagnostics(Some(e))),
        [engine, "errors"] => engine_of_prefix(engine).map(|e| Errors(Some(e))),
        ["gobuild", "ok"] => Some(GoOk),
        ["gobuild", "output"] => Some(GoOutput),
        ["gobuild", "goos"] => Some(GoGoos),
        ["gobuild", "goarch"] => Some(GoGoarch),
        ["gobuild", "cgo"] => Some(GoCgo),
        ["gobuild", "linking"] => Some(GoLinking),
        ["gobuild", "size_bytes"] => Some(GoSize),
        ["gobuild", "x_ignored"] => Some(GoXIgnored),
        ["gobuild", "stderr"] => Some(GoStderr),
        ["make", "exit_status"] => Some(MakeExitStatus),
        ["make", "artifacts"] => Some(MakeArtifacts),
        ["make", "commands"] => Some(MakeCommands),
        ["make", "stderr"] => Some(MakeStderr),
        ["make", "targets"] => Some(MakeTargets),
        ["goreleaser", "targets"] => Some(ReleaseTargets),
        ["goreleaser", "archives"] => Some(ReleaseArchives),
        ["goreleaser", "binaries"] => Some(ReleaseBinaries),
        ["goreleaser", "artifacts"] => Some(ReleaseArtifacts),
        ["goreleaser", "changelog"] => Some(ReleaseChangelog),
        ["goreleaser", "check", "exit_code"] => Some(ReleaseCheckExitCode),
        ["goreleaser", "release_succeeds"] => Some(ReleaseSucceeds),
        ["goreleaser", "version"] => Some(ReleaseVersion),
        ["goreleaser", "project_name"] => Some(ReleaseProjectName),
        ["workflow", "triggered"] => Some(WorkflowTriggered),
        ["workflow", "jobs"] => Some(WorkflowJobs),
        _ => None,
    };
    subject.ok_or_else(|| unknown(path))
}

fn unknown(path: &[Segment]) -> Text {
    let written = render(path);
    let root = path.first().map(|s| s.text.as_str()).unwrap_or("");
    let under: Vec<&str> = PATTERNS
        .iter()
        .copied()
        .filter(|p| {
            p.split(['.', '[']).next().is_some_and(|first| {
                first == root || (first == "<engine>" && engine_of_prefix(root).is_some())
            })
        })
        .collect();
    if under.is_empty() {
        let roots =
            "image, cache, runtime, diagnostics, errors, gobuild, make, goreleaser, workflow";
        Text::new(
            format!("unknown subject `{written}`: a check starts with one of {roots}"),
            format!("`{written}` という対象はありません。チェックは {roots} のどれかで始めます"),
        )
    } else {
        let list = under.join(", ");
        Text::new(
            format!("unknown subject `{written}`; under `{root}` there are: {list}"),
            format!("`{written}` という対象はありません。`{root}` の下にあるのは {list} です"),
        )
    }
}

/// Renders a path back as written: `workflow.jobs.release.status`, `cache["go mod download"]`.
pub fn render(path: &[Segment]) -> String {
    let mut out = String::new();
    for (i, segment) in path.iter().enumerate() {
        if segment.bracket {
            out.push_str(&format!("[\"{}\"]", segment.text));
        } else {
            if i > 0 {
                out.push('.');
            }
            out.push_str(&segment.text);
        }
    }
    out
}

impl Subject {
    /// The engine whose result it reads; `None` for `diagnostics`/`errors` of every file.
    pub fn engine(&self) -> Option<Engine> {
        use Subject::*;
        Some(match self {
            ImageSize | ImageBase | ImageLayers | CacheStep(_) | CacheSeconds | CacheRebuilt
            | RuntimeStarts | RuntimeUser | RuntimeRoot | RuntimeCommand | RuntimeProblems => {
                Engine::Dockerfile
            }
            Diagnostics(engine) | Errors(engine) => return *engine,
            GoOk | GoOutput | GoGoos | GoGoarch | GoCgo | GoLinking | GoSize
            | GoVersionOutput(_) | GoXApplied(_) | GoXIgnored | GoStderr => Engine::GoBuild,
            MakeExitStatus | MakeArtifacts | MakeCommands | MakeStderr | MakeVariable(_)
            | MakeTargets => Engine::Make,
            ReleaseTargets | ReleaseArchives | ReleaseBinaries | ReleaseArtifacts
            | ReleaseChangelog | ReleaseCheckExitCode | ReleaseSucceeds | ReleaseVersion
            | ReleaseProjectName => Engine::GoReleaser,
            WorkflowTriggered | JobStatus(_) | JobPermission(_, _) | WorkflowJobs => {
                Engine::Workflow
            }
        })
    }

    /// The engines that run for this subject with these files.
    pub fn engines(&self, files: &Files) -> Vec<Engine> {
        match self.engine() {
            Some(engine) => vec![engine],
            None => Engine::ALL
                .into_iter()
                .filter(|e| files.get(e.file()).is_some())
                .collect(),
        }
    }

    pub fn value_type(&self) -> ValueType {
        use Subject::*;
        use ValueType::*;
        match self {
            ImageSize | GoSize => Number(Unit::Bytes),
            CacheSeconds => Number(Unit::Seconds),
            MakeExitStatus | ReleaseCheckExitCode => Number(Unit::Plain),
            RuntimeStarts | RuntimeRoot | GoOk | GoCgo | ReleaseSucceeds | WorkflowTriggered => {
                Bool
            }
            ImageBase | RuntimeUser | RuntimeCommand | GoOutput | GoGoos | GoGoarch
            | GoVersionOutput(_) | GoXApplied(_) | GoStderr | MakeVariable(_) | ReleaseVersion
            | ReleaseProjectName => Text,
            CacheStep(_) => Enum(STATUS_CACHE),
            JobStatus(_) => Enum(STATUS_JOB),
            GoLinking => Enum(LINKING),
            JobPermission(_, _) => Enum(ACCESS),
            MakeCommands | MakeStderr | ReleaseChangelog | CacheRebuilt => {
                List(ItemMatch::Substring)
            }
            ImageLayers | RuntimeProblems | Diagnostics(_) | Errors(_) | GoXIgnored
            | MakeArtifacts | MakeTargets | ReleaseTargets | ReleaseArchives | ReleaseBinaries
            | ReleaseArtifacts | WorkflowJobs => List(ItemMatch::Exact),
        }
    }

    /// The subject as a noun phrase, lower case in English (`the final image`); lists are plural.
    pub fn noun(&self) -> Text {
        use Subject::*;
        let t = |en: &str, ja: &str| Text::new(en, ja);
        match self {
            ImageSize => t("the final image", "最終イメージのサイズ"),
            ImageBase => t(
                "the final stage's base image",
                "最終ステージのベースイメージ",
            ),
            ImageLayers => t("the final image's layers", "最終イメージのレイヤー"),
            CacheStep(step) => {
                Text::new(format!("the step `{step}`"), format!("`{step}` のステップ"))
            }
            CacheSeconds => t("the rebuild time", "再ビルドにかかる時間"),
            CacheRebuilt => t("the steps that re-run", "再実行されるステップ"),
            RuntimeStarts => t("whether the container starts", "コンテナが起動するか"),
            RuntimeUser => t("the container's user", "コンテナの実行ユーザー"),
            RuntimeRoot => t("whether the container runs as root", "root で動くか"),
            RuntimeCommand => t("the container's command", "コンテナの起動コマンド"),
            RuntimeProblems => t("the predicted run-time problems", "予測される実行時の問題"),
            Diagnostics(None) => t("the diagnostics", "診断"),
            Diagnostics(Some(e)) => Text::new(
                format!("the diagnostics of {}", e.file().file_name()),
                format!("{} の診断", e.file().file_name()),
            ),
            Errors(None) => t("the errors", "エラー"),
            Errors(Some(e)) => Text::new(
                format!("the errors of {}", e.file().file_name()),
                format!("{} のエラー", e.file().file_name()),
            ),
            GoOk => t("whether `go build` succeeds", "`go build` が成功するか"),
            GoOutput => t(
                "the file `go build` writes",
                "`go build` が書き出すファイル",
            ),
            GoGoos => t("the target GOOS", "ターゲットの GOOS"),
            GoGoarch => t("the target GOARCH", "ターゲットの GOARCH"),
            GoCgo => t("whether cgo is on", "cgo が有効か"),
            GoLinking => t("the binary's linking", "バイナリのリンク方式"),
            GoSize => t("the binary", "バイナリのサイズ"),
            GoVersionOutput(field) => Text::new(
                format!("the `{}` that /version prints", field.name()),
                format!("/version が返す `{}`", field.name()),
            ),
            GoXApplied(symbol) => Text::new(
                format!("the value -X sets in `{symbol}`"),
                format!("-X で `{symbol}` に設定される値"),
            ),
            GoXIgnored => t(
                "the -X flags that are silently ignored",
                "黙って無視される -X",
            ),
            GoStderr => t("the error output of `go build`", "`go build` のエラー出力"),
            MakeExitStatus => t("the exit status of make", "make の終了ステータス"),
            MakeArtifacts => t(
                "the files `go build` writes",
                "`go build` が書き出すファイル",
            ),
            MakeCommands => t("the commands make runs", "make が実行するコマンド"),
            MakeStderr => t("the error output of make", "make のエラー出力"),
            MakeVariable(name) => Text::new(
                format!("the variable `{name}`"),
                format!("変数 `{name}` の値"),
            ),
            MakeTargets => t("the targets make runs", "make が実行するターゲット"),
            ReleaseTargets => t(
                "the GoReleaser build targets",
                "GoReleaser のビルドターゲット",
            ),
            ReleaseArchives => t("the release archives", "リリースのアーカイブ"),
            ReleaseBinaries => t("the binaries in dist/", "dist/ のバイナリ"),
            ReleaseArtifacts => t("the release artifacts", "リリースの成果物"),
            ReleaseChangelog => t("the changelog entries", "チェンジログの項目"),
            ReleaseCheckExitCode => t(
                "the exit code of `goreleaser check`",
                "`goreleaser check` の終了コード",
            ),
            ReleaseSucceeds => t(
                "whether `goreleaser release` succeeds",
                "`goreleaser release` が成功するか",
            ),
            ReleaseVersion => t(
                "the release version (.Version)",
                "リリースのバージョン（.Version）",
            ),
            ReleaseProjectName => t("the project name", "プロジェクト名"),
            WorkflowTriggered => t("whether the workflow runs", "ワークフローが起動するか"),
            JobStatus(job) => Text::new(
                format!("the status of job `{job}`"),
                format!("ジョブ `{job}` の状態"),
            ),
            JobPermission(job, scope) => Text::new(
                format!("the `{scope}` permission of job `{job}`"),
                format!("ジョブ `{job}` の `{scope}` 権限"),
            ),
            WorkflowJobs => t("the jobs of the run", "実行のジョブ"),
        }
    }

    /// The noun of `<list> count`: "the number of …".
    pub fn count_noun(&self) -> Text {
        use Subject::*;
        let t = |en: &str, ja: &str| Text::new(en, ja);
        match self {
            ImageLayers => t(
                "the number of layers in the final image",
                "最終イメージのレイヤー数",
            ),
            MakeArtifacts => t(
                "the number of binaries make builds",
                "make がビルドするバイナリの数",
            ),
            ReleaseTargets => t(
                "the number of GoReleaser build targets",
                "GoReleaser のビルドターゲット数",
            ),
            ReleaseArchives => t("the number of release archives", "リリースのアーカイブ数"),
            ReleaseChangelog => t("the number of changelog entries", "チェンジログの項目数"),
            WorkflowJobs => t("the number of jobs in the run", "実行のジョブ数"),
            _ => {
                let noun = self.noun();
                let en = noun.en.strip_prefix("the ").unwrap_or(&noun.en).to_string();
                Text::new(
                    format!("the number of {en}"),
                    super::wording::jp(&[&noun.ja, "の数"]),
                )
            }
        }
    }

    /// For a yes/no subject: the sentence when it is true, and when it is false.
    pub fn bool_phrases(&self) -> Option<(Text, Text)> {
        use Subject::*;
        let t = |en: &str, ja: &str| Text::new(en, ja);
        Some(match self {
            RuntimeStarts => (
                t("the container starts", "コンテナは起動します"),
                t("the container does not start", "コンテナは起動しません"),
            ),
            RuntimeRoot => (
                t("the container runs as root", "コンテナは root で動きます"),
                t(
                    "the container runs as a non-root user",
                    "コンテナは root 以外のユーザーで動きます",
                ),
            ),
            GoOk => (
                t("`go build` succeeds", "`go build` は成功します"),
                t("`go build` fails", "`go build` は失敗します"),
            ),
            GoCgo => (
                t("cgo is on", "cgo は有効です"),
                t("cgo is off", "cgo は無効です"),
            ),
            ReleaseSucceeds => (
                t(
                    "`goreleaser release` succeeds",
                    "`goreleaser release` は成功します",
                ),
                t(
                    "`goreleaser release` stops with an error",
                    "`goreleaser release` はエラーで止まります",
                ),
            ),
            WorkflowTriggered => (
                t("the workflow runs", "ワークフローは起動します"),
                t("the workflow does not run", "ワークフローは起動しません"),
            ),
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(text: &str) -> Vec<Segment> {
        text.split('.')
            .map(|t| Segment {
                text: t.to_string(),
                bracket: false,
            })
            .collect()
    }

    #[test]
    fn every_plain_pattern_resolves() {
        for pattern in PATTERNS.iter().filter(|p| !p.contains('<')) {
            assert!(resolve(&path(pattern)).is_ok(), "{pattern}");
        }
    }

    #[test]
    fn unknown_subject_lists_the_ones_under_its_root() {
        let error = resolve(&path("image.sise_bytes")).expect_err("unknown");
        assert!(error.en.contains("image.size_bytes"), "{}", error.en);
        assert!(!error.en.contains("workflow.triggered"), "{}", error.en);
    }
}
