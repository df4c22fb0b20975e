//! Words, numbers and punctuation with their capitalisation.

use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, with internal apostrophes, hyphens and abbreviation dots ("O'Neill",
    /// "al-Sadr", "U.S."). Possessive endings stay attached ("Cruz’s").
    Word,
    /// Digits with their separators and a trailing percent sign ("1,200", "3.5%").
    Number,
    /// Any other single character that is not whitespace: punctuation, quote marks, symbols.
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// "said"
    Lower,
    /// "Kellogg", "McCain", "Cruz’s"
    Capitalised,
    /// "NATO", "U.S."
    Upper,
    /// "iPhone"
    Mixed,
    /// Numbers and punctuation.
    None,
}

/// A token is 8 bytes: a 32-bit start, and its length, kind and case packed in 32 more bits. A
/// story holds one token per word and punctuation mark, and the token table is the largest
/// thing it keeps. Text past 4 GiB is not tokenised, nor is anything after a single word longer
/// than 128 MiB (front ends refuse stories far smaller).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Token {
    start: u32,
    /// The length in the low [`LENGTH_BITS`] bits, then the kind (2 bits), then the case.
    packed: u32,
}

const LENGTH_BITS: u32 = 27;
const LENGTH_MASK: u32 = (1 << LENGTH_BITS) - 1;
const KIND_SHIFT: u32 = LENGTH_BITS;
const CASE_SHIFT: u32 = LENGTH_BITS + 2;

const _: () = assert!(std::mem::size_of::<Token>() == 8);

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Token")
            .field("span", &self.span())
            .field("kind", &self.kind())
            .field("case", &self.case())
            .finish()
    }
}

impl Token {
    /// `None` when the span lies past what 32-bit offsets reach, or is longer than a token
    /// holds.
    fn new(span: Span, kind: TokenKind, case: Case) -> Option<Token> {
        let start = u32::try_from(span.start).ok()?;
        u32::try_from(span.end).ok()?;
        let len = u32::try_from(span.len())
            .ok()
            .filter(|&len| len <= LENGTH_MASK)?;
        let kind = match kind {
            TokenKind::Word => 0,
            TokenKind::Number => 1,
            TokenKind::Punct => 2,
        };
        let case = match case {
            Case::Lower => 0,
            Case::Capitalised => 1,
            Case::Upper => 2,
            Case::Mixed => 3,
            Case::None => 4,
        };
        Some(Token {
            start,
            packed: len | kind << KIND_SHIFT | case << CASE_SHIFT,
        })
    }

    pub fn kind(self) -> TokenKind {
        match (self.packed >> KIND_SHIFT) & 0b11 {
            0 => TokenKind::Word,
            1 => TokenKind::Number,
            _ => TokenKind::Punct,
        }
    }

    pub fn case(self) -> Case {
        match self.packed >> CASE_SHIFT {
            0 => Case::Lower,
            1 => Case::Capitalised,
            2 => Case::Upper,
            3 => Case::Mixed,
            _ => Case::None,
        }
    }

    pub fn span(self) -> Span {
        let start = self.start as usize;
        Span::new(start, start + (self.packed & LENGTH_MASK) as usize)
    }

    /// The token moved `by` bytes later (a paragraph's token placed in its story); `None` past
    /// what 32-bit offsets reach, as for a token read there directly.
    pub(crate) fn shifted(self, by: usize) -> Option<Token> {
        // One addition and the end's check: the kind, case and length do not move, and every
        // cached paragraph's tokens are shifted into the story on each keystroke.
        let start = self.start.checked_add(u32::try_from(by).ok()?)?;
        start.checked_add(self.packed & LENGTH_MASK)?;
        Some(Token {
            start,
            packed: self.packed,
        })
    }

    /// A paragraph's `tokens` (in order, none overlapping) each [`Token::shifted`] `by`; `None`
    /// when the last would pass what 32-bit offsets reach. Otherwise none before it can, and
    /// each moves by a plain addition, which the compiler does several at a time: a keystroke
    /// places every cached paragraph's tokens in the story.
    pub(crate) fn shifted_all(
        tokens: &[Token],
        by: usize,
    ) -> Option<impl ExactSizeIterator<Item = Token> + '_> {
        let by = match tokens.last() {
            Some(last) => {
                last.shifted(by)?;
                u32::try_from(by).ok()?
            }
            None => 0,
        };
        Some(tokens.iter().map(move |t| Token {
            start: t.start + by,
            packed: t.packed,
        }))
    }

    pub fn text(self, text: &str) -> &str {
        self.span().text(text)
    }

    pub fn is_word(self) -> bool {
        self.kind() == TokenKind::Word
    }

    /// Starts with a capital letter (Capitalised or all upper case).
    pub fn is_capitalised(self) -> bool {
        matches!(self.case(), Case::Capitalised | Case::Upper)
    }
}

pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_word_joiner(c: char) -> bool {
    is_apostrophe(c) || matches!(c, '-' | '‐' | '.')
}

/// Splits `text[span]` into tokens; spans are absolute offsets into `text`.
pub fn tokenize(text: &str, span: Span, out: &mut Vec<Token>) {
    let Some(slice) = text.get(span.range()) else {
        return;
    };
    let base = span.start;
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphanumeric() || is_combining(d) {
                    end = j + d.len_utf8();
                    chars.next();
                } else if is_word_joiner(d) {
                    // A joiner stays inside the word only when a letter follows ("al-Sadr",
                    // "Cruz’s", "U.S" + "."), or for the last dot of an abbreviation ("U.S.").
                    let after = slice[j + d.len_utf8()..].chars().next();
                    let word_so_far = &slice[i..end];
                    let abbreviation_dot = d == '.'
                        && word_so_far.contains('.')
                        && !after.is_some_and(char::is_alphabetic);
                    if after.is_some_and(char::is_alphabetic) || abbreviation_dot {
                        end = j + d.len_utf8();
                        chars.next();
                        if abbreviation_dot {
                            break;
                        }
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            let word = &slice[i..end];
            let Some(token) = Token::new(
                Span::new(base + i, base + end),
                TokenKind::Word,
                case_of(word),
            ) else {
                return;
            };
            out.push(token);
        } else if c.is_ascii_digit() {
            let mut end = i + 1;
            while let Some(&(j, d)) = chars.peek() {
                if d.is_ascii_digit() || d == '%' {
                    end = j + d.len_utf8();
                    chars.next();
                } else if matches!(d, ',' | '.')
                    && slice[j + 1..]
                        .chars()
                        .next()
                        .is_some_and(|n| n.is_ascii_digit())
                {
                    end = j + 1;
                    chars.next();
                } else {
                    break;
                }
            }
            let Some(token) = Token::new(
                Span::new(base + i, base + end),
                TokenKind::Number,
                Case::None,
            ) else {
                return;
            };
            out.push(token);
        } else {
            let Some(token) = Token::new(
                Span::new(base + i, base + i + c.len_utf8()),
                TokenKind::Punct,
                Case::None,
            ) else {
                return;
            };
            out.push(token);
        }
    }
}

fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

pub fn case_of(word: &str) -> Case {
    // The possessive ending does not change a name's case: "NBC's" is upper case.
    let word = ["'s", "’s", "ʼs"]
        .iter()
        .find_map(|ending| word.strip_suffix(ending))
        .filter(|stem| !stem.is_empty())
        .unwrap_or(word);
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else {
        return Case::None;
    };
    // Read from the iterator again rather than collected: this runs once per word of a story.
    let rest_empty = letters.clone().next().is_none();
    let rest_upper = letters.clone().all(|c| c.is_uppercase());
    let rest_lower = letters.all(|c| c.is_lowercase());
    if first.is_uppercase() {
        if rest_empty || !rest_upper {
            Case::Capitalised
        } else {
            Case::Upper
        }
    } else if rest_lower {
        Case::Lower
    } else {
        Case::Mixed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shifted_token_is_the_token_read_at_its_new_place() {
        let kinds = [TokenKind::Word, TokenKind::Number, TokenKind::Punct];
        let cases = [
            Case::Lower,
            Case::Capitalised,
            Case::Upper,
            Case::Mixed,
            Case::None,
        ];
        let max = u32::MAX as usize;
        for (kind, case) in kinds.into_iter().flat_map(|k| cases.map(|c| (k, c))) {
            for (span, by) in [
                (Span::new(0, 5), 100),
                (Span::new(7, 7), 0),
                (Span::new(10, 20), max - 20),
                (Span::new(10, 20), max - 19),
                (Span::new(10, 20), max + 1),
                (Span::new(0, LENGTH_MASK as usize), 3),
            ] {
                let token = Token::new(span, kind, case).unwrap();
                let expected = Token::new(span.shifted(by), kind, case);
                assert_eq!(token.shifted(by), expected, "{span:?} by {by}");
            }
        }
    }

    /// A paragraph's tokens moved together are each moved alone, or, when the last cannot
    /// move, none are: at the edge of 32-bit offsets, one byte either side.
    #[test]
    fn tokens_shifted_together_are_the_tokens_shifted_one_by_one() {
        let text = "The mayor, 62, said “no” again.";
        let mut tokens = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut tokens);
        let end = tokens.last().unwrap().span().end;
        let max = u32::MAX as usize;
        for by in [0, 1, 4096, max - end - 1, max - end, max - end + 1, max + 1] {
            let together: Option<Vec<Token>> =
                Token::shifted_all(&tokens, by).map(|moved| moved.collect());
            let alone: Option<Vec<Token>> = tokens.iter().map(|t| t.shifted(by)).collect();
            assert_eq!(together, alone, "by {by}");
        }
        assert!(Token::shifted_all(&[], max + 1).is_some_and(|moved| moved.len() == 0));
    }

    fn words(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut out);
        out.iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn names_with_particles_and_possessives_stay_whole() {
        assert_eq!(
            words("Cruz’s aide met al-Sadr and O'Neill."),
            ["Cruz’s", "aide", "met", "al-Sadr", "and", "O'Neill", "."]
        );
    }

    #[test]
    fn abbreviations_keep_their_dots() {
        assert_eq!(words("the U.S. official"), ["the", "U.S.", "official"]);
        assert_eq!(words("at 4 a.m. Monday"), ["at", "4", "a.m.", "Monday"]);
    }

    #[test]
    fn numbers_keep_separators_and_percent() {
        assert_eq!(
            words("$1,200.50 or 3.5%."),
            ["$", "1,200.50", "or", "3.5%", "."]
        );
    }

    #[test]
    fn capitalisation_is_classified() {
        assert_eq!(case_of("Kellogg"), Case::Capitalised);
        assert_eq!(case_of("NATO"), Case::Upper);
        assert_eq!(case_of("U.S."), Case::Upper);
        assert_eq!(case_of("said"), Case::Lower);
        assert_eq!(case_of("iPhone"), Case::Mixed);
        assert_eq!(case_of("McCain"), Case::Capitalised);
        assert_eq!(case_of("NBC's"), Case::Upper);
        assert_eq!(case_of("Cruz’s"), Case::Capitalised);
    }
}
