//! Byte spans into the original file.

use serde::Serialize;
use std::ops::Range;

/// A half-open range of UTF-8 byte offsets into the file as read (`start..end`).
///
/// Every span the engine hands out indexes the *original* source, not an extracted copy, so
/// adapters can turn it into editor positions without knowing how the prose was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        if start <= end {
            Span { start, end }
        } else {
            Span {
                start: end,
                end: start,
            }
        }
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub const fn contains(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    pub const fn covers(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn join(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// Moves the span by `delta` bytes, for spans computed relative to a paragraph.
    pub const fn shifted(self, delta: usize) -> Span {
        Span {
            start: self.start + delta,
            end: self.end + delta,
        }
    }

    /// The span relative to a paragraph starting at `base`, for keeping it under the
    /// paragraph's text; a span before `base` (none should be) clamps to its start.
    pub const fn unshifted(self, base: usize) -> Span {
        Span {
            start: self.start.saturating_sub(base),
            end: self.end.saturating_sub(base),
        }
    }

    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// The text under the span; empty if the span does not fall on char boundaries of `text`.
    pub fn text(self, text: &str) -> &str {
        text.get(self.range()).unwrap_or("")
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

/// A [`Span`] in 32-bit offsets, for the tables a story keeps one entry of per sentence or
/// quotation: half the size of a `Span`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NarrowSpan {
    start: u32,
    end: u32,
}

impl NarrowSpan {
    pub(crate) fn new(span: Span) -> NarrowSpan {
        NarrowSpan {
            start: narrow(span.start),
            end: narrow(span.end),
        }
    }

    /// A start past the end, which no span made by [`NarrowSpan::new`] has (narrowing keeps
    /// the order): the mark of an absent span where an `Option` would cost four bytes more.
    pub(crate) const ABSENT: NarrowSpan = NarrowSpan {
        start: u32::MAX,
        end: 0,
    };

    pub(crate) fn is_absent(self) -> bool {
        self.start > self.end
    }

    pub(crate) fn get(self) -> Span {
        // Narrowing keeps a span's order, so no reordering is needed.
        Span {
            start: self.start as usize,
            end: self.end as usize,
        }
    }
}

/// Narrows an offset or index to 32 bits. Every span and index kept this way comes from a
/// token, and the tokeniser stops at 4 GiB (`text::tokens`), so nothing real is cut; saturating
/// rather than asserting keeps even a caller that breaks that rule from panicking.
pub(crate) fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reversed_input_is_normalised() {
        assert_eq!(Span::new(9, 3), Span::new(3, 9));
    }

    #[test]
    fn overlap_is_strict_at_the_edges() {
        assert!(!Span::new(0, 3).overlaps(Span::new(3, 5)));
        assert!(Span::new(0, 4).overlaps(Span::new(3, 5)));
    }

    #[test]
    fn text_off_a_char_boundary_is_empty_not_a_panic() {
        assert_eq!(Span::new(1, 2).text("é"), "");
    }
}
