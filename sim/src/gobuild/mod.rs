//! The `go build` engine: what a `go build` command line produces for a given program —
//! target, cgo and linking, output file name, `-ldflags` effects (`-s`, `-w`, `-X`), the
//! `/version` output of the guide's sample server, and the binary size from a model calibrated on
//! real Go 1.22 builds.
//!
//! Entry points: [`analyze_line`] (what the UI calls on every keystroke), [`parse_command`] +
//! [`analyze`] (for engines that build the command themselves: make, GoReleaser, pipelines),
//! [`targets`] and [`predict_size`].

mod analyze;
pub mod command;
pub mod gosource;
pub mod ldflags;
pub mod shell;
pub mod size;
pub mod targets;
pub mod upx;

pub use analyze::{
    analyze, analyze_line, analyze_line_of, analyze_program, BuildContext, BuildResult, Linking,
    Program, VersionOutput, XIgnored,
};
pub use command::{parse_command, Command, EnvVar, ParsedCommand};
pub use ldflags::{parse_ldflags, LinkerFlags, XDefinition};
pub use size::{predict_size, SizeEstimate, SizeQuery};
pub use targets::{find_target, first_class_targets, targets, Target, GO_VERSION};
pub use upx::{predict_upx, UpxCommand, UpxEstimate, UpxLevel};

/// The guide's sample program (`scripts/calibrate/cmd/server/main.go`), used when the learner
/// has not edited `main.go`. The size data was measured on exactly this file.
pub const SAMPLE_MAIN_GO: &str = include_str!("../../../scripts/calibrate/cmd/server/main.go");
