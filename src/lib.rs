//! The `copydesk` front ends: the command line and the language server, both thin adapters over
//! the engine in `copydesk-core`, and the one place that reads `.copydesk.toml` from disk.
//! `src/main.rs` only calls [`cli::main`]; the modules are a library so integration tests can
//! reach them.

pub mod allocator;
pub mod cli;
pub mod config_file;
pub mod files;
#[doc(hidden)]
pub mod fuzz_checks;
pub mod lsp;
pub mod process_memory;
