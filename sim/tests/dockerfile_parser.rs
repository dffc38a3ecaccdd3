//! Table-driven parser cases: Dockerfile text in, instructions and diagnostic codes out, in a
//! compact text form. Each case cites the BuildKit source (moby/buildkit @ 73ed6825,
//! `frontend/dockerfile/parser/*.go`, `instructions/parse.go`) or reference section it follows.

use deploy_sim::dockerfile::parser::{parse, Instruction};

fn render_instruction(i: &Instruction) -> String {
    let mut out = format!("{}-{} {}", i.line, i.end_line, i.keyword);
    if !i.flags.is_empty() {
        out.push_str(&format!(" flags={:?}", i.flags));
    }
    out.push_str(&format!(" {:?}", i.args));
    if i.exec_form {
        out.push_str(" exec");
    }
    for h in &i.heredocs {
        out.push_str(&format!(
            " heredoc({}{}{}:{:?})",
            if h.chomp { "-" } else { "" },
            h.name,
            if h.expand { "" } else { ",noexpand" },
            h.content
        ));
    }
    if let Some(inner) = &i.inner {
        out.push_str(&format!(" inner=<{}>", render_instruction(inner)));
    }
    out
}

fn render(source: &str) -> String {
    let parsed = parse(source);
    let mut lines: Vec<String> = parsed.instructions.iter().map(render_instruction).collect();
    for d in &parsed.diagnostics {
        lines.push(format!("! {} {}", d.line, d.code));
    }
    if let Some(s) = &parsed.directives.syntax {
        lines.push(format!("syntax={s}"));
    }
    if let Some(c) = &parsed.directives.check {
        lines.push(format!("check={c}"));
    }
    if parsed.escape != '\\' {
        lines.push(format!("escape={}", parsed.escape));
    }
    lines.join("\n")
}

#[track_caller]
fn check(source: &str, expected: &str) {
    let expected: Vec<&str> = expected
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(render(source), expected.join("\n"), "parsing {source:?}");
}

#[test]
fn keywords_are_case_insensitive_and_upper_cased() {
    // parser.go: dispatch[strings.ToLower(cmd)].
    check(
        "from alpine:3.19\nRun echo hi\n",
        r#"
        1-1 FROM ["alpine:3.19"]
        2-2 RUN ["echo hi"]
    "#,
    );
}

#[test]
fn comments_inside_continuations_are_dropped() {
    // parser.go: "original line was a comment (processLine strips comments)".
    check(
        "FROM a\nRUN echo a \\\n# comment\n    b\n",
        r#"
        1-1 FROM ["a"]
        2-4 RUN ["echo a     b"]
    "#,
    );
    // A `#` later in a line is not a comment (reference §Format).
    check(
        "FROM a\nRUN echo 'a # b'\n",
        r#"
        1-1 FROM ["a"]
        2-2 RUN ["echo 'a # b'"]
    "#,
    );
}

#[test]
fn empty_continuation_lines_warn_and_are_skipped() {
    // parser.go: isEmptyContinuationLine → NoEmptyContinuation warning at the last line.
    check(
        "FROM a\nRUN echo a \\\n\n  b\n",
        r#"
        1-1 FROM ["a"]
        2-4 RUN ["echo a   b"]
        ! 4 NoEmptyContinuation
    "#,
    );
}

#[test]
fn continuation_at_end_of_file() {
    // testfiles/continue-at-eof: the instruction ends with the file.
    check(
        "FROM a\nRUN echo \\",
        r#"
        1-1 FROM ["a"]
        2-2 RUN ["echo"]
    "#,
    );
}

#[test]
fn escaped_escape_is_not_a_continuation() {
    // The continuation regex `([^\\])\\[ \t]*$` needs a non-escape before the last escape.
    check(
        "FROM a\nRUN echo \\\\\nCMD x\n",
        r#"
        1-1 FROM ["a"]
        2-2 RUN ["echo \\\\"]
        3-3 CMD ["x"]
    "#,
    );
    // Trailing blanks after the escape are tolerated.
    check(
        "FROM a\nRUN echo \\  \t\n b\n",
        r#"
        1-1 FROM ["a"]
        2-3 RUN ["echo  b"]
    "#,
    );
}

#[test]
fn escape_directive_backtick() {
    // directives.go + setEscapeToken: backtick continues lines, backslash is literal.
    check(
        "# escape=`\nFROM a\nRUN dir C:\\ `\n  /b\n",
        r#"
        2-2 FROM ["a"]
        3-4 RUN ["dir C:\\   /b"]
        escape=`
    "#,
    );
}

#[test]
fn directives_only_at_the_top() {
    // directives.go: the first non-directive line ends directive parsing for good.
    check(
        "# syntax=docker/dockerfile:1\n#  CHECK = skip=all\nFROM a\n",
        r#"
        3-3 FROM ["a"]
        syntax=docker/dockerfile:1
        check=skip=all
    "#,
    );
    check(
        "# comment\n# escape=`\nFROM a\nRUN b \\\n c\n",
        r#"
        3-3 FROM ["a"]
        4-5 RUN ["b  c"]
    "#,
    );
    check("\n# escape=`\nFROM a\n", "3-3 FROM [\"a\"]");
    check(
        "# escape=x\nFROM a\n",
        r#"
        2-2 FROM ["a"]
        ! 1 DF004
    "#,
    );
    check(
        "# syntax=a\n# syntax=b\nFROM a\n",
        r#"
        3-3 FROM ["a"]
        ! 2 DF003
        syntax=a
    "#,
    );
}

#[test]
fn exec_form_and_shell_form_fallback() {
    // line_parsers.go parseMaybeJSON: invalid JSON silently becomes shell form.
    check(
        "FROM a\nCMD ['./app']\nENTRYPOINT [\"/server\", \"-v\"]\n",
        r#"
        1-1 FROM ["a"]
        2-2 CMD ["['./app']"]
        3-3 ENTRYPOINT ["/server", "-v"] exec
    "#,
    );
    // A valid JSON array with a non-string element is a hard error.
    check(
        "FROM a\nCMD [\"a\", 1]\n",
        r#"
        1-1 FROM ["a"]
        2-2 CMD []
        ! 2 DF005
    "#,
    );
    // COPY with JSON keeps spaces inside names.
    check(
        "FROM a\nCOPY [\"my file\", \"/x/\"]\n",
        r#"
        1-1 FROM ["a"]
        2-2 COPY ["my file", "/x/"] exec
    "#,
    );
}

#[test]
fn flags_are_split_off_and_unquoted() {
    // split_command.go extractBuilderFlags: leading --words, quotes removed.
    check(
        "FROM a AS b\nFROM c\nCOPY --from=b --chown=1:1 --chmod=\"0755\" x /y\n",
        r#"
        1-1 FROM ["a", "AS", "b"]
        2-2 FROM ["c"]
        3-3 COPY flags=["--from=b", "--chown=1:1", "--chmod=0755"] ["x", "/y"]
    "#,
    );
    check("FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nRUN --mount=type=cache,target=/root/.cache/go-build --network=none go build\n", r#"
        1-1 FROM flags=["--platform=$BUILDPLATFORM"] ["golang:1.22", "AS", "build"]
        2-2 RUN flags=["--mount=type=cache,target=/root/.cache/go-build", "--network=none"] ["go build"]
    "#);
    // A bare `--` ends the flags.
    check(
        "FROM a\nCOPY -- --weird /x\n",
        r#"
        1-1 FROM ["a"]
        2-2 COPY ["--weird", "/x"]
    "#,
    );
    // Unknown flags are rejected by the instruction parser (bflag.go).
    check(
        "FROM a\nCOPY --user=me x /y\n",
        r#"
        1-1 FROM ["a"]
        2-2 COPY flags=["--user=me"] ["x", "/y"]
        ! 2 DF012
    "#,
    );
}

#[test]
fn flags_are_read_byte_by_byte_like_buildkit() {
    // extractBuilderFlags appends rune(line[pos]): a UTF-8 byte becomes a Latin-1 character.
    let parsed = parse("FROM a\nCOPY --chown=ユ x /y\n");
    let flag = parsed
        .instructions
        .get(1)
        .and_then(|i| i.flags.first())
        .cloned();
    let mojibake: String = "--chown=ユ".bytes().map(char::from).collect();
    assert_eq!(flag, Some(mojibake));
}

#[test]
fn env_and_label_pairs() {
    // line_parsers.go parseNameVal: `=` form keeps quotes; the legacy form takes the rest.
    check("FROM a\nENV A=1 B=\"x y\"\nENV C hello  world\nLABEL org.opencontainers.image.title=\"go app\"\n", r#"
        1-1 FROM ["a"]
        2-2 ENV ["A", "1", "B", "\"x y\""]
        3-3 ENV ["C", "hello  world"]
        4-4 LABEL ["org.opencontainers.image.title", "\"go app\""]
    "#);
    check(
        "FROM a\nENV A\n",
        r#"
        1-1 FROM ["a"]
        2-2 ENV []
        ! 2 DF005
    "#,
    );
    check(
        "FROM a\nENV A=1 B\n",
        r#"
        1-1 FROM ["a"]
        2-2 ENV []
        ! 2 DF005
    "#,
    );
}

#[test]
fn arg_before_from_and_stage_names() {
    // instructions/parse.go: ARG is the only instruction allowed before FROM; stage names must
    // match ^[a-z][a-z0-9-_.]*$ after lower-casing.
    check(
        "ARG GO=1.22 EXTRA\nFROM golang:${GO} AS Builder\n",
        r#"
        1-1 ARG ["GO=1.22", "EXTRA"]
        2-2 FROM ["golang:${GO}", "AS", "Builder"]
    "#,
    );
    check(
        "FROM a AS 1st\nFROM a b\n",
        r#"
        1-1 FROM ["a", "AS", "1st"]
        2-2 FROM ["a", "b"]
        ! 1 DF012
        ! 2 DF012
    "#,
    );
    check(
        "RUN echo\nFROM a\n",
        r#"
        1-1 RUN ["echo"]
        2-2 FROM ["a"]
        ! 1 DF007
    "#,
    );
}

#[test]
fn onbuild_wraps_an_instruction() {
    // line_parsers.go parseSubCommand; parse.go parseOnBuild.
    check(
        "FROM a\nONBUILD run go build ./...\n",
        r#"
        1-1 FROM ["a"]
        2-2 ONBUILD ["run go build ./..."] inner=<2-2 RUN ["go build ./..."]>
    "#,
    );
    check(
        "FROM a\nONBUILD ONBUILD RUN x\nONBUILD FROM b\n",
        r#"
        1-1 FROM ["a"]
        2-2 ONBUILD ["ONBUILD RUN x"] inner=<2-2 ONBUILD ["RUN x"] inner=<2-2 RUN ["x"]>>
        3-3 ONBUILD ["FROM b"] inner=<3-3 FROM ["b"]>
        ! 2 DF012
        ! 3 DF012
    "#,
    );
}

#[test]
fn healthcheck_forms() {
    // line_parsers.go parseHealthConfig; parse.go parseHealthcheck.
    check("FROM a\nHEALTHCHECK NONE\nHEALTHCHECK --interval=5s CMD [\"curl\", \"-f\", \"http://localhost/\"]\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n", r#"
        1-1 FROM ["a"]
        2-2 HEALTHCHECK ["NONE"]
        3-3 HEALTHCHECK flags=["--interval=5s"] ["CMD", "curl", "-f", "http://localhost/"] exec
        4-4 HEALTHCHECK ["CMD", "curl -f http://localhost/ || exit 1"]
    "#);
}

#[test]
fn heredocs() {
    // parser.go heredoc loop; reference §Here-Documents (stable since dockerfile/1.4).
    check(
        "FROM a\nRUN <<EOF\necho hi\nEOF\nCMD x\n",
        r#"
        1-1 FROM ["a"]
        2-4 RUN ["<<EOF"] heredoc(EOF:"echo hi\n")
        5-5 CMD ["x"]
    "#,
    );
    check(
        "FROM a\nCOPY <<EOF /etc/app.conf\nport=8080\nEOF\n",
        r#"
        1-1 FROM ["a"]
        2-4 COPY ["<<EOF", "/etc/app.conf"] heredoc(EOF:"port=8080\n")
    "#,
    );
    // <<- strips leading tabs from the terminator; a quoted name disables expansion.
    check(
        "FROM a\nRUN <<-\"EOT\"\n\techo $HOME\n\tEOT\n",
        r#"
        1-1 FROM ["a"]
        2-4 RUN ["<<-\"EOT\""] heredoc(-EOT,noexpand:"\techo $HOME\n")
    "#,
    );
    // Two heredocs on one line are read one after the other.
    check(
        "FROM a\nRUN <<A cat /dev/stdin - <<B\na\nA\nb\nB\n",
        r#"
        1-1 FROM ["a"]
        2-6 RUN ["<<A cat /dev/stdin - <<B"] heredoc(A:"a\n") heredoc(B:"b\n")
    "#,
    );
    check(
        "FROM a\nRUN <<EOF\necho\n",
        r#"
        1-1 FROM ["a"]
        2-3 RUN ["<<EOF"] heredoc(EOF:"echo\n")
        ! 2 DF002
    "#,
    );
    // Exec form never has heredocs. `<< EOF` with blanks is one (shell/lex.go
    // processPossibleHeredoc keeps the blanks in the word), but `<<- EOF` is not.
    check(
        "FROM a\nRUN [\"cat\", \"<<EOF\"]\nRUN cat << EOF\nhi\nEOF\nRUN cat <<- EOF\n",
        r#"
        1-1 FROM ["a"]
        2-2 RUN ["cat", "<<EOF"] exec
        3-5 RUN ["cat << EOF"] heredoc(EOF:"hi\n")
        6-6 RUN ["cat <<- EOF"]
    "#,
    );
}

#[test]
fn unknown_instructions_and_empty_files() {
    // instructions/parse.go: "unknown instruction: FORM"; parser.go: "file with no instructions".
    check(
        "FORM alpine\n",
        r#"
        1-1 FORM ["alpine"]
        ! 1 DF006
    "#,
    );
    check("", "! 0 DF001");
    check("# only a comment\n\n", "! 2 DF001");
}

#[test]
fn whitespace_crlf_bom_and_nul() {
    check(
        "\u{feff}FROM a\r\n  RUN echo\r\n\t# indented comment\r\n",
        r#"
        1-1 FROM ["a"]
        2-2 RUN ["echo"]
    "#,
    );
    check(
        "FROM a\nRUN echo \0 x\n",
        "1-1 FROM [\"a\"]\n2-2 RUN [\"echo \\0 x\"]",
    );
}
