//! Sentence boundaries inside one paragraph, aware of newswire abbreviations.

use crate::span::Span;

/// Words that end with a dot without ending the sentence. Compared without the dot, and
/// case-sensitively, so "No." is a number sign but "no." ends a sentence.
const ABBREVIATIONS: &[&str] = &[
    // Courtesy and professional titles
    "Mr", "Mrs", "Ms", "Messrs", "Mmes", "Dr", "Prof", "Rev", "Fr", "Sr", "Jr", "St",
    // Political and military titles (AP style)
    "Sen", "Sens", "Rep", "Reps", "Gov", "Govs", "Lt", "Gen", "Col", "Maj", "Capt", "Cmdr", "Sgt",
    "Cpl", "Pvt", "Adm", "Brig", "Supt", "Atty", "Amb", "Pres", "Hon", "Insp", "Det",
    // Months as AP abbreviates them, and days
    "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu",
    "Thurs", "Fri", "Sat", "Sun", // AP state abbreviations
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky",
    "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa",
    "Tenn", "Vt", "Va", "Wash", "Wis", "Wyo", // Others common in copy
    "No", "Nos", "Inc", "Corp", "Co", "Ltd", "Bros", "vs", "v", "etc", "approx", "Dept", "Univ",
    "Ave", "Blvd", "Rd", "Mt", "Ft", "ft", "est", "cf", "al", "e.g", "i.e",
];

/// Whether `word` (without its dot) is a newswire abbreviation: a title, a month or day, a
/// state, "Corp". Such a word is no one's name, with its dot or without.
pub fn is_newswire_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.contains(&word)
}

/// Titles never end a sentence, whatever follows them.
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Rev", "Sen", "Sens", "Rep", "Reps", "Gov", "Lt",
    "Gen", "Col", "Maj", "Capt", "Cmdr", "Sgt", "Adm", "Brig", "St", "No", "Nos",
];

/// After a dotted abbreviation such as "U.S." or "a.m.", these words start a new sentence.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "And",
    "In",
    "On",
    "At",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "Some",
    "Many",
    "Most",
    "After",
    "Before",
    "When",
    "While",
    "If",
    "As",
    "Still",
    "Yet",
    "So",
    "Meanwhile",
    "However",
    "Officials",
    "Asked",
];

/// Splits the paragraph `text[para]` into sentence spans (trimmed of surrounding space).
pub fn split_sentences(text: &str, para: Span, out: &mut Vec<Span>) {
    let Some(slice) = text.get(para.range()) else {
        return;
    };
    let base = para.start;
    let bytes = slice.as_bytes();
    let mut start = 0usize;
    let mut i = 0usize;
    while i < bytes.len() {
        let c = slice[i..].chars().next().unwrap_or(' ');
        let clen = c.len_utf8();
        let boundary = match c {
            '.' | '!' | '?' | '…' => terminal_boundary(slice, start, i, clen),
            '\n' => line_break_boundary(slice, start, i),
            _ => None,
        };
        if let Some(end) = boundary {
            push_trimmed(slice, base, start, end, out);
            start = end;
            i = end;
        } else {
            i += clen;
        }
    }
    push_trimmed(slice, base, start, slice.len(), out);
}

/// For a terminal mark at `i`, the offset where the sentence ends, if it ends here.
fn terminal_boundary(s: &str, start: usize, i: usize, clen: usize) -> Option<usize> {
    // Swallow runs of terminal marks ("?!", "...") and closing quotes/brackets.
    let mut end = i + clen;
    for c in s[end..].chars() {
        if matches!(
            c,
            '.' | '!' | '?' | '…' | '"' | '”' | '’' | '\'' | ')' | ']'
        ) {
            end += c.len_utf8();
        } else {
            break;
        }
    }
    // The next sentence must be separated by whitespace and start like a sentence.
    let rest = &s[end..];
    let after_space = rest.trim_start();
    if after_space.len() == rest.len() || after_space.is_empty() {
        return None;
    }
    let next = after_space.chars().next()?;
    let starts_sentence = next.is_uppercase()
        || next.is_ascii_digit()
        || matches!(next, '"' | '“' | '‘' | '\'' | '(' | '[' | '—' | '-');
    if !starts_sentence {
        return None;
    }
    if s.as_bytes()[i] == b'.' && !s[i + 1..].starts_with('.') {
        let word = word_before(s, start, i);
        if is_abbreviation(word, after_space) {
            return None;
        }
    }
    Some(end)
}

/// The word ending right before `dot` (letters and inner dots), e.g. "U.S" or "Sen".
fn word_before(s: &str, start: usize, dot: usize) -> &str {
    let head = &s[start..dot];
    let from = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map(|(j, c)| j + c.len_utf8())
        .unwrap_or(0);
    &head[from..]
}

fn is_abbreviation(word: &str, following: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    let next_word: String = following
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect();
    if TITLES.contains(&word) {
        return true;
    }
    // An initial: "J. Edgar Hoover", "George W. Bush".
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            return true;
        }
    }
    // Dotted abbreviations ("U.S.", "a.m.", "D.C."): end the sentence only before a word
    // that usually starts one.
    if word.contains('.') {
        return !SENTENCE_STARTERS.contains(&next_word.as_str());
    }
    if is_newswire_abbreviation(word) {
        return !SENTENCE_STARTERS.contains(&next_word.as_str()) || word == "No";
    }
    false
}

/// A single line break ends a sentence when the line before it reads like a headline or a
/// dateline: short, with no terminal punctuation, and the next line starts with a capital.
fn line_break_boundary(s: &str, start: usize, i: usize) -> Option<usize> {
    let line_start = s[..i].rfind('\n').map(|p| p + 1).unwrap_or(0);
    // A sentence that began further along the same line makes it wrapped prose ("… in full.
    // Daniel⏎Okafor told …"): a soft break there joins the words of one sentence.
    if start > line_start && !s[line_start..start].trim().is_empty() {
        return None;
    }
    let line = s[line_start.max(start)..i].trim();
    if line.is_empty() {
        return None;
    }
    if line.ends_with(['.', '!', '?', ',', ';', ':', '-', '—']) {
        return None;
    }
    let next = s[i + 1..].trim_start().chars().next()?;
    if !(next.is_uppercase() || matches!(next, '"' | '“' | '(')) {
        return None;
    }
    (line.split_whitespace().count() <= 12).then_some(i + 1)
}

fn push_trimmed(s: &str, base: usize, start: usize, end: usize, out: &mut Vec<Span>) {
    let piece = &s[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(Span::new(base + start + lead, base + end - trail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        split_sentences(text, Span::new(0, text.len()), &mut out);
        out.iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn a_soft_break_after_a_sentence_begun_mid_line_does_not_end_it() {
        assert_eq!(
            split("The fund, she said, was safe. Daniel\nOkafor told reporters it was audited."),
            [
                "The fund, she said, was safe.",
                "Daniel\nOkafor told reporters it was audited."
            ]
        );
    }

    #[test]
    fn titles_and_initials_do_not_end_sentences() {
        assert_eq!(
            split("Sen. Ted Cruz met Gen. Mark Milley. J. Edgar Hoover was not there."),
            [
                "Sen. Ted Cruz met Gen. Mark Milley.",
                "J. Edgar Hoover was not there."
            ]
        );
    }

    #[test]
    fn dotted_abbreviations_end_a_sentence_only_before_a_starter() {
        assert_eq!(
            split("A senior U.S. official said the talks would resume at 9 a.m. Friday."),
            ["A senior U.S. official said the talks would resume at 9 a.m. Friday."]
        );
        assert_eq!(
            split("The envoy flew to the U.S. The talks resumed."),
            ["The envoy flew to the U.S.", "The talks resumed."]
        );
    }

    #[test]
    fn months_and_numbers() {
        assert_eq!(
            split("The vote is set for Jan. 5 in Room No. 2. It may slip."),
            ["The vote is set for Jan. 5 in Room No. 2.", "It may slip."]
        );
    }

    #[test]
    fn a_sentence_can_end_inside_closing_quotes() {
        assert_eq!(
            split("He said, “We will not back down.” Then he left."),
            ["He said, “We will not back down.”", "Then he left."]
        );
        assert_eq!(
            split("\"Is it over?\" she asked. Nobody answered."),
            ["\"Is it over?\" she asked.", "Nobody answered."]
        );
    }

    #[test]
    fn a_headline_line_is_its_own_sentence() {
        assert_eq!(
            split("Envoy to visit Minsk, sources say\nThe envoy will travel on Monday."),
            [
                "Envoy to visit Minsk, sources say",
                "The envoy will travel on Monday."
            ]
        );
    }

    #[test]
    fn decimals_and_ellipses() {
        assert_eq!(
            split("Growth was 3.5 percent. Analysts... disagreed."),
            ["Growth was 3.5 percent.", "Analysts... disagreed."]
        );
    }
}
