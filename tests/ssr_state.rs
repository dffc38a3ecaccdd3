//! The learner-state pages rendered natively: the share view of a good link (live playground
//! with the sender's text, Keep / Open my own version), of bad links (the reason in both
//! languages), the "Your progress" page, and the Share button on every live playground.

use deploy_sim::state::share::{link_hash, Shared, SharedKind};
use deploy_sim::Lang;

mod support;
use support::render_in as render;

fn link(chapter: &str, id: &str, lang: Lang, text: &str) -> String {
    link_hash(&Shared::playground(chapter, id, lang, text))
}

#[tokio::test]
async fn a_share_link_shows_the_senders_text_in_the_live_playground() {
    let text = "FROM golang:1.22 AS build\n# 送った人のコメント 🐳 <script>alert(1)</script>\nRUN go build -o /app .\n";
    let html = render(
        &link("docker-multistage", "production", Lang::Ja, text),
        "en",
    )
    .await;
    assert!(html.contains("data-share=\"production\""), "{html}");
    assert!(html.contains("Shared playground"));
    // The live editor holds the sender's text, escaped.
    assert!(html.contains("id=\"pg-docker-multistage-production-code\""));
    assert!(html.contains("送った人のコメント 🐳 &lt;script&gt;"));
    assert!(!html.contains("<script>alert"));
    // The two ways on, and the sender's language named.
    assert!(html.contains("Keep this version"));
    // "Open my own version" leads to the section the playground stands in.
    assert!(html.contains("href=\"#/en/docker-multistage/production\" class=\"btn share-own\""));
    assert!(html.contains("Shared from the Japanese guide."));
    // The share view itself offers no Share button (it would share the link it came from).
    assert!(!html.contains("pg-share-toggle"));
}

#[tokio::test]
async fn the_share_view_speaks_the_readers_language() {
    let html = render(
        &link(
            "docker-multistage",
            "production",
            Lang::Ja,
            "FROM scratch\n",
        ),
        "ja",
    )
    .await;
    assert!(html.contains("共有されたプレイグラウンド"), "{html}");
    assert!(html.contains("この内容を保存"));
    assert!(html.contains("自分の内容を開く"));
    assert!(!html.contains("Shared from"));
}

#[tokio::test]
async fn bad_links_say_why_in_both_languages() {
    let good = link(
        "docker-multistage",
        "production",
        Lang::En,
        "FROM golang:1.22\nRUN go build\n",
    );
    let cases = [
        (
            good[..good.len() - 5].to_string(),
            "incomplete",
            "途中で切れています",
        ),
        ("#/share/v1/".to_string(), "is empty", "中身がありません"),
        ("#/share/".to_string(), "is empty", "中身がありません"),
        ("#/share/v9/abc".to_string(), "newer version", "新しい版"),
        ("#/share/v1/abc$def".to_string(), "damaged", "壊れています"),
    ];
    for (hash, en, ja) in cases {
        let html = render(&hash, "en").await;
        assert!(html.contains("data-share=\"error\""), "{hash}: {html}");
        assert!(html.contains("role=\"alert\""), "{hash}");
        assert!(
            html.contains("This link can&#x27;t be opened")
                || html.contains("This link can't be opened"),
            "{hash}"
        );
        assert!(html.contains(en), "{hash}: {en}");
        assert!(html.contains(ja), "{hash}: {ja}");
        assert!(
            html.contains("lang=\"ja\""),
            "{hash}: the Japanese line is marked"
        );
    }
}

#[tokio::test]
async fn a_link_to_a_playground_this_version_lacks_shows_its_text() {
    let html = render(
        &link("no-such-chapter", "gone", Lang::En, "FROM <b>old</b>\n"),
        "en",
    )
    .await;
    assert!(html.contains("data-share=\"unknown\""), "{html}");
    assert!(html.contains("FROM &lt;b&gt;old&lt;/b&gt;"));
}

#[tokio::test]
async fn the_progress_page_offers_export_import_and_reset_in_both_languages() {
    let en = render("#/en/progress", "en").await;
    for needle in [
        "<h1 tabindex=\"-1\">Your progress</h1>",
        "Export progress",
        "type=\"file\"",
        "accept=\".json,application/json\"",
        "Reset everything…",
        "id=\"progress-status\"",
    ] {
        assert!(en.contains(needle), "{needle}: {en}");
    }
    let ja = render("#/ja/progress", "ja").await;
    for needle in [
        "学習データ",
        "学習データを書き出す",
        "ファイルを選ぶ",
        "すべてリセット…",
    ] {
        assert!(ja.contains(needle), "{needle}");
    }
    // The language switch keeps the page.
    assert!(ja.contains("href=\"#/en/progress\""));
}

#[tokio::test]
async fn every_page_links_to_the_progress_page_and_playgrounds_have_share() {
    let home = render("#/ja/", "ja").await;
    assert!(home.contains("class=\"home-progress\""));
    assert!(home.contains("href=\"#/ja/progress\""));
    let chapter = render("#/en/docker-multistage", "en").await;
    assert!(chapter.contains("href=\"#/en/progress\" class=\"footer-progress\""));
    let live = chapter.matches("<section data-playground=").count();
    assert!(live > 0);
    assert_eq!(
        chapter.matches("pg-share-toggle").count(),
        live,
        "one Share per playground"
    );
    assert!(chapter.contains("aria-expanded=\"false\""));
}

fn exercise_link(id: &str, lang: Lang, files: &[(&str, &str)]) -> String {
    link_hash(&Shared::files(
        SharedKind::Exercise,
        "docker-multistage",
        id,
        lang,
        files.iter().copied(),
    ))
}

#[tokio::test]
async fn an_exercise_page_has_a_share_button_and_a_shared_exercise_opens_live() {
    let page = render("#/en/exercises/docker-nonroot", "en").await;
    assert_eq!(page.matches("pg-share-toggle").count(), 1, "{page}");
    assert!(page.contains("aria-controls=\"ex-docker-nonroot-share\""));

    let text = "FROM gcr.io/distroless/static-debian12\n# 共有 <img src=x onerror=alert(1)>\nUSER nonroot\n";
    let html = render(
        &exercise_link("docker-nonroot", Lang::Ja, &[("dockerfile", text)]),
        "en",
    )
    .await;
    assert!(html.contains("data-share=\"docker-nonroot\""), "{html}");
    assert!(html.contains("Shared exercise"));
    assert!(html.contains("data-exercise=\"docker-nonroot\""));
    // The editor holds the shared file, escaped, and the checks ran on it.
    assert!(html.contains("# 共有 &lt;img src=x onerror=alert(1)&gt;"));
    assert!(!html.contains("<img src=x"));
    assert!(html.contains("class=\"ex-checks"), "{html}");
    assert!(html.contains("Keep this version"));
    assert!(html.contains("href=\"#/en/exercises/docker-nonroot\" class=\"btn share-own\""));
    assert!(html.contains("Shared from the Japanese guide."));
    // No Share button inside the share view.
    assert!(!html.contains("pg-share-toggle"));

    // An exercise this version lacks: its files, as text.
    let gone = render(
        &exercise_link(
            "no-such-exercise",
            Lang::En,
            &[("makefile", "all:\n\t<b>x</b>\n")],
        ),
        "en",
    )
    .await;
    assert!(gone.contains("data-share=\"unknown\""), "{gone}");
    assert!(gone.contains("&lt;b&gt;x&lt;/b&gt;"));
}

#[tokio::test]
async fn the_release_preview_has_a_share_button_and_a_shared_preview_opens_live() {
    let page = render("#/en/release", "en").await;
    assert_eq!(page.matches("pg-share-toggle").count(), 1, "{page}");
    assert!(page.contains("aria-controls=\"rel-share\""));
    assert!(
        page.contains("data-triggered=\"true\""),
        "the guide's files release on a tag"
    );

    // Only the workflow travels: a branch-only trigger, with markup in a step.
    let workflow = "on:\n  push:\n    branches: [main]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo '<img src=x onerror=alert(1)>'\n";
    let link = link_hash(&Shared::files(
        SharedKind::Release,
        "release",
        "preview",
        Lang::Ja,
        [("workflow", workflow)],
    ));
    let html = render(&link, "en").await;
    assert!(html.contains("data-share=\"release\""), "{html}");
    assert!(html.contains("Shared release preview"));
    // The run is the shared workflow's: a tag push does not trigger it.
    assert!(html.contains("data-triggered=\"false\""), "{html}");
    assert!(html.contains("echo '&lt;img src=x onerror=alert(1)&gt;'"));
    assert!(!html.contains("<img src=x"));
    assert!(html.contains("Keep this version"));
    assert!(html.contains("href=\"#/en/release\" class=\"btn share-own\""));
    assert!(html.contains("Shared from the Japanese guide."));
    assert!(
        !html.contains("pg-share-toggle"),
        "no Share button inside the share view"
    );
}
