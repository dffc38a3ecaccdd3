//! The go build engine, by input (see `variant`): the input as a command line (`deploy_sim::gobuild::analyze_line`, with
//! its parser `parse_command` and `parse_ldflags`), or the input as the program's `main.go`
//! (`gosource::scan` behind the `-X` checks) under the guide's release command.
#![no_main]

use deploy_sim::gobuild::{analyze_line, parse_command, parse_ldflags, BuildContext, BuildResult};
use deploy_sim_fuzz::{check_diagnostics, deterministic, json, text, variant};
use libfuzzer_sys::fuzz_target;

const GUIDE_COMMAND: &str = "CGO_ENABLED=0 GOOS=linux GOARCH=arm64 go build -trimpath \
    -ldflags=\"-s -w -X main.version=v1.2.3 -X main.gitCommit=abc123 -X main.buildTime=2026-01-15\" \
    -o dist/server ./cmd/server";

fn check(what: &str, source: &str, result: &BuildResult) {
    check_diagnostics(what, source, &result.diagnostics);
    assert_eq!(
        result.ok,
        result.exit_code == 0,
        "{what}: ok is {} but the exit code is {}",
        result.ok,
        result.exit_code
    );
    if !result.ok {
        assert!(
            result.output.is_none(),
            "{what}: a failed build wrote {:?}",
            result.output
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let source = text(data);
    if variant(data, 2) == 0 {
        let parsed = parse_command(&source);
        check_diagnostics("gobuild (parse_command)", &source, &parsed.diagnostics);
        json("gobuild (parse_command)", &parsed);
        json("gobuild (parse_ldflags)", &parse_ldflags(&source));
        let ctx = BuildContext::default();
        let result = deterministic("gobuild (command line)", data, || {
            analyze_line(&source, None, &ctx)
        });
        check("gobuild (command line)", &source, &result);
    } else {
        // As main.go; diagnostics may point into the program or at the command's line 1.
        let alpine = BuildContext {
            c_compilers: Vec::new(),
            ..BuildContext::default()
        };
        let result = deterministic("gobuild (main.go)", data, || {
            analyze_line(GUIDE_COMMAND, Some(&source), &alpine)
        });
        check("gobuild (main.go)", &source, &result);
    }
});
