//! The shared YAML layer: syntax errors with positions, hostile input refused quickly, and the
//! key-path → position index. Table-driven: each case is data.

use deploy_sim::yaml::{self, parse_path, PositionIndex};
use std::time::{Duration, Instant};

/// `check_locate(source, path, expected)`: where `path` appears, or `None` if it cannot be found.
fn check_locate(source: &str, path: &str, expected: Option<(usize, usize)>) {
    let index = PositionIndex::build(source);
    assert_eq!(
        index.locate(&parse_path(path)),
        expected,
        "path {path} in:\n{source}"
    );
}

const GORELEASER: &str = "\
version: 2
project_name: myapp
before:
  hooks:
    - go mod tidy
builds:
  - id: server
    main: ./cmd/server
    env:
      - CGO_ENABLED=0
    goos: [linux, darwin, \"windows\"]
    goarch:
      - amd64
      - \"386\"
    ignore:
      - goos: darwin
        goarch: \"386\"
  - id: cli   # second build
    ldflags: |
      -s -w
      -X main.version={{.Version}}
    flags: &flags
      - -trimpath
archives:
- formats: [tar.gz]
  format_overrides:
  - goos: windows
    formats: [ zip ]
  name_template: >-
    {{ .ProjectName }}
\"quoted key\": 1
nested: {a: [x, {b: 2}], c: 3}
";

#[test]
fn locates_key_paths() {
    let cases: &[(&str, Option<(usize, usize)>)] = &[
        ("version", Some((1, 1))),
        ("project_name", Some((2, 1))),
        ("before.hooks", Some((4, 3))),
        ("before.hooks[0]", Some((5, 7))),
        ("builds", Some((6, 1))),
        ("builds[0]", Some((7, 5))),
        ("builds[0].id", Some((7, 5))),
        ("builds[0].main", Some((8, 5))),
        ("builds[0].env[0]", Some((10, 9))),
        ("builds[0].goos", Some((11, 5))),
        ("builds[0].goos[0]", Some((11, 12))),
        ("builds[0].goos[1]", Some((11, 19))),
        ("builds[0].goos[2]", Some((11, 27))),
        ("builds[0].goos[3]", None),
        ("builds[0].goarch[1]", Some((14, 9))),
        ("builds[0].ignore[0].goos", Some((16, 9))),
        ("builds[0].ignore[0].goarch", Some((17, 9))),
        ("builds[1].id", Some((18, 5))),
        ("builds[1].ldflags", Some((19, 5))),
        // The block scalar's lines are not keys.
        ("builds[1].-X main.version={{.Version}}", None),
        ("builds[1].flags", Some((22, 5))),
        ("builds[1].flags[0]", Some((23, 9))),
        // Sequence written at its parent key's indentation.
        ("archives[0].formats", Some((25, 3))),
        ("archives[0].formats[0]", Some((25, 13))),
        ("archives[0].format_overrides[0].goos", Some((27, 5))),
        ("archives[0].format_overrides[0].formats[0]", Some((28, 16))),
        ("archives[0].name_template", Some((29, 3))),
        ("quoted key", Some((31, 1))),
        ("nested.a", Some((32, 10))),
        ("nested.a[0]", Some((32, 14))),
        ("nested.a[1].b", Some((32, 18))),
        ("nested.c", Some((32, 26))),
        ("missing", None),
    ];
    for (path, expected) in cases {
        check_locate(GORELEASER, path, *expected);
    }
}

#[test]
fn locates_in_workflow_shapes() {
    let workflow = "\
on:
  push:
    tags: ['v*']
jobs:
  release:
    runs-on: ubuntu-latest
    permissions:
      contents: write
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      -
        name: Run
        run: echo \"a: b\"
---
other: doc
";
    let cases: &[(&str, Option<(usize, usize)>)] = &[
        ("on.push.tags[0]", Some((3, 12))),
        ("jobs.release.permissions.contents", Some((8, 7))),
        ("jobs.release.steps[0].uses", Some((10, 9))),
        ("jobs.release.steps[0].with.fetch-depth", Some((12, 11))),
        ("jobs.release.steps[1]", Some((13, 8))),
        ("jobs.release.steps[1].name", Some((14, 9))),
        ("jobs.release.steps[1].run", Some((15, 9))),
        // Only the first document is indexed.
        ("other", None),
    ];
    for (path, expected) in cases {
        check_locate(workflow, path, *expected);
    }
}

#[test]
fn crlf_and_tabs_after_colons() {
    check_locate("a:\r\n  b:\t1\r\n", "a.b", Some((2, 3)));
    check_locate("- x: 1\r\n- y: 2\r\n", "[1].y", Some((2, 3)));
}

#[test]
fn locate_nearest_falls_back_to_the_parent() {
    let index = PositionIndex::build("a:\n  b: 1\n");
    assert_eq!(index.locate_nearest(&parse_path("a.b.c[3]")), (2, 3));
    assert_eq!(index.locate_nearest(&parse_path("zzz")), (0, 0));
}

/// Found by the `release` fuzz target: the empty path (the document itself) had no position, so
/// an error about a document that is not a mapping landed at line 0, column 0. It is where the
/// content starts (a YAML decoder reports that node's line), and the root is still no fallback
/// for a path that cannot be found.
#[test]
fn the_document_itself_is_located_where_its_content_starts() {
    let cases: &[(&str, Option<(usize, usize)>)] = &[
        ("a: 1\n", Some((1, 1))),
        ("# comment\n\n  text\n", Some((3, 3))),
        ("%YAML 1.2\n---\n- x\n", Some((3, 1))),
        ("--- text\n", Some((1, 5))),
        ("---\n# only a comment\n", None),
        ("", None),
    ];
    for (source, expected) in cases {
        check_locate(source, "", *expected);
    }
    let index = PositionIndex::build("a: 1\n");
    assert_eq!(index.locate_nearest(&parse_path("zzz")), (0, 0));
    assert_eq!(index.locate_nearest(&[]), (1, 1));
}

/// `check_error(source, code, line, column)`: the first diagnostic.
fn check_error(source: &str, code: &str, line: usize, column: Option<usize>) {
    let parsed = yaml::parse(source);
    assert!(parsed.value.is_none(), "expected an error for {source:?}");
    let d = parsed.diagnostics.first().expect("a diagnostic");
    assert_eq!(
        (d.code.as_str(), d.line, d.column),
        (code, line, column),
        "{source:?}: {}",
        d.message.en
    );
    assert!(!d.message.ja.is_empty());
}

#[test]
fn syntax_errors_carry_line_and_column() {
    // Positions as libyaml reports them (0-based there, 1-based here).
    check_error("a: 1\nb: [1, 2\n", "yaml-syntax", 3, Some(1));
    check_error("a: 1\n  b: 2\n", "yaml-syntax", 2, Some(4));
    check_error("a:\n\t- x\n", "yaml-syntax", 2, Some(1));
    // libyaml reports an unterminated quote where the stream ends.
    check_error("key: \"unterminated\n", "yaml-syntax", 2, Some(1));
    check_error("a: *nope\n", "yaml-syntax", 1, Some(4));
}

/// Found by the `yaml` fuzz target (and `workflow`, `exercise`): libyaml also breaks lines at a
/// lone `\r`, NEL (U+0085) and U+2028/U+2029, so its line pointed below the place, or past the
/// last line of the editor, which breaks lines at `\n` only.
#[test]
fn syntax_error_lines_count_only_newlines_like_the_editor() {
    check_error("a: 1\rb: 2\nc: [\n", "yaml-syntax", 3, Some(1));
    check_error("a: 1\r\n  b: 2\r\n", "yaml-syntax", 2, Some(4));
    check_error(
        "x: \"\u{85}\u{2028}\u{2029}\"\n  y: 1\nz: [\n",
        "yaml-syntax",
        2,
        Some(3),
    );
    check_error("a: \"un\rterminated\n", "yaml-syntax", 2, Some(1));
    // Columns count characters since the last newline: the lone `\r` does not restart them.
    check_error("k: v\r  bad: [\n", "yaml-syntax", 1, Some(11));
}

#[test]
fn valid_documents_parse() {
    let parsed = yaml::parse("a: [1, two]\nb: {c: true}\n");
    assert!(parsed.diagnostics.is_empty());
    let value = parsed.value.expect("parsed");
    assert_eq!(value["a"][1].as_str(), Some("two"));
    assert_eq!(value["b"]["c"].as_bool(), Some(true));
    let empty = yaml::parse("");
    assert!(empty.diagnostics.is_empty());
    assert_eq!(empty.value, Some(serde_yaml::Value::Null));
}

fn quickly<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let elapsed = start.elapsed();
    // Generous for debug builds on a shared 2-core machine; real times are far lower.
    assert!(elapsed < Duration::from_secs(5), "{what} took {elapsed:?}");
    out
}

fn billion_laughs(levels: usize) -> String {
    let mut bomb = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];
    for pair in names[..levels].windows(2) {
        let (prev, next) = (pair[0], pair[1]);
        let refs = vec![format!("*{prev}"); 9].join(",");
        bomb.push_str(&format!("{next}: &{next} [{refs}]\n"));
    }
    bomb
}

#[test]
fn alias_bomb_is_refused_before_expansion() {
    // The "billion laughs" shape: 9 levels of 9 aliases each. `a` stands for 9 nodes, `b` for
    // 90, `c` for 819, `d` for 7,380; lines 2–4 bring 8,262 nodes from aliases, and the second
    // `*d` on line 5 (column 11) passes the limit of 20,000.
    let parsed = quickly("alias bomb", || yaml::parse(&billion_laughs(10)));
    assert!(parsed.value.is_none());
    assert_eq!(parsed.diagnostics.len(), 1);
    let diagnostic = &parsed.diagnostics[0];
    assert_eq!(diagnostic.code, "yaml-aliases");
    assert_eq!((diagnostic.line, diagnostic.column), (5, Some(11)));
    // Refused by the text scan, not by yaml_serde's repetition limit after expanding.
    assert!(
        diagnostic.message.en.contains("20000 nodes"),
        "{diagnostic:?}"
    );
    let excess = yaml::aliases::excessive_aliasing(&billion_laughs(10)).expect("a bomb");
    assert!(excess.nodes > yaml::aliases::MAX_ALIAS_NODES);

    // Four levels (8,262 nodes from aliases) are an ordinary document.
    let small = yaml::parse(&billion_laughs(4));
    assert!(small.value.is_some(), "{:?}", small.diagnostics);
}

#[test]
fn ordinary_anchors_and_scripts_are_not_counted_as_a_bomb() {
    // Shared defaults merged into many jobs, and shell scripts full of `&&`, `&` and `*.go`.
    let mut source = String::from(
        "defaults: &defaults\n  runs-on: ubuntu-latest\n  timeout-minutes: 10\n  env: {A: 1, B: 2}\njobs:\n",
    );
    for job in 0..200 {
        source.push_str(&format!(
            "  job{job}:\n    <<: *defaults\n    steps:\n      - run: |\n          go test ./... && \\\n            ls *.go & wait\n          echo &defaults *defaults *defaults\n      - run: echo \"*defaults *defaults\" '&x *x'\n"
        ));
    }
    assert_eq!(yaml::aliases::excessive_aliasing(&source), None);
    let parsed = yaml::parse(&source);
    assert!(parsed.value.is_some(), "{:?}", parsed.diagnostics);
}

#[test]
fn the_alias_scan_reads_any_text_without_panicking() {
    // Multi-byte characters next to every token the scan looks at (found by reading, kept here).
    for source in [
        "説明: &a |\n  テキスト\u{3000}*a &b\nb: *a\u{3000}|\nc: [*a,\u{3000}*a]\n",
        "a: &é\u{3000}>\nb: *é\u{3000}\nc: \"*é\\\"\u{3000}\"\nd: '&é ''*é'''\n",
        "&\n*\n& *\n|\n>\n- &x [*x, *x]\n- *x\n",
    ] {
        let _ = yaml::aliases::excessive_aliasing(source);
        let _ = yaml::parse(source);
    }
}

#[test]
fn nested_anchors_count_their_aliases_once_per_use() {
    // `outer` holds `inner`; each use of outer brings inner's nodes with it.
    let mut source = String::from("inner: &inner [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nouter: &outer\n");
    for i in 0..100 {
        source.push_str(&format!("  k{i}: *inner\n"));
    }
    // inner = 10 nodes; outer = 1 + 100 lines + 100 × 10 = 1,101. With the 1,000 nodes its own
    // aliases brought, 17 uses of outer stay under 20,000 (19,717) and the 18th passes it.
    let uses = |n: usize| {
        let mut s = source.clone();
        for i in 0..n {
            s.push_str(&format!("use{i}: *outer\n"));
        }
        s
    };
    assert_eq!(yaml::aliases::excessive_aliasing(&uses(17)), None);
    let excess = yaml::aliases::excessive_aliasing(&uses(18)).expect("past the limit");
    assert_eq!((excess.line, excess.nodes), (102 + 18, 1_000 + 18 * 1_101));
}

#[test]
fn hostile_inputs_return_quickly() {
    let deep_flow = "a: ".to_string() + &"[".repeat(100_000);
    let parsed = quickly("deep flow", || yaml::parse(&deep_flow));
    assert_eq!(parsed.diagnostics[0].code, "yaml-too-deep");

    let mut deep_block = String::new();
    for depth in 0..200 {
        deep_block.push_str(&" ".repeat(depth));
        deep_block.push_str("k:\n");
    }
    let parsed = quickly("deep block", || yaml::parse(&deep_block));
    assert_eq!(parsed.diagnostics[0].code, "yaml-too-deep");
    assert_eq!(parsed.diagnostics[0].line, 101);

    let dashes = "- ".repeat(500) + "x\n";
    let parsed = quickly("nested dashes", || yaml::parse(&dashes));
    assert_eq!(parsed.diagnostics[0].code, "yaml-too-deep");

    let huge = "a: ".to_string() + &"x".repeat(yaml::MAX_SOURCE_BYTES);
    let parsed = quickly("huge", || yaml::parse(&huge));
    assert_eq!(parsed.diagnostics[0].code, "yaml-too-large");

    // Just under the cap: a 1 MB scalar and 100,000 lines are parsed, not refused.
    let big_scalar = "a: ".to_string() + &"x".repeat(1_000_000);
    let parsed = quickly("1 MB scalar", || yaml::parse(&big_scalar));
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let many_lines: String = (0..100_000).map(|i| format!("- {i}\n")).collect();
    let parsed = quickly("100k lines", || yaml::parse(&many_lines));
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    assert_eq!(parsed.index.len(), 100_000);
    let many_items: String = (0..60_000).map(|i| format!("- [{i}, \"#\"]\n")).collect();
    quickly("100k items", || yaml::parse(&many_items));
    let nul = "a: \0\0\0\nb: [\0]\n".repeat(1000);
    quickly("NUL bytes", || yaml::parse(&nul));
}
