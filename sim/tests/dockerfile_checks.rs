//! BuildKit build checks, table-driven. Cases follow the examples of the rule pages in
//! moby/buildkit `frontend/dockerfile/docs/rules/*.md` (@ 73ed6825) and the code paths named in
//! `sim/src/dockerfile/checks.rs`.

use deploy_sim::dockerfile::{analyze, Options};

const CHECKS: &[&str] = &[
    "StageNameCasing",
    "FromAsCasing",
    "NoEmptyContinuation",
    "ConsistentInstructionCasing",
    "DuplicateStageName",
    "ReservedStageName",
    "JSONArgsRecommended",
    "MaintainerDeprecated",
    "UndefinedArgInFrom",
    "WorkdirRelativePath",
    "MultipleInstructionsDisallowed",
    "LegacyKeyValueFormat",
    "RedundantTargetPlatform",
    "FromPlatformFlagConstDisallowed",
    "CopyIgnoredFile",
    "ExposeProtoCasing",
    "UndefinedVar",
];

#[track_caller]
fn check_with(source: &str, options: &Options, expected: &[(usize, &str)]) {
    let got: Vec<(usize, String)> = analyze(source, options)
        .diagnostics
        .into_iter()
        .filter(|d| CHECKS.contains(&d.code.as_str()))
        .map(|d| (d.line, d.code))
        .collect();
    let expected: Vec<(usize, String)> =
        expected.iter().map(|(l, c)| (*l, c.to_string())).collect();
    assert_eq!(got, expected, "build checks of {source:?}");
}

#[track_caller]
fn check(source: &str, expected: &[(usize, &str)]) {
    check_with(source, &Options::default(), expected);
}

#[test]
fn casing_rules() {
    check("FROM alpine AS BuilderName\n", &[(1, "StageNameCasing")]);
    check("FROM debian:latest as builder\n", &[(1, "FromAsCasing")]);
    check("from debian:latest AS builder\n", &[(1, "FromAsCasing")]);
    check("FROM debian:latest AS builder\n", &[]);
    // Majority wins: two upper-case commands against one lower-case.
    check(
        "FROM alpine\nRUN echo hello\ncmd [\"echo\", \"x\"]\n",
        &[(3, "ConsistentInstructionCasing")],
    );
    check(
        "from alpine\nrun echo hello\nCMD [\"x\"]\n",
        &[(3, "ConsistentInstructionCasing")],
    );
    // Mixed-case words never match either majority.
    check(
        "FROM alpine\nRun echo hello\n",
        &[(2, "ConsistentInstructionCasing")],
    );
}

#[test]
fn stage_name_rules() {
    check(
        "FROM debian:latest AS builder\nFROM debian:latest AS builder\n",
        &[(2, "DuplicateStageName")],
    );
    check(
        "FROM alpine AS scratch\nFROM alpine AS context\n",
        &[(1, "ReservedStageName"), (2, "ReservedStageName")],
    );
}

#[test]
fn dispatch_rules() {
    check(
        "FROM alpine\nENTRYPOINT my-program start\n",
        &[(2, "JSONArgsRecommended")],
    );
    check(
        "FROM alpine\nSHELL [\"/bin/sh\", \"-c\"]\nENTRYPOINT my-program start\n",
        &[],
    );
    check(
        "FROM alpine\nMAINTAINER moby@example.com\n",
        &[(2, "MaintainerDeprecated")],
    );
    check(
        "FROM alpine\nWORKDIR app\nWORKDIR more\n",
        &[(2, "WorkdirRelativePath")],
    );
    check("FROM alpine\nWORKDIR /app\nWORKDIR more\n", &[]);
    check("FROM alpine\nARG DIR=/srv\nWORKDIR $DIR\n", &[]);
    // The earlier instruction is the one reported: it is the one that is ignored.
    check(
        "FROM alpine\nCMD [\"a\"]\nCMD [\"b\"]\nCMD [\"c\"]\n",
        &[
            (2, "MultipleInstructionsDisallowed"),
            (3, "MultipleInstructionsDisallowed"),
        ],
    );
    check(
        "FROM alpine\nENV key value\nLABEL key value\n",
        &[(2, "LegacyKeyValueFormat"), (3, "LegacyKeyValueFormat")],
    );
    check(
        "FROM --platform=$TARGETPLATFORM alpine\n",
        &[(1, "RedundantTargetPlatform")],
    );
    check(
        "FROM --platform=linux/amd64 alpine AS build\n",
        &[(1, "FromPlatformFlagConstDisallowed")],
    );
    check("FROM --platform=linux/amd64 alpine AS build_amd64\n", &[]);
    check("FROM alpine\nEXPOSE 80/TcP\n", &[(2, "ExposeProtoCasing")]);
    // Dispatch checks only run for stages the target builds.
    check(
        "FROM alpine AS unused\nCMD echo\nFROM alpine\nCMD [\"x\"]\n",
        &[],
    );
    check("FROM alpine:${VERSION}\n", &[(1, "UndefinedArgInFrom")]);
    // UndefinedVar: declared ARGs (even without value), ENV and the image's own ENV (PATH) are
    // defined; RUN is left to the shell.
    check(
        "FROM alpine\nARG VERSION\nENV PATH=/app:$PATH\nCOPY app-$VERSION /app/\nWORKDIR $HOME_DIR\nRUN echo $NOPE\n",
        &[(5, "UndefinedVar"), (5, "WorkdirRelativePath")],
    );
    check(
        "FROM alpine\nRUN a \\\n\n  b\n",
        &[(4, "NoEmptyContinuation")],
    );
}

#[test]
fn copy_ignored_file() {
    let options = Options {
        dockerignore: Some("*.md\n".into()),
        ..Options::default()
    };
    check_with(
        "FROM alpine\nCOPY README.md main.go /app/\n",
        &options,
        &[(2, "CopyIgnoredFile")],
    );
    check_with("FROM alpine\nCOPY main.go /app/\n", &options, &[]);
}

#[test]
fn check_directive_skips_and_escalates() {
    // reference §Parser directives: `# check=skip=<rules>` and `# check=error=true`.
    let source = "# check=skip=JSONArgsRecommended\nFROM alpine AS Build\nCMD echo\n";
    check(source, &[(2, "StageNameCasing")]);
    check("# check=skip=all\nFROM alpine AS Build\nCMD echo\n", &[]);
    let escalated = analyze(
        "# check=error=true\nFROM alpine AS Build\n",
        &Options::default(),
    );
    let casing = escalated
        .diagnostics
        .iter()
        .find(|d| d.code == "StageNameCasing");
    assert!(
        casing.is_some_and(|d| d.is_error()),
        "error=true makes build checks fail the build"
    );
    assert!(escalated.has_errors());
}
