//! The simulation engine of Go Deploy Playground.
//!
//! Everything here is pure Rust: text in, a model plus diagnostics out. No module may depend on a
//! web crate (yew, web-sys, gloo, wasm-bindgen, js-sys); the browser app and the `deploy-sim`
//! command-line tool are both thin callers of these functions, and every behaviour is tested
//! natively with `cargo test`.
//!
//! Architecture invariant: parsing never fails and never panics. Malformed input yields a model of
//! what could be understood plus [`Diagnostic`]s that carry a line number.

pub mod diagnostic;
pub mod dockerfile;
pub mod exercise;
pub mod gobuild;
pub mod goreleaser;
pub mod highlight;
pub mod make;
pub mod release;
pub mod state;
pub mod text;
pub mod workflow;
pub mod yaml;

pub use diagnostic::{Diagnostic, Severity};
pub use text::{Lang, Text};

/// The engine's version, printed by `deploy-sim --version`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
