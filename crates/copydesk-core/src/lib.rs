//! copydesk's analysis engine: text and configuration in, findings with byte spans out.
//!
//! The language server and the command line (the `copydesk` crate) only translate positions,
//! formats and transport; everything a journalist sees is decided here. This crate does no
//! I/O and needs no async runtime, so it builds for WebAssembly as it is.

pub mod attribution;
pub mod checks;
pub mod config;
pub mod engine;
pub mod finding;
pub mod incremental;
pub mod ledger;
pub mod lexicon;
pub mod rules;
pub mod span;
pub mod suppress;
pub mod text;

pub use config::Config;
pub use engine::{analyze, Analysis, EditAnalysis, Engine, PendingLedger};
pub use finding::{Finding, Related};
pub use incremental::DocumentCache;
pub use ledger::Ledger;
pub use rules::{Category, Rule, Severity};
pub use span::Span;
pub use text::{SourceFormat, Story};
