//! What the SSR tests share: the whole app rendered natively at a route. Each test crate uses
//! only some of these (hence `dead_code`).
#![allow(dead_code)]

use go_deploy_playground::{App, AppProps};

/// The app at `hash`, for a reader whose browser prefers `browser_langs` and who chose
/// `stored_lang` (if any), as the first render in the browser would be.
pub async fn render(hash: &str, browser_langs: &[&str], stored_lang: Option<&str>) -> String {
    let props = AppProps {
        initial_hash: hash.into(),
        stored_lang: stored_lang.map(Into::into),
        browser_langs: browser_langs.iter().map(|s| s.to_string()).collect(),
        stored_theme: None,
    };
    yew::LocalServerRenderer::<App>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

/// The app at `hash` for a browser that prefers English and no stored choice.
pub async fn render_en(hash: &str) -> String {
    render(hash, &["en"], None).await
}

/// The app at `hash` for a reader who chose `lang`.
pub async fn render_in(hash: &str, lang: &str) -> String {
    render(hash, &[], Some(lang)).await
}
