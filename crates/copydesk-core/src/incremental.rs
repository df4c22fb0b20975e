//! Incremental analysis: what one version of a document costs to read is kept for the next, so
//! a keystroke re-reads only the paragraphs it touched.
//!
//! Only pure pieces are kept, each keyed by everything it reads: a paragraph's structure
//! (quotations, sentences, tokens, lower-case words) is a function of the paragraph's prose
//! text and of whether a quotation was left open before it, so that pair is the key, and the
//! structure is stored relative to the paragraph's start and shifted into place. Whatever spans
//! paragraphs (extraction, the top matter, the attribution layer, every check family, the
//! ledger, suppressions) runs over the whole story as in a fresh analysis. The result is
//! therefore exactly a fresh `Engine::check`;
//! `tests/incremental_equality.rs` holds it to that over random edit sequences.

use crate::text::{ParagraphReader, ParagraphStructure, SourceFormat, Story};
use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};

/// What one open document keeps between analyses. Independent of the configuration (the
/// structure of a story does not depend on it), so a configuration reload may keep it; a
/// front end keeps one per document and drops it when the document closes.
#[derive(Default)]
pub struct DocumentCache {
    paragraphs: ParagraphCache,
}

impl DocumentCache {
    pub fn new() -> DocumentCache {
        DocumentCache::default()
    }

    /// Builds the story of `source`, reusing the structure of every paragraph whose text (and
    /// carried quotation) the previous version also had. Paragraphs the new version no longer
    /// has are forgotten, so the cache holds at most one story's worth.
    pub fn story<'a>(&mut self, source: &'a str, format: SourceFormat) -> Story<'a> {
        self.paragraphs.generation += 1;
        self.paragraphs.read_last = 0;
        let story = Story::build(source, format, &mut self.paragraphs);
        self.paragraphs.forget_unused();
        story
    }

    /// Paragraphs read afresh by the last [`DocumentCache::story`]; the rest came from the
    /// cache. For measurements and tests.
    pub fn paragraphs_read_last(&self) -> usize {
        self.paragraphs.read_last
    }

    /// Paragraph structures held.
    pub fn len(&self) -> usize {
        self.paragraphs.slots.values().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[derive(Default)]
struct ParagraphCache {
    hasher: RandomState,
    /// By hash of (text, quote open before); a collision keeps both, told apart by the text.
    slots: HashMap<u64, Vec<Slot>>,
    generation: u64,
    read_last: usize,
}

struct Slot {
    text: Box<str>,
    quote_open_before: bool,
    structure: ParagraphStructure,
    /// The last generation (story built) that used it.
    used: u64,
}

impl ParagraphCache {
    fn forget_unused(&mut self) {
        let generation = self.generation;
        self.slots.retain(|_, slots| {
            slots.retain(|slot| slot.used == generation);
            !slots.is_empty()
        });
    }
}

impl ParagraphReader for ParagraphCache {
    fn read(&mut self, text: &str, quote_open_before: bool) -> &ParagraphStructure {
        let key = self.hasher.hash_one((text, quote_open_before));
        let generation = self.generation;
        let slots = self.slots.entry(key).or_default();
        let found = slots
            .iter()
            .position(|slot| slot.quote_open_before == quote_open_before && &*slot.text == text);
        let index = match found {
            Some(index) => index,
            None => {
                self.read_last += 1;
                slots.push(Slot {
                    text: text.into(),
                    quote_open_before,
                    structure: ParagraphStructure::read(text, quote_open_before),
                    used: generation,
                });
                slots.len() - 1
            }
        };
        let slot = &mut slots[index];
        slot.used = generation;
        &slot.structure
    }
}
