//! The header's search box: a combobox whose listbox shows the chapters and sections that match
//! as the learner types (see `crate::search`). ArrowDown/ArrowUp move through the results, Enter
//! opens the chosen one (or the first), Esc closes the list, then clears the box. On phones the
//! box hides behind a button and opens as a panel under the header.
//!
//! Matches are marked with `<mark>` around plain text: the query and the guide's text are only
//! ever rendered as text.

use crate::browser;
use crate::components::chapter_view::chapter_label;
use crate::content;
use crate::route::Route;
use crate::search::{self, Hit, Segment};
use crate::search_text::search_text;
use deploy_sim::Lang;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Results shown at once; the live region says how many there are in all.
const SHOWN: usize = 10;
/// Results counted.
const COUNTED: usize = 200;

const INPUT_ID: &str = "site-search";
const LIST_ID: &str = "site-search-results";
const PANEL_ID: &str = "site-search-panel";
const TOGGLE_ID: &str = "site-search-toggle";

fn option_id(i: usize) -> String {
    format!("site-search-option-{i}")
}

fn target(lang: Lang, hit: &Hit) -> Route {
    Route::Chapter {
        lang,
        id: hit.chapter_id.into(),
        section: hit.section_id.map(Into::into),
    }
}

/// The box's state: what is typed, whether the list is open and which result is chosen, and
/// (phones) whether the panel is shown.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchState {
    pub query: String,
    pub open: bool,
    pub active: Option<usize>,
    pub expanded: bool,
}

pub enum SearchAction {
    Typed(String),
    Focused,
    /// Close the list (blur, Esc, a choice); the words stay.
    Close,
    Clear,
    /// ArrowDown (`true`) or ArrowUp through `count` results, wrapping around.
    Move {
        down: bool,
        count: usize,
    },
    TogglePanel,
    /// A result was opened: close the list and the panel.
    Chosen,
}

impl Reducible for SearchState {
    type Action = SearchAction;

    fn reduce(self: Rc<Self>, action: SearchAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            SearchAction::Typed(query) => {
                next.query = query;
                next.open = true;
                next.active = None;
            }
            SearchAction::Focused => next.open = true,
            SearchAction::Close => {
                next.open = false;
                next.active = None;
            }
            SearchAction::Clear => {
                next.query.clear();
                next.active = None;
            }
            SearchAction::Move { down, count } => {
                if count == 0 {
                    return self;
                }
                let current = next.active.filter(|&i| i < count && next.open);
                next.active = Some(match (current, down) {
                    (None, true) => 0,
                    (None, false) => count - 1,
                    (Some(i), true) => (i + 1) % count,
                    (Some(i), false) => (i + count - 1) % count,
                });
                next.open = true;
            }
            SearchAction::TogglePanel => next.expanded = !next.expanded,
            SearchAction::Chosen => {
                next.open = false;
                next.active = None;
                next.expanded = false;
            }
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// Opens a result: a new hash is a route change (the app scrolls to the section and focuses its
/// heading); the hash already shown is scrolled to here.
fn open_hit(lang: Lang, hit: &Hit) {
    let hash = target(lang, hit).to_hash();
    if browser::location_hash() == hash {
        browser::scroll_to_section(hit.section_id);
    } else {
        browser::set_hash(&hash);
    }
    if hit.section_id.is_none() {
        // A chapter opens at its top; its title takes the focus once it is rendered.
        browser::after(60, browser::focus_main_heading);
    }
}

fn marked(segments: &[Segment]) -> Html {
    segments
        .iter()
        .map(|s| {
            if s.marked {
                html! { <mark>{ s.text.clone() }</mark> }
            } else {
                html! { { s.text.clone() } }
            }
        })
        .collect()
}

fn result(lang: Lang, i: usize, hit: &Hit, selected: bool) -> Html {
    let order = content::find(lang, hit.chapter_id).map_or(0, |(_, c)| c.order);
    let (chapter, section) = match hit.section_id {
        None => (marked(&hit.title), Html::default()),
        Some(_) => (
            html! { { hit.chapter_title } },
            html! { <><span class="search-sep" aria-hidden="true">{ " › " }</span><span class="search-section">{ marked(&hit.title) }</span></> },
        ),
    };
    html! {
        <li id={option_id(i)} role="option" aria-selected={selected.to_string()}
            class={classes!("search-option", selected.then_some("active"))}
            data-index={i.to_string()} data-href={target(lang, hit).to_hash()}>
            <span class="search-where">
                <span class="search-chapter">
                    <span class="search-chapter-no">{ chapter_label(lang, order) }</span>{ " " }{ chapter }
                </span>
                { section }
            </span>
            <span class="search-snippet">{ marked(&hit.snippet) }</span>
        </li>
    }
}

/// A callback that sends `action`, whatever the event.
fn send<E: 'static>(
    state: UseReducerDispatcher<SearchState>,
    action: fn() -> SearchAction,
) -> Callback<E> {
    Callback::from(move |_: E| state.dispatch(action()))
}

#[derive(Properties, PartialEq)]
pub struct SearchProps {
    pub lang: Lang,
}

#[component]
pub fn Search(props: &SearchProps) -> Html {
    let lang = props.lang;
    let text = search_text(lang);
    let state = use_reducer(SearchState::default);
    let hits = use_memo((lang, state.query.clone()), |(lang, query)| {
        search::search(*lang, query, COUNTED)
    });
    let shown = hits.len().min(SHOWN);
    let popup = state.open && !state.query.trim().is_empty();
    // The chosen result, if it is still among those shown (the results change as one types).
    let current = state.active.filter(|&i| i < shown && popup);

    use_effect_with(state.expanded, |&expanded| {
        if expanded {
            browser::focus_element(INPUT_ID);
        }
    });
    use_effect_with(current, |current| {
        if let Some(i) = current {
            browser::scroll_into_view_nearest(&option_id(*i));
        }
    });

    let choose = {
        let (hits, state) = (hits.clone(), state.dispatcher());
        move |i: usize| {
            if let Some(hit) = hits.get(i) {
                open_hit(lang, hit);
                state.dispatch(SearchAction::Chosen);
            }
        }
    };
    let on_input = {
        let state = state.dispatcher();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                state.dispatch(SearchAction::Typed(input.value()));
            }
        })
    };
    let on_keydown = {
        let (state, choose) = (state.clone(), choose.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.is_composing() || e.alt_key() || e.ctrl_key() || e.meta_key() {
                return;
            }
            let action = match e.key().as_str() {
                "ArrowDown" | "ArrowUp" if shown > 0 => SearchAction::Move {
                    down: e.key() == "ArrowDown",
                    count: shown,
                },
                "Enter" if popup && shown > 0 => {
                    e.prevent_default();
                    choose(current.unwrap_or(0));
                    return;
                }
                "Escape" if popup => SearchAction::Close,
                "Escape" if !state.query.is_empty() => SearchAction::Clear,
                "Escape" if state.expanded => {
                    browser::focus_element(TOGGLE_ID);
                    SearchAction::TogglePanel
                }
                _ => return,
            };
            e.prevent_default();
            state.dispatch(action);
        })
    };
    let on_focus = {
        let state = state.dispatcher();
        Callback::from(move |_: FocusEvent| {
            // Build the language's index now (tens of milliseconds, once), not on the first key.
            search::index(lang);
            state.dispatch(SearchAction::Focused);
        })
    };
    // A click on a result; the list keeps the focus in the box (see `keep_focus`).
    let on_pick = Callback::from(move |e: MouseEvent| {
        if let Some(i) =
            browser::data_of_closest(&e, "[data-index]", "data-index").and_then(|v| v.parse().ok())
        {
            choose(i);
        }
    });
    // Pressing on a result must not take the focus from the box first (that would close it).
    let keep_focus = Callback::from(|e: MouseEvent| e.prevent_default());

    let status = if popup {
        text.count(shown, hits.len())
    } else {
        String::new()
    };
    let toggle_label = if state.expanded {
        text.close
    } else {
        text.open
    };

    html! {
        <div class={classes!("search", state.expanded.then_some("expanded"))} role="search">
            <button type="button" id={TOGGLE_ID} class="search-toggle"
                aria-expanded={state.expanded.to_string()} aria-controls={PANEL_ID}
                aria-label={toggle_label}
                onclick={send(state.dispatcher(), || SearchAction::TogglePanel)}>
                <span class="search-icon" aria-hidden="true"></span>
            </button>
            <div id={PANEL_ID} class="search-panel">
                <label class="visually-hidden" for={INPUT_ID}>{ text.label }</label>
                <div class="search-field">
                    <span class="search-icon" aria-hidden="true"></span>
                    <input id={INPUT_ID} type="search" role="combobox"
                        aria-autocomplete="list" aria-expanded={(popup && shown > 0).to_string()}
                        aria-controls={LIST_ID} aria-activedescendant={current.map(option_id)}
                        autocomplete="off" spellcheck="false"
                        placeholder={text.placeholder} value={state.query.clone()}
                        oninput={on_input} onkeydown={on_keydown}
                        onfocus={on_focus}
                        onblur={send(state.dispatcher(), || SearchAction::Close)} />
                </div>
                <div class="search-popup" hidden={!popup} onmousedown={keep_focus}>
                    <ul id={LIST_ID} role="listbox" aria-label={text.results}
                        class="search-results" onclick={on_pick}>
                        { for hits.iter().take(SHOWN).enumerate().map(|(i, hit)| result(lang, i, hit, current == Some(i))) }
                    </ul>
                    if hits.is_empty() {
                        <p class="search-empty">{ text.nothing_for(&state.query) }</p>
                    } else {
                        <p class="search-hint" aria-hidden="true">
                            <span>{ status.clone() }</span>
                            <span>{ text.keys_hint }</span>
                        </p>
                    }
                </div>
                <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">{ status }</p>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(actions: Vec<SearchAction>) -> SearchState {
        let mut state = Rc::new(SearchState::default());
        for action in actions {
            state = state.reduce(action);
        }
        (*state).clone()
    }

    #[test]
    fn arrows_wrap_and_typing_starts_over() {
        use SearchAction::*;
        let typed = || Typed("go".into());
        let cases: Vec<(Vec<SearchAction>, Option<usize>, bool)> = vec![
            (vec![typed()], None, true),
            (
                vec![
                    typed(),
                    Move {
                        down: true,
                        count: 3,
                    },
                ],
                Some(0),
                true,
            ),
            (
                vec![
                    typed(),
                    Move {
                        down: true,
                        count: 3,
                    },
                    Move {
                        down: true,
                        count: 3,
                    },
                    Move {
                        down: true,
                        count: 3,
                    },
                    Move {
                        down: true,
                        count: 3,
                    },
                ],
                Some(0),
                true,
            ),
            (
                vec![
                    typed(),
                    Move {
                        down: false,
                        count: 3,
                    },
                ],
                Some(2),
                true,
            ),
            (
                vec![
                    typed(),
                    Move {
                        down: true,
                        count: 3,
                    },
                    Typed("gor".into()),
                ],
                None,
                true,
            ),
            // Closed, the arrows open the list again at its first (or last) result.
            (
                vec![
                    typed(),
                    Move {
                        down: true,
                        count: 3,
                    },
                    Move {
                        down: true,
                        count: 3,
                    },
                    Close,
                    Move {
                        down: true,
                        count: 3,
                    },
                ],
                Some(0),
                true,
            ),
            (
                vec![
                    typed(),
                    Move {
                        down: true,
                        count: 0,
                    },
                ],
                None,
                true,
            ),
            (vec![typed(), Close], None, false),
        ];
        for (actions, active, open) in cases {
            let state = run(actions);
            assert_eq!((state.active, state.open), (active, open), "{state:?}");
        }
    }

    #[test]
    fn esc_steps_close_then_clear_and_a_choice_folds_the_panel() {
        use SearchAction::*;
        let state = run(vec![TogglePanel, Typed("x".into()), Close]);
        assert_eq!(
            (state.query.as_str(), state.open, state.expanded),
            ("x", false, true)
        );
        let state = run(vec![TogglePanel, Typed("x".into()), Close, Clear]);
        assert_eq!(state.query, "");
        let state = run(vec![TogglePanel, Typed("x".into()), Chosen]);
        assert_eq!(
            (state.query.as_str(), state.open, state.expanded),
            ("x", false, false)
        );
    }
}
