//! Figures the chapters quote from the project's measurements must agree with the data file
//! they name (`sim/data/go1.22-sizes.tsv`, written by `scripts/calibrate-go-sizes`): the
//! per-platform size table of chapter 6, in both languages.

use std::collections::HashMap;
use std::path::Path;

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// (target, trimpath, ldflags) → bytes, for rows without extra environment and with cgo off.
fn sizes() -> HashMap<(String, bool, String), u64> {
    let mut map = HashMap::new();
    for line in read("sim/data/go1.22-sizes.tsv").lines() {
        let cells: Vec<&str> = line.split('\t').collect();
        if let [target, env, "0", trim, ldflags, bytes] = cells.as_slice() {
            let Ok(bytes) = bytes.parse() else { continue };
            let env_ok = *env == "-" || (*target == "linux/arm" && *env == "GOARM=7");
            if env_ok {
                map.insert(
                    (target.to_string(), *trim == "1", ldflags.to_string()),
                    bytes,
                );
            }
        }
    }
    map
}

/// The leading number of a table cell: "4.92 (−31.8 %)" → 4.92.
fn number(cell: &str) -> f64 {
    let text: String = cell
        .trim()
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    text.parse().unwrap_or(f64::NAN)
}

fn mb(bytes: u64) -> String {
    format!("{:.2}", bytes as f64 / 1e6)
}

#[test]
fn chapter_6_size_table_matches_the_data_file_in_both_languages() {
    let data = sizes();
    for path in ["content/en/06-ldflags.md", "content/ja/06-ldflags.md"] {
        let text = read(path);
        assert!(
            text.contains("sim/data/go1.22-sizes.tsv"),
            "{path} names its data"
        );
        let mut rows = 0;
        for line in text.lines() {
            let cells: Vec<&str> = line.trim_matches('|').split('|').collect();
            let [target, none, w, s, trim] = cells.as_slice() else {
                continue;
            };
            let target = target.trim();
            let Some(&plain) = data.get(&(target.to_string(), false, "-".into())) else {
                continue;
            };
            rows += 1;
            let expect = |trimpath: bool, ldflags: &str| {
                mb(*data
                    .get(&(target.to_string(), trimpath, ldflags.to_string()))
                    .unwrap_or_else(|| panic!("{target} {ldflags} in the data")))
            };
            let shown = |cell: &str| format!("{:.2}", number(cell));
            assert_eq!(shown(none), mb(plain), "{path} {target}: none");
            assert_eq!(shown(w), expect(false, "-w"), "{path} {target}: -w");
            assert_eq!(shown(s), expect(false, "-s"), "{path} {target}: -s");
            assert_eq!(
                expect(false, "-s"),
                expect(false, "-s -w"),
                "{target}: -s = -s -w"
            );
            assert_eq!(
                shown(trim),
                expect(true, "-s -w"),
                "{path} {target}: -trimpath"
            );
            let stripped = data[&(target.to_string(), false, "-s".into())];
            let saving = format!("{:.1} %", 100.0 * (1.0 - stripped as f64 / plain as f64));
            assert!(
                s.contains(&saving),
                "{path} {target}: {s} should say −{saving}"
            );
        }
        assert_eq!(rows, 7, "{path}: the table's rows");
    }
}
