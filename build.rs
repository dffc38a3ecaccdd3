//! Compiles the guide's chapters (`content/`) into the app: Markdown is rendered, highlighted and
//! checked here, at build time, so the WebAssembly carries only HTML strings. A broken content file
//! fails the build with its file and line.

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=content");
    let root = Path::new("content");
    match guide_content::build(root) {
        Ok(guide) => {
            let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
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
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1);
}
