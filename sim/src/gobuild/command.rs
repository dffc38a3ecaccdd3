//! Understands a `go build` command line as a learner writes it: an environment prefix
//! (`CGO_ENABLED=0 GOOS=linux GOARCH=arm64`, optionally after `env`), the build flags with Go's
//! flag syntax (`-o out`, `-o=out`, `--trimpath`, `-ldflags="..."`), and the packages.
//!
//! Like the go command, flag parsing stops at the first non-flag word, so a flag written after the
//! package (`go build . -o app`) becomes a "package" — the real tool then fails, and so do we.

use super::shell::{split_go_quoted, split_words, Word};
use crate::{Diagnostic, Text};
use serde::Serialize;

/// An environment assignment written before the command, e.g. `GOOS=linux`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EnvVar {
    pub name: String,
    pub value: String,
}

/// A parsed `go build` invocation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Command {
    /// The environment prefix, in the order written.
    pub env: Vec<EnvVar>,
    /// False when the line is not a `go build` (then the other fields are empty).
    pub is_go_build: bool,
    /// `-o`, as written.
    pub output: Option<String>,
    pub trimpath: bool,
    /// `-tags`, split on commas (and spaces, the pre-1.13 syntax Go still accepts).
    pub tags: Vec<String>,
    /// The effective `-ldflags` value: the go command keeps only the last one given.
    pub ldflags: Option<String>,
    /// Every `-ldflags` given, so callers can show the ones that were discarded.
    pub ldflags_all: Vec<String>,
    /// Other flags, as `(name, value)`; value is empty for booleans.
    pub other_flags: Vec<(String, String)>,
    /// Package arguments; empty means `.`.
    pub packages: Vec<String>,
}

impl Command {
    /// The last value given for `name` in the environment prefix.
    pub fn env_value(&self, name: &str) -> Option<&str> {
        self.env
            .iter()
            .rev()
            .find(|v| v.name == name)
            .map(|v| v.value.as_str())
    }
}

/// A command plus what the parser had to say about it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ParsedCommand {
    pub command: Command,
    pub diagnostics: Vec<Diagnostic>,
}

/// Flags of `go build` (Go 1.22 `go help build`) that take a value.
const VALUE_FLAGS: &[&str] = &[
    "C",
    "p",
    "covermode",
    "coverpkg",
    "asmflags",
    "buildmode",
    "compiler",
    "gccgoflags",
    "gcflags",
    "installsuffix",
    "ldflags",
    "mod",
    "modfile",
    "overlay",
    "pgo",
    "pkgdir",
    "tags",
    "toolexec",
    "o",
];

/// Boolean flags of `go build`. `-buildvcs` is a string flag that may be written alone.
const BOOL_FLAGS: &[&str] = &[
    "a",
    "n",
    "race",
    "msan",
    "asan",
    "cover",
    "v",
    "work",
    "x",
    "linkshared",
    "modcacherw",
    "trimpath",
    "buildvcs",
];

/// The go command's usage text after a flag error (observed with go1.22.12).
const BUILD_USAGE: &str =
    "usage: go build [-o output] [build flags] [packages]\nRun 'go help build' for details.";

/// Parses one command line. Never fails: an unparseable line gives a command with
/// `is_go_build == false` and a diagnostic.
pub fn parse_command(line: &str) -> ParsedCommand {
    let mut diagnostics = Vec::new();
    let split = split_words(line);
    if let Some((l, c, q)) = split.unterminated_quote {
        diagnostics.push(
            Diagnostic::error(
                l,
                "GB001",
                Text::new(
                    format!("Unterminated {q} quote: the shell would wait for more input."),
                    format!("{q} の引用符が閉じていません。シェルは続きの入力を待ち続けます。"),
                ),
            )
            .with_column(c),
        );
    }
    if split.words.iter().any(|w| w.has_expansion) {
        diagnostics.push(Diagnostic::info(
            0,
            "GB002",
            Text::new(
                "`$...` expansions are shown as written: the simulator does not run the shell.",
                "`$...` の展開は書かれたまま表示します。シミュレーターはシェルを実行しません。",
            ),
        ));
    }

    // Simple commands are separated by operators; pick the one that runs `go build`.
    let commands: Vec<&[Word]> = split
        .words
        .split(|w| w.is_operator)
        .filter(|c| !c.is_empty())
        .collect();
    let chosen = commands
        .iter()
        .position(|words| go_build_index(words).is_some());
    let Some(chosen) = chosen else {
        diagnostics.push(Diagnostic::error(
            split.words.first().map_or(1, |w| w.line),
            "GB003",
            Text::new(
                "No `go build` command found: write e.g. `GOOS=linux GOARCH=arm64 go build -o app ./cmd/server`.",
                "`go build` コマンドが見つかりません。例: `GOOS=linux GOARCH=arm64 go build -o app ./cmd/server`",
            ),
        ));
        return ParsedCommand {
            command: Command::default(),
            diagnostics,
        };
    };
    if commands.len() > 1 {
        diagnostics.push(Diagnostic::info(
            0,
            "GB004",
            Text::new(
                "Only the `go build` part of the line is simulated; the other commands are ignored.",
                "シミュレーションするのは `go build` の部分だけで、ほかのコマンドは無視します。",
            ),
        ));
    }
    let words = commands.get(chosen).copied().unwrap_or(&[]);
    let go_at = go_build_index(words).unwrap_or(0);
    let mut command = Command {
        is_go_build: true,
        ..Command::default()
    };
    for word in words.iter().take(go_at) {
        if word.text == "env" {
            continue;
        }
        if let Some((name, value)) = word.text.split_once('=') {
            command.env.push(EnvVar {
                name: name.to_string(),
                value: value.to_string(),
            });
        }
    }

    // GOFLAGS flags come first, so the command line overrides them (cmd/go/internal/base/goflags.go).
    if let Some(goflags) = command.env_value("GOFLAGS").map(str::to_string) {
        match split_go_quoted(&goflags) {
            Ok(fields) => {
                for field in fields {
                    let (name, value) = match field.trim_start_matches('-').split_once('=') {
                        Some((n, v)) => (n.to_string(), Some(v.to_string())),
                        None => (field.trim_start_matches('-').to_string(), None),
                    };
                    apply_flag(&mut command, &name, value.unwrap_or_default());
                }
            }
            Err(e) => diagnostics.push(Diagnostic::error(
                0,
                "GB005",
                Text::new(
                    format!("go: parsing $GOFLAGS: {e}"),
                    format!("GOFLAGS を解釈できません: {e}"),
                ),
            )),
        }
    }

    let args = words.get(go_at + 2..).unwrap_or(&[]);
    let mut i = 0;
    while let Some(word) = args.get(i) {
        i += 1;
        let text = word.text.as_str();
        if text == "--" {
            command
                .packages
                .extend(args.get(i..).unwrap_or(&[]).iter().map(|w| w.text.clone()));
            break;
        }
        if !text.starts_with('-') || text == "-" {
            // Go's flag package stops at the first non-flag argument.
            command.packages.extend(
                args.get(i - 1..)
                    .unwrap_or(&[])
                    .iter()
                    .map(|w| w.text.clone()),
            );
            break;
        }
        let body = text.strip_prefix("--").unwrap_or(&text[1..]);
        let (name, inline) = match body.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (body, None),
        };
        if VALUE_FLAGS.contains(&name) {
            let value = match inline {
                Some(v) => v,
                None => match args.get(i) {
                    Some(next) => {
                        i += 1;
                        next.text.clone()
                    }
                    None => {
                        diagnostics.push(flag_error(
                            word,
                            format!("flag needs an argument: -{name}"),
                            format!("フラグ -{name} に値がありません。"),
                        ));
                        break;
                    }
                },
            };
            apply_flag(&mut command, name, value);
        } else if BOOL_FLAGS.contains(&name) {
            let value = inline.unwrap_or_default();
            if name == "trimpath" && !matches!(value.as_str(), "" | "true" | "false" | "1" | "0") {
                diagnostics.push(flag_error(
                    word,
                    format!("invalid boolean value {value:?} for -{name}: parse error"),
                    format!("-{name} の真偽値 {value:?} が不正です。"),
                ));
            }
            apply_flag(&mut command, name, value);
        } else {
            diagnostics.push(flag_error(
                word,
                format!("flag provided but not defined: -{name}"),
                format!("-{name} というフラグは go build にありません。"),
            ));
        }
    }

    // The go command stops at the first bad path, so one report is enough.
    if let Some(package) = command.packages.iter().find(|p| p.starts_with('-')) {
        let word = args.iter().find(|w| &w.text == package);
        diagnostics.push(
            Diagnostic::error(
                word.map_or(1, |w| w.line),
                "GB007",
                Text::new(
                    format!("malformed import path \"{package}\": leading dash"),
                    format!(
                        "フラグはパッケージより前に書きます。{package} がパッケージ名として扱われました（\"{package}\": leading dash）。"
                    ),
                ),
            )
            .with_column(word.map_or(1, |w| w.column))
            .with_fix(Text::new(
                "Move every flag before the package: `go build -o app ./cmd/server`.",
                "フラグはすべてパッケージの前に: `go build -o app ./cmd/server`",
            )),
        );
    }

    ParsedCommand {
        command,
        diagnostics,
    }
}

/// Index of `go` in `go build` within a simple command (after an optional env prefix).
fn go_build_index(words: &[Word]) -> Option<usize> {
    let mut i = 0;
    while let Some(word) = words.get(i) {
        let is_assignment = word
            .text
            .split_once('=')
            .is_some_and(|(name, _)| is_env_name(name));
        if word.text == "env" || is_assignment {
            i += 1;
            continue;
        }
        let is_go = word.text == "go" || word.text.ends_with("/go");
        return (is_go && words.get(i + 1).is_some_and(|w| w.text == "build")).then_some(i);
    }
    None
}

fn is_env_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn apply_flag(command: &mut Command, name: &str, value: String) {
    match name {
        "o" => command.output = Some(value),
        "trimpath" => command.trimpath = matches!(value.as_str(), "" | "true" | "1"),
        "tags" => {
            command.tags = value
                .split([',', ' '])
                .filter(|t| !t.is_empty())
                .map(str::to_string)
                .collect();
        }
        "ldflags" => {
            command.ldflags_all.push(value.clone());
            command.ldflags = Some(value);
        }
        _ => command.other_flags.push((name.to_string(), value)),
    }
}

fn flag_error(word: &Word, en: String, ja: String) -> Diagnostic {
    Diagnostic::error(
        word.line,
        "GB006",
        Text::new(format!("{en}\n{BUILD_USAGE}"), ja),
    )
    .with_column(word.column)
}
