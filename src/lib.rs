//! Go Deploy Playground, the browser app: a thin Yew UI over the `deploy-sim` engine and the
//! guide's chapters, which `build.rs` compiles in as pre-rendered HTML.
//!
//! Layout: `route` (hash routes, pure), `prefs` (language and theme choices, pure), `content`
//! (the compiled guide), `ui_text` (the app's own strings in both languages), `exercises` (the
//! embedded classroom exercises and their stored progress, pure), `playground` (the
//! playgrounds' pure logic) and `playground_text` (their strings), `state_text` (the words of
//! saving, sharing and progress; the logic is `deploy_sim::state`), `browser` (the only module
//! that touches the DOM, storage and events outside components), `components/` (one component
//! per file; data down, callbacks up).

pub mod browser;
pub mod components;
pub mod content;
pub mod docker_text;
pub mod exercise_text;
pub mod exercises;
pub mod gobuild_text;
pub mod goreleaser_text;
pub mod input_size_text;
pub mod playground;
pub mod playground_text;
pub mod prefs;
pub mod release_text;
pub mod route;
pub mod search;
pub mod search_text;
pub mod state_text;
pub mod ui_text;
pub mod workflow_text;

pub use components::app::{App, AppProps};

/// Reads the learner's stored preferences and mounts the app into `#app`.
pub fn start() {
    let props = AppProps {
        initial_hash: browser::location_hash(),
        stored_lang: browser::storage_get(prefs::LANG_KEY),
        browser_langs: browser::navigator_languages(),
        stored_theme: browser::storage_get(prefs::THEME_KEY),
    };
    match browser::app_root() {
        Some(root) => {
            yew::Renderer::<App>::with_root_and_props(root, props).render();
        }
        None => {
            yew::Renderer::<App>::with_props(props).render();
        }
    }
}
