//! The check language: one line a teacher can read, such as
//!
//! ```text
//! image.size_bytes < 10 MB
//! cache["go mod download"] == cached after change main.go
//! workflow.jobs.release.status == skipped when test fails
//! make.artifacts count == 5 for goal build-all
//! ```
//!
//! Grammar (words are separated by spaces; keywords are case-insensitive):
//!
//! ```text
//! check    = subject [ "count" ] operator value { clause }
//! metric   = subject [ "count" ] { clause }                       (a golf goal)
//! subject  = name { "." name | "[" ( "\"text\"" | name ) "]" }    (see subjects::PATTERNS)
//! operator = "==" | "!=" | "<" | "<=" | ">" | ">="
//!          | "contains" | "does not contain" | "has" | "has no"
//! value    = number [ unit ] | true | false | word | "quoted text"
//! unit     = B | KB | MB | GB | KiB | MiB | GiB | s | min        (10_000_000, 10 MB, 10MB)
//! clause   = "after change" file { ["," | "and"] file }          (Dockerfile: the second build)
//!          | "for target" stage                                   (Dockerfile: --target)
//!          | "for goal" goal { goal }                             (make goals)
//!          | "with" NAME=value                                    (make command-line variable)
//!          | "with tag" tag | "with no tag"                       (make's git, GoReleaser's tag)
//!          | "with snapshot"                                      (goreleaser --snapshot)
//!          | "for push" ref | "for tag" tag | "for branch" name
//!          | "for pull_request" [base] | "for workflow_dispatch" [ref]   (the workflow's event)
//!          | "when" job { ["," | "and"] job } ("fails" | "fail")  (jobs marked as failing)
//!          | "for host" goos/goarch                               (go build's machine)
//! ```
//!
//! Everything is checked when the exercise is loaded — the subject exists, the operator suits its
//! type, the value is one the subject can have, each clause applies to the subject's engine — and
//! every problem is a diagnostic at the check's line and column.

use super::subjects::{self, ItemMatch, Segment, Subject, Unit, ValueType};
use super::Engine;
use crate::diagnostic::Diagnostic;
use crate::text::Text;
use serde::Serialize;

/// Checks longer than this are refused (a check is one line; this keeps parsing trivially cheap).
pub const MAX_CHECK_CHARS: usize = 400;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    /// `contains` / `has`.
    Contains,
    /// `does not contain` / `has no`.
    NotContains,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Literal {
    /// Already in the subject's base unit (bytes, seconds).
    Number(f64),
    Bool(bool),
    Word(String),
}

/// `with tag v1.2.3` or `with no tag`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TagChoice {
    Tag(String),
    NoTag,
}

/// The event a workflow check simulates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EventChoice {
    pub name: String,
    pub git_ref: String,
}

/// What the clauses change in the engines' inputs. The default scenario is each engine's default:
/// a second Dockerfile build with nothing changed, make's default goal, the tag `v1.2.3`, a push
/// of the tag `v1.2.3`, no failing job, a `linux/amd64` host with gcc.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Scenario {
    pub changed: Vec<String>,
    pub docker_target: Option<String>,
    pub goals: Vec<String>,
    pub overrides: Vec<String>,
    pub tag: Option<TagChoice>,
    pub snapshot: bool,
    pub event: Option<EventChoice>,
    pub failing: Vec<String>,
    pub host: Option<String>,
}

impl Scenario {
    /// Only the parts that matter to `engine`, so that equal runs are shared.
    pub fn for_engine(&self, engine: Engine) -> Scenario {
        let mut s = Scenario::default();
        match engine {
            Engine::Dockerfile => {
                s.changed = self.changed.clone();
                s.docker_target = self.docker_target.clone();
            }
            Engine::Make => {
                s.goals = self.goals.clone();
                s.overrides = self.overrides.clone();
                s.tag = self.tag.clone();
            }
            Engine::GoReleaser => {
                s.tag = self.tag.clone();
                s.snapshot = self.snapshot;
            }
            Engine::Workflow => {
                s.event = self.event.clone();
                s.failing = self.failing.clone();
            }
            Engine::GoBuild => s.host = self.host.clone(),
        }
        s
    }

    pub fn is_default(&self) -> bool {
        *self == Scenario::default()
    }
}

/// One parsed check of an exercise.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Check {
    /// As written in the exercise file.
    pub text: String,
    /// Line and column of the check in the exercise file (1-based).
    pub line: usize,
    pub column: usize,
    pub subject: Subject,
    /// `count`: the number of items of a list subject.
    pub count: bool,
    pub op: Op,
    pub value: Literal,
    pub scenario: Scenario,
}

/// A golf metric: a number-valued subject (or a list's `count`) with its scenario.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Metric {
    pub text: String,
    pub line: usize,
    pub column: usize,
    pub subject: Subject,
    pub count: bool,
    pub scenario: Scenario,
}

impl Metric {
    pub fn unit(&self) -> Unit {
        match self.subject.value_type() {
            ValueType::Number(unit) if !self.count => unit,
            _ => Unit::Plain,
        }
    }
}

/// A problem at a character offset of the check's text.
struct Problem {
    offset: usize,
    code: &'static str,
    message: Text,
}

fn problem(offset: usize, code: &'static str, en: String, ja: String) -> Problem {
    Problem {
        offset,
        code,
        message: Text::new(en, ja),
    }
}

type Parse<T> = Result<T, Problem>;

#[derive(Clone, Debug)]
struct Token {
    text: String,
    quoted: bool,
    /// Character offset in the check.
    start: usize,
}

impl Token {
    fn is(&self, keyword: &str) -> bool {
        !self.quoted && self.text.eq_ignore_ascii_case(keyword)
    }

    fn starts_clause(&self) -> bool {
        ["after", "for", "when", "with"].iter().any(|k| self.is(k))
    }
}

/// Parses one check. `line` and `column` are where its text starts in the exercise file; a
/// problem is reported at that line and the column of the offending word.
pub fn parse_check(text: &str, line: usize, column: usize) -> Result<Check, Box<Diagnostic>> {
    let at = |p: Problem| {
        Box::new(Diagnostic::error(line, p.code, p.message).with_column(column + p.offset))
    };
    let (subject, count, rest) = parse_head(text).map_err(at)?;
    let mut cursor = Cursor {
        tokens: rest,
        next: 0,
        end: text.chars().count(),
    };
    let op = parse_op(&mut cursor).map_err(at)?;
    check_op(&subject, count, op, cursor.last_start()).map_err(at)?;
    let value = parse_value(&mut cursor, &subject, count, op).map_err(at)?;
    let scenario = parse_clauses(&mut cursor, &subject).map_err(at)?;
    Ok(Check {
        text: text.to_string(),
        line,
        column,
        subject,
        count,
        op,
        value,
        scenario,
    })
}

/// Parses a golf metric such as `image.size_bytes` or `cache.rebuild_seconds after change main.go`.
pub fn parse_metric(text: &str, line: usize, column: usize) -> Result<Metric, Box<Diagnostic>> {
    let at = |p: Problem| {
        Box::new(Diagnostic::error(line, p.code, p.message).with_column(column + p.offset))
    };
    let (subject, count, rest) = parse_head(text).map_err(at)?;
    let numeric = matches!(subject.value_type(), ValueType::Number(_))
        || (count && matches!(subject.value_type(), ValueType::List(_)));
    if !numeric {
        let name = text.split_whitespace().next().unwrap_or("");
        return Err(at(problem(
            0,
            "exercise/golf-metric",
            format!("a golf metric is a number to make small (image.size_bytes, cache.rebuild_seconds, image.layers count); `{name}` is not a number"),
            format!("ゴルフの指標は小さくする数値です（image.size_bytes、cache.rebuild_seconds、image.layers count など）。`{name}` は数値ではありません"),
        )));
    }
    let mut cursor = Cursor {
        tokens: rest,
        next: 0,
        end: text.chars().count(),
    };
    let scenario = parse_clauses(&mut cursor, &subject).map_err(at)?;
    Ok(Metric {
        text: text.to_string(),
        line,
        column,
        subject,
        count,
        scenario,
    })
}

/// The subject, `count`, and the tokens after them.
fn parse_head(text: &str) -> Parse<(Subject, bool, Vec<Token>)> {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() > MAX_CHECK_CHARS {
        return Err(problem(
            0,
            "exercise/check-syntax",
            format!("a check is one short line; this one has {} characters (at most {MAX_CHECK_CHARS})", chars.len()),
            format!("チェックは短い 1 行で書きます。これは {} 文字あります（{MAX_CHECK_CHARS} 文字まで）", chars.len()),
        ));
    }
    let mut pos = 0;
    while chars.get(pos).is_some_and(|c| c.is_whitespace()) {
        pos += 1;
    }
    let start = pos;
    let path = parse_path(&chars, &mut pos)?;
    let subject = subjects::resolve(&path).map_err(|message| Problem {
        offset: start,
        code: "exercise/check-subject",
        message,
    })?;
    let mut tokens = tokenize(&chars, pos)?;
    let count = tokens.first().is_some_and(|t| t.is("count"));
    if count {
        let token = tokens.remove(0);
        if !matches!(subject.value_type(), ValueType::List(_)) {
            let name = subjects::render(&path);
            return Err(problem(
                token.start,
                "exercise/check-operator",
                format!("`count` counts the items of a list, and `{name}` is not a list"),
                format!("`count` はリストの項目を数えます。`{name}` はリストではありません"),
            ));
        }
    }
    Ok((subject, count, tokens))
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

fn parse_path(chars: &[char], pos: &mut usize) -> Parse<Vec<Segment>> {
    let mut segments = Vec::new();
    loop {
        match chars.get(*pos) {
            Some('[') if !segments.is_empty() => {
                let open = *pos;
                *pos += 1;
                let text = match chars.get(*pos) {
                    Some('"') | Some('\'') => read_quoted(chars, pos)?,
                    _ => {
                        let from = *pos;
                        while chars.get(*pos).is_some_and(|c| *c != ']') {
                            *pos += 1;
                        }
                        chars[from..(*pos).min(chars.len())]
                            .iter()
                            .collect::<String>()
                            .trim()
                            .to_string()
                    }
                };
                if chars.get(*pos) != Some(&']') {
                    return Err(problem(
                        open,
                        "exercise/check-syntax",
                        "`[` is not closed by `]`".into(),
                        "`[` が `]` で閉じられていません".into(),
                    ));
                }
                *pos += 1;
                if text.is_empty() {
                    return Err(problem(
                        open,
                        "exercise/check-syntax",
                        "empty brackets: write what to look for, e.g. cache[\"go mod download\"]"
                            .into(),
                        "括弧の中が空です。cache[\"go mod download\"] のように探す文字列を書きます"
                            .into(),
                    ));
                }
                segments.push(Segment {
                    text,
                    bracket: true,
                });
            }
            Some(c) if is_name_char(*c) => {
                let from = *pos;
                while chars.get(*pos).is_some_and(|c| is_name_char(*c)) {
                    *pos += 1;
                }
                segments.push(Segment {
                    text: chars[from..*pos].iter().collect(),
                    bracket: false,
                });
            }
            _ => {
                let (en, ja) = if segments.is_empty() {
                    (
                        "a check starts with what it checks, e.g. image.size_bytes".to_string(),
                        "チェックは対象から書き始めます（例: image.size_bytes）".to_string(),
                    )
                } else {
                    (
                        "a name is missing after `.`".to_string(),
                        "`.` の後に名前がありません".to_string(),
                    )
                };
                return Err(problem(*pos, "exercise/check-syntax", en, ja));
            }
        }
        match chars.get(*pos) {
            Some('.') => *pos += 1,
            Some('[') => {}
            _ => return Ok(segments),
        }
    }
}

/// Reads a quoted string at `pos` (which holds the quote); `\"` and `\\` escape in double quotes.
fn read_quoted(chars: &[char], pos: &mut usize) -> Parse<String> {
    let start = *pos;
    let quote = chars.get(*pos).copied().unwrap_or('"');
    *pos += 1;
    let mut out = String::new();
    while let Some(&c) = chars.get(*pos) {
        *pos += 1;
        if c == quote {
            return Ok(out);
        }
        if c == '\\' && quote == '"' {
            if let Some(&next) = chars.get(*pos) {
                if next == '"' || next == '\\' {
                    out.push(next);
                    *pos += 1;
                    continue;
                }
            }
        }
        out.push(c);
    }
    Err(problem(
        start,
        "exercise/check-syntax",
        format!("the text starting here is not closed by {quote}"),
        format!("ここから始まる文字列が {quote} で閉じられていません"),
    ))
}

fn tokenize(chars: &[char], mut pos: usize) -> Parse<Vec<Token>> {
    let mut tokens = Vec::new();
    loop {
        while chars.get(pos).is_some_and(|c| c.is_whitespace()) {
            pos += 1;
        }
        let Some(&c) = chars.get(pos) else {
            return Ok(tokens);
        };
        let start = pos;
        if c == '"' || c == '\'' {
            let text = read_quoted(chars, &mut pos)?;
            tokens.push(Token {
                text,
                quoted: true,
                start,
            });
        } else if "<>=!".contains(c) {
            while chars.get(pos).is_some_and(|c| "<>=!".contains(*c)) && pos - start < 2 {
                pos += 1;
            }
            tokens.push(Token {
                text: chars[start..pos].iter().collect(),
                quoted: false,
                start,
            });
        } else {
            while chars.get(pos).is_some_and(|c| !c.is_whitespace()) {
                pos += 1;
            }
            tokens.push(Token {
                text: chars[start..pos].iter().collect(),
                quoted: false,
                start,
            });
        }
    }
}

struct Cursor {
    tokens: Vec<Token>,
    next: usize,
    /// Offset of the end of the check, for "missing …" problems.
    end: usize,
}

impl Cursor {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.next)
    }

    fn take(&mut self) -> Option<Token> {
        let token = self.tokens.get(self.next).cloned();
        if token.is_some() {
            self.next += 1;
        }
        token
    }

    fn offset(&self) -> usize {
        self.peek().map_or(self.end, |t| t.start)
    }

    fn last_start(&self) -> usize {
        self.next
            .checked_sub(1)
            .and_then(|i| self.tokens.get(i))
            .map_or(self.end, |t| t.start)
    }
}

fn parse_op(cursor: &mut Cursor) -> Parse<Op> {
    let offset = cursor.offset();
    let Some(token) = cursor.take() else {
        return Err(problem(
            offset,
            "exercise/check-syntax",
            "the check needs a comparison after its subject: ==, !=, <, <=, >, >=, contains, does not contain, has, has no".into(),
            "対象の後に比較を書きます: ==、!=、<、<=、>、>=、contains、does not contain、has、has no".into(),
        ));
    };
    let op = match token.text.to_ascii_lowercase().as_str() {
        _ if token.quoted => None,
        "==" => Some(Op::Eq),
        "!=" => Some(Op::Ne),
        "<" => Some(Op::Lt),
        "<=" => Some(Op::Le),
        ">" => Some(Op::Gt),
        ">=" => Some(Op::Ge),
        "contains" => Some(Op::Contains),
        "has" => {
            if cursor.peek().is_some_and(|t| t.is("no")) {
                cursor.take();
                Some(Op::NotContains)
            } else {
                Some(Op::Contains)
            }
        }
        "does" => {
            let not = cursor.take();
            let contain = cursor.take();
            if not.as_ref().is_some_and(|t| t.is("not"))
                && contain
                    .as_ref()
                    .is_some_and(|t| t.is("contain") || t.is("contains"))
            {
                Some(Op::NotContains)
            } else {
                None
            }
        }
        "=" => {
            return Err(problem(
                token.start,
                "exercise/check-syntax",
                "use `==` to compare (a single `=` is not a comparison)".into(),
                "比較には `==` を使います（`=` 一つでは比較になりません）".into(),
            ))
        }
        _ => None,
    };
    op.ok_or_else(|| {
        problem(
            token.start,
            "exercise/check-syntax",
            format!("expected a comparison (==, !=, <, <=, >, >=, contains, does not contain, has, has no), found `{}`", token.text),
            format!("比較（==、!=、<、<=、>、>=、contains、does not contain、has、has no）が来るところに `{}` があります", token.text),
        )
    })
}

fn op_word(op: Op) -> &'static str {
    match op {
        Op::Eq => "==",
        Op::Ne => "!=",
        Op::Lt => "<",
        Op::Le => "<=",
        Op::Gt => ">",
        Op::Ge => ">=",
        Op::Contains => "contains",
        Op::NotContains => "does not contain",
    }
}

fn check_op(subject: &Subject, count: bool, op: Op, offset: usize) -> Parse<()> {
    let ordering = matches!(op, Op::Lt | Op::Le | Op::Gt | Op::Ge);
    let membership = matches!(op, Op::Contains | Op::NotContains);
    let value_type = subject.value_type();
    let fits = match value_type {
        _ if count => !membership,
        ValueType::Number(_) => !membership,
        ValueType::Bool | ValueType::Enum(_) => !ordering && !membership,
        ValueType::Text => !ordering,
        ValueType::List(_) => membership,
    };
    if fits {
        return Ok(());
    }
    let word = op_word(op);
    let (en, ja) = match value_type {
        ValueType::List(_) if !count => (
            format!("`{word}` does not apply to a list: use contains / does not contain / has / has no, or `count` to compare how many items it has"),
            format!("リストに `{word}` は使えません。contains / does not contain / has / has no を使うか、`count` で項目数を比べます"),
        ),
        ValueType::Bool => (
            format!("`{word}` does not apply to a yes/no subject: use == true or == false"),
            format!("真偽の対象に `{word}` は使えません。== true か == false と書きます"),
        ),
        ValueType::Enum(values) => (
            format!("`{word}` does not apply here: use == or != with one of {}", values.join(", ")),
            format!("ここでは `{word}` は使えません。{} のどれかと == か != で比べます", values.join("、")),
        ),
        _ if membership => (
            format!("`{word}` applies to lists and texts; this subject is a number"),
            format!("`{word}` はリストと文字列に使います。この対象は数値です"),
        ),
        _ => (
            format!("`{word}` compares numbers; this subject is a text: use == or !="),
            format!("`{word}` は数値の比較です。この対象は文字列なので == か != を使います"),
        ),
    };
    Err(problem(offset, "exercise/check-operator", en, ja))
}

/// A unit word: its kind and its factor to the base unit.
fn unit_of(word: &str) -> Option<(Unit, f64)> {
    Some(match word.to_ascii_lowercase().as_str() {
        "b" | "byte" | "bytes" => (Unit::Bytes, 1.0),
        "kb" => (Unit::Bytes, 1e3),
        "mb" => (Unit::Bytes, 1e6),
        "gb" => (Unit::Bytes, 1e9),
        "kib" => (Unit::Bytes, 1024.0),
        "mib" => (Unit::Bytes, 1024.0 * 1024.0),
        "gib" => (Unit::Bytes, 1024.0 * 1024.0 * 1024.0),
        "s" | "sec" | "secs" | "second" | "seconds" => (Unit::Seconds, 1.0),
        "min" | "mins" | "minute" | "minutes" => (Unit::Seconds, 60.0),
        _ => return None,
    })
}

/// `10_000_000`, `9.5`, `10MB` → (number, unit suffix).
fn split_number(text: &str) -> Option<(f64, &str)> {
    let end = text
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '_' || *c == '.'))
        .map_or(text.len(), |(i, _)| i);
    let digits: String = text.get(..end)?.chars().filter(|c| *c != '_').collect();
    if digits.is_empty() || !digits.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let number = digits.parse::<f64>().ok()?;
    Some((number, text.get(end..).unwrap_or("")))
}

fn parse_value(cursor: &mut Cursor, subject: &Subject, count: bool, op: Op) -> Parse<Literal> {
    let offset = cursor.offset();
    let Some(token) = cursor.take() else {
        return Err(problem(
            offset,
            "exercise/check-syntax",
            format!("a value is missing after `{}`", op_word(op)),
            format!("`{}` の後に値がありません", op_word(op)),
        ));
    };
    let value_type = subject.value_type();
    let expected_unit = match value_type {
        _ if count => Some(Unit::Plain),
        ValueType::Number(unit) => Some(unit),
        _ => None,
    };
    if let Some(unit) = expected_unit {
        let number = if token.quoted {
            None
        } else {
            split_number(&token.text)
        };
        let Some((mut number, suffix)) = number else {
            return Err(problem(
                token.start,
                "exercise/check-value",
                format!("expected a number here, found `{}`", token.text),
                format!(
                    "ここには数値を書きます（`{}` は数値ではありません）",
                    token.text
                ),
            ));
        };
        let mut unit_word = suffix.to_string();
        let mut unit_offset = token.start + token.text.chars().count() - suffix.chars().count();
        if unit_word.is_empty() {
            if let Some(next) = cursor.peek() {
                if !next.quoted && unit_of(&next.text).is_some() {
                    unit_offset = next.start;
                    unit_word = next.text.clone();
                    cursor.take();
                }
            }
        }
        if !unit_word.is_empty() {
            match unit_of(&unit_word) {
                Some((kind, factor)) if kind == unit => number *= factor,
                Some(_) | None => {
                    let expected = match unit {
                        Unit::Bytes => "a size (B, KB, MB, GB, KiB, MiB, GiB)",
                        Unit::Seconds => "seconds (s) or minutes (min)",
                        Unit::Plain => "a plain number, without a unit",
                    };
                    let expected_ja = match unit {
                        Unit::Bytes => "サイズの単位（B、KB、MB、GB、KiB、MiB、GiB）",
                        Unit::Seconds => "秒（s）か分（min）",
                        Unit::Plain => "単位なしの数値",
                    };
                    return Err(problem(
                        unit_offset,
                        "exercise/check-value",
                        format!("`{unit_word}` is not a unit that fits here: this subject takes {expected}"),
                        format!("`{unit_word}` はここでは使えない単位です。この対象には{expected_ja}を使います"),
                    ));
                }
            }
        }
        return Ok(Literal::Number(number));
    }
    match value_type {
        ValueType::Bool => match token.text.to_ascii_lowercase().as_str() {
            "true" if !token.quoted => Ok(Literal::Bool(true)),
            "false" if !token.quoted => Ok(Literal::Bool(false)),
            _ => Err(problem(
                token.start,
                "exercise/check-value",
                format!(
                    "this subject is yes or no: write true or false, not `{}`",
                    token.text
                ),
                format!(
                    "この対象は真偽です。`{}` ではなく true か false と書きます",
                    token.text
                ),
            )),
        },
        ValueType::Enum(values) => {
            if values.contains(&token.text.as_str()) {
                Ok(Literal::Word(token.text))
            } else {
                Err(problem(
                    token.start,
                    "exercise/check-value",
                    format!(
                        "`{}` is not a possible value here; write one of {}",
                        token.text,
                        values.join(", ")
                    ),
                    format!(
                        "`{}` はここで取り得る値ではありません。{} のどれかを書きます",
                        token.text,
                        values.join("、")
                    ),
                ))
            }
        }
        _ => {
            if token.starts_clause() {
                return Err(problem(
                    token.start,
                    "exercise/check-value",
                    format!(
                        "a value is missing before `{}` (put a value that is a keyword in quotes)",
                        token.text
                    ),
                    format!(
                        "`{}` の前に値がありません（キーワードと同じ値は引用符で囲みます）",
                        token.text
                    ),
                ));
            }
            Ok(Literal::Word(token.text))
        }
    }
}

/// Words up to the next clause keyword (or a word for which `stop` is true); commas and `and`
/// separate them.
fn list_until(cursor: &mut Cursor, stop: impl Fn(&Token) -> bool) -> Vec<String> {
    let mut words = Vec::new();
    while cursor
        .peek()
        .is_some_and(|t| !t.starts_clause() && !stop(t))
    {
        let Some(token) = cursor.take() else {
            break;
        };
        if token.is("and") || token.text == "," {
            continue;
        }
        let word = token.text.trim_end_matches(',').to_string();
        if !word.is_empty() {
            words.push(word);
        }
    }
    words
}

fn applies(subject: &Subject, engines: &[Engine]) -> bool {
    subject.engine().is_none_or(|e| engines.contains(&e))
}

fn parse_clauses(cursor: &mut Cursor, subject: &Subject) -> Parse<Scenario> {
    let mut scenario = Scenario::default();
    while let Some(token) = cursor.take() {
        let start = token.start;
        let missing = |what_en: &str, what_ja: &str, offset: usize| {
            problem(
                offset,
                "exercise/check-clause",
                format!("`{}` needs {what_en}", token.text),
                format!("`{}` の後に{what_ja}が必要です", token.text),
            )
        };
        let engines: &[Engine];
        let keyword = token.text.to_ascii_lowercase();
        match keyword.as_str() {
            _ if token.quoted => return Err(unexpected(&token)),
            "after" => {
                let change = cursor.take();
                if !change
                    .as_ref()
                    .is_some_and(|t| t.is("change") || t.is("changing") || t.is("changes"))
                {
                    return Err(missing(
                        "`change` and a file name, e.g. after change main.go",
                        "`change` とファイル名（例: after change main.go）",
                        start,
                    ));
                }
                let files = list_until(cursor, |_| false);
                if files.is_empty() {
                    return Err(missing(
                        "the changed files, e.g. after change main.go",
                        "変更したファイル名（例: after change main.go）",
                        cursor.offset(),
                    ));
                }
                scenario.changed.extend(files);
                engines = &[Engine::Dockerfile];
            }
            "when" => {
                let jobs = list_until(cursor, |t| t.is("fails") || t.is("fail"));
                let verb = cursor.take();
                if !verb.as_ref().is_some_and(|t| t.is("fails") || t.is("fail")) {
                    return Err(missing(
                        "job ids and `fails`, e.g. when test fails",
                        "ジョブ名と `fails`（例: when test fails）",
                        cursor.offset(),
                    ));
                }
                if jobs.is_empty() {
                    return Err(missing(
                        "the failing job's id, e.g. when test fails",
                        "失敗させるジョブ名（例: when test fails）",
                        start,
                    ));
                }
                scenario.failing.extend(jobs);
                engines = &[Engine::Workflow];
            }
            "with" => {
                let Some(what) = cursor.take() else {
                    return Err(missing(
                        "tag <tag>, no tag, snapshot or NAME=value",
                        "tag <タグ>、no tag、snapshot、NAME=value のどれか",
                        cursor.offset(),
                    ));
                };
                if what.is("tag") {
                    let Some(tag) = cursor.take().filter(|t| !t.starts_clause()) else {
                        return Err(missing(
                            "a tag after `with tag`",
                            "`with tag` の後にタグ",
                            cursor.offset(),
                        ));
                    };
                    scenario.tag = Some(TagChoice::Tag(tag.text));
                    engines = &[Engine::Make, Engine::GoReleaser];
                } else if what.is("no") {
                    if !cursor.take().is_some_and(|t| t.is("tag")) {
                        return Err(missing("`no tag`", "`no tag`", what.start));
                    }
                    scenario.tag = Some(TagChoice::NoTag);
                    engines = &[Engine::Make, Engine::GoReleaser];
                } else if what.is("snapshot") {
                    scenario.snapshot = true;
                    engines = &[Engine::GoReleaser];
                } else if what.text.split_once('=').is_some_and(|(name, _)| {
                    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                }) {
                    scenario.overrides.push(what.text);
                    engines = &[Engine::Make];
                } else {
                    return Err(problem(
                        what.start,
                        "exercise/check-clause",
                        format!("after `with` comes tag <tag>, no tag, snapshot or NAME=value, not `{}`", what.text),
                        format!("`with` の後には tag <タグ>、no tag、snapshot、NAME=value のどれかを書きます（`{}` ではなく）", what.text),
                    ));
                }
            }
            "for" => {
                let Some(what) = cursor.take() else {
                    return Err(missing("goal, target, tag, branch, push, pull_request, workflow_dispatch or host", "goal、target、tag、branch、push、pull_request、workflow_dispatch、host のどれか", cursor.offset()));
                };
                let what_word = what.text.to_ascii_lowercase();
                let next_word = |cursor: &mut Cursor| {
                    cursor
                        .peek()
                        .filter(|t| !t.starts_clause())
                        .is_some()
                        .then(|| cursor.take())
                        .flatten()
                };
                match what_word.as_str() {
                    "goal" | "goals" => {
                        let goals = list_until(cursor, |_| false);
                        if goals.is_empty() {
                            return Err(missing(
                                "the goal, e.g. for goal build-all",
                                "ゴール名（例: for goal build-all）",
                                cursor.offset(),
                            ));
                        }
                        scenario.goals.extend(goals);
                        engines = &[Engine::Make];
                    }
                    "target" => {
                        let Some(stage) = next_word(cursor) else {
                            return Err(missing(
                                "a stage name, e.g. for target builder",
                                "ステージ名（例: for target builder）",
                                cursor.offset(),
                            ));
                        };
                        scenario.docker_target = Some(stage.text);
                        engines = &[Engine::Dockerfile];
                    }
                    "host" => {
                        let Some(host) = next_word(cursor).filter(|t| t.text.contains('/')) else {
                            return Err(missing(
                                "goos/goarch, e.g. for host darwin/arm64",
                                "goos/goarch（例: for host darwin/arm64）",
                                cursor.offset(),
                            ));
                        };
                        scenario.host = Some(host.text);
                        engines = &[Engine::GoBuild];
                    }
                    "tag"
                    | "branch"
                    | "push"
                    | "pull_request"
                    | "pull_request_target"
                    | "workflow_dispatch" => {
                        let name = next_word(cursor).map(|t| t.text);
                        let event = match (what_word.as_str(), name) {
                            ("tag", Some(tag)) => EventChoice {
                                name: "push".into(),
                                git_ref: format!(
                                    "refs/tags/{}",
                                    tag.trim_start_matches("refs/tags/")
                                ),
                            },
                            ("branch", Some(branch)) => EventChoice {
                                name: "push".into(),
                                git_ref: format!(
                                    "refs/heads/{}",
                                    branch.trim_start_matches("refs/heads/")
                                ),
                            },
                            ("push", Some(git_ref)) => EventChoice {
                                name: "push".into(),
                                git_ref: if git_ref.starts_with("refs/") {
                                    git_ref
                                } else {
                                    format!("refs/heads/{git_ref}")
                                },
                            },
                            ("tag" | "branch" | "push", None) => {
                                return Err(missing("a ref, e.g. for push refs/heads/main, for tag v1.2.3, for branch main", "ref（例: for push refs/heads/main、for tag v1.2.3、for branch main）", cursor.offset()));
                            }
                            (event, name) => EventChoice {
                                name: event.to_string(),
                                git_ref: name.unwrap_or_else(|| {
                                    if event == "workflow_dispatch" {
                                        "refs/heads/main".into()
                                    } else {
                                        "main".into()
                                    }
                                }),
                            },
                        };
                        scenario.event = Some(event);
                        engines = &[Engine::Workflow];
                    }
                    _ => {
                        return Err(problem(
                            what.start,
                            "exercise/check-clause",
                            format!("after `for` comes goal, target, tag, branch, push, pull_request, workflow_dispatch or host, not `{}`", what.text),
                            format!("`for` の後には goal、target、tag、branch、push、pull_request、workflow_dispatch、host のどれかを書きます（`{}` ではなく）", what.text),
                        ));
                    }
                }
            }
            _ => return Err(unexpected(&token)),
        }
        if !applies(subject, engines) {
            let names: Vec<&str> = engines.iter().map(|e| e.prefix()).collect();
            return Err(problem(
                start,
                "exercise/check-clause",
                format!("this `{}` clause changes the {} simulation, but the check reads another one", token.text, names.join(" / ")),
                format!("この `{}` 句は {} のシミュレーションの条件ですが、チェックは別の結果を読んでいます", token.text, names.join(" / ")),
            ));
        }
    }
    Ok(scenario)
}

fn unexpected(token: &Token) -> Problem {
    problem(
        token.start,
        "exercise/check-clause",
        format!("unexpected `{}`: after the value a check can only have clauses that start with after, for, when or with (quote a value that has spaces)", token.text),
        format!("`{}` はここに書けません。値の後には after、for、when、with で始まる句だけを書けます（空白を含む値は引用符で囲みます）", token.text),
    )
}

/// Whether `contains` on this subject matches items by equality or by substring.
pub fn item_match(subject: &Subject) -> ItemMatch {
    match subject.value_type() {
        ValueType::List(m) => m,
        _ => ItemMatch::Substring,
    }
}
