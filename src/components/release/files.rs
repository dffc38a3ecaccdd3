//! The five file tabs (WAI-ARIA tabs: arrow keys, Home and End move between them) and the
//! active file's editor, with its engine's diagnostics and the findings placed in it. Each tab
//! names its file by its path and carries its problem count as an icon, a number and words.

use super::View;
use crate::browser;
use crate::components::editor::Editor;
use crate::components::playground::PlaygroundText;
use crate::playground::release::{editor_diagnostics, file_problems, FileTab, TABS};
use crate::release_text::{problems_label, rel_text};
use deploy_sim::release::ProjectFile;
use std::rc::Rc;
use yew::prelude::*;

/// The panel's id (the tabs control it).
pub const PANEL_ID: &str = "release-file-panel";

pub(crate) fn file_tabs(
    view: &View,
    texts: &[PlaygroundText; 5],
    active: FileTab,
    marked_line: Option<usize>,
    on_select: Callback<ProjectFile>,
) -> Html {
    let lang = view.lang;
    let t = rel_text(lang);
    let index = TABS.iter().position(|t| *t == active).unwrap_or(0);
    let on_keydown = {
        let on_select = on_select.clone();
        Callback::from(move |e: KeyboardEvent| {
            let next = match e.key().as_str() {
                "ArrowRight" | "ArrowDown" => (index + 1) % TABS.len(),
                "ArrowLeft" | "ArrowUp" => (index + TABS.len() - 1) % TABS.len(),
                "Home" => 0,
                "End" => TABS.len() - 1,
                _ => return,
            };
            e.prevent_default();
            on_select.emit(TABS[next].file);
            browser::focus_element(&TABS[next].tab_id());
        })
    };
    let tabs = TABS.iter().map(|tab| {
        let selected = *tab == active;
        let problems = file_problems(view.preview, tab.file);
        let onclick = on_select.reform({
            let file = tab.file;
            move |_: MouseEvent| file
        });
        let modified = texts[TABS.iter().position(|x| x == tab).unwrap_or(0)].modified;
        let badge = if problems.errors > 0 {
            Some(("error", "✖", problems.total()))
        } else if problems.warnings > 0 {
            Some(("warning", "▲", problems.total()))
        } else {
            None
        };
        html! {
            <button type="button" role="tab" id={tab.tab_id()} class="rel-tab"
                data-file={tab.slug()}
                aria-selected={selected.to_string()} aria-controls={PANEL_ID}
                tabindex={if selected { "0" } else { "-1" }} {onclick}>
                <code class="rel-tab-name">{ tab.name }</code>
                if modified {
                    <span class="rel-tab-edited" title={t.edited}>
                        <span aria-hidden="true">{ "●" }</span>
                        <span class="visually-hidden">{ format!(" ({})", t.edited) }</span>
                    </span>
                }
                if let Some((class, icon, n)) = badge {
                    <span class={classes!("rel-badge", format!("rel-badge-{class}"))}>
                        <span aria-hidden="true">{ icon }{ n.to_string() }</span>
                        <span class="visually-hidden">{ format!(" ({})", problems_label(lang, problems.errors, problems.warnings)) }</span>
                    </span>
                }
            </button>
        }
    });
    let pg = &texts[index];
    let diagnostics = Rc::new(editor_diagnostics(view.preview, active.file));
    let present = view
        .preview
        .files
        .iter()
        .find(|r| r.file == active.file)
        .is_none_or(|r| r.present);
    let used_for = view
        .preview
        .files
        .iter()
        .find(|r| r.file == active.file)
        .map(|r| r.used_for.get(lang).to_string())
        .unwrap_or_default();
    html! {
        <>
            <div class="rel-tabs" role="tablist" aria-label={t.files_label} onkeydown={on_keydown}>
                { for tabs }
            </div>
            <div class="rel-panel" id={PANEL_ID} role="tabpanel" aria-labelledby={active.tab_id()}
                data-file={active.slug()}>
                <p class="pg-muted rel-used-for">{ crate::components::job_graph::sentence(&used_for) }</p>
                if !present {
                    <p class="pg-notice rel-missing" role="note">{ t.missing_file }</p>
                }
                <Editor
                    key={active.slug()}
                    id={AttrValue::from(active.editor_id())}
                    {lang}
                    language={active.language}
                    label={AttrValue::from(format!("{} ({})", active.name, t.title))}
                    value={pg.text.clone()}
                    modified={pg.modified}
                    {diagnostics}
                    on_change={pg.set.clone()}
                    on_reset={pg.reset.clone()}
                    highlight_line={marked_line}
                />
            </div>
        </>
    }
}
