//! Where each key path appears in a YAML source: `builds[0].goarch[1]` → line 7, column 12.
//!
//! yaml_serde's `Value` has no spans, so this index is built by one linear scan of the text that
//! follows the block structure the way configs are written in practice:
//!
//! * block mappings (`key: value`, quoted keys too) and block sequences (`- item`, including
//!   `- key: value` items and sequences written at their parent key's indentation);
//! * flow collections that open and close on one line (`goarch: [amd64, "386"]`, `{a: 1}`);
//! * block scalars (`|`, `>`) are skipped, anchors/tags before a value are ignored.
//!
//! Limits (documented, deliberate): multi-line flow collections only index their first line,
//! complex keys (`? `), merge keys (`<<: *x`) and aliases are not followed, and only the first
//! document of a multi-document stream is indexed. A path that cannot be found yields `None`; the
//! caller then reports at the nearest parent that can be found (see [`PositionIndex::locate_nearest`]).

use std::collections::HashMap;

/// One step of a key path.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PathSegment {
    Key(String),
    Index(usize),
}

impl PathSegment {
    pub fn key(name: &str) -> PathSegment {
        PathSegment::Key(name.to_string())
    }
}

/// Parses `builds[0].goarch[1]` or `jobs.release.permissions` into segments. Keys containing dots
/// or brackets cannot be written this way; build the segments directly for those.
pub fn parse_path(path: &str) -> Vec<PathSegment> {
    let mut segments = Vec::new();
    for part in path.split('.') {
        let (name, mut rest) = match part.find('[') {
            Some(open) => (&part[..open], &part[open..]),
            None => (part, ""),
        };
        if !name.is_empty() {
            segments.push(PathSegment::key(name));
        }
        while let Some(inner) = rest.strip_prefix('[') {
            let Some(close) = inner.find(']') else { break };
            if let Ok(index) = inner[..close].trim().parse::<usize>() {
                segments.push(PathSegment::Index(index));
            }
            rest = &inner[close + 1..];
        }
    }
    segments
}

/// Renders segments back as `builds[0].goarch[1]`.
pub fn format_path(path: &[PathSegment]) -> String {
    let mut out = String::new();
    for segment in path {
        match segment {
            PathSegment::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            PathSegment::Index(index) => {
                out.push('[');
                out.push_str(&index.to_string());
                out.push(']');
            }
        }
    }
    out
}

/// Positions (1-based line and column, columns in characters) of every key and sequence item the
/// scan could see. For a mapping key the position is the key's; for a sequence item it is the
/// item's content (after `- `).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PositionIndex {
    positions: HashMap<Vec<PathSegment>, (usize, usize)>,
    /// Where the document's content starts (the empty path): what a YAML decoder reports for an
    /// error about the document itself, e.g. a string where a mapping was expected.
    root: Option<(usize, usize)>,
}

impl PositionIndex {
    pub fn locate(&self, path: &[PathSegment]) -> Option<(usize, usize)> {
        if path.is_empty() {
            return self.root;
        }
        self.positions.get(path).copied()
    }

    /// The position of `path`, or of its longest prefix that was indexed; `(0, 0)` if none. The
    /// root is only where the document itself is meant: a path none of whose keys can be found
    /// is reported for the file as a whole (line 0), not at the first line.
    pub fn locate_nearest(&self, path: &[PathSegment]) -> (usize, usize) {
        if path.is_empty() {
            return self.root.unwrap_or((0, 0));
        }
        (1..=path.len())
            .rev()
            .find_map(|len| self.locate(&path[..len]))
            .unwrap_or((0, 0))
    }

    pub fn len(&self) -> usize {
        self.positions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.positions.is_empty()
    }

    /// Scans `source`; linear in its length.
    pub fn build(source: &str) -> PositionIndex {
        let mut scanner = Scanner::default();
        for (line_index, line) in source.lines().enumerate() {
            if !scanner.line(line_index + 1, line) {
                break;
            }
        }
        PositionIndex {
            positions: scanner.positions,
            root: scanner.root,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Map,
    Seq,
}

#[derive(Debug)]
struct Frame {
    indent: usize,
    path: Vec<PathSegment>,
    kind: Kind,
    next_index: usize,
}

#[derive(Default)]
struct Scanner {
    positions: HashMap<Vec<PathSegment>, (usize, usize)>,
    frames: Vec<Frame>,
    /// A key (or item) whose value starts on a later line: its path and indentation.
    pending: Option<(Vec<PathSegment>, usize)>,
    /// Inside a block scalar: skip lines indented deeper than this.
    block_scalar_parent: Option<usize>,
    seen_content: bool,
    /// The first content's line and column.
    root: Option<(usize, usize)>,
}

impl Scanner {
    /// Handles one line; returns false to stop (a second document starts).
    fn line(&mut self, number: usize, line: &str) -> bool {
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            return true;
        }
        if let Some(parent) = self.block_scalar_parent {
            if indent > parent {
                return true;
            }
            self.block_scalar_parent = None;
        }
        if indent == 0 && (trimmed.starts_with("---") || trimmed.starts_with("...")) {
            if self.seen_content {
                return false;
            }
            // `--- value`: the document's content starts on the marker's line.
            if let Some(rest) = trimmed.strip_prefix("--- ") {
                let content = rest.trim_start_matches(' ');
                if self.root.is_none() && !content.is_empty() && !content.starts_with('#') {
                    let column = line[..line.len() - content.len()].chars().count() + 1;
                    self.root = Some((number, column));
                }
            }
            return true;
        }
        if trimmed.starts_with('%') && indent == 0 {
            return true; // a directive
        }
        self.seen_content = true;
        if self.root.is_none() {
            self.root = Some((number, line[..indent].chars().count() + 1));
        }
        let is_dash = is_dash(trimmed);
        while self.frames.last().is_some_and(|f| {
            f.indent > indent || (f.indent == indent && f.kind == Kind::Seq && !is_dash)
        }) {
            self.frames.pop();
        }
        if let Some((path, parent_indent)) = self.pending.take() {
            if indent > parent_indent || (indent == parent_indent && is_dash) {
                let kind = if is_dash { Kind::Seq } else { Kind::Map };
                self.frames.push(Frame {
                    indent,
                    path,
                    kind,
                    next_index: 0,
                });
            }
        }
        if self.frames.is_empty() {
            let kind = if is_dash { Kind::Seq } else { Kind::Map };
            self.frames.push(Frame {
                indent,
                path: Vec::new(),
                kind,
                next_index: 0,
            });
        }
        let column = line[..indent].chars().count() + 1;
        self.content(number, column, indent, trimmed);
        true
    }

    /// Handles content starting at `indent` (byte offset) / `column` (1-based chars) on `number`.
    fn content(&mut self, number: usize, column: usize, indent: usize, text: &str) {
        let Some(frame) = self.frames.last_mut() else {
            return;
        };
        match frame.kind {
            Kind::Seq => {
                if !is_dash(text) {
                    return;
                }
                let mut item = frame.path.clone();
                item.push(PathSegment::Index(frame.next_index));
                frame.next_index += 1;
                let after = &text[1..];
                let rest = after.trim_start_matches(' ');
                let gap = after.len() - rest.len();
                let item_indent = indent + 1 + gap;
                let item_column = column + 1 + gap;
                self.positions.insert(item.clone(), (number, item_column));
                if rest.is_empty() || rest.starts_with('#') {
                    self.pending = Some((item, indent));
                    return;
                }
                let kind = if is_dash(rest) {
                    Kind::Seq
                } else if split_key(rest).is_some() {
                    Kind::Map
                } else {
                    self.value(number, item_column, indent, item, rest);
                    return;
                };
                self.frames.push(Frame {
                    indent: item_indent,
                    path: item,
                    kind,
                    next_index: 0,
                });
                self.content(number, item_column, item_indent, rest);
            }
            Kind::Map => {
                let Some((key, value_offset)) = split_key(text) else {
                    return; // a continuation of a multi-line plain scalar, or not understood
                };
                let mut path = frame.path.clone();
                path.push(PathSegment::Key(key));
                self.positions.insert(path.clone(), (number, column));
                let after = &text[value_offset..];
                let value = after.trim_start_matches(' ');
                let value_column =
                    column + text[..value_offset].chars().count() + after.len() - value.len();
                self.value(number, value_column, indent, path, value);
            }
        }
    }

    /// A value written after a key or a dash.
    fn value(
        &mut self,
        number: usize,
        column: usize,
        owner_indent: usize,
        path: Vec<PathSegment>,
        value: &str,
    ) {
        let value = skip_properties(value);
        if value.is_empty() || value.starts_with('#') {
            self.pending = Some((path, owner_indent));
        } else if value.starts_with('|') || value.starts_with('>') {
            self.block_scalar_parent = Some(owner_indent);
        } else if value.starts_with('[') || value.starts_with('{') {
            let offset = column - 1;
            index_flow(&mut self.positions, number, offset, path, value);
        }
    }
}

/// `- x` or a lone `-`.
fn is_dash(text: &str) -> bool {
    text == "-" || text.starts_with("- ")
}

/// Drops a leading `&anchor` and/or `!tag` from a value.
fn skip_properties(mut value: &str) -> &str {
    loop {
        if value.starts_with('&') || value.starts_with('!') {
            match value.find(' ') {
                Some(space) => value = value[space..].trim_start_matches(' '),
                None => return "",
            }
        } else {
            return value;
        }
    }
}

/// Splits `key: value` → (key, byte offset just after the colon). Handles quoted keys; a colon
/// only ends a plain key when followed by a space or the end of the line.
fn split_key(text: &str) -> Option<(String, usize)> {
    let bytes = text.as_bytes();
    let first = *bytes.first()?;
    if first == b'"' || first == b'\'' {
        let close = text[1..].find(first as char)? + 1;
        let key = text[1..close].to_string();
        let after = text[close + 1..].trim_start_matches(' ');
        let colon = text.len() - after.len();
        if after.starts_with(':') && (after.len() == 1 || after[1..].starts_with([' ', '\t'])) {
            return Some((key, colon + 1));
        }
        return None;
    }
    if matches!(
        first,
        b'[' | b'{' | b'#' | b'&' | b'*' | b'!' | b'|' | b'>' | b'?'
    ) {
        return None;
    }
    let mut search = 0;
    while let Some(found) = text[search..].find(':') {
        let colon = search + found;
        let before = &text[..colon];
        if before.contains(" #") {
            return None;
        }
        let next = text[colon + 1..].chars().next();
        if matches!(next, None | Some(' ') | Some('\t')) {
            return Some((before.trim_end().to_string(), colon + 1));
        }
        search = colon + 1;
    }
    None
}

/// An open flow collection while scanning one line.
struct FlowOpen {
    path: Vec<PathSegment>,
    kind: Kind,
    next_index: usize,
    /// The column where the current entry started, once it has started.
    entry_start: Option<usize>,
    entry_text: String,
}

impl FlowOpen {
    /// The path of the current entry: the next index of a sequence, or the key of `key: value`.
    fn entry_path(&mut self) -> Vec<PathSegment> {
        let mut path = self.path.clone();
        match self.kind {
            Kind::Seq => {
                path.push(PathSegment::Index(self.next_index));
                self.next_index += 1;
            }
            Kind::Map => {
                let text = self.entry_text.trim();
                let key = match split_key(text) {
                    Some((key, _)) => key,
                    None => text.trim_end_matches(':').trim().to_string(),
                };
                path.push(PathSegment::Key(key));
            }
        }
        self.entry_start = None;
        self.entry_text.clear();
        path
    }
}

/// Indexes a flow collection that starts at 1-based column `offset_column + 1` of `line`. Stops
/// at the end of the line; nesting is bounded by the caller's depth check.
fn index_flow(
    positions: &mut HashMap<Vec<PathSegment>, (usize, usize)>,
    line: usize,
    offset_column: usize,
    path: Vec<PathSegment>,
    text: &str,
) {
    let mut stack: Vec<FlowOpen> = Vec::new();
    let mut quote: Option<char> = None;
    for (char_index, c) in text.chars().enumerate() {
        let column = offset_column + char_index + 1;
        if let Some(q) = quote {
            if let Some(top) = stack.last_mut() {
                top.entry_text.push(c);
            }
            if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '[' | '{' => {
                let child = match stack.last_mut() {
                    Some(top) => {
                        let start = top.entry_start.unwrap_or(column);
                        let child = top.entry_path();
                        positions.insert(child.clone(), (line, start));
                        child
                    }
                    None => path.clone(),
                };
                stack.push(FlowOpen {
                    path: child,
                    kind: if c == '[' { Kind::Seq } else { Kind::Map },
                    next_index: 0,
                    entry_start: None,
                    entry_text: String::new(),
                });
            }
            ']' | '}' | ',' => {
                if let Some(top) = stack.last_mut() {
                    if let Some(start) = top.entry_start {
                        let child = top.entry_path();
                        positions.entry(child).or_insert((line, start));
                    }
                }
                if c != ',' {
                    stack.pop();
                    if stack.is_empty() {
                        return;
                    }
                }
            }
            '#' if stack.last().is_some_and(|t| t.entry_start.is_none()) => return,
            ' ' | '\t' => {
                if let Some(top) = stack.last_mut() {
                    if top.entry_start.is_some() {
                        top.entry_text.push(c);
                    }
                }
            }
            _ => {
                if let Some(top) = stack.last_mut() {
                    if top.entry_start.is_none() {
                        top.entry_start = Some(column);
                        if c == '"' || c == '\'' {
                            quote = Some(c);
                        }
                    }
                    top.entry_text.push(c);
                }
            }
        }
    }
}
