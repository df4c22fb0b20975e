//! How often a story writes each word capitalised ("Bayern", possessives stripped) and in lower
//! case ("kellogg"): what tells a name from a word the story also uses, and a misspelt surname
//! from a common word.
//!
//! The roster asks about a few hundred words, but answering needs every token. Counting by
//! string hashed and compared every token of the story for each analysis; here each paragraph's
//! words are hashed once into a list of keys (kept per paragraph between versions of an open
//! document), and an analysis only counts keys.

use super::mentions::{strip_possessive, Mention};
use crate::incremental::Memo;
use crate::text::{Case, Story, TextId};
use foldhash::fast::RandomState;
use foldhash::{HashMap, HashSet};
use std::hash::BuildHasher;
use std::sync::OnceLock;

/// The counts of one story's words by key.
///
/// Words are counted by a 64-bit key, so two different words of one story with the same key
/// would share a count. The keys are seeded once per process (a document cannot choose
/// colliding words in advance), and among the ten thousand distinct words of a long story
/// the chance of any two sharing one is below one in ten to the eleven.
#[derive(Debug, Default)]
pub struct WordCounts {
    /// Only the mentions' own words: the roster asks about no other capitalised word, and a
    /// key per distinct one would grow with a document of capitalised codes (10 MB of them
    /// once held 130 MB as strings).
    capitalised: HashMap<u64, u32>,
    lower: HashMap<u64, u32>,
}

/// A paragraph's words as keys, in token order: what [`WordCounts`] is counted from.
#[derive(Debug, Default)]
struct ParagraphKeys {
    capitalised: Vec<u64>,
    lower: Vec<u64>,
}

/// A paragraph's keys are a function of its text alone (each token's case and text).
#[derive(PartialEq, Eq, Hash)]
struct KeysOf(TextId);

impl WordCounts {
    /// The counts of `story`'s words, capitalised ones only among the words of `mentions`.
    pub fn of(story: &Story, mentions: &[Mention]) -> WordCounts {
        let asked = asked(mentions);
        let mut counts = WordCounts::default();
        for paragraph in 0..story.paragraphs.len() {
            counts.add(&paragraph_keys(story, paragraph), &asked);
        }
        counts
    }

    /// [`WordCounts::of`], with each paragraph's keys kept in `memo` between analyses.
    pub fn memoised(story: &Story, mentions: &[Mention], memo: &mut Memo) -> WordCounts {
        let asked = asked(mentions);
        let mut table = memo.table::<KeysOf, ParagraphKeys>();
        let mut counts = WordCounts::default();
        for paragraph in 0..story.paragraphs.len() {
            let keys = table.get_or_compute(KeysOf(story.text_id(paragraph)), || {
                paragraph_keys(story, paragraph)
            });
            counts.add(keys, &asked);
        }
        counts
    }

    fn add(&mut self, keys: &ParagraphKeys, asked: &HashSet<u64>) {
        for key in keys.capitalised.iter().filter(|key| asked.contains(*key)) {
            *self.capitalised.entry(*key).or_default() += 1;
        }
        for &key in &keys.lower {
            *self.lower.entry(key).or_default() += 1;
        }
    }

    /// How often `word`, one of the mentions' words, is written capitalised, with or without
    /// a possessive ending.
    pub fn capitalised(&self, word: &str) -> usize {
        self.capitalised.get(&key(word)).map_or(0, |&n| n as usize)
    }

    /// How often `word` is written as it is here, a lower-case token.
    pub fn lower(&self, word: &str) -> usize {
        self.lower.get(&key(word)).map_or(0, |&n| n as usize)
    }
}

/// The keys of the mentions' words, the only capitalised words counted.
fn asked(mentions: &[Mention]) -> HashSet<u64> {
    mentions
        .iter()
        .flat_map(|m| m.words().map(|w| key(&w.text)))
        .collect()
}

fn paragraph_keys(story: &Story, paragraph: usize) -> ParagraphKeys {
    let mut keys = ParagraphKeys::default();
    let Some(tokens) = story.paragraphs.get(paragraph).map(|p| p.tokens.clone()) else {
        return keys;
    };
    for token in story.tokens.get(tokens).unwrap_or_default() {
        match token.case() {
            Case::Capitalised if token.is_word() => {
                let (word, _) = strip_possessive(story.text(token.span()));
                keys.capitalised.push(key(word));
            }
            Case::Lower => keys.lower.push(key(story.text(token.span()))),
            _ => {}
        }
    }
    keys
}

fn key(word: &str) -> u64 {
    static STATE: OnceLock<RandomState> = OnceLock::new();
    STATE.get_or_init(RandomState::default).hash_one(word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::names::lexicon::Lexicon;
    use crate::checks::names::mentions::find_mentions;
    use crate::incremental::DocumentCache;
    use crate::text::SourceFormat;

    #[test]
    fn counts_capitalised_words_without_possessives_and_lower_case_words_as_written() {
        let text = "Mr. Kellog's aide met Kellog.\n\nThe kellog brand and the Kellog plan. kellog";
        let story = Story::new(text, SourceFormat::PlainText);
        let counts = WordCounts::of(&story, &find_mentions(&story, Lexicon::get()));
        assert_eq!(counts.capitalised("Kellog"), 3);
        assert_eq!(counts.capitalised("Kellog's"), 0);
        assert_eq!(counts.lower("kellog"), 2);
        assert_eq!(counts.lower("Kellog"), 0);
        assert_eq!(counts.lower("the"), 1);
        assert_eq!(counts.capitalised("Absent"), 0);
        // Capitalised words are counted only when a mention holds them.
        assert_eq!(counts.capitalised("The"), 0);
    }

    #[test]
    fn kept_keys_count_as_a_fresh_reading_across_edits() {
        let versions = [
            "Ana Ruiz spoke.\n\nRuiz left. ruiz stayed.\n\nThe end.",
            "Ana Ruiz spoke.\n\nRuiz left, and Ruiz came back. ruiz stayed.\n\nThe end.",
            "Ana Ruiz spoke.\n\nThe end.",
        ];
        let mut cache = DocumentCache::new();
        for text in versions {
            let story = cache.story(text, SourceFormat::PlainText);
            let mentions = find_mentions(&story, Lexicon::get());
            let kept = WordCounts::memoised(&story, &mentions, cache.independent_memo());
            let fresh_story = Story::new(text, SourceFormat::PlainText);
            let fresh = WordCounts::of(&fresh_story, &find_mentions(&fresh_story, Lexicon::get()));
            assert_eq!(kept.capitalised, fresh.capitalised, "{text}");
            assert_eq!(kept.lower, fresh.lower, "{text}");
        }
    }
}
