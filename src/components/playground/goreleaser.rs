//! The GoReleaser playground: the `.goreleaser.yaml` editor with the engine's diagnostics in its
//! gutter and list, and beside it (wide screens) or below it what `goreleaser check` says, the
//! release context as a small form, the build matrix of every build, the `dist/` tree of
//! everything `goreleaser release` would write (archives with their contents, checksums.txt
//! line by line, images and manifests), and the changelog of an editable commit list. All of it
//! is recomputed on every input event; there is no Run button.

mod changelog_view;
mod check_summary;
mod dist_tree;
mod matrix_grid;
mod release_form;

pub use changelog_view::ChangelogView;
pub use check_summary::CheckSummary;
pub use dist_tree::DistTree;
pub use matrix_grid::MatrixGrids;
pub use release_form::ReleaseFormView;

use super::{use_playground_text, PlaygroundFrame};
use crate::components::editor::Editor;
use crate::content::Playground;
use crate::goreleaser_text::{gr_text, verdict};
use crate::playground::goreleaser::{commits_to_text, counts, parse_commits, ReleaseForm};
use deploy_sim::goreleaser::{analyze, changelog, Options};
use deploy_sim::highlight::Language;
use deploy_sim::Lang;
use std::rc::Rc;
use std::sync::OnceLock;
use yew::prelude::*;

/// The storage id of the commit list (one per chapter: the guide has one GoReleaser playground).
const COMMITS_ID: &str = "goreleaser-commits";

/// The engine's sample commits as the textarea's starting text.
fn default_commits() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| commits_to_text(&changelog::sample_commits()))
}

#[derive(Properties, PartialEq)]
pub struct GoReleaserPlaygroundProps {
    pub lang: Lang,
    pub chapter: &'static str,
    pub playground: &'static Playground,
}

#[component]
pub fn GoReleaserPlayground(props: &GoReleaserPlaygroundProps) -> Html {
    let lang = props.lang;
    let t = gr_text(lang);
    let pg = use_playground_text(props.chapter, props.playground.id, props.playground.code);
    let commits = use_playground_text(props.chapter, COMMITS_ID, default_commits());
    let form = use_state(ReleaseForm::default);

    let (context, problems) = form.to_context();
    // Memoised on what it reads: a re-render for another reason (the commit list's own
    // editor, a form field that does not parse) does not analyse the config again.
    let memo = use_memo(
        (pg.analysed.clone(), context, commits.analysed.clone()),
        |(text, context, commits)| {
            let options = Options {
                context: context.clone(),
                commits: parse_commits(commits),
                ..Options::default()
            };
            let analysis = Rc::new(analyze(text, &options));
            let diagnostics = Rc::new(analysis.diagnostics.clone());
            (analysis, diagnostics, options.commits.len())
        },
    );
    let (analysis, diagnostics, commit_count) = (*memo).clone();
    let line = verdict(lang, &counts(&analysis));
    let id = |name: &str| format!("pg-{}-{}-{name}", props.chapter, props.playground.id);
    let on_form = {
        let form = form.clone();
        Callback::from(move |next: ReleaseForm| form.set(next))
    };

    let editor = html! {
        <Editor
            id={AttrValue::from(id("code"))}
            {lang}
            language={Language::Yaml}
            label={AttrValue::from(format!(".goreleaser.yaml ({})", props.playground.id))}
            value={pg.text.clone()}
            modified={pg.modified}
            {diagnostics}
            on_change={pg.set.clone()}
            on_reset={pg.reset.clone()}
            column_label={Some(t.column)}
        />
    };
    let results = html! {
        <div class="gr-results">
            <p class="gr-simulates"><span aria-hidden="true">{ "ⓘ " }</span>{ t.simulates }</p>
            <CheckSummary {lang} analysis={analysis.clone()} />
            <ReleaseFormView {lang} id_prefix={AttrValue::from(id("ctx"))} form={(*form).clone()}
                {problems} on_change={on_form} />
            <MatrixGrids {lang} analysis={analysis.clone()} />
            <DistTree {lang} analysis={analysis.clone()} snapshot={form.snapshot} />
            <ChangelogView {lang} analysis={analysis.clone()} textarea_id={AttrValue::from(id("commits"))}
                commits={commits.text.clone()} {commit_count}
                modified={commits.modified} on_change={commits.set.clone()} on_reset={commits.reset.clone()} />
        </div>
    };
    html! {
        <PlaygroundFrame {lang} playground={props.playground} notice={pg.notice} size={pg.size}
            verdict={AttrValue::from(line)} {editor} {results} />
    }
}
