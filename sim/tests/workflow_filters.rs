//! GitHub filter patterns as data: every case is (pattern list, name, expected inclusion).
//!
//! Sources: the "Filter pattern cheat sheet" of GitHub's workflow-syntax docs
//! (github/docs `content/actions/reference/workflows-and-actions/workflow-syntax.md`), its
//! branch/tag and path tables, and actionlint's `glob.go` for what is a syntax error.

use deploy_sim::workflow::filters::{Pattern, PatternList};

/// `patterns` evaluated in order (with `!` negations) against `name`.
fn check(patterns: &[&str], name: &str, expected: bool) {
    let list = PatternList::from_patterns(patterns);
    assert_eq!(
        list.evaluate(name).included,
        expected,
        "{patterns:?} against {name:?}"
    );
}

#[test]
fn branch_and_tag_examples_from_the_cheat_sheet() {
    // `feature/*`: `*` does not cross `/`.
    check(&["feature/*"], "feature/my-branch", true);
    check(&["feature/*"], "feature/your-branch", true);
    check(&["feature/*"], "feature/a/b", false);
    // `feature/**`: `**` does.
    check(&["feature/**"], "feature/beta-a/my-branch", true);
    check(&["feature/**"], "feature/your-branch", true);
    check(&["feature/**"], "feature/mona/the/octocat", true);
    // Literal names.
    check(&["main", "releases/mona-the-octocat"], "main", true);
    check(
        &["main", "releases/mona-the-octocat"],
        "releases/mona-the-octocat",
        true,
    );
    check(&["main"], "mainline", false);
    check(&["main"], "Main", false);
    // `'*'`: names without a slash; `'**'`: everything.
    check(&["*"], "main", true);
    check(&["*"], "releases", true);
    check(&["*"], "releases/v1", false);
    check(&["**"], "all/the/branches", true);
    check(&["**"], "every/tag", true);
    // `'*feature'`.
    check(&["*feature"], "mona-feature", true);
    check(&["*feature"], "feature", true);
    check(&["*feature"], "ver-10-feature", true);
    // `v2*`.
    check(&["v2*"], "v2", true);
    check(&["v2*"], "v2.0", true);
    check(&["v2*"], "v2.9", true);
    check(&["v2*"], "v1.9", false);
    // `v[12].[0-9]+.[0-9]+`.
    check(&["v[12].[0-9]+.[0-9]+"], "v1.10.1", true);
    check(&["v[12].[0-9]+.[0-9]+"], "v2.0.0", true);
    check(&["v[12].[0-9]+.[0-9]+"], "v3.0.0", false);
    check(&["v[12].[0-9]+.[0-9]+"], "v1.10", false);
    // `.` is literal, not "any character".
    check(&["v1.0"], "v1x0", false);
}

#[test]
fn question_mark_is_zero_or_one_of_the_preceding_character() {
    // The current docs: `'*.jsx?'` matches `page.js` and `page.jsx`. An older version said "zero
    // or one single character" (github/docs PR 1994); we follow the current definition.
    check(&["*.jsx?"], "page.js", true);
    check(&["*.jsx?"], "page.jsx", true);
    check(&["*.jsx?"], "page.jsxx", false);
    check(&["Octoc?t"], "Octoct", true);
    check(&["Octoc?t"], "Octot", true);
    check(&["Octoc?t"], "Octocct", false);
    check(&["Octoc?t"], "Octocat", false);
}

#[test]
fn plus_and_character_sets() {
    check(&["[CB]at"], "Cat", true);
    check(&["[CB]at"], "Bat", true);
    check(&["[CB]at"], "Hat", false);
    check(&["[1-2]00"], "100", true);
    check(&["[1-2]00"], "200", true);
    check(&["[1-2]00"], "300", false);
    check(&["[0-9a-z]"], "k", true);
    check(&["[0-9a-z]"], "K", false);
    check(&["ab+c"], "abbbc", true);
    check(&["ab+c"], "ac", false);
}

#[test]
fn escapes_match_special_characters_literally() {
    check(&["release\\*"], "release*", true);
    check(&["release\\*"], "release1", false);
    check(&["v\\+1"], "v+1", true);
    check(&["a\\[b"], "a[b", true);
}

#[test]
fn negation_is_evaluated_in_order_and_the_last_match_wins() {
    // The docs' example: `releases/**-alpha` excluded after `releases/**`.
    let list = ["releases/**", "!releases/**-alpha"];
    check(&list, "releases/10", true);
    check(&list, "releases/beta/mona", true);
    check(&list, "releases/10-alpha", false);
    check(&list, "releases/beta/3-alpha", false);
    check(&list, "feature/1", false);
    // A positive pattern after a negative one re-includes.
    let list = ["v*", "!v*-rc*", "v2.0.0-rc1"];
    check(&list, "v1.2.3", true);
    check(&list, "v1.2.3-rc1", false);
    check(&list, "v2.0.0-rc1", true);
    // The docs' paths example: `sub-project/**`, `!sub-project/docs/**`.
    let list = ["sub-project/**", "!sub-project/docs/**"];
    check(&list, "sub-project/main.go", true);
    check(&list, "sub-project/docs/readme.md", false);
    // A list of only negations includes nothing (GitHub requires the -ignore form instead).
    check(&["!main"], "dev", false);
}

#[test]
fn path_examples_from_the_cheat_sheet() {
    check(&["*.js"], "app.js", true);
    check(&["*.js"], "index.js", true);
    check(&["*.js"], "js/index.js", false);
    check(&["**.js"], "index.js", true);
    check(&["**.js"], "js/index.js", true);
    check(&["**.js"], "src/js/app.js", true);
    check(&["docs/*"], "docs/README.md", true);
    check(&["docs/*"], "docs/file.txt", true);
    check(&["docs/*"], "docs/mona/octocat.txt", false);
    check(&["docs/**"], "docs/README.md", true);
    check(&["docs/**"], "docs/mona/octocat.txt", true);
    check(&["docs/**/*.md"], "docs/README.md", true);
    check(&["docs/**/*.md"], "docs/mona/hello-world.md", true);
    check(&["docs/**/*.md"], "docs/a/markdown/file.md", true);
    check(&["docs/**/*.md"], "docs/a/file.txt", false);
    check(&["**/docs/**"], "docs/hello.md", true);
    check(&["**/docs/**"], "dir/docs/my-file.txt", true);
    check(&["**/docs/**"], "space/docs/plan/space.doc", true);
    check(&["**/README.md"], "README.md", true);
    check(&["**/README.md"], "js/README.md", true);
    check(&["**/*src/**"], "a/src/app.js", true);
    check(&["**/*src/**"], "my-src/code/js/app.js", true);
    check(&["**/*-post.md"], "my-post.md", true);
    check(&["**/*-post.md"], "path/their-post.md", true);
    check(&["**/migrate-*.sql"], "migrate-10909.sql", true);
    check(&["**/migrate-*.sql"], "db/migrate-v1.0.sql", true);
    check(&["**/migrate-*.sql"], "db/sept/migrate-v1.sql", true);
    check(&["*.md", "!README.md"], "hello.md", true);
    check(&["*.md", "!README.md"], "README.md", false);
    check(&["*.md", "!README.md"], "docs/hello.md", false);
    check(&["*.md", "!README.md", "README*"], "README.md", true);
    check(&["*.md", "!README.md", "README*"], "README.doc", true);
}

/// (pattern, 1-based column of the first error) from actionlint's `glob.go` rules; `None` when the
/// pattern is valid.
fn check_syntax(pattern: &str, expected_column: Option<usize>) {
    let (_, errors) = Pattern::compile(pattern);
    assert_eq!(
        errors.first().map(|e| e.column),
        expected_column,
        "{pattern:?}: {errors:?}"
    );
    for error in &errors {
        assert!(!error.message.en.is_empty() && !error.message.ja.is_empty());
    }
}

#[test]
fn syntax_errors_follow_actionlint() {
    // Valid patterns from actionlint's glob_test.go (TestValidateGlobOK, TestValidateGlobPathOnlyOK).
    for valid in [
        "a",
        "abc/def",
        "[ab]",
        "[a-z]",
        "[a-zA-Z_]",
        "[xA-Zy0-9z]",
        "*",
        "**",
        "*/*",
        "*/**",
        "a?",
        "a+",
        "\\+",
        "\\\\",
        "\\!",
        "foo\\!bar",
        "\\++\\\\?",
        "[a-z]+",
        "[a-z]?",
        "*.*.*-**",
        "!a",
        "a!",
        "a!+",
        "a!?",
        "!*",
        "v[12].[0-9]+.[0-9]+",
        "*.jsx?",
        "docs/**/*.md",
        "**/migrate-*.sql",
        "!README.md",
    ] {
        check_syntax(valid, None);
    }
    // Error columns from actionlint's TestValidateGlobErrorColumn (1-based; actionlint reports 0
    // for the empty pattern, which we report at column 1).
    check_syntax("", Some(1));
    check_syntax("!", Some(1));
    check_syntax("?", Some(1));
    check_syntax("+", Some(1));
    check_syntax("*?", Some(2));
    check_syntax("a++", Some(3));
    check_syntax("[]", Some(2));
    check_syntax("[0", Some(2));
    check_syntax("[0-]", Some(4));
    check_syntax("[0-", Some(3));
    check_syntax("[b-a]", Some(4));
    // More of TestValidateGlobSyntaxError.
    check_syntax("a??", Some(3));
    check_syntax("!?", Some(2));
    check_syntax("!+", Some(2));
    check_syntax("a\n", Some(2));
    check_syntax("[", Some(1));
}

#[test]
fn ref_name_problems_follow_actionlint() {
    use deploy_sim::workflow::filters::ref_name_problems;
    // (pattern, columns) from actionlint's TestValidateGlobGitRefNameInvalidCharacter and
    // TestValidateGlobErrorColumn.
    for (pattern, columns) in [
        ("/foo", vec![1]),
        ("foo/", vec![4]),
        ("foo.", vec![4]),
        ("foo bar", vec![4]),
        (" \t~^:", vec![1, 2, 3, 4, 5]),
        ("v*", vec![]),
        ("!v*", vec![]),
        ("releases/**", vec![]),
    ] {
        let found: Vec<usize> = ref_name_problems(pattern)
            .iter()
            .map(|p| p.column)
            .collect();
        assert_eq!(found, columns, "{pattern:?}");
    }
}
