//! Reusable attribution analysis: which words cue an attribution ("said", "according to"),
//! and what kind of noun phrase stands as its source (a name, a pronoun, a common-noun group).
//!
//! Check families use it to find *who* a sentence says something came from; it knows nothing
//! about newsroom rules.

pub mod cues;
pub mod phrase;
