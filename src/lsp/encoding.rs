//! Conversion between LSP positions (line + column in the negotiated encoding) and UTF-8 byte
//! offsets into a rope.
//!
//! A single conversion goes through ropey's indexes, so it costs O(log n) whatever the document
//! length: a hover near the end of a book-length manuscript costs the same as at the top. An
//! analysis's diagnostics convert all at once through a `PositionTable`, one pass over the text.
//! Editors send positions that are out of range more often than one would like (stale cursors,
//! plugins that count differently), so every rule here clamps instead of failing.

use ropey::Rope;
use tower_lsp_server::ls_types::{Position, PositionEncodingKind, Range};

/// The unit a position's `character` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    /// UTF-8 code units (bytes): no conversion, preferred when the client offers it.
    Utf8,
    /// UTF-16 code units: the LSP default every client supports.
    #[default]
    Utf16,
}

impl Encoding {
    /// Picks UTF-8 when the client lists it among `general.positionEncodings`, else UTF-16
    /// (the only encoding a server may assume).
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        match offered {
            Some(kinds) if kinds.iter().any(|k| k == &PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }
}

/// Byte offset of the end of `line`'s content, before its terminator (`\n`, `\r\n` or `\r`).
fn line_content_end(rope: &Rope, line: usize) -> usize {
    let end = if line + 1 < rope.len_lines() {
        rope.line_to_byte(line + 1)
    } else {
        rope.len_bytes()
    };
    let start = rope.line_to_byte(line);
    let last = |back: usize| {
        end.checked_sub(back)
            .filter(|&i| i >= start)
            .and_then(|i| rope.get_byte(i))
    };
    match (last(2), last(1)) {
        (Some(b'\r'), Some(b'\n')) => end - 2,
        (_, Some(b'\n' | b'\r')) => end - 1,
        _ => end,
    }
}

/// Rounds a byte offset down to the start of the char it falls in.
fn floor_char_boundary(rope: &Rope, byte: usize) -> usize {
    let byte = byte.min(rope.len_bytes());
    rope.char_to_byte(rope.byte_to_char(byte))
}

/// The byte offset a position points at. A column past the end of its line clamps to the line's
/// end (before the terminator); a line past the end of the document clamps to the document's
/// end; a column inside a multi-byte char (UTF-8) or a surrogate pair (UTF-16) rounds down.
pub fn position_to_byte(rope: &Rope, position: Position, encoding: Encoding) -> usize {
    let line = position.line as usize;
    if line >= rope.len_lines() {
        return rope.len_bytes();
    }
    let start = rope.line_to_byte(line);
    let end = line_content_end(rope, line);
    let column = position.character as usize;
    match encoding {
        Encoding::Utf8 => floor_char_boundary(rope, start.saturating_add(column).min(end)),
        Encoding::Utf16 => {
            let start_cu = rope.char_to_utf16_cu(rope.byte_to_char(start));
            let end_cu = rope.char_to_utf16_cu(rope.byte_to_char(end));
            let target = start_cu.saturating_add(column);
            if target >= end_cu {
                end
            } else {
                // ropey maps a unit inside a surrogate pair to the char it belongs to: round down.
                rope.char_to_byte(rope.utf16_cu_to_char(target))
            }
        }
    }
}

/// A range as a byte range, reversed ranges normalised so `start <= end`.
pub fn range_to_bytes(rope: &Rope, range: Range, encoding: Encoding) -> std::ops::Range<usize> {
    let a = position_to_byte(rope, range.start, encoding);
    let b = position_to_byte(rope, range.end, encoding);
    a.min(b)..a.max(b)
}

/// The position of a byte offset. Offsets past the end clamp to the end; offsets inside a
/// multi-byte char round down to its start.
pub fn byte_to_position(rope: &Rope, byte: usize, encoding: Encoding) -> Position {
    let byte = floor_char_boundary(rope, byte);
    let line = rope.byte_to_line(byte);
    let line_start = rope.line_to_byte(line);
    let column = match encoding {
        Encoding::Utf8 => byte - line_start,
        Encoding::Utf16 => {
            rope.char_to_utf16_cu(rope.byte_to_char(byte))
                - rope.char_to_utf16_cu(rope.byte_to_char(line_start))
        }
    };
    Position::new(saturate(line), saturate(column))
}

/// An engine span (UTF-8 bytes, end exclusive) as an LSP range.
pub fn span_to_range(rope: &Rope, span: copydesk_core::Span, encoding: Encoding) -> Range {
    Range::new(
        byte_to_position(rope, span.start, encoding),
        byte_to_position(rope, span.end, encoding),
    )
}

/// The positions of many byte offsets, found in one pass over the text. Converting a long
/// story's findings one rope lookup at a time (five lookups a position) cost more than
/// re-analysing the paragraph an edit touched; the pass costs O(n + k log k) for k offsets.
pub struct PositionTable {
    /// Sorted, each as asked (before clamping), so a lookup finds exactly what was asked.
    offsets: Vec<usize>,
    positions: Vec<Position>,
}

impl PositionTable {
    /// `text` must be the document's whole text. Offsets past its end clamp to the end and
    /// offsets inside a char round down to its start, as `byte_to_position` does.
    pub fn new(text: &str, offsets: impl IntoIterator<Item = usize>, encoding: Encoding) -> Self {
        let mut offsets: Vec<usize> = offsets.into_iter().collect();
        offsets.sort_unstable();
        offsets.dedup();
        let bytes = text.as_bytes();
        let mut positions = Vec::with_capacity(offsets.len());
        // The sweep's state: `line` and the byte where it starts, and how far `column`
        // (in the negotiated unit) has been counted, up to `counted`.
        let (mut line, mut line_start, mut counted, mut column) = (0usize, 0usize, 0usize, 0usize);
        for &asked in &offsets {
            let target = floor_str_boundary(text, asked);
            // A line ends after `\n`, and after a `\r` not followed by `\n` (ropey's
            // `cr_lines`); the `\r` of a `\r\n` ends nothing yet, even when `target` falls
            // between the two.
            for at in memchr::memchr2_iter(b'\n', b'\r', &bytes[counted..target]) {
                let at = counted + at;
                if bytes[at] == b'\n' || bytes.get(at + 1) != Some(&b'\n') {
                    line += 1;
                    line_start = at + 1;
                }
            }
            if line_start > counted {
                counted = line_start;
                column = 0;
            }
            column += match encoding {
                Encoding::Utf8 => target - counted,
                Encoding::Utf16 => utf16_len(&bytes[counted..target]),
            };
            counted = target;
            positions.push(Position::new(saturate(line), saturate(column)));
        }
        PositionTable { offsets, positions }
    }

    /// The position of an offset given to `new`; any other is converted through the rope.
    pub fn position(&self, rope: &Rope, byte: usize, encoding: Encoding) -> Position {
        match self.offsets.binary_search(&byte) {
            Ok(found) => self.positions[found],
            Err(_) => byte_to_position(rope, byte, encoding),
        }
    }

    pub fn range(&self, rope: &Rope, span: copydesk_core::Span, encoding: Encoding) -> Range {
        Range::new(
            self.position(rope, span.start, encoding),
            self.position(rope, span.end, encoding),
        )
    }
}

/// UTF-16 code units in valid UTF-8: one per char, two for a char of four bytes.
fn utf16_len(utf8: &[u8]) -> usize {
    // Summed a block at a time in a byte, which the compiler turns into vector adds (a sum in
    // `usize` stays one byte at a time, and a keystroke counts most of the document). A block
    // of 127 bytes counts at most 254 units.
    utf8.chunks(127)
        .map(|block| {
            let units = block.iter().fold(0u8, |sum, &b| {
                sum + u8::from(b & 0xC0 != 0x80) + u8::from(b >= 0xF0)
            });
            usize::from(units)
        })
        .sum()
}

fn floor_str_boundary(text: &str, byte: usize) -> usize {
    let mut byte = byte.min(text.len());
    while !text.is_char_boundary(byte) {
        byte -= 1;
    }
    byte
}

fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> Position {
        Position::new(line, character)
    }

    fn byte8(text: &str, line: u32, character: u32) -> usize {
        position_to_byte(&Rope::from_str(text), pos(line, character), Encoding::Utf8)
    }

    fn byte16(text: &str, line: u32, character: u32) -> usize {
        position_to_byte(&Rope::from_str(text), pos(line, character), Encoding::Utf16)
    }

    #[test]
    fn negotiation_prefers_utf8_and_defaults_to_utf16() {
        let both = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF8];
        assert_eq!(Encoding::negotiate(Some(&both)), Encoding::Utf8);
        assert_eq!(
            Encoding::negotiate(Some(&[PositionEncodingKind::UTF32])),
            Encoding::Utf16
        );
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
        assert_eq!(Encoding::Utf8.kind().as_str(), "utf-8");
        assert_eq!(Encoding::Utf16.kind().as_str(), "utf-16");
    }

    #[test]
    fn ascii_positions_are_byte_offsets_in_both_encodings() {
        let text = "one\ntwo\n";
        assert_eq!(byte8(text, 1, 2), 6);
        assert_eq!(byte16(text, 1, 2), 6);
        assert_eq!(byte16(text, 0, 0), 0);
    }

    #[test]
    fn column_past_line_end_clamps_before_each_kind_of_terminator() {
        assert_eq!(byte16("ab\ncd", 0, 99), 2);
        assert_eq!(byte16("ab\r\ncd", 0, 99), 2);
        assert_eq!(byte16("ab\rcd", 0, 99), 2);
        assert_eq!(byte8("ab\r\ncd", 0, 3), 2, "not between \\r and \\n");
        assert_eq!(byte8("ab\rcd", 1, 99), 5, "last line has no terminator");
        assert_eq!(byte16("ab\r\n", 1, 5), 4, "empty last line");
    }

    #[test]
    fn line_past_end_clamps_to_document_end() {
        assert_eq!(byte16("ab\ncd", 2, 0), 5);
        assert_eq!(byte8("ab\ncd", u32::MAX, u32::MAX), 5);
        assert_eq!(byte16("", 3, 3), 0);
    }

    #[test]
    fn utf16_counts_surrogate_pairs_and_rounds_down_inside_one() {
        // "a😀b": the emoji is 4 bytes, 2 UTF-16 units.
        let text = "a😀b";
        assert_eq!(byte16(text, 0, 1), 1);
        assert_eq!(byte16(text, 0, 2), 1, "inside the surrogate pair");
        assert_eq!(byte16(text, 0, 3), 5);
        assert_eq!(byte16(text, 0, 4), 6);
    }

    #[test]
    fn utf16_counts_cjk_as_one_unit() {
        let text = "東京 is";
        assert_eq!(byte16(text, 0, 1), 3);
        assert_eq!(byte16(text, 0, 2), 6);
        assert_eq!(byte16(text, 0, 3), 7);
    }

    #[test]
    fn utf8_column_inside_a_multibyte_char_rounds_down() {
        let text = "é😀x";
        assert_eq!(byte8(text, 0, 1), 0);
        assert_eq!(byte8(text, 0, 2), 2);
        assert_eq!(byte8(text, 0, 4), 2);
        assert_eq!(byte8(text, 0, 6), 6);
    }

    #[test]
    fn reversed_range_is_normalised() {
        let rope = Rope::from_str("hello world");
        let range = Range::new(pos(0, 8), pos(0, 2));
        assert_eq!(range_to_bytes(&rope, range, Encoding::Utf16), 2..8);
    }

    #[test]
    fn byte_offsets_convert_to_positions_in_both_encodings() {
        let text = "a😀b\r\n東京\rz";
        let rope = Rope::from_str(text);
        let at = |byte, enc| byte_to_position(&rope, byte, enc);
        assert_eq!(at(5, Encoding::Utf16), pos(0, 3));
        assert_eq!(at(5, Encoding::Utf8), pos(0, 5));
        assert_eq!(at(8, Encoding::Utf16), pos(1, 0));
        assert_eq!(at(11, Encoding::Utf16), pos(1, 1));
        assert_eq!(at(11, Encoding::Utf8), pos(1, 3));
        assert_eq!(at(15, Encoding::Utf16), pos(2, 0));
        assert_eq!(
            at(3, Encoding::Utf16),
            pos(0, 1),
            "inside the emoji: its start"
        );
        assert_eq!(at(999, Encoding::Utf16), pos(2, 1), "past the end: the end");
    }

    #[test]
    fn spans_round_trip_through_positions() {
        let text = "Officials said 😀 the plan\r\nwas 東京-based.\nEnd";
        let rope = Rope::from_str(text);
        for encoding in [Encoding::Utf8, Encoding::Utf16] {
            for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let position = byte_to_position(&rope, byte, encoding);
                let back = position_to_byte(&rope, position, encoding);
                // The only offset that cannot round-trip is between \r and \n, which is no
                // position at all; it clamps to before the \r.
                if text.get(byte - byte.min(1)..byte) == Some("\r")
                    && text[byte..].starts_with('\n')
                {
                    assert_eq!(back, byte - 1);
                } else {
                    assert_eq!(back, byte, "{encoding:?} at byte {byte}");
                }
            }
        }
    }

    #[test]
    fn known_span_becomes_the_expected_range() {
        let text = "The 😀 mayor\r\nsaid 東京 officials agreed.";
        let rope = Rope::from_str(text);
        let start = text.find("東京").unwrap();
        let span = copydesk_core::Span::new(start, start + "東京 officials".len());
        let utf16 = span_to_range(&rope, span, Encoding::Utf16);
        assert_eq!(utf16, Range::new(pos(1, 5), pos(1, 17)));
        let utf8 = span_to_range(&rope, span, Encoding::Utf8);
        assert_eq!(utf8, Range::new(pos(1, 5), pos(1, 21)));
        let first = span_to_range(&rope, copydesk_core::Span::new(4, 13), Encoding::Utf16);
        assert_eq!(first, Range::new(pos(0, 4), pos(0, 11)));
    }

    /// The table's one pass must agree with the rope at every offset, on every kind of line
    /// end and on chars of one to four bytes, including offsets inside chars and past the end.
    #[test]
    fn the_table_agrees_with_the_rope_everywhere() {
        use proptest::prelude::*;
        let piece = prop::sample::select(vec![
            "a", "Mayor ", "\n", "\r", "\r\n", "é", "東京", "😀", "\u{2028}", " ",
        ]);
        let texts = prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat());
        proptest!(|(text in texts)| {
            let rope = Rope::from_str(&text);
            for encoding in [Encoding::Utf8, Encoding::Utf16] {
                let table = PositionTable::new(&text, 0..text.len() + 3, encoding);
                for byte in 0..text.len() + 3 {
                    prop_assert_eq!(
                        table.position(&rope, byte, encoding),
                        byte_to_position(&rope, byte, encoding),
                        "{:?} at byte {} of {:?}", encoding, byte, text
                    );
                }
            }
        });
    }

    /// Counted a block at a time, a length must not depend on where the blocks end: inside a
    /// char, between the halves of a run of four-byte chars, past a block of plain ASCII.
    #[test]
    fn utf16_lengths_of_long_lines_match_the_standard_library() {
        let texts = [
            "😀".repeat(100),
            "a😀東é".repeat(40),
            format!("{}😀{}", "a".repeat(126), "é".repeat(130)),
        ];
        for text in &texts {
            for end in (0..=text.len()).filter(|&end| text.is_char_boundary(end)) {
                assert_eq!(
                    utf16_len(&text.as_bytes()[..end]),
                    text[..end].encode_utf16().count(),
                    "the first {end} bytes of {text:?}"
                );
            }
        }
    }

    #[test]
    fn offsets_not_in_the_table_still_convert() {
        let text = "one\ntwo 😀 three";
        let rope = Rope::from_str(text);
        let table = PositionTable::new(text, [0, 4], Encoding::Utf16);
        assert_eq!(table.position(&rope, 4, Encoding::Utf16), pos(1, 0));
        assert_eq!(table.position(&rope, 13, Encoding::Utf16), pos(1, 7));
    }
}
