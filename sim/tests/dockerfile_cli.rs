//! `deploy-sim dockerfile` as scripts use it: the JSON contract of issue 3 and the exit codes
//! (0 analysis ran, 1 the Dockerfile has errors, 2 bad usage).

use std::io::Write;
use std::process::{Command, Stdio};

const GUIDE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/dockerfiles/guide-production.Dockerfile"
);

fn deploy_sim(args: &[&str], stdin: Option<&str>) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_deploy-sim"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("deploy-sim runs");
    if let Some(mut pipe) = child.stdin.take() {
        let _ = pipe.write_all(stdin.unwrap_or("").as_bytes());
    }
    child.wait_with_output().expect("deploy-sim finishes")
}

fn json(args: &[&str], stdin: Option<&str>) -> (Option<i32>, serde_json::Value) {
    let out = deploy_sim(args, stdin);
    let value = serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null);
    (out.status.code(), value)
}

#[test]
fn json_contract_has_every_documented_field() {
    let (code, v) = json(
        &["dockerfile", GUIDE, "--changed", "main.go", "--json"],
        None,
    );
    assert_eq!(code, Some(0));
    let first = &v["instructions"][0];
    for key in ["line", "end_line", "keyword", "flags", "args", "exec_form"] {
        assert!(first.get(key).is_some(), "instructions[].{key}");
    }
    assert_eq!(first["keyword"], "FROM");
    let copy_from = v["instructions"]
        .as_array()
        .and_then(|a| a.iter().find(|i| i["line"] == 33))
        .cloned()
        .unwrap_or_default();
    assert_eq!(copy_from["flags"], serde_json::json!(["--from=builder"]));
    assert_eq!(
        copy_from["args"],
        serde_json::json!(["/app/server", "/server"])
    );
    let run = v["instructions"]
        .as_array()
        .and_then(|a| a.iter().find(|i| i["line"] == 16))
        .cloned()
        .unwrap_or_default();
    assert_eq!(run["end_line"], 18, "continuations span lines 16-18");
    for key in ["index", "name", "base", "line", "built"] {
        assert!(v["stages"][0].get(key).is_some(), "stages[].{key}");
    }
    assert_eq!(v["stages"][0]["name"], "builder");
    assert_eq!(v["stages"][1]["name"], serde_json::Value::Null);
    assert_eq!(v["target"]["index"], 1);
    assert!(v["image"]["size_bytes"].as_u64().is_some_and(|s| s > 0));
    assert!(v["image"]["layers"][0].get("size_bytes").is_some());
    let cache = v["cache"].as_array().cloned().unwrap_or_default();
    assert!(cache.iter().any(|c| c["line"] == 15
        && c["status"] == "rebuilt"
        && c["reason"].as_str().is_some_and(|r| r.contains("main.go"))));
    assert!(cache
        .iter()
        .any(|c| c["line"] == 12 && c["status"] == "cached"));
    assert_eq!(v["runtime"]["starts"], true);
    assert!(v["runtime"]["problems"].is_array());
    let diagnostic = &v["diagnostics"][0];
    for key in ["line", "code", "severity", "message", "message_ja"] {
        assert!(diagnostic.get(key).is_some(), "diagnostics[].{key}");
    }
}

#[test]
fn onbuild_inner_and_platforms_in_json() {
    let source =
        "FROM golang:1.22-alpine\nONBUILD RUN go build ./...\nENTRYPOINT [\"/go/bin/app\"]\n";
    let (code, v) = json(
        &[
            "dockerfile",
            "-",
            "--json",
            "--platform",
            "linux/amd64,linux/arm64",
        ],
        Some(source),
    );
    assert_eq!(code, Some(0));
    assert_eq!(v["instructions"][1]["inner"]["keyword"], "RUN");
    assert_eq!(
        v["platforms"]["manifest_list"],
        serde_json::json!(["linux/amd64", "linux/arm64"])
    );
}

#[test]
fn exit_codes() {
    // 1: the file has errors (unknown instruction).
    assert_eq!(
        deploy_sim(&["dockerfile", "-"], Some("FROM alpine:3.19\nFORM x\n"))
            .status
            .code(),
        Some(1)
    );
    // 0: warnings only.
    assert_eq!(
        deploy_sim(&["dockerfile", "-"], Some("FROM alpine\nCMD sh\n"))
            .status
            .code(),
        Some(0)
    );
    // 2: bad usage.
    assert_eq!(deploy_sim(&["dockerfile"], None).status.code(), Some(2));
    assert_eq!(
        deploy_sim(&["dockerfile", GUIDE, "--bogus"], None)
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        deploy_sim(&["dockerfile", GUIDE, "--build-arg", "novalue"], None)
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        deploy_sim(&["dockerfile", GUIDE, "--platform", "amd64"], None)
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        deploy_sim(&["dockerfile", "/nonexistent/Dockerfile"], None)
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn text_report_is_readable() {
    let out = deploy_sim(&["dockerfile", GUIDE, "--changed", "main.go"], None);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Stages:") && text.contains("builder"));
    assert!(text.contains("Second build:") && text.contains("CACHED"));
    assert!(text.contains("Will it run? yes"));
}
