//! The word lists the name checks read: given names, short forms, titles, public figures, and
//! the capitalised words that are not people. All written for copydesk and compiled in.

use super::similarity::{core, fold, NameIndex};
use crate::lexicon::given_names::GIVEN_NAMES;
use foldhash::{HashMap, HashMapExt, HashSet};
use std::sync::OnceLock;

const NICKNAMES: &str = include_str!("data/nicknames.txt");
const PUBLIC_FIGURES: &str = include_str!("data/public_figures.txt");
const COMMON_WORDS: &str = include_str!("data/common_words.txt");
const PLACES: &str = include_str!("data/places.txt");
const TITLES: &str = include_str!("data/titles.txt");
const ORG_WORDS: &str = include_str!("data/org_words.txt");
const COMMON_SURNAMES: &str = include_str!("data/common_surnames.txt");
const GIVEN_NAME_SEX: &str = include_str!("data/given_name_sex.txt");

/// The sex of most people who bear a given name, where one sex clearly dominates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sex {
    Female,
    Male,
}

/// A widely published name: first name and surname, as folded keys and as written.
#[derive(Debug)]
pub struct Figure {
    pub given: String,
    pub surname: String,
    pub written: String,
    /// Marked `!` in the list: so prominent that the surname with another first name is
    /// almost always a slip (unless a family member, who is listed too).
    pub prominent: bool,
}

#[derive(Debug, Default)]
pub struct Lexicon {
    /// Folded given names.
    given: HashSet<String>,
    /// Folded name -> indices of the short-form groups it belongs to.
    nick_groups: HashMap<String, Vec<usize>>,
    /// Folded formal names: the first word of each short-form line.
    formal_names: HashSet<String>,
    pub figures: Vec<Figure>,
    /// Folded surname (last word) -> indices into `figures`.
    figures_by_surname: HashMap<String, Vec<usize>>,
    /// Lower-case common words.
    common: HashSet<String>,
    /// Places, nationalities, institutions, as written.
    places: HashSet<String>,
    courtesy: HashSet<String>,
    office: HashSet<String>,
    org: HashSet<String>,
    /// Folded surnames shared by very many people.
    common_surnames: HashSet<String>,
    /// Folded given name -> the sex of most who bear it.
    usual_sex: HashMap<String, Sex>,
    /// Figure surnames as written, for near-miss lookups; payload: index into `figures`.
    pub figure_index: NameIndex<usize>,
}

/// Lines of `f name name …` or `m name …`; any other line is a comment.
fn usual_sexes(data: &str) -> HashMap<String, Sex> {
    let mut sexes = HashMap::new();
    for line in data.lines() {
        let mut names = line.split_whitespace();
        let sex = match names.next() {
            Some("f") => Sex::Female,
            Some("m") => Sex::Male,
            _ => continue,
        };
        sexes.extend(names.map(|name| (fold(name), sex)));
    }
    sexes
}

fn words(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(str::split_whitespace)
}

impl Lexicon {
    /// The built-in lists, parsed once per process.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::build)
    }

    fn build() -> Lexicon {
        let mut lex = Lexicon {
            given: words(GIVEN_NAMES).map(fold).collect(),
            common: words(COMMON_WORDS).map(str::to_lowercase).collect(),
            places: words(PLACES).map(str::to_string).collect(),
            org: words(ORG_WORDS).map(str::to_string).collect(),
            common_surnames: words(COMMON_SURNAMES).map(fold).collect(),
            usual_sex: usual_sexes(GIVEN_NAME_SEX),
            ..Lexicon::default()
        };
        for (group, line) in NICKNAMES
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .enumerate()
        {
            for (n, name) in line.split_whitespace().enumerate() {
                if n == 0 {
                    lex.formal_names.insert(fold(name));
                }
                lex.nick_groups.entry(fold(name)).or_default().push(group);
            }
        }
        for line in TITLES.lines().filter(|l| !l.starts_with('#')) {
            if let Some(rest) = line.strip_prefix("courtesy:") {
                lex.courtesy
                    .extend(rest.split_whitespace().map(str::to_string));
            } else if let Some(rest) = line.strip_prefix("office:") {
                lex.office
                    .extend(rest.split_whitespace().map(str::to_string));
            }
        }
        for line in PUBLIC_FIGURES.lines().filter(|l| !l.starts_with('#')) {
            let (line, prominent) = match line.strip_prefix('!') {
                Some(rest) => (rest, true),
                None => (line, false),
            };
            let parts: Vec<&str> = line.split_whitespace().collect();
            if parts.len() < 2 {
                continue;
            }
            let index = lex.figures.len();
            let surname = fold(core(parts[parts.len() - 1]));
            lex.figures.push(Figure {
                given: fold(parts[0]),
                surname: surname.clone(),
                written: line.trim().to_string(),
                prominent,
            });
            if !lex.figures_by_surname.contains_key(&surname) {
                lex.figure_index.insert(core(parts[parts.len() - 1]), index);
            }
            lex.figures_by_surname
                .entry(surname)
                .or_default()
                .push(index);
        }
        lex
    }

    pub fn is_given_name(&self, word: &str) -> bool {
        with_folded(word, |key| self.given.contains(key))
    }

    /// "Tim" and "Timothy", "Bill" and "William".
    pub fn are_nicknames(&self, a: &str, b: &str) -> bool {
        let (Some(ga), Some(gb)) = (
            self.nick_groups.get(&fold(a)),
            self.nick_groups.get(&fold(b)),
        ) else {
            return false;
        };
        ga.iter().any(|g| gb.contains(g))
    }

    /// "Timothy", "William": a name the short-form list gives as the formal one.
    pub fn is_formal_name(&self, name: &str) -> bool {
        with_folded(name, |key| self.formal_names.contains(key))
    }

    pub fn is_common_word(&self, word: &str) -> bool {
        with_lowercase(word, |lower| self.common.contains(lower))
    }

    pub fn is_place(&self, word: &str) -> bool {
        self.places.contains(word)
    }

    pub fn is_courtesy_title(&self, word: &str) -> bool {
        self.courtesy.contains(word)
    }

    pub fn is_office_title(&self, word: &str) -> bool {
        self.office.contains(word)
    }

    pub fn is_org_word(&self, word: &str) -> bool {
        self.org.contains(word)
    }

    /// Public figures with this folded surname.
    pub fn figures_named(&self, surname_key: &str) -> impl Iterator<Item = &Figure> {
        self.figures_by_surname
            .get(surname_key)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.figures.get(i))
    }

    /// A surname rare enough that a story using it bare most likely means the public figure.
    pub fn is_distinctive_surname(&self, surname: &str) -> bool {
        let key = fold(core(surname));
        key.len() >= 4
            && !self.common_surnames.contains(&key)
            && !self.given.contains(&key)
            && !self.is_common_word(surname)
            && !self.is_place(surname)
    }

    /// The sex of most who bear the folded given name, when the list knows it.
    pub fn usual_sex(&self, given_key: &str) -> Option<Sex> {
        self.usual_sex.get(given_key).copied()
    }

    /// Both names usually belong to people of the same sex.
    pub fn same_usual_sex(&self, a: &str, b: &str) -> bool {
        matches!((self.usual_sex(a), self.usual_sex(b)), (Some(x), Some(y)) if x == y)
    }

    pub fn is_common_surname(&self, surname: &str) -> bool {
        self.common_surnames.contains(&fold(core(surname)))
    }

    pub fn is_figure_surname(&self, surname_key: &str) -> bool {
        self.figures_by_surname.contains_key(surname_key)
    }

    /// Whether "given surname" is a listed public figure.
    pub fn is_figure(&self, given_key: &str, surname_key: &str) -> bool {
        self.figures_named(surname_key)
            .any(|f| f.given == given_key)
    }
}

/// The longest word lowered or folded on the stack; longer ones are rare enough to allocate.
const STACK_WORD: usize = 32;

/// Calls `f` with `word` in lower case. The name check asks about every capitalised word of a
/// story, nearly all short ASCII words: those are lowered on the stack, without an allocation.
pub(super) fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buffer = [0u8; STACK_WORD];
    if word.is_ascii() && word.len() <= buffer.len() {
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(lower) {
            return f(lower);
        }
    }
    f(&word.to_lowercase())
}

/// Calls `f` with [`fold`]`(word)`. A word of ASCII letters folds to its lower case, which is
/// made on the stack; any other word is folded in full.
fn with_folded<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if word.bytes().all(|b| b.is_ascii_alphabetic()) {
        with_lowercase(word, f)
    } else {
        f(&fold(word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_folded_on_the_stack_match_the_full_fold() {
        for word in [
            "Keith",
            "KEITH",
            "José",
            "O'Neill",
            "al-Assad",
            "",
            "Ab1",
            &"x".repeat(40),
        ] {
            with_folded(word, |key| assert_eq!(key, fold(word), "{word}"));
            with_lowercase(word, |lower| {
                assert_eq!(lower, word.to_lowercase(), "{word}")
            });
        }
    }

    #[test]
    fn usual_sex_is_known_for_clear_names_only() {
        let lex = Lexicon::get();
        assert_eq!(lex.usual_sex("margaret"), Some(Sex::Female));
        assert_eq!(lex.usual_sex("gregory"), Some(Sex::Male));
        // Borne by many of both sexes.
        assert_eq!(lex.usual_sex("leslie"), None);
        assert!(lex.same_usual_sex("mary", "margaret"));
        assert!(!lex.same_usual_sex("mary", "michael"));
        assert!(!lex.same_usual_sex("mary", "zzyzx"));
    }

    #[test]
    fn lists_load() {
        let lex = Lexicon::get();
        assert!(lex.is_given_name("Keith"));
        assert!(lex.is_given_name("José"));
        assert!(!lex.is_given_name("Kellogg"));
        assert!(lex.are_nicknames("Tim", "Timothy"));
        assert!(lex.are_nicknames("Bill", "William"));
        assert!(!lex.are_nicknames("Keith", "Kevin"));
        assert!(lex.is_formal_name("Timothy"));
        assert!(!lex.is_formal_name("Tim"));
        assert!(lex.is_courtesy_title("Mr"));
        assert!(lex.is_office_title("Sen"));
        assert!(lex.is_org_word("Foundation"));
        assert!(lex.is_place("Georgia"));
        assert!(lex.is_common_word("When"));
        assert!(lex.is_figure("reince", "priebus"));
    }
}
