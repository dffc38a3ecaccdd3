//! The shared YAML layer: parse a learner's YAML (`.goreleaser.yaml`, GitHub Actions workflows)
//! into a `serde_yaml::Value` without ever failing or panicking, turn syntax errors into
//! [`Diagnostic`]s with line and column, and find where a key path appears in the source.
//!
//! `serde_yaml` here is `yaml_serde`, the YAML organisation's continuation of serde_yaml (same
//! API, pure-Rust libyaml port). Its `Value` carries no positions, so [`PositionIndex`] is built by
//! a separate, linear scan of the source's block structure; see [`position`] for what it can and
//! cannot locate.
//!
//! Hostile input is stopped before it costs time: sources over [`MAX_SOURCE_BYTES`] are refused,
//! nesting deeper than [`MAX_DEPTH`] is refused before libyaml sees it, and so is a document
//! whose aliases would expand to more than [`aliases::MAX_ALIAS_NODES`] nodes (measured on the
//! text, without expanding: [`aliases`]). yaml_serde's own bound (at most 100 alias jumps per
//! parser event) stays behind it, but only stops a bomb after tens of milliseconds.

pub mod aliases;
pub mod position;

pub use position::{parse_path, PathSegment, PositionIndex};

use crate::diagnostic::Diagnostic;
use crate::text::Text;

/// Larger sources are refused: a real config is a few kilobytes, and the UI parses on every key.
pub const MAX_SOURCE_BYTES: usize = 1 << 20;

/// Deeper nesting (block indentation levels or flow brackets) is refused. yaml_serde's own limit
/// is 128 while building values; checking first keeps libyaml from building huge event lists.
pub const MAX_DEPTH: usize = 100;

/// The result of [`parse`]: the document (when it could be read), diagnostics, and a position index.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// `None` when the source has a syntax error or was refused; `Some(Value::Null)` when empty.
    pub value: Option<serde_yaml::Value>,
    pub diagnostics: Vec<Diagnostic>,
    pub index: PositionIndex,
}

impl Parsed {
    /// Line and column (1-based) of a key path such as `builds[0].goarch[1]`.
    pub fn locate(&self, path: &[PathSegment]) -> Option<(usize, usize)> {
        self.index.locate(path)
    }
}

/// Parses one YAML document. Never panics; errors become diagnostics with code `yaml-syntax`,
/// `yaml-too-large`, `yaml-too-deep`, or `yaml-aliases`.
pub fn parse(source: &str) -> Parsed {
    if source.len() > MAX_SOURCE_BYTES {
        return refused(Diagnostic::error(
            0,
            "yaml-too-large",
            Text::new(
                format!(
                    "the file is {} bytes; the playground reads at most {} bytes",
                    source.len(),
                    MAX_SOURCE_BYTES
                ),
                format!(
                    "ファイルが {} バイトあります。プレイグラウンドが読めるのは {} バイトまでです",
                    source.len(),
                    MAX_SOURCE_BYTES
                ),
            ),
        ));
    }
    if let Some((line, column)) = too_deep(source) {
        return refused(
            Diagnostic::error(
                line,
                "yaml-too-deep",
                Text::new(
                    format!("nesting deeper than {MAX_DEPTH} levels"),
                    format!("入れ子が {MAX_DEPTH} 段を超えています"),
                ),
            )
            .with_column(column),
        );
    }
    if let Some(excess) = aliases::excessive_aliasing(source) {
        let limit = aliases::MAX_ALIAS_NODES;
        return refused(
            Diagnostic::error(
                excess.line,
                "yaml-aliases",
                Text::new(
                    format!(
                        "yaml: the aliases (*name) would expand this document past {limit} nodes \
                         (an \"alias bomb\"); the playground stops here"
                    ),
                    format!(
                        "エイリアス（*name）を展開すると {limit} ノードを超えます（alias bomb \
                         の疑い）。プレイグラウンドはここで読むのをやめます"
                    ),
                ),
            )
            .with_column(excess.column),
        );
    }
    let index = PositionIndex::build(source);
    let (value, diagnostics) = match serde_yaml::from_str::<serde_yaml::Value>(source) {
        Ok(value) => (Some(value), Vec::new()),
        Err(error) => (None, vec![syntax_diagnostic(source, &error)]),
    };
    Parsed {
        value,
        diagnostics,
        index,
    }
}

fn refused(diagnostic: Diagnostic) -> Parsed {
    Parsed {
        value: None,
        diagnostics: vec![diagnostic],
        index: PositionIndex::default(),
    }
}

/// Converts a yaml_serde error. Its `Display` ends with " at line L column C"; we keep the
/// message without that suffix because line and column are fields of the diagnostic.
fn syntax_diagnostic(source: &str, error: &serde_yaml::Error) -> Diagnostic {
    let full = error.to_string();
    let (line, column) = error
        .location()
        .map(|l| editor_position(source, l.index()))
        .unwrap_or((0, 0));
    let message = match full.find(" at line ") {
        Some(at) if line > 0 => full.get(..at).unwrap_or(&full).to_string(),
        _ => full,
    };
    let is_alias_limit = message.contains("repetition limit");
    let code = if is_alias_limit {
        "yaml-aliases"
    } else {
        "yaml-syntax"
    };
    let ja = if is_alias_limit {
        format!("エイリアスの展開が多すぎます（alias bomb の疑い）: {message}")
    } else {
        format!("YAML の構文エラー: {message}")
    };
    let diagnostic = Diagnostic::error(line, code, Text::new(format!("yaml: {message}"), ja));
    if line > 0 {
        diagnostic.with_column(column)
    } else {
        diagnostic
    }
}

/// The 1-based line and column (in characters) of byte `index` as the editor numbers them:
/// lines end at `\n` only. libyaml's own line count also breaks at a lone `\r`, NEL, U+2028 and
/// U+2029 (YAML 1.1 line breaks), so for a text with one of those its line would point below the
/// place, or past the end of the editor (found by the `yaml` fuzz target).
fn editor_position(source: &str, index: usize) -> (usize, usize) {
    let mut end = index.min(source.len());
    while !source.is_char_boundary(end) {
        end -= 1;
    }
    let before = &source[..end];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.matches('\n').count() + 1;
    (line, before[line_start..].chars().count() + 1)
}

/// Finds the first place where nesting exceeds [`MAX_DEPTH`]: flow brackets outside quotes and
/// comments, or block indentation levels (each strictly deeper indent opens a level; `- ` items
/// count as a level too). Linear in the source length.
fn too_deep(source: &str) -> Option<(usize, usize)> {
    let mut flow_depth = 0usize;
    let mut indents: Vec<usize> = Vec::new();
    for (line_index, line) in source.lines().enumerate() {
        let trimmed = line.trim_start_matches(' ');
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if flow_depth == 0 {
            let mut indent = line.len() - trimmed.len();
            let mut rest = trimmed;
            loop {
                while indents.last().is_some_and(|&top| top >= indent) {
                    indents.pop();
                }
                indents.push(indent);
                if indents.len() > MAX_DEPTH {
                    return Some((line_index + 1, indent + 1));
                }
                // `- - - a` nests sequences on one line.
                match rest.strip_prefix('-') {
                    Some(after) if after.starts_with(' ') => {
                        let content = after.trim_start_matches(' ');
                        indent += 1 + after.len() - content.len();
                        rest = content;
                        if rest.is_empty() {
                            break;
                        }
                    }
                    _ => break,
                }
            }
        }
        let mut quote: Option<char> = None;
        for (column, c) in line.char_indices() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"') | (None, '\'') if flow_depth > 0 => quote = Some(c),
                (None, '#') if column == 0 || line[..column].ends_with([' ', '\t']) => break,
                (None, '[') | (None, '{') => {
                    flow_depth += 1;
                    if flow_depth > MAX_DEPTH {
                        return Some((line_index + 1, column + 1));
                    }
                }
                (None, ']') | (None, '}') => flow_depth = flow_depth.saturating_sub(1),
                _ => {}
            }
        }
    }
    None
}

/// Short display of a scalar or collection for messages (`"386"`, `[…]`).
pub fn describe(value: &serde_yaml::Value) -> String {
    use serde_yaml::Value;
    match value {
        Value::Null => "null".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        Value::Sequence(_) => "[…]".to_string(),
        Value::Mapping(_) => "{…}".to_string(),
        Value::Tagged(t) => describe(&t.value),
    }
}
