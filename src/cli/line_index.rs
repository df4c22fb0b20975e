//! Byte offsets to 1-based line and column positions, for every output format.
//!
//! Lines come from the engine's line table (`copydesk_core::text::Lines`). Columns count
//! Unicode scalar values, which is what SARIF calls `unicodeCodePoints` and what a reader counts
//! on screen for the scripts newsrooms write in. A column is a binary search plus a count over
//! at most [`MARK_EVERY`] bytes, so a one-line file with thousands of findings stays linear.

use copydesk_core::text::Lines;

/// Distance in bytes between remembered (byte, character) pairs.
const MARK_EVERY: usize = 64;

/// A position with a 1-based line and a 1-based column in Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

pub struct LineIndex<'a> {
    text: &'a str,
    lines: Lines<'a>,
    /// `(byte offset, characters before it)` at character boundaries, every ~64 bytes.
    marks: Vec<(usize, usize)>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let mut marks = vec![(0, 0)];
        for (chars, (i, _)) in text.char_indices().enumerate() {
            if i >= marks[marks.len() - 1].0 + MARK_EVERY {
                marks.push((i, chars));
            }
        }
        LineIndex {
            text,
            lines: Lines::new(text),
            marks,
        }
    }

    /// The position of byte `offset`; offsets past the end or inside a character are clamped
    /// back to the nearest character boundary, never a panic.
    pub fn position(&self, offset: usize) -> Position {
        let offset = self.clamp(offset);
        let line = self.lines.line_of(offset);
        let column = self.chars_before(offset) - self.chars_before(self.lines.start_of(line));
        Position {
            line: line + 1,
            column: column + 1,
        }
    }

    /// Characters before byte `offset` (a character boundary).
    fn chars_before(&self, offset: usize) -> usize {
        let i = self.marks.partition_point(|&(byte, _)| byte <= offset) - 1;
        let (byte, chars) = self.marks[i];
        chars + self.text.get(byte..offset).map_or(0, |s| s.chars().count())
    }

    /// Byte range of 1-based `line`, without its line break.
    pub fn line_range(&self, line: usize) -> std::ops::Range<usize> {
        let index = line.saturating_sub(1).min(self.lines.count() - 1);
        let start = self.lines.start_of(index);
        let mut end = if index + 1 < self.lines.count() {
            self.lines.start_of(index + 1) - 1
        } else {
            self.text.len()
        };
        if end > start && self.text.as_bytes().get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        start..end
    }

    fn clamp(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: usize, column: usize) -> Position {
        Position { line, column }
    }

    #[test]
    fn first_line_and_later_lines() {
        let index = LineIndex::new("ab\ncd\n\nef");
        assert_eq!(index.position(0), pos(1, 1));
        assert_eq!(index.position(2), pos(1, 3));
        assert_eq!(index.position(3), pos(2, 1));
        assert_eq!(index.position(6), pos(3, 1));
        assert_eq!(index.position(8), pos(4, 2));
        assert_eq!(index.position(9), pos(4, 3));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        // "é" is two bytes, "🙂" four; the column after them is 2 and 3 in scalar values.
        let text = "x\né🙂z";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text.find('🙂').unwrap()), pos(2, 2));
        assert_eq!(index.position(text.find('z').unwrap()), pos(2, 3));
    }

    #[test]
    fn offsets_inside_a_character_or_past_the_end_are_clamped() {
        let index = LineIndex::new("é");
        assert_eq!(index.position(1), pos(1, 1));
        assert_eq!(index.position(99), pos(1, 2));
    }

    #[test]
    fn long_lines_agree_with_a_plain_count() {
        let text = "ab\u{e9}\u{1F642} ".repeat(200) + "\n" + &"x\u{e9}".repeat(100);
        let index = LineIndex::new(&text);
        for (offset, _) in text.char_indices().step_by(7) {
            let before = &text[..offset];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().unwrap().chars().count() + 1;
            assert_eq!(index.position(offset), pos(line, column), "at {offset}");
        }
    }

    #[test]
    fn line_range_drops_the_line_break() {
        let text = "one\r\ntwo\nthree";
        let index = LineIndex::new(text);
        assert_eq!(&text[index.line_range(1)], "one");
        assert_eq!(&text[index.line_range(2)], "two");
        assert_eq!(&text[index.line_range(3)], "three");
        assert_eq!(&text[index.line_range(9)], "three");
    }
}
