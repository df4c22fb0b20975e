//! One open document: its text as a rope, the version the client gave it and its format.

use super::encoding::{range_to_bytes, Encoding};
use copydesk_core::SourceFormat;
use ropey::Rope;
use tower_lsp_server::ls_types::TextDocumentContentChangeEvent;

#[derive(Debug, Clone)]
pub struct Document {
    pub rope: Rope,
    pub version: i32,
    pub format: SourceFormat,
}

/// Why a `didChange` was not applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rejected {
    /// The change is for a version the document already has or has passed: applying it again
    /// would corrupt the text, so it is dropped.
    Stale { have: i32, got: i32 },
}

impl Document {
    pub fn new(text: &str, version: i32, format: SourceFormat) -> Document {
        Document {
            rope: Rope::from_str(text),
            version,
            format,
        }
    }

    /// Applies one `didChange` notification: each change against the result of the previous
    /// one, as the protocol requires, then takes the new version.
    pub fn apply_changes(
        &mut self,
        version: i32,
        changes: &[TextDocumentContentChangeEvent],
        encoding: Encoding,
    ) -> Result<(), Rejected> {
        if version <= self.version {
            return Err(Rejected::Stale {
                have: self.version,
                got: version,
            });
        }
        for change in changes {
            self.apply(change, encoding);
        }
        self.version = version;
        Ok(())
    }

    /// One content change: a range replacement, or the whole text when it has no range.
    pub fn apply(&mut self, change: &TextDocumentContentChangeEvent, encoding: Encoding) {
        match change.range {
            None => self.rope = Rope::from_str(&change.text),
            Some(range) => {
                let bytes = range_to_bytes(&self.rope, range, encoding);
                // Both ends are on char boundaries (the conversion rounds down), so the char
                // indexes are exact.
                let start = self.rope.byte_to_char(bytes.start);
                let end = self.rope.byte_to_char(bytes.end);
                self.rope.remove(start..end);
                self.rope.insert(start, &change.text);
            }
        }
    }

    /// Rebuilds a document the server never saw opened (a restart, a lost `didOpen`) from a
    /// change batch, if it carries a full-text change: everything from the last one on is
    /// known exactly. Without one the text cannot be known, and guessing would desynchronise.
    pub fn recover(
        version: i32,
        changes: &[TextDocumentContentChangeEvent],
        format: SourceFormat,
        encoding: Encoding,
    ) -> Option<Document> {
        let last_full = changes.iter().rposition(|change| change.range.is_none())?;
        let mut doc = Document::new(&changes[last_full].text, version, format);
        for change in &changes[last_full + 1..] {
            doc.apply(change, encoding);
        }
        Some(doc)
    }

    pub fn text(&self) -> String {
        self.rope.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::ls_types::{Position, Range};

    fn edit(l1: u32, c1: u32, l2: u32, c2: u32, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(l1, c1), Position::new(l2, c2))),
            range_length: None,
            text: text.into(),
        }
    }

    fn full(text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text: text.into(),
        }
    }

    fn doc(text: &str) -> Document {
        Document::new(text, 1, SourceFormat::PlainText)
    }

    #[test]
    fn changes_apply_in_order_each_on_the_previous_result() {
        let mut d = doc("abc");
        let changes = [
            edit(0, 3, 0, 3, "d"),
            edit(0, 0, 0, 1, ""),
            edit(0, 3, 0, 3, "!"),
        ];
        d.apply_changes(2, &changes, Encoding::Utf16).unwrap();
        assert_eq!(d.text(), "bcd!");
        assert_eq!(d.version, 2);
    }

    #[test]
    fn full_text_change_in_the_middle_of_a_batch() {
        let mut d = doc("old text");
        let changes = [
            edit(0, 0, 0, 3, "new"),
            full("fresh\n"),
            edit(1, 0, 1, 0, "line"),
        ];
        d.apply_changes(2, &changes, Encoding::Utf8).unwrap();
        assert_eq!(d.text(), "fresh\nline");
    }

    #[test]
    fn stale_versions_are_rejected_and_leave_the_text_alone() {
        let mut d = doc("abc");
        d.apply_changes(3, &[edit(0, 0, 0, 0, "x")], Encoding::Utf16)
            .unwrap();
        let err = d.apply_changes(3, &[edit(0, 0, 0, 0, "y")], Encoding::Utf16);
        assert_eq!(err, Err(Rejected::Stale { have: 3, got: 3 }));
        assert!(d.apply_changes(2, &[full("z")], Encoding::Utf16).is_err());
        assert_eq!(d.text(), "xabc");
    }

    /// The same edit sequence expressed in UTF-16 and in UTF-8 columns: emoji, CJK, CRLF, an
    /// edit at the very end, a column past a line end and a reversed range.
    #[test]
    fn mixed_script_edit_sequence_in_both_encodings() {
        let start = "Police said 😀 the\r\nmayor of 東京 left.\r\nEnd";
        let expected = "Police told 😀 reporters the\r\nmayor of 東京都 left!\r\nEnd.\nPS";
        let utf16 = [
            edit(0, 7, 0, 11, "told"),
            edit(0, 15, 0, 15, "reporters "),
            edit(1, 11, 1, 11, "都"),
            edit(1, 18, 1, 17, "!"),    // reversed range over the full stop
            edit(2, 3, 2, 3, "."),      // the very end
            edit(2, 40, 2, 40, "\nPS"), // past the end of the last line
        ];
        let utf8 = [
            edit(0, 7, 0, 11, "told"),
            edit(0, 17, 0, 17, "reporters "),
            edit(1, 15, 1, 15, "都"),
            edit(1, 24, 1, 23, "!"),
            edit(2, 3, 2, 3, "."),
            edit(2, 40, 2, 40, "\nPS"),
        ];
        for (encoding, changes) in [(Encoding::Utf16, &utf16), (Encoding::Utf8, &utf8)] {
            let mut d = doc(start);
            for (i, change) in changes.iter().enumerate() {
                d.apply_changes(2 + i as i32, std::slice::from_ref(change), encoding)
                    .unwrap();
            }
            assert_eq!(d.text(), expected, "{encoding:?}");
        }
    }

    #[test]
    fn an_unseen_document_is_recovered_only_from_a_full_text_change() {
        let ranged = [edit(0, 0, 0, 0, "x")];
        assert!(Document::recover(4, &ranged, SourceFormat::PlainText, Encoding::Utf16).is_none());
        let batch = [
            full("first"),
            edit(0, 0, 0, 0, "lost"),
            full("base"),
            edit(0, 4, 0, 4, "!"),
        ];
        let doc = Document::recover(4, &batch, SourceFormat::PlainText, Encoding::Utf16).unwrap();
        assert_eq!(doc.text(), "base!");
        assert_eq!(doc.version, 4);
    }

    #[test]
    fn edit_past_the_end_of_a_line_appends_before_its_terminator() {
        let mut d = doc("one\r\ntwo\r\n");
        d.apply(&edit(0, 50, 0, 60, "!"), Encoding::Utf16);
        assert_eq!(d.text(), "one!\r\ntwo\r\n");
        d.apply(&edit(9, 0, 12, 0, "three"), Encoding::Utf16);
        assert_eq!(d.text(), "one!\r\ntwo\r\nthree");
    }

    #[test]
    fn deleting_a_crlf_joins_the_lines() {
        let mut d = doc("one\r\ntwo");
        d.apply(&edit(0, 3, 1, 0, " "), Encoding::Utf16);
        assert_eq!(d.text(), "one two");
    }
}

/// Random edit sequences against a plain `String` model: after every edit the rope holds the
/// model's text, and the final diagnostics equal those of the same text opened fresh, in both
/// position encodings. Positions are computed from the model by a reference written here, not by
/// `encoding.rs`, so a shared mistake cannot hide.
#[cfg(test)]
mod properties {
    use super::*;
    use crate::lsp::diagnostics::from_findings;
    use copydesk_core::{Config, Engine};
    use proptest::prelude::*;
    use std::sync::OnceLock;
    use tower_lsp_server::ls_types::{Position, Range, Uri};

    /// Pieces of text an edit inserts: words that make findings, multi-byte and astral
    /// characters (two UTF-16 units), and every kind of line end.
    const PIECES: &[&str] = &[
        "Critics say ",
        "the plan failed. ",
        "two officials familiar with the talks said ",
        "Ana Ruiz said. ",
        "Ruis added. ",
        "\u{201C}No,\u{201D} ",
        "é",
        "東京",
        "😀",
        "\n",
        "\r\n",
        "\r",
        "\n\n",
        "<!-- copydesk-disable-next-line -->",
        "~~~",
    ];

    fn engine() -> &'static Engine {
        static ENGINE: OnceLock<Engine> = OnceLock::new();
        ENGINE.get_or_init(|| Engine::new(Config::default()))
    }

    /// The LSP position of byte `offset` in `text`: lines end at `\n`, `\r\n` or a lone `\r`.
    fn reference_position(text: &str, offset: usize, encoding: Encoding) -> Position {
        let before = &text[..offset];
        let mut line = 0;
        let mut line_start = 0;
        let bytes = before.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            let ends_line =
                b == b'\n' || (b == b'\r' && text.as_bytes().get(i + 1) != Some(&b'\n'));
            if ends_line {
                line += 1;
                line_start = i + 1;
            }
        }
        let in_line = &text[line_start..offset];
        let character = match encoding {
            Encoding::Utf8 => in_line.len(),
            Encoding::Utf16 => in_line.encode_utf16().count(),
        };
        Position::new(line, character as u32)
    }

    /// `wanted` (a fraction of the text) as a char boundary that does not split a CRLF.
    fn offset_in(text: &str, wanted: f64) -> usize {
        let mut offset = ((text.len() as f64) * wanted) as usize;
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        if offset > 0
            && text.as_bytes()[offset - 1] == b'\r'
            && text.as_bytes().get(offset) == Some(&b'\n')
        {
            offset -= 1;
        }
        offset
    }

    #[derive(Debug, Clone)]
    struct Edit {
        from: f64,
        to: f64,
        insert: Vec<usize>,
    }

    fn edits() -> impl Strategy<Value = Vec<Edit>> {
        prop::collection::vec(
            (
                0.0..=1.0f64,
                0.0..=1.0f64,
                prop::collection::vec(0..PIECES.len(), 0..4),
            )
                .prop_map(|(a, b, insert)| Edit {
                    from: a.min(b),
                    to: a.max(b),
                    insert,
                }),
            1..25,
        )
    }

    fn diagnostics(rope: &Rope, encoding: Encoding) -> String {
        let uri: Uri = "file:///desk/story.md".parse().unwrap();
        let text = rope.to_string();
        let findings = engine().analyze(&text, SourceFormat::Markdown);
        let diagnostics = from_findings(&findings, &text, rope, &uri, encoding);
        serde_json::to_string(&diagnostics).unwrap()
    }

    fn run(start: &[usize], edits: &[Edit], encoding: Encoding) -> Result<(), TestCaseError> {
        let mut model: String = start.iter().map(|&i| PIECES[i]).collect();
        let mut doc = Document::new(&model, 1, SourceFormat::Markdown);
        for (n, edit) in edits.iter().enumerate() {
            let from = offset_in(&model, edit.from);
            let to = offset_in(&model, edit.to).max(from);
            let insert: String = edit.insert.iter().map(|&i| PIECES[i]).collect();
            let change = TextDocumentContentChangeEvent {
                range: Some(Range::new(
                    reference_position(&model, from, encoding),
                    reference_position(&model, to, encoding),
                )),
                range_length: None,
                text: insert.clone(),
            };
            doc.apply_changes(n as i32 + 2, &[change], encoding)
                .map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
            model.replace_range(from..to, &insert);
            prop_assert_eq!(doc.text(), model.clone(), "after edit {}", n);
        }
        let fresh = Document::new(&model, 1, SourceFormat::Markdown);
        prop_assert_eq!(
            diagnostics(&doc.rope, encoding),
            diagnostics(&fresh.rope, encoding)
        );
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn utf16_edits_match_a_fresh_open(
            start in prop::collection::vec(0..PIECES.len(), 0..30),
            edits in edits(),
        ) {
            run(&start, &edits, Encoding::Utf16)?;
        }

        #[test]
        fn utf8_edits_match_a_fresh_open(
            start in prop::collection::vec(0..PIECES.len(), 0..30),
            edits in edits(),
        ) {
            run(&start, &edits, Encoding::Utf8)?;
        }
    }
}
