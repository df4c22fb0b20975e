//! A word list written as data and looked up as a set: the rules ask nearly every word of a
//! story against lists of dozens of entries, where a scan compares the word with each.

use foldhash::HashSet;
use std::ops::Deref;
use std::sync::OnceLock;

/// A `static` word list, kept as written (and readable as a slice) and hashed once, on its
/// first lookup.
pub struct WordList {
    words: &'static [&'static str],
    set: OnceLock<HashSet<&'static str>>,
}

impl WordList {
    pub const fn new(words: &'static [&'static str]) -> WordList {
        WordList {
            words,
            set: OnceLock::new(),
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(word)
    }
}

impl Deref for WordList {
    type Target = [&'static str];

    fn deref(&self) -> &[&'static str] {
        self.words
    }
}

/// Something a word can be looked up in: a set-backed [`WordList`], or a short slice scanned
/// in place (the function-word lists, a few entries each).
pub trait Words {
    fn has(&self, word: &str) -> bool;
}

impl Words for WordList {
    #[inline]
    fn has(&self, word: &str) -> bool {
        self.contains(word)
    }
}

impl Words for [&str] {
    #[inline]
    fn has(&self, word: &str) -> bool {
        self.iter()
            .any(|entry| entry.len() == word.len() && *entry == word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static FRUIT: WordList = WordList::new(&["apple", "pear"]);

    #[test]
    fn a_list_answers_as_its_slice_does() {
        assert!(FRUIT.contains("pear"));
        assert!(!FRUIT.contains("Pear"));
        assert!(!FRUIT.contains(""));
        assert_eq!(FRUIT.len(), 2);
        assert!(FRUIT.has("apple") && ["apple"][..].has("apple"));
    }
}
