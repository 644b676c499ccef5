//! The first-load bundle is cut into wasm modules after linking; the
//! splitter follows the linker's relocations, which wasm-ld drops unless
//! told to keep them.

fn main() {
    println!("cargo:rustc-cdylib-link-arg=--emit-relocs");
}
