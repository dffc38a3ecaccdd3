//! `deploy-sim exercises check` as teachers and CI use it: every shipped exercise passes, each
//! deliberately broken fixture (`tests/data/exercises/`) fails with its file, line and code, and
//! the exit status tells CI which is which.

use std::path::{Path, PathBuf};
use std::process::Command;

fn deploy_sim(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_deploy-sim"))
        .args(args)
        .output()
        .expect("deploy-sim runs")
}

fn repo(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(path)
        .display()
        .to_string()
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/exercises")
}

fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    files
}

/// `(line, code)` of every `# <marker>: <code>` comment in a fixture.
fn expectations(path: &Path, marker: &str) -> Vec<(usize, String)> {
    let text = std::fs::read_to_string(path).expect("fixture");
    text.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let (_, code) = line.split_once(&format!("# {marker}: "))?;
            Some((i + 1, code.trim().to_string()))
        })
        .collect()
}

#[test]
fn every_shipped_exercise_passes() {
    let dir = repo("content/exercises");
    let out = deploy_sim(&["exercises", "check", &dir]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let files = yaml_files(Path::new(&dir));
    assert!(files.len() >= 15, "{} exercises", files.len());
    for file in &files {
        assert!(
            stdout.contains(&format!("{}: ok — ", file.display())),
            "{} is not reported ok:\n{stdout}",
            file.display()
        );
    }
    assert!(
        stdout.contains(&format!("{n} exercises: {n} ok, 0 broken", n = files.len())),
        "{stdout}"
    );
    assert!(
        !stdout.contains("warning["),
        "shipped exercises have no warnings:\n{stdout}"
    );
}

#[test]
fn each_broken_fixture_is_reported_at_its_line_with_its_code() {
    let dir = fixtures();
    let out = deploy_sim(&["exercises", "check", &dir.display().to_string()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    let files = yaml_files(&dir);
    for file in &files {
        let shown = file.display().to_string();
        assert!(
            stdout.contains(&format!("{shown}: BROKEN")),
            "{shown} not broken:\n{stdout}"
        );
        let expected = expectations(file, "expect");
        assert!(!expected.is_empty(), "{shown} has no `# expect:` marker");
        for (line, code) in expected {
            let prefix = format!("{shown}:{line}:");
            let found = stdout
                .lines()
                .any(|l| l.starts_with(&prefix) && l.contains(&format!("error[{code}]")));
            assert!(found, "no error[{code}] at {prefix}\n{stdout}");
        }
        // The default does not know the guide's chapters (the fixtures are not under content/).
        assert!(!stdout.contains("error[exercise/chapter]"), "{stdout}");
    }
    assert!(
        stdout.contains(&format!("{n} exercises: 0 ok, {n} broken", n = files.len())),
        "{stdout}"
    );
}

#[test]
fn a_failing_solution_quotes_the_check_and_its_explanation() {
    let file = fixtures().join("solution-fails.yaml");
    let out = deploy_sim(&["exercises", "check", &file.display().to_string()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout
            .contains("the reference solution fails `image.size_bytes < 1 MB`: The final image is"),
        "{stdout}"
    );
    assert!(stdout.contains("the goal is under 1 MB"), "{stdout}");
    let ja = deploy_sim(&[
        "exercises",
        "check",
        &file.display().to_string(),
        "--lang",
        "ja",
    ]);
    let stdout = String::from_utf8_lossy(&ja.stdout);
    assert!(
        stdout
            .contains("模範解答が `image.size_bytes < 1 MB` を通りません: 最終イメージのサイズは"),
        "{stdout}"
    );
}

#[test]
fn chapters_are_read_from_the_guide_when_asked() {
    let file = fixtures().join("misnamed.yaml");
    let out = deploy_sim(&[
        "exercises",
        "check",
        &file.display().to_string(),
        "--chapters",
        &repo("content"),
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    for (line, code) in expectations(&file, "expect-with-chapters") {
        let prefix = format!("{}:{line}:", file.display());
        assert!(
            stdout
                .lines()
                .any(|l| l.starts_with(&prefix) && l.contains(&format!("error[{code}]"))),
            "no error[{code}] at {prefix}\n{stdout}"
        );
        assert!(
            stdout.contains("docker-multistage"),
            "the message lists the chapters:\n{stdout}"
        );
    }
}

#[test]
fn the_yaml_colon_slip_comes_with_a_fix() {
    let file = fixtures().join("yaml-syntax.yaml");
    let out = deploy_sim(&["exercises", "check", &file.display().to_string()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("    fix: A text with `: ` in it"),
        "{stdout}"
    );
}

#[test]
fn one_file_can_be_checked_and_shown_in_detail() {
    let file = repo("content/exercises/docker-cache-order.yaml");
    let out = deploy_sim(&["exercises", "check", &file, "--verbose"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("1 exercise: 1 ok, 0 broken"), "{stdout}");
    assert!(stdout.contains("start    FAIL"), "{stdout}");
    assert!(stdout.contains("solution PASS"), "{stdout}");
    assert!(!stdout.contains("solution FAIL"), "{stdout}");
}

#[test]
fn usage_mistakes_exit_2_and_an_empty_folder_exits_1() {
    let empty =
        std::env::temp_dir().join(format!("deploy-sim-exercises-empty-{}", std::process::id()));
    std::fs::create_dir_all(&empty).expect("dir");
    let empty_out = deploy_sim(&["exercises", "check", &empty.display().to_string()]);
    let _ = std::fs::remove_dir_all(&empty);
    assert_eq!(empty_out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&empty_out.stderr).contains("no exercise files"));
    let dir = repo("content/exercises");
    for args in [
        vec!["exercises"],
        vec!["exercises", "lint", &dir],
        vec!["exercises", "check"],
        vec!["exercises", "check", "/no/such/folder"],
        vec!["exercises", "check", &dir, &dir],
        vec!["exercises", "check", &dir, "--lang", "fr"],
        vec!["exercises", "check", &dir, "--chapters", "/no/such/folder"],
    ] {
        let out = deploy_sim(&args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
