//! Closed-class words (articles, pronouns, auxiliaries, conjunctions…) shared by the check
//! families. Each family builds its own word classes from these sets plus a short list of its
//! own words, so a set is written once. All entries are lower case.

/// The articles: "a", "an", "the".
pub const ARTICLES: &[&str] = &["a", "an", "the"];

/// Demonstrative determiners: "this", "that", "these", "those".
pub const DEMONSTRATIVES: &[&str] = &["this", "that", "these", "those"];

/// Possessive determiners: "his claims", "their sources". "her" is also the object pronoun.
pub const POSSESSIVE_DETERMINERS: &[&str] = &["his", "her", "their", "its", "our", "my", "your"];

/// Cardinal number words from one to ten.
pub const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

/// Personal pronouns in subject form ("it" and "you" serve as objects too).
pub const PERSONAL_PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];

/// Personal pronouns in object form, besides "it" and "you" (in [`PERSONAL_PRONOUNS`]) and
/// "her" (in [`POSSESSIVE_DETERMINERS`]).
pub const OBJECT_PRONOUNS: &[&str] = &["him", "them", "us", "me"];

/// Forms of "be" used as auxiliaries and copulas. "being", which also heads noun phrases, is
/// left to the lists that want it.
pub const BE_FORMS: &[&str] = &["is", "are", "was", "were", "be", "been"];

/// Forms of "have".
pub const HAVE_FORMS: &[&str] = &["has", "have", "had"];

/// Forms of "do".
pub const DO_FORMS: &[&str] = &["do", "does", "did"];

/// Modal auxiliaries of future, ability and possibility. "must" is left to the lists that
/// want it.
pub const MODALS: &[&str] = &["will", "would", "can", "could", "should", "may", "might"];

/// Coordinating conjunctions that join clauses and phrases: "and", "or", "but".
pub const COORDINATORS: &[&str] = &["and", "or", "but"];

/// Common prepositions of place, time, direction and topic.
pub const PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "to", "for", "from", "with", "by", "about", "into", "after", "before",
    "against", "among",
];

/// Prepositions that open an adverbial and never a word of a person's description: "The
/// news comes despite the mayor's allies saying" (a source phrase walked left stops there).
pub const ADVERBIAL_PREPOSITIONS: &[&str] = &["despite", "amid", "amidst", "unlike", "without"];

/// Subordinating conjunctions that open an adverbial clause: "because", "if", "when"…
pub const SUBORDINATORS: &[&str] = &["because", "if", "when", "while", "although", "though", "as"];

/// Question words that open a clause: "what", "how", "why".
pub const WH_WORDS: &[&str] = &["what", "how", "why"];

/// Relative pronouns: "who", "whom", "whose", "which".
pub const RELATIVE_PRONOUNS: &[&str] = &["who", "whom", "whose", "which"];

/// The days of the week.
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Whether `word` (lower case) is in any of `lists`.
pub fn in_any(lists: &[&[&str]], word: &str) -> bool {
    lists.iter().any(|list| list.contains(&word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_lower_case_without_repeats() {
        let all = [
            ARTICLES,
            DEMONSTRATIVES,
            POSSESSIVE_DETERMINERS,
            NUMBER_WORDS,
            PERSONAL_PRONOUNS,
            OBJECT_PRONOUNS,
            BE_FORMS,
            HAVE_FORMS,
            DO_FORMS,
            MODALS,
            COORDINATORS,
            PREPOSITIONS,
            SUBORDINATORS,
            WH_WORDS,
            RELATIVE_PRONOUNS,
            WEEKDAYS,
        ];
        for list in all {
            for (i, w) in list.iter().enumerate() {
                assert_eq!(*w, w.to_lowercase());
                assert!(!list[..i].contains(w), "{w} repeated");
            }
        }
    }

    #[test]
    fn membership_in_any_list() {
        assert!(in_any(&[ARTICLES, MODALS], "could"));
        assert!(!in_any(&[ARTICLES, MODALS], "must"));
    }
}
