//! The learner's display preferences: language and colour theme. Pure decisions here; reading
//! and writing storage happens in `browser`.

use deploy_sim::Lang;

/// Storage keys. Prefixed so several apps on one origin (GitHub Pages user sites) don't clash.
pub const LANG_KEY: &str = "gdp.lang";
pub const THEME_KEY: &str = "gdp.theme";

/// The language to show when the route names none: the remembered choice, else Japanese for a
/// browser whose preferred languages put Japanese before English, else English.
pub fn initial_lang(stored: Option<&str>, browser_langs: &[String]) -> Lang {
    if let Some(lang) = stored.and_then(Lang::from_code) {
        return lang;
    }
    for tag in browser_langs {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "ja" => return Lang::Ja,
            "en" => return Lang::En,
            _ => {}
        }
    }
    Lang::En
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    pub fn code(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// A stored theme; anything unreadable means "follow the system".
    pub fn from_stored(stored: Option<&str>) -> Option<Theme> {
        match stored {
            Some("light") => Some(Theme::Light),
            Some("dark") => Some(Theme::Dark),
            _ => None,
        }
    }

    pub fn toggled(self) -> Theme {
        match self {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs(tags: &[&str]) -> Vec<String> {
        tags.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn language_follows_choice_then_browser_then_english() {
        assert_eq!(initial_lang(Some("en"), &langs(&["ja-JP"])), Lang::En);
        assert_eq!(initial_lang(None, &langs(&["ja-JP", "en-US"])), Lang::Ja);
        assert_eq!(initial_lang(None, &langs(&["fr-FR", "ja"])), Lang::Ja);
        assert_eq!(initial_lang(None, &langs(&["en-GB", "ja"])), Lang::En);
        assert_eq!(initial_lang(None, &langs(&["de"])), Lang::En);
        assert_eq!(initial_lang(Some("garbage"), &[]), Lang::En);
    }

    #[test]
    fn theme_storage_is_forgiving() {
        assert_eq!(Theme::from_stored(Some("dark")), Some(Theme::Dark));
        assert_eq!(Theme::from_stored(Some("purple")), None);
        assert_eq!(Theme::Dark.toggled(), Theme::Light);
    }
}
