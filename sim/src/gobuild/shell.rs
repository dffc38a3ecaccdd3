//! Splits a shell command line into words the way `sh` does for the cases learners write: single
//! and double quotes, backslash escapes, backslash-newline continuations, and the operators that
//! end a simple command (`&&`, `||`, `;`, `|`). Parameter expansion is not performed: `$VAR` stays
//! in the word and the word is flagged so callers can say so.

/// One word after quote removal, with where it started in the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub text: String,
    /// 1-based line and column (in characters) of the word's first character.
    pub line: usize,
    pub column: usize,
    /// An unquoted or double-quoted `$` or backquote: the real shell would expand it.
    pub has_expansion: bool,
    /// The word is an operator (`&&`, `||`, `;`, `|`, `&`) rather than text.
    pub is_operator: bool,
}

/// The result of splitting: words, plus an unterminated quote if the input ended inside one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Split {
    pub words: Vec<Word>,
    /// Line and column of the opening quote left open at the end of the input.
    pub unterminated_quote: Option<(usize, usize, char)>,
}

/// Splits `input` into words. Linear in the input; never fails.
pub fn split_words(input: &str) -> Split {
    let mut words = Vec::new();
    let mut current: Option<Word> = None;
    let mut quote: Option<(char, usize, usize)> = None;
    let (mut line, mut column) = (1usize, 0usize);
    let mut chars = input.chars().peekable();

    // Starts a word at the current position if none is open.
    fn open(current: &mut Option<Word>, line: usize, column: usize) -> &mut Word {
        current.get_or_insert_with(|| Word {
            text: String::new(),
            line,
            column,
            has_expansion: false,
            is_operator: false,
        })
    }

    while let Some(c) = chars.next() {
        column += 1;
        if c == '\n' {
            line += 1;
            column = 0;
        }
        match quote {
            Some(('\'', _, _)) => {
                if c == '\'' {
                    quote = None;
                } else {
                    open(&mut current, line, column).text.push(c);
                }
            }
            Some(('"', _, _)) => match c {
                '"' => quote = None,
                '\\' => match chars.peek().copied() {
                    // Inside double quotes a backslash only escapes these characters.
                    Some(next @ ('"' | '\\' | '$' | '`')) => {
                        chars.next();
                        column += 1;
                        open(&mut current, line, column).text.push(next);
                    }
                    Some('\n') => {
                        chars.next();
                        line += 1;
                        column = 0;
                    }
                    _ => open(&mut current, line, column).text.push('\\'),
                },
                '$' | '`' => {
                    let word = open(&mut current, line, column);
                    word.has_expansion = true;
                    word.text.push(c);
                }
                _ => open(&mut current, line, column).text.push(c),
            },
            _ => match c {
                '\'' | '"' => {
                    open(&mut current, line, column);
                    quote = Some((c, line, column));
                }
                '\\' => match chars.next() {
                    Some('\n') => {
                        // A continuation joins the lines without inserting anything.
                        line += 1;
                        column = 0;
                    }
                    Some(next) => {
                        column += 1;
                        open(&mut current, line, column).text.push(next);
                    }
                    None => {}
                },
                ' ' | '\t' | '\r' | '\n' => {
                    if let Some(word) = current.take() {
                        words.push(word);
                    }
                    if c == '\n' {
                        // An unescaped newline ends the simple command like `;` does.
                        words.push(operator(";", line, 1));
                    }
                }
                ';' | '&' | '|' => {
                    if let Some(word) = current.take() {
                        words.push(word);
                    }
                    let start = column;
                    let mut op = c.to_string();
                    if c != ';' && chars.peek() == Some(&c) {
                        chars.next();
                        column += 1;
                        op.push(c);
                    }
                    words.push(operator(&op, line, start));
                }
                '$' | '`' => {
                    let word = open(&mut current, line, column);
                    word.has_expansion = true;
                    word.text.push(c);
                }
                _ => open(&mut current, line, column).text.push(c),
            },
        }
    }
    if let Some(word) = current.take() {
        words.push(word);
    }
    Split {
        words,
        unterminated_quote: quote.map(|(q, l, c)| (l, c, q)),
    }
}

fn operator(op: &str, line: usize, column: usize) -> Word {
    Word {
        text: op.to_string(),
        line,
        column,
        has_expansion: false,
        is_operator: true,
    }
}

/// Splits a list the way Go's `cmd/internal/quoted.Split` does for `-ldflags` and `GOFLAGS`:
/// fields separated by spaces, each optionally wrapped in single or double quotes, no escapes.
/// `Err` carries the go command's message for an unterminated quote.
pub fn split_go_quoted(s: &str) -> Result<Vec<String>, String> {
    let mut fields = Vec::new();
    let mut rest = s;
    loop {
        rest = rest.trim_start_matches([' ', '\t', '\n', '\r']);
        let Some(first) = rest.chars().next() else {
            return Ok(fields);
        };
        if first == '"' || first == '\'' {
            let body = &rest[1..];
            match body.find(first) {
                Some(end) => {
                    fields.push(body[..end].to_string());
                    rest = &body[end + 1..];
                }
                None => return Err(format!("unterminated {first} string")),
            }
        } else {
            let end = rest.find([' ', '\t', '\n', '\r']).unwrap_or(rest.len());
            fields.push(rest[..end].to_string());
            rest = &rest[end..];
        }
    }
}
