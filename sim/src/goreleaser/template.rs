//! The Go `text/template` subset that GoReleaser configs use, evaluated like
//! `internal/tmpl/tmpl.go` does it: `missingkey=error`, GoReleaser's function map, and its error
//! shape `template: failed to apply "<template>": <details>` (the `template: tmpl:1:3: executing …`
//! prefix is stripped, as `internal/tmpl/errors.go` does).
//!
//! Supported: text, `{{ pipeline }}`, `{{- trim -}}` markers, `if`/`else if`/`else`/`end`,
//! `with`/`else`/`end`, field chains (`.Env.NAME`, `.Runtime.Goos`), `.`, string/number/bool
//! literals, parentheses, pipes, and the functions listed in [`call`]. `range`, variables and
//! `define` are reported as not supported by the simulator (not as learner errors).

use std::collections::BTreeMap;

/// A template value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Str(String),
    Bool(bool),
    Int(i64),
    Map(BTreeMap<String, Value>),
}

impl Value {
    fn truthy(&self) -> bool {
        match self {
            Value::Str(s) => !s.is_empty(),
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Map(m) => !m.is_empty(),
        }
    }

    fn render(&self) -> String {
        match self {
            Value::Str(s) => s.clone(),
            Value::Bool(b) => b.to_string(),
            Value::Int(i) => i.to_string(),
            Value::Map(m) => {
                let inner: Vec<String> = m
                    .iter()
                    .map(|(k, v)| format!("{k}:{}", v.render()))
                    .collect();
                format!("map[{}]", inner.join(" "))
            }
        }
    }

    fn type_name(&self) -> &'static str {
        match self {
            Value::Str(_) => "string",
            Value::Bool(_) => "bool",
            Value::Int(_) => "int",
            Value::Map(_) => "map[string]interface {}",
        }
    }
}

/// The fields a template sees (`tmpl.Fields` in GoReleaser).
pub type Fields = BTreeMap<String, Value>;

/// Why a template could not be applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateError {
    /// GoReleaser's message: `template: failed to apply "<src>": <details>`.
    pub message: String,
    /// True when the template uses a construct this simulator does not implement (not a learner
    /// mistake; the real tool may accept it).
    pub unsupported: bool,
}

/// Applies `source` with `fields`. `time` formats the simulated clock (the `Date` field).
pub fn apply(source: &str, fields: &Fields) -> Result<String, TemplateError> {
    Template::parse(source).apply(fields)
}

/// A template parsed once, to apply to many sets of fields (one per target, say) — what
/// `text/template`'s `Parse` then `Execute` do.
#[derive(Debug)]
pub struct Template {
    source: String,
    nodes: Result<Vec<Node>, TemplateError>,
}

impl Template {
    pub fn parse(source: &str) -> Template {
        Template {
            source: source.to_string(),
            nodes: parse_nodes(source),
        }
    }

    pub fn apply(&self, fields: &Fields) -> Result<String, TemplateError> {
        let nodes = self.nodes.as_ref().map_err(Clone::clone)?;
        let mut out = String::new();
        // The root dot is `fields` itself (None), so applying a template never copies the fields.
        exec(nodes, None, fields, &mut out, 0).map_err(|e| failure(&self.source, e, false))?;
        Ok(out)
    }
}

fn failure(source: &str, details: String, unsupported: bool) -> TemplateError {
    TemplateError {
        message: format!("template: failed to apply {source:?}: {details}"),
        unsupported,
    }
}

fn parse_nodes(source: &str) -> Result<Vec<Node>, TemplateError> {
    let tokens = lex(source).map_err(|e| failure(source, e, false))?;
    let mut parser = Parser { tokens, pos: 0 };
    let nodes = parser.nodes(0).map_err(|e| failure(source, e.0, e.1))?;
    if let Some(tok) = parser.tokens.get(parser.pos) {
        let what = match tok {
            Tok::Action(a) => a.trim().split(' ').next().unwrap_or("").to_string(),
            Tok::Text(_) => String::new(),
        };
        return Err(failure(source, format!("unexpected {{{{{what}}}}}"), false));
    }
    Ok(nodes)
}

/// Nesting and output limits keep hostile templates bounded.
const MAX_NESTING: usize = 50;
const MAX_OUTPUT: usize = 1 << 20;

#[derive(Debug)]
enum Tok {
    Text(String),
    Action(String),
}

fn lex(source: &str) -> Result<Vec<Tok>, String> {
    let mut tokens = Vec::new();
    let mut rest = source;
    let mut trim_next_text = false;
    while let Some(open) = rest.find("{{") {
        let mut text = &rest[..open];
        if trim_next_text {
            text = text.trim_start();
        }
        let mut inner = &rest[open + 2..];
        let trim_before =
            inner.starts_with("- ") || inner.starts_with("-\t") || inner.starts_with("-\n");
        if trim_before {
            text = text.trim_end();
            inner = &inner[1..];
        }
        if !text.is_empty() {
            tokens.push(Tok::Text(text.to_string()));
        }
        let Some(close) = find_close(inner) else {
            return Err("unclosed action".to_string());
        };
        let mut action = &inner[..close];
        trim_next_text = false;
        if action.ends_with(" -") || action.ends_with("\t-") || action.ends_with("\n-") {
            action = &action[..action.len() - 1];
            trim_next_text = true;
        }
        let action = action.trim();
        if !(action.starts_with("/*") && action.ends_with("*/")) {
            tokens.push(Tok::Action(action.to_string()));
        }
        rest = &inner[close + 2..];
    }
    let text = if trim_next_text {
        rest.trim_start()
    } else {
        rest
    };
    if !text.is_empty() {
        tokens.push(Tok::Text(text.to_string()));
    }
    Ok(tokens)
}

/// The `}}` closing an action, skipping string literals.
fn find_close(inner: &str) -> Option<usize> {
    let bytes = inner.as_bytes();
    let mut i = 0;
    let mut quote: Option<u8> = None;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) => {
                if b == b'\\' && q == b'"' {
                    i += 1;
                } else if b == q {
                    quote = None;
                }
            }
            None => {
                if b == b'"' || b == b'`' {
                    quote = Some(b);
                } else if b == b'}' && bytes.get(i + 1) == Some(&b'}') {
                    return Some(i);
                }
            }
        }
        i += 1;
    }
    None
}

#[derive(Debug)]
enum Node {
    Text(String),
    Action(Pipeline),
    If(Pipeline, Vec<Node>, Vec<Node>),
    With(Pipeline, Vec<Node>, Vec<Node>),
}

type Pipeline = Vec<Cmd>;

#[derive(Debug)]
struct Cmd {
    args: Vec<Operand>,
}

#[derive(Debug)]
enum Operand {
    Dot,
    Field(Vec<String>),
    Func(String),
    Str(String),
    Int(i64),
    Bool(bool),
    Paren(Pipeline),
}

struct Parser {
    tokens: Vec<Tok>,
    pos: usize,
}

/// A parse error: details, and whether it is a construct the simulator does not support.
struct ParseError(String, bool);

enum Stop {
    End,
    Else(String),
}

impl Parser {
    /// Parses nodes until `end`/`else` (left unconsumed for the caller) or the end of input.
    fn nodes(&mut self, depth: usize) -> Result<Vec<Node>, ParseError> {
        if depth > MAX_NESTING {
            return Err(ParseError("template nesting too deep".to_string(), false));
        }
        let mut nodes = Vec::new();
        while let Some(tok) = self.tokens.get(self.pos) {
            match tok {
                Tok::Text(t) => {
                    nodes.push(Node::Text(t.clone()));
                    self.pos += 1;
                }
                Tok::Action(a) => {
                    let a = a.clone();
                    let keyword = a.split_whitespace().next().unwrap_or("");
                    match keyword {
                        "end" | "else" => return Ok(nodes),
                        "if" | "with" => {
                            self.pos += 1;
                            let cond = parse_pipeline(a[keyword.len()..].trim())?;
                            let (then, other) = self.branches(depth)?;
                            nodes.push(if keyword == "if" {
                                Node::If(cond, then, other)
                            } else {
                                Node::With(cond, then, other)
                            });
                        }
                        "range" | "define" | "template" | "block" | "break" | "continue" => {
                            return Err(ParseError(
                                format!("{{{{{keyword}}}}} is not simulated by the playground"),
                                true,
                            ))
                        }
                        _ if a.starts_with('$') => {
                            return Err(ParseError(
                                "template variables are not simulated by the playground"
                                    .to_string(),
                                true,
                            ))
                        }
                        "" => {
                            return Err(ParseError("missing value for command".to_string(), false))
                        }
                        _ => {
                            self.pos += 1;
                            nodes.push(Node::Action(parse_pipeline(&a)?));
                        }
                    }
                }
            }
        }
        Ok(nodes)
    }

    /// After `if`/`with`: the then-branch, and the else-branch (`else if` nests).
    fn branches(&mut self, depth: usize) -> Result<(Vec<Node>, Vec<Node>), ParseError> {
        let then = self.nodes(depth + 1)?;
        match self.stop() {
            Some(Stop::End) => Ok((then, Vec::new())),
            Some(Stop::Else(rest)) => {
                let rest = rest.trim().to_string();
                if let Some(cond) = rest.strip_prefix("if ") {
                    let cond = parse_pipeline(cond.trim())?;
                    let (t, e) = self.branches(depth + 1)?;
                    Ok((then, vec![Node::If(cond, t, e)]))
                } else if let Some(cond) = rest.strip_prefix("with ") {
                    let cond = parse_pipeline(cond.trim())?;
                    let (t, e) = self.branches(depth + 1)?;
                    Ok((then, vec![Node::With(cond, t, e)]))
                } else {
                    let other = self.nodes(depth + 1)?;
                    match self.stop() {
                        Some(Stop::End) => Ok((then, other)),
                        Some(Stop::Else(_)) => Err(ParseError(
                            "expected end; found {{else}}".to_string(),
                            false,
                        )),
                        None => Err(ParseError("unexpected EOF".to_string(), false)),
                    }
                }
            }
            None => Err(ParseError("unexpected EOF".to_string(), false)),
        }
    }

    fn stop(&mut self) -> Option<Stop> {
        let Some(Tok::Action(a)) = self.tokens.get(self.pos) else {
            return None;
        };
        let stop = if a == "end" {
            Stop::End
        } else if let Some(rest) = a.strip_prefix("else") {
            Stop::Else(rest.to_string())
        } else {
            return None;
        };
        self.pos += 1;
        Some(stop)
    }
}

fn parse_pipeline(source: &str) -> Result<Pipeline, ParseError> {
    let chars: Vec<char> = source.chars().collect();
    let mut pos = 0;
    let pipeline = pipeline_at(&chars, &mut pos, 0)?;
    if pos < chars.len() {
        return Err(ParseError(
            format!("unexpected {:?} in operand", chars[pos]),
            false,
        ));
    }
    Ok(pipeline)
}

fn pipeline_at(chars: &[char], pos: &mut usize, depth: usize) -> Result<Pipeline, ParseError> {
    if depth > MAX_NESTING {
        return Err(ParseError("template nesting too deep".to_string(), false));
    }
    let mut cmds = Vec::new();
    let mut args = Vec::new();
    loop {
        while chars.get(*pos).is_some_and(|c| c.is_whitespace()) {
            *pos += 1;
        }
        let Some(&c) = chars.get(*pos) else { break };
        match c {
            ')' => break,
            '|' => {
                *pos += 1;
                if args.is_empty() {
                    return Err(ParseError("missing command".to_string(), false));
                }
                cmds.push(Cmd {
                    args: std::mem::take(&mut args),
                });
            }
            '(' => {
                *pos += 1;
                let inner = pipeline_at(chars, pos, depth + 1)?;
                if chars.get(*pos) != Some(&')') {
                    return Err(ParseError("unclosed left paren".to_string(), false));
                }
                *pos += 1;
                args.push(Operand::Paren(inner));
            }
            '"' | '`' => {
                let quote = c;
                *pos += 1;
                let mut s = String::new();
                loop {
                    let Some(&ch) = chars.get(*pos) else {
                        return Err(ParseError("unterminated quoted string".to_string(), false));
                    };
                    *pos += 1;
                    if ch == quote {
                        break;
                    }
                    if ch == '\\' && quote == '"' {
                        let escaped = chars.get(*pos).copied().unwrap_or('\\');
                        *pos += 1;
                        s.push(match escaped {
                            'n' => '\n',
                            't' => '\t',
                            other => other,
                        });
                    } else {
                        s.push(ch);
                    }
                }
                args.push(Operand::Str(s));
            }
            '$' => {
                return Err(ParseError(
                    "template variables are not simulated by the playground".to_string(),
                    true,
                ))
            }
            _ => {
                let start = *pos;
                while chars.get(*pos).is_some_and(|c| {
                    !c.is_whitespace() && !matches!(c, '(' | ')' | '|' | '"' | '`')
                }) {
                    *pos += 1;
                }
                let word: String = chars[start..*pos].iter().collect();
                args.push(operand(&word)?);
            }
        }
    }
    if !args.is_empty() {
        cmds.push(Cmd { args });
    }
    if cmds.is_empty() {
        return Err(ParseError("missing value for command".to_string(), false));
    }
    Ok(cmds)
}

fn operand(word: &str) -> Result<Operand, ParseError> {
    if word == "." {
        return Ok(Operand::Dot);
    }
    if let Some(chain) = word.strip_prefix('.') {
        let parts: Vec<String> = chain.split('.').map(str::to_string).collect();
        if parts.iter().any(|p| p.is_empty()) {
            return Err(ParseError(format!("bad field {word:?}"), false));
        }
        return Ok(Operand::Field(parts));
    }
    if word == "true" || word == "false" {
        return Ok(Operand::Bool(word == "true"));
    }
    if let Ok(n) = word.parse::<i64>() {
        return Ok(Operand::Int(n));
    }
    if word.chars().all(|c| c.is_alphanumeric() || c == '_') {
        if !FUNCTIONS.contains(&word) {
            if GORELEASER_ONLY.contains(&word) {
                return Err(ParseError(
                    format!("function {word:?} is not simulated by the playground"),
                    true,
                ));
            }
            return Err(ParseError(format!("function {word:?} not defined"), false));
        }
        return Ok(Operand::Func(word.to_string()));
    }
    Err(ParseError(
        format!("bad character in operand {word:?}"),
        false,
    ))
}

/// Functions the simulator evaluates: GoReleaser's common ones plus text/template built-ins.
const FUNCTIONS: &[&str] = &[
    "eq",
    "ne",
    "lt",
    "le",
    "gt",
    "ge",
    "and",
    "or",
    "not",
    "len",
    "print",
    "tolower",
    "toupper",
    "title",
    "replace",
    "trim",
    "trimprefix",
    "trimsuffix",
    "contains",
    "time",
    "incmajor",
    "incminor",
    "incpatch",
    "envOrDefault",
    "isEnvSet",
    "base",
    "dir",
];

/// Functions GoReleaser defines (`internal/tmpl/tmpl.go`) that the simulator does not evaluate.
const GORELEASER_ONLY: &[&str] = &[
    "split",
    "abs",
    "join",
    "filter",
    "reverseFilter",
    "mdv2escape",
    "map",
    "indexOrDefault",
    "urlPathEscape",
    "sha1",
    "sha256",
    "sha512",
    "md5",
    "blake3",
    "blake2b",
    "blake2s",
    "crc32",
    "sha224",
    "sha384",
    "sha3_224",
    "sha3_256",
    "sha3_384",
    "sha3_512",
    "readFile",
    "mustReadFile",
    "englishJoin",
    "list",
    "index",
    "printf",
    "println",
    "slice",
    "html",
    "js",
    "urlquery",
    "call",
];

fn exec(
    nodes: &[Node],
    dot: Option<&Value>,
    fields: &Fields,
    out: &mut String,
    depth: usize,
) -> Result<(), String> {
    for node in nodes {
        if out.len() > MAX_OUTPUT {
            return Err("output too large".to_string());
        }
        match node {
            Node::Text(t) => out.push_str(t),
            Node::Action(p) => out.push_str(&eval_pipeline(p, dot, fields, depth)?.render()),
            Node::If(cond, then, other) => {
                let branch = if eval_pipeline(cond, dot, fields, depth)?.truthy() {
                    then
                } else {
                    other
                };
                exec(branch, dot, fields, out, depth + 1)?;
            }
            Node::With(cond, then, other) => {
                let value = eval_pipeline(cond, dot, fields, depth)?;
                if value.truthy() {
                    exec(then, Some(&value), fields, out, depth + 1)?;
                } else {
                    exec(other, dot, fields, out, depth + 1)?;
                }
            }
        }
    }
    Ok(())
}

fn eval_pipeline(
    p: &Pipeline,
    dot: Option<&Value>,
    fields: &Fields,
    depth: usize,
) -> Result<Value, String> {
    let mut previous: Option<Value> = None;
    for cmd in p {
        previous = Some(eval_cmd(cmd, previous, dot, fields, depth)?);
    }
    previous.ok_or_else(|| "missing value for command".to_string())
}

fn eval_cmd(
    cmd: &Cmd,
    piped: Option<Value>,
    dot: Option<&Value>,
    fields: &Fields,
    depth: usize,
) -> Result<Value, String> {
    let Some((first, rest)) = cmd.args.split_first() else {
        return Err("empty command".to_string());
    };
    match first {
        Operand::Func(name) => {
            let mut args = Vec::with_capacity(rest.len() + 1);
            for a in rest {
                args.push(eval_operand(a, dot, fields, depth)?);
            }
            if let Some(p) = piped {
                args.push(p);
            }
            call(name, &args, fields)
        }
        // `.Now` is a time.Time in GoReleaser; `{{ .Now.Format "2006-01-02" }}` is a method call
        // on it, which configs use. The simulated clock is the `Date` field.
        Operand::Field(parts) if parts == &["Now".to_string(), "Format".to_string()] => {
            let layout = match (rest, piped) {
                ([arg], None) => eval_operand(arg, dot, fields, depth)?,
                ([], Some(p)) => p,
                _ => return Err("wrong number of args for Format: want 1".to_string()),
            };
            match layout {
                Value::Str(layout) => Ok(Value::Str(go_time_format(&layout, fields))),
                other => Err(format!(
                    "wrong type for value; expected string; got {}",
                    other.type_name()
                )),
            }
        }
        other => {
            if !rest.is_empty() || piped.is_some() {
                return Err(format!(
                    "can't give argument to non-function {}",
                    describe(other)
                ));
            }
            eval_operand(other, dot, fields, depth)
        }
    }
}

fn describe(op: &Operand) -> String {
    match op {
        Operand::Dot => ".".to_string(),
        Operand::Field(parts) => format!(".{}", parts.join(".")),
        Operand::Str(s) => format!("{s:?}"),
        Operand::Int(i) => i.to_string(),
        Operand::Bool(b) => b.to_string(),
        Operand::Func(f) => f.clone(),
        Operand::Paren(_) => "(…)".to_string(),
    }
}

fn eval_operand(
    op: &Operand,
    dot: Option<&Value>,
    fields: &Fields,
    depth: usize,
) -> Result<Value, String> {
    if depth > MAX_NESTING {
        return Err("template nesting too deep".to_string());
    }
    match op {
        Operand::Dot => Ok(dot.cloned().unwrap_or_else(|| Value::Map(fields.clone()))),
        Operand::Str(s) => Ok(Value::Str(s.clone())),
        Operand::Int(i) => Ok(Value::Int(*i)),
        Operand::Bool(b) => Ok(Value::Bool(*b)),
        Operand::Paren(p) => eval_pipeline(p, dot, fields, depth + 1),
        Operand::Func(name) => call(name, &[], fields),
        Operand::Field(parts) => {
            let Some((first, rest)) = parts.split_first() else {
                return Ok(dot.cloned().unwrap_or_else(|| Value::Map(fields.clone())));
            };
            let missing = |key: &str| format!("map has no entry for key {key:?}");
            let mut current = match dot {
                None => fields.get(first).cloned().ok_or_else(|| missing(first))?,
                Some(Value::Map(map)) => map.get(first).cloned().ok_or_else(|| missing(first))?,
                Some(other) => {
                    return Err(format!(
                        "can't evaluate field {first} in type {}",
                        other.type_name()
                    ))
                }
            };
            for part in rest {
                current = match current {
                    // missingkey=error: `map has no entry for key "X"` (text/template exec.go).
                    Value::Map(map) => map
                        .get(part)
                        .cloned()
                        .ok_or_else(|| format!("map has no entry for key {part:?}"))?,
                    other => {
                        return Err(format!(
                            "can't evaluate field {part} in type {}",
                            other.type_name()
                        ))
                    }
                };
            }
            Ok(current)
        }
    }
}

fn arg_str(args: &[Value], i: usize, name: &str) -> Result<String, String> {
    match args.get(i) {
        Some(Value::Str(s)) => Ok(s.clone()),
        Some(other) => Err(format!(
            "error calling {name}: wrong type for value; expected string; got {}",
            other.type_name()
        )),
        None => Err(format!(
            "wrong number of args for {name}: want {} got {}",
            i + 1,
            args.len()
        )),
    }
}

fn want_args(name: &str, args: &[Value], n: usize) -> Result<(), String> {
    if args.len() != n {
        return Err(format!(
            "wrong number of args for {name}: want {n} got {}",
            args.len()
        ));
    }
    Ok(())
}

fn basic_eq(name: &str, a: &Value, b: &Value) -> Result<bool, String> {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Ok(x == y),
        (Value::Int(x), Value::Int(y)) => Ok(x == y),
        (Value::Bool(x), Value::Bool(y)) => Ok(x == y),
        _ => Err(format!(
            "error calling {name}: incompatible types for comparison"
        )),
    }
}

fn call(name: &str, args: &[Value], fields: &Fields) -> Result<Value, String> {
    let s = |i| arg_str(args, i, name);
    Ok(match name {
        "eq" => {
            let Some((first, rest)) = args.split_first() else {
                return Err("wrong number of args for eq: want at least 1 got 0".to_string());
            };
            let mut any = false;
            for other in rest {
                any |= basic_eq(name, first, other)?;
            }
            Value::Bool(any)
        }
        "ne" => {
            want_args(name, args, 2)?;
            Value::Bool(!basic_eq(name, &args[0], &args[1])?)
        }
        "lt" | "le" | "gt" | "ge" => {
            want_args(name, args, 2)?;
            let ordering = match (&args[0], &args[1]) {
                (Value::Int(a), Value::Int(b)) => a.cmp(b),
                (Value::Str(a), Value::Str(b)) => a.cmp(b),
                _ => {
                    return Err(format!(
                        "error calling {name}: incompatible types for comparison"
                    ))
                }
            };
            Value::Bool(match name {
                "lt" => ordering.is_lt(),
                "le" => ordering.is_le(),
                "gt" => ordering.is_gt(),
                _ => ordering.is_ge(),
            })
        }
        // Go's and/or return the deciding argument, not a bool.
        "and" => args
            .iter()
            .find(|v| !v.truthy())
            .or(args.last())
            .cloned()
            .unwrap_or(Value::Bool(true)),
        "or" => args
            .iter()
            .find(|v| v.truthy())
            .or(args.last())
            .cloned()
            .unwrap_or(Value::Bool(false)),
        "not" => {
            want_args(name, args, 1)?;
            Value::Bool(!args[0].truthy())
        }
        "len" => {
            want_args(name, args, 1)?;
            match &args[0] {
                Value::Str(x) => Value::Int(x.len() as i64),
                Value::Map(m) => Value::Int(m.len() as i64),
                other => {
                    return Err(format!(
                        "error calling len: len of type {}",
                        other.type_name()
                    ))
                }
            }
        }
        "print" => Value::Str(args.iter().map(Value::render).collect::<Vec<_>>().join("")),
        "tolower" => Value::Str(s(0)?.to_lowercase()),
        "toupper" => Value::Str(s(0)?.to_uppercase()),
        "title" => Value::Str(title(&s(0)?)),
        "trim" => Value::Str(s(0)?.trim().to_string()),
        // strings.ReplaceAll(s, old, new). A pipe passes its value as the *last* argument, so
        // `{{ .Os | replace "a" "b" }}` is ReplaceAll("a", "b", .Os): a classic surprise we mirror.
        "replace" => {
            want_args(name, args, 3)?;
            Value::Str(s(0)?.replace(&s(1)?, &s(2)?))
        }
        "trimprefix" => {
            want_args(name, args, 2)?;
            let (x, prefix) = (s(0)?, s(1)?);
            Value::Str(x.strip_prefix(prefix.as_str()).unwrap_or(&x).to_string())
        }
        "trimsuffix" => {
            want_args(name, args, 2)?;
            let (x, suffix) = (s(0)?, s(1)?);
            Value::Str(x.strip_suffix(suffix.as_str()).unwrap_or(&x).to_string())
        }
        "contains" => {
            want_args(name, args, 2)?;
            Value::Bool(s(0)?.contains(&s(1)?))
        }
        "time" => {
            want_args(name, args, 1)?;
            Value::Str(go_time_format(&s(0)?, fields))
        }
        "incmajor" | "incminor" | "incpatch" => {
            want_args(name, args, 1)?;
            Value::Str(increment(&s(0)?, name)?)
        }
        "envOrDefault" => {
            want_args(name, args, 2)?;
            let env = env_value(fields, &s(0)?);
            Value::Str(env.unwrap_or(s(1)?))
        }
        "isEnvSet" => {
            want_args(name, args, 1)?;
            Value::Bool(env_value(fields, &s(0)?).is_some())
        }
        "base" => Value::Str(s(0)?.rsplit('/').next().unwrap_or("").to_string()),
        "dir" => {
            let path = s(0)?;
            Value::Str(match path.rfind('/') {
                Some(0) => "/".to_string(),
                Some(i) => path[..i].to_string(),
                None => ".".to_string(),
            })
        }
        other => return Err(format!("function {other:?} not defined")),
    })
}

fn env_value(fields: &Fields, key: &str) -> Option<String> {
    match fields.get("Env") {
        Some(Value::Map(env)) => env.get(key).map(Value::render),
        _ => None,
    }
}

/// `cases.Title(language.English)`: first letter of each word upper-cased, the rest lower-cased.
fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if c.is_alphanumeric() || c == '\'' {
            if start {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            start = false;
        } else {
            out.push(c);
            start = true;
        }
    }
    out
}

/// `incmajor "v1.2.3"` → `v2.0.0` (semver, keeps a leading `v`, like GoReleaser's incMajor).
fn increment(version: &str, which: &str) -> Result<String, String> {
    let (prefix, rest) = match version.strip_prefix('v') {
        Some(rest) => ("v", rest),
        None => ("", version),
    };
    let core = rest.split(['-', '+']).next().unwrap_or("");
    let parts: Vec<u64> = core.split('.').filter_map(|p| p.parse().ok()).collect();
    let [major, minor, patch] = parts[..] else {
        return Err(format!("error calling {which}: Invalid Semantic Version"));
    };
    let (a, b, c) = match which {
        "incmajor" => (major.saturating_add(1), 0, 0),
        "incminor" => (major, minor.saturating_add(1), 0),
        _ => (major, minor, patch.saturating_add(1)),
    };
    Ok(format!("{prefix}{a}.{b}.{c}"))
}

/// Formats the simulated clock (`.Date` in RFC 3339) with a Go layout for the common tokens
/// (`2006 01 02 15 04 05 Jan Mon MST Z07:00`).
fn go_time_format(layout: &str, fields: &Fields) -> String {
    let date = match fields.get("Date") {
        Some(Value::Str(d)) => d.clone(),
        _ => String::new(),
    };
    // Date is `YYYY-MM-DDTHH:MM:SSZ`.
    let part = |from: usize, to: usize| date.get(from..to).unwrap_or("").to_string();
    let (year, month, day, hour, minute, second) = (
        part(0, 4),
        part(5, 7),
        part(8, 10),
        part(11, 13),
        part(14, 16),
        part(17, 19),
    );
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month_name = month
        .parse::<usize>()
        .ok()
        .and_then(|m| MONTHS.get(m.wrapping_sub(1)))
        .copied()
        .unwrap_or("");
    let replacements: [(&str, String); 9] = [
        ("2006", year),
        ("Jan", month_name.to_string()),
        ("01", month),
        ("02", day),
        ("15", hour),
        ("04", minute),
        ("05", second),
        ("Z07:00", "Z".to_string()),
        ("MST", "UTC".to_string()),
    ];
    let mut out = String::new();
    let mut rest = layout;
    'outer: while !rest.is_empty() {
        for (token, value) in &replacements {
            if let Some(after) = rest.strip_prefix(token) {
                out.push_str(value);
                rest = after;
                continue 'outer;
            }
        }
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            out.push(c);
        }
        rest = chars.as_str();
    }
    out
}
