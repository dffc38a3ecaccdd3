//! Finding chapters and sections of the guide, in one language, as the learner types.
//!
//! The index is the guide itself: its text is already compiled into the app as the chapters'
//! HTML (built and checked at build time by the content pipeline), so instead of shipping the
//! same text a second time (≈ 47 KB gzip for both languages), [`Index::build`] reads the text
//! out of that HTML the first time a language is searched. Code blocks, diagrams and buttons are
//! left out, exactly as the pipeline leaves them out of its section text (a test holds the two
//! together).
//!
//! Matching works on folded text: full-width Latin letters and digits become ASCII, half-width
//! katakana become full-width, everything is lowercased; hiragana and katakana stay distinct.
//! A query is cut into terms: runs of letters and digits match words by prefix (`distro` finds
//! "distroless"), runs of Japanese characters match as a phrase or, failing that, by character
//! bigrams (most of the term's bigrams must occur in the section), since Japanese has no spaces
//! between words. Every term must match. Hits in a title outrank hits in the text.
//!
//! Pure and total: any query, however long or strange, gives a (possibly empty) result in
//! bounded time.

use crate::content::{Chapter, Part};
use std::sync::OnceLock;

/// Characters of a query that are read; the rest is ignored.
const MAX_QUERY_CHARS: usize = 100;
/// Characters of a term that are matched.
const MAX_TERM_CHARS: usize = 32;
/// Terms of a query that are used; the rest is ignored.
const MAX_TERMS: usize = 8;
/// Occurrences counted per term and entry (more adds nothing to the score).
const MAX_COUNTED: usize = 10;

/// Text folded for matching, with the position in the original text each folded character came
/// from (to mark matches in what the learner reads).
#[derive(Clone, Debug, Default)]
struct Folded {
    chars: Vec<char>,
    origin: Vec<u32>,
    /// Positions in `chars` where a word (a run of [`Class::Word`]) starts.
    word_starts: Vec<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    /// Letters and digits of alphabetic scripts (and `_`): words, matched by prefix.
    Word,
    /// Kana and kanji: no spaces between words, matched as phrases or by bigrams.
    Cjk,
    /// Spaces and punctuation: separate terms.
    Other,
}

fn class(c: char) -> Class {
    let u = c as u32;
    let cjk = matches!(u,
        0x3005..=0x3007 // 々 〆 〇
        | 0x3041..=0x3096 // hiragana
        | 0x309D..=0x309F
        | 0x30A1..=0x30FA // katakana
        | 0x30FC..=0x30FF // ー and iteration marks (not ・, U+30FB)
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF);
    // Decided by ranges rather than Unicode tables, which would weigh on the WebAssembly: the
    // guide's words are ASCII, its punctuation and symbols sit in the blocks below, and any
    // other letter (é, ß, Greek, Cyrillic...) counts as part of a word.
    let other = matches!(u,
        0x00..=0x2F | 0x3A..=0x40 | 0x5B..=0x5E | 0x60 | 0x7B..=0xBF | 0xD7 | 0xF7
        | 0x2000..=0x2BFF // punctuation, symbols, arrows, box drawing
        | 0x3000..=0x3004 | 0x3008..=0x303F | 0x30FB // CJK punctuation, ・
        | 0xFE00..=0xFE6F | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65
        | 0xFFF0..=0xFFFF | 0x1F000..=0x1FFFF | 0xE0000..=0xE007F);
    if cjk {
        Class::Cjk
    } else if other {
        Class::Other
    } else {
        Class::Word
    }
}

/// Lowercase without Unicode tables: ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic
/// capitals; other characters are compared as written.
fn lowercase(c: char) -> char {
    let u = c as u32;
    let lower = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => {
            u + 0x20
        }
        0x400..=0x40F => u + 0x50,
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if u % 2 == 0 => u + 1,
        0x139..=0x148 | 0x179..=0x17E if u % 2 == 1 => u + 1,
        0x178 => 0xFF,
        _ => u,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// Half-width katakana U+FF61..=U+FF9F and their full-width forms.
const HALF_WIDTH_KANA: &str = "。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン゛゜";

/// The katakana a half-width voiced (゛) or semi-voiced (゜) mark turns `base` into.
fn voiced(base: char, semi: bool) -> Option<char> {
    let u = base as u32;
    let voiceable = matches!(u, 0x30AB..=0x30C2 if u % 2 == 1)
        || matches!(u, 0x30C4 | 0x30C6 | 0x30C8)
        || matches!(u, 0x30CF | 0x30D2 | 0x30D5 | 0x30D8 | 0x30DB);
    let is_h_row = matches!(u, 0x30CF | 0x30D2 | 0x30D5 | 0x30D8 | 0x30DB);
    match (semi, base) {
        (false, 'ウ') => Some('ヴ'),
        (false, _) if voiceable => char::from_u32(u + 1),
        (true, _) if is_h_row => char::from_u32(u + 2),
        _ => None,
    }
}

/// Folds `text` for matching (see the module documentation): one folded character per
/// character of `text`, except that a half-width voiced mark merges into its kana, and spaces
/// and `・` between two Japanese characters are dropped ("マルチ・ステージ" matches
/// "マルチステージ").
fn fold(text: &str) -> Folded {
    let mut chars: Vec<char> = Vec::with_capacity(text.len());
    let mut origin: Vec<u32> = Vec::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        let i = i as u32;
        let u = c as u32;
        let c = match u {
            0xFF01..=0xFF5E => char::from_u32(u - 0xFEE0).unwrap_or(c),
            0x3000 => ' ',
            0xFF61..=0xFF9F => {
                let full = HALF_WIDTH_KANA
                    .chars()
                    .nth((u - 0xFF61) as usize)
                    .unwrap_or(c);
                if matches!(full, '゛' | '゜') {
                    if let Some(v) = chars.last().and_then(|&b| voiced(b, full == '゜')) {
                        if let Some(last) = chars.last_mut() {
                            *last = v;
                        }
                        continue;
                    }
                }
                full
            }
            _ => c,
        };
        chars.push(lowercase(c));
        origin.push(i);
    }
    // Drop separators between two Japanese characters.
    let mut kept_chars = Vec::with_capacity(chars.len());
    let mut kept_origin = Vec::with_capacity(chars.len());
    for i in 0..chars.len() {
        let c = chars[i];
        if c.is_whitespace() || c == '・' {
            let before = kept_chars.last().copied().map(class);
            let after = chars[i + 1..]
                .iter()
                .find(|c| !(c.is_whitespace() || **c == '・'))
                .copied()
                .map(class);
            if before == Some(Class::Cjk) && after == Some(Class::Cjk) {
                continue;
            }
        }
        kept_chars.push(c);
        kept_origin.push(origin[i]);
    }
    let word_starts = (0..kept_chars.len())
        .filter(|&i| {
            class(kept_chars[i]) == Class::Word
                && (i == 0 || class(kept_chars[i - 1]) != Class::Word)
        })
        .map(|i| i as u32)
        .collect();
    Folded {
        chars: kept_chars,
        origin: kept_origin,
        word_starts,
    }
}

/// Where a match of `needle` starts in `hay`, if it does at `at`.
fn matches_at(hay: &[char], at: usize, needle: &[char]) -> bool {
    hay.get(at..at + needle.len()) == Some(needle)
}

/// One term of a query.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Term {
    chars: Vec<char>,
    class: Class,
}

/// Cuts a query into at most [`MAX_TERMS`] distinct terms.
fn terms(query: &str) -> Vec<Term> {
    let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
    let folded = fold(&query);
    let mut terms: Vec<Term> = Vec::new();
    let mut current: Vec<char> = Vec::new();
    let mut current_class = Class::Other;
    for &c in folded.chars.iter().chain(std::iter::once(&' ')) {
        let k = class(c);
        if k != current_class && !current.is_empty() {
            let term = Term {
                chars: std::mem::take(&mut current),
                class: current_class,
            };
            if !terms.contains(&term) && terms.len() < MAX_TERMS {
                terms.push(term);
            }
        }
        if k != Class::Other && current.len() < MAX_TERM_CHARS {
            current.push(c);
        }
        current_class = k;
    }
    terms
}

/// How a term matched one text: where (folded positions, at most [`MAX_COUNTED`]) and how well.
#[derive(Debug, Default)]
struct TermMatch {
    /// Ranges in the folded text to mark.
    ranges: Vec<(usize, usize)>,
    /// The term as a whole word or phrase (not only a prefix, not only bigrams).
    exact: bool,
    /// Only most of the term's bigrams were found, not the term itself.
    partial: bool,
}

impl TermMatch {
    fn found(&self) -> bool {
        !self.ranges.is_empty()
    }
}

/// Finds `term` in `text`.
fn find(term: &Term, text: &Folded) -> TermMatch {
    let mut m = TermMatch::default();
    let needle = &term.chars;
    match term.class {
        Class::Word => {
            for &start in &text.word_starts {
                let start = start as usize;
                if matches_at(&text.chars, start, needle) {
                    let end = start + needle.len();
                    let whole = text.chars.get(end).is_none_or(|&c| class(c) != Class::Word);
                    m.exact |= whole;
                    m.ranges.push((start, end));
                    if m.ranges.len() == MAX_COUNTED {
                        break;
                    }
                }
            }
        }
        Class::Cjk | Class::Other => {
            let first = needle.first().copied();
            for (i, &c) in text.chars.iter().enumerate() {
                if Some(c) == first && matches_at(&text.chars, i, needle) {
                    m.exact = true;
                    m.ranges.push((i, i + needle.len()));
                    if m.ranges.len() == MAX_COUNTED {
                        break;
                    }
                }
            }
            if m.ranges.is_empty() {
                if let Some(window) = bigram_window(needle, text) {
                    m.partial = true;
                    m.ranges = window;
                }
            }
        }
    }
    m
}

/// Japanese scripts, for cutting a term into the pieces that must each be found.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Hiragana,
    Katakana,
    Kanji,
}

fn script(c: char) -> Script {
    match c as u32 {
        0x3041..=0x309F => Script::Hiragana,
        0x30A1..=0x30FF => Script::Katakana,
        _ => Script::Kanji,
    }
}

/// Occurrences of a term's bigrams looked at when the term is not found as a phrase.
const MAX_BIGRAM_OCCURRENCES: usize = 4000;

/// When a Japanese term is not in the text as written, whether its pieces are, close together:
/// every bigram of the term that stays within one script (so "静的バイナリ" needs 静的, バイ,
/// イナ and ナリ, and finds "静的リンクされた Go バイナリ"; "イメージのサイズ" finds
/// "イメージサイズ") must occur within a window a little over twice the term's length. Returns
/// the ranges to mark, or `None`.
fn bigram_window(needle: &[char], text: &Folded) -> Option<Vec<(usize, usize)>> {
    let mut wanted: Vec<[char; 2]> = Vec::new();
    for w in needle.windows(2) {
        let same_script =
            class(w[0]) == Class::Cjk && class(w[1]) == Class::Cjk && script(w[0]) == script(w[1]);
        if same_script && !wanted.contains(&[w[0], w[1]]) {
            wanted.push([w[0], w[1]]);
        }
    }
    // A term with fewer than two such bigrams has nothing to fall back on.
    if wanted.len() < 2 {
        return None;
    }
    // Every occurrence of a wanted bigram, in text order, as (position, which bigram).
    let mut occurrences: Vec<(usize, usize)> = Vec::new();
    let mut seen = vec![false; wanted.len()];
    for (i, pair) in text.chars.windows(2).enumerate() {
        if let Some(id) = wanted.iter().position(|w| w[..] == *pair) {
            occurrences.push((i, id));
            seen[id] = true;
            if occurrences.len() == MAX_BIGRAM_OCCURRENCES {
                break;
            }
        }
    }
    if seen.contains(&false) {
        return None;
    }
    let limit = 2 * needle.len() + 8;
    // The shortest window holding every wanted bigram (two pointers over the occurrences).
    let mut counts = vec![0usize; wanted.len()];
    let mut covered = 0;
    let mut best: Option<(usize, usize)> = None;
    let mut left = 0;
    for right in 0..occurrences.len() {
        let id = occurrences[right].1;
        counts[id] += 1;
        if counts[id] == 1 {
            covered += 1;
        }
        while covered == wanted.len() {
            let span = occurrences[right].0 + 2 - occurrences[left].0;
            if best.is_none_or(|(a, b)| span < b - a) {
                best = Some((occurrences[left].0, occurrences[right].0 + 2));
            }
            let gone = occurrences[left].1;
            counts[gone] -= 1;
            if counts[gone] == 0 {
                covered -= 1;
            }
            left += 1;
        }
    }
    let (from, to) = best.filter(|(a, b)| b - a <= limit)?;
    Some(
        occurrences
            .iter()
            .filter(|(pos, _)| *pos >= from && pos + 2 <= to)
            .map(|(pos, _)| (*pos, pos + 2))
            .collect(),
    )
}

/// A searchable place: a chapter's introduction (the text before its first section) or one of
/// its sections.
#[derive(Debug)]
struct Entry {
    chapter_id: &'static str,
    chapter_title: &'static str,
    /// `None` for the chapter's introduction.
    section: Option<(&'static str, &'static str)>,
    /// The text as shown (whitespace collapsed), by character.
    text: Vec<char>,
    folded_text: Folded,
    /// The section's title, or the chapter's for its introduction.
    folded_title: Folded,
    folded_chapter_title: Folded,
}

/// A piece of a title or snippet: plain, or marked as matching the query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub marked: bool,
}

/// One result: where it leads and what to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub chapter_id: &'static str,
    pub chapter_title: &'static str,
    /// `None` when the hit is the chapter's introduction.
    pub section_id: Option<&'static str>,
    /// The section's title (or the chapter's, for an introduction), with matches marked.
    pub title: Vec<Segment>,
    /// A short piece of text around the first match, with matches marked.
    pub snippet: Vec<Segment>,
    pub score: u32,
}

/// The search index of one language.
#[derive(Debug)]
pub struct Index {
    entries: Vec<Entry>,
}

impl Index {
    /// Reads every chapter's introduction and sections out of its compiled HTML.
    pub fn build(chapters: &'static [Chapter]) -> Index {
        let mut entries = Vec::new();
        for chapter in chapters {
            let folded_chapter_title = fold(chapter.title);
            for (section, mut text) in section_texts(chapter) {
                let title = section.map_or(chapter.title, |(_, title)| title);
                // A chapter's own place also holds its summary (shown under its title).
                if section.is_none() {
                    text = format!("{} {text}", chapter.summary).trim_end().to_string();
                }
                let folded_title = fold(title);
                let folded_text = fold(&text);
                entries.push(Entry {
                    chapter_id: chapter.id,
                    chapter_title: chapter.title,
                    section,
                    text: text.chars().collect(),
                    folded_text,
                    folded_title,
                    folded_chapter_title: folded_chapter_title.clone(),
                });
            }
        }
        Index { entries }
    }

    /// How many places can be found (introductions and sections).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The best `limit` places for `query`, best first. Empty when the query has no letters,
    /// digits or Japanese characters, or when nothing matches every term.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let terms = terms(query);
        if terms.is_empty() {
            return Vec::new();
        }
        let mut scored: Vec<(u32, usize, Vec<TermMatch>, Vec<TermMatch>)> = Vec::new();
        for (position, entry) in self.entries.iter().enumerate() {
            let mut score = 0u32;
            let mut own = 0usize;
            let mut all = true;
            let mut title_matches = Vec::with_capacity(terms.len());
            let mut text_matches = Vec::with_capacity(terms.len());
            for term in &terms {
                let in_title = find(term, &entry.folded_title);
                let in_text = find(term, &entry.folded_text);
                let in_chapter =
                    entry.section.is_some() && find(term, &entry.folded_chapter_title).found();
                if !in_title.found() && !in_text.found() && !in_chapter {
                    all = false;
                    break;
                }
                if in_title.found() || in_text.found() {
                    own += 1;
                }
                if in_title.found() {
                    score += if in_title.partial {
                        60
                    } else if in_title.exact {
                        100
                    } else {
                        80
                    };
                    // A chapter about the term is the best place of all.
                    if entry.section.is_none() {
                        score += 20;
                    }
                }
                if in_chapter {
                    score += 15;
                }
                if in_text.found() {
                    let count = in_text.ranges.len() as u32;
                    score += if in_text.partial {
                        4 + count
                    } else {
                        10 + 2 * count + if in_text.exact { 2 } else { 0 }
                    };
                }
                title_matches.push(in_title);
                text_matches.push(in_text);
            }
            // The chapter's title alone does not make every one of its sections a result.
            if all && own > 0 {
                // Kept best first, equal scores in reading order. (Inserting in place costs
                // nothing at this size and keeps a sort routine out of the WebAssembly.)
                let at = scored.partition_point(|other| other.0 >= score);
                scored.insert(at, (score, position, title_matches, text_matches));
            }
        }
        scored
            .into_iter()
            .take(limit)
            .map(|(score, position, title_matches, text_matches)| {
                let entry = &self.entries[position];
                let title_chars: Vec<char> = entry
                    .section
                    .map_or(entry.chapter_title, |(_, t)| t)
                    .chars()
                    .collect();
                let title_ranges: Vec<(usize, usize)> = title_matches
                    .iter()
                    .flat_map(|m| m.ranges.iter().copied())
                    .collect();
                Hit {
                    chapter_id: entry.chapter_id,
                    chapter_title: entry.chapter_title,
                    section_id: entry.section.map(|(id, _)| id),
                    title: segments(
                        &title_chars,
                        &entry.folded_title,
                        &title_ranges,
                        0,
                        title_chars.len(),
                    ),
                    snippet: snippet(entry, &text_matches),
                    score,
                }
            })
            .collect()
    }
}

/// Context shown before the first match, and the snippet's whole length, in columns (a
/// Japanese character is two columns wide, a Latin one one).
const SNIPPET_BEFORE: usize = 28;
const SNIPPET_LEN: usize = 100;

fn columns(c: char) -> usize {
    if class(c) == Class::Cjk
        || ('\u{3000}'..='\u{30FF}').contains(&c)
        || ('\u{FF01}'..='\u{FF60}').contains(&c)
    {
        2
    } else {
        1
    }
}

/// A short piece of the entry's text around its first match (or its beginning), marked.
fn snippet(entry: &Entry, matches: &[TermMatch]) -> Vec<Segment> {
    let text = &entry.text;
    if text.is_empty() {
        return Vec::new();
    }
    let ranges: Vec<(usize, usize)> = matches
        .iter()
        .flat_map(|m| m.ranges.iter().copied())
        .collect();
    // The first exact match of the earliest term that has one, else the first match at all.
    let anchor = matches
        .iter()
        .find(|m| m.exact)
        .or_else(|| matches.iter().find(|m| m.found()))
        .and_then(|m| m.ranges.first())
        .and_then(|&(start, _)| entry.folded_text.origin.get(start))
        .map_or(0, |&o| o as usize);
    let mut start = anchor;
    let mut width = 0;
    while start > 0 && width + columns(text[start - 1]) <= SNIPPET_BEFORE {
        start -= 1;
        width += columns(text[start]);
    }
    // Start at a word boundary when one is close.
    if start > 0 {
        if let Some(space) = (start..anchor).find(|&i| text[i].is_whitespace()) {
            start = space + 1;
        }
    }
    let mut end = start;
    let mut width = 0;
    while end < text.len() && width + columns(text[end]) <= SNIPPET_LEN {
        width += columns(text[end]);
        end += 1;
    }
    let mut parts = segments(text, &entry.folded_text, &ranges, start, end);
    if start > 0 {
        parts.insert(
            0,
            Segment {
                text: "…".into(),
                marked: false,
            },
        );
    }
    if end < text.len() {
        parts.push(Segment {
            text: "…".into(),
            marked: false,
        });
    }
    parts
}

/// `original[from..to]` cut into plain and marked segments, marking the folded `ranges`.
fn segments(
    original: &[char],
    folded: &Folded,
    ranges: &[(usize, usize)],
    from: usize,
    to: usize,
) -> Vec<Segment> {
    let to = to.min(original.len());
    let mut marked = vec![false; to.saturating_sub(from)];
    for &(a, b) in ranges {
        let (Some(&start), Some(&last)) = (
            folded.origin.get(a),
            b.checked_sub(1).and_then(|l| folded.origin.get(l)),
        ) else {
            continue;
        };
        for i in start as usize..=last as usize {
            if let Some(flag) = i.checked_sub(from).and_then(|j| marked.get_mut(j)) {
                *flag = true;
            }
        }
    }
    let mut out: Vec<Segment> = Vec::new();
    for (offset, &c) in original[from.min(to)..to].iter().enumerate() {
        let mark = marked[offset];
        match out.last_mut() {
            Some(last) if last.marked == mark => last.text.push(c),
            _ => out.push(Segment {
                text: c.to_string(),
                marked: mark,
            }),
        }
    }
    out
}

/// The text of a chapter's introduction and of each of its sections, read from its HTML.
///
/// The HTML comes from the content pipeline, so its shape is known: `<h2 id="sec-…">` starts a
/// section; code blocks (`<pre>`), their toolbars, diagrams (`<figure>`, `<svg>`, the
/// `<summary>` of their text version), buttons and a
/// heading's `#` link carry no prose. Playground parts are code and are skipped too.
pub fn section_texts(
    chapter: &'static Chapter,
) -> Vec<(Option<(&'static str, &'static str)>, String)> {
    let mut out: Vec<(Option<(&'static str, &'static str)>, String)> = vec![(None, String::new())];
    for part in chapter.parts {
        let Part::Html(html) = part else { continue };
        read_html(html, &mut |event| match event {
            HtmlText::Section(id) => {
                let section = chapter
                    .sections
                    .iter()
                    .find(|s| s.id == id)
                    .map(|s| (s.id, s.title));
                if section.is_some() {
                    out.push((section, String::new()));
                }
            }
            HtmlText::Text(t) => {
                if let Some((_, text)) = out.last_mut() {
                    push_collapsed(text, t);
                }
            }
            HtmlText::Break => {
                if let Some((_, text)) = out.last_mut() {
                    push_collapsed(text, " ");
                }
            }
        });
    }
    for (_, text) in &mut out {
        let trimmed = text.trim_end().len();
        text.truncate(trimmed);
    }
    // A chapter that starts with a section still has a place of its own (found by its title),
    // so the introduction stays even when it has no text.
    out
}

/// Appends `t` to `text`, collapsing runs of whitespace into one space and dropping it at the
/// start.
fn push_collapsed(text: &mut String, t: &str) {
    for c in t.chars() {
        if c.is_whitespace() {
            if !text.is_empty() && !text.ends_with(' ') {
                text.push(' ');
            }
        } else {
            text.push(c);
        }
    }
}

enum HtmlText<'a> {
    Section(&'a str),
    Text(&'a str),
    Break,
}

/// Elements whose content is not prose.
fn skipped(name: &str, attrs: &str) -> bool {
    matches!(
        name,
        "pre" | "svg" | "figure" | "summary" | "button" | "script" | "style" | "textarea"
    ) || attrs.contains("class=\"anchor\"")
        || attrs.contains("class=\"code-toolbar\"")
}

/// Elements that separate words: all but the inline ones Markdown produces.
fn is_block(name: &str) -> bool {
    !matches!(
        name,
        "a" | "code" | "em" | "strong" | "del" | "span" | "mark" | "sup" | "sub"
    )
}

/// Walks trusted, pipeline-made HTML, reporting section starts, prose text (entities decoded)
/// and word breaks. Malformed input ends the walk early; it never panics.
fn read_html<'a>(html: &'a str, emit: &mut dyn FnMut(HtmlText<'_>)) {
    let mut rest = html;
    // The element being skipped and how deeply it is nested in itself.
    let mut skipping: Option<(&'a str, usize)> = None;
    // Inside an `<h2 id="sec-…">`: its title is known from the chapter's sections.
    while !rest.is_empty() {
        if let Some(comment) = rest.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        if rest.starts_with('<') {
            let Some(end) = rest.find('>') else { return };
            let tag = &rest[1..end];
            rest = &rest[end + 1..];
            let closing = tag.starts_with('/');
            let body = tag.trim_start_matches('/');
            let name_end = body
                .find(|c: char| c.is_whitespace() || c == '/')
                .unwrap_or(body.len());
            let name = &body[..name_end];
            let attrs = &body[name_end..];
            let self_closing = tag.ends_with('/');
            if let Some((skipped_name, depth)) = skipping.as_mut() {
                if name == *skipped_name && !self_closing {
                    if closing {
                        *depth -= 1;
                        if *depth == 0 {
                            skipping = None;
                        }
                    } else {
                        *depth += 1;
                    }
                }
                continue;
            }
            if closing {
                if is_block(name) {
                    emit(HtmlText::Break);
                }
                continue;
            }
            if name == "h2" {
                if let Some(id) = attrs
                    .split("id=\"sec-")
                    .nth(1)
                    .and_then(|s| s.split('"').next())
                {
                    emit(HtmlText::Section(id));
                    if !self_closing {
                        skipping = Some(("h2", 1));
                    }
                    continue;
                }
            }
            if skipped(name, attrs) {
                if !self_closing {
                    skipping = Some((name, 1));
                }
                continue;
            }
            if is_block(name) {
                emit(HtmlText::Break);
            }
            continue;
        }
        let end = rest.find('<').unwrap_or(rest.len());
        let (text, after) = rest.split_at(end);
        rest = after;
        if skipping.is_none() {
            decode_entities(text, emit);
        }
    }
}

/// Emits `text` with the entities the content pipeline's HTML writer produces decoded (it
/// escapes only these four; the test against the pipeline's own text would catch others).
fn decode_entities(text: &str, emit: &mut dyn FnMut(HtmlText<'_>)) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        emit(HtmlText::Text(&rest[..amp]));
        let after = &rest[amp..];
        let entity = [
            ("&amp;", "&"),
            ("&lt;", "<"),
            ("&gt;", ">"),
            ("&quot;", "\""),
        ]
        .into_iter()
        .find(|(name, _)| after.starts_with(name));
        match entity {
            Some((name, c)) => {
                emit(HtmlText::Text(c));
                rest = &after[name.len()..];
            }
            None => {
                emit(HtmlText::Text("&"));
                rest = &after[1..];
            }
        }
    }
    emit(HtmlText::Text(rest));
}

/// The index of one language, built the first time it is searched.
pub fn index(lang: deploy_sim::Lang) -> &'static Index {
    static INDEXES: [OnceLock<Index>; 2] = [OnceLock::new(), OnceLock::new()];
    let slot = match lang {
        deploy_sim::Lang::Ja => &INDEXES[0],
        deploy_sim::Lang::En => &INDEXES[1],
    };
    slot.get_or_init(|| Index::build(crate::content::chapters(lang)))
}

/// Searches the guide in `lang`.
pub fn search(lang: deploy_sim::Lang, query: &str, limit: usize) -> Vec<Hit> {
    if terms(query).is_empty() {
        return Vec::new();
    }
    index(lang).search(query, limit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content;
    use deploy_sim::Lang;

    fn folded(text: &str) -> String {
        fold(text).chars.into_iter().collect()
    }

    fn places(hits: &[Hit]) -> Vec<(&'static str, Option<&'static str>)> {
        hits.iter().map(|h| (h.chapter_id, h.section_id)).collect()
    }

    /// Every place whose title or text contains `word` (ASCII case-insensitive): the oracle the
    /// search must agree with for a plain English word.
    fn places_containing(lang: Lang, word: &str) -> Vec<(&'static str, Option<&'static str>)> {
        let word = word.to_ascii_lowercase();
        let mut list = Vec::new();
        for chapter in content::chapters(lang) {
            for (section, text) in section_texts(chapter) {
                let title = section.map_or(chapter.title, |(_, t)| t);
                if title.to_ascii_lowercase().contains(&word)
                    || text.to_ascii_lowercase().contains(&word)
                {
                    list.push((chapter.id, section.map(|(id, _)| id)));
                }
            }
        }
        list
    }

    fn marked(segments: &[Segment]) -> Vec<String> {
        segments
            .iter()
            .filter(|s| s.marked)
            .map(|s| s.text.clone())
            .collect()
    }

    #[test]
    fn folding_evens_out_width_and_case_but_keeps_kana_apart() {
        let cases = [
            ("ＤＩＳＴＲＯＬＥＳＳ", "distroless"),
            ("Ｇｏ　１．２２", "go 1.22"),
            ("ｸﾛｽｺﾝﾊﾟｲﾙ", "クロスコンパイル"),
            ("ｶﾞｲﾄﾞ ｳﾞ", "ガイドヴ"),
            ("マルチ・ステージ", "マルチステージ"),
            ("Docker マルチ ステージ", "docker マルチステージ"),
            ("くろす", "くろす"),
        ];
        for (input, expected) in cases {
            assert_eq!(folded(input), expected, "{input:?}");
        }
    }

    #[test]
    fn queries_split_into_word_and_japanese_terms() {
        let t = terms("Go のクロスコンパイル, CGO_ENABLED=0 go");
        let words: Vec<(String, Class)> = t
            .iter()
            .map(|t| (t.chars.iter().collect(), t.class))
            .collect();
        assert_eq!(
            words,
            [
                ("go".to_string(), Class::Word),
                ("のクロスコンパイル".to_string(), Class::Cjk),
                ("cgo_enabled".to_string(), Class::Word),
                ("0".to_string(), Class::Word),
            ]
        );
    }

    #[test]
    fn distroless_finds_every_distroless_section_in_both_languages() {
        for lang in [Lang::Ja, Lang::En] {
            let expected = places_containing(lang, "distroless");
            assert!(expected.len() >= 5, "{lang:?}: {expected:?}");
            let hits = search(lang, "distroless", 100);
            let mut found = places(&hits);
            // Best first: the glossary entry called "distroless" (a title hit).
            assert_eq!(
                found.first(),
                Some(&("glossary", Some("distroless"))),
                "{lang:?}: {found:?}"
            );
            assert!(marked(&hits[0].title)
                .iter()
                .any(|m| m.eq_ignore_ascii_case("distroless")));
            found.sort();
            let mut expected = expected;
            expected.sort();
            assert_eq!(found, expected, "{lang:?}");
            // The chapter on multi-stage builds has distroless sections among them.
            assert!(hits.iter().any(|h| h.chapter_id == "docker-multistage"));
            // Every snippet shows the word, marked.
            for hit in &hits {
                let marks = marked(&hit.snippet);
                let title_marks = marked(&hit.title);
                assert!(
                    marks
                        .iter()
                        .chain(&title_marks)
                        .any(|m| m.to_lowercase() == "distroless"),
                    "{lang:?} {:?}: {:?}",
                    (hit.chapter_id, hit.section_id),
                    hit.snippet
                );
            }
        }
    }

    #[test]
    fn a_word_prefix_finds_what_the_word_finds() {
        for lang in [Lang::Ja, Lang::En] {
            let mut whole = places(&search(lang, "distroless", 100));
            let mut prefix = places(&search(lang, "Distro", 100));
            whole.sort();
            prefix.sort();
            assert_eq!(whole, prefix, "{lang:?}");
            // Full-width letters are the same word.
            let mut wide = places(&search(lang, "ｄｉｓｔｒｏｌｅｓｓ", 100));
            wide.sort();
            assert_eq!(whole, wide, "{lang:?}");
        }
        // A word's tail is not a word: "less" does not find "distroless" alone.
        let less = search(Lang::En, "troless", 100);
        assert!(less.is_empty(), "{:?}", places(&less));
    }

    #[test]
    fn cross_compilation_in_japanese_finds_chapter_3_first() {
        let (_, chapter) = content::find(Lang::Ja, "cross-compilation").expect("chapter 3");
        assert_eq!(chapter.order, 3);
        for query in ["クロスコンパイル", "ｸﾛｽｺﾝﾊﾟｲﾙ", " クロスコンパイル "]
        {
            let hits = search(Lang::Ja, query, 8);
            assert_eq!(
                places(&hits).first(),
                Some(&("cross-compilation", None)),
                "{query}: {:?}",
                places(&hits)
            );
            assert_eq!(marked(&hits[0].title), ["クロスコンパイル"], "{query}");
            // The glossary's entry and the chapter's own sections follow.
            assert!(places(&hits).contains(&("glossary", Some("cross-compilation"))));
        }
    }

    #[test]
    fn japanese_terms_match_by_bigrams_when_not_as_a_phrase() {
        // "静的バイナリ" is not written as such, but "静的リンクされた Go バイナリ" is.
        let hits = search(Lang::Ja, "静的バイナリ", 8);
        assert!(
            places(&hits).contains(&("go-binaries", Some("static-binary"))),
            "{:?}",
            places(&hits)
        );
        // Hiragana does not stand in for katakana.
        assert!(search(Lang::Ja, "くろすこんぱいる", 8).is_empty());
    }

    #[test]
    fn titles_outrank_text() {
        for (lang, query) in [
            (Lang::En, "scratch"),
            (Lang::Ja, "レイヤー"),
            (Lang::En, "upx"),
        ] {
            let hits = search(lang, query, 100);
            let title_hit = |h: &Hit| h.title.iter().any(|s| s.marked);
            let first_text_only = hits.iter().position(|h| !title_hit(h));
            if let Some(i) = first_text_only {
                assert!(i > 0, "{query}: a title hit comes first");
                assert!(
                    hits[i..].iter().all(|h| !title_hit(h)),
                    "{query}: {:?}",
                    places(&hits)
                );
            }
        }
    }

    #[test]
    fn every_term_must_match() {
        let both = places(&search(Lang::En, "distroless nonroot", 100));
        let one = places(&search(Lang::En, "distroless", 100));
        assert!(!both.is_empty());
        assert!(both.len() < one.len());
        assert!(both.iter().all(|p| one.contains(p)));
    }

    #[test]
    fn nothing_matches_gives_no_results() {
        for lang in [Lang::Ja, Lang::En] {
            for query in [
                "",
                "   ",
                "zyxwvutsrq",
                "量子コンピューター",
                "🐳🚀",
                "・、。",
            ] {
                assert_eq!(search(lang, query, 8), Vec::new(), "{lang:?} {query:?}");
            }
        }
    }

    #[test]
    fn hostile_queries_never_panic_and_stay_bounded() {
        let long = "distroless ".repeat(100_000);
        let kana = "ー".repeat(50_000);
        let queries = [
            long.as_str(),
            kana.as_str(),
            ".*[(\\^$|?+{}",
            "(distroless|scratch)*",
            "<script>alert(1)</script>",
            "&amp; &#0; &#x110000;",
            "\u{0}\u{1}\u{202e}\u{feff}",
            "🐳distroless🚀",
            "e\u{301}\u{301}\u{301}",
            "İstanbul ǅ ß ﬃ",
            "ﾞﾟ゛゜",
        ];
        for lang in [Lang::Ja, Lang::En] {
            for query in queries {
                let start = std::time::Instant::now();
                let hits = search(lang, query, 8);
                assert!(hits.len() <= 8);
                assert!(
                    start.elapsed() < std::time::Duration::from_secs(2),
                    "{query:.20}"
                );
                for hit in hits {
                    assert!(content::find(lang, hit.chapter_id).is_some());
                }
            }
        }
        // The emoji is a separator: the word next to it is still found.
        assert!(!search(Lang::En, "🐳distroless🚀", 8).is_empty());
    }

    #[test]
    fn html_is_read_as_prose_without_code_diagrams_or_buttons() {
        let mut text = String::new();
        let mut sections = Vec::new();
        read_html(
            "<p>Intro &amp; more&quot;s &lt;b&gt;</p>\
             <h2 id=\"sec-one\" tabindex=\"-1\">One<a class=\"anchor\" href=\"#x\">#</a></h2>\
             <div class=\"code-block\"><div class=\"code-toolbar\"><span>Dockerfile</span><button>Copy</button></div><pre><code>FROM x</code></pre></div>\
             <figure class=\"diagram\"><svg><text>label</text></svg><figcaption>cap</figcaption></figure>\
             <table><tr><td>a</td><td>b</td></tr></table><h3 id=\"sec-sub\">Sub<a class=\"anchor\">#</a></h3>x<br>y<!-- c -->z",
            &mut |e| match e {
                HtmlText::Section(id) => sections.push(id.to_string()),
                HtmlText::Text(t) => push_collapsed(&mut text, t),
                HtmlText::Break => push_collapsed(&mut text, " "),
            },
        );
        assert_eq!(sections, ["one"]);
        assert_eq!(text, "Intro & more\"s <b> a b Sub x yz");
        // Broken HTML ends the walk instead of failing.
        read_html("<p>ok<a href=", &mut |_| {});
        read_html("&#xZZ; & &;", &mut |_| {});
    }

    #[test]
    fn every_chapter_and_section_is_a_place() {
        for lang in [Lang::Ja, Lang::En] {
            let expected: usize = content::chapters(lang)
                .iter()
                .map(|c| c.sections.len() + 1)
                .sum();
            assert_eq!(index(lang).len(), expected, "{lang:?}");
        }
    }
}
