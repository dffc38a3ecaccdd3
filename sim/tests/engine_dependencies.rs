//! ARCHITECTURE.md's first invariant: the engine knows nothing about the web. Its dependencies
//! (`[dependencies]` of `sim/Cargo.toml`, renames resolved) and everything they pull in
//! (`Cargo.lock`, every target's dependencies counted, so the check is stricter than one build)
//! must not reach yew, web-sys, gloo, wasm-bindgen or js-sys.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const WEB: &[&str] = &["yew", "web-sys", "gloo", "wasm-bindgen", "js-sys"];

fn is_web(name: &str) -> bool {
    WEB.iter()
        .any(|w| name == *w || name.starts_with(&format!("{w}-")))
}

/// The package names `[dependencies]` asks for (`x = { package = "y" }` is `y`).
fn direct_dependencies(manifest: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut inside = false;
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            inside = line == "[dependencies]";
            continue;
        }
        if !inside || line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        let renamed = value.split("package").nth(1).and_then(|rest| {
            let rest = rest.trim_start().strip_prefix('=')?.trim_start();
            rest.strip_prefix('"')?.split('"').next()
        });
        names.push(renamed.unwrap_or(key.trim()).to_string());
    }
    names
}

/// Every package of `Cargo.lock` with the names it depends on.
fn lock_graph(lock: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for block in lock.split("[[package]]").skip(1) {
        let Some(name) = block
            .lines()
            .find_map(|l| l.strip_prefix("name = \""))
            .and_then(|l| l.strip_suffix('"'))
        else {
            continue;
        };
        let deps = block
            .lines()
            .filter_map(|l| l.strip_prefix(" \""))
            .filter_map(|l| l.split(['"', ' ']).next())
            .map(str::to_string);
        graph.entry(name.to_string()).or_default().extend(deps);
    }
    graph
}

#[test]
fn the_engine_does_not_depend_on_anything_of_the_web() {
    let sim = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest = std::fs::read_to_string(sim.join("Cargo.toml")).expect("sim/Cargo.toml");
    let lock = std::fs::read_to_string(sim.join("../Cargo.lock")).expect("Cargo.lock");
    let direct = direct_dependencies(&manifest);
    assert!(
        direct.iter().any(|d| d == "yaml_serde"),
        "the rename is resolved: {direct:?}"
    );
    let graph = lock_graph(&lock);
    assert!(
        graph.get("yew").is_some_and(|d| d.contains("wasm-bindgen")),
        "the lock is read (the app's yew is in it, with its dependencies)"
    );

    let mut reached = BTreeSet::new();
    let mut path: BTreeMap<String, String> = BTreeMap::new();
    let mut stack: Vec<String> = direct.clone();
    for d in &direct {
        path.insert(d.clone(), format!("deploy-sim → {d}"));
    }
    while let Some(name) = stack.pop() {
        if !reached.insert(name.clone()) {
            continue;
        }
        for dep in graph.get(&name).into_iter().flatten() {
            if !path.contains_key(dep) {
                let via = format!("{} → {dep}", path[&name]);
                path.insert(dep.clone(), via);
            }
            stack.push(dep.clone());
        }
    }
    assert!(reached.contains("serde") && reached.contains("libyaml-rs"));
    let web: Vec<&String> = reached.iter().filter(|n| is_web(n)).collect();
    assert!(
        web.is_empty(),
        "the engine reaches web crates: {:?}",
        web.iter().map(|n| &path[*n]).collect::<Vec<_>>()
    );
}

#[test]
fn the_checker_sees_a_web_dependency() {
    let manifest = "[package]\nname = \"x\"\n\n[dependencies]\n# a comment\nserde = \"1\"\nweb = { package = \"web-sys\", version = \"0.3\" }\n\n[dev-dependencies]\ncriterion = \"0.5\"\n";
    assert_eq!(direct_dependencies(manifest), ["serde", "web-sys"]);
    assert!(is_web("web-sys") && is_web("wasm-bindgen-futures") && is_web("gloo-timers"));
    assert!(!is_web("yewish") && !is_web("serde"));
    let lock = "[[package]]\nname = \"a\"\nversion = \"1.0.0\"\ndependencies = [\n \"b 1.0.0\",\n \"c\",\n]\n";
    let graph = lock_graph(lock);
    assert_eq!(
        graph
            .get("a")
            .map(|d| d.iter().cloned().collect::<Vec<_>>()),
        Some(vec!["b".to_string(), "c".to_string()])
    );
}
