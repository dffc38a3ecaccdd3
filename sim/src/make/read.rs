//! Reading a makefile, as GNU make 4.3's `read.c` does: physical lines are joined at
//! backslash-newlines, recipe lines (starting with the recipe prefix, a TAB) are kept verbatim,
//! other lines lose their continuations and comments and are then a conditional, a directive, a
//! variable assignment or a rule — or the famous `missing separator` error.
//!
//! Variable assignments take effect while reading (a `:=` expands now, a `=` later), so reading
//! and evaluating are interleaved here exactly as in make; `$(eval …)` feeds text back in.

use super::eval::{find_close, is_space, words, Fatal, Flavor, Interp, Var, MAX_DEPTH};
use super::{Origin, Recipe, RecipeLine, Target, TargetVar};
use crate::{Diagnostic, Text};

/// The six assignment operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssignOp {
    /// `=`
    Recursive,
    /// `:=` and `::=`
    Simple,
    /// `+=`
    Append,
    /// `?=`
    Conditional,
    /// `!=`
    Shell,
}

/// Where the name of an assignment ends and its value starts.
pub(crate) struct Assignment<'a> {
    pub name: &'a str,
    pub op: AssignOp,
    pub value: &'a str,
}

/// make's `parse_variable_definition`: a name (which may contain references), optional blanks,
/// then an operator. A second word before the operator, or a lone `:`, means "not an assignment".
pub(crate) fn find_assignment(line: &str) -> Option<Assignment<'_>> {
    let bytes = line.as_bytes();
    let mut i = 0;
    let mut name_end = 0;
    let mut seen_space = false;
    while i < bytes.len() {
        let c = bytes.get(i).copied().unwrap_or(0);
        match c {
            b'#' => return None,
            b'$' => {
                let open = bytes.get(i + 1).copied().unwrap_or(0);
                if open == b'(' || open == b'{' {
                    let close = if open == b'(' { b')' } else { b'}' };
                    i = find_close(bytes, i + 2, open, close).map_or(bytes.len(), |e| e + 1);
                } else {
                    i += 2;
                }
                if seen_space {
                    return None;
                }
                name_end = i.min(bytes.len());
                continue;
            }
            b' ' | b'\t' => {
                seen_space = true;
                i += 1;
                continue;
            }
            b'=' => {
                return Some(Assignment {
                    name: line.get(..name_end)?,
                    op: AssignOp::Recursive,
                    value: line.get(i + 1..)?,
                })
            }
            _ => {}
        }
        if bytes.get(i + 1) == Some(&b'=') {
            let op = match c {
                b':' => Some(AssignOp::Simple),
                b'+' => Some(AssignOp::Append),
                b'?' => Some(AssignOp::Conditional),
                b'!' => Some(AssignOp::Shell),
                _ => None,
            };
            if let Some(op) = op {
                return Some(Assignment {
                    name: line.get(..name_end)?,
                    op,
                    value: line.get(i + 2..)?,
                });
            }
        }
        if c == b':' {
            if bytes.get(i + 1) == Some(&b':') && bytes.get(i + 2) == Some(&b'=') {
                return Some(Assignment {
                    name: line.get(..name_end)?,
                    op: AssignOp::Simple,
                    value: line.get(i + 3..)?,
                });
            }
            return None;
        }
        if seen_space {
            return None;
        }
        i += 1;
        name_end = i;
    }
    None
}

/// Outside recipes, a backslash-newline and the blanks around it become one space.
pub(crate) fn collapse_continuations(line: &str) -> String {
    if !line.contains('\n') {
        return line.to_string();
    }
    let mut out = String::with_capacity(line.len());
    let mut pieces = line.split('\n').peekable();
    while let Some(piece) = pieces.next() {
        if pieces.peek().is_some() {
            let without_backslash = piece.strip_suffix('\\').unwrap_or(piece);
            out.push_str(without_backslash.trim_end_matches([' ', '\t']));
            out.push(' ');
            if let Some(next) = pieces.peek_mut() {
                *next = next.trim_start_matches([' ', '\t']);
            }
        } else {
            out.push_str(piece);
        }
    }
    out
}

/// Removes a `#` comment (an escaped `\#` is a literal `#`).
pub(crate) fn remove_comment(line: &str) -> String {
    if !line.contains('#') {
        return line.to_string();
    }
    let mut out = String::with_capacity(line.len());
    let mut backslashes = 0usize;
    for c in line.chars() {
        if c == '#' {
            if backslashes % 2 == 0 {
                break;
            }
            // `\#` → `#`: drop one backslash.
            out.pop();
        }
        backslashes = if c == '\\' { backslashes + 1 } else { 0 };
        out.push(c);
    }
    out
}

/// Index of the first `ch` outside `$(…)`/`${…}` references, stopping at an unescaped `#`.
fn find_outside_refs(line: &str, targets: &[u8], stop_at_comment: bool) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes.get(i).copied().unwrap_or(0);
        if c == b'$' {
            let open = bytes.get(i + 1).copied().unwrap_or(0);
            if open == b'(' || open == b'{' {
                let close = if open == b'(' { b')' } else { b'}' };
                i = find_close(bytes, i + 2, open, close).map_or(bytes.len(), |e| e + 1);
            } else {
                i += 2;
            }
            continue;
        }
        if stop_at_comment && c == b'#' && (i == 0 || bytes.get(i - 1) != Some(&b'\\')) {
            return None;
        }
        if targets.contains(&c) {
            return Some(i);
        }
        i += 1;
    }
    None
}

fn first_word(line: &str) -> (&str, &str) {
    let trimmed = line.trim_start_matches(is_space);
    let end = trimmed.find(is_space).unwrap_or(trimmed.len());
    (
        trimmed.get(..end).unwrap_or(""),
        trimmed
            .get(end..)
            .unwrap_or("")
            .trim_start_matches(is_space),
    )
}

/// One open `if…` block.
struct Conditional {
    /// The branch being read is the taken one.
    active: bool,
    /// Some branch of this block has been (or is being) taken.
    taken: bool,
    /// The whole block sits in an ignored region.
    outer_ignoring: bool,
    seen_else: bool,
}

/// The rule whose recipe lines are being read.
struct RuleContext {
    targets: Vec<String>,
    /// Pattern rules (`%.o: %.c`) to record when the recipe is complete.
    patterns: Vec<Target>,
    recipe: Vec<RecipeLine>,
    first_recipe_line: usize,
}

/// Modifiers in front of an assignment or `define`.
#[derive(Default, Clone, Copy)]
struct Modifiers {
    export: bool,
    override_: bool,
}

impl Interp<'_> {
    /// Reads the learner's makefile.
    pub(crate) fn read_makefile(&mut self, source: &str) -> Result<(), Fatal> {
        self.read(source, None)
    }

    /// `$(eval TEXT)`: every line is reported at the line of the `$(eval)` call.
    pub(crate) fn read_eval(&mut self, text: &str, line: usize) -> Result<(), Fatal> {
        self.depth += 1;
        let result = if self.depth > MAX_DEPTH {
            Err(self.limit("$(eval) nested too deeply", "$(eval) の入れ子が深すぎます"))
        } else {
            self.read(text, Some(line))
        };
        self.depth -= 1;
        result
    }

    fn recipe_prefix(&self) -> char {
        self.vars
            .get(".RECIPEPREFIX")
            .and_then(|v| v.value.chars().next())
            .unwrap_or('\t')
    }

    fn read(&mut self, text: &str, fixed_line: Option<usize>) -> Result<(), Fatal> {
        let physical: Vec<&str> = {
            let mut lines: Vec<&str> = text
                .split('\n')
                .map(|l| l.strip_suffix('\r').unwrap_or(l))
                .collect();
            if text.ends_with('\n') {
                lines.pop();
            }
            lines
        };
        let line_no = |index: usize| fixed_line.unwrap_or(index + 1);
        let mut conditionals: Vec<Conditional> = Vec::new();
        let mut rule: Option<RuleContext> = None;
        let mut index = 0;
        while index < physical.len() {
            let start = index;
            let mut logical = physical.get(index).copied().unwrap_or("").to_string();
            index += 1;
            while ends_with_continuation(&logical) && index < physical.len() {
                logical.push('\n');
                logical.push_str(physical.get(index).copied().unwrap_or(""));
                index += 1;
            }
            let line = line_no(start);
            self.line = line;
            self.charge(logical.len())?;
            let ignoring = is_ignoring(&conditionals);
            let prefix = self.recipe_prefix();

            if logical.starts_with(prefix) {
                if let Some(ctx) = rule.as_mut() {
                    if !ignoring {
                        if ctx.recipe.is_empty() {
                            ctx.first_recipe_line = line;
                        }
                        let body = logical.get(prefix.len_utf8()..).unwrap_or("");
                        ctx.recipe.push(RecipeLine {
                            line,
                            text: body.replace(&format!("\\\n{prefix}"), "\\\n"),
                        });
                    }
                    continue;
                }
            }

            let collapsed = remove_comment(&collapse_continuations(&logical));
            let (word, rest) = first_word(&collapsed);
            if word.is_empty() {
                continue;
            }
            if word == "endef" {
                return Err(self.fatal_at(
                    line,
                    "make/extraneous-endef",
                    "extraneous 'endef'",
                    "対応する define のない endef です。".to_string(),
                ));
            }
            if self.conditional(word, rest, line, &mut conditionals)? {
                continue;
            }
            if ignoring {
                continue;
            }

            // Modifiers: `export`, `override`, `private` in front of an assignment or `define`.
            let mut modifiers = Modifiers::default();
            let mut body: &str = collapsed.trim_start_matches(is_space);
            loop {
                let (w, r) = first_word(body);
                if r.is_empty() || find_assignment(body).is_some_and(|a| a.name.trim() == w) {
                    break;
                }
                // `export NAME...` with no assignment after it is the export directive, not a
                // modifier (GNU make 4.3 read.c: a modifier must be followed by a variable
                // definition or another modifier).
                let (next, _) = first_word(r);
                if find_assignment(r).is_none()
                    && !matches!(next, "define" | "override" | "export" | "private")
                {
                    break;
                }
                match w {
                    "export" => modifiers.export = true,
                    "override" => modifiers.override_ = true,
                    "private" => {}
                    _ => break,
                }
                body = r;
            }
            let (word, rest) = first_word(body);

            if word == "define" && find_assignment(body).is_none_or(|a| a.name.trim() != "define") {
                index = self.read_define(rest, line, modifiers, &physical, index, &line_no)?;
                rule = None;
                continue;
            }
            if let Some(assignment) = find_assignment(body) {
                self.finish_rule(rule.take());
                let origin = if modifiers.override_ {
                    Origin::Override
                } else {
                    Origin::File
                };
                self.assign(
                    assignment.name,
                    assignment.op,
                    assignment.value,
                    origin,
                    line,
                    modifiers.export,
                )?;
                continue;
            }
            match word {
                "export" | "unexport" if !rest.contains(':') => {
                    let names = self.expand(rest)?;
                    for name in words(&names) {
                        if let Some(var) = self.vars.get_mut(name) {
                            var.export = word == "export";
                        }
                    }
                    continue;
                }
                "undefine" => {
                    let name = self.expand(rest)?.trim_matches(is_space).to_string();
                    if self
                        .vars
                        .get(&name)
                        .is_some_and(|v| v.origin < Origin::CommandLine || modifiers.override_)
                    {
                        self.vars.remove(&name);
                    }
                    continue;
                }
                "include" | "-include" | "sinclude" => {
                    self.finish_rule(rule.take());
                    self.include(word, rest, line)?;
                    continue;
                }
                "vpath" | "load" | "-load" => {
                    self.diagnose(Diagnostic::info(
                        line,
                        "make/directive-not-simulated",
                        Text::new(
                            format!("The '{word}' directive is not simulated; the line is ignored."),
                            format!("'{word}' ディレクティブはシミュレートされません。この行は無視されます。"),
                        ),
                    ));
                    continue;
                }
                _ => {}
            }
            if modifiers.override_ {
                return Err(self.missing_separator(&logical, line));
            }

            // A rule. A recipe-prefixed line with no rule before it is make's classic complaint.
            self.finish_rule(rule.take());
            if logical.starts_with(prefix) {
                return Err(self.fatal_at(
                    line,
                    "make/recipe-before-target",
                    "recipe commences before first target",
                    "レシピ行(TAB で始まる行)の前にターゲットの行がありません。変数代入の後ではレシピを続けられません。".to_string(),
                ));
            }
            rule = self.rule_line(&logical, line)?;
        }
        self.finish_rule(rule);
        if !conditionals.is_empty() {
            let line = fixed_line.unwrap_or(physical.len() + 1);
            return Err(self.fatal_at(
                line,
                "make/missing-endif",
                "missing 'endif'",
                "ifeq/ifdef などに対応する endif がありません。".to_string(),
            ));
        }
        Ok(())
    }

    fn missing_separator(&self, logical: &str, line: usize) -> Fatal {
        if self.recipe_prefix() == '\t' && logical.starts_with("        ") {
            let mut fatal = self.fatal_at(
                line,
                "make/missing-separator",
                "missing separator (did you mean TAB instead of 8 spaces?)",
                "区切りがありません(8 個のスペースではなく TAB のつもりでしたか?)。レシピ行は TAB で始める必要があります。".to_string(),
            );
            fatal.diagnostic = fatal.diagnostic.with_column(1).with_fix(Text::new(
                "Replace the leading spaces with one TAB character.",
                "行頭のスペースを TAB 1 文字に置き換えてください。",
            ));
            fatal
        } else {
            let mut fatal = self.fatal_at(
                line,
                "make/missing-separator",
                "missing separator",
                "区切りがありません。ルール(`target: prerequisites`)でも変数代入でもない行です。レシピ行なら TAB で始めてください。".to_string(),
            );
            if logical.starts_with(' ') {
                fatal.diagnostic = fatal.diagnostic.with_column(1).with_fix(Text::new(
                    "If this is a recipe line, indent it with one TAB instead of spaces.",
                    "レシピ行であれば、スペースではなく TAB 1 文字で字下げしてください。",
                ));
            }
            fatal
        }
    }

    /// Handles `ifeq`/`ifneq`/`ifdef`/`ifndef`/`else`/`endif`. Returns whether `word` was one.
    fn conditional(
        &mut self,
        word: &str,
        rest: &str,
        line: usize,
        stack: &mut Vec<Conditional>,
    ) -> Result<bool, Fatal> {
        let ignoring = is_ignoring(stack);
        match word {
            "endif" => {
                if stack.pop().is_none() {
                    return Err(self.fatal_at(
                        line,
                        "make/extraneous-endif",
                        "extraneous 'endif'",
                        "対応する if のない endif です。".to_string(),
                    ));
                }
                Ok(true)
            }
            "else" => {
                let Some(top) = stack.last_mut() else {
                    return Err(self.fatal_at(
                        line,
                        "make/extraneous-else",
                        "extraneous 'else'",
                        "対応する if のない else です。".to_string(),
                    ));
                };
                if top.seen_else {
                    return Err(self.fatal_at(
                        line,
                        "make/double-else",
                        "only one 'else' per conditional",
                        "1 つの条件分岐に else は 1 つだけです。".to_string(),
                    ));
                }
                let (inner_word, inner_rest) = first_word(rest);
                if inner_word.is_empty() {
                    top.seen_else = true;
                    top.active = !top.taken && !top.outer_ignoring;
                    top.taken = true;
                    return Ok(true);
                }
                if !matches!(inner_word, "ifeq" | "ifneq" | "ifdef" | "ifndef") {
                    return Err(self.fatal_at(
                        line,
                        "make/conditional-syntax",
                        "invalid syntax in conditional",
                        "else の後に続けられるのは ifeq/ifneq/ifdef/ifndef だけです。".to_string(),
                    ));
                }
                // `else ifeq …`: evaluate only if no branch was taken yet.
                let skip = top.taken || top.outer_ignoring;
                let result = if skip {
                    false
                } else {
                    self.evaluate_condition(inner_word, inner_rest, line)?
                };
                if let Some(top) = stack.last_mut() {
                    top.active = result;
                    top.taken |= result;
                }
                Ok(true)
            }
            "ifeq" | "ifneq" | "ifdef" | "ifndef" => {
                let result = if ignoring {
                    false
                } else {
                    self.evaluate_condition(word, rest, line)?
                };
                stack.push(Conditional {
                    active: result,
                    taken: result,
                    outer_ignoring: ignoring,
                    seen_else: false,
                });
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    fn evaluate_condition(&mut self, word: &str, rest: &str, line: usize) -> Result<bool, Fatal> {
        let invalid = |me: &Self| {
            me.fatal_at(line, "make/conditional-syntax", "invalid syntax in conditional", "条件文の書き方が正しくありません。`ifeq (a,b)` または `ifeq \"a\" \"b\"` の形で書きます。".to_string())
        };
        match word {
            "ifdef" | "ifndef" => {
                let name = self.expand(rest)?;
                let name = name.trim_matches(is_space);
                if name.is_empty() || name.contains(is_space) {
                    return Err(invalid(self));
                }
                let defined = self.lookup(name).is_some_and(|v| !v.value.is_empty());
                Ok(defined == (word == "ifdef"))
            }
            _ => {
                let (left, right) = if let Some(inner) = rest.strip_prefix('(') {
                    let bytes = inner.as_bytes();
                    let mut depth = 0usize;
                    let mut comma = None;
                    let mut end = None;
                    for (i, &b) in bytes.iter().enumerate() {
                        match b {
                            b'(' => depth += 1,
                            b')' if depth == 0 => {
                                end = Some(i);
                                break;
                            }
                            b')' => depth -= 1,
                            b',' if depth == 0 && comma.is_none() => comma = Some(i),
                            _ => {}
                        }
                    }
                    let (Some(comma), Some(end)) = (comma, end) else {
                        return Err(invalid(self));
                    };
                    (
                        inner
                            .get(..comma)
                            .unwrap_or("")
                            .trim_end_matches([' ', '\t'])
                            .to_string(),
                        inner
                            .get(comma + 1..end)
                            .unwrap_or("")
                            .trim_start_matches([' ', '\t'])
                            .to_string(),
                    )
                } else {
                    let mut quoted = Vec::new();
                    let mut remaining = rest;
                    for _ in 0..2 {
                        remaining = remaining.trim_start_matches(is_space);
                        let Some(quote) =
                            remaining.chars().next().filter(|c| *c == '"' || *c == '\'')
                        else {
                            return Err(invalid(self));
                        };
                        let body = remaining.get(1..).unwrap_or("");
                        let Some(close) = body.find(quote) else {
                            return Err(invalid(self));
                        };
                        quoted.push(body.get(..close).unwrap_or("").to_string());
                        remaining = body.get(close + 1..).unwrap_or("");
                    }
                    let right = quoted.pop().unwrap_or_default();
                    (quoted.pop().unwrap_or_default(), right)
                };
                let equal = self.expand(&left)? == self.expand(&right)?;
                Ok(equal == (word == "ifeq"))
            }
        }
    }

    /// `define NAME [op]` … `endef`. Returns the index of the line after `endef`.
    fn read_define(
        &mut self,
        header: &str,
        line: usize,
        modifiers: Modifiers,
        physical: &[&str],
        mut index: usize,
        line_no: &dyn Fn(usize) -> usize,
    ) -> Result<usize, Fatal> {
        let header = header.trim_end_matches(is_space);
        let (name, op) = match header.rsplit_once(is_space) {
            Some((name, op)) if matches!(op, "=" | ":=" | "::=" | "+=" | "?=" | "!=") => {
                (name.trim_end_matches(is_space), op)
            }
            _ => match header
                .strip_suffix("::=")
                .or_else(|| header.strip_suffix(":="))
            {
                Some(name) => (name, ":="),
                None => (header.strip_suffix('=').unwrap_or(header), "="),
            },
        };
        let mut depth = 0usize;
        let mut body: Vec<&str> = Vec::new();
        while let Some(text) = physical.get(index) {
            index += 1;
            let uncommented = remove_comment(text);
            let (w, _) = first_word(&uncommented);
            if w == "endef" {
                if depth == 0 {
                    let op = match op {
                        ":=" | "::=" => AssignOp::Simple,
                        "+=" => AssignOp::Append,
                        "?=" => AssignOp::Conditional,
                        "!=" => AssignOp::Shell,
                        _ => AssignOp::Recursive,
                    };
                    let origin = if modifiers.override_ {
                        Origin::Override
                    } else {
                        Origin::File
                    };
                    let value = body.join("\n");
                    self.assign_value(name, op, &value, origin, line, modifiers.export)?;
                    self.line = line_no(index.saturating_sub(1));
                    return Ok(index);
                }
                depth -= 1;
            } else if w == "define" {
                depth += 1;
            }
            body.push(text);
        }
        Err(self.fatal_at(
            line,
            "make/missing-endef",
            "missing 'endef', unterminated 'define'",
            "define に対応する endef がありません。".to_string(),
        ))
    }

    /// An assignment read from the makefile (leading blanks of the value are not part of it).
    pub(crate) fn assign(
        &mut self,
        name: &str,
        op: AssignOp,
        value: &str,
        origin: Origin,
        line: usize,
        export: bool,
    ) -> Result<(), Fatal> {
        self.assign_value(
            name,
            op,
            value.trim_start_matches([' ', '\t']),
            origin,
            line,
            export,
        )
    }

    fn assign_value(
        &mut self,
        name: &str,
        op: AssignOp,
        value: &str,
        origin: Origin,
        line: usize,
        export: bool,
    ) -> Result<(), Fatal> {
        let name = self.expand(name)?.trim_matches(is_space).to_string();
        if name.is_empty() {
            return Err(self.fatal_at(
                line,
                "make/empty-variable-name",
                "empty variable name",
                "変数名が空です。".to_string(),
            ));
        }
        let existing = self.vars.get(&name).cloned();
        // A command-line or `override` definition beats the makefile's.
        if existing
            .as_ref()
            .is_some_and(|v| v.origin > origin && v.origin != Origin::Automatic)
        {
            return Ok(());
        }
        let var = match op {
            AssignOp::Recursive => Var::new(value, Flavor::Recursive, origin, line),
            AssignOp::Simple => Var::new(self.expand(value)?, Flavor::Simple, origin, line),
            AssignOp::Conditional => {
                if existing.is_some() {
                    return Ok(());
                }
                Var::new(value, Flavor::Recursive, origin, line)
            }
            AssignOp::Append => match existing {
                None => Var::new(value, Flavor::Recursive, origin, line),
                Some(old) => {
                    let addition = if old.flavor == Flavor::Simple {
                        self.expand(value)?
                    } else {
                        value.to_string()
                    };
                    let mut combined = old.value.clone();
                    if !combined.is_empty() {
                        combined.push(' ');
                    }
                    combined.push_str(&addition);
                    let origin = if old.origin == Origin::Environment {
                        origin
                    } else {
                        old.origin.max(origin)
                    };
                    Var::new(combined, old.flavor, origin, line)
                }
            },
            AssignOp::Shell => {
                let command = self.expand(value)?;
                Var::new(self.run_shell(&command), Flavor::Recursive, origin, line)
            }
        };
        let mut var = var;
        var.export = export || self.vars.get(&name).is_some_and(|v| v.export);
        self.define(&name, var);
        Ok(())
    }

    fn include(&mut self, word: &str, rest: &str, line: usize) -> Result<(), Fatal> {
        let files = self.expand(rest)?;
        if word != "include" {
            self.diagnose(Diagnostic::info(
                line,
                "make/include-not-available",
                Text::new(
                    "Included makefiles are not available in the playground; this optional include is skipped, as make does for a missing file.",
                    "プレイグラウンドでは include するファイルを読めません。省略可能な include なので、make が存在しないファイルに対して行うのと同じく読み飛ばします。",
                ),
            ));
            return Ok(());
        }
        let Some(first) = words(&files).next().map(str::to_string) else {
            return Ok(());
        };
        self.stderr.push(format!(
            "{}:{line}: {first}: No such file or directory",
            self.file
        ));
        let mut fatal = self.fatal_make(
            line,
            "make/include-not-available",
            &format!("No rule to make target '{first}'"),
            format!("include されたファイル '{first}' はプレイグラウンドにはありません(make はファイルが見つからないと停止します)。"),
        );
        fatal.diagnostic = fatal.diagnostic.with_fix(Text::new(
            "Paste the included file's contents into this makefile, or use -include to make it optional.",
            "include するファイルの内容をこの Makefile に貼り付けるか、-include にして省略可能にしてください。",
        ));
        Err(fatal)
    }

    /// Records the recipe of the rule that just ended.
    fn finish_rule(&mut self, rule: Option<RuleContext>) {
        let Some(ctx) = rule else { return };
        for mut pattern in ctx.patterns {
            if !ctx.recipe.is_empty() {
                pattern.recipe = Some(Recipe {
                    line: ctx.first_recipe_line,
                    lines: ctx.recipe.clone(),
                });
                self.pattern_rules.push(pattern);
            }
        }
        if ctx.recipe.is_empty() {
            return;
        }
        for name in &ctx.targets {
            let Some(target) = self.targets.get_mut(name) else {
                continue;
            };
            if let Some(old) = &target.recipe {
                let old_line = old.line;
                self.stderr.push(format!(
                    "{}:{}: warning: overriding recipe for target '{name}'",
                    self.file, ctx.first_recipe_line
                ));
                self.stderr.push(format!(
                    "{}:{old_line}: warning: ignoring old recipe for target '{name}'",
                    self.file
                ));
                self.diagnostics.push(Diagnostic::warning(
                    ctx.first_recipe_line,
                    "make/overriding-recipe",
                    Text::new(
                        format!("warning: overriding recipe for target '{name}' (the recipe at line {old_line} is ignored)"),
                        format!("ターゲット '{name}' のレシピが上書きされます({old_line} 行目のレシピは無視されます)。"),
                    ),
                ));
            }
            if let Some(target) = self.targets.get_mut(name) {
                target.recipe = Some(Recipe {
                    line: ctx.first_recipe_line,
                    lines: ctx.recipe.clone(),
                });
            }
        }
    }

    /// A rule line: `targets : prerequisites | order-only ; recipe`, a static pattern rule, or a
    /// target-specific assignment `targets : VAR = value`.
    fn rule_line(&mut self, logical: &str, line: usize) -> Result<Option<RuleContext>, Fatal> {
        let (rule_part, inline_recipe) = match find_outside_refs(logical, b";", true) {
            Some(pos) => (
                logical.get(..pos).unwrap_or(""),
                logical.get(pos + 1..).map(str::to_string),
            ),
            None => (logical, None),
        };
        let rule_part = remove_comment(&collapse_continuations(rule_part));
        let Some(colon) = find_outside_refs(&rule_part, b":", false) else {
            // No colon before expansion: the expansion may produce a rule (`$(RULE)`), nothing
            // (`$(info …)`, `$(eval …)`), or text make cannot read.
            let expanded = self.expand(&rule_part)?;
            if expanded.trim_matches(is_space).is_empty() {
                return Ok(None);
            }
            if expanded.contains(':') && !expanded.contains('$') {
                let reparsed = match &inline_recipe {
                    Some(recipe) => format!("{expanded};{recipe}"),
                    None => expanded,
                };
                return self.rule_line(&reparsed, line);
            }
            return Err(self.missing_separator(logical, line));
        };
        let targets_text = rule_part.get(..colon).unwrap_or("");
        let mut after = rule_part.get(colon + 1..).unwrap_or("");
        if let Some(rest) = after.strip_prefix(':') {
            after = rest;
            self.diagnose(Diagnostic::info(
                line,
                "make/double-colon",
                Text::new(
                    "Double-colon rules are simulated as ordinary rules.",
                    "ダブルコロンルールは通常のルールとしてシミュレートします。",
                ),
            ));
        }
        let targets_expanded = self.expand(targets_text)?;
        let targets: Vec<String> = words(&targets_expanded).map(str::to_string).collect();

        // Target-specific variables: `build: GOOS = linux`.
        let mut var_text = after.trim_start_matches(is_space);
        let mut modifiers = Modifiers::default();
        loop {
            let (w, r) = first_word(var_text);
            match w {
                "export" if !r.is_empty() => modifiers.export = true,
                "override" if !r.is_empty() => modifiers.override_ = true,
                "private" if !r.is_empty() => {}
                _ => break,
            }
            var_text = r;
        }
        if let Some(assignment) = find_assignment(var_text) {
            let name = self
                .expand(assignment.name)?
                .trim_matches(is_space)
                .to_string();
            let raw_value = assignment.value.trim_start_matches([' ', '\t']);
            let (op, value) = match assignment.op {
                AssignOp::Simple => (AssignOp::Simple, self.expand(raw_value)?),
                AssignOp::Shell => {
                    let command = self.expand(raw_value)?;
                    (AssignOp::Recursive, self.run_shell(&command))
                }
                op => (op, raw_value.to_string()),
            };
            let target_var = TargetVar {
                name,
                op,
                value,
                override_: modifiers.override_,
                line,
            };
            for target in &targets {
                if target.contains('%') {
                    self.pattern_vars.push((target.clone(), target_var.clone()));
                } else {
                    self.target_vars
                        .entry(target.clone())
                        .or_default()
                        .push(target_var.clone());
                }
            }
            return Ok(None);
        }

        let after_expanded = self.expand(after)?;
        // Static pattern rule: `targets: target-pattern: prereq-patterns`.
        let (static_pattern, prereq_text) = match after_expanded.split_once(':') {
            Some((pattern, prereqs)) => (
                Some(pattern.trim_matches(is_space).to_string()),
                prereqs.to_string(),
            ),
            None => (None, after_expanded),
        };
        let (normal_text, order_only_text) = match prereq_text.split_once('|') {
            Some((normal, order_only)) => (normal.to_string(), order_only.to_string()),
            None => (prereq_text, String::new()),
        };
        let normal: Vec<String> = words(&normal_text).map(str::to_string).collect();
        let order_only: Vec<String> = words(&order_only_text).map(str::to_string).collect();

        let mut ctx = RuleContext {
            targets: Vec::new(),
            patterns: Vec::new(),
            recipe: Vec::new(),
            first_recipe_line: line,
        };
        if let Some(recipe) = inline_recipe {
            ctx.recipe.push(RecipeLine { line, text: recipe });
        }
        for target in targets {
            if target == ".PHONY" {
                self.phony.extend(normal.iter().cloned());
                continue;
            }
            if target == ".ONESHELL" || target == ".POSIX" {
                self.diagnose(Diagnostic::info(
                    line,
                    "make/special-target-not-simulated",
                    Text::new(
                        format!("{target} is not simulated: each recipe line is shown as a separate shell command."),
                        format!("{target} はシミュレートされません。レシピは 1 行ずつ別のシェルで実行されるものとして表示します。"),
                    ),
                ));
                continue;
            }
            let (prereqs, stem) = match &static_pattern {
                Some(pattern) => match super::eval::pattern_stem(pattern, &target) {
                    Some(stem) => (
                        normal
                            .iter()
                            .map(|p| p.replacen('%', stem, 1))
                            .collect::<Vec<_>>(),
                        Some(stem.to_string()),
                    ),
                    None => {
                        self.stderr.push(format!(
                            "{}:{line}: target '{target}' doesn't match the target pattern",
                            self.file
                        ));
                        (Vec::new(), None)
                    }
                },
                None => (normal.clone(), None),
            };
            if static_pattern.is_none() && target.contains('%') {
                ctx.patterns.push(Target {
                    name: target,
                    prereqs,
                    order_only: order_only.clone(),
                    recipe: None,
                    line,
                    stem: None,
                });
                continue;
            }
            if self.first_target.is_none() && (!target.starts_with('.') || target.contains('/')) {
                self.first_target = Some(target.clone());
                if !self.vars.contains_key(".DEFAULT_GOAL") {
                    self.define(
                        ".DEFAULT_GOAL",
                        Var::new(target.clone(), Flavor::Recursive, Origin::Default, line),
                    );
                }
            }
            if !self.targets.contains_key(&target) {
                self.target_order.push(target.clone());
            }
            let entry = self
                .targets
                .entry(target.clone())
                .or_insert_with(|| Target {
                    name: target.clone(),
                    prereqs: Vec::new(),
                    order_only: Vec::new(),
                    recipe: None,
                    line,
                    stem: None,
                });
            entry.prereqs.extend(prereqs);
            entry.order_only.extend(order_only.iter().cloned());
            if stem.is_some() {
                entry.stem = stem;
            }
            ctx.targets.push(target);
        }
        Ok(Some(ctx))
    }
}

/// Whether the innermost conditional (and so every line read now) is being skipped. O(1): each
/// block records whether it sits in an ignored region when it opens.
fn is_ignoring(stack: &[Conditional]) -> bool {
    stack.last().is_some_and(|c| c.outer_ignoring || !c.active)
}

fn ends_with_continuation(line: &str) -> bool {
    line.bytes().rev().take_while(|&b| b == b'\\').count() % 2 == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assignment_detection_follows_make() {
        type Expected<'a> = Option<(&'a str, AssignOp, &'a str)>;
        let cases: &[(&str, Expected)] = &[
            ("A = b", Some(("A", AssignOp::Recursive, " b"))),
            ("A:=b", Some(("A", AssignOp::Simple, "b"))),
            ("A ::= b", Some(("A", AssignOp::Simple, " b"))),
            ("A += b", Some(("A", AssignOp::Append, " b"))),
            ("A ?= b", Some(("A", AssignOp::Conditional, " b"))),
            ("A != echo", Some(("A", AssignOp::Shell, " echo"))),
            ("$(X)_Y = 1", Some(("$(X)_Y", AssignOp::Recursive, " 1"))),
            ("A B = c", None),
            ("all: x", None),
            ("all: X = 1", None),
            ("# A = b", None),
            ("echo $(A:.go=.o)", None),
        ];
        for (line, expected) in cases {
            let got = find_assignment(line).map(|a| (a.name, a.op, a.value));
            assert_eq!(got, *expected, "{line}");
        }
    }

    #[test]
    fn continuations_collapse_to_one_space() {
        assert_eq!(collapse_continuations("a \\\n    b\\\n\tc"), "a b c");
        assert_eq!(collapse_continuations("plain"), "plain");
    }

    #[test]
    fn comments_end_at_unescaped_hash() {
        assert_eq!(remove_comment("A = b # c"), "A = b ");
        assert_eq!(remove_comment("A = \\#b"), "A = #b");
        assert_eq!(remove_comment("no comment"), "no comment");
    }
}
