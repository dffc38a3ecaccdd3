//! Hash routes. GitHub Pages has no single-page-app fallback, so every route lives after `#`:
//! `#/ja/` (contents), `#/en/docker-multistage` (a chapter), `#/en/docker-multistage/production`
//! (a section of it), `#/en/release` (the release preview page), `#/en/exercises` (the
//! exercises), `#/en/exercises/<id>` (one exercise), `#/en/progress` (the learner's progress
//! page) and `#/share/v1/<data>` (a shared playground; `#/ja/share/v1/<data>` once the reader
//! picks a language there). No chapter may take the ids `release`, `exercises` or `progress`.
//! Parsing is pure and total: any string gives a route.

use deploy_sim::Lang;

/// The release preview's path segment, reserved: `#/<lang>/release`.
pub const RELEASE: &str = "release";

/// The path segment of the exercise pages.
const EXERCISES: &str = "exercises";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// No route at all (`#`, `#/` or nothing): the contents in the preferred language.
    Root,
    /// The contents page of one language.
    Home { lang: Lang },
    /// A chapter, optionally scrolled to a section. Whether it exists is the view's business.
    Chapter {
        lang: Lang,
        id: String,
        section: Option<String>,
    },
    /// The release preview: the project's five files together (`#/<lang>/release`).
    Release { lang: Lang },
    /// The exercises overview.
    Exercises { lang: Lang },
    /// One exercise. Whether it exists is the view's business.
    Exercise { lang: Lang, id: String },
    /// "Your progress": export, import, reset.
    Progress { lang: Lang },
    /// A share link. `lang` is absent in links as sent (the reader's own language is used);
    /// `data` is kept as it is for `deploy_sim::state::share::decode`.
    Share {
        lang: Option<Lang>,
        version: String,
        data: String,
    },
    /// Anything else; keeps the language when the route had one.
    NotFound { lang: Option<Lang> },
}

/// Route words that are not chapter ids.
pub const RESERVED: [&str; 3] = ["progress", "share", RELEASE];

fn share(lang: Option<Lang>, rest: &str) -> Route {
    let (version, data) = rest.split_once('/').unwrap_or((rest, ""));
    Route::Share {
        lang,
        version: version.to_string(),
        data: data.to_string(),
    }
}

impl Route {
    /// Parses `location.hash` (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        let path = path.strip_prefix('/').unwrap_or(path);
        let path = path.strip_suffix('/').unwrap_or(path);
        if path.is_empty() {
            return Route::Root;
        }
        if path == "share" {
            return share(None, "");
        }
        if let Some(rest) = path.strip_prefix("share/") {
            return share(None, rest);
        }
        if let Some((code, rest)) = path.split_once('/') {
            if let (Some(lang), Some(rest)) = (Lang::from_code(code), rest.strip_prefix("share")) {
                if rest.is_empty() || rest.starts_with('/') {
                    return share(Some(lang), rest.strip_prefix('/').unwrap_or(rest));
                }
            }
        }
        let mut parts = path.split('/');
        let Some(lang) = parts.next().and_then(Lang::from_code) else {
            return Route::NotFound { lang: None };
        };
        let rest: Vec<&str> = parts.collect();
        let valid = |s: &str| {
            !s.is_empty()
                && s.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        };
        match rest.as_slice() {
            [] => Route::Home { lang },
            [RELEASE] => Route::Release { lang },
            [RELEASE, ..] => Route::NotFound { lang: Some(lang) },
            // No chapter may be called `exercises` (a test in this file holds the guide to it).
            [EXERCISES] => Route::Exercises { lang },
            [EXERCISES, id] if valid(id) => Route::Exercise {
                lang,
                id: id.to_string(),
            },
            ["progress"] => Route::Progress { lang },
            [id] if valid(id) => Route::Chapter {
                lang,
                id: id.to_string(),
                section: None,
            },
            [id, section] if valid(id) && valid(section) => Route::Chapter {
                lang,
                id: id.to_string(),
                section: Some(section.to_string()),
            },
            _ => Route::NotFound { lang: Some(lang) },
        }
    }

    /// The hash for this route, `#` included.
    pub fn to_hash(&self) -> String {
        match self {
            Route::Root => "#/".into(),
            Route::Home { lang } => format!("#/{}/", lang.code()),
            Route::Chapter {
                lang,
                id,
                section: None,
            } => format!("#/{}/{id}", lang.code()),
            Route::Chapter {
                lang,
                id,
                section: Some(section),
            } => format!("#/{}/{id}/{section}", lang.code()),
            Route::Release { lang } => format!("#/{}/{RELEASE}", lang.code()),
            Route::Exercises { lang } => format!("#/{}/{EXERCISES}", lang.code()),
            Route::Exercise { lang, id } => format!("#/{}/{EXERCISES}/{id}", lang.code()),
            Route::Progress { lang } => format!("#/{}/progress", lang.code()),
            Route::Share {
                lang,
                version,
                data,
            } => match lang {
                Some(lang) => format!("#/{}/share/{version}/{data}", lang.code()),
                None => format!("#/share/{version}/{data}"),
            },
            Route::NotFound { lang: Some(lang) } => format!("#/{}/", lang.code()),
            Route::NotFound { lang: None } => "#/".into(),
        }
    }

    /// The language the route names, if any.
    pub fn lang(&self) -> Option<Lang> {
        match self {
            Route::Root | Route::NotFound { lang: None } => None,
            Route::Share { lang, .. } => *lang,
            Route::Home { lang }
            | Route::Release { lang }
            | Route::Chapter { lang, .. }
            | Route::Exercises { lang }
            | Route::Exercise { lang, .. }
            | Route::Progress { lang }
            | Route::NotFound { lang: Some(lang) } => Some(*lang),
        }
    }

    /// The same place in another language (chapter and section ids are shared by both).
    pub fn in_lang(&self, lang: Lang) -> Route {
        match self {
            Route::Chapter { id, section, .. } => Route::Chapter {
                lang,
                id: id.clone(),
                section: section.clone(),
            },
            Route::Release { .. } => Route::Release { lang },
            Route::Exercises { .. } => Route::Exercises { lang },
            Route::Exercise { id, .. } => Route::Exercise {
                lang,
                id: id.clone(),
            },
            Route::NotFound { .. } => Route::NotFound { lang: Some(lang) },
            Route::Progress { .. } => Route::Progress { lang },
            Route::Share { version, data, .. } => Route::Share {
                lang: Some(lang),
                version: version.clone(),
                data: data.clone(),
            },
            Route::Root | Route::Home { .. } => Route::Home { lang },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chapter(lang: Lang, id: &str, section: Option<&str>) -> Route {
        Route::Chapter {
            lang,
            id: id.into(),
            section: section.map(Into::into),
        }
    }

    fn exercise(lang: Lang, id: &str) -> Route {
        Route::Exercise {
            lang,
            id: id.into(),
        }
    }

    #[test]
    fn parses_every_shape() {
        let cases = [
            ("", Route::Root),
            ("#", Route::Root),
            ("#/", Route::Root),
            ("#/ja", Route::Home { lang: Lang::Ja }),
            ("#/en/", Route::Home { lang: Lang::En }),
            (
                "#/ja/docker-multistage",
                chapter(Lang::Ja, "docker-multistage", None),
            ),
            (
                "#/en/go-binaries/static-binary",
                chapter(Lang::En, "go-binaries", Some("static-binary")),
            ),
            (
                "#/en/go-binaries/static-binary/",
                chapter(Lang::En, "go-binaries", Some("static-binary")),
            ),
            ("#/fr/go-binaries", Route::NotFound { lang: None }),
            (
                "#/en/a/b/c",
                Route::NotFound {
                    lang: Some(Lang::En),
                },
            ),
            (
                "#/en/<script>",
                Route::NotFound {
                    lang: Some(Lang::En),
                },
            ),
            (
                "#/ja//x",
                Route::NotFound {
                    lang: Some(Lang::Ja),
                },
            ),
            ("#/en/release", Route::Release { lang: Lang::En }),
            ("#/ja/release/", Route::Release { lang: Lang::Ja }),
            (
                "#/en/release/main.go",
                Route::NotFound {
                    lang: Some(Lang::En),
                },
            ),
            ("#/en/exercises", Route::Exercises { lang: Lang::En }),
            ("#/ja/exercises/", Route::Exercises { lang: Lang::Ja }),
            (
                "#/en/exercises/docker-multistage-size",
                exercise(Lang::En, "docker-multistage-size"),
            ),
            (
                "#/ja/exercises/pipeline-broken/",
                exercise(Lang::Ja, "pipeline-broken"),
            ),
            (
                "#/en/exercises/Bad_Id",
                Route::NotFound {
                    lang: Some(Lang::En),
                },
            ),
            (
                "#/en/exercises/a/b",
                Route::NotFound {
                    lang: Some(Lang::En),
                },
            ),
            ("#/en/releases", chapter(Lang::En, "releases", None)),
            (
                "#/ja/日本語",
                Route::NotFound {
                    lang: Some(Lang::Ja),
                },
            ),
        ];
        for (hash, expected) in cases {
            assert_eq!(Route::parse(hash), expected, "{hash:?}");
        }
    }

    fn share_route(lang: Option<Lang>, version: &str, data: &str) -> Route {
        Route::Share {
            lang,
            version: version.into(),
            data: data.into(),
        }
    }

    #[test]
    fn parses_progress_and_share_links() {
        let cases = [
            ("#/en/progress", Route::Progress { lang: Lang::En }),
            ("#/ja/progress/", Route::Progress { lang: Lang::Ja }),
            ("#/share/v1/q1bK-_x", share_route(None, "v1", "q1bK-_x")),
            (
                "#/ja/share/v1/AbC",
                share_route(Some(Lang::Ja), "v1", "AbC"),
            ),
            ("#/share/v1/", share_route(None, "v1", "")),
            ("#/share/", share_route(None, "", "")),
            ("#/share", share_route(None, "", "")),
            ("#/share/v1", share_route(None, "v1", "")),
            // Whatever follows is the decoder's to judge, slashes and all.
            ("#/share/v1/a/b<c>", share_route(None, "v1", "a/b<c>")),
            ("#/en/sharex", chapter(Lang::En, "sharex", None)),
            ("#/en/progress/x", chapter(Lang::En, "progress", Some("x"))),
        ];
        for (hash, expected) in cases {
            assert_eq!(Route::parse(hash), expected, "{hash:?}");
        }
    }

    #[test]
    fn no_chapter_takes_a_reserved_route_word() {
        for lang in Lang::ALL {
            for word in RESERVED {
                assert!(crate::content::find(lang, word).is_none(), "{word}");
            }
        }
    }

    #[test]
    fn formatting_round_trips() {
        for route in [
            Route::Progress { lang: Lang::Ja },
            share_route(None, "v1", "AbC-_"),
            share_route(Some(Lang::En), "v1", "AbC"),
            Route::Home { lang: Lang::Ja },
            chapter(Lang::En, "ldflags", None),
            chapter(Lang::Ja, "ci-cd", Some("pipeline")),
            Route::Release { lang: Lang::En },
            Route::Exercises { lang: Lang::En },
            exercise(Lang::Ja, "docker-nonroot"),
        ] {
            assert_eq!(Route::parse(&route.to_hash()), route);
        }
    }

    #[test]
    fn switching_language_keeps_the_place() {
        assert_eq!(
            chapter(Lang::Ja, "faq", Some("cgo")).in_lang(Lang::En),
            chapter(Lang::En, "faq", Some("cgo"))
        );
        assert_eq!(
            Route::Root.in_lang(Lang::En),
            Route::Home { lang: Lang::En }
        );
        assert_eq!(
            Route::Release { lang: Lang::Ja }.in_lang(Lang::En),
            Route::Release { lang: Lang::En }
        );
        assert_eq!(
            exercise(Lang::En, "docker-nonroot").in_lang(Lang::Ja),
            exercise(Lang::Ja, "docker-nonroot")
        );
        assert_eq!(
            Route::Exercises { lang: Lang::Ja }.in_lang(Lang::En),
            Route::Exercises { lang: Lang::En }
        );
        assert_eq!(
            share_route(None, "v1", "x").in_lang(Lang::Ja),
            share_route(Some(Lang::Ja), "v1", "x")
        );
        assert_eq!(
            Route::Progress { lang: Lang::Ja }.in_lang(Lang::En),
            Route::Progress { lang: Lang::En }
        );
    }

    #[test]
    fn no_chapter_is_shadowed_by_the_exercises_route() {
        for lang in Lang::ALL {
            assert!(crate::content::find(lang, EXERCISES).is_none());
        }
        // Every exercise's page parses back to that exercise.
        for e in crate::exercises::all() {
            let route = exercise(Lang::En, &e.id);
            assert_eq!(Route::parse(&route.to_hash()), route, "{}", e.id);
        }
        // Nor by the progress page.
        for lang in Lang::ALL {
            assert!(crate::content::find(lang, "progress").is_none());
        }
    }
}
