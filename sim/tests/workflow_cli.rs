//! `deploy-sim workflow` as scripts use it: exit codes and the `--json` shape of the issue's
//! contract (`triggered`, `reason`, `jobs[{id, name, level, status, matrix?}]`, `diagnostics`).

use std::process::Command;

fn deploy_sim(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_deploy-sim"))
        .args(args)
        .output()
        .expect("deploy-sim runs")
}

fn guide() -> String {
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/workflows/guide-release.yml"
    )
    .to_string()
}

fn json(args: &[&str]) -> (Option<i32>, serde_json::Value) {
    let out = deploy_sim(args);
    let value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    (out.status.code(), value)
}

#[test]
fn tag_push_with_a_failing_test_job() {
    let guide = guide();
    let (code, value) = json(&[
        "workflow",
        &guide,
        "--event",
        "push",
        "--ref",
        "refs/tags/v1.2.3",
        "--fail",
        "test",
        "--json",
    ]);
    // The guide's workflow lacks `packages: write`: an error, so exit code 1.
    assert_eq!(code, Some(1));
    assert_eq!(value["triggered"], true);
    assert!(value["reason"].as_str().is_some_and(|r| r.contains("v*")));
    let jobs = value["jobs"].as_array().expect("jobs");
    let summary: Vec<(String, u64, String)> = jobs
        .iter()
        .map(|j| {
            (
                j["id"].as_str().unwrap_or("").to_string(),
                j["level"].as_u64().unwrap_or(99),
                j["status"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("test".to_string(), 0, "failure".to_string()),
            ("release".to_string(), 1, "skipped".to_string()),
            ("docker".to_string(), 1, "skipped".to_string()),
        ]
    );
    assert!(jobs
        .iter()
        .all(|j| j.get("matrix").is_none() && j["name"].is_string()));
    let codes: Vec<&str> = value["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(codes.contains(&"WF-PERM-PACKAGES"));
}

#[test]
fn branch_push_does_not_trigger_and_matrix_is_reported() {
    let guide = guide();
    let (_, value) = json(&["workflow", &guide, "--ref", "refs/heads/main", "--json"]);
    assert_eq!(value["triggered"], false);
    assert!(value["jobs"]
        .as_array()
        .expect("jobs")
        .iter()
        .all(|j| j["status"] == "skipped"));

    let dir = std::env::temp_dir().join(format!("deploy-sim-wf-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("ci.yml");
    std::fs::write(
        &path,
        "on:\n  push:\n    paths: ['**.go']\npermissions: {}\njobs:\n  test:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        go: ['1.21', '1.22']\n    steps:\n      - run: go test ./...\n",
    )
    .expect("write");
    let path = path.display().to_string();
    let (code, value) = json(&[
        "workflow",
        &path,
        "--ref",
        "refs/heads/main",
        "--changed",
        "README.md",
        "--changed",
        "cmd/main.go",
        "--fail",
        "test (1.22)",
        "--json",
    ]);
    assert_eq!(code, Some(0));
    assert_eq!(value["triggered"], true);
    assert_eq!(value["jobs"][0]["matrix"]["go"], "1.21");
    assert_eq!(value["jobs"][0]["status"], "success");
    assert_eq!(value["jobs"][1]["name"], "test (1.22)");
    assert_eq!(value["jobs"][1]["status"], "failure");
    let (_, value) = json(&[
        "workflow",
        &path,
        "--ref",
        "refs/heads/main",
        "--changed",
        "README.md",
        "--json",
    ]);
    assert_eq!(value["triggered"], false);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_usage_exits_2() {
    assert_eq!(deploy_sim(&["workflow"]).status.code(), Some(2));
    assert_eq!(
        deploy_sim(&["workflow", &guide(), "--bogus"]).status.code(),
        Some(2)
    );
    assert_eq!(
        deploy_sim(&["workflow", "/nonexistent/x.yml"])
            .status
            .code(),
        Some(2)
    );
}
