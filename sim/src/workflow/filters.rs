//! GitHub Actions filter patterns (`on.push.branches`, `tags`, `paths` and their `-ignore`
//! variants): compiling a pattern, matching a ref name or a file path, and evaluating an ordered
//! list with `!` negations.
//!
//! Semantics follow GitHub's "Filter pattern cheat sheet" (workflow-syntax docs): `*` matches
//! anything but `/`, `**` anything, `?` zero or one of the *preceding character*, `+` one or more
//! of the preceding character, `[...]` one character of a set or `a-z`/`A-Z`/`0-9` range, `!` at
//! the start negates, `\` escapes a special character. Syntax errors mirror actionlint's
//! `glob.go` validator (a `?`/`+` without a plain preceding character, a missing `]`, an empty
//! `[]`, an empty pattern).
//!
//! Matching is a Thompson-style simulation over the compiled pieces, so it costs
//! O(text length × pattern length) whatever the input: no backtracking blow-up.

use crate::Text;

/// What one piece of a pattern matches, before its quantifier.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Atom {
    Char(char),
    /// `[...]`: inclusive ranges (a single character is a range of one).
    Class(Vec<(char, char)>),
    /// `*`: any run of characters except `/`.
    Star,
    /// `**`: any run of characters, `/` included.
    GlobStar,
    /// Consumes nothing; may jump over the next `n` pieces. `**/` compiles to
    /// `[Skip(2), GlobStar, '/']` so that `docs/**/*.md` also matches `docs/README.md`, as the
    /// cheat sheet's example says.
    Skip(usize),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Quantifier {
    One,
    /// `x?`
    Optional,
    /// The tail of `x+`, which compiles to `x` followed by `x*`.
    Repeat,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Piece {
    atom: Atom,
    quantifier: Quantifier,
}

/// A compiled filter pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    /// The pattern as written, `!` included.
    pub source: String,
    /// Starts with `!`: a match excludes instead of including.
    pub negated: bool,
    pieces: Vec<Piece>,
}

/// A syntax error in a pattern; `column` is 1-based within the pattern text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternError {
    pub column: usize,
    pub message: Text,
}

impl Pattern {
    /// Compiles `source`. Never fails: a broken part is reported and matched literally, which is
    /// the most useful guess for a learner who is still typing.
    pub fn compile(source: &str) -> (Pattern, Vec<PatternError>) {
        let mut errors = Vec::new();
        let chars: Vec<char> = source.chars().collect();
        let mut pieces: Vec<Piece> = Vec::new();
        let mut index = 0;
        let negated = chars.first() == Some(&'!');
        if negated {
            index = 1;
        }
        if chars.len() <= index {
            let message = if negated {
                Text::new(
                    "At least one character must follow `!`.",
                    "`!` の後には少なくとも 1 文字が必要です。",
                )
            } else {
                Text::new(
                    "A filter pattern cannot be empty.",
                    "フィルターパターンを空にすることはできません。",
                )
            };
            errors.push(PatternError { column: 1, message });
        }
        // Whether the last piece can take a `?` or `+`: true after a literal or a class.
        let mut quantifiable = false;
        while let Some(&c) = chars.get(index) {
            let column = index + 1;
            index += 1;
            match c {
                '\\' => {
                    let escaped = chars
                        .get(index)
                        .copied()
                        .filter(|n| matches!(n, '[' | ']' | '?' | '*' | '+' | '\\' | '!'));
                    let literal = match escaped {
                        Some(n) => {
                            index += 1;
                            n
                        }
                        None => '\\',
                    };
                    pieces.push(one(Atom::Char(literal)));
                    quantifiable = true;
                }
                '?' | '+' => {
                    if !quantifiable {
                        errors.push(PatternError {
                            column,
                            message: Text::new(
                                format!(
                                    "`{c}` needs a plain preceding character (it means \"{}\" of the character before it); escape it as `\\{c}` to match it literally.",
                                    if c == '?' { "zero or one" } else { "one or more" }
                                ),
                                format!(
                                    "`{c}` は直前の文字に対する{}の指定なので、直前に普通の文字が必要です。文字そのものに一致させるには `\\{c}` と書きます。",
                                    if c == '?' { "「0 回か 1 回」" } else { "「1 回以上」" }
                                ),
                            ),
                        });
                        pieces.push(one(Atom::Char(c)));
                        quantifiable = true;
                        continue;
                    }
                    if c == '?' {
                        if let Some(last) = pieces.last_mut() {
                            last.quantifier = Quantifier::Optional;
                        }
                    } else if let Some(last) = pieces.last().cloned() {
                        pieces.push(Piece {
                            atom: last.atom,
                            quantifier: Quantifier::Repeat,
                        });
                    }
                    quantifiable = false;
                }
                '*' => {
                    if chars.get(index) == Some(&'*') {
                        index += 1;
                        if chars.get(index) == Some(&'/') {
                            index += 1;
                            pieces.push(one(Atom::Skip(2)));
                            pieces.push(one(Atom::GlobStar));
                            pieces.push(one(Atom::Char('/')));
                        } else {
                            pieces.push(one(Atom::GlobStar));
                        }
                    } else {
                        pieces.push(one(Atom::Star));
                    }
                    quantifiable = false;
                }
                '[' => match parse_class(&chars, index) {
                    Ok((ranges, next)) => {
                        index = next;
                        pieces.push(one(Atom::Class(ranges)));
                        quantifiable = true;
                    }
                    Err(error) => {
                        errors.push(error);
                        pieces.push(one(Atom::Char('[')));
                        quantifiable = true;
                    }
                },
                '\n' | '\r' => {
                    errors.push(PatternError {
                        column,
                        message: Text::new(
                            "A filter pattern cannot contain a line break.",
                            "フィルターパターンに改行を含めることはできません。",
                        ),
                    });
                    pieces.push(one(Atom::Char(c)));
                    quantifiable = true;
                }
                _ => {
                    pieces.push(one(Atom::Char(c)));
                    quantifiable = true;
                }
            }
        }
        (
            Pattern {
                source: source.to_string(),
                negated,
                pieces,
            },
            errors,
        )
    }

    /// Whether the whole of `text` matches (the `!` is ignored here; lists handle it).
    pub fn matches(&self, text: &str) -> bool {
        let count = self.pieces.len();
        let mut current = vec![false; count + 1];
        let mut next = vec![false; count + 1];
        current[0] = true;
        self.close(&mut current);
        for c in text.chars() {
            next.iter_mut().for_each(|s| *s = false);
            let mut any = false;
            for (i, piece) in self.pieces.iter().enumerate() {
                if !current[i] {
                    continue;
                }
                let matched = match &piece.atom {
                    Atom::Char(expected) => *expected == c,
                    Atom::Class(ranges) => ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi),
                    Atom::Star => c != '/',
                    Atom::GlobStar => true,
                    Atom::Skip(_) => false,
                };
                if !matched {
                    continue;
                }
                any = true;
                let stays = matches!(piece.atom, Atom::Star | Atom::GlobStar)
                    || piece.quantifier == Quantifier::Repeat;
                if stays {
                    next[i] = true;
                } else {
                    next[i + 1] = true;
                }
            }
            if !any {
                return false;
            }
            self.close(&mut next);
            std::mem::swap(&mut current, &mut next);
        }
        current[count]
    }

    /// Adds every state reachable without consuming a character (forward edges only, so one
    /// pass in index order is enough).
    fn close(&self, states: &mut [bool]) {
        for (i, piece) in self.pieces.iter().enumerate() {
            if !states[i] {
                continue;
            }
            let skippable = matches!(piece.atom, Atom::Star | Atom::GlobStar | Atom::Skip(_))
                || matches!(piece.quantifier, Quantifier::Optional | Quantifier::Repeat);
            if skippable {
                states[i + 1] = true;
            }
            if let Atom::Skip(n) = piece.atom {
                if let Some(target) = states.get_mut(i + 1 + n) {
                    *target = true;
                }
            }
        }
    }
}

fn one(atom: Atom) -> Piece {
    Piece {
        atom,
        quantifier: Quantifier::One,
    }
}

/// Parses a `[...]` class starting just after the `[`; returns the ranges and the index after `]`,
/// or the error with its 1-based column (placed where actionlint's `glob.go` places it: at the
/// offending `]` or range end, or at the last character when `]` is missing).
fn parse_class(chars: &[char], start: usize) -> Result<(Vec<(char, char)>, usize), PatternError> {
    let missing_bracket = || PatternError {
        message: Text::new(
            "Missing `]` at the end of a character set `[...]`.",
            "文字集合 `[...]` の終わりの `]` がありません。",
        ),
        column: chars.len(),
    };
    let mut ranges = Vec::new();
    let mut index = start;
    loop {
        let Some(&c) = chars.get(index) else {
            return Err(missing_bracket());
        };
        index += 1;
        if c == ']' {
            if ranges.is_empty() {
                return Err(PatternError {
                    message: Text::new(
                        "A character set `[]` must not be empty.",
                        "文字集合 `[]` を空にすることはできません。",
                    ),
                    column: index,
                });
            }
            return Ok((ranges, index));
        }
        if chars.get(index) == Some(&'-') {
            match chars.get(index + 1) {
                None => return Err(missing_bracket()),
                Some(&']') => {
                    return Err(PatternError {
                        message: Text::new(
                            format!("The range `{c}-` in `[...]` has no end."),
                            format!("`[...]` の範囲 `{c}-` に終わりの文字がありません。"),
                        ),
                        column: index + 2,
                    })
                }
                Some(&end) => {
                    if end < c {
                        return Err(PatternError {
                            message: Text::new(
                                format!("The range `{c}-{end}` runs backwards."),
                                format!(
                                    "範囲 `{c}-{end}` の始まりが終わりより大きくなっています。"
                                ),
                            ),
                            column: index + 2,
                        });
                    }
                    ranges.push((c, end));
                    index += 2;
                }
            }
        } else {
            ranges.push((c, c));
        }
    }
}

/// Problems that make a branch or tag pattern unable to match any git ref name
/// (`git check-ref-format`, as actionlint's `glob.go` checks them): a leading `/`, a trailing `/`
/// or `.`, and spaces, `~`, `^`, `:`. Columns are 1-based.
pub fn ref_name_problems(source: &str) -> Vec<PatternError> {
    let mut problems = Vec::new();
    let chars: Vec<char> = source.chars().collect();
    let body_start = usize::from(chars.first() == Some(&'!'));
    let mut add = |column: usize, c: char, why_en: &str, why_ja: &str| {
        problems.push(PatternError {
            column,
            message: Text::new(
                format!("`{c}` here means no git branch or tag can ever match: {why_en}."),
                format!("ここに `{c}` があるため、どの git のブランチやタグにも一致しません：{why_ja}。"),
            ),
        })
    };
    if chars.get(body_start) == Some(&'/') {
        add(
            body_start + 1,
            '/',
            "a ref name cannot start with `/`",
            "ref 名は `/` で始まれません",
        );
    }
    for (i, &c) in chars.iter().enumerate().skip(body_start) {
        if matches!(c, ' ' | '\t' | '~' | '^' | ':') {
            add(
                i + 1,
                c,
                "a ref name cannot contain spaces, `~`, `^` or `:`",
                "ref 名には空白、`~`、`^`、`:` を含められません",
            );
        }
    }
    if let Some(&last) = chars.last() {
        if chars.len() > body_start + 1 && matches!(last, '/' | '.') {
            add(
                chars.len(),
                last,
                "a ref name cannot end with `/` or `.`",
                "ref 名は `/` や `.` で終われません",
            );
        }
    }
    problems
}

/// An ordered list of patterns, as under `branches:`, `tags:` or `paths:`.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct PatternList {
    pub patterns: Vec<Pattern>,
    /// 1-based line of each pattern in the workflow (0 when unknown).
    pub lines: Vec<usize>,
}

/// The outcome of evaluating a list against one name: whether it is included and which pattern
/// (index into the list) decided it, `None` when no pattern matched at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verdict {
    pub included: bool,
    pub decided_by: Option<usize>,
}

impl PatternList {
    pub fn from_patterns(sources: &[&str]) -> PatternList {
        PatternList {
            patterns: sources.iter().map(|s| Pattern::compile(s).0).collect(),
            lines: vec![0; sources.len()],
        }
    }

    /// Patterns are evaluated in order and the last matching one decides: a `!pattern` after a
    /// positive match excludes again, a positive after a negative re-includes.
    pub fn evaluate(&self, name: &str) -> Verdict {
        let mut verdict = Verdict {
            included: false,
            decided_by: None,
        };
        for (i, pattern) in self.patterns.iter().enumerate() {
            if pattern.matches(name) {
                verdict = Verdict {
                    included: !pattern.negated,
                    decided_by: Some(i),
                };
            }
        }
        verdict
    }

    pub fn line_of(&self, index: usize) -> usize {
        self.lines.get(index).copied().unwrap_or(0)
    }

    pub fn source_of(&self, index: usize) -> &str {
        self.patterns
            .get(index)
            .map(|p| p.source.as_str())
            .unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plus_repeats_the_preceding_class() {
        let (p, errors) = Pattern::compile("v[12].[0-9]+.[0-9]+");
        assert!(errors.is_empty());
        assert!(p.matches("v1.10.1"));
        assert!(!p.matches("v1..1"));
    }

    #[test]
    fn leading_quantifier_is_an_error_and_matches_literally() {
        let (p, errors) = Pattern::compile("+x");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].column, 1);
        assert!(p.matches("+x"));
    }
}
