//! The `deploy-sim` command line as people and scripts use it.

use std::process::Command;

fn deploy_sim(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_deploy-sim"))
        .args(args)
        .output()
        .expect("deploy-sim runs")
}

#[test]
fn version_prints_the_crate_version() {
    let out = deploy_sim(&["--version"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("deploy-sim {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn unknown_command_is_a_usage_error() {
    let out = deploy_sim(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown command 'frobnicate'"));
}

#[test]
fn no_arguments_is_a_usage_error() {
    assert_eq!(deploy_sim(&[]).status.code(), Some(2));
}

/// `deploy-sim … | head` closes the pipe early; std's `println!` would panic on EPIPE (exit
/// 101 and a panic message). Every subcommand must just stop writing.
#[test]
fn a_closed_pipe_is_not_a_panic() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    // Output well over a pipe's 64 KiB buffer, so writing really hits the closed end.
    let dir = std::env::temp_dir().join(format!("deploy-sim-pipe-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let dockerfile = dir.join("Dockerfile");
    let mut text = String::from("FROM alpine:3.20\n");
    for i in 0..3_000 {
        text.push_str(&format!("RUN echo step-{i}\n"));
    }
    std::fs::write(&dockerfile, text).expect("write");
    let path = dockerfile.display().to_string();
    for args in [
        vec!["dockerfile", path.as_str(), "--json"],
        vec!["dockerfile", path.as_str()],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_deploy-sim"))
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("starts");
        let mut first = [0u8; 4];
        let mut out = child.stdout.take().expect("stdout");
        out.read_exact(&mut first).expect("some output");
        drop(out);
        let status = child.wait_with_output().expect("finishes");
        let stderr = String::from_utf8_lossy(&status.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_ne!(status.status.code(), Some(101), "{args:?}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
