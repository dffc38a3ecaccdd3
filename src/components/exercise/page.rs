//! `#/<lang>/exercises/<id>`: one exercise. The instructions; one editor per file (tabs when
//! there are several); the checks re-evaluated on every keystroke; the golf score; hints one at
//! a time; the reference solution behind a confirmation (the learner's text kept aside for "Back
//! to my version"); "Start over"; links to the previous and next exercise.
//!
//! Every file's text, the hints revealed, the solved mark, the best golf score and the text kept
//! aside are stored on every change with `use_exercise_text`, per language (keys in
//! [`crate::exercises::progress`]); without storage everything works in memory and a notice says
//! so.

use super::checks::CheckList;
use super::golf::GolfPanel;
use super::hints::Hints;
use super::prose;
use crate::browser;
use crate::components::editor::Editor;
use crate::components::playground::{
    notice_html, use_exercise_text, LiveTexts, PlaygroundText, ShareButton, SharedKind,
};
use crate::content;
use crate::exercise_text::{chapter_heading, checks_summary, editor_label, ex_text};
use crate::exercises::findings::{depends_on, findings};
use crate::exercises::progress::{decode_files, encode_files, Record, MINE, PROGRESS};
use crate::exercises::{self};
use crate::route::Route;
use deploy_sim::exercise::{evaluate, Exercise, FileKind, Files};
use deploy_sim::highlight::Language;
use deploy_sim::{Diagnostic, Lang};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExercisePageProps {
    pub lang: Lang,
    /// Position in [`exercises::all`].
    pub index: usize,
    /// In the share view: the shared files by kind; the page then starts from them and keeps
    /// every change in memory.
    #[prop_or_default]
    pub shared: Option<Rc<BTreeMap<String, String>>>,
    /// In the share view: where the page records its current files for "Keep this version".
    #[prop_or_default]
    pub live: Option<LiveTexts>,
}

/// The exercise page; nothing when `index` names no exercise (the app shows "not found" for an
/// unknown id before getting here).
#[component]
pub fn ExercisePage(props: &ExercisePageProps) -> Html {
    match exercises::all().get(props.index) {
        Some(exercise) => html! {
            <Workspace lang={props.lang} index={props.index} exercise={ExerciseRef(exercise)}
                shared={props.shared.clone()} live={props.live.clone()} />
        },
        None => html! {},
    }
}

/// An exercise compared by address: they live for the whole run, so two are the same exactly
/// when they are the same one.
#[derive(Clone, Copy)]
struct ExerciseRef(&'static Exercise);

impl PartialEq for ExerciseRef {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

#[derive(Properties, PartialEq)]
struct WorkspaceProps {
    lang: Lang,
    index: usize,
    exercise: ExerciseRef,
    shared: Option<Rc<BTreeMap<String, String>>>,
    live: Option<LiveTexts>,
}

/// What an inline confirmation is asking.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ask {
    Solution,
    StartOver,
}

fn slot(kind: FileKind) -> usize {
    FileKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
}

fn language(kind: FileKind) -> Language {
    Language::from_info(kind.highlight_language())
}

/// One stored text per kind of file (a fixed number of hooks, whatever the exercise gives: hooks
/// must be called the same way on every render). Kinds the exercise lacks are never shown.
#[hook]
fn use_exercise_files(
    lang: Lang,
    exercise: &'static Exercise,
    shared: Option<Rc<BTreeMap<String, String>>>,
) -> [PlaygroundText; FileKind::ALL.len()] {
    let id = exercise.id.as_str();
    let start = |i: usize| exercise.files.get(FileKind::ALL[i]).unwrap_or("");
    [
        use_exercise_text(lang, id, FileKind::ALL[0].key(), start(0), shared.clone()),
        use_exercise_text(lang, id, FileKind::ALL[1].key(), start(1), shared.clone()),
        use_exercise_text(lang, id, FileKind::ALL[2].key(), start(2), shared.clone()),
        use_exercise_text(lang, id, FileKind::ALL[3].key(), start(3), shared.clone()),
        use_exercise_text(lang, id, FileKind::ALL[4].key(), start(4), shared.clone()),
        use_exercise_text(lang, id, FileKind::ALL[5].key(), start(5), shared.clone()),
        use_exercise_text(lang, id, FileKind::ALL[6].key(), start(6), shared.clone()),
    ]
}

/// A file's kind with its stored text's `set` and `reset`.
type FileSetter = (FileKind, Callback<String>, Callback<()>);

/// Findings per file, recomputed only for a file whose text (or the file it depends on) changed:
/// typing in one editor runs that file's simulator once, not every file's.
type FindingsCache = BTreeMap<FileKind, (Rc<str>, Option<Rc<str>>, Rc<Vec<Diagnostic>>)>;

fn cached_findings(
    cache: &RefCell<FindingsCache>,
    kind: FileKind,
    texts: &[PlaygroundText],
    files: &Files,
) -> Rc<Vec<Diagnostic>> {
    let text = texts[slot(kind)].text.clone();
    let dependency = depends_on(kind)
        .filter(|d| files.get(*d).is_some())
        .map(|d| texts[slot(d)].text.clone());
    let mut cache = cache.borrow_mut();
    if let Some((t, d, found)) = cache.get(&kind) {
        if *t == text && *d == dependency {
            return found.clone();
        }
    }
    let found = Rc::new(findings(kind, files));
    cache.insert(kind, (text, dependency, found.clone()));
    found
}

#[component]
fn Workspace(props: &WorkspaceProps) -> Html {
    let lang = props.lang;
    let t = ex_text(lang);
    let exercise = props.exercise.0;
    let id = exercise.id.as_str();
    let shared = props.shared.clone();
    let texts = use_exercise_files(lang, exercise, shared.clone());
    let stored_record = use_exercise_text(lang, id, PROGRESS, "", shared.clone());
    let stored_mine = use_exercise_text(lang, id, MINE, "", shared.clone());
    let kinds: Vec<FileKind> = exercise.files.kinds().collect();
    let active = use_state(|| kinds.first().copied().unwrap_or(FileKind::Dockerfile));
    let asking = use_state(|| None::<Ask>);
    let new_best = use_state(|| None::<f64>);
    let focus_next = use_mut_ref(|| None::<String>);
    let cache = use_mut_ref(FindingsCache::new);

    // The learner's files now, and their evaluation (only when a text changed).
    let current_texts: Vec<Rc<str>> = kinds.iter().map(|k| texts[slot(*k)].text.clone()).collect();
    // The files now, by kind: recorded for the share view's "Keep this version", and what the
    // Share button puts in its link.
    let by_kind: BTreeMap<&'static str, Rc<str>> = kinds
        .iter()
        .zip(&current_texts)
        .map(|(k, text)| (k.key(), text.clone()))
        .collect();
    if let Some(live) = &props.live {
        for (kind, text) in &by_kind {
            live.record(kind, text.clone());
        }
    }
    let current = Files(
        kinds
            .iter()
            .zip(&current_texts)
            .map(|(k, text)| (*k, text.to_string()))
            .collect(),
    );
    let evaluation = {
        let files = current.clone();
        use_memo(current_texts, move |_| evaluate(exercise, &files))
    };
    let share = shared.is_none().then(|| {
        html! {
            <ShareButton {lang} kind={SharedKind::Exercise} chapter={exercise.chapter.as_str()}
                {id} texts={Rc::new(by_kind.clone())} />
        }
    });
    let record = Record::decode(&stored_record.text);
    let mine = decode_files(&stored_mine.text);
    let reference = current == exercise.solution;

    // Keep what this evaluation earns: the solved mark, a better golf score.
    {
        let set = stored_record.set.clone();
        let new_best = new_best.clone();
        let record = record.clone();
        use_effect_with(
            (evaluation.clone(), reference, stored_record.text.clone()),
            move |(evaluation, reference, _)| {
                if let Some(next) = record.after(evaluation, *reference) {
                    if next.best != record.best {
                        new_best.set(next.best.as_ref().map(|b| b.value));
                    }
                    set.emit(next.encode());
                }
            },
        );
    }
    // Focus follows the learner's action when the element they used goes away.
    {
        let focus_next = focus_next.clone();
        use_effect(move || {
            if let Some(id) = focus_next.borrow_mut().take() {
                browser::focus_element(&id);
            }
        });
    }

    let setters: Rc<Vec<FileSetter>> = Rc::new(
        kinds
            .iter()
            .map(|k| {
                let pg = &texts[slot(*k)];
                (*k, pg.set.clone(), pg.reset.clone())
            })
            .collect(),
    );
    let editor_id = move |kind: FileKind| format!("ex-{id}-{}", kind.key());
    let ask = |what: Option<Ask>, focus: Option<String>| {
        let asking = asking.clone();
        let focus_next = focus_next.clone();
        Callback::from(move |_: MouseEvent| {
            *focus_next.borrow_mut() = focus.clone();
            asking.set(what);
        })
    };
    let on_ask_solution = ask(Some(Ask::Solution), Some("ex-solution-yes".into()));
    let on_cancel_solution = ask(None, Some("ex-show-solution".into()));
    let on_ask_start_over = ask(Some(Ask::StartOver), Some("ex-start-over-yes".into()));
    let on_cancel_start_over = ask(None, Some("ex-start-over".into()));
    let on_load_solution = {
        let (asking, setters, focus_next) = (asking.clone(), setters.clone(), focus_next.clone());
        let keep = stored_mine.set.clone();
        let current = current.clone();
        Callback::from(move |_: MouseEvent| {
            if current != exercise.solution {
                keep.emit(encode_files(&current));
            }
            for (kind, set, _) in setters.iter() {
                set.emit(exercise.solution.get(*kind).unwrap_or("").to_string());
            }
            *focus_next.borrow_mut() = Some("ex-back-to-mine".into());
            asking.set(None);
        })
    };
    let on_back_to_mine = {
        let (setters, focus_next) = (setters.clone(), focus_next.clone());
        let forget = stored_mine.reset.clone();
        let mine = mine.clone();
        let first = kinds.first().map(|k| editor_id(*k));
        Callback::from(move |_: MouseEvent| {
            if let Some(mine) = &mine {
                for (kind, set, _) in setters.iter() {
                    let text = mine.get(*kind).or(exercise.files.get(*kind)).unwrap_or("");
                    set.emit(text.to_string());
                }
            }
            forget.emit(());
            *focus_next.borrow_mut() = first.clone();
        })
    };
    let on_start_over = {
        let (asking, setters, focus_next) = (asking.clone(), setters.clone(), focus_next.clone());
        let new_best = new_best.clone();
        let target = editor_id(*active);
        Callback::from(move |_: MouseEvent| {
            for (_, _, reset) in setters.iter() {
                reset.emit(());
            }
            new_best.set(None);
            *focus_next.borrow_mut() = Some(target.clone());
            asking.set(None);
        })
    };
    let on_reveal = {
        let set = stored_record.set.clone();
        let record = record.clone();
        let available = exercise.hints.len();
        Callback::from(move |()| set.emit(record.with_hint(available).encode()))
    };

    let notice = texts
        .iter()
        .chain([&stored_record, &stored_mine])
        .find_map(|pg| pg.notice.as_ref())
        .map(|n| notice_html(lang, n));
    let modified = kinds.iter().any(|k| texts[slot(*k)].modified);
    let show_back = mine.as_ref().is_some_and(|m| *m != current);
    let chapter = content::find(lang, &exercise.chapter).map(|(_, c)| c);
    let (previous, next) = exercises::neighbours(props.index);
    let link = |e: &Exercise| {
        Route::Exercise {
            lang,
            id: e.id.clone(),
        }
        .to_hash()
    };

    let tabs = (kinds.len() > 1).then(|| html! {
        <div class="ex-tabs" role="group" aria-label={t.files}>
            { for kinds.iter().map(|kind| {
                let kind = *kind;
                let pressed = *active == kind;
                let onclick = {
                    let active = active.clone();
                    Callback::from(move |_: MouseEvent| active.set(kind))
                };
                html! {
                    <button type="button" class="ex-tab" data-file={kind.key()}
                        aria-pressed={pressed.to_string()} aria-controls={format!("{}-panel", editor_id(kind))}
                        {onclick}>
                        <code>{ kind.file_name() }</code>
                        if texts[slot(kind)].modified {
                            <span class="ex-tab-edited" aria-hidden="true">{ " •" }</span>
                        }
                    </button>
                }
            }) }
        </div>
    });
    let editors = kinds.iter().map(|kind| {
        let kind = *kind;
        let pg = &texts[slot(kind)];
        let diagnostics = cached_findings(&cache, kind, &texts, &current);
        html! {
            <div class="ex-file" id={format!("{}-panel", editor_id(kind))} data-file={kind.key()}
                hidden={kinds.len() > 1 && *active != kind}>
                if kinds.len() == 1 {
                    <h2 class="ex-file-name"><code>{ kind.file_name() }</code></h2>
                }
                <Editor
                    id={AttrValue::from(editor_id(kind))}
                    {lang}
                    language={language(kind)}
                    label={AttrValue::from(editor_label(lang, kind.file_name(), exercise.title.get(lang)))}
                    value={pg.text.clone()}
                    modified={pg.modified}
                    {diagnostics}
                    on_change={pg.set.clone()}
                    on_reset={pg.reset.clone()}
                />
            </div>
        }
    });

    let actions = html! {
        <div class="ex-actions">
            if *asking == Some(Ask::Solution) {
                <div class="editor-confirm ex-confirm ex-confirm-solution" role="group" aria-label={t.show_solution}>
                    <span>{ t.solution_confirm }</span>
                    <button type="button" class="btn-small ex-solution-yes" id="ex-solution-yes" onclick={on_load_solution}>{ t.solution_yes }</button>
                    <button type="button" class="btn-small" onclick={on_cancel_solution}>{ t.cancel }</button>
                </div>
            } else if reference {
                <p class="ex-solution-loaded" role="status"><span aria-hidden="true">{ "ⓘ " }</span>{ t.solution_loaded }</p>
            } else {
                <button type="button" class="btn ex-show-solution" id="ex-show-solution" onclick={on_ask_solution}>{ t.show_solution }</button>
            }
            if show_back {
                <button type="button" class="btn ex-back-to-mine" id="ex-back-to-mine" onclick={on_back_to_mine}>
                    <span aria-hidden="true">{ "↩ " }</span>{ t.back_to_mine }
                </button>
            }
            if *asking == Some(Ask::StartOver) {
                <div class="editor-confirm ex-confirm" role="group" aria-label={t.start_over}>
                    <span>{ t.start_over_confirm }</span>
                    <button type="button" class="btn-small btn-danger ex-start-over-yes" id="ex-start-over-yes" onclick={on_start_over}>{ t.start_over_yes }</button>
                    <button type="button" class="btn-small" onclick={on_cancel_start_over}>{ t.cancel }</button>
                </div>
            } else {
                <button type="button" class="btn ex-start-over" id="ex-start-over" onclick={on_ask_start_over}
                    disabled={!modified}>{ t.start_over }</button>
            }
        </div>
    };

    html! {
        <article class="exercise" data-exercise={id.to_string()} data-solved={evaluation.solved.to_string()}>
            <nav class="ex-breadcrumb" aria-label={t.exercises}>
                <a href={Route::Exercises { lang }.to_hash()}>{ t.exercises }</a>
                if let Some(chapter) = chapter {
                    <span aria-hidden="true">{ " › " }</span>
                    <a href={Route::Chapter { lang, id: chapter.id.into(), section: None }.to_hash()}>
                        { chapter_heading(lang, chapter.order, chapter.title) }
                    </a>
                }
            </nav>
            <header class="chapter-header ex-header">
                <h1 tabindex="-1">{ exercise.title.get(lang).to_string() }</h1>
            </header>
            if let Some(notice) = notice {
                <p class="pg-notice" role="status"><span aria-hidden="true">{ "ⓘ " }</span>{ notice }</p>
            }
            <section class="ex-instructions" aria-label={t.instructions}>
                { prose(exercise.instructions.get(lang)) }
            </section>
            <div class="ex-work">
                <div class="ex-files">
                    { for tabs }
                    { for editors }
                    // On a phone the checks are below the editor: this keeps their count in view
                    // while typing, and leads to them (the live summary is the one announced).
                    <button type="button" class="ex-to-checks" data-solved={evaluation.solved.to_string()}
                        onclick={Callback::from(|_: MouseEvent| browser::scroll_to_and_focus("ex-checks-title"))}>
                        <span>
                            <span aria-hidden="true">{ if evaluation.solved { "★ " } else { "✓ " } }</span>
                            { checks_summary(lang, evaluation.passed, evaluation.checks.len()) }
                        </span>
                        { " " }
                        <span class="ex-to-checks-go">{ t.see_checks }{ " ↓" }</span>
                    </button>
                </div>
                <div class="ex-side">
                    if evaluation.solved {
                        <div class="ex-solved">
                            <p class="ex-solved-title"><span aria-hidden="true">{ "★ " }</span>{ t.solved_title }</p>
                            <p>{ if exercise.golf.is_some() { t.solved_body_golf } else { t.solved_body } }</p>
                        </div>
                    } else if record.solved {
                        <p class="ex-solved-before"><span aria-hidden="true">{ "✓ " }</span>{ t.solved_before }</p>
                    }
                    <CheckList {lang} evaluation={evaluation.clone()} />
                    if let Some(score) = evaluation.golf.clone() {
                        <GolfPanel {lang} {score} best={record.best.clone()}
                            new_best={new_best.is_some() && *new_best == evaluation.golf.as_ref().and_then(|g| g.value)}
                            {reference} />
                    }
                    <Hints {lang} hints={exercise.hints.as_slice()} shown={record.hints} {on_reveal} />
                    { actions }
                    { for share }
                </div>
            </div>
            <nav class="pager" aria-label={t.exercises}>
                if let Some(p) = previous {
                    <a class="pager-prev" href={link(p)} rel="prev">
                        <span class="pager-dir">{ "← " }{ t.previous }</span>
                        <span class="pager-title">{ p.title.get(lang).to_string() }</span>
                    </a>
                }
                if let Some(n) = next {
                    <a class="pager-next" href={link(n)} rel="next">
                        <span class="pager-dir">{ t.next }{ " →" }</span>
                        <span class="pager-title">{ n.title.get(lang).to_string() }</span>
                    </a>
                }
            </nav>
        </article>
    }
}
