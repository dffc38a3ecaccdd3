//! Variable expansion as BuildKit's `frontend/dockerfile/shell/lex.go` performs it in the
//! instructions Docker expands itself (FROM, COPY, ADD, ENV, LABEL, WORKDIR, USER, EXPOSE, ...):
//! `$v`, `${v}`, `${v:-w}`, `${v-w}`, `${v:+w}`, `${v+w}`, single quotes (literal), double quotes,
//! the escape token, and quote removal. RUN/CMD/ENTRYPOINT are left to the shell, not expanded here.
//!
//! Names that are not set expand to the empty string, like in BuildKit; the names that were used
//! but not set are reported so the caller can warn (`UndefinedVar`/`UndefinedArgInFrom`).

/// The result of expanding one word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expanded {
    pub value: String,
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
    let value = lexer.word(None);
    Expanded {
        value,
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

impl Lexer<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    /// Reads until the end, or until `stop` (the `}` closing a `${...}` default) outside quotes.
    fn word(&mut self, stop: Option<char>) -> String {
        let mut out = String::new();
        while let Some(c) = self.peek() {
            if Some(c) == stop {
                break;
            }
            self.pos += 1;
            match c {
                '\'' => {
                    while let Some(q) = self.peek() {
                        self.pos += 1;
                        if q == '\'' {
                            break;
                        }
                        out.push(q);
                    }
                }
                '"' => self.double_quoted(&mut out),
                '$' => self.dollar(&mut out),
                c if c == self.escape => {
                    if let Some(next) = self.peek() {
                        self.pos += 1;
                        out.push(next);
                    }
                }
                c => out.push(c),
            }
        }
        out
    }

    fn double_quoted(&mut self, out: &mut String) {
        while let Some(c) = self.peek() {
            self.pos += 1;
            match c {
                '"' => return,
                '$' => self.dollar(out),
                c if c == self.escape => match self.peek() {
                    Some(next) if next == '"' || next == '$' || next == self.escape => {
                        self.pos += 1;
                        out.push(next);
                    }
                    _ => out.push(c),
                },
                c => out.push(c),
            }
        }
    }

    fn dollar(&mut self, out: &mut String) {
        match self.peek() {
            Some('{') => {
                self.pos += 1;
                self.braced(out);
            }
            Some(c) if c.is_ascii_alphanumeric() || c == '_' => {
                let start = self.pos;
                while self
                    .peek()
                    .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
                {
                    self.pos += 1;
                }
                let name: String = self
                    .chars
                    .get(start..self.pos)
                    .unwrap_or(&[])
                    .iter()
                    .collect();
                out.push_str(&self.value_of(&name).unwrap_or_default());
            }
            _ => out.push('$'),
        }
    }

    fn braced(&mut self, out: &mut String) {
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            self.pos += 1;
        }
        let name: String = self
            .chars
            .get(start..self.pos)
            .unwrap_or(&[])
            .iter()
            .collect();
        let value = self.value_of(&name);
        let modifier: String = match self.peek() {
            Some(':') => {
                self.pos += 1;
                let mut m = String::from(":");
                if let Some(c) = self.peek() {
                    self.pos += 1;
                    m.push(c);
                }
                m
            }
            Some(c @ ('-' | '+' | '?')) => {
                self.pos += 1;
                c.to_string()
            }
            _ => String::new(),
        };
        let word = if modifier.is_empty() || self.depth >= MAX_DEPTH {
            String::new()
        } else {
            self.depth += 1;
            let w = self.word(Some('}'));
            self.depth -= 1;
            w
        };
        // Skip to the closing brace (tolerating garbage like `${a b}`).
        while let Some(c) = self.peek() {
            self.pos += 1;
            if c == '}' {
                break;
            }
        }
        let result = match modifier.as_str() {
            ":-" => value.filter(|v| !v.is_empty()).unwrap_or(word),
            "-" => value.unwrap_or(word),
            ":+" => {
                if value.is_some_and(|v| !v.is_empty()) {
                    word
                } else {
                    String::new()
                }
            }
            "+" => {
                if value.is_some() {
                    word
                } else {
                    String::new()
                }
            }
            _ => value.unwrap_or_default(),
        };
        out.push_str(&result);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn check(word: &str, expected: &str) {
        let env = |name: &str| match name {
            "GO" => Some("1.22".to_string()),
            "EMPTY" => Some(String::new()),
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
        check("${MISSING:+set}", "");
        check("${MISSING+set}", "");
        check("${EMPTY+set}", "set");
        check("'$GO'", "$GO");
        check("\"$GO\"", "1.22");
        check("\\$GO", "$GO");
        check("$MISSING/x", "/x");
        check("a$", "a$");
        check("${GO:-${MISSING:-x}}", "1.22");
        check("${MISSING:-${GO}}", "1.22");
    }

    #[test]
    fn undefined_names_are_reported() {
        let e = expand("$A ${B:-x} $GO", '\\', &|n| {
            (n == "GO").then(|| "1".to_string())
        });
        assert_eq!(e.undefined, vec!["A", "B"]);
        assert_eq!(e.used, vec!["A", "B", "GO"]);
    }
}
