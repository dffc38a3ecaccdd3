//! Heredocs, ported from BuildKit's own tests (moby/buildkit @ 73ed6825,
//! `frontend/dockerfile/parser/parser_heredoc_test.go`): the same Dockerfile, the same expected
//! names, contents, expand and chomp flags, file descriptors.

use deploy_sim::dockerfile::parser::{heredoc_marker, heredocs_from_line, parse};

/// TestParseExtractsHeredoc: the Dockerfile, verbatim.
const DOCKERFILE: &str = "
FROM alpine:3.6

ENV NAME=me

RUN ls

USER <<INVALID
INVALID

RUN <<EMPTY
EMPTY

RUN 3<<EMPTY2
EMPTY2

RUN \"<<NOHEREDOC\"

RUN <<INDENT
	foo
	bar
INDENT

RUN <<-UNINDENT
	baz
	quux
UNINDENT

RUN <<-UNINDENT2
	baz
	quux
	UNINDENT2

RUN <<-EXPAND
	expand $NAME
EXPAND

RUN <<-'NOEXPAND'
	don't expand $NAME
NOEXPAND

RUN <<COPY
echo hello world
echo foo bar
COPY

RUN <<COMMENT
# internal comment
echo hello world
echo foo bar # trailing comment
COMMENT

RUN --mount=type=cache,target=/foo <<MOUNT
echo hello
MOUNT

COPY <<FILE1 <<FILE2 /dest
content 1
FILE1
content 2
FILE2

COPY <<EOF /quotes
\"foo\"
'bar'
EOF

COPY <<X <<Y /dest
Y
X
X
Y

RUN <<COMPLEX python3
print('hello world')
COMPLEX

COPY <<file.txt /dest
hello world
file.txt

RUN <<eo'f'
echo foo
eof

RUN <<eo\\'f
echo foo
eo'f

RUN <<'e'o\\'f
echo foo
eo'f

RUN <<'one two'
echo bar
one two

RUN <<$EOF
$EOF

RUN <<  EOF
EOF

RUN <<  EOF  > foo
EOF
\t";

/// `name|content|expand|chomp|fd` per heredoc, `;`-separated, one entry per instruction after FROM.
const EXPECTED: &[&str] = &[
    "", // ENV NAME=me
    "", // RUN ls
    "", // USER <<INVALID
    "", // INVALID
    "EMPTY||true|false|0",
    "EMPTY2||true|false|3",
    "", // RUN \"<<NOHEREDOC\"
    "INDENT|\tfoo\n\tbar\n|true|false|0",
    "UNINDENT|\tbaz\n\tquux\n|true|true|0",
    "UNINDENT2|\tbaz\n\tquux\n|true|true|0",
    "EXPAND|\texpand $NAME\n|true|true|0",
    "NOEXPAND|\tdon't expand $NAME\n|false|true|0",
    "COPY|echo hello world\necho foo bar\n|true|false|0",
    "COMMENT|# internal comment\necho hello world\necho foo bar # trailing comment\n|true|false|0",
    "MOUNT|echo hello\n|true|false|0",
    "FILE1|content 1\n|true|false|0;FILE2|content 2\n|true|false|0",
    "EOF|\"foo\"\n'bar'\n|true|false|0",
    "X|Y\n|true|false|0;Y|X\n|true|false|0",
    "COMPLEX|print('hello world')\n|true|false|0",
    "file.txt|hello world\n|true|false|0",
    "eof|echo foo\n|false|false|0",
    "eo'f|echo foo\n|true|false|0",
    "eo'f|echo foo\n|false|false|0",
    "one two|echo bar\n|false|false|0",
    "$EOF||true|false|0",
    "EOF||true|false|0",
    "EOF||true|false|0",
];

#[test]
fn parse_extracts_heredocs_like_buildkit() {
    let parsed = parse(DOCKERFILE);
    let got: Vec<String> = parsed
        .instructions
        .iter()
        .skip(1)
        .map(|i| {
            let target = i.inner.as_deref().unwrap_or(i);
            target
                .heredocs
                .iter()
                .map(|h| {
                    format!(
                        "{}|{}|{}|{}|{}",
                        h.name, h.content, h.expand, h.chomp, h.file_descriptor
                    )
                })
                .collect::<Vec<_>>()
                .join(";")
        })
        .collect();
    let expected: Vec<String> = EXPECTED.iter().map(|s| s.to_string()).collect();
    assert_eq!(got, expected);
}

#[test]
fn json_form_never_has_heredocs() {
    // TestParseJSONHeredoc.
    let parsed =
        parse("\nFROM alpine:3.6\nRUN [\"whoami\"]\nRUN [\"<<EOF\"]\nRUN [\"<<'EOF'\"]\n\t");
    assert!(parsed.instructions.iter().all(|i| i.heredocs.is_empty()));
    assert_eq!(parsed.instructions.len(), 4);
}

#[test]
fn heredoc_markers() {
    // TestParseHeredocHelpers.
    for valid in [
        "<<EOF",
        "<<'EOF'",
        "<<\"EOF\"",
        "<<-EOF",
        "<<-'EOF'",
        "<<-\"EOF\"",
        "<<EO\"F\"",
        "<< EOF",
        "<<- EOF",
    ] {
        let name = heredoc_marker(valid).ok().flatten().map(|h| h.name);
        assert_eq!(name.as_deref(), Some("EOF"), "{valid}");
    }
    for invalid in ["<<'EOF", "<<\"EOF", "<<EOF'", "<<EOF\""] {
        assert!(heredoc_marker(invalid).is_err(), "{invalid} is an error");
    }
    for not in ["", "EOF", "<<", "<<-", "<EOF", "<<<EOF", "<<EOF sh"] {
        assert_eq!(heredoc_marker(not), Ok(None), "{not:?} is not a heredoc");
    }
}

#[test]
fn heredocs_from_a_line() {
    // TestHeredocsFromLine (its loop only checks the names it finds; we check all of them).
    let cases: &[(&str, &[&str])] = &[
        ("RUN <<EOF", &["EOF"]),
        ("RUN <<-EOF", &["EOF"]),
        ("RUN << -EOF", &["-EOF"]),
        ("RUN <<'EOF'", &["EOF"]),
        ("RUN 4<<EOF", &["EOF"]),
        ("RUN <<EOF <<EOF2", &["EOF", "EOF2"]),
        ("RUN '<<EOF'", &[]),
        ("RUN \"<<EOF\"", &[]),
        // `<<-` followed by a blank: the lexer ends the word at the blank, so no heredoc.
        ("RUN <<- EOF", &[]),
    ];
    for (line, names) in cases {
        let got: Vec<String> = heredocs_from_line(line)
            .unwrap_or_default()
            .into_iter()
            .map(|h| h.name)
            .collect();
        assert_eq!(got, names.to_vec(), "{line}");
    }
}

#[test]
fn an_unterminated_quote_in_a_marker_is_a_parse_error() {
    let parsed = parse("FROM a\nRUN <<'EOF\nx\nEOF\n");
    assert!(parsed
        .diagnostics
        .iter()
        .any(|d| d.code == "DF005" && d.line == 2));
}
