//! A small model of the POSIX shell command lines found in `RUN`: enough to find the simple
//! commands (`apk add ...`, `go build ...`), their `VAR=value` prefixes and their words. It is not
//! a shell: no expansion beyond quote removal, and anything it does not understand is passed
//! through as words. Used by the image, cache, runtime and lint rules.

/// One simple command: `CGO_ENABLED=0 go build -o /app/server .`
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SimpleCommand {
    /// `VAR=value` assignments written in front of the command.
    pub assignments: Vec<(String, String)>,
    /// The command name and its arguments, quotes removed.
    pub words: Vec<String>,
}

impl SimpleCommand {
    pub fn name(&self) -> &str {
        self.words.first().map(String::as_str).unwrap_or("")
    }

    /// The words after the command name.
    pub fn args(&self) -> &[String] {
        self.words.get(1..).unwrap_or(&[])
    }

    /// True for `program sub ...` such as `apk add` or `go build`, allowing flags in between
    /// (`apt-get -y install`).
    pub fn is(&self, program: &str, sub: &str) -> bool {
        self.name().rsplit('/').next() == Some(program)
            && self
                .args()
                .iter()
                .find(|w| !w.starts_with('-'))
                .map(String::as_str)
                == Some(sub)
    }

    /// Arguments that are not flags, after the subcommand.
    pub fn operands_after(&self, sub: &str) -> Vec<&str> {
        let mut seen_sub = false;
        let mut out = Vec::new();
        for word in self.args() {
            if !seen_sub {
                seen_sub = word == sub;
                continue;
            }
            if !word.starts_with('-') {
                out.push(word.as_str());
            }
        }
        out
    }

    pub fn has_flag(&self, flag: &str) -> bool {
        self.args()
            .iter()
            .any(|w| w == flag || w.starts_with(&format!("{flag}=")))
    }
}

/// A parsed command line: its simple commands and what connects them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CommandLine {
    pub commands: Vec<SimpleCommand>,
    /// True when a `|` pipe appears outside quotes.
    pub has_pipe: bool,
}

/// Splits `script` at `&&`, `||`, `;`, `|`, `&` and newlines (outside quotes) into simple commands.
pub fn parse_command_line(script: &str) -> CommandLine {
    let mut line = CommandLine::default();
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut quote: Option<char> = None;
    let mut chars = script.chars().peekable();
    let finish_word = |word: &mut String, in_word: &mut bool, words: &mut Vec<String>| {
        if *in_word {
            words.push(std::mem::take(word));
            *in_word = false;
        }
    };
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some('\''), c) => word.push(c),
            (Some(_), '\\') => match chars.next() {
                Some(n @ ('"' | '\\' | '$' | '`')) => word.push(n),
                Some(n) => {
                    word.push('\\');
                    word.push(n);
                }
                None => word.push('\\'),
            },
            (Some(_), c) => word.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                in_word = true;
            }
            (None, '\\') => {
                if let Some(n) = chars.next() {
                    if n != '\n' {
                        word.push(n);
                        in_word = true;
                    }
                }
            }
            (None, '#') if !in_word => {
                // A shell comment runs to the end of the line.
                for n in chars.by_ref() {
                    if n == '\n' {
                        break;
                    }
                }
                finish_word(&mut word, &mut in_word, &mut words);
                push_command(&mut line, &mut words);
            }
            (None, ';' | '&' | '|' | '\n' | '(' | ')') => {
                finish_word(&mut word, &mut in_word, &mut words);
                if c == '|' {
                    if chars.peek() == Some(&'|') {
                        chars.next();
                    } else {
                        line.has_pipe = true;
                    }
                } else if c == '&' && chars.peek() == Some(&'&') {
                    chars.next();
                }
                push_command(&mut line, &mut words);
            }
            (None, c) if c.is_whitespace() => finish_word(&mut word, &mut in_word, &mut words),
            (None, c) => {
                word.push(c);
                in_word = true;
            }
        }
    }
    finish_word(&mut word, &mut in_word, &mut words);
    push_command(&mut line, &mut words);
    line
}

fn push_command(line: &mut CommandLine, words: &mut Vec<String>) {
    if words.is_empty() {
        return;
    }
    let all = std::mem::take(words);
    let mut assignments = Vec::new();
    let mut rest = all.into_iter().peekable();
    while let Some(w) = rest.peek() {
        match w.split_once('=') {
            Some((k, v)) if is_name(k) => {
                assignments.push((k.to_string(), v.to_string()));
                rest.next();
            }
            _ => break,
        }
    }
    let words: Vec<String> = rest.collect();
    // `env VAR=x cmd` and `exec cmd` behave like the command itself for our purposes.
    let mut start = 0;
    while matches!(
        words.get(start).map(String::as_str),
        Some("exec" | "env" | "sudo" | "time")
    ) {
        start += 1;
        while let Some((k, v)) = words.get(start).and_then(|w| w.split_once('=')) {
            if !is_name(k) {
                break;
            }
            assignments.push((k.to_string(), v.to_string()));
            start += 1;
        }
    }
    let words = words.into_iter().skip(start).collect();
    line.commands.push(SimpleCommand { assignments, words });
}

fn is_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(script: &str, expected: &[&str], pipe: bool) {
        let line = parse_command_line(script);
        let got: Vec<String> = line
            .commands
            .iter()
            .map(|c| {
                let mut parts: Vec<String> = c
                    .assignments
                    .iter()
                    .map(|(k, v)| format!("{k}={v}"))
                    .collect();
                parts.extend(c.words.iter().cloned());
                parts.join(" ")
            })
            .collect();
        assert_eq!(got, expected, "commands of {script:?}");
        assert_eq!(line.has_pipe, pipe, "pipe in {script:?}");
    }

    #[test]
    fn splits_simple_commands() {
        check("apk add --no-cache git", &["apk add --no-cache git"], false);
        check(
            "CGO_ENABLED=0 GOOS=linux go build -ldflags=\"-s -w\" -o /app/server .",
            &["CGO_ENABLED=0 GOOS=linux go build -ldflags=-s -w -o /app/server ."],
            false,
        );
        check(
            "apt-get update && apt-get install -y curl",
            &["apt-get update", "apt-get install -y curl"],
            false,
        );
        check("curl -fsSL x | sh", &["curl -fsSL x", "sh"], true);
        check("a || b; c", &["a", "b", "c"], false);
        check("echo 'a | b' \"c && d\"", &["echo a | b c && d"], false);
        check(
            "go mod download          # cached layer",
            &["go mod download"],
            false,
        );
        check("set -e\ngo version\n", &["set -e", "go version"], false);
        check(
            "cd /src && go build ./...",
            &["cd /src", "go build ./..."],
            false,
        );
    }
}
