//! The attribution layer's storage: a story of a million cues holds a million items for as
//! long as every family reads them, so each is kept in as few bytes as it needs. Most fields
//! are 32-bit offsets; what only attributions with a source have (the source and its head word)
//! sits in a second list, and what few have (the outlet a source spoke to) in a map, so an
//! agentless cue ("said, " with no one saying, "reportedly") costs 24 bytes, not 44. Which
//! sentence an item is in is kept once per sentence, not per item.

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
    cue: NarrowSpan,
    content: OptSpan32,
    /// Index of the item's entry in [`Items::sourced`], or [`NO_SOURCE`].
    sourced: u32,
    cue_kind: CueKind,
    kind: SourceKind,
}

const NO_SOURCE: u32 = u32::MAX;

// The point of the split: a regression here costs tens of MiB on a long story.
const _: () = assert!(std::mem::size_of::<Core>() <= 24);

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
    /// (sentence, its first item), one entry per sentence with items, in item order: a reading
    /// goes sentence by sentence, so a sentence's items lie together.
    runs: Vec<(u32, u32)>,
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
        self.at_in(i, self.run_of(i).0)
    }

    /// Item `i`, which must be in the list, known to be in `sentence`.
    fn at_in(&self, i: usize, sentence: u32) -> Attribution {
        let core = self.core[i];
        let sourced = self.sourced.get(core.sourced as usize);
        let relayed_by = match self.relays.is_empty() {
            true => None,
            false => self.relays.get(&narrow(i)).copied(),
        };
        Attribution::from_parts(
            sentence,
            core.cue,
            core.cue_kind,
            sourced.map_or(OptSpan32::NONE, |s| s.source),
            core.kind,
            core.content,
            sourced.map_or(OptIndex32::NONE, |s| s.head),
            relayed_by.map_or(OptSpan32::NONE, OptSpan32::some),
        )
    }

    /// The run item `i` (which must be in the list) is in.
    fn run_of(&self, i: usize) -> (u32, u32) {
        self.runs[self.run_index(i)]
    }

    fn run_index(&self, i: usize) -> usize {
        self.runs
            .partition_point(|&(_, first)| first as usize <= i)
            .saturating_sub(1)
    }

    /// The sentence of item `i`, if it is in the list.
    pub(super) fn sentence_of(&self, i: usize) -> Option<usize> {
        (i < self.len()).then(|| self.run_of(i).0 as usize)
    }

    /// Where the items of `sentence` lie; empty if it has none.
    pub(super) fn sentence_range(&self, sentence: usize) -> Range<usize> {
        self.sentence_run(sentence).1
    }

    /// The run of `sentence` and where its items lie; an empty range if it has none.
    fn sentence_run(&self, sentence: usize) -> (usize, Range<usize>) {
        let sentence = narrow(sentence);
        let k = self.runs.partition_point(|&(s, _)| s < sentence);
        match self.runs.get(k) {
            Some(&(s, first)) if s == sentence => {
                let end = self.runs.get(k + 1).map_or(self.len(), |r| r.1 as usize);
                (k, first as usize..end)
            }
            _ => (0, 0..0),
        }
    }

    /// The items of `sentence`, in order: [`Items::range`] over [`Items::sentence_range`],
    /// with the run already found.
    pub(super) fn in_sentence(
        &self,
        sentence: usize,
    ) -> impl DoubleEndedIterator<Item = Attribution> + ExactSizeIterator + '_ {
        let (run, range) = self.sentence_run(sentence);
        RangeIter {
            items: self,
            front: range.start,
            back: range.end,
            front_run: run,
            back_run: run,
        }
    }

    /// How many items lie in the sentences up to `sentence`.
    pub(super) fn through_sentence(&self, sentence: usize) -> usize {
        let sentence = narrow(sentence);
        let k = self.runs.partition_point(|&(s, _)| s <= sentence);
        self.runs.get(k).map_or(self.len(), |r| r.1 as usize)
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
        let start = range.start.min(end);
        RangeIter {
            items: self,
            front: start,
            back: end,
            front_run: self.run_index(start),
            back_run: self.run_index(end.saturating_sub(1)),
        }
    }

    pub(super) fn iter(&self) -> impl DoubleEndedIterator<Item = Attribution> + '_ {
        self.range(0..self.len())
    }

    pub(super) fn push(&mut self, item: Attribution) {
        let at = self.len();
        let sentence = narrow(item.sentence());
        if self.runs.last().is_none_or(|&(s, _)| s != sentence) {
            self.runs.push((sentence, narrow(at)));
        }
        self.core.push(Core {
            cue: NarrowSpan::new(item.cue()),
            content: OptSpan32::new(item.content()),
            sourced: NO_SOURCE,
            cue_kind: item.cue_kind,
            kind: item.kind,
        });
        self.write_rest(at, &item);
    }

    /// Replaces item `i` (which must exist) with `item`, which stays in its sentence.
    pub(super) fn set(&mut self, i: usize, item: Attribution) {
        debug_assert_eq!(self.sentence_of(i), Some(item.sentence()));
        let Some(core) = self.core.get_mut(i) else {
            return;
        };
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
        let runs = self
            .runs
            .partition_point(|&(_, first)| (first as usize) < len);
        self.runs.truncate(runs);
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
        let mut runs = other
            .runs
            .drain(..)
            .map(|(s, first)| (s, first.saturating_add(items_before)));
        if let Some(run) = runs.next() {
            if self.runs.last().is_none_or(|&(s, _)| s != run.0) {
                self.runs.push(run);
            }
        }
        self.runs.extend(runs);
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
        self.runs.shrink_to_fit();
    }
}

impl Extend<Attribution> for Items {
    fn extend<I: IntoIterator<Item = Attribution>>(&mut self, items: I) {
        for item in items {
            self.push(item);
        }
    }
}

/// [`Items::range`]: each end keeps the run it is in, so a walk over the items finds each
/// one's sentence by a step, not a search.
struct RangeIter<'a> {
    items: &'a Items,
    front: usize,
    back: usize,
    front_run: usize,
    back_run: usize,
}

impl Iterator for RangeIter<'_> {
    type Item = Attribution;

    fn next(&mut self) -> Option<Attribution> {
        if self.front >= self.back {
            return None;
        }
        let runs = &self.items.runs;
        while runs
            .get(self.front_run + 1)
            .is_some_and(|&(_, first)| first as usize <= self.front)
        {
            self.front_run += 1;
        }
        let item = self.items.at_in(self.front, runs[self.front_run].0);
        self.front += 1;
        Some(item)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.back.saturating_sub(self.front);
        (left, Some(left))
    }
}

impl DoubleEndedIterator for RangeIter<'_> {
    fn next_back(&mut self) -> Option<Attribution> {
        if self.front >= self.back {
            return None;
        }
        self.back -= 1;
        let runs = &self.items.runs;
        while self.back_run > 0 && runs[self.back_run].1 as usize > self.back {
            self.back_run -= 1;
        }
        Some(self.items.at_in(self.back, runs[self.back_run].0))
    }
}

impl ExactSizeIterator for RangeIter<'_> {}

#[cfg(test)]
mod tests {
    use super::*;

    /// An attribution from a few generated facts: every field present or absent in turn.
    fn item(sentence: usize, k: usize, sourced: bool, relayed: bool) -> Attribution {
        let at = |n: usize| Span::new(10 * k + n, 10 * k + n + 2);
        Attribution::new(
            sentence,
            at(0),
            CueKind::Colon,
            sourced.then(|| at(3)),
            SourceKind::Agentless,
            (!k.is_multiple_of(3)).then(|| at(5)),
            sourced.then_some(k),
            relayed.then(|| at(7)),
        )
    }

    proptest::proptest! {
        /// The compact list reads back, in either direction and by sentence, what was put in,
        /// and cutting and joining it act as on a plain list.
        #[test]
        fn items_read_back_as_a_plain_list(
            facts in proptest::collection::vec(
                (0..3usize, proptest::bool::ANY, proptest::bool::ANY),
                0..40,
            ),
            cut in 0..41usize,
        ) {
            let mut sentence = 0;
            let plain: Vec<Attribution> = facts
                .iter()
                .enumerate()
                .map(|(k, &(step, sourced, relayed))| {
                    sentence += step;
                    item(sentence, k, sourced, relayed)
                })
                .collect();
            let mut items = Items::default();
            items.extend(plain.iter().copied());
            proptest::prop_assert_eq!(items.iter().collect::<Vec<_>>(), plain.clone());
            let cut = cut.min(plain.len());
            let backwards: Vec<_> = items.range(cut..plain.len()).rev().collect();
            let expected: Vec<_> = plain[cut..].iter().rev().copied().collect();
            proptest::prop_assert_eq!(backwards, expected);
            for s in 0..=sentence + 1 {
                let of_s: Vec<usize> =
                    (0..plain.len()).filter(|&i| plain[i].sentence() == s).collect();
                let range = items.sentence_range(s);
                proptest::prop_assert_eq!(range.clone().collect::<Vec<_>>(), of_s.clone());
                let read: Vec<_> = items.in_sentence(s).rev().collect();
                let expected: Vec<_> = of_s.iter().rev().map(|&i| plain[i]).collect();
                proptest::prop_assert_eq!(read, expected);
                let through = plain.iter().filter(|a| a.sentence() <= s).count();
                proptest::prop_assert_eq!(items.through_sentence(s), through);
            }
            let (mut head, mut tail) = (Items::default(), Items::default());
            head.extend(plain[..cut].iter().copied());
            tail.extend(plain[cut..].iter().copied());
            head.append(&mut tail);
            proptest::prop_assert_eq!(head.iter().collect::<Vec<_>>(), plain.clone());
            items.truncate(cut);
            proptest::prop_assert_eq!(items.iter().collect::<Vec<_>>(), plain[..cut].to_vec());
            items.extend(plain[cut..].iter().copied());
            proptest::prop_assert_eq!(items.iter().collect::<Vec<_>>(), plain.clone());
            let last = sentence;
            proptest::prop_assert_eq!(items.sentence_range(last), head.sentence_range(last));
        }
    }
}
