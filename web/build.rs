//! The first-load build (feature `split`) is cut into wasm modules after
//! linking; the splitter follows the linker's relocations, which wasm-ld
//! drops unless told to keep them.

fn main() {
    if std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo:rustc-cdylib-link-arg=--emit-relocs");
    }
}
