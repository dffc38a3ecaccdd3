//! The playgrounds' pure logic, tested natively: how the editor indents, what a Makefile's
//! explicit targets are and how its space-indented recipes are fixed, how a shell block becomes `go build` invocations, how the Dockerfile stage graph is laid out,
//! which event a workflow is run for and how its job graph is laid out, and how the GoReleaser
//! playground lays out its grid, `dist/` tree and commit list, and what the release preview page
//! shows of the run (`release`). Components in `components/` call
//! these and render; nothing here touches the browser.

pub mod crossgrid;
pub mod dockerfile;
pub mod editing;
pub mod goreleaser;
pub mod goscript;
pub mod input_size;
pub mod job_graph;
pub mod makefile;
pub mod release;
pub mod stage_graph;
pub mod upx;
pub mod workflow;
