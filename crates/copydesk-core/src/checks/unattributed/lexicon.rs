//! Word lists of the unattributed-claims family, written for copydesk from the newsroom
//! standards (Wikipedia MOS:WEASEL, NPR, AP, Reuters) and from the phrasings the attribution
//! corpus uses for agentless and group attributions. Lower case; matched against whole words.

use crate::lexicon::function_words as fw;

/// Commentator groups that are vague on their own as the agent of a reporting verb:
/// "experts say", "analysts said". Plural heads only: a singular ("an analyst") is an unnamed
/// source, which is the anonymous-source family's business.
pub const COMMENTATOR_GROUPS: &[&str] = &[
    "academics",
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
];

/// Words for a piece of research whose authors "the researchers" then are.
pub const STUDY_NOUNS: &[&str] = &[
    "study",
    "studies",
    "research",
    "paper",
    "trial",
    "experiment",
    "experiments",
    "survey",
    "analysis",
];

/// Determiners that make a group a back-reference to people already in the story: "the
/// researchers", "these experts".
pub const DEFINITE_DETERMINERS: &[&str] = &["the", "these", "those"];

/// Who, named in the story, is a member of a commentator group: a named economist or
/// strategist answers "analysts say", a named professor "researchers found". Singular, lower
/// case. Only close kin count: a named analyst does not make "experts" or "commentators"
/// anyone in particular. Groups of opinion ("critics", "opponents", "insiders") are not listed:
/// one named critic does not make "critics say" anyone's words but the reporter's.
pub fn group_members(head: &str) -> &'static [&'static str] {
    match head {
        "analysts" | "economists" | "strategists" => &["analyst", "economist", "strategist"],
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
pub const GROUP_BODIES: &[&str] = &[
    "groups",
    "organisations",
    "organizations",
    "charities",
    "bodies",
    "campaigners",
    "activists",
];

/// Causes that name such a body without naming it: the modifier before [`GROUP_BODIES`].
pub const CAUSES: &[&str] = &[
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
];

/// Groups that are ordinary subjects in news ("Republicans said", "voters chose") and become
/// vague only with a quantifier: "some Republicans", "many lawmakers", "other advocates".
pub const QUANTIFIED_GROUPS: &[&str] = &[
    "activists",
    "advocates",
    "allies",
    "americans",
    "attorneys",
    "candidates",
    "citizens",
    "colleagues",
    "conservatives",
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
    "parents",
    "people",
    "politicians",
    "progressives",
    "republicans",
    "residents",
    "rivals",
    "senators",
    "teachers",
    "traders",
    "users",
    "voters",
    "workers",
];

/// Words that make a group indefinite. Multi-word ones ("a number of") are matched by
/// their last word and checked backwards.
pub const QUANTIFIERS: &[&str] = &[
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
];

/// Closing words of multi-word quantifiers ("a number of", "a lot of", "a host of", "a
/// growing number of", "plenty of"), keyed by the word before "of".
pub const OF_QUANTIFIER_HEADS: &[&str] = &["number", "lot", "lots", "host", "plenty", "handful"];

/// Indefinite pronouns that can stand as a vague source on their own: "some say", "others
/// argue", "many in the party believe".
pub const PRONOUN_QUANTIFIERS: &[&str] = &["some", "many", "others", "most", "few"];

/// Verbs that make a vague group the one who concludes: "leaving some to question",
/// "led many to assume".
pub const CAUSATIVES: &[&str] = &[
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
];

/// Nouns of a shared view that take their holders with "among": "concern among experts".
pub const VIEW_NOUNS: &[&str] = &[
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
];

/// Adjectives a vague group is said to feel: "many observers were surprised", "others are
/// wary".
pub const STANCE_ADJECTIVES: &[&str] = &[
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
];

/// Words after which a verb form is a noun: "in favour of", "the claim", "of concern".
pub const NOUN_AFTER: &[&str] = &["in", "of", "the", "a", "an", "with", "on", "at", "for"];

/// Passives that report a view with its holder left out, so a group as their subject stays
/// vague: "party strategists are believed to want".
pub const HEARSAY_PASSIVES: &[&str] =
    &["say", "think", "believe", "understand", "report", "rumour"];

/// Words that may stand between a group and its verb: auxiliaries, modals, adverbs.
pub const VERB_GAP: &[&str] = &[
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
];

/// Words besides the shared closed classes that end a group's modifiers; see [`NP_BREAKERS`].
const OTHER_NP_BREAKERS: &[&str] = &[
    "of",
    "than",
    "so",
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
pub const NAMING_LINKS: &[&str] = &["including", "such", "like", "among", "led", "notably"];

/// Words of a legal process: "allegedly" next to a charge, arrest or lawsuit points at the
/// accuser the sentence already names (MOS:ALLEGED).
pub const LEGAL_CONTEXT: &[&str] = &[
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
];

/// Nouns of voiced opinion that take their source with "from": "warnings from experts".
pub const VOICE_NOUNS: &[&str] = &[
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
];

/// Organisation prepositions: "analysts at Acme Bank" attributes to a named organisation.
pub const ORG_PREPOSITIONS: &[&str] = &["at", "from", "with"];

/// Adverbs of hearsay: the claim is someone's, but the sentence does not say whose.
pub const HEARSAY_ADVERBS: &[&str] = &[
    "reportedly",
    "purportedly",
    "supposedly",
    "reputedly",
    "allegedly",
];

/// Documents, posts and laws a quotation can come from: "in a tweet, …", "the indictment
/// reads", "under state law, …".
pub const ARTIFACT_NOUNS: &[&str] = &[
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
];

/// Nouns naming a source document or dataset: a figure near one is sourced.
pub const SOURCE_NOUNS: &[&str] = &[
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
];

/// Nouns preceding a quotation that make it a name, title or slogan, not speech.
pub const NAMING_BEFORE_QUOTE: &[&str] = &[
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
];

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
pub const LOADED_IDIOM_OBJECTS: &[&str] = &[
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
];

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
pub const WRONGDOING_VERBS: &[&str] = &[
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
];

/// Adverbs that turn an action into an accusation: "illegally diverted", "fraudulently billed".
pub const WRONGDOING_ADVERBS: &[&str] = &[
    "illegally",
    "unlawfully",
    "fraudulently",
    "corruptly",
    "illicitly",
    "improperly",
    "secretly",
];

/// Words before a figure that make it something other than a statistic.
pub const RECORD_NOT_STATISTIC: &[&str] = &[
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
];

/// Superlatives that make a record claim with "since", "ever" or "on record".
pub const SUPERLATIVES: &[&str] = &[
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
];

/// Currency words that make a number money.
pub const CURRENCY_WORDS: &[&str] = &[
    "dollars", "euros", "pounds", "yen", "yuan", "rubles", "roubles", "pesos", "rupees",
];

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

pub fn is_np_breaker(word: &str) -> bool {
    fw::in_any(NP_BREAKERS, word)
}

pub fn is_noun_marker(word: &str) -> bool {
    fw::in_any(NOUN_MARKERS, word)
}

pub fn contains(list: &[&str], word: &str) -> bool {
    list.iter().any(|entry| same_word(entry, word))
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
pub const PASSIVE_AUXILIARIES: &[&str] = &[
    "is", "was", "were", "are", "been", "being", "stands", "stood",
];

/// Words before a sum that make it a price, fee or pay: "tickets cost £85", "paid $20".
pub const PRICE_WORDS: &[&str] = &[
    "cost", "costs", "costing", "priced", "price", "prices", "fee", "fees", "ticket", "tickets",
    "pay", "pays", "paid", "paying", "charge", "charges", "charged", "charging", "fined", "buy",
    "buys", "buying", "bought", "sell", "sells", "sold", "selling", "fetch", "fetched", "fetches",
    "earns", "earned", "salary", "wage", "wages", "takes", "receives", "received",
];

/// Words before a percentage that make it a published rate or a market's move.
pub const RATE_AND_MARKET_WORDS: &[&str] = &[
    "rate", "rates", "yield", "yields", "coupon", "interest", "euro", "dollar", "pound",
    "sterling", "yen", "franc", "shares", "stocks", "index", "bonds", "ftse", "dow", "nasdaq",
    "nikkei",
];

/// Words of a company's or a deal's own accounts, a settlement or a target: a percentage in
/// their sentence is the story's stated business, not a statistic about the world.
pub const OWN_FIGURE_WORDS: &[&str] = &[
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
];

/// Words before a sum that make it an estimate or a valuation someone made: "lost $3 billion",
/// "is worth £40m", "wasted £2m", "damage estimated at".
pub const ESTIMATE_WORDS: &[&str] = &[
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
];

/// Words that after a sum show it is not an adjective on a noun: "the $3bn in losses", "a £2m
/// of which".
pub const NOT_NOUNS_AFTER_FIGURE: &[&str] = &[
    "in", "of", "to", "for", "from", "on", "and", "or", "a", "an", "the", "last", "this", "each",
    "is", "was", "were", "are", "by", "that", "which", "it", "over", "more", "less", "than",
    "worth", "deal",
];

/// Verbs of denial and challenge: "denied claims that", "questioned the figures and insisted".
pub const DENIAL_VERBS: &[&str] = &[
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
];

/// Words of a challenge a speaker may answer: "faced questions", "asked about", "accused of".
pub const CHALLENGES: &[&str] = &[
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
];

/// Sentence openers that set what follows against what came before.
pub const CONTRAST_OPENERS: &[&str] = &["but", "however", "yet", "nevertheless"];
