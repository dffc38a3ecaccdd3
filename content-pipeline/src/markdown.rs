//! Markdown → HTML for one chapter, with the guide's conventions: `##` headings carry ids and a
//! link to themselves, code blocks are highlighted and copyable, playground blocks are marked for
//! the app to bring to life, tables scroll sideways on phones, outside links open in a new tab.

use crate::{ContentError, Part, PlaygroundBlock, Section};
use deploy_sim::highlight::{self, Language};
use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::path::Path;

/// Stands, with the playground's index, where a playground block was; never in content (NUL).
const PLAYGROUND_MARK: char = '\u{0}';

pub struct Rendered {
    /// The chapter's HTML cut at its playground blocks.
    pub parts: Vec<Part>,
    pub sections: Vec<Section>,
    pub playgrounds: Vec<PlaygroundBlock>,
    pub text: String,
    /// Links to routes inside the app (`#/en/chapter/section`), with their line.
    pub internal_links: Vec<(usize, String)>,
    /// Link targets that are not `##` sections, with their line: `###` headings with an id and
    /// list items that start with `{#id}` (a chapter's Sources entries).
    pub anchors: Vec<(usize, String)>,
}

/// Whether `id` may name a section or anchor: it becomes part of a route, `#/en/chapter/<id>`.
fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Labels the rendered HTML needs, per language.
fn copy_label(lang: &str) -> &'static str {
    if lang == "ja" {
        "コピー"
    } else {
        "Copy"
    }
}

fn playground_label(lang: &str) -> &'static str {
    if lang == "ja" {
        "プレイグラウンド"
    } else {
        "Playground"
    }
}

fn anchor_label(lang: &str) -> &'static str {
    if lang == "ja" {
        "この節へのリンク"
    } else {
        "Link to this section"
    }
}

/// Human name of a code block's language for its toolbar.
fn language_title(language: Language, info_word: &str) -> String {
    match language {
        Language::Dockerfile => "Dockerfile".into(),
        Language::Makefile => "Makefile".into(),
        Language::Yaml => "YAML".into(),
        Language::Go => "Go".into(),
        Language::Shell => "Shell".into(),
        Language::Plain if info_word.is_empty() || info_word == "text" => String::new(),
        Language::Plain => info_word.to_string(),
    }
}

/// A heading being read: its events are buffered until its end, when the id is known.
struct OpenHeading<'a> {
    level: HeadingLevel,
    id: Option<String>,
    line: usize,
    events: Vec<Event<'a>>,
    title: String,
}

pub fn render(
    lang: &str,
    chapter_id: &str,
    file: &Path,
    body: &str,
    body_line: usize,
) -> Result<Rendered, Vec<ContentError>> {
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(body.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |offset: usize| line_starts.partition_point(|&s| s <= offset) + body_line - 1;

    let options = Options::ENABLE_TABLES
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES;
    let mut errors = Vec::new();
    let mut out: Vec<Event> = Vec::new();
    let mut sections: Vec<Section> = Vec::new();
    let mut playgrounds: Vec<PlaygroundBlock> = Vec::new();
    let mut text = String::new();
    let mut internal_links = Vec::new();
    let mut anchors: Vec<(usize, String)> = Vec::new();
    // Where in `out` the `<li>` of a list item just opened stands, until its first text shows
    // whether it starts with an anchor (`- {#src-sizes} Binary sizes: ...`).
    let mut open_item: Option<usize> = None;

    // State while inside a heading or a code block.
    let mut heading: Option<OpenHeading> = None;
    let mut code: Option<(String, usize, String)> = None;

    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let line = line_of(range.start);
        if let Some(OpenHeading { events, title, .. }) = heading.as_mut() {
            match event {
                Event::End(TagEnd::Heading(_)) => {}
                other => {
                    if let Event::Text(t) | Event::Code(t) = &other {
                        title.push_str(t);
                    }
                    events.push(other);
                    continue;
                }
            }
        }
        if let Some((_, _, buffer)) = code.as_mut() {
            match event {
                Event::Text(t) => {
                    buffer.push_str(&t);
                    continue;
                }
                Event::End(TagEnd::CodeBlock) => {}
                _ => continue,
            }
        }
        // Only the first text of a list item may carry its anchor.
        match &event {
            Event::Start(Tag::Item) | Event::Start(Tag::Paragraph) => {}
            Event::Text(t) if t.starts_with("{#") => {}
            _ => open_item = None,
        }
        match event {
            Event::Start(Tag::Item) => {
                open_item = Some(out.len());
                out.push(Event::Start(Tag::Item));
            }
            Event::Text(t) if open_item.is_some() && t.starts_with("{#") => {
                let item = open_item.take();
                let (id, rest) = match t.find('}') {
                    Some(end) => (t[2..end].to_string(), t[end + 1..].trim_start().to_string()),
                    None => (String::new(), t.to_string()),
                };
                if !valid_id(&id) {
                    errors.push(ContentError::new(
                        file,
                        line,
                        format!("list item anchor '{{#{id}}}' may only use a-z, 0-9 and '-'"),
                    ));
                } else if sections.iter().any(|s| s.id == id)
                    || anchors.iter().any(|(_, a)| *a == id)
                {
                    errors.push(ContentError::new(
                        file,
                        line,
                        format!("anchor id '{id}' is used twice"),
                    ));
                }
                if let Some(slot) = item.and_then(|i| out.get_mut(i)) {
                    *slot = Event::Html(CowStr::from(format!(
                        "<li id=\"sec-{id}\" tabindex=\"-1\">"
                    )));
                }
                anchors.push((line, id));
                text.push_str(&rest);
                if let Some(s) = sections.last_mut() {
                    s.text.push_str(&rest);
                }
                out.push(Event::Text(CowStr::from(rest)));
            }
            Event::Start(Tag::Heading { level, id, .. }) => {
                heading = Some(OpenHeading {
                    level,
                    id: id.map(|s| s.to_string()),
                    line,
                    events: Vec::new(),
                    title: String::new(),
                });
            }
            Event::End(TagEnd::Heading(_)) => {
                let Some(OpenHeading {
                    level,
                    id,
                    line: start_line,
                    events,
                    title,
                }) = heading.take()
                else {
                    continue;
                };
                let tag = level.to_string();
                if level == HeadingLevel::H1 {
                    // The app shows the front matter's title as the page's h1.
                    errors.push(ContentError::new(
                        file,
                        start_line,
                        "use the front matter's title instead of a '#' heading",
                    ));
                    continue;
                }
                let id = match (level, id) {
                    (_, Some(id)) => {
                        if !valid_id(&id) {
                            errors.push(ContentError::new(
                                file,
                                start_line,
                                format!("section id '{id}' may only use a-z, 0-9 and '-'"),
                            ));
                        }
                        Some(id)
                    }
                    (HeadingLevel::H2, None) => {
                        errors.push(ContentError::new(
                            file,
                            start_line,
                            format!("'## {title}' needs an id: '## {title} {{#some-id}}'"),
                        ));
                        None
                    }
                    _ => None,
                };
                if let Some(id) = &id {
                    let used = sections.iter().any(|s| &s.id == id)
                        || anchors.iter().any(|(_, a)| a == id);
                    if level == HeadingLevel::H2 {
                        if used {
                            errors.push(ContentError::new(
                                file,
                                start_line,
                                format!("section id '{id}' is used twice"),
                            ));
                        }
                        sections.push(Section {
                            id: id.clone(),
                            title: title.clone(),
                            line: start_line,
                            text: String::new(),
                        });
                    } else {
                        if used {
                            errors.push(ContentError::new(
                                file,
                                start_line,
                                format!("anchor id '{id}' is used twice"),
                            ));
                        }
                        anchors.push((start_line, id.clone()));
                    }
                    out.push(Event::Html(CowStr::from(format!(
                        "<{tag} id=\"sec-{id}\" tabindex=\"-1\">"
                    ))));
                    out.extend(events);
                    out.push(Event::Html(CowStr::from(format!(
                        "<a class=\"anchor\" href=\"#/{lang}/{chapter_id}/{id}\" aria-label=\"{}\">#</a></{tag}>\n",
                        anchor_label(lang)
                    ))));
                } else {
                    out.push(Event::Html(CowStr::from(format!("<{tag}>"))));
                    out.extend(events);
                    out.push(Event::Html(CowStr::from(format!("</{tag}>\n"))));
                }
                text.push_str(&title);
                text.push('\n');
                // A `###` title belongs to the text of the `##` section it stands in.
                if level != HeadingLevel::H2 {
                    if let Some(s) = sections.last_mut() {
                        s.text.push_str(&title);
                        s.text.push(' ');
                    }
                }
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let info = match kind {
                    CodeBlockKind::Fenced(info) => info.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((info, line, String::new()));
            }
            Event::End(TagEnd::CodeBlock) => {
                let Some((info, start_line, source)) = code.take() else {
                    continue;
                };
                let mut words = info.split_whitespace();
                let info_word = words.next().unwrap_or("");
                let language = Language::from_info(info_word);
                let mut is_playground = false;
                let mut playground_id = None;
                for word in words {
                    if word == "playground" {
                        is_playground = true;
                    } else if let Some(id) = word.strip_prefix("id=") {
                        playground_id = Some(id.to_string());
                    } else {
                        errors.push(ContentError::new(
                            file,
                            start_line,
                            format!("unknown code block option '{word}' (expected 'playground' and 'id=...')"),
                        ));
                    }
                }
                let mut attrs = format!(" data-lang=\"{}\"", language.name());
                let mut badge = String::new();
                if is_playground {
                    match playground_id {
                        Some(id) if !id.is_empty() => {
                            if playgrounds.iter().any(|p| p.id == id) {
                                errors.push(ContentError::new(
                                    file,
                                    start_line,
                                    format!("playground id '{id}' is used twice"),
                                ));
                            }
                            attrs.push_str(&format!(
                                " data-playground=\"{}\"",
                                highlight::escape(&id)
                            ));
                            badge = format!(
                                "<span class=\"code-badge\">{}</span>",
                                playground_label(lang)
                            );
                            playgrounds.push(PlaygroundBlock {
                                id,
                                kind: info_word.to_string(),
                                line: start_line,
                                code: source.clone(),
                                html: String::new(),
                            });
                        }
                        _ => errors.push(ContentError::new(
                            file,
                            start_line,
                            "a playground block needs an id: ```dockerfile playground id=name",
                        )),
                    }
                } else if playground_id.is_some() {
                    errors.push(ContentError::new(
                        file,
                        start_line,
                        "'id=' is only for playground blocks",
                    ));
                }
                let title = language_title(language, info_word);
                let block = format!(
                    "<div class=\"code-block\"{attrs}><div class=\"code-toolbar\"><span class=\"code-lang\">{}</span>{badge}<button type=\"button\" class=\"copy-btn\" data-copy>{}</button></div><pre class=\"code\" tabindex=\"0\"><code>{}</code></pre></div>\n",
                    highlight::escape(&title),
                    copy_label(lang),
                    highlight::to_html(language, &source),
                );
                match playgrounds.last_mut() {
                    Some(p) if is_playground && p.line == start_line && p.html.is_empty() => {
                        // The app puts a live widget here; the static block is its fallback.
                        p.html = block;
                        out.push(Event::Html(CowStr::from(format!(
                            "{PLAYGROUND_MARK}{}{PLAYGROUND_MARK}",
                            playgrounds.len() - 1
                        ))));
                    }
                    _ => out.push(Event::Html(CowStr::from(block))),
                }
            }
            Event::Start(Tag::Table(alignments)) => {
                out.push(Event::Html(CowStr::from(
                    "<div class=\"table-wrap\" tabindex=\"0\">",
                )));
                out.push(Event::Start(Tag::Table(alignments)));
            }
            Event::End(TagEnd::Table) => {
                out.push(Event::End(TagEnd::Table));
                out.push(Event::Html(CowStr::from("</div>\n")));
            }
            Event::Start(Tag::Link {
                dest_url, title, ..
            }) => {
                let url = dest_url.to_string();
                let external = url.starts_with("http://") || url.starts_with("https://");
                if url.starts_with("#/") {
                    internal_links.push((line, url.clone()));
                } else if !external && !url.starts_with("mailto:") {
                    errors.push(ContentError::new(
                        file,
                        line,
                        format!("link '{url}' is neither an app route (#/lang/chapter/section) nor an http(s) URL"),
                    ));
                }
                let title_attr = if title.is_empty() {
                    String::new()
                } else {
                    format!(" title=\"{}\"", highlight::escape(&title))
                };
                let target = if external {
                    " target=\"_blank\" rel=\"noopener noreferrer\" class=\"external\""
                } else {
                    ""
                };
                out.push(Event::Html(CowStr::from(format!(
                    "<a href=\"{}\"{title_attr}{target}>",
                    highlight::escape(&url)
                ))));
            }
            Event::End(TagEnd::Link) => out.push(Event::Html(CowStr::from("</a>"))),
            Event::Text(t) => {
                text.push_str(&t);
                if let Some(s) = sections.last_mut() {
                    s.text.push_str(&t);
                }
                out.push(Event::Text(t));
            }
            Event::Code(t) => {
                text.push_str(&t);
                if let Some(s) = sections.last_mut() {
                    s.text.push_str(&t);
                }
                out.push(Event::Code(t));
            }
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(TagEnd::Paragraph)
            | Event::End(TagEnd::TableCell)
            | Event::End(TagEnd::Item) => {
                text.push(' ');
                if let Some(s) = sections.last_mut() {
                    s.text.push(' ');
                }
                out.push(event);
            }
            other => out.push(other),
        }
    }
    if errors.is_empty() {
        join_cjk_soft_breaks(&mut out);
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, out.into_iter());
        Ok(Rendered {
            parts: split_at_playgrounds(&html),
            sections,
            playgrounds,
            text,
            internal_links,
            anchors,
        })
    } else {
        Err(errors)
    }
}

/// A line break inside a paragraph renders as a space; between Japanese words that is a visible
/// gap that no Japanese writer intends ("キャッシュ、 そして"). Drop soft breaks that touch a
/// non-ASCII character on either side; keep them between ASCII words.
fn join_cjk_soft_breaks(events: &mut [Event]) {
    fn edge(event: &Event, last: bool) -> Option<char> {
        match event {
            Event::Text(t) | Event::Code(t) => {
                if last {
                    t.chars().next_back()
                } else {
                    t.chars().next()
                }
            }
            _ => None,
        }
    }
    for i in 0..events.len() {
        if !matches!(events[i], Event::SoftBreak) {
            continue;
        }
        let before = i
            .checked_sub(1)
            .and_then(|j| events.get(j))
            .and_then(|e| edge(e, true));
        let after = events.get(i + 1).and_then(|e| edge(e, false));
        if before.is_some_and(|c| !c.is_ascii()) || after.is_some_and(|c| !c.is_ascii()) {
            events[i] = Event::Text(CowStr::Borrowed(""));
        }
    }
}

/// Cuts rendered HTML at the playground marks: `a \0 0 \0 b` → [Html(a), Playground(0), Html(b)].
fn split_at_playgrounds(html: &str) -> Vec<Part> {
    let mut parts = Vec::new();
    for (i, piece) in html.split(PLAYGROUND_MARK).enumerate() {
        if i % 2 == 1 {
            if let Ok(index) = piece.parse() {
                parts.push(Part::Playground(index));
            }
        } else if !piece.trim().is_empty() {
            parts.push(Part::Html(piece.to_string()));
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render_ok(body: &str) -> Rendered {
        render("en", "ch", Path::new("x.md"), body, 1).unwrap_or_else(|e| panic!("{e:?}"))
    }

    /// The chapter's HTML with each playground's static fallback put back in its place.
    fn html(r: &Rendered) -> String {
        r.parts
            .iter()
            .map(|p| match p {
                Part::Html(h) => h.clone(),
                Part::Playground(i) => r.playgrounds[*i].html.clone(),
            })
            .collect()
    }

    fn render_err(body: &str) -> Vec<String> {
        match render("en", "ch", Path::new("x.md"), body, 10) {
            Ok(_) => panic!("expected an error for {body:?}"),
            Err(errors) => errors.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn sections_get_ids_and_self_links() {
        let r = render_ok("Intro\n\n## Static binaries {#static-binary}\n\nBody text.\n");
        assert_eq!(r.sections.len(), 1);
        assert_eq!(r.sections[0].id, "static-binary");
        assert_eq!(r.sections[0].title, "Static binaries");
        assert_eq!(r.sections[0].line, 3);
        assert!(r.sections[0].text.contains("Body text."));
        assert!(html(&r).contains("<h2 id=\"sec-static-binary\" tabindex=\"-1\">Static binaries<a class=\"anchor\" href=\"#/en/ch/static-binary\""));
    }

    #[test]
    fn code_blocks_are_highlighted_and_copyable() {
        let r = render_ok("```dockerfile\nFROM scratch\n```\n");
        assert!(html(&r).contains("data-lang=\"dockerfile\""));
        assert!(html(&r).contains("<span class=\"hl-kw\">FROM</span>"));
        assert!(html(&r).contains("data-copy>Copy</button>"));
        assert!(r.playgrounds.is_empty());
    }

    #[test]
    fn playground_blocks_are_collected() {
        let r = render_ok(&format!(
            "Before\n\n{}\nAfter\n",
            "```dockerfile playground id=production\nFROM scratch\n```"
        ));
        assert_eq!(r.playgrounds.len(), 1);
        let p = &r.playgrounds[0];
        assert_eq!(
            (p.id.as_str(), p.kind.as_str(), p.line, p.code.as_str()),
            ("production", "dockerfile", 3, "FROM scratch\n")
        );
        assert!(
            matches!(r.parts.as_slice(), [Part::Html(a), Part::Playground(0), Part::Html(b)] if a.contains("Before") && b.contains("After"))
        );
        assert!(html(&r).contains("data-playground=\"production\""));
    }

    #[test]
    fn japanese_line_breaks_leave_no_gap_but_english_ones_do() {
        let r = render_ok("キャッシュ、\nそして `git`\nが必要です。\nThe end\nof it.\n");
        let h = html(&r);
        assert!(
            h.contains("キャッシュ、そして <code>git</code>が必要です。The end\nof it."),
            "{h}"
        );
    }

    #[test]
    fn diagrams_keep_their_spacing_and_markup_is_escaped() {
        let r = render_ok("```text\n+--<b>--+\n|  x   |\n```\n");
        assert!(html(&r).contains("+--&lt;b&gt;--+\n|  x   |"));
    }

    #[test]
    fn tables_scroll_and_external_links_open_apart() {
        let r = render_ok("| a | b |\n|---|---|\n| 1 | 2 |\n\n[docs](https://docs.docker.com/) and [ch](#/en/ch/x)\n");
        assert!(html(&r).contains("<div class=\"table-wrap\" tabindex=\"0\"><table>"));
        assert!(html(&r).contains("<a href=\"https://docs.docker.com/\" target=\"_blank\" rel=\"noopener noreferrer\" class=\"external\">docs</a>"));
        assert_eq!(r.internal_links, vec![(5, "#/en/ch/x".to_string())]);
    }

    #[test]
    fn list_items_and_subheadings_can_be_link_targets() {
        let r = render_ok(
            "## Sources {#sources}\n\n- {#src-sizes} Binary sizes: `sim/data/x.tsv`\n- Plain item {#not-an-anchor}\n\n### Details {#details}\n\nMore.\n",
        );
        let h = html(&r);
        assert!(
            h.contains("<li id=\"sec-src-sizes\" tabindex=\"-1\">Binary sizes: <code>sim/data/x.tsv</code></li>"),
            "{h}"
        );
        assert!(h.contains("<li>Plain item {#not-an-anchor}</li>"), "{h}");
        assert!(h.contains("<h3 id=\"sec-details\""), "{h}");
        assert_eq!(
            r.anchors,
            vec![(3, "src-sizes".to_string()), (6, "details".to_string())]
        );
        // The anchor is markup, not text; the `###` title is part of its section's text.
        let text = &r.sections[0].text;
        assert!(text.starts_with("Binary sizes:"), "{text:?}");
        assert!(text.contains("Details"), "{text:?}");
    }

    #[test]
    fn section_text_keeps_table_cells_and_list_items_apart() {
        let r = render_ok("## T {#t}\n\n| a | b |\n|---|---|\n| c | d |\n\n- e\n- f\n");
        let words: Vec<&str> = r.sections[0].text.split_whitespace().collect();
        assert_eq!(words, ["a", "b", "c", "d", "e", "f"]);
    }

    #[test]
    fn mistakes_fail_with_file_and_line() {
        assert_eq!(
            render_err("text\n\n## No id\n"),
            ["x.md:12: '## No id' needs an id: '## No id {#some-id}'"]
        );
        assert_eq!(
            render_err("# Title\n"),
            ["x.md:10: use the front matter's title instead of a '#' heading"]
        );
        assert_eq!(
            render_err("\n```go playground\nx\n```\n"),
            ["x.md:11: a playground block needs an id: ```dockerfile playground id=name"]
        );
        assert_eq!(
            render_err("## A {#a}\n\n## B {#a}\n"),
            ["x.md:12: section id 'a' is used twice"]
        );
        assert_eq!(
            render_err("- {#Bad_Id} x\n"),
            ["x.md:10: list item anchor '{#Bad_Id}' may only use a-z, 0-9 and '-'"]
        );
        assert_eq!(
            render_err("## A {#a}\n\n- {#a} x\n"),
            ["x.md:12: anchor id 'a' is used twice"]
        );
        assert_eq!(
            render_err("[x](other.md)\n"),
            ["x.md:10: link 'other.md' is neither an app route (#/lang/chapter/section) nor an http(s) URL"]
        );
    }
}
