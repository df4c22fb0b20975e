//! The one list of attributing verbs, kept as data (`data/attributing_verbs.tsv`) and expanded
//! to every inflection once, so "say", "says", "said" and "saying" are one entry with one class.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

const DATA: &str = include_str!("data/attributing_verbs.tsv");

/// How an attributing verb colours what it reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VerbClass {
    /// Attributes without judging: "said", "told", "added".
    Neutral,
    /// Attributes and editorialises: "claimed", "insisted", "slammed".
    Loaded,
    /// A belief, wish or attitude: "believes", "fears", "opposes".
    Stance,
    /// Presents the content as the source's framing: "implied", "hinted".
    Frame,
    /// A public deed that shows a stance ("sought to", "touted", "discussed"): annotators of
    /// attribution count it as a cue, but it reports no claim, so the sourcing checks skip it.
    Action,
}

/// Which inflection a word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// "say": also the present plural ("officials say").
    Base,
    /// "says".
    ThirdPerson,
    /// "said" (past tense).
    Past,
    /// "said" as a participle ("is said to", "was criticised"); regular verbs share the form
    /// with [`Form::Past`], so a word may be both.
    Participle,
    /// "saying".
    Gerund,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerbForm {
    pub lemma: &'static str,
    pub class: VerbClass,
    pub form: Form,
    /// The past tense and the participle are the same word ("said", "reported").
    pub past_is_participle: bool,
    /// A vague group as the subject voices a view through this verb ("critics argue", "many
    /// fear"): the data file's `group` tag.
    pub voices_group_view: bool,
    /// The bare participle after a phrase makes the agent after "by" hold a view of that
    /// phrase ("a plan dismissed by the markets"): the data file's `passive` tag.
    pub attributes_reduced_passive: bool,
}

impl VerbForm {
    /// Can be a finite verb with a subject: "says", "said", "say".
    pub fn is_finite(self) -> bool {
        matches!(self.form, Form::Base | Form::ThirdPerson | Form::Past)
            || (self.form == Form::Participle && self.past_is_participle)
    }

    /// Can follow "is", "was", "been": "is said", "was criticised".
    pub fn is_participle(self) -> bool {
        self.form == Form::Participle || (self.form == Form::Past && self.past_is_participle)
    }
}

fn parse_class(s: &str) -> Option<VerbClass> {
    Some(match s {
        "neutral" => VerbClass::Neutral,
        "loaded" => VerbClass::Loaded,
        "stance" => VerbClass::Stance,
        "frame" => VerbClass::Frame,
        "action" => VerbClass::Action,
        _ => return None,
    })
}

fn ends_consonant_y(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 2 && b[b.len() - 1] == b'y' && !b"aeiou".contains(&b[b.len() - 2])
}

fn third_person(lemma: &str) -> String {
    if ends_consonant_y(lemma) {
        format!("{}ies", &lemma[..lemma.len() - 1])
    } else if ["s", "x", "z", "ch", "sh", "o"]
        .iter()
        .any(|e| lemma.ends_with(e))
    {
        format!("{lemma}es")
    } else {
        format!("{lemma}s")
    }
}

fn regular_past(lemma: &str) -> String {
    if lemma.ends_with('e') {
        format!("{lemma}d")
    } else if ends_consonant_y(lemma) {
        format!("{}ied", &lemma[..lemma.len() - 1])
    } else {
        format!("{lemma}ed")
    }
}

/// "noting", "admitting" (from the doubled past), "saying", "agreeing".
fn gerund(lemma: &str, past: &str) -> String {
    if lemma.ends_with('e') && !lemma.ends_with("ee") && lemma.len() > 2 {
        format!("{}ing", &lemma[..lemma.len() - 1])
    } else if let Some(stem) = past.strip_suffix("ed") {
        if stem.len() > lemma.len() && !past.ends_with("ied") {
            format!("{stem}ing")
        } else {
            format!("{lemma}ing")
        }
    } else {
        format!("{lemma}ing")
    }
}

/// Looked up for every word of every story, so hashed with FNV-1a instead of SipHash: the keys
/// are short words from the list itself, which no input can choose, so the flooding SipHash
/// guards against cannot happen, and SipHash's setup dominated the lookup of a short word.
type Table = HashMap<String, VerbForm, BuildHasherDefault<Fnv1a>>;

/// The 64-bit FNV-1a hash.
struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv1a {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = Table::default();
        for line in DATA.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&'static str> = line.split('\t').collect();
            let (Some(&lemma), Some(class)) =
                (cols.first(), cols.get(1).and_then(|c| parse_class(c)))
            else {
                continue;
            };
            let past = match cols.get(2) {
                Some(&p) if p != "-" => p.to_owned(),
                _ => regular_past(lemma),
            };
            let participle = match cols.get(3) {
                Some(&p) if p != "-" => p.to_owned(),
                _ => past.clone(),
            };
            let same = past == participle;
            let has_tag = |tag: &str| {
                cols.get(4)
                    .is_some_and(|tags| tags.split(',').any(|t| t == tag))
            };
            let voices_group_view = has_tag("group");
            let attributes_reduced_passive = has_tag("passive");
            let entry = |form| VerbForm {
                lemma,
                class,
                form,
                past_is_participle: same,
                voices_group_view,
                attributes_reduced_passive,
            };
            let mut put = |word: String, form| {
                table.entry(word).or_insert_with(|| entry(form));
            };
            put(lemma.to_owned(), Form::Base);
            put(third_person(lemma), Form::ThirdPerson);
            put(past.clone(), Form::Past);
            if !same {
                put(participle.clone(), Form::Participle);
            }
            put(gerund(lemma, &past), Form::Gerund);
        }
        table
    })
}

/// The attributing verb `lower` is a form of, if any (`lower` already lower-cased).
pub fn lookup(lower: &str) -> Option<VerbForm> {
    table().get(lower).copied()
}

/// Every inflected form in the list, for tests and documentation.
pub fn forms() -> impl Iterator<Item = (&'static str, VerbForm)> {
    table().iter().map(|(w, f)| (w.as_str(), *f))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_inflection_comes_from_one_row() {
        for (word, lemma, form) in [
            ("says", "say", Form::ThirdPerson),
            ("said", "say", Form::Past),
            ("saying", "say", Form::Gerund),
            ("admitting", "admit", Form::Gerund),
            ("noting", "note", Form::Gerund),
            ("worries", "worry", Form::ThirdPerson),
            ("worried", "worry", Form::Past),
            ("criticised", "criticise", Form::Past),
            ("written", "write", Form::Participle),
            ("understood", "understand", Form::Past),
            ("agreeing", "agree", Form::Gerund),
            ("stresses", "stress", Form::ThirdPerson),
        ] {
            let found = lookup(word).unwrap_or_else(|| panic!("{word} missing"));
            assert_eq!((found.lemma, found.form), (lemma, form), "{word}");
        }
        assert_eq!(lookup("claimed").map(|f| f.class), Some(VerbClass::Loaded));
        assert_eq!(lookup("fears").map(|f| f.class), Some(VerbClass::Stance));
        assert!(lookup("traveled").is_none());
        assert!(lookup("wrote").is_some_and(|f| f.is_finite() && !f.is_participle()));
        assert!(lookup("reported").is_some_and(|f| f.is_finite() && f.is_participle()));
        assert!(lookup("likens").is_some_and(|f| f.voices_group_view));
        assert!(lookup("labelled").is_some_and(|f| f.voices_group_view));
        assert!(lookup("declined").is_some_and(|f| !f.voices_group_view));
        assert!(lookup("dismissed").is_some_and(|f| f.attributes_reduced_passive));
        assert!(lookup("backed").is_some_and(|f| f.attributes_reduced_passive));
        assert!(lookup("said").is_some_and(|f| !f.attributes_reduced_passive));
    }

    #[test]
    fn the_data_file_parses_completely() {
        let rows = DATA
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty());
        for row in rows {
            let cols: Vec<&str> = row.split('\t').collect();
            assert_eq!(cols.len(), 5, "row {row:?}");
            assert!(parse_class(cols[1]).is_some(), "class in {row:?}");
            assert!(
                cols[4] == "-"
                    || cols[4]
                        .split(',')
                        .all(|tag| matches!(tag, "group" | "passive")),
                "tags in {row:?}"
            );
        }
    }
}
