//! `deploy-sim go-build` and `deploy-sim targets`: the go build engine on the command line.

use crate::args::{self, Args};
use deploy_sim::gobuild::{self, BuildContext};

/// `go-build`: the command line may be one argument or split into words.
pub fn go_build(argv: &[String], usage: &str) -> u8 {
    let parsed = match Args::parse(argv, &["--main", "--host"], &["--json", "--no-cc"]) {
        Ok(parsed) => parsed,
        Err(e) => return args::usage_error(&e, usage),
    };
    if parsed.positional.is_empty() {
        return args::usage_error("go-build needs a `go build` command line", usage);
    }
    // Words are re-quoted so that a split command line means what it meant to the user's shell.
    let line = if parsed.positional.len() == 1 {
        parsed.positional.join("")
    } else {
        parsed
            .positional
            .iter()
            .map(|w| quote(w))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let main_go = match parsed.value("--main").map(args::read_input).transpose() {
        Ok(source) => source,
        Err(e) => return args::usage_error(&e, usage),
    };
    let mut ctx = BuildContext::default();
    if let Some(host) = parsed.value("--host") {
        let Some((goos, goarch)) = host.split_once('/') else {
            return args::usage_error("--host takes goos/goarch, e.g. linux/arm64", usage);
        };
        ctx.host_goos = goos.to_string();
        ctx.host_goarch = goarch.to_string();
    }
    if parsed.switch("--no-cc") {
        ctx.c_compilers.clear();
    }
    let result = gobuild::analyze_line(&line, main_go.as_deref(), &ctx);
    if parsed.switch("--json") {
        match serde_json::to_string_pretty(&result) {
            Ok(json) => println!("{json}"),
            Err(e) => {
                eprintln!("deploy-sim: {e}");
                return 1;
            }
        }
    } else {
        let status = if result.ok { "ok" } else { "FAILED" };
        println!(
            "{}/{}  cgo={}  {:?}  {status}",
            result.goos,
            result.goarch,
            u8::from(result.cgo),
            result.linking
        );
        if let Some(output) = &result.output {
            let size = result.size.as_ref().map_or(String::new(), |s| {
                format!(
                    "  {} bytes{}",
                    s.bytes,
                    if s.extrapolated {
                        " (extrapolated)"
                    } else {
                        ""
                    }
                )
            });
            println!("output: {output}{size}");
        }
        for (symbol, value) in &result.x_applied {
            println!("-X {symbol}={value}");
        }
        if let Some(v) = &result.version_output {
            if let Ok(json) = serde_json::to_string(v) {
                println!("/version: {json}");
            }
        }
        if !result.go_stderr.is_empty() {
            println!("{}", result.go_stderr);
        }
        for d in &result.diagnostics {
            println!("{}: {} {}", d.severity.as_str(), d.code, d.message.en);
        }
    }
    u8::from(!result.ok)
}

/// `targets`: the 48 pairs.
pub fn targets(argv: &[String], usage: &str) -> u8 {
    let parsed = match Args::parse(argv, &[], &["--json"]) {
        Ok(parsed) => parsed,
        Err(e) => return args::usage_error(&e, usage),
    };
    if parsed.switch("--json") {
        match serde_json::to_string_pretty(gobuild::targets()) {
            Ok(json) => println!("{json}"),
            Err(e) => {
                eprintln!("deploy-sim: {e}");
                return 1;
            }
        }
    } else {
        for t in gobuild::targets() {
            println!("{}{}", t.pair(), if t.first_class { " *" } else { "" });
        }
    }
    0
}

/// Single-quotes a word for `sh` unless it is plain.
fn quote(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./=:,+@%".contains(c));
    if plain {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}
