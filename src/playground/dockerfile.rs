//! The Dockerfile playground's pure logic: what "changed since the last build" means for the
//! engine, swapping the final stage's base image for the comparison, BuildKit-style step labels,
//! human sizes and durations, and where a lint code is explained (tool docs or the guide). Nothing here touches the
//! browser; the components in `components/playground/docker/` call these and render.

use deploy_sim::dockerfile::{parser, Analysis, Options};

/// The learner's answer to "What changed since the last build?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Nothing,
    MainGo,
    GoMod,
    Readme,
    BuildArg,
}

impl Change {
    pub const ALL: [Change; 5] = [
        Change::Nothing,
        Change::MainGo,
        Change::GoMod,
        Change::Readme,
        Change::BuildArg,
    ];

    /// A stable word for ids and tests.
    pub fn key(self) -> &'static str {
        match self {
            Change::Nothing => "nothing",
            Change::MainGo => "main-go",
            Change::GoMod => "go-mod",
            Change::Readme => "readme",
            Change::BuildArg => "build-arg",
        }
    }
}

/// BuildKit's automatic platform ARGs: changing them is not "a build ARG the learner passes".
const AUTOMATIC_ARGS: [&str; 8] = [
    "TARGETPLATFORM",
    "TARGETOS",
    "TARGETARCH",
    "TARGETVARIANT",
    "BUILDPLATFORM",
    "BUILDOS",
    "BUILDARCH",
    "BUILDVARIANT",
];

/// The first ARG the Dockerfile declares that a learner would pass with `--build-arg`, with its
/// default value (empty when it has none).
pub fn first_build_arg(analysis: &Analysis) -> Option<(String, String)> {
    analysis
        .instructions
        .iter()
        .filter(|i| i.keyword == "ARG")
        .flat_map(|i| i.args.iter())
        .map(|word| match word.split_once('=') {
            Some((name, value)) => (name.to_string(), value.trim_matches('"').to_string()),
            None => (word.clone(), String::new()),
        })
        .find(|(name, _)| !name.is_empty() && !AUTOMATIC_ARGS.contains(&name.as_str()))
}

/// The engine's options for the second build after `change`. A changed build ARG gets a value
/// that differs from its default (the engine counts that as changed).
pub fn options_for(change: Change, build_arg: Option<&(String, String)>) -> Options {
    let files: &[&str] = match change {
        Change::Nothing | Change::BuildArg => &[],
        Change::MainGo => &["main.go"],
        Change::GoMod => &["go.mod", "go.sum"],
        Change::Readme => &["README.md"],
    };
    let build_args = match (change, build_arg) {
        (Change::BuildArg, Some((name, default))) => {
            let value = if default == "v1.2.3" {
                "v1.2.4"
            } else {
                "v1.2.3"
            };
            vec![(name.clone(), value.to_string())]
        }
        _ => Vec::new(),
    };
    Options {
        changed_files: files.iter().map(|f| f.to_string()).collect(),
        build_args,
        ..Options::default()
    }
}

/// The runtime bases the comparison tries, smallest surface last.
pub const COMPARISON_BASES: [&str; 5] = [
    "golang:1.22",
    "golang:1.22-alpine",
    "alpine:3.19",
    "gcr.io/distroless/static-debian12",
    "scratch",
];

/// `source` with only the image of its last `FROM` (the final stage's base) replaced by
/// `new_base`; flags and `AS name` stay. `None` when there is no `FROM` or its image is not on the
/// instruction's first line.
pub fn swap_final_base(source: &str, new_base: &str) -> Option<String> {
    let parsed = parser::parse(source);
    let from = parsed
        .instructions
        .iter()
        .rev()
        .find(|i| i.keyword == "FROM")?;
    let mut out = String::with_capacity(source.len() + new_base.len());
    let mut found = false;
    for (index, line) in source.split_inclusive('\n').enumerate() {
        if index + 1 == from.line {
            let (start, end) = image_word(line)?;
            out.push_str(&line[..start]);
            out.push_str(new_base);
            out.push_str(&line[end..]);
            found = true;
        } else {
            out.push_str(line);
        }
    }
    found.then_some(out)
}

/// The byte range of the image word on a `FROM` line: the first word after the keyword that is
/// not a `--flag`.
fn image_word(line: &str) -> Option<(usize, usize)> {
    let mut words = line
        .char_indices()
        .filter(|&(i, c)| {
            !c.is_whitespace() && line[..i].chars().last().is_none_or(char::is_whitespace)
        })
        .map(|(start, _)| {
            let len = line[start..]
                .find(char::is_whitespace)
                .unwrap_or(line.len() - start);
            (start, start + len)
        });
    let (k0, k1) = words.next()?;
    if !line[k0..k1].eq_ignore_ascii_case("FROM") {
        return None;
    }
    words.find(|&(a, b)| !line[a..b].starts_with("--") && !line[a..b].starts_with('\\'))
}

/// Bytes the way `docker images` prints them (decimal units): `0 B`, `2.5 kB`, `7.0 MB`,
/// `314 MB`, `1.2 GB`.
pub fn format_bytes(bytes: u64) -> String {
    let b = bytes as f64;
    if bytes < 1_000 {
        format!("{bytes} B")
    } else if bytes < 1_000_000 {
        format!("{:.1} kB", b / 1e3)
    } else if bytes < 100_000_000 {
        format!("{:.1} MB", b / 1e6)
    } else if bytes < 1_000_000_000 {
        format!("{:.0} MB", b / 1e6)
    } else {
        format!("{:.1} GB", b / 1e9)
    }
}

/// An estimated duration: `0 s`, `0.3 s`, `30 s`, `1 min 5 s`.
pub fn format_seconds(seconds: f64) -> String {
    let s = if seconds.is_finite() {
        seconds.max(0.0)
    } else {
        0.0
    };
    if s == 0.0 {
        "0 s".to_string()
    } else if s < 10.0 {
        format!("{s:.1} s")
    } else if s < 60.0 {
        format!("{s:.0} s")
    } else {
        let whole = s.round() as u64;
        match whole % 60 {
            0 => format!("{} min", whole / 60),
            rest => format!("{} min {rest} s", whole / 60),
        }
    }
}

/// Where a lint code is explained: hadolint rules on hadolint's wiki, BuildKit's build checks on
/// Docker's build-checks reference, and our own `GDP` lessons in the guide's chapter section
/// that teaches them. Parse errors (`DF…`) have no page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RuleLink {
    /// A page of the tool's own documentation.
    External(String),
    /// A section of the guide (`#/<lang>/<chapter>/<section>`).
    Guide {
        chapter: &'static str,
        section: &'static str,
    },
}

impl RuleLink {
    /// The link's `href`; guide sections in the reader's language.
    pub fn href(&self, lang: deploy_sim::Lang) -> String {
        match self {
            RuleLink::External(url) => url.clone(),
            RuleLink::Guide { chapter, section } => {
                format!("#/{}/{chapter}/{section}", lang.code())
            }
        }
    }
}

/// Our own codes (sim/src/dockerfile/lint.rs) and the section that teaches each lesson.
/// GDP005 (`#` in the middle of a line) and GDP900 (too many stages) are taught nowhere.
pub const GUIDE_LESSONS: &[(&str, &str, &str)] = &[
    // The final image is the Go toolchain image.
    ("GDP001", "anti-patterns", "build-stage"),
    // `COPY . .` before `go mod download`.
    ("GDP002", "anti-patterns", "mod-cache"),
    // No .dockerignore for `COPY . .`.
    ("GDP003", "docker-multistage", "layer-cache"),
    // The shipped binary is not stripped (-s -w).
    ("GDP004", "ldflags", "strip-flags"),
    // A shell-form RUN on an image without /bin/sh.
    ("GDP006", "docker-multistage", "scratch"),
    // The version comes from git inside the build.
    ("GDP007", "cross-compilation", "version-dev-pitfall"),
];

/// BuildKit's page name for a check: `JSONArgsRecommended` → `json-args-recommended` (words
/// split before a capital that follows a small letter, or that starts a word after an acronym).
fn check_page(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            let after_small = chars[i - 1].is_ascii_lowercase();
            let starts_word = chars[i - 1].is_ascii_uppercase()
                && chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
            if after_small || starts_word {
                out.push('-');
            }
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

pub fn rule_link(code: &str) -> Option<RuleLink> {
    if let Some(digits) = code.strip_prefix("DL") {
        return (digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit())).then(|| {
            RuleLink::External(format!("https://github.com/hadolint/hadolint/wiki/{code}"))
        });
    }
    if deploy_sim::dockerfile::checks::RULES.contains(&code) {
        return Some(RuleLink::External(format!(
            "https://docs.docker.com/reference/build-checks/{}/",
            check_page(code)
        )));
    }
    GUIDE_LESSONS
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|&(_, chapter, section)| RuleLink::Guide { chapter, section })
}

/// One step of the second build, labelled the way BuildKit's plain progress output does:
/// `#5 [build 4/6] RUN go mod download`.
#[derive(Clone, Debug, PartialEq)]
pub struct StepLabel {
    pub number: usize,
    pub stage: String,
    pub position: usize,
    pub of: usize,
    pub instruction: String,
}

/// Labels for `analysis.cache`, in order.
pub fn step_labels(analysis: &Analysis) -> Vec<StepLabel> {
    analysis
        .cache
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let in_stage = analysis.cache.iter().filter(|s| s.stage == step.stage);
            let of = in_stage.clone().count();
            let position = in_stage.take_while(|s| s.line != step.line).count() + 1;
            let instruction = analysis
                .instructions
                .iter()
                .find(|ins| ins.line == step.line)
                .map_or_else(|| step.keyword.clone(), |ins| one_line(&ins.original));
            StepLabel {
                number: i + 1,
                stage: step
                    .stage_name
                    .clone()
                    .unwrap_or_else(|| format!("stage-{}", step.stage)),
                position,
                of,
                instruction,
            }
        })
        .collect()
}

/// An instruction on one line, shortened for the step list.
fn one_line(text: &str) -> String {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if joined.chars().count() > 72 {
        let cut: String = joined.chars().take(71).collect();
        format!("{cut}…")
    } else {
        joined
    }
}

/// What the comparison table says about a runtime base beyond the engine's base-image data
/// (`sim/data/base-images.tsv`, which has the shell and CA certificates): its package manager
/// and debugging tools. Source: the images' own documentation (golang and alpine on Docker Hub:
/// Debian's apt and Alpine's apk with busybox; distroless README: "no package managers, shells
/// or any other programs"; scratch is empty).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BaseTraits {
    pub package_manager: Option<&'static str>,
    /// Tools for debugging inside the container, in English and Japanese.
    pub debug: (&'static str, &'static str),
}

pub fn base_traits(reference: &str) -> BaseTraits {
    let r = reference.to_ascii_lowercase();
    if r.starts_with("golang") && r.contains("alpine") {
        BaseTraits {
            package_manager: Some("apk"),
            debug: ("busybox, go toolchain", "busybox、Go ツールチェーン"),
        }
    } else if r.starts_with("golang") {
        BaseTraits {
            package_manager: Some("apt"),
            debug: (
                "full Debian userland, gcc, git, curl",
                "Debian 一式、gcc、git、curl",
            ),
        }
    } else if r.starts_with("alpine") {
        BaseTraits {
            package_manager: Some("apk"),
            debug: ("busybox", "busybox"),
        }
    } else if r.contains("distroless") && r.contains("debug") {
        BaseTraits {
            package_manager: None,
            debug: ("busybox (:debug tag)", "busybox（:debug タグ）"),
        }
    } else {
        BaseTraits {
            package_manager: None,
            debug: ("none", "なし"),
        }
    }
}

/// A rough attack-surface rank derived from the columns (shell, package manager, size): 3 =
/// large, 2 = small, 1 = minimal, 0 = only your files.
pub fn attack_surface(has_shell: bool, has_package_manager: bool, base_bytes: u64) -> u8 {
    match (has_shell, has_package_manager) {
        _ if base_bytes == 0 && !has_shell => 0,
        (true, true) if base_bytes > 100_000_000 => 3,
        (true, _) | (_, true) => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use deploy_sim::dockerfile::analyze;

    const MULTI: &str = "FROM golang:1.22-alpine AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app .\n\nFROM --platform=$TARGETPLATFORM gcr.io/distroless/static-debian12:nonroot AS final\nCOPY --from=build /out/app /app\nENTRYPOINT [\"/app\"]\n";

    #[test]
    fn swapping_the_final_base_keeps_flags_names_and_other_stages() {
        let swapped = swap_final_base(MULTI, "scratch").expect("has FROM");
        assert!(swapped.starts_with("FROM golang:1.22-alpine AS build\n"));
        assert!(swapped.contains("\nFROM --platform=$TARGETPLATFORM scratch AS final\n"));
        assert_eq!(swapped.lines().count(), MULTI.lines().count());
    }

    #[test]
    fn swapping_a_single_stage_base_and_crlf() {
        let src = "from golang:1.22\r\nCMD [\"x\"]\r\n";
        assert_eq!(
            swap_final_base(src, "alpine:3.19").as_deref(),
            Some("from alpine:3.19\r\nCMD [\"x\"]\r\n")
        );
    }

    #[test]
    fn swapping_without_a_from_is_none() {
        assert_eq!(swap_final_base("", "scratch"), None);
        assert_eq!(swap_final_base("RUN echo hi\n", "scratch"), None);
        assert_eq!(swap_final_base("FROM\n", "scratch"), None);
    }

    #[test]
    fn sizes_read_like_docker_images() {
        let cases = [
            (0, "0 B"),
            (999, "999 B"),
            (2_520, "2.5 kB"),
            (7_035_412, "7.0 MB"),
            (314_209_188, "314 MB"),
            (1_234_000_000, "1.2 GB"),
        ];
        for (bytes, want) in cases {
            assert_eq!(format_bytes(bytes), want, "{bytes}");
        }
    }

    #[test]
    fn durations() {
        assert_eq!(format_seconds(0.0), "0 s");
        assert_eq!(format_seconds(0.3), "0.3 s");
        assert_eq!(format_seconds(30.0), "30 s");
        assert_eq!(format_seconds(65.0), "1 min 5 s");
        assert_eq!(format_seconds(120.0), "2 min");
        assert_eq!(format_seconds(f64::NAN), "0 s");
        assert_eq!(format_seconds(-1.0), "0 s");
    }

    #[test]
    fn hadolint_buildkit_and_guide_codes_link_to_their_explanation() {
        use deploy_sim::Lang;
        let cases: &[(&str, Option<&str>)] = &[
            ("DL3007", Some("https://github.com/hadolint/hadolint/wiki/DL3007")),
            ("DL30", None),
            ("DLabcd", None),
            // BuildKit's pages, as linter/ruleset.go names them (URL: .../rule/<page>/, which
            // redirects to docs.docker.com/reference/build-checks/<page>/).
            ("JSONArgsRecommended", Some("https://docs.docker.com/reference/build-checks/json-args-recommended/")),
            ("FromAsCasing", Some("https://docs.docker.com/reference/build-checks/from-as-casing/")),
            ("UndefinedArgInFrom", Some("https://docs.docker.com/reference/build-checks/undefined-arg-in-from/")),
            ("FromPlatformFlagConstDisallowed", Some("https://docs.docker.com/reference/build-checks/from-platform-flag-const-disallowed/")),
            ("ExposeProtoCasing", Some("https://docs.docker.com/reference/build-checks/expose-proto-casing/")),
            ("CopyIgnoredFile", Some("https://docs.docker.com/reference/build-checks/copy-ignored-file/")),
            // Not a BuildKit rule this engine reports.
            ("jsonArgsRecommended", None),
            // Our lessons link into the guide, in the reader's language.
            ("GDP001", Some("#/en/anti-patterns/build-stage")),
            ("GDP002", Some("#/en/anti-patterns/mod-cache")),
            ("GDP005", None),
            ("GDP900", None),
            ("DF001", None),
        ];
        for (code, want) in cases {
            assert_eq!(
                rule_link(code).map(|l| l.href(Lang::En)).as_deref(),
                *want,
                "{code}"
            );
        }
        assert_eq!(
            rule_link("GDP004").map(|l| l.href(Lang::Ja)).as_deref(),
            Some("#/ja/ldflags/strip-flags")
        );
    }

    #[test]
    fn every_lesson_links_to_a_section_that_exists_in_both_languages() {
        use deploy_sim::Lang;
        for &(code, chapter, section) in GUIDE_LESSONS {
            for lang in [Lang::En, Lang::Ja] {
                let (_, ch) = crate::content::find(lang, chapter)
                    .unwrap_or_else(|| panic!("{code}: no chapter {chapter}"));
                assert!(
                    ch.sections.iter().any(|s| s.id == section),
                    "{code}: no section {chapter}/{section} in {lang:?}"
                );
            }
        }
    }

    #[test]
    fn every_buildkit_check_gets_its_page_name() {
        // Page names from moby/buildkit frontend/dockerfile/linter/ruleset.go (URL fields) and
        // docs.docker.com/reference/build-checks/ (ExposeProtoCasing).
        let pages = [
            "stage-name-casing",
            "from-as-casing",
            "no-empty-continuation",
            "consistent-instruction-casing",
            "duplicate-stage-name",
            "reserved-stage-name",
            "json-args-recommended",
            "maintainer-deprecated",
            "undefined-arg-in-from",
            "workdir-relative-path",
            "undefined-var",
            "multiple-instructions-disallowed",
            "legacy-key-value-format",
            "redundant-target-platform",
            "from-platform-flag-const-disallowed",
            "copy-ignored-file",
            "expose-proto-casing",
        ];
        let rules = deploy_sim::dockerfile::checks::RULES;
        assert_eq!(rules.len(), pages.len());
        for (rule, page) in rules.iter().zip(pages) {
            assert_eq!(check_page(rule), page, "{rule}");
        }
    }

    #[test]
    fn the_build_arg_skips_automatic_platform_args() {
        let src = "FROM golang:1.22 AS build\nARG TARGETOS TARGETARCH\nARG VERSION=dev\nRUN echo $VERSION\n";
        let a = analyze(src, &Options::default());
        assert_eq!(
            first_build_arg(&a),
            Some(("VERSION".to_string(), "dev".to_string()))
        );
        let o = options_for(Change::BuildArg, first_build_arg(&a).as_ref());
        assert_eq!(o.build_args, vec![("VERSION".into(), "v1.2.3".into())]);
        let none = analyze("FROM alpine\n", &Options::default());
        assert_eq!(first_build_arg(&none), None);
    }

    #[test]
    fn changed_files_per_choice() {
        assert!(options_for(Change::Nothing, None).changed_files.is_empty());
        assert_eq!(options_for(Change::MainGo, None).changed_files, ["main.go"]);
        assert_eq!(
            options_for(Change::GoMod, None).changed_files,
            ["go.mod", "go.sum"]
        );
        assert_eq!(
            options_for(Change::Readme, None).changed_files,
            ["README.md"]
        );
        assert!(options_for(Change::BuildArg, None).build_args.is_empty());
    }

    #[test]
    fn step_labels_number_steps_and_count_per_stage() {
        let a = analyze(MULTI, &Options::default());
        let labels = step_labels(&a);
        assert_eq!(labels.len(), a.cache.len());
        assert_eq!(labels[0].number, 1);
        assert_eq!(labels[0].stage, "build");
        assert_eq!(labels[0].position, 1);
        assert_eq!(labels[0].of, 4);
        let last = labels.last().expect("steps");
        assert_eq!(last.stage, "final");
        assert_eq!(last.instruction, "COPY --from=build /out/app /app");
    }

    #[test]
    fn attack_surface_ranks() {
        assert_eq!(attack_surface(true, true, 800_000_000), 3);
        assert_eq!(attack_surface(true, true, 7_800_000), 2);
        assert_eq!(attack_surface(false, false, 2_000_000), 1);
        assert_eq!(attack_surface(false, false, 0), 0);
        assert_eq!(base_traits("alpine:3.19").package_manager, Some("apk"));
        assert_eq!(base_traits("scratch").package_manager, None);
    }
}
