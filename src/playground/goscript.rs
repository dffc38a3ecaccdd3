//! Turns a shell block of the guide (`export CGO_ENABLED=0`, `PKG=./cmd/app`,
//! `VERSION=$(git describe …)`, `go build …` lines with backslash continuations) into the
//! `go build` command lines the Go engine analyses, the way `sh` would see them: exported
//! variables become the command's environment, `$VAR` / `${VAR}` are substituted, and `$(…)` in
//! an assignment is answered by the simulated project environment. Comments and other commands
//! are ignored. Also edits a command line for the `-s` / `-w` / `-trimpath` quick toggles.

use deploy_sim::make::{shell, ProjectEnv};
use std::ops::Range;

/// One `go build` invocation of a shell block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoBuildLine {
    /// 1-based line where it starts in the block.
    pub line: usize,
    /// Byte range of its text (continuation lines included) in the block.
    pub range: Range<usize>,
    /// The command as the engine gets it: exported variables first, variables substituted.
    pub command: String,
}

/// Logical lines: byte range and text, backslash-newline continuations kept.
fn logical_lines(source: &str) -> Vec<(usize, Range<usize>)> {
    let mut out: Vec<(usize, Range<usize>)> = Vec::new();
    let mut continuing = false;
    let mut offset = 0;
    for (i, line) in source.split('\n').enumerate() {
        let range = offset..offset + line.len();
        offset += line.len() + 1;
        match out.last_mut() {
            Some(last) if continuing => last.1.end = range.end,
            _ => out.push((i + 1, range)),
        }
        continuing = line.ends_with('\\');
    }
    out
}

fn is_name(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with(|c: char| c.is_ascii_digit())
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Splits at unquoted blanks, keeping `$( … )` (which may contain blanks) in one word.
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let (mut quote, mut depth) = (None::<char>, 0usize);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (None, '\\') if chars.peek() == Some(&'\n') => {
                chars.next();
            }
            (None, ' ' | '\t' | '\n') if depth == 0 => {
                if !word.is_empty() {
                    out.push(std::mem::take(&mut word));
                }
            }
            (None, '\'' | '"') => {
                quote = Some(c);
                word.push(c);
            }
            (Some(q), _) if c == q => {
                quote = None;
                word.push(c);
            }
            (None, '$') if chars.peek() == Some(&'(') => {
                word.push(c);
            }
            (None, '(') if word.ends_with('$') || depth > 0 => {
                depth += 1;
                word.push(c);
            }
            (None, ')') if depth > 0 => {
                depth -= 1;
                word.push(c);
            }
            _ => word.push(c),
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// The shell state while reading a block.
#[derive(Default)]
struct Shell {
    vars: Vec<(String, String, bool)>,
}

impl Shell {
    fn get(&self, name: &str) -> Option<&str> {
        self.vars.iter().find(|v| v.0 == name).map(|v| v.1.as_str())
    }

    fn set(&mut self, name: &str, value: String, export: bool) {
        match self.vars.iter_mut().find(|v| v.0 == name) {
            Some(v) => {
                v.1 = value;
                v.2 |= export;
            }
            None => self.vars.push((name.to_string(), value, export)),
        }
    }

    /// Substitutes `$NAME` and `${NAME}` of known variables; unknown ones stay as written.
    fn substitute(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(pos) = rest.find('$') {
            out.push_str(&rest[..pos]);
            let tail = &rest[pos..];
            let (name, len) = if let Some(braced) = tail.strip_prefix("${") {
                match braced.find('}') {
                    Some(end) => (&braced[..end], end + 3),
                    None => ("", 1),
                }
            } else {
                let end = tail[1..]
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .map_or(tail.len(), |i| i + 1);
                (&tail[1..end], end)
            };
            match self.get(name).filter(|_| is_name(name)) {
                Some(value) => {
                    out.push_str(value);
                    rest = &tail[len..];
                }
                None => {
                    out.push('$');
                    rest = &tail[1..];
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// The value of an assignment's right-hand side: quotes removed, `$(…)` run in the
    /// simulated shell, variables substituted.
    fn value(&self, raw: &str, env: &ProjectEnv) -> String {
        let text = self.substitute(raw);
        let mut out = String::new();
        let mut rest = text.as_str();
        while let Some(pos) = rest.find("$(") {
            out.push_str(&rest[..pos]);
            let inner = &rest[pos + 2..];
            let mut depth = 1;
            let end = inner.char_indices().find_map(|(i, c)| {
                match c {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                (depth == 0).then_some(i)
            });
            match end {
                Some(end) => {
                    let outcome = shell::run(&inner[..end], env);
                    out.push_str(outcome.stdout.trim_end_matches('\n'));
                    rest = &inner[end + 1..];
                }
                None => {
                    out.push_str(&rest[pos..]);
                    rest = "";
                }
            }
        }
        out.push_str(rest);
        out.chars().filter(|c| *c != '"' && *c != '\'').collect()
    }
}

/// Splits `NAME=value` when the word is an assignment.
fn assignment(word: &str) -> Option<(&str, &str)> {
    let (name, value) = word.split_once('=')?;
    is_name(name).then_some((name, value))
}

/// Every `go build` invocation of the block, in order.
pub fn go_build_lines(script: &str, env: &ProjectEnv) -> Vec<GoBuildLine> {
    scan(script, env).0
}

/// One `upx` invocation of a shell block: its words after `upx`, variables substituted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UpxLine {
    pub line: usize,
    pub range: Range<usize>,
    pub args: Vec<String>,
}

/// Every `upx` invocation of the block, in order.
pub fn upx_lines(script: &str, env: &ProjectEnv) -> Vec<UpxLine> {
    scan(script, env).1
}

/// Reads the block as `sh` would, collecting its `go build` and `upx` commands.
fn scan(script: &str, env: &ProjectEnv) -> (Vec<GoBuildLine>, Vec<UpxLine>) {
    let mut sh = Shell::default();
    let mut out = Vec::new();
    let mut upx = Vec::new();
    for (line, range) in logical_lines(script) {
        let text = &script[range.clone()];
        let trimmed = text.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let ws = words(trimmed);
        let first = ws.first().map(String::as_str).unwrap_or("");
        if first == "export" {
            for w in &ws[1..] {
                match assignment(w) {
                    Some((name, value)) => {
                        let value = sh.value(value, env);
                        sh.set(name, value, true);
                    }
                    None if is_name(w) => {
                        let value = sh.get(w).unwrap_or("").to_string();
                        sh.set(w, value, true);
                    }
                    None => {}
                }
            }
            continue;
        }
        let prefix_len = ws.iter().take_while(|w| assignment(w).is_some()).count();
        if prefix_len == ws.len() {
            for w in &ws {
                if let Some((name, value)) = assignment(w) {
                    let value = sh.value(value, env);
                    sh.set(name, value, false);
                }
            }
            continue;
        }
        let rest: Vec<&str> = ws[prefix_len..].iter().map(String::as_str).collect();
        if rest.first() == Some(&"upx") {
            let args = rest[1..]
                .iter()
                .map(|w| sh.substitute(w).replace(['"', '\''], ""))
                .collect();
            upx.push(UpxLine { line, range, args });
            continue;
        }
        let is_build = matches!(rest.as_slice(), ["go", "build", ..])
            || (rest.first() == Some(&"env") && rest.windows(2).any(|w| w == ["go", "build"]));
        if !is_build {
            continue;
        }
        let mut command = String::new();
        for (name, value, exported) in &sh.vars {
            if *exported {
                command.push_str(&format!("{name}={value} "));
            }
        }
        command.push_str(&sh.substitute(trimmed));
        out.push(GoBuildLine {
            line,
            range,
            command,
        });
    }
    (out, upx)
}

/// A flag the `ldflags-lab` quick toggles switch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuickFlag {
    StripSymbols,
    StripDwarf,
    Trimpath,
}

impl QuickFlag {
    pub const ALL: [QuickFlag; 3] = [
        QuickFlag::StripSymbols,
        QuickFlag::StripDwarf,
        QuickFlag::Trimpath,
    ];

    pub fn label(self) -> &'static str {
        match self {
            QuickFlag::StripSymbols => "-s",
            QuickFlag::StripDwarf => "-w",
            QuickFlag::Trimpath => "-trimpath",
        }
    }
}

/// Where the `-ldflags` value sits in a command: the whole flag's range and the value's.
fn find_ldflags(cmd: &str) -> Option<(Range<usize>, Range<usize>)> {
    let start = cmd.find("-ldflags")?;
    let after = start + "-ldflags".len();
    let sep = cmd[after..].chars().next()?;
    if sep != '=' && sep != ' ' {
        return None;
    }
    let vstart =
        after + 1 + cmd[after + 1..].len() - cmd[after + 1..].trim_start_matches(' ').len();
    let quote = cmd[vstart..].chars().next()?;
    if quote == '"' || quote == '\'' {
        let close = cmd[vstart + 1..].find(quote)? + vstart + 1;
        Some((start..close + 1, vstart + 1..close))
    } else {
        let end = cmd[vstart..]
            .find(char::is_whitespace)
            .map_or(cmd.len(), |i| vstart + i);
        Some((start..end, vstart..end))
    }
}

/// Byte ranges of `word` standing alone (between blanks) in `text`.
fn word_positions(text: &str, word: &str) -> Vec<usize> {
    text.match_indices(word)
        .filter(|(i, _)| {
            let before = text[..*i].chars().next_back();
            let after = text[i + word.len()..].chars().next();
            before.is_none_or(char::is_whitespace) && after.is_none_or(char::is_whitespace)
        })
        .map(|(i, _)| i)
        .collect()
}

/// Whether the flag is written in this command.
pub fn has_flag(cmd: &str, flag: QuickFlag) -> bool {
    match flag {
        QuickFlag::Trimpath => !word_positions(cmd, "-trimpath").is_empty(),
        _ => find_ldflags(cmd)
            .is_some_and(|(_, v)| !word_positions(&cmd[v], flag.label()).is_empty()),
    }
}

/// Adds the flag to the command, or removes it where written. Returns the new command text.
pub fn toggle_flag(cmd: &str, flag: QuickFlag) -> String {
    let insert_at = cmd.find("go build").map(|i| i + "go build".len());
    if flag == QuickFlag::Trimpath {
        let positions = word_positions(cmd, "-trimpath");
        return match (positions.first(), insert_at) {
            (Some(&i), _) => {
                let start = if cmd[..i].ends_with(' ') { i - 1 } else { i };
                format!("{}{}", &cmd[..start], &cmd[i + "-trimpath".len()..])
            }
            (None, Some(at)) => format!("{} -trimpath{}", &cmd[..at], &cmd[at..]),
            (None, None) => cmd.to_string(),
        };
    }
    let word = flag.label();
    match find_ldflags(cmd) {
        Some((whole, value)) => {
            let v = &cmd[value.clone()];
            let positions = word_positions(v, word);
            let new_value = match positions.first() {
                Some(&i) => {
                    let mut end = i + word.len();
                    end += v[end..].len() - v[end..].trim_start_matches(' ').len();
                    format!("{}{}", &v[..i], &v[end..]).trim_end().to_string()
                }
                None if v.trim().is_empty() => word.to_string(),
                None => format!("{word} {v}"),
            };
            if new_value.trim().is_empty() {
                let start = if cmd[..whole.start].ends_with(' ') {
                    whole.start - 1
                } else {
                    whole.start
                };
                return format!("{}{}", &cmd[..start], &cmd[whole.end..]);
            }
            let quoted = value.start > whole.start && cmd[..value.start].ends_with(['"', '\'']);
            if quoted || !new_value.contains(' ') {
                format!("{}{}{}", &cmd[..value.start], new_value, &cmd[value.end..])
            } else {
                format!(
                    "{}\"{}\"{}",
                    &cmd[..value.start],
                    new_value,
                    &cmd[value.end..]
                )
            }
        }
        None => match insert_at {
            Some(at) => format!("{} -ldflags=\"{word}\"{}", &cmd[..at], &cmd[at..]),
            None => cmd.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn commands(script: &str) -> Vec<(usize, String)> {
        go_build_lines(script, &ProjectEnv::default())
            .into_iter()
            .map(|l| (l.line, l.command))
            .collect()
    }

    #[test]
    fn continuations_join_and_comments_and_other_commands_are_ignored() {
        let script = "# build\nexport CGO_ENABLED=0\n\nGOOS=linux GOARCH=arm64 \\\n  go build -o dist/a ./cmd/a\nls -l out/\n";
        let got = commands(script);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, 4);
        assert!(
            got[0]
                .1
                .starts_with("CGO_ENABLED=0 GOOS=linux GOARCH=arm64"),
            "{}",
            got[0].1
        );
        assert!(got[0].1.contains("go build -o dist/a ./cmd/a"));
    }

    #[test]
    fn variables_are_substituted_and_command_substitution_uses_the_project_env() {
        let script = "PKG=./cmd/x\nVERSION=$(git describe --tags --always --dirty)\ngo build -ldflags \"-X main.version=${VERSION}\" -o out/x $PKG\n";
        let got = commands(script);
        assert_eq!(got.len(), 1);
        assert!(
            got[0].1.contains("-X main.version=v1.2.3\""),
            "{}",
            got[0].1
        );
        assert!(got[0].1.ends_with("./cmd/x"), "{}", got[0].1);
        // Not exported: not the command's environment.
        assert!(!got[0].1.starts_with("PKG="));
    }

    #[test]
    fn upx_lines_are_collected_with_variables_substituted() {
        let script = "OUT=out/server\ngo build -o $OUT ./cmd/x\nupx --best -o \"${OUT}.upx\" $OUT\n# upx commented\n";
        let got = upx_lines(script, &ProjectEnv::default());
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].line, 3);
        assert_eq!(
            got[0].args,
            ["--best", "-o", "out/server.upx", "out/server"]
        );
        assert_eq!(go_build_lines(script, &ProjectEnv::default()).len(), 1);
    }

    #[test]
    fn quick_toggles_add_and_remove_flags() {
        let plain = "go build -o out/plain $PKG";
        let s = toggle_flag(plain, QuickFlag::StripSymbols);
        assert_eq!(s, "go build -ldflags=\"-s\" -o out/plain $PKG");
        assert!(has_flag(&s, QuickFlag::StripSymbols));
        let sw = toggle_flag(&s, QuickFlag::StripDwarf);
        assert_eq!(sw, "go build -ldflags=\"-w -s\" -o out/plain $PKG");
        let w = toggle_flag(&sw, QuickFlag::StripSymbols);
        assert_eq!(w, "go build -ldflags=\"-w\" -o out/plain $PKG");
        assert_eq!(toggle_flag(&w, QuickFlag::StripDwarf), plain);
        let t = toggle_flag(plain, QuickFlag::Trimpath);
        assert_eq!(t, "go build -trimpath -o out/plain $PKG");
        assert_eq!(toggle_flag(&t, QuickFlag::Trimpath), plain);
        assert!(!has_flag(
            "go build -ldflags=\"-s -w\" .",
            QuickFlag::Trimpath
        ));
        assert!(has_flag(
            "go build -ldflags=\"-s -w\" .",
            QuickFlag::StripDwarf
        ));
    }
}
