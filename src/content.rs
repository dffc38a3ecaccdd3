//! The guide's chapters, compiled in by `build.rs` from `content/` (see `content/README.md`).

use deploy_sim::Lang;

/// A chapter in one language, its HTML rendered and highlighted at build time from trusted,
/// repository-owned Markdown.
#[derive(Debug, PartialEq, Eq)]
pub struct Chapter {
    pub id: &'static str,
    pub order: u32,
    pub title: &'static str,
    pub summary: &'static str,
    /// The body, cut where playground blocks stand.
    pub parts: &'static [Part],
    pub sections: &'static [Section],
    pub playgrounds: &'static [Playground],
}

/// A piece of a chapter's body: trusted HTML rendered at build time from repository content, or
/// the chapter's playground with that index.
#[derive(Debug, PartialEq, Eq)]
pub enum Part {
    Html(&'static str),
    Playground(usize),
}

#[derive(Debug, PartialEq, Eq)]
pub struct Section {
    pub id: &'static str,
    pub title: &'static str,
}

/// A code block the content marks as a playground: its id, kind (the block's language word),
/// starting code, and the static highlighted HTML shown where no live widget exists.
#[derive(Debug, PartialEq, Eq)]
pub struct Playground {
    pub id: &'static str,
    pub kind: &'static str,
    pub code: &'static str,
    pub html: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/guide.rs"));

/// The chapters of one language, in reading order.
pub fn chapters(lang: Lang) -> &'static [Chapter] {
    match lang {
        Lang::Ja => GUIDE[0],
        Lang::En => GUIDE[1],
    }
}

/// A chapter by id, with its position in the reading order.
pub fn find(lang: Lang, id: &str) -> Option<(usize, &'static Chapter)> {
    chapters(lang).iter().enumerate().find(|(_, c)| c.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_the_same_chapters_in_the_same_order() {
        let ja: Vec<_> = chapters(Lang::Ja).iter().map(|c| (c.id, c.order)).collect();
        let en: Vec<_> = chapters(Lang::En).iter().map(|c| (c.id, c.order)).collect();
        assert_eq!(ja, en);
        assert!(!ja.is_empty(), "the guide has at least one chapter");
    }

    #[test]
    fn the_first_chapter_is_about_go_binaries() {
        let (index, chapter) = find(Lang::En, "go-binaries").expect("chapter 1 exists");
        assert_eq!(index, 0);
        assert!(chapter
            .parts
            .iter()
            .any(|p| matches!(p, Part::Html(h) if h.contains("id=\"sec-"))));
        assert!(find(Lang::En, "no-such-chapter").is_none());
    }
}
