//! Reading a story: prose extraction, then the structure every check shares.

pub mod extract;
pub mod fold;
pub mod lines;
pub mod quotes;
pub mod sentences;
pub mod story;
pub mod tokens;

pub use extract::SourceFormat;
pub use lines::Lines;
pub use quotes::Quote;
pub use story::{Paragraph, ParagraphReader, ParagraphStructure, Sentence, Story, TextId};
pub use tokens::{Case, Token, TokenKind};
