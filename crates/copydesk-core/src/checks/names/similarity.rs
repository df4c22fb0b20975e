//! How close two spellings of a name are: folding (case, diacritics, hyphens), transliteration
//! classes, and edit distance scaled by the name's length.
//!
//! Candidates are found through a deletion index (every spelling with up to one or two letters
//! deleted points at the name), so a story with thousands of names costs a few hash lookups
//! per mention instead of a comparison with every other name.

use foldhash::{HashMap, HashMapExt};
use std::cell::RefCell;
use std::sync::OnceLock;

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
/// Mikhail/Mihail, Smirnov/Smirnoff; Tsikhanouskaya/Tikhanovskaya is too far and stays a
/// spelling variant.
pub fn transliteration_key(folded: &str) -> String {
    let mut s = folded.to_string();
    for (from, to) in [
        // The French and German "-off" of older romanisations of Russian "-ov".
        ("ff", "v"),
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
    Spelling::new(candidate).compare_with(&Spelling::new(established))
}

/// A spelling with the forms [`compare`] reads of it, each worked out once: an index compares
/// one candidate with many filed spellings, and a filed spelling with many candidates.
#[derive(Debug)]
struct Spelling {
    /// As written, with straight and curly apostrophes alike: they are typography, not
    /// spelling.
    written: String,
    lower: String,
    folded: String,
    collapsed: OnceLock<String>,
    transliterated: OnceLock<String>,
}

impl Spelling {
    fn new(written: &str) -> Spelling {
        let written = written.replace(['’', 'ʼ'], "'");
        Spelling {
            lower: written.to_lowercase(),
            folded: fold(&written),
            written,
            collapsed: OnceLock::new(),
            transliterated: OnceLock::new(),
        }
    }

    fn collapsed(&self) -> &str {
        self.collapsed
            .get_or_init(|| collapse_doubles(&self.folded))
    }

    fn transliterated(&self) -> &str {
        self.transliterated
            .get_or_init(|| transliteration_key(&self.folded))
    }

    /// Another romanisation of the same name. A doubled or dropped double letter is a typo,
    /// not a transliteration.
    fn romanised_alike(&self, other: &Spelling) -> bool {
        self.collapsed() != other.collapsed() && self.transliterated() == other.transliterated()
    }

    /// [`is_short_transliteration`], with `self` the candidate.
    fn short_transliteration_of(&self, established: &Spelling) -> bool {
        self.folded.len().min(established.folded.len()) == SHORT_NAME
            && self.folded != established.folded
            && self.romanised_alike(established)
    }

    /// [`compare`], with `self` the candidate.
    fn compare_with(&self, established: &Spelling) -> Option<Difference> {
        if self.written == established.written {
            return None;
        }
        if self.lower == established.lower {
            return Some(Difference::Capitalisation);
        }
        let (fc, fe) = (&self.folded, &established.folded);
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
            return Some(if strip(&self.written) == strip(&established.written) {
                Difference::Punctuation
            } else {
                Difference::Diacritics
            });
        }
        if fc.len() >= 4 && self.romanised_alike(established) {
            return Some(Difference::Transliteration);
        }
        let allowed = max_edits(fe.len());
        // The edit distance is quadratic in the lengths; no pair it could call a slip is far
        // apart in length or longer than a name.
        if fc.len().abs_diff(fe.len()) > allowed || fc.len().max(fe.len()) > MAX_NEIGHBOURHOOD_LEN {
            return None;
        }
        let d = edits(fc, fe);
        (d >= 1 && d <= allowed).then_some(Difference::Spelling(d))
    }
}

/// Folded letters below which `compare` reads no transliteration: "Li" and "Lee", "Rid" and
/// "Reed" are as often two names as one.
const SHORT_NAME: usize = 3;

/// Another romanisation of a short name ("Rid" for "Reed", "Chu" for "Chou"), which
/// [`compare`] leaves out because short names so often differ this way as two people: the
/// caller weighs how the name is used before taking it for a slip.
pub fn is_short_transliteration(candidate: &str, established: &str) -> bool {
    Spelling::new(candidate).short_transliteration_of(&Spelling::new(established))
}

/// A lookup from spellings to the names they might be misspellings of.
///
/// Each spelling is filed once, however many entries carry it (a story of a hundred Smiths
/// compares a candidate with "Smith" once), under 64-bit hashes of its deletions: a collision
/// only adds a candidate that [`compare`] turns away. A lookup passes over any key shared by
/// more than [`CROWDED_KEY`] spellings, and spellings are filed up to [`MAX_FILED_KEYS`].
#[derive(Debug)]
pub struct NameIndex<T> {
    by_deletion: HashMap<u64, Filed>,
    by_transliteration: HashMap<u64, Filed>,
    /// The spellings of each key filed under more than one.
    shared: Vec<Vec<u32>>,
    spelling_ids: HashMap<String, u32>,
    /// Each spelling as written, prepared for comparison, with the entries that carry it
    /// by entry number.
    spellings: Vec<(String, Spelling, Vec<usize>)>,
    values: Vec<T>,
    filed_keys: usize,
}

/// The spellings filed under one key. Most keys of a story belong to one spelling, and a
/// list for each would cost more than the key itself.
#[derive(Debug, Clone, Copy)]
enum Filed {
    One(u32),
    /// An index into the index's shared lists.
    Shared(u32),
}

fn file(map: &mut HashMap<u64, Filed>, shared: &mut Vec<Vec<u32>>, key: u64, id: u32) {
    match map.get_mut(&key) {
        None => {
            map.insert(key, Filed::One(id));
        }
        Some(Filed::One(first)) => {
            let first = *first;
            map.insert(key, Filed::Shared(shared.len() as u32));
            shared.push(vec![first, id]);
        }
        Some(Filed::Shared(list)) => {
            // A crowded key is passed over by every lookup: its list stops growing.
            if let Some(ids) = shared
                .get_mut(*list as usize)
                .filter(|ids| ids.len() <= CROWDED_KEY)
            {
                ids.push(id);
            }
        }
    }
}

/// Spellings beyond which a key says nothing about any one of them. In the 24 labelled
/// stories, the 960 annotated ones and the unlabelled samples, no key is shared by more than
/// four spellings; a roster of thousands of names made from a few syllables shares keys by
/// the hundred, and comparing each new name with every one of them made the index quadratic.
const CROWDED_KEY: usize = 12;

/// Deletion keys an index files, over all its spellings (about 9 MB of table). A name of ten
/// letters has 56 keys and one of thirty 466: some ten thousand surnames of ordinary length fit,
/// more than any story names, while a story of a hundred thousand would spend hundreds of
/// megabytes on them. Spellings beyond the budget are looked up, not filed.
const MAX_FILED_KEYS: usize = 400_000;

/// Calls `visit` with the [`spelling_hash`] of `word` and of every spelling `depth` (at most
/// two) or fewer single-byte deletions away, with a few repeats. Each hash is worked out from
/// the word's prefix hashes in a few multiplications: a lookup visits hundreds of deletions,
/// and building each as a string to hash it made a story of long names slow.
fn for_each_deletion_hash(word: &str, depth: usize, visit: &mut impl FnMut(u64)) {
    let bytes = word.as_bytes();
    let n = bytes.len();
    // prefix[k]: the hash of the first k bytes; power[k]: HASH_BASE to the k.
    let mut prefix = Vec::with_capacity(n + 1);
    let mut power = Vec::with_capacity(n + 1);
    let (mut h, mut p) = (0u64, 1u64);
    for &b in bytes {
        prefix.push(h);
        power.push(p);
        h = h.wrapping_mul(HASH_BASE).wrapping_add(u64::from(b) + 1);
        p = p.wrapping_mul(HASH_BASE);
    }
    prefix.push(h);
    power.push(p);
    // The hash of bytes a..b: what the prefix to b adds to the prefix to a.
    let part = |a: usize, b: usize| prefix[b].wrapping_sub(prefix[a].wrapping_mul(power[b - a]));
    let deletable = |i: usize| word.is_char_boundary(i) && word.is_char_boundary(i + 1);
    visit(finish_hash(h, n));
    if depth == 0 || n <= 2 {
        return;
    }
    for i in 0..n {
        // Dropping either letter of a double gives the same spelling.
        if (i > 0 && bytes[i] == bytes[i - 1]) || !deletable(i) {
            continue;
        }
        let once = part(0, i)
            .wrapping_mul(power[n - 1 - i])
            .wrapping_add(part(i + 1, n));
        visit(finish_hash(once, n - 1));
        if depth < 2 || n - 1 <= 2 {
            continue;
        }
        for j in i + 1..n {
            if (j > i + 1 && bytes[j] == bytes[j - 1]) || !deletable(j) {
                continue;
            }
            let twice = part(0, i)
                .wrapping_mul(power[n - 2 - i])
                .wrapping_add(part(i + 1, j).wrapping_mul(power[n - 1 - j]))
                .wrapping_add(part(j + 1, n));
            visit(finish_hash(twice, n - 2));
        }
    }
}

/// The hash [`for_each_deletion_hash`] gives a spelling of its own.
fn spelling_hash(word: &str) -> u64 {
    let h = word.bytes().fold(0u64, |h, b| {
        h.wrapping_mul(HASH_BASE).wrapping_add(u64::from(b) + 1)
    });
    finish_hash(h, word.len())
}

/// An odd multiplier (so every power of it is too, and no two short prefixes collide).
const HASH_BASE: u64 = 0x9e37_79b9_7f4a_7c15;

/// Mixes in the length and spreads the bits, as the polynomial alone leaves its low bits
/// weak.
fn finish_hash(h: u64, len: usize) -> u64 {
    let mut x = h ^ (len as u64).wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
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
            shared: Vec::new(),
            spelling_ids: HashMap::new(),
            spellings: Vec::new(),
            values: Vec::new(),
            filed_keys: 0,
        }
    }

    /// The hashed deletion keys a folded spelling is filed under, each once.
    fn filing_keys(&self, folded: &str) -> Vec<u64> {
        let mut keys = Vec::new();
        for_each_deletion_hash(folded, depth_for(folded.len()), &mut |key| keys.push(key));
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    /// Adds a spelling as written, with a payload.
    pub fn insert(&mut self, spelling: &str, value: T) {
        let entry = self.values.len();
        if let Some(&id) = self.spelling_ids.get(spelling) {
            self.values.push(value);
            self.spellings[id as usize].2.push(entry);
            return;
        }
        // Deleting up to two of n letters gives at most 1 + n + n(n - 1)/2 spellings: a
        // spelling that might not fit is not worked out at all.
        let n = fold(spelling).len();
        let most = match depth_for(n) {
            0 => 1,
            1 => 1 + n,
            _ => 1 + n + n * n.saturating_sub(1) / 2,
        };
        if self.filed_keys + most > MAX_FILED_KEYS {
            return;
        }
        let filed = Spelling::new(spelling);
        let keys = self.filing_keys(&filed.folded);
        self.filed_keys += keys.len();
        self.values.push(value);
        let id = self.spellings.len() as u32;
        for key in keys {
            file(&mut self.by_deletion, &mut self.shared, key, id);
        }
        let romanised = spelling_hash(filed.transliterated());
        file(
            &mut self.by_transliteration,
            &mut self.shared,
            romanised,
            id,
        );
        self.spelling_ids.insert(spelling.to_string(), id);
        self.spellings
            .push((spelling.to_string(), filed, vec![entry]));
    }

    /// Every entry of the spellings `ids` that `classify` keeps, in the order the entries
    /// were inserted.
    fn entries_of(
        &self,
        ids: impl IntoIterator<Item = u32>,
        mut classify: impl FnMut(&Spelling) -> Option<Difference>,
    ) -> Vec<(&str, &T, Difference)> {
        let mut found: Vec<(usize, &str, Difference)> = Vec::new();
        for id in ids {
            let Some((written, spelling, entries)) = self.spellings.get(id as usize) else {
                continue;
            };
            if let Some(d) = classify(spelling) {
                found.extend(entries.iter().map(|&e| (e, written.as_str(), d)));
            }
        }
        found.sort_unstable_by_key(|&(e, _, _)| e);
        found
            .into_iter()
            .filter_map(|(e, spelling, d)| Some((spelling, self.values.get(e)?, d)))
            .collect()
    }

    /// Entries `candidate` may be a variant of, with how it differs, closest first.
    pub fn lookup(&self, candidate: &str) -> Vec<(&str, &T, Difference)> {
        let candidate = Spelling::new(candidate);
        let folded = &candidate.folded;
        let mut hits: Vec<u32> = Vec::new();
        for_each_deletion_hash(folded, depth_for(folded.len()), &mut |key| {
            if let Some(filed) = self.by_deletion.get(&key) {
                hits.extend(self.uncrowded(filed))
            }
        });
        hits.extend(self.transliteration_ids(&candidate));
        hits.sort_unstable();
        hits.dedup();
        let mut out = self.entries_of(hits, |filed| candidate.compare_with(filed));
        out.sort_by_key(|(_, _, d)| match d {
            Difference::Spelling(n) => 10 + n,
            _ => 0,
        });
        out
    }
}

impl<T> NameIndex<T> {
    /// The spellings romanised as `spelling` is, unless too many are for the key to tell.
    fn transliteration_ids(&self, spelling: &Spelling) -> impl Iterator<Item = u32> + '_ {
        self.by_transliteration
            .get(&spelling_hash(spelling.transliterated()))
            .into_iter()
            .flat_map(|filed| self.uncrowded(filed))
            .copied()
    }

    /// The spellings filed under a key, or none if too many are for the key to tell.
    fn uncrowded<'a>(&'a self, filed: &'a Filed) -> &'a [u32] {
        let ids = match filed {
            Filed::One(id) => std::slice::from_ref(id),
            Filed::Shared(list) => self
                .shared
                .get(*list as usize)
                .map_or(&[][..], Vec::as_slice),
        };
        if ids.len() <= CROWDED_KEY {
            ids
        } else {
            &[]
        }
    }

    /// Entries `candidate` is another romanisation of where one of the two is a short name
    /// ([`is_short_transliteration`]); `lookup` leaves these out.
    pub fn short_transliterations(&self, candidate: &str) -> Vec<(&str, &T, Difference)> {
        let candidate = Spelling::new(candidate);
        let ids = self.transliteration_ids(&candidate);
        self.entries_of(ids, |filed| {
            candidate
                .short_transliteration_of(filed)
                .then_some(Difference::Transliteration)
        })
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
        assert_eq!(
            compare("Smirnoff", "Smirnov"),
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

    #[test]
    fn entries_of_one_spelling_come_back_in_the_order_they_were_filed() {
        let mut index = NameIndex::new();
        index.insert("Smith", 1);
        index.insert("Smithe", 2);
        index.insert("Smith", 3);
        let found: Vec<(&str, i32)> = index
            .lookup("Smyth")
            .into_iter()
            .map(|(spelling, &value, _)| (spelling, value))
            .collect();
        assert_eq!(found, [("Smith", 1), ("Smith", 3)]);
        let found: Vec<i32> = index.lookup("Smithh").iter().map(|hit| *hit.1).collect();
        assert_eq!(found, [1, 2, 3], "filing order across spellings");
    }

    #[test]
    fn a_key_shared_by_a_crowd_of_spellings_suggests_none_of_them() {
        let mut index = NameIndex::new();
        // "Kaler", "Kalera", … all one deletion from "kale" and from each other's neighbours.
        for letter in 'a'..='z' {
            index.insert(&format!("Kale{letter}"), letter);
        }
        assert!(index.lookup("Kale").is_empty(), "shared by 26 spellings");
        let mut index = NameIndex::new();
        for letter in 'a'..='e' {
            index.insert(&format!("Kale{letter}"), letter);
        }
        assert_eq!(index.lookup("Kale").len(), 5);
    }

    #[test]
    fn an_index_files_a_bounded_number_of_spellings() {
        let mut index = NameIndex::new();
        // Digits fold away: each of these is filed under the five keys of "name".
        let mut i = 0;
        while index.filed_keys + 100 <= MAX_FILED_KEYS {
            index.insert(&format!("Name{i}"), i);
            i += 1;
        }
        let filed = index.spellings.len();
        // Twenty letters have some two hundred keys: past the budget.
        index.insert("Wolfeschlegelsteiner", i);
        assert_eq!(index.spellings.len(), filed);
        assert!(index.filed_keys <= MAX_FILED_KEYS);
        assert!(index.lookup("Wolfeschlegelsteinr").is_empty());
        assert_eq!(index.values.len(), index.spellings.len());
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
            for_each_deletion_hash(&word, depth, &mut |key| { seen.insert(key); });
            let naive = naive_neighbourhood(&word, depth).iter().map(|s| spelling_hash(s)).collect();
            proptest::prop_assert_eq!(seen, naive);
        }
    }

    #[test]
    fn a_long_word_is_filed_under_its_own_spelling_only() {
        let mut index = NameIndex::new();
        let surname = "wolfeschlegelsteinhausenbergerdorff";
        assert!(index.filing_keys(surname).len() > surname.len() * 10);
        let noise = "k".repeat(500);
        assert_eq!(index.filing_keys(&noise).len(), 1);
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
