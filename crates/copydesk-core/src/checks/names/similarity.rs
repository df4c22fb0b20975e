//! How close two spellings of a name are: folding (case, diacritics, hyphens), transliteration
//! classes, and edit distance scaled by the name's length.
//!
//! Candidates are found through a deletion index (every spelling with up to one or two letters
//! deleted points at the name), so a story with thousands of names costs a few hash lookups
//! per mention instead of a comparison with every other name.

use foldhash::{HashMap, HashMapExt};
use std::cell::RefCell;

/// Lower-case ASCII letters only: diacritics folded ("Andrés" -> "andres"), hyphens,
/// apostrophes, dots and spaces dropped ("Ki-moon" -> "kimoon", "O'Leary" -> "oleary").
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphabetic() {
            out.push(c.to_ascii_lowercase());
        } else if c.is_alphabetic() {
            for d in deunicode::deunicode_char(c).unwrap_or("").chars() {
                if d.is_ascii_alphabetic() {
                    out.push(d.to_ascii_lowercase());
                }
            }
        }
    }
    out
}

/// The surname without a lower-case particle prefix: "al-Assad" -> "Assad". Other words are
/// returned as they are.
pub fn core(word: &str) -> &str {
    if let Some((prefix, rest)) = word.split_once(['-', '’', '\'']) {
        if !prefix.is_empty()
            && prefix.len() <= 3
            && prefix.chars().all(|c| c.is_lowercase())
            && rest.chars().next().is_some_and(char::is_uppercase)
        {
            return rest;
        }
    }
    word
}

/// A skeleton that is equal for spellings of one name transliterated by different
/// conventions: Zelensky/Zelenskyy/Zelenskiy, Lukashenko/Lukashenka, Gaddafi/Gadhafi/Qaddafi,
/// Mikhail/Mihail, Tsikhanouskaya/Tikhanovskaya is too far and stays a spelling variant.
pub fn transliteration_key(folded: &str) -> String {
    let mut s = folded.to_string();
    for (from, to) in [
        ("kh", "h"),
        ("gh", "g"),
        ("dh", "d"),
        ("th", "t"),
        ("ph", "f"),
        ("ck", "k"),
        ("q", "k"),
        ("c", "k"),
        ("ou", "u"),
        ("oo", "u"),
        ("ee", "i"),
        ("iy", "i"),
        ("yi", "i"),
        ("ii", "i"),
        ("y", "i"),
        ("j", "i"),
        ("w", "v"),
        ("g", "k"),
        ("z", "s"),
    ] {
        s = s.replace(from, to);
    }
    let mut out = String::with_capacity(s.len());
    let mut prev = None;
    for c in s.chars() {
        if prev != Some(c) {
            out.push(c);
        }
        prev = Some(c);
    }
    // Russian -o against Belarusian -a endings on long surnames (Lukashenko/Lukashenka).
    if out.len() >= 7 && (out.ends_with('a') || out.ends_with('o')) {
        out.pop();
        out.push('o');
    }
    out
}

fn collapse_doubles(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// How a spelling differs from the established one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Difference {
    /// Only upper/lower case differs inside the name ("Ki-Moon" for "Ki-moon").
    Capitalisation,
    /// Accents dropped or added ("Andres" for "Andrés").
    Diacritics,
    /// A hyphen, space or apostrophe added or dropped ("Roybal Allard", "OLeary").
    Punctuation,
    /// Another transliteration of the same name ("Lukashenka" for "Lukashenko").
    Transliteration,
    /// Letters dropped, doubled, swapped or changed: the number of edits.
    Spelling(usize),
    /// First name and surname in the other order ("Hale Margaret" in a credit).
    Order,
}

impl Difference {
    pub fn describe(self) -> &'static str {
        match self {
            Difference::Capitalisation => "capitalised differently",
            Difference::Diacritics => "written without (or with different) accents",
            Difference::Punctuation => "hyphenated or spaced differently",
            Difference::Transliteration => "transliterated differently",
            Difference::Spelling(1) => "one letter off",
            Difference::Spelling(_) => "two letters off",
            Difference::Order => "first name and surname reversed",
        }
    }
}

/// How many letter edits still count as a misspelling of a name of `len` letters: a typo in
/// "Kellogg" is one edit, but two edits turn "Kane" into a different name.
pub fn max_edits(len: usize) -> usize {
    match len {
        0..=2 => 0,
        3..=8 => 1,
        _ => 2,
    }
}

/// Edit distance with adjacent transpositions counted as one edit.
pub fn edits(a: &str, b: &str) -> usize {
    strsim::osa_distance(a, b)
}

/// Two neighbouring letters swapped ("Wrad" for "Ward") or one letter doubled ("Wward"), on
/// folded spellings.
pub fn is_keyboard_slip(candidate: &str, established: &str) -> bool {
    let (c, e): (Vec<char>, Vec<char>) =
        (candidate.chars().collect(), established.chars().collect());
    if c.len() == e.len() + 1 {
        return (0..c.len())
            .any(|i| i > 0 && c[i] == c[i - 1] && c[..i] == e[..i] && c[i + 1..] == e[i..]);
    }
    if c.len() != e.len() {
        return false;
    }
    let differ: Vec<usize> = (0..c.len()).filter(|&i| c[i] != e[i]).collect();
    matches!(differ.as_slice(), [a, b] if *b == a + 1 && c[*a] == e[*b] && c[*b] == e[*a])
}

/// Classifies `candidate` against the `established` spelling, or `None` when they are the
/// same spelling or too far apart to be one name.
pub fn compare(candidate: &str, established: &str) -> Option<Difference> {
    // Straight and curly apostrophes are typography, not spelling.
    let apostrophes = |s: &str| s.replace(['’', 'ʼ'], "'");
    let (candidate, established) = (&apostrophes(candidate), &apostrophes(established));
    if candidate == established {
        return None;
    }
    if candidate.to_lowercase() == established.to_lowercase() {
        return Some(Difference::Capitalisation);
    }
    let (fc, fe) = (fold(candidate), fold(established));
    if fc.is_empty() || fe.is_empty() {
        return None;
    }
    if fc == fe {
        let strip = |s: &str| -> String {
            s.chars()
                .filter(|c| c.is_alphabetic())
                .flat_map(char::to_lowercase)
                .collect()
        };
        return Some(if strip(candidate) == strip(established) {
            Difference::Punctuation
        } else {
            Difference::Diacritics
        });
    }
    // A doubled or dropped double letter is a typo, not a transliteration.
    if fc.len() >= 4
        && collapse_doubles(&fc) != collapse_doubles(&fe)
        && transliteration_key(&fc) == transliteration_key(&fe)
    {
        return Some(Difference::Transliteration);
    }
    let allowed = max_edits(fe.len());
    // The edit distance is quadratic in the lengths; no pair it could call a slip is far
    // apart in length or longer than a name.
    if fc.len().abs_diff(fe.len()) > allowed || fc.len().max(fe.len()) > MAX_NEIGHBOURHOOD_LEN {
        return None;
    }
    let d = edits(&fc, &fe);
    (d >= 1 && d <= allowed).then_some(Difference::Spelling(d))
}

/// Folded letters below which `compare` reads no transliteration: "Li" and "Lee", "Rid" and
/// "Reed" are as often two names as one.
const SHORT_NAME: usize = 3;

/// Another romanisation of a short name ("Rid" for "Reed", "Chu" for "Chou"), which
/// [`compare`] leaves out because short names so often differ this way as two people: the
/// caller weighs how the name is used before taking it for a slip.
pub fn is_short_transliteration(candidate: &str, established: &str) -> bool {
    let (fc, fe) = (fold(candidate), fold(established));
    fc.len().min(fe.len()) == SHORT_NAME
        && fc != fe
        && collapse_doubles(&fc) != collapse_doubles(&fe)
        && transliteration_key(&fc) == transliteration_key(&fe)
}

/// A lookup from spellings to the names they might be misspellings of.
#[derive(Debug)]
pub struct NameIndex<T> {
    by_deletion: HashMap<String, Vec<usize>>,
    by_transliteration: HashMap<String, Vec<usize>>,
    entries: Vec<(String, T)>,
}

/// Calls `visit` with `word` and every spelling `depth` or fewer single-byte deletions away
/// (with a few repeats). One buffer per level: a lookup visits hundreds of keys and allocates
/// none of them.
fn for_each_deletion(word: &str, depth: usize, visit: &mut impl FnMut(&str)) {
    deletions_from(word, 0, depth, visit)
}

/// Deletes only at `from` or after, so that each set of positions is deleted in one order.
fn deletions_from(word: &str, from: usize, depth: usize, visit: &mut impl FnMut(&str)) {
    visit(word);
    if depth == 0 || word.len() <= 2 {
        return;
    }
    let mut shorter = String::with_capacity(word.len() - 1);
    let bytes = word.as_bytes();
    for i in from..word.len() {
        // Dropping either letter of a double gives the same spelling.
        let repeats_previous = i > 0 && bytes[i] == bytes[i - 1];
        if repeats_previous || !word.is_char_boundary(i) || !word.is_char_boundary(i + 1) {
            continue;
        }
        shorter.clear();
        shorter.push_str(&word[..i]);
        shorter.push_str(&word[i + 1..]);
        deletions_from(&shorter, i, depth - 1, visit);
    }
}

/// Folded bytes beyond which a word is indexed and looked up by its exact spelling only. The
/// longest one-word surnames run to about 35 letters; a word far longer is a URL, a hash or
/// keyboard noise, and its deletion neighbourhood grows with the cube of its length (a
/// 1,700-letter word made 4 GiB of keys).
const MAX_NEIGHBOURHOOD_LEN: usize = 48;

fn depth_for(len: usize) -> usize {
    match len {
        0..=7 => 1,
        8..=MAX_NEIGHBOURHOOD_LEN => 2,
        _ => 0,
    }
}

/// The deletion keys a folded spelling is filed and looked up under.
fn neighbourhood(folded: &str) -> Vec<String> {
    let mut keys = Vec::new();
    for_each_deletion(folded, depth_for(folded.len()), &mut |key| {
        keys.push(key.to_string())
    });
    keys
}

impl<T> Default for NameIndex<T> {
    fn default() -> Self {
        NameIndex::new()
    }
}

impl<T> NameIndex<T> {
    pub fn new() -> Self {
        NameIndex {
            by_deletion: HashMap::new(),
            by_transliteration: HashMap::new(),
            entries: Vec::new(),
        }
    }

    /// Adds a spelling as written, with a payload.
    pub fn insert(&mut self, spelling: &str, value: T) {
        let folded = fold(spelling);
        let index = self.entries.len();
        let mut keys = neighbourhood(&folded);
        keys.sort();
        keys.dedup();
        for key in keys {
            self.by_deletion.entry(key).or_default().push(index);
        }
        self.by_transliteration
            .entry(transliteration_key(&folded))
            .or_default()
            .push(index);
        self.entries.push((spelling.to_string(), value));
    }

    /// Entries `candidate` may be a variant of, with how it differs, closest first.
    pub fn lookup(&self, candidate: &str) -> Vec<(&str, &T, Difference)> {
        let folded = fold(candidate);
        let mut hits: Vec<usize> = Vec::new();
        for_each_deletion(&folded, depth_for(folded.len()), &mut |key| {
            hits.extend(self.by_deletion.get(key).into_iter().flatten())
        });
        hits.extend(
            self.by_transliteration
                .get(&transliteration_key(&folded))
                .into_iter()
                .flatten(),
        );
        hits.sort_unstable();
        hits.dedup();
        let mut out: Vec<(&str, &T, Difference)> = hits
            .into_iter()
            .filter_map(|i| {
                let (spelling, value) = self.entries.get(i)?;
                compare(candidate, spelling).map(|d| (spelling.as_str(), value, d))
            })
            .collect();
        out.sort_by_key(|(_, _, d)| match d {
            Difference::Spelling(n) => 10 + n,
            _ => 0,
        });
        out
    }
}

impl<T> NameIndex<T> {
    /// Entries `candidate` is another romanisation of where one of the two is a short name
    /// ([`is_short_transliteration`]); `lookup` leaves these out.
    pub fn short_transliterations(&self, candidate: &str) -> Vec<(&str, &T, Difference)> {
        self.by_transliteration
            .get(&transliteration_key(&fold(candidate)))
            .into_iter()
            .flatten()
            .filter_map(|&i| {
                let (spelling, value) = self.entries.get(i)?;
                is_short_transliteration(candidate, spelling).then_some((
                    spelling.as_str(),
                    value,
                    Difference::Transliteration,
                ))
            })
            .collect()
    }
}

/// Lookups in one index, remembered by candidate: a long story repeats the same unknown or
/// misspelt name thousands of times, and each fresh lookup builds every one- and two-letter
/// deletion of it.
pub struct RememberedLookups<'i, T> {
    index: &'i NameIndex<T>,
    seen: RefCell<HashMap<String, Hits<'i, T>>>,
}

/// What [`NameIndex::lookup`] answers: spelling, payload and difference, closest first.
type Hits<'i, T> = Vec<(&'i str, &'i T, Difference)>;

impl<'i, T> RememberedLookups<'i, T> {
    pub fn new(index: &'i NameIndex<T>) -> Self {
        RememberedLookups {
            index,
            seen: RefCell::new(HashMap::new()),
        }
    }

    /// The same answer as [`NameIndex::short_transliterations`]; a hash lookup, not kept.
    pub fn short_transliterations(&self, candidate: &str) -> Hits<'i, T> {
        self.index.short_transliterations(candidate)
    }

    /// The same answer as [`NameIndex::lookup`].
    pub fn lookup(&self, candidate: &str) -> Hits<'i, T> {
        if let Some(hits) = self.seen.borrow().get(candidate) {
            return hits.clone();
        }
        let hits = self.index.lookup(candidate);
        self.seen
            .borrow_mut()
            .insert(candidate.to_string(), hits.clone());
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding() {
        assert_eq!(fold("Andrés"), "andres");
        assert_eq!(fold("Ki-moon"), "kimoon");
        assert_eq!(fold("O’Leary"), "oleary");
        assert_eq!(fold("Łukasz"), "lukasz");
    }

    #[test]
    fn short_transliterations_are_told_apart_from_compare() {
        assert!(is_short_transliteration("Rid", "Reed"));
        assert!(is_short_transliteration("Chu", "Chou"));
        assert_eq!(compare("Rid", "Reed"), None);
        // Two letters is too short to be read at all; a doubled letter is a typo.
        assert!(!is_short_transliteration("Li", "Lee"));
        assert!(!is_short_transliteration("Lee", "Le"));
        assert!(!is_short_transliteration("Lee", "Lee"));
        assert!(!is_short_transliteration("Kelly", "Kely"));
    }

    #[test]
    fn differences() {
        assert_eq!(compare("Kellog", "Kellogg"), Some(Difference::Spelling(1)));
        assert_eq!(compare("Kelogg", "Kellogg"), Some(Difference::Spelling(1)));
        assert_eq!(compare("Kellgog", "Kellogg"), Some(Difference::Spelling(1)));
        assert_eq!(
            compare("Ki-Moon", "Ki-moon"),
            Some(Difference::Capitalisation)
        );
        assert_eq!(compare("Andres", "Andrés"), Some(Difference::Diacritics));
        assert_eq!(
            compare("Roybal Allard", "Roybal-Allard"),
            Some(Difference::Punctuation)
        );
        assert_eq!(
            compare("Lukashenka", "Lukashenko"),
            Some(Difference::Transliteration)
        );
        assert_eq!(
            compare("Zelenskyy", "Zelenskiy"),
            Some(Difference::Transliteration)
        );
        assert_eq!(
            compare("Gadhafi", "Qaddafi"),
            Some(Difference::Transliteration)
        );
        assert_eq!(
            compare("Mikhail", "Mihail"),
            Some(Difference::Transliteration)
        );
        // Different names, not variants.
        assert_eq!(compare("Kane", "Kerry"), None);
        assert_eq!(compare("Johnson", "Johnson"), None);
        assert_eq!(compare("O'Neill", "O’Neill"), None);
    }

    #[test]
    fn keyboard_slips() {
        assert!(is_keyboard_slip("wrad", "ward"));
        assert!(is_keyboard_slip("wward", "ward"));
        assert!(is_keyboard_slip("warrd", "ward"));
        assert!(!is_keyboard_slip("word", "ward"));
        assert!(!is_keyboard_slip("war", "ward"));
        assert!(!is_keyboard_slip("wards", "ward"));
        assert!(!is_keyboard_slip("ward", "ward"));
    }

    #[test]
    fn the_index_finds_near_spellings_only() {
        let mut index = NameIndex::new();
        index.insert("Kellogg", 1);
        index.insert("Vasquez-Montalban", 2);
        index.insert("Ortiz", 3);
        let hits = index.lookup("Kellog");
        assert_eq!(hits.len(), 1);
        assert_eq!(*hits[0].1, 1);
        assert_eq!(*index.lookup("Vazquez-Montalvan")[0].1, 2);
        assert!(index.lookup("Kennedy").is_empty());
        assert_eq!(*index.lookup("Ortis")[0].1, 3);
    }

    /// Every spelling one or two deletions away, the slow and obvious way.
    fn naive_neighbourhood(word: &str, depth: usize) -> std::collections::BTreeSet<String> {
        let mut out = std::collections::BTreeSet::from([word.to_string()]);
        if depth == 0 || word.len() <= 2 {
            return out;
        }
        for (i, c) in word.char_indices().filter(|(_, c)| c.len_utf8() == 1) {
            let shorter = format!("{}{}", &word[..i], &word[i + c.len_utf8()..]);
            out.extend(naive_neighbourhood(&shorter, depth - 1));
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn deletions_visit_every_spelling_in_reach(word in "[abé]{0,12}", depth in 0usize..3) {
            let mut seen = std::collections::BTreeSet::new();
            for_each_deletion(&word, depth, &mut |key| { seen.insert(key.to_string()); });
            proptest::prop_assert_eq!(seen, naive_neighbourhood(&word, depth));
        }
    }

    #[test]
    fn a_long_word_is_filed_under_its_own_spelling_only() {
        let surname = "wolfeschlegelsteinhausenbergerdorff";
        assert!(neighbourhood(surname).len() > surname.len() * 10);
        let noise = "k".repeat(500);
        assert_eq!(neighbourhood(&noise), vec![noise.clone()]);
        let mut index = NameIndex::new();
        index.insert(&noise, 1);
        assert_eq!(
            index.lookup(&noise).len(),
            0,
            "the same spelling is no variant"
        );
    }

    #[test]
    fn no_edit_distance_is_run_on_words_longer_than_names() {
        let long = "abcdefghij".repeat(6);
        assert_eq!(compare(&long, &long.replacen('j', "k", 1)), None);
        let name_length = &long[..40];
        assert_eq!(
            compare(name_length, &name_length.replacen('j', "k", 1)),
            Some(Difference::Spelling(1))
        );
    }
}
