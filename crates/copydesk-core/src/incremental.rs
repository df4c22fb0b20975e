//! Incremental analysis: what one version of a document costs to read is kept for the next, so
//! a keystroke re-reads only the paragraphs it touched.
//!
//! Only pure pieces are kept, each keyed by everything it reads: a paragraph's structure
//! (quotations, sentences, tokens, lower-case words) is a function of the paragraph's prose
//! text and of whether a quotation was left open before it, so that pair is the key, and the
//! structure is stored relative to the paragraph's start and shifted into place.
//!
//! Checks keep pieces of their own work in the document's [`Memo`] the same way: a family
//! splits its reading into a part that is a function of one paragraph and of a few facts
//! around it, which it makes its key, and a story-level part that runs afresh over the pieces
//! (the name roster, the ledger). The attribution layer keeps each paragraph's reading the same
//! way, with the story-level facts it consulted (where a word is first used as a surname)
//! checked against the new version before a reading is reused. The extraction of the last
//! version is kept too, and an edit of plain words inside plain prose is spliced into it rather
//! than the whole Markdown parsed again (`text::extract::extract_after_edit`, which refuses any
//! edit a parser could read differently). What no piece covers (the top matter, the other
//! families' work, suppressions) runs over the whole story as in a fresh analysis. The result
//! is therefore exactly a fresh `Engine::check`; `tests/incremental_equality.rs` holds it to
//! that over random edit sequences, and holds each piece to its fresh computation.

use crate::finding::Finding;
use crate::text::extract::{extract, extract_after_edit, Extracted};
use crate::text::{ParagraphReader, ParagraphStructure, SourceFormat, Story, TextId};
use foldhash::fast::RandomState;
use foldhash::{HashMap, HashMapExt};
use std::any::{Any, TypeId};
use std::hash::{BuildHasher, Hash};

/// What one open document keeps between analyses. Independent of the configuration (the
/// structure of a story does not depend on it), so a configuration reload may keep it; a
/// front end keeps one per document and drops it when the document closes.
#[derive(Default)]
pub struct DocumentCache {
    paragraphs: ParagraphCache,
    /// The last version's text and extraction, for [`extract_after_edit`].
    last_extraction: Option<LastExtraction>,
    memo: Memo,
    /// The pieces of the families that do not read the attribution layer, apart from the
    /// others' so both groups may run at once (`Engine::check_incremental`).
    independent: Memo,
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
        let extracted = self.extract(source, format);
        let story = Story::build_extracted(source, extracted, &mut self.paragraphs);
        self.paragraphs.forget_unused();
        story
    }

    /// The extraction of `source`, spliced from the last version's when the edit between them
    /// is one Markdown cannot read differently ([`extract_after_edit`]), and kept for the next.
    fn extract(&mut self, source: &str, format: SourceFormat) -> Extracted {
        let spliced = self
            .last_extraction
            .as_ref()
            .filter(|last| last.format == format)
            .and_then(|last| extract_after_edit(&last.source, &last.extracted, source));
        let extracted = spliced.unwrap_or_else(|| extract(source, format));
        match &mut self.last_extraction {
            // Written over, so a long story's copies are not allocated again on every keystroke.
            Some(last) => {
                last.source.clear();
                last.source.push_str(source);
                last.format = format;
                last.extracted.prose.clone_from(&extracted.prose);
                last.extracted
                    .block_starts
                    .clone_from(&extracted.block_starts);
                last.extracted.unchecked.clone_from(&extracted.unchecked);
            }
            None => {
                self.last_extraction = Some(LastExtraction {
                    source: source.to_owned(),
                    format,
                    extracted: extracted.clone(),
                })
            }
        }
        extracted
    }

    /// Paragraphs read afresh by the last [`DocumentCache::story`]; the rest came from the
    /// cache. For measurements and tests.
    pub fn paragraphs_read_last(&self) -> usize {
        self.paragraphs.read_last
    }

    /// The pieces kept for this document by the attribution layer and the families that read
    /// it. [`crate::Engine::check_incremental`] hands it to them; tests and measurements may
    /// read through it too.
    pub fn memo(&mut self) -> &mut Memo {
        &mut self.memo
    }

    /// The pieces kept by the families that do not read the attribution layer (the name
    /// mentions); they run beside the others and keep their pieces apart.
    pub fn independent_memo(&mut self) -> &mut Memo {
        &mut self.independent
    }

    /// Both memos at once: the attribution layer's and its readers', and the other families'.
    pub(crate) fn memos(&mut self) -> (&mut Memo, &mut Memo) {
        (&mut self.memo, &mut self.independent)
    }

    /// Pieces computed afresh by the last analysis, over every family. For measurements and
    /// tests.
    pub fn computed_last(&self) -> usize {
        self.memo.computed_last() + self.independent.computed_last()
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
    id: TextId,
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
    fn read(&mut self, text: &str, quote_open_before: bool) -> (&ParagraphStructure, TextId) {
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
                    id: TextId::fresh(),
                    used: generation,
                });
                slots.len() - 1
            }
        };
        let slot = &mut slots[index];
        slot.used = generation;
        (&slot.structure, slot.id)
    }
}

struct LastExtraction {
    source: String,
    format: SourceFormat,
    extracted: Extracted,
}

/// The pieces of the checks' work one document keeps between analyses: one table per kind of
/// piece, each entry under a key that holds everything its computation reads. A piece must
/// not read the configuration unless the configuration is part of its key.
#[derive(Default)]
pub struct Memo {
    tables: HashMap<TypeId, Box<dyn Forget>>,
    /// Analyses begun; an entry not used by the latest one is forgotten at its end.
    generation: u64,
}

impl Memo {
    /// The table of pieces computed from keys `K` into values `V`.
    pub fn table<K, V>(&mut self) -> PieceTable<'_, K, V>
    where
        K: Hash + Eq + Send + 'static,
        V: Send + 'static,
    {
        let generation = self.generation;
        let table = self
            .tables
            .entry(TypeId::of::<Table<K, V>>())
            .or_insert_with(|| Box::new(Table::<K, V>::default()));
        let table = table
            .as_any()
            .downcast_mut::<Table<K, V>>()
            .expect("tables are filed under their own type");
        PieceTable { table, generation }
    }

    /// Starts an analysis of a new version.
    pub(crate) fn begin(&mut self) {
        self.generation += 1;
        for table in self.tables.values_mut() {
            table.reset_counts();
        }
    }

    /// Forgets what the analysis just ended did not use: pieces of text the document no
    /// longer has.
    pub(crate) fn end(&mut self) {
        let generation = self.generation;
        for table in self.tables.values_mut() {
            table.forget_unused(generation);
        }
    }

    /// Pieces computed afresh (not found) since the analysis began, over every table.
    pub fn computed_last(&self) -> usize {
        self.tables.values().map(|t| t.computed()).sum()
    }

    /// Pieces held, over every table.
    pub fn len(&self) -> usize {
        self.tables.values().map(|t| t.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Findings of a rule whose reading of a paragraph looks at nothing outside that paragraph's
/// text (not its neighbours, the top matter, the attribution layer or the configuration):
/// `read(story, p, out)` pushes paragraph `p`'s findings. With a memo each paragraph's findings
/// are kept under its text, relative to its start, and shifted into place; `Tag` names the
/// rule's table. Without one every paragraph is read, in the same order, so a fresh analysis
/// and a kept one push the same findings in the same order.
pub fn paragraph_findings<Tag>(
    story: &Story,
    memo: Option<&mut Memo>,
    out: &mut Vec<Finding>,
    read: impl Fn(&Story, usize, &mut Vec<Finding>),
) where
    Tag: Hash + Eq + Default + Send + 'static,
{
    let Some(memo) = memo else {
        for p in 0..story.paragraphs.len() {
            read(story, p, out);
        }
        return;
    };
    let mut table = memo.table::<ParagraphFindingsKey<Tag>, Vec<Finding>>();
    for (p, para) in story.paragraphs.iter().enumerate() {
        let base = para.span.start;
        let key = ParagraphFindingsKey {
            text: story.text_id(p),
            rule: Tag::default(),
        };
        let kept = table.get_or_compute(key, || {
            let mut own = Vec::new();
            read(story, p, &mut own);
            for finding in &mut own {
                shift_finding(finding, |at| at - base.min(at));
            }
            own
        });
        out.extend(kept.iter().cloned().map(|mut finding| {
            shift_finding(&mut finding, |at| at + base);
            finding
        }));
    }
}

fn shift_finding(finding: &mut Finding, shift: impl Fn(usize) -> usize) {
    let moved =
        |span: crate::span::Span| crate::span::Span::new(shift(span.start), shift(span.end));
    finding.set_span(moved(finding.span()));
    for related in finding.related_mut() {
        related.span = moved(related.span);
    }
}

#[derive(Hash, PartialEq, Eq)]
struct ParagraphFindingsKey<Tag> {
    text: TextId,
    rule: Tag,
}

/// One table of a [`Memo`], borrowed for one analysis.
pub struct PieceTable<'m, K, V> {
    table: &'m mut Table<K, V>,
    generation: u64,
}

impl<K: Hash + Eq, V> PieceTable<'_, K, V> {
    /// The piece under `key`, computed by `compute` when the table does not hold it.
    pub fn get_or_compute(&mut self, key: K, compute: impl FnOnce() -> V) -> &V {
        self.get_or_compute_mut(key, compute)
    }

    /// [`PieceTable::get_or_compute`], for a piece its user keeps adding to (readings of one
    /// text under different outside facts, each checked by the user).
    pub fn get_or_compute_mut(&mut self, key: K, compute: impl FnOnce() -> V) -> &mut V {
        let generation = self.generation;
        let hash = self.table.hasher.hash_one(&key);
        let slots = self.table.slots.entry(hash).or_default();
        let index = match slots.iter().position(|slot| slot.key == key) {
            Some(index) => index,
            None => {
                self.table.computed += 1;
                slots.push(PieceSlot {
                    key,
                    value: compute(),
                    used: generation,
                });
                slots.len() - 1
            }
        };
        let slot = &mut slots[index];
        slot.used = generation;
        &mut slot.value
    }
}

struct Table<K, V> {
    hasher: RandomState,
    /// By hash of the key; a collision keeps both, told apart by the key itself.
    slots: HashMap<u64, Vec<PieceSlot<K, V>>>,
    computed: usize,
}

impl<K, V> Default for Table<K, V> {
    fn default() -> Self {
        Table {
            hasher: RandomState::default(),
            slots: HashMap::new(),
            computed: 0,
        }
    }
}

struct PieceSlot<K, V> {
    key: K,
    value: V,
    used: u64,
}

/// What the memo does to every table without knowing its types.
trait Forget: Send {
    fn as_any(&mut self) -> &mut dyn Any;
    fn forget_unused(&mut self, generation: u64);
    fn reset_counts(&mut self);
    fn computed(&self) -> usize;
    fn len(&self) -> usize;
}

impl<K: Send + 'static, V: Send + 'static> Forget for Table<K, V> {
    fn as_any(&mut self) -> &mut dyn Any {
        self
    }

    fn forget_unused(&mut self, generation: u64) {
        self.slots.retain(|_, slots| {
            slots.retain(|slot| slot.used == generation);
            !slots.is_empty()
        });
    }

    fn reset_counts(&mut self) {
        self.computed = 0;
    }

    fn computed(&self) -> usize {
        self.computed
    }

    fn len(&self) -> usize {
        self.slots.values().map(Vec::len).sum()
    }
}
