//! On-record institutions that read like unnamed sources: "harbour officials said" about a
//! storm, "prosecutors said" in court, "Carnival Cruise Lines officials confirmed". In AP and
//! Reuters practice these are the institution speaking through its staff, on the record, like
//! "police said" or "the ministry said"; readers know whom to hold to account. Two cues must
//! meet: the employer is named (a body, not a country: "zoo officials", "officials at the
//! BPCA", bare "prosecutors" as the prosecution) and the source is a body, not individuals
//! (plural, not counted, not ranked: "two zoo officials" or "a senior zoo official" are people
//! the reader cannot identify); and the sentence carries no sign of inside information
//! (an anonymity clause, "privately", "familiar with", "told Reuters", deliberations).

use super::lexicon;
use super::mention::Mention;
use crate::text::Story;
use foldhash::{HashMap, HashMapExt};

/// Heads that speak for the body that employs them.
const STAFF_HEADS: &[&str] = &[
    "official",
    "prosecutor",
    "investigator",
    "officer",
    "organizer",
];

/// Heads that are themselves the office when used bare: "prosecutors said" is the prosecution.
const OFFICE_HEADS: &[&str] = &["prosecutor", "investigator"];

/// Lower-case nouns naming a public or corporate body as an employer. Deliberately absent:
/// "administration", "government", "party", "campaign", "bank" and place words, whose
/// officials are the classic unnamed source of political and financial copy.
const BODY_NOUNS: &[&str] = &[
    "police",
    "harbour",
    "harbor",
    "port",
    "zoo",
    "airport",
    "hospital",
    "school",
    "college",
    "court",
    "fire",
    "prison",
    "council",
    "company",
    "city",
    "county",
    "health",
    "department",
    "agency",
    "park",
    "museum",
    "university",
    "club",
    "league",
    "railway",
    "transit",
    "rescue",
    "coastguard",
    "election",
    "electoral",
    "customs",
    "immigration",
    "highway",
    "highways",
    "utility",
    "airline",
    "plant",
    "mine",
    "federation",
    "union",
    "exchange",
    "ministry",
    "corporation",
    "firm",
    "refinery",
];

/// Capitalised words that end the name of a body: "Metroparks Zoo", "Carnival Cruise Lines".
const BODY_NAME_ENDS: &[&str] = &[
    "department",
    "ministry",
    "agency",
    "office",
    "service",
    "police",
    "zoo",
    "council",
    "commission",
    "authority",
    "lines",
    "airlines",
    "corp",
    "corporation",
    "company",
    "co",
    "inc",
    "ltd",
    "plc",
    "court",
    "board",
    "institute",
    "university",
    "museum",
    "hospital",
    "federation",
    "association",
    "union",
    "pentagon",
    "interpol",
    "exchange",
    "bureau",
];

/// Bodies whose staff are the classic unnamed source of security and foreign-policy copy.
const SECRETIVE_BODIES: &[&str] = &[
    "pentagon",
    "cia",
    "fbi",
    "nsa",
    "mi5",
    "mi6",
    "gchq",
    "kremlin",
    "intelligence",
    "military",
    "defense",
    "defence",
    "security",
];

/// Words in a sentence that say the source speaks from the inside, not for the body.
const INSIDER_CUES: &[&str] = &[
    "privately",
    "confidential",
    "confidentially",
    "secret",
    "secretly",
    "internal",
    "familiar",
    "briefed",
    "knowledge",
    "anonymity",
    "anonymous",
    "unnamed",
    "identified",
    "authorized",
    "authorised",
    "deliberations",
    "considering",
    "weighing",
    "behind",
    "leaked",
    "frustrated",
    "frustration",
    "worried",
];

/// How an institution speaks on the record through a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnRecord {
    /// The office itself ("prosecutors said") or a statement issued in its name ("officials
    /// said in a statement"): the body is the source, as "the ministry said" would be.
    Office,
    /// Staff of a named body speaking for it ("USDA officials said", "zoo officials
    /// confirmed"): on the record by wire practice, yet no person is named, so a desk may want
    /// them treated as unnamed sources (`[anonymous] named_body_officials`).
    BodyStaff,
}

/// Whether `mention` is an institution speaking on the record rather than an unnamed source,
/// and how.
pub fn on_record(story: &Story, mention: &Mention) -> Option<OnRecord> {
    speaks_for_body(story, mention).map(|by_office| {
        if by_office {
            OnRecord::Office
        } else {
            OnRecord::BodyStaff
        }
    })
}

/// `Some(true)` when the office or its statement speaks, `Some(false)` for staff of a named
/// body, `None` for an unnamed source.
fn speaks_for_body(story: &Story, mention: &Mention) -> Option<bool> {
    if !mention.plural() && holds_sole_office(story, mention) {
        return Some(true);
    }
    // A count makes staff individuals ("two officials"); "an official" counts no one.
    if !STAFF_HEADS.contains(&mention.head())
        || mention.counted() && mention.plural()
        || mention.basis().is_some()
        || mention.partitive()
        || mention.definite() && !mention.postmodified()
    {
        return None;
    }
    let tokens: Vec<usize> = (story.token_at_or_after(mention.span().start)..story.tokens.len())
        .take_while(|&k| story.tokens[k].span().end <= mention.span().end)
        .collect();
    let head_at = tokens
        .iter()
        .position(|&k| lexicon::head_lemma(story.lower(k)) == Some(mention.head()))?;
    let modifiers: Vec<usize> = tokens[..head_at]
        .iter()
        .copied()
        .filter(|&k| story.tokens[k].is_word())
        .collect();
    // "officials at the ministry", not "an official who relayed the exchange": a relative
    // clause tells what the source did, not whom they work for.
    let after: Vec<usize> = tokens[head_at + 1..]
        .iter()
        .copied()
        .take_while(|&k| !matches!(story.lower(k), "who" | "whom" | "whose" | "which" | "that"))
        .collect();
    // Ranked or quantified staff are individuals: "senior officials", "some prosecutors".
    if modifiers.iter().any(|&k| {
        let w = story.lower(k);
        lexicon::SENIORITY.contains(&w)
            || matches!(
                w,
                "some" | "several" | "many" | "few" | "other" | "most" | "various" | "unnamed"
            )
    }) {
        return None;
    }
    // Intelligence, defence and security staff speak for their body almost only off the
    // record: "Pentagon officials say", "FBI officials" stay unnamed sources, like a
    // government's.
    if modifiers
        .iter()
        .chain(&after)
        .any(|&k| SECRETIVE_BODIES.contains(&story.lower(k)))
    {
        return None;
    }
    // "A USDA official said": one of the body's staff giving its line, as its officials
    // would; a lone "prosecutor" is no office speaking.
    let bare_office = mention.plural()
        && OFFICE_HEADS.contains(&mention.head())
        && modifiers.iter().all(|&k| {
            matches!(
                story.lower(k),
                "the" | "federal" | "state" | "city" | "county"
            )
        });
    let employer_named = bare_office
        || modifiers.iter().any(|&k| names_body(story, k))
        || after.iter().any(|&k| names_body(story, k));
    let by_statement = statement_follows(story, mention);
    let on_record = (employer_named || by_statement)
        && !insider_sentence(story, mention)
        && (bare_office || by_statement || !opinion_sentence(story, mention));
    on_record.then_some(bare_office || by_statement)
}

/// How many tokens after the source a "statement" may come and still be how it spoke.
const STATEMENT_REACH: usize = 8;

/// "prosecutors said in a statement", "officials said in a written statement": a statement
/// is issued by the office in its own name, so its staff speak on the record.
fn statement_follows(story: &Story, mention: &Mention) -> bool {
    let Some(sentence) = story.sentences.get(mention.sentence()) else {
        return false;
    };
    let from = story.token_at_or_after(mention.span().end);
    let until = sentence.tokens().end.min(from + STATEMENT_REACH);
    (from..until).any(|k| {
        matches!(story.lower(k), "statement" | "statements" | "release")
            && (k.saturating_sub(3)..k).any(|j| story.lower(j) == "in")
    })
}

/// Verbs of opinion: staff who "argue" or "believe" give their own view, not the body's
/// statement. The prosecution's "believe" is its case, so bare offices are not asked this.
const OPINION_VERBS: &[&str] = &[
    "argue",
    "argued",
    "argues",
    "believe",
    "believed",
    "believes",
    "think",
    "thinks",
    "thought",
    "fear",
    "feared",
    "fears",
    "worry",
    "worried",
    "worries",
    "suspect",
    "suspected",
    "suspects",
];

/// Whether the sentence holds a view rather than the body's line: a verb of opinion ("argue",
/// "believe") or a pejorative ("the plan is reckless").
fn opinion_sentence(story: &Story, mention: &Mention) -> bool {
    story.sentence_tokens(mention.sentence()).iter().any(|t| {
        let lower = story.text(t.span()).to_lowercase();
        OPINION_VERBS.contains(&lower.as_str()) || lexicon::PEJORATIVES.contains(&lower)
    })
}

/// Whether token `k` names a body: a body noun, an acronym ("FBI", "BPCA"), or the last word
/// of a capitalised body name.
fn names_body(story: &Story, k: usize) -> bool {
    let token = story.tokens[k];
    if !token.is_word() {
        return false;
    }
    let lower = story.lower(k);
    let text = story.text(token.span());
    let acronym = text.len() >= 2
        && text.chars().all(|c| c.is_ascii_uppercase())
        && !matches!(text, "US" | "UK" | "EU" | "UN");
    BODY_NOUNS.contains(&lower)
        || acronym
        || (token.is_capitalised() && BODY_NAME_ENDS.contains(&lower))
}

fn insider_sentence(story: &Story, mention: &Mention) -> bool {
    let Some(sentence) = story.sentences.get(mention.sentence()) else {
        return false;
    };
    let tokens = story.sentence_tokens(mention.sentence());
    let told_outlet = tokens.windows(2).any(|pair| {
        story.text(pair[0].span()).eq_ignore_ascii_case("told")
            && pair[1].is_capitalised()
            && !story.text(pair[1].span()).eq_ignore_ascii_case("I")
    });
    // "declined to be named", "asked not to be named"; not "was named president".
    let not_named = tokens.windows(2).any(|pair| {
        matches!(story.text(pair[0].span()), "be" | "being")
            && story.text(pair[1].span()) == "named"
    });
    told_outlet
        || not_named
        || tokens.iter().any(|t| {
            let lower = story.text(t.span()).to_lowercase();
            INSIDER_CUES.contains(&lower.as_str())
        })
        || story.text(sentence.span()).contains("on condition")
}

/// Lower-case nouns that, after "the", name the body a story is about ("the council voted",
/// "the ministry confirmed"): narrower than `BODY_NOUNS`, whose place words ("city", "port")
/// say little on their own.
const BODY_REFERENCES: &[&str] = &[
    "council",
    "ministry",
    "department",
    "agency",
    "authority",
    "company",
    "police",
    "court",
    "board",
    "commission",
    "regulator",
    "watchdog",
    "airline",
    "hospital",
    "university",
];

/// "The Harbour Board closed the terminal. Officials said repairs would take a week.": bare
/// staff right after a body is named are most likely its staff, so the story has said whom
/// they work for. They stay unnamed sources (the labelled copy and PolNeAR both count "The FBI
/// got a warrant … officials said" as one), but are not "bare". The body must be named earlier
/// in the same paragraph or in the sentence just before, not pages away.
///
/// Mentions of one sentence search from the same token, and the first body named after it
/// answers every mention that follows: each search start is read once, however many staff a
/// paragraph mentions ("officials said — officials said — …" was cubic).
pub struct BodiesNamedBefore<'s, 'a> {
    story: &'s Story<'a>,
    searches: HashMap<usize, Search>,
}

/// How far the search from one start has got.
#[derive(Clone, Copy)]
enum Search {
    Found(usize),
    ReadUpTo(usize),
}

impl<'s, 'a> BodiesNamedBefore<'s, 'a> {
    pub fn new(story: &'s Story<'a>) -> Self {
        BodiesNamedBefore {
            story,
            searches: HashMap::new(),
        }
    }

    pub fn named_before(&mut self, mention: &Mention) -> bool {
        if !STAFF_HEADS.contains(&mention.head()) {
            return false;
        }
        let story = self.story;
        let Some(sentence) = story.sentences.get(mention.sentence()) else {
            return false;
        };
        let paragraph_start = story
            .paragraphs
            .get(sentence.paragraph())
            .map_or(sentence.tokens().start, |p| p.tokens.start);
        let previous_sentence_start = mention
            .sentence()
            .checked_sub(1)
            .and_then(|s| story.sentences.get(s))
            .map_or(sentence.tokens().start, |s| s.tokens().start);
        let from = paragraph_start.min(previous_sentence_start);
        let until = story.token_at_or_after(mention.span().start);
        let search = self.searches.entry(from).or_insert(Search::ReadUpTo(from));
        match *search {
            Search::Found(k) => k < until,
            Search::ReadUpTo(read) if read >= until => false,
            Search::ReadUpTo(read) => {
                match (read..until).find(|&k| names_acting_body(story, from, k)) {
                    Some(k) => {
                        *search = Search::Found(k);
                        true
                    }
                    None => {
                        *search = Search::ReadUpTo(until);
                        false
                    }
                }
            }
        }
    }
}

/// Whether token `k` names a body that acts near the start of its clause, in a search that
/// starts at token `from`.
fn names_acting_body(story: &Story, from: usize, k: usize) -> bool {
    let all_caps = |k: usize| {
        story.tokens.get(k).is_some_and(|t| {
            let text = story.text(t.span());
            text.len() >= 2 && text.chars().all(|c| c.is_ascii_uppercase())
        })
    };
    let Some(&token) = story.tokens.get(k) else {
        return false;
    };
    if !token.is_word() {
        return false;
    }
    let lower = story.lower(k);
    let text = story.text(token.span());
    // A dateline in capitals ("CALDER SPRINGS, Idaho") is a place, not a body.
    let acronym = all_caps(k)
        && !all_caps(k + 1)
        && (k == 0 || !all_caps(k - 1))
        && !matches!(story.token_text(k + 1), "," | "(")
        && !matches!(text, "US" | "UK" | "EU" | "UN");
    let names_body = acronym
        // A capital that only opens a sentence names nothing; "the Harbour Board" does.
        || token.is_capitalised()
            && BODY_NAME_ENDS.contains(&lower)
            && story
                .sentence_at(token.span().start)
                .and_then(|s| story.sentences.get(s))
                .is_some_and(|s| s.tokens().start != k)
        || BODY_REFERENCES.contains(&lower)
            && k > from
            && matches!(story.lower(k - 1), "the" | "city" | "county" | "state" | "local");
    // Asked before where the clause opens: most words name no body, and finding the clause
    // looks up the sentence of each of the four words before.
    if !names_body || story.in_top_matter(token.span().start) {
        return false;
    }
    // The body must be what acts, near the start of its clause ("The Harbour Board shut
    // the terminal"), not a place the story visits ("mould was found at Calder Springs
    // Middle School, officials said"), whose officials may work for anyone.
    let opens_clause = |j: usize| {
        j == from
            || story
                .sentence_at(story.tokens[j].span().start)
                .and_then(|s| story.sentences.get(s))
                .is_some_and(|s| s.tokens().start == j)
            || matches!(story.token_text(j - 1), "," | ";")
    };
    (from..=k).rev().take(4).any(opens_clause)
}

/// "the city's most senior police officer warned": one person holds the office, as the
/// detector reads its own phrases ([`super::detect::is_sole_office_of`]); the layer's phrases
/// are read the same way here.
fn holds_sole_office(story: &Story, mention: &Mention) -> bool {
    let span = mention.span();
    let first = story.token_at_or_after(span.start);
    let last = (first..story.tokens.len())
        .take_while(|&k| story.tokens[k].span().end <= span.end)
        .last();
    let Some(head) = last.filter(|&k| lexicon::head_lemma(story.lower(k)) == Some(mention.head()))
    else {
        return false;
    };
    super::detect::is_sole_office_of(|k| story.lower(k), first, head, mention.head())
}
