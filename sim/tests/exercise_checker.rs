//! The checker: exercise files → exercises (with every mistake at its line), and checks evaluated
//! on learners' files, each failing one explaining itself in both languages with the value the
//! simulator found. Table-driven: one row per behaviour a teacher relies on.

use deploy_sim::exercise::{self, evaluate, verify, Exercise, FileKind, Files, ParseOptions};
use deploy_sim::{dockerfile, Severity};

const SINGLE_STAGE: &str =
    "FROM golang:1.22\nWORKDIR /app\nCOPY . .\nRUN go build -o server .\nCMD [\"./server\"]\n";

const MULTI_STAGE: &str = "FROM golang:1.22-alpine AS builder\nWORKDIR /app\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN CGO_ENABLED=0 go build -ldflags=\"-s -w\" -o /app/server .\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=builder /app/server /server\nENTRYPOINT [\"/server\"]\n";

const COPY_ALL_FIRST: &str = "FROM golang:1.22-alpine AS builder\nWORKDIR /app\nCOPY . .\nRUN go mod download\nRUN CGO_ENABLED=0 go build -o /app/server .\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=builder /app/server /server\nENTRYPOINT [\"/server\"]\n";

const PARALLEL: &str = "on:\n  push:\n    tags: ['v*']\npermissions:\n  contents: write\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: go test ./...\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo release\n";

const NEEDS_TEST: &str = "on:\n  push:\n    tags: ['v*']\npermissions:\n  contents: write\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: go test ./...\n  release:\n    needs: test\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo release\n";

const BUILD_ALL: &str = "build-all:\n\tGOOS=linux GOARCH=amd64 go build -o bin/app-linux-amd64 .\n\tGOOS=windows GOARCH=amd64 go build -o bin/app-windows-amd64.exe .\n";

const RELEASE: &str = "version: 2\nproject_name: myapp\nbuilds:\n  - main: .\n    env: [CGO_ENABLED=0]\n    goos: [linux, windows]\n    goarch: [amd64, arm64]\n    ignore:\n      - goos: windows\n        goarch: arm64\nchangelog:\n  filters:\n    exclude: ['^docs:']\n";

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("    {l}\n")).collect()
}

fn quote(check: &str) -> String {
    format!("'{}'", check.replace('\'', "''"))
}

/// A minimal exercise file around `files` and `checks`; the solution equals the starting files.
fn exercise_yaml(files: &[(&str, &str)], checks: &[&str], golf: Option<&str>) -> String {
    let mut yaml = String::from(
        "id: t\nchapter: docker-multistage\ntitle:\n  ja: 試験\n  en: Test\ninstructions:\n  ja: 試験です\n  en: A test\nfiles:\n",
    );
    for (kind, text) in files {
        yaml.push_str(&format!("  {kind}: |\n{}", indent(text)));
    }
    yaml.push_str("checks:\n");
    for check in checks {
        yaml.push_str(&format!("  - {}\n", quote(check)));
    }
    yaml.push_str("hints:\n  - ja: ヒントです\n    en: A hint\nsolution:\n");
    for (kind, text) in files {
        yaml.push_str(&format!("  {kind}: |\n{}", indent(text)));
    }
    if let Some(metric) = golf {
        yaml.push_str(&format!("golf:\n  metric: {}\n", quote(metric)));
    }
    yaml
}

fn load(yaml: &str) -> Exercise {
    let loaded = exercise::parse(yaml);
    match loaded.exercise {
        Some(ex) => ex,
        None => panic!("does not load: {:?}\n{yaml}", loaded.diagnostics),
    }
}

struct Case {
    files: &'static [(&'static str, &'static str)],
    check: &'static str,
    passes: bool,
    /// Words the English explanation must contain.
    en: &'static [&'static str],
    /// Words the Japanese explanation must contain.
    ja: &'static [&'static str],
}

#[test]
fn each_check_passes_or_explains_itself_in_both_languages() {
    let cases = [
        Case { files: &[("dockerfile", SINGLE_STAGE)], check: "image.size_bytes < 10 MB", passes: false,
            en: &["the goal is under 10 MB", "FROM golang:1.22"], ja: &["目標は 10 MB 未満です", "FROM golang:1.22"] },
        Case { files: &[("dockerfile", MULTI_STAGE)], check: "image.size_bytes < 10 MB", passes: true,
            en: &["(goal: under 10 MB)"], ja: &["（目標: 10 MB 未満）"] },
        Case { files: &[("dockerfile", SINGLE_STAGE)], check: "image.base == golang:1.22", passes: true, en: &["`golang:1.22`"], ja: &["`golang:1.22`"] },
        Case { files: &[("dockerfile", COPY_ALL_FIRST)], check: "cache[\"go mod download\"] == cached after change main.go", passes: false,
            en: &["After changing main.go", "`rebuilt`", "the goal is `cached`", "COPY . ."], ja: &["main.go を変更した後", "`rebuilt`", "COPY . ."] },
        Case { files: &[("dockerfile", MULTI_STAGE)], check: "cache[\"go mod download\"] == cached after change main.go", passes: true,
            en: &["`cached`"], ja: &["`cached`"] },
        Case { files: &[("dockerfile", MULTI_STAGE)], check: "cache[\"go mod download\"] == rebuilt after change go.sum", passes: true, en: &["`rebuilt`"], ja: &["`rebuilt`"] },
        Case { files: &[("dockerfile", MULTI_STAGE)], check: "cache[\"apk add\"] == cached after change main.go", passes: false,
            en: &["No step of the build contains `apk add`"], ja: &["`apk add` を含むものがありません"] },
        Case { files: &[("dockerfile", COPY_ALL_FIRST)], check: "cache.rebuild_seconds < 40 s after change main.go", passes: false,
            en: &["the goal is under 40 s", "The first step that re-runs is line 3"], ja: &["目標は 40 秒未満です", "3 行目"] },
        Case { files: &[("dockerfile", MULTI_STAGE)], check: "runtime.starts == true", passes: true, en: &["The container starts."], ja: &["コンテナは起動します。"] },
        Case { files: &[("dockerfile", "FROM golang:1.22 AS builder\nWORKDIR /app\nCOPY . .\nRUN go build -o /app/server .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=builder /app/server /server\nENTRYPOINT [\"/server\"]\n")],
            check: "runtime.starts == true", passes: false,
            en: &["The container does not start.", "exec /server: no such file or directory"], ja: &["コンテナは起動しません。", "exec /server: no such file or directory"] },
        Case { files: &[("dockerfile", MULTI_STAGE)], check: "runtime.runs_as_root == false", passes: false,
            en: &["The container runs as root.", "`0`"], ja: &["root で動きます"] },
        Case { files: &[("dockerfile", SINGLE_STAGE)], check: "diagnostics has no GDP001", passes: false,
            en: &["include `GDP001`", "Dockerfile, line 1:"], ja: &["`GDP001` が含まれています", "Dockerfile の 1 行目"] },
        Case { files: &[("dockerfile", MULTI_STAGE)], check: "dockerfile.diagnostics has no GDP001", passes: true, en: &["do not include `GDP001`"], ja: &["含まれていません"] },
        Case { files: &[("dockerfile", SINGLE_STAGE)], check: "image.layers count <= 2", passes: false,
            en: &["The number of layers in the final image is", "They are: line 1 FROM"], ja: &["最終イメージのレイヤー数は", "1 行目 FROM"] },
        Case { files: &[("workflow", PARALLEL)], check: "workflow.jobs.release.status == skipped when test fails", passes: false,
            en: &["When `test` fails", "`success`", "the goal is `skipped`"], ja: &["`test` が失敗したとき", "`success`"] },
        Case { files: &[("workflow", NEEDS_TEST)], check: "workflow.jobs.release.status == skipped when test fails", passes: true, en: &["`skipped`"], ja: &["`skipped`"] },
        Case { files: &[("workflow", NEEDS_TEST)], check: "workflow.jobs.deploy.status == success", passes: false,
            en: &["The workflow has no job `deploy`."], ja: &["ジョブ `deploy` がありません"] },
        Case { files: &[("workflow", NEEDS_TEST)], check: "workflow.triggered == false for push refs/heads/main", passes: true,
            en: &["On a push to main", "the workflow does not run"], ja: &["main への push のとき", "ワークフローは起動しません"] },
        Case { files: &[("workflow", NEEDS_TEST)], check: "workflow.triggered == false for tag v1.2.3", passes: false,
            en: &["the workflow runs", "matches"], ja: &["ワークフローは起動します"] },
        Case { files: &[("workflow", NEEDS_TEST)], check: "workflow.jobs.release.permissions.contents == write", passes: true, en: &["`write`"], ja: &["`write`"] },
        Case { files: &[("workflow", "on: push\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n")],
            check: "workflow.jobs.release.permissions.contents == write", passes: false,
            en: &["`read`", "read-only"], ja: &["`read`", "読み取り専用"] },
        Case { files: &[("makefile", BUILD_ALL)], check: "make.artifacts count == 5 for goal build-all", passes: false,
            en: &["For `make build-all`", "is 2; the goal is 5", "`bin/app-windows-amd64.exe` (windows/amd64)"], ja: &["`make build-all` のとき", "2 ですが、目標は 5 です"] },
        Case { files: &[("makefile", BUILD_ALL)], check: "make.artifacts contains bin/app-linux-arm64 for goal build-all", passes: false,
            en: &["do not include `bin/app-linux-arm64`; they are:"], ja: &["`bin/app-linux-arm64` が含まれていません（現在:"] },
        Case { files: &[("makefile", "build:\n        go build ./...\n")], check: "make.exit_status == 0", passes: false,
            en: &["is 2; the goal is 0", "missing separator"], ja: &["2 ですが", "missing separator", "TAB"] },
        Case { files: &[("makefile", BUILD_ALL)], check: "make.commands contains \"GOOS=windows\" for goal build-all", passes: true, en: &["include"], ja: &["含まれています"] },
        Case { files: &[("goreleaser", RELEASE)], check: "goreleaser.targets contains linux_arm64_v8.0", passes: true, en: &["include `linux_arm64_v8.0`"], ja: &["`linux_arm64_v8.0` が含まれています"] },
        Case { files: &[("goreleaser", RELEASE)], check: "goreleaser.targets does not contain windows_arm64_v8.0", passes: true, en: &["do not include"], ja: &["含まれていません"] },
        Case { files: &[("goreleaser", RELEASE)], check: "goreleaser.targets count == 4", passes: false, en: &["is 3; the goal is 4"], ja: &["3 ですが、目標は 4 です"] },
        Case { files: &[("goreleaser", RELEASE)], check: "goreleaser.changelog does not contain \"chore(deps)\"", passes: false,
            en: &["include `chore(deps)`", "bump golang.org/x/net"], ja: &["`chore(deps)` が含まれています"] },
        Case { files: &[("goreleaser", RELEASE)], check: "goreleaser.version == 1.2.3", passes: true, en: &["`1.2.3`"], ja: &["`1.2.3`"] },
        Case { files: &[("goreleaser", RELEASE)], check: "goreleaser.version == 2.0.0 with tag v2.0.0", passes: true, en: &["With the tag v2.0.0"], ja: &["タグ v2.0.0 のとき"] },
        Case { files: &[("goreleaser", "project_name: x\narchive:\n  format: zip\n")], check: "goreleaser.release_succeeds == true", passes: false,
            en: &["stops with an error", "version: 2"], ja: &["エラーで止まります"] },
        Case { files: &[("go_build", "GOOS=windows go build -o app .")], check: "gobuild.output == app.exe", passes: false,
            en: &["`app`; the goal is `app.exe`"], ja: &["`app` ですが、目標は `app.exe` です"] },
        Case { files: &[("go_build", "# the release build\nGOOS=windows GOARCH=arm64 go build .")], check: "gobuild.goarch == arm64", passes: true, en: &["`arm64`"], ja: &["`arm64`"] },
        Case { files: &[("go_build", "go build -ldflags \"-X main.Version=v1.2.3\" -o server .")], check: "gobuild.version_output.version == v1.2.3", passes: false,
            en: &["`dev`; the goal is `v1.2.3`", "silently ignored"], ja: &["`dev` ですが", "黙って無視されます"] },
        Case { files: &[("go_build", "go build -ldflags \"-X main.version=v1.2.3\" -o server .")], check: "gobuild.x_applied[\"main.version\"] == v1.2.3", passes: true, en: &["`v1.2.3`"], ja: &["`v1.2.3`"] },
        Case { files: &[("go_build", "go build -o server .")], check: "gobuild.linking == static", passes: false,
            en: &["`dynamic`", "gcc"], ja: &["`dynamic`", "gcc"] },
        Case { files: &[("go_build", "go build -o server .")], check: "gobuild.goarch == arm64 for host linux/arm64", passes: true,
            en: &["On a linux/arm64 host", "`arm64`"], ja: &["ホストが linux/arm64 のとき"] },
        Case { files: &[("go_build", "go build -o server .")], check: "gobuild.cgo == false", passes: false,
            en: &["Cgo is on", "gcc"], ja: &["cgo は有効です"] },
        Case { files: &[("go_build", "go build -o server ."), ("dockerfile", SINGLE_STAGE)], check: "errors count == 0", passes: true, en: &["is 0"], ja: &["0"] },
    ];
    for case in &cases {
        let ex = load(&exercise_yaml(case.files, &[case.check], None));
        let evaluation = evaluate(&ex, &ex.files);
        let result = &evaluation.checks[0];
        assert_eq!(
            result.passed, case.passes,
            "`{}`: {}",
            case.check, result.detail.en
        );
        assert_eq!(result.text, case.check);
        for word in case.en {
            assert!(
                result.detail.en.contains(word),
                "`{}`: {:?} lacks {word:?}",
                case.check,
                result.detail.en
            );
        }
        for word in case.ja {
            assert!(
                result.detail.ja.contains(word),
                "`{}`: {:?} lacks {word:?}",
                case.check,
                result.detail.ja
            );
        }
        assert!(
            !result.goal.en.is_empty() && !result.goal.ja.is_empty(),
            "{}",
            case.check
        );
        assert_ne!(result.goal.en, result.goal.ja, "{}", case.check);
    }
}

#[test]
fn the_image_size_explanation_quotes_the_simulated_size() {
    let size = dockerfile::analyze(SINGLE_STAGE, &dockerfile::Options::default())
        .image
        .size_bytes;
    let shown = format!("{:.0} MB", size as f64 / 1e6);
    let ex = load(&exercise_yaml(
        &[("dockerfile", SINGLE_STAGE)],
        &["image.size_bytes < 10_000_000"],
        None,
    ));
    let result = &evaluate(&ex, &ex.files).checks[0];
    assert!(
        result.detail.en.starts_with(&format!(
            "The final image is {shown}; the goal is under 10 MB."
        )),
        "{}",
        result.detail.en
    );
    assert!(
        result.detail.ja.starts_with(&format!(
            "最終イメージのサイズは {shown} ですが、目標は 10 MB 未満です。"
        )),
        "{}",
        result.detail.ja
    );
    assert_eq!(result.goal.en, "The final image: under 10 MB");
}

#[test]
fn a_check_on_a_file_the_learner_lost_fails_and_says_so() {
    let ex = load(&exercise_yaml(
        &[("dockerfile", MULTI_STAGE)],
        &["runtime.starts == true"],
        None,
    ));
    let evaluation = evaluate(&ex, &Files::default());
    assert!(!evaluation.checks[0].passed);
    assert!(evaluation.checks[0]
        .detail
        .en
        .contains("There is no Dockerfile"));
    assert!(!evaluation.solved);
}

#[test]
fn golf_counts_only_once_every_check_passes() {
    let yaml = exercise_yaml(
        &[("dockerfile", SINGLE_STAGE)],
        &["runtime.starts == true", "image.size_bytes < 10 MB"],
        Some("image.size_bytes"),
    );
    let ex = load(&yaml);
    let unsolved = evaluate(&ex, &ex.files);
    let golf = unsolved.golf.as_ref().expect("golf");
    assert!(!golf.counts);
    let size = dockerfile::analyze(SINGLE_STAGE, &dockerfile::Options::default())
        .image
        .size_bytes;
    assert_eq!(golf.value, Some(size as f64));
    let mut files = Files::default();
    files.set(FileKind::Dockerfile, MULTI_STAGE);
    let solved = evaluate(&ex, &files);
    assert!(solved.solved);
    let golf = solved.golf.as_ref().expect("golf");
    assert!(golf.counts);
    let small = dockerfile::analyze(MULTI_STAGE, &dockerfile::Options::default())
        .image
        .size_bytes;
    assert_eq!(golf.value, Some(small as f64));
    assert!(golf.shown.as_ref().is_some_and(|s| s.en.ends_with("MB")));
    assert_eq!(golf.label.en, "The final image's size");
    assert!(exercise::GolfScore::beats(small as f64, Some(size as f64)));
    assert!(!exercise::GolfScore::beats(size as f64, Some(small as f64)));
    assert!(exercise::GolfScore::beats(size as f64, None));
}

#[test]
fn the_evaluation_serialises_for_the_app() {
    let ex = load(&exercise_yaml(
        &[("dockerfile", SINGLE_STAGE)],
        &["image.size_bytes < 10 MB"],
        Some("image.layers count"),
    ));
    let json = serde_json::to_value(evaluate(&ex, &ex.files)).expect("serialises");
    assert_eq!(json["checks"][0]["passed"], false);
    assert!(json["checks"][0]["goal"]["ja"]
        .as_str()
        .is_some_and(|s| s.contains("10 MB")));
    assert!(json["golf"]["value"].is_number());
    let files: Files =
        serde_json::from_str(r#"{"dockerfile": "FROM scratch\n", "main_go": "package main\n"}"#)
            .expect("files");
    assert_eq!(files.get(FileKind::MainGo), Some("package main\n"));
    assert_eq!(
        serde_json::to_value(&files).expect("files")["dockerfile"],
        "FROM scratch\n"
    );
    assert!(serde_json::to_string(&ex).is_ok());
}

#[test]
fn the_solution_is_the_starting_files_with_the_solution_over_them() {
    let yaml = "id: t\nchapter: ldflags\ntitle: {ja: 試験, en: Test}\ninstructions: {ja: 試験です, en: A test}\nfiles:\n  go_build: go build -o a .\n  main_go: |\n    package main\n    var version = \"dev\"\n    func main() {}\nchecks:\n  - gobuild.output == b\nhints:\n  - {ja: ヒント, en: A hint}\nsolution:\n  go_build: go build -o b .\n";
    let ex = load(yaml);
    assert_eq!(ex.solution.get(FileKind::GoBuild), Some("go build -o b ."));
    assert!(ex
        .solution
        .get(FileKind::MainGo)
        .is_some_and(|m| m.contains("var version")));
    let verification = verify(&ex);
    assert!(!verification.is_broken(), "{:?}", verification.problems);
    assert!(!verification.start.solved && verification.solution.solved);
}

/// (exercise text, expected code, the text on the line the diagnostic must point at)
#[test]
fn mistakes_in_an_exercise_file_point_at_their_line() {
    let valid = exercise_yaml(
        &[("dockerfile", MULTI_STAGE)],
        &["runtime.starts == true"],
        None,
    );
    let cases: Vec<(String, &str, &str)> = vec![
        (
            valid.replace("hints:", "hint:"),
            "exercise/unknown-key",
            "hint:",
        ),
        (
            valid.replace("  en: Test\n", ""),
            "exercise/missing",
            "title:",
        ),
        (
            valid.replace("  ja: 試験\n", "  ja: ''\n"),
            "exercise/empty",
            "ja: ''",
        ),
        (
            valid.replace("'runtime.starts == true'", "'runtime.strats == true'"),
            "exercise/check-subject",
            "runtime.strats",
        ),
        (
            valid.replace("'runtime.starts == true'", "runtime.starts == yes"),
            "exercise/check-value",
            "runtime.starts == yes",
        ),
        (
            valid.replace("'runtime.starts == true'", "'make.exit_status == 0'"),
            "exercise/missing-file",
            "make.exit_status",
        ),
        (
            valid.replace(
                "'runtime.starts == true'",
                "goreleaser.changelog contains \"feat: add\"",
            ),
            "exercise/type",
            "goreleaser.changelog",
        ),
        (
            valid.replace("id: t", "id: My Exercise"),
            "exercise/id",
            "id: My Exercise",
        ),
        (
            valid.replace("  dockerfile: |", "  podfile: |"),
            "exercise/unknown-key",
            "podfile",
        ),
        (
            valid.replace("checks:\n  - 'runtime.starts == true'\n", "checks: []\n"),
            "exercise/empty",
            "checks: []",
        ),
        (
            valid.replace("  en: A hint", "  en: A hint: with a colon"),
            "yaml-syntax",
            "A hint: with a colon",
        ),
        (valid.replace("id: t\n", ""), "exercise/missing", "id: t"),
        (
            format!("{valid}golf:\n  metric: runtime.starts\n"),
            "exercise/golf-metric",
            "metric: runtime.starts",
        ),
        (
            format!("{valid}golf:\n  meter: image.size_bytes\n"),
            "exercise/unknown-key",
            "meter:",
        ),
        (
            "- just a list\n".to_string(),
            "exercise/shape",
            "- just a list",
        ),
    ];
    for (text, code, on_line) in &cases {
        let loaded = exercise::parse(text);
        assert!(loaded.exercise.is_none(), "{code}: should not load");
        let Some(d) = loaded.diagnostics.iter().find(|d| d.code == *code) else {
            panic!(
                "{code}: got {:?}",
                loaded
                    .diagnostics
                    .iter()
                    .map(|d| (&d.code, d.line, &d.message.en))
                    .collect::<Vec<_>>()
            );
        };
        assert_eq!(d.severity, Severity::Error, "{code}");
        let line_text = text.lines().nth(d.line.saturating_sub(1)).unwrap_or("");
        if *code == "exercise/missing" && !text.contains(on_line) {
            // A required key that is not there at all is reported at the top of the file.
            assert_eq!(d.line, 1, "{code}");
        } else {
            assert!(
                line_text.contains(on_line),
                "{code}: line {} is {line_text:?}, expected {on_line:?}",
                d.line
            );
        }
        assert!(!d.message.ja.is_empty(), "{code}");
    }
}

#[test]
fn a_check_error_points_at_the_word_inside_the_file() {
    let valid = exercise_yaml(
        &[("dockerfile", MULTI_STAGE)],
        &["runtime.starts == maybe"],
        None,
    );
    let loaded = exercise::parse(&valid);
    let d = loaded
        .diagnostics
        .iter()
        .find(|d| d.code == "exercise/check-value")
        .expect("bad value");
    let line = valid.lines().nth(d.line - 1).expect("line");
    let column = d.column.expect("column");
    let at: String = line.chars().skip(column - 1).take(5).collect();
    assert_eq!(at, "maybe", "{line:?} column {column}");
}

#[test]
fn chapters_are_checked_when_the_guide_is_known() {
    let valid = exercise_yaml(
        &[("dockerfile", MULTI_STAGE)],
        &["runtime.starts == true"],
        None,
    );
    let options = ParseOptions {
        chapters: vec!["go-binaries".into()],
    };
    let loaded = exercise::parse_with(&valid, &options);
    let d = loaded
        .diagnostics
        .iter()
        .find(|d| d.code == "exercise/chapter")
        .expect("unknown chapter");
    assert!(d.message.en.contains("go-binaries"));
    let known = ParseOptions {
        chapters: vec!["docker-multistage".into()],
    };
    assert!(exercise::parse_with(&valid, &known).exercise.is_some());
    assert_eq!(
        exercise::chapter_id_from_front_matter("---\nid: ci-cd\norder: 4\n---\n# x\n").as_deref(),
        Some("ci-cd")
    );
    assert_eq!(
        exercise::chapter_id_from_front_matter("# no front matter\nid: x\n"),
        None
    );
}

#[test]
fn english_left_in_a_japanese_text_is_a_warning() {
    let yaml = exercise_yaml(
        &[("dockerfile", MULTI_STAGE)],
        &["runtime.starts == true"],
        None,
    )
    .replace("- ja: ヒントです", "- ja: A hint");
    let loaded = exercise::parse(&yaml);
    assert!(loaded.exercise.is_some(), "a warning does not stop loading");
    assert!(loaded
        .diagnostics
        .iter()
        .any(|d| d.code == "exercise/ja-not-japanese" && d.severity == Severity::Warning));
}

#[test]
fn verify_finds_exercises_with_nothing_to_do_or_no_solution() {
    let nothing_to_do = load(&exercise_yaml(
        &[("dockerfile", MULTI_STAGE)],
        &["runtime.starts == true"],
        None,
    ));
    let v = verify(&nothing_to_do);
    assert!(v.problems.iter().any(|d| d.code == "exercise/start-passes"));
    let unsolvable = load(&exercise_yaml(
        &[("dockerfile", SINGLE_STAGE)],
        &["image.size_bytes < 1 MB"],
        None,
    ));
    let v = verify(&unsolvable);
    let d = v
        .problems
        .iter()
        .find(|d| d.code == "exercise/solution-fails")
        .expect("solution fails");
    assert!(
        d.message.en.contains("image.size_bytes < 1 MB")
            && d.message.en.contains("the goal is under 1 MB")
    );
    assert!(v.is_broken());
}
