//! Regular expressions written by a desk in its configuration.
//!
//! A configuration file is input like any other: a pattern may be large by accident or by
//! design, so every one is compiled with caps on its length, nesting and compiled size. A pattern
//! over a cap is a configuration error, never a slow check.

use regex::{Regex, RegexBuilder};
use serde::{Serialize, Serializer};
use std::fmt;

/// Longest pattern accepted, in bytes. Real phrase patterns are a line or two.
pub const MAX_PATTERN_LEN: usize = 512;
/// Cap on the compiled program (`RegexBuilder::size_limit`).
pub const SIZE_LIMIT: usize = 256 * 1024;
/// Cap on the lazy DFA's cache (`RegexBuilder::dfa_size_limit`).
pub const DFA_SIZE_LIMIT: usize = 1024 * 1024;
/// Cap on group and repetition nesting.
pub const NEST_LIMIT: u32 = 32;

/// A compiled configuration pattern. Matching is case-insensitive (a desk writes "officials
/// said" and means "Officials said" too); `(?-i)` inside the pattern turns that off.
#[derive(Clone)]
pub struct Pattern {
    source: String,
    regex: Regex,
}

impl Pattern {
    /// Compiles `source` within the caps; the error says which cap was hit.
    pub fn new(source: &str) -> Result<Pattern, String> {
        if source.trim().is_empty() {
            return Err("empty pattern".into());
        }
        if source.len() > MAX_PATTERN_LEN {
            return Err(format!(
                "pattern is {} bytes long; the limit is {MAX_PATTERN_LEN}",
                source.len()
            ));
        }
        let regex = RegexBuilder::new(source)
            .case_insensitive(true)
            .size_limit(SIZE_LIMIT)
            .dfa_size_limit(DFA_SIZE_LIMIT)
            .nest_limit(NEST_LIMIT)
            .build()
            .map_err(|e| match e {
                regex::Error::CompiledTooBig(limit) => {
                    format!("pattern compiles to more than {limit} bytes; simplify it (fewer or smaller repetitions)")
                }
                other => format!("invalid regular expression: {}", one_line(&other.to_string())),
            })?;
        Ok(Pattern {
            source: source.to_owned(),
            regex,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.source
    }

    pub fn regex(&self) -> &Regex {
        &self.regex
    }
}

/// The regex crate's parse errors draw a caret diagram over several lines; keep the last line,
/// which says what is wrong.
fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .rfind(|l| !l.is_empty())
        .unwrap_or(message)
        .trim_start_matches("error: ")
        .to_owned()
}

impl PartialEq for Pattern {
    fn eq(&self, other: &Pattern) -> bool {
        self.source == other.source
    }
}

impl Eq for Pattern {}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Pattern").field(&self.source).finish()
    }
}

impl Serialize for Pattern {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.source)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_case_insensitively() {
        let p = Pattern::new(r"\bpeople close to the (?:talks|deal)\b").unwrap();
        assert!(p.regex().is_match("People close to the talks said"));
    }

    #[test]
    fn blown_up_repetition_is_refused() {
        let err = Pattern::new(r"(?:\w{100}){100}").unwrap_err();
        assert!(err.contains("compiles to more than"), "{err}");
    }

    #[test]
    fn deep_nesting_is_refused() {
        let source = format!("{}a{}", "(".repeat(40), ")".repeat(40));
        assert!(Pattern::new(&source).is_err());
    }

    #[test]
    fn long_pattern_is_refused() {
        assert!(Pattern::new(&"a".repeat(MAX_PATTERN_LEN + 1)).is_err());
    }
}
