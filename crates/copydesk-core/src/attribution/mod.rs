//! Who says what. `layer` reads every attribution of a story once — cue, source, content and
//! the kind of source — and the sourcing families query it. `cues` and `phrase` hold the word
//! classes it shares with the families; `words` the closed classes only the layer reads with;
//! `relay` who answers for a source named inside another's account.

pub mod cues;
pub mod layer;
pub mod phrase;
pub mod relay;
mod words;

pub use layer::{Attribution, Attributions, CueKind, SourceKind};
pub use words::{is_outlet_name, MARKET_VOICES};
