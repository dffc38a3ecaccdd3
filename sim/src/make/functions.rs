//! make's built-in functions (`$(patsubst …)`, `$(foreach …)`, `$(shell …)`, …) with the
//! argument rules of GNU make 4.3's `function_table`: a minimum count, a maximum after which
//! commas belong to the last argument, and whether arguments are expanded before the call
//! (`if`, `or`, `and`, `foreach` expand them lazily).

use super::eval::{
    find_close, is_space, patsubst_word, pattern_stem, words, Fatal, Flavor, Interp, Var,
};
use super::Origin;
use crate::{Diagnostic, Text};

/// One built-in function's calling convention.
#[derive(Clone, Copy, Debug)]
pub(crate) struct FunctionSpec {
    pub name: &'static str,
    pub min_args: usize,
    /// 0: no maximum.
    pub max_args: usize,
    pub expand_args: bool,
}

const fn spec(
    name: &'static str,
    min_args: usize,
    max_args: usize,
    expand_args: bool,
) -> FunctionSpec {
    FunctionSpec {
        name,
        min_args,
        max_args,
        expand_args,
    }
}

/// Source: GNU make 4.3 `src/function.c`, `function_table_init`.
const FUNCTIONS: &[FunctionSpec] = &[
    spec("abspath", 0, 1, true),
    spec("addprefix", 2, 2, true),
    spec("addsuffix", 2, 2, true),
    spec("basename", 0, 1, true),
    spec("dir", 0, 1, true),
    spec("notdir", 0, 1, true),
    spec("subst", 3, 3, true),
    spec("suffix", 0, 1, true),
    spec("filter", 2, 2, true),
    spec("filter-out", 2, 2, true),
    spec("findstring", 2, 2, true),
    spec("firstword", 0, 1, true),
    spec("flavor", 0, 1, true),
    spec("join", 2, 2, true),
    spec("lastword", 0, 1, true),
    spec("patsubst", 3, 3, true),
    spec("realpath", 0, 1, true),
    spec("shell", 0, 1, true),
    spec("sort", 0, 1, true),
    spec("strip", 0, 1, true),
    spec("wildcard", 0, 1, true),
    spec("word", 2, 2, true),
    spec("wordlist", 3, 3, true),
    spec("words", 0, 1, true),
    spec("origin", 0, 1, true),
    spec("foreach", 3, 3, false),
    spec("file", 1, 2, true),
    spec("call", 1, 0, true),
    spec("info", 0, 1, true),
    spec("error", 0, 1, true),
    spec("warning", 0, 1, true),
    spec("if", 2, 3, false),
    spec("or", 1, 0, false),
    spec("and", 1, 0, false),
    spec("value", 0, 1, true),
    spec("eval", 0, 1, true),
];

pub(crate) fn lookup(name: &str) -> Option<FunctionSpec> {
    FUNCTIONS.iter().copied().find(|f| f.name == name)
}

/// Splits a function's argument text at top-level commas (only parens of the call's own kind
/// nest, as in make), merging everything past `max_args` into the last argument.
fn split_args(text: &str, open: u8, close: u8, max_args: usize) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut args = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes.get(i).copied().unwrap_or(0);
        if b == open {
            i = find_close(bytes, i + 1, open, close).map_or(bytes.len(), |end| end + 1);
            continue;
        }
        if b == b',' && (max_args == 0 || args.len() + 1 < max_args) {
            args.push(text.get(start..i).unwrap_or(""));
            start = i + 1;
        }
        i += 1;
    }
    args.push(text.get(start..).unwrap_or(""));
    args
}

fn glob_match(pattern: &[u8], path: &[u8]) -> bool {
    // Iterative matcher with single-star backtracking: linear enough for file lists.
    let (mut p, mut s) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while s < path.len() {
        let pc = pattern.get(p).copied();
        let sc = path.get(s).copied().unwrap_or(0);
        match pc {
            Some(b'*') => {
                star = Some((p, s));
                p += 1;
                continue;
            }
            Some(b'?') if sc != b'/' => {
                p += 1;
                s += 1;
                continue;
            }
            Some(b'[') => {
                if let Some(end) = pattern
                    .iter()
                    .skip(p + 1)
                    .position(|&c| c == b']')
                    .map(|e| e + p + 1)
                {
                    let class = pattern.get(p + 1..end).unwrap_or(&[]);
                    let (negate, class) = match class.first() {
                        Some(b'!' | b'^') => (true, class.get(1..).unwrap_or(&[])),
                        _ => (false, class),
                    };
                    let mut hit = false;
                    let mut k = 0;
                    while k < class.len() {
                        let lo = class.get(k).copied().unwrap_or(0);
                        if class.get(k + 1) == Some(&b'-') && k + 2 < class.len() {
                            let hi = class.get(k + 2).copied().unwrap_or(0);
                            hit |= lo <= sc && sc <= hi;
                            k += 3;
                        } else {
                            hit |= lo == sc;
                            k += 1;
                        }
                    }
                    if hit != negate && sc != b'/' {
                        p = end + 1;
                        s += 1;
                        continue;
                    }
                } else if sc == b'[' {
                    p += 1;
                    s += 1;
                    continue;
                }
            }
            Some(c) if c == sc => {
                p += 1;
                s += 1;
                continue;
            }
            _ => {}
        }
        match star {
            // A star never crosses a directory separator.
            Some((sp, ss)) if path.get(ss).is_some_and(|&c| c != b'/') => {
                star = Some((sp, ss + 1));
                p = sp + 1;
                s = ss + 1;
            }
            _ => return false,
        }
    }
    pattern.get(p..).unwrap_or(&[]).iter().all(|&c| c == b'*')
}

fn normalize_path(workdir: &str, path: &str) -> String {
    let joined = if path.starts_with('/') {
        path.to_string()
    } else {
        format!("{workdir}/{path}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for part in joined.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            _ => parts.push(part),
        }
    }
    format!("/{}", parts.join("/"))
}

impl Interp<'_> {
    pub(crate) fn call_function(
        &mut self,
        spec: FunctionSpec,
        text: &str,
        open: u8,
        close: u8,
        out: &mut String,
    ) -> Result<(), Fatal> {
        let raw = split_args(text, open, close, spec.max_args);
        if raw.len() < spec.min_args {
            return Err(self.fatal_at(
                self.line,
                "make/function-arguments",
                &format!(
                    "insufficient number of arguments ({}) to function '{}'",
                    raw.len(),
                    spec.name
                ),
                format!(
                    "関数 '{}' の引数が足りません({} 個)。",
                    spec.name,
                    raw.len()
                ),
            ));
        }
        if !spec.expand_args {
            return self.lazy_function(spec.name, &raw, out);
        }
        let mut args = Vec::with_capacity(raw.len());
        for arg in &raw {
            args.push(self.expand(arg)?);
        }
        let arg = |n: usize| args.get(n).map(String::as_str).unwrap_or("");
        let join_words = |items: Vec<String>| items.join(" ");
        let result = match spec.name {
            "subst" => {
                let (from, to, text) = (arg(0), arg(1), arg(2));
                if from.is_empty() {
                    format!("{text}{to}")
                } else {
                    text.replace(from, to)
                }
            }
            "patsubst" => join_words(
                words(arg(2))
                    .map(|w| patsubst_word(arg(0), arg(1), w))
                    .collect(),
            ),
            "strip" => join_words(words(arg(0)).map(str::to_string).collect()),
            "findstring" => {
                if arg(1).contains(arg(0)) {
                    arg(0).to_string()
                } else {
                    String::new()
                }
            }
            "filter" | "filter-out" => {
                let patterns: Vec<&str> = words(arg(0)).collect();
                let keep = spec.name == "filter";
                join_words(
                    words(arg(1))
                        .filter(|w| patterns.iter().any(|p| pattern_stem(p, w).is_some()) == keep)
                        .map(str::to_string)
                        .collect(),
                )
            }
            "sort" => {
                let mut list: Vec<&str> = words(arg(0)).collect();
                list.sort_unstable();
                list.dedup();
                list.join(" ")
            }
            "word" => {
                let n = self.word_index(arg(0), "word", "first")?;
                words(arg(1))
                    .nth(n.saturating_sub(1))
                    .unwrap_or("")
                    .to_string()
            }
            "wordlist" => {
                let start = self.word_index(arg(0), "wordlist", "first")?;
                let end = self.numeric(arg(1), "wordlist", "second")?;
                let count = (end + 1).saturating_sub(start);
                join_words(
                    words(arg(2))
                        .skip(start - 1)
                        .take(count)
                        .map(str::to_string)
                        .collect(),
                )
            }
            "words" => words(arg(0)).count().to_string(),
            "firstword" => words(arg(0)).next().unwrap_or("").to_string(),
            "lastword" => words(arg(0)).last().unwrap_or("").to_string(),
            "dir" => join_words(
                words(arg(0))
                    .map(|w| match w.rfind('/') {
                        Some(pos) => w.get(..=pos).unwrap_or("").to_string(),
                        None => "./".to_string(),
                    })
                    .collect(),
            ),
            "notdir" => join_words(
                words(arg(0))
                    .map(|w| w.rsplit('/').next().unwrap_or("").to_string())
                    .collect(),
            ),
            "suffix" | "basename" => {
                let want_suffix = spec.name == "suffix";
                join_words(
                    words(arg(0))
                        .filter_map(|w| {
                            let file_start = w.rfind('/').map_or(0, |p| p + 1);
                            let dot = w
                                .get(file_start..)
                                .and_then(|f| f.rfind('.'))
                                .map(|d| d + file_start);
                            match (dot, want_suffix) {
                                (Some(d), true) => w.get(d..).map(str::to_string),
                                (None, true) => None,
                                (Some(d), false) => w.get(..d).map(str::to_string),
                                (None, false) => Some(w.to_string()),
                            }
                        })
                        .collect(),
                )
            }
            "addprefix" => join_words(words(arg(1)).map(|w| format!("{}{w}", arg(0))).collect()),
            "addsuffix" => join_words(words(arg(1)).map(|w| format!("{w}{}", arg(0))).collect()),
            "join" => {
                let a: Vec<&str> = words(arg(0)).collect();
                let b: Vec<&str> = words(arg(1)).collect();
                let n = a.len().max(b.len());
                join_words(
                    (0..n)
                        .map(|i| format!("{}{}", a.get(i).unwrap_or(&""), b.get(i).unwrap_or(&"")))
                        .collect(),
                )
            }
            "wildcard" => self.wildcard(arg(0)),
            "abspath" => join_words(
                words(arg(0))
                    .map(|w| normalize_path(&self.env.workdir, w))
                    .collect(),
            ),
            "realpath" => {
                let workdir = self.env.workdir.clone();
                join_words(
                    words(arg(0))
                        .filter(|w| self.env.path_exists(w))
                        .map(|w| normalize_path(&workdir, w))
                        .collect(),
                )
            }
            "shell" => self.run_shell(arg(0)),
            "origin" => match self.lookup(arg(0)) {
                Some(var) => var.origin.as_str().to_string(),
                None => "undefined".to_string(),
            },
            "flavor" => match self.lookup(arg(0)) {
                Some(var) => var.flavor.as_str().to_string(),
                None => "undefined".to_string(),
            },
            "value" => self
                .lookup(arg(0))
                .map(|v| v.value.clone())
                .unwrap_or_default(),
            "info" => {
                if !self.quiet {
                    self.stdout.push(arg(0).to_string());
                }
                String::new()
            }
            "warning" => {
                if !self.quiet {
                    self.stderr
                        .push(format!("{}:{}: {}", self.file, self.line, arg(0)));
                    self.diagnostics.push(Diagnostic::warning(
                        self.line,
                        "make/warning",
                        Text::new(
                            format!("$(warning) prints: {}", arg(0)),
                            format!("$(warning) の出力: {}", arg(0)),
                        ),
                    ));
                }
                String::new()
            }
            "error" => {
                if self.quiet {
                    String::new()
                } else {
                    return Err(self.fatal_at(
                        self.line,
                        "make/error",
                        arg(0),
                        format!("$(error) で make が停止しました: {}", arg(0)),
                    ));
                }
            }
            "eval" => {
                if !self.quiet {
                    let line = self.line;
                    self.read_eval(arg(0), line)?;
                    self.line = line;
                }
                String::new()
            }
            "call" => return self.call_user_function(&args, out),
            "file" => {
                self.diagnose(Diagnostic::warning(
                    self.line,
                    "make/file-not-simulated",
                    Text::new(
                        "$(file …) is not simulated: the playground has no file system to read or write.",
                        "$(file …) はシミュレートされていません(プレイグラウンドには読み書きできるファイルシステムがありません)。",
                    ),
                ));
                String::new()
            }
            _ => String::new(),
        };
        out.push_str(&result);
        self.charge(result.len())
    }

    fn numeric(&self, text: &str, function: &str, which: &str) -> Result<usize, Fatal> {
        let trimmed = text.trim_matches(is_space);
        if trimmed.is_empty() || !trimmed.bytes().all(|b| b.is_ascii_digit()) {
            return Err(self.fatal_at(
                self.line,
                "make/function-arguments",
                &format!("non-numeric {which} argument to '{function}' function: '{trimmed}'"),
                format!("関数 '{function}' の引数は数値でなければなりません: '{trimmed}'"),
            ));
        }
        Ok(trimmed.parse::<usize>().unwrap_or(usize::MAX))
    }

    fn word_index(&self, text: &str, function: &str, which: &str) -> Result<usize, Fatal> {
        let n = self.numeric(text, function, which)?;
        if n == 0 {
            return Err(self.fatal_at(
                self.line,
                "make/function-arguments",
                &format!("{which} argument to '{function}' function must be greater than 0"),
                format!("関数 '{function}' の位置は 1 から数えます(0 は使えません)。"),
            ));
        }
        Ok(n)
    }

    /// `if`, `or`, `and` and `foreach`: their arguments are expanded only when needed.
    fn lazy_function(&mut self, name: &str, raw: &[&str], out: &mut String) -> Result<(), Fatal> {
        let raw_arg = |n: usize| raw.get(n).copied().unwrap_or("");
        match name {
            "if" => {
                let condition = self.expand(raw_arg(0))?;
                if !condition.trim_matches(is_space).is_empty() {
                    self.expand_into(raw_arg(1), out)
                } else if raw.len() > 2 {
                    self.expand_into(raw_arg(2), out)
                } else {
                    Ok(())
                }
            }
            "or" => {
                for arg in raw {
                    let value = self.expand(arg)?;
                    let value = value.trim_matches(is_space);
                    if !value.is_empty() {
                        out.push_str(value);
                        break;
                    }
                }
                Ok(())
            }
            "and" => {
                let mut last = String::new();
                for arg in raw {
                    let value = self.expand(arg)?;
                    last = value.trim_matches(is_space).to_string();
                    if last.is_empty() {
                        return Ok(());
                    }
                }
                out.push_str(&last);
                Ok(())
            }
            "foreach" => {
                let var = self.expand(raw_arg(0))?.trim_matches(is_space).to_string();
                let list = self.expand(raw_arg(1))?;
                let mut first = true;
                self.scopes.push(Vec::new());
                let mut result = Ok(());
                for word in words(&list) {
                    if let Err(e) = self.charge(8) {
                        result = Err(e);
                        break;
                    }
                    if let Some(scope) = self.scopes.last_mut() {
                        scope.clear();
                        scope.push((
                            var.clone(),
                            Var::new(word, Flavor::Simple, Origin::Automatic, self.line),
                        ));
                    }
                    let body = match self.expand(raw_arg(2)) {
                        Ok(body) => body,
                        Err(e) => {
                            result = Err(e);
                            break;
                        }
                    };
                    if !first {
                        out.push(' ');
                    }
                    first = false;
                    out.push_str(&body);
                }
                self.scopes.pop();
                result
            }
            _ => Ok(()),
        }
    }

    /// `$(call NAME,a,b)`: `$(0)` is the name, `$(1)`… the arguments.
    fn call_user_function(&mut self, args: &[String], out: &mut String) -> Result<(), Fatal> {
        let name = args
            .first()
            .map(|n| n.trim_matches(is_space).to_string())
            .unwrap_or_default();
        if let Some(builtin) = lookup(&name) {
            let rest = args.get(1..).unwrap_or(&[]).join(",");
            return self.call_function(builtin, &rest, b'(', b')', out);
        }
        let mut scope = vec![(
            "0".to_string(),
            Var::new(name.clone(), Flavor::Simple, Origin::Automatic, self.line),
        )];
        for (i, arg) in args.iter().enumerate().skip(1) {
            scope.push((
                i.to_string(),
                Var::new(arg.clone(), Flavor::Simple, Origin::Automatic, self.line),
            ));
        }
        // Parameters of an enclosing call that this call does not pass are hidden, as in make.
        for i in args.len()..10 {
            scope.push((
                i.to_string(),
                Var::new("", Flavor::Simple, Origin::Automatic, self.line),
            ));
        }
        self.scopes.push(scope);
        let result = self.variable_value(&name, out);
        self.scopes.pop();
        result
    }

    /// `$(wildcard …)` over the project's files; make 4.3 sorts each pattern's matches.
    fn wildcard(&self, patterns: &str) -> String {
        let mut result: Vec<String> = Vec::new();
        let dirs = self.env.directories();
        for pattern in words(patterns) {
            let (prefix, pattern_body) = match pattern.strip_prefix("./") {
                Some(rest) => ("./", rest),
                None => ("", pattern),
            };
            if !pattern_body.contains(['*', '?', '[']) {
                if self.env.path_exists(pattern) {
                    result.push(pattern.to_string());
                }
                continue;
            }
            let mut matches: Vec<String> = self
                .env
                .files
                .iter()
                .chain(dirs.iter())
                .filter(|f| glob_match(pattern_body.as_bytes(), f.as_bytes()))
                .map(|f| format!("{prefix}{f}"))
                .collect();
            matches.sort();
            matches.dedup();
            result.extend(matches);
        }
        result.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_split_at_top_level_commas_only() {
        assert_eq!(
            split_args("a,$(x,y),b", b'(', b')', 0),
            vec!["a", "$(x,y)", "b"]
        );
        assert_eq!(split_args("a,b,c,d", b'(', b')', 2), vec!["a", "b,c,d"]);
        assert_eq!(split_args("", b'(', b')', 1), vec![""]);
    }

    #[test]
    fn globs_do_not_cross_directories() {
        let cases = [
            ("*.go", "main.go", true),
            ("*.go", "cmd/main.go", false),
            ("cmd/*/main.go", "cmd/myapp/main.go", true),
            ("[a-c]*.go", "b.go", true),
            ("[!a-c]*.go", "b.go", false),
            ("?.go", "ab.go", false),
            ("*_test.go", "x_test.go", true),
        ];
        for (pattern, path, expected) in cases {
            assert_eq!(
                glob_match(pattern.as_bytes(), path.as_bytes()),
                expected,
                "{pattern} {path}"
            );
        }
    }
}
