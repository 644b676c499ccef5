//! The wasm every visitor loads: the web crate with its deferred screens as
//! modules of their own (`web/src/deferred.rs`). A crate of its own so that
//! its linked file does not share a name with the tools bundle's.

pub use shindan_web::start;
