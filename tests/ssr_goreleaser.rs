//! The GoReleaser playground rendered natively: the whole widget inside chapter 5 in both
//! languages, and its parts on their own with the engine's analysis of edited configs.

use deploy_sim::goreleaser::{analyze, Options};
use deploy_sim::Lang;
use go_deploy_playground::components::editor::Editor;
use go_deploy_playground::components::playground::goreleaser::{
    ChangelogView, CheckSummary, DistTree, MatrixGrids, ReleaseFormView,
};
use go_deploy_playground::content;
use go_deploy_playground::playground::goreleaser::{FormProblems, ReleaseForm};
use std::rc::Rc;
use yew::prelude::*;

fn guide(lang: Lang) -> &'static str {
    let (_, ch) = content::find(lang, "goreleaser").expect("chapter");
    ch.playgrounds
        .iter()
        .find(|p| p.id == "goreleaser-config")
        .expect("playground")
        .code
}

mod support;
use support::render_en as render_app;

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

#[tokio::test]
async fn chapter_5_has_the_live_playground_in_both_languages() {
    for (lang, simulates, verdict) in [
        (
            "en",
            "Simulates GoReleaser v2.18",
            "6 targets · 6 archives · check passed",
        ),
        (
            "ja",
            "GoReleaser v2.18 をシミュレーションしています",
            "ターゲット 6 個 · アーカイブ 6 個 · check 成功",
        ),
    ] {
        let html = render_app(&format!("#/{lang}/goreleaser/config")).await;
        assert!(
            html.contains("data-playground=\"goreleaser-config\" data-kind=\"yaml\""),
            "{lang}"
        );
        assert!(html.contains(simulates), "{lang}");
        assert!(html.contains(verdict), "{lang}: {html}");
        assert!(html.contains("aria-live=\"polite\""));
        // Grid: six built targets, the commit list and the release form are there.
        assert_eq!(count(&html, "data-state=\"built\""), 6, "{lang}");
        assert!(html.contains("data-target=\"windows_arm64_v8.0\""));
        assert!(html.contains("id=\"pg-goreleaser-goreleaser-config-commits\""));
        assert!(html.contains("class=\"gr-ctx-tag\""));
        // dist/: binaries in their target folders, archives with their contents, checksums.
        assert!(html.contains("shortlink_linux_amd64_v1/"));
        assert!(html.contains("data-name=\"shortlink_1.2.3_windows_amd64.zip\""));
        assert!(html.contains("shortlink.exe</code>"));
        assert!(html.contains("data-name=\"checksums.txt\""));
        assert_eq!(
            count(&html, "  shortlink_1.2.3_"),
            6,
            "one checksum line per archive"
        );
        assert!(html.contains("ghcr.io/acme/shortlink:1.2.3-arm64"));
        // Changelog: sorted ascending, docs/test/chore commits filtered out.
        assert!(html.contains("feat: add /healthz endpoint"));
        assert!(!html.contains(" docs: update README"));
    }
}

#[derive(Properties, PartialEq)]
struct PartsProps {
    source: String,
    #[prop_or_default]
    commits: Option<String>,
    #[prop_or_default]
    snapshot: bool,
}

#[component]
fn Parts(props: &PartsProps) -> Html {
    let mut options = Options::default();
    options.context.snapshot = props.snapshot;
    if let Some(text) = &props.commits {
        options.commits = go_deploy_playground::playground::goreleaser::parse_commits(text);
    }
    let a = Rc::new(analyze(&props.source, &options));
    let lang = Lang::En;
    html! {
        <>
            <CheckSummary {lang} analysis={a.clone()} />
            <MatrixGrids {lang} analysis={a.clone()} />
            <DistTree {lang} analysis={a.clone()} snapshot={props.snapshot} />
            <ChangelogView {lang} analysis={a.clone()} textarea_id="c"
                commits={Rc::<str>::from(props.commits.clone().unwrap_or_default())}
                commit_count={options.commits.len()} modified={false}
                on_change={Callback::noop()} on_reset={Callback::noop()} />
            <Editor id="e" {lang} language={deploy_sim::highlight::Language::Yaml} label="l"
                value={Rc::<str>::from(props.source.as_str())} modified={false}
                diagnostics={Rc::new(a.diagnostics.clone())} on_change={Callback::noop()}
                on_reset={Callback::noop()} column_label={Some("col")} />
        </>
    }
}

async fn parts(props: PartsProps) -> String {
    yew::LocalServerRenderer::<Parts>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

fn edited(from: &str, to: &str) -> PartsProps {
    let source = guide(Lang::En);
    assert!(source.contains(from), "{from}");
    PartsProps {
        source: source.replace(from, to),
        commits: None,
        snapshot: false,
    }
}

#[tokio::test]
async fn adding_386_adds_a_column_with_darwin_386_not_a_valid_target() {
    let html = parts(edited(
        "goarch: [amd64, arm64]",
        "goarch: [amd64, arm64, \"386\"]",
    ))
    .await;
    assert_eq!(count(&html, "data-state=\"built\""), 8, "{html}");
    assert!(html.contains("data-target=\"darwin_386_sse2\" data-state=\"not-valid\""));
    assert!(
        html.contains("not in GoReleaser&#x27;s list of valid targets")
            || html.contains("not in GoReleaser's list of valid targets")
    );
    assert!(html.contains("data-name=\"shortlink_1.2.3_linux_386.tar.gz\""));
    assert!(!html.contains("shortlink_1.2.3_darwin_386"));
}

#[tokio::test]
async fn ignore_entries_mark_their_cells_with_the_entry() {
    let html = parts(edited(
        "    flags:\n",
        "    ignore:\n      - goos: windows\n        goarch: arm64\n    flags:\n",
    ))
    .await;
    assert!(
        html.contains("data-target=\"windows_arm64_v8.0\" data-state=\"ignored\""),
        "{html}"
    );
    assert!(html.contains("removed by ignore[0]"));
    assert_eq!(count(&html, "data-kind=\"archive\""), 5);
}

#[tokio::test]
async fn an_unknown_key_is_an_error_with_its_line_and_column_and_check_fails() {
    let html = parts(edited(
        "    goarch: [amd64, arm64]\n",
        "    goarc: [amd64, arm64]\n",
    ))
    .await;
    // Line 16 of the guide's config, column 5, in goreleaser check's (go-yaml's) words.
    assert!(html.contains("line 16, col 5"), "{html}");
    assert!(html.contains("field goarc not found in type config.Build"));
    assert!(html.contains("data-exit=\"1\""));
    assert!(html.contains("did you mean `goarch`?") || html.contains("did you mean <code>"));
}

#[tokio::test]
async fn the_deprecated_format_key_makes_check_exit_2() {
    let html = parts(edited("formats: [zip]", "format: zip")).await;
    assert!(html.contains("data-exit=\"2\""), "{html}");
    assert!(html.contains("configuration is valid, but uses deprecated properties"));
}

#[tokio::test]
async fn a_missing_archive_file_stops_the_release_but_not_check() {
    let html = parts(edited(
        "  - formats: [tar.gz]\n",
        "  - formats: [tar.gz]\n    files: [NOTICE]\n",
    ))
    .await;
    assert!(html.contains("data-exit=\"0\""), "{html}");
    assert!(html.contains("goreleaser release would stop here"));
    assert!(
        html.contains("matching &quot;./NOTICE&quot;: file does not exist")
            || html.contains("matching \"./NOTICE\": file does not exist")
    );
    assert_eq!(count(&html, "data-kind=\"archive\""), 0);
}

#[tokio::test]
async fn wrap_in_directory_shows_in_the_archive_contents() {
    let html = parts(edited(
        "  - formats: [tar.gz]\n",
        "  - formats: [tar.gz]\n    wrap_in_directory: true\n",
    ))
    .await;
    assert!(
        html.contains("<code>shortlink_1.2.3_linux_amd64/README.md</code>"),
        "{html}"
    );
    assert!(html.contains("<code>shortlink_1.2.3_linux_amd64/shortlink</code>"));
}

#[tokio::test]
async fn the_changelog_follows_the_commit_list_and_sort() {
    let mut props = edited("sort: asc", "sort: desc");
    props.commits = Some("feat: alpha\nfix: beta\ndocs: gamma\n".to_string());
    let html = parts(props).await;
    let (beta, alpha) = (
        html.find("fix: beta").unwrap(),
        html.find("feat: alpha").unwrap(),
    );
    // The textarea lists alpha first; the rendered notes (desc) put beta first.
    let notes = html.find("gr-changelog-md").unwrap();
    assert!(
        html[notes..].find("fix: beta") < html[notes..].find("feat: alpha"),
        "{html}"
    );
    assert!(beta > 0 && alpha > 0);
    assert!(!html[notes..].contains("docs: gamma"));
    assert!(html.contains("2 of 3 commits make it into the changelog"));
}

#[tokio::test]
async fn snapshot_versions_name_the_archives() {
    let mut props = edited("sort: asc", "sort: asc");
    props.snapshot = true;
    let html = parts(props).await;
    assert!(
        html.contains("shortlink_1.2.3-SNAPSHOT-3f2a9c1_linux_amd64.tar.gz"),
        "{html}"
    );
    assert!(html.contains("nothing is uploaded or pushed"));
}

#[derive(Properties, PartialEq)]
struct FormProps {
    problems: FormProblems,
}

#[component]
fn Form(props: &FormProps) -> Html {
    html! {
        <ReleaseFormView lang={Lang::Ja} id_prefix="f" form={ReleaseForm::default()}
            problems={props.problems} on_change={Callback::noop()} />
    }
}

#[tokio::test]
async fn the_release_form_marks_unusable_fields() {
    let ok = yew::LocalServerRenderer::<Form>::with_props(FormProps {
        problems: FormProblems::default(),
    })
    .hydratable(false)
    .render()
    .await;
    assert!(!ok.contains("aria-invalid"), "{ok}");
    assert!(ok.contains("value=\"v1.2.3\"") && ok.contains("リリースの状況"));
    let bad = yew::LocalServerRenderer::<Form>::with_props(FormProps {
        problems: FormProblems {
            commit: true,
            date: true,
        },
    })
    .hydratable(false)
    .render()
    .await;
    assert_eq!(bad.matches("aria-invalid=\"true\"").count(), 2, "{bad}");
    assert!(bad.contains("既定値を使います"));
}
