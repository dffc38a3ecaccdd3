//! The files a plan's `go build` lines would produce: output path, target platform and size.
//!
//! The Go build engine (`deploy_sim::gobuild`, written in parallel) owns the full semantics of
//! `go build`; until it is wired in, this module reads just what the make playground shows — the
//! `GOOS`/`GOARCH`/`CGO_ENABLED` assignments in front of the command (or exported by the
//! makefile, or the toolchain's host platform), `-o`, `-ldflags` and the package — and leaves
//! `size_bytes` empty. The lead will replace [`size_of`] with the Go build engine's estimate.

use super::env::ProjectEnv;
use super::shell::{tokenize, Token};
use super::{Artifact, Step};

/// `go build` flags that take a value (go1.22 `go help build`), so the package argument is found.
const FLAGS_WITH_VALUE: &[&str] = &[
    "-o",
    "-p",
    "-ldflags",
    "-gcflags",
    "-asmflags",
    "-gccgoflags",
    "-tags",
    "-mod",
    "-modfile",
    "-buildmode",
    "-compiler",
    "-installsuffix",
    "-pkgdir",
    "-overlay",
    "-pgo",
    "-covermode",
    "-coverpkg",
    "-toolexec",
    "-C",
];

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
    let mut vars: Vec<(String, String)> = exported.to_vec();
    let mut rest = words;
    // `env A=b go build`, `A=b go build`.
    if rest.first().is_some_and(|w| w == "env") {
        rest = rest.get(1..)?;
    }
    while let Some((first, tail)) = rest.split_first() {
        match first.split_once('=') {
            Some((name, value))
                if !name.is_empty()
                    && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') =>
            {
                vars.push((name.to_string(), value.to_string()));
                rest = tail;
            }
            _ => break,
        }
    }
    if rest.first()? != "go" || rest.get(1)? != "build" {
        return None;
    }
    let var = |name: &str| {
        vars.iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    };
    let goos = var("GOOS").unwrap_or_else(|| env.goos.clone());
    let goarch = var("GOARCH").unwrap_or_else(|| env.goarch.clone());
    let mut output: Option<String> = None;
    let mut ldflags: Option<String> = None;
    let mut packages: Vec<String> = Vec::new();
    let mut args = rest.get(2..).unwrap_or(&[]).iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with('-') => (f.trim_start_matches('-'), Some(v.to_string())),
            _ => (arg.trim_start_matches('-'), None),
        };
        if !arg.starts_with('-') {
            packages.push(arg.clone());
            continue;
        }
        let takes_value = FLAGS_WITH_VALUE
            .iter()
            .any(|f| f.trim_start_matches('-') == flag);
        let value = if takes_value {
            inline.or_else(|| args.next().cloned())
        } else {
            None
        };
        match flag {
            "o" => output = value,
            "ldflags" => ldflags = value,
            _ => {}
        }
    }
    let package = packages.first().cloned().unwrap_or_else(|| ".".to_string());
    let exe = if goos == "windows" { ".exe" } else { "" };
    let default_name = || {
        let trimmed = package.trim_end_matches('/');
        let last = if trimmed == "." || trimmed.is_empty() {
            env.module.rsplit('/').next().unwrap_or("main")
        } else {
            trimmed.rsplit('/').next().unwrap_or("main")
        };
        format!("{last}{exe}")
    };
    let path = match output {
        Some(o) if o.ends_with('/') => format!("{o}{}", default_name()),
        Some(o) => o,
        None => default_name(),
    };
    let cgo_enabled = var("CGO_ENABLED").map(|v| v == "1");
    Some(Artifact {
        target: target.to_string(),
        line,
        size_bytes: size_of(&goos, &goarch, ldflags.as_deref()),
        path,
        goos,
        goarch,
        cgo_enabled,
        ldflags,
        package,
    })
}

/// The binary's size. `None` until the Go build engine (`deploy_sim::gobuild`) is merged: it
/// owns the size table (`go1.22-binary-sizes.tsv`) and the effect of `-s -w`.
fn size_of(_goos: &str, _goarch: &str, _ldflags: Option<&str>) -> Option<u64> {
    None
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
