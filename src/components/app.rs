//! The root component: owns the route, the language and the theme, and lays out the page.

use crate::browser;
use crate::components::chapter_nav::ChapterNav;
use crate::components::chapter_view::ChapterView;
use crate::components::exercise::overview::ExerciseOverview;
use crate::components::exercise::page::ExercisePage;
use crate::components::header::Header;
use crate::components::home::Home;
use crate::components::not_found::NotFound;
use crate::components::playground::StateLang;
use crate::components::progress::ProgressPage;
use crate::components::release::ReleasePage;
use crate::components::share_view::ShareView;
use crate::content;
use crate::exercise_text::ex_text;
use crate::exercises;
use crate::prefs::{self, Theme};
use crate::route::Route;
use crate::ui_text::ui;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {
    /// `location.hash` at start-up.
    pub initial_hash: String,
    pub stored_lang: Option<String>,
    /// `navigator.languages`, most preferred first.
    pub browser_langs: Vec<String>,
    pub stored_theme: Option<String>,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let route = use_state(|| Route::parse(&props.initial_hash));
    let preferred =
        use_state(|| prefs::initial_lang(props.stored_lang.as_deref(), &props.browser_langs));
    let theme = use_state(|| Theme::from_stored(props.stored_theme.as_deref()));
    let system_dark = use_state(|| false);
    let nav_open = use_state(|| false);
    let lang = route.lang().unwrap_or(*preferred);
    let text = ui(lang);

    // Follow the hash; the listener lives as long as the app.
    {
        let route = route.clone();
        let nav_open = nav_open.clone();
        use_effect_with((), move |_| {
            let listener = browser::on_hash_change(move |hash| {
                route.set(Route::parse(&hash));
                nav_open.set(false);
            });
            move || drop(listener)
        });
    }
    {
        let system_dark = system_dark.clone();
        use_effect_with((), move |_| system_dark.set(browser::system_prefers_dark()));
    }

    // A route that names a language is also the learner's language choice from now on.
    {
        let preferred = preferred.clone();
        use_effect_with((*route).clone(), move |route| {
            if let Some(lang) = route.lang() {
                if lang != *preferred {
                    preferred.set(lang);
                }
                browser::storage_set(prefs::LANG_KEY, lang.code());
            }
            match route {
                Route::Chapter { section, .. } => browser::scroll_to_section(section.as_deref()),
                _ => browser::scroll_to_section(None),
            }
        });
    }

    let page_title = match &*route {
        Route::Chapter { id, .. } => content::find(lang, id).map(|(_, c)| c.title.to_string()),
        Route::Release { .. } => Some(crate::release_text::rel_text(lang).title.to_string()),
        Route::Exercises { .. } => Some(ex_text(lang).exercises.to_string()),
        Route::Exercise { id, .. } => Some(match exercises::find(id) {
            Some((_, e)) => format!("{} — {}", e.title.get(lang), ex_text(lang).exercises),
            None => ex_text(lang).not_found_title.to_string(),
        }),
        Route::NotFound { .. } => Some(text.not_found_title.to_string()),
        Route::Progress { .. } => Some(
            crate::state_text::state_text(lang)
                .progress_title
                .to_string(),
        ),
        Route::Share { .. } => Some(crate::state_text::state_text(lang).shared_label.to_string()),
        _ => None,
    };
    {
        let title = match page_title {
            Some(t) => format!("{t} — {}", text.site_title),
            None => text.site_title.to_string(),
        };
        use_effect_with((lang, title), |(lang, title)| {
            browser::set_document_meta(lang.code(), title)
        });
    }
    use_effect_with(*theme, |theme| {
        browser::set_theme_attribute(theme.map(Theme::code))
    });

    let effective_theme = theme.unwrap_or(if *system_dark {
        Theme::Dark
    } else {
        Theme::Light
    });
    let on_toggle_theme = {
        let theme = theme.clone();
        Callback::from(move |_| {
            let next = effective_theme.toggled();
            browser::storage_set(prefs::THEME_KEY, next.code());
            theme.set(Some(next));
        })
    };
    let on_toggle_nav = {
        let nav_open = nav_open.clone();
        Callback::from(move |_| nav_open.set(!*nav_open))
    };
    let on_skip = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        browser::focus_main_heading();
    });

    let page = match &*route {
        Route::Root | Route::Home { .. } => html! { <Home {lang} /> },
        Route::Chapter { id, .. } => match content::find(lang, id) {
            Some((index, _)) => html! { <ChapterView {lang} {index} /> },
            None => html! { <NotFound {lang} /> },
        },
        // Keyed by language: the default files' comments are in the page's language.
        Route::Release { .. } => html! { <ReleasePage key={lang.code()} {lang} /> },
        Route::Exercises { .. } => html! { <ExerciseOverview {lang} /> },
        Route::Exercise { id, .. } => match exercises::find(id) {
            Some((index, _)) => html! { <ExercisePage key={id.clone()} {lang} {index} /> },
            None => html! { <NotFound {lang} exercise=true /> },
        },
        Route::Progress { .. } => html! { <ProgressPage {lang} /> },
        Route::Share { version, data, .. } => html! {
            <ShareView {lang} version={AttrValue::from(version.clone())} data={AttrValue::from(data.clone())} />
        },
        Route::NotFound { .. } => html! { <NotFound {lang} /> },
    };
    let on_exercises = matches!(&*route, Route::Exercises { .. } | Route::Exercise { .. });
    let current_chapter = match &*route {
        Route::Chapter { id, .. } => Some(AttrValue::from(id.clone())),
        _ => None,
    };

    let progress = Route::Progress { lang }.to_hash();
    html! {
        <ContextProvider<StateLang> context={StateLang(lang)}>
        <div class={classes!("layout", nav_open.then_some("nav-open"))} lang={lang.code()}>
            <a class="skip-link" href="#main" onclick={on_skip}>{ text.skip_to_content }</a>
            <Header
                {lang}
                route={(*route).clone()}
                theme={effective_theme}
                nav_open={*nav_open}
                on_toggle_theme={on_toggle_theme}
                on_toggle_nav={on_toggle_nav}
            />
            <div class="page">
                <nav id="chapter-nav" class="sidebar" aria-label={text.chapters}>
                    <ChapterNav {lang} current={current_chapter}
                        release_page={matches!(*route, Route::Release { .. })} />
                    <p class="nav-exercises">
                        <a href={Route::Exercises { lang }.to_hash()}
                            class={classes!(on_exercises.then_some("current"))}
                            aria-current={on_exercises.then_some("page")}>
                            <span class="chapter-no" aria-hidden="true">{ "✎" }</span>
                            <span>{ ex_text(lang).exercises }</span>
                        </a>
                    </p>
                </nav>
                <main id="main" tabindex="-1">
                    { page }
                </main>
            </div>
            <footer class="site-footer">
                <p>{ text.footer }<span class="offline-badge">{ "✓ " }{ text.offline_ready }</span></p>
                <p><a class="footer-progress" href={progress}>{ crate::state_text::state_text(lang).progress_link }</a></p>
            </footer>
        </div>
        </ContextProvider<StateLang>>
    }
}
