//! Syntax highlighting for the languages the guide shows: Dockerfile, Makefile, YAML, Go and shell.
//!
//! Small, hand-written tokenizers instead of a highlighting library: the same code colours code
//! blocks at build time (in `build.rs`) and the live editors in the browser, costs a few kilobytes
//! of WebAssembly, and is tested natively. They are deliberately forgiving: any input, however
//! broken, is split into tokens in linear time without panicking, and unknown text is plain.

/// A language the highlighter knows. Anything else is shown as plain text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Language {
    Dockerfile,
    Makefile,
    Yaml,
    Go,
    Shell,
    Plain,
}

impl Language {
    /// Maps a fenced code block's info word (```` ```dockerfile ````) to a language.
    pub fn from_info(word: &str) -> Language {
        match word.to_ascii_lowercase().as_str() {
            "dockerfile" | "docker" | "containerfile" => Language::Dockerfile,
            "makefile" | "make" | "mk" => Language::Makefile,
            "yaml" | "yml" | "goreleaser" | "workflow" => Language::Yaml,
            "go" | "golang" => Language::Go,
            "sh" | "bash" | "shell" | "console" | "go-build" => Language::Shell,
            _ => Language::Plain,
        }
    }

    /// The stable name used in CSS classes and `data-lang` attributes.
    pub fn name(self) -> &'static str {
        match self {
            Language::Dockerfile => "dockerfile",
            Language::Makefile => "makefile",
            Language::Yaml => "yaml",
            Language::Go => "go",
            Language::Shell => "shell",
            Language::Plain => "text",
        }
    }
}

/// What a token is; each kind has one CSS class (`hl-kw`, ...).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    Keyword,
    String,
    Comment,
    Variable,
    Number,
    Flag,
    Operator,
    Function,
    Key,
    Target,
    Plain,
}

impl TokenKind {
    pub fn class(self) -> &'static str {
        match self {
            TokenKind::Keyword => "hl-kw",
            TokenKind::String => "hl-str",
            TokenKind::Comment => "hl-com",
            TokenKind::Variable => "hl-var",
            TokenKind::Number => "hl-num",
            TokenKind::Flag => "hl-flag",
            TokenKind::Operator => "hl-op",
            TokenKind::Function => "hl-fn",
            TokenKind::Key => "hl-key",
            TokenKind::Target => "hl-tgt",
            TokenKind::Plain => "",
        }
    }
}

/// A highlighted span: byte offsets into the source, always on `char` boundaries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

/// Splits `source` into tokens covering every byte, in order.
pub fn tokenize(language: Language, source: &str) -> Vec<Token> {
    let mut out = Tokens::default();
    match language {
        Language::Dockerfile => dockerfile(source, &mut out),
        Language::Makefile => makefile(source, &mut out),
        Language::Yaml => yaml(source, &mut out),
        Language::Go => go(source, &mut out),
        Language::Shell => {
            for (start, line) in lines(source) {
                shell_line(line, start, &mut out);
            }
        }
        Language::Plain => out.push(0, source.len(), TokenKind::Plain),
    }
    out.finish(source.len())
}

/// Renders `source` as HTML: escaped text with `<span class="hl-…">` around tokens. The output
/// never contains markup from the source, so it is safe to render learner text this way.
pub fn to_html(language: Language, source: &str) -> String {
    let mut html = String::with_capacity(source.len() + source.len() / 2);
    for token in tokenize(language, source) {
        let text = &source[token.start..token.end];
        match token.kind {
            TokenKind::Plain => escape_into(text, &mut html),
            kind => {
                html.push_str("<span class=\"");
                html.push_str(kind.class());
                html.push_str("\">");
                escape_into(text, &mut html);
                html.push_str("</span>");
            }
        }
    }
    html
}

/// Escapes text for HTML element content and attribute values.
pub fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(text, &mut out);
    out
}

/// Collects tokens, merging neighbours of the same kind and filling gaps with plain text.
#[derive(Default)]
struct Tokens {
    list: Vec<Token>,
}

impl Tokens {
    fn push(&mut self, start: usize, end: usize, kind: TokenKind) {
        if start >= end {
            return;
        }
        let covered = self.list.last().map_or(0, |t| t.end);
        // Tokens arrive in order; anything overlapping what is already covered is dropped so the
        // output stays a partition of the source whatever a tokenizer does.
        let start = start.max(covered);
        if start >= end {
            return;
        }
        if start > covered {
            self.push_raw(covered, start, TokenKind::Plain);
        }
        self.push_raw(start, end, kind);
    }

    fn push_raw(&mut self, start: usize, end: usize, kind: TokenKind) {
        if let Some(last) = self.list.last_mut() {
            if last.kind == kind && last.end == start {
                last.end = end;
                return;
            }
        }
        self.list.push(Token { start, end, kind });
    }

    fn finish(mut self, len: usize) -> Vec<Token> {
        let covered = self.list.last().map_or(0, |t| t.end);
        if covered < len {
            self.push_raw(covered, len, TokenKind::Plain);
        }
        self.list
    }
}

/// Lines with their byte offsets, without the line terminator.
fn lines(source: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut offset = 0;
    source.split('\n').map(move |line| {
        let start = offset;
        offset += line.len() + 1;
        (start, line)
    })
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Byte index of the end of a quoted string starting at `i` (which holds the quote), honouring
/// backslash escapes except in single quotes; stops at the end of `line` when unterminated.
fn string_end(line: &[u8], i: usize) -> usize {
    let quote = line[i];
    let mut j = i + 1;
    while j < line.len() {
        if line[j] == b'\\' && quote != b'\'' {
            j += 2;
            continue;
        }
        if line[j] == quote {
            return j + 1;
        }
        j += 1;
    }
    line.len()
}

/// End of a `$…` variable reference starting at `i`: `$VAR`, `${…}`, `$(…)`, `$@`.
fn variable_end(line: &[u8], i: usize) -> usize {
    let Some(&next) = line.get(i + 1) else {
        return i + 1;
    };
    match next {
        b'{' | b'(' => {
            let close = if next == b'{' { b'}' } else { b')' };
            let mut depth = 0usize;
            let mut j = i + 1;
            while j < line.len() {
                if line[j] == next {
                    depth += 1;
                } else if line[j] == close {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return j + 1;
                    }
                }
                j += 1;
            }
            line.len()
        }
        b if is_word_byte(b) => {
            let mut j = i + 1;
            while j < line.len() && is_word_byte(line[j]) {
                j += 1;
            }
            j
        }
        b'@' | b'<' | b'^' | b'*' | b'?' | b'$' | b'#' | b'!' => i + 2,
        _ => i + 1,
    }
}

/// Rounds `i` up to the next `char` boundary of `s` (tokenizers work on bytes).
fn boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i.min(s.len())
}

/// Highlights one line of shell: comments, strings, variables, flags, `VAR=` assignments and the
/// command word. `base` is the line's offset in the whole source.
fn shell_line(line: &str, base: usize, out: &mut Tokens) {
    let bytes = line.as_bytes();
    let mut i = 0;
    let mut command_expected = true;
    while i < bytes.len() {
        let b = bytes[i];
        let at_word_start = i == 0 || matches!(bytes[i - 1], b' ' | b'\t' | b';' | b'(' | b'|');
        match b {
            b'#' if at_word_start => {
                out.push(base + i, base + bytes.len(), TokenKind::Comment);
                return;
            }
            b'"' | b'\'' | b'`' => {
                let end = string_end(bytes, i);
                out.push(base + i, base + end, TokenKind::String);
                i = end;
                command_expected = false;
            }
            b'$' => {
                let end = variable_end(bytes, i);
                out.push(base + i, base + end, TokenKind::Variable);
                i = end;
                command_expected = false;
            }
            b'|' | b'&' | b';' | b'>' | b'<' | b'\\' => {
                out.push(base + i, base + i + 1, TokenKind::Operator);
                if b != b'\\' && b != b'>' && b != b'<' {
                    command_expected = true;
                }
                i += 1;
            }
            b'-' if at_word_start => {
                let end = word_end(bytes, i);
                // `--flag=value`: only the name part is a flag.
                let name_end = bytes[i..end]
                    .iter()
                    .position(|&c| c == b'=')
                    .map_or(end, |p| i + p);
                out.push(base + i, base + name_end, TokenKind::Flag);
                i = name_end;
                command_expected = false;
            }
            _ if at_word_start
                && (b.is_ascii_alphabetic() || b == b'_' || b == b'.' || b == b'/') =>
            {
                let end = word_end(bytes, i);
                let word = &bytes[i..end];
                if let Some(eq) = word.iter().position(|&c| c == b'=') {
                    if word[..eq].iter().all(|&c| is_word_byte(c)) && eq > 0 {
                        out.push(base + i, base + i + eq, TokenKind::Variable);
                        out.push(base + i + eq, base + i + eq + 1, TokenKind::Operator);
                        i += eq + 1;
                        continue;
                    }
                }
                if command_expected {
                    out.push(base + i, boundary(line, end) + base, TokenKind::Function);
                    command_expected = false;
                }
                i = end;
            }
            _ if at_word_start && b.is_ascii_digit() => {
                let end = word_end(bytes, i);
                if bytes[i..end]
                    .iter()
                    .all(|c| c.is_ascii_digit() || *c == b'.')
                {
                    out.push(base + i, base + end, TokenKind::Number);
                }
                i = end;
            }
            _ => i += 1,
        }
    }
}

/// End of a shell word: up to whitespace, a quote or an operator.
fn word_end(bytes: &[u8], i: usize) -> usize {
    let mut j = i;
    while j < bytes.len()
        && !matches!(
            bytes[j],
            b' ' | b'\t' | b'"' | b'\'' | b'`' | b';' | b'|' | b'&' | b'$' | b'>' | b'<' | b')'
        )
    {
        j += 1;
    }
    j.max(i + 1)
}

fn dockerfile(source: &str, out: &mut Tokens) {
    let mut continued = false;
    for (start, line) in lines(source) {
        let trimmed_start = line.len() - line.trim_start().len();
        let rest = &line[trimmed_start..];
        if rest.starts_with('#') {
            out.push(start, start + line.len(), TokenKind::Comment);
            continue;
        }
        let mut instruction = String::new();
        let body_start = if continued {
            0
        } else {
            let word_len = rest
                .bytes()
                .position(|b| b.is_ascii_whitespace())
                .unwrap_or(rest.len());
            let word = &rest[..word_len];
            if crate::dockerfile::parser::KEYWORDS
                .iter()
                .any(|k| k.eq_ignore_ascii_case(word))
            {
                let s = start + trimmed_start;
                out.push(s, s + word_len, TokenKind::Keyword);
                instruction = word.to_ascii_uppercase();
            }
            trimmed_start + word_len
        };
        let body = &line[body_start..];
        dockerfile_body(body, start + body_start, &instruction, out);
        continued = line.trim_end().ends_with('\\');
    }
}

/// The arguments of an instruction: leading `--flags`, `AS name` in `FROM`, and the rest
/// shell-coloured because most bodies are shell commands or paths.
fn dockerfile_body(body: &str, base: usize, instruction: &str, out: &mut Tokens) {
    let bytes = body.as_bytes();
    let mut i = 0;
    loop {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if !bytes[i..].starts_with(b"--") {
            break;
        }
        let end = word_end(bytes, i);
        let name_end = bytes[i..end]
            .iter()
            .position(|&c| c == b'=')
            .map_or(end, |p| i + p);
        out.push(base + i, base + name_end, TokenKind::Flag);
        i = end;
    }
    if instruction == "FROM" {
        // `FROM image AS name`: image plain, `AS` a keyword.
        let mut j = i;
        while j < bytes.len() {
            let word_start = j;
            while j < bytes.len() && !bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            if body
                .get(word_start..j)
                .is_some_and(|w| w.eq_ignore_ascii_case("as"))
            {
                out.push(base + word_start, base + j, TokenKind::Keyword);
            }
            while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
        }
        make_text(&body[boundary(body, i)..], base + boundary(body, i), out);
        return;
    }
    let rest = boundary(body, i);
    // Continuation lines (no instruction) are usually shell; paths and values are not.
    if matches!(
        instruction,
        "" | "RUN" | "CMD" | "ENTRYPOINT" | "HEALTHCHECK" | "SHELL"
    ) {
        shell_line(&body[rest..], base + rest, out);
    } else {
        make_text(&body[rest..], base + rest, out);
    }
}

const MAKE_DIRECTIVES: &[&str] = &[
    "ifeq", "ifneq", "ifdef", "ifndef", "else", "endif", "define", "endef", "include", "-include",
    "sinclude", "override", "export", "unexport", "vpath",
];

fn makefile(source: &str, out: &mut Tokens) {
    let mut in_recipe_continuation = false;
    for (start, line) in lines(source) {
        if line.starts_with('\t') || in_recipe_continuation {
            // Recipe lines are shell; make variables inside are coloured by the shell tokenizer.
            let skip = usize::from(line.starts_with('\t'));
            let body = &line[skip..];
            let prefix = body.len() - body.trim_start_matches(['@', '-', '+']).len();
            if prefix > 0 {
                out.push(start + skip, start + skip + prefix, TokenKind::Operator);
            }
            shell_line(&body[prefix..], start + skip + prefix, out);
            in_recipe_continuation = line.ends_with('\\');
            continue;
        }
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if trimmed.starts_with('#') {
            out.push(start, start + line.len(), TokenKind::Comment);
            continue;
        }
        let first_word_len = trimmed
            .bytes()
            .position(|b| b.is_ascii_whitespace())
            .unwrap_or(trimmed.len());
        if MAKE_DIRECTIVES.contains(&&trimmed[..first_word_len]) {
            out.push(
                start + indent,
                start + indent + first_word_len,
                TokenKind::Keyword,
            );
            make_text(
                &line[indent + first_word_len..],
                start + indent + first_word_len,
                out,
            );
            continue;
        }
        let bytes = line.as_bytes();
        // An assignment (`NAME := value`) or a rule (`target: prereqs`), whichever comes first.
        let assignment = find_assignment(bytes);
        let colon = bytes.iter().position(|&b| b == b':');
        match (assignment, colon) {
            (Some((name_end, op_end)), c) if c.is_none_or(|c| c >= name_end) => {
                out.push(start, start + name_end, TokenKind::Variable);
                out.push(start + name_end, start + op_end, TokenKind::Operator);
                make_text(&line[op_end..], start + op_end, out);
            }
            (_, Some(c)) if !line[..c].trim().is_empty() && !line[..c].contains('$') => {
                out.push(start, start + c, TokenKind::Target);
                out.push(start + c, start + c + 1, TokenKind::Operator);
                make_text(&line[c + 1..], start + c + 1, out);
            }
            _ => make_text(line, start, out),
        }
        in_recipe_continuation = false;
    }
}

/// `NAME =`, `NAME :=`, `NAME ::=`, `NAME ?=`, `NAME +=`, `NAME !=`: (end of name, end of operator).
fn find_assignment(bytes: &[u8]) -> Option<(usize, usize)> {
    let eq = bytes.iter().position(|&b| b == b'=')?;
    let mut op_start = eq;
    while op_start > 0 && matches!(bytes[op_start - 1], b':' | b'?' | b'+' | b'!') {
        op_start -= 1;
    }
    let name = &bytes[..op_start];
    let name_trimmed_len = name.iter().rposition(|b| !b.is_ascii_whitespace())? + 1;
    let name = &name[..name_trimmed_len];
    let valid = name
        .iter()
        .all(|&b| !b.is_ascii_whitespace() && !matches!(b, b':' | b'#' | b'=') || b == b' ');
    let first_word = name.split(|b| b.is_ascii_whitespace()).next_back()?;
    if !valid || first_word.is_empty() || name.contains(&b'$') && !name.starts_with(b"$") {
        return None;
    }
    Some((name_trimmed_len, eq + 1))
}

/// Make text outside recipes: variable references and comments.
fn make_text(text: &str, base: usize, out: &mut Tokens) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'$' => {
                let end = variable_end(bytes, i);
                out.push(base + i, base + end, TokenKind::Variable);
                i = end;
            }
            b'#' => {
                out.push(base + i, base + bytes.len(), TokenKind::Comment);
                return;
            }
            _ => i += 1,
        }
    }
}

fn yaml(source: &str, out: &mut Tokens) {
    for (start, line) in lines(source) {
        let bytes = line.as_bytes();
        let mut i = line.len() - line.trim_start().len();
        // List markers.
        while i < bytes.len() && bytes[i] == b'-' && bytes.get(i + 1).is_none_or(|b| *b == b' ') {
            out.push(start + i, start + i + 1, TokenKind::Operator);
            i += 1;
            while i < bytes.len() && bytes[i] == b' ' {
                i += 1;
            }
        }
        if bytes.get(i) == Some(&b'#') {
            out.push(start + i, start + bytes.len(), TokenKind::Comment);
            continue;
        }
        // A key: text up to `: ` or a trailing `:`, outside quotes.
        if let Some(colon) = yaml_key_end(&bytes[i..]) {
            out.push(start + i, start + i + colon, TokenKind::Key);
            out.push(
                start + i + colon,
                start + i + colon + 1,
                TokenKind::Operator,
            );
            i += colon + 1;
        }
        yaml_value(&line[i..], start + i, out);
    }
}

fn yaml_key_end(bytes: &[u8]) -> Option<usize> {
    if matches!(
        bytes.first(),
        Some(b'"' | b'\'' | b'{' | b'[' | b'|' | b'>')
    ) {
        if matches!(bytes.first(), Some(b'"' | b'\'')) {
            let end = string_end(bytes, 0);
            if bytes.get(end) == Some(&b':') {
                return Some(end);
            }
        }
        return None;
    }
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b':' if bytes.get(i + 1).is_none_or(|b| *b == b' ' || *b == b'\t') => {
                return (i > 0).then_some(i);
            }
            b'#' if i > 0 && bytes[i - 1] == b' ' => return None,
            b'$' | b'{' => return None,
            _ => i += 1,
        }
    }
    None
}

fn yaml_value(text: &str, base: usize, out: &mut Tokens) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' | b'\'' => {
                let end = string_end(bytes, i);
                out.push(base + i, base + end, TokenKind::String);
                i = end;
            }
            b'#' if i == 0 || bytes[i - 1] == b' ' => {
                out.push(base + i, base + bytes.len(), TokenKind::Comment);
                return;
            }
            b'$' if bytes.get(i + 1) == Some(&b'{') && bytes.get(i + 2) == Some(&b'{') => {
                let end = find_from(bytes, i, b"}}").map_or(bytes.len(), |p| p + 2);
                out.push(base + i, base + end, TokenKind::Variable);
                i = end;
            }
            b'{' if bytes.get(i + 1) == Some(&b'{') => {
                let end = find_from(bytes, i, b"}}").map_or(bytes.len(), |p| p + 2);
                out.push(base + i, base + end, TokenKind::Variable);
                i = end;
            }
            b'&' | b'*' if i == 0 || bytes[i - 1] == b' ' => {
                let end = word_end(bytes, i);
                out.push(base + i, base + end, TokenKind::Function);
                i = end;
            }
            b'|' | b'>' | b'[' | b']' | b'{' | b'}' | b',' => {
                out.push(base + i, base + i + 1, TokenKind::Operator);
                i += 1;
            }
            _ if i == 0 || bytes[i - 1] == b' ' || bytes[i - 1] == b'[' => {
                let end = word_end(bytes, i);
                let word = &text[i..boundary(text, end)];
                let word = word.trim_end_matches(',');
                let kind = if matches!(word, "true" | "false" | "null" | "~" | "yes" | "no") {
                    Some(TokenKind::Keyword)
                } else if !word.is_empty()
                    && word
                        .bytes()
                        .all(|c| c.is_ascii_digit() || c == b'.' || c == b'_')
                    && word.as_bytes()[0].is_ascii_digit()
                {
                    Some(TokenKind::Number)
                } else {
                    None
                };
                if let Some(kind) = kind {
                    out.push(base + i, base + i + word.len(), kind);
                }
                i = boundary(text, end);
            }
            _ => i += 1,
        }
    }
}

fn find_from(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

const GO_KEYWORDS: &[&str] = &[
    "break",
    "case",
    "chan",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "fallthrough",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "interface",
    "map",
    "package",
    "range",
    "return",
    "select",
    "struct",
    "switch",
    "type",
    "var",
];

const GO_BUILTINS: &[&str] = &[
    "bool", "byte", "error", "float32", "float64", "int", "int8", "int16", "int32", "int64",
    "rune", "string", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "any", "true",
    "false", "nil", "iota", "append", "cap", "close", "copy", "delete", "len", "make", "new",
    "panic", "print", "println", "recover",
];

fn go(source: &str, out: &mut Tokens) {
    let bytes = source.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                let end = find_from(bytes, i, b"\n").unwrap_or(bytes.len());
                out.push(i, end, TokenKind::Comment);
                i = end;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let end = find_from(bytes, i + 2, b"*/").map_or(bytes.len(), |p| p + 2);
                out.push(i, end, TokenKind::Comment);
                i = end;
            }
            b'`' => {
                let end = find_from(bytes, i + 1, b"`").map_or(bytes.len(), |p| p + 1);
                out.push(i, end, TokenKind::String);
                i = end;
            }
            b'"' | b'\'' => {
                let line_end = find_from(bytes, i, b"\n").unwrap_or(bytes.len());
                let end = i + string_end(&bytes[i..line_end], 0);
                out.push(i, end, TokenKind::String);
                i = end;
            }
            b if b.is_ascii_digit() => {
                let mut end = i;
                while end < bytes.len() && (is_word_byte(bytes[end]) || bytes[end] == b'.') {
                    end += 1;
                }
                out.push(i, end, TokenKind::Number);
                i = end;
            }
            b if is_word_byte(b) || b >= 0x80 => {
                let mut end = i;
                while end < bytes.len() && (is_word_byte(bytes[end]) || bytes[end] >= 0x80) {
                    end += 1;
                }
                let word = &source[i..end];
                if GO_KEYWORDS.contains(&word) {
                    out.push(i, end, TokenKind::Keyword);
                } else if GO_BUILTINS.contains(&word) || bytes.get(end) == Some(&b'(') {
                    out.push(i, end, TokenKind::Function);
                }
                i = end;
            }
            _ => i += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders tokens as `kind:text` pairs, skipping plain text, for compact expectations.
    fn spans(language: Language, source: &str) -> Vec<String> {
        tokenize(language, source)
            .into_iter()
            .filter(|t| t.kind != TokenKind::Plain)
            .map(|t| format!("{}:{}", t.kind.class(), &source[t.start..t.end]))
            .collect()
    }

    #[test]
    fn tokens_partition_the_source() {
        let sources = [
            "FROM golang:1.22 AS builder\nRUN go build \\\n  -o /app ./...\n",
            "build:\n\tgo build $(LDFLAGS) -o bin/$(APP)\n",
            "on:\n  push:\n    tags: ['v*']\n",
            "package main\n// hi\nvar version = \"dev\"\n",
            "日本語 — \u{1F600} \"unterminated",
        ];
        for language in [
            Language::Dockerfile,
            Language::Makefile,
            Language::Yaml,
            Language::Go,
            Language::Shell,
            Language::Plain,
        ] {
            for source in sources {
                let tokens = tokenize(language, source);
                let mut at = 0;
                for t in &tokens {
                    assert_eq!(t.start, at, "{language:?} gap in {source:?}");
                    assert!(t.end > t.start);
                    assert!(source.is_char_boundary(t.start) && source.is_char_boundary(t.end));
                    at = t.end;
                }
                assert_eq!(at, source.len());
            }
        }
    }

    #[test]
    fn dockerfile_instructions_flags_and_stage_names() {
        assert_eq!(
            spans(Language::Dockerfile, "FROM golang:1.22-alpine AS builder"),
            ["hl-kw:FROM", "hl-kw:AS"]
        );
        assert_eq!(
            spans(
                Language::Dockerfile,
                "copy --from=builder /app/server /server"
            ),
            ["hl-kw:copy", "hl-flag:--from"]
        );
        assert_eq!(
            spans(Language::Dockerfile, "# syntax=docker/dockerfile:1"),
            ["hl-com:# syntax=docker/dockerfile:1"]
        );
    }

    #[test]
    fn dockerfile_continuation_lines_are_not_instructions() {
        let s = spans(Language::Dockerfile, "RUN echo \\\n  from here");
        assert_eq!(s[0], "hl-kw:RUN");
        assert!(!s.iter().any(|t| t == "hl-kw:from"));
    }

    #[test]
    fn makefile_assignments_targets_and_recipes() {
        let s = spans(
            Language::Makefile,
            "APP_NAME := myapp\nbuild: deps\n\t@go build -o bin/$(APP_NAME) .",
        );
        assert_eq!(
            s,
            [
                "hl-var:APP_NAME",
                "hl-op: :=",
                "hl-tgt:build",
                "hl-op::",
                "hl-op:@",
                "hl-fn:go",
                "hl-flag:-o",
                "hl-var:$(APP_NAME)"
            ]
        );
    }

    #[test]
    fn yaml_keys_strings_and_expressions() {
        let s = spans(
            Language::Yaml,
            "tags: ['v*']\n  - run: echo ${{ github.ref_name }} # x",
        );
        assert!(s.contains(&"hl-key:tags".to_string()));
        assert!(s.contains(&"hl-str:'v*'".to_string()));
        assert!(s.contains(&"hl-key:run".to_string()));
        assert!(s.contains(&"hl-var:${{ github.ref_name }}".to_string()));
        assert!(s.contains(&"hl-com:# x".to_string()));
    }

    #[test]
    fn go_keywords_strings_and_comments() {
        let s = spans(
            Language::Go,
            "var version = \"dev\" // set by -X\nfunc main() {}",
        );
        assert_eq!(
            s,
            [
                "hl-kw:var",
                "hl-str:\"dev\"",
                "hl-com:// set by -X",
                "hl-kw:func",
                "hl-fn:main"
            ]
        );
    }

    #[test]
    fn html_output_escapes_markup() {
        let html = to_html(Language::Shell, "echo '<script>alert(1)</script>' && x");
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;"));
    }

    #[test]
    fn hostile_input_terminates() {
        let deep = "\\\n".repeat(10_000);
        let brackets = "$(".repeat(5_000);
        let nul = "\0\0\u{FFFD}\"'`";
        for language in [
            Language::Dockerfile,
            Language::Makefile,
            Language::Yaml,
            Language::Go,
            Language::Shell,
        ] {
            for source in [deep.as_str(), brackets.as_str(), nul] {
                let tokens = tokenize(language, source);
                assert_eq!(tokens.last().map_or(0, |t| t.end), source.len());
            }
        }
    }
}
