//! Hostile and random input for the release preview: whatever the five files and the options
//! hold, it must not panic, must serialise, and must finish in bounded time (a panic in WASM
//! kills the page; a hang freezes it).

use std::time::{Duration, Instant};

use deploy_sim::release::{preview, ProjectFile, ProjectFiles, ReleaseOptions};

mod support;
use support::Rng;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/release");

fn guide() -> ProjectFiles {
    let mut files = ProjectFiles::default();
    for dir in ["guide", "goreleaser-login"] {
        for file in ProjectFile::ALL {
            if let Ok(text) = std::fs::read_to_string(format!("{DATA}/{dir}/{}", file.path())) {
                files.set(file, Some(text));
            }
        }
    }
    files
}

fn check_bounded(name: &str, files: &ProjectFiles, options: &ReleaseOptions) {
    let started = Instant::now();
    let p = preview(files, options);
    assert!(serde_json::to_string(&p).is_ok(), "{name}");
    assert!(
        p.findings.len() <= deploy_sim::release::MAX_FINDINGS + 1,
        "{name}"
    );
    let elapsed = started.elapsed();
    eprintln!("{name}: {elapsed:?}");
    assert!(elapsed < Duration::from_secs(20), "{name} took {elapsed:?}");
}

/// Characters that matter to one of the five parsers.
const NOISE: &[&str] = &[
    "\t",
    "\n",
    " ",
    "-",
    ":",
    "{{",
    "}}",
    "${{",
    "$(",
    ")",
    "${",
    "}",
    "[",
    "]",
    "\"",
    "'",
    "\\",
    "*",
    "**",
    "!",
    "#",
    "=",
    "-X ",
    "main.",
    "COPY ",
    "FROM scratch\n",
    "ARG ",
    "go build ",
    "CGO_ENABLED=1 ",
    "uses: ",
    "needs: ",
    "fetch-depth: ",
    "ldflags:",
    "dockers:",
    "\u{feff}",
    "é",
    "日本",
    "\u{0}",
    "&&",
    "|",
    ";",
];

fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    for _ in 0..1 + rng.below(6) {
        if lines.is_empty() {
            lines.push(String::new());
        }
        let at = rng.below(lines.len());
        match rng.below(5) {
            0 => {
                lines.remove(at);
            }
            1 => {
                let copy = lines[at].clone();
                lines.insert(at, copy);
            }
            2 => {
                let noise = NOISE[rng.below(NOISE.len())];
                let line = &mut lines[at];
                let cut = line
                    .char_indices()
                    .map(|(i, _)| i)
                    .nth(rng.below(line.chars().count() + 1))
                    .unwrap_or(line.len());
                line.insert_str(cut, noise);
            }
            3 => {
                let other = rng.below(lines.len());
                lines.swap(at, other);
            }
            _ => lines[at] = NOISE[rng.below(NOISE.len())].repeat(1 + rng.below(50)),
        }
    }
    lines.join("\n")
}

#[test]
fn random_projects_never_panic() {
    let base = guide();
    let tags = [
        "v1.2.3",
        "",
        "v",
        "1.2.3",
        "v1.2.3-rc.1",
        "refs/heads/main",
        "../..",
        "日本",
        "v1.2.3\n",
        "${{ github.token }}",
        "{{ .Env.X }}",
    ];
    let seed = 0x5eed_1234_u64;
    let mut rng = Rng(seed);
    for round in 0..150 {
        let mut files = ProjectFiles::default();
        for file in ProjectFile::ALL {
            let text = base.get(file).unwrap_or("");
            let chosen = match rng.below(5) {
                0 => None,
                1 => Some(text.to_string()),
                2 | 3 => Some(mutate(&mut rng, text)),
                _ => {
                    // A file of another kind, mutated: YAML as a Makefile, Go as YAML...
                    let other = ProjectFile::ALL[rng.below(5)];
                    Some(mutate(&mut rng, base.get(other).unwrap_or("")))
                }
            };
            files.set(file, chosen);
        }
        let options = ReleaseOptions {
            tag: tags[rng.below(tags.len())].to_string(),
            previous_tag: [None, Some("v1.2.2".to_string()), Some(String::new())][rng.below(3)]
                .clone(),
            failing: ["test", "release", "docker", "nope"]
                .iter()
                .filter(|_| rng.below(3) == 0)
                .map(|s| s.to_string())
                .collect(),
            full_history: [None, Some(true), Some(false)][rng.below(3)],
            date: ["2026-01-15T09:30:00Z", "not a date", ""][rng.below(3)].to_string(),
            ..ReleaseOptions::default()
        };
        let started = Instant::now();
        let p = preview(&files, &options);
        assert!(
            serde_json::to_string(&p).is_ok(),
            "seed {seed:#x} round {round}"
        );
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "seed {seed:#x} round {round} took {:?}",
            started.elapsed()
        );
    }
}

#[test]
fn pathological_projects_finish() {
    let base = guide();

    // 2,000 jobs, each pushing 100 tags for 100 platforms.
    let mut workflow = String::from("on:\n  push:\n    tags: ['v*']\njobs:\n");
    let platforms: Vec<String> = (0..100).map(|i| format!("linux/arch{i}")).collect();
    let tags: Vec<String> = (0..100).map(|i| format!("ghcr.io/a/b:t{i}")).collect();
    for i in 0..2_000 {
        workflow.push_str(&format!(
            "  j{i}:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v5\n        with:\n          push: true\n          platforms: {}\n          tags: {}\n",
            platforms.join(","),
            tags.join(",")
        ));
    }
    let mut files = base.clone();
    files.workflow = Some(workflow);
    check_bounded(
        "2,000 build-push jobs × 100 tags × 100 platforms",
        &files,
        &ReleaseOptions::default(),
    );

    // 5,000 GoReleaser docker images with the project's Dockerfile, each a registry of its own.
    let mut goreleaser = String::from("version: 2\nproject_name: x\nbuilds:\n  - goos: [linux]\n    goarch: [amd64, arm64]\ndockers:\n");
    for i in 0..5_000 {
        goreleaser.push_str(&format!(
            "  - image_templates: ['r{i}.example.com/x:{{{{ .Version }}}}']\n    goarch: {}\n",
            if i % 2 == 0 { "amd64" } else { "arm64" }
        ));
    }
    goreleaser.push_str("docker_manifests:\n");
    for i in 0..2_000 {
        goreleaser.push_str(&format!(
            "  - name_template: 'm{i}.example.com/x:{{{{ .Version }}}}'\n    image_templates: ['r{i}.example.com/x:{{{{ .Version }}}}']\n"
        ));
    }
    let mut files = base.clone();
    files.goreleaser = Some(goreleaser);
    files.dockerfile = Some(format!(
        "FROM scratch\n{}ENTRYPOINT [\"/x\"]\n",
        "COPY x missing/a missing/b /\n".repeat(2_000)
    ));
    check_bounded(
        "5,000 dockers, 2,000 manifests, 2,000 COPYs",
        &files,
        &ReleaseOptions::default(),
    );

    // A 400 KB main.go with thousands of vars, and ldflags with thousands of -X.
    let mut main_go = String::from("package main\n\nimport \"net/http\"\n\nvar (\n");
    for i in 0..20_000 {
        main_go.push_str(&format!("\tv{i} = \"x\"\n"));
    }
    main_go.push_str(")\n");
    let xs: Vec<String> = (0..3_000).map(|i| format!("-X main.w{i}=y")).collect();
    let mut files = base.clone();
    files.main_go = Some(main_go);
    files.goreleaser = files.goreleaser.map(|g| {
        g.replace(
            "      - -s -w\n",
            &format!("      - -s -w {}\n", xs.join(" ")),
        )
    });
    check_bounded("20,000 vars, 3,000 -X", &files, &ReleaseOptions::default());

    // A tag of 100,000 characters.
    check_bounded(
        "100 KB tag",
        &base,
        &ReleaseOptions {
            tag: format!("v{}", "1.".repeat(50_000)),
            ..ReleaseOptions::default()
        },
    );
}
