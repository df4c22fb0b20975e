//! Direct quotations: straight and curly marks, and quotes that run over several paragraphs.
//!
//! News style carries a long quote across paragraphs by leaving the closing mark off the end of
//! a paragraph and opening the next one with a fresh mark. Such a paragraph's quote is recorded
//! with `continues_previous`, so checks can follow one speaker through the whole block.

use crate::span::{NarrowSpan, Span};

/// A direct quotation, in 20 bytes: 32-bit offsets, and its three flags as bits of one byte.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    span: NarrowSpan,
    inner: NarrowSpan,
    flags: u8,
}

// A story of short quotations holds one of these per quotation: a regression costs MiB.
const _: () = assert!(std::mem::size_of::<Quote>() <= 20);

const SINGLE: u8 = 1;
const OPEN_ENDED: u8 = 1 << 1;
const CONTINUES_PREVIOUS: u8 = 1 << 2;

impl std::fmt::Debug for Quote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Quote")
            .field("span", &self.span())
            .field("inner", &self.inner())
            .field("single", &self.single())
            .field("open_ended", &self.open_ended())
            .field("continues_previous", &self.continues_previous())
            .finish()
    }
}

impl Quote {
    /// Offsets past 4 GiB saturate (see [`crate::span::narrow`]).
    fn new(
        span: Span,
        inner: Span,
        single: bool,
        open_ended: bool,
        continues_previous: bool,
    ) -> Quote {
        let flag = |set: bool, bit: u8| if set { bit } else { 0 };
        Quote {
            span: NarrowSpan::new(span),
            inner: NarrowSpan::new(inner),
            flags: flag(single, SINGLE)
                | flag(open_ended, OPEN_ENDED)
                | flag(continues_previous, CONTINUES_PREVIOUS),
        }
    }

    /// From the opening mark to the closing mark inclusive (or to the paragraph end if the
    /// quote is left open to continue in the next paragraph).
    pub fn span(&self) -> Span {
        self.span.get()
    }

    /// The quoted words without the marks.
    pub fn inner(&self) -> Span {
        self.inner.get()
    }

    /// Single quotation marks (headlines, or a quote inside a quote).
    pub fn single(&self) -> bool {
        self.flags & SINGLE != 0
    }

    /// No closing mark in this paragraph.
    pub fn open_ended(&self) -> bool {
        self.flags & OPEN_ENDED != 0
    }

    /// This quote continues the open-ended quote of the previous paragraph.
    pub fn continues_previous(&self) -> bool {
        self.flags & CONTINUES_PREVIOUS != 0
    }

    /// The quote moved `delta` bytes on, for one read relative to its paragraph.
    pub(crate) fn shifted(self, delta: usize) -> Quote {
        Quote {
            span: NarrowSpan::new(self.span().shifted(delta)),
            inner: NarrowSpan::new(self.inner().shifted(delta)),
            flags: self.flags,
        }
    }

    /// Number of words inside the marks.
    pub fn word_count(&self, text: &str) -> usize {
        self.inner().text(text).split_whitespace().count()
    }
}

fn is_double_open(c: char) -> bool {
    matches!(c, '“' | '„' | '«')
}

fn is_double_close(c: char) -> bool {
    matches!(c, '”' | '»')
}

/// Finds the quotes of one paragraph. `carried_open` says the previous paragraph ended inside
/// an open quote; returns whether this paragraph ends inside one.
pub fn find_quotes(text: &str, para: Span, carried_open: bool, out: &mut Vec<Quote>) -> bool {
    let Some(slice) = text.get(para.range()) else {
        return false;
    };
    let base = para.start;
    // (offset of opening mark, mark length, single?)
    let mut open: Option<(usize, usize, bool)> = None;
    let mut continues = false;
    let quotes_before = out.len();
    let mut first_mark_seen = false;
    // Read with one character of look-behind and one of look-ahead rather than collected: a
    // paragraph can run to millions of characters.
    let mut chars = slice.char_indices().peekable();
    let mut previous: Option<char> = None;
    while let Some((i, c)) = chars.next() {
        let prev = previous.replace(c);
        let mut next = chars.peek().map(|&(_, n)| n);
        // Two apostrophes stand for a straight double mark in some wire and archive copy
        // (''We are ready,'' she said): one mark of two characters, never an apostrophe.
        let doubled = c == '\'' && next == Some('\'');
        if doubled {
            chars.next();
            next = chars.peek().map(|&(_, n)| n);
        }
        let this_len = if doubled { 2 } else { c.len_utf8() };
        let c = if doubled { '"' } else { c };
        let double = c == '"' || is_double_open(c) || is_double_close(c);
        let single = matches!(c, '\'' | '‘' | '’');
        if !double && !single {
            continue;
        }
        // Asked of quotation marks only: every other character of the paragraph is passed over.
        let at_word_start = prev.is_none_or(|p| {
            p.is_whitespace() || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/')
        });
        let before_word = next.is_some_and(|n| !n.is_whitespace());
        match open {
            None => {
                let opens = if double {
                    is_double_open(c)
                        || (c == '"' && (at_word_start || !first_mark_seen) && before_word)
                } else {
                    // Single marks double as apostrophes: only a mark at a word start opens.
                    (c == '‘' || c == '\'') && at_word_start && before_word
                };
                first_mark_seen |= double;
                if opens {
                    if out.len() == quotes_before
                        && !first_mark_seen_before(slice, i)
                        && carried_open
                        && double
                    {
                        continues = true;
                    }
                    open = Some((i, this_len, single));
                }
            }
            Some((start, mark_len, was_single)) => {
                let closes = if was_single {
                    single && c != '‘' && !next.is_some_and(char::is_alphabetic)
                } else {
                    // `“We will not give up,“ said`: an opening mark typed for the closing
                    // one (autocorrect does it after a comma) closes when it ends the words.
                    let typed_for_close = !before_word
                        && prev.is_some_and(|p| matches!(p, ',' | '.' | '?' | '!' | '…'));
                    double && (!is_double_open(c) || typed_for_close)
                };
                if closes {
                    let end = i + this_len;
                    out.push(Quote::new(
                        Span::new(base + start, base + end),
                        Span::new(base + start + mark_len, base + i),
                        was_single,
                        false,
                        std::mem::take(&mut continues),
                    ));
                    open = None;
                } else if double && was_single {
                    // A double mark inside a single-quoted stretch: the single mark was an
                    // apostrophe after all. Restart from this mark.
                    open = is_double_open(c)
                        .then_some((i, c.len_utf8(), false))
                        .or_else(|| (c == '"' && before_word).then_some((i, this_len, false)));
                }
            }
        }
    }
    match open {
        Some((start, mark_len, false)) => {
            let end = slice.trim_end().len();
            out.push(Quote::new(
                Span::new(base + start, base + end.max(start + mark_len)),
                Span::new(base + start + mark_len, base + end.max(start + mark_len)),
                false,
                true,
                continues,
            ));
            true
        }
        _ => false,
    }
}

fn first_mark_seen_before(slice: &str, i: usize) -> bool {
    !slice[..i].trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(paras: &[&str]) -> Vec<Vec<(String, bool, bool)>> {
        let mut carried = false;
        paras
            .iter()
            .map(|p| {
                let mut out = Vec::new();
                carried = find_quotes(p, Span::new(0, p.len()), carried, &mut out);
                out.iter()
                    .map(|q| {
                        (
                            q.inner().text(p).to_string(),
                            q.open_ended(),
                            q.continues_previous(),
                        )
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn curly_and_straight_quotes() {
        assert_eq!(
            quotes(&["“We are ready,” she said. He added: \"So are we.\""]),
            [vec![
                ("We are ready,".to_string(), false, false),
                ("So are we.".to_string(), false, false)
            ]]
        );
    }

    #[test]
    fn two_apostrophes_are_one_double_mark() {
        assert_eq!(
            quotes(&["''It's late,'' the clerk said. ''We close at six.''"]),
            [vec![
                ("It's late,".to_string(), false, false),
                ("We close at six.".to_string(), false, false)
            ]]
        );
    }

    #[test]
    fn an_opening_mark_typed_for_the_closing_one() {
        let found = quotes(&["“We will not give up,“ said Ann Pellow. Then “more” came."]);
        assert_eq!(
            found[0].iter().map(|q| q.0.as_str()).collect::<Vec<_>>(),
            ["We will not give up,", "more"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(
            quotes(&["Cruz’s aides and the senators' staff said it's over."]),
            [vec![]]
        );
    }

    #[test]
    fn single_quotes_in_a_headline() {
        assert_eq!(
            quotes(&["Gowdy promises report 'as soon as possible.'"]),
            [vec![("as soon as possible.".to_string(), false, false)]]
        );
    }

    #[test]
    fn a_quote_runs_over_paragraphs() {
        let q = quotes(&[
            "“We will fight this in court,” he said. “We have the facts.",
            "“And we have the law on our side.”",
            "The court will rule in May.",
        ]);
        assert_eq!(q[0][1], ("We have the facts.".to_string(), true, false));
        assert_eq!(
            q[1][0],
            ("And we have the law on our side.".to_string(), false, true)
        );
        assert!(q[2].is_empty());
    }
}
