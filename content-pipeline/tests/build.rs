//! The whole pipeline over a `content/` folder: both languages loaded, cross-checked, emitted.

use guide_content::{build, to_rust};
use std::path::{Path, PathBuf};

/// A throw-away content folder holding `files` (relative path, text).
fn content_dir(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("guide-content-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().expect("has parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
    dir
}

fn chapter(id: &str, order: u32, title: &str, body: &str) -> String {
    format!("---\nid: {id}\norder: {order}\ntitle: {title}\nsummary: s\n---\n{body}")
}

fn errors(dir: &Path) -> Vec<String> {
    match build(dir) {
        Ok(_) => panic!("expected errors"),
        Err(errors) => errors
            .iter()
            .map(|e| e.to_string().replace(&format!("{}/", dir.display()), ""))
            .collect(),
    }
}

#[test]
fn a_good_guide_builds_in_order_and_emits_rust() {
    let ja2 = chapter("b", 2, "二", "## 節 {#sec}\n\n[戻る](#/ja/a)\n");
    let en2 = chapter("b", 2, "Two", "## Section {#sec}\n\n[back](#/en/a)\n");
    let dir = content_dir(
        "good",
        &[
            ("ja/02-b.md", &ja2),
            (
                "ja/01-a.md",
                &chapter("a", 1, "一", "本文 [節](#/ja/b/sec)\n"),
            ),
            ("en/01-a.md", &chapter("a", 1, "One", "Body\n")),
            ("en/02-b.md", &en2),
        ],
    );
    let guide = build(&dir).unwrap_or_else(|e| panic!("{e:?}"));
    let ids: Vec<Vec<&str>> = guide
        .chapters
        .iter()
        .map(|l| l.iter().map(|c| c.meta.id.as_str()).collect())
        .collect();
    assert_eq!(ids, [["a", "b"], ["a", "b"]]);
    let rust = to_rust(&guide);
    assert!(rust.contains("pub static GUIDE: [&[Chapter]; 2]"));
    assert!(rust.contains("title: \"二\""));
    assert!(rust.contains("Section { id: \"sec\", title: \"Section\" }"));
}

#[test]
fn a_chapter_missing_in_one_language_fails() {
    let dir = content_dir(
        "missing",
        &[
            ("ja/01-a.md", &chapter("a", 1, "一", "x\n")),
            ("ja/02-b.md", &chapter("b", 2, "二", "x\n")),
            ("en/01-a.md", &chapter("a", 1, "One", "x\n")),
        ],
    );
    assert_eq!(
        errors(&dir),
        ["ja/02-b.md:1: chapter 'b' has no en version"]
    );
}

#[test]
fn differing_sections_and_playgrounds_fail_with_the_line() {
    let dir = content_dir(
        "differ",
        &[
            (
                "ja/01-a.md",
                &chapter(
                    "a",
                    1,
                    "一",
                    "## 一 {#one}\n\n## 二 {#two}\n\n```go playground id=p\nx\n```\n",
                ),
            ),
            (
                "en/01-a.md",
                &chapter(
                    "a",
                    1,
                    "One",
                    "## One {#one}\n\n## Two {#zwei}\n\n```sh playground id=p\nx\n```\n",
                ),
            ),
        ],
    );
    let errs = errors(&dir);
    assert_eq!(errs.len(), 2, "{errs:?}");
    assert!(
        errs[0].starts_with("en/01-a.md:9: section ids differ"),
        "{errs:?}"
    );
    assert!(
        errs[1].starts_with("en/01-a.md:11: playground blocks differ"),
        "{errs:?}"
    );
}

#[test]
fn file_name_must_match_id_and_order_and_links_must_resolve() {
    let dir = content_dir(
        "names",
        &[
            ("ja/01-x.md", &chapter("a", 1, "一", "[x](#/ja/nowhere)\n")),
            ("en/01-a.md", &chapter("a", 1, "One", "x\n")),
        ],
    );
    assert_eq!(
        errors(&dir),
        ["ja/01-x.md:1: file name should be 01-a.md for id 'a' and order 1"]
    );
    let dir = content_dir(
        "links",
        &[
            ("ja/01-a.md", &chapter("a", 1, "一", "\n[x](#/ja/a/nope)\n")),
            ("en/01-a.md", &chapter("a", 1, "One", "x\n")),
        ],
    );
    assert_eq!(
        errors(&dir),
        ["ja/01-a.md:8: link '#/ja/a/nope' leads nowhere"]
    );
}

#[test]
fn links_may_lead_to_the_apps_own_pages_which_no_chapter_may_take() {
    let dir = content_dir(
        "app-pages",
        &[
            (
                "ja/01-a.md",
                &chapter("a", 1, "一", "[x](#/ja/release)\n\n[y](#/ja/release/x)\n"),
            ),
            ("en/01-a.md", &chapter("a", 1, "One", "[x](#/en/release)\n")),
        ],
    );
    // The page itself is there; nothing lives below it.
    assert_eq!(
        errors(&dir),
        ["ja/01-a.md:9: link '#/ja/release/x' leads nowhere"]
    );
    let dir = content_dir(
        "app-page-id",
        &[
            ("ja/01-release.md", &chapter("release", 1, "一", "x\n")),
            ("en/01-release.md", &chapter("release", 1, "One", "x\n")),
        ],
    );
    assert_eq!(
        errors(&dir),
        [
            "ja/01-release.md:1: the id 'release' is the app's own page",
            "en/01-release.md:1: the id 'release' is the app's own page"
        ]
    );
}

#[test]
fn links_may_name_anchors_which_both_languages_must_share() {
    let ja = chapter(
        "a",
        1,
        "一",
        "本文 [出典](#/ja/a/src-x)\n\n## 出典 {#sources}\n\n- {#src-x} 測定\n",
    );
    let en = chapter(
        "a",
        1,
        "One",
        "Body [source](#/en/a/src-x)\n\n## Sources {#sources}\n\n- {#src-x} measured\n",
    );
    let dir = content_dir("anchors", &[("ja/01-a.md", &ja), ("en/01-a.md", &en)]);
    build(&dir).unwrap_or_else(|e| panic!("{e:?}"));

    let en_other = en.replace("{#src-x}", "{#src-y}");
    let dir = content_dir(
        "anchors-differ",
        &[("ja/01-a.md", &ja), ("en/01-a.md", &en_other)],
    );
    let errs = errors(&dir);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(
        errs[0].starts_with("en/01-a.md:11: anchors differ from")
            && errs[0].ends_with("[src-x] vs [src-y]"),
        "{errs:?}"
    );
}
