//! Compiles the guide's chapters (`content/`) into the app: Markdown is rendered, highlighted and
//! checked here, at build time, so the WebAssembly carries only HTML strings. A broken content file
//! fails the build with its file and line.
//!
//! It also lists the exercises (`content/exercises/*.yaml`) as `include_str!`s, so a teacher's new
//! file needs no Rust change. They are parsed by the app at first use; `make test` (`deploy-sim
//! exercises check`) is what rejects a broken one.

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=content");
    let root = Path::new("content");
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    match guide_content::build(root) {
        Ok(guide) => {
            let path = Path::new(&out_dir).join("guide.rs");
            if let Err(e) = std::fs::write(&path, guide_content::to_rust(&guide)) {
                fail(&format!("cannot write {}: {e}", path.display()));
            }
        }
        Err(errors) => {
            let list: Vec<String> = errors.iter().map(|e| format!("  {e}")).collect();
            fail(&format!(
                "the guide's content has {} problem(s):\n{}",
                errors.len(),
                list.join("\n")
            ));
        }
    }
    let path = Path::new(&out_dir).join("exercises.rs");
    if let Err(e) = std::fs::write(&path, exercise_list(&root.join("exercises"))) {
        fail(&format!("cannot write {}: {e}", path.display()));
    }
}

/// `pub static EXERCISE_FILES: &[(&str, &str)]`: every `*.yaml` of `dir` as (file name, text),
/// sorted by name so the build is reproducible.
fn exercise_list(dir: &Path) -> String {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut out = String::from(
        "/// The exercise files, embedded at build time: (file name, YAML text).\n\
         pub static EXERCISE_FILES: &[(&str, &str)] = &[\n",
    );
    for path in files {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let absolute = std::fs::canonicalize(&path).unwrap_or(path.clone());
        if let Some(name) = name {
            out.push_str(&format!(
                "    ({name:?}, include_str!({:?})),\n",
                absolute.to_string_lossy()
            ));
        }
    }
    out.push_str("];\n");
    out
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1);
}
