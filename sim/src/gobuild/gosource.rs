//! Reads just enough of a Go source file (the learner's `main.go`) to know what `-X` can set:
//! the package name, the imports, and every package-level `var` and `const` with its type and
//! initial value.
//!
//! This is a tokenizer plus a shallow declaration reader, not a Go parser: function bodies are
//! skipped by brace depth. Time and memory are linear in the input; malformed code yields
//! whatever declarations could be read.

use serde::Serialize;
use std::collections::HashMap;

/// A package-level declaration that `-X` might target.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GoDecl {
    pub name: String,
    pub line: usize,
    pub is_const: bool,
    /// The type as written, or inferred from a literal initializer (`string`, `int`, `float64`,
    /// `bool`, `int32` for runes); `None` when it cannot be told from this file.
    pub type_name: Option<String>,
    /// The value of a constant string initializer (a literal or a `+` of literals).
    pub string_value: Option<String>,
    /// There is an initializer that is not a constant expression (a call, another variable):
    /// it runs at start-up and overwrites whatever `-X` set.
    pub computed_initializer: bool,
}

/// What the scanner found in one file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct GoSource {
    pub package: Option<String>,
    pub imports: Vec<String>,
    pub decls: Vec<GoDecl>,
}

impl GoSource {
    pub fn find(&self, name: &str) -> Option<&GoDecl> {
        self.decls.iter().find(|d| d.name == name)
    }

    /// Whether the program links the `net` or `os/user` packages, the ones that use cgo on Unix
    /// when it is enabled (and so make the binary dynamically linked).
    pub fn uses_cgo_packages(&self) -> bool {
        self.imports
            .iter()
            .any(|i| i == "net" || i.starts_with("net/") || i == "os/user" || i == "C")
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Ident(String),
    Str(String),
    Int,
    Float,
    Rune,
    Punct(char),
    /// A newline where Go would insert a semicolon.
    Semi,
}

/// Tokenizes Go source, dropping comments, inserting `Semi` like the Go spec's rule.
fn tokenize(src: &str) -> Vec<(Tok, usize)> {
    let mut toks: Vec<(Tok, usize)> = Vec::new();
    let chars: Vec<char> = src.chars().collect();
    let mut i = 0;
    let mut line = 1;
    let needs_semi = |toks: &Vec<(Tok, usize)>| {
        matches!(
            toks.last(),
            Some((
                Tok::Ident(_) | Tok::Str(_) | Tok::Int | Tok::Float | Tok::Rune,
                _
            )) | Some((Tok::Punct(')' | ']' | '}'), _))
        )
    };
    while let Some(&c) = chars.get(i) {
        match c {
            '\n' => {
                if needs_semi(&toks) {
                    toks.push((Tok::Semi, line));
                }
                line += 1;
                i += 1;
            }
            c if c.is_whitespace() => i += 1,
            '/' if chars.get(i + 1) == Some(&'/') => {
                while chars.get(i).is_some_and(|&c| c != '\n') {
                    i += 1;
                }
            }
            '/' if chars.get(i + 1) == Some(&'*') => {
                i += 2;
                let mut had_newline = false;
                while let Some(&c) = chars.get(i) {
                    if c == '*' && chars.get(i + 1) == Some(&'/') {
                        i += 2;
                        break;
                    }
                    if c == '\n' {
                        had_newline = true;
                        line += 1;
                    }
                    i += 1;
                }
                if had_newline && needs_semi(&toks) {
                    toks.push((Tok::Semi, line));
                }
            }
            '"' => {
                let start_line = line;
                let mut value = String::new();
                i += 1;
                while let Some(&c) = chars.get(i) {
                    i += 1;
                    match c {
                        '"' => break,
                        '\n' => {
                            // Unterminated: Go rejects it; we stop the literal at the line end.
                            line += 1;
                            break;
                        }
                        '\\' => {
                            let escaped = chars.get(i).copied().unwrap_or('\\');
                            i += 1;
                            value.push(match escaped {
                                'n' => '\n',
                                't' => '\t',
                                'r' => '\r',
                                other => other,
                            });
                        }
                        other => value.push(other),
                    }
                }
                toks.push((Tok::Str(value), start_line));
            }
            '`' => {
                let start_line = line;
                let mut value = String::new();
                i += 1;
                while let Some(&c) = chars.get(i) {
                    i += 1;
                    if c == '`' {
                        break;
                    }
                    if c == '\n' {
                        line += 1;
                    }
                    if c != '\r' {
                        value.push(c);
                    }
                }
                toks.push((Tok::Str(value), start_line));
            }
            '\'' => {
                i += 1;
                while let Some(&c) = chars.get(i) {
                    i += 1;
                    if c == '\\' {
                        i += 1;
                    } else if c == '\'' || c == '\n' {
                        break;
                    }
                }
                toks.push((Tok::Rune, line));
            }
            c if c.is_ascii_digit()
                || (c == '.' && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit())) =>
            {
                let mut float = false;
                while let Some(&c) = chars.get(i) {
                    if c == '.' || ((c == 'e' || c == 'E') && !is_hex_prefix(&chars, i)) {
                        float = true;
                    }
                    if c.is_ascii_alphanumeric() || c == '.' || c == '_' {
                        i += 1;
                    } else {
                        break;
                    }
                }
                toks.push((if float { Tok::Float } else { Tok::Int }, line));
            }
            c if c.is_alphabetic() || c == '_' => {
                let start = i;
                while chars
                    .get(i)
                    .is_some_and(|c| c.is_alphanumeric() || *c == '_')
                {
                    i += 1;
                }
                let word: String = chars.get(start..i).unwrap_or(&[]).iter().collect();
                toks.push((Tok::Ident(word), line));
            }
            other => {
                toks.push((Tok::Punct(other), line));
                i += 1;
            }
        }
    }
    toks
}

/// Within a number starting before `i`, whether it is a hex literal (where `e` is a digit).
fn is_hex_prefix(chars: &[char], i: usize) -> bool {
    let mut j = i;
    while j > 0
        && chars
            .get(j - 1)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == '_')
    {
        j -= 1;
    }
    chars.get(j) == Some(&'0') && matches!(chars.get(j + 1), Some('x' | 'X'))
}

/// Scans `src`. Never fails.
pub fn scan(src: &str) -> GoSource {
    let toks = tokenize(src);
    let mut out = GoSource::default();
    let mut i = 0;
    let mut depth = 0usize;
    // String constants seen so far, so `"v" + base` initializers can be evaluated in O(1).
    let mut consts: HashMap<String, String> = HashMap::new();
    while let Some((tok, _)) = toks.get(i) {
        match tok {
            Tok::Punct('{' | '(' | '[') => depth += 1,
            Tok::Punct('}' | ')' | ']') => depth = depth.saturating_sub(1),
            Tok::Ident(word) if depth == 0 => match word.as_str() {
                "package" => {
                    if let Some((Tok::Ident(name), _)) = toks.get(i + 1) {
                        out.package.get_or_insert_with(|| name.clone());
                    }
                }
                "import" => {
                    i = read_imports(&toks, i + 1, &mut out.imports);
                    continue;
                }
                "var" | "const" => {
                    i = read_decl_group(&toks, i + 1, word == "const", &mut out.decls, &mut consts);
                    continue;
                }
                _ => {}
            },
            _ => {}
        }
        i += 1;
    }
    out
}

fn read_imports(toks: &[(Tok, usize)], mut i: usize, imports: &mut Vec<String>) -> usize {
    let grouped = matches!(toks.get(i), Some((Tok::Punct('('), _)));
    if grouped {
        i += 1;
    }
    while let Some((tok, _)) = toks.get(i) {
        i += 1;
        match tok {
            Tok::Str(path) => {
                imports.push(path.clone());
                if !grouped {
                    break;
                }
            }
            Tok::Punct(')') if grouped => break,
            Tok::Semi if !grouped => break,
            _ => {}
        }
    }
    i
}

/// Reads `var x = ...` or `var ( ... )` starting after the keyword; returns the next index.
fn read_decl_group(
    toks: &[(Tok, usize)],
    mut i: usize,
    is_const: bool,
    decls: &mut Vec<GoDecl>,
    consts: &mut HashMap<String, String>,
) -> usize {
    if matches!(toks.get(i), Some((Tok::Punct('('), _))) {
        i += 1;
        loop {
            match toks.get(i) {
                None => return i,
                Some((Tok::Punct(')'), _)) => return i + 1,
                Some((Tok::Semi | Tok::Punct(';'), _)) => i += 1,
                Some(_) => i = read_spec(toks, i, is_const, decls, consts),
            }
        }
    }
    read_spec(toks, i, is_const, decls, consts)
}

/// Reads one `a, b T = x, y` spec up to its terminating semicolon (at bracket depth 0).
fn read_spec(
    toks: &[(Tok, usize)],
    mut i: usize,
    is_const: bool,
    decls: &mut Vec<GoDecl>,
    consts: &mut HashMap<String, String>,
) -> usize {
    let mut names: Vec<(String, usize)> = Vec::new();
    while let Some((Tok::Ident(name), line)) = toks.get(i) {
        names.push((name.clone(), *line));
        i += 1;
        if matches!(toks.get(i), Some((Tok::Punct(','), _))) {
            i += 1;
        } else {
            break;
        }
    }
    // Type: everything up to `=` or the end of the spec.
    let mut type_text = String::new();
    let mut depth = 0usize;
    while let Some((tok, _)) = toks.get(i) {
        match tok {
            Tok::Punct('=') if depth == 0 => break,
            Tok::Semi | Tok::Punct(';') if depth == 0 => break,
            Tok::Punct(')') if depth == 0 => break,
            Tok::Punct('(' | '[' | '{') => depth += 1,
            Tok::Punct(')' | ']' | '}') => depth = depth.saturating_sub(1),
            _ => {}
        }
        type_text.push_str(&token_text(tok));
        i += 1;
    }
    // Initializers: comma-separated expressions at depth 0.
    let mut values: Vec<Vec<&Tok>> = Vec::new();
    if matches!(toks.get(i), Some((Tok::Punct('='), _))) {
        i += 1;
        let mut current: Vec<&Tok> = Vec::new();
        let mut depth = 0usize;
        while let Some((tok, _)) = toks.get(i) {
            match tok {
                Tok::Semi | Tok::Punct(';') if depth == 0 => break,
                Tok::Punct(')') if depth == 0 => break,
                Tok::Punct(',') if depth == 0 => {
                    values.push(std::mem::take(&mut current));
                    i += 1;
                    continue;
                }
                Tok::Punct('(' | '[' | '{') => depth += 1,
                Tok::Punct(')' | ']' | '}') => depth = depth.saturating_sub(1),
                _ => {}
            }
            current.push(tok);
            i += 1;
        }
        values.push(current);
    }
    let declared = (!type_text.is_empty()).then_some(type_text);
    for (index, (name, line)) in names.into_iter().enumerate() {
        let value = values.get(index).map(|v| classify(v, consts));
        let (inferred, string_value, computed) = match value {
            Some(Init::Str(s)) => (Some("string".to_string()), Some(s), false),
            Some(Init::Other(t)) => (Some(t.to_string()), None, false),
            Some(Init::Computed) => (None, None, true),
            None => (None, None, false),
        };
        if is_const {
            if let Some(s) = &string_value {
                consts.insert(name.clone(), s.clone());
            }
        }
        decls.push(GoDecl {
            name,
            line,
            is_const,
            type_name: declared.clone().or(inferred),
            string_value,
            computed_initializer: computed,
        });
    }
    i
}

enum Init {
    Str(String),
    Other(&'static str),
    Computed,
}

/// Classifies an initializer: a constant string expression, another literal, or computed.
fn classify(expr: &[&Tok], consts: &HashMap<String, String>) -> Init {
    match expr {
        [Tok::Int] => return Init::Other("int"),
        [Tok::Float] => return Init::Other("float64"),
        [Tok::Rune] => return Init::Other("int32"),
        [Tok::Ident(b)] if b == "true" || b == "false" => return Init::Other("bool"),
        _ => {}
    }
    // "a" + "b" + someConst: operands alternate with `+`.
    let mut value = String::new();
    for (index, tok) in expr.iter().enumerate() {
        match (index % 2, tok) {
            (0, Tok::Str(s)) => value.push_str(s),
            (0, Tok::Ident(name)) => match consts.get(name) {
                Some(s) => value.push_str(s),
                None => return Init::Computed,
            },
            (1, Tok::Punct('+')) => {}
            _ => return Init::Computed,
        }
    }
    if expr.is_empty() {
        Init::Computed
    } else {
        Init::Str(value)
    }
}

fn token_text(tok: &Tok) -> String {
    match tok {
        Tok::Ident(s) => s.clone(),
        Tok::Str(s) => format!("{s:?}"),
        Tok::Int | Tok::Float | Tok::Rune => "0".to_string(),
        Tok::Punct(c) => c.to_string(),
        Tok::Semi => String::new(),
    }
}
