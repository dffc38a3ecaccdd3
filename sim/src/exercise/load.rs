//! The exercise file: YAML text → [`Exercise`] plus diagnostics.
//!
//! Takes text, never a path, so the app can embed the files with `include_str!`. Every problem —
//! YAML syntax, an unknown key, a value of the wrong type, a check the check language cannot
//! read, a check about a file the exercise does not give — is a [`Diagnostic`] with the file's
//! line (and column where known); nothing panics. The exercise is returned only when there is no
//! error, so the app never shows a half-read exercise.

use super::evaluate::metric_label;
use super::lang::{parse_check, parse_metric};
use super::{Exercise, FileKind, Files, Golf, Lines};
use crate::diagnostic::Diagnostic;
use crate::text::Text;
use crate::yaml::{self, PathSegment, PositionIndex};
use serde_yaml::Value;

/// The keys of an exercise file, in the order the README documents them.
pub const KEYS: &[&str] = &[
    "id",
    "chapter",
    "title",
    "instructions",
    "files",
    "checks",
    "hints",
    "solution",
    "golf",
];

/// At most this many checks (and hints) per exercise: a page, not a test suite.
pub const MAX_CHECKS: usize = 50;

/// What the loader checks besides the file itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParseOptions {
    /// The guide's chapter ids; empty means "do not check `chapter`".
    pub chapters: Vec<String>,
}

/// The result of [`parse`]: the exercise when it has no error, and every diagnostic.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub exercise: Option<Exercise>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads one exercise file without checking its chapter against the guide.
pub fn parse(source: &str) -> Loaded {
    parse_with(source, &ParseOptions::default())
}

/// The `id:` of a chapter's front matter (`content/<lang>/NN-<id>.md`), or `None`.
pub fn chapter_id_from_front_matter(markdown: &str) -> Option<String> {
    let mut lines = markdown.lines();
    if lines.next()?.trim_end() != "---" {
        return None;
    }
    lines
        .take_while(|l| l.trim_end() != "---")
        .find_map(|l| l.strip_prefix("id:"))
        .map(|id| id.trim().to_string())
        .filter(|id| !id.is_empty())
}

struct Reader<'a> {
    source: &'a str,
    index: &'a PositionIndex,
    diagnostics: Vec<Diagnostic>,
}

fn key(name: &str) -> PathSegment {
    PathSegment::key(name)
}

fn kind_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "nothing",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Sequence(_) => "a list",
        Value::Mapping(_) => "a mapping",
        Value::Tagged(_) => "a tagged value",
    }
}

fn kind_name_ja(value: &Value) -> &'static str {
    match value {
        Value::Null => "空",
        Value::Bool(_) => "真偽値",
        Value::Number(_) => "数値",
        Value::String(_) => "文字列",
        Value::Sequence(_) => "リスト",
        Value::Mapping(_) => "マッピング",
        Value::Tagged(_) => "タグ付きの値",
    }
}

/// Whether a text has Japanese in it (kana or kanji).
fn has_japanese(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}')
    })
}

impl Reader<'_> {
    fn at(&self, path: &[PathSegment]) -> (usize, usize) {
        let (line, column) = self.index.locate_nearest(path);
        (line.max(1), column.max(1))
    }

    fn error(&mut self, path: &[PathSegment], code: &str, en: String, ja: String) {
        let (line, column) = self.at(path);
        self.diagnostics
            .push(Diagnostic::error(line, code, Text::new(en, ja)).with_column(column));
    }

    fn wrong_type(
        &mut self,
        path: &[PathSegment],
        value: &Value,
        en_expected: &str,
        ja_expected: &str,
    ) {
        let shown = yaml::position::format_path(path);
        self.error(
            path,
            "exercise/type",
            format!(
                "`{shown}` should be {en_expected}, not {}",
                kind_name(value)
            ),
            format!(
                "`{shown}` には{ja_expected}を書きます（{}ではなく）",
                kind_name_ja(value)
            ),
        );
    }

    /// The keys of `map`; reports keys that are not text or not in `allowed`.
    fn entries<'v>(
        &mut self,
        map: &'v serde_yaml::Mapping,
        path: &[PathSegment],
        allowed: &[&str],
    ) -> Vec<(String, &'v Value)> {
        let mut out = Vec::new();
        for (k, v) in map {
            let Some(name) = k.as_str() else {
                self.wrong_type(
                    path,
                    k,
                    "a mapping with text keys",
                    "文字列のキーを持つマッピング",
                );
                continue;
            };
            let mut here = path.to_vec();
            here.push(key(name));
            if !allowed.contains(&name) {
                let list = allowed.join(", ");
                let shown = yaml::position::format_path(&here);
                self.error(
                    &here,
                    "exercise/unknown-key",
                    format!("unknown key `{shown}`; allowed here: {list}"),
                    format!("`{shown}` というキーはありません。ここで使えるのは {list} です"),
                );
                continue;
            }
            out.push((name.to_string(), v));
        }
        out
    }

    fn text_field(&mut self, value: &Value, path: &[PathSegment]) -> Option<String> {
        match value {
            Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
            Value::String(_) => {
                let shown = yaml::position::format_path(path);
                self.error(
                    path,
                    "exercise/empty",
                    format!("`{shown}` is empty"),
                    format!("`{shown}` が空です"),
                );
                None
            }
            other => {
                self.wrong_type(path, other, "text", "文字列");
                None
            }
        }
    }

    /// A `{ja: …, en: …}` pair; both are required.
    fn bilingual(&mut self, value: &Value, path: &[PathSegment]) -> Option<Text> {
        let Value::Mapping(map) = value else {
            self.wrong_type(
                path,
                value,
                "a mapping with `ja` and `en`",
                "`ja` と `en` を持つマッピング",
            );
            return None;
        };
        let mut ja = None;
        let mut en = None;
        let mut written = Vec::new();
        for (name, v) in self.entries(map, path, &["ja", "en"]) {
            written.push(name.clone());
            let mut here = path.to_vec();
            here.push(key(&name));
            let text = self.text_field(v, &here);
            if name == "ja" {
                if let Some(t) = &text {
                    if !has_japanese(t) {
                        let (line, column) = self.at(&here);
                        let shown = yaml::position::format_path(&here);
                        self.diagnostics.push(
                            Diagnostic::warning(
                                line,
                                "exercise/ja-not-japanese",
                                Text::new(
                                    format!("`{shown}` has no Japanese in it: is it still the English text?"),
                                    format!("`{shown}` に日本語がありません。英語のままではありませんか？"),
                                ),
                            )
                            .with_column(column),
                        );
                    }
                }
                ja = text;
            } else {
                en = text;
            }
        }
        for lang in ["ja", "en"] {
            if !written.iter().any(|w| w == lang) {
                let shown = yaml::position::format_path(path);
                self.error(
                    path,
                    "exercise/missing",
                    format!("`{shown}` needs its `{lang}` text: every text is written in Japanese and in English"),
                    format!("`{shown}` に `{lang}` がありません。文章はすべて日本語と英語の両方で書きます"),
                );
            }
        }
        Some(Text::new(en?, ja?))
    }

    fn files(&mut self, value: &Value, name: &str) -> Files {
        let path = [key(name)];
        let mut files = Files::default();
        let Value::Mapping(map) = value else {
            self.wrong_type(
                &path,
                value,
                "a mapping of file kinds to their text",
                "ファイルの種類とその内容のマッピング",
            );
            return files;
        };
        let allowed: Vec<&str> = FileKind::ALL.iter().map(|k| k.key()).collect();
        for (kind_name, v) in self.entries(map, &path, &allowed) {
            let here = [key(name), key(&kind_name)];
            let Some(kind) = FileKind::from_key(&kind_name) else {
                continue;
            };
            match v {
                Value::String(text) => files.set(kind, text.clone()),
                other => self.wrong_type(
                    &here,
                    other,
                    "the file's text (use `|` for several lines)",
                    "ファイルの内容（複数行なら `|` を使います）",
                ),
            }
        }
        if files.is_empty() && map.is_empty() {
            self.error(
                &path,
                "exercise/empty",
                format!(
                    "`{name}` lists no file; give at least one of {}",
                    allowed.join(", ")
                ),
                format!(
                    "`{name}` にファイルがありません。{} のどれかを書きます",
                    allowed.join("、")
                ),
            );
        }
        files
    }

    /// Line and column of the first character of a list item's text (after an opening quote).
    fn item_start(&self, path: &[PathSegment]) -> (usize, usize) {
        let (line, column) = self.at(path);
        let opens_quote = self
            .source
            .lines()
            .nth(line.saturating_sub(1))
            .and_then(|l| l.chars().nth(column.saturating_sub(1)))
            .is_some_and(|c| c == '"' || c == '\'');
        (line, if opens_quote { column + 1 } else { column })
    }

    fn sequence<'v>(
        &mut self,
        value: &'v Value,
        name: &str,
        what_en: &str,
        what_ja: &str,
    ) -> &'v [Value] {
        match value {
            Value::Sequence(items) if !items.is_empty() => {
                if items.len() > MAX_CHECKS {
                    self.error(
                        &[key(name)],
                        "exercise/too-many",
                        format!("`{name}` has {} items; at most {MAX_CHECKS}", items.len()),
                        format!(
                            "`{name}` が {} 個あります。{MAX_CHECKS} 個までです",
                            items.len()
                        ),
                    );
                    return &[];
                }
                items
            }
            Value::Sequence(_) => {
                self.error(
                    &[key(name)],
                    "exercise/empty",
                    format!("`{name}` is empty; write at least one {what_en}"),
                    format!("`{name}` が空です。{what_ja}を一つ以上書きます"),
                );
                &[]
            }
            other => {
                self.wrong_type(
                    &[key(name)],
                    other,
                    &format!("a list of {what_en}s (lines starting with `- `)"),
                    &format!("{what_ja}のリスト（`- ` で始まる行）"),
                );
                &[]
            }
        }
    }
}

/// Reads one exercise file. `options.chapters` (when not empty) are the guide's chapter ids.
pub fn parse_with(source: &str, options: &ParseOptions) -> Loaded {
    let parsed = yaml::parse(source);
    let diagnostics = parsed
        .diagnostics
        .iter()
        .cloned()
        .map(|d| {
            if d.code == "yaml-syntax" && d.message.en.contains("mapping values are not allowed") {
                // The usual cause in an exercise: a hint or check with `: ` in it, unquoted.
                d.with_fix(Text::new(
                    "A text with `: ` in it (a hint, a check) must be quoted: \"…\" (or '…'), or written as a block after `|`.",
                    "`: ` を含む文章（ヒントやチェック）は \"…\"（または '…'）で囲むか、`|` の後にブロックで書きます。",
                ))
            } else {
                d
            }
        })
        .collect();
    let mut reader = Reader {
        source,
        index: &parsed.index,
        diagnostics,
    };
    let exercise = match &parsed.value {
        Some(Value::Mapping(map)) => read_exercise(&mut reader, map, options),
        Some(other) => {
            let found = kind_name(other);
            reader.diagnostics.push(Diagnostic::error(
                1,
                "exercise/shape",
                Text::new(
                    format!("an exercise file is a YAML mapping (id:, chapter:, title:, …), not {found}"),
                    format!("演習ファイルは YAML のマッピング（id:、chapter:、title: …）です（{}ではなく）", kind_name_ja(other)),
                ),
            ));
            None
        }
        None => None,
    };
    let mut diagnostics = reader.diagnostics;
    diagnostics.sort_by_key(|d| (d.line, d.column.unwrap_or(0)));
    let has_error = diagnostics.iter().any(Diagnostic::is_error);
    Loaded {
        exercise: exercise.filter(|_| !has_error),
        diagnostics,
    }
}

fn read_exercise(
    reader: &mut Reader<'_>,
    map: &serde_yaml::Mapping,
    options: &ParseOptions,
) -> Option<Exercise> {
    let mut id = None;
    let mut chapter = None;
    let mut title = None;
    let mut instructions = None;
    let mut files = None;
    let mut checks_value = None;
    let mut hints = Vec::new();
    let mut hints_seen = false;
    let mut solution = None;
    let mut golf_value = None;
    for (name, value) in reader.entries(map, &[], KEYS) {
        let path = [key(&name)];
        match name.as_str() {
            "id" => {
                id = reader.text_field(value, &path);
                if let Some(text) = &id {
                    if !text
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    {
                        reader.error(
                            &path,
                            "exercise/id",
                            format!("the id `{text}` may only have lower-case letters, digits and `-` (it is part of the page's address)"),
                            format!("id `{text}` に使えるのは英小文字・数字・`-` だけです（ページのアドレスになります）"),
                        );
                    }
                }
            }
            "chapter" => {
                chapter = reader.text_field(value, &path);
                if let Some(text) = &chapter {
                    if !options.chapters.is_empty() && !options.chapters.contains(text) {
                        let list = options.chapters.join(", ");
                        reader.error(
                            &path,
                            "exercise/chapter",
                            format!(
                                "there is no chapter `{text}`; the guide's chapters are: {list}"
                            ),
                            format!("`{text}` という章はありません。章は {list} です"),
                        );
                    }
                }
            }
            "title" => title = reader.bilingual(value, &path),
            "instructions" => instructions = reader.bilingual(value, &path),
            "files" => files = Some(reader.files(value, "files")),
            "solution" => solution = Some(reader.files(value, "solution")),
            "checks" => checks_value = Some(value),
            "hints" => {
                hints_seen = true;
                let items = reader.sequence(value, "hints", "hint", "ヒント");
                for (i, item) in items.iter().enumerate() {
                    if let Some(text) =
                        reader.bilingual(item, &[key("hints"), PathSegment::Index(i)])
                    {
                        hints.push(text);
                    }
                }
            }
            "golf" => golf_value = Some(value),
            _ => {}
        }
    }
    let files = files.unwrap_or_default();
    let mut checks = Vec::new();
    if let Some(value) = checks_value {
        let items = reader.sequence(value, "checks", "check", "チェック");
        for (i, item) in items.iter().enumerate() {
            let path = [key("checks"), PathSegment::Index(i)];
            let Value::String(text) = item else {
                if matches!(item, Value::Mapping(_)) {
                    // `- a contains "x: y"` reads as a mapping in YAML: the usual slip.
                    reader.error(
                        &path,
                        "exercise/type",
                        "this check has `: ` in it, so YAML reads it as a key and a value: put the whole check in single quotes, e.g. - 'goreleaser.changelog contains \"feat: add\"'".into(),
                        "チェックに `: ` が含まれているため、YAML がキーと値として読んでいます。チェック全体を ' で囲んでください（例: - 'goreleaser.changelog contains \"feat: add\"'）".into(),
                    );
                } else {
                    reader.wrong_type(
                        &path,
                        item,
                        "a check written as one line of text",
                        "1 行の文字列で書いたチェック",
                    );
                }
                continue;
            };
            let (line, column) = reader.item_start(&path);
            match parse_check(text, line, column) {
                Ok(check) => {
                    needs_files(reader, &check.subject, &files, line, column);
                    checks.push(check);
                }
                Err(diagnostic) => reader.diagnostics.push(*diagnostic),
            }
        }
    }
    let golf = golf_value.and_then(|value| {
        let (text, path) = match value {
            Value::String(text) => (text.clone(), vec![key("golf")]),
            Value::Mapping(map) => {
                let mut metric = None;
                for (name, v) in reader.entries(map, &[key("golf")], &["metric"]) {
                    metric = reader.text_field(v, &[key("golf"), key(&name)]);
                }
                if metric.is_none() {
                    reader.error(
                        &[key("golf")],
                        "exercise/missing",
                        "`golf` needs a `metric`, e.g. metric: image.size_bytes".into(),
                        "`golf` には `metric` が必要です（例: metric: image.size_bytes）".into(),
                    );
                }
                (metric?, vec![key("golf"), key("metric")])
            }
            other => {
                reader.wrong_type(
                    &[key("golf")],
                    other,
                    "a mapping with `metric`",
                    "`metric` を持つマッピング",
                );
                return None;
            }
        };
        let (line, column) = reader.item_start(&path);
        match parse_metric(&text, line, column) {
            Ok(metric) => {
                needs_files(reader, &metric.subject, &files, line, column);
                Some(Golf {
                    label: metric_label(&metric),
                    metric,
                })
            }
            Err(diagnostic) => {
                reader.diagnostics.push(*diagnostic);
                None
            }
        }
    });
    for (name, present) in [
        ("id", id.is_some()),
        ("chapter", chapter.is_some()),
        ("title", title.is_some()),
        ("instructions", instructions.is_some()),
        ("files", files.kinds().next().is_some()),
        ("checks", checks_value.is_some()),
        ("hints", hints_seen),
        ("solution", solution.is_some()),
    ] {
        let written = map.contains_key(name);
        if !present && !written {
            reader.diagnostics.push(Diagnostic::error(
                1,
                "exercise/missing",
                Text::new(
                    format!("the exercise has no `{name}`; every exercise has: id, chapter, title, instructions, files, checks, hints, solution"),
                    format!("演習に `{name}` がありません。演習には id、chapter、title、instructions、files、checks、hints、solution が必要です"),
                ),
            ));
        }
    }
    let lines = Lines {
        files: reader.at(&[key("files")]).0,
        solution: reader.at(&[key("solution")]).0,
    };
    let solution_files = solution?;
    Some(Exercise {
        id: id?,
        chapter: chapter?,
        title: title?,
        instructions: instructions?,
        solution: files.overlaid(&solution_files),
        files,
        checks,
        hints,
        golf,
        lines,
    })
}

/// A check about a file the exercise does not give can never pass: say so at the check.
fn needs_files(
    reader: &mut Reader<'_>,
    subject: &super::Subject,
    files: &Files,
    line: usize,
    column: usize,
) {
    let Some(engine) = subject.engine() else {
        return;
    };
    let kind = engine.file();
    if files.get(kind).is_none() {
        reader.diagnostics.push(
            Diagnostic::error(
                line,
                "exercise/missing-file",
                Text::new(
                    format!("this reads the {} simulation, but `files` has no `{}`", engine.prefix(), kind.key()),
                    format!("このチェックは {} のシミュレーションを読みますが、`files` に `{}` がありません", engine.prefix(), kind.key()),
                ),
            )
            .with_column(column),
        );
    }
}
