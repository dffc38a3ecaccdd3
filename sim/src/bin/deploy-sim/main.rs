//! `deploy-sim`: the engine on the command line, for teachers, scripts and tests.
//!
//! Exit codes, shared by every subcommand: 0 when the analysis ran (even with warnings), 1 when
//! the input has errors, 2 for bad command-line usage.

// `println!`/`print!` that ignore a closed pipe (`deploy-sim targets --json | head`): std's
// versions panic on EPIPE. Defined before the modules, so every subcommand uses these.
macro_rules! println {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}
macro_rules! print {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout(), $($arg)*);
    }};
}

mod args;
mod dockerfile;
mod exercises;
mod gobuild;
mod goreleaser;
mod makefile;
mod release;
mod workflow;

use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "\
deploy-sim — simulate how Go applications are built and shipped

Usage:
  deploy-sim dockerfile <PATH|-> [--changed <FILE>]... [--target <STAGE>]
                        [--platform <LIST>] [--build-arg K=V]... [--dockerignore <PATH>] [--json]
  deploy-sim --version
  deploy-sim --help
  deploy-sim makefile <PATH|-> [GOAL]... [VAR=value]... [--git-tag v1.2.3] [--no-git-tag] [--no-git]
        [--git-ahead N] [--git-commit <sha>] [--dirty] [--date <RFC3339>] [--goos OS] [--goarch ARCH]
        [--file-name NAME] [--json]
      Simulate `make -n` (GNU make 4.3); $(shell) answers from the given git state and clock.
  deploy-sim go-build [--main <main.go>] [--host <goos/goarch>] [--no-cc] [--json] -- '<go build command line>'
  deploy-sim targets [--json]
  deploy-sim workflow <PATH|-> [--event push|pull_request|workflow_dispatch] [--ref refs/tags/v1.2.3]
        [--fail JOB]... [--changed PATH]... [--repository owner/name] [--json]
      Simulate one run of a GitHub Actions workflow: trigger, jobs by level, statuses, checks.
  deploy-sim goreleaser <PATH|-> [--tag v1.2.3] [--previous-tag v1.2.2] [--snapshot] [--dirty]
        [--commit <sha>] [--date <RFC3339>] [--module <go module path>] [--lang en|ja] [--json]
      Simulate `goreleaser check` and the dist/ of `goreleaser release` (GoReleaser v2.18).
  deploy-sim exercises check <DIR|FILE> [--chapters <CONTENT_DIR>] [--verbose] [--lang en|ja]
      Verify exercise files: each parses, its starting files fail a check, its solution passes
      all; exit 1 when one is broken. Chapters are read from DIR/.. (content/) when it has ja/, en/.
  deploy-sim release <PROJECT_DIR> [--tag v1.2.3] [--previous-tag v1.2.2] [--fail JOB]...
        [--commit <sha>] [--date <RFC3339>] [--repository owner/name] [--full-history|--shallow]
        [--dockerfile PATH] [--lang en|ja] [--json]
      The whole story of `git tag v1.2.3 && git push --tags`: main.go, Makefile, Dockerfile
      (or PATH, e.g. Dockerfile.release), .goreleaser.yaml and .github/workflows/release.yml
      together, with cross-file checks.

Exit codes: 0 analysis ran, 1 the input has errors, 2 bad usage.
";

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let code = run(&argv);
    let _ = std::io::stdout().flush();
    ExitCode::from(code)
}

fn run(argv: &[String]) -> u8 {
    let Some((command, rest)) = argv.split_first() else {
        eprint!("{USAGE}");
        return 2;
    };
    match command.as_str() {
        "--version" | "-V" | "version" => {
            println!("deploy-sim {}", deploy_sim::VERSION);
            0
        }
        "dockerfile" => dockerfile::run(rest, USAGE),
        "--help" | "-h" | "help" => {
            print!("{USAGE}");
            0
        }
        "makefile" => makefile::run(rest, USAGE),
        "go-build" => gobuild::go_build(rest, USAGE),
        "targets" => gobuild::targets(rest, USAGE),
        "workflow" => workflow::run(rest, USAGE),
        "goreleaser" => goreleaser::run(rest, USAGE),
        "exercises" => exercises::run(rest, USAGE),
        "release" => release::run(rest, USAGE),
        other => args::usage_error(&format!("unknown command '{other}'"), USAGE),
    }
}
