//! The GoReleaser engine against GoReleaser's own behaviour. Every case cites the file of
//! goreleaser/goreleaser (main at cd616d2c, ≈ v2.18) it was taken from. Tables of data; one
//! `check_*` helper per kind of expectation.

use deploy_sim::goreleaser::template::{self, Value};
use deploy_sim::goreleaser::{
    analyze, release_fields, Analysis, ArtifactKind, CellStatus, Options, ReleaseContext,
};

fn run(yaml: &str) -> Analysis {
    analyze(yaml, &Options::default())
}

fn with_version(body: &str) -> String {
    format!("version: 2\nproject_name: myapp\n{body}")
}

/// `check_targets(builds yaml, expected target names of the first build)`.
fn check_targets(body: &str, expected: &[&str]) {
    let analysis = run(&with_version(body));
    let errors: Vec<_> = analysis
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .collect();
    assert!(errors.is_empty(), "{body}\nunexpected errors: {errors:#?}");
    assert_eq!(analysis.builds[0].targets, expected, "{body}");
}

#[test]
fn build_matrix() {
    let cases: &[(&str, &[&str])] = &[
        // internal/builders/golang/build.go WithDefaults + targets.go allBuildTargets: goos ×
        // goarch in list order; darwin/386 is not in validTargets, so it is skipped silently.
        (
            "",
            &[
                "linux_amd64_v1", "linux_arm64_v8.0", "linux_386_sse2", "darwin_amd64_v1",
                "darwin_arm64_v8.0", "windows_amd64_v1", "windows_arm64_v8.0", "windows_386_sse2",
            ],
        ),
        ("builds: [{}]", &[
            "linux_amd64_v1", "linux_arm64_v8.0", "linux_386_sse2", "darwin_amd64_v1",
            "darwin_arm64_v8.0", "windows_amd64_v1", "windows_arm64_v8.0", "windows_386_sse2",
        ]),
        // GOARM defaults to 6 (experimental.DefaultGOARM); darwin/arm and windows/arm are not
        // valid targets (windows/arm removed in v2.15, targets.go brokenTargets comment).
        ("builds:\n  - goos: [linux, darwin, windows]\n    goarch: [arm]\n", &["linux_arm_6"]),
        ("builds:\n  - goos: [linux]\n    goarch: [arm]\n    goarm: [\"6\", \"7\"]\n", &["linux_arm_6", "linux_arm_7"]),
        // YAML ints are fine for goarm (decoded into strings).
        ("builds:\n  - goos: [linux]\n    goarch: [arm]\n    goarm: [7]\n", &["linux_arm_7"]),
        // The float ABI is part of the target name (formatTarget uses fullGoarm).
        ("builds:\n  - goos: [linux]\n    goarch: [arm]\n    goarm: [\"7,softfloat\"]\n", &["linux_arm_7,softfloat"]),
        ("builds:\n  - goos: [linux]\n    goarch: [amd64]\n    goamd64: [v1, v3]\n", &["linux_amd64_v1", "linux_amd64_v3"]),
        ("builds:\n  - goos: [linux]\n    goarch: [\"386\"]\n    go386: [softfloat]\n", &["linux_386_softfloat"]),
        // Unquoted 386 is a YAML int; GoReleaser decodes it into a string all the same.
        ("builds:\n  - goos: [linux]\n    goarch: [386]\n", &["linux_386_sse2"]),
        ("builds:\n  - goos: [linux]\n    goarch: [mips, riscv64, ppc64le, s390x]\n", &[
            "linux_mips_hardfloat", "linux_riscv64_rva20u64", "linux_ppc64le_power8", "linux_s390x",
        ]),
        ("builds:\n  - goos: [js, wasip1]\n    goarch: [wasm]\n", &["js_wasm", "wasip1_wasm"]),
        ("builds:\n  - goos: [linux]\n    goarch: [arm64]\n    goarm64: [\"v9.0,lse\"]\n", &["linux_arm64_v9.0,lse"]),
        // targets.go ignored(): every non-empty field must match.
        (
            "builds:\n  - goos: [linux, windows]\n    goarch: [amd64, arm64]\n    ignore:\n      - goos: windows\n        goarch: arm64\n",
            &["linux_amd64_v1", "linux_arm64_v8.0", "windows_amd64_v1"],
        ),
        ("builds:\n  - goos: [linux, windows]\n    goarch: [amd64, arm64]\n    ignore:\n      - goos: windows\n", &["linux_amd64_v1", "linux_arm64_v8.0"]),
        // build.go WithDefaults: explicit targets are fixed (fixTarget), de-duplicated and sorted.
        ("builds:\n  - targets: [windows_amd64, linux_arm64, linux_amd64_v3, linux_arm64]\n", &["linux_amd64_v3", "linux_arm64_v8.0", "windows_amd64_v1"]),
        ("builds:\n  - targets: [go_first_class]\n", &[
            "darwin_amd64_v1", "darwin_arm64_v8.0", "linux_386_sse2", "linux_amd64_v1", "linux_arm64_v8.0",
            "linux_arm_6", "windows_386_sse2", "windows_amd64_v1",
        ]),
        // openbsd/riscv64 is experimental: built, with a warning.
        ("builds:\n  - goos: [openbsd]\n    goarch: [riscv64]\n", &["openbsd_riscv64_rva20u64"]),
    ];
    for (body, expected) in cases {
        check_targets(body, expected);
    }
}

#[test]
fn matrix_cells_say_why_a_target_is_missing() {
    let analysis = run(&with_version(
        "builds:\n  - goos: [darwin]\n    goarch: [amd64, \"386\"]\n    ignore:\n      - goarch: amd64\n",
    ));
    let cells: Vec<(&str, &CellStatus)> = analysis.builds[0]
        .matrix
        .iter()
        .map(|c| (c.target.name.as_str(), &c.status))
        .collect();
    assert_eq!(
        cells,
        [
            ("darwin_amd64_v1", &CellStatus::Ignored { index: 0 }),
            ("darwin_386_sse2", &CellStatus::Unsupported)
        ]
    );
}

/// `check_diagnostic(yaml, code, line, column, message fragment)`: a diagnostic with that code
/// exists at that place and its English message contains the fragment.
fn check_diagnostic(yaml: &str, code: &str, line: usize, column: usize, fragment: &str) {
    let analysis = run(yaml);
    let found = analysis.diagnostics.iter().find(|d| d.code == code);
    let Some(d) = found else {
        panic!(
            "no {code} diagnostic for:\n{yaml}\ngot: {:#?}",
            analysis.diagnostics
        );
    };
    assert_eq!(
        (d.line, d.column),
        (line, Some(column)),
        "{code} position in:\n{yaml}\n{}",
        d.message.en
    );
    assert!(
        d.message.en.contains(fragment),
        "{:?} does not contain {fragment:?}",
        d.message.en
    );
    assert!(!d.message.ja.is_empty() && d.message.ja != d.message.en);
}

#[test]
fn check_diagnostics() {
    let cases: &[(&str, &str, usize, usize, &str)] = &[
        // pkg/config/load.go: a missing version is a warning naming version 0.
        ("project_name: x\n", "version", 1, 1, "only version: 2 configuration files are supported, yours is version: 0"),
        ("version: 1\n", "version", 1, 1, "yours is version: 1"),
        // internal/builders/golang/targets.go listTargets.
        ("version: 2\nbuilds:\n  - goos: [linux, foo]\n", "invalid-target", 3, 19, "invalid goos: foo"),
        ("version: 2\nbuilds:\n  - goarch:\n      - amd64\n      - x86\n", "invalid-target", 5, 9, "invalid goarch: x86"),
        ("version: 2\nbuilds:\n  - goarch: [arm]\n    goarm: [\"8\"]\n", "invalid-target", 4, 13, "invalid goarm: 8"),
        ("version: 2\nbuilds:\n  - goarch: [arm]\n    goarm: [\"5,hardfloat\"]\n", "invalid-target", 4, 13, "invalid goarm: 5,hardfloat"),
        ("version: 2\nbuilds:\n  - goamd64: [v5]\n", "invalid-target", 3, 15, "invalid goamd64: v5"),
        ("version: 2\nbuilds:\n  - goarm64: [v8]\n", "invalid-target", 3, 15, "invalid goarm64: v8"),
        // targets.go checkGoarmConflict.
        ("version: 2\nbuilds:\n  - goos: [linux]\n    goarch: [arm]\n    goarm: [\"7\", \"7,softfloat\"]\n", "invalid-target", 5, 5, "goarm 7 has conflicting ABIs"),
        // internal/ids/ids.go Validate.
        ("version: 2\nbuilds:\n  - id: app\n  - id: app\n", "duplicate-id", 3, 5, "found 2 builds with the ID 'app', please fix your config"),
        // Strict decode (internal/yaml/yaml.go KnownFields(true)): yaml.v3's message and type name.
        ("version: 2\nbuilds:\n  - goarc: [amd64]\n", "unknown-key", 3, 5, "line 3: field goarc not found in type config.Build"),
        ("version: 2\narchives:\n  - format_overrides:\n      - os: windows\n", "unknown-key", 4, 9, "field os not found in type config.FormatOverride"),
        ("version: 2\nchangelogs: {}\n", "unknown-key", 2, 1, "field changelogs not found in type config.Project"),
        ("version: 2\nbuilds:\n  - goos: linux\n", "yaml-type", 3, 5, "cannot unmarshal !!str `linux` into []string"),
        // load.go: strict failure with version != 2 turns the version message into the error.
        ("builds:\n  - goarc: [amd64]\n", "version", 1, 1, "only version: 2"),
        // internal/deprecate/deprecate.go + the pipes that call Notice.
        ("version: 2\narchives:\n  - format: zip\n", "deprecated", 3, 5, "DEPRECATED: archives.format should not be used anymore, check https://goreleaser.com/deprecations#archivesformat for more info"),
        ("version: 2\narchives:\n  - format_overrides:\n      - goos: windows\n        format: zip\n", "deprecated", 5, 9, "archives.format_overrides.format should not"),
        ("version: 2\narchives:\n  - builds: [a]\n", "deprecated", 3, 5, "deprecations#archivesbuilds"),
        ("version: 2\nsnapshot:\n  name_template: x\n", "deprecated", 3, 3, "DEPRECATED: snapshot.name_template"),
        ("version: 2\nbuilds:\n  - gobinary: go1.22\n", "deprecated", 3, 5, "builds.gobinary"),
        // internal/pipe/docker/docker.go: legacy dockers print a phase-out warning.
        ("version: 2\ndockers:\n  - image_templates: [\"x/y:{{ .Version }}\"]\n", "dockers-phased-out", 2, 1, "replaced by dockers_v2"),
        // An ignore entry that only matches an unsupported pair (darwin/386 is never built).
        ("version: 2\nbuilds:\n  - ignore:\n      - goos: darwin\n        goarch: \"386\"\n", "ignore-unused", 4, 9, "ignore[0] matches no target"),
        // internal/tmpl/tmpl.go (missingkey=error) + errors.go (prefix stripped).
        ("version: 2\nbuilds:\n  - binary: \"{{ .Foo }}\"\n", "template", 3, 5, "template: failed to apply \"{{ .Foo }}\": map has no entry for key \"Foo\""),
        ("version: 2\narchives:\n  - name_template: \"{{ lower .Os }}\"\n", "template", 3, 5, "function \"lower\" not defined"),
        ("version: 2\nbuilds:\n  - ldflags: [\"-X main.v={{ .Env.NOPE }}\"]\n", "template", 3, 15, "map has no entry for key \"NOPE\""),
        // internal/pipe/changelog/changelog.go: checkSortDirection.
        ("version: 2\nchangelog:\n  sort: up\n", "changelog-sort", 3, 3, "invalid sort direction"),
        ("version: 2\nchangelog:\n  filters:\n    exclude: [\"(\"]\n", "changelog-regexp", 4, 15, "error parsing regexp"),
        // archive.go: two targets rendering to the same name.
        ("version: 2\narchives:\n  - name_template: \"{{ .ProjectName }}_{{ .Os }}\"\n", "archive-exists", 3, 5, "already exists. Check your archive name template"),
        // YAML syntax errors keep their libyaml position.
        ("version: 2\nbuilds:\n  - goos: [linux\n", "yaml-syntax", 4, 1, "yaml: "),
        // build.go warnIfTargetsAndOtherOptionTogether: one warning per key.
        ("version: 2\nbuilds:\n  - targets: [linux_amd64]\n    goos: [linux]\n", "targets-override", 4, 5, "builds.goos is ignored when builds.targets is set"),
        // artifact.go: unknown checksum algorithm.
        ("version: 2\nchecksum:\n  algorithm: sha1ssss\n", "checksum-algorithm", 3, 3, "invalid algorithm: sha1ssss"),
        // Valid GoReleaser sections the playground does not simulate are not errors.
        ("version: 2\nnfpms:\n  - formats: [deb]\n", "not-simulated", 2, 1, "does not simulate"),
    ];
    for (yaml, code, line, column, fragment) in cases {
        check_diagnostic(yaml, code, *line, *column, fragment);
    }
}

/// Found by the `release` fuzz target: a `.goreleaser.yaml` that is a single scalar (here a
/// Dockerfile pasted into the wrong editor) got its `cannot unmarshal` error at line 0, column 0,
/// with the whole pasted text in the message. yaml.v3's `terror` (decode.go) reports the node's
/// line and cuts a value longer than 10 bytes to 7 and `...`.
#[test]
fn non_mapping_document_type_error_is_placed_and_cut_like_yaml_v3() {
    let cases: &[(&str, usize, usize, &str)] = &[
        (
            "FROM gcr.io/distroless/static-debian12
COPY bin/server /server
",
            1,
            1,
            "line 1: cannot unmarshal !!str `FROM gc...` into config.Project",
        ),
        (
            "# a comment

  short
",
            3,
            3,
            "line 3: cannot unmarshal !!str `short` into config.Project",
        ),
        (
            "--- just text
",
            1,
            5,
            "line 1: cannot unmarshal !!str `just text` into config.Project",
        ),
        (
            "日本語の説明文です
",
            1,
            1,
            "cannot unmarshal !!str `日本...` into config.Project",
        ),
        (
            "- a
- b
",
            1,
            1,
            "line 1: cannot unmarshal !!seq into config.Project",
        ),
    ];
    for (yaml, line, column, fragment) in cases {
        check_diagnostic(yaml, "yaml-type", *line, *column, fragment);
    }
}

#[test]
fn check_outcome_mirrors_goreleaser_check() {
    // cmd/check.go: 0 valid, 1 invalid, 2 deprecated-only.
    let cases: &[(&str, u8)] = &[
        ("version: 2\n", 0),
        ("", 0),
        ("version: 2\narchives:\n  - format: zip\n", 2),
        ("version: 2\nbuilds:\n  - goos: [foo]\n", 1),
        // Templates are applied by `release`, not by `check` (check only runs the defaulters).
        ("version: 2\nbuilds:\n  - binary: \"{{ .Nope }}\"\n", 0),
    ];
    for (yaml, code) in cases {
        assert_eq!(run(yaml).check.exit_code, *code, "{yaml}");
    }
    let release = run("version: 2\nbuilds:\n  - binary: \"{{ .Nope }}\"\n")
        .check
        .release_error;
    assert!(release.is_some_and(|e| e.contains("map has no entry for key \"Nope\"")));
}

/// `check_template(template, expected)` with the default release context and linux/arm 7.
fn check_template(source: &str, expected: &str) {
    let ctx = ReleaseContext {
        env: vec![("REGISTRY".to_string(), "ghcr.io/acme".to_string())],
        ..ReleaseContext::default()
    };
    let mut fields = release_fields("myapp", "1.2.3", &ctx);
    for (k, v) in [
        ("Os", "linux"),
        ("Arch", "arm"),
        ("Arm", "7"),
        ("Amd64", ""),
        ("Mips", ""),
    ] {
        fields.insert(k.to_string(), Value::Str(v.to_string()));
    }
    assert_eq!(
        template::apply(source, &fields).as_deref(),
        Ok(expected),
        "{source}"
    );
}

#[test]
fn templates() {
    let cases: &[(&str, &str)] = &[
        ("{{ .ProjectName }}_{{ .Version }}", "myapp_1.2.3"),
        ("{{.Tag}} {{.RawVersion}} {{.Major}}.{{.Minor}}.{{.Patch}}", "v1.2.3 1.2.3 1.2.3"),
        ("{{ .ShortCommit }}", "3f2a9c1"),
        ("{{ .FullCommit }}", "3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39"),
        ("{{ .Commit }}", "3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39"),
        ("{{ .Date }} {{ .Timestamp }}", "2026-01-15T09:30:00Z 1768469400"),
        ("{{ .IsSnapshot }} {{ .PreviousTag }}", "false v1.2.2"),
        ("{{ .Env.REGISTRY }}/myapp", "ghcr.io/acme/myapp"),
        ("{{ title .Os }}_{{ toupper .Arch }}", "Linux_ARM"),
        ("{{ .Os | title }}", "Linux"),
        ("{{ tolower \"MiXeD\" }}", "mixed"),
        ("{{ replace .Version \".\" \"-\" }}", "1-2-3"),
        // Pipes pass the value as the last argument: ReplaceAll("1", "x", .Version) leaves "1".
        ("{{ .Version | replace \"1\" \"x\" }}", "1"),
        ("{{ trimprefix .Tag \"v\" }}|{{ trimsuffix \"a.tar.gz\" \".gz\" }}", "1.2.3|a.tar"),
        ("{{ if eq .Arch \"amd64\" }}x86_64{{ else if eq .Arch \"386\" }}i386{{ else }}{{ .Arch }}{{ end }}", "arm"),
        ("{{ with .Arm }}v{{ . }}{{ end }}{{ with .Mips }}_{{ . }}{{ end }}", "v7"),
        ("{{ if not (eq .Amd64 \"v1\") }}{{ .Amd64 }}{{ end }}", ""),
        ("{{ if and .IsGitClean (ne .Os \"windows\") }}ok{{ end }}", "ok"),
        ("{{ or .Mips \"none\" }}", "none"),
        ("{{ if .IsSnapshot }}snap{{ else }}rel{{ end }}", "rel"),
        ("a  {{- .Os -}}  b", "alinuxb"),
        ("{{ time \"2006-01-02\" }}", "2026-01-15"),
        // .Now is a time.Time (tmpl.go); its Format method is common in configs.
        ("{{ .Now.Format \"2006\" }}-{{ .Now.Format \"Jan 02 15:04:05\" }}", "2026-Jan 15 09:30:00"),
        ("{{ incminor .Tag }} {{ incpatch .Version }}", "v1.3.0 1.2.4"),
        // Saturates instead of overflowing (a panic in WASM would kill the page).
        ("{{ incmajor \"18446744073709551615.0.0\" }}", "18446744073709551615.0.0"),
        ("{{ envOrDefault \"NOPE\" \"fallback\" }} {{ isEnvSet \"REGISTRY\" }}", "fallback true"),
        ("{{/* a comment */}}x", "x"),
        ("{{ \"}}\" }}", "}}"),
    ];
    for (source, expected) in cases {
        check_template(source, expected);
    }
}

#[test]
fn template_errors() {
    let fields = release_fields("myapp", "1.2.3", &ReleaseContext::default());
    let cases: &[(&str, &str, bool)] = &[
        (
            "{{ .Nope }}",
            "template: failed to apply \"{{ .Nope }}\": map has no entry for key \"Nope\"",
            false,
        ),
        ("{{ nope .Os }}", "function \"nope\" not defined", false),
        ("{{ if .IsSnapshot }}x", "unexpected EOF", false),
        ("{{ .Version", "unclosed action", false),
        (
            "{{ .Version.Major }}",
            "can't evaluate field Major in type string",
            false,
        ),
        ("{{ range .Env }}{{ end }}", "not simulated", true),
        ("{{ sha256 .Version }}", "not simulated", true),
    ];
    for (source, fragment, unsupported) in cases {
        let err = template::apply(source, &fields).expect_err(source);
        assert!(err.message.contains(fragment), "{source}: {}", err.message);
        assert_eq!(err.unsupported, *unsupported, "{source}");
    }
}

/// `check_archives(archives yaml (with builds), expected archive names)`.
fn check_archives(body: &str, expected: &[&str]) {
    let analysis = run(&with_version(body));
    let names: Vec<&str> = analysis
        .artifacts
        .iter()
        .filter(|a| a.kind == ArtifactKind::Archive)
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(names, expected, "{body}\n{:#?}", analysis.diagnostics);
}

#[test]
fn archives() {
    let linux = "builds:\n  - goos: [linux]\n    goarch: [amd64, arm, \"386\"]\n";
    let cases: &[(String, &[&str])] = &[
        // internal/pipe/archive/archive.go defaultNameTemplate: armv6, no suffix for amd64 v1.
        (linux.to_string(), &["myapp_1.2.3_linux_amd64.tar.gz", "myapp_1.2.3_linux_armv6.tar.gz", "myapp_1.2.3_linux_386.tar.gz"]),
        ("builds:\n  - goos: [linux]\n    goarch: [amd64]\n    goamd64: [v3]\n".to_string(), &["myapp_1.2.3_linux_amd64v3.tar.gz"]),
        // Windows also gets tar.gz unless overridden.
        ("builds:\n  - goos: [windows]\n    goarch: [amd64]\n".to_string(), &["myapp_1.2.3_windows_amd64.tar.gz"]),
        (
            "builds:\n  - goos: [linux, windows]\n    goarch: [amd64]\narchives:\n  - formats: [tar.gz]\n    format_overrides:\n      - goos: windows\n        formats: [zip]\n".to_string(),
            &["myapp_1.2.3_linux_amd64.tar.gz", "myapp_1.2.3_windows_amd64.zip"],
        ),
        // Several formats: one archive each. `formats` also accepts a single string.
        ("builds:\n  - goos: [linux]\n    goarch: [amd64]\narchives:\n  - formats: [tar.gz, zip]\n".to_string(), &["myapp_1.2.3_linux_amd64.tar.gz", "myapp_1.2.3_linux_amd64.zip"]),
        ("builds:\n  - goos: [linux]\n    goarch: [amd64]\narchives:\n  - formats: tar.xz\n".to_string(), &["myapp_1.2.3_linux_amd64.tar.xz"]),
        // defaultBinaryNameTemplate for `binary`; the .exe comes along on windows.
        ("builds:\n  - goos: [windows]\n    goarch: [amd64]\n    binary: cli\narchives:\n  - formats: [binary]\n".to_string(), &["cli_1.2.3_windows_amd64.exe"]),
        // The `goreleaser init` uname-style template (internal/static/config.yaml).
        (
            format!("{linux}archives:\n  - name_template: >-\n      {{{{ .ProjectName }}}}_\n      {{{{- title .Os }}}}_\n      {{{{- if eq .Arch \"amd64\" }}}}x86_64\n      {{{{- else if eq .Arch \"386\" }}}}i386\n      {{{{- else }}}}{{{{ .Arch }}}}{{{{ end }}}}\n      {{{{- if .Arm }}}}v{{{{ .Arm }}}}{{{{ end }}}}\n"),
            &["myapp_Linux_x86_64.tar.gz", "myapp_Linux_armv6.tar.gz", "myapp_Linux_i386.tar.gz"],
        ),
        // Archives of two builds are merged per platform.
        ("builds:\n  - id: a\n    goos: [linux]\n    goarch: [amd64]\n  - id: b\n    goos: [linux]\n    goarch: [amd64]\n".to_string(), &["myapp_1.2.3_linux_amd64.tar.gz"]),
        ("builds:\n  - id: a\n    goos: [linux]\n    goarch: [amd64]\n  - id: b\n    goos: [darwin]\n    goarch: [arm64]\narchives:\n  - ids: [b]\n".to_string(), &["myapp_1.2.3_darwin_arm64.tar.gz"]),
    ];
    for (body, expected) in cases {
        check_archives(body, expected);
    }
}

/// `check_contents(archives yaml, expected paths inside the first archive)`, over the engine's
/// default checkout (README.md, LICENSE, docs/install.md, docs/usage.md, ... and no CHANGELOG).
fn check_contents(archives: &str, expected: &[&str]) {
    let body = format!("builds:\n  - goos: [linux]\n    goarch: [amd64]\n{archives}");
    let analysis = run(&with_version(&body));
    let errors: Vec<_> = analysis
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .collect();
    assert!(
        errors.is_empty(),
        "{archives}\nunexpected errors: {errors:#?}"
    );
    let archive = analysis
        .artifacts
        .iter()
        .find(|a| a.kind == ArtifactKind::Archive)
        .unwrap_or_else(|| panic!("no archive for {archives}"));
    let paths: Vec<&str> = archive.contents.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(paths, expected, "{archives}");
}

#[test]
fn archive_contents() {
    let cases: &[(&str, &[&str])] = &[
        // internal/pipe/archive/archive.go Default: with no `files`, license* LICENSE* readme*
        // README* changelog* CHANGELOG*; there is no CHANGELOG in the checkout, and that is fine.
        // archivefiles.go Eval sorts the files by destination; create() adds the binaries last.
        ("", &["LICENSE", "README.md", "myapp"]),
        // Any `files` replaces the defaults: README and LICENSE are no longer included.
        ("archives:\n  - files: [\"docs/*\"]\n", &["docs/install.md", "docs/usage.md", "myapp"]),
        ("archives:\n  - files: [README.md, \"docs/*\"]\n", &["README.md", "docs/install.md", "docs/usage.md", "myapp"]),
        // fileglob glob.go: `*` stays inside one path element; `**` crosses them.
        ("archives:\n  - files: [\"*.md\"]\n", &["README.md", "myapp"]),
        ("archives:\n  - files: [\"**.md\"]\n", &["README.md", "docs/install.md", "docs/usage.md", "myapp"]),
        // A matching directory brings every file inside it.
        ("archives:\n  - files: [docs]\n", &["docs/install.md", "docs/usage.md", "myapp"]),
        // archivefiles.go destinationFor: `dst` keeps the path below the glob's directory;
        // `strip_parent` keeps only the base name; a literal file under `dst` is named `dst`.
        ("archives:\n  - files:\n      - src: \"docs/*\"\n        dst: manual\n", &["manual/install.md", "manual/usage.md", "myapp"]),
        ("archives:\n  - files:\n      - src: \"**.md\"\n        dst: doc\n        strip_parent: true\n", &["doc/README.md", "doc/install.md", "doc/usage.md", "myapp"]),
        ("archives:\n  - files:\n      - src: LICENSE\n        dst: LICENSE.txt\n", &["LICENSE.txt", "myapp"]),
        // Sources are templates.
        ("archives:\n  - files: [\"{{ if eq .Os \\\"linux\\\" }}README.md{{ else }}LICENSE{{ end }}\"]\n", &["README.md", "myapp"]),
        // archive.go wrapFolder: `true` wraps in a folder named like the archive, a template
        // names the folder, `false` doesn't wrap.
        ("archives:\n  - wrap_in_directory: true\n", &["myapp_1.2.3_linux_amd64/LICENSE", "myapp_1.2.3_linux_amd64/README.md", "myapp_1.2.3_linux_amd64/myapp"]),
        ("archives:\n  - wrap_in_directory: \"{{ .ProjectName }}-{{ .Version }}\"\n", &["myapp-1.2.3/LICENSE", "myapp-1.2.3/README.md", "myapp-1.2.3/myapp"]),
        ("archives:\n  - wrap_in_directory: false\n", &["LICENSE", "README.md", "myapp"]),
    ];
    for (archives, expected) in cases {
        check_contents(archives, expected);
    }
    // create(): the binary goes in under its name (which may hold a directory) unless
    // strip_binary_directory keeps only the base name.
    let nested = "builds:\n  - goos: [linux]\n    goarch: [amd64]\n    binary: bin/myapp\narchives:\n  - files: [LICENSE]\n";
    let strip = format!("{nested}    strip_binary_directory: true\n");
    for (body, binary) in [(nested.to_string(), "bin/myapp"), (strip, "myapp")] {
        let analysis = run(&with_version(&body));
        let archive = analysis
            .artifacts
            .iter()
            .find(|a| a.kind == ArtifactKind::Archive)
            .unwrap();
        let last = archive.contents.last().unwrap();
        assert_eq!(
            (last.path.as_str(), last.source.as_str()),
            (binary, "dist/myapp_linux_amd64_v1/bin/myapp")
        );
        assert!(last.glob.is_none());
    }
    // Entries say which glob brought them, and whether it was a default; the archive's size
    // grows with its files.
    let default = run(&with_version(
        "builds:\n  - goos: [linux]\n    goarch: [amd64]\n",
    ));
    let with_docs = run(&with_version(
        "builds:\n  - goos: [linux]\n    goarch: [amd64]\narchives:\n  - files: [\"**\"]\n",
    ));
    let first = |a: &Analysis| {
        a.artifacts
            .iter()
            .find(|a| a.kind == ArtifactKind::Archive)
            .cloned()
            .unwrap()
    };
    let license = &first(&default).contents[0];
    assert_eq!(
        (license.glob.as_deref(), license.default_glob),
        (Some("LICENSE*"), true)
    );
    assert!(first(&with_docs).size > first(&default).size);
}

#[test]
fn archive_file_problems() {
    let build = "builds:\n  - goos: [linux, darwin]\n    goarch: [amd64]\n";
    // (archives yaml, code, line, column, message fragment). fileglob glob.go: a pattern without
    // wildcards that names nothing is an error, and archive.go stops (once, not per target);
    // archivefiles.go: a wildcard matching nothing only warns (defaults don't even warn).
    let cases: &[(&str, &str, usize, usize, &str)] = &[
        ("archives:\n  - files: [NOTICE]\n", "archive-files", 7, 13, "failed to find files to archive: globbing failed for pattern NOTICE: matching \"./NOTICE\": file does not exist"),
        ("archives:\n  - files: [\"[abc\"]\n", "archive-files", 7, 13, "compile glob pattern: unexpected end of input"),
        ("archives:\n  - files: [\"examples/*\"]\n", "archive-files-none", 7, 13, "no files matched (glob: examples/*)"),
        // pkg/config/marshaler.go File.UnmarshalYAML: a string or a config.File, never a scalar
        // in place of the list; unknown keys are strict-decoding errors.
        ("archives:\n  - files: README.md\n", "yaml-type", 7, 5, "cannot unmarshal !!str `README.md` into []config.File"),
        ("archives:\n  - files:\n      - source: README.md\n", "unknown-key", 8, 9, "field source not found in type config.File"),
        // packageFormats: an override without formats is skipped, with a warning.
        ("archives:\n  - format_overrides:\n      - goos: windows\n", "format-override-ignored", 8, 9, "override has no formats, ignoring"),
    ];
    for (archives, code, line, column, fragment) in cases {
        check_diagnostic(
            &with_version(&format!("{build}{archives}")),
            code,
            *line,
            *column,
            fragment,
        );
    }
    let missing = run(&with_version(&format!(
        "{build}archives:\n  - files: [NOTICE]\n"
    )));
    assert_eq!(
        missing
            .diagnostics
            .iter()
            .filter(|d| d.code == "archive-files")
            .count(),
        1
    );
    assert!(missing
        .artifacts
        .iter()
        .all(|a| a.kind != ArtifactKind::Archive));
    assert_eq!(missing.check.exit_code, 0, "check does not glob");
    assert!(missing
        .check
        .release_error
        .as_deref()
        .unwrap_or("")
        .contains("NOTICE"));
}

#[test]
fn format_overrides_match_by_prefix() {
    // internal/pipe/archive/archive.go packageFormats: strings.HasPrefix(goos, override.Goos).
    check_archives(
        "builds:\n  - goos: [linux, windows]\n    goarch: [amd64]\narchives:\n  - format_overrides:\n      - goos: win\n        formats: [zip]\n",
        &["myapp_1.2.3_linux_amd64.tar.gz", "myapp_1.2.3_windows_amd64.zip"],
    );
}

#[test]
fn binaries_land_where_the_build_pipe_puts_them() {
    // internal/pipe/build/build.go buildOptionsForTarget: dist/<id>_<target>/<binary><ext>.
    let analysis = run(&with_version("builds:\n  - id: srv\n    binary: server\n    goos: [linux, windows]\n    goarch: [amd64]\n    env: [CGO_ENABLED=0]\n    flags: [-trimpath]\n    ldflags: [\"-s -w -X main.version={{.Version}}\"]\n"));
    let b = &analysis.builds[0].binaries;
    assert_eq!(b[0].path, "dist/srv_linux_amd64_v1/server");
    assert_eq!(b[1].path, "dist/srv_windows_amd64_v1/server.exe");
    assert_eq!(b[0].ldflags, "-s -w -X main.version=1.2.3");
    assert_eq!(
        b[0].command,
        "go build -trimpath -ldflags=-s -w -X main.version=1.2.3 -o dist/srv_linux_amd64_v1/server ."
    );
    assert!(b[0].env.starts_with(&[
        "CGO_ENABLED=0".to_string(),
        "GOOS=linux".to_string(),
        "GOARCH=amd64".to_string(),
        "GOAMD64=v1".to_string()
    ]));
    // Sizes come from the Go build engine; stripped (-s -w) binaries are smaller than unstripped.
    let unstripped = run(&with_version("builds:\n  - goos: [linux]\n    goarch: [amd64]\n    ldflags: [\"-X main.version={{.Version}}\"]\n"));
    assert!(b[0].size > 1_000_000);
    assert!(unstripped.builds[0].binaries[0].size > b[0].size);
    // The default ldflags render with the release context (build.go WithDefaults).
    let default = run("version: 2\n");
    assert_eq!(
        default.builds[0].binaries[0].ldflags,
        "-s -w -X main.version=1.2.3 -X main.commit=3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39 -X main.date=2026-01-15T09:30:00Z -X main.builtBy=goreleaser"
    );
    // Overrides replace the details of the matching target (the first match wins).
    let overridden = run(&with_version("builds:\n  - goos: [linux]\n    goarch: [amd64, arm64]\n    overrides:\n      - goos: linux\n        goarch: arm64\n        ldflags: [\"-s\"]\n"));
    assert_eq!(overridden.builds[0].binaries[1].ldflags, "-s");
    assert!(overridden.builds[0].binaries[0]
        .ldflags
        .contains("main.builtBy"));
}

#[test]
fn checksums_and_snapshot_version() {
    // internal/pipe/checksums/checksums.go: `<digest>  <name>`, sorted, sha256 by default.
    let analysis = run("version: 2\nbuilds:\n  - goos: [windows, linux]\n    goarch: [amd64]\n");
    assert_eq!(analysis.checksums.len(), 2);
    let (digest, name) = analysis.checksums[0].split_once("  ").expect("two spaces");
    assert_eq!(digest.len(), 64);
    assert!(digest.chars().all(|c| c.is_ascii_hexdigit()));
    assert_eq!(name, "myapp_1.2.3_linux_amd64.tar.gz");
    assert!(analysis
        .artifacts
        .iter()
        .any(|a| a.kind == ArtifactKind::Checksum && a.name == "myapp_1.2.3_checksums.txt"));
    let split = run("version: 2\nbuilds:\n  - goos: [linux]\n    goarch: [amd64]\nchecksum:\n  split: true\n  algorithm: sha512\n");
    assert!(split
        .artifacts
        .iter()
        .any(|a| a.name == "myapp_1.2.3_linux_amd64.tar.gz.sha512"));
    assert_eq!(
        split.checksums[0].split_once("  ").map(|(d, _)| d.len()),
        Some(128)
    );
    assert!(run("version: 2\nchecksum:\n  disable: true\n")
        .checksums
        .is_empty());

    // internal/pipe/snapshot/snapshot.go: default version_template.
    let mut options = Options::default();
    options.context.snapshot = true;
    assert_eq!(
        analyze("version: 2\n", &options).version,
        "1.2.3-SNAPSHOT-3f2a9c1"
    );
    assert_eq!(
        analyze(
            "version: 2\nsnapshot:\n  version_template: \"{{ incpatch .Version }}-devel\"\n",
            &options
        )
        .version,
        "1.2.4-devel"
    );
    options.context.tag = String::new();
    assert_eq!(
        analyze("version: 2\n", &options).version,
        "0.0.0-SNAPSHOT-3f2a9c1"
    );
}

/// `check_changelog(changelog yaml, expected entries)` over the sample commits.
fn check_changelog(body: &str, expected: &[&str]) {
    let analysis = run(&with_version(body));
    assert_eq!(
        analysis.changelog, expected,
        "{body}\n{:#?}",
        analysis.diagnostics
    );
}

#[test]
fn changelog() {
    // internal/pipe/changelog/changelog.go; subjects of changelog::sample_commits (git log order).
    let cases: &[(&str, &[&str])] = &[
        (
            "changelog:\n  abbrev: -1\n",
            &["feat: add /healthz endpoint", "fix: handle SIGTERM gracefully", "docs: update README", "test: cover the version handler", "chore(deps): bump golang.org/x/net", "feat: print version with --version"],
        ),
        (
            "changelog:\n  abbrev: -1\n  sort: asc\n  filters:\n    exclude: [\"^docs:\", \"^test:\", \"^chore:\"]\n",
            // `^chore:` does not match `chore(deps):` (RE2, unanchored at the end).
            &["chore(deps): bump golang.org/x/net", "feat: add /healthz endpoint", "feat: print version with --version", "fix: handle SIGTERM gracefully"],
        ),
        // A non-empty include makes exclude ignored.
        ("changelog:\n  abbrev: -1\n  sort: desc\n  filters:\n    include: [\"^feat\"]\n    exclude: [\"healthz\"]\n", &["feat: print version with --version", "feat: add /healthz endpoint"]),
        // abbrev N keeps N characters; 0 keeps the full SHA (v2.8+).
        ("changelog:\n  abbrev: 7\n  filters:\n    include: [SIGTERM]\n", &["9b8a7c6 fix: handle SIGTERM gracefully"]),
        ("changelog:\n  filters:\n    include: [SIGTERM]\n", &["9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b fix: handle SIGTERM gracefully"]),
        // Groups: first matching group wins, sorted by order, a group without regexp takes the rest.
        (
            "changelog:\n  abbrev: -1\n  groups:\n    - title: Others\n      order: 999\n    - title: Features\n      regexp: '^feat'\n      order: 0\n",
            &["feat: add /healthz endpoint", "fix: handle SIGTERM gracefully", "docs: update README", "test: cover the version handler", "chore(deps): bump golang.org/x/net", "feat: print version with --version"],
        ),
        (
            "changelog:\n  abbrev: -1\n  groups:\n    - title: Features\n      regexp: '^feat'\n      order: 1\n    - title: Fixes\n      regexp: '^fix'\n      order: 0\n",
            &["fix: handle SIGTERM gracefully", "feat: add /healthz endpoint", "feat: print version with --version"],
        ),
        ("changelog:\n  disable: true\n", &[]),
    ];
    for (body, expected) in cases {
        check_changelog(body, expected);
    }
}

#[test]
fn guide_config() {
    let source = include_str!("data/goreleaser/guide.yaml");
    let analysis = run(source);
    let errors: Vec<_> = analysis
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(analysis.project_name, "shortlink");
    assert_eq!(analysis.check.exit_code, 0);
    assert_eq!(
        analysis.builds[0].targets,
        [
            "linux_amd64_v1",
            "linux_arm64_v8.0",
            "darwin_amd64_v1",
            "darwin_arm64_v8.0",
            "windows_amd64_v1",
            "windows_arm64_v8.0"
        ]
    );
    let of_kind = |kind| {
        analysis
            .artifacts
            .iter()
            .filter(|a| a.kind == kind)
            .map(|a| a.name.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        of_kind(ArtifactKind::Archive).last(),
        Some(&"shortlink_1.2.3_windows_arm64.zip")
    );
    assert_eq!(of_kind(ArtifactKind::Checksum), ["checksums.txt"]);
    assert_eq!(
        of_kind(ArtifactKind::DockerImage),
        [
            "ghcr.io/acme/shortlink:1.2.3-amd64",
            "ghcr.io/acme/shortlink:1.2.3-arm64"
        ]
    );
    assert_eq!(
        of_kind(ArtifactKind::DockerManifest),
        ["ghcr.io/acme/shortlink:1.2.3"]
    );
    assert_eq!(analysis.checksums.len(), 6);
    // The zip holds the default files found in the checkout and the binary.
    let zip = analysis
        .artifacts
        .iter()
        .find(|a| a.name.ends_with("windows_arm64.zip"))
        .unwrap();
    let inside: Vec<&str> = zip.contents.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(inside, ["LICENSE", "README.md", "shortlink.exe"]);
    // effectiveconfig and metadata pipes: GoReleaser's own records, not uploaded.
    assert_eq!(
        of_kind(ArtifactKind::Metadata),
        ["artifacts.json", "config.yaml", "metadata.json"]
    );
    assert!(analysis.builds[0].binaries[0]
        .ldflags
        .contains("-X main.buildTime=2026-01-15T09:30:00Z"));
    assert!(analysis.changelog_markdown.starts_with("## Changelog\n* "));
    // Editing goarch changes the matrix and the archive list on the next analysis.
    let edited = run(&source.replace("goarch: [amd64, arm64]", "goarch: [amd64]"));
    assert_eq!(edited.builds[0].targets.len(), 3);
    assert_eq!(
        edited
            .artifacts
            .iter()
            .filter(|a| a.kind == ArtifactKind::Archive)
            .count(),
        3
    );
    // The arm64 docker image now has no binary to copy.
    assert!(edited
        .diagnostics
        .iter()
        .any(|d| d.code == "docker-no-binary" && d.is_error()));
}

#[test]
fn dockers_v2_images_and_manifests() {
    // internal/pipe/docker/v2/docker.go Default(): tags [{{.Tag}}], platforms linux/amd64 + linux/arm64.
    let analysis = run("version: 2\ndockers_v2:\n  - images: [ghcr.io/acme/app]\n");
    let images: Vec<(&str, Option<&str>)> = analysis
        .artifacts
        .iter()
        .filter(|a| a.kind == ArtifactKind::DockerImage)
        .map(|a| (a.name.as_str(), a.target.as_deref()))
        .collect();
    assert_eq!(
        images,
        [
            ("ghcr.io/acme/app:v1.2.3", Some("linux_amd64")),
            ("ghcr.io/acme/app:v1.2.3", Some("linux_arm64"))
        ]
    );
    assert!(analysis
        .artifacts
        .iter()
        .any(|a| a.kind == ArtifactKind::DockerManifest && a.name == "ghcr.io/acme/app:v1.2.3"));
    assert!(!analysis
        .diagnostics
        .iter()
        .any(|d| d.code == "dockers-phased-out"));
}

#[test]
fn json_has_the_cli_shape() {
    let json = serde_json::to_value(run("version: 2\n")).expect("serialises");
    assert_eq!(json["project_name"], "myapp");
    assert_eq!(json["version"], "1.2.3");
    assert_eq!(json["builds"][0]["id"], "myapp");
    assert_eq!(json["builds"][0]["binary"], "myapp");
    assert_eq!(json["builds"][0]["targets"][0], "linux_amd64_v1");
    assert_eq!(json["artifacts"][0]["kind"], "binary");
    assert_eq!(json["artifacts"][0]["target"], "linux_amd64_v1");
    assert!(json["changelog"].is_array());
    assert!(json["diagnostics"].is_array());
}

/// A template parsed once gives, for every set of fields, what parsing it again would: the
/// archives of several targets share one parse.
#[test]
fn a_parsed_template_applies_to_many_targets() {
    let name = template::Template::parse("{{ .ProjectName }}_{{ .Os }}_{{ .Arch }}");
    let broken = template::Template::parse("{{ .Os");
    for (os, arch) in [("linux", "amd64"), ("darwin", "arm64"), ("windows", "386")] {
        let mut fields = release_fields("myapp", "1.2.3", &ReleaseContext::default());
        fields.insert("Os".into(), Value::Str(os.into()));
        fields.insert("Arch".into(), Value::Str(arch.into()));
        let expected = format!("myapp_{os}_{arch}");
        assert_eq!(name.apply(&fields).as_deref(), Ok(expected.as_str()));
        assert_eq!(
            name.apply(&fields),
            template::apply("{{ .ProjectName }}_{{ .Os }}_{{ .Arch }}", &fields)
        );
        let err = broken.apply(&fields).expect_err("unclosed");
        assert!(err.message.contains("unclosed action"), "{}", err.message);
    }
}
