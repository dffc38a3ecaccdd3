//! The evaluator: variables with their flavours and origins, and the expansion of `$(…)`
//! references, as GNU make 4.3 does it.
//!
//! The two flavours are the classic lesson: a recursive variable (`=`, `?=`, and `+=` on a new
//! name) stores its text and expands it at every use, so it sees later assignments and re-runs
//! `$(shell …)` each time; a simple variable (`:=`, `::=`) is expanded once, when assigned.
//!
//! Expansion is bounded: nesting deeper than [`MAX_DEPTH`] and more than [`MAX_WORK`] bytes of
//! produced text stop the simulation with a diagnostic instead of hanging or overflowing the stack
//! (a makefile like `A1 = $(A0)$(A0)`, `A2 = $(A1)$(A1)`, … doubles at every level).

use std::collections::{HashMap, HashSet};

use super::env::ProjectEnv;
use super::{Origin, ShellCall, Target};
use crate::{Diagnostic, Text};

/// How deep references, function calls and `$(eval)` may nest before the simulator gives up.
pub(crate) const MAX_DEPTH: usize = 96;
/// Total bytes of expanded text the simulator produces before it gives up.
pub(crate) const MAX_WORK: u64 = 16 * 1024 * 1024;

/// How a variable's value is expanded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flavor {
    Recursive,
    Simple,
}

impl Flavor {
    pub fn as_str(self) -> &'static str {
        match self {
            Flavor::Recursive => "recursive",
            Flavor::Simple => "simple",
        }
    }
}

/// One variable as make stores it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Var {
    /// The text as stored: unexpanded for a recursive variable, already expanded for a simple one.
    pub value: String,
    pub flavor: Flavor,
    pub origin: Origin,
    /// Line of the (last) definition; make reports recursion errors there.
    pub line: usize,
    pub export: bool,
}

impl Var {
    pub fn new(value: impl Into<String>, flavor: Flavor, origin: Origin, line: usize) -> Var {
        Var {
            value: value.into(),
            flavor,
            origin,
            line,
            export: false,
        }
    }
}

/// A fatal error: make prints `stderr` and stops. Boxed: it travels up every `?`.
pub(crate) type Fatal = Box<FatalError>;

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct FatalError {
    pub stderr: String,
    pub diagnostic: Diagnostic,
}

/// Everything make knows while it reads the makefile and runs the goals.
pub(crate) struct Interp<'e> {
    pub env: &'e ProjectEnv,
    /// The makefile's name as make prints it in messages (`Makefile`, or the `-f` argument).
    pub file: String,
    pub vars: HashMap<String, Var>,
    /// Variable names in order of first definition, for the variables list.
    pub var_order: Vec<String>,
    /// Target-specific, automatic, `foreach` and `call` bindings, innermost last.
    pub scopes: Vec<Vec<(String, Var)>>,
    /// Recursive variables being expanded (name, definition line): the loop detector.
    pub expanding: Vec<(String, usize)>,
    pub depth: usize,
    pub work: u64,
    /// The makefile line being read or the recipe line being expanded, for messages.
    pub line: usize,
    /// Inspection mode (listing variables for the UI): `info`/`warning`/`error`/`eval` and shell
    /// diagnostics have no effect.
    pub quiet: bool,
    pub stdout: Vec<String>,
    pub stderr: Vec<String>,
    pub diagnostics: Vec<Diagnostic>,
    pub shell_calls: Vec<ShellCall>,
    pub targets: HashMap<String, Target>,
    pub target_order: Vec<String>,
    pub pattern_rules: Vec<Target>,
    /// Pattern-specific variables: (`%`-pattern, assignment).
    pub pattern_vars: Vec<(String, super::TargetVar)>,
    pub first_target: Option<String>,
    pub phony: HashSet<String>,
    /// Target-specific variables by target name.
    pub target_vars: HashMap<String, Vec<super::TargetVar>>,
}

/// make's whitespace between words.
pub(crate) fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c')
}

/// Whitespace-separated words of `text`.
pub(crate) fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(is_space).filter(|w| !w.is_empty())
}

/// Position of the paren closing one opened just before `start`, counting only parens of the
/// same kind, as make does (`$(shell echo (a))` works; `$(a}` does not close).
pub(crate) fn find_close(bytes: &[u8], start: usize, open: u8, close: u8) -> Option<usize> {
    let mut depth = 0usize;
    for (i, &b) in bytes.iter().enumerate().skip(start) {
        if b == open {
            depth += 1;
        } else if b == close {
            if depth == 0 {
                return Some(i);
            }
            depth -= 1;
        }
    }
    None
}

/// Matches `word` against a `%` pattern; returns the stem (`""` for an exact match without `%`).
pub(crate) fn pattern_stem<'w>(pattern: &str, word: &'w str) -> Option<&'w str> {
    match pattern.split_once('%') {
        None => (pattern == word).then_some(""),
        Some((prefix, suffix)) => {
            if word.len() >= prefix.len() + suffix.len()
                && word.starts_with(prefix)
                && word.ends_with(suffix)
            {
                word.get(prefix.len()..word.len() - suffix.len())
            } else {
                None
            }
        }
    }
}

/// `$(patsubst pattern,replacement,word)` for one word.
pub(crate) fn patsubst_word(pattern: &str, replacement: &str, word: &str) -> String {
    match pattern_stem(pattern, word) {
        Some(stem) if pattern.contains('%') => replacement.replacen('%', stem, 1),
        Some(_) => replacement.to_string(),
        None => word.to_string(),
    }
}

impl<'e> Interp<'e> {
    pub fn new(env: &'e ProjectEnv, file: &str) -> Interp<'e> {
        let mut interp = Interp {
            env,
            file: file.to_string(),
            vars: HashMap::new(),
            var_order: Vec::new(),
            scopes: Vec::new(),
            expanding: Vec::new(),
            depth: 0,
            work: 0,
            line: 0,
            quiet: false,
            stdout: Vec::new(),
            stderr: Vec::new(),
            diagnostics: Vec::new(),
            shell_calls: Vec::new(),
            targets: HashMap::new(),
            target_order: Vec::new(),
            pattern_rules: Vec::new(),
            pattern_vars: Vec::new(),
            first_target: None,
            phony: HashSet::new(),
            target_vars: HashMap::new(),
        };
        for (name, value) in &env.env_vars {
            interp.define(
                name,
                Var::new(value.clone(), Flavor::Recursive, Origin::Environment, 0),
            );
        }
        // A few of make's built-in variables that Go Makefiles use (`$(RM)`, `$(MAKE)`, `$(CURDIR)`).
        let defaults = [
            ("MAKE", "make"),
            ("SHELL", "/bin/sh"),
            (".SHELLFLAGS", "-c"),
            ("RM", "rm -f"),
            ("CC", "cc"),
            ("CXX", "g++"),
            ("AR", "ar"),
            ("MAKE_VERSION", "4.3"),
        ];
        for (name, value) in defaults {
            if !interp.vars.contains_key(name) {
                interp.define(name, Var::new(value, Flavor::Recursive, Origin::Default, 0));
            }
        }
        interp.define(
            "CURDIR",
            Var::new(env.workdir.clone(), Flavor::Simple, Origin::File, 0),
        );
        interp.define(
            "MAKEFILE_LIST",
            Var::new(format!(" {}", interp.file), Flavor::Simple, Origin::File, 0),
        );
        interp
    }

    /// Sets a global variable, remembering the order names first appeared in.
    pub fn define(&mut self, name: &str, var: Var) {
        if !self.vars.contains_key(name) {
            self.var_order.push(name.to_string());
        }
        self.vars.insert(name.to_string(), var);
    }

    /// The variable `name` as seen from the current scope.
    pub fn lookup(&self, name: &str) -> Option<&Var> {
        for scope in self.scopes.iter().rev() {
            if let Some((_, var)) = scope.iter().rev().find(|(n, _)| n == name) {
                return Some(var);
            }
        }
        self.vars.get(name)
    }

    // ---- messages -------------------------------------------------------------------------

    /// A fatal error located in the makefile: `Makefile:3: *** text.  Stop.`
    pub fn fatal_at(&self, line: usize, code: &str, text: &str, ja: String) -> Fatal {
        Box::new(FatalError {
            stderr: format!("{}:{line}: *** {text}.  Stop.", self.file),
            diagnostic: Diagnostic::error(line, code, Text::new(format!("{text}."), ja)),
        })
    }

    /// A fatal error make reports without a location: `make: *** text.  Stop.`
    pub fn fatal_make(&self, line: usize, code: &str, text: &str, ja: String) -> Fatal {
        Box::new(FatalError {
            stderr: format!("make: *** {text}.  Stop."),
            diagnostic: Diagnostic::error(line, code, Text::new(format!("{text}."), ja)),
        })
    }

    /// The simulator's own limits: not a make error, but the page must not hang.
    pub fn limit(&self, what: &str, ja: &str) -> Fatal {
        Box::new(FatalError {
            stderr: format!("deploy-sim: {what}"),
            diagnostic: Diagnostic::error(
                self.line,
                "make/simulator-limit",
                Text::new(
                    format!("Simulation stopped: {what}."),
                    format!("シミュレーションを中断しました: {ja}。"),
                ),
            ),
        })
    }

    pub fn diagnose(&mut self, diagnostic: Diagnostic) {
        if !self.quiet {
            self.diagnostics.push(diagnostic);
        }
    }

    // ---- expansion ------------------------------------------------------------------------

    /// Expands every reference in `text`.
    pub fn expand(&mut self, text: &str) -> Result<String, Fatal> {
        let mut out = String::new();
        self.expand_into(text, &mut out)?;
        Ok(out)
    }

    pub fn expand_into(&mut self, text: &str, out: &mut String) -> Result<(), Fatal> {
        if !text.contains('$') {
            out.push_str(text);
            return self.charge(text.len());
        }
        self.depth += 1;
        let result = if self.depth > MAX_DEPTH {
            Err(self.limit(
                &format!("references nested more than {MAX_DEPTH} levels deep"),
                &format!("変数参照・関数呼び出しの入れ子が {MAX_DEPTH} 段を超えました"),
            ))
        } else {
            self.expand_text(text, out)
        };
        self.depth -= 1;
        result
    }

    pub fn charge(&mut self, bytes: usize) -> Result<(), Fatal> {
        self.work = self.work.saturating_add(bytes as u64 + 1);
        if self.work > MAX_WORK {
            return Err(self.limit(
                "expansions produced more than 16 MiB of text",
                "展開結果が 16 MiB を超えました",
            ));
        }
        Ok(())
    }

    fn expand_text(&mut self, text: &str, out: &mut String) -> Result<(), Fatal> {
        let bytes = text.as_bytes();
        let mut literal_start = 0;
        let mut i = 0;
        while let Some(offset) = text.get(i..).and_then(|rest| rest.find('$')) {
            let dollar = i + offset;
            out.push_str(text.get(literal_start..dollar).unwrap_or(""));
            match bytes.get(dollar + 1) {
                None => {
                    i = dollar + 1;
                }
                Some(b'$') => {
                    out.push('$');
                    i = dollar + 2;
                }
                Some(&open @ (b'(' | b'{')) => {
                    let close = if open == b'(' { b')' } else { b'}' };
                    let Some(end) = find_close(bytes, dollar + 2, open, close) else {
                        return Err(self.fatal_at(
                            self.line,
                            "make/unterminated-reference",
                            "unterminated variable reference",
                            "変数参照の閉じ括弧がありません。".to_string(),
                        ));
                    };
                    let inner = text.get(dollar + 2..end).unwrap_or("");
                    self.reference(inner, open, close, out)?;
                    i = end + 1;
                }
                Some(_) => {
                    let name: String = text
                        .get(dollar + 1..)
                        .and_then(|r| r.chars().next())
                        .map(String::from)
                        .unwrap_or_default();
                    i = dollar + 1 + name.len();
                    self.variable_value(&name, out)?;
                }
            }
            literal_start = i;
            self.charge(out.len().min(64))?;
        }
        out.push_str(text.get(literal_start..).unwrap_or(""));
        self.charge(text.len())
    }

    /// One `$(…)` or `${…}`: a function call, a substitution reference or a variable.
    fn reference(
        &mut self,
        inner: &str,
        open: u8,
        close: u8,
        out: &mut String,
    ) -> Result<(), Fatal> {
        let name_end = inner.find([' ', '\t']).unwrap_or(inner.len());
        let name = inner.get(..name_end).unwrap_or("");
        if name_end < inner.len() {
            if let Some(spec) = super::functions::lookup(name) {
                let rest = inner
                    .get(name_end..)
                    .unwrap_or("")
                    .trim_start_matches([' ', '\t']);
                return self.call_function(spec, rest, open, close, out);
            }
        }
        let inner = if inner.contains('$') {
            self.expand(inner)?
        } else {
            inner.to_string()
        };
        // `$(VAR:from=to)`: a substitution reference.
        if let Some((var_name, subst)) = inner.split_once(':') {
            if let Some((from, to)) = subst.split_once('=') {
                let mut value = String::new();
                self.variable_value(var_name, &mut value)?;
                let (from, to) = if from.contains('%') {
                    (from.to_string(), to.to_string())
                } else {
                    (format!("%{from}"), format!("%{to}"))
                };
                let replaced: Vec<String> = words(&value)
                    .map(|w| patsubst_word(&from, &to, w))
                    .collect();
                out.push_str(&replaced.join(" "));
                return Ok(());
            }
        }
        self.variable_value(&inner, out)
    }

    /// Appends the value of variable `name`, expanding it if it is recursive.
    pub fn variable_value(&mut self, name: &str, out: &mut String) -> Result<(), Fatal> {
        let Some(var) = self.lookup(name).cloned() else {
            // `$(@D)`, `$(<F)` and friends are derived from the automatic variables.
            if let Some(value) = self.directory_part_variable(name) {
                out.push_str(&value);
            }
            return Ok(());
        };
        match var.flavor {
            Flavor::Simple => {
                out.push_str(&var.value);
                Ok(())
            }
            Flavor::Recursive => {
                if self.expanding.iter().any(|(n, _)| n == name) {
                    let line = self.expanding.last().map_or(var.line, |(_, l)| *l);
                    return Err(self.fatal_at(
                        line,
                        "make/recursive-variable",
                        &format!("Recursive variable '{name}' references itself (eventually)"),
                        format!(
                            "再帰展開変数 '{name}' が(間接的に)自分自身を参照しています。`{name} := $({name}) …` のように単純展開(:=)にするか、`+=` を使ってください。"
                        ),
                    ));
                }
                self.expanding.push((name.to_string(), var.line));
                let result = self.expand_into(&var.value, out);
                self.expanding.pop();
                result
            }
        }
    }

    fn directory_part_variable(&self, name: &str) -> Option<String> {
        let mut chars = name.chars();
        let base = chars.next()?;
        let part = chars.next()?;
        if chars.next().is_some() || !matches!(base, '@' | '<' | '^' | '+' | '*' | '?' | '|') {
            return None;
        }
        let value = self.lookup(&base.to_string())?.value.clone();
        let pieces: Vec<String> = words(&value)
            .map(|w| match (part, w.rfind('/')) {
                ('D', Some(0)) => "/".to_string(),
                ('D', Some(pos)) => w.get(..pos).unwrap_or(".").to_string(),
                ('D', None) => ".".to_string(),
                ('F', Some(pos)) => w.get(pos + 1..).unwrap_or("").to_string(),
                (_, _) => w.to_string(),
            })
            .collect();
        matches!(part, 'D' | 'F').then(|| pieces.join(" "))
    }

    /// Runs `$(shell …)` in the simulated shell: newlines become spaces, trailing ones go.
    pub fn run_shell(&mut self, command: &str) -> String {
        let outcome = super::shell::run(command, self.env);
        let mut output = outcome.stdout.trim_end_matches('\n').replace('\n', " ");
        if output.len() > 1 << 20 {
            output.truncate(0);
        }
        if !self.quiet {
            for line in &outcome.stderr {
                self.stderr.push(line.clone());
            }
            for unsimulated in &outcome.unsimulated {
                self.diagnostics.push(
                    Diagnostic::warning(
                        self.line,
                        "make/shell-not-simulated",
                        Text::new(
                            format!("`{unsimulated}` is not simulated: the playground treats it as a command that is not installed (empty output, exit status 127)."),
                            format!("`{unsimulated}` はシミュレートされていません。プレイグラウンドでは未インストールのコマンドとして扱います(出力は空、終了ステータス 127)。"),
                        ),
                    )
                    .with_fix(Text::new(
                        "Simulated: git describe / git rev-parse / git rev-list --count, date, go env, go version, uname, echo, pwd. Edit the project environment to change their answers.",
                        "シミュレート対象: git describe・git rev-parse・git rev-list --count・date・go env・go version・uname・echo・pwd。答えはプロジェクト環境の欄で変更できます。",
                    )),
                );
            }
            self.shell_calls.push(ShellCall {
                line: self.line,
                command: command.to_string(),
                output: output.clone(),
                status: outcome.status,
                simulated: outcome.unsimulated.is_empty(),
            });
        }
        output
    }
}
