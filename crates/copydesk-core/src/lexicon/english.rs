//! Ordinary English words, to tell a name that lost a letter from a word: "utin" is no word, so
//! beside a Vladimir Putin it is his name misspelt; "amp" is one.
//!
//! The list (`data/english_words.txt`, some 41,000 words from SCOWL) is looked up by bisection
//! over its embedded text, so asking costs no start-up work and no memory: the names check asks
//! only about the few lower-case words that match a surname's tail.

const LIST: &str = include_str!("data/english_words.txt");

/// The words, after the header's `#` lines, one per line in byte order.
fn words() -> &'static str {
    let mut rest = LIST;
    while rest.starts_with('#') {
        rest = rest.split_once('\n').map_or("", |(_, after)| after);
    }
    rest
}

/// Whether `word`, written in lower case, is an ordinary English word of 3 to 15 letters.
pub fn is_word(word: &str) -> bool {
    let list = words();
    let bytes = list.as_bytes();
    // `low` is always a line's start; `high` a line's start or the end of the list.
    let (mut low, mut high) = (0, bytes.len());
    while low < high {
        let middle = low + (high - low) / 2;
        let start = bytes[low..middle]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(low, |i| low + i + 1);
        let end = bytes[start..high]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(high, |i| start + i);
        match list[start..end].cmp(word) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => low = end + 1,
            std::cmp::Ordering::Greater => high = start,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_lower_case_letters() {
        let lines: Vec<&str> = words().lines().collect();
        assert!(lines.len() > 30_000, "{} words", lines.len());
        for line in &lines {
            assert!(
                (3..=15).contains(&line.len()) && line.bytes().all(|b| b.is_ascii_lowercase()),
                "{line:?}"
            );
        }
        for pair in lines.windows(2) {
            assert!(pair[0] < pair[1], "{:?} before {:?}", pair[0], pair[1]);
        }
    }

    #[test]
    fn every_listed_word_is_found() {
        for line in words().lines() {
            assert!(is_word(line), "{line:?}");
        }
    }

    #[test]
    fn tails_of_names_are_not_words_but_words_are() {
        for word in [
            "amp", "all", "able", "lack", "rump", "ones", "colour", "color",
        ] {
            assert!(is_word(word), "{word}");
        }
        for not_word in [
            "utin",
            "oss",
            "hou",
            "ymms",
            "ashington",
            "",
            "a",
            "Amp",
            "amp ",
            "zzzz",
            "aaa",
        ] {
            assert!(!is_word(not_word), "{not_word:?}");
        }
    }
}
