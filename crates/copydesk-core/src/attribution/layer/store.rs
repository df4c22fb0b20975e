//! The attribution layer's storage: a story of a million cues holds a million items for as
//! long as every family reads them, so each is kept in as few bytes as it needs. Most fields
//! are 32-bit offsets; what only attributions with a source have (the source and its head word)
//! sits in a second list, and what few have (the outlet a source spoke to) in a map, so an
//! agentless cue ("said, " with no one saying, "reportedly") costs 28 bytes, not 44.

use super::{Attribution, CueKind, SourceKind};
use crate::span::{narrow, NarrowSpan, Span};
use std::collections::BTreeMap;
use std::ops::Range;

/// An optional [`Span`] in 32-bit offsets. Absence is a start past the end, which no real span
/// has (a `Span` is ordered, and narrowing keeps the order), so even a saturated span stays
/// present.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct OptSpan32(NarrowSpan);

impl OptSpan32 {
    pub(super) const NONE: Self = OptSpan32(NarrowSpan::ABSENT);

    pub(super) fn new(span: Option<Span>) -> Self {
        span.map_or(Self::NONE, |s| OptSpan32(NarrowSpan::new(s)))
    }

    pub(super) fn get(self) -> Option<Span> {
        (!self.0.is_absent()).then(|| self.0.get())
    }

    pub(super) fn some(span: NarrowSpan) -> Self {
        OptSpan32(span)
    }
}

/// An optional token index in 32 bits; `u32::MAX` is absence. A story of fewer than 4 GiB has
/// fewer than `u32::MAX` tokens, so no real index meets the sentinel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct OptIndex32(u32);

impl OptIndex32 {
    pub(super) const NONE: Self = OptIndex32(u32::MAX);

    pub(super) fn new(index: Option<usize>) -> Self {
        index.map_or(Self::NONE, |i| OptIndex32(narrow(i).min(u32::MAX - 1)))
    }

    pub(super) fn get(self) -> Option<usize> {
        (self != Self::NONE).then_some(self.0 as usize)
    }
}

/// The fields every attribution has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Core {
    sentence: u32,
    cue: NarrowSpan,
    content: OptSpan32,
    /// Index of the item's entry in [`Items::sourced`], or [`NO_SOURCE`].
    sourced: u32,
    cue_kind: CueKind,
    kind: SourceKind,
}

const NO_SOURCE: u32 = u32::MAX;

// The point of the split: a regression here costs tens of MiB on a long story.
const _: () = assert!(std::mem::size_of::<Core>() <= 28);

/// The fields only an attribution with a source has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Sourced {
    source: OptSpan32,
    head: OptIndex32,
}

/// Attributions in text order, read and written whole ([`Attribution`] is the value a reader
/// sees) but kept split by what they have.
#[derive(Debug, Clone, Default)]
pub(super) struct Items {
    core: Vec<Core>,
    sourced: Vec<Sourced>,
    /// The outlet a source spoke to, by item index.
    relays: BTreeMap<u32, NarrowSpan>,
}

impl Items {
    pub(super) fn len(&self) -> usize {
        self.core.len()
    }

    pub(super) fn is_empty(&self) -> bool {
        self.core.is_empty()
    }

    pub(super) fn get(&self, i: usize) -> Option<Attribution> {
        (i < self.len()).then(|| self.at(i))
    }

    /// Item `i`, which must be in the list.
    fn at(&self, i: usize) -> Attribution {
        let core = self.core[i];
        let sourced = self.sourced.get(core.sourced as usize);
        let relayed_by = match self.relays.is_empty() {
            true => None,
            false => self.relays.get(&narrow(i)).copied(),
        };
        Attribution::from_parts(
            core.sentence,
            core.cue,
            core.cue_kind,
            sourced.map_or(OptSpan32::NONE, |s| s.source),
            core.kind,
            core.content,
            sourced.map_or(OptIndex32::NONE, |s| s.head),
            relayed_by.map_or(OptSpan32::NONE, OptSpan32::some),
        )
    }

    /// The cue of item `i`, which must be in the list, without reading the rest.
    pub(super) fn cue(&self, i: usize) -> Span {
        self.core[i].cue.get()
    }

    /// The source of item `i`, if it is in the list and has one, without reading the rest.
    pub(super) fn source(&self, i: usize) -> Option<Span> {
        let core = self.core.get(i)?;
        self.sourced.get(core.sourced as usize)?.source.get()
    }

    /// The cue kind of item `i`, which must be in the list.
    pub(super) fn cue_kind(&self, i: usize) -> CueKind {
        self.core[i].cue_kind
    }

    pub(super) fn last(&self) -> Option<Attribution> {
        self.get(self.len().checked_sub(1)?)
    }

    /// The items of `range` (clamped to the list), in order.
    pub(super) fn range(
        &self,
        range: Range<usize>,
    ) -> impl DoubleEndedIterator<Item = Attribution> + ExactSizeIterator + '_ {
        let end = range.end.min(self.len());
        (range.start.min(end)..end).map(move |i| self.at(i))
    }

    pub(super) fn iter(&self) -> impl DoubleEndedIterator<Item = Attribution> + '_ {
        self.range(0..self.len())
    }

    pub(super) fn push(&mut self, item: Attribution) {
        let at = self.len();
        self.core.push(Core {
            sentence: narrow(item.sentence()),
            cue: NarrowSpan::new(item.cue()),
            content: OptSpan32::new(item.content()),
            sourced: NO_SOURCE,
            cue_kind: item.cue_kind,
            kind: item.kind,
        });
        self.write_rest(at, &item);
    }

    /// Replaces item `i` (which must exist) with `item`.
    pub(super) fn set(&mut self, i: usize, item: Attribution) {
        let Some(core) = self.core.get_mut(i) else {
            return;
        };
        core.sentence = narrow(item.sentence());
        core.cue = NarrowSpan::new(item.cue());
        core.content = OptSpan32::new(item.content());
        core.cue_kind = item.cue_kind;
        core.kind = item.kind;
        self.write_rest(i, &item);
    }

    /// Changes the last item, if any.
    pub(super) fn update_last(&mut self, change: impl FnOnce(&mut Attribution)) {
        if let Some(mut last) = self.last() {
            change(&mut last);
            self.set(self.len() - 1, last);
        }
    }

    /// The source, head and outlet of item `at`, whose core is in place.
    fn write_rest(&mut self, at: usize, item: &Attribution) {
        let (source, head) = (item.source(), item.head());
        let slot = self.core[at].sourced;
        if source.is_some() || head.is_some() {
            let entry = Sourced {
                source: OptSpan32::new(source),
                head: OptIndex32::new(head),
            };
            match self.sourced.get_mut(slot as usize) {
                Some(kept) => *kept = entry,
                None => {
                    self.core[at].sourced = narrow(self.sourced.len());
                    self.sourced.push(entry);
                }
            }
        } else if let Some(kept) = self.sourced.get_mut(slot as usize) {
            kept.source = OptSpan32::NONE;
            kept.head = OptIndex32::NONE;
        }
        match item.relayed_by() {
            Some(outlet) => {
                self.relays.insert(narrow(at), NarrowSpan::new(outlet));
            }
            None if !self.relays.is_empty() => {
                self.relays.remove(&narrow(at));
            }
            None => {}
        }
    }

    /// Drops the items from `len` on. Their source entries stay behind, unreachable: a
    /// reading drops items only when one falls out of its sentence's order, and finding which
    /// entries are theirs would read the whole list.
    pub(super) fn truncate(&mut self, len: usize) {
        if len >= self.len() {
            return;
        }
        self.core.truncate(len);
        self.relays.split_off(&narrow(len));
    }

    /// Moves `other`'s items to the end of this list.
    pub(super) fn append(&mut self, other: &mut Items) {
        if self.is_empty() {
            std::mem::swap(self, other);
            return;
        }
        let (items_before, sourced_before) = (narrow(self.len()), narrow(self.sourced.len()));
        self.core.extend(other.core.drain(..).map(|mut core| {
            if core.sourced != NO_SOURCE {
                core.sourced = core.sourced.saturating_add(sourced_before);
            }
            core
        }));
        self.sourced.append(&mut other.sourced);
        let relays = std::mem::take(&mut other.relays);
        self.relays.extend(
            relays
                .into_iter()
                .map(|(at, outlet)| (at.saturating_add(items_before), outlet)),
        );
    }

    pub(super) fn shrink_to_fit(&mut self) {
        self.core.shrink_to_fit();
        self.sourced.shrink_to_fit();
    }
}

impl Extend<Attribution> for Items {
    fn extend<I: IntoIterator<Item = Attribution>>(&mut self, items: I) {
        for item in items {
            self.push(item);
        }
    }
}
