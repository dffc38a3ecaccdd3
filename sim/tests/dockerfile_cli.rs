//! `deploy-sim dockerfile` as scripts use it: the JSON contract of issue 3 and the exit codes
//! (0 analysis ran, 1 the Dockerfile has errors, 2 bad usage).

use std::io::Write;
use std::process::{Command, Stdio};

const GUIDE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/dockerfiles/guide-production.Dockerfile"
);

fn deploy_sim(args: &[&str], stdin: Option<&str>) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_deploy-sim"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("deploy-sim runs");
    if let Some(mut pipe) = child.stdin.take() {
        let _ = pipe.write_all(stdin.unwrap_or("").as_bytes());
    }
    child.wait_with_output().expect("deploy-sim finishes")
}

fn json(args: &[&str], stdin: Option<&str>) -> (Option<i32>, serde_json::Value) {
    let out = deploy_sim(args, stdin);
    let value = serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null);
    (out.status.code(), value)
}

#[test]
fn json_contract_has_every_documented_field() {
    let (code, v) = json(
        &["dockerfile", GUIDE, "--changed", "main.go", "--json"],
        None,
    );
    assert_eq!(code, Some(0));
    let first = &v["instructions"][0];
    for key in ["line", "end_line", "keyword", "flags", "args", "exec_form"] {
        assert!(first.get(key).is_some(), "instructions[].{key}");
    }
    assert_eq!(first["keyword"], "FROM");
    let copy_from = v["instructions"]
        .as_array()
        .and_then(|a| a.iter().find(|i| i["line"] == 33))
        .cloned()
        .unwrap_or_default();
    assert_eq!(copy_from["flags"], serde_json::json!(["--from=builder"]));
    assert_eq!(
        copy_from["args"],
        serde_json::json!(["/app/server", "/server"])
    );
    let run = v["instructions"]
        .as_array()
        .and_then(|a| a.iter().find(|i| i["line"] == 16))
        .cloned()
        .unwrap_or_default();
    assert_eq!(run["end_line"], 18, "continuations span lines 16-18");
    for key in ["index", "name", "base", "line", "built"] {
        assert!(v["stages"][0].get(key).is_some(), "stages[].{key}");
    }
    assert_eq!(v["stages"][0]["name"], "builder");
    assert_eq!(v["stages"][1]["name"], serde_json::Value::Null);
    assert_eq!(v["target"]["index"], 1);
    assert!(v["image"]["size_bytes"].as_u64().is_some_and(|s| s > 0));
    assert!(v["image"]["layers"][0].get("size_bytes").is_some());
    let cache = v["cache"].as_array().cloned().unwrap_or_default();
    assert!(cache.iter().any(|c| c["line"] == 15
        && c["status"] == "rebuilt"
        && c["reason"].as_str().is_some_and(|r| r.contains("main.go"))));
    assert!(cache
        .iter()
        .any(|c| c["line"] == 12 && c["status"] == "cached"));
    assert_eq!(v["runtime"]["starts"], true);
    assert!(v["runtime"]["problems"].is_array());
    let diagnostic = &v["diagnostics"][0];
    for key in ["line", "code", "severity", "message", "message_ja"] {
        assert!(diagnostic.get(key).is_some(), "diagnostics[].{key}");
    }
}

#[test]
fn onbuild_inner_and_platforms_in_json() {
    let source =
        "FROM golang:1.22-alpine\nONBUILD RUN go build ./...\nENTRYPOINT [\"/go/bin/app\"]\n";
    let (code, v) = json(
        &[
            "dockerfile",
            "-",
            "--json",
            "--platform",
            "linux/amd64,linux/arm64",
        ],
        Some(source),
    );
    assert_eq!(code, Some(0));
    assert_eq!(v["instructions"][1]["inner"]["keyword"], "RUN");
    assert_eq!(
        v["platforms"]["manifest_list"],
        serde_json::json!(["linux/amd64", "linux/arm64"])
    );
}

#[test]
fn exit_codes() {
    // 1: the file has errors (unknown instruction).
    assert_eq!(
        deploy_sim(&["dockerfile", "-"], Some("FROM alpine:3.19\nFORM x\n"))
            .status
            .code(),
        Some(1)
    );
    // 0: warnings only.
    assert_eq!(
        deploy_sim(&["dockerfile", "-"], Some("FROM alpine\nCMD sh\n"))
            .status
            .code(),
        Some(0)
    );
    // 2: bad usage.
    assert_eq!(deploy_sim(&["dockerfile"], None).status.code(), Some(2));
    assert_eq!(
        deploy_sim(&["dockerfile", GUIDE, "--bogus"], None)
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        deploy_sim(&["dockerfile", GUIDE, "--build-arg", "novalue"], None)
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        deploy_sim(&["dockerfile", GUIDE, "--platform", "amd64"], None)
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        deploy_sim(&["dockerfile", "/nonexistent/Dockerfile"], None)
            .status
            .code(),
        Some(2)
    );
}

/// deps → build (FROM deps) → a test stage (FROM build) and the runtime copying from build.
const TARGETS: &str = "FROM golang:1.22-alpine AS deps\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nFROM deps AS build\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\nFROM build AS test\nRUN go test ./...\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\nENTRYPOINT [\"/app\"]\n";

fn built(v: &serde_json::Value) -> Vec<(u64, bool)> {
    v["stages"]
        .as_array()
        .map(|stages| {
            stages
                .iter()
                .map(|s| (s["index"].as_u64().unwrap_or(99), s["built"] == true))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn target_chooses_the_stage_and_skips_what_it_does_not_need() {
    // `docker build --target <stage>` builds that stage and, with BuildKit, only the stages it
    // depends on (docs.docker.com/build/building/multi-stage/ "Stop at a specific build stage"
    // and "Differences between legacy builder and BuildKit"; dockerfile2llb
    // `allReachableStages`).
    type Case<'a> = (Option<&'a str>, u64, &'a [(u64, bool)]);
    let cases: &[Case] = &[
        (None, 3, &[(0, true), (1, true), (2, false), (3, true)]),
        (
            Some("test"),
            2,
            &[(0, true), (1, true), (2, true), (3, false)],
        ),
        (
            Some("build"),
            1,
            &[(0, true), (1, true), (2, false), (3, false)],
        ),
        // Stage names are case-insensitive (instructions/parse.go lower-cases them).
        (
            Some("DEPS"),
            0,
            &[(0, true), (1, false), (2, false), (3, false)],
        ),
    ];
    for (target, index, stages) in cases {
        let mut args = vec!["dockerfile", "-", "--json"];
        if let Some(t) = target {
            args.extend(["--target", t]);
        }
        let (code, v) = json(&args, Some(TARGETS));
        assert_eq!(code, Some(0), "{target:?}");
        assert_eq!(v["target"]["index"], *index, "{target:?}");
        assert_eq!(built(&v), stages.to_vec(), "{target:?}");
        // The image is the target stage's: its base, and cache steps only for built stages.
        let cached_stages: Vec<u64> = v["cache"]
            .as_array()
            .map(|c| c.iter().filter_map(|s| s["stage"].as_u64()).collect())
            .unwrap_or_default();
        assert!(
            cached_stages.iter().all(|s| stages.contains(&(*s, true))),
            "{target:?}: {cached_stages:?}"
        );
    }
    let (_, build) = json(
        &["dockerfile", "-", "--json", "--target", "build"],
        Some(TARGETS),
    );
    assert_eq!(build["image"]["base"], "golang:1.22-alpine");
    // An unknown target: BuildKit's error, exit 1 (the file has an error for this build).
    let (code, v) = json(
        &["dockerfile", "-", "--json", "--target", "nope"],
        Some(TARGETS),
    );
    assert_eq!(code, Some(1));
    let unknown = v["diagnostics"]
        .as_array()
        .and_then(|d| d.iter().find(|d| d["code"] == "DF010").cloned())
        .unwrap_or_default();
    assert_eq!(
        unknown["message"],
        "target stage \"nope\" could not be found"
    );
    // --target without a value is bad usage.
    assert_eq!(
        deploy_sim(&["dockerfile", "-", "--target"], Some(TARGETS))
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn dockerignore_keeps_ignored_files_out_of_the_cache_key() {
    // .dockerignore removes files from the build context before any COPY sees them
    // (docs.docker.com/build/concepts/context/#dockerignore-files), so an ignored README.md
    // cannot bust `COPY . .`; without the file it does. The lesson GDP003 disappears too.
    let dir = std::env::temp_dir().join(format!("deploy-sim-dockerignore-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let ignore = dir.join(".dockerignore");
    std::fs::write(&ignore, "*.md\n.git\n").expect("write .dockerignore");
    let ignore = ignore.to_string_lossy().to_string();
    let status = |v: &serde_json::Value, line: u64| {
        v["cache"]
            .as_array()
            .and_then(|c| c.iter().find(|s| s["line"] == line).cloned())
            .map(|s| s["status"].as_str().unwrap_or("").to_string())
            .unwrap_or_default()
    };
    let has_gdp003 = |v: &serde_json::Value| {
        v["diagnostics"]
            .as_array()
            .is_some_and(|d| d.iter().any(|d| d["code"] == "GDP003"))
    };
    let base = ["dockerfile", GUIDE, "--changed", "README.md", "--json"];
    let (code, without) = json(&base, None);
    assert_eq!(code, Some(0));
    assert_eq!(status(&without, 15), "rebuilt", "COPY . . copies README.md");
    assert!(has_gdp003(&without));
    let mut args = base.to_vec();
    args.extend(["--dockerignore", ignore.as_str()]);
    let (code, with) = json(&args, None);
    assert_eq!(code, Some(0));
    assert_eq!(status(&with, 15), "cached", "README.md is ignored");
    assert_eq!(status(&with, 16), "cached");
    assert!(!has_gdp003(&with));
    // main.go is not ignored: the same .dockerignore still lets it bust COPY . .
    let (_, main_go) = json(
        &[
            "dockerfile",
            GUIDE,
            "--changed",
            "main.go",
            "--dockerignore",
            ignore.as_str(),
            "--json",
        ],
        None,
    );
    assert_eq!(status(&main_go, 15), "rebuilt");
    // A .dockerignore that cannot be read is bad usage, like a missing Dockerfile.
    assert_eq!(
        deploy_sim(
            &[
                "dockerfile",
                GUIDE,
                "--dockerignore",
                "/nonexistent/.dockerignore"
            ],
            None
        )
        .status
        .code(),
        Some(2)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn text_report_is_readable() {
    let out = deploy_sim(&["dockerfile", GUIDE, "--changed", "main.go"], None);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Stages:") && text.contains("builder"));
    assert!(text.contains("Second build:") && text.contains("CACHED"));
    assert!(text.contains("Will it run? yes"));
}
