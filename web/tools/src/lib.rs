//! The wasm of `?mode=author`, `?mode=consult` and `?mode=dashboard`: the
//! web crate with its `tools` feature. A crate of its own so that its linked
//! file does not share a name with the first-load bundle's.

pub use shindan_web::start;
