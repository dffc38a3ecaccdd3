//! The build-time content pipeline: `content/<lang>/NN-<id>.md` → checked, highlighted HTML that
//! the app compiles in (see the app's `build.rs`). No Markdown parser ships in the WebAssembly.
//!
//! Content is trusted (it comes from this repository), but it is checked hard: a chapter missing
//! in one language, bad front matter, or section and playground ids that differ between the
//! languages fail the build with the file and line. The format is documented in
//! `content/README.md`.

mod front_matter;
mod markdown;
mod rust_out;

use std::fmt;
use std::path::{Path, PathBuf};

pub use front_matter::FrontMatter;
pub use rust_out::to_rust;

/// The two languages every chapter exists in, in the order the app lists them.
pub const LANGS: [&str; 2] = ["ja", "en"];

/// The app's pages that are not chapters (`#/<lang>/release`, the release preview): a link may
/// lead there, and no chapter may take the id.
pub const APP_PAGES: [&str; 1] = ["release"];

/// A chapter in one language, rendered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chapter {
    pub lang: String,
    pub file: PathBuf,
    pub meta: FrontMatter,
    /// The body's HTML, cut where playground blocks stand.
    pub parts: Vec<Part>,
    pub sections: Vec<Section>,
    pub playgrounds: Vec<PlaygroundBlock>,
    /// Plain text of the chapter (for word counts and the search index).
    pub text: String,
    /// Links to app routes (`#/en/chapter/section`) with their line, checked after loading.
    pub internal_links: Vec<(usize, String)>,
    /// Other link targets (`###` ids, list items marked `{#id}`) with their line; a route's last
    /// part may name one of these as well as a section.
    pub anchors: Vec<(usize, String)>,
}

/// A `##` section: its language-independent id and its title in the chapter's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub line: usize,
    /// Plain text of the section's body, for search.
    pub text: String,
}

/// A piece of a chapter's body: HTML, or the playground with that index in `playgrounds`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    Html(String),
    Playground(usize),
}

/// A code block marked as a playground (```` ```dockerfile playground id=production ````).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlaygroundBlock {
    pub id: String,
    pub kind: String,
    pub line: usize,
    pub code: String,
    /// The block rendered as static, highlighted HTML: what shows until (or unless) the app has
    /// a live widget for this kind.
    pub html: String,
}

/// Everything in `content/`: for each language, its chapters sorted by `order`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Guide {
    pub chapters: Vec<Vec<Chapter>>,
}

/// A problem in a content file, with the place it is at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError {
    pub file: PathBuf,
    pub line: usize,
    pub message: String,
}

impl ContentError {
    fn new(file: &Path, line: usize, message: impl Into<String>) -> Self {
        ContentError {
            file: file.to_path_buf(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
    }
}

/// Loads, renders and cross-checks every chapter under `root` (the `content/` folder). Returns
/// every error found, not only the first, so a writer can fix them in one go.
pub fn build(root: &Path) -> Result<Guide, Vec<ContentError>> {
    let mut errors = Vec::new();
    let mut chapters = Vec::new();
    for lang in LANGS {
        let dir = root.join(lang);
        let mut files = match std::fs::read_dir(&dir) {
            Ok(entries) => entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "md"))
                .collect::<Vec<_>>(),
            Err(e) => {
                errors.push(ContentError::new(&dir, 0, format!("cannot read: {e}")));
                Vec::new()
            }
        };
        files.sort();
        let mut list = Vec::new();
        for file in files {
            match std::fs::read_to_string(&file) {
                Ok(source) => match render_chapter(lang, &file, &source) {
                    Ok(chapter) => list.push(chapter),
                    Err(mut e) => errors.append(&mut e),
                },
                Err(e) => errors.push(ContentError::new(&file, 0, format!("cannot read: {e}"))),
            }
        }
        list.sort_by_key(|c| c.meta.order);
        chapters.push(list);
    }
    if errors.is_empty() {
        errors.extend(cross_check(&chapters));
    }
    if errors.is_empty() {
        errors.extend(check_links(&chapters));
    }
    if errors.is_empty() {
        Ok(Guide { chapters })
    } else {
        Err(errors)
    }
}

/// Renders one chapter file. The file name must be `NN-<id>.md` with `<id>` equal to the front
/// matter's id, so that a chapter can be found from either.
pub fn render_chapter(lang: &str, file: &Path, source: &str) -> Result<Chapter, Vec<ContentError>> {
    let (meta, body, body_line) = front_matter::parse(file, source).map_err(|e| vec![e])?;
    let mut errors = Vec::new();
    let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let expected_stem = format!("{:02}-{}", meta.order, meta.id);
    if stem != expected_stem {
        errors.push(ContentError::new(
            file,
            1,
            format!(
                "file name should be {expected_stem}.md for id '{}' and order {}",
                meta.id, meta.order
            ),
        ));
    }
    let rendered = markdown::render(lang, &meta.id, file, body, body_line);
    match rendered {
        Ok(r) => {
            if errors.is_empty() {
                Ok(Chapter {
                    lang: lang.to_string(),
                    file: file.to_path_buf(),
                    meta,
                    parts: r.parts,
                    sections: r.sections,
                    playgrounds: r.playgrounds,
                    text: r.text,
                    internal_links: r.internal_links,
                    anchors: r.anchors,
                })
            } else {
                Err(errors)
            }
        }
        Err(mut e) => {
            errors.append(&mut e);
            Err(errors)
        }
    }
}

/// The languages must agree: same chapters (id and order), same section ids in the same order,
/// same anchors, same playground ids and kinds.
fn cross_check(chapters: &[Vec<Chapter>]) -> Vec<ContentError> {
    let mut errors = Vec::new();
    let [first, rest @ ..] = chapters else {
        return errors;
    };
    for chapter in chapters.iter().flatten() {
        if APP_PAGES.contains(&chapter.meta.id.as_str()) {
            errors.push(ContentError::new(
                &chapter.file,
                1,
                format!("the id '{}' is the app's own page", chapter.meta.id),
            ));
        }
    }
    for other in rest {
        for a in first {
            let Some(b) = other.iter().find(|b| b.meta.id == a.meta.id) else {
                errors.push(ContentError::new(
                    &a.file,
                    1,
                    format!(
                        "chapter '{}' has no {} version",
                        a.meta.id,
                        other.first().map_or("other-language", |c| c.lang.as_str())
                    ),
                ));
                continue;
            };
            if a.meta.order != b.meta.order {
                errors.push(ContentError::new(
                    &b.file,
                    1,
                    format!(
                        "order {} differs from {} in {}",
                        b.meta.order,
                        a.meta.order,
                        a.file.display()
                    ),
                ));
            }
            let ids_a: Vec<&str> = a.sections.iter().map(|s| s.id.as_str()).collect();
            let ids_b: Vec<&str> = b.sections.iter().map(|s| s.id.as_str()).collect();
            if ids_a != ids_b {
                let line = first_difference(&a.sections, &b.sections)
                    .map_or(1, |i| b.sections.get(i).map_or(1, |s| s.line));
                errors.push(ContentError::new(
                    &b.file,
                    line,
                    format!(
                        "section ids differ from {}: [{}] vs [{}]",
                        a.file.display(),
                        ids_a.join(", "),
                        ids_b.join(", ")
                    ),
                ));
            }
            let anchors_a: Vec<&str> = a.anchors.iter().map(|(_, id)| id.as_str()).collect();
            let anchors_b: Vec<&str> = b.anchors.iter().map(|(_, id)| id.as_str()).collect();
            if anchors_a != anchors_b {
                let line = (0..anchors_a.len().max(anchors_b.len()))
                    .find(|&i| anchors_a.get(i) != anchors_b.get(i))
                    .and_then(|i| b.anchors.get(i).or(b.anchors.last()))
                    .map_or(1, |(line, _)| *line);
                errors.push(ContentError::new(
                    &b.file,
                    line,
                    format!(
                        "anchors differ from {}: [{}] vs [{}]",
                        a.file.display(),
                        anchors_a.join(", "),
                        anchors_b.join(", ")
                    ),
                ));
            }
            let pg_a: Vec<(&str, &str)> = a
                .playgrounds
                .iter()
                .map(|p| (p.id.as_str(), p.kind.as_str()))
                .collect();
            let pg_b: Vec<(&str, &str)> = b
                .playgrounds
                .iter()
                .map(|p| (p.id.as_str(), p.kind.as_str()))
                .collect();
            if pg_a != pg_b {
                errors.push(ContentError::new(
                    &b.file,
                    b.playgrounds.first().map_or(1, |p| p.line),
                    format!(
                        "playground blocks differ from {}: {pg_a:?} vs {pg_b:?}",
                        a.file.display()
                    ),
                ));
            }
        }
        for b in other {
            if !first.iter().any(|a| a.meta.id == b.meta.id) {
                errors.push(ContentError::new(
                    &b.file,
                    1,
                    format!(
                        "chapter '{}' has no {} version",
                        b.meta.id,
                        first.first().map_or("other-language", |c| c.lang.as_str())
                    ),
                ));
            }
        }
    }
    errors
}

/// Every `#/lang/chapter[/section-or-anchor]` link must lead somewhere.
fn check_links(chapters: &[Vec<Chapter>]) -> Vec<ContentError> {
    let mut errors = Vec::new();
    for chapter in chapters.iter().flatten() {
        for (line, link) in &chapter.internal_links {
            let parts: Vec<&str> = link.trim_start_matches("#/").split('/').collect();
            let found = match parts.as_slice() {
                [lang, rest @ ..] => LANGS.iter().position(|l| l == lang).and_then(|i| {
                    let list = chapters.get(i)?;
                    match rest {
                        [] => Some(()),
                        [id] => (list.iter().any(|c| c.meta.id == *id) || APP_PAGES.contains(id))
                            .then_some(()),
                        [id, section] => list
                            .iter()
                            .find(|c| c.meta.id == *id)
                            .filter(|c| {
                                c.sections.iter().any(|s| s.id == *section)
                                    || c.anchors.iter().any(|(_, a)| a == section)
                            })
                            .map(|_| ()),
                        _ => None,
                    }
                }),
                [] => None,
            };
            if found.is_none() {
                errors.push(ContentError::new(
                    &chapter.file,
                    *line,
                    format!("link '{link}' leads nowhere"),
                ));
            }
        }
    }
    errors
}

fn first_difference(a: &[Section], b: &[Section]) -> Option<usize> {
    (0..a.len().max(b.len())).find(|&i| a.get(i).map(|s| &s.id) != b.get(i).map(|s| &s.id))
}
