//! The simulated `/bin/sh` behind `$(shell …)` and `!=`: a tiny command-line reader (quotes,
//! `&&`, `||`, `;`, redirections of stderr) and answers for the commands a Go Makefile asks about
//! — `git describe`, `git rev-parse`, `date`, `go env`, `uname`, `echo` — from a [`ProjectEnv`].
//!
//! Anything else is reported as "not simulated" rather than guessed: its output is empty and its
//! exit status 127, so a `|| echo dev` fallback behaves as it would on a machine without the tool.

use super::env::{strftime, GitState, ProjectEnv};

/// What one simulated command line produced.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ShellOutcome {
    pub stdout: String,
    /// Lines the command wrote to stderr (make passes them through to its own stderr).
    pub stderr: Vec<String>,
    pub status: i32,
    /// Commands that the simulator could not answer, as written.
    pub unsimulated: Vec<String>,
}

/// One word of a shell command after quote removal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub text: String,
    /// The word contained `$(`, a backtick, a glob or another construct we do not expand.
    pub opaque: bool,
}

/// A token of a command line: a word or an operator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Token {
    Word(Word),
    And,
    Or,
    Semi,
    Pipe,
    Redirect(String),
}

/// Splits a command line into words and operators, removing quotes as `sh` does. Backslash-newline
/// is a line continuation and disappears. Never fails: an unterminated quote ends at the end.
pub fn tokenize(line: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = line.chars().peekable();
    let mut word = String::new();
    let mut in_word = false;
    let mut opaque = false;
    let flush =
        |tokens: &mut Vec<Token>, word: &mut String, in_word: &mut bool, opaque: &mut bool| {
            if *in_word {
                tokens.push(Token::Word(Word {
                    text: std::mem::take(word),
                    opaque: *opaque,
                }));
            }
            *in_word = false;
            *opaque = false;
        };
    while let Some(c) = chars.next() {
        match c {
            ' ' | '\t' | '\n' => flush(&mut tokens, &mut word, &mut in_word, &mut opaque),
            '\\' => match chars.next() {
                Some('\n') => {}
                Some(next) => {
                    word.push(next);
                    in_word = true;
                }
                None => {}
            },
            '\'' => {
                in_word = true;
                for q in chars.by_ref() {
                    if q == '\'' {
                        break;
                    }
                    word.push(q);
                }
            }
            '"' => {
                in_word = true;
                while let Some(q) = chars.next() {
                    match q {
                        '"' => break,
                        '\\' => match chars.peek().copied() {
                            Some('\n') => {
                                chars.next();
                            }
                            Some(n @ ('"' | '\\' | '$' | '`')) => {
                                chars.next();
                                word.push(n);
                            }
                            _ => word.push('\\'),
                        },
                        '$' | '`' => {
                            opaque = true;
                            word.push(q);
                        }
                        _ => word.push(q),
                    }
                }
            }
            '&' if chars.peek() == Some(&'&') => {
                chars.next();
                flush(&mut tokens, &mut word, &mut in_word, &mut opaque);
                tokens.push(Token::And);
            }
            '|' => {
                flush(&mut tokens, &mut word, &mut in_word, &mut opaque);
                if chars.peek() == Some(&'|') {
                    chars.next();
                    tokens.push(Token::Or);
                } else {
                    tokens.push(Token::Pipe);
                }
            }
            ';' => {
                flush(&mut tokens, &mut word, &mut in_word, &mut opaque);
                tokens.push(Token::Semi);
            }
            '>' | '<' => {
                // `2>/dev/null`, `>&2`, `2>&1`: the fd digits already collected belong to it.
                let mut op = if in_word && word.bytes().all(|b| b.is_ascii_digit()) {
                    in_word = false;
                    std::mem::take(&mut word)
                } else {
                    flush(&mut tokens, &mut word, &mut in_word, &mut opaque);
                    String::new()
                };
                op.push(c);
                while let Some(&n) = chars.peek() {
                    if n == '>' || n == '&' {
                        op.push(n);
                        chars.next();
                    } else {
                        break;
                    }
                }
                while chars.peek() == Some(&' ') {
                    chars.next();
                }
                while let Some(&n) = chars.peek() {
                    if n.is_whitespace() || matches!(n, ';' | '|' | '&') && !op.ends_with('&') {
                        break;
                    }
                    op.push(n);
                    chars.next();
                }
                tokens.push(Token::Redirect(op));
            }
            '$' | '`' | '*' | '?' | '[' | '(' | ')' | '~' => {
                opaque = true;
                in_word = true;
                word.push(c);
            }
            _ => {
                in_word = true;
                word.push(c);
            }
        }
    }
    flush(&mut tokens, &mut word, &mut in_word, &mut opaque);
    tokens
}

/// Runs `line` in the simulated shell.
pub fn run(line: &str, env: &ProjectEnv) -> ShellOutcome {
    let tokens = tokenize(line);
    let mut outcome = ShellOutcome::default();
    // Split into simple commands joined by `&&`, `||`, `;`.
    let mut command: Vec<&Token> = Vec::new();
    let mut pending_op: Option<&Token> = None;
    let mut commands: Vec<(Option<&Token>, Vec<&Token>)> = Vec::new();
    for token in &tokens {
        match token {
            Token::And | Token::Or | Token::Semi => {
                commands.push((pending_op, std::mem::take(&mut command)));
                pending_op = Some(token);
            }
            _ => command.push(token),
        }
    }
    commands.push((pending_op, command));
    for (op, command) in commands {
        let skip = match op {
            Some(Token::And) => outcome.status != 0,
            Some(Token::Or) => outcome.status == 0,
            _ => false,
        };
        if skip || command.is_empty() {
            continue;
        }
        run_simple(&command, line, env, &mut outcome);
    }
    outcome
}

fn run_simple(command: &[&Token], line: &str, env: &ProjectEnv, outcome: &mut ShellOutcome) {
    let mut words: Vec<&Word> = Vec::new();
    let mut stderr_to_null = false;
    let mut stdout_to_null = false;
    let mut has_pipe = false;
    let mut stderr_to_stdout = false;
    for token in command {
        match token {
            Token::Word(w) => words.push(w),
            Token::Redirect(r) => match r.as_str() {
                "2>/dev/null" | "2>>/dev/null" => stderr_to_null = true,
                ">/dev/null" | "1>/dev/null" => stdout_to_null = true,
                "&>/dev/null" | ">&/dev/null" => {
                    stdout_to_null = true;
                    stderr_to_null = true;
                }
                "2>&1" => stderr_to_stdout = !stderr_to_null,
                _ => has_pipe = true,
            },
            Token::Pipe => has_pipe = true,
            _ => {}
        }
    }
    // Leading `NAME=value` words set the command's environment; they do not change the answer.
    let start = words
        .iter()
        .position(|w| !is_assignment_word(&w.text))
        .unwrap_or(words.len());
    let words = words.get(start..).unwrap_or(&[]);
    let answer = if has_pipe || words.iter().any(|w| w.opaque) {
        None
    } else {
        let argv: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
        answer(&argv, env)
    };
    match answer {
        Some(result) => {
            if !stdout_to_null {
                outcome.stdout.push_str(&result.stdout);
                if stderr_to_stdout {
                    for line in &result.stderr {
                        outcome.stdout.push_str(line);
                        outcome.stdout.push('\n');
                    }
                }
            }
            if !stderr_to_null && !stderr_to_stdout {
                outcome.stderr.extend(result.stderr);
            }
            outcome.status = result.status;
        }
        None => {
            outcome.status = 127;
            let shown: Vec<String> = command
                .iter()
                .map(|t| match t {
                    Token::Word(w) => w.text.clone(),
                    Token::Redirect(r) => r.clone(),
                    _ => "|".to_string(),
                })
                .collect();
            let shown = if shown.is_empty() {
                line.trim().to_string()
            } else {
                shown.join(" ")
            };
            outcome.unsimulated.push(shown);
        }
    }
}

fn is_assignment_word(word: &str) -> bool {
    match word.split_once('=') {
        Some((name, _)) => {
            !name.is_empty()
                && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
                && !name.as_bytes().first().is_some_and(u8::is_ascii_digit)
        }
        None => false,
    }
}

struct Answer {
    stdout: String,
    stderr: Vec<String>,
    status: i32,
}

fn ok(stdout: String) -> Option<Answer> {
    Some(Answer {
        stdout,
        stderr: Vec::new(),
        status: 0,
    })
}

fn fail(status: i32, stderr: &str) -> Option<Answer> {
    Some(Answer {
        stdout: String::new(),
        stderr: stderr.lines().map(str::to_string).collect(),
        status,
    })
}

/// The simulated commands. `None` means "not simulated".
fn answer(argv: &[&str], env: &ProjectEnv) -> Option<Answer> {
    let (&program, args) = argv.split_first()?;
    match program {
        "echo" => {
            let (newline, args) = match args.first() {
                Some(&"-n") => (false, args.get(1..).unwrap_or(&[])),
                _ => (true, args),
            };
            let mut text = args.join(" ");
            if newline {
                text.push('\n');
            }
            ok(text)
        }
        "true" | ":" => ok(String::new()),
        "false" => fail(1, ""),
        "pwd" => ok(format!("{}\n", env.workdir)),
        "basename" if args.len() == 1 => {
            let arg = args.first()?.trim_end_matches('/');
            ok(format!("{}\n", arg.rsplit('/').next().unwrap_or(arg)))
        }
        "dirname" if args.len() == 1 => {
            let arg = args.first()?.trim_end_matches('/');
            let dir = match arg.rfind('/') {
                Some(0) => "/",
                Some(pos) => arg.get(..pos).unwrap_or("."),
                None => ".",
            };
            ok(format!("{dir}\n"))
        }
        "uname" => uname(args, env),
        "date" => date(args, env),
        "go" => go(args, env),
        "git" => git(args, env),
        _ => None,
    }
}

fn uname(args: &[&str], env: &ProjectEnv) -> Option<Answer> {
    let mut fields = Vec::new();
    let flags: Vec<&str> = if args.is_empty() {
        vec!["-s"]
    } else {
        args.to_vec()
    };
    for flag in flags {
        let letters = flag.strip_prefix('-')?;
        for letter in letters.chars() {
            match letter {
                's' => fields.push(env.uname_s.clone()),
                'm' | 'p' => fields.push(env.uname_m.clone()),
                _ => return None,
            }
        }
    }
    ok(format!("{}\n", fields.join(" ")))
}

fn date(args: &[&str], env: &ProjectEnv) -> Option<Answer> {
    // The simulated machine's local time zone is UTC, so `-u` changes nothing.
    let mut format = "%a %b %e %H:%M:%S %Z %Y".to_string();
    for arg in args {
        match *arg {
            "-u" | "--utc" | "--universal" => {}
            _ if arg.starts_with('+') => format = arg.get(1..).unwrap_or("").to_string(),
            _ => return None,
        }
    }
    ok(format!("{}\n", strftime(env.clock_epoch_seconds, &format)?))
}

fn go(args: &[&str], env: &ProjectEnv) -> Option<Answer> {
    match args {
        ["env", names @ ..] if !names.is_empty() => {
            let mut out = String::new();
            for name in names {
                let value = match *name {
                    "GOOS" | "GOHOSTOS" => env.goos.clone(),
                    "GOARCH" | "GOHOSTARCH" => env.goarch.clone(),
                    "GOVERSION" => env.go_version.clone(),
                    "CGO_ENABLED" => "1".to_string(),
                    _ => return None,
                };
                out.push_str(&value);
                out.push('\n');
            }
            ok(out)
        }
        ["version"] => ok(format!(
            "go version {} {}/{}\n",
            env.go_version, env.goos, env.goarch
        )),
        ["list", "-m"] => ok(format!("{}\n", env.module)),
        _ => None,
    }
}

const NOT_A_REPO: &str = "fatal: not a git repository (or any of the parent directories): .git";

fn git(args: &[&str], env: &ProjectEnv) -> Option<Answer> {
    let Some(git) = &env.git else {
        return match args.first() {
            Some(&("describe" | "rev-parse" | "rev-list")) => fail(128, NOT_A_REPO),
            _ => None,
        };
    };
    match args.split_first() {
        Some((&"describe", rest)) => git_describe(rest, git),
        Some((&"rev-parse", rest)) => git_rev_parse(rest, git),
        Some((&"rev-list", ["--count", "HEAD"])) => ok(format!("{}\n", git.total_commits)),
        _ => None,
    }
}

/// `git describe`, following git's rules for the one tag the simulated history has.
fn git_describe(args: &[&str], git: &GitState) -> Option<Answer> {
    let mut tags = false;
    let mut always = false;
    let mut long = false;
    let mut exact = false;
    let mut abbrev = 7usize;
    let mut dirty_mark: Option<String> = None;
    for arg in args {
        match *arg {
            "--tags" => tags = true,
            "--always" => always = true,
            "--long" => long = true,
            "--exact-match" => exact = true,
            "--dirty" => dirty_mark = Some("-dirty".to_string()),
            "HEAD" => {}
            _ => {
                if let Some(mark) = arg.strip_prefix("--dirty=") {
                    dirty_mark = Some(mark.to_string());
                } else if let Some(n) = arg.strip_prefix("--abbrev=") {
                    abbrev = n.parse().ok()?;
                } else {
                    return None;
                }
            }
        }
    }
    let suffix = match (&dirty_mark, git.dirty) {
        (Some(mark), true) => mark.as_str(),
        _ => "",
    };
    let usable_tag = git.tag.as_deref().filter(|_| tags || git.tag_annotated);
    let Some(tag) = usable_tag else {
        if always {
            return ok(format!("{}{suffix}\n", git.short_commit(abbrev.max(4))));
        }
        return match &git.tag {
            Some(_) => fail(
                128,
                &format!(
                    "fatal: No annotated tags can describe '{}'.\nHowever, there were unannotated tags: try --tags.",
                    git.commit
                ),
            ),
            None => fail(128, "fatal: No names found, cannot describe anything."),
        };
    };
    if git.commits_since_tag == 0 && !long || abbrev == 0 {
        return ok(format!("{tag}{suffix}\n"));
    }
    if exact {
        return fail(
            128,
            &format!("fatal: no tag exactly matches '{}'", git.commit),
        );
    }
    ok(format!(
        "{tag}-{}-g{}{suffix}\n",
        git.commits_since_tag,
        git.short_commit(abbrev.max(4))
    ))
}

fn git_rev_parse(args: &[&str], git: &GitState) -> Option<Answer> {
    match args {
        ["HEAD"] => ok(format!("{}\n", git.commit)),
        ["--short", "HEAD"] => ok(format!("{}\n", git.short_commit(7))),
        ["--abbrev-ref", "HEAD"] => ok(format!("{}\n", git.branch)),
        [flag, "HEAD"] => {
            let n: usize = flag.strip_prefix("--short=")?.parse().ok()?;
            ok(format!("{}\n", git.short_commit(n)))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(command: &str, git: impl FnOnce(&mut GitState), expected: (&str, i32)) {
        let mut env = ProjectEnv::default();
        if let Some(state) = env.git.as_mut() {
            git(state);
        }
        let outcome = run(command, &env);
        assert_eq!(
            (outcome.stdout.as_str(), outcome.status),
            expected,
            "{command}"
        );
    }

    #[test]
    fn simulated_commands_answer_from_the_environment() {
        let tagged = |_: &mut GitState| {};
        let ahead = |g: &mut GitState| g.commits_since_tag = 3;
        let dirty = |g: &mut GitState| {
            g.commits_since_tag = 3;
            g.dirty = true;
        };
        let untagged = |g: &mut GitState| g.tag = None;
        let lightweight = |g: &mut GitState| g.tag_annotated = false;
        check("git describe --tags --always", tagged, ("v1.2.3\n", 0));
        check(
            "git describe --tags --always --dirty",
            ahead,
            ("v1.2.3-3-g4f2a9c1\n", 0),
        );
        check(
            "git describe --tags --dirty",
            dirty,
            ("v1.2.3-3-g4f2a9c1-dirty\n", 0),
        );
        check("git describe --tags --abbrev=0", ahead, ("v1.2.3\n", 0));
        check(
            "git describe --tags --long",
            tagged,
            ("v1.2.3-0-g4f2a9c1\n", 0),
        );
        check("git describe --always", untagged, ("4f2a9c1\n", 0));
        check("git describe --tags", untagged, ("", 128));
        check("git describe", lightweight, ("", 128));
        check("git describe --tags", lightweight, ("v1.2.3\n", 0));
        check(
            "git describe --tags 2>/dev/null || echo dev",
            untagged,
            ("dev\n", 0),
        );
        check("git rev-parse --short HEAD", tagged, ("4f2a9c1\n", 0));
        check("git rev-parse --short=10 HEAD", tagged, ("4f2a9c1e8b\n", 0));
        check(
            "date -u +%Y-%m-%dT%H:%M:%SZ",
            tagged,
            ("2024-05-01T12:34:56Z\n", 0),
        );
        check("date -u '+%Y%m%d'", tagged, ("20240501\n", 0));
        check("date +\"%s\"", tagged, ("1714566896\n", 0));
        check("go env GOOS GOARCH", tagged, ("linux\namd64\n", 0));
        check("uname -s", tagged, ("Linux\n", 0));
        check("uname -m", tagged, ("x86_64\n", 0));
        check("echo -n hi; echo there", tagged, ("hithere\n", 0));
        check("false && echo no || echo yes", tagged, ("yes\n", 0));
        check("whoami", tagged, ("", 127));
        check("git log | head -1", tagged, ("", 127));
        check("echo $(date)", tagged, ("", 127));
    }

    #[test]
    fn unsimulated_commands_are_named() {
        let outcome = run(
            "cat VERSION 2>/dev/null || echo dev",
            &ProjectEnv::default(),
        );
        assert_eq!(outcome.stdout, "dev\n");
        assert_eq!(
            outcome.unsimulated,
            vec!["cat VERSION 2>/dev/null".to_string()]
        );
    }

    #[test]
    fn git_errors_go_to_stderr_unless_redirected() {
        let env = ProjectEnv {
            git: None,
            ..ProjectEnv::default()
        };
        assert_eq!(
            run("git describe --tags", &env).stderr,
            vec![NOT_A_REPO.to_string()]
        );
        assert!(run("git describe --tags 2>/dev/null", &env)
            .stderr
            .is_empty());
    }
}
