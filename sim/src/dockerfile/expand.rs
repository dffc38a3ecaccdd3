//! Variable expansion as BuildKit performs it in the instructions Docker expands itself (FROM,
//! COPY, ADD, ENV, LABEL, WORKDIR, USER, EXPOSE, ...): a port of `ProcessWord` in
//! moby/buildkit `frontend/dockerfile/shell/lex.go` (@ 73ed6825) — `$v`, `${v}`, `${v:-w}`,
//! `${v-w}`, `${v:+w}`, `${v+w}`, `${v:?w}`, `${v?w}`, `${v#p}`, `${v%p}`, `${v/p/r}`, positional
//! and special parameters, single quotes (literal), double quotes (where `\` only escapes
//! `"`, `$` and itself), the escape token, quote removal, and the same syntax errors. It is
//! checked against BuildKit's own table `shell/envVarTest`. RUN/CMD/ENTRYPOINT are left to the
//! shell, not expanded here.
//!
//! Names that are not set expand to the empty string, like in BuildKit; the names that were used
//! but not set are reported so the caller can warn (`UndefinedVar`/`UndefinedArgInFrom`).

use super::context::wildcard_match;

/// The result of expanding one word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expanded {
    /// The expanded word; the input unchanged when `error` is set.
    pub value: String,
    /// BuildKit's error for a malformed word (`syntax error: bad substitution`, ...).
    pub error: Option<String>,
    /// Variables referenced that had no value.
    pub undefined: Vec<String>,
    /// Every variable referenced, set or not.
    pub used: Vec<String>,
}

/// Expands `word` with `lookup`, removing quotes and escape tokens.
pub fn expand(word: &str, escape: char, lookup: &dyn Fn(&str) -> Option<String>) -> Expanded {
    let mut lexer = Lexer {
        chars: word.chars().collect(),
        pos: 0,
        escape,
        lookup,
        undefined: Vec::new(),
        used: Vec::new(),
        depth: 0,
    };
    let (value, error) = match lexer.process_stop_on(None, false) {
        Ok(value) => (value, None),
        Err(error) => (word.to_string(), Some(error)),
    };
    Expanded {
        value,
        error,
        undefined: lexer.undefined,
        used: lexer.used,
    }
}

/// Only `$NAME`/`${NAME...}` references of `text`, without expanding (for cache and lint rules).
pub fn referenced_names(text: &str) -> Vec<String> {
    expand(text, '\\', &|_| None).used
}

struct Lexer<'a> {
    chars: Vec<char>,
    pos: usize,
    escape: char,
    lookup: &'a dyn Fn(&str) -> Option<String>,
    undefined: Vec<String>,
    used: Vec<String>,
    /// Nesting of `${a:-${b:-...}}`, bounded so hostile input cannot recurse deeply.
    depth: usize,
}

const MAX_DEPTH: usize = 32;
/// Pattern operators (`#`, `%`, `/`) try many substrings; beyond this length they give up.
const MAX_PATTERN_VALUE: usize = 512;

impl Lexer<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek();
        if c.is_some() {
            self.pos += 1;
        }
        c
    }

    /// `processStopOn`: reads until `stop` (consumed) or the end of the word.
    fn process_stop_on(&mut self, stop: Option<char>, raw_escapes: bool) -> Result<String, String> {
        let mut result = String::new();
        while let Some(c) = self.peek() {
            if Some(c) == stop {
                self.pos += 1;
                return Ok(result);
            }
            match c {
                '$' => result.push_str(&self.process_dollar()?),
                '\'' => result.push_str(&self.single_quoted()?),
                '"' => result.push_str(&self.double_quoted()?),
                _ => {
                    self.pos += 1;
                    if c == self.escape {
                        if raw_escapes {
                            result.push(c);
                        }
                        match self.next() {
                            Some(next) => result.push(next),
                            None => break,
                        }
                    } else {
                        result.push(c);
                    }
                }
            }
        }
        match stop {
            Some(s) => Err(format!(
                "unexpected end of statement while looking for matching {s}"
            )),
            None => Ok(result),
        }
    }

    fn single_quoted(&mut self) -> Result<String, String> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            match self.next() {
                None => {
                    return Err(
                        "unexpected end of statement while looking for matching single-quote"
                            .into(),
                    )
                }
                Some('\'') => return Ok(out),
                Some(c) => out.push(c),
            }
        }
    }

    fn double_quoted(&mut self) -> Result<String, String> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            match self.peek() {
                None => {
                    return Err(
                        "unexpected end of statement while looking for matching double-quote"
                            .into(),
                    )
                }
                Some('"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some('$') => out.push_str(&self.process_dollar()?),
                Some(c) => {
                    self.pos += 1;
                    if c == self.escape {
                        match self.peek() {
                            None => continue,
                            Some(n) if n == '"' || n == '$' || n == self.escape => {
                                self.pos += 1;
                                out.push(n);
                                continue;
                            }
                            Some(_) => {}
                        }
                    }
                    out.push(c);
                }
            }
        }
    }

    /// `processName`: letters, digits and `_`; a leading digit run; or one special parameter.
    fn process_name(&mut self) -> String {
        let mut name = String::new();
        while let Some(c) = self.peek() {
            if name.is_empty() && c.is_ascii_digit() {
                while let Some(d) = self.peek().filter(char::is_ascii_digit) {
                    name.push(d);
                    self.pos += 1;
                }
                return name;
            }
            if name.is_empty() && matches!(c, '@' | '*' | '#' | '?' | '-' | '$' | '!' | '0') {
                self.pos += 1;
                return c.to_string();
            }
            if !c.is_alphanumeric() && c != '_' {
                break;
            }
            name.push(c);
            self.pos += 1;
        }
        name
    }

    fn process_dollar(&mut self) -> Result<String, String> {
        self.pos += 1;
        if self.peek() != Some('{') {
            let name = self.process_name();
            if name.is_empty() {
                return Ok("$".into());
            }
            return Ok(self.value_of(&name).unwrap_or_default());
        }
        self.pos += 1;
        match self.peek() {
            None => return Err("syntax error: missing '}'".into()),
            Some('{' | '}' | ':') => return Err("syntax error: bad substitution".into()),
            Some(_) => {}
        }
        let name = self.process_name();
        let mut ch = self.next();
        let mut modifier: String = ch.map(String::from).unwrap_or_default();
        let mut null_is_unset = false;
        match ch {
            Some('}') => return Ok(self.value_of(&name).unwrap_or_default()),
            Some(':') => {
                null_is_unset = true;
                ch = self.next();
                if let Some(c) = ch {
                    modifier.push(c);
                }
            }
            Some('+' | '-' | '?' | '#' | '%') => {}
            Some('/') => return self.replace(&name),
            _ => return Err(format!("unsupported modifier ({modifier}) in substitution")),
        }
        let raw_escapes = matches!(ch, Some('#' | '%'));
        if null_is_unset && raw_escapes {
            return Err(format!("unsupported modifier ({modifier}) in substitution"));
        }
        if self.depth >= MAX_DEPTH {
            return Err("substitutions nested too deeply".into());
        }
        self.depth += 1;
        let word = self.process_stop_on(Some('}'), raw_escapes);
        self.depth -= 1;
        let word = word.map_err(|e| {
            if self.peek().is_none() {
                "syntax error: missing '}'".to_string()
            } else {
                e
            }
        })?;
        let value = self.value_of(&name);
        let empty = value.as_deref().is_none_or(str::is_empty);
        match ch {
            Some('-') => Ok(if value.is_none() || (null_is_unset && empty) {
                word
            } else {
                value.unwrap_or_default()
            }),
            Some('+') => Ok(if value.is_none() || (null_is_unset && empty) {
                String::new()
            } else {
                word
            }),
            Some('?') => match value {
                None => Err(format!(
                    "{name}: {}",
                    if word.is_empty() {
                        "is not allowed to be unset"
                    } else {
                        &word
                    }
                )),
                Some(v) if null_is_unset && v.is_empty() => Err(format!(
                    "{name}: {}",
                    if word.is_empty() {
                        "is not allowed to be empty"
                    } else {
                        &word
                    }
                )),
                Some(v) => Ok(v),
            },
            Some(op @ ('#' | '%')) => {
                let (greedy, pattern) = match word.strip_prefix(op) {
                    Some(rest) => (true, rest.to_string()),
                    None => (false, word),
                };
                Ok(trim_pattern(
                    &value.unwrap_or_default(),
                    &pattern,
                    op == '#',
                    greedy,
                ))
            }
            _ => Err(format!("unsupported modifier ({modifier}) in substitution")),
        }
    }

    /// `${name/pattern/replacement}` and `${name//pattern/replacement}`.
    fn replace(&mut self, name: &str) -> Result<String, String> {
        let all = self.peek() == Some('/');
        if all {
            self.pos += 1;
        }
        if self.depth >= MAX_DEPTH {
            return Err("substitutions nested too deeply".into());
        }
        self.depth += 1;
        let pattern = self.process_stop_on(Some('/'), true);
        let replacement = match pattern {
            Ok(_) => self.process_stop_on(Some('}'), true),
            Err(_) => Err(String::new()),
        };
        self.depth -= 1;
        let pattern = pattern.map_err(|_| "syntax error: missing '/' in ${}".to_string())?;
        let replacement = replacement.map_err(|_| "syntax error: missing '}'".to_string())?;
        let value = self.value_of(name).unwrap_or_default();
        Ok(replace_pattern(&value, &pattern, &replacement, all))
    }

    fn value_of(&mut self, name: &str) -> Option<String> {
        if name.is_empty() {
            return None;
        }
        if !self.used.iter().any(|u| u == name) {
            self.used.push(name.to_string());
        }
        let value = (self.lookup)(name);
        if value.is_none() && !self.undefined.iter().any(|u| u == name) {
            self.undefined.push(name.to_string());
        }
        value
    }
}

/// `${v#p}` / `${v##p}` (prefix) and `${v%p}` / `${v%%p}` (suffix), shortest or longest match.
fn trim_pattern(value: &str, pattern: &str, prefix: bool, greedy: bool) -> String {
    if value.len() > MAX_PATTERN_VALUE {
        return value.to_string();
    }
    let bounds: Vec<usize> = value
        .char_indices()
        .map(|(i, _)| i)
        .chain([value.len()])
        .collect();
    // Prefix cuts grow from the left for the shortest match; suffix starts move in from the
    // right for the shortest match; greedy goes the other way.
    let ascending = prefix != greedy;
    let order: Box<dyn Iterator<Item = &usize>> = if ascending {
        Box::new(bounds.iter())
    } else {
        Box::new(bounds.iter().rev())
    };
    for &cut in order {
        let (matched, rest) = if prefix {
            (value.get(..cut), value.get(cut..))
        } else {
            (value.get(cut..), value.get(..cut))
        };
        if let (Some(matched), Some(rest)) = (matched, rest) {
            if wildcard_match(pattern, matched) {
                return rest.to_string();
            }
        }
    }
    value.to_string()
}

/// First (or every) leftmost-longest match of a shell pattern, replaced.
fn replace_pattern(value: &str, pattern: &str, replacement: &str, all: bool) -> String {
    if value.len() > MAX_PATTERN_VALUE || pattern.is_empty() {
        return value.to_string();
    }
    let bounds: Vec<usize> = value
        .char_indices()
        .map(|(i, _)| i)
        .chain([value.len()])
        .collect();
    let mut out = String::new();
    let mut i = 0;
    while let Some(&start) = bounds.get(i) {
        let found = bounds.iter().skip(i + 1).rev().find(|&&end| {
            value
                .get(start..end)
                .is_some_and(|s| wildcard_match(pattern, s))
        });
        match found {
            Some(&end) => {
                out.push_str(replacement);
                if !all {
                    out.push_str(value.get(end..).unwrap_or(""));
                    return out;
                }
                i = bounds
                    .iter()
                    .position(|b| *b == end)
                    .unwrap_or(bounds.len());
            }
            None => {
                out.push_str(
                    value
                        .get(start..bounds.get(i + 1).copied().unwrap_or(start))
                        .unwrap_or(""),
                );
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(word: &str, expected: &str) {
        let env = |name: &str| match name {
            "GO" => Some("1.22".to_string()),
            "EMPTY" => Some(String::new()),
            "FILE" => Some("archive.tar.gz".to_string()),
            _ => None,
        };
        assert_eq!(
            expand(word, '\\', &env).value,
            expected,
            "expanding {word:?}"
        );
    }

    #[test]
    fn expansion_forms_from_the_dockerfile_reference() {
        // Cases from the Dockerfile reference, "Environment replacement".
        check("golang:${GO}-alpine", "golang:1.22-alpine");
        check("golang:$GO", "golang:1.22");
        check("${MISSING:-fallback}", "fallback");
        check("${EMPTY:-fallback}", "fallback");
        check("${EMPTY-fallback}", "");
        check("${GO:+set}", "set");
        check("${MISSING+set}", "");
        check("${EMPTY+set}", "set");
        check("'$GO'", "$GO");
        check("\\$GO", "$GO");
        check("${FILE%.gz}", "archive.tar");
        check("${FILE%%.*}", "archive");
        check("${FILE#*.}", "tar.gz");
        check("${FILE##*.}", "gz");
        check("${FILE/tar/zip}", "archive.zip.gz");
        check("${FILE//a/A}", "Archive.tAr.gz");
    }

    #[test]
    fn undefined_names_are_reported() {
        let e = expand("$A ${B:-x} $GO", '\\', &|n| {
            (n == "GO").then(|| "1".to_string())
        });
        assert_eq!(e.undefined, vec!["A", "B"]);
        assert_eq!(e.used, vec!["A", "B", "GO"]);
        assert_eq!(e.error, None);
        assert!(expand("${A", '\\', &|_| None).error.is_some());
    }
}
