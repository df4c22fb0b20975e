//! Byte offsets to lines, over rust-analyzer's `line-index` crate: the one line table that the
//! configuration errors, suppression comments and the command line's positions all use.
//!
//! `\n`, `\r\n` and a lone `\r` each end a line, as they do for editors and the language
//! server, so a story gives the same line numbers whichever line ends it was saved with.

use line_index::{LineIndex, TextSize};

pub struct Lines<'a> {
    text: &'a str,
    index: LineIndex,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Lines<'a> {
        // `line-index` counts in u32; a story of 4 GiB is far past every input limit, and
        // indexing its first 4 GiB keeps positions defined instead of panicking.
        let indexed = &text[..floor_char_boundary(text, u32::MAX as usize - 1)];
        // `line-index` knows only `\n` (and `\r\n`); a copy with lone CRs as LFs has the same
        // offsets.
        let indexed = super::extract::lone_cr_as_lf(indexed);
        Lines {
            text,
            index: LineIndex::new(&indexed),
        }
    }

    /// 0-based line of byte `offset`. Offsets inside a character or past the end are clamped
    /// back to a character boundary, never a panic.
    pub fn line_of(&self, offset: usize) -> usize {
        let offset =
            floor_char_boundary(self.text, offset.min(u32::from(self.index.len()) as usize));
        self.index
            .try_line_col(TextSize::new(offset as u32))
            .map_or(0, |at| at.line as usize)
    }

    /// Byte offset where 0-based `line` starts; past the last line, the start of the last line.
    pub fn start_of(&self, line: usize) -> usize {
        let line = line.min(self.count() - 1);
        self.index
            .line(line as u32)
            .map_or(0, |range| u32::from(range.start()) as usize)
    }

    /// Number of lines: one more than the number of line ends.
    pub fn count(&self) -> usize {
        self.line_of(self.text.len()) + 1
    }
}

/// `offset`, or the nearest character boundary before it.
pub(crate) fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_start_after_each_newline() {
        let lines = Lines::new("ab\ncd\r\n\nef");
        assert_eq!(lines.count(), 4);
        assert_eq!(
            [0, 2, 3, 6, 7, 8, 10].map(|o| lines.line_of(o)),
            [0, 0, 1, 1, 2, 3, 3]
        );
        assert_eq!([0, 1, 2, 3, 9].map(|l| lines.start_of(l)), [0, 3, 7, 8, 8]);
    }

    #[test]
    fn a_lone_cr_ends_a_line_too() {
        let lines = Lines::new("ab\rcd\r\nef");
        assert_eq!(lines.count(), 3);
        assert_eq!([0, 3, 7].map(|o| lines.line_of(o)), [0, 1, 2]);
    }

    #[test]
    fn offsets_inside_a_character_or_past_the_end_are_clamped() {
        let lines = Lines::new("é\n🙂");
        assert_eq!(lines.line_of(1), 0);
        assert_eq!(lines.line_of(5), 1);
        assert_eq!(lines.line_of(999), 1);
        assert_eq!(Lines::new("").count(), 1);
    }
}
