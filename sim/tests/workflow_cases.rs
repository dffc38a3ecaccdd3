//! The workflow engine end to end, as data: a workflow, the simulated event, and the expected
//! outcome written as text (trigger verdict, `name level status` per job, diagnostic codes).
//!
//! Rules come from GitHub's workflow-syntax docs (triggers, filters, `needs`, `if`, matrix,
//! `permissions`) and GoReleaser's GitHub Actions docs (`contents: write`, `fetch-depth: 0`).

use deploy_sim::workflow::{analyze, Event, Options, Status};

/// `event`: `push refs/tags/v1.2.3 fail=test changed=docs/a.md` (name, ref, then options).
fn options(event: &str) -> Options {
    let mut words = event.split_whitespace();
    let mut options = Options {
        event: Event {
            name: words.next().unwrap_or("push").to_string(),
            git_ref: words.next().unwrap_or("refs/heads/main").to_string(),
            ..Event::default()
        },
        failing: Vec::new(),
    };
    for word in words {
        if let Some(job) = word.strip_prefix("fail=") {
            options.failing.push(job.to_string());
        } else if let Some(path) = word.strip_prefix("changed=") {
            options.event.changed_paths.push(path.to_string());
        }
    }
    options
}

/// Expected: first line `triggered` / `not triggered`, then one `name level status` line per job,
/// then `codes: ...` (diagnostic codes by line; pinning notes `WF-PIN` left out).
fn check(source: &str, event: &str, expected: &str) {
    let analysis = analyze(source, &options(event));
    let mut lines = vec![if analysis.triggered {
        "triggered".to_string()
    } else {
        "not triggered".to_string()
    }];
    for job in &analysis.jobs {
        let status = match job.status {
            Status::Success => "success",
            Status::Failure => "failure",
            Status::Skipped => "skipped",
        };
        lines.push(format!("{} {} {status}", job.name, job.level));
    }
    let codes: Vec<&str> = analysis
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .filter(|c| *c != "WF-PIN")
        .collect();
    lines.push(format!("codes: {}", codes.join(" ")).trim_end().to_string());
    let expected: Vec<String> = expected
        .trim()
        .lines()
        .map(|l| l.trim().to_string())
        .collect();
    assert_eq!(lines, expected, "event {event}\n{source}");
    for d in &analysis.diagnostics {
        assert!(
            !d.message.en.is_empty() && !d.message.ja.is_empty(),
            "{d:?}"
        );
    }
    assert!(!analysis.reason.en.is_empty() && !analysis.reason.ja.is_empty());
}

const GUIDE: &str = include_str!("data/workflows/guide-release.yml");

#[test]
fn the_guides_workflow() {
    // A tag push runs test, then release and docker; ghcr.io needs `packages: write`, which the
    // guide's `permissions` (only `contents: write`) leaves at `none`.
    check(
        GUIDE,
        "push refs/tags/v1.2.3",
        "triggered
         test 0 success
         release 1 success
         docker 1 success
         codes: WF-PERM-PACKAGES WF-IMAGE-PUSH",
    );
    // The browser test: a branch push does not trigger (only `tags` is written).
    check(
        GUIDE,
        "push refs/heads/main",
        "not triggered
         test 0 skipped
         release 1 skipped
         docker 1 skipped
         codes: WF-PERM-PACKAGES",
    );
    check(
        GUIDE,
        "push refs/tags/v1.2.3 fail=test",
        "triggered
         test 0 failure
         release 1 skipped
         docker 1 skipped
         codes: WF-PERM-PACKAGES WF-IMAGE-PUSH",
    );
    // `v*` does not match a tag without the `v`.
    check(
        GUIDE,
        "push refs/tags/1.2.3",
        "not triggered
         test 0 skipped
         release 1 skipped
         docker 1 skipped
         codes: WF-PERM-PACKAGES",
    );
    check(
        GUIDE,
        "workflow_dispatch refs/heads/main",
        "not triggered
         test 0 skipped
         release 1 skipped
         docker 1 skipped
         codes: WF-PERM-PACKAGES",
    );
}

#[test]
fn the_guides_workflow_fixed() {
    let fixed = GUIDE.replace(
        "permissions:\n  contents: write\n",
        "permissions:\n  contents: write\n  packages: write\n",
    );
    check(
        &fixed,
        "push refs/tags/v1.2.3",
        "triggered
         test 0 success
         release 1 success
         docker 1 success
         codes: WF-IMAGE-PUSH",
    );
    // What the docker job pushes on a tag push: the guide's tag expression resolved.
    let analysis = analyze(&fixed, &options("push refs/tags/v1.2.3"));
    let push = analysis
        .diagnostics
        .iter()
        .find(|d| d.code == "WF-IMAGE-PUSH")
        .expect("image push reported");
    assert_eq!(
        push.message.en,
        "This run pushes ghcr.io/octocat/hello:v1.2.3 for linux/amd64,linux/arm64."
    );
}

#[test]
fn image_references_docker_would_reject() {
    let source = "on: push\npermissions:\n  packages: write\njobs:\n  docker:\n    runs-on: x\n    steps:\n      - uses: docker/build-push-action@v5\n        with:\n          push: true\n          tags: ghcr.io/${{ github.repository }}:${{ github.ref_name }}\n";
    check(
        source,
        "push refs/tags/v1.0.0",
        "triggered\ndocker 0 success\ncodes: WF-IMAGE-PUSH",
    );
    check(
        source,
        "push refs/heads/feature/login",
        "triggered\ndocker 0 success\ncodes: WF-IMAGE-TAG-INVALID WF-IMAGE-PUSH",
    );
    let mut upper = options("push refs/tags/v1.0.0");
    upper.event.repository = "Octocat/Hello".into();
    let codes: Vec<String> = analyze(source, &upper)
        .diagnostics
        .iter()
        .map(|d| d.code.clone())
        .filter(|c| c != "WF-PIN")
        .collect();
    assert_eq!(codes, ["WF-IMAGE-UPPERCASE", "WF-IMAGE-PUSH"]);
}

const JOBS: &str = "
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: make
";

#[test]
fn on_in_all_its_shapes() {
    check(
        &format!("on: push\n{JOBS}"),
        "push refs/heads/feature/x",
        "triggered\nbuild 0 success\ncodes:",
    );
    check(
        &format!("on: [push, pull_request]\n{JOBS}"),
        "pull_request refs/heads/main",
        "triggered\nbuild 0 success\ncodes:",
    );
    check(
        &format!("on: [pull_request]\n{JOBS}"),
        "push refs/heads/main",
        "not triggered\nbuild 0 skipped\ncodes:",
    );
    check(
        &format!("on:\n  workflow_dispatch:\n  push:\n    branches: [main]\n{JOBS}"),
        "workflow_dispatch refs/heads/dev",
        "triggered\nbuild 0 success\ncodes:",
    );
    // Quoted or not, `on` is the key (a YAML 1.1 reader would see `true`).
    check(
        &format!("\"on\": push\n{JOBS}"),
        "push refs/heads/main",
        "triggered\nbuild 0 success\ncodes:",
    );
    check(
        &format!("on: pushh\n{JOBS}"),
        "push refs/heads/main",
        "not triggered\nbuild 0 skipped\ncodes: WF-EVENT-UNKNOWN",
    );
    check(
        JOBS,
        "push refs/heads/main",
        "not triggered\nbuild 0 skipped\ncodes: WF-MISSING",
    );
}

#[test]
fn branch_and_tag_filters() {
    let branches_only = format!("on:\n  push:\n    branches: [main, 'releases/**']\n{JOBS}");
    check(
        &branches_only,
        "push refs/heads/main",
        "triggered\nbuild 0 success\ncodes:",
    );
    check(
        &branches_only,
        "push refs/heads/releases/v1/hotfix",
        "triggered\nbuild 0 success\ncodes:",
    );
    check(
        &branches_only,
        "push refs/heads/dev",
        "not triggered\nbuild 0 skipped\ncodes:",
    );
    // Only branch filters: a tag push does not trigger.
    check(
        &branches_only,
        "push refs/tags/v1.0.0",
        "not triggered\nbuild 0 skipped\ncodes:",
    );
    let both = format!("on:\n  push:\n    branches: [main]\n    tags: ['v*']\n{JOBS}");
    check(
        &both,
        "push refs/tags/v1.0.0",
        "triggered\nbuild 0 success\ncodes:",
    );
    check(
        &both,
        "push refs/heads/main",
        "triggered\nbuild 0 success\ncodes:",
    );
    check(
        &both,
        "push refs/heads/dev",
        "not triggered\nbuild 0 skipped\ncodes:",
    );
    let ignore = format!("on:\n  push:\n    tags-ignore: ['*-rc*']\n{JOBS}");
    check(
        &ignore,
        "push refs/tags/v1.0.0",
        "triggered\nbuild 0 success\ncodes:",
    );
    check(
        &ignore,
        "push refs/tags/v1.0.0-rc1",
        "not triggered\nbuild 0 skipped\ncodes:",
    );
    check(
        &ignore,
        "push refs/heads/main",
        "not triggered\nbuild 0 skipped\ncodes:",
    );
    let negated = format!("on:\n  push:\n    tags:\n      - 'v*'\n      - '!v*-*'\n{JOBS}");
    check(
        &negated,
        "push refs/tags/v2.0.0",
        "triggered\nbuild 0 success\ncodes:",
    );
    check(
        &negated,
        "push refs/tags/v2.0.0-beta",
        "not triggered\nbuild 0 skipped\ncodes:",
    );
    check(
        &format!("on:\n  push:\n    branches: [main]\n    branches-ignore: [dev]\n{JOBS}"),
        "push refs/heads/main",
        "triggered\nbuild 0 success\ncodes: WF-FILTER-BOTH",
    );
    check(
        &format!("on:\n  push:\n    branches: ['!dev']\n{JOBS}"),
        "push refs/heads/main",
        "not triggered\nbuild 0 skipped\ncodes: WF-FILTER-ONLY-NEGATIVE",
    );
    check(
        &format!("on:\n  push:\n    tags: ['+v']\n{JOBS}"),
        "push refs/tags/+v",
        "triggered\nbuild 0 success\ncodes: WF-FILTER-SYNTAX",
    );
    // pull_request filters the base branch.
    let pr = format!("on:\n  pull_request:\n    branches: [main]\n{JOBS}");
    check(
        &pr,
        "pull_request refs/heads/main",
        "triggered\nbuild 0 success\ncodes:",
    );
    check(
        &pr,
        "pull_request refs/heads/dev",
        "not triggered\nbuild 0 skipped\ncodes:",
    );
}

#[test]
fn path_filters() {
    let paths =
        format!("on:\n  push:\n    branches: [main]\n    paths: ['**.go', '!docs/**']\n{JOBS}");
    check(
        &paths,
        "push refs/heads/main changed=cmd/app/main.go",
        "triggered\nbuild 0 success\ncodes:",
    );
    check(
        &paths,
        "push refs/heads/main changed=README.md",
        "not triggered\nbuild 0 skipped\ncodes:",
    );
    check(
        &paths,
        "push refs/heads/main changed=README.md changed=go.mod changed=x.go",
        "triggered\nbuild 0 success\ncodes:",
    );
    // Both must hold: the branch filter rejects first.
    check(
        &paths,
        "push refs/heads/dev changed=main.go",
        "not triggered\nbuild 0 skipped\ncodes:",
    );
    let ignore = format!("on:\n  push:\n    paths-ignore: ['docs/**', '*.md']\n{JOBS}");
    check(
        &ignore,
        "push refs/heads/main changed=docs/a.md changed=README.md",
        "not triggered\nbuild 0 skipped\ncodes:",
    );
    check(
        &ignore,
        "push refs/heads/main changed=docs/a.md changed=main.go",
        "triggered\nbuild 0 success\ncodes:",
    );
    // Path filters are not evaluated for tag pushes.
    let tags_and_paths = format!("on:\n  push:\n    tags: ['v*']\n    paths: ['src/**']\n{JOBS}");
    check(
        &tags_and_paths,
        "push refs/tags/v1.0.0 changed=README.md",
        "triggered\nbuild 0 success\ncodes:",
    );
}

#[test]
fn job_graph_from_yaml() {
    let source = "
on: push
jobs:
  test:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        os: [ubuntu-latest, macos-latest]
        go: ['1.21', '1.22']
        exclude:
          - os: macos-latest
            go: '1.21'
    steps:
      - run: go test ./...
  release:
    needs: [test]
    if: startsWith(github.ref, 'refs/tags/')
    runs-on: ubuntu-latest
    steps:
      - run: echo release
  notify:
    needs: release
    if: ${{ always() }}
    runs-on: ubuntu-latest
    steps:
      - run: echo done
";
    check(
        source,
        "push refs/tags/v1.0.0",
        "triggered
         test (ubuntu-latest, 1.21) 0 success
         test (ubuntu-latest, 1.22) 0 success
         test (macos-latest, 1.22) 0 success
         release 1 success
         notify 2 success
         codes:",
    );
    check(
        source,
        "push refs/heads/main fail=test",
        "triggered
         test (ubuntu-latest, 1.21) 0 failure
         test (ubuntu-latest, 1.22) 0 failure
         test (macos-latest, 1.22) 0 failure
         release 1 skipped
         notify 2 success
         codes:",
    );
    check(
        source,
        "push refs/heads/main",
        "triggered
         test (ubuntu-latest, 1.21) 0 success
         test (ubuntu-latest, 1.22) 0 success
         test (macos-latest, 1.22) 0 success
         release 1 skipped
         notify 2 success
         codes:",
    );
    check(
        "on: push\njobs:\n  a:\n    needs: b\n    runs-on: x\n    steps: [{run: a}]\n  b:\n    needs: a\n    runs-on: x\n    steps: [{run: b}]\n",
        "push refs/heads/main",
        "triggered\na 0 skipped\nb 0 skipped\ncodes: WF-NEEDS-CYCLE WF-NEEDS-CYCLE",
    );
    check(
        "on: push\njobs:\n  a:\n    needs: [nope]\n    steps:\n      - uses: actions/checkout\n",
        "push refs/heads/main",
        "triggered\na 0 success\ncodes: WF-RUNS-ON WF-NEEDS-UNKNOWN WF-USES-REF",
    );
}

#[test]
fn release_checks() {
    let release = |permissions: &str, checkout: &str, env: &str| {
        format!(
            "on:\n  push:\n    tags: ['v*']\n{permissions}jobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n{checkout}      - uses: goreleaser/goreleaser-action@v6\n        with:\n          args: release --clean\n{env}"
        )
    };
    let full = "        with:\n          fetch-depth: 0\n";
    let token = "        env:\n          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n";
    let write = "permissions:\n  contents: write\n";
    let tag = "push refs/tags/v1.2.3";
    check(
        &release(write, full, token),
        tag,
        "triggered\nrelease 0 success\ncodes:",
    );
    check(
        &release("permissions: read-all\n", full, token),
        tag,
        "triggered\nrelease 0 success\ncodes: WF-PERM-CONTENTS",
    );
    check(
        &release("permissions: write-all\n", full, token),
        tag,
        "triggered\nrelease 0 success\ncodes:",
    );
    check(
        &release("", full, token),
        tag,
        "triggered\nrelease 0 success\ncodes: WF-PERM-CONTENTS",
    );
    check(
        &release(write, "", token),
        tag,
        "triggered\nrelease 0 success\ncodes: WF-FETCH-DEPTH",
    );
    check(
        &release(write, full, ""),
        tag,
        "triggered\nrelease 0 success\ncodes: WF-GORELEASER-TOKEN",
    );
    check(
        &release("permissions:\n  content: write\n", full, token),
        tag,
        "triggered\nrelease 0 success\ncodes: WF-PERM-SCOPE WF-PERM-CONTENTS",
    );
    // Domain facts G.2: an `if:` starting with `!` must be wrapped in `${{ }}`, or YAML reads a tag.
    check(
        "on: push\njobs:\n  a:\n    if: !startsWith(github.ref, 'refs/tags/')\n    runs-on: x\n    steps: [{run: a}]\n",
        "push refs/heads/main",
        "not triggered\ncodes: yaml-syntax WF-IF-BANG",
    );
    check(
        "on: push\njobs:\n  a:\n    if: !cancelled()\n    runs-on: x\n    steps: [{run: a}]\n",
        "push refs/heads/main",
        "triggered\na 0 skipped\ncodes: WF-IF-BANG WF-IF-SYNTAX",
    );
    check(
        "on: push\njobs:\n  a:\n    if: ${{ !startsWith(github.ref, 'refs/tags/') }}\n    runs-on: x\n    steps: [{run: a}]\n",
        "push refs/heads/main",
        "triggered\na 0 success\ncodes:",
    );
    check(
        "on: push\njobs:\n  a:\n    if: secrets.TOKEN != ''\n    runs-on: x\n    steps: [{run: a}]\n",
        "push refs/heads/main",
        "triggered\na 0 skipped\ncodes: WF-IF-SECRETS",
    );
}

#[test]
fn pull_request_contexts() {
    // On a pull request `github.ref` is the merge ref and `github.base_ref` the base branch, so
    // a "release only from main" guard written with `github.ref` does not run on PRs.
    let source = "on: [push, pull_request]\njobs:\n  pr:\n    if: github.base_ref == 'main'\n    runs-on: x\n    steps: [{run: a}]\n  release:\n    if: github.ref == 'refs/heads/main'\n    runs-on: x\n    steps: [{run: a}]\n";
    check(
        source,
        "pull_request refs/heads/main",
        "triggered\npr 0 success\nrelease 0 skipped\ncodes:",
    );
    check(
        source,
        "push refs/heads/main",
        "triggered\npr 0 skipped\nrelease 0 success\ncodes:",
    );
}

#[test]
fn typos_in_keys_are_reported_with_a_suggestion() {
    let source = "on: push\njobs:\n  test:\n    runs-on: x\n    steps: [{run: a}]\n  release:\n    need: test\n    run-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        width:\n          fetch-depth: 0\n";
    check(
        source,
        "push refs/heads/main fail=test",
        "triggered
         test 0 failure
         release 0 success
         codes: WF-RUNS-ON WF-KEY-UNKNOWN WF-KEY-UNKNOWN WF-KEY-UNKNOWN",
    );
    let analysis = analyze(source, &options("push refs/heads/main"));
    let fixes: Vec<(usize, String)> = analysis
        .diagnostics
        .iter()
        .filter(|d| d.code == "WF-KEY-UNKNOWN")
        .map(|d| {
            (
                d.line,
                d.fix.as_ref().map(|f| f.en.clone()).unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        fixes,
        [
            (7, "Did you mean `needs`?".to_string()),
            (8, "Did you mean `runs-on`?".to_string()),
            (11, "Did you mean `with`?".to_string()),
        ]
    );
}

#[test]
fn yaml_errors_are_diagnostics_with_lines() {
    let analysis = analyze(
        "on: push\njobs:\n  a: [\n",
        &options("push refs/heads/main"),
    );
    assert!(analysis.has_errors());
    assert!(analysis.diagnostics.iter().any(|d| d.line >= 3));
    let analysis = analyze(
        "on:\n  push:\n    tags:\n      - 'v[0-'\n",
        &options("push refs/tags/v1"),
    );
    let syntax = analysis
        .diagnostics
        .iter()
        .find(|d| d.code == "WF-FILTER-SYNTAX")
        .expect("filter syntax error reported");
    assert_eq!(syntax.line, 4);
    // The item starts at column 9 with a quote, so `v` is column 10; like actionlint, a missing
    // `]` is reported at the pattern's last character (the `-`, column 13).
    assert_eq!(syntax.column, Some(13));
    let analysis = analyze(
        "on:\n  push:\n    branches:\n      - +main\n",
        &options("push refs/heads/main"),
    );
    let syntax = analysis
        .diagnostics
        .iter()
        .find(|d| d.code == "WF-FILTER-SYNTAX")
        .expect("filter syntax error reported");
    assert_eq!((syntax.line, syntax.column), (4, Some(9)));
}

/// GitHub validates the file against its workflow schema before any job starts: an unexpected
/// key, a missing `runs-on` or a `needs` on an unknown job make the whole file invalid ("Invalid
/// workflow file", hellofresh/action-changed-files#13: "Unexpected value 'id'"; actionlint:
/// `unexpected key "runs-onn" for "job" section`). A missing permission does not: the file is
/// accepted and the step that needs the permission fails when it runs.
#[test]
fn schema_errors_make_the_file_invalid_release_check_errors_do_not() {
    let base = "on: push\npermissions:\n  contents: read\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n";
    // (lines added to the job, schema errors)
    let cases: &[(&str, usize)] = &[
        ("", 0),
        ("    runs-onn: x\n", 1),
        ("    needs: [nothing]\n", 1),
    ];
    for (extra, invalid) in cases {
        let source = base.replace(
            "    runs-on: ubuntu-latest\n",
            &format!("    runs-on: ubuntu-latest\n{extra}"),
        );
        let analysis = analyze(&source, &options("push refs/heads/main"));
        assert_eq!(
            analysis.invalid_errors, *invalid,
            "{source}\n{:#?}",
            analysis.diagnostics
        );
    }
    let missing_runs_on = analyze(
        "on: push\njobs:\n  a:\n    steps:\n      - run: echo\n",
        &options("push refs/heads/main"),
    );
    assert!(missing_runs_on.invalid_errors > 0);
    let unknown = analyze(
        &base.replace("    steps:", "    runs-onn: x\n    steps:"),
        &options("push refs/heads/main"),
    );
    let d = unknown
        .diagnostics
        .iter()
        .find(|d| d.code == "WF-KEY-UNKNOWN")
        .expect("reported");
    assert!(d.is_error());
    assert!(
        d.message.en.starts_with("Unexpected value 'runs-onn'"),
        "{}",
        d.message.en
    );
}

#[test]
fn a_missing_permission_is_an_error_but_not_an_invalid_file() {
    // The guide's workflow pushes to ghcr.io with only `contents: write`.
    let guide = include_str!("data/workflows/guide-release.yml");
    assert!(!guide.contains("packages: write"));
    let analysis = analyze(guide, &options("push refs/tags/v1.2.3"));
    assert!(analysis
        .diagnostics
        .iter()
        .any(|d| d.code == "WF-PERM-PACKAGES" && d.is_error()));
    assert_eq!(analysis.invalid_errors, 0);
    assert!(analysis.triggered);
}
