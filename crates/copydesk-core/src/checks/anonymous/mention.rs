//! One reference to an unnamed source, as the detector found it: built from a [`NewMention`]
//! and kept in 24 bytes, because a story can hold a source every few words and the family
//! holds every mention at once while it groups them.

use super::lexicon;
use crate::span::{narrow, NarrowSpan, Span};
use foldhash::HashMap;
use std::borrow::Cow;
use std::sync::LazyLock;

/// What a new mention is made from. The flags default to false: a mention found only from its
/// phrase (not its frame) knows nothing more about itself.
#[derive(Debug, Clone, Default)]
pub struct NewMention {
    pub span: Span,
    pub sentence: usize,
    /// Lemma of the head noun ("official" for "officials").
    pub head: Cow<'static, str>,
    pub plural: bool,
    /// Says how many ("two officials", "a source").
    pub counted: bool,
    /// Says whom the source works for or is close to ("U.S.", "Cruz’s", "campaign").
    pub affiliated: bool,
    /// The basis-of-knowledge post-modifier ("familiar with the talks").
    pub basis: Option<Span>,
    /// "the official", "these people": refers back to an earlier mention.
    pub definite: bool,
    /// "two of the sources", "one of the attendees".
    pub partitive: bool,
    /// Has a post-modifier: "the officials at the agency".
    pub postmodified: bool,
    /// Numbered among other sources: "the second official".
    pub ordinal: bool,
    /// The cue is itself an attack ("blasted").
    pub attack_cue: bool,
    /// Read only as a further mention of a source already introduced: "The aide declined to
    /// say" says nothing itself, so without an earlier mention it is nobody's source.
    pub needs_antecedent: bool,
    /// A bare "one" or "another" standing for a member of a source already described.
    pub stand_in: Option<StandIn>,
}

/// The bare words a story uses for one more member of a source it has described: "Two
/// officials said … One said …", "a senior aide said … Another added …".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StandIn {
    /// "one said": one of a group already introduced.
    One,
    /// "another added": one more of the same description, after a group or a single source.
    Another,
}

/// One reference to an unnamed source; see [`NewMention`] for what each part means.
#[derive(Debug, Clone)]
pub struct Mention {
    at: NarrowSpan,
    sentence: u32,
    /// An index into the table of the family's head lemmas, or [`HEAD_ELSEWHERE`].
    head: u16,
    flags: u16,
    /// What few mentions have: a basis of knowledge, a head outside the lemma table.
    rare: Option<Box<Rare>>,
}

#[derive(Debug, Clone, Default)]
struct Rare {
    basis: Option<Span>,
    head: Option<Box<str>>,
}

/// The head id of a mention whose head is kept in its [`Rare`] part.
const HEAD_ELSEWHERE: u16 = u16::MAX;

const PLURAL: u16 = 1;
const COUNTED: u16 = 1 << 1;
const AFFILIATED: u16 = 1 << 2;
const DEFINITE: u16 = 1 << 3;
const PARTITIVE: u16 = 1 << 4;
const POSTMODIFIED: u16 = 1 << 5;
const ORDINAL: u16 = 1 << 6;
const ATTACK_CUE: u16 = 1 << 7;
const NEEDS_ANTECEDENT: u16 = 1 << 8;
const STAND_IN_ONE: u16 = 1 << 9;
const STAND_IN_ANOTHER: u16 = 1 << 10;

/// The family's head lemmas, numbered: most mentions' heads come from its lists, so a two-byte
/// number names them. A head found elsewhere (a declared source's own noun) is kept whole.
struct HeadTable {
    lemmas: Vec<&'static str>,
    ids: HashMap<&'static str, u16>,
}

static HEADS: LazyLock<HeadTable> = LazyLock::new(|| {
    let lemmas: Vec<&'static str> = lexicon::head_lemmas()
        .take(usize::from(HEAD_ELSEWHERE))
        .collect();
    let ids = lemmas
        .iter()
        .enumerate()
        .map(|(id, &lemma)| (lemma, id as u16))
        .collect();
    HeadTable { lemmas, ids }
});

impl From<NewMention> for Mention {
    fn from(new: NewMention) -> Mention {
        let flag = |set: bool, bit: u16| if set { bit } else { 0 };
        let flags = flag(new.plural, PLURAL)
            | flag(new.counted, COUNTED)
            | flag(new.affiliated, AFFILIATED)
            | flag(new.definite, DEFINITE)
            | flag(new.partitive, PARTITIVE)
            | flag(new.postmodified, POSTMODIFIED)
            | flag(new.ordinal, ORDINAL)
            | flag(new.attack_cue, ATTACK_CUE)
            | flag(new.needs_antecedent, NEEDS_ANTECEDENT)
            | match new.stand_in {
                Some(StandIn::One) => STAND_IN_ONE,
                Some(StandIn::Another) => STAND_IN_ANOTHER,
                None => 0,
            };
        let known = HEADS.ids.get(new.head.as_ref()).copied();
        let elsewhere = match known {
            Some(_) => None,
            None => Some(Box::<str>::from(new.head.as_ref())),
        };
        let rare = (new.basis.is_some() || elsewhere.is_some()).then(|| {
            Box::new(Rare {
                basis: new.basis,
                head: elsewhere,
            })
        });
        Mention {
            at: NarrowSpan::new(new.span),
            sentence: narrow(new.sentence),
            head: known.unwrap_or(HEAD_ELSEWHERE),
            flags,
            rare,
        }
    }
}

impl Mention {
    pub fn span(&self) -> Span {
        self.at.get()
    }

    pub fn set_span(&mut self, span: Span) {
        self.at = NarrowSpan::new(span);
    }

    pub fn sentence(&self) -> usize {
        self.sentence as usize
    }

    /// Lemma of the head noun ("official" for "officials").
    pub fn head(&self) -> &str {
        match HEADS.lemmas.get(usize::from(self.head)) {
            Some(lemma) => lemma,
            None => self
                .rare
                .as_deref()
                .and_then(|rare| rare.head.as_deref())
                .unwrap_or(""),
        }
    }

    pub fn basis(&self) -> Option<Span> {
        self.rare.as_deref().and_then(|rare| rare.basis)
    }

    pub fn plural(&self) -> bool {
        self.flags & PLURAL != 0
    }

    pub fn counted(&self) -> bool {
        self.flags & COUNTED != 0
    }

    pub fn affiliated(&self) -> bool {
        self.flags & AFFILIATED != 0
    }

    pub fn set_affiliated(&mut self) {
        self.flags |= AFFILIATED;
    }

    pub fn definite(&self) -> bool {
        self.flags & DEFINITE != 0
    }

    pub fn partitive(&self) -> bool {
        self.flags & PARTITIVE != 0
    }

    pub fn postmodified(&self) -> bool {
        self.flags & POSTMODIFIED != 0
    }

    pub fn set_postmodified(&mut self) {
        self.flags |= POSTMODIFIED;
    }

    pub fn ordinal(&self) -> bool {
        self.flags & ORDINAL != 0
    }

    pub fn attack_cue(&self) -> bool {
        self.flags & ATTACK_CUE != 0
    }

    pub fn needs_antecedent(&self) -> bool {
        self.flags & NEEDS_ANTECEDENT != 0
    }

    pub fn stand_in(&self) -> Option<StandIn> {
        if self.flags & STAND_IN_ONE != 0 {
            Some(StandIn::One)
        } else if self.flags & STAND_IN_ANOTHER != 0 {
            Some(StandIn::Another)
        } else {
            None
        }
    }

    /// The same mention with its spans passed through `span` and its sentence through
    /// `sentence`: a paragraph's mentions kept for the next version of a document are
    /// stored relative to the paragraph.
    pub fn moved(mut self, span: impl Fn(Span) -> Span, sentence: impl Fn(usize) -> usize) -> Self {
        self.set_span(span(self.span()));
        self.sentence = narrow(sentence(self.sentence()));
        if let Some(basis) = self.rare.as_deref_mut().and_then(|r| r.basis.as_mut()) {
            *basis = span(*basis);
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mention_is_24_bytes() {
        assert_eq!(std::mem::size_of::<Mention>(), 24);
    }

    #[test]
    fn every_listed_lemma_has_a_number() {
        for lemma in lexicon::head_lemmas() {
            assert!(HEADS.ids.contains_key(lemma), "{lemma} has no number");
        }
    }

    #[test]
    fn a_mention_gives_back_what_it_was_made_from() {
        let cases = [
            NewMention {
                span: Span::new(3, 19),
                sentence: 7,
                head: Cow::Borrowed("official"),
                plural: true,
                basis: Some(Span::new(20, 40)),
                stand_in: Some(StandIn::Another),
                ..NewMention::default()
            },
            NewMention {
                span: Span::new(0, 5),
                head: Cow::Owned("attendee".to_string()),
                counted: true,
                affiliated: true,
                definite: true,
                partitive: true,
                postmodified: true,
                ordinal: true,
                attack_cue: true,
                needs_antecedent: true,
                stand_in: Some(StandIn::One),
                ..NewMention::default()
            },
        ];
        for new in cases {
            let m = Mention::from(new.clone());
            assert_eq!(m.span(), new.span);
            assert_eq!(m.sentence(), new.sentence);
            assert_eq!(m.head(), new.head.as_ref());
            assert_eq!(m.basis(), new.basis);
            assert_eq!(m.stand_in(), new.stand_in);
            let flags = [
                (m.plural(), new.plural),
                (m.counted(), new.counted),
                (m.affiliated(), new.affiliated),
                (m.definite(), new.definite),
                (m.partitive(), new.partitive),
                (m.postmodified(), new.postmodified),
                (m.ordinal(), new.ordinal),
                (m.attack_cue(), new.attack_cue),
                (m.needs_antecedent(), new.needs_antecedent),
            ];
            for (k, (got, want)) in flags.into_iter().enumerate() {
                assert_eq!(got, want, "flag {k}");
            }
        }
    }

    #[test]
    fn moving_a_mention_moves_its_basis() {
        let m = Mention::from(NewMention {
            span: Span::new(10, 20),
            sentence: 4,
            head: Cow::Borrowed("source"),
            basis: Some(Span::new(21, 30)),
            ..NewMention::default()
        });
        let moved = m.moved(|s| s.shifted(100), |s| s + 2);
        assert_eq!(moved.span(), Span::new(110, 120));
        assert_eq!(moved.basis(), Some(Span::new(121, 130)));
        assert_eq!(moved.sentence(), 6);
        assert_eq!(moved.head(), "source");
    }
}
