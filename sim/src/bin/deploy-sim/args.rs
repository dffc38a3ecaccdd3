//! A small command-line parser shared by the subcommands: positional arguments, `--flag value`
//! and `--flag=value` options (repeatable), and boolean switches. Hand-written so that the engine
//! crate needs no CLI dependency.

#![allow(dead_code)] // Each subcommand uses a different part of it.

/// Parsed arguments of one subcommand.
#[derive(Debug, Default)]
pub struct Args {
    pub positional: Vec<String>,
    options: Vec<(String, String)>,
    switches: Vec<String>,
}

impl Args {
    /// Parses `argv`. `takes_value` lists the options that take a value (`--changed`), `switches`
    /// the boolean ones (`--json`). Everything after `--` is positional.
    pub fn parse(argv: &[String], takes_value: &[&str], switches: &[&str]) -> Result<Args, String> {
        let mut args = Args::default();
        let mut iter = argv.iter();
        while let Some(arg) = iter.next() {
            if arg == "--" {
                args.positional.extend(iter.by_ref().cloned());
                break;
            }
            if arg.starts_with("--") && arg.len() > 2 {
                let (name, inline) = match arg.split_once('=') {
                    Some((name, value)) => (name, Some(value.to_string())),
                    None => (arg.as_str(), None),
                };
                if takes_value.contains(&name) {
                    let value = match inline {
                        Some(value) => value,
                        None => iter
                            .next()
                            .cloned()
                            .ok_or_else(|| format!("option {name} needs a value"))?,
                    };
                    args.options.push((name.to_string(), value));
                } else if switches.contains(&name) && inline.is_none() {
                    args.switches.push(name.to_string());
                } else {
                    return Err(format!("unknown option '{arg}'"));
                }
            } else {
                args.positional.push(arg.clone());
            }
        }
        Ok(args)
    }

    pub fn switch(&self, name: &str) -> bool {
        self.switches.iter().any(|s| s == name)
    }

    pub fn value(&self, name: &str) -> Option<&str> {
        self.options
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn values(&self, name: &str) -> Vec<&str> {
        self.options
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }
}

/// Prints a usage error and returns exit code 2.
pub fn usage_error(message: &str, usage: &str) -> u8 {
    eprintln!("deploy-sim: {message}\n\n{usage}");
    2
}

/// Reads a file, or standard input for `-`.
pub fn read_input(path: &str) -> Result<String, String> {
    use std::io::Read;
    let mut bytes = Vec::new();
    let result = if path == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes).map(|_| ()))
    };
    result.map_err(|e| format!("cannot read {path}: {e}"))?;
    // Invalid UTF-8 is replaced, not rejected: parsers then report what they see.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
