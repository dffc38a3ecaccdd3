//! The part of GitHub Actions' expression language that a job's `if:` uses in practice: literals,
//! context paths (`github.ref`, `needs.test.result`, `matrix.os`), `!`, `==`, `!=`, `<`, `<=`,
//! `>`, `>=`, `&&`, `||`, parentheses, `startsWith`/`endsWith`/`contains`/`format` and the status
//! functions `success()`, `failure()`, `always()`, `cancelled()`.
//!
//! Comparisons follow the expressions page: strings compare case-insensitively, mixed types are
//! coerced to numbers; `&&`/`||` return an operand, not a boolean. Parsing has a depth limit so
//! that hostile nesting cannot overflow the stack.

use crate::Text;

/// A runtime value of an expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
}

impl Value {
    pub fn truthy(&self) -> bool {
        match self {
            Value::Null => false,
            Value::Bool(b) => *b,
            Value::Number(n) => *n != 0.0 && !n.is_nan(),
            Value::String(s) => !s.is_empty(),
        }
    }

    fn as_number(&self) -> f64 {
        match self {
            Value::Null => 0.0,
            Value::Bool(b) => f64::from(u8::from(*b)),
            Value::Number(n) => *n,
            Value::String(s) => {
                let t = s.trim();
                if t.is_empty() {
                    0.0
                } else {
                    t.parse().unwrap_or(f64::NAN)
                }
            }
        }
    }

    pub fn to_display(&self) -> String {
        match self {
            Value::Null => String::new(),
            Value::Bool(b) => b.to_string(),
            Value::Number(n) => {
                if n.fract() == 0.0 && n.abs() < 1e15 {
                    format!("{}", *n as i64)
                } else {
                    n.to_string()
                }
            }
            Value::String(s) => s.clone(),
        }
    }
}

/// What the expression can read: contexts by dotted path and the job's status view.
pub trait Context {
    /// `github.ref` → `["github", "ref"]`. Unknown paths are `Null`, as on GitHub.
    fn lookup(&self, path: &[String]) -> Value;
    /// Whether every needed job (transitively) succeeded.
    fn success(&self) -> bool;
    /// Whether any needed job (transitively) failed.
    fn failure(&self) -> bool;
}

#[derive(Clone, Debug, PartialEq)]
enum Expr {
    Literal(Value),
    Path(Vec<String>),
    Not(Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Compare(&'static str, Box<Expr>, Box<Expr>),
    Call(String, Vec<Expr>),
}

/// A parsed condition.
#[derive(Clone, Debug, PartialEq)]
pub struct Condition {
    expr: Expr,
    /// Uses `success()`, `failure()`, `always()` or `cancelled()`; otherwise GitHub wraps the
    /// condition in an implicit `success() && (...)`.
    pub has_status_function: bool,
}

const MAX_DEPTH: usize = 64;

/// Strips an optional `${{ ... }}` around a whole `if:` value (GitHub allows omitting it).
pub fn strip_braces(source: &str) -> &str {
    let t = source.trim();
    if let Some(inner) = t.strip_prefix("${{").and_then(|r| r.strip_suffix("}}")) {
        if !inner.contains("${{") {
            return inner.trim();
        }
    }
    t
}

impl Condition {
    pub fn parse(source: &str) -> Result<Condition, Text> {
        let text = strip_braces(source);
        let tokens = tokenize(text)?;
        let mut parser = Parser {
            tokens,
            position: 0,
            depth: 0,
            status: false,
        };
        let expr = parser.or()?;
        if parser.position < parser.tokens.len() {
            return Err(Text::new(
                format!(
                    "Unexpected `{}` in the expression.",
                    parser.tokens[parser.position].describe()
                ),
                format!(
                    "式の中に予期しない `{}` があります。",
                    parser.tokens[parser.position].describe()
                ),
            ));
        }
        Ok(Condition {
            expr,
            has_status_function: parser.status,
        })
    }

    /// Evaluates as a job's `if:`: with the implicit `success() &&` when no status function is
    /// used.
    pub fn evaluate_job_if(&self, context: &dyn Context) -> Result<bool, Text> {
        if !self.has_status_function && !context.success() {
            return Ok(false);
        }
        Ok(eval(&self.expr, context)?.truthy())
    }
}

/// Replaces every `${{ expr }}` in `text` with its value, as the runner does for `with:` inputs.
/// An expression the simulator cannot evaluate is left as written.
pub fn interpolate(text: &str, context: &dyn Context) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("${{") {
        let (before, after) = rest.split_at(start);
        out.push_str(before);
        let Some(end) = after.find("}}") else {
            out.push_str(after);
            return out;
        };
        let (whole, tail) = after.split_at(end + 2);
        let inner = whole.get(3..whole.len() - 2).unwrap_or("");
        let value = tokenize(inner).ok().and_then(|tokens| {
            let mut parser = Parser {
                tokens,
                position: 0,
                depth: 0,
                status: false,
            };
            let expr = parser.or().ok()?;
            if parser.position < parser.tokens.len() {
                return None;
            }
            eval(&expr, context).ok()
        });
        match value {
            Some(value) => out.push_str(&value.to_display()),
            None => out.push_str(whole),
        }
        rest = tail;
    }
    out.push_str(rest);
    out
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Ident(String),
    Str(String),
    Num(f64),
    Op(&'static str),
}

impl Token {
    fn describe(&self) -> String {
        match self {
            Token::Ident(s) => s.clone(),
            Token::Str(s) => format!("'{s}'"),
            Token::Num(n) => n.to_string(),
            Token::Op(o) => o.to_string(),
        }
    }
}

fn tokenize(text: &str) -> Result<Vec<Token>, Text> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c == '\'' {
            let mut value = String::new();
            i += 1;
            loop {
                match chars.get(i) {
                    None => {
                        return Err(Text::new(
                            "A string literal is missing its closing `'`.",
                            "文字列リテラルの閉じ `'` がありません。",
                        ))
                    }
                    Some('\'') if chars.get(i + 1) == Some(&'\'') => {
                        value.push('\'');
                        i += 2;
                    }
                    Some('\'') => {
                        i += 1;
                        break;
                    }
                    Some(&other) => {
                        value.push(other);
                        i += 1;
                    }
                }
            }
            tokens.push(Token::Str(value));
            continue;
        }
        let two: String = chars.iter().skip(i).take(2).collect();
        if let Some(op) = ["==", "!=", "<=", ">=", "&&", "||"]
            .into_iter()
            .find(|op| *op == two)
        {
            tokens.push(Token::Op(op));
            i += 2;
            continue;
        }
        if let Some(op) = ["!", "<", ">", "(", ")", ",", ".", "[", "]"]
            .into_iter()
            .find(|op| op.starts_with(c))
        {
            tokens.push(Token::Op(op));
            i += 1;
            continue;
        }
        if c.is_ascii_digit() || (c == '-' && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit()))
        {
            let start = i;
            i += 1;
            while chars
                .get(i)
                .is_some_and(|d| d.is_ascii_alphanumeric() || *d == '.')
            {
                i += 1;
            }
            let literal: String = chars.get(start..i).unwrap_or_default().iter().collect();
            let number = if let Some(hex) = literal.strip_prefix("0x") {
                i64::from_str_radix(hex, 16).ok().map(|n| n as f64)
            } else {
                literal.parse().ok()
            };
            match number {
                Some(n) => tokens.push(Token::Num(n)),
                None => {
                    return Err(Text::new(
                        format!("`{literal}` is not a number."),
                        format!("`{literal}` は数値ではありません。"),
                    ))
                }
            }
            continue;
        }
        if c.is_alphabetic() || c == '_' {
            let start = i;
            while chars
                .get(i)
                .is_some_and(|d| d.is_alphanumeric() || *d == '_' || *d == '-')
            {
                i += 1;
            }
            tokens.push(Token::Ident(
                chars.get(start..i).unwrap_or_default().iter().collect(),
            ));
            continue;
        }
        return Err(Text::new(
            format!("Unexpected character `{c}` in the expression."),
            format!("式の中に予期しない文字 `{c}` があります。"),
        ));
    }
    Ok(tokens)
}

struct Parser {
    tokens: Vec<Token>,
    position: usize,
    depth: usize,
    status: bool,
}

impl Parser {
    fn peek_op(&self, op: &str) -> bool {
        matches!(self.tokens.get(self.position), Some(Token::Op(o)) if *o == op)
    }

    fn expect_op(&mut self, op: &str) -> Result<(), Text> {
        if self.peek_op(op) {
            self.position += 1;
            Ok(())
        } else {
            Err(Text::new(
                format!("Expected `{op}` in the expression."),
                format!("式の中に `{op}` が必要です。"),
            ))
        }
    }

    fn enter(&mut self) -> Result<(), Text> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Text::new(
                "The expression is nested too deeply.",
                "式の入れ子が深すぎます。",
            ));
        }
        Ok(())
    }

    fn or(&mut self) -> Result<Expr, Text> {
        self.enter()?;
        let mut left = self.and()?;
        while self.peek_op("||") {
            self.position += 1;
            let right = self.and()?;
            left = Expr::Or(Box::new(left), Box::new(right));
        }
        self.depth -= 1;
        Ok(left)
    }

    fn and(&mut self) -> Result<Expr, Text> {
        let mut left = self.comparison()?;
        while self.peek_op("&&") {
            self.position += 1;
            let right = self.comparison()?;
            left = Expr::And(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn comparison(&mut self) -> Result<Expr, Text> {
        let mut left = self.unary()?;
        while let Some(Token::Op(op)) = self.tokens.get(self.position) {
            let op: &'static str = op;
            if !matches!(op, "==" | "!=" | "<" | "<=" | ">" | ">=") {
                break;
            }
            self.position += 1;
            let right = self.unary()?;
            left = Expr::Compare(op, Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Expr, Text> {
        if self.peek_op("!") {
            self.position += 1;
            self.enter()?;
            let inner = self.unary()?;
            self.depth -= 1;
            return Ok(Expr::Not(Box::new(inner)));
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<Expr, Text> {
        let token = self.tokens.get(self.position).cloned();
        self.position += 1;
        match token {
            Some(Token::Op("(")) => {
                let inner = self.or()?;
                self.expect_op(")")?;
                Ok(inner)
            }
            Some(Token::Str(s)) => Ok(Expr::Literal(Value::String(s))),
            Some(Token::Num(n)) => Ok(Expr::Literal(Value::Number(n))),
            Some(Token::Ident(name)) => match name.as_str() {
                "true" => Ok(Expr::Literal(Value::Bool(true))),
                "false" => Ok(Expr::Literal(Value::Bool(false))),
                "null" => Ok(Expr::Literal(Value::Null)),
                _ if self.peek_op("(") => {
                    self.position += 1;
                    let mut arguments = Vec::new();
                    if !self.peek_op(")") {
                        loop {
                            arguments.push(self.or()?);
                            if self.peek_op(",") {
                                self.position += 1;
                            } else {
                                break;
                            }
                        }
                    }
                    self.expect_op(")")?;
                    let lower = name.to_ascii_lowercase();
                    if matches!(
                        lower.as_str(),
                        "success" | "failure" | "always" | "cancelled"
                    ) {
                        self.status = true;
                    }
                    Ok(Expr::Call(lower, arguments))
                }
                _ => {
                    let mut path = vec![name];
                    loop {
                        if self.peek_op(".") {
                            self.position += 1;
                            match self.tokens.get(self.position).cloned() {
                                Some(Token::Ident(part)) => {
                                    self.position += 1;
                                    path.push(part);
                                }
                                Some(Token::Op("*")) => self.position += 1,
                                _ => {
                                    return Err(Text::new(
                                        "Expected a property name after `.`.",
                                        "`.` の後にプロパティ名が必要です。",
                                    ))
                                }
                            }
                        } else if self.peek_op("[") {
                            self.position += 1;
                            match self.tokens.get(self.position).cloned() {
                                Some(Token::Str(part)) => {
                                    self.position += 1;
                                    path.push(part);
                                }
                                _ => return Err(Text::new(
                                    "Only a string index such as `['name']` is supported.",
                                    "`['name']` のような文字列のインデックスだけに対応しています。",
                                )),
                            }
                            self.expect_op("]")?;
                        } else {
                            break;
                        }
                    }
                    Ok(Expr::Path(path))
                }
            },
            Some(other) => Err(Text::new(
                format!("Unexpected `{}` in the expression.", other.describe()),
                format!("式の中に予期しない `{}` があります。", other.describe()),
            )),
            None => Err(Text::new(
                "The expression ends too early.",
                "式が途中で終わっています。",
            )),
        }
    }
}

fn eval(expr: &Expr, context: &dyn Context) -> Result<Value, Text> {
    Ok(match expr {
        Expr::Literal(v) => v.clone(),
        Expr::Path(path) => {
            let lowered: Vec<String> = path.iter().map(|p| p.to_ascii_lowercase()).collect();
            context.lookup(&lowered)
        }
        Expr::Not(inner) => Value::Bool(!eval(inner, context)?.truthy()),
        Expr::And(l, r) => {
            let left = eval(l, context)?;
            if left.truthy() {
                eval(r, context)?
            } else {
                left
            }
        }
        Expr::Or(l, r) => {
            let left = eval(l, context)?;
            if left.truthy() {
                left
            } else {
                eval(r, context)?
            }
        }
        Expr::Compare(op, l, r) => {
            let left = eval(l, context)?;
            let right = eval(r, context)?;
            Value::Bool(compare(op, &left, &right))
        }
        Expr::Call(name, arguments) => {
            let mut values = Vec::with_capacity(arguments.len());
            for a in arguments {
                values.push(eval(a, context)?);
            }
            call(name, &values, context)?
        }
    })
}

fn compare(op: &str, left: &Value, right: &Value) -> bool {
    use std::cmp::Ordering;
    let ordering = match (left, right) {
        (Value::String(a), Value::String(b)) => Some(a.to_lowercase().cmp(&b.to_lowercase())),
        (Value::Null, Value::Null) => Some(Ordering::Equal),
        _ => left.as_number().partial_cmp(&right.as_number()),
    };
    match (op, ordering) {
        ("==", Some(o)) => o == Ordering::Equal,
        ("!=", Some(o)) => o != Ordering::Equal,
        ("!=", None) => true,
        ("<", Some(o)) => o == Ordering::Less,
        ("<=", Some(o)) => o != Ordering::Greater,
        (">", Some(o)) => o == Ordering::Greater,
        (">=", Some(o)) => o != Ordering::Less,
        _ => false,
    }
}

fn call(name: &str, arguments: &[Value], context: &dyn Context) -> Result<Value, Text> {
    let argument = |i: usize| arguments.get(i).cloned().unwrap_or(Value::Null);
    let text = |i: usize| argument(i).to_display().to_lowercase();
    Ok(match name {
        "success" => Value::Bool(context.success()),
        "failure" => Value::Bool(context.failure()),
        "always" => Value::Bool(true),
        // The simulator never cancels a run, so `cancelled()` is always false.
        "cancelled" => Value::Bool(false),
        "startswith" => Value::Bool(text(0).starts_with(&text(1))),
        "endswith" => Value::Bool(text(0).ends_with(&text(1))),
        "contains" => Value::Bool(text(0).contains(&text(1))),
        "format" => {
            let mut out = argument(0).to_display();
            for (i, value) in arguments.iter().enumerate().skip(1) {
                out = out.replace(&format!("{{{}}}", i - 1), &value.to_display());
            }
            Value::String(out)
        }
        other => {
            return Err(Text::new(
                format!("The simulator does not evaluate `{other}()`."),
                format!("シミュレーターは `{other}()` を評価しません。"),
            ))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fixed {
        failed: bool,
    }

    impl Context for Fixed {
        fn lookup(&self, path: &[String]) -> Value {
            match path.join(".").as_str() {
                "github.ref" => Value::String("refs/tags/v1.2.3".into()),
                "github.event_name" => Value::String("push".into()),
                _ => Value::Null,
            }
        }
        fn success(&self) -> bool {
            !self.failed
        }
        fn failure(&self) -> bool {
            self.failed
        }
    }

    fn check(source: &str, failed: bool, expected: Result<bool, ()>) {
        let result = Condition::parse(source)
            .and_then(|c| c.evaluate_job_if(&Fixed { failed }))
            .map_err(|_| ());
        assert_eq!(result, expected, "{source} (failed upstream: {failed})");
    }

    #[test]
    fn job_conditions() {
        check("always()", true, Ok(true));
        check("${{ always() }}", true, Ok(true));
        check("failure()", true, Ok(true));
        check("failure()", false, Ok(false));
        check("success()", true, Ok(false));
        check("cancelled()", false, Ok(false));
        check("startsWith(github.ref, 'refs/tags/')", false, Ok(true));
        // Implicit success(): a plain condition is false when a needed job failed.
        check("startsWith(github.ref, 'refs/tags/')", true, Ok(false));
        check(
            "${{ ! startsWith(github.ref, 'refs/tags/') }}",
            false,
            Ok(false),
        );
        check("github.event_name == 'PUSH'", false, Ok(true));
        check("github.event_name != 'push' || always()", true, Ok(true));
        check("github.nothing", false, Ok(false));
        check("1 < 2 && '' ", false, Ok(false));
        check("(true", false, Err(()));
        check("'open", false, Err(()));
        check("hashFiles('x')", false, Err(()));
        check(&"(".repeat(10_000), false, Err(()));
        check(&"!".repeat(10_000), false, Err(()));
    }
}
