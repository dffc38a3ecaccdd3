//! What goes into an archive besides the binaries: `archives.files`, evaluated the way
//! GoReleaser's `internal/archivefiles/archivefiles.go` (`Eval`) does it over the project's files.
//!
//! * With no `files:` the archive pipe (`internal/pipe/archive/archive.go`, `Default`) uses six
//!   globs — `license*`, `LICENSE*`, `readme*`, `README*`, `changelog*`, `CHANGELOG*` — marked as
//!   defaults, so that one matching nothing is not even a warning. Writing any `files:` replaces
//!   them all.
//! * Each glob goes through `fileglob.Glob` (goreleaser/fileglob v1.4.0, `glob.go`), which compiles
//!   it with gobwas/glob v0.2.3 and `/` as separator: `*` and `?` stay inside one path element,
//!   `**` crosses them, `[abc]`/`[!abc]`/`[a-z]` (one range per bracket), `{a,b}` alternatives,
//!   `\` escapes. The walk starts at the pattern's static prefix; a matching directory brings every
//!   file under it (the walk root `.` included, so `*` alone takes the whole project). A pattern
//!   without wildcards that names nothing is an error (`matching "./X": file does not exist`); a
//!   wildcard that matches nothing is a warning (`no files matched`).
//! * The destination is the file's path, or with `dst` the path relative to the glob's directory
//!   under `dst` (`strip_parent`: under `dst` by base name). Results are sorted by destination and
//!   de-duplicated (the first source of a destination wins).
//!
//! The project's files are the simulated checkout ([`default_project_files`], editable through
//! [`super::Options`]); nothing touches a real file system.

use serde::Serialize;

/// One file of the simulated checkout.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProjectFile {
    /// `/`-separated, relative to the repository root.
    pub path: String,
    pub size: u64,
}

/// The checkout the playground globs over: the guide's `shortlink` service (chapters 2–5), with a
/// README and an MIT licence but no CHANGELOG file (GoReleaser writes the release notes itself).
/// Sizes are those of typical files of that kind; they only feed the archive size estimate.
pub fn default_project_files() -> Vec<ProjectFile> {
    [
        (".github/workflows/release.yml", 1_210),
        (".gitignore", 64),
        (".goreleaser.yaml", 1_630),
        ("Dockerfile", 620),
        ("Dockerfile.release", 180),
        ("LICENSE", 1_068),
        ("Makefile", 1_540),
        ("README.md", 3_420),
        ("cmd/shortlink/main.go", 2_310),
        ("docs/install.md", 1_870),
        ("docs/usage.md", 2_640),
        ("go.mod", 160),
        ("go.sum", 1_520),
        ("internal/shortener/shortener.go", 3_950),
        ("internal/shortener/shortener_test.go", 2_780),
    ]
    .iter()
    .map(|(path, size)| ProjectFile {
        path: path.to_string(),
        size: *size,
    })
    .collect()
}

/// `Default` in archive.go, in its order.
pub const DEFAULT_FILES: [&str; 6] = [
    "license*",
    "LICENSE*",
    "readme*",
    "README*",
    "changelog*",
    "CHANGELOG*",
];

/// Longer patterns are not compiled (real ones are a few dozen characters).
pub const MAX_PATTERN_LEN: usize = 2048;
/// `{a,b}` alternatives are expanded up to this many plain patterns.
const MAX_ALTERNATIVES: usize = 256;

/// One entry of `files:` with its source already templated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileSpec {
    pub glob: String,
    pub dst: Option<String>,
    pub strip_parent: bool,
    /// One of [`DEFAULT_FILES`] (no warning when it matches nothing).
    pub default: bool,
}

/// A project file placed in the archive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placed {
    pub source: String,
    pub destination: String,
    pub size: u64,
    /// The spec (index into the list given to [`eval`]) that matched.
    pub spec: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Evaluation {
    pub files: Vec<Placed>,
    /// Specs (not defaults) whose wildcard matched nothing: GoReleaser logs `no files matched`.
    pub unmatched: Vec<usize>,
    /// The error that stops the archive, with the spec it comes from.
    pub error: Option<(usize, String)>,
}

/// `archivefiles.Eval` over `project`.
pub fn eval(specs: &[FileSpec], project: &[ProjectFile]) -> Evaluation {
    let checkout = Checkout::new(project);
    let mut out = Evaluation::default();
    for (i, spec) in specs.iter().enumerate() {
        let matched = match checkout.glob(&spec.glob) {
            Ok(m) => m,
            Err(e) => {
                out.error = Some((i, format!("globbing failed for pattern {}: {e}", spec.glob)));
                return out;
            }
        };
        if matched.is_empty() {
            if !spec.default {
                out.unmatched.push(i);
            }
            continue;
        }
        // The prefix may not be a complete path or may use glob patterns, in that case use the
        // parent directory (archivefiles.go).
        let prefix = if checkout.exists(&clean(&spec.glob)) && !contains_matchers(&spec.glob) {
            clean(&spec.glob)
        } else {
            dir(&longest_common_prefix(&matched))
        };
        for source in matched {
            let destination = match (&spec.dst, spec.strip_parent) {
                (dst, true) => join(dst.as_deref().unwrap_or(""), base(&source)),
                (Some(dst), false) if !dst.is_empty() => join(dst, &rel(&prefix, &source)),
                _ => clean(&source),
            };
            let size = project
                .iter()
                .find(|f| f.path == source)
                .map_or(0, |f| f.size);
            out.files.push(Placed {
                source,
                destination,
                size,
                spec: i,
            });
        }
    }
    // Stable: among equal destinations the earlier spec stays first, and `unique` keeps it.
    out.files.sort_by(|a, b| a.destination.cmp(&b.destination));
    out.files
        .dedup_by(|later, first| later.destination == first.destination);
    out
}

/// `fileglob.Glob(pattern)` over the project: the matching files, or fileglob's error text.
pub fn glob(pattern: &str, project: &[ProjectFile]) -> Result<Vec<String>, String> {
    Checkout::new(project).glob(pattern)
}

/// The project as `fs.WalkDir` sees it: every file and directory, a directory before its
/// entries, entries in lexical order.
struct Checkout {
    /// (path, is a directory), in walk order; the root `.` is not listed.
    entries: Vec<(String, bool)>,
}

impl Checkout {
    fn new(project: &[ProjectFile]) -> Checkout {
        let mut entries: Vec<(Vec<&str>, bool)> = Vec::new();
        let mut dirs: std::collections::BTreeSet<Vec<&str>> = Default::default();
        for f in project {
            let parts: Vec<&str> = f.path.split('/').collect();
            for n in 1..parts.len() {
                dirs.insert(parts[..n].to_vec());
            }
            entries.push((parts, false));
        }
        entries.extend(dirs.into_iter().map(|d| (d, true)));
        entries.sort();
        entries.dedup();
        Checkout {
            entries: entries
                .into_iter()
                .map(|(parts, is_dir)| (parts.join("/"), is_dir))
                .collect(),
        }
    }

    fn kind(&self, path: &str) -> Option<bool> {
        if path == "." {
            return Some(true);
        }
        self.entries
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, is_dir)| *is_dir)
    }

    fn exists(&self, path: &str) -> bool {
        self.kind(path).is_some()
    }

    /// Every file under `dir` (recursively), in walk order.
    fn files_under(&self, dir: &str) -> Vec<String> {
        self.entries
            .iter()
            .filter(|(p, is_dir)| !is_dir && is_under(p, dir))
            .map(|(p, _)| p.clone())
            .collect()
    }

    fn glob(&self, pattern: &str) -> Result<Vec<String>, String> {
        if pattern.len() > MAX_PATTERN_LEN {
            return Err(format!(
                "the playground compiles patterns of at most {MAX_PATTERN_LEN} characters"
            ));
        }
        let trimmed = pattern.strip_prefix("./").unwrap_or(pattern);
        let trimmed = trimmed.strip_suffix('/').unwrap_or(trimmed);
        let matcher = Glob::compile(trimmed).map_err(|e| format!("compile glob pattern: {e}"))?;
        let prefix = static_prefix(trimmed);
        let outside = prefix.starts_with('/') || prefix.split('/').any(|p| p == "..");
        // Outside the checkout (absolute, `..`) the simulated project has nothing.
        let kind = if outside { None } else { self.kind(&prefix) };
        match kind {
            None if matcher.is_static() => {
                Err(format!("matching \"./{prefix}\": file does not exist"))
            }
            None => Ok(Vec::new()),
            // If the prefix is a file, it either has to be the only match, or nothing matches.
            Some(false) => Ok(if matcher.matches(&prefix) {
                vec![prefix]
            } else {
                Vec::new()
            }),
            // The walk's first entry is the prefix itself (`docs` for `docs`, `.` for `*`): a
            // matching directory brings every file under it, and the walk ends there.
            Some(true) if matcher.matches(&prefix) => Ok(self.files_under(&prefix)),
            Some(true) => {
                let mut matches = Vec::new();
                let mut skip: Option<&str> = None;
                for (path, is_dir) in &self.entries {
                    if !is_under(path, &prefix) || skip.is_some_and(|s| is_under(path, s)) {
                        continue;
                    }
                    if !matcher.matches(path) {
                        continue;
                    }
                    if *is_dir {
                        matches.extend(self.files_under(path));
                        skip = Some(path);
                    } else {
                        matches.push(path.clone());
                    }
                }
                Ok(matches)
            }
        }
    }
}

/// `path` is strictly inside `dir` (everything is inside `.`).
fn is_under(path: &str, dir: &str) -> bool {
    dir == "."
        || (path.len() > dir.len()
            && path.starts_with(dir)
            && path.as_bytes().get(dir.len()) == Some(&b'/'))
}

/// fileglob's `staticPrefix`: the path elements before the first one with a wildcard.
fn static_prefix(pattern: &str) -> String {
    let mut parts = Vec::new();
    for part in pattern.split('/').filter(|p| !p.is_empty()) {
        match Glob::compile(part) {
            Ok(g) if g.is_static() => parts.push(g.static_text()),
            _ => break,
        }
    }
    let mut prefix = parts.join("/");
    if pattern.starts_with('/') && !prefix.starts_with('/') {
        prefix.insert(0, '/');
    }
    if prefix.is_empty() {
        ".".to_string()
    } else {
        prefix
    }
}

/// fileglob's `ContainsMatchers` (false for a pattern that does not compile).
pub fn contains_matchers(pattern: &str) -> bool {
    Glob::compile(pattern).is_ok_and(|g| !g.is_static())
}

fn longest_common_prefix(paths: &[String]) -> String {
    let Some(first) = paths.first() else {
        return String::new();
    };
    let mut len = first.len();
    for p in paths {
        len = first
            .bytes()
            .zip(p.bytes())
            .take(len)
            .take_while(|(a, b)| a == b)
            .count();
    }
    // Byte-wise, like nfpm's strlcp; back off to a character boundary.
    while !first.is_char_boundary(len) {
        len -= 1;
    }
    first[..len].to_string()
}

/// `filepath.Clean` for relative `/` paths.
fn clean(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." if out.last().is_some_and(|l| *l != "..") => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    let joined = out.join("/");
    if path.starts_with('/') {
        format!("/{joined}")
    } else if joined.is_empty() {
        ".".to_string()
    } else {
        joined
    }
}

/// `filepath.Dir`.
fn dir(path: &str) -> String {
    match path.rfind('/') {
        Some(i) => clean(&path[..i]),
        None => ".".to_string(),
    }
}

fn base(path: &str) -> &str {
    path.trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or(path)
}

/// `filepath.Join`.
fn join(a: &str, b: &str) -> String {
    if a.is_empty() {
        return clean(b);
    }
    clean(&format!("{a}/{b}"))
}

/// `filepath.Rel(prefix, path)` for a prefix that contains the path (always so here).
fn rel(prefix: &str, path: &str) -> String {
    let (prefix, path) = (clean(prefix), clean(path));
    if prefix == path {
        ".".to_string()
    } else if prefix == "." {
        path
    } else {
        path.strip_prefix(&format!("{prefix}/"))
            .map_or(path.clone(), str::to_string)
    }
}

/// A gobwas/glob pattern with `/` as the separator.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Token {
    Char(char),
    /// `*`: any run of characters other than `/`.
    Any,
    /// `**`: any run of characters.
    Super,
    /// `?`: one character other than `/`.
    Single,
    /// `[abc]`, `[!abc]`.
    List {
        chars: Vec<char>,
        not: bool,
    },
    /// `[a-z]`, `[!a-z]`.
    Range {
        lo: char,
        hi: char,
        not: bool,
    },
    /// `{a,b}`: the alternatives.
    AnyOf(Vec<Vec<Token>>),
}

#[derive(Clone, Debug)]
struct Glob {
    tokens: Vec<Token>,
    /// The alternatives expanded into plain patterns; None when there would be too many.
    flat: Option<Vec<Flat>>,
}

/// One pattern without alternatives, with the literal text it starts with: a path that does not
/// start so is rejected without the character-by-character match (most of a walk's entries).
#[derive(Clone, Debug)]
struct Flat {
    prefix: String,
    tokens: Vec<Token>,
}

impl Flat {
    fn new(tokens: Vec<Token>) -> Flat {
        let prefix = tokens
            .iter()
            .map_while(|t| match t {
                Token::Char(c) => Some(*c),
                _ => None,
            })
            .collect();
        Flat { prefix, tokens }
    }
}

impl Glob {
    /// gobwas/glob's lexer and parser (`syntax/lexer/lexer.go`, `syntax/ast/parser.go`); the
    /// error texts are theirs.
    fn compile(pattern: &str) -> Result<Glob, String> {
        let chars: Vec<char> = pattern.chars().collect();
        let mut pos = 0;
        let tokens = parse_sequence(&chars, &mut pos, 0)?;
        let mut flat = Vec::new();
        let flat = expand(&tokens, &mut vec![Vec::new()], &mut flat)
            .then(|| flat.into_iter().map(Flat::new).collect());
        Ok(Glob { tokens, flat })
    }

    fn is_static(&self) -> bool {
        self.tokens.iter().all(|t| matches!(t, Token::Char(_)))
    }

    fn static_text(&self) -> String {
        self.tokens
            .iter()
            .filter_map(|t| match t {
                Token::Char(c) => Some(*c),
                _ => None,
            })
            .collect()
    }

    fn matches(&self, text: &str) -> bool {
        let Some(flat) = &self.flat else {
            return false;
        };
        let mut chars: Option<Vec<char>> = None;
        flat.iter().any(|p| {
            text.starts_with(p.prefix.as_str())
                && match_flat(
                    &p.tokens,
                    chars.get_or_insert_with(|| text.chars().collect()),
                )
        })
    }
}

/// Parses up to the end, or (inside `{}`) up to the `,` or `}` that ends one alternative.
fn parse_sequence(chars: &[char], pos: &mut usize, depth: usize) -> Result<Vec<Token>, String> {
    let mut out = Vec::new();
    while let Some(&c) = chars.get(*pos) {
        match c {
            ',' | '}' if depth > 0 => return Ok(out),
            '{' => {
                *pos += 1;
                let mut alternatives = Vec::new();
                loop {
                    alternatives.push(parse_sequence(chars, pos, depth + 1)?);
                    match chars.get(*pos) {
                        Some(',') => *pos += 1,
                        Some('}') => {
                            *pos += 1;
                            break;
                        }
                        // An unclosed `{` is accepted as far as it goes.
                        _ => break,
                    }
                }
                out.push(Token::AnyOf(alternatives));
            }
            '*' => {
                if chars.get(*pos + 1) == Some(&'*') {
                    out.push(Token::Super);
                    *pos += 2;
                } else {
                    out.push(Token::Any);
                    *pos += 1;
                }
            }
            '?' => {
                out.push(Token::Single);
                *pos += 1;
            }
            '[' => {
                *pos += 1;
                out.push(parse_range(chars, pos)?);
            }
            '\\' => {
                // An escaped character is text; a trailing backslash is dropped.
                if let Some(&next) = chars.get(*pos + 1) {
                    out.push(Token::Char(next));
                }
                *pos += 2;
            }
            other => {
                out.push(Token::Char(other));
                *pos += 1;
            }
        }
    }
    Ok(out)
}

/// After `[`: `!` once, then either `lo-hi` or text up to `]`, then `]`.
fn parse_range(chars: &[char], pos: &mut usize) -> Result<Token, String> {
    let mut not = false;
    if chars.get(*pos) == Some(&'!') {
        not = true;
        *pos += 1;
    }
    let Some(&first) = chars.get(*pos) else {
        return Err("unexpected end of input".to_string());
    };
    if chars.get(*pos + 1) == Some(&'-') {
        let Some(&hi) = chars.get(*pos + 2) else {
            return Err("unexpected end of input".to_string());
        };
        *pos += 3;
        match chars.get(*pos) {
            None => return Err("unexpected end of input".to_string()),
            Some(']') => *pos += 1,
            Some(_) => return Err("expected close range character".to_string()),
        }
        if hi < first {
            return Err(format!(
                "hi character '{hi}' should be greater than lo '{first}'"
            ));
        }
        return Ok(Token::Range { lo: first, hi, not });
    }
    let mut list = Vec::new();
    loop {
        match chars.get(*pos) {
            None => return Err("unexpected end of input".to_string()),
            Some(']') => {
                *pos += 1;
                break;
            }
            Some('\\') => {
                if let Some(&next) = chars.get(*pos + 1) {
                    list.push(next);
                }
                *pos += 2;
            }
            Some(&c) => {
                list.push(c);
                *pos += 1;
            }
        }
    }
    if list.is_empty() {
        return Err("could not parse range".to_string());
    }
    Ok(Token::List { chars: list, not })
}

/// Expands `{}` alternatives into plain token lists; false when there would be too many.
fn expand(tokens: &[Token], prefixes: &mut Vec<Vec<Token>>, out: &mut Vec<Vec<Token>>) -> bool {
    for t in tokens {
        match t {
            Token::AnyOf(alternatives) => {
                let mut next = Vec::new();
                for alt in alternatives {
                    let mut branch = prefixes.clone();
                    let mut done = Vec::new();
                    if !expand(alt, &mut branch, &mut done) {
                        return false;
                    }
                    next.extend(done);
                    if next.len() > MAX_ALTERNATIVES {
                        return false;
                    }
                }
                *prefixes = next;
            }
            other => prefixes.iter_mut().for_each(|p| p.push(other.clone())),
        }
    }
    out.append(prefixes);
    true
}

/// Whole-string match of a pattern without alternatives: dynamic programming over (token,
/// character), so the time is bounded by their product whatever the stars.
fn match_flat(pattern: &[Token], text: &[char]) -> bool {
    let n = text.len();
    // next[j]: pattern[i+1..] matches text[j..]; cur is filled for pattern[i..].
    let mut next = vec![false; n + 1];
    let mut cur = vec![false; n + 1];
    next[n] = true;
    for t in pattern.iter().rev() {
        for j in (0..=n).rev() {
            let c = text.get(j).copied();
            cur[j] = match t {
                Token::Any => next[j] || (c.is_some_and(|c| c != '/') && cur[j + 1]),
                Token::Super => next[j] || (c.is_some() && cur[j + 1]),
                Token::Single => c.is_some_and(|c| c != '/') && next[j + 1],
                Token::Char(p) => c == Some(*p) && next[j + 1],
                Token::List { chars, not } => {
                    c.is_some_and(|c| chars.contains(&c) != *not) && next[j + 1]
                }
                Token::Range { lo, hi, not } => {
                    c.is_some_and(|c| (*lo <= c && c <= *hi) != *not) && next[j + 1]
                }
                Token::AnyOf(_) => false,
            };
        }
        std::mem::swap(&mut next, &mut cur);
    }
    next[0]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project(paths: &[&str]) -> Vec<ProjectFile> {
        paths
            .iter()
            .map(|p| ProjectFile {
                path: p.to_string(),
                size: 10,
            })
            .collect()
    }

    #[test]
    fn gobwas_matching() {
        // (pattern, text, matches): gobwas/glob with '/' as separator (glob_test.go cases).
        let cases = [
            ("README*", "README.md", true),
            ("README*", "docs/README.md", false),
            ("*.md", "docs/usage.md", false),
            ("**.md", "docs/usage.md", true),
            ("docs/**", "docs/a/b.md", true),
            ("**/README.md", "README.md", false),
            ("?ICENSE", "LICENSE", true),
            ("[LM]*", "Makefile", true),
            ("[!LM]*", "Makefile", false),
            ("[a-c]md", "bmd", true),
            ("{README,LICENSE}*", "LICENSE", true),
            ("{README,LICENSE}*", "go.mod", false),
            ("docs/{install,usage}.md", "docs/usage.md", true),
            ("\\*.md", "*.md", true),
            ("\\*.md", "a.md", false),
            ("*", ".", true),
            // The literal start is checked first: a shorter text, a multi-byte prefix.
            ("README.md", "README", false),
            ("資料/*.md", "資料/使い方.md", true),
            ("資料/*.md", "資料", false),
        ];
        for (pattern, text, expected) in cases {
            let g = Glob::compile(pattern).expect(pattern);
            assert_eq!(g.matches(text), expected, "{pattern} ~ {text}");
        }
    }

    #[test]
    fn gobwas_errors() {
        // syntax/lexer/lexer.go fetchRange and syntax/ast/parser.go parserRange.
        let cases = [
            ("[abc", "unexpected end of input"),
            ("[a-zA-Z]", "expected close range character"),
            ("[z-a]", "hi character 'a' should be greater than lo 'z'"),
            ("[]", "could not parse range"),
        ];
        for (pattern, expected) in cases {
            assert_eq!(
                Glob::compile(pattern).err().as_deref(),
                Some(expected),
                "{pattern}"
            );
        }
        // An unclosed `{` is not an error.
        assert!(Glob::compile("{a,b").is_ok());
    }

    #[test]
    fn helpers_follow_go_filepath() {
        assert_eq!(clean("./docs//a/../b.md"), "docs/b.md");
        assert_eq!(dir("docs/"), "docs");
        assert_eq!(dir(""), ".");
        assert_eq!(rel("docs", "docs/a/b.md"), "a/b.md");
        assert_eq!(rel("LICENSE", "LICENSE"), ".");
        assert_eq!(join("licenses", "."), "licenses");
        assert_eq!(
            longest_common_prefix(&["docs/a.md".into(), "docs/b.md".into()]),
            "docs/"
        );
    }

    #[test]
    fn glob_walks_like_fileglob() {
        let p = project(&[
            "README.md",
            "LICENSE",
            "docs/install.md",
            "docs/usage.md",
            "docs/img/a.png",
        ]);
        // A directory match brings the files inside; the walk root "." matches `*`.
        assert_eq!(
            glob("docs", &p).unwrap(),
            ["docs/img/a.png", "docs/install.md", "docs/usage.md"]
        );
        assert_eq!(glob("*", &p).unwrap().len(), 5);
        assert_eq!(
            glob("docs/*", &p).unwrap(),
            ["docs/img/a.png", "docs/install.md", "docs/usage.md"]
        );
        assert_eq!(
            glob("docs/*.md", &p).unwrap(),
            ["docs/install.md", "docs/usage.md"]
        );
        assert_eq!(glob("./README.md", &p).unwrap(), ["README.md"]);
        assert_eq!(glob("nothing*", &p).unwrap(), Vec::<String>::new());
        assert_eq!(
            glob("CHANGELOG.md", &p).unwrap_err(),
            "matching \"./CHANGELOG.md\": file does not exist"
        );
        assert_eq!(
            glob("[abc", &p).unwrap_err(),
            "compile glob pattern: unexpected end of input"
        );
    }

    #[test]
    fn destinations_follow_archivefiles_eval() {
        // archivefiles.go destinationFor and archivefiles_test.go.
        let p = project(&["README.md", "LICENSE", "docs/install.md", "docs/usage.md"]);
        let spec = |glob: &str, dst: Option<&str>, strip_parent: bool| FileSpec {
            glob: glob.to_string(),
            dst: dst.map(str::to_string),
            strip_parent,
            default: false,
        };
        let dests = |specs: &[FileSpec]| -> Vec<String> {
            eval(specs, &p)
                .files
                .into_iter()
                .map(|f| f.destination)
                .collect()
        };
        assert_eq!(
            dests(&[spec("docs/*", None, false)]),
            ["docs/install.md", "docs/usage.md"]
        );
        assert_eq!(
            dests(&[spec("docs/*", Some("manual"), false)]),
            ["manual/install.md", "manual/usage.md"]
        );
        assert_eq!(
            dests(&[spec("docs/usage.md", Some("manual"), false)]),
            ["manual"]
        );
        assert_eq!(
            dests(&[spec("docs/*.md", Some("m"), true)]),
            ["m/install.md", "m/usage.md"]
        );
        // Sorted by destination, duplicates dropped.
        assert_eq!(
            dests(&[
                spec("README*", None, false),
                spec("LICENSE", None, false),
                spec("*.md", None, false)
            ]),
            ["LICENSE", "README.md"]
        );
        let e = eval(
            &[spec("none*", None, false), spec("LICENSE", None, false)],
            &p,
        );
        assert_eq!(e.unmatched, [0]);
        let e = eval(&[spec("NOTICE", None, false)], &p);
        assert_eq!(
            e.error,
            Some((
                0,
                "globbing failed for pattern NOTICE: matching \"./NOTICE\": file does not exist"
                    .to_string()
            ))
        );
    }

    #[test]
    fn hostile_patterns_are_bounded() {
        let p = default_project_files();
        let stars = "*".repeat(1000) + "x";
        assert!(glob(&stars, &p).unwrap().is_empty());
        let braces = "{a,b}".repeat(40);
        assert!(glob(&braces, &p).unwrap().is_empty());
        assert!(glob(&"a".repeat(MAX_PATTERN_LEN + 1), &p).is_err());
    }
}
