//! The Dockerfile parser: text in, instructions plus diagnostics out, the way BuildKit reads it.
//!
//! This is a port of moby/buildkit `frontend/dockerfile/parser` (`parser.go`, `line_parsers.go`,
//! `split_command.go`, `directives.go`, read at commit 73ed6825, 2026-08-21) followed by the
//! argument checks of `frontend/dockerfile/instructions/parse.go`. Where BuildKit stops at the
//! first error, we record a diagnostic and keep going, so the learner sees every problem at once
//! and the rest of the engine still gets a model.
//!
//! Arguments are kept *as BuildKit's parser leaves them*: before variable expansion and quote
//! removal. Expansion happens later, in [`super::expand`], only where Docker performs it.
//!
//! Diagnostic codes: BuildKit's own build-check names for what it reports as a warning
//! (`NoEmptyContinuation`), and `DF###` for what makes BuildKit fail the build:
//! - parser package (`parser.go`, `line_parsers.go`, `directives.go`): `DF001` file with no
//!   instructions, `DF002` unterminated heredoc, `DF003` repeated directive, `DF004` invalid
//!   escape token, `DF005` a line the line parsers reject (JSON array with a non-string, `ENV`
//!   without `=`);
//! - instructions package (`parse.go`, `bflag.go`): `DF006` unknown instruction, `DF007` an
//!   instruction before the first FROM, `DF012` wrong arguments or flags for an instruction;
//! - stage resolution (`dockerfile2llb`, see [`super::graph`]): `DF008` bad stage index, `DF009`
//!   variable in `--from`, `DF010` unknown target, `DF013` a word the variable expansion rejects
//!   (see [`super::expand`]).

use crate::diagnostic::Diagnostic;
use crate::text::Text;
use serde::Serialize;

/// One instruction, with the lines it spans in the source (continuations and heredoc bodies
/// included).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Instruction {
    pub line: usize,
    pub end_line: usize,
    /// Upper-cased keyword (`from` is written `FROM` here). Unknown keywords are kept too.
    pub keyword: String,
    /// `--name=value` words in front of the arguments, as written (quotes removed like BuildKit's
    /// `extractBuilderFlags` does).
    pub flags: Vec<String>,
    /// Arguments before expansion. `ENV`/`LABEL` give `[key, value, key, value, ...]`.
    pub args: Vec<String>,
    /// True when the arguments were a valid JSON array of strings (exec form).
    pub exec_form: bool,
    /// The wrapped instruction of an `ONBUILD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inner: Option<Box<Instruction>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub heredocs: Vec<Heredoc>,
    /// The instruction line after joining continuations (without heredoc bodies).
    #[serde(skip)]
    pub original: String,
    /// `ENV key value` / `LABEL key value`: the legacy single-pair form.
    #[serde(skip)]
    pub legacy_key_value: bool,
    /// The keyword exactly as written, to check casing.
    #[serde(skip)]
    pub written_keyword: String,
}

impl Instruction {
    /// The value of flag `--name=value` (last one wins), or `Some("")` for a bare `--name`.
    pub fn flag(&self, name: &str) -> Option<&str> {
        self.flags.iter().rev().find_map(|f| flag_value(f, name))
    }

    /// Every value of a repeatable flag such as `--mount`.
    pub fn flag_values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.flags.iter().filter_map(move |f| flag_value(f, name))
    }

    /// The shell-form command line or the exec-form words joined by spaces, for display and rules.
    pub fn command_text(&self) -> String {
        self.args.join(" ")
    }
}

fn flag_value<'a>(flag: &'a str, name: &str) -> Option<&'a str> {
    let body = flag.strip_prefix("--")?;
    match body.split_once('=') {
        Some((key, value)) if key == name => Some(value),
        None if body == name => Some(""),
        _ => None,
    }
}

/// A here-document attached to `RUN`, `COPY` or `ADD` (`<<EOF … EOF`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Heredoc {
    pub name: String,
    /// False when the delimiter was quoted (`<<"EOF"`): the body is not expanded.
    pub expand: bool,
    /// `<<-EOF`: leading tabs are stripped from the body and the terminator.
    pub chomp: bool,
    pub file_descriptor: u32,
    pub content: String,
}

/// The parser directives found at the top of the file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Directives {
    pub syntax: Option<String>,
    pub escape: Option<char>,
    pub check: Option<String>,
}

/// What the parser understood, plus everything it has to say about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedDockerfile {
    pub directives: Directives,
    pub escape: char,
    pub instructions: Vec<Instruction>,
    pub diagnostics: Vec<Diagnostic>,
}

const DEFAULT_ESCAPE: char = '\\';

/// Parses a Dockerfile. Never fails: problems become diagnostics with line numbers.
pub fn parse(source: &str) -> ParsedDockerfile {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let lines: Vec<&str> = source.split_inclusive('\n').collect();
    let mut state = ParserState {
        escape: DEFAULT_ESCAPE,
        directives: Directives::default(),
        directive_parsing_done: false,
        diagnostics: Vec::new(),
    };
    let mut instructions = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let raw = trim_newline(lines.get(i).copied().unwrap_or(""));
        let line_number = i + 1;
        i += 1;
        let stripped = trim_leading_whitespace(raw);
        state.parse_directive(stripped, line_number);
        let content = if is_comment(stripped) { "" } else { stripped };
        let (first, mut end_of_line) = trim_continuation(content, state.escape);
        if end_of_line && first.is_empty() {
            continue;
        }
        let start_line = line_number;
        let mut joined = String::from(first);
        let mut empty_continuation = false;
        while !end_of_line && i < lines.len() {
            let raw = trim_newline(lines.get(i).copied().unwrap_or(""));
            i += 1;
            state.parse_directive(raw, i);
            // BuildKit drops comment lines inside a continued instruction before joining.
            if is_comment(raw) {
                continue;
            }
            if trim_leading_whitespace(raw).is_empty() {
                empty_continuation = true;
                continue;
            }
            let (part, eol) = trim_continuation(raw, state.escape);
            joined.push_str(part);
            end_of_line = eol;
        }
        let end_line = i;
        if empty_continuation {
            state.diagnostics.push(
                Diagnostic::warning(
                    end_line,
                    "NoEmptyContinuation",
                    Text::new(
                        format!("Empty continuation line found in: {}", shorten(&joined)),
                        format!("継続行の途中に空行があります: {}", shorten(&joined)),
                    ),
                )
                .with_fix(Text::new(
                    "Remove the empty line (BuildKit says empty continuation lines will become errors in a future release).",
                    "空行を削除してください（BuildKit は将来エラーにすると予告しています）。",
                )),
            );
        }
        let mut instruction = state.node_from_line(&joined, start_line);
        if can_contain_heredoc(&instruction) && joined.contains("<<") {
            let names = match heredocs_from_line(&joined) {
                Ok(names) => names,
                Err(message) => {
                    state.diagnostics.push(parse_error(start_line, &message));
                    Vec::new()
                }
            };
            let target = match instruction.inner.as_mut() {
                Some(inner) => inner.as_mut(),
                None => &mut instruction,
            };
            for mut heredoc in names {
                let mut terminated = false;
                let mut content = String::new();
                while i < lines.len() {
                    let raw = lines.get(i).copied().unwrap_or("");
                    i += 1;
                    let mut candidate = trim_newline(raw);
                    if heredoc.chomp {
                        candidate = candidate.trim_start_matches('\t');
                    }
                    if candidate == heredoc.name {
                        terminated = true;
                        break;
                    }
                    content.push_str(raw);
                }
                if !terminated {
                    state.diagnostics.push(
                        Diagnostic::error(
                            start_line,
                            "DF002",
                            Text::new(
                                format!("unterminated heredoc: no line equal to {} before the end of the file", heredoc.name),
                                format!("ヒアドキュメントが閉じていません: ファイル末尾までに {} だけの行がありません", heredoc.name),
                            ),
                        )
                        .with_fix(Text::new(
                            format!("End the heredoc with a line containing only {}.", heredoc.name),
                            format!("{} だけを書いた行でヒアドキュメントを閉じてください。", heredoc.name),
                        )),
                    );
                }
                heredoc.content = content;
                target.heredocs.push(heredoc);
            }
        }
        instruction.end_line = i;
        if let Some(inner) = instruction.inner.as_mut() {
            inner.line = start_line;
            inner.end_line = i;
        }
        instructions.push(instruction);
    }
    if instructions.is_empty() {
        state.diagnostics.push(Diagnostic::error(
            lines.len(),
            "DF001",
            Text::new("file with no instructions", "命令が一つもないファイルです"),
        ));
    }
    let line_errors: Vec<usize> = state
        .diagnostics
        .iter()
        .filter(|d| d.code == "DF005")
        .map(|d| d.line)
        .collect();
    for instruction in &instructions {
        // BuildKit stops at the parser error; the argument checks would only repeat it.
        if !line_errors.contains(&instruction.line) {
            check_instruction(instruction, &mut state.diagnostics);
        }
    }
    check_order(&instructions, &mut state.diagnostics);
    ParsedDockerfile {
        directives: state.directives,
        escape: state.escape,
        instructions,
        diagnostics: state.diagnostics,
    }
}

fn shorten(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(MAX).collect();
        out.push('…');
        out
    }
}

struct ParserState {
    escape: char,
    directives: Directives,
    directive_parsing_done: bool,
    diagnostics: Vec<Diagnostic>,
}

impl ParserState {
    /// BuildKit's `DirectiveParser.ParseLine`: directives are `# key=value` lines at the very top;
    /// the first line that is not one ends directive parsing for good.
    fn parse_directive(&mut self, line: &str, line_number: usize) {
        if self.directive_parsing_done {
            return;
        }
        let Some(rest) = line.strip_prefix('#') else {
            self.directive_parsing_done = true;
            return;
        };
        let rest = trim_leading_whitespace(rest);
        // Regex `^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$`.
        let key_len = rest
            .char_indices()
            .find(|&(i, c)| !(c.is_ascii_alphabetic() || (i > 0 && c.is_ascii_digit())))
            .map_or(rest.len(), |(i, _)| i);
        let key = &rest[..key_len];
        let after_key = rest[key_len..].trim_start();
        let value = match after_key.strip_prefix('=') {
            Some(v) if !key.is_empty() => v.trim(),
            _ => "",
        };
        if value.is_empty() {
            self.directive_parsing_done = true;
            return;
        }
        let key = key.to_ascii_lowercase();
        let slot_taken = match key.as_str() {
            "syntax" => self.directives.syntax.is_some(),
            "check" => self.directives.check.is_some(),
            "escape" => self.directives.escape.is_some(),
            _ => {
                // Unknown directives are comments, and end directive processing.
                self.directive_parsing_done = true;
                return;
            }
        };
        if slot_taken {
            self.diagnostics.push(Diagnostic::error(
                line_number,
                "DF003",
                Text::new(
                    format!("only one {key} parser directive can be used"),
                    format!("{key} パーサーディレクティブは一度しか書けません"),
                ),
            ));
            return;
        }
        match key.as_str() {
            "syntax" => self.directives.syntax = Some(value.to_string()),
            "check" => self.directives.check = Some(value.to_string()),
            _ => {
                if value == "`" || value == "\\" {
                    let token = if value == "`" { '`' } else { '\\' };
                    self.escape = token;
                    self.directives.escape = Some(token);
                } else {
                    self.diagnostics.push(
                        Diagnostic::error(
                            line_number,
                            "DF004",
                            Text::new(
                                format!("invalid escape token '{value}' does not match ` or \\"),
                                format!("エスケープ文字 '{value}' は使えません（` か \\ のみ）"),
                            ),
                        )
                        .with_fix(Text::new(
                            "Use # escape=` or # escape=\\",
                            "# escape=` か # escape=\\ を使ってください",
                        )),
                    );
                }
            }
        }
    }

    /// BuildKit's `newNodeFromLine`: split off the keyword and the `--flags`, then dispatch.
    fn node_from_line(&mut self, line: &str, line_number: usize) -> Instruction {
        self.node_from_line_at(line, line_number, 0)
    }

    fn node_from_line_at(&mut self, line: &str, line_number: usize, depth: usize) -> Instruction {
        let trimmed = line.trim();
        let (word, rest) = match trimmed.find(is_regex_whitespace) {
            Some(pos) => (
                &trimmed[..pos],
                trimmed[pos..].trim_start_matches(is_regex_whitespace),
            ),
            None => (trimmed, ""),
        };
        let (args_text, flags) = extract_builder_flags(rest, self.escape);
        let args_text = args_text.trim().to_string();
        let keyword = word.to_uppercase();
        let mut instruction = Instruction {
            line: line_number,
            end_line: line_number,
            keyword: keyword.clone(),
            flags,
            args: Vec::new(),
            exec_form: false,
            inner: None,
            heredocs: Vec::new(),
            original: line.to_string(),
            legacy_key_value: false,
            written_keyword: word.to_string(),
        };
        let rest = args_text.as_str();
        let result: Result<(), String> = match keyword.as_str() {
            "RUN" | "CMD" | "ENTRYPOINT" | "SHELL" => parse_maybe_json(rest).map(|(args, json)| {
                instruction.args = args;
                instruction.exec_form = json;
            }),
            "ADD" | "COPY" | "VOLUME" => parse_maybe_json_to_list(rest).map(|(args, json)| {
                instruction.args = args;
                instruction.exec_form = json;
            }),
            "ENV" | "LABEL" => parse_name_val(rest, &keyword, self.escape).map(|(args, legacy)| {
                instruction.args = args;
                instruction.legacy_key_value = legacy;
            }),
            "ARG" => {
                instruction.args = parse_words(rest, self.escape);
                Ok(())
            }
            "EXPOSE" | "FROM" => {
                instruction.args = split_regex_whitespace(rest);
                Ok(())
            }
            "MAINTAINER" | "STOPSIGNAL" | "USER" | "WORKDIR" => {
                if !rest.is_empty() {
                    instruction.args = vec![rest.to_string()];
                }
                Ok(())
            }
            "HEALTHCHECK" => parse_health_config(rest).map(|(args, json)| {
                instruction.args = args;
                instruction.exec_form = json;
            }),
            "ONBUILD" => {
                // `ONBUILD ONBUILD ...` is an error anyway; one level of nesting is enough to
                // report it, and stopping there keeps hostile input from recursing deeply.
                if !rest.is_empty() && depth < 2 {
                    let inner = self.node_from_line_at(rest, line_number, depth + 1);
                    instruction.args = vec![rest.to_string()];
                    instruction.inner = Some(Box::new(inner));
                }
                Ok(())
            }
            _ => {
                // BuildKit's parser ignores the arguments of an unknown instruction; the
                // instruction parser then rejects it. We keep the words to show them.
                instruction.args = split_regex_whitespace(rest);
                Ok(())
            }
        };
        if let Err(message) = result {
            self.diagnostics.push(parse_error(line_number, &message));
        }
        instruction
    }
}

fn parse_error(line: usize, message: &str) -> Diagnostic {
    let ja = match message {
        m if m.starts_with("when using JSON array syntax") => {
            "JSON 配列形式では要素はすべて文字列でなければなりません".to_string()
        }
        m if m.contains("must have two arguments") => {
            "キーと値の二つが必要です（KEY=value と書くのが推奨です）".to_string()
        }
        m if m.contains("can't find =") => {
            "= がありません。name=value の形で書いてください".to_string()
        }
        m => format!("構文エラー: {m}"),
    };
    Diagnostic::error(line, "DF005", Text::new(message.to_string(), ja))
}

fn trim_newline(line: &str) -> &str {
    line.trim_end_matches(['\r', '\n'])
}

/// Go's `unicode.IsSpace`, which is the Unicode White_Space property, like Rust's.
fn trim_leading_whitespace(s: &str) -> &str {
    s.trim_start()
}

fn is_comment(line: &str) -> bool {
    trim_leading_whitespace(line).starts_with('#')
}

/// The class `[\t\v\f\r ]` of BuildKit's `reWhitespace`. Note: no newline, no Unicode spaces.
fn is_regex_whitespace(c: char) -> bool {
    matches!(c, '\t' | '\u{0B}' | '\u{0C}' | '\r' | ' ')
}

fn split_regex_whitespace(s: &str) -> Vec<String> {
    s.split(is_regex_whitespace)
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// BuildKit's line-continuation regex `([^\\])\\[ \t]*$|^\\[ \t]*$`: the escape token as the last
/// non-blank character, unless it is itself escaped. Returns the line without it and whether the
/// instruction ends here.
fn trim_continuation(line: &str, escape: char) -> (&str, bool) {
    let body = line.trim_end_matches([' ', '\t']);
    let Some(before) = body.strip_suffix(escape) else {
        return (line, true);
    };
    match before.chars().next_back() {
        None => ("", false),
        Some(c) if c == escape => (line, true),
        Some(_) => (before, false),
    }
}

/// BuildKit's `extractBuilderFlags`: leading `--words`, stopping at the first word that does not
/// start with `--` (or at a bare `--`). Like the original, this walks *bytes*: a non-ASCII byte is
/// appended as the Latin-1 character of the same value, and the bytes 0x85 and 0xA0 count as
/// spaces (Go's `unicode.IsSpace(rune(byte))`).
fn extract_builder_flags(line: &str, escape: char) -> (String, Vec<String>) {
    #[derive(PartialEq)]
    enum Phase {
        Spaces,
        Word,
        Quote,
    }
    let bytes = line.as_bytes();
    let escape_byte = if escape.is_ascii() {
        escape as u8
    } else {
        b'\\'
    };
    let is_space = |b: u8| matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' | 0x85 | 0xA0);
    let rest_from =
        |pos: usize| String::from_utf8_lossy(bytes.get(pos..).unwrap_or(&[])).into_owned();
    let mut words = Vec::new();
    let mut phase = Phase::Spaces;
    let mut word = String::new();
    let mut quote = 0u8;
    let mut blank_ok = false;
    let mut pos = 0;
    while pos <= bytes.len() {
        let ch = bytes.get(pos).copied().unwrap_or(0);
        let at_end = pos == bytes.len();
        if phase == Phase::Spaces {
            if at_end {
                break;
            }
            if is_space(ch) {
                pos += 1;
                continue;
            }
            if ch != b'-' || bytes.get(pos + 1) != Some(&b'-') {
                return (rest_from(pos), words);
            }
            phase = Phase::Word;
        }
        if at_end {
            if word != "--" && (blank_ok || !word.is_empty()) {
                words.push(word);
            }
            return (String::new(), words);
        }
        if phase == Phase::Word {
            if is_space(ch) {
                phase = Phase::Spaces;
                if word == "--" {
                    return (rest_from(pos), words);
                }
                if blank_ok || !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
                word.clear();
                blank_ok = false;
                pos += 1;
                continue;
            }
            if ch == b'\'' || ch == b'"' {
                quote = ch;
                blank_ok = true;
                phase = Phase::Quote;
                pos += 1;
                continue;
            }
            let mut out = ch;
            if ch == escape_byte {
                if pos + 1 == bytes.len() {
                    pos += 1;
                    continue;
                }
                pos += 1;
                out = bytes.get(pos).copied().unwrap_or(0);
            }
            word.push(char::from(out));
            pos += 1;
            continue;
        }
        // Phase::Quote
        if ch == quote {
            phase = Phase::Word;
            pos += 1;
            continue;
        }
        let mut out = ch;
        if ch == escape_byte {
            if pos + 1 == bytes.len() {
                phase = Phase::Word;
                pos += 1;
                continue;
            }
            pos += 1;
            out = bytes.get(pos).copied().unwrap_or(0);
        }
        word.push(char::from(out));
        pos += 1;
    }
    (String::new(), words)
}

/// BuildKit's `parseWords`: split on spaces, keep quotes and escapes in the words.
pub(crate) fn parse_words(rest: &str, escape: char) -> Vec<String> {
    #[derive(PartialEq)]
    enum Phase {
        Spaces,
        Word,
        Quote,
    }
    let chars: Vec<char> = rest.chars().collect();
    let mut words = Vec::new();
    let mut phase = Phase::Spaces;
    let mut quote = '\0';
    let mut blank_ok = false;
    let mut word = String::new();
    let mut pos = 0;
    while pos <= chars.len() {
        let at_end = pos == chars.len();
        let mut ch = chars.get(pos).copied().unwrap_or('\0');
        if phase == Phase::Spaces {
            if at_end {
                break;
            }
            if ch.is_whitespace() {
                pos += 1;
                continue;
            }
            phase = Phase::Word;
        }
        if at_end {
            if blank_ok || !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            break;
        }
        if phase == Phase::Word {
            if ch.is_whitespace() {
                phase = Phase::Spaces;
                if blank_ok || !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
                blank_ok = false;
                pos += 1;
                continue;
            }
            if ch == '\'' || ch == '"' {
                quote = ch;
                blank_ok = true;
                phase = Phase::Quote;
            }
            if ch == escape {
                if pos + 1 == chars.len() {
                    pos += 1;
                    continue;
                }
                word.push(ch);
                pos += 1;
                ch = chars.get(pos).copied().unwrap_or('\0');
            }
            word.push(ch);
            pos += 1;
            continue;
        }
        // Phase::Quote
        if ch == quote {
            phase = Phase::Word;
        }
        if ch == escape && quote != '\'' {
            if pos + 1 == chars.len() {
                phase = Phase::Word;
                pos += 1;
                continue;
            }
            pos += 1;
            word.push(ch);
            ch = chars.get(pos).copied().unwrap_or('\0');
        }
        word.push(ch);
        pos += 1;
    }
    words
}

/// BuildKit's `parseNameVal` for ENV and LABEL. Returns `[k, v, k, v, ...]` and whether the
/// legacy `KEY name value` form was used.
fn parse_name_val(rest: &str, keyword: &str, escape: char) -> Result<(Vec<String>, bool), String> {
    let words = parse_words(rest, escape);
    let Some(first) = words.first() else {
        return Ok((Vec::new(), false));
    };
    if !first.contains('=') {
        let mut parts = rest.splitn(2, is_regex_whitespace);
        let key = parts.next().unwrap_or("");
        let value = parts
            .next()
            .map(|v| v.trim_start_matches(is_regex_whitespace));
        return match value {
            Some(value) => Ok((vec![key.to_string(), value.to_string()], true)),
            None => Err(format!("{keyword} must have two arguments")),
        };
    }
    let mut args = Vec::with_capacity(words.len() * 2);
    for word in &words {
        let Some((key, value)) = word.split_once('=') else {
            return Err(format!(
                "Syntax error - can't find = in {word:?}. Must be of the form: name=value"
            ));
        };
        args.push(key.to_string());
        args.push(value.to_string());
    }
    Ok((args, false))
}

/// BuildKit's `parseJSON`: `Ok(Some(words))` for a JSON array of strings, `Ok(None)` when the text
/// is not a JSON array (the caller falls back to shell form), `Err` for an array with a
/// non-string element, which BuildKit rejects.
fn parse_json(rest: &str) -> Result<Option<Vec<String>>, String> {
    let rest = rest.trim_start();
    if !rest.starts_with('[') {
        return Ok(None);
    }
    let Ok(serde_json::Value::Array(items)) = serde_json::from_str::<serde_json::Value>(rest)
    else {
        return Ok(None);
    };
    items
        .into_iter()
        .map(|item| match item {
            serde_json::Value::String(s) => Ok(s),
            _ => Err(
                "when using JSON array syntax, arrays must be comprised of strings only"
                    .to_string(),
            ),
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

fn parse_maybe_json(rest: &str) -> Result<(Vec<String>, bool), String> {
    if rest.is_empty() {
        return Ok((Vec::new(), false));
    }
    match parse_json(rest)? {
        Some(words) => Ok((words, true)),
        None => Ok((vec![rest.to_string()], false)),
    }
}

fn parse_maybe_json_to_list(rest: &str) -> Result<(Vec<String>, bool), String> {
    match parse_json(rest)? {
        Some(words) => Ok((words, true)),
        None => Ok((split_regex_whitespace(rest), false)),
    }
}

/// BuildKit's `parseHealthConfig`: the type word (`CMD`/`NONE`) then a maybe-JSON command.
fn parse_health_config(rest: &str) -> Result<(Vec<String>, bool), String> {
    let sep = rest.find(char::is_whitespace).unwrap_or(rest.len());
    if sep == 0 {
        return Ok((Vec::new(), false));
    }
    let kind = &rest[..sep];
    let command = rest[sep..].trim_start();
    let (mut words, json) = parse_maybe_json(command)?;
    words.insert(0, kind.to_string());
    Ok((words, json))
}

fn can_contain_heredoc(instruction: &Instruction) -> bool {
    let node = match (&instruction.inner, instruction.keyword.as_str()) {
        (Some(inner), "ONBUILD") => inner.as_ref(),
        _ => instruction,
    };
    matches!(node.keyword.as_str(), "ADD" | "COPY" | "RUN") && !node.exec_form
}

/// Parses one word against BuildKit's `^(\d*)<<(-?)\s*([^<]*)$` (`ParseHeredoc`). `None` for a
/// word that is not a heredoc marker or whose quotes do not close (BuildKit then fails the build;
/// [`heredoc_marker`] says which).
pub(crate) fn parse_heredoc_word(word: &str) -> Option<Heredoc> {
    heredoc_marker(word).ok().flatten()
}

/// `Ok(None)`: not a heredoc; `Err`: a heredoc marker with an unterminated quote.
pub fn heredoc_marker(word: &str) -> Result<Option<Heredoc>, String> {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    let Some(after_fd) = word.get(digits..).and_then(|w| w.strip_prefix("<<")) else {
        return Ok(None);
    };
    let (chomp, after) = match after_fd.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, after_fd),
    };
    let rest = after.trim_start();
    if rest.is_empty() || rest.contains('<') {
        return Ok(None);
    }
    // heredocFromMatch: lex the name with and without quote removal; it must be one word, and
    // if quotes were removed the body is not expanded.
    let unquoted = lex_words(rest, false)?;
    let [name] = unquoted.as_slice() else {
        return Ok(None);
    };
    let raw = lex_words(rest, true)?;
    let quotes = |s: &str| s.chars().filter(|c| *c == '\'' || *c == '"').count();
    let expand = raw.first().is_some_and(|r| quotes(r) == quotes(name));
    Ok(Some(Heredoc {
        name: name.clone(),
        expand,
        chomp,
        file_descriptor: word.get(..digits).and_then(|d| d.parse().ok()).unwrap_or(0),
        content: String::new(),
    }))
}

/// BuildKit's shell lexer (`ProcessWords`) without variable expansion: splits on blanks outside
/// quotes and processes backslash escapes; `keep_quotes` is its `RawQuotes` mode.
fn lex_words(text: &str, keep_quotes: bool) -> Result<Vec<String>, String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            '\'' => {
                in_word = true;
                if keep_quotes {
                    word.push(c);
                }
                loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some(q) => word.push(q),
                        None => return Err(
                            "unexpected end of statement while looking for matching single-quote"
                                .into(),
                        ),
                    }
                }
                if keep_quotes {
                    word.push(c);
                }
            }
            '"' => {
                in_word = true;
                if keep_quotes {
                    word.push(c);
                }
                loop {
                    match chars.next() {
                        Some('"') => break,
                        Some('\\') => match chars.next() {
                            Some(n @ ('"' | '\\' | '$')) => word.push(n),
                            Some(n) => {
                                word.push('\\');
                                word.push(n);
                            }
                            None => return Err("unexpected end of statement while looking for matching double-quote".into()),
                        },
                        Some(q) => word.push(q),
                        None => return Err("unexpected end of statement while looking for matching double-quote".into()),
                    }
                }
                if keep_quotes {
                    word.push(c);
                }
            }
            '\\' => {
                in_word = true;
                if let Some(next) = chars.next() {
                    word.push(next);
                }
            }
            c => {
                in_word = true;
                word.push(c);
            }
        }
    }
    if in_word {
        words.push(word);
    }
    Ok(words)
}

/// BuildKit's `heredocsFromLine`: every word of the line (lexed with raw quotes and escapes, and
/// `<<` swallowing the blanks after it, see `processPossibleHeredoc` in `shell/lex.go`) that
/// looks like `[fd]<<[-]NAME`.
pub fn heredocs_from_line(line: &str) -> Result<Vec<Heredoc>, String> {
    let mut docs = Vec::new();
    for word in shell_words_raw(line) {
        if let Some(doc) = heredoc_marker(&word)? {
            docs.push(doc);
        }
    }
    Ok(docs)
}

/// Splits a line into shell words, keeping quotes and escapes; `<<` keeps the blanks after it in
/// the same word.
fn shell_words_raw(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quote: Option<char> = None;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (None, '<') if chars.peek() == Some(&'<') => {
                chars.next();
                word.push_str("<<");
                while let Some(&blank) = chars.peek().filter(|b| **b == ' ' || **b == '\t') {
                    word.push(blank);
                    chars.next();
                }
            }
            (None, c) if c.is_whitespace() => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            (None, '"' | '\'') => {
                quote = Some(c);
                word.push(c);
            }
            (Some(q), c) if c == q => {
                quote = None;
                word.push(c);
            }
            (Some('\''), c) => word.push(c),
            (_, '\\') => {
                word.push(c);
                if let Some(next) = chars.next() {
                    word.push(next);
                }
            }
            (_, c) => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// The checks of BuildKit's `instructions/parse.go` that turn a parsed line into a command.
fn check_instruction(instruction: &Instruction, diagnostics: &mut Vec<Diagnostic>) {
    let line = instruction.line;
    let keyword = instruction.keyword.as_str();
    let args = &instruction.args;
    let mut error = |en: String, ja: String| {
        diagnostics.push(Diagnostic::error(line, "DF012", Text::new(en, ja)))
    };
    let allowed_flags: &[&str] = match keyword {
        "ADD" => &[
            "chown",
            "chmod",
            "link",
            "keep-git-dir",
            "checksum",
            "unpack",
            "exclude",
        ],
        "COPY" => &["chown", "from", "chmod", "link", "exclude", "parents"],
        "FROM" => &["platform"],
        "RUN" => &["mount", "network", "security"],
        "HEALTHCHECK" => &[
            "interval",
            "timeout",
            "start-period",
            "start-interval",
            "retries",
        ],
        _ => &[],
    };
    let boolean_flags: &[&str] = &["link", "keep-git-dir", "unpack", "parents"];
    let repeatable_flags: &[&str] = &["mount", "exclude"];
    let mut seen: Vec<&str> = Vec::new();
    for flag in &instruction.flags {
        let body = flag.strip_prefix("--").unwrap_or(flag);
        let (name, value) = match body.split_once('=') {
            Some((n, v)) => (n, Some(v)),
            None => (body, None),
        };
        if !allowed_flags.contains(&name) {
            error(
                format!("unknown flag: {name}"),
                format!("{keyword} には --{name} というフラグはありません"),
            );
            continue;
        }
        if seen.contains(&name) && !repeatable_flags.contains(&name) {
            error(
                format!("duplicate flag specified: {name}"),
                format!("フラグ --{name} が重複しています"),
            );
        }
        seen.push(name);
        let is_bool = boolean_flags.contains(&name);
        match value {
            None if !is_bool => error(
                format!("missing a value on flag: {name}"),
                format!("--{name} に値がありません（--{name}=値）"),
            ),
            Some("") if !is_bool => error(
                format!("missing a value on flag: {name}"),
                format!("--{name} に値がありません（--{name}=値）"),
            ),
            Some(v)
                if is_bool && !matches!(v.to_ascii_lowercase().as_str(), "" | "true" | "false") =>
            {
                error(
                    format!("expecting boolean value for flag {name}, not: {v}"),
                    format!("--{name} には true か false を指定します（{v} は不可）"),
                )
            }
            _ => {}
        }
    }
    match keyword {
        "FROM" => {
            let three = args.len() == 3 && args.get(1).is_some_and(|a| a.eq_ignore_ascii_case("as"));
            if three {
                let name = args.get(2).map(String::as_str).unwrap_or("");
                if !is_valid_stage_name(&name.to_lowercase()) {
                    error(
                        format!("invalid name for build stage: {name:?}, name can't start with a number or contain symbols"),
                        format!("ステージ名 {name:?} は使えません（英小文字で始め、英数字と - _ . のみ）"),
                    );
                }
            } else if args.len() != 1 {
                error("FROM requires either one or three arguments".into(), "FROM の引数は「イメージ」か「イメージ AS 名前」の形です".into());
            }
        }
        "COPY" | "ADD" if args.len() < 2 => error(
            format!("{keyword} requires at least two arguments, but only one was provided. Destination could not be determined"),
            format!("{keyword} にはコピー元とコピー先の二つ以上の引数が必要です"),
        ),
        "COPY" | "ADD" => {
            if let Some(dest) = args.last() {
                if parse_heredoc_word(dest).is_some() {
                    error(format!("{keyword} cannot accept a heredoc as a destination"), format!("{keyword} のコピー先にヒアドキュメントは使えません"));
                }
            }
        }
        "ENV" | "LABEL" | "ARG" | "EXPOSE" | "VOLUME" if args.is_empty() => error(
            format!("{keyword} requires at least one argument"),
            format!("{keyword} には引数が一つ以上必要です"),
        ),
        "ENV" | "LABEL" => {
            if args.chunks(2).any(|pair| pair.first().is_none_or(|k| k.is_empty())) {
                error(format!("{keyword} names can not be blank"), format!("{keyword} の名前が空です"));
            }
        }
        "ARG" => {
            if args.iter().any(|a| a.starts_with('=')) {
                error("ARG names can not be blank".into(), "ARG の名前が空です".into());
            }
        }
        "WORKDIR" | "USER" | "STOPSIGNAL" | "MAINTAINER" if args.len() != 1 => error(
            format!("{keyword} requires exactly one argument"),
            format!("{keyword} には引数がちょうど一つ必要です"),
        ),
        "SHELL" if args.is_empty() => error("SHELL requires at least one argument".into(), "SHELL には引数が必要です".into()),
        "SHELL" if !instruction.exec_form => error(
            "SHELL requires the arguments to be in JSON form".into(),
            "SHELL は JSON 配列形式で書く必要があります（例: SHELL [\"/bin/bash\", \"-c\"]）".into(),
        ),
        "HEALTHCHECK" => match args.first().map(|a| a.to_uppercase()) {
            Some(kind) if kind == "NONE" => {
                if args.len() > 1 || !instruction.flags.is_empty() {
                    error("HEALTHCHECK NONE takes no arguments".into(), "HEALTHCHECK NONE には引数を付けられません".into());
                }
            }
            Some(kind) if kind == "CMD" => {
                if args.len() < 2 {
                    error("Missing command after HEALTHCHECK CMD".into(), "HEALTHCHECK CMD の後にコマンドがありません".into());
                }
            }
            Some(kind) => error(format!("Unknown type {kind:?} in HEALTHCHECK (try CMD)"), format!("HEALTHCHECK の種類 {kind:?} は不明です（CMD か NONE）")),
            None => error("HEALTHCHECK requires at least one argument".into(), "HEALTHCHECK には引数が必要です".into()),
        },
        "ONBUILD" => match &instruction.inner {
            None => error("ONBUILD requires at least one argument".into(), "ONBUILD には命令が必要です".into()),
            Some(inner) => match inner.keyword.as_str() {
                "ONBUILD" => error("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed".into(), "ONBUILD ONBUILD のような連鎖はできません".into()),
                "MAINTAINER" | "FROM" => error(
                    format!("{} isn't allowed as an ONBUILD trigger", inner.keyword),
                    format!("{} は ONBUILD のトリガーにできません", inner.keyword),
                ),
                _ => check_instruction(inner, diagnostics),
            },
        },
        "RUN" | "CMD" | "ENTRYPOINT" | "MAINTAINER" | "STOPSIGNAL" | "USER" | "WORKDIR" | "EXPOSE"
        | "VOLUME" | "SHELL" => {}
        _ => diagnostics.push(
            Diagnostic::error(
                line,
                "DF006",
                Text::new(
                    format!("unknown instruction: {}", instruction.written_keyword),
                    format!("不明な命令です: {}", instruction.written_keyword),
                ),
            )
            .with_fix(suggest_keyword(&instruction.keyword)),
        ),
    }
}

/// BuildKit's instructions (`frontend/dockerfile/command/command.go`).
pub const KEYWORDS: [&str; 18] = [
    "ADD",
    "ARG",
    "CMD",
    "COPY",
    "ENTRYPOINT",
    "ENV",
    "EXPOSE",
    "FROM",
    "HEALTHCHECK",
    "LABEL",
    "MAINTAINER",
    "ONBUILD",
    "RUN",
    "SHELL",
    "STOPSIGNAL",
    "USER",
    "VOLUME",
    "WORKDIR",
];

fn suggest_keyword(keyword: &str) -> Text {
    let best = KEYWORDS
        .iter()
        .map(|k| (edit_distance(keyword, k), *k))
        .min()
        .filter(|(d, _)| *d <= 2);
    match best {
        Some((_, k)) => Text::new(
            format!("Did you mean {k}?"),
            format!("{k} のつもりですか？"),
        ),
        None => Text::new(
            "Use one of the Dockerfile instructions (FROM, RUN, COPY, ...).",
            "Dockerfile の命令（FROM, RUN, COPY など）を使ってください。",
        ),
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().take(32).collect();
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous.get(j).copied().unwrap_or(0) + usize::from(ca != cb);
            let delete = previous.get(j + 1).copied().unwrap_or(0) + 1;
            let insert = current.get(j).copied().unwrap_or(0) + 1;
            current.push(substitute.min(delete).min(insert));
        }
        previous = current;
    }
    previous.last().copied().unwrap_or(0)
}

/// BuildKit's `^[a-z][a-z0-9-_.]*$` for stage names (after lower-casing).
pub(crate) fn is_valid_stage_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'))
}

/// `instructions.Parse`: only ARG may come before the first FROM.
fn check_order(instructions: &[Instruction], diagnostics: &mut Vec<Diagnostic>) {
    for instruction in instructions {
        match instruction.keyword.as_str() {
            "FROM" => return,
            "ARG" => {}
            _ if !KEYWORDS.contains(&instruction.keyword.as_str()) => {}
            _ => diagnostics.push(
                Diagnostic::error(
                    instruction.line,
                    "DF007",
                    Text::new(
                        "no build stage in current context: only ARG may come before the first FROM",
                        "ビルドステージがありません: 最初の FROM より前に書けるのは ARG だけです",
                    ),
                )
                .with_fix(Text::new("Start the file with FROM.", "ファイルを FROM で始めてください。")),
            ),
        }
    }
}
