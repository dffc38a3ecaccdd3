//! The learner's state outside the simulations: how saved work is stored, migrated and set
//! aside ([`store`]), share links ([`share`]), and progress files ([`progress`]).
//!
//! It lives in the engine crate, not in the app, for the engine's reasons: no web dependency
//! (the browser's `localStorage` is one implementation of [`store::Store`]), tested and fuzzed
//! natively, and total — any stored value, link or file, however damaged or hostile, gives a
//! result or an error with a message in both languages, never a panic.

pub mod base64url;
pub mod deflate;
pub mod progress;
pub mod share;
pub mod store;
