//! The search reads the guide's text out of the compiled chapter HTML (so the text ships once).
//! This holds that reading to the content pipeline's own plain text of every section, in both
//! languages: a new kind of markup that leaks code into the index, or hides prose from it, fails
//! here and names the section.

use deploy_sim::Lang;
use go_deploy_playground::{content, search};
use std::path::Path;

/// Without whitespace: the HTML and the pipeline break lines and separate blocks differently
/// (Japanese line breaks vanish in the HTML), and that is all they may differ in.
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn search_reads_the_same_text_the_pipeline_collected_for_every_section() {
    let guide = guide_content::build(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("content")
            .as_path(),
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    for (lang, source_chapters) in [Lang::Ja, Lang::En].into_iter().zip(&guide.chapters) {
        for source in source_chapters {
            let (_, chapter) = content::find(lang, &source.meta.id).expect("compiled chapter");
            let read = search::section_texts(chapter);
            // The introduction, then one entry per section, in order.
            assert_eq!(read.len(), source.sections.len() + 1, "{}", source.meta.id);
            for ((place, text), section) in read[1..].iter().zip(&source.sections) {
                assert_eq!(place.map(|(id, _)| id), Some(section.id.as_str()));
                assert_eq!(
                    squeeze(text),
                    squeeze(&section.text),
                    "{lang:?} {}#{}",
                    source.meta.id,
                    section.id
                );
            }
        }
    }
}

#[test]
fn code_is_not_indexed() {
    // A line that only exists inside a code block of chapter 2.
    let needle = "COPY go.mod go.sum ./";
    for lang in [Lang::Ja, Lang::En] {
        let (_, chapter) = content::find(lang, "docker-multistage").expect("chapter 2");
        assert!(chapter.playgrounds.iter().any(|p| p.code.contains(needle)));
        for (_, text) in search::section_texts(chapter) {
            assert!(!text.contains(needle), "{lang:?}: {text}");
        }
    }
}
