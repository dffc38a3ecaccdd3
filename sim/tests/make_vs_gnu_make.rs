//! Differential test: the Makefile engine against real GNU make.
//!
//! For every makefile in `tests/data/makefiles/` and every `# run:` line in it, this test builds
//! a throw-away git repository with the project's files and a known tag, runs the real
//! `make -n -f CASE GOAL… VAR=…` there, and compares make's stdout, stderr and exit status line
//! by line with the simulator's `commands`, `stderr` and `exit_status`.
//!
//! The clock is pinned by a `date` shim on PATH (`/usr/bin/date -d @EPOCH "$@"`) that answers with
//! the same instant the simulator's `ProjectEnv` holds; the commit id, `uname` and the working
//! directory are read back from the real machine and given to the simulator. Run lines look like
//! `# run: [repo=tagged|ahead|dirty|untagged|lightweight] [GOAL]... [VAR=value]...`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use deploy_sim::make::{analyze, GitState, Options, ProjectEnv};

const EPOCH: i64 = 1_714_566_896;
const GIT_DATE: &str = "2024-04-01T10:00:00Z";

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "Learner")
        .env("GIT_AUTHOR_EMAIL", "learner@example.com")
        .env("GIT_COMMITTER_NAME", "Learner")
        .env("GIT_COMMITTER_EMAIL", "learner@example.com")
        .env("GIT_AUTHOR_DATE", GIT_DATE)
        .env("GIT_COMMITTER_DATE", GIT_DATE)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn run_tool(program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .output()
        .expect("tool runs");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// A repository in one of the named states, and the simulated environment that describes it.
struct Repo {
    dir: PathBuf,
    env: ProjectEnv,
}

fn make_repo(root: &Path, state: &str) -> Repo {
    let dir = root.join(format!("repo-{state}"));
    std::fs::create_dir_all(&dir).expect("create repo dir");
    let mut env = ProjectEnv::default();
    for file in &env.files {
        let path = dir.join(file);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create dir");
        }
        std::fs::write(&path, format!("// {file}\n")).expect("write file");
    }
    git(&dir, &["init", "-q", "-b", "main"]);
    git(&dir, &["add", "."]);
    git(&dir, &["commit", "-q", "-m", "initial"]);
    match state {
        "untagged" => {}
        "lightweight" => {
            git(&dir, &["tag", "v1.2.3"]);
        }
        _ => {
            git(&dir, &["tag", "-a", "v1.2.3", "-m", "release v1.2.3"]);
        }
    }
    let mut ahead = 0;
    if state == "ahead" || state == "dirty" {
        for n in 0..2 {
            std::fs::write(dir.join("README.md"), format!("change {n}\n")).expect("write");
            git(&dir, &["commit", "-q", "-am", "change"]);
            ahead += 1;
        }
    }
    if state == "dirty" {
        std::fs::write(dir.join("README.md"), "uncommitted\n").expect("write");
    }
    // Same time stamp everywhere: no file is newer than another.
    let files: Vec<String> = env
        .files
        .iter()
        .map(|f| dir.join(f).display().to_string())
        .collect();
    let mut touch = Command::new("touch");
    touch.arg("-d").arg(format!("@{EPOCH}")).args(&files);
    assert!(touch.status().expect("touch runs").success());

    env.git = Some(GitState {
        tag: (state != "untagged").then(|| "v1.2.3".to_string()),
        tag_annotated: state != "lightweight",
        commits_since_tag: ahead,
        total_commits: git(&dir, &["rev-list", "--count", "HEAD"])
            .parse()
            .expect("count"),
        commit: git(&dir, &["rev-parse", "HEAD"]),
        dirty: state == "dirty",
        branch: "main".to_string(),
    });
    env.clock_epoch_seconds = EPOCH;
    env.uname_s = run_tool("uname", &["-s"]);
    env.uname_m = run_tool("uname", &["-m"]);
    env.workdir = dir.display().to_string();
    Repo { dir, env }
}

fn write_shims(root: &Path) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let bin = root.join("bin");
    std::fs::create_dir_all(&bin).expect("shim dir");
    let date = std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
        .map(|p| p.join("date"))
        .find(|p| p.exists())
        .unwrap_or_else(|| PathBuf::from("/usr/bin/date"));
    let shims = [
        ("date", format!("#!/bin/sh\nexec {} -d @{EPOCH} \"$@\"\n", date.display())),
        // The simulated toolchain is linux/amd64 go1.22.12; this shim answers the same way.
        (
            "go",
            "#!/bin/sh\ncase \"$*\" in\n  'env GOOS') echo linux;;\n  'env GOARCH') echo amd64;;\n  'version') echo 'go version go1.22.12 linux/amd64';;\n  *) exit 1;;\nesac\n".to_string(),
        ),
    ];
    for (name, body) in shims {
        let path = bin.join(name);
        std::fs::write(&path, body).expect("write shim");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    bin
}

fn lines(bytes: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(bytes)
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn simulator_agrees_with_gnu_make() {
    if Command::new("make").arg("--version").output().is_err() {
        panic!("GNU make is required for this test (it is on every machine that runs `make test`)");
    }
    let root = std::env::temp_dir().join(format!("deploy-sim-make-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).expect("temp root");
    let shims = write_shims(&root);
    let path = format!(
        "{}:{}",
        shims.display(),
        std::env::var("PATH").unwrap_or_default()
    );

    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/makefiles");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .expect("corpus dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "mk"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 10, "corpus has {} makefiles", cases.len());

    let mut repos: BTreeMap<String, Repo> = BTreeMap::new();
    let mut total = 0;
    let mut failures = Vec::new();
    for case in &cases {
        let source = std::fs::read_to_string(case).expect("read case");
        let runs: Vec<&str> = source
            .lines()
            .filter_map(|l| l.strip_prefix("# run:"))
            .collect();
        assert!(!runs.is_empty(), "{} has no `# run:` line", case.display());
        for run in runs {
            let mut state = "tagged".to_string();
            let mut args: Vec<String> = Vec::new();
            for word in run.split_whitespace() {
                match word.strip_prefix("repo=") {
                    Some(s) => state = s.to_string(),
                    None => args.push(word.to_string()),
                }
            }
            let repo = repos
                .entry(state.clone())
                .or_insert_with(|| make_repo(&root, &state));
            let case_path = case.display().to_string();
            let real = Command::new("make")
                .arg("-n")
                .arg("-f")
                .arg(&case_path)
                .args(&args)
                .current_dir(&repo.dir)
                .env_clear()
                .env("PATH", &path)
                .env("LC_ALL", "C")
                .env("TZ", "UTC")
                .output()
                .expect("make runs");
            let mut env = repo.env.clone();
            env.env_vars = vec![
                ("PATH".to_string(), path.clone()),
                ("LC_ALL".to_string(), "C".to_string()),
                ("TZ".to_string(), "UTC".to_string()),
            ];
            let options = Options {
                file_name: case_path.clone(),
                goals: args.iter().filter(|a| !a.contains('=')).cloned().collect(),
                overrides: args.iter().filter(|a| a.contains('=')).cloned().collect(),
                env,
            };
            let sim = analyze(&source, &options);
            total += 1;
            let real_stdout = lines(&real.stdout);
            let real_stderr = lines(&real.stderr);
            let real_status = real.status.code().unwrap_or(-1);
            if real_stdout != sim.commands
                || real_stderr != sim.stderr
                || real_status != sim.exit_status
            {
                failures.push(format!(
                    "== {} [{state}] {args:?}\n-- make stdout:\n{}\n-- sim commands:\n{}\n-- make stderr:\n{}\n-- sim stderr:\n{}\n-- status make {real_status} sim {}",
                    case.file_name().map(|f| f.to_string_lossy().to_string()).unwrap_or_default(),
                    real_stdout.join("\n"),
                    sim.commands.join("\n"),
                    real_stderr.join("\n"),
                    sim.stderr.join("\n"),
                    sim.exit_status
                ));
            }
        }
    }
    let _ = std::fs::remove_dir_all(&root);
    println!(
        "GNU make agreement: {}/{total} runs ({} makefiles)",
        total - failures.len(),
        cases.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {total} runs disagree:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
