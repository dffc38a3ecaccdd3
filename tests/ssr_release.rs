//! The release preview page rendered natively, in both languages: the route, the five file tabs
//! (the workflow's editor open, the Dockerfile under its real name), the verdict, the run (trigger
//! with its filter line, jobs in order), what GoReleaser publishes, the images, `/version` per
//! target and the findings with their because-trace buttons; the nav and the contents page link
//! to it; a path below it is still "not found".

use go_deploy_playground::playground::release::{default_text, TABS};

mod support;
use support::render_en as render_app;

/// The value of `attr` in every opening tag whose class list contains `class`, in order.
fn attrs(html: &str, class: &str, attr: &str) -> Vec<String> {
    html.split('<')
        .map(|chunk| &chunk[..chunk.find('>').unwrap_or(chunk.len())])
        .filter(|tag| {
            tag.split("class=\"")
                .nth(1)
                .and_then(|rest| rest.split('"').next())
                .is_some_and(|classes| classes.split(' ').any(|c| c == class))
        })
        .filter_map(|tag| {
            let start = tag.find(&format!(" {attr}=\""))? + attr.len() + 3;
            Some(tag[start..start + tag[start..].find('"')?].to_string())
        })
        .collect()
}

struct Expect {
    lang: &'static str,
    title: &'static str,
    verdict: &'static str,
    triggered: &'static str,
    nav: &'static str,
}

const LANGS: [Expect; 2] = [
    Expect {
        lang: "en",
        title: "<h1 tabindex=\"-1\">Release preview</h1>",
        verdict: "Release v1.2.3: 2 jobs, 14 artifacts, 3 images · 1 problem",
        triggered: "Triggered",
        nav: "Release preview",
    },
    Expect {
        lang: "ja",
        title: "<h1 tabindex=\"-1\">リリースのプレビュー</h1>",
        verdict: "リリース v1.2.3: ジョブ 2 個、成果物 14 個、イメージ 3 個 · 問題 1 件",
        triggered: "起動する",
        nav: "リリースのプレビュー",
    },
];

#[tokio::test]
async fn the_page_shows_the_default_projects_release_in_both_languages() {
    for e in LANGS {
        let html = render_app(&format!("#/{}/release", e.lang)).await;
        let lang = e.lang;
        assert!(html.contains(e.title), "{lang}");
        assert!(
            html.contains(&format!(
                "aria-live=\"polite\" aria-atomic=\"true\" data-triggered=\"true\" class=\"pg-verdict rel-verdict\">{}</p>",
                e.verdict
            )),
            "{lang}: verdict"
        );
        // Five tabs, in the story's order, the Dockerfile under its real name; the workflow's
        // editor is open and holds the default workflow of this language.
        assert_eq!(
            attrs(&html, "rel-tab", "data-file"),
            [
                "main-go",
                "makefile",
                "dockerfile",
                "goreleaser",
                "workflow"
            ],
            "{lang}"
        );
        for tab in TABS {
            assert!(
                html.contains(&format!("<code class=\"rel-tab-name\">{}</code>", tab.name)),
                "{lang}: tab {}",
                tab.name
            );
        }
        assert!(html.contains("Dockerfile.release"));
        assert_eq!(
            attrs(&html, "rel-tab", "aria-selected"),
            ["false", "false", "false", "false", "true"]
        );
        assert!(html.contains("id=\"release-workflow-code\""), "{lang}");
        let workflow = default_text(
            deploy_sim::Lang::from_code(lang).expect("lang"),
            deploy_sim::release::ProjectFile::Workflow,
        );
        let first_comment = workflow.lines().nth(8).expect("line 9");
        assert!(html.contains(first_comment), "{lang}: {first_comment}");
        // .goreleaser.yaml's tab carries its warning (dockers are being phased out) as icon,
        // number and words.
        assert!(
            html.contains("<span aria-hidden=\"true\">▲1</span>"),
            "{lang}"
        );

        // The run: triggered by the filter on line 7, test then release, both succeeding.
        assert!(html.contains(&format!(
            "</span>{} · <code>refs/tags/v1.2.3</code>",
            e.triggered
        )));
        assert_eq!(
            attrs(&html, "rel-trigger-place", "data-line"),
            ["7"],
            "{lang}"
        );
        assert_eq!(attrs(&html, "wf-job", "data-job"), ["test", "release"]);
        assert_eq!(
            attrs(&html, "wf-job", "data-status"),
            ["success", "success"]
        );
        assert_eq!(attrs(&html, "wf-fail", "aria-pressed"), ["false", "false"]);
        // What GoReleaser publishes: six archives, the checksums, the notes.
        let archives = attrs(&html, "rel-artifact", "data-name");
        for name in [
            "shortlink_1.2.3_linux_amd64.tar.gz",
            "shortlink_1.2.3_windows_arm64.zip",
            "checksums.txt",
            "CHANGELOG.md",
        ] {
            assert!(archives.iter().any(|a| a == name), "{lang}: {name}");
        }
        assert!(html.contains("data-published=\"true\""));
        // Three image references, all pushed, the last a manifest list.
        assert_eq!(
            attrs(&html, "rel-image", "data-reference"),
            [
                "ghcr.io/acme/shortlink:1.2.3-amd64",
                "ghcr.io/acme/shortlink:1.2.3-arm64",
                "ghcr.io/acme/shortlink:1.2.3"
            ]
        );
        assert_eq!(
            attrs(&html, "rel-image", "data-manifest"),
            ["false", "false", "true"]
        );
        assert_eq!(
            attrs(&html, "rel-image", "data-pushed"),
            ["true", "true", "true"]
        );
        // /version per target.
        assert_eq!(
            attrs(&html, "rel-version", "data-target"),
            [
                "linux_amd64_v1",
                "linux_arm64_v8.0",
                "darwin_amd64_v1",
                "darwin_arm64_v8.0",
                "windows_amd64_v1",
                "windows_arm64_v8.0"
            ]
        );
        assert_eq!(
            html.matches("<td class=\"rel-v-version\"><code>1.2.3</code></td>")
                .count(),
            6
        );
        assert_eq!(
            html.matches("<td class=\"rel-v-commit\"><code>3f2a9c1</code></td>")
                .count(),
            6
        );
        // The one finding (make stamps v1.2.3, GoReleaser 1.2.3), its trace through two files.
        assert_eq!(attrs(&html, "rel-finding", "data-code"), ["REL010"]);
        assert_eq!(
            attrs(&html, "rel-step-place", "data-file"),
            ["makefile", "goreleaser"]
        );
        assert_eq!(attrs(&html, "rel-step-place", "data-line"), ["9", "20"]);
        // The nav marks the page.
        assert!(
            html.contains(&format!(
                "<p class=\"nav-page current\"><a href=\"#/{lang}/release\" aria-current=\"page\">"
            )),
            "{lang}"
        );
        assert!(html.contains(e.nav));
        // No inline style anywhere (CSP).
        assert!(!html.contains("style="), "{lang}");
    }
}

#[tokio::test]
async fn the_nav_and_the_contents_link_to_it_and_nothing_lives_below_it() {
    for lang in ["en", "ja"] {
        let chapter = render_app(&format!("#/{lang}/ci-cd")).await;
        assert!(
            chapter.contains(&format!(
                "<p class=\"nav-page\"><a href=\"#/{lang}/release\">"
            )),
            "{lang}"
        );
        let home = render_app(&format!("#/{lang}/")).await;
        assert_eq!(
            attrs(&home, "rel-card", "href"),
            [format!("#/{lang}/release")],
            "{lang}"
        );
        let below = render_app(&format!("#/{lang}/release/main.go")).await;
        assert!(below.contains("class=\"not-found\""), "{lang}");
        assert!(!below.contains("release-page"), "{lang}");
    }
}
