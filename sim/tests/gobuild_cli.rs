//! `deploy-sim go-build` and `deploy-sim targets` as scripts use them.

use std::process::Command;

fn deploy_sim(args: &[&str]) -> (Option<i32>, serde_json::Value, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_deploy-sim"))
        .args(args)
        .output()
        .expect("deploy-sim runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let json = serde_json::from_str(&stdout).unwrap_or(serde_json::Value::Null);
    (out.status.code(), json, stdout)
}

#[test]
fn go_build_json_has_the_documented_fields() {
    let (code, json, _) = deploy_sim(&[
        "go-build",
        "--json",
        "--",
        "CGO_ENABLED=0 GOOS=windows GOARCH=amd64 go build -ldflags=\"-s -w -X main.version=v1.2.3 -X main.nope=1\" ./cmd/server",
    ]);
    assert_eq!(code, Some(0));
    assert_eq!(json["goos"], "windows");
    assert_eq!(json["goarch"], "amd64");
    assert_eq!(json["cgo"], false);
    assert_eq!(json["linking"], "static");
    assert_eq!(json["output"], "server.exe");
    assert!(json["size_bytes"].as_u64().is_some_and(|b| b > 4_000_000));
    assert_eq!(json["x_applied"]["main.version"], "v1.2.3");
    assert_eq!(json["x_ignored"][0]["flag"], "main.nope=1");
    assert_eq!(json["version_output"]["version"], "v1.2.3");
    assert_eq!(json["version_output"]["os"], "windows");
    assert!(json["diagnostics"]
        .as_array()
        .is_some_and(|d| d.iter().any(|d| d["code"] == "GB131")));
}

#[test]
fn go_build_accepts_split_words_like_one_argument() {
    let split = deploy_sim(&[
        "go-build",
        "--json",
        "--",
        "GOARCH=arm64",
        "go",
        "build",
        "-ldflags",
        "-s -w",
        "-o",
        "app",
        ".",
    ]);
    let joined = deploy_sim(&[
        "go-build",
        "--json",
        "--",
        "GOARCH=arm64 go build -ldflags '-s -w' -o app .",
    ]);
    assert_eq!(split.1, joined.1);
    assert_eq!(split.1["output"], "app");
    assert_eq!(split.1["strip_symbols"], true);
}

#[test]
fn failing_builds_exit_1_and_usage_errors_exit_2() {
    let (code, json, _) =
        deploy_sim(&["go-build", "--json", "--", "GOOS=foo GOARCH=bar go build ."]);
    assert_eq!(code, Some(1));
    assert_eq!(
        json["go_stderr"],
        "go: unsupported GOOS/GOARCH pair foo/bar"
    );
    assert_eq!(deploy_sim(&["go-build"]).0, Some(2));
    assert_eq!(deploy_sim(&["go-build", "--frob", "x"]).0, Some(2));
}

#[test]
fn main_go_file_is_read() {
    let dir = std::env::temp_dir().join(format!("deploy-sim-gobuild-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("main.go");
    std::fs::write(
        &path,
        "package main\nconst version = \"dev\"\nfunc main() {}\n",
    )
    .expect("write");
    let (code, json, _) = deploy_sim(&[
        "go-build",
        "--json",
        "--main",
        path.to_str().unwrap_or_default(),
        "--",
        "go build -ldflags '-X main.version=v1' .",
    ]);
    assert_eq!(code, Some(0));
    assert_eq!(json["x_ignored"][0]["code"], "GB133");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn targets_json_lists_48_pairs() {
    let (code, json, _) = deploy_sim(&["targets", "--json"]);
    assert_eq!(code, Some(0));
    let pairs = json.as_array().expect("array");
    assert_eq!(pairs.len(), 48);
    assert_eq!(pairs.iter().filter(|p| p["first_class"] == true).count(), 8);
    assert!(pairs
        .iter()
        .any(|p| p["goos"] == "wasip1" && p["cgo_supported"] == false));
}
