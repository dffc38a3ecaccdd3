//! Table-driven cases for the simulation behind the parser: stage graph, image sizes, the cache of
//! a second build, "will it run?", the guide's lint lessons and multi-platform builds. Each table
//! row cites the fact it encodes (domain-facts sections, BuildKit/Go sources).

use deploy_sim::dockerfile::cache::CacheStatus;
use deploy_sim::dockerfile::{analyze, Analysis, Options};

const GUIDE_PRODUCTION: &str = include_str!("data/dockerfiles/guide-production.Dockerfile");
const GUIDE_SCRATCH: &str = include_str!("data/dockerfiles/guide-scratch.Dockerfile");
const GUIDE_ANTIPATTERN1: &str = include_str!("data/dockerfiles/guide-antipattern1.Dockerfile");
const GUIDE_ANTIPATTERN2: &str = include_str!("data/dockerfiles/guide-antipattern2.Dockerfile");
const BUILDX_CROSS: &str = include_str!("data/dockerfiles/buildx-cross.Dockerfile");

/// The guide's anti-pattern 1, "NG" half only: the single-stage build shipped as is.
const SINGLE_STAGE: &str =
    "FROM golang:1.22\nWORKDIR /app\nCOPY . .\nRUN go build -o server .\nCMD [\"./server\"]\n";

fn options(changed: &[&str]) -> Options {
    Options {
        changed_files: changed.iter().map(|s| s.to_string()).collect(),
        ..Options::default()
    }
}

fn run(source: &str, options: &Options) -> Analysis {
    analyze(source, options)
}

// ---------------------------------------------------------------- stage graph

/// `index:name:base:built` for every stage.
fn stages(a: &Analysis) -> String {
    a.stages
        .iter()
        .map(|s| {
            format!(
                "{}:{}:{}:{}",
                s.index,
                s.name.clone().unwrap_or_else(|| "-".into()),
                s.base,
                if s.built { "built" } else { "skipped" }
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[track_caller]
fn check_graph(source: &str, target: Option<&str>, build_args: &[(&str, &str)], expected: &str) {
    let options = Options {
        target: target.map(str::to_string),
        build_args: build_args
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        ..Options::default()
    };
    assert_eq!(
        stages(&run(source, &options)),
        expected,
        "stages of {source:?}"
    );
}

#[test]
fn stage_graph_and_reachability() {
    // A.3: BuildKit builds only the stages the target reaches.
    check_graph(
        GUIDE_PRODUCTION,
        None,
        &[],
        "0:builder:golang:1.22-alpine:built 1:-:gcr.io/distroless/static-debian12:built",
    );
    check_graph(GUIDE_ANTIPATTERN1, None, &[], "0:-:golang:1.22:skipped 1:builder:golang:1.22-alpine:built 2:-:gcr.io/distroless/static-debian12:built");
    check_graph(
        GUIDE_PRODUCTION,
        Some("builder"),
        &[],
        "0:builder:golang:1.22-alpine:built 1:-:gcr.io/distroless/static-debian12:skipped",
    );
    // Stage names are case-insensitive; FROM <stage> makes a chain; COPY --from=<index>.
    check_graph(
        "FROM alpine:3.19 AS Base\nFROM base AS test\nRUN go test\nFROM alpine:3.19\nCOPY --from=0 /etc/os-release /\n",
        None,
        &[],
        "0:base:alpine:3.19:built 1:test:base:skipped 2:-:alpine:3.19:built",
    );
    check_graph(
        "FROM alpine:3.19 AS Base\nFROM base AS test\nRUN go test\nFROM alpine:3.19\n",
        Some("TEST"),
        &[],
        "0:base:alpine:3.19:built 1:test:base:built 2:-:alpine:3.19:skipped",
    );
    // RUN --mount=from= is an edge too.
    check_graph(
        "FROM alpine:3.19 AS assets\nFROM golang:1.22-alpine AS other\nFROM alpine:3.19\nRUN --mount=type=bind,from=assets,target=/a ls /a\n",
        None,
        &[],
        "0:assets:alpine:3.19:built 1:other:golang:1.22-alpine:skipped 2:-:alpine:3.19:built",
    );
    // Global ARGs expand in FROM, and --build-arg overrides the default.
    check_graph(
        "ARG GO=1.22\nFROM golang:${GO}-alpine\n",
        None,
        &[],
        "0:-:golang:1.22-alpine:built",
    );
    check_graph(
        "ARG GO=1.22\nFROM golang:${GO}-alpine\n",
        None,
        &[("GO", "1.23")],
        "0:-:golang:1.23-alpine:built",
    );
}

#[test]
fn unknown_target_and_bad_references_are_errors() {
    // A.3: `target stage "x" could not be found`; `invalid stage index N`.
    let a = run(
        GUIDE_PRODUCTION,
        &Options {
            target: Some("tests".into()),
            ..Options::default()
        },
    );
    assert!(a
        .diagnostics
        .iter()
        .any(|d| d.code == "DF010" && d.message.en.contains("\"tests\"")));
    let a = run(
        "FROM alpine:3.19\nCOPY --from=1 /a /b\nFROM alpine:3.19\n",
        &Options::default(),
    );
    assert!(a
        .diagnostics
        .iter()
        .any(|d| d.code == "DF008" && d.line == 2));
    let a = run(
        "FROM alpine:3.19\nCOPY --from=$X /a /b\n",
        &Options::default(),
    );
    assert!(a.diagnostics.iter().any(|d| d.code == "DF009"));
    let a = run("FROM golang:${MISSING}\n", &Options::default());
    assert!(a.diagnostics.iter().any(|d| d.code == "UndefinedArgInFrom"));
}

// ---------------------------------------------------------------- image and sizes

#[test]
fn image_layers_and_sizes_of_the_guide() {
    // Sizes from sim/data: distroless static 2,097,152 (B.1), zoneinfo and certs files, and the
    // measured -s -w linux/amd64 binary 4,923,544 (go1.22-binary-sizes.tsv).
    let a = run(GUIDE_PRODUCTION, &Options::default());
    let layers: Vec<(usize, &str)> = a
        .image
        .layers
        .iter()
        .map(|l| (l.line, l.keyword.as_str()))
        .collect();
    assert_eq!(
        layers,
        vec![(23, "FROM"), (26, "COPY"), (27, "COPY"), (33, "COPY")]
    );
    let binary = a
        .image
        .layers
        .iter()
        .find(|l| l.line == 33)
        .map(|l| l.size_bytes);
    assert_eq!(binary, Some(4_923_544));
    assert_eq!(
        a.image.size_bytes,
        2_097_152 + 1_500_000 + 220_000 + 4_923_544
    );
    let builder = a
        .image
        .stages
        .iter()
        .find(|s| s.name.as_deref() == Some("builder"))
        .map(|s| s.size_bytes);
    assert!(
        builder.is_some_and(|b| b > 200_000_000),
        "the builder stage is the big one: {builder:?}"
    );

    // scratch: no base layer at all (A.1), only what is copied in.
    let a = run(GUIDE_SCRATCH, &Options::default());
    assert_eq!(a.image.base, "scratch");
    assert_eq!(
        a.image.layers.first().map(|l| l.keyword.as_str()),
        Some("COPY")
    );
    assert_eq!(a.image.size_bytes, 220_000 + 4_923_544);

    // The single-stage anti-pattern ships the toolchain image: hundreds of MB.
    let a = run(SINGLE_STAGE, &Options::default());
    assert!(a.image.size_bytes > 800_000_000, "{}", a.image.size_bytes);
    // golang:1.22 (bookworm) has gcc: cgo on, so the dynamically linked size from the TSV header.
    assert!(a
        .image
        .layers
        .iter()
        .any(|l| l.line == 4 && l.size_bytes >= 7_283_279));
}

#[test]
fn workdir_makes_a_layer_unless_it_is_root() {
    // A.1: dispatchWorkdir adds a layer when the path is not "/".
    let a = run(
        "FROM alpine:3.19\nWORKDIR /\nWORKDIR /app\nENV A=1\nLABEL x=y\n",
        &Options::default(),
    );
    let kinds: Vec<&str> = a.image.layers.iter().map(|l| l.keyword.as_str()).collect();
    assert_eq!(kinds, vec!["FROM", "WORKDIR"]);
}

#[test]
fn unknown_images_and_commands_are_labelled_estimates() {
    let a = run("FROM nginx:1.25\nRUN make-something\n", &Options::default());
    assert!(a.image.layers.iter().all(|l| l.estimate));
    assert!(
        a.image.layers.iter().all(|l| l.size_bytes > 0),
        "no silent zero"
    );
}

// ---------------------------------------------------------------- cache

/// `line:C` or `line:R` for every step of the second build.
fn cache(a: &Analysis) -> String {
    a.cache
        .iter()
        .map(|c| {
            format!(
                "{}:{}",
                c.line,
                if c.status == CacheStatus::Cached {
                    "C"
                } else {
                    "R"
                }
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[track_caller]
fn check_cache(source: &str, options: &Options, expected: &str) {
    assert_eq!(
        cache(&run(source, options)),
        expected,
        "cache with {:?}",
        options.changed_files
    );
}

#[test]
fn second_build_cache_of_the_production_dockerfile() {
    // A.2: COPY keys on content; a miss re-runs everything after it in the stage; COPY --from
    // keys on the copied files' content, so certs/zoneinfo from the cached apk layer stay cached.
    check_cache(
        GUIDE_PRODUCTION,
        &options(&[]),
        "4:C 7:C 10:C 11:C 12:C 15:C 16:C 23:C 26:C 27:C 33:C",
    );
    check_cache(
        GUIDE_PRODUCTION,
        &options(&["main.go"]),
        "4:C 7:C 10:C 11:C 12:C 15:R 16:R 23:C 26:C 27:C 33:R",
    );
    check_cache(
        GUIDE_PRODUCTION,
        &options(&["go.sum"]),
        "4:C 7:C 10:C 11:R 12:R 15:R 16:R 23:C 26:C 27:C 33:R",
    );
    // README.md is in the context and `COPY . .` copies it, unless .dockerignore excludes it.
    check_cache(
        GUIDE_PRODUCTION,
        &options(&["README.md"]),
        "4:C 7:C 10:C 11:C 12:C 15:R 16:R 23:C 26:C 27:C 33:R",
    );
    let ignored = Options {
        dockerignore: Some("*.md\n.git\n".into()),
        ..options(&["README.md"])
    };
    check_cache(
        GUIDE_PRODUCTION,
        &ignored,
        "4:C 7:C 10:C 11:C 12:C 15:C 16:C 23:C 26:C 27:C 33:C",
    );
}

/// deps (modules) ← build (FROM deps, copies only cmd/) → runtime copying from build and certs.
const FROM_A_STAGE: &str = "FROM golang:1.22-alpine AS deps\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\n\nFROM deps AS build\nCOPY cmd/ ./cmd/\nRUN go build -o /out/app ./cmd/app\n\nFROM alpine:3.19 AS certs\nRUN apk add --no-cache ca-certificates\n\nFROM scratch\nCOPY --from=certs /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\nCOPY --from=build /out/app /app\nENTRYPOINT [\"/app\"]\n";

#[test]
fn a_stage_built_from_a_rebuilt_stage_misses() {
    // A.2 rule 2: a stage that starts `FROM deps` builds on deps' final state (dockerfile2llb
    // makes the parent's state the child's base), and its first step's destination input is
    // keyed normally (`fileOp.CacheMap`, solver/llbsolver/ops/file.go), so when go.sum changes
    // `COPY cmd/ ./cmd/` misses although cmd/ did not change.
    // The certs stage is independent and stays cached, and COPY --from=certs keys on content.
    // A FROM <stage> is not a step of its own (BuildKit prints no vertex for it).
    check_cache(
        FROM_A_STAGE,
        &options(&["go.sum"]),
        "1:C 2:C 3:R 4:R 7:R 8:R 10:C 11:C 14:C 15:R",
    );
    let a = run(FROM_A_STAGE, &options(&["go.sum"]));
    let copy = a
        .cache
        .iter()
        .find(|c| c.line == 7)
        .expect("step on line 7");
    assert!(copy.reason.en.contains("line 3"), "{:?}", copy.reason);
    // The contrast: a change only the child copies re-runs the child, not the parent.
    check_cache(
        FROM_A_STAGE,
        &options(&["cmd/app/main.go"]),
        "1:C 2:C 3:C 4:C 7:R 8:R 10:C 11:C 14:C 15:R",
    );
    // And a file nobody copies changes nothing.
    check_cache(
        FROM_A_STAGE,
        &options(&["README.md"]),
        "1:C 2:C 3:C 4:C 7:C 8:C 10:C 11:C 14:C 15:C",
    );
}

#[test]
fn anti_pattern_2_redownloads_on_every_edit() {
    // The NG half: COPY . . before the build, no separate go.mod step.
    let ng = "FROM golang:1.22-alpine AS builder\nCOPY . .\nRUN go mod download\nRUN go build -o server .\n";
    check_cache(ng, &options(&["main.go"]), "1:C 2:R 3:R 4:R");
    let a = run(ng, &options(&["main.go"]));
    let download = a.cache.iter().find(|c| c.line == 3).map(|c| c.seconds);
    assert_eq!(
        download,
        Some(40.0),
        "go mod download re-ran: +40 s (step-costs.tsv)"
    );
}

#[test]
fn arg_and_env_changes() {
    // A.2: a changed ARG misses at the first RUN after it (not at COPY); ENV X=constant after
    // ARG X hides the change again.
    let source = "FROM alpine:3.19\nCOPY go.mod /\nARG VERSION=dev\nCOPY main.go /\nRUN echo build\nRUN echo again\n";
    let changed = Options {
        build_args: vec![("VERSION".into(), "1.0".into())],
        ..Options::default()
    };
    check_cache(source, &changed, "1:C 2:C 4:C 5:R 6:R");
    let same = Options {
        build_args: vec![("VERSION".into(), "dev".into())],
        ..Options::default()
    };
    check_cache(source, &same, "1:C 2:C 4:C 5:C 6:C");
    let shielded = "FROM alpine:3.19\nARG VERSION=dev\nENV VERSION=fixed\nRUN echo build\n";
    check_cache(shielded, &changed, "1:C 4:C");
    let through_env =
        "FROM alpine:3.19\nARG VERSION=dev\nENV APP_VERSION=$VERSION\nRUN echo build\n";
    check_cache(through_env, &changed, "1:C 4:R");
}

#[test]
fn link_bind_mounts_and_cache_mounts() {
    // A.3 COPY --link: not invalidated by earlier layers.
    let link = "FROM alpine:3.19\nCOPY main.go /src/\nCOPY --link go.mod /src/\nRUN echo\n";
    check_cache(link, &options(&["main.go"]), "1:C 2:R 3:C 4:R");
    // COPY --exclude: excluded files do not take part in the cache key.
    let exclude = "FROM alpine:3.19\nCOPY --exclude=*.md . /src/\nRUN echo\n";
    check_cache(exclude, &options(&["README.md"]), "1:C 2:C 3:C");
    check_cache(exclude, &options(&["main.go"]), "1:C 2:R 3:R");
    // buildx-cross: go.sum is bind-mounted into `go mod download`; its cache mount survives.
    let a = run(BUILDX_CROSS, &options(&["go.sum"]));
    let download = a
        .cache
        .iter()
        .find(|c| c.line == 6)
        .expect("step on line 6");
    assert_eq!(download.status, CacheStatus::Rebuilt);
    assert!(download.reason.en.contains("go.sum") && download.reason.en.contains("cache mount"));
    let build = a
        .cache
        .iter()
        .find(|c| c.line == 11)
        .expect("step on line 11");
    assert!(
        build.seconds < 30.0,
        "an incremental build with a warm cache mount: {}",
        build.seconds
    );
}

// ---------------------------------------------------------------- will it run?

#[track_caller]
fn check_runtime(source: &str, starts: bool, codes: &[&str]) {
    let a = run(source, &Options::default());
    let got: Vec<&str> = a.runtime.problems.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(
        (a.runtime.starts, got),
        (starts, codes.to_vec()),
        "runtime of {source:?}"
    );
}

#[test]
fn will_it_run() {
    check_runtime(GUIDE_PRODUCTION, true, &[]);
    // scratch has neither zoneinfo nor a way to get it: non-fatal warning only.
    check_runtime(GUIDE_SCRATCH, true, &["RT003"]);
    // B.3: golang:1.22 (bookworm) has gcc → cgo on → dynamic binary dies on distroless/static.
    check_runtime(
        "FROM golang:1.22 AS b\nWORKDIR /src\nCOPY . .\nRUN go build -o /server ./cmd/server\nFROM gcr.io/distroless/static-debian12\nCOPY --from=b /server /server\nENTRYPOINT [\"/server\"]\n",
        false,
        &["RT001"],
    );
    // cgo_alpine_defaults_off: no gcc in golang:*-alpine, so the same build is static.
    check_runtime(
        "FROM golang:1.22-alpine AS b\nWORKDIR /src\nCOPY . .\nRUN go build -o /server ./cmd/server\nFROM gcr.io/distroless/static-debian12\nCOPY --from=b /server /server\nENTRYPOINT [\"/server\"]\n",
        true,
        &[],
    );
    // CGO_ENABLED=0 set explicitly wins over gcc being present.
    check_runtime(
        "FROM golang:1.22 AS b\nRUN CGO_ENABLED=0 go build -o /server .\nFROM scratch\nCOPY --from=b /server /server\nCOPY --from=b /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\nCOPY --from=b /usr/share/zoneinfo /usr/share/zoneinfo\nENTRYPOINT [\"/server\"]\n",
        true,
        &[],
    );
    // A cross build turns cgo off (D.3) but the architecture is wrong for the image.
    check_runtime(
        "FROM golang:1.22 AS b\nRUN GOARCH=arm64 go build -tags timetzdata -o /server .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=b /server /server\nENTRYPOINT [\"/server\"]\n",
        false,
        &["RT005"],
    );
    // Shell-form ENTRYPOINT on scratch (A.6): /bin/sh does not exist.
    check_runtime(
        "FROM golang:1.22-alpine AS b\nRUN go build -o /server .\nFROM scratch\nCOPY --from=b /server /server\nENTRYPOINT /server\n",
        false,
        &["RT004"],
    );
    // The ENTRYPOINT path nothing created.
    check_runtime(
        "FROM golang:1.22-alpine AS b\nRUN go build -o /app/server .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=b /app/server /app/server\nENTRYPOINT [\"/server\"]\n",
        false,
        &["RT007"],
    );
    // RT002: an HTTPS client on scratch without a CA bundle starts, then fails every TLS
    // handshake. Go reads roots from /etc/ssl/certs/ca-certificates.crt and the other paths in
    // crypto/x509 root_linux.go; none exists on scratch. The text is crypto/x509's
    // UnknownAuthorityError wrapped by crypto/tls (Go >= 1.20: "tls: failed to verify
    // certificate: %w", handshake_client.go).
    check_runtime(
        "FROM golang:1.22-alpine AS b\nRUN go build -tags timetzdata -o /server .\nFROM scratch\nCOPY --from=b /server /server\nENTRYPOINT [\"/server\"]\n",
        true,
        &["RT002"],
    );
    let no_certs = run(
        "FROM golang:1.22-alpine AS b\nRUN go build -tags timetzdata -o /server .\nFROM scratch\nCOPY --from=b /server /server\nENTRYPOINT [\"/server\"]\n",
        &Options::default(),
    );
    let rt002 = &no_certs.runtime.problems[0];
    assert_eq!(rt002.line, 3, "the FROM scratch line");
    assert!(!rt002.fatal);
    assert!(rt002
        .error
        .ends_with("x509: certificate signed by unknown authority"));
    assert!(rt002.fix.en.contains("ca-certificates.crt"));
    // The same image with the bundle copied in has no RT002 (the guide's scratch example).
    check_runtime(
        "FROM golang:1.22-alpine AS b\nRUN go build -tags timetzdata -o /server .\nFROM scratch\nCOPY --from=b /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\nCOPY --from=b /server /server\nENTRYPOINT [\"/server\"]\n",
        true,
        &[],
    );
    // A relative CMD resolves against WORKDIR (the single-stage anti-pattern runs fine).
    check_runtime(SINGLE_STAGE, true, &[]);
    // No command at all.
    check_runtime("FROM scratch\nCOPY main.go /\n", false, &["RT008"]);
    check_runtime("FROM alpine:3.19\n", false, &["RT010"]);
    // USER by name on scratch cannot be resolved; non-root below port 1024 is a warning.
    check_runtime(
        "FROM golang:1.22-alpine AS b\nRUN go build -tags timetzdata -o /server .\nFROM scratch\nCOPY --from=b /server /server\nCOPY --from=b /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\nUSER nobody\nENTRYPOINT [\"/server\"]\n",
        false,
        &["RT009"],
    );
    check_runtime(
        "FROM golang:1.22-alpine AS b\nRUN go build -o /server .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=b /server /server\nEXPOSE 80\nENTRYPOINT [\"/server\"]\n",
        true,
        &["RT006"],
    );
}

// ---------------------------------------------------------------- the guide's lint lessons

fn codes(a: &Analysis, prefix: &str) -> Vec<(usize, String)> {
    a.diagnostics
        .iter()
        .filter(|d| d.code.starts_with(prefix))
        .map(|d| (d.line, d.code.clone()))
        .collect()
}

#[track_caller]
fn check_lessons(source: &str, options: &Options, expected: &[(usize, &str)]) {
    let expected: Vec<(usize, String)> =
        expected.iter().map(|(l, c)| (*l, c.to_string())).collect();
    assert_eq!(
        codes(&run(source, options), "GDP"),
        expected,
        "lessons of {source:?}"
    );
}

#[test]
fn guide_lessons() {
    let with_ignore = Options {
        dockerignore: Some("bin/\n*.md\n".into()),
        ..Options::default()
    };
    check_lessons(GUIDE_PRODUCTION, &with_ignore, &[]);
    check_lessons(GUIDE_PRODUCTION, &Options::default(), &[(15, "GDP003")]);
    // Anti-pattern 1 (NG): single-stage toolchain image, no -s -w.
    check_lessons(
        SINGLE_STAGE,
        &with_ignore,
        &[(1, "GDP001"), (3, "GDP002"), (4, "GDP004")],
    );
    // Anti-pattern 2 as printed in the guide: the trailing "# comments" after COPY are arguments.
    check_lessons(
        GUIDE_ANTIPATTERN2,
        &with_ignore,
        &[
            (7, "GDP001"),
            (9, "GDP005"),
            (9, "GDP002"),
            (11, "GDP005"),
            (12, "GDP004"),
        ],
    );
    // git describe needs git in the image and .git in the context.
    let ignore_git = Options {
        dockerignore: Some(".git\n*.md\n".into()),
        ..Options::default()
    };
    check_lessons(GUIDE_PRODUCTION, &ignore_git, &[(16, "GDP007")]);
    let no_git = GUIDE_PRODUCTION.replace(
        "apk add --no-cache git ca-certificates",
        "apk add --no-cache ca-certificates",
    );
    check_lessons(&no_git, &with_ignore, &[(16, "GDP007")]);
    // RUN in a stage without a shell fails the build.
    check_lessons(
        "FROM scratch\nRUN echo hi\n",
        &with_ignore,
        &[(2, "GDP006")],
    );
}

// ---------------------------------------------------------------- multi-platform

#[test]
fn multi_platform_builds() {
    let platforms = Options {
        platforms: vec!["linux/amd64".into(), "linux/arm64".into()],
        ..Options::default()
    };
    // The guide hard-codes GOARCH=amd64: the arm64 image gets an amd64 binary (exec format error),
    // and its builder runs under QEMU.
    let a = run(GUIDE_PRODUCTION, &platforms);
    let mp = a.platforms.expect("platforms requested");
    assert_eq!(mp.manifest_list, vec!["linux/amd64", "linux/arm64"]);
    let arm = mp
        .builds
        .iter()
        .find(|b| b.platform == "linux/arm64")
        .expect("arm64 build");
    assert_eq!(arm.binary_platform.as_deref(), Some("linux/amd64"));
    assert!(!arm.binary_matches && !arm.starts);
    assert!(arm.stages.iter().all(|s| s.emulated));
    let amd = mp
        .builds
        .iter()
        .find(|b| b.platform == "linux/amd64")
        .expect("amd64 build");
    assert!(amd.binary_matches && amd.starts && amd.stages.iter().all(|s| !s.emulated));
    assert!(
        arm.run_seconds > amd.run_seconds * 2.0,
        "QEMU makes RUN steps several times slower"
    );

    // The canonical pattern: build on $BUILDPLATFORM, cross-compile with TARGETOS/TARGETARCH.
    let a = run(BUILDX_CROSS, &platforms);
    let mp = a.platforms.expect("platforms requested");
    let arm = mp
        .builds
        .iter()
        .find(|b| b.platform == "linux/arm64")
        .expect("arm64 build");
    assert_eq!(arm.binary_platform.as_deref(), Some("linux/arm64"));
    assert!(arm.binary_matches && arm.cross_compiled && arm.starts);
    assert!(
        !arm.stages.iter().any(|s| s.index == 0 && s.emulated),
        "the build stage runs natively"
    );
    assert!(arm
        .automatic_args
        .contains(&("TARGETARCH".to_string(), "arm64".to_string())));
    assert!(arm
        .automatic_args
        .contains(&("BUILDPLATFORM".to_string(), "linux/amd64".to_string())));

    // $BUILDPLATFORM without GOARCH=$TARGETARCH silently builds the build machine's arch.
    let forgot = BUILDX_CROSS.replace("GOOS=$TARGETOS GOARCH=$TARGETARCH ", "");
    let a = run(&forgot, &platforms);
    let arm = a
        .platforms
        .and_then(|mp| mp.builds.into_iter().find(|b| b.platform == "linux/arm64"))
        .expect("arm64");
    assert_eq!(arm.binary_platform.as_deref(), Some("linux/amd64"));
    assert!(!arm.starts);
}

/// Regression: the Japanese "will it run?" message mixed in an English reason
/// ("cgo が有効: CGO_ENABLED=1 is set").
#[test]
fn cgo_reason_is_bilingual_in_runtime_messages() {
    let source = "FROM golang:1.22 AS build\nRUN CGO_ENABLED=1 go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT [\"/app\"]\n";
    let analysis =
        deploy_sim::dockerfile::analyze(source, &deploy_sim::dockerfile::Options::default());
    let problem = analysis
        .runtime
        .problems
        .iter()
        .find(|p| p.code == "RT001")
        .expect("a cgo binary on scratch does not start");
    assert!(
        problem
            .message
            .ja
            .contains("CGO_ENABLED=1 が指定されています"),
        "{}",
        problem.message.ja
    );
    assert!(
        !problem.message.ja.contains("is set"),
        "{}",
        problem.message.ja
    );
    assert!(problem.message.en.contains("CGO_ENABLED=1 is set"));
}
