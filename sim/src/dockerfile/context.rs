//! The build context: which files exist, which ones `.dockerignore` keeps out, and which ones a
//! `COPY` source selects.
//!
//! `.dockerignore` rules per the Docker docs "Build context" page (domain-facts A.4) and
//! moby/patternmatcher: one pattern per line, `#` comments, leading/trailing `/` ignored, Go
//! `filepath.Match` syntax plus `**` for any number of directories, `!` re-includes, the last
//! matching line wins, and a pattern that matches a directory excludes everything below it.

/// One `.dockerignore` pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
struct IgnorePattern {
    segments: Vec<String>,
    exclusion: bool,
}

/// A parsed `.dockerignore`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DockerIgnore {
    patterns: Vec<IgnorePattern>,
}

impl DockerIgnore {
    pub fn parse(text: &str) -> DockerIgnore {
        let patterns = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|line| {
                let line = line.trim();
                let (exclusion, body) = match line.strip_prefix('!') {
                    Some(rest) => (true, rest.trim()),
                    None => (false, line),
                };
                let segments: Vec<String> = body
                    .split('/')
                    .filter(|s| !s.is_empty() && *s != ".")
                    .map(str::to_string)
                    .collect();
                (!segments.is_empty()).then_some(IgnorePattern {
                    segments,
                    exclusion,
                })
            })
            .collect();
        DockerIgnore { patterns }
    }

    /// True when `path` is kept out of the context.
    pub fn excludes(&self, path: &str) -> bool {
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let mut excluded = false;
        for pattern in &self.patterns {
            // A pattern matching the path or one of its parent directories applies.
            let matched = (1..=segments.len())
                .any(|n| segments_match(&pattern.segments, segments.get(..n).unwrap_or(&[])));
            if matched {
                excluded = !pattern.exclusion;
            }
        }
        excluded
    }
}

/// Matches pattern segments (with `**`) against path segments, iteratively with a bounded table.
fn segments_match(pattern: &[String], path: &[&str]) -> bool {
    // reachable[j] = pattern prefix consumed so far can end at path index j.
    let mut reachable = vec![false; path.len() + 1];
    reachable[0] = true;
    for segment in pattern {
        let mut next = vec![false; path.len() + 1];
        if segment == "**" {
            let mut any = false;
            for j in 0..=path.len() {
                any |= reachable.get(j).copied().unwrap_or(false);
                if let Some(slot) = next.get_mut(j) {
                    *slot = any;
                }
            }
        } else {
            for j in 0..path.len() {
                if reachable.get(j).copied().unwrap_or(false)
                    && path.get(j).is_some_and(|p| wildcard_match(segment, p))
                {
                    if let Some(slot) = next.get_mut(j + 1) {
                        *slot = true;
                    }
                }
            }
        }
        reachable = next;
    }
    reachable.last().copied().unwrap_or(false)
}

/// Go `filepath.Match` for one segment: `*`, `?`, `[...]` classes and `\` escapes.
pub fn wildcard_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    // Classic two-pointer matcher with backtracking to the last `*`: linear-ish, no recursion.
    let (mut pi, mut ti) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        let tc = t.get(ti).copied().unwrap_or('\0');
        match p.get(pi).copied() {
            Some('*') => {
                star = Some((pi, ti));
                pi += 1;
                continue;
            }
            Some('?') => {
                pi += 1;
                ti += 1;
                continue;
            }
            Some('[') => {
                if let Some((matched, len)) = class_match(p.get(pi..).unwrap_or(&[]), tc) {
                    if matched {
                        pi += len;
                        ti += 1;
                        continue;
                    }
                }
            }
            Some('\\') if p.get(pi + 1) == Some(&tc) => {
                pi += 2;
                ti += 1;
                continue;
            }
            Some(c) if c == tc => {
                pi += 1;
                ti += 1;
                continue;
            }
            _ => {}
        }
        match star {
            Some((sp, st)) => {
                pi = sp + 1;
                ti = st + 1;
                star = Some((sp, st + 1));
            }
            None => return false,
        }
    }
    p.get(pi..).unwrap_or(&[]).iter().all(|c| *c == '*')
}

/// `[abc]`, `[a-z]`, `[^x]`: whether `c` matches, and the class length in pattern chars.
fn class_match(p: &[char], c: char) -> Option<(bool, usize)> {
    let mut i = 1;
    let negate = matches!(p.get(i), Some('^') | Some('!'));
    if negate {
        i += 1;
    }
    let mut matched = false;
    let mut first = true;
    while let Some(&pc) = p.get(i) {
        if pc == ']' && !first {
            return Some((matched != negate, i + 1));
        }
        first = false;
        if p.get(i + 1) == Some(&'-') && p.get(i + 2).is_some_and(|e| *e != ']') {
            let end = p.get(i + 2).copied().unwrap_or(pc);
            matched |= pc <= c && c <= end;
            i += 3;
        } else {
            matched |= pc == c;
            i += 1;
        }
    }
    None
}

/// True when a `COPY` source (relative to the context root) selects `file`: the file itself, a
/// directory containing it, or a glob matching it or one of its parents. `.` selects everything.
pub fn source_selects(source: &str, file: &str) -> bool {
    let source: Vec<&str> = source
        .split('/')
        .filter(|s| !s.is_empty() && *s != ".")
        .collect();
    if source.is_empty() {
        return true;
    }
    let file: Vec<&str> = file.split('/').filter(|s| !s.is_empty()).collect();
    if file.len() < source.len() {
        return false;
    }
    source
        .iter()
        .zip(file.iter())
        .all(|(s, f)| wildcard_match(s, f))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(dockerignore: &str, path: &str, excluded: bool) {
        assert_eq!(
            DockerIgnore::parse(dockerignore).excludes(path),
            excluded,
            ".dockerignore {dockerignore:?} on {path}"
        );
    }

    #[test]
    fn dockerignore_rules_from_the_docs() {
        // Examples from docs.docker.com/build/concepts/context/#dockerignore-files.
        check("*/temp*", "somedir/temporary.txt", true);
        check("*/temp*", "temp", false);
        check("*/*/temp*", "somedir/subdir/temporary.txt", true);
        check("temp?", "tempa", true);
        check("temp?", "tempab", false);
        check("**/*.go", "cmd/server/main.go", true);
        check("**/*.go", "main.go", true);
        check("*.md\n!README*.md", "README.md", false);
        check("*.md\n!README*.md", "CHANGES.md", true);
        check(
            "*.md\n!README*.md\nREADME-secret.md",
            "README-secret.md",
            true,
        );
        // A directory pattern excludes what is inside; slashes around it do not matter.
        check(".git", ".git/objects/pack/pack-1.pack", true);
        check("/bin/", "bin/server", true);
        check("# comment\n.", "main.go", false);
        check("[a-c]*.go", "b.go", true);
        check("[a-c]*.go", "main.go", false);
    }

    #[test]
    fn copy_sources_select_files() {
        assert!(source_selects(".", "cmd/server/main.go"));
        assert!(source_selects("./", "go.mod"));
        assert!(source_selects("go.mod", "go.mod"));
        assert!(!source_selects("go.mod", "go.sum"));
        assert!(source_selects("cmd", "cmd/server/main.go"));
        assert!(source_selects("*.go", "main.go"));
        assert!(source_selects("go.*", "go.sum"));
        assert!(!source_selects("cmd/server/main.go", "cmd"));
    }
}
