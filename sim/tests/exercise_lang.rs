//! The check language, case by case: what each check a teacher may write means, and where (code
//! and column) each mistake is reported. Add a row when a teacher's check surprised you.

use deploy_sim::exercise::lang::{
    parse_check, parse_metric, Check, EventChoice, Literal, Op, TagChoice,
};
use deploy_sim::exercise::subjects::{Subject, PATTERNS};
use deploy_sim::exercise::Engine;

fn ok(text: &str) -> Check {
    match parse_check(text, 7, 5) {
        Ok(check) => check,
        Err(d) => panic!("`{text}` should parse, got {}: {}", d.code, d.message.en),
    }
}

#[test]
fn checks_teachers_write_mean_what_they_say() {
    type Expect = fn(&Check) -> bool;
    let cases: &[(&str, Expect)] = &[
        ("image.size_bytes < 10 MB", |c| {
            c.subject == Subject::ImageSize && c.op == Op::Lt && c.value == Literal::Number(10e6)
        }),
        ("image.size_bytes < 10_000_000", |c| {
            c.value == Literal::Number(10e6)
        }),
        ("image.size_bytes<10MB", |c| {
            c.op == Op::Lt && c.value == Literal::Number(10e6)
        }),
        ("image.size_bytes <= 2 MiB", |c| {
            c.op == Op::Le && c.value == Literal::Number(2_097_152.0)
        }),
        ("image.size_bytes >= 9.5 MB", |c| {
            c.op == Op::Ge && c.value == Literal::Number(9.5e6)
        }),
        ("image.layers count <= 3", |c| {
            c.count && c.subject == Subject::ImageLayers
        }),
        (
            "cache[\"go mod download\"] == cached after change main.go",
            |c| {
                c.subject == Subject::CacheStep("go mod download".into())
                    && c.value == Literal::Word("cached".into())
                    && c.scenario.changed == ["main.go"]
            },
        ),
        (
            "cache['go mod download'] == rebuilt after change go.mod, go.sum",
            |c| c.scenario.changed == ["go.mod", "go.sum"],
        ),
        (
            "cache[go] == rebuilt after changing main.go and go.sum",
            |c| {
                c.subject == Subject::CacheStep("go".into())
                    && c.scenario.changed == ["main.go", "go.sum"]
            },
        ),
        ("cache.rebuild_seconds < 1 min after change main.go", |c| {
            c.subject == Subject::CacheSeconds && c.value == Literal::Number(60.0)
        }),
        ("cache.rebuild_seconds < 10s after change main.go", |c| {
            c.value == Literal::Number(10.0)
        }),
        ("runtime.starts == true", |c| c.value == Literal::Bool(true)),
        ("runtime.runs_as_root == FALSE", |c| {
            c.value == Literal::Bool(false)
        }),
        ("diagnostics has no DL3007", |c| {
            c.subject == Subject::Diagnostics(None) && c.op == Op::NotContains
        }),
        ("diagnostics has DL3007", |c| c.op == Op::Contains),
        ("dockerfile.errors count == 0", |c| {
            c.subject == Subject::Errors(Some(Engine::Dockerfile)) && c.count
        }),
        ("goreleaser.targets contains linux_arm64_v8.0", |c| {
            c.subject == Subject::ReleaseTargets
                && c.value == Literal::Word("linux_arm64_v8.0".into())
        }),
        (
            "goreleaser.changelog does not contain \"chore(deps)\"",
            |c| c.op == Op::NotContains && c.value == Literal::Word("chore(deps)".into()),
        ),
        (
            "goreleaser.version == 1.2.3-SNAPSHOT-3f2a9c1 with snapshot",
            |c| c.scenario.snapshot,
        ),
        ("goreleaser.version == 2.0.0 with tag v2.0.0", |c| {
            c.scenario.tag == Some(TagChoice::Tag("v2.0.0".into()))
        }),
        ("make.exit_status == 0 with no tag", |c| {
            c.scenario.tag == Some(TagChoice::NoTag)
        }),
        (
            "workflow.jobs.release.status == skipped when test fails",
            |c| c.subject == Subject::JobStatus("release".into()) && c.scenario.failing == ["test"],
        ),
        (
            "workflow.jobs.deploy.status == skipped when test, lint fail",
            |c| c.scenario.failing == ["test", "lint"],
        ),
        (
            "workflow.triggered == false for push refs/heads/main",
            |c| {
                c.scenario.event
                    == Some(EventChoice {
                        name: "push".into(),
                        git_ref: "refs/heads/main".into(),
                    })
            },
        ),
        ("workflow.triggered == true for tag v1.2.3", |c| {
            c.scenario
                .event
                .as_ref()
                .is_some_and(|e| e.git_ref == "refs/tags/v1.2.3")
        }),
        ("workflow.triggered == false for branch main", |c| {
            c.scenario
                .event
                .as_ref()
                .is_some_and(|e| e.git_ref == "refs/heads/main")
        }),
        ("workflow.triggered == false for push main", |c| {
            c.scenario
                .event
                .as_ref()
                .is_some_and(|e| e.git_ref == "refs/heads/main")
        }),
        ("workflow.triggered == false for pull_request main", |c| {
            c.scenario
                .event
                .as_ref()
                .is_some_and(|e| e.name == "pull_request" && e.git_ref == "main")
        }),
        ("workflow.triggered == true for workflow_dispatch", |c| {
            c.scenario
                .event
                .as_ref()
                .is_some_and(|e| e.name == "workflow_dispatch")
        }),
        ("workflow.jobs.release.permissions.contents == write", |c| {
            c.subject == Subject::JobPermission("release".into(), "contents".into())
        }),
        ("workflow.jobs[\"build-linux\"].status == success", |c| {
            c.subject == Subject::JobStatus("build-linux".into())
        }),
        ("make.artifacts count == 5 for goal build-all", |c| {
            c.count && c.scenario.goals == ["build-all"] && c.value == Literal::Number(5.0)
        }),
        (
            "make.commands contains -trimpath for goals build test",
            |c| {
                c.scenario.goals == ["build", "test"]
                    && c.value == Literal::Word("-trimpath".into())
            },
        ),
        ("make.variables[\"VERSION\"] == v2 with VERSION=v2", |c| {
            c.subject == Subject::MakeVariable("VERSION".into())
                && c.scenario.overrides == ["VERSION=v2"]
        }),
        ("make.variables.VERSION == v1.2.3", |c| {
            c.subject == Subject::MakeVariable("VERSION".into())
        }),
        ("gobuild.version_output.version == \"v1.2.3\"", |c| {
            c.value == Literal::Word("v1.2.3".into())
        }),
        ("gobuild.x_applied[\"main.version\"] == v1.2.3", |c| {
            c.subject == Subject::GoXApplied("main.version".into())
        }),
        ("gobuild.goos == darwin for host darwin/arm64", |c| {
            c.scenario.host.as_deref() == Some("darwin/arm64")
        }),
        ("image.base == \"for\"", |c| {
            c.value == Literal::Word("for".into())
        }),
        ("  runtime.starts   ==   true  ", |c| {
            c.value == Literal::Bool(true)
        }),
    ];
    for (text, expect) in cases {
        let check = ok(text);
        assert!(expect(&check), "`{text}` parsed as {check:?}");
        assert_eq!((check.line, check.column), (7, 5), "{text}");
        assert_eq!(check.text, *text);
    }
}

#[test]
fn mistakes_are_reported_at_their_column_with_a_stable_code() {
    // (check, code, column of the offending word, counted from 1)
    let cases: &[(&str, &str, usize)] = &[
        ("image.sise_bytes < 10 MB", "exercise/check-subject", 1),
        ("imgae.size_bytes < 10 MB", "exercise/check-subject", 1),
        ("cache.go_mod == cached", "exercise/check-subject", 1),
        (
            "workflow.jobs.release == success",
            "exercise/check-subject",
            1,
        ),
        ("image.size_bytes = 10", "exercise/check-syntax", 18),
        ("image.size_bytes is 10", "exercise/check-syntax", 18),
        ("image.size_bytes", "exercise/check-syntax", 17),
        ("image.size_bytes <", "exercise/check-syntax", 19),
        ("", "exercise/check-syntax", 1),
        ("image.", "exercise/check-syntax", 7),
        ("== true", "exercise/check-syntax", 1),
        (
            "cache[\"go mod download\" == cached",
            "exercise/check-syntax",
            6,
        ),
        (
            "cache[\"go mod download] == cached",
            "exercise/check-syntax",
            7,
        ),
        ("cache[] == cached", "exercise/check-syntax", 6),
        ("image.size_bytes < ten", "exercise/check-value", 20),
        ("image.size_bytes < \"10\"", "exercise/check-value", 20),
        ("image.size_bytes < 10 s", "exercise/check-value", 23),
        ("image.size_bytes < 10parsecs", "exercise/check-value", 22),
        ("cache.rebuild_seconds < 10 MB", "exercise/check-value", 28),
        ("make.exit_status == 0 s", "exercise/check-value", 23),
        ("runtime.starts == yes", "exercise/check-value", 19),
        (
            "cache[\"go mod download\"] == cahced",
            "exercise/check-value",
            29,
        ),
        (
            "workflow.jobs.release.status == skiped",
            "exercise/check-value",
            33,
        ),
        (
            "make.artifacts contains for goal build-all",
            "exercise/check-value",
            25,
        ),
        ("runtime.starts < true", "exercise/check-operator", 16),
        (
            "goreleaser.targets == linux_amd64_v1",
            "exercise/check-operator",
            20,
        ),
        (
            "image.size_bytes contains 10",
            "exercise/check-operator",
            18,
        ),
        ("image.base < scratch", "exercise/check-operator", 12),
        ("image.size_bytes count == 2", "exercise/check-operator", 18),
        (
            "make.artifacts count contains x",
            "exercise/check-operator",
            22,
        ),
        (
            "runtime.starts == true for goal build",
            "exercise/check-clause",
            24,
        ),
        (
            "make.exit_status == 0 after change main.go",
            "exercise/check-clause",
            23,
        ),
        (
            "workflow.triggered == true for push",
            "exercise/check-clause",
            36,
        ),
        (
            "workflow.triggered == true for everyone",
            "exercise/check-clause",
            32,
        ),
        (
            "workflow.jobs.release.status == skipped when test",
            "exercise/check-clause",
            50,
        ),
        (
            "workflow.jobs.release.status == skipped when fails",
            "exercise/check-clause",
            41,
        ),
        (
            "image.size_bytes < 10 MB please",
            "exercise/check-clause",
            26,
        ),
        (
            "cache[go] == cached after main.go",
            "exercise/check-clause",
            21,
        ),
        (
            "make.exit_status == 0 with lasers",
            "exercise/check-clause",
            28,
        ),
        (
            "gobuild.ok == true for host linux",
            "exercise/check-clause",
            34,
        ),
    ];
    for (text, code, column) in cases {
        match parse_check(text, 3, 1) {
            Ok(check) => panic!("`{text}` should be refused, parsed as {check:?}"),
            Err(d) => {
                assert_eq!(d.code, *code, "`{text}`: {}", d.message.en);
                assert_eq!(d.line, 3, "`{text}`");
                assert_eq!(d.column, Some(*column), "`{text}`: {}", d.message.en);
                assert!(
                    !d.message.ja.is_empty() && d.message.ja != d.message.en,
                    "`{text}`"
                );
            }
        }
    }
}

#[test]
fn a_check_longer_than_a_line_is_refused() {
    let text = format!("image.base == {}", "x".repeat(500));
    let d = parse_check(&text, 1, 1).expect_err("too long");
    assert_eq!(d.code, "exercise/check-syntax");
}

#[test]
fn unknown_subjects_suggest_the_ones_that_exist() {
    let d = parse_check("gobuild.version == v1", 1, 1).expect_err("unknown");
    assert!(
        d.message.en.contains("gobuild.version_output.<field>"),
        "{}",
        d.message.en
    );
    let d = parse_check("nothing.here == 1", 1, 1).expect_err("unknown");
    assert!(
        d.message.en.contains("image, cache, runtime"),
        "{}",
        d.message.en
    );
}

#[test]
fn golf_metrics_are_numbers() {
    let metric = parse_metric("cache.rebuild_seconds after change main.go", 4, 11).expect("metric");
    assert_eq!(metric.subject, Subject::CacheSeconds);
    assert_eq!(metric.scenario.changed, ["main.go"]);
    assert!(parse_metric("image.layers count", 1, 1).is_ok_and(|m| m.count));
    for not_a_number in ["runtime.starts", "image.base", "image.layers"] {
        let d = parse_metric(not_a_number, 4, 11).expect_err(not_a_number);
        assert_eq!(d.code, "exercise/golf-metric", "{not_a_number}");
        assert_eq!((d.line, d.column), (4, Some(11)));
    }
}

#[test]
fn every_documented_subject_parses_in_a_check() {
    // The README's subjects table and the language agree: each pattern, with its blanks filled
    // in, is a subject the parser accepts.
    for pattern in PATTERNS {
        let filled = pattern
            .replace("<text of a step>", "go build")
            .replace("<engine>", "make")
            .replace("<field>", "version")
            .replace("<package.name>", "main.version")
            .replace("<NAME>", "VERSION")
            .replace("<job>", "release")
            .replace("<scope>", "contents");
        // Any operator will do: only an unknown subject is a failure here.
        let parsed = parse_check(&format!("{filled} == x"), 1, 1);
        if let Err(d) = parsed {
            assert_ne!(
                d.code, "exercise/check-subject",
                "{pattern} → {filled}: {}",
                d.message.en
            );
        }
    }
}

#[test]
fn the_readme_documents_every_subject_and_file() {
    let readme = include_str!("../../content/exercises/README.md");
    for pattern in PATTERNS {
        assert!(
            readme.contains(&format!("`{pattern}`")),
            "README lacks `{pattern}`"
        );
    }
    for kind in deploy_sim::exercise::FileKind::ALL {
        assert!(
            readme.contains(&format!("`{}`", kind.key())),
            "README lacks `{}`",
            kind.key()
        );
    }
    for key in deploy_sim::exercise::load::KEYS {
        assert!(
            readme.contains(&format!("| `{key}` |")),
            "README lacks the key `{key}`"
        );
    }
}
