//! Byte offsets to lines: the one line table that the configuration errors, suppression
//! comments and the command line's positions all use.
//!
//! `\n`, `\r\n` and a lone `\r` each end a line, as they do for editors and the language
//! server, so a story gives the same line numbers whichever line ends it was saved with.
//!
//! A table of line starts and a binary search, no more: rust-analyzer's `line-index`, used
//! before, checks on every lookup that the offset is not inside one of the line's non-ASCII
//! characters by walking all of them, which made a long line of curly quotes or dashes
//! quadratic to report on. Offsets here are clamped to a character boundary first instead.

pub struct Lines<'a> {
    text: &'a str,
    /// Byte offset where each line starts; the first line starts at 0.
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Lines<'a> {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &byte) in bytes.iter().enumerate() {
            let ends_line = byte == b'\n' || byte == b'\r' && bytes.get(i + 1) != Some(&b'\n');
            if ends_line {
                starts.push(i + 1);
            }
        }
        Lines { text, starts }
    }

    /// 0-based line of byte `offset`. Offsets inside a character or past the end are clamped
    /// back to a character boundary, never a panic.
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = floor_char_boundary(self.text, offset);
        self.starts.partition_point(|&start| start <= offset) - 1
    }

    /// Byte offset where 0-based `line` starts; past the last line, the start of the last line.
    pub fn start_of(&self, line: usize) -> usize {
        self.starts[line.min(self.starts.len() - 1)]
    }

    /// Number of lines: one more than the number of line ends.
    pub fn count(&self) -> usize {
        self.starts.len()
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
