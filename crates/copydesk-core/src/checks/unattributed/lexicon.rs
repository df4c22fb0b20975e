//! Word lists of the unattributed-claims family, written for copydesk from the newsroom
//! standards (Wikipedia MOS:WEASEL, NPR, AP, Reuters) and from the phrasings the attribution
//! corpus uses for agentless and group attributions. Lower case; matched against whole words.

use crate::lexicon::function_words as fw;
pub use crate::lexicon::word_set::{WordList, Words};
use foldhash::HashSet;
use std::sync::LazyLock;

/// Commentator groups that are vague on their own as the agent of a reporting verb:
/// "experts say", "analysts said". Plural heads only: a singular ("an analyst") is an unnamed
/// source, which is the anonymous-source family's business.
pub static COMMENTATOR_GROUPS: WordList = WordList::new(&[
    "academics",
    // Advocacy groups, like campaigners: "activists warn", "refugee advocates say".
    "activists",
    "advocates",
    "analysts",
    // Stance groups: "supporters of the scheme argue", "its backers insist".
    "backers",
    "campaigners",
    "commentators",
    "conservationists",
    "critics",
    "defenders",
    "detractors",
    "economists",
    "environmentalists",
    "ethicists",
    "experts",
    "forecasters",
    "historians",
    "insiders",
    "naysayers",
    "observers",
    "opponents",
    "proponents",
    "pundits",
    "researchers",
    "scholars",
    "scientists",
    "sceptics",
    "skeptics",
    "specialists",
    "strategists",
    "supporters",
    "technologists",
    "theorists",
    "watchers",
]);

/// Words for a piece of research whose authors "the researchers" then are.
pub static STUDY_NOUNS: WordList = WordList::new(&[
    "study",
    "studies",
    "research",
    "paper",
    "trial",
    "experiment",
    "experiments",
    "survey",
    "analysis",
]);

/// A single document a lede can lean on before the body names who wrote it: "a report says",
/// "according to a new survey".
pub static ONE_REPORT: WordList = WordList::new(&["report", "study", "survey", "review"]);

/// Determiners that make a group a back-reference to people already in the story: "the
/// researchers", "these experts".
pub static DEFINITE_DETERMINERS: WordList = WordList::new(&["the", "these", "those"]);

/// Who, named in the story, is a member of a commentator group: a named economist or
/// strategist answers "analysts say", a named professor "researchers found". Singular, lower
/// case. Only close kin count: a named analyst does not make "experts" or "commentators"
/// anyone in particular. Groups of opinion ("critics", "opponents", "insiders") are not listed:
/// one named critic does not make "critics say" anyone's words but the reporter's.
pub fn group_members(head: &str) -> &'static [&'static str] {
    match head {
        "analysts" | "strategists" => &["analyst", "economist", "strategist"],
        // "said Ann Lee, an economics professor at …" answers "economists said".
        "economists" => &["analyst", "economist", "strategist", "professor"],
        "researchers" | "scientists" => &[
            "researcher",
            "scientist",
            "professor",
            "academic",
            "epidemiologist",
            "author",
        ],
        "scholars" | "academics" | "historians" => {
            &["scholar", "academic", "historian", "professor"]
        }
        "experts" | "specialists" => &["expert", "specialist"],
        "forecasters" => &["forecaster", "economist"],
        "campaigners" | "environmentalists" | "conservationists" => &[
            "campaigner",
            "activist",
            "environmentalist",
            "conservationist",
        ],
        _ => &[],
    }
}

/// Collective bodies that, named by their cause alone, are a vague source: "conservation
/// groups", "rights organisations", "welfare charities".
pub static GROUP_BODIES: WordList = WordList::new(&[
    "groups",
    "organisations",
    "organizations",
    "charities",
    "bodies",
    "campaigners",
    "activists",
]);

/// Words that make a named organisation a group of the kind [`GROUP_BODIES`] speak of: "the
/// Harwick Chamber of Commerce", "Reef Watch", "the Ramblers' Association". Not words that
/// also name committees, campaigns, broadcasters or leagues ("International", "Campaign",
/// "Network"): a candidate's campaign is no advocacy group.
pub static ASSOCIATION_WORDS: WordList = WordList::new(&[
    "association",
    "chamber",
    "chambers",
    "federation",
    "confederation",
    "alliance",
    "coalition",
    "society",
    "foundation",
    "watch",
    "charity",
    "forum",
]);

/// Causes that name such a body without naming it: the modifier before [`GROUP_BODIES`].
pub static CAUSES: WordList = WordList::new(&[
    "animal",
    "cancer",
    "disability",
    "health",
    "homelessness",
    "housing",
    "illness",
    "patient",
    "patients",
    "poverty",
    "conservation",
    "environmental",
    "environment",
    "green",
    "rights",
    "campaign",
    "advocacy",
    "liberties",
    "welfare",
    "consumer",
    "lobby",
    "pressure",
    "wildlife",
    "climate",
    "animal",
    "privacy",
    "health",
    "patient",
    "patients",
    "anti-poverty",
    "poverty",
    "housing",
    "transport",
    "safety",
    "faith",
    "religious",
    "community",
    "residents",
    "parents",
    "victims",
    "heritage",
    "countryside",
    "farming",
    "business",
    "industry",
    "disability",
    "equality",
    "women's",
    "labour",
    "labor",
    "immigrant",
    "refugee",
    "peace",
    "anti-war",
]);

/// Groups that are ordinary subjects in news ("Republicans said", "voters chose") and become
/// vague only with a quantifier: "some Republicans", "many lawmakers", "other advocates".
pub static QUANTIFIED_GROUPS: WordList = WordList::new(&[
    "activists",
    "advocates",
    "allies",
    "americans",
    "attorneys",
    "backbenchers",
    "candidates",
    "citizens",
    "colleagues",
    "conservatives",
    "councillors",
    "democrats",
    "diplomats",
    "doctors",
    "donors",
    "employees",
    "executives",
    "investors",
    "lawmakers",
    "lawyers",
    "leaders",
    "legislators",
    "liberals",
    "members",
    "meps",
    "ministers",
    "mps",
    "parents",
    "peers",
    "people",
    "politicians",
    "progressives",
    "republicans",
    "residents",
    "rivals",
    "senators",
    "teachers",
    "tories",
    "traders",
    "users",
    "voters",
    "workers",
]);

/// Words that make a group indefinite. Multi-word ones ("a number of") are matched by
/// their last word and checked backwards.
pub static QUANTIFIERS: WordList = WordList::new(&[
    "some",
    "many",
    "most",
    "several",
    "various",
    "numerous",
    "certain",
    "countless",
    "other",
    "few",
]);

/// Closing words of multi-word quantifiers ("a number of", "a lot of", "a host of", "a
/// growing number of", "plenty of"), keyed by the word before "of".
pub static OF_QUANTIFIER_HEADS: WordList =
    WordList::new(&["number", "lot", "lots", "host", "plenty", "handful"]);

/// Indefinite pronouns that can stand as a vague source on their own: "some say", "others
/// argue", "many in the party believe".
pub static PRONOUN_QUANTIFIERS: WordList =
    WordList::new(&["some", "many", "others", "most", "few"]);

/// Verbs that make a vague group the one who concludes: "leaving some to question",
/// "led many to assume".
pub static CAUSATIVES: WordList = WordList::new(&[
    "leaving",
    "leave",
    "leaves",
    "left",
    "leading",
    "lead",
    "leads",
    "led",
    "caused",
    "causing",
    "causes",
    "prompting",
    "prompted",
    "prompts",
    "forcing",
    "forced",
]);

/// Verbs that stir, end or look into talk others began, so that the talk they take as object
/// has no owner in the sentence: "sparked speculation that", "investigated claims that",
/// "quashes speculation". Not "repeated" or "made", whose subject owns the claims.
pub static TALK_STIRRING_VERBS: WordList = WordList::new(&[
    "investigate",
    "investigates",
    "investigated",
    "investigating",
    "probe",
    "probes",
    "probed",
    "probing",
    "examine",
    "examines",
    "examined",
    "examining",
    "quash",
    "quashes",
    "quashed",
    "quashing",
    "end",
    "ends",
    "ended",
    "ending",
    "fuel",
    "fuels",
    "fuelled",
    "fueled",
    "fuelling",
    "fueling",
    "spark",
    "sparks",
    "sparked",
    "sparking",
    "prompt",
    "prompts",
    "prompted",
    "prompting",
    "trigger",
    "triggers",
    "triggered",
    "triggering",
    "stoke",
    "stokes",
    "stoked",
    "stoking",
    "ignite",
    "ignites",
    "ignited",
    "igniting",
    "dampen",
    "dampens",
    "dampened",
    "dampening",
    "scotch",
    "scotches",
    "scotched",
    "scotching",
]);

/// Nouns of a shared view that take their holders with "among": "concern among experts".
pub static VIEW_NOUNS: WordList = WordList::new(&[
    "sense",
    "consensus",
    "belief",
    "view",
    "feeling",
    "perception",
    "agreement",
    "speculation",
    "fear",
    "fears",
    "worry",
    "worries",
    "concern",
    "concerns",
    "skepticism",
    "scepticism",
    "doubts",
    "rethinking",
    "debate",
    "unease",
    "frustration",
    "optimism",
    "pessimism",
]);

/// Adjectives a vague group is said to feel: "many observers were surprised", "others are
/// wary".
pub static STANCE_ADJECTIVES: WordList = WordList::new(&[
    "wary",
    "skeptical",
    "sceptical",
    "concerned",
    "worried",
    "convinced",
    "unconvinced",
    "doubtful",
    "surprised",
    "confident",
    "optimistic",
    "pessimistic",
    "divided",
    "unsure",
    "critical",
    "hopeful",
    "fearful",
    "alarmed",
    "dismissive",
    "suspicious",
    "puzzled",
    "uneasy",
    "nervous",
    "outraged",
    "troubled",
    "bullish",
    "bearish",
    "unimpressed",
    "impressed",
    "adamant",
    // "opponents were clear that", "critics are insistent".
    "clear",
    "insistent",
    "emphatic",
    "unanimous",
]);

/// Words after which a verb form is a noun: "in favour of", "the claim", "of concern".
pub static NOUN_AFTER: WordList =
    WordList::new(&["in", "of", "the", "a", "an", "with", "on", "at", "for"]);

/// Passives that report a view with its holder left out, so a group as their subject stays
/// vague: "party strategists are believed to want".
pub static HEARSAY_PASSIVES: WordList =
    WordList::new(&["say", "think", "believe", "understand", "report", "rumour"]);

/// Words that may stand between a group and its verb: auxiliaries, modals, adverbs.
pub static VERB_GAP: WordList = WordList::new(&[
    "have",
    "has",
    "had",
    "will",
    "would",
    "could",
    "might",
    "may",
    "can",
    "also",
    "long",
    "still",
    "now",
    "often",
    "privately",
    "publicly",
    "generally",
    "largely",
    "widely",
    "even",
    "already",
    "too",
    "repeatedly",
    "increasingly",
    "frequently",
    "quickly",
    "immediately",
    "been",
    "were",
    "are",
    "was",
    "is",
    "who",
    "that",
    "to",
    "do",
    "did",
    "tend",
    "all",
    "both",
    "seem",
    "seemed",
    "appear",
    "appeared",
    "openly",
    "broadly",
    "mostly",
    "reportedly",
    "say",
]);

/// Words besides the shared closed classes that end a group's modifiers; see [`NP_BREAKERS`].
const OTHER_NP_BREAKERS: &[&str] = &[
    "of",
    "than",
    "so",
    // "Yet activists in the city want": a conjunction, never a modifier.
    "yet",
    "where",
    "said",
    "says",
    "say",
    "not",
    "also",
    "even",
    "like",
    "amid",
    "despite",
    "then",
    "there",
    "all",
    "both",
    "each",
    "every",
    "no",
    "any",
    "told",
    "leads",
    "led",
    "frustrates",
    "according",
];

/// Words after a vague group that name its members, which makes the attribution specific
/// enough: "critics, including Sen. Mary Roe, say".
pub static NAMING_LINKS: WordList =
    WordList::new(&["including", "such", "like", "among", "led", "notably"]);

/// Words of a legal process: "allegedly" next to a charge, arrest or lawsuit points at the
/// accuser the sentence already names (MOS:ALLEGED).
pub static LEGAL_CONTEXT: WordList = WordList::new(&[
    "charged",
    "charges",
    "arrested",
    "indicted",
    "indictment",
    "accused",
    "convicted",
    "sued",
    "lawsuit",
    "suit",
    "complaint",
    "prosecutors",
    "prosecuted",
    "police",
    "trial",
    "court",
    "jury",
    "plaintiffs",
    "plaintiff",
    "booked",
    "arraigned",
    "investigators",
    "sentenced",
    "magistrates",
    "defendant",
    "defendants",
    "prosecution",
    "detectives",
    "custody",
    "bail",
    "verdict",
    "guilty",
]);

/// Nouns of voiced opinion that take their source with "from": "warnings from experts".
pub static VOICE_NOUNS: WordList = WordList::new(&[
    "warnings",
    "warning",
    "criticism",
    "praise",
    "concerns",
    "concern",
    "predictions",
    "estimates",
    "advice",
    "complaints",
    "skepticism",
    "scepticism",
    "pushback",
    "objections",
    "calls",
    "questions",
    "doubts",
    "accusations",
    "allegations",
    "claims",
    "support",
    "opposition",
    "condemnation",
    "backlash",
]);

/// Organisation prepositions: "analysts at Acme Bank" attributes to a named organisation.
pub static ORG_PREPOSITIONS: WordList = WordList::new(&["at", "from", "with"]);

/// Adverbs of hearsay: the claim is someone's, but the sentence does not say whose.
pub static HEARSAY_ADVERBS: WordList = WordList::new(&[
    "reportedly",
    "purportedly",
    "supposedly",
    "reputedly",
    "allegedly",
]);

/// Documents, posts and laws a quotation can come from: "in a tweet, …", "the indictment
/// reads", "under state law, …".
pub static ARTIFACT_NOUNS: WordList = WordList::new(&[
    "statement",
    "tweet",
    "tweets",
    "letter",
    "email",
    "e-mail",
    "post",
    "memo",
    "message",
    "note",
    "release",
    "report",
    "filing",
    "complaint",
    "indictment",
    "lawsuit",
    "ruling",
    "order",
    "decision",
    "law",
    "statute",
    "constitution",
    "bill",
    "ad",
    "advertisement",
    "video",
    "speech",
    "book",
    "interview",
    "transcript",
    "document",
    "documents",
    "website",
    "guidelines",
    "headline",
    "editorial",
    "article",
    "column",
    "affidavit",
    "testimony",
    "memoir",
    "sign",
    "banner",
    "placard",
    "petition",
    "manifesto",
    "platform",
    "textbook",
]);

/// Nouns naming a source document or dataset: a figure near one is sourced.
pub static SOURCE_NOUNS: WordList = WordList::new(&[
    "poll",
    "polls",
    "survey",
    "surveys",
    "data",
    "report",
    "study",
    "census",
    "statistics",
    "figures",
    "filing",
    "filings",
    "records",
    "return",
    "returns",
    "ledgers",
    "ledger",
    "analysis",
    "estimates",
    "projections",
    "budget",
    "audit",
    "index",
    "tally",
    "database",
    "documents",
    "statement",
    "search",
    "investigation",
    "review",
    "inquiry",
    "probe",
]);

/// Nouns preceding a quotation that make it a name, title or slogan, not speech.
pub static NAMING_BEFORE_QUOTE: WordList = WordList::new(&[
    "called",
    "dubbed",
    "titled",
    "entitled",
    "headlined",
    "named",
    "nicknamed",
    "labeled",
    "labelled",
    "branded",
    "so-called",
    "as",
    "phrase",
    "slogan",
    "term",
    "words",
    "hashtag",
    "reading",
    "read",
    "reads",
    "chanting",
    "chanted",
    "chants",
    "banner",
    "sign",
    "signs",
    "motto",
    "song",
    "book",
    "film",
    "movie",
    "show",
    "album",
    "column",
    "essay",
    "article",
    "headline",
    "program",
    "programme",
    "campaign",
    "initiative",
    "operation",
    "act",
    "bill",
    "policy",
]);

/// Loaded attribution verbs and the neutral form of the same tense. Lower case. Only verbs that
/// quietly weigh the statement ("claimed" doubts it, "boasted" sneers). "Revealed" is mostly a
/// disclosure or a publication, not a judgement; "insisted", "admitted", "conceded", "confessed"
/// and "maintained" name fairly a firm position, a denial or self-criticism; editors keep them.
pub const LOADED_VERBS: &[(&str, &str)] = &[
    ("claimed", "said"),
    ("claims", "says"),
    ("claim", "say"),
    ("claiming", "saying"),
    ("contended", "said"),
    ("contends", "says"),
    ("contend", "say"),
    ("asserted", "said"),
    ("asserts", "says"),
    ("assert", "say"),
    ("boasted", "said"),
    ("boasts", "says"),
    ("bragged", "said"),
    ("brags", "says"),
    ("purported", "said"),
    ("purports", "says"),
];

/// "Pointed out" and friends: a two-word loaded verb, keyed by its first word.
pub const LOADED_PHRASAL: &[(&str, &str, &str)] = &[
    ("pointed", "out", "said"),
    ("points", "out", "says"),
    ("point", "out", "say"),
    ("pointing", "out", "saying"),
];

/// Objects that turn a loaded verb into an idiom, not a speech tag: "claimed responsibility",
/// "admitted to hospital", "maintained a lead".
pub static LOADED_IDIOM_OBJECTS: WordList = WordList::new(&[
    "responsibility",
    "credit",
    "victory",
    "the",
    "a",
    "an",
    "his",
    "her",
    "their",
    "its",
    "our",
    "lives",
    "life",
    "title",
    "seat",
    "seats",
    "share",
    "ownership",
    "asylum",
    "benefits",
    "damages",
    "compensation",
    "into",
    "hospital",
    "custody",
    "them",
    "him",
    "it",
    "itself",
    "himself",
    "herself",
    "themselves",
    "power",
    "control",
    "territory",
    "land",
]);

/// Words besides the shared determiners that mark a noun use; see [`NOUN_MARKERS`].
const OTHER_NOUN_MARKERS: &[&str] = &[
    "such",
    "false",
    "unfounded",
    "baseless",
    "dubious",
    "many",
    "several",
    "some",
    "of",
    "and",
    "or",
    "no",
    "any",
    "new",
    "similar",
    "repeated",
    "earlier",
    "other",
    "whose",
    "disputed",
    "insurance",
    "legal",
    "to",
    "by",
    "with",
    "on",
    "in",
    "for",
    "about",
    "against",
    "unproven",
    "unsubstantiated",
    "various",
    "two",
    "three",
    "both",
    "all",
];

/// Wrongdoing verbs that, said in the reporter's own voice about a named person, are an
/// allegation the story must source.
pub static WRONGDOING_VERBS: WordList = WordList::new(&[
    "embezzled",
    "defrauded",
    "laundered",
    "bribed",
    "extorted",
    "swindled",
    "plagiarized",
    "plagiarised",
    "molested",
    "colluded",
    "perjured",
]);

/// Adverbs that turn an action into an accusation: "illegally diverted", "fraudulently billed".
pub static WRONGDOING_ADVERBS: WordList = WordList::new(&[
    "illegally",
    "unlawfully",
    "fraudulently",
    "corruptly",
    "illicitly",
    "improperly",
    "secretly",
]);

/// Words before a figure that make it something other than a statistic.
pub static RECORD_NOT_STATISTIC: WordList = WordList::new(&[
    "criminal",
    "voting",
    "track",
    "public",
    "court",
    "his",
    "her",
    "their",
    "its",
    "on",
    "off",
    "for",
    "police",
    "military",
    "service",
    "legislative",
    "financial",
    "medical",
    "driving",
    "academic",
    "perfect",
    "clean",
    "congressional",
    "senate",
    "state",
    "federal",
    "official",
    "historical",
    "permanent",
    "written",
    "the",
    "this",
    "that",
    "my",
    "our",
    "your",
    "whose",
    "government",
    "employment",
    "tax",
    "dental",
    "arrest",
    "school",
    "business",
    "environmental",
    "human",
    "rights",
]);

/// Superlatives that make a record claim with "since", "ever" or "on record".
pub static SUPERLATIVES: WordList = WordList::new(&[
    "highest",
    "lowest",
    "biggest",
    "largest",
    "smallest",
    "most",
    "fewest",
    "worst",
    "best",
    "strongest",
    "weakest",
    "steepest",
    "sharpest",
    "fastest",
    "slowest",
    "deadliest",
]);

/// Currency words that make a number money.
pub static CURRENCY_WORDS: WordList = WordList::new(&[
    "dollars", "euros", "pounds", "yen", "yuan", "rubles", "roubles", "pesos", "rupees",
]);

/// Function words that end a group's modifiers when reading backwards from its head; test
/// with [`is_np_breaker`].
pub const NP_BREAKERS: &[&[&str]] = &[
    fw::ARTICLES,
    fw::DEMONSTRATIVES,
    fw::POSSESSIVE_DETERMINERS,
    fw::PERSONAL_PRONOUNS,
    fw::BE_FORMS,
    fw::HAVE_FORMS,
    fw::DO_FORMS,
    fw::MODALS,
    fw::COORDINATORS,
    fw::PREPOSITIONS,
    fw::SUBORDINATORS,
    fw::WH_WORDS,
    fw::RELATIVE_PRONOUNS,
    OTHER_NP_BREAKERS,
];

/// Words before a noun use of "claim(s)": "his claims", "the claim", "false claims"; test
/// with [`is_noun_marker`].
pub const NOUN_MARKERS: &[&[&str]] = &[
    fw::ARTICLES,
    fw::DEMONSTRATIVES,
    fw::POSSESSIVE_DETERMINERS,
    OTHER_NOUN_MARKERS,
];

/// The lists of lists above as one set each, built on first use: asked of nearly every word.
fn union(lists: &[&[&'static str]]) -> HashSet<&'static str> {
    lists.iter().flat_map(|list| list.iter().copied()).collect()
}

pub fn is_np_breaker(word: &str) -> bool {
    static SET: LazyLock<HashSet<&str>> = LazyLock::new(|| union(NP_BREAKERS));
    SET.contains(word)
}

pub fn is_noun_marker(word: &str) -> bool {
    static SET: LazyLock<HashSet<&str>> = LazyLock::new(|| union(NOUN_MARKERS));
    SET.contains(word)
}

pub fn contains(list: &(impl Words + ?Sized), word: &str) -> bool {
    list.has(word)
}

/// `a == b`, with the length and first byte compared inline first: the rules ask every word
/// against long lists, and most entries differ there, so the call to compare the bytes is
/// mostly skipped.
#[inline]
pub fn same_word(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().first() == b.as_bytes().first() && a == b
}

/// Auxiliaries that make a following participle passive ("is accused", "stands accused"):
/// the sentence then names no accuser or critic.
pub static PASSIVE_AUXILIARIES: WordList = WordList::new(&[
    "is", "was", "were", "are", "been", "being", "stands", "stood",
]);

/// Words before a sum that make it a price, fee or pay: "tickets cost £85", "paid $20".
pub static PRICE_WORDS: WordList = WordList::new(&[
    "cost", "costs", "costing", "priced", "price", "prices", "fee", "fees", "ticket", "tickets",
    "pay", "pays", "paid", "paying", "charge", "charges", "charged", "charging", "fined", "buy",
    "buys", "buying", "bought", "sell", "sells", "sold", "selling", "fetch", "fetched", "fetches",
    "earns", "earned", "salary", "wage", "wages", "takes", "receives", "received",
]);

/// Words before a percentage that make it a published rate or a market's move.
pub static RATE_AND_MARKET_WORDS: WordList = WordList::new(&[
    "rate", "rates", "yield", "yields", "coupon", "interest", "euro", "dollar", "pound",
    "sterling", "yen", "franc", "shares", "stocks", "index", "bonds", "ftse", "dow", "nasdaq",
    "nikkei",
]);

/// Words of a company's or a deal's own accounts, a settlement or a target: a percentage in
/// their sentence is the story's stated business, not a statistic about the world.
pub static OWN_FIGURE_WORDS: WordList = WordList::new(&[
    "sales",
    "revenue",
    "revenues",
    "turnover",
    "profit",
    "profits",
    "earnings",
    "assets",
    "stake",
    "dividend",
    "dividends",
    "margin",
    "margins",
    "shareholders",
    "takeover",
    "merger",
    "bonus",
    "bonuses",
    "reduction",
    "target",
    "targets",
    "discount",
    "discounts",
    "tariff",
    "tariffs",
    "vat",
    "tax",
    "levy",
    "commission",
]);

/// Words before a sum that make it an estimate or a valuation someone made: "lost $3 billion",
/// "is worth £40m", "wasted £2m", "damage estimated at".
pub static ESTIMATE_WORDS: WordList = WordList::new(&[
    "worth",
    "lost",
    "lose",
    "loses",
    "losing",
    "losses",
    "wasted",
    "waste",
    "wastes",
    "squandered",
    "estimated",
    "valued",
    "damage",
    "damages",
    "fortune",
    "wiped",
    "knocked",
    "siphoned",
    "embezzled",
    "laundered",
    "owed",
    "owes",
    "stolen",
    "stole",
    "fraud",
]);

/// Words that after a sum show it is not an adjective on a noun: "the $3bn in losses", "a £2m
/// of which".
pub static NOT_NOUNS_AFTER_FIGURE: WordList = WordList::new(&[
    "in", "of", "to", "for", "from", "on", "and", "or", "a", "an", "the", "last", "this", "each",
    "is", "was", "were", "are", "by", "that", "which", "it", "over", "more", "less", "than",
    "worth", "deal",
]);

/// Verbs of denial and challenge: "denied claims that", "questioned the figures and insisted".
pub static DENIAL_VERBS: WordList = WordList::new(&[
    "denied",
    "denies",
    "deny",
    "denying",
    "rejected",
    "rejects",
    "rejecting",
    "dismissed",
    "dismisses",
    "questioned",
    "disputed",
    "disputes",
    "rebuffed",
    "refuted",
    "contested",
]);

/// Words of a challenge a speaker may answer: "faced questions", "asked about", "accused of".
pub static CHALLENGES: WordList = WordList::new(&[
    "asked",
    "question",
    "questions",
    "accused",
    "accusations",
    "allegations",
    "criticism",
    "claims",
    "charges",
    "suggestions",
]);

/// Sentence openers that set what follows against what came before.
pub static CONTRAST_OPENERS: WordList = WordList::new(&["but", "however", "yet", "nevertheless"]);

/// Words that place a picture in a caption, one of them enough: "(left)", "(pictured)".
pub static PICTURE_MARKS: WordList = WordList::new(&[
    "left",
    "right",
    "centre",
    "center",
    "pictured",
    "above",
    "below",
    "inset",
    "illustration",
    "shown",
]);

/// Words a caption's placing may hold beside its marks: "(second from left)", "(artist's
/// illustration shown)", "(pictured, top)".
pub static PICTURE_PLACING: WordList = WordList::new(&[
    "top", "bottom", "front", "back", "far", "second", "third", "from", "and", "main", "picture",
    "photo", "file", "artist's", "artist", "'s", "with", "both", ",",
]);

/// Vague groups that, in the lede of a story on a study, are its authors or the study itself.
pub static STUDY_AUTHORS: WordList =
    WordList::new(&["scientists", "researchers", "research", "study"]);

/// Words that make a research group others' work, not the study the story reports: "many
/// researchers", "previous studies", "other scientists".
pub static OTHERS_WORK: WordList = WordList::new(&[
    "many", "some", "most", "several", "few", "other", "others", "previous", "earlier", "past",
    "existing", "much", "studies",
]);
