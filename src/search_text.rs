//! The search box's own words, in both languages.

use deploy_sim::Lang;

pub struct SearchText {
    /// The input's label (read by screen readers; the placeholder says it to the eye).
    pub label: &'static str,
    pub placeholder: &'static str,
    /// The phone header's search button.
    pub open: &'static str,
    pub close: &'static str,
    pub results: &'static str,
    /// Under the results: the keys that work.
    pub keys_hint: &'static str,
    lang: Lang,
}

impl SearchText {
    /// What the live region says about the results.
    pub fn count(&self, shown: usize, total: usize) -> String {
        match (self.lang, total) {
            (Lang::Ja, 0) => "一致する節はありません".into(),
            (Lang::En, 0) => "No section matches".into(),
            (Lang::Ja, _) if shown < total => format!("{total} 件中 {shown} 件を表示"),
            (Lang::En, _) if shown < total => format!("Showing {shown} of {total} results"),
            (Lang::Ja, _) => format!("{total} 件"),
            (Lang::En, 1) => "1 result".into(),
            (Lang::En, _) => format!("{total} results"),
        }
    }

    /// Shown instead of results; the query is shown as text, never as markup.
    pub fn nothing_for(&self, query: &str) -> String {
        let query: String = query.trim().chars().take(40).collect();
        match self.lang {
            Lang::Ja => format!("「{query}」に一致する節はありません。"),
            Lang::En => format!("Nothing matches “{query}”."),
        }
    }
}

pub const JA: SearchText = SearchText {
    label: "ガイドを検索",
    placeholder: "ガイドを検索…",
    open: "検索を開く",
    close: "検索を閉じる",
    results: "検索結果",
    keys_hint: "↑↓ で選ぶ · Enter で開く · Esc で閉じる",
    lang: Lang::Ja,
};

pub const EN: SearchText = SearchText {
    label: "Search the guide",
    placeholder: "Search the guide…",
    open: "Open search",
    close: "Close search",
    results: "Search results",
    keys_hint: "↑↓ to choose · Enter to open · Esc to close",
    lang: Lang::En,
};

pub fn search_text(lang: Lang) -> &'static SearchText {
    match lang {
        Lang::Ja => &JA,
        Lang::En => &EN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_naturally_in_both_languages() {
        let cases = [
            (Lang::En, 0, 0, "No section matches"),
            (Lang::En, 1, 1, "1 result"),
            (Lang::En, 3, 3, "3 results"),
            (Lang::En, 10, 23, "Showing 10 of 23 results"),
            (Lang::Ja, 0, 0, "一致する節はありません"),
            (Lang::Ja, 3, 3, "3 件"),
            (Lang::Ja, 10, 23, "23 件中 10 件を表示"),
        ];
        for (lang, shown, total, expected) in cases {
            assert_eq!(search_text(lang).count(shown, total), expected);
        }
        assert_eq!(
            search_text(Lang::Ja).nothing_for("  量子  "),
            "「量子」に一致する節はありません。"
        );
    }
}
