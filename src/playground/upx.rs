//! The `upx` lines of a go build block, resolved against the builds before them: which binary
//! each packs, how big it gets (the engine's measured ratios), and the mistakes upx itself would
//! stop at — a file no earlier line produced, a file already packed, `-o` with several files.

use super::goscript::UpxLine;
use deploy_sim::gobuild::{predict_upx, BuildResult, UpxCommand, UpxEstimate, UpxLevel};

/// One file an `upx` line packs.
#[derive(Clone, Debug, PartialEq)]
pub struct UpxPack {
    /// 1-based line of the `upx` command in the block.
    pub line: usize,
    pub level: UpxLevel,
    pub input: String,
    /// Where the packed file is written (the input itself unless `-o`).
    pub output: String,
    /// The input's size and target, from the build that wrote it.
    pub input_bytes: Option<u64>,
    pub target: Option<(String, String)>,
    pub estimate: Option<UpxEstimate>,
    pub problem: Option<UpxProblem>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UpxProblem {
    /// No earlier `go build` line of the block writes this file.
    NotBuilt,
    /// An earlier `upx` line already packed it (upx refuses: AlreadyPackedException).
    AlreadyPacked,
    /// `-o` names one output for several inputs (upx refuses).
    OutputWithSeveralFiles,
    /// `upx` with no file at all.
    NoFile,
}

/// `./out/x` and `out/x` are the same file.
fn same_file(a: &str, b: &str) -> bool {
    a.trim_start_matches("./") == b.trim_start_matches("./")
}

/// Resolves every `upx` line against `builds`: `(line, result)` of the block's `go build`
/// lines, in order.
pub fn resolve(upx: &[UpxLine], builds: &[(usize, &BuildResult)]) -> Vec<UpxPack> {
    // Files packed so far (in place or via -o) and the line that packed them.
    let mut packed: Vec<(String, usize)> = Vec::new();
    let mut out = Vec::new();
    for line in upx {
        let args: Vec<&str> = line.args.iter().map(String::as_str).collect();
        let cmd = UpxCommand::parse(&args);
        if cmd.files.is_empty() {
            out.push(UpxPack {
                line: line.line,
                level: cmd.level,
                input: String::new(),
                output: String::new(),
                input_bytes: None,
                target: None,
                estimate: None,
                problem: Some(UpxProblem::NoFile),
            });
            continue;
        }
        let several = cmd.output.is_some() && cmd.files.len() > 1;
        for file in &cmd.files {
            let output = cmd.output.clone().unwrap_or_else(|| file.clone());
            let built = builds
                .iter()
                .rev()
                .filter(|(l, r)| *l < line.line && r.ok)
                .find(|(_, r)| r.output.as_deref().is_some_and(|o| same_file(o, file)));
            let build = built.map(|(_, r)| *r);
            // A go build after the packing writes a fresh, unpacked file.
            let since = built.map_or(0, |(l, _)| *l);
            let problem = if several {
                Some(UpxProblem::OutputWithSeveralFiles)
            } else if packed
                .iter()
                .any(|(p, at)| same_file(p, file) && *at > since)
            {
                Some(UpxProblem::AlreadyPacked)
            } else if build.is_none() {
                Some(UpxProblem::NotBuilt)
            } else {
                None
            };
            let estimate = match (build, &problem) {
                (Some(b), None) => b.size_bytes.map(|bytes| {
                    predict_upx(
                        bytes,
                        &b.goos,
                        &b.goarch,
                        b.strip_symbols || b.strip_dwarf,
                        cmd.level,
                    )
                }),
                _ => None,
            };
            if problem.is_none() {
                packed.push((output.clone(), line.line));
            }
            out.push(UpxPack {
                line: line.line,
                level: cmd.level,
                input: file.clone(),
                output,
                input_bytes: build.and_then(|b| b.size_bytes),
                target: build.map(|b| (b.goos.clone(), b.goarch.clone())),
                estimate,
                problem,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::playground::goscript::{go_build_lines, upx_lines};
    use deploy_sim::gobuild::{analyze_line, BuildContext};
    use deploy_sim::make::ProjectEnv;

    fn run(script: &str) -> Vec<UpxPack> {
        let env = ProjectEnv::default();
        let results: Vec<(usize, BuildResult)> = go_build_lines(script, &env)
            .into_iter()
            .map(|l| {
                (
                    l.line,
                    analyze_line(&l.command, None, &BuildContext::default()),
                )
            })
            .collect();
        let builds: Vec<(usize, &BuildResult)> = results.iter().map(|(l, r)| (*l, r)).collect();
        resolve(&upx_lines(script, &env), &builds)
    }

    #[test]
    fn packs_the_binary_an_earlier_line_built() {
        let got = run("export CGO_ENABLED=0 GOOS=linux GOARCH=amd64\ngo build -ldflags=\"-s -w\" -o out/server ./cmd/shortlink\nupx --best --lzma -o out/server.upx ./out/server\n");
        assert_eq!(got.len(), 1);
        let p = &got[0];
        assert_eq!(p.problem, None);
        assert_eq!(p.output, "out/server.upx");
        let input = p.input_bytes.expect("input size");
        let packed = p.estimate.as_ref().and_then(|e| e.bytes).expect("packed");
        // The measured --best --lzma ratio on linux/amd64 is 1619236 / 4923544 ≈ 0.33.
        let ratio = packed as f64 / input as f64;
        assert!((0.30..0.36).contains(&ratio), "{ratio}");
    }

    #[test]
    fn darwin_is_refused_by_upx_itself() {
        let got =
            run("GOOS=darwin GOARCH=arm64 CGO_ENABLED=0 go build -o out/app .\nupx out/app\n");
        assert_eq!(got[0].problem, None);
        assert_eq!(got[0].estimate.as_ref().map(|e| e.bytes), Some(None));
    }

    #[test]
    fn mistakes_upx_stops_at() {
        let got = run("upx out/nothing\ngo build -o out/a .\nupx out/a\nupx out/a\nupx -o x.upx out/a out/b\nupx --best\ngo build -o out/a .\nupx out/a\n");
        let problems: Vec<Option<UpxProblem>> = got.iter().map(|p| p.problem.clone()).collect();
        assert_eq!(
            problems,
            [
                Some(UpxProblem::NotBuilt),
                None,
                Some(UpxProblem::AlreadyPacked),
                Some(UpxProblem::OutputWithSeveralFiles),
                Some(UpxProblem::OutputWithSeveralFiles),
                Some(UpxProblem::NoFile),
                // Rebuilt after packing: a fresh file packs again.
                None,
            ]
        );
    }
}
