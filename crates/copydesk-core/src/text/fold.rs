//! Sentences written in ASCII for the regex engine, with the way back to the real offsets.
//!
//! The regex crate's fast engine (a lazy DFA) cannot decide a Unicode word boundary (`\b`) next
//! to a non-ASCII byte; on the first one it gives up and the search is done again by a
//! backtracker that is several times slower. News copy has a curly apostrophe, quotation mark
//! or dash in most sentences, so nearly every search fell off the fast path. Here each common
//! non-ASCII character is written as one ASCII character that every pattern of the checks
//! treats the same way, so the fast engine runs to the end and finds exactly the same matches.
//!
//! The stand-ins, and what a pattern must respect for them to be exact:
//! - ’ becomes `'`: patterns mention ’ only where they also accept `'` (`['’]`, `'s|’s`);
//! - — and – become `,`: patterns mention `,` only in a class that also holds — and –
//!   (`[,.;—–]`), and never mention the dashes without it;
//! - Unicode spaces (no-break space, thin space, …) become a space: patterns match spaces only
//!   with `\s`, never a literal space;
//! - Latin letters with accents (À–ɏ) become `_`, a word character like them that no pattern
//!   names, so `\w` and `\b` decide as before while letter classes (`[A-Za-z]`) and literal
//!   words still do not match; the few whose case folds to ASCII (ſ, ß, İ, ı, …) are not folded,
//!   since a case-insensitive `s` or `i` matches them;
//! - other common punctuation (‘ “ ” … « » • €, …) becomes `"`, which no pattern names.
//!
//! A sentence with any other non-ASCII character (Greek, Cyrillic, combining marks, non-ASCII
//! digits) is searched as it is, slowly but exactly. `vague.rs` tests its patterns against these
//! rules; a pattern that breaks them must not search the folded text.

use std::borrow::Cow;

/// The text a search runs on, and where each of its bytes came from.
#[derive(Debug)]
pub struct AsciiFold<'a> {
    folded: Cow<'a, str>,
    /// Where the folded text's offsets part from the original's: `(at, shift)` says folded
    /// offsets from `at` on lie `shift` bytes earlier than the original ones, up to the next
    /// entry. One entry per folded non-ASCII character, not per byte, since a sentence can run
    /// to the whole story. Empty when nothing was folded (the offsets are the same).
    shifts: Vec<(u32, u32)>,
    /// The original text's length, where every offset past the folded text leads.
    original_len: usize,
}

impl<'a> AsciiFold<'a> {
    /// `text` with its foldable characters written in ASCII, or `text` itself when it is ASCII
    /// already or holds a character that cannot be folded exactly.
    pub fn new(text: &'a str) -> AsciiFold<'a> {
        let unchanged = AsciiFold {
            folded: Cow::Borrowed(text),
            shifts: Vec::new(),
            original_len: text.len(),
        };
        // Past 4 GiB the shifts would not fit their 32 bits: search the text as it is.
        if text.is_ascii() || u32::try_from(text.len()).is_err() {
            return unchanged;
        }
        let mut folded = String::with_capacity(text.len());
        let mut shifts = Vec::new();
        for (offset, c) in text.char_indices() {
            if c.is_ascii() {
                folded.push(c);
                continue;
            }
            let Some(ascii) = stand_in(c) else {
                return unchanged;
            };
            folded.push(ascii);
            let next_original = offset + c.len_utf8();
            // Both fit: they are at most `text.len()`, checked above.
            shifts.push((folded.len() as u32, (next_original - folded.len()) as u32));
        }
        AsciiFold {
            folded: Cow::Owned(folded),
            shifts,
            original_len: text.len(),
        }
    }

    /// What to search.
    pub fn text(&self) -> &str {
        &self.folded
    }

    /// The offset in the original text of offset `at` of [`AsciiFold::text`].
    pub fn original(&self, at: usize) -> usize {
        if matches!(self.folded, Cow::Borrowed(_)) {
            return at;
        }
        if at > self.folded.len() {
            return self.original_len;
        }
        let passed = self
            .shifts
            .partition_point(|&(from, _)| from as usize <= at);
        match passed.checked_sub(1) {
            Some(last) => at + self.shifts[last].1 as usize,
            None => at,
        }
    }
}

/// The ASCII character that stands for `c` in every pattern, if there is one (see the module's
/// rules).
fn stand_in(c: char) -> Option<char> {
    match c {
        '’' => Some('\''),
        '—' | '–' => Some(','),
        '\u{85}'
        | '\u{a0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200a}'
        | '\u{2028}'
        | '\u{2029}'
        | '\u{202f}'
        | '\u{205f}'
        | '\u{3000}' => Some(' '),
        // Case-folds to or from ASCII, or is not a letter.
        'ß' | 'İ' | 'ı' | 'ŉ' | 'ſ' | 'ǰ' | '×' | '÷' => None,
        'À'..='ɏ' => Some('_'),
        '‘' | '“' | '”' | '„' | '‚' | '«' | '»' | '‹' | '›' | '…' | '•' | '·' | '′' | '″' | '€'
        | '£' | '¥' | '¢' | '°' | '©' | '®' | '™' | '§' | '¶' | '†' | '‡' | '¡' | '¿' | '‐'
        | '‑' | '‒' | '―' => Some('"'),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_text_is_searched_as_it_is() {
        let fold = AsciiFold::new("The mayor said so.");
        assert!(matches!(fold.folded, Cow::Borrowed(_)));
        assert_eq!(fold.original(4), 4);
    }

    #[test]
    fn folded_offsets_lead_back_to_the_original_characters() {
        let text = "“It’s bad” — José said.";
        let fold = AsciiFold::new(text);
        assert_eq!(fold.text(), "\"It's bad\" , Jos_ said.");
        let folded_s = fold.text().find("'s").unwrap();
        assert_eq!(
            &text[fold.original(folded_s)..fold.original(folded_s + 2)],
            "’s"
        );
        let jose = fold.text().find("Jos_").unwrap();
        assert_eq!(&text[fold.original(jose)..fold.original(jose + 4)], "José");
        assert_eq!(fold.original(fold.text().len()), text.len());
    }

    #[test]
    fn a_character_without_an_exact_stand_in_keeps_the_whole_text() {
        for text in ["Straße’s plan", "Σ said’s", "a\u{301} b’s", "ſ’s"] {
            assert_eq!(AsciiFold::new(text).text(), text);
        }
    }

    #[test]
    fn stand_ins_keep_word_and_space_classes() {
        for c in ('\u{80}'..='\u{3000}').filter_map(|c| Some((c, stand_in(c)?))) {
            let (original, ascii) = c;
            assert_eq!(
                original.is_alphanumeric(),
                ascii == '_',
                "{original:?} → {ascii:?}"
            );
            assert_eq!(original.is_whitespace(), ascii == ' ', "{original:?}");
        }
    }
}
