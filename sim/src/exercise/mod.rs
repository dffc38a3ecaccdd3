//! Classroom exercises: a goal written as **checks** over the engines' simulated results, checked
//! on the learner's final files (never on their keystrokes), with hints, a reference solution and
//! an optional "golf" score to minimise.
//!
//! An exercise is one YAML file (`content/exercises/<id>.yaml`, format and check language in
//! `content/exercises/README.md`). Everything here takes text, not paths, so the app can embed
//! the files with `include_str!`:
//!
//! - [`parse`] / [`parse_with`]: YAML text → [`Exercise`] + diagnostics (file line and column,
//!   stable codes, both languages). Never panics.
//! - [`evaluate`]: an exercise and the learner's current [`Files`] → an [`Evaluation`]: one
//!   [`CheckResult`] per check (passed or not, a goal label and an explanation with the actual
//!   value, in both languages) and the golf score. Pure, serialisable, and cheap enough for every
//!   keystroke: each engine runs once per distinct scenario.
//! - [`verify`]: what `deploy-sim exercises check` asks of a teacher's exercise — the starting
//!   files fail at least one check, the reference solution passes them all.
//!
//! Module map: [`lang`] (the check language: tokens, clauses, typed checks), [`subjects`] (what a
//! check can read, with its type and its bilingual wording), [`load`] (the YAML format),
//! [`evaluate`](mod@evaluate) (engine runs, comparisons, explanations), [`verify`](mod@verify).

pub mod evaluate;
pub mod lang;
pub mod load;
pub mod subjects;
pub mod verify;
mod wording;

use crate::text::Text;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub use evaluate::{evaluate, CheckResult, Evaluation, GolfScore};
pub use lang::{Check, Metric};
pub use load::{chapter_id_from_front_matter, parse, parse_with, Loaded, ParseOptions};
pub use subjects::Subject;
pub use verify::{verify, Verification};

/// The files an exercise can give the learner. The YAML keys (and the JSON of [`Files`]) are the
/// snake_case names: `dockerfile`, `dockerignore`, `main_go`, `go_build`, `makefile`,
/// `goreleaser`, `workflow`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    Dockerfile,
    Dockerignore,
    /// The program's `main.go` (read by the `go build` engine for `-X`).
    MainGo,
    /// A `go build` command line, as in the go build playground.
    GoBuild,
    Makefile,
    /// `.goreleaser.yaml`.
    Goreleaser,
    /// A GitHub Actions workflow (`.github/workflows/release.yml`).
    Workflow,
}

impl FileKind {
    pub const ALL: [FileKind; 7] = [
        FileKind::Dockerfile,
        FileKind::Dockerignore,
        FileKind::MainGo,
        FileKind::GoBuild,
        FileKind::Makefile,
        FileKind::Goreleaser,
        FileKind::Workflow,
    ];

    /// The key in the exercise file.
    pub fn key(self) -> &'static str {
        match self {
            FileKind::Dockerfile => "dockerfile",
            FileKind::Dockerignore => "dockerignore",
            FileKind::MainGo => "main_go",
            FileKind::GoBuild => "go_build",
            FileKind::Makefile => "makefile",
            FileKind::Goreleaser => "goreleaser",
            FileKind::Workflow => "workflow",
        }
    }

    pub fn from_key(key: &str) -> Option<FileKind> {
        FileKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The name a learner knows the file by (an editor's title).
    pub fn file_name(self) -> &'static str {
        match self {
            FileKind::Dockerfile => "Dockerfile",
            FileKind::Dockerignore => ".dockerignore",
            FileKind::MainGo => "main.go",
            FileKind::GoBuild => "go build",
            FileKind::Makefile => "Makefile",
            FileKind::Goreleaser => ".goreleaser.yaml",
            FileKind::Workflow => ".github/workflows/release.yml",
        }
    }

    /// The language of the file for [`crate::highlight`] (`dockerfile`, `makefile`, `yaml`, `go`,
    /// `sh`, `text`).
    pub fn highlight_language(self) -> &'static str {
        match self {
            FileKind::Dockerfile => "dockerfile",
            FileKind::Dockerignore => "text",
            FileKind::MainGo => "go",
            FileKind::GoBuild => "sh",
            FileKind::Makefile => "makefile",
            FileKind::Goreleaser | FileKind::Workflow => "yaml",
        }
    }
}

/// The engine a check reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Engine {
    Dockerfile,
    GoBuild,
    Make,
    GoReleaser,
    Workflow,
}

impl Engine {
    pub const ALL: [Engine; 5] = [
        Engine::Dockerfile,
        Engine::GoBuild,
        Engine::Make,
        Engine::GoReleaser,
        Engine::Workflow,
    ];

    /// The file the engine simulates.
    pub fn file(self) -> FileKind {
        match self {
            Engine::Dockerfile => FileKind::Dockerfile,
            Engine::GoBuild => FileKind::GoBuild,
            Engine::Make => FileKind::Makefile,
            Engine::GoReleaser => FileKind::Goreleaser,
            Engine::Workflow => FileKind::Workflow,
        }
    }

    /// The prefix of its subjects in the check language (`dockerfile.diagnostics`).
    pub fn prefix(self) -> &'static str {
        match self {
            Engine::Dockerfile => "dockerfile",
            Engine::GoBuild => "gobuild",
            Engine::Make => "make",
            Engine::GoReleaser => "goreleaser",
            Engine::Workflow => "workflow",
        }
    }
}

/// The learner's files (or an exercise's starting files or solution): one text per kind. Its JSON
/// is an object such as `{"dockerfile": "FROM …"}`, so the app can store it as it is.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Files(pub BTreeMap<FileKind, String>);

impl Files {
    pub fn get(&self, kind: FileKind) -> Option<&str> {
        self.0.get(&kind).map(String::as_str)
    }

    pub fn set(&mut self, kind: FileKind, text: impl Into<String>) {
        self.0.insert(kind, text.into());
    }

    pub fn kinds(&self) -> impl Iterator<Item = FileKind> + '_ {
        self.0.keys().copied()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// These files with `other`'s texts put over them (a solution over the starting files).
    pub fn overlaid(&self, other: &Files) -> Files {
        let mut merged = self.clone();
        for (kind, text) in &other.0 {
            merged.0.insert(*kind, text.clone());
        }
        merged
    }
}

/// A golf goal: a number to make as small as possible once every check passes.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Golf {
    pub metric: Metric,
    /// What is measured, e.g. "The final image's size" / "最終イメージのサイズ".
    pub label: Text,
}

/// One exercise, as loaded from its file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Exercise {
    pub id: String,
    /// A chapter id from the guide's front matter (`docker-multistage`).
    pub chapter: String,
    pub title: Text,
    pub instructions: Text,
    /// The starting files.
    pub files: Files,
    pub checks: Vec<Check>,
    /// Revealed one at a time, in this order.
    pub hints: Vec<Text>,
    /// The reference solution: the starting files with the solution's files put over them.
    pub solution: Files,
    pub golf: Option<Golf>,
    /// Where `files` and `solution` are in the exercise file, for diagnostics.
    pub lines: Lines,
}

/// Lines of an exercise file's parts that have no check of their own.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Lines {
    pub files: usize,
    pub solution: usize,
}

impl Exercise {
    /// The engines the checks (and the golf metric) read.
    pub fn engines(&self) -> Vec<Engine> {
        let mut engines: Vec<Engine> = self
            .checks
            .iter()
            .flat_map(|c| c.subject.engines(&self.files))
            .chain(
                self.golf
                    .iter()
                    .flat_map(|g| g.metric.subject.engines(&self.files)),
            )
            .collect();
        engines.sort();
        engines.dedup();
        engines
    }
}
