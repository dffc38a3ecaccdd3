//! The findings an exercise's editor lists under each file: what the file's own simulator says
//! about it with its defaults (lint, syntax, make's errors, `goreleaser check`, the workflow's
//! checks), the same messages the chapter's playgrounds show. The checks are the goal; these are
//! the clues.

use deploy_sim::exercise::{FileKind, Files};
use deploy_sim::{dockerfile, gobuild, goreleaser, make, workflow, Diagnostic};

/// The other file a file's findings depend on (`.dockerignore` for the Dockerfile, `main.go`
/// for `go build`), so a cache of findings knows when to recompute.
pub fn depends_on(kind: FileKind) -> Option<FileKind> {
    match kind {
        FileKind::Dockerfile => Some(FileKind::Dockerignore),
        FileKind::GoBuild => Some(FileKind::MainGo),
        _ => None,
    }
}

/// The findings of the file `kind` of `files`; none for a file no simulator reads on its own
/// (`.dockerignore`, `main.go`).
pub fn findings(kind: FileKind, files: &Files) -> Vec<Diagnostic> {
    let Some(source) = files.get(kind) else {
        return Vec::new();
    };
    match kind {
        FileKind::Dockerfile => {
            let options = dockerfile::Options {
                dockerignore: files.get(FileKind::Dockerignore).map(str::to_string),
                ..dockerfile::Options::default()
            };
            dockerfile::analyze(source, &options).diagnostics
        }
        FileKind::Makefile => make::analyze(source, &make::Options::default()).diagnostics,
        FileKind::Goreleaser => {
            goreleaser::analyze(source, &goreleaser::Options::default()).diagnostics
        }
        FileKind::Workflow => workflow::analyze(source, &workflow::Options::default()).diagnostics,
        FileKind::GoBuild => {
            // The command is the file without its comment lines, as the checks read it; its
            // findings point at the command's first line (as in the go build playground: the
            // simulator's findings about a command have no line of their own).
            let first = source
                .lines()
                .position(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
                .unwrap_or(0);
            let command: Vec<&str> = source
                .lines()
                .filter(|l| !l.trim_start().starts_with('#'))
                .collect();
            let result = gobuild::analyze_line(
                command.join("\n").trim(),
                files.get(FileKind::MainGo),
                &gobuild::BuildContext::default(),
            );
            result
                .diagnostics
                .into_iter()
                .map(|mut d| {
                    d.line = first + d.line.max(1);
                    d
                })
                .collect()
        }
        FileKind::Dockerignore | FileKind::MainGo => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exercises::find;

    fn codes(id: &str, kind: FileKind, solution: bool) -> Vec<String> {
        let (_, ex) = find(id).expect("exercise");
        let files = if solution { &ex.solution } else { &ex.files };
        findings(kind, files).into_iter().map(|d| d.code).collect()
    }

    #[test]
    fn each_file_gets_its_own_simulators_findings() {
        // The starting files' problems the checks are about show up as findings too.
        assert!(codes("docker-multistage-size", FileKind::Dockerfile, false)
            .contains(&"GDP001".to_string()));
        assert!(!codes("docker-multistage-size", FileKind::Dockerfile, true)
            .contains(&"GDP001".to_string()));
        assert!(codes("pipeline-broken", FileKind::Workflow, false)
            .contains(&"WF-FETCH-DEPTH".to_string()));
        assert!(
            codes("pipeline-broken", FileKind::Goreleaser, false).contains(&"version".to_string())
        );
        assert!(codes("make-missing-separator", FileKind::Makefile, false)
            .iter()
            .any(|c| c.contains("separator")));
        assert!(codes("ldflags-version-silent", FileKind::MainGo, false).is_empty());
    }

    #[test]
    fn go_build_findings_point_at_the_command_line_under_comments() {
        let (_, ex) = find("ldflags-version-silent").expect("exercise");
        let mut files = ex.files.clone();
        let plain = findings(FileKind::GoBuild, &files);
        assert!(!plain.is_empty());
        assert!(plain.iter().all(|d| d.line == 1), "{plain:?}");
        let command = files.get(FileKind::GoBuild).unwrap_or("").to_string();
        files.set(FileKind::GoBuild, format!("# a note\n\n{command}"));
        let commented = findings(FileKind::GoBuild, &files);
        assert_eq!(plain.len(), commented.len());
        for (a, b) in plain.iter().zip(&commented) {
            assert_eq!(b.line, a.line + 2, "{}", a.code);
        }
    }
}
