//! The UI, one component per file. Components receive plain data and callbacks as props and do
//! not touch the DOM while rendering (see `browser`), so each renders natively in tests.

pub mod app;
pub mod chapter_nav;
pub mod chapter_view;
pub mod editor;
pub mod exercise;
pub mod header;
pub mod home;
pub mod job_graph;
pub mod not_found;
pub mod playground;
pub mod progress;
pub mod release;
pub mod search;
pub mod share_view;
pub mod size_bar;
