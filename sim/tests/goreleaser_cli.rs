//! `deploy-sim goreleaser` as scripts use it: exit codes and the `--json` shape.

use std::io::Write;
use std::process::{Command, Stdio};

fn deploy_sim(args: &[&str], stdin: &str) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_deploy-sim"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("deploy-sim runs");
    if let Some(mut input) = child.stdin.take() {
        input.write_all(stdin.as_bytes()).expect("stdin");
    }
    child.wait_with_output().expect("finishes")
}

const GUIDE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/goreleaser/guide.yaml"
);

#[test]
fn json_output_matches_the_issue_shape() {
    let out = deploy_sim(&["goreleaser", GUIDE, "--tag", "v2.0.1", "--json"], "");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["project_name"], "shortlink");
    assert_eq!(json["version"], "2.0.1");
    assert_eq!(json["builds"][0]["targets"][0], "linux_amd64_v1");
    assert_eq!(json["builds"][0]["binary"], "shortlink");
    let archives: Vec<&str> = json["artifacts"]
        .as_array()
        .expect("array")
        .iter()
        .filter(|a| a["kind"] == "archive")
        .filter_map(|a| a["name"].as_str())
        .collect();
    assert_eq!(
        archives.first(),
        Some(&"shortlink_2.0.1_linux_amd64.tar.gz")
    );
    assert!(json["changelog"].as_array().is_some_and(|c| !c.is_empty()));
}

#[test]
fn snapshot_flag_and_stdin() {
    let out = deploy_sim(
        &["goreleaser", "-", "--snapshot", "--json"],
        "version: 2\nproject_name: x\n",
    );
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["version"], "1.2.3-SNAPSHOT-3f2a9c1");
}

#[test]
fn exit_codes() {
    let invalid = deploy_sim(
        &["goreleaser", "-"],
        "version: 2\nbuilds:\n  - goos: [foo]\n",
    );
    assert_eq!(invalid.status.code(), Some(1));
    let text = String::from_utf8_lossy(&invalid.stdout);
    assert!(
        text.contains("-:3:12: error [invalid-target] invalid goos: foo"),
        "{text}"
    );
    assert!(text.contains("configuration is invalid"), "{text}");
    assert_eq!(deploy_sim(&["goreleaser"], "").status.code(), Some(2));
    assert_eq!(
        deploy_sim(&["goreleaser", "-", "--bogus"], "")
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        deploy_sim(&["goreleaser", "/nonexistent/.goreleaser.yaml"], "")
            .status
            .code(),
        Some(2)
    );
}
