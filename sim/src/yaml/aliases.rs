//! How large a document would grow if its aliases were expanded, measured on the text before any
//! YAML library expands them: a "billion laughs" document (`b: &b [*a, *a, …]`, `c: &c [*b, …]`)
//! is refused in microseconds instead of after tens of milliseconds of expansion.
//!
//! The scan is linear and deliberately simple. An anchor (`&name` at the start of a node) opens a
//! span that ends at the next line indented no deeper than the line that holds it; its *weight*
//! is the number of nodes it stands for: one per line and per flow item (`,`) inside the span,
//! plus the weight of every alias (`*name`) inside it. Every alias in the document then adds the
//! weight of its anchor to the total. Block scalars (`run: |`), comments and quoted scalars are
//! skipped, so `&&` or `*.go` in a shell script is never read as YAML. The count errs on the side
//! of too many (an alias after a flow anchor on the same line is counted into that anchor), which
//! only matters for documents far beyond what any real configuration contains.
//!
//! Real tools bound this too, differently: Go's yaml.v3 (GoReleaser) fails with "document contains
//! excessive aliasing" once aliases make up too much of a large document; yaml_serde stops after
//! 100 alias jumps per event. Both only notice while expanding.

use std::collections::HashMap;

/// More nodes than this coming from aliases is refused. A real workflow or `.goreleaser.yaml` that
/// uses anchors for shared defaults expands to a few hundred.
pub const MAX_ALIAS_NODES: u64 = 20_000;

/// Where the expansion first passes [`MAX_ALIAS_NODES`]: the 1-based line and column of the alias,
/// and the total reached there (saturating).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Excess {
    pub line: usize,
    pub column: usize,
    pub nodes: u64,
}

struct Open<'a> {
    name: &'a str,
    indent: usize,
    weight: u64,
}

/// Returns where the aliases of `source` would expand past [`MAX_ALIAS_NODES`], if they would.
pub fn excessive_aliasing(source: &str) -> Option<Excess> {
    if !source.contains('&') || !source.contains('*') {
        return None;
    }
    let mut weights: HashMap<&str, u64> = HashMap::new();
    let mut open: Vec<Open> = Vec::new();
    let mut total: u64 = 0;
    // Indent of the line that started a block scalar; deeper lines are its content.
    let mut block_scalar: Option<usize> = None;
    let mut flow_depth = 0usize;
    for (line_index, line) in source.lines().enumerate() {
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        if trimmed.is_empty() {
            continue;
        }
        if let Some(parent) = block_scalar {
            if indent > parent {
                continue;
            }
            block_scalar = None;
        }
        if trimmed.starts_with('#') {
            continue;
        }
        if flow_depth == 0 {
            while open.last().is_some_and(|top| top.indent >= indent) {
                close(&mut open, &mut weights);
            }
        }
        for anchor in open.iter_mut() {
            anchor.weight = anchor.weight.saturating_add(1);
        }
        let tokens = scan_line(line, &mut flow_depth);
        for token in tokens.items {
            match token {
                Token::Anchor(name) => open.push(Open {
                    name,
                    indent,
                    weight: 1,
                }),
                Token::Alias(name, column) => {
                    // An alias inside its own anchor is a recursive document: yaml_serde reports it.
                    let Some(&weight) = weights.get(name) else {
                        continue;
                    };
                    for anchor in open.iter_mut() {
                        anchor.weight = anchor.weight.saturating_add(weight);
                    }
                    total = total.saturating_add(weight);
                    if total > MAX_ALIAS_NODES {
                        return Some(Excess {
                            line: line_index + 1,
                            column,
                            nodes: total,
                        });
                    }
                }
                Token::Item => {
                    for anchor in open.iter_mut() {
                        anchor.weight = anchor.weight.saturating_add(1);
                    }
                }
            }
        }
        if tokens.starts_block_scalar && flow_depth == 0 {
            block_scalar = Some(indent);
        }
    }
    None
}

fn close<'a>(open: &mut Vec<Open<'a>>, weights: &mut HashMap<&'a str, u64>) {
    if let Some(done) = open.pop() {
        weights.insert(done.name, done.weight);
    }
}

enum Token<'a> {
    Anchor(&'a str),
    /// The alias's name and its 1-based column (in characters).
    Alias(&'a str, usize),
    /// A `,` between flow items.
    Item,
}

struct LineTokens<'a> {
    items: Vec<Token<'a>>,
    /// The line's value is `|` or `>` (with indicators): the deeper lines that follow are text.
    starts_block_scalar: bool,
}

/// Anchors, aliases and flow separators of one line, outside quotes and comments. A token counts
/// only where a node can start: at the line's start, after whitespace, or after `[`, `{` or `,`.
fn scan_line<'a>(line: &'a str, flow_depth: &mut usize) -> LineTokens<'a> {
    let mut items = Vec::new();
    let mut quote: Option<char> = None;
    let mut previous: Option<char> = None;
    let mut last_significant: Option<usize> = None;
    let mut chars = line.char_indices().peekable();
    let mut column = 0usize;
    while let Some((at, c)) = chars.next() {
        column += 1;
        let boundary = matches!(previous, None | Some(' ' | '\t' | '[' | '{' | ','));
        previous = Some(c);
        if let Some(q) = quote {
            if c == '\\' && q == '"' {
                chars.next();
                column += 1;
                previous = None;
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '"' | '\'' if boundary => quote = Some(c),
            '#' if boundary && at > 0 => break,
            '#' if at == 0 => break,
            '[' | '{' => *flow_depth += 1,
            ']' | '}' => *flow_depth = flow_depth.saturating_sub(1),
            ',' if *flow_depth > 0 => items.push(Token::Item),
            '&' | '*' if boundary => {
                let rest = &line[at + 1..];
                let end = rest
                    .find(|ch: char| {
                        ch.is_whitespace() || matches!(ch, ',' | '[' | ']' | '{' | '}')
                    })
                    .unwrap_or(rest.len());
                let name = &rest[..end];
                if !name.is_empty() {
                    items.push(if c == '&' {
                        Token::Anchor(name)
                    } else {
                        Token::Alias(name, column)
                    });
                }
            }
            _ => {}
        }
        if !c.is_whitespace() {
            last_significant = Some(at + c.len_utf8());
        }
    }
    let starts_block_scalar =
        quote.is_none() && last_significant.is_some_and(|end| is_block_scalar_header(&line[..end]));
    LineTokens {
        items,
        starts_block_scalar,
    }
}

/// Whether the line's value (the text after `key:` or `-`) ends in a block scalar header such as
/// `|`, `>-`, `|+2`; `head` is the line up to its last significant character before a comment.
fn is_block_scalar_header(head: &str) -> bool {
    // Only ASCII blanks separate YAML tokens (an ideographic space is text), so `+ 1` stays on a
    // character boundary.
    let start = head.rfind([' ', '\t']).map_or(0, |i| i + 1);
    let word = &head[start..];
    let mut before = head[..start].trim_end();
    // `key: &anchor |` and `key: !!str >`: node properties may stand before the header.
    if let Some(space) = before.rfind([' ', '\t']) {
        if before[space + 1..].starts_with(['&', '!']) {
            before = before[..space].trim_end();
        }
    }
    let after_indicator = before.is_empty() || before.ends_with(':') || before.ends_with('-');
    after_indicator
        && matches!(word.chars().next(), Some('|' | '>'))
        && word
            .chars()
            .skip(1)
            .all(|c| matches!(c, '-' | '+' | '1'..='9'))
}
