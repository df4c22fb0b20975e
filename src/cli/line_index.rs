//! Byte offsets to 1-based line and column positions, for every output format.
//!
//! Columns count Unicode scalar values, which is what SARIF calls `unicodeCodePoints` and what
//! a reader counts on screen for the scripts newsrooms write in. A line is found by binary
//! search; columns on all-ASCII lines (most of them) are a subtraction.

/// A position with a 1-based line and a 1-based column in Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

pub struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset where each line starts; the first is 0.
    starts: Vec<usize>,
    /// Whether each line is pure ASCII, so its columns are byte distances.
    ascii: Vec<bool>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let mut starts = vec![0];
        let mut ascii = Vec::new();
        let mut line_ascii = true;
        for (i, byte) in text.bytes().enumerate() {
            line_ascii &= byte.is_ascii();
            if byte == b'\n' {
                starts.push(i + 1);
                ascii.push(line_ascii);
                line_ascii = true;
            }
        }
        ascii.push(line_ascii);
        LineIndex {
            text,
            starts,
            ascii,
        }
    }

    /// The position of byte `offset`; offsets past the end or inside a character are clamped
    /// back to the nearest character boundary, never a panic.
    pub fn position(&self, offset: usize) -> Position {
        let offset = self.clamp(offset);
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        let start = self.starts[line];
        let column = if self.ascii.get(line).copied().unwrap_or(false) {
            offset - start
        } else {
            self.text
                .get(start..offset)
                .map_or(0, |s| s.chars().count())
        };
        Position {
            line: line + 1,
            column: column + 1,
        }
    }

    /// Byte range of 1-based `line`, without its line break.
    pub fn line_range(&self, line: usize) -> std::ops::Range<usize> {
        let index = line.saturating_sub(1).min(self.starts.len() - 1);
        let start = self.starts[index];
        let mut end = self
            .starts
            .get(index + 1)
            .map_or(self.text.len(), |&next| next - 1);
        if self.text.as_bytes().get(end.wrapping_sub(1)) == Some(&b'\r') && end > start {
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
    fn line_range_drops_the_line_break() {
        let text = "one\r\ntwo\nthree";
        let index = LineIndex::new(text);
        assert_eq!(&text[index.line_range(1)], "one");
        assert_eq!(&text[index.line_range(2)], "two");
        assert_eq!(&text[index.line_range(3)], "three");
        assert_eq!(&text[index.line_range(9)], "three");
    }
}
