//! `deploy-sim makefile` as scripts use it: exit codes and the `--json` shape.

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
        "/tests/data/makefiles/chapter3.mk"
    )
    .to_string()
}

#[test]
fn json_has_the_documented_fields_and_reflects_the_environment() {
    let out = deploy_sim(&[
        "makefile",
        &guide(),
        "docker",
        "APP=svc",
        "--git-tag",
        "v2.0.0",
        "--git-ahead",
        "3",
        "--git-commit",
        "abcdef0123456789abcdef0123456789abcdef01",
        "--dirty",
        "--date",
        "2025-01-02T03:04:05Z",
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    for field in ["goals", "commands", "artifacts", "variables", "diagnostics"] {
        assert!(json.get(field).is_some(), "missing {field}");
    }
    // Chapter 3's VERSION is `git describe --tags --always --dirty`: three commits after the
    // tag, and the dirty work tree shows.
    assert_eq!(
        json["commands"][0],
        "docker build --build-arg VERSION=v2.0.0-3-gabcdef0-dirty -t svc:v2.0.0-3-gabcdef0-dirty ."
    );
    assert_eq!(json["variables"]["DATE"], "2025-01-02T03:04:05Z");
}

#[test]
fn missing_separator_exits_1_and_prints_make_error() {
    let dir = std::env::temp_dir().join(format!("deploy-sim-make-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("Makefile");
    std::fs::write(&path, "build:\n        go build ./...\n").expect("write");
    let out = deploy_sim(&[
        "makefile",
        &path.display().to_string(),
        "--file-name",
        "Makefile",
    ]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains(
        "Makefile:2: *** missing separator (did you mean TAB instead of 8 spaces?).  Stop."
    ));
}

#[test]
fn bad_flags_are_usage_errors() {
    assert_eq!(deploy_sim(&["makefile"]).status.code(), Some(2));
    assert_eq!(
        deploy_sim(&["makefile", &guide(), "--date", "yesterday"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        deploy_sim(&["makefile", &guide(), "--bogus"]).status.code(),
        Some(2)
    );
}
