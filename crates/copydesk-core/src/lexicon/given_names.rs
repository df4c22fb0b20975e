//! Common given names across languages (`data/given_names.txt`, written for this project):
//! the names family recognises full-name references with them, and the attribution layer
//! tells where a name starts after a title's capitalised complement ("Secretary of State
//! John Kerry").

use std::collections::HashSet;
use std::sync::LazyLock;

/// The list as written: comment lines start with `#`, names are separated by white space.
pub const GIVEN_NAMES: &str = include_str!("data/given_names.txt");

/// Whether `lower`, a word in lower case, is a given name on the list.
pub fn is_given_name(lower: &str) -> bool {
    static LOWERED: LazyLock<HashSet<String>> = LazyLock::new(|| {
        GIVEN_NAMES
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .flat_map(str::split_whitespace)
            .map(str::to_lowercase)
            .collect()
    });
    LOWERED.contains(lower)
}

#[cfg(test)]
mod tests {
    use super::is_given_name;

    #[test]
    fn listed_names_are_found_in_lower_case_and_words_are_not() {
        assert!(is_given_name("john"));
        assert!(is_given_name("james"));
        assert!(!is_given_name("state"));
        assert!(!is_given_name("John"));
    }
}
