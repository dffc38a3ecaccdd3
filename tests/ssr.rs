//! The app's components rendered natively (server-side rendering), as a browser would first see
//! them. Effects don't run here, so this checks what the markup says, not what scripts do.

mod support;
use support::render;

#[tokio::test]
async fn a_deep_link_renders_that_chapter_in_that_language() {
    let html = render("#/en/go-binaries/static-binary", &["ja-JP"], None).await;
    assert!(html.contains("lang=\"en\""), "{html}");
    assert!(html.contains("data-chapter=\"go-binaries\""));
    assert!(html.contains("Chapter 1"));
    // The current chapter is marked for assistive technology, and its sections are listed.
    assert!(html.contains("aria-current=\"page\""));
    assert!(html.contains("href=\"#/en/go-binaries/static-binary\""));
    // The language switch leads to the same section in Japanese.
    assert!(html.contains("href=\"#/ja/go-binaries/static-binary\""));
}

#[tokio::test]
async fn the_root_follows_the_browser_language_unless_a_choice_was_stored() {
    let ja = render("", &["ja-JP", "en"], None).await;
    assert!(ja.contains("lang=\"ja\""));
    assert!(ja.contains("Go デプロイ・プレイグラウンド"));
    let en = render("", &["ja-JP"], Some("en")).await;
    assert!(en.contains("lang=\"en\""));
    assert!(en.contains("Go Deploy Playground"));
}

#[tokio::test]
async fn unknown_routes_get_a_friendly_page_with_a_way_back() {
    for hash in ["#/en/no-such-chapter", "#/en/a/b/c/d", "#/xx"] {
        let html = render(hash, &["en"], None).await;
        assert!(html.contains("Page not found"), "{hash}: {html}");
        assert!(html.contains("href=\"#/en/\""), "{hash}");
    }
    let ja = render("#/ja/nope", &["en"], None).await;
    assert!(ja.contains("ページが見つかりません"));
}

#[tokio::test]
async fn chapters_link_to_their_neighbours() {
    let html = render("#/ja/docker-multistage", &[], None).await;
    assert!(html.contains("rel=\"prev\""));
    assert!(html.contains("href=\"#/ja/go-binaries\""));
    assert!(html.contains("rel=\"next\""));
    let first = render("#/ja/go-binaries", &[], None).await;
    assert!(!first.contains("rel=\"prev\""));
}

#[tokio::test]
async fn playground_blocks_render_live_editors_with_their_labels_and_starting_code() {
    let html = render("#/en/cross-compilation", &["en"], None).await;
    assert!(
        html.contains("id=\"pg-cross-compilation-build-makefile-code\""),
        "{html}"
    );
    assert!(html.contains("spellcheck=\"false\""));
    assert!(html.contains("aria-live=\"polite\""));
    assert!(html.contains("Esc, then Tab"));
    // The Makefile was simulated during render: its make -n line is there.
    assert!(html.contains("-o bin/shortlink ./cmd/shortlink"));
    // The GoReleaser config is a live playground; the chapter's other blocks stay static.
    let yaml = render("#/en/goreleaser", &["en"], None).await;
    assert!(yaml.contains("data-playground=\"goreleaser-config\" data-kind=\"yaml\""));
    assert!(yaml.contains("id=\"pg-goreleaser-goreleaser-config-code\""));
    assert!(yaml.contains("code-block"));
}
