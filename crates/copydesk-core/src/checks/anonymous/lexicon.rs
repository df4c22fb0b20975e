//! The family's word lists, written for copydesk from the newsroom standards (A1–A10) and from
//! the source phrasings of the attribution corpus.

use crate::lexicon::word_set::WordList;

/// Nouns that name a person or group who can serve as an unnamed source, with their lemma.
/// Organisations ("the campaign"), artifacts ("the report") and generic commentators
/// ("experts", "critics": the vague-attribution family's business) are deliberately absent.
pub const SOURCE_HEADS: &[(&str, &str)] = &[
    ("official", "official"),
    ("officials", "official"),
    ("source", "source"),
    ("sources", "source"),
    ("aide", "aide"),
    ("aides", "aide"),
    ("adviser", "adviser"),
    ("advisers", "adviser"),
    ("advisor", "adviser"),
    ("advisors", "adviser"),
    ("ally", "ally"),
    ("allies", "ally"),
    ("associate", "associate"),
    ("associates", "associate"),
    ("person", "person"),
    ("people", "person"),
    ("insider", "insider"),
    ("insiders", "insider"),
    ("strategist", "strategist"),
    ("strategists", "strategist"),
    ("operative", "operative"),
    ("operatives", "operative"),
    ("donor", "donor"),
    ("donors", "donor"),
    ("attendee", "attendee"),
    ("attendees", "attendee"),
    ("participant", "participant"),
    ("participants", "participant"),
    ("diplomat", "diplomat"),
    ("diplomats", "diplomat"),
    ("staffer", "staffer"),
    ("staffers", "staffer"),
    ("employee", "employee"),
    ("employees", "employee"),
    ("investigator", "investigator"),
    ("investigators", "investigator"),
    ("prosecutor", "prosecutor"),
    ("prosecutors", "prosecutor"),
    ("lawmaker", "lawmaker"),
    ("lawmakers", "lawmaker"),
    ("legislator", "lawmaker"),
    ("legislators", "lawmaker"),
    ("senator", "senator"),
    ("senators", "senator"),
    ("member", "member"),
    ("members", "member"),
    ("friend", "friend"),
    ("friends", "friend"),
    ("confidant", "confidant"),
    ("confidants", "confidant"),
    ("confidante", "confidant"),
    ("loyalist", "loyalist"),
    ("loyalists", "loyalist"),
    ("teller", "employee"),
    ("tellers", "employee"),
    ("executive", "executive"),
    ("executives", "executive"),
    ("negotiator", "negotiator"),
    ("negotiators", "negotiator"),
    ("organizer", "organizer"),
    ("organizers", "organizer"),
    ("organiser", "organizer"),
    ("organisers", "organizer"),
    ("veteran", "veteran"),
    ("veterans", "veteran"),
    ("consultant", "consultant"),
    ("consultants", "consultant"),
    ("lobbyist", "lobbyist"),
    ("lobbyists", "lobbyist"),
    ("fundraiser", "fundraiser"),
    ("fundraisers", "fundraiser"),
    ("bundler", "bundler"),
    ("bundlers", "bundler"),
    ("surrogate", "surrogate"),
    ("surrogates", "surrogate"),
    ("officer", "officer"),
    ("officers", "officer"),
];

/// Party members as a source need a count ("one Democrat familiar with…"): bare "Republicans
/// say" is a vague attribution, not a source.
pub const COUNTED_HEADS: &[(&str, &str)] = &[
    ("democrat", "democrat"),
    ("democrats", "democrat"),
    ("republican", "republican"),
    ("republicans", "republican"),
    ("delegate", "delegate"),
    ("delegates", "delegate"),
    // One counted observer is a source ("an election observer said"); "observer
    // reports" is a kind of report, and "observers said" a commentator group, the vague
    // family's.
    ("observer", "observer"),
    // Westminster's unnamed voices: "one senior MP", "two cabinet ministers", "one Tory".
    ("mp", "mp"),
    ("mps", "mp"),
    ("minister", "minister"),
    ("ministers", "minister"),
    ("backbencher", "backbencher"),
    ("backbenchers", "backbencher"),
    ("peer", "peer"),
    ("peers", "peer"),
    ("whip", "whip"),
    ("whips", "whip"),
    ("tory", "tory"),
    ("tories", "tory"),
];

/// The Westminster heads among [`COUNTED_HEADS`].
pub const WESTMINSTER_HEADS: &[&str] = &["mp", "minister", "backbencher", "peer", "whip", "tory"];

/// Heads that are a source only with a basis of knowledge: "someone close to the mayor",
/// "an individual familiar with the case".
pub const BASIS_ONLY_HEADS: &[(&str, &str)] = &[
    ("someone", "person"),
    ("somebody", "person"),
    ("individual", "person"),
    ("individuals", "person"),
];

/// Heads that name people who act in public, so a source needs a count or quantifier.
pub const QUANTIFIED_HEADS: &[&str] = &["lawmaker", "senator", "member"];

/// Nouns that make "source" a thing, not a person: "image source", "energy sources",
/// "a news source". Such a compound is a credit or a topic, never an unnamed informant.
pub const THING_SOURCE_MODIFIERS: &[&str] = &[
    "image", "photo", "picture", "video", "graphic", "chart", "data", "energy", "power", "fuel",
    "heat", "light", "water", "food", "protein", "revenue", "income", "funding", "tax", "news",
    "media", "open", "code", "file", "text", "web", "internet", "content",
];

/// Heads that can be used bare ("sources said", "officials said", "a person said").
pub const BARE_HEADS: &[&str] = &["source", "official", "person", "insider"];

/// Modifiers that rank a source without saying whom it works for.
pub const SENIORITY: &[&str] = &[
    "senior",
    "top",
    "former",
    "current",
    "past",
    "retired",
    "high-ranking",
    "high-level",
    "mid-level",
    "junior",
    "ranking",
    "longtime",
    "veteran",
    "separate",
    "other",
    "second",
    "third",
    "new",
    "close",
    "key",
    "leading",
    "some",
    "several",
    "many",
    "multiple",
    "more",
    "few",
];

/// Words that start a basis-of-knowledge post-modifier: "familiar with", "briefed on".
pub const BASIS_STARTERS: &[&str] = &[
    "familiar",
    "knowledgeable",
    "close",
    "briefed",
    "involved",
    "informed",
    "acquainted",
    "present",
    "privy",
];

/// Verbs of a relative clause that gives access: "a person who attended".
pub const BASIS_RELATIVE_VERBS: &[&str] = &[
    "attended",
    "attend",
    "was",
    "were",
    "saw",
    "has",
    "have",
    "had",
    "participated",
    "took",
    "witnessed",
    "reviewed",
    "read",
    "heard",
    "sat",
    "works",
    "worked",
    "helped",
    "knows",
    "knew",
    "advised",
    "advises",
    "met",
];

/// What may follow "who was/has/took/sat" in an access clause: "who was in the room", "who
/// has seen the memo", "who took part", "who sat in".
pub const BASIS_AFTER_AUXILIARY: &[&str] = &[
    "in",
    "at",
    "present",
    "on",
    "inside",
    "there",
    "among",
    "part",
    "involved",
    "briefed",
    "privy",
    "seen",
    "read",
    "reviewed",
    "attended",
    "witnessed",
    "heard",
    "spoken",
    "worked",
    "direct",
    "firsthand",
    "knowledge",
    "been",
    "access",
];

/// Nouns after "with (direct) … of" that give access: "with knowledge of".
pub const KNOWLEDGE_NOUNS: &[&str] = &["knowledge", "access", "understanding"];

/// Prepositional post-modifiers whose object gives access: "a source on the call".
pub const BASIS_PLACES: &[&str] = &["call", "room", "meeting", "meetings", "briefing", "calls"];

/// Markers that the story granted anonymity (lower-case; matched on word boundaries).
pub const ANONYMITY_MARKERS: &[&str] = &[
    "condition of anonymity",
    "conditions of anonymity",
    "condition that they not be",
    "condition that he not be",
    "condition that she not be",
    "condition they not be",
    "condition he not be",
    "condition she not be",
    "requested anonymity",
    "request anonymity",
    "requesting anonymity",
    "requested not to be",
    "asked not to be",
    "asking not to be",
    "asked that they not be",
    "asked that he not be",
    "asked that she not be",
    "asked that their names",
    "asked that his name",
    "asked that her name",
    "declined to be named",
    "declined to be identified",
    "declining to be named",
    "declining to be identified",
    "spoke anonymously",
    "speaking anonymously",
    "speak anonymously",
    "granted anonymity",
    "insisted on anonymity",
    "on background",
    "without being named",
    "without being identified",
    "would not be named",
    "would not be identified",
    "not authorized to",
    "not authorised to",
    "unauthorized to",
    "did not want to be named",
    "did not want to be identified",
    "didn't want to be named",
    "didn't want to be identified",
    "withheld",
];

/// Reasons a desk hears every day and that tell the reader nothing (NYT 2010 memo).
pub const BOILERPLATE: &[&str] = &[
    "not authorized to",
    "not authorised to",
    "unauthorized to",
    "sensitivity of",
    "sensitive nature",
    "matter is sensitive",
    "issue is sensitive",
    "are private",
    "were private",
    "private deliberations",
    "internal deliberations",
    "not been made public",
    "not yet been made public",
    "not been announced",
    "not yet been announced",
    "not yet public",
    "not public",
    "department policy",
    "ground rules",
    "speak freely",
    "speak candidly",
    "discuss the matter publicly",
    "discuss the matter",
    "discuss private",
    "discuss internal",
];

/// Words that introduce a why after an anonymity marker.
pub const EXPLANATION_CONNECTORS: &[&str] = &[
    "because", "to", "for", "out", "as", "since", "citing", "given", "so",
];

/// Opinion and attack words: an unnamed source using them about a named person breaks A4.
pub static PEJORATIVES: WordList = WordList::new(&[
    "liar",
    "incompetent",
    "incompetence",
    "disastrous",
    "idiot",
    "idiotic",
    "stupid",
    "clueless",
    "dishonest",
    "disgrace",
    "disgraceful",
    "arrogant",
    "lazy",
    "unfit",
    "pathetic",
    "deceptive",
    "unhinged",
    "erratic",
    "vindictive",
    "corrupt",
    "hypocrite",
    "hypocritical",
    "cowardly",
    "coward",
    "paranoid",
    "delusional",
    "inept",
    "ineptitude",
    "reckless",
    "self-serving",
    "mean-spirited",
    "backstabbing",
    "arrogance",
    "amateur",
    "amateurish",
    "embarrassment",
    "shameful",
    "unqualified",
    "crook",
    "bully",
    "useless",
    "hopeless",
    "spineless",
    "untrustworthy",
    "deranged",
    "unstable",
    "crazy",
    "insane",
    "mad",
    "nuts",
    "puppet",
    "liability",
    "laughingstock",
    "fool",
    "foolish",
    "weak",
    "feckless",
    "dim",
    "dimwit",
    "moron",
    "buffoon",
    "clown",
    "nasty",
    "vain",
    "lying",
    "lied",
    "dishonesty",
    "treacherous",
    "traitor",
    "psychopath",
    "narcissist",
    "narcissistic",
]);

/// Judgements of a person in more than one word, lower-cased, word by word ("*" stands for
/// any one word): competence ("not up to the job"), sanity ("lost the plot"), trust.
pub const JUDGEMENT_PHRASES: &[&str] = &[
    "not up to the job",
    "not up to it",
    "not up to the task",
    "out of his depth",
    "out of her depth",
    "out of their depth",
    "lost the plot",
    "lost his mind",
    "lost her mind",
    "lost the room",
    "cannot be trusted",
    "can't be trusted",
    "can’t be trusted",
    "not fit to",
    "not fit for",
    "unfit to",
    "in over his head",
    "in over her head",
    "has no idea",
    "has no clue",
    "does not know what he",
    "does not know what she",
    "doesn't know what he",
    "doesn't know what she",
    "doesn’t know what he",
    "doesn’t know what she",
    "a joke",
    "a fraud",
    "a disaster",
    "a laughing stock",
    "out of touch",
    "past his prime",
    "past her prime",
];

/// Nouns for what a person is or does, so "Park's judgment is poor" judges Park, where
/// "Park's plan is a disaster" judges a plan.
pub static PERSONAL_QUALITIES: WordList = WordList::new(&[
    "judgment",
    "judgement",
    "competence",
    "leadership",
    "temper",
    "behaviour",
    "behavior",
    "character",
    "honesty",
    "integrity",
    "mind",
    "grip",
    "conduct",
    "management",
    "instincts",
]);

/// Capitalised words in a statement that are not people: the week, institutions, the
/// speaker's own "I".
pub static NOT_NAME_CAPITALS: WordList = WordList::new(&[
    "i",
    "god",
    "parliament",
    "congress",
    "senate",
    "government",
    "white",
    "house",
    "downing",
    "street",
    "no",
    "labour",
    "tory",
    "tories",
    "conservatives",
    "democrats",
    "republicans",
]);

/// Reporting verbs that are themselves an attack.
pub static ATTACK_VERBS: WordList = WordList::new(&[
    "blasted",
    "slammed",
    "derided",
    "mocked",
    "ridiculed",
    "attacked",
    "lambasted",
    "accused",
    "disparaged",
    "belittled",
    "savaged",
    "excoriated",
    "trashed",
    "berated",
    "scolded",
    "denounced",
    "bashed",
]);

pub fn head_lemma(lower: &str) -> Option<&'static str> {
    SOURCE_HEADS
        .iter()
        .find(|(form, _)| *form == lower)
        .map(|(_, lemma)| *lemma)
}

pub fn basis_only_head_lemma(lower: &str) -> Option<&'static str> {
    BASIS_ONLY_HEADS
        .iter()
        .find(|(form, _)| *form == lower)
        .map(|(_, lemma)| *lemma)
}

pub fn counted_head_lemma(lower: &str) -> Option<&'static str> {
    COUNTED_HEADS
        .iter()
        .find(|(form, _)| *form == lower)
        .map(|(_, lemma)| *lemma)
}

/// Whether the head word is plural (by its form).
pub fn is_plural_form(lower: &str) -> bool {
    lower == "people" || (lower.ends_with('s') && !lower.ends_with("ss"))
}

/// Whether a word before "of" gives a share of a group, the way a survey reports its
/// respondents: "three-quarters of aides", "half of the staff", "60 per cent of voters", "a
/// majority of members". A share is a finding about a group, not a person who spoke.
pub fn is_share_word(lower: &str) -> bool {
    matches!(
        lower,
        "half"
            | "percent"
            | "cent"
            | "%"
            | "majority"
            | "minority"
            | "proportion"
            | "quarter"
            | "third"
            | "fifth"
    ) || ["-thirds", "-quarters", "-fifths", "-tenths"]
        .iter()
        .any(|ending| lower.ends_with(ending))
        // "68%", written as one word.
        || lower
            .strip_suffix('%')
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == '.'))
}

/// Fewest people a count must name to be a tally of answers ("1,409 teachers said they
/// backed him"), not a group of sources ("two officials said").
const TALLY_COUNT: u64 = 100;

/// Whether `lower` is a count of at least [`TALLY_COUNT`] written in figures; not a year
/// ("a 2008 Clinton veteran").
fn is_tally(lower: &str) -> bool {
    let digits: String = lower.chars().filter(|&c| c != ',').collect();
    let year = lower.len() == 4 && (lower.starts_with("1") || lower.starts_with("20"));
    !digits.is_empty()
        && !year
        && digits.chars().all(|c| c.is_ascii_digit())
        && digits.parse::<u64>().map_or(true, |n| n >= TALLY_COUNT)
}

/// What a survey is called before the people it asked: "a survey of 200 members".
pub const SURVEY_NOUNS: &[&str] = &["survey", "poll", "census", "questionnaire", "sample"];

/// Whether the phrase from word `start` with head word `head` is a survey's respondents: a
/// share of a group ("three-quarters of aides", "half of MPs' staff"), a tally ("1,409
/// teachers") or what a survey was "of" ("a survey of 200 members"). `word` gives the lower-cased word at an index ("" out of
/// range), so the detector's sentence words and the story's tokens both can ask.
pub fn is_respondents<'w>(word: impl Fn(usize) -> &'w str, start: usize, head: usize) -> bool {
    let share_of = |of: usize| of > 0 && word(of) == "of" && is_share_word(word(of - 1));
    if (start + 1..head).any(share_of) || (start..head).any(|k| is_tally(word(k))) {
        return true;
    }
    // "nine in 10 people say", "one in five voters": a poll's share, wherever the phrase
    // was cut.
    let count = crate::attribution::phrase::is_count;
    let one_in = |k: usize| k > 0 && word(k) == "in" && count(word(k - 1)) && count(word(k + 1));
    if (start + 1..head).any(one_in) || start >= 1 && one_in(start - 1) {
        return true;
    }
    // The phrase may begin after the owner of what the share is of: "three-quarters of MPs'
    // aides".
    // "MPs'" may reach here as "mps" and a lone apostrophe.
    let apostrophe = |w: &str| matches!(w, "'" | "’");
    let possessive =
        |w: &str| ["'s", "’s", "s'", "s’"].iter().any(|e| w.ends_with(e)) || apostrophe(w);
    let mut k = start;
    while k > 0 && start - k < 4 && possessive(word(k - 1)) {
        k -= 1;
        if apostrophe(word(k)) && k > 0 {
            k -= 1;
        }
    }
    if k >= 1 && share_of(k - 1) {
        return true;
    }
    // "a survey of (nearly) 200 members": a few words of count between.
    (1..=SURVEY_COUNT_WORDS + 1).any(|back| {
        k > back && word(k - back) == "of" && SURVEY_NOUNS.contains(&word(k - back - 1))
    })
}

/// Most words of a count between "a survey of" and the people asked: "more than 200".
const SURVEY_COUNT_WORDS: usize = 2;

/// Longest bare title read as the first of a name's two appositives: "chairman and chief
/// executive", "founder and managing director".
pub const MAX_BARE_TITLE_WORDS: usize = 3;

/// Speech verbs that attach a description to the name beside it: "said Wang Li, an official
/// at …", "Ana Ruiz, its minister for trade added".
pub fn is_speech_verb_beside_name(lower: &str) -> bool {
    matches!(lower, "said" | "says" | "told" | "added" | "adds" | "wrote")
}

/// Heads the layer may add beyond the detector's own source nouns: people whose office
/// or party says who they are without saying which one (besides the Westminster members,
/// [`WESTMINSTER_HEADS`]).
pub const EXTRA_HEADS: &[(&str, &str)] = &[
    ("conservative", "conservative"),
    ("republican", "republican"),
    ("democrat", "democrat"),
    ("one", "source"),
    ("another", "source"),
];

/// Heads of ordinary people a story quotes unnamed: witnesses, residents, victims, vox pops.
/// Professions and offices are absent: "a doctor at the hospital said" may speak from inside.
pub const BYSTANDER_HEADS: &[(&str, &str)] = &[
    ("resident", "resident"),
    ("residents", "resident"),
    ("witness", "witness"),
    ("witnesses", "witness"),
    ("eyewitness", "witness"),
    ("eyewitnesses", "witness"),
    ("neighbour", "neighbour"),
    ("neighbours", "neighbour"),
    ("neighbor", "neighbour"),
    ("neighbors", "neighbour"),
    ("villager", "villager"),
    ("villagers", "villager"),
    ("local", "local"),
    ("locals", "local"),
    ("bystander", "bystander"),
    ("bystanders", "bystander"),
    ("onlooker", "bystander"),
    ("onlookers", "bystander"),
    ("victim", "victim"),
    ("victims", "victim"),
    ("survivor", "survivor"),
    ("survivors", "survivor"),
    ("passenger", "passenger"),
    ("passengers", "passenger"),
    ("commuter", "commuter"),
    ("commuters", "commuter"),
    ("shopper", "shopper"),
    ("shoppers", "shopper"),
    ("customer", "customer"),
    ("customers", "customer"),
    ("voter", "voter"),
    ("voters", "voter"),
    ("protester", "protester"),
    ("protesters", "protester"),
    ("protestor", "protester"),
    ("protestors", "protester"),
    ("demonstrator", "protester"),
    ("demonstrators", "protester"),
    ("farmer", "farmer"),
    ("farmers", "farmer"),
    ("worker", "worker"),
    ("workers", "worker"),
    ("parent", "parent"),
    ("parents", "parent"),
    ("student", "student"),
    ("students", "student"),
    ("fan", "fan"),
    ("fans", "fan"),
    // Readers answering online: "one commenter wrote", "viewers said".
    ("commenter", "commenter"),
    ("commenters", "commenter"),
    ("viewer", "viewer"),
    ("viewers", "viewer"),
    ("man", "man"),
    ("woman", "woman"),
];

/// Heads of the market's chorus: the attribution layer's `MARKET_VOICES`, with their lemmas.
pub const MARKET_HEADS: &[(&str, &str)] = &[
    ("analyst", "analyst"),
    ("analysts", "analyst"),
    ("economist", "economist"),
    ("economists", "economist"),
    ("trader", "trader"),
    ("traders", "trader"),
    ("dealer", "dealer"),
    ("dealers", "dealer"),
    ("broker", "broker"),
    ("brokers", "broker"),
    ("banker", "banker"),
    ("bankers", "banker"),
];

/// Every lemma the head lists above give, once each, in list order.
pub fn head_lemmas() -> impl Iterator<Item = &'static str> {
    let paired = [
        SOURCE_HEADS,
        COUNTED_HEADS,
        BASIS_ONLY_HEADS,
        EXTRA_HEADS,
        BYSTANDER_HEADS,
        MARKET_HEADS,
    ];
    let bare = [WESTMINSTER_HEADS, QUANTIFIED_HEADS, BARE_HEADS];
    let all: Vec<&'static str> = paired
        .into_iter()
        .flat_map(|list| list.iter().map(|&(_, lemma)| lemma))
        .chain(bare.into_iter().flat_map(|list| list.iter().copied()))
        .collect();
    let mut seen = std::collections::HashSet::new();
    all.into_iter().filter(move |lemma| seen.insert(*lemma))
}
