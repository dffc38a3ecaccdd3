//! The go build playground's shell-block reader (`src/playground/goscript.rs` in the app:
//! `export`, variables, `$(…)`, backslash continuations → `go build` and `upx` command lines),
//! each command then analysed by `deploy_sim::gobuild::analyze_line`, and the `-s`/`-w`/
//! `-trimpath` quick toggles applied to it. The module is compiled here from the app's own file:
//! it is pure, and depending on the app crate would pull in yew.
#![no_main]

#[path = "../../src/playground/goscript.rs"]
#[allow(dead_code)]
mod goscript;

use deploy_sim::gobuild::{analyze_line, BuildContext};
use deploy_sim::make::ProjectEnv;
use deploy_sim_fuzz::{check_diagnostics, line_count, text};
use goscript::{go_build_lines, has_flag, toggle_flag, upx_lines, QuickFlag};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let script = text(data);
    let env = ProjectEnv::default();
    let lines = line_count(&script);
    let commands = go_build_lines(&script, &env);
    assert_eq!(
        commands,
        go_build_lines(&script, &env),
        "goscript: two reads differ"
    );
    let ctx = BuildContext::default();
    for command in commands.iter().take(16) {
        assert!(
            script.get(command.range.clone()).is_some(),
            "goscript: range {:?} is not a slice of the script",
            command.range
        );
        assert!(
            (1..=lines.max(1)).contains(&command.line),
            "goscript: a command on line {} of {lines}",
            command.line
        );
        let result = analyze_line(&command.command, None, &ctx);
        check_diagnostics("goscript (command)", &command.command, &result.diagnostics);
        for flag in QuickFlag::ALL {
            let toggled = toggle_flag(&command.command, flag);
            let _ = has_flag(&toggled, flag);
            let _ = toggle_flag(&toggled, flag);
        }
    }
    for upx in upx_lines(&script, &env) {
        assert!(
            script.get(upx.range.clone()).is_some(),
            "goscript: bad upx range {:?}",
            upx.range
        );
    }
});
