//! The exercise files' texts (instructions, hints, the checks' explanations) are plain text
//! written by teachers: hard-wrapped lines, `- ` lists and `code` in backticks. This turns them
//! into paragraphs, lists and spans that components render as text nodes, never as HTML.

/// A paragraph or a list, the lines of each joined.
#[derive(Debug, PartialEq, Eq)]
pub enum Block {
    Paragraph(String),
    List(Vec<String>),
}

/// A run of text, or of code (between backticks).
#[derive(Debug, PartialEq, Eq)]
pub enum Span<'a> {
    Text(&'a str),
    Code(&'a str),
}

fn is_wide(c: char) -> bool {
    ('\u{3000}'..='\u{9fff}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c)
}

/// Japanese punctuation (、。「」（）！？：), which takes no space on either side.
fn is_wide_punctuation(c: char) -> bool {
    ('\u{3000}'..='\u{303f}').contains(&c) || ('\u{ff01}'..='\u{ff1f}').contains(&c)
}

/// Joins a hard-wrapped line to the one before: with a space, except between two Japanese
/// characters or next to Japanese punctuation (Japanese has no spaces between words; a Latin
/// word inside Japanese keeps its spaces).
fn join(into: &mut String, line: &str) {
    let (last, first) = (into.chars().last(), line.chars().next());
    let tight = (last.is_some_and(is_wide) && first.is_some_and(is_wide))
        || last.is_some_and(is_wide_punctuation)
        || first.is_some_and(is_wide_punctuation);
    if !into.is_empty() && !tight {
        into.push(' ');
    }
    into.push_str(line);
}

/// Blank lines end a paragraph; lines starting with `- ` are list items (an indented line
/// continues the item).
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut paragraph = String::new();
    let mut items: Vec<String> = Vec::new();
    let flush_paragraph = |p: &mut String, out: &mut Vec<Block>| {
        if !p.is_empty() {
            out.push(Block::Paragraph(std::mem::take(p)));
        }
    };
    let flush_list = |items: &mut Vec<String>, out: &mut Vec<Block>| {
        if !items.is_empty() {
            out.push(Block::List(std::mem::take(items)));
        }
    };
    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() {
            flush_paragraph(&mut paragraph, &mut out);
            flush_list(&mut items, &mut out);
        } else if let Some(item) = line.strip_prefix("- ").or(line.strip_prefix("* ")) {
            flush_paragraph(&mut paragraph, &mut out);
            items.push(item.trim().to_string());
        } else if let (Some(last), true) = (items.last_mut(), raw.starts_with([' ', '\t'])) {
            join(last, line);
        } else {
            flush_list(&mut items, &mut out);
            join(&mut paragraph, line);
        }
    }
    flush_paragraph(&mut paragraph, &mut out);
    flush_list(&mut items, &mut out);
    out
}

/// Splits a line at backticks. An unpaired backtick stays as text.
pub fn spans(text: &str) -> Vec<Span<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('`') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('`') else {
            break;
        };
        if open > 0 {
            out.push(Span::Text(&rest[..open]));
        }
        out.push(Span::Code(&after[..close]));
        rest = &after[close + 1..];
    }
    if !rest.is_empty() {
        out.push(Span::Text(rest));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use Block::{List, Paragraph};

    #[test]
    fn paragraphs_and_lists_in_both_languages() {
        let cases: [(&str, Vec<Block>); 5] = [
            ("", vec![]),
            (
                "This Dockerfile builds\non golang:1.22.\n\nShrink it.\n",
                vec![
                    Paragraph("This Dockerfile builds on golang:1.22.".into()),
                    Paragraph("Shrink it.".into()),
                ],
            ),
            (
                "この Dockerfile は\nビルドします。\nGo を使い\nDockerfile を直します。",
                vec![Paragraph(
                    "この Dockerfile はビルドします。Go を使い Dockerfile を直します。".into(),
                )],
            ),
            (
                "The causes:\n- the config;\n- the history\n  is short;\nFix both.",
                vec![
                    Paragraph("The causes:".into()),
                    List(vec!["the config;".into(), "the history is short;".into()]),
                    Paragraph("Fix both.".into()),
                ],
            ),
            (
                "- one\n\n- two",
                vec![List(vec!["one".into()]), List(vec!["two".into()])],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(blocks(text), expected, "{text:?}");
        }
    }

    #[test]
    fn backticks_make_code_spans_and_a_lone_one_stays_text() {
        use Span::{Code, Text};
        let cases: [(&str, Vec<Span>); 5] = [
            ("plain", vec![Text("plain")]),
            (
                "Use `AS builder` then `COPY`.",
                vec![
                    Text("Use "),
                    Code("AS builder"),
                    Text(" then "),
                    Code("COPY"),
                    Text("."),
                ],
            ),
            ("`GDP001`", vec![Code("GDP001")]),
            ("a ` b", vec![Text("a ` b")]),
            ("`a` and ` lone", vec![Code("a"), Text(" and ` lone")]),
        ];
        for (text, expected) in cases {
            assert_eq!(spans(text), expected, "{text:?}");
        }
    }
}
