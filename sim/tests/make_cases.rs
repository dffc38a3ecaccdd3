//! Table-driven cases for the Makefile engine: a makefile, the `make` arguments, and what
//! `make -n` prints. Every expectation was confirmed with GNU make 4.3 (or, for the playground's
//! own answers, comes from the documented project environment). Add a case for every fidelity bug.

use deploy_sim::make::{analyze, Analysis, Options, ProjectEnv};

fn simulate(source: &str, args: &[&str], env: ProjectEnv) -> Analysis {
    let options = Options {
        goals: args
            .iter()
            .filter(|a| !a.contains('='))
            .map(|s| s.to_string())
            .collect(),
        overrides: args
            .iter()
            .filter(|a| a.contains('='))
            .map(|s| s.to_string())
            .collect(),
        env,
        ..Options::default()
    };
    analyze(source, &options)
}

/// `expected` is make's stdout then, after a `---` line, its stderr.
fn check(source: &str, args: &[&str], expected: &str) {
    let analysis = simulate(source, args, ProjectEnv::default());
    let mut got = analysis.commands.join("\n");
    if !analysis.stderr.is_empty() {
        if !got.is_empty() {
            got.push('\n');
        }
        got.push_str("---\n");
        got.push_str(&analysis.stderr.join("\n"));
    }
    assert_eq!(got, expected, "\n{source}");
}

#[test]
fn make_dry_run_output() {
    // Recipes: `@` lines are printed by -n without the `@`; `$$` reaches the shell as `$`.
    check(
        "all:\n\t@echo hi\n\t-false\n\techo $$HOME\n",
        &[],
        "echo hi\nfalse\necho $HOME",
    );
    // Backslash-newline stays in a recipe; of the continuation's TABs only the first goes.
    check(
        "b:\n\tgo build \\\n\t\t-o x .\n",
        &[],
        "go build \\\n\t-o x .",
    );
    // Flavours (domain facts H.1, lab output).
    check(
        "A = $(B)\nB = early\nC := $(B)-now\nB = later\nD := x\nD += y\nall:\n\t@echo $(A) $(C) $(D)\n",
        &[],
        "echo later early-now x y",
    );
    check(
        "F ?= keep\nF ?= ignored\nall:\n\t@echo $(F)\n",
        &[],
        "echo keep",
    );
    check("V = file\nall:\n\t@echo $(V)\n", &["V=cli"], "echo cli");
    check(
        "override V = file\nall:\n\t@echo $(V)\n",
        &["V=cli"],
        "echo file",
    );
    // Default goal: the first target not starting with '.', unless .DEFAULT_GOAL says otherwise.
    check(
        ".PHONY: a\n.hidden:\n\techo h\na:\n\techo a\nb:\n\techo b\n",
        &[],
        "echo a",
    );
    check(
        ".DEFAULT_GOAL := b\na:\n\techo a\nb:\n\techo b\n",
        &[],
        "echo b",
    );
    // Prerequisites first, each once.
    check(
        "all: a b a\n\techo all\na:\n\techo a\nb: a\n\techo b\n",
        &[],
        "echo a\necho b\necho all",
    );
    // Automatic variables (H.4).
    check(
        "build: main.go go.mod\n\t@echo $@ $< $^ $?\nmain.go go.mod:\n",
        &[],
        "echo build main.go main.go go.mod main.go go.mod",
    );
    // Nothing to do / up to date, on stdout.
    check("all:\n", &[], "make: Nothing to be done for 'all'.");
    check(
        "x:\n\techo x\n",
        &["x", "x"],
        "echo x\nmake: 'x' is up to date.",
    );
    check(
        "go.mod:\n\techo never\n",
        &[],
        "make: 'go.mod' is up to date.",
    );
    // Canned recipes split into one command per line.
    check(
        "define C\necho one\n@echo two\nendef\nall:\n\t@$(C)\n",
        &[],
        "echo one\necho two",
    );
    // Functions.
    check(
        "all:\n\t@echo $(subst ,X,abc) $(or ,  , a b ) $(and a, b ,c ) $(if  ,yes,no)\n",
        &[],
        "echo abcX a b c no",
    );
    check(
        "all:\n\t@echo $(wildcard internal/*/*.go)\n",
        &[],
        "echo internal/server/server.go internal/server/server_test.go",
    );
}

#[test]
fn make_errors() {
    let cases: &[(&str, &[&str], &str)] = &[
        ("all:\n        echo hi\n", &[], "---\nMakefile:2: *** missing separator (did you mean TAB instead of 8 spaces?).  Stop."),
        ("all:\n       echo hi\n", &[], "---\nMakefile:2: *** missing separator.  Stop."),
        ("all:\n\t\techo ok\n    echo hi\n", &[], "---\nMakefile:3: *** missing separator.  Stop."),
        ("\techo x\n", &[], "---\nMakefile:1: *** recipe commences before first target.  Stop."),
        ("all: x\n", &[], "---\nmake: *** No rule to make target 'x', needed by 'all'.  Stop."),
        ("all:\n\techo\n", &["nosuch"], "---\nmake: *** No rule to make target 'nosuch'.  Stop."),
        ("all: a\na: b\nb: a\n\techo b\n", &[], "echo b\n---\nmake: Circular b <- a dependency dropped."),
        ("X = $(X) y\nall:\n\techo $(X)\n", &[], "---\nMakefile:1: *** Recursive variable 'X' references itself (eventually).  Stop."),
        ("ifeq (a,b)\nall:\n\n\n", &[], "---\nMakefile:5: *** missing 'endif'.  Stop."),
        ("endif\n", &[], "---\nMakefile:1: *** extraneous 'endif'.  Stop."),
        ("ifeq(a,a)\nendif\n", &[], "---\nMakefile:1: *** missing separator.  Stop."),
        ("a:\n\t@echo $(word 0,a)\n", &[], "---\nMakefile:2: *** first argument to 'word' function must be greater than 0.  Stop."),
        ("x := $(error boom)\n", &[], "---\nMakefile:1: *** boom.  Stop."),
        ("include foo.mk\nall:\n\techo\n", &[], "---\nMakefile:1: foo.mk: No such file or directory\nmake: *** No rule to make target 'foo.mk'.  Stop."),
        ("all:\n\techo a\nall:\n\techo b\n", &[], "echo b\n---\nMakefile:4: warning: overriding recipe for target 'all'\nMakefile:2: warning: ignoring old recipe for target 'all'"),
    ];
    for (source, args, expected) in cases {
        check(source, args, expected);
    }
}

#[test]
fn space_indented_recipe_has_a_fix_and_column() {
    let analysis = simulate(
        "build:\n        go build ./...\n",
        &[],
        ProjectEnv::default(),
    );
    let diagnostic = analysis.diagnostics.first().expect("a diagnostic");
    assert_eq!(
        (diagnostic.line, diagnostic.column, diagnostic.code.as_str()),
        (2, Some(1), "make/missing-separator")
    );
    assert!(diagnostic
        .fix
        .as_ref()
        .is_some_and(|f| f.en.contains("TAB")));
    assert!(diagnostic.message.ja.contains("TAB"));
    assert_eq!(analysis.exit_status, 2);
}

#[test]
fn shell_answers_come_from_the_project_environment() {
    let source =
        "VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)\n\
                  COMMIT := $(shell git rev-parse --short HEAD)\n\
                  DATE := $(shell date -u +%Y-%m-%dT%H:%M:%SZ)\n\
                  all:\n\t@echo $(VERSION) $(COMMIT) $(DATE) $(shell uname -m)\n";
    let mut env = ProjectEnv::default();
    let tagged = simulate(source, &[], env.clone());
    assert_eq!(
        tagged.commands,
        vec!["echo v1.2.3 4f2a9c1 2024-05-01T12:34:56Z x86_64"]
    );
    if let Some(git) = env.git.as_mut() {
        git.commits_since_tag = 4;
        git.dirty = true;
    }
    env.clock_epoch_seconds = 0;
    let moved = simulate(source, &[], env.clone());
    assert_eq!(
        moved.commands,
        vec!["echo v1.2.3-4-g4f2a9c1-dirty 4f2a9c1 1970-01-01T00:00:00Z x86_64"]
    );
    env.git = None;
    let no_repo = simulate(source, &[], env);
    assert_eq!(
        no_repo.commands,
        vec!["echo dev  1970-01-01T00:00:00Z x86_64"]
    );
    assert_eq!(
        no_repo.stderr,
        vec!["fatal: not a git repository (or any of the parent directories): .git"]
    );
    // `?=` is recursive: the shell runs at every expansion (domain facts H.1).
    assert_eq!(
        tagged
            .shell_calls
            .iter()
            .filter(|c| c.command.starts_with("git describe"))
            .count(),
        1
    );
}

#[test]
fn unsimulated_commands_are_diagnosed_with_the_command() {
    let analysis = simulate(
        "X := $(shell whoami)\nall:\n\t@echo $(X)\n",
        &[],
        ProjectEnv::default(),
    );
    let diagnostic = analysis
        .diagnostics
        .iter()
        .find(|d| d.code == "make/shell-not-simulated")
        .expect("diagnostic");
    assert!(diagnostic.message.en.contains("whoami"));
    assert_eq!(diagnostic.line, 1);
}

#[test]
fn chapter3_build_all_lists_five_artifacts_and_variables() {
    let chapter3 = include_str!("data/makefiles/chapter3.mk");
    let analysis = simulate(chapter3, &["build-all"], ProjectEnv::default());
    let artifacts: Vec<(&str, &str, &str)> = analysis
        .artifacts
        .iter()
        .map(|a| (a.path.as_str(), a.goos.as_str(), a.goarch.as_str()))
        .collect();
    assert_eq!(
        artifacts,
        vec![
            ("bin/shortlink-linux-amd64", "linux", "amd64"),
            ("bin/shortlink-linux-arm64", "linux", "arm64"),
            ("bin/shortlink-darwin-amd64", "darwin", "amd64"),
            ("bin/shortlink-darwin-arm64", "darwin", "arm64"),
            ("bin/shortlink-windows-amd64.exe", "windows", "amd64"),
        ]
    );
    let json = serde_json::to_value(&analysis).expect("serialises");
    assert_eq!(json["variables"]["VERSION"], "v1.2.3");
    assert_eq!(
        json["variables"]["LDFLAGS"],
        "-s -w -X main.version=v1.2.3 -X main.gitCommit=4f2a9c1 -X main.buildTime=2024-05-01T12:34:56Z"
    );
    assert_eq!(json["goals"][0], "build-all");
    assert_eq!(analysis.steps.len(), 1);
    assert_eq!(analysis.steps.first().map(|s| s.commands.len()), Some(5));
}

#[test]
fn recursive_and_simple_variables_are_listed_with_their_flavour() {
    let analysis = simulate(
        "A = $(B)\nC := $(B)\nB = later\nall:\n",
        &[],
        ProjectEnv::default(),
    );
    let a = analysis
        .variable_details
        .iter()
        .find(|v| v.name == "A")
        .expect("A");
    assert_eq!(
        (a.flavor, a.raw.as_str(), a.value.as_str()),
        ("recursive", "$(B)", "later")
    );
    let c = analysis
        .variable_details
        .iter()
        .find(|v| v.name == "C")
        .expect("C");
    assert_eq!((c.flavor, c.value.as_str()), ("simple", ""));
}

/// Found by the differential corpus (`export.mk`): `export NAME` on its own line is the export
/// directive; reading `export` as a modifier of a definition that is not there made the line a
/// rule without a colon, "missing separator". GNU make 4.3 accepts it.
#[test]
fn export_directive_without_assignment_is_not_a_modifier() {
    let analysis = simulate(
        "GOOS ?= linux\nexport GOOS\nunexport GOOS\nexport\nall:\n\techo $(GOOS)\n",
        &[],
        ProjectEnv::default(),
    );
    assert_eq!(analysis.exit_status, 0, "{:?}", analysis.stderr);
    assert_eq!(analysis.commands, vec!["echo linux".to_string()]);
}
