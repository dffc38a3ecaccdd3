//! The top bar: the guide's title, the chapter menu button (phones), the search box, the language
//! switch and the theme toggle.

use crate::components::search::Search;
use crate::prefs::Theme;
use crate::route::Route;
use crate::ui_text::ui;
use deploy_sim::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub lang: Lang,
    pub route: Route,
    pub theme: Theme,
    pub nav_open: bool,
    pub on_toggle_theme: Callback<MouseEvent>,
    pub on_toggle_nav: Callback<MouseEvent>,
}

#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let text = ui(props.lang);
    let home = Route::Home { lang: props.lang }.to_hash();
    let (theme_label, theme_icon) = match props.theme {
        Theme::Light => (text.switch_to_dark, "☾"),
        Theme::Dark => (text.switch_to_light, "☀"),
    };
    let lang_link = |lang: Lang, name: &'static str| {
        let current = lang == props.lang;
        html! {
            <a
                href={props.route.in_lang(lang).to_hash()}
                lang={lang.code()}
                hreflang={lang.code()}
                class={classes!("lang-option", current.then_some("current"))}
                aria-current={current.then_some("true")}
            >{ name }</a>
        }
    };
    html! {
        <header class="site-header">
            <button
                type="button"
                class="menu-button"
                aria-expanded={props.nav_open.to_string()}
                aria-controls="chapter-nav"
                onclick={props.on_toggle_nav.clone()}
            >
                <span aria-hidden="true">{ "☰" }</span>
                <span class="menu-label">{ text.menu }</span>
            </button>
            <a class="site-title" href={home}>
                <span class="logo" aria-hidden="true">{ "▸" }</span>
                <span class="title-full">{ text.site_title }</span>
                <span class="title-short" aria-hidden="true">{ text.site_title_short }</span>
            </a>
            <div class="header-tools">
                <Search lang={props.lang} />
                <nav class="lang-switch" aria-label="言語 / Language">
                    { lang_link(Lang::Ja, "日本語") }
                    { lang_link(Lang::En, "English") }
                </nav>
                <button
                    type="button"
                    class="theme-toggle"
                    aria-label={theme_label}
                    title={theme_label}
                    data-theme-now={props.theme.code()}
                    onclick={props.on_toggle_theme.clone()}
                >
                    <span aria-hidden="true">{ theme_icon }</span>
                </button>
            </div>
        </header>
    }
}
