//! Running the goals as `make -n` does: prerequisites first (left to right, depth first, each
//! target once), then the target's recipe, expanded with its automatic and target-specific
//! variables and printed line by line — `@` lines included, since `-n` shows everything.
//!
//! A file target that exists in the project and has no remade prerequisite is up to date (the
//! simulated checkout gives every file the same time stamp); phony targets and missing files are
//! always remade. Cycles are dropped with make's warning; a target nobody can make stops the run.

use std::collections::HashMap;

use super::eval::{pattern_stem, Fatal, Flavor, Interp, Var};
use super::read::AssignOp;
use super::{Command, Origin, Recipe, Step, TargetVar};
use crate::{Diagnostic, Text};

/// Dependency chains deeper than this stop the simulation (the page's stack is small).
const MAX_CHAIN: usize = 200;

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Running,
    Done { changed: bool },
}

/// The plan being built for the goals.
#[derive(Default)]
pub(crate) struct Planner {
    state: HashMap<String, State>,
    pub steps: Vec<Step>,
    pub printed: usize,
}

/// What make would use to remake a target.
struct Resolved {
    recipe: Option<Recipe>,
    prereqs: Vec<String>,
    order_only: Vec<String>,
    stem: String,
    known: bool,
}

impl Interp<'_> {
    /// The goal list: the command line's, or `.DEFAULT_GOAL`, or the first target.
    pub(crate) fn default_goal(&mut self) -> Result<Option<String>, Fatal> {
        let value = match self.vars.get(".DEFAULT_GOAL").cloned() {
            Some(var) if var.flavor == Flavor::Recursive => self.expand(&var.value)?,
            Some(var) => var.value,
            None => String::new(),
        };
        let goals: Vec<&str> = super::eval::words(&value).collect();
        match goals.as_slice() {
            [] => Ok(self.first_target.clone()),
            [one] => Ok(Some(one.to_string())),
            _ => Err(self.fatal_make(
                0,
                "make/default-goal",
                ".DEFAULT_GOAL contains more than one target",
                ".DEFAULT_GOAL にはターゲットを 1 つだけ書けます。".to_string(),
            )),
        }
    }

    pub(crate) fn run_goals(
        &mut self,
        goals: &[String],
        planner: &mut Planner,
    ) -> Result<(), Fatal> {
        for goal in goals {
            let before = planner.printed;
            let already_done = matches!(planner.state.get(goal), Some(State::Done { .. }));
            if !already_done {
                self.update(goal, None, planner, 0)?;
            }
            if planner.printed == before {
                let resolved = self.resolve(goal);
                let message = if self.phony.contains(goal) || resolved.recipe.is_none() {
                    format!("make: Nothing to be done for '{goal}'.")
                } else {
                    format!("make: '{goal}' is up to date.")
                };
                self.stdout.push(message);
            }
        }
        Ok(())
    }

    /// The explicit rule for `name`, or else the first pattern rule that applies.
    fn resolve(&self, name: &str) -> Resolved {
        let explicit = self.targets.get(name);
        let mut resolved = Resolved {
            recipe: explicit.and_then(|t| t.recipe.clone()),
            prereqs: explicit.map(|t| t.prereqs.clone()).unwrap_or_default(),
            order_only: explicit.map(|t| t.order_only.clone()).unwrap_or_default(),
            stem: explicit.and_then(|t| t.stem.clone()).unwrap_or_default(),
            known: explicit.is_some() || self.phony.contains(name),
        };
        if resolved.recipe.is_some() || self.phony.contains(name) {
            return resolved;
        }
        // Implicit rule search: the shortest stem wins, then the earliest rule; every
        // prerequisite must exist or be a target.
        let mut best: Option<(usize, &super::Target, String)> = None;
        for rule in &self.pattern_rules {
            let (dir, file) = match (rule.name.contains('/'), name.rfind('/')) {
                (false, Some(pos)) => (
                    name.get(..=pos).unwrap_or(""),
                    name.get(pos + 1..).unwrap_or(""),
                ),
                _ => ("", name),
            };
            let Some(stem) = pattern_stem(&rule.name, file) else {
                continue;
            };
            let stem = format!("{dir}{stem}");
            let usable = rule.prereqs.iter().all(|p| {
                let p = with_stem(p, dir, &stem, file_stem_len(&stem, dir));
                self.env.path_exists(&p) || self.targets.contains_key(&p)
            });
            if usable && best.as_ref().is_none_or(|(len, _, _)| stem.len() < *len) {
                best = Some((stem.len(), rule, stem));
            }
        }
        if let Some((_, rule, stem)) = best {
            let dir_len = stem.len() - file_stem_len(&stem, "");
            let dir = stem.get(..dir_len).unwrap_or("");
            let mut prereqs: Vec<String> = rule
                .prereqs
                .iter()
                .map(|p| with_stem(p, dir, &stem, file_stem_len(&stem, dir)))
                .collect();
            prereqs.extend(resolved.prereqs);
            resolved.prereqs = prereqs;
            resolved
                .order_only
                .extend(rule.order_only.iter().map(|p| p.replacen('%', &stem, 1)));
            resolved.recipe = rule.recipe.clone();
            resolved.stem = stem;
            resolved.known = true;
        }
        resolved
    }

    fn update(
        &mut self,
        name: &str,
        parent: Option<&str>,
        planner: &mut Planner,
        depth: usize,
    ) -> Result<bool, Fatal> {
        if let Some(State::Done { changed }) = planner.state.get(name) {
            return Ok(*changed);
        }
        if depth > MAX_CHAIN {
            return Err(self.limit(
                &format!("dependency chain longer than {MAX_CHAIN} targets"),
                &format!("依存関係の連鎖が {MAX_CHAIN} 段を超えました"),
            ));
        }
        planner.state.insert(name.to_string(), State::Running);
        let phony = self.phony.contains(name);
        let exists = !phony && self.env.path_exists(name);
        let resolved = self.resolve(name);
        if !resolved.known && !exists {
            let line = self.targets.get(parent.unwrap_or("")).map_or(0, |t| t.line);
            let (text, ja) = match parent {
                Some(parent) => (
                    format!("No rule to make target '{name}', needed by '{parent}'"),
                    format!("'{parent}' の前提条件 '{name}' を作るルールがなく、ファイルとしても存在しません。"),
                ),
                None => (
                    format!("No rule to make target '{name}'"),
                    format!("ターゲット '{name}' を作るルールがなく、ファイルとしても存在しません。"),
                ),
            };
            let mut fatal = self.fatal_make(line, "make/no-rule", &text, ja);
            fatal.diagnostic = fatal.diagnostic.with_fix(Text::new(
                format!("Check the spelling, or add a rule `{name}:` with a recipe."),
                format!("綴りを確認するか、`{name}:` のルールとレシピを追加してください。"),
            ));
            return Err(fatal);
        }

        self.push_target_scope(name)?;
        let result = self.update_prerequisites(name, &resolved, planner, depth);
        let result = result.and_then(|(changed_prereqs, dropped)| {
            let needs_remake = phony || !exists || !changed_prereqs.is_empty();
            if needs_remake {
                if let Some(recipe) = &resolved.recipe {
                    self.run_recipe(
                        name,
                        recipe,
                        &resolved,
                        exists,
                        &changed_prereqs,
                        &dropped,
                        planner,
                    )?;
                }
            }
            Ok(needs_remake)
        });
        self.scopes.pop();
        let changed = result?;
        planner
            .state
            .insert(name.to_string(), State::Done { changed });
        Ok(changed)
    }

    /// Updates the prerequisites; returns those remade (normal ones only) and those dropped
    /// because they closed a cycle.
    fn update_prerequisites(
        &mut self,
        name: &str,
        resolved: &Resolved,
        planner: &mut Planner,
        depth: usize,
    ) -> Result<(Vec<String>, Vec<String>), Fatal> {
        let mut changed = Vec::new();
        let mut dropped = Vec::new();
        let normal_count = resolved.prereqs.len();
        for (i, prereq) in resolved
            .prereqs
            .iter()
            .chain(resolved.order_only.iter())
            .enumerate()
        {
            if planner.state.get(prereq.as_str()) == Some(&State::Running) {
                if !dropped.contains(prereq) {
                    self.stderr.push(format!(
                        "make: Circular {name} <- {prereq} dependency dropped."
                    ));
                    self.diagnostics.push(Diagnostic::warning(
                        self.targets.get(name).map_or(0, |t| t.line),
                        "make/circular",
                        Text::new(
                            format!("Circular {name} <- {prereq} dependency dropped."),
                            format!("循環依存: '{name}' の前提条件 '{prereq}' は '{prereq}' 自身の作成中に再び必要になったため、make はこの依存を無視します。"),
                        ),
                    ));
                    dropped.push(prereq.clone());
                }
                continue;
            }
            if self.update(prereq, Some(name), planner, depth + 1)?
                && i < normal_count
                && !changed.contains(prereq)
            {
                changed.push(prereq.clone());
            }
        }
        Ok((changed, dropped))
    }

    /// Pattern-specific then target-specific variables of `name`, layered over the scope of the
    /// target that needed it (make's inheritance).
    fn push_target_scope(&mut self, name: &str) -> Result<(), Fatal> {
        let mut assignments: Vec<TargetVar> = self
            .pattern_vars
            .iter()
            .filter(|(pattern, _)| pattern_stem(pattern, name).is_some())
            .map(|(_, v)| v.clone())
            .collect();
        if let Some(own) = self.target_vars.get(name) {
            assignments.extend(own.iter().cloned());
        }
        self.scopes.push(Vec::new());
        for assignment in assignments {
            let current = self.lookup(&assignment.name).cloned();
            if current
                .as_ref()
                .is_some_and(|v| v.origin >= Origin::CommandLine && v.origin != Origin::Automatic)
                && !assignment.override_
            {
                continue;
            }
            let origin = if assignment.override_ {
                Origin::Override
            } else {
                Origin::File
            };
            let var = match assignment.op {
                AssignOp::Simple => Var::new(
                    assignment.value.clone(),
                    Flavor::Simple,
                    origin,
                    assignment.line,
                ),
                AssignOp::Conditional if current.is_some() => continue,
                AssignOp::Append => match current {
                    Some(old) => {
                        let addition = if old.flavor == Flavor::Simple {
                            self.expand(&assignment.value)?
                        } else {
                            assignment.value.clone()
                        };
                        let value = if old.value.is_empty() {
                            addition
                        } else {
                            format!("{} {addition}", old.value)
                        };
                        Var::new(value, old.flavor, origin, assignment.line)
                    }
                    None => Var::new(
                        assignment.value.clone(),
                        Flavor::Recursive,
                        origin,
                        assignment.line,
                    ),
                },
                _ => Var::new(
                    assignment.value.clone(),
                    Flavor::Recursive,
                    origin,
                    assignment.line,
                ),
            };
            if let Some(scope) = self.scopes.last_mut() {
                scope.push((assignment.name.clone(), var));
            }
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn run_recipe(
        &mut self,
        name: &str,
        recipe: &Recipe,
        resolved: &Resolved,
        exists: bool,
        changed: &[String],
        dropped: &[String],
        planner: &mut Planner,
    ) -> Result<(), Fatal> {
        let all: Vec<&String> = resolved
            .prereqs
            .iter()
            .filter(|p| !dropped.contains(p))
            .collect();
        let mut unique: Vec<&String> = Vec::new();
        for p in &all {
            if !unique.contains(p) {
                unique.push(p);
            }
        }
        let join = |list: &[&String]| {
            list.iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let newer = if exists {
            changed.iter().collect::<Vec<_>>()
        } else {
            unique.clone()
        };
        let order_only: Vec<&String> = resolved
            .order_only
            .iter()
            .filter(|p| !dropped.contains(p))
            .collect();
        let automatic = [
            ("@", name.to_string()),
            ("<", all.first().map(|s| s.to_string()).unwrap_or_default()),
            ("^", join(&unique)),
            ("+", join(&all)),
            ("?", join(&newer)),
            ("*", resolved.stem.clone()),
            ("|", join(&order_only)),
        ];
        self.scopes.push(
            automatic
                .into_iter()
                .map(|(n, v)| {
                    (
                        n.to_string(),
                        Var::new(v, Flavor::Simple, Origin::Automatic, recipe.line),
                    )
                })
                .collect(),
        );
        // make expands every line of a recipe before it runs the first one.
        let mut expanded = Vec::with_capacity(recipe.lines.len());
        let mut result = Ok(());
        for line in &recipe.lines {
            self.line = line.line;
            match self.expand(&line.text) {
                Ok(text) => expanded.push((line.line, text)),
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
        }
        self.scopes.pop();
        result?;

        let mut step = Step {
            target: name.to_string(),
            line: recipe.line,
            prerequisites: unique.iter().map(|s| s.to_string()).collect(),
            commands: Vec::new(),
        };
        for (line, text) in expanded {
            let line_flags = prefix_flags(&text);
            for piece in split_command_lines(&text) {
                let (flags, command) = strip_prefixes(piece);
                if command.is_empty() {
                    continue;
                }
                let command_flags = flags.merge(line_flags);
                for printed in command.split('\n') {
                    self.stdout.push(printed.to_string());
                }
                planner.printed += 1;
                if command_flags.recursive || command.contains("$(MAKE)") {
                    self.diagnose(Diagnostic::info(
                        line,
                        "make/runs-under-n",
                        Text::new(
                            "This line starts with '+': make -n prints it and also runs it; the playground only prints it.",
                            "この行は '+' で始まるため、make -n でも表示に加えて実行されます。プレイグラウンドでは表示だけ行います。",
                        ),
                    ));
                }
                step.commands.push(Command {
                    line,
                    text: command.to_string(),
                    silent: command_flags.silent,
                    ignore_errors: command_flags.ignore_errors,
                    always_run: command_flags.recursive,
                });
            }
        }
        planner.steps.push(step);
        Ok(())
    }
}

fn file_stem_len(stem: &str, dir: &str) -> usize {
    stem.len().saturating_sub(dir.len())
}

/// Substitutes the stem into a pattern prerequisite; when the target pattern matched only the
/// file part, the directory goes in front (make's rule for patterns without a slash).
fn with_stem(prereq: &str, dir: &str, stem: &str, file_len: usize) -> String {
    if !prereq.contains('%') {
        return prereq.to_string();
    }
    let file_stem = stem.get(stem.len() - file_len..).unwrap_or(stem);
    if dir.is_empty() {
        prereq.replacen('%', stem, 1)
    } else {
        format!("{dir}{}", prereq.replacen('%', file_stem, 1))
    }
}

#[derive(Clone, Copy, Default)]
struct Flags {
    silent: bool,
    ignore_errors: bool,
    recursive: bool,
}

impl Flags {
    fn merge(self, other: Flags) -> Flags {
        Flags {
            silent: self.silent || other.silent,
            ignore_errors: self.ignore_errors || other.ignore_errors,
            recursive: self.recursive || other.recursive,
        }
    }
}

fn prefix_flags(text: &str) -> Flags {
    strip_prefixes(text).0
}

/// Leading `@`, `-`, `+` and blanks, as `start_job_command` skips them.
fn strip_prefixes(text: &str) -> (Flags, &str) {
    let mut flags = Flags::default();
    let mut rest = text;
    loop {
        match rest.chars().next() {
            Some('@') => flags.silent = true,
            Some('-') => flags.ignore_errors = true,
            Some('+') => flags.recursive = true,
            Some(' ' | '\t') => {}
            _ => break,
        }
        rest = rest.get(1..).unwrap_or("");
    }
    (flags, rest)
}

/// A recipe line whose expansion holds newlines (a `define`d canned recipe) is several commands;
/// a backslash-newline stays inside one command.
fn split_command_lines(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            let backslashes = bytes
                .get(..i)
                .unwrap_or(&[])
                .iter()
                .rev()
                .take_while(|&&c| c == b'\\')
                .count();
            if backslashes % 2 == 0 {
                pieces.push(text.get(start..i).unwrap_or(""));
                start = i + 1;
            }
        }
    }
    pieces.push(text.get(start..).unwrap_or(""));
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canned_recipes_split_at_plain_newlines_only() {
        assert_eq!(split_command_lines("a\nb \\\nc"), vec!["a", "b \\\nc"]);
    }

    #[test]
    fn prefixes_are_stripped_in_any_order() {
        let (flags, rest) = strip_prefixes("  @- +echo hi");
        assert!(flags.silent && flags.ignore_errors && flags.recursive);
        assert_eq!(rest, "echo hi");
    }
}
