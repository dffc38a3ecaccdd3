//! The files a plan's `go build` lines would produce: output path, target platform and size.
//!
//! make only finds the commands; the Go build engine ([`crate::gobuild`]) owns the semantics of
//! `go build` (target, CGO default, output name, `-ldflags`, calibrated size). Each simple
//! command of a recipe, after make's expansion and the shell's word splitting, is handed to it
//! with the makefile's exported variables in front, as the recipe's shell would see them.

use super::env::ProjectEnv;
use super::shell::{tokenize, Token};
use super::{Artifact, Step};
use crate::gobuild::{self, BuildContext};

/// Artifacts of every `go build` command in the plan, in execution order. `exported` holds the
/// makefile's exported variables (they are in the recipe shell's environment).
pub(crate) fn collect(
    steps: &[Step],
    env: &ProjectEnv,
    exported: &[(String, String)],
) -> Vec<Artifact> {
    let mut artifacts = Vec::new();
    for step in steps {
        for command in &step.commands {
            for simple in simple_commands(&command.text) {
                if let Some(artifact) = go_build(&simple, env, exported, &step.target, command.line)
                {
                    artifacts.push(artifact);
                }
            }
        }
    }
    artifacts
}

fn simple_commands(text: &str) -> Vec<Vec<String>> {
    let mut commands = vec![Vec::new()];
    for token in tokenize(text) {
        match token {
            Token::Word(w) => {
                if let Some(current) = commands.last_mut() {
                    current.push(w.text);
                }
            }
            Token::And | Token::Or | Token::Semi | Token::Pipe => commands.push(Vec::new()),
            Token::Redirect(_) => {}
        }
    }
    commands
}

fn go_build(
    words: &[String],
    env: &ProjectEnv,
    exported: &[(String, String)],
    target: &str,
    line: usize,
) -> Option<Artifact> {
    let mut rest = words;
    // `env A=b go build` and `A=b go build`.
    if rest.first().is_some_and(|w| w == "env") {
        rest = rest.get(1..)?;
    }
    let assignments = rest
        .iter()
        .take_while(|w| {
            w.split_once('=').is_some_and(|(name, _)| {
                !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
            })
        })
        .count();
    let command = rest.get(assignments..)?;
    if command.first()? != "go" || command.get(1)? != "build" {
        return None;
    }
    // Rebuild one shell line: exported variables, then the command's own assignments (which win),
    // then the command; every word quoted so the Go build engine splits it back identically.
    let line_text: Vec<String> = exported
        .iter()
        .map(|(name, value)| format!("{name}={value}"))
        .chain(rest.iter().cloned())
        .map(|w| shell_quote(&w))
        .collect();
    let context = BuildContext {
        host_goos: env.goos.clone(),
        host_goarch: env.goarch.clone(),
        module_path: env.module.clone(),
        ..BuildContext::default()
    };
    let result = gobuild::analyze_line(&line_text.join(" "), None, &context);
    let parsed = gobuild::parse_command(&line_text.join(" ")).command;
    let package = parsed
        .packages
        .first()
        .cloned()
        .unwrap_or_else(|| ".".to_string());
    let cgo_enabled = parsed.env_value("CGO_ENABLED").map(|v| v == "1");
    Some(Artifact {
        target: target.to_string(),
        line,
        path: result.output.clone().unwrap_or_default(),
        size_bytes: result.size_bytes,
        goos: result.goos,
        goarch: result.goarch,
        cgo_enabled,
        ldflags: parsed.ldflags,
        package,
    })
}

/// Single-quotes a word for the shell unless it is plainly safe.
fn shell_quote(word: &str) -> String {
    let safe = !word.is_empty()
        && word
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_./=:,+@%".contains(&b));
    if safe {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::make::Command;

    fn artifact_of(command: &str) -> Option<Artifact> {
        let step = Step {
            target: "build".to_string(),
            line: 1,
            prerequisites: Vec::new(),
            commands: vec![Command {
                line: 2,
                text: command.to_string(),
                silent: false,
                ignore_errors: false,
                always_run: false,
            }],
        };
        collect(&[step], &ProjectEnv::default(), &[])
            .into_iter()
            .next()
    }

    #[test]
    fn sizes_come_from_the_calibrated_go_build_model() {
        // Reference: go1.22-binary-sizes.tsv, linux/arm64 "-s -w" = 4,718,744 bytes (measured).
        let a = artifact_of(
            "GOOS=linux GOARCH=arm64 CGO_ENABLED=0 go build -ldflags '-s -w' -o bin/app .",
        )
        .expect("a go build line");
        let size = a.size_bytes.expect("a size") as f64;
        assert!((size / 4_718_744.0 - 1.0).abs() < 0.03, "{size}");
        let unstripped = artifact_of("GOOS=linux GOARCH=arm64 CGO_ENABLED=0 go build -o bin/app .")
            .and_then(|a| a.size_bytes)
            .expect("a size");
        assert!(
            unstripped as f64 > size * 1.3,
            "stripping saves about a third"
        );
        // A build the go command refuses has no artifact size.
        let bad = artifact_of("GOOS=linux GOARCH=sparc go build -o x .").expect("still a go build");
        assert_eq!(bad.size_bytes, None);
    }

    #[test]
    fn go_build_lines_yield_platform_and_output() {
        type Expected<'a> = Option<(&'a str, &'a str, &'a str)>;
        let cases: &[(&str, Expected)] = &[
            (
                "GOOS=linux GOARCH=arm64 go build -o bin/app ./cmd/app",
                Some(("bin/app", "linux", "arm64")),
            ),
            (
                "GOOS=windows go build ./cmd/myapp",
                Some(("myapp.exe", "windows", "amd64")),
            ),
            (
                "go build -ldflags \"-s -w\" -o=out/ .",
                Some(("out/myapp", "linux", "amd64")),
            ),
            (
                "cd sub && env GOOS=darwin go build -trimpath -o x \\\n\t./cmd/x",
                Some(("x", "darwin", "amd64")),
            ),
            ("go test ./...", None),
            ("echo go build", None),
        ];
        for (command, expected) in cases {
            let got = artifact_of(command);
            let got = got
                .as_ref()
                .map(|a| (a.path.as_str(), a.goos.as_str(), a.goarch.as_str()));
            assert_eq!(got, *expected, "{command}");
        }
    }
}
