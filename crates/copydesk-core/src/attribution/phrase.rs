//! What kind of noun phrase stands as a source: a pronoun, a name, or a common-noun group.

use crate::lexicon::function_words as fw;
use crate::lexicon::word_set::WordList;
use foldhash::HashSet;
use std::sync::LazyLock;

/// Relative and indefinite pronouns, which with the shared personal pronouns make up
/// [`is_pronoun`].
const OTHER_PRONOUNS: &[&str] = &[
    "who",
    "whom",
    "her",
    "one",
    "someone",
    "somebody",
    "everyone",
    "everybody",
    "anyone",
    "nobody",
    "which",
    "that",
];

/// Quantifiers and other determiners, which with the shared articles, demonstratives,
/// possessives and number words make up [`is_determiner`].
const OTHER_DETERMINERS: &[&str] = &[
    "another",
    "other",
    "some",
    "several",
    "many",
    "multiple",
    "few",
    "both",
    "all",
    "most",
    "each",
    "every",
    "any",
    "no",
    "dozen",
    "dozens",
    "more",
    "than",
    "least",
    "at",
    "half",
    "half-dozen",
    "numerous",
    "various",
    "certain",
    "such",
];

/// Counting words beyond the shared one-to-ten, which together make up [`is_count`].
const OTHER_NUMBERS: &[&str] = &[
    "eleven",
    "twelve",
    "dozen",
    "dozens",
    "half-dozen",
    "both",
    "twenty",
    "fifteen",
    "a",
    "an",
    "another",
    "single",
    "pair",
    "couple",
];

/// Courtesy and official titles: capitalised but not a name by themselves.
static TITLES: WordList = WordList::new(&[
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "sen.",
    "rep.",
    "gov.",
    "gen.",
    "president",
    "senator",
    "secretary",
    "minister",
    "director",
    "chairman",
    "spokesman",
    "spokeswoman",
]);

/// Names and abbreviations of months, which with [`fw::WEEKDAYS`] make up [`is_calendar_word`].
static CALENDAR: WordList = WordList::new(&[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "feb.",
    "aug.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
]);

/// A month's name as datelines write it, whole or in AP's short form, with or without the
/// stop: "March", "Feb", "Sept.".
pub fn is_month(word: &str) -> bool {
    let bare = word.trim_end_matches('.').to_ascii_lowercase();
    CALENDAR.contains(&bare) || CALENDAR.contains(&format!("{bare}."))
}

/// Personal and relative pronouns: a source that is a pronoun refers back to someone else.
pub fn is_pronoun(lower: &str) -> bool {
    static SET: LazyLock<HashSet<&str>> =
        LazyLock::new(|| union(&[fw::PERSONAL_PRONOUNS, fw::OBJECT_PRONOUNS, OTHER_PRONOUNS]));
    SET.contains(lower)
}

/// Determiners and quantifiers: capitalised at the start of a sentence, never names.
pub fn is_determiner(lower: &str) -> bool {
    static SET: LazyLock<HashSet<&str>> = LazyLock::new(|| {
        union(&[
            fw::ARTICLES,
            fw::DEMONSTRATIVES,
            fw::POSSESSIVE_DETERMINERS,
            fw::NUMBER_WORDS,
            OTHER_DETERMINERS,
        ])
    });
    SET.contains(lower)
}

/// Several word lists as one set, built on first use: the two tests above are asked of every
/// word of a source phrase.
fn union(lists: &[&[&'static str]]) -> HashSet<&'static str> {
    lists.iter().flat_map(|list| list.iter().copied()).collect()
}

/// Whether `lower` gives a count ("two", "a", "12"): a phrase with one of these counts its
/// sources.
pub fn is_count(lower: &str) -> bool {
    fw::in_any(&[fw::NUMBER_WORDS, OTHER_NUMBERS], lower)
        || lower.chars().next().is_some_and(|c| c.is_ascii_digit())
}

pub fn is_title(lower: &str) -> bool {
    TITLES.contains(lower)
}

/// Names of days and months: capitalised, but not a person's name.
pub fn is_calendar_word(lower: &str) -> bool {
    CALENDAR.contains(lower) || fw::WEEKDAYS.contains(&lower)
}

/// Whether a capitalised word (given lower-cased) can be part of a person's name: not a
/// determiner, pronoun, title or calendar word.
pub fn may_be_name_word(lower: &str) -> bool {
    !is_determiner(lower) && !is_pronoun(lower) && !is_title(lower) && !is_calendar_word(lower)
}

/// Whether token `k` is a bracket round a body's initials after its name: either bracket of
/// "(MTI)" in "Ministry of Trade and Industry (MTI) officials". Walks that gather a source's
/// words step over the initials as over the rest of the name.
pub fn in_bracketed_initials(story: &crate::text::Story, k: usize) -> bool {
    let initials = |j: usize| {
        story.tokens.get(j).is_some_and(|t| {
            t.is_word()
                && t.case() == crate::text::Case::Upper
                && (2..=6).contains(&story.token_text(j).len())
        })
    };
    let name_word = |j: usize| story.tokens.get(j).is_some_and(|t| t.is_capitalised());
    match story.token_text(k) {
        ")" => k >= 3 && story.token_text(k - 2) == "(" && initials(k - 1) && name_word(k - 3),
        "(" => k >= 1 && story.token_text(k + 2) == ")" && initials(k + 1) && name_word(k - 1),
        _ => false,
    }
}

/// Longest personal name read word by word: "Maria del Carmen Ruiz Vega".
pub const MAX_NAME_WORDS: usize = 5;

/// Whether token `k` can be a word of a person's name as written: capitalised, and not a
/// determiner, pronoun, title, calendar word or preposition.
pub fn is_name_token(story: &crate::text::Story, k: usize) -> bool {
    story
        .tokens
        .get(k)
        .is_some_and(|t| t.is_word() && t.is_capitalised())
        && may_be_name_word(story.lower(k))
        && !fw::PREPOSITIONS.contains(&story.lower(k))
}

/// Whether the capitalised word at token `k` is a name the story gives on its own elsewhere,
/// beside a verb of speech: "Albanese said", "said Poehl". An ordinary English word is not
/// ("Diplomats said"), nor is a word run into other capitalised ones ("Congressional Budget
/// Office"). Asked only of rare phrases (a given name run into a source's description, a
/// capitalised word joined to a group by "and"), and read within [`NAME_REACH`] tokens either
/// side, so a pasted manuscript of such phrases costs a window per phrase, not the whole text.
pub fn speaks_by_name_elsewhere(story: &crate::text::Story, k: usize) -> bool {
    let word = story.lower(k);
    if crate::lexicon::english::is_word(word) {
        return false;
    }
    let speech = |j: usize| {
        story.tokens.get(j).is_some_and(|t| t.is_word())
            && crate::lexicon::verbs::lookup(story.lower(j)).is_some_and(|v| v.is_finite())
    };
    let window = k.saturating_sub(NAME_REACH)..story.tokens.len().min(k + NAME_REACH);
    window.into_iter().any(|j| {
        j != k
            && story.lower(j) == word
            && story.tokens[j].is_capitalised()
            && !story.tokens.get(j + 1).is_some_and(|t| t.is_capitalised())
            && !(j > 0 && story.tokens[j - 1].is_capitalised() && story.tokens[j - 1].is_word())
            && (speech(j + 1) || j > 0 && matches!(story.lower(j - 1), "said" | "says" | "told"))
    })
}

/// Tokens either side of a phrase within which [`speaks_by_name_elsewhere`] looks for the name
/// speaking on its own: a story's length and more (about 2,000 words).
const NAME_REACH: usize = 3_000;

/// The broad kind of a source phrase, judged from its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// "he", "they", "who".
    Pronoun,
    /// Contains a capitalised name word: "Ted Cruz", "the State Department".
    Named,
    /// Only common nouns: "officials", "a person familiar with the talks".
    CommonNoun,
}

/// Classifies a source phrase given its words and whether each starts with a capital.
pub fn classify(words: &[(&str, bool)]) -> SourceKind {
    if !words.is_empty()
        && words
            .iter()
            .all(|(w, _)| is_pronoun(&w.to_lowercase()) || !w.chars().any(char::is_alphabetic))
    {
        return SourceKind::Pronoun;
    }
    let named = words
        .iter()
        .any(|(w, cap)| *cap && may_be_name_word(&w.to_lowercase()));
    if named {
        SourceKind::Named
    } else {
        SourceKind::CommonNoun
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_of_source_phrases() {
        assert_eq!(classify(&[("They", true)]), SourceKind::Pronoun);
        assert_eq!(
            classify(&[("The", true), ("official", false)]),
            SourceKind::CommonNoun
        );
        assert_eq!(
            classify(&[("Senator", true), ("Warren", true)]),
            SourceKind::Named
        );
        let story = crate::text::Story::new(
            "Port Authority (HPA) staff and (b) clauses.",
            crate::text::SourceFormat::PlainText,
        );
        let bracket = |text: &str| {
            (0..story.tokens.len())
                .filter(|&k| story.token_text(k) == text)
                .map(|k| in_bracketed_initials(&story, k))
                .collect::<Vec<_>>()
        };
        assert_eq!(bracket("("), [true, false]);
        assert_eq!(bracket(")"), [true, false]);
        assert!(is_count("4"));
        assert!(is_count("three"));
        assert!(!is_count("several"));
    }
}
