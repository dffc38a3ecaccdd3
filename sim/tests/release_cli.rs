//! `deploy-sim release` as scripts use it: files looked up at their usual paths, exit codes
//! (0 ran, 1 errors found, 2 usage) and the `--json` shape.

use std::path::{Path, PathBuf};
use std::process::Command;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/release");

fn deploy_sim(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_deploy-sim"))
        .args(args)
        .output()
        .expect("deploy-sim runs")
}

fn parse_json(out: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("fixture dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// A scratch project: `guide/` plus overlays, removed when dropped.
struct Project(PathBuf);

impl Project {
    fn new(name: &str, overlays: &[&str]) -> Project {
        let dir =
            std::env::temp_dir().join(format!("deploy-sim-release-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        for overlay in std::iter::once("guide").chain(overlays.iter().copied()) {
            copy_dir(&Path::new(DATA).join(overlay), &dir);
        }
        Project(dir)
    }

    fn path(&self) -> &str {
        self.0.to_str().expect("utf-8 path")
    }
}

impl Drop for Project {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn codes(json: &serde_json::Value) -> Vec<String> {
    json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["code"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn the_guide_directory_as_json() {
    let guide = format!("{DATA}/guide");
    let out = deploy_sim(&["release", &guide, "--tag", "v1.2.3", "--json"]);
    // The guide's GoReleaser pushes images from a job that never logs in: an error.
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json = parse_json(&out);
    assert_eq!(json["tag"], "v1.2.3");
    assert_eq!(json["trigger"]["triggered"], true);
    let jobs: Vec<(&str, u64, &str)> = json["jobs"]
        .as_array()
        .expect("jobs")
        .iter()
        .map(|j| {
            (
                j["id"].as_str().unwrap_or(""),
                j["level"].as_u64().unwrap_or(99),
                j["status"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        jobs,
        [
            ("test", 0, "success"),
            ("release", 1, "failure"),
            ("docker", 1, "success")
        ]
    );
    assert!(codes(&json).contains(&"REL007".to_string()));
    let files: Vec<bool> = json["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| f["present"] == true)
        .collect();
    assert_eq!(files, [true; 5]);
}

#[test]
fn a_consistent_project_exits_zero_and_prints_a_report() {
    let project = Project::new("login", &["goreleaser-login"]);
    let out = deploy_sim(&["release", project.path(), "--tag", "v3.1.4"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    for expected in [
        "git tag v3.1.4 && git push --tags",
        "triggered",
        "[1] success  release",
        "shortlink_3.1.4_linux_amd64.tar.gz",
        "ghcr.io/acme/shortlink:v3.1.4",
        "{\"version\":\"3.1.4\"",
        "REL010",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
}

#[test]
fn fail_marks_jobs_and_skips_dependents() {
    let project = Project::new("fail", &["goreleaser-login"]);
    let out = deploy_sim(&["release", project.path(), "--fail", "test", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let json = parse_json(&out);
    let statuses: Vec<&str> = json["jobs"]
        .as_array()
        .expect("jobs")
        .iter()
        .filter_map(|j| j["status"].as_str())
        .collect();
    assert_eq!(statuses, ["failure", "skipped", "skipped"]);
    assert!(json["images"]
        .as_array()
        .expect("images")
        .iter()
        .all(|i| i["pushed"] == false));
}

#[test]
fn a_tag_the_filter_does_not_match() {
    let project = Project::new("tag", &["goreleaser-login"]);
    let out = deploy_sim(&["release", project.path(), "--tag", "1.2.3", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let json = parse_json(&out);
    assert_eq!(json["trigger"]["triggered"], false);
    assert_eq!(codes(&json)[0], "REL003");
}

#[test]
fn shallow_and_full_history_switches() {
    let project = Project::new("history", &["goreleaser-login"]);
    let out = deploy_sim(&["release", project.path(), "--shallow", "--json"]);
    let json = parse_json(&out);
    assert_eq!(json["history"]["full"], false);
    assert!(codes(&json).contains(&"REL004".to_string()));
    assert!(json["goreleaser"]["previous_tag"].is_null());

    let shallow = Project::new("history-shallow", &["goreleaser-login", "shallow"]);
    let out = deploy_sim(&["release", shallow.path(), "--full-history", "--json"]);
    let json = parse_json(&out);
    assert_eq!(json["history"]["full"], true);
    assert!(!codes(&json).contains(&"REL004".to_string()));
}

#[test]
fn main_go_is_found_where_goreleaser_builds_it() {
    // `main: ./cmd/shortlink` in .goreleaser.yaml: main.go lives in cmd/shortlink/.
    let project = Project::new("cmd", &["goreleaser-login"]);
    let cmd = project.0.join("cmd/shortlink");
    std::fs::create_dir_all(&cmd).expect("mkdir");
    std::fs::rename(project.0.join("main.go"), cmd.join("main.go")).expect("move");
    let out = deploy_sim(&["release", project.path(), "--json"]);
    let json = parse_json(&out);
    assert_eq!(json["files"][0]["present"], true);
    assert!(!codes(&json).contains(&"REL000".to_string()));
    let text = deploy_sim(&["release", project.path()]);
    assert!(String::from_utf8_lossy(&text.stdout).contains("cmd/shortlink/main.go"));
}

#[test]
fn an_empty_directory_is_reported_not_an_error() {
    let project = Project::new("empty", &[]);
    for file in std::fs::read_dir(&project.0).expect("dir") {
        let path = file.expect("entry").path();
        if path.is_dir() {
            std::fs::remove_dir_all(path).expect("rm");
        } else {
            std::fs::remove_file(path).expect("rm");
        }
    }
    let out = deploy_sim(&["release", project.path(), "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let json = parse_json(&out);
    assert_eq!(json["trigger"]["triggered"], false);
    assert_eq!(codes(&json), ["REL000"; 5]);
}

#[test]
fn japanese_report() {
    let project = Project::new("ja", &["goreleaser-login", "shallow"]);
    let out = deploy_sim(&["release", project.path(), "--lang", "ja"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("前のタグが見つからず"), "{text}");
}

#[test]
fn usage_errors_exit_2() {
    let guide = format!("{DATA}/guide");
    for args in [
        vec!["release"],
        vec!["release", &guide, &guide],
        vec!["release", "/no/such/directory"],
        vec!["release", &guide, "--bogus"],
        vec!["release", &guide, "--tag"],
        vec!["release", &guide, "--tag", ""],
        vec!["release", &guide, "--commit", "abc"],
        vec!["release", &guide, "--repository", "noslash"],
        vec!["release", &guide, "--shallow", "--full-history"],
        vec!["release", &guide, "--lang", "fr"],
        vec!["release", &guide, "--dockerfile", ""],
        vec!["release", &guide, "--dockerfile", "../Dockerfile"],
    ] {
        let out = deploy_sim(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?} says why");
    }
}

#[test]
fn dockerfile_names_the_file_goreleaser_builds() {
    // The release page's project keeps chapter 5's `Dockerfile.release` and no `Dockerfile`.
    let page = concat!(env!("CARGO_MANIFEST_DIR"), "/../content/release/en");
    let out = deploy_sim(&[
        "release",
        page,
        "--dockerfile",
        "Dockerfile.release",
        "--json",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let json = parse_json(&out);
    let dockerfile = json["files"]
        .as_array()
        .and_then(|files| files.iter().find(|f| f["file"] == "Dockerfile"))
        .expect("Dockerfile report");
    assert_eq!(dockerfile["present"], true);
    let codes: Vec<&str> = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["code"].as_str())
        .collect();
    assert!(!codes.contains(&"REL008"), "{codes:?}");

    // Without the option the directory has no `Dockerfile`: REL000 says so.
    let out = deploy_sim(&["release", page, "--json"]);
    let json = parse_json(&out);
    let codes: Vec<&str> = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["code"].as_str())
        .collect();
    assert!(codes.contains(&"REL000"), "{codes:?}");
}
