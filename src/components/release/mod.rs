//! The release preview page (`#/<lang>/release`): the guide's five files in tabs, each an editor
//! with its own engine's diagnostics and the cross-file findings placed in it, and the run that
//! `git tag v1.2.3 && git push --tags` starts — trigger, job graph (with "mark as failing"),
//! what GoReleaser publishes, the images pushed, `/version` per target and the findings with
//! their because-traces, whose steps open the file at the line. Every keystroke, form change and
//! toggle reruns `deploy_sim::release::preview`; the edits are saved like a playground's.
//!
//! Parts, one file each: `files` (tabs and the editor), `errors` (the files' own errors above
//! the run), `form` (tag, previous tag, history),
//! `run` (trigger, history, jobs), `publish` (artifacts, images, `/version`), `findings`.

mod errors;
mod files;
mod findings;
mod form;
mod publish;
mod run;

use crate::browser;
use crate::components::playground::{
    notice_html, use_page_text, LiveTexts, PlaygroundText, ShareButton, SharedKind,
};
use crate::playground::editing;
use crate::playground::release::{
    default_text, project_files, summary, tab, FileTab, ReleaseForm, SCOPE, TABS,
};
use crate::release_text::{rel_text, verdict};
use deploy_sim::release::{preview, ProjectFile, ReleasePreview};
use deploy_sim::Lang;
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReleasePageProps {
    pub lang: Lang,
    /// In the share view: the shared files by tab id; the page starts from them and keeps
    /// edits in memory (and shows no Share button of its own).
    #[prop_or_default]
    pub shared: Option<Rc<BTreeMap<String, String>>>,
    /// In the share view: where the page records its current texts for "Keep this version".
    #[prop_or_default]
    pub live: Option<LiveTexts>,
}

/// Where a because-step (or a line button) sends the learner: a file and a line (0: the file).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub file: ProjectFile,
    pub line: usize,
}

/// What the parts need to render and to send the learner to a place.
pub(crate) struct View<'a> {
    pub lang: Lang,
    pub preview: &'a ReleasePreview,
    pub go_to: Callback<Place>,
}

impl View<'_> {
    /// A small button naming `file:line` that opens the file's tab with the caret on the line.
    pub fn place_button(&self, place: Place, class: &'static str) -> Html {
        let t = rel_text(self.lang);
        let name = tab(place.file).name;
        let label = crate::release_text::place(self.lang, name, place.line);
        let onclick = self.go_to.reform(move |_: MouseEvent| place);
        html! {
            <button type="button" class={classes!("btn-small", "rel-place", class)}
                data-file={tab(place.file).slug()} data-line={place.line.to_string()}
                title={t.go_to} {onclick}>
                <span aria-hidden="true">{ "↗ " }</span><code>{ label }</code>
            </button>
        }
    }
}

/// A caret to place once the tab it is in has rendered: the textarea, the UTF-16 offset and a
/// serial, so that going to the same place twice moves the caret twice.
#[derive(Clone, Debug, PartialEq, Eq)]
struct FocusRequest {
    editor_id: String,
    offset: usize,
    line: usize,
    serial: u32,
}

#[component]
pub fn ReleasePage(props: &ReleasePageProps) -> Html {
    let lang = props.lang;
    let t = rel_text(lang);
    // Five fixed hooks, in TABS order (hooks may not be called in a loop).
    let shared = &props.shared;
    let original = |i: usize| default_text(lang, TABS[i].file);
    let main_go = use_page_text(SCOPE, TABS[0].id, original(0), shared.clone());
    let makefile = use_page_text(SCOPE, TABS[1].id, original(1), shared.clone());
    let dockerfile = use_page_text(SCOPE, TABS[2].id, original(2), shared.clone());
    let goreleaser = use_page_text(SCOPE, TABS[3].id, original(3), shared.clone());
    let workflow = use_page_text(SCOPE, TABS[4].id, original(4), shared.clone());
    let texts: [PlaygroundText; 5] = [main_go, makefile, dockerfile, goreleaser, workflow];
    if let Some(live) = &props.live {
        for (tab, text) in TABS.iter().zip(&texts) {
            live.record(tab.id, text.text.clone());
        }
    }
    // The Share button's link carries the five texts as they are now.
    let share_texts: Rc<BTreeMap<&'static str, Rc<str>>> = Rc::new(
        TABS.iter()
            .zip(&texts)
            .map(|(tab, text)| (tab.id, text.text.clone()))
            .collect(),
    );

    let form = use_state(ReleaseForm::default);
    let active = use_state(|| ProjectFile::Workflow);
    let marked = use_state(|| None::<Place>);
    let focus = use_state(|| None::<FocusRequest>);

    let result: Rc<ReleasePreview> = {
        let deps = (texts.clone().map(|p| p.text), (*form).clone());
        use_memo(deps, |(texts, form)| {
            preview(
                &project_files(texts.each_ref().map(|t| &**t)),
                &form.options(),
            )
        })
    };

    // After the tab with the place has rendered: caret on the line, line in view.
    use_effect_with((*focus).clone(), |request| {
        if let Some(r) = request {
            browser::focus_textarea_at(&r.editor_id, r.offset);
            browser::scroll_editor_line_into_view(&r.editor_id, r.line);
        }
    });

    let go_to = {
        let (active, marked, focus) = (active.clone(), marked.clone(), focus.clone());
        let texts: Vec<Rc<str>> = texts.iter().map(|p| p.text.clone()).collect();
        Callback::from(move |place: Place| {
            let index = TABS.iter().position(|t| t.file == place.file).unwrap_or(0);
            let text = texts.get(index).cloned().unwrap_or_else(|| Rc::from(""));
            active.set(place.file);
            marked.set((place.line > 0).then_some(place));
            focus.set(Some(FocusRequest {
                editor_id: TABS[index].editor_id(),
                offset: editing::line_start_utf16(&text, place.line),
                line: place.line,
                serial: focus.as_ref().map_or(0, |f| f.serial.wrapping_add(1)),
            }));
        })
    };
    let on_select = {
        let (active, marked) = (active.clone(), marked.clone());
        Callback::from(move |file: ProjectFile| {
            active.set(file);
            if marked.is_some_and(|m| m.file != file) {
                marked.set(None);
            }
        })
    };
    let on_form = {
        let form = form.clone();
        Callback::from(move |next: ReleaseForm| form.set(next))
    };
    let on_toggle = {
        let form = form.clone();
        Callback::from(move |job: String| {
            let mut next = (*form).clone();
            next.failing = crate::playground::workflow::toggle_failing(&next.failing, &job);
            form.set(next);
        })
    };

    let view = View {
        lang,
        preview: &result,
        go_to,
    };
    let line = verdict(lang, &result.tag, summary(&result));
    // One notice for the five texts: storage is the same for all of them, and a value set aside
    // names its own key.
    let notice = texts
        .iter()
        .find_map(|p| p.notice.as_ref())
        .map(|n| notice_html(lang, n));
    let active_tab: FileTab = tab(*active);
    let marked_line = marked.filter(|m| m.file == *active).map(|m| m.line);

    html! {
        <div class="release-page">
            <header class="chapter-header">
                <h1 tabindex="-1">{ t.title }</h1>
                <p class="summary">{ crate::components::job_graph::sentence(t.intro) }</p>
                <p class="pg-muted rel-sources">{ t.sources }</p>
                if props.shared.is_none() {
                    <ShareButton {lang} kind={SharedKind::Release} chapter={SCOPE} id="preview"
                        texts={share_texts} />
                }
            </header>
            if let Some(notice) = notice {
                <p class="pg-notice" role="status"><span aria-hidden="true">{ "ⓘ " }</span>{ notice }</p>
            }
            <p class="pg-verdict rel-verdict" aria-live="polite" aria-atomic="true"
                data-triggered={result.trigger.triggered.to_string()}>{ line }</p>
            <div class="rel-grid">
                <section class="rel-files" aria-label={t.files_label}>
                    { files::file_tabs(&view, &texts, active_tab, marked_line, on_select) }
                </section>
                <section class="rel-results" aria-labelledby="rel-run-title">
                    <h2 id="rel-run-title" class="rel-run-title">{ t.run_title }</h2>
                    { errors::file_errors_section(&view) }
                    { form::release_form(lang, &form, on_form) }
                    { run::trigger(&view) }
                    { run::jobs(&view, &form.failing, on_toggle) }
                    { findings::findings(&view) }
                    { publish::goreleaser(&view) }
                    { publish::images(&view) }
                    { publish::versions(&view) }
                </section>
            </div>
        </div>
    }
}
