//! "Your progress" (`#/<lang>/progress`): what this browser keeps, export to a JSON file,
//! import one (checked, summarised, then replace or merge), values set aside because they could
//! not be read, and "reset everything" with a confirmation. The decisions are
//! `deploy_sim::state::progress`'s; this page asks and shows.

use crate::browser::{self, LocalStore};
use crate::state_text::{self as t, state_text};
use deploy_sim::state::progress::{self, Import, ImportError, Mode, Summary};
use deploy_sim::state::store::{self, KeyKind};
use deploy_sim::Lang;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Set-aside values longer than this are shown cut (the export has them whole).
const SHOW_CHARS: usize = 4000;

#[derive(Properties, PartialEq)]
pub struct ProgressPageProps {
    pub lang: Lang,
}

/// What this browser keeps, read after rendering.
#[derive(Clone, PartialEq)]
struct Saved {
    available: bool,
    summary: Summary,
    set_aside: Vec<(String, String)>,
}

fn read_saved() -> Saved {
    let Some(local) = LocalStore::open() else {
        return Saved {
            available: false,
            summary: Summary::default(),
            set_aside: Vec::new(),
        };
    };
    let entries = store::entries(&local);
    Saved {
        available: true,
        summary: progress::summarize(entries.keys()),
        set_aside: entries
            .into_iter()
            .filter(|(k, _)| matches!(store::classify(k), Some(KeyKind::SetAside { .. })))
            .collect(),
    }
}

/// The outcome of the last action, shown under the page's title.
#[derive(Clone, PartialEq)]
enum Status {
    Exported,
    ExportFailed,
    Unreadable,
    Refused(ImportError),
    Imported { written: usize, removed: usize },
    ImportFull,
    Reset { removed: usize },
}

/// A file read and checked, waiting for "replace" or "merge".
#[derive(Clone, PartialEq)]
struct Pending {
    import: Rc<Import>,
    conflicts: usize,
}

#[component]
pub fn ProgressPage(props: &ProgressPageProps) -> Html {
    let lang = props.lang;
    let words = state_text(lang);
    let saved = use_state(|| None::<Saved>);
    let pending = use_state(|| None::<Pending>);
    let status = use_state(|| None::<Status>);
    let confirm_reset = use_state(|| false);
    {
        let saved = saved.clone();
        use_effect_with((), move |_| saved.set(Some(read_saved())));
    }

    let on_export = {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let now = browser::now_iso();
            let ok = LocalStore::open().is_some_and(|local| {
                let file = progress::export(&local, &now, env!("CARGO_PKG_VERSION"));
                browser::download_text(&progress::file_name(&now), "application/json", &file)
            });
            status.set(Some(if ok {
                Status::Exported
            } else {
                Status::ExportFailed
            }));
        })
    };
    let on_choose = {
        let status = status.clone();
        let pending = pending.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let status = status.clone();
            let pending = pending.clone();
            browser::read_chosen_file(&input, move |text| {
                let Some(text) = text else {
                    status.set(Some(Status::Unreadable));
                    return;
                };
                match progress::parse(&text) {
                    Ok(import) => {
                        let conflicts = LocalStore::open()
                            .map_or(0, |local| progress::conflicts(&local, &import));
                        status.set(None);
                        pending.set(Some(Pending {
                            import: Rc::new(import),
                            conflicts,
                        }));
                    }
                    Err(error) => {
                        pending.set(None);
                        status.set(Some(Status::Refused(error)));
                    }
                }
            });
        })
    };
    let apply = |mode: Mode| {
        let status = status.clone();
        let pending = pending.clone();
        let saved = saved.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(p) = (*pending).clone() else { return };
            let applied =
                LocalStore::open().map(|mut local| progress::apply(&mut local, &p.import, mode));
            status.set(Some(match applied {
                Some(a) if a.failed.is_none() => Status::Imported {
                    written: a.written,
                    removed: a.removed,
                },
                _ => Status::ImportFull,
            }));
            pending.set(None);
            saved.set(Some(read_saved()));
            browser::focus_element("progress-status");
        })
    };
    let cancel_import = {
        let pending = pending.clone();
        Callback::from(move |_: MouseEvent| pending.set(None))
    };
    let ask_reset = {
        let confirm_reset = confirm_reset.clone();
        Callback::from(move |_: MouseEvent| confirm_reset.set(true))
    };
    let cancel_reset = {
        let confirm_reset = confirm_reset.clone();
        Callback::from(move |_: MouseEvent| confirm_reset.set(false))
    };
    let do_reset = {
        let confirm_reset = confirm_reset.clone();
        let status = status.clone();
        let saved = saved.clone();
        Callback::from(move |_: MouseEvent| {
            confirm_reset.set(false);
            let removed = LocalStore::open().map_or(0, |mut local| {
                progress::reset_everything(&mut local).removed
            });
            status.set(Some(Status::Reset { removed }));
            saved.set(Some(read_saved()));
            browser::focus_element("progress-status");
        })
    };

    let status_line = (*status).clone().map(|s| {
        let (ok, message) = match s {
            Status::Exported => (true, words.exported.to_string()),
            Status::ExportFailed => (false, words.export_failed.to_string()),
            Status::Unreadable => (false, words.import_unreadable.to_string()),
            Status::Refused(error) => (false, error.message().get(lang).to_string()),
            Status::Imported { written, removed } => (true, t::imported(lang, written, removed)),
            Status::ImportFull => (false, words.import_full.to_string()),
            Status::Reset { removed } => (true, t::reset_done(lang, removed)),
        };
        html! {
            <p class={classes!("progress-status-line", if ok { "ok" } else { "failed" })}>
                <span aria-hidden="true">{ if ok { "✓ " } else { "⚠ " } }</span>{ message }
            </p>
        }
    });
    let current = match &*saved {
        None => html! { <p class="pg-muted">{ "…" }</p> },
        Some(s) if !s.available => html! {
            <p class="pg-notice progress-no-storage" role="status">
                <span aria-hidden="true">{ "ⓘ " }</span>{ words.no_storage }
            </p>
        },
        Some(s) => {
            let line = t::summary_line(lang, &s.summary, false);
            html! {
                <p class="progress-summary" data-playgrounds={s.summary.playgrounds.to_string()}>
                    <strong>{ words.saved_here }</strong>{ " " }
                    { if line.is_empty() { words.nothing_saved.to_string() } else { line } }
                </p>
            }
        }
    };
    let available = saved.as_ref().is_none_or(|s| s.available);
    let learning = saved.as_ref().map_or(0, |s| s.summary.learning_entries());
    let pending_view = (*pending).clone().map(|p| {
        let summary = progress::summarize(p.import.entries.keys());
        let line = t::summary_line(lang, &summary, true);
        html! {
            <div class="progress-pending" role="group" aria-label={words.import_title}>
                <p>
                    <strong>{ words.import_this_file }</strong>{ " " }
                    { if line.is_empty() { words.nothing_saved.to_string() } else { line } }
                    <br />
                    <span class="pg-muted">{ t::file_origin(lang, &p.import.exported_at, &p.import.app_version) }</span>
                </p>
                if p.import.ignored > 0 {
                    <p class="pg-muted">{ t::ignored_entries(lang, p.import.ignored) }</p>
                }
                <div class="progress-choice">
                    <button type="button" class="btn progress-replace" onclick={apply(Mode::Replace)}>{ words.replace }</button>
                    <p class="progress-choice-explain">{ words.replace_explain }</p>
                </div>
                <div class="progress-choice">
                    <button type="button" class="btn progress-merge" onclick={apply(Mode::Merge)}>{ words.merge }</button>
                    <p class="progress-choice-explain">
                        { words.merge_explain }
                        if p.conflicts > 0 {
                            { " " }<strong>{ t::merge_conflicts(lang, p.conflicts) }</strong>
                        }
                    </p>
                </div>
                <button type="button" class="btn-small progress-cancel" onclick={cancel_import}>{ words.cancel }</button>
            </div>
        }
    });
    let set_aside = saved
        .as_ref()
        .map(|s| s.set_aside.clone())
        .unwrap_or_default();

    html! {
        <article class="progress-page">
            <header class="chapter-header">
                <h1 tabindex="-1">{ words.progress_title }</h1>
                <p class="summary">{ words.progress_intro }</p>
            </header>
            { current }
            <div id="progress-status" class="progress-status" role="status" tabindex="-1">
                { for status_line }
            </div>

            <section class="progress-section" aria-labelledby="progress-export">
                <h2 id="progress-export">{ words.export_title }</h2>
                <p>{ words.export_explain }</p>
                <button type="button" class="btn progress-export" onclick={on_export} disabled={!available}>
                    <span aria-hidden="true">{ "↓ " }</span>{ words.export_button }
                </button>
            </section>

            <section class="progress-section" aria-labelledby="progress-import">
                <h2 id="progress-import">{ words.import_title }</h2>
                <p>{ words.import_explain }</p>
                // The native input says "Choose File" in the browser's language, not the page's:
                // it is hidden (still focusable) inside a label that reads as a button.
                <label class={classes!("btn", "progress-file", (!available).then_some("disabled"))}>
                    <span aria-hidden="true">{ "↑ " }</span>{ words.import_choose }
                    <input type="file" class="progress-file-input" accept=".json,application/json"
                        onchange={on_choose} disabled={!available} />
                </label>
                { for pending_view }
            </section>

            if !set_aside.is_empty() {
                <section class="progress-section" aria-labelledby="progress-set-aside">
                    <h2 id="progress-set-aside">{ words.set_aside_title }</h2>
                    <p>{ words.set_aside_explain }</p>
                    <ul class="progress-set-aside">
                        { for set_aside.iter().map(|(key, value)| {
                            let shown: String = value.chars().take(SHOW_CHARS).collect();
                            let cut = shown.len() < value.len();
                            html! {
                                <li>
                                    <details>
                                        <summary>
                                            <code class="progress-key">{ key.clone() }</code>
                                            { format!(" ({} {})", value.chars().count(), words.characters) }
                                        </summary>
                                        <pre class="pg-output progress-value">{ shown }{ if cut { "…" } else { "" } }</pre>
                                    </details>
                                </li>
                            }
                        }) }
                    </ul>
                </section>
            }

            <section class="progress-section progress-danger" aria-labelledby="progress-reset">
                <h2 id="progress-reset">{ words.reset_title }</h2>
                <p>{ words.reset_explain }</p>
                if *confirm_reset {
                    <div class="progress-confirm" role="group" aria-label={words.reset_title}>
                        <p>
                            <strong>{ t::summary_line(lang, &saved.as_ref().map(|s| s.summary).unwrap_or_default(), false) }</strong>
                            { " " }{ words.reset_confirm }
                        </p>
                        <button type="button" class="btn-small btn-danger progress-reset-yes" onclick={do_reset}>{ words.reset_yes }</button>
                        <button type="button" class="btn-small progress-reset-cancel" onclick={cancel_reset}>{ words.cancel }</button>
                    </div>
                } else {
                    <button type="button" class="btn btn-danger progress-reset" onclick={ask_reset}
                        disabled={!available || learning == 0}>{ words.reset_button }</button>
                }
            </section>
        </article>
    }
}
