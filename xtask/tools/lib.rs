//! Nothing: this package exists for its dependencies' binaries (see
//! Cargo.toml).
