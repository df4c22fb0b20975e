//! copydesk's analysis engine: text and configuration in, findings with byte spans out.
//!
//! The language server and the command line (in `src/main.rs` and below) only translate
//! positions, formats and transport; everything a journalist sees is decided here.

pub mod attribution;
pub mod checks;
pub mod config;
pub mod engine;
pub mod finding;
pub mod lexicon;
pub mod span;
pub mod suppress;
pub mod text;

pub use config::Config;
pub use engine::{analyze, Engine};
pub use finding::{Category, Finding, Related, Severity};
pub use span::Span;
pub use text::{SourceFormat, Story};
