//! The closed word classes the attribution layer reads with. Open classes (the attributing
//! verbs) are data in `lexicon/data/`; these are the small words around them. Drawn from the
//! cues and sources of the attribution corpus (train and dev articles) and from British and
//! Australian wire shapes.

use super::cues;
use super::phrase;
use crate::lexicon::function_words as fw;
use crate::lexicon::word_set::WordList;

/// How many words a prepositional cue spans: "according to" (2). "In an interview with X"
/// names where X spoke, not a cue: X's own verb is the cue.
pub fn prepositional_cue(a: &str, b: &str) -> Option<usize> {
    (a == "according" && b == "to").then_some(2)
}

/// Gerunds that go on with the sentence's speaker: "…, adding that".
pub static GERUND_CUES: WordList = WordList::new(&[
    "say",
    "add",
    "note",
    "argue",
    "suggest",
    "insist",
    "warn",
    "explain",
    "claim",
    "tell",
    "call",
    "cite",
    // "the Courier, quoting unnamed officials, said": the outlet relays its sources.
    "quote",
    "point",
    "describe",
    "accuse",
    "predict",
    "acknowledge",
    "state",
    "write",
    "complain",
    "stress",
    "emphasize",
    "emphasise",
    "question",
    "ask",
    "recall",
    "declare",
    "refer",
    // Promises and appeals made in public: ", promising to campaign", ", urging voters to".
    "promise",
    "pledge",
    "vow",
    "urge",
    "announce",
    "denounce",
    // A stance held in public: "super PACs supporting Okafor", "a group backing the levy".
    "support",
    "back",
    // Aims held in public: ", hoping to win", "candidates seeking the nomination".
    "hope",
    "seek",
    // Read only with what they need after them: ", offering no details", "voters talking
    // about the levy".
    "offer",
    "talk",
]);

/// Adverbs that attribute without a source: "the premier reportedly refused".
pub const HEARSAY_ADVERBS: &[&str] = &[
    "reportedly",
    "allegedly",
    "purportedly",
    "supposedly",
    "reputedly",
];

/// Nouns that carry someone's words or view when a frame or "that" follows: "amid
/// accusations that", "his claim that", "has faced criticism".
pub static NOMINAL_CUES: WordList = WordList::new(&[
    "claim",
    "claims",
    "report",
    "reports",
    "accusation",
    "accusations",
    "allegation",
    "allegations",
    "criticism",
    "suggestion",
    "suggestions",
    "assertion",
    "assertions",
    "speculation",
    "rumour",
    "rumours",
    "rumor",
    "rumors",
    "warning",
    "warnings",
    "insistence",
    "admission",
    "denial",
    "denials",
    "complaints",
    // Worry as news: "there was concern that", "amid fears that" (the vague rule keeps only
    // those followed by their content).
    "concern",
    "concerns",
    "fears",
    // "amid doubts about how it would be paid for": a doubt held by no one named.
    "doubts",
    "condemnation",
    "backlash",
    // Only after a frame or before "from": "has faced fierce opposition", "opposition from
    // residents" ("the opposition" alone is a party).
    "opposition",
]);

/// What "offer" attributes when one of these follows within [`OFFERED_VIEW_REACH`] words:
/// "offered no proof", "offered their thoughts", not "offered a discount".
pub static OFFERED_VIEWS: WordList = WordList::new(&[
    "proof",
    "evidence",
    "thoughts",
    "prayers",
    "condolences",
    "advice",
    "assessment",
    "evaluation",
    "explanation",
    "response",
    "reply",
    "answer",
    "slogan",
    "view",
    "views",
    "opinion",
    "apology",
    "praise",
    "criticism",
    "critique",
    "defense",
    "defence",
    "warning",
    "words",
    "remarks",
    "comment",
    "comments",
    "theory",
    "argument",
    "rationale",
    "reasons",
    "assurances",
    "reassurance",
    "prediction",
    "rebuttal",
    "endorsement",
    "olive",
    "account",
    "vision",
    "details",
]);

/// Words after "offered" walked for the view it offers, past a listener and a description.
pub const OFFERED_VIEW_REACH: usize = 5;

/// Capitalised words that label a passage rather than name who speaks in it: "UPDATE:",
/// "EDITOR'S NOTE:".
pub static COLON_LABELS: WordList = WordList::new(&[
    "update",
    "updated",
    "breaking",
    "note",
    "editor's",
    "correction",
    "clarification",
    "live",
    "watch",
    "read",
    "more",
    "related",
    "exclusive",
    "photos",
    "video",
    "audio",
    "top",
    "stories",
    "source",
    "sources",
    "disclosure",
    "warning",
    "spoiler",
    "ps",
    "p.s.",
    "ap",
    "usa",
    "us",
    "uk",
    "eu",
    "un",
    "gop",
    "begin",
    "end",
    "busted",
    "boom",
    "look",
    "listen",
    "wow",
    "clip",
    "crosstalk",
    "transcript",
    "question",
    "answer",
    "bottom",
    "line",
    "why",
    "what",
    "how",
    "who",
    "when",
    "where",
    "corrections",
    "clarifications",
    "updates",
    "contributing",
    "opinion",
    "pictures",
    "factbox",
    "explainer",
    "timeline",
    "reporting",
    "analysis",
]);

/// Nouns for what someone said, before a colon that gives it: "Her answer:", "his reply:".
pub static COLON_SAYINGS: WordList = WordList::new(&[
    "answer",
    "reply",
    "response",
    "message",
    "verdict",
    "advice",
    "view",
    "argument",
    "retort",
    "explanation",
    "assessment",
    "words",
    "warning",
    "pitch",
    "plea",
    "promise",
    "prediction",
    "conclusion",
]);

/// Verbs that close a clause introducing what follows a colon, beyond the attributing verbs:
/// "she listed three reasons:", "he put it this way:", "the letter reads as follows:". A
/// regular past tense ("-ed") counts too; see [`is_clause_verb`].
static COLON_CLAUSE_VERBS: WordList = WordList::new(&[
    "gave", "gives", "put", "puts", "made", "makes", "had", "has", "went", "goes", "reads", "read",
    "began", "begins", "ended", "ends", "offered", "sent", "sends", "spoke", "took", "takes",
    "left", "leaves", "laid", "lays", "set", "sets", "summed", "sums",
]);

/// A past tense or a verb of [`COLON_CLAUSE_VERBS`]: what follows a subject in "she listed
/// three reasons:".
pub fn is_clause_verb(lower: &str) -> bool {
    COLON_CLAUSE_VERBS.contains(lower) || lower.len() > 4 && lower.ends_with("ed")
}

/// Nominal cues whose owner is their speaker: "his claims", "the minister's denial".
pub static OWNED_SAYINGS: WordList = WordList::new(&[
    "claim",
    "claims",
    "accusation",
    "accusations",
    "allegation",
    "allegations",
    "assertion",
    "assertions",
    "suggestion",
    "suggestions",
    "warning",
    "warnings",
    "denial",
    "denials",
    "admission",
    "insistence",
    "criticism",
    "complaints",
]);

/// Words before a nominal cue that make it an attribution without a named source: "amid
/// claims", "faced criticism", "drew condemnation", "denied reports".
pub static NOMINAL_FRAMES: WordList = WordList::new(&[
    "amid",
    "faced",
    "faces",
    "facing",
    "face",
    "drew",
    "drawn",
    "draws",
    "attracted",
    "sparked",
    "sparking",
    "prompted",
    "prompting",
    "despite",
    "under",
    "denied",
    "dismissed",
    "rejected",
    "following",
]);

/// Reproaches, and the further frames that attribute only them: "has endured criticism",
/// "is drawing criticism", "fielded sharp criticism" (but "received reports of a fire" is news,
/// not hearsay).
pub static REPROACHES: WordList = WordList::new(&["criticism", "condemnation", "backlash"]);

static REPROACH_FRAMES: WordList = WordList::new(&[
    "endured",
    "endures",
    "enduring",
    "fielded",
    "fielding",
    "received",
    "receives",
    "receiving",
    "drawing",
    "attracting",
    "attracts",
    "weathered",
    "weathering",
    "invited",
    "invites",
    "inviting",
    "provoked",
    "provoking",
    "triggered",
    "triggering",
    "sparking",
]);

/// Whether `frame` before `noun` makes the noun an attribution without a named source.
pub fn frames_nominal_cue(frame: &str, noun: &str) -> bool {
    NOMINAL_FRAMES.contains(frame) || REPROACHES.contains(noun) && REPROACH_FRAMES.contains(frame)
}

/// Nominal cues that stand with "that" for no one in particular: "claims that the vote was
/// rigged".
pub const AGENTLESS_NOUNS: &[&str] = &[
    "claims",
    "reports",
    "accusations",
    "allegations",
    "suggestions",
    "speculation",
    "rumours",
    "rumors",
];

/// Heads that make a source media or a report.
pub static MEDIA_NOUNS: WordList = WordList::new(&[
    "report",
    "reports",
    "media",
    "newspaper",
    "newspapers",
    "paper",
    "agency",
    "broadcaster",
    "television",
    "tv",
    "outlet",
    "outlets",
    "press",
    "tabloid",
    "tabloids",
    "magazine",
    "website",
    "channel",
    "radio",
    "news",
    "reporting",
]);

/// Documents and data that speak as sources: "the poll shows", "the filing says".
pub static DOCUMENT_NOUNS: WordList = WordList::new(&[
    "poll",
    "polls",
    "survey",
    "surveys",
    "study",
    "studies",
    "data",
    "figures",
    "statement",
    "statements",
    "letter",
    "filing",
    "filings",
    "document",
    "documents",
    "memo",
    "analysis",
    "research",
    "audit",
    "review",
    "ruling",
    "indictment",
    "complaint",
    "lawsuit",
    "records",
    "estimate",
    "estimates",
    "forecast",
    "census",
    "tweet",
    "tweets",
    "post",
    "email",
    "emails",
    "book",
    "article",
    "editorial",
    "op-ed",
    "video",
    "ad",
    "advertisement",
    "release",
    "transcript",
    "exit",
]);

/// Whether `lower` is the name, or the last word of the name, of a news outlet: "Reuters",
/// "the Sunday Telegraph".
pub fn is_outlet_name(lower: &str) -> bool {
    MEDIA_NAMES.contains(lower)
}

/// News organisations by name (lower case).
pub static MEDIA_NAMES: WordList = WordList::new(&[
    "reuters",
    "ap",
    "afp",
    "bbc",
    "cnn",
    "xinhua",
    "tass",
    "interfax",
    "ria",
    "bloomberg",
    "politico",
    "axios",
    "nbc",
    "abc",
    "cbs",
    "msnbc",
    "npr",
    "guardian",
    "telegraph",
    "times",
    "post",
    "journal",
    "observer",
    "independent",
    "mail",
    "sun",
    "mirror",
    "herald",
    "tribune",
    "breitbart",
    "huffpost",
    "yonhap",
    "kyodo",
    "anadolu",
    "irna",
    "kcna",
    "al-jazeera",
    "jazeera",
    "sky",
    "tmz",
    // World papers and agencies that wire copy credits by name.
    "shimbun",
    "shinbun",
    "asahi",
    "yomiuri",
    "mainichi",
    "pravda",
    "izvestia",
    "kommersant",
    "vedomosti",
    "handelsblatt",
    "spiegel",
    "dpa",
    "ansa",
    "gazette",
    "chronicle",
    "courier",
]);

/// Heads of the market's chorus, which wire desks may treat as colour rather than sourcing.
pub static MARKET_VOICES: WordList = WordList::new(&[
    "traders",
    "trader",
    "dealers",
    "dealer",
    "analysts",
    "analyst",
    "economists",
    "economist",
    "brokers",
    "broker",
    "bankers",
    "banker",
]);

/// What analysts or economists study when they are not the market's: "political analysts",
/// "western analysts", "military analysts", "legal analysts".
pub static NON_MARKET_QUALIFIERS: WordList = WordList::new(&[
    "political",
    "western",
    "military",
    "defence",
    "defense",
    "diplomatic",
    "legal",
    "intelligence",
    "foreign-policy",
]);

/// Qualifiers that put a commentator in the market wherever the story runs: "foreign
/// exchange analysts", "Wall Street economists". A sector's ("banking analysts") does not:
/// on a bank's leadership they are commentators like any other, so what they say decides.
pub static MARKET_QUALIFIERS: WordList = WordList::new(&[
    "market",
    "markets",
    "stock",
    "equity",
    "currency",
    "exchange",
    "bond",
    "financial",
    "street",
]);

/// Words of prices, trade and the economy: what a commentator speaks of when what they say is
/// the trade's commentary ("demand", "the yen", "profits at Merck"). Unlike
/// [`MARKET_WORDS`], no word of a poll's figures ("percent") or of a campaign's ("index").
pub static ECONOMY_WORDS: WordList = WordList::new(&[
    "economy",
    "economic",
    "economies",
    "inflation",
    "recession",
    "interest",
    "demand",
    "sales",
    "market",
    "markets",
    "stock",
    "stocks",
    "shares",
    "sterling",
    "yen",
    "euro",
    "dollar",
    "currency",
    "insurers",
    "insurance",
    "lending",
    "gdp",
    "growth",
    "profit",
    "profits",
    "earnings",
    "revenue",
    "revenues",
    "dividend",
    "takeover",
    "merger",
    "investors",
    "bonds",
    "prices",
    "yields",
    "futures",
    "exports",
    "imports",
    "crude",
    "trading",
    "commodities",
]);

/// Words of a government's budget and policy: economists on a tax, a tariff or a deficit are a
/// policy argument, a vague group, not the market's commentary.
pub static POLICY_WORDS: WordList = WordList::new(&[
    "tax",
    "taxes",
    "taxation",
    "levy",
    "levies",
    "budget",
    "budgets",
    "deficit",
    "deficits",
    "spending",
    "subsidy",
    "subsidies",
    "tariff",
    "tariffs",
    "quota",
    "quotas",
    "sanctions",
    "policy",
    "policies",
    "welfare",
]);

/// Last words of a company's name that no person's name ends with: "Transfield Services",
/// "Land Securities". The legal suffixes ("Inc", "Ltd") are [`ORG_WORDS`], which no name run
/// holds.
pub static COMPANY_ENDINGS: WordList = WordList::new(&[
    "services",
    "securities",
    "industries",
    "holdings",
    "systems",
    "partners",
    "associates",
    "enterprises",
    "technologies",
    "solutions",
    "resources",
    "llc",
]);

/// Words of market and business copy: prices, volumes and the people who trade them, and a
/// company's results and deals, where analysts on its prospects are the trade's routine
/// colour as traders on the day's prices are.
pub static MARKET_WORDS: WordList = WordList::new(&[
    "profit",
    "profits",
    "earnings",
    "revenue",
    "revenues",
    "shareholders",
    "dividend",
    "takeover",
    "merger",
    "investors",
    "prices",
    "price",
    "shares",
    "stocks",
    "futures",
    "trading",
    "traders",
    "dealers",
    "pct",
    "percent",
    "tonnes",
    "barrels",
    "yields",
    "bonds",
    "currency",
    "dollar",
    "index",
    "brokers",
    "commodity",
    "commodities",
    "exports",
    "imports",
    "crude",
]);

/// Heads that name a crowd rather than a source: "critics say", "some analysts believe".
pub static VAGUE_HEADS: WordList = WordList::new(&[
    "critics",
    "observers",
    "experts",
    "analysts",
    "commentators",
    "pundits",
    "economists",
    "traders",
    "dealers",
    "brokers",
    "some",
    "many",
    "others",
    "most",
    "few",
    "sceptics",
    "skeptics",
    "detractors",
    "opponents",
    "supporters",
    "proponents",
    "advocates",
    "scholars",
    "scientists",
    "historians",
    "watchers",
]);

/// Quantifiers that make a plural group vague: "some Republicans", "many MPs".
pub static VAGUE_QUANTIFIERS: WordList = WordList::new(&[
    "some", "many", "several", "most", "few", "numerous", "various", "certain", "other",
]);

/// Party and faction nouns: one member is a source ("one senior Tory"), the plural a group.
pub static PARTY_NOUNS: WordList = WordList::new(&[
    "republican",
    "republicans",
    "democrat",
    "democrats",
    "tory",
    "tories",
    "conservative",
    "conservatives",
    "liberal",
    "liberals",
    "nationalist",
    "nationalists",
    "labor",
    "backbenchers",
]);

/// Pronoun-like words that stand for a source introduced before: "one said", "another added".
pub const STANDS_FOR_SOURCE: &[&str] = &["one", "another"];

/// Nouns for people who can speak as sources, singular and plural.
static PERSON_NOUNS: WordList = WordList::new(&[
    "official",
    "officials",
    // Staff of a named body speak for it unnamed: "USDA conservation specialists said".
    "specialist",
    "specialists",
    "source",
    "sources",
    "aide",
    "aides",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "ally",
    "allies",
    "associate",
    "associates",
    "person",
    "people",
    "insider",
    "insiders",
    "strategist",
    "strategists",
    "operative",
    "operatives",
    "donor",
    "donors",
    "diplomat",
    "diplomats",
    "observer",
    "staffer",
    "staffers",
    "employee",
    "employees",
    "investigator",
    "investigators",
    "prosecutor",
    "prosecutors",
    "lawmaker",
    "lawmakers",
    "legislator",
    "legislators",
    "senator",
    "senators",
    "member",
    "members",
    "friend",
    "friends",
    "confidant",
    "confidants",
    "loyalist",
    "loyalists",
    "executive",
    "executives",
    "negotiator",
    "negotiators",
    "officer",
    "officers",
    "minister",
    "ministers",
    "backbencher",
    "backbenchers",
    "mp",
    "mps",
    "peer",
    "peers",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokesmen",
    "spokeswomen",
    "spokespeople",
    "representative",
    "representatives",
    "colleague",
    "colleagues",
    "relative",
    "relatives",
    "veteran",
    "veterans",
    "consultant",
    "consultants",
    "lobbyist",
    "lobbyists",
    "organizer",
    "organizers",
    "organiser",
    "organisers",
    "worker",
    "workers",
    "witness",
    "witnesses",
    "resident",
    "residents",
    "commenter",
    "commenters",
    "viewer",
    "viewers",
    "commander",
    "commanders",
    "envoy",
    "envoys",
    "judge",
    "judges",
    "lawyer",
    "lawyers",
    "attorney",
    "attorneys",
    "manager",
    "managers",
    "banker",
    "bankers",
    "trader",
    "dealer",
    "analyst",
    "economist",
    "expert",
    "critic",
    "delegate",
    "delegates",
    "candidate",
    "candidates",
    "voter",
    "voters",
    "activist",
    "activists",
    "campaigner",
    "campaigners",
    "second",
    "third",
    "fourth",
    "president",
    "premier",
    "chancellor",
    "secretary",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "governor",
    "mayor",
    "ambassador",
    "commissioner",
    "speaker",
    "ceo",
    "leader",
    "leaders",
    "chief",
    "head",
    "whip",
    "whips",
    "surrogate",
    "surrogates",
    "partner",
    "partners",
    "counsel",
    "general",
    "generals",
    "agent",
    "agents",
]);

/// Titles of offices with one holder at a time: "the prime minister", "the chancellor".
static OFFICES: WordList = WordList::new(&[
    "president",
    "premier",
    "chancellor",
    "minister",
    "secretary",
    "mayor",
    "governor",
    "chairman",
    "chairwoman",
    "chair",
    "speaker",
    "ambassador",
    "commissioner",
    "director",
    "ceo",
    "leader",
    "chief",
    "head",
    "king",
    "queen",
    "senator",
    "congressman",
    "congresswoman",
    "pope",
    "taoiseach",
]);

/// Words that mark an organisation in a capitalised source: "the Ministry of Defence".
pub static ORG_WORDS: WordList = WordList::new(&[
    "ministry",
    "department",
    "party",
    "committee",
    "campaign",
    "company",
    "inc.",
    "inc",
    "corp.",
    "corp",
    "group",
    "council",
    "court",
    "bank",
    "commission",
    "office",
    "government",
    "police",
    "agency",
    "university",
    "institute",
    "administration",
    "house",
    "kremlin",
    "pentagon",
    "army",
    "military",
    "navy",
    "service",
    "union",
    "association",
    "foundation",
    "charity",
    "board",
    "federation",
    "league",
    "fund",
    "organisation",
    "organization",
    "authority",
    "authorities",
    "embassy",
    "cabinet",
    "parliament",
    "congress",
    "senate",
    "firm",
    "network",
    "fbi",
    "cia",
    "nato",
    "un",
    "eu",
    "opec",
    "gop",
    "dnc",
    "rnc",
    "republicans",
    "democrats",
    "tories",
    "conservatives",
    "labour",
    "whitehall",
    "downing",
    "treasury",
    "centre",
    "center",
    "coalition",
    "alliance",
    "movement",
    "ltd",
    "plc",
    "co.",
    "exchange",
    "prosecutors",
]);

/// Words that may stand between a source and its verb besides adverbs: auxiliaries and the
/// words the shared list knows ("officials *have also* said").
/// Nouns in "-ly", which may head a phrase and never stand between a subject and its verb as
/// an adverb would ("voters at the rally support the plan").
pub static NOUNS_IN_LY: WordList = WordList::new(&[
    "family", "italy", "july", "rally", "ally", "tally", "assembly", "supply", "belly", "bully",
    "monopoly", "anomaly", "folly", "lily", "jelly",
]);

/// Other words in "-ly" that are no adverbs.
static NOT_ADVERBS_IN_LY: WordList = WordList::new(&[
    "only", "early", "reply", "apply", "rely", "comply", "imply", "multiply", "fly", "holy",
    "ugly", "silly",
]);

pub fn may_intervene(lower: &str) -> bool {
    cues::may_intervene(lower)
        || fw::BE_FORMS.contains(&lower)
        || fw::HAVE_FORMS.contains(&lower)
        || fw::MODALS.contains(&lower)
        || fw::DO_FORMS.contains(&lower)
        || matches!(
            lower,
            "being"
                | "must"
                | "hasn't"
                | "haven't"
                | "hadn't"
                | "didn't"
                | "doesn't"
                | "don't"
                | "wouldn't"
                | "won't"
                | "can't"
                | "couldn't"
                | "isn't"
                | "wasn't"
                | "weren't"
                | "aren't"
                | "reportedly"
                | "allegedly"
                | "had"
                | "also"
                | "privately"
        )
        || (lower.ends_with("ly")
            && lower.len() > 4
            && !NOT_ADVERBS_IN_LY.contains(lower)
            && !NOUNS_IN_LY.contains(lower))
}

pub const BE_FORMS: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];

/// Passive participles that attribute with the source left out: "is understood to", "was
/// criticised".
pub static AGENTLESS_PASSIVES: WordList = WordList::new(&[
    "say",
    "understand",
    "believe",
    "think",
    "report",
    "ask",
    "allege",
    "claim",
    "criticise",
    "criticize",
    "condemn",
    "fear",
    "estimate",
    "know",
    "consider",
    "regard",
    "describe",
    "accuse",
    "suspect",
    "blame",
    "attack",
    "slam",
    "rubbish",
    "deride",
    "mock",
    "ridicule",
    "expect",
    "rumour",
    "quote",
    "hope",
]);

/// Agentless passives that attribute only with "to", "as" or "that" after them ("is said to
/// be", "is known as"), not alone ("was said", "is expected").
pub static NEEDS_TO_OR_AS: WordList = WordList::new(&[
    "say",
    "understand",
    "believe",
    "think",
    "report",
    "know",
    "consider",
    "regard",
    "describe",
    "expect",
    "fear",
    "estimate",
    "suspect",
    "hope",
]);

/// Participles that attribute with no auxiliary before them, in a reduced relative: "a man
/// thought to be in his thirties", "sources said to be close to the deal".
pub const REDUCED_AGENTLESS: &[&str] =
    &["say", "think", "believe", "understand", "report", "rumour"];

/// Views "it is …" leaves without a holder even with no "that": "It is hoped the talks …".
pub static DUMMY_SUBJECT_VIEWS: WordList = WordList::new(&[
    "hope",
    "expect",
    "believe",
    "think",
    "understand",
    "say",
    "fear",
    "feel",
    "report",
    "rumour",
]);

/// Verbs by which a named source says nothing: "declined to comment".
pub const REFUSALS: &[&str] = &["decline", "refuse"];

/// Reporting verbs that stand before their subject: `"…," said one.`
pub static INVERTIBLE: WordList = WordList::new(&[
    "say",
    "continue",
    "add",
    "write",
    "explain",
    "note",
    "recall",
    "insist",
    "warn",
    "argue",
    "acknowledge",
    "reply",
    "respond",
    "confirm",
    "ask",
    "caution",
    "observe",
    "remark",
    "concede",
    "counter",
    "predict",
    "complain",
    "declare",
    "quip",
    "joke",
    "tweet",
    "claim",
    "admit",
    "concur",
    "muse",
    "retort",
    "suggest",
    "state",
    "announce",
    "tell",
]);

/// Words that never head a source phrase.
pub static NEVER_HEAD: WordList = WordList::new(&[
    "a", "an", "the", "that", "to", "not", "there", "than", "so", "then", "also", "and", "or",
    "but", "because", "if", "when", "while", "although", "though", "as", "of", "in", "on", "at",
    "for", "with", "from", "by", "about", "into", "over", "after", "before", "this", "these",
    "those", "what", "how", "why", "where", "whether", "is", "are", "was", "were", "be", "been",
    "has", "have", "had", "will", "would", "can", "could", "should", "may", "might", "must", "do",
    "does", "did", "just", "even", "very", "only", "still", "now", "here", "again", "too", "which",
    "whom", "until", "since", "during", "against", "under", "without", "among", "between",
    "through", "it's", "let", "me", "him", "us", "them", "her", "despite", "amid", "amidst",
    "unlike", "yet",
]);

/// Words that end a source phrase walked to the left.
pub static NP_STOP: WordList = WordList::new(&[
    "that",
    "which",
    "where",
    "when",
    "while",
    "because",
    "if",
    "as",
    "although",
    "though",
    "but",
    "or",
    "so",
    "than",
    "then",
    "not",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "do",
    "does",
    "did",
    "there",
    "what",
    "how",
    "why",
    "whether",
    "until",
    "unless",
    "once",
    "whereas",
    "since",
    "also",
    "just",
    "even",
    "yet",
    "said",
    "says",
    "say",
    "anything",
    "something",
    "everything",
    "nothing",
    "whatever",
    "whoever",
]);

/// Words that end a source phrase walked to the right.
pub static RIGHT_STOP: WordList = WordList::new(&[
    "that",
    "and",
    "but",
    "or",
    "because",
    "when",
    "while",
    "after",
    "before",
    "as",
    "if",
    "than",
    "so",
    "then",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "this",
    "last",
    "earlier",
    "later",
    "today",
    "yesterday",
    "tonight",
    "recently",
    "not",
    "also",
]);

/// Words a walk to the left may have taken from an adverbial before the subject.
pub static LEADING_ADVERBIAL: WordList = WordList::new(&[
    "on",
    "in",
    "at",
    "after",
    "before",
    "during",
    "since",
    "by",
    "last",
    "earlier",
    "later",
    "this",
    "yesterday",
    "today",
    "meanwhile",
    "separately",
    "however",
    "still",
    "now",
    "and",
    "but",
    "so",
    "yet",
    "also",
    "instead",
    "then",
    "over",
    "until",
]);

/// The adverbs among [`LEADING_ADVERBIAL`], which take no object: after "Later" an article
/// starts the subject ("Later the mayor said"), after "On" it starts the object ("On the
/// weekend").
pub static LEADING_ADVERBS: WordList = WordList::new(&[
    "later",
    "earlier",
    "meanwhile",
    "separately",
    "however",
    "still",
    "now",
    "then",
    "also",
    "instead",
    "yesterday",
    "today",
]);

/// Reporting verbs whose object is the listener, before what is said: "told reporters that".
pub static LISTENER_VERBS: WordList = WordList::new(&[
    "tell", "inform", "assure", "remind", "warn", "advise", "notify", "promise", "caution",
]);

/// Words of time an adverbial carries: "on Monday", "last week".
pub static TIME_WORDS: WordList = WordList::new(&[
    "week",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
    "weekend",
    "the",
    "a",
    "an",
    "recent",
    "past",
    "days",
    "weeks",
    "months",
    "years",
    "interview",
    "statement",
]);

/// Words after which a source's description goes on: "of", "familiar", "who".
pub static POST_MODIFIER: WordList = WordList::new(&[
    "of",
    "at",
    "in",
    "from",
    "with",
    "familiar",
    "close",
    "who",
    "whom",
    "whose",
    "which",
    "that",
    "for",
    "to",
    "on",
    "inside",
    "within",
    "involved",
    "briefed",
    "knowledgeable",
    "aware",
    "working",
    "based",
    "and",
    "&",
    "-",
    "'",
]);

/// Words that open an appositive: "Jane Roe, *an* analyst, said".
pub const APPOSITIVE_OPENERS: &[&str] = &["a", "an", "the", "who", "whose", "which"];

/// Possessive pronouns, which own a source phrase or a nominal cue ("his claim").
pub const POSSESSIVE_PRONOUNS: &[&str] = fw::POSSESSIVE_DETERMINERS;

/// Determiners and quantifiers, which start but never end a source phrase.
pub static DETERMINERS: WordList = WordList::new(&[
    "a", "an", "the", "this", "these", "those", "some", "many", "several", "one", "two", "three",
    "four", "five", "another", "other", "both", "all", "most", "each", "every", "any", "no", "few",
    "his", "her", "their", "its", "our", "my", "your", "numerous", "various",
]);

/// Plural nouns without a final "-s" that head a subject taking a plural verb: "1 percent
/// back Lee", "people who live nearby oppose the road".
pub static PLURAL_HEADS: WordList = WordList::new(&[
    "people", "percent", "those", "others", "men", "women", "children", "police", "staff", "clergy",
]);

/// Words that open a clause of their own inside a subject, so end a relative clause's reach:
/// "people who spew *what* seems drivel".
pub static CLAUSE_OPENERS: WordList = WordList::new(&[
    "what", "which", "when", "where", "how", "why", "if", "whether", "whom", "whose",
]);

/// Object pronouns, which open what a transitive verb takes: "support them".
pub const OBJECT_PRONOUNS: &[&str] = &["him", "her", "them", "it", "us", "me", "you"];

/// Verb forms that are also plural nouns heading sources: "media reports said", "the United
/// States says".
pub static PLURAL_NOUN_VERBS: WordList = WordList::new(&[
    "reports",
    "talks",
    "states",
    "notes",
    "posts",
    "tweets",
    "texts",
    "emails",
    "messages",
    "claims",
    "estimates",
    "quotes",
    "charges",
    "comments",
    "polls",
    "fears",
    "hopes",
    "findings",
    "warnings",
    "accounts",
]);

/// Verb forms in -s that are as often plural nouns ("swing states", "his remarks"): a verb only
/// after a plainly singular subject.
pub static NOUN_OR_VERB_S: WordList = WordList::new(&[
    "states",
    "attacks",
    "emails",
    "questions",
    "remarks",
    "calls",
    "comments",
    "messages",
    "projects",
    "shows",
    "thanks",
    "reports",
    "posts",
    "tweets",
    "notes",
    "claims",
    "charges",
    "estimates",
    "quotes",
    "fears",
    "hopes",
    "doubts",
    "answers",
    "texts",
    "warnings",
    "blasts",
    "hits",
    "praises",
    "credits",
    "signals",
    "hints",
    "points",
    "counters",
    "jokes",
    "plans",
    "supports",
    "sees",
    "views",
    "welcomes",
    "complaints",
    "denials",
    "pledges",
    "vows",
    "promises",
    "demands",
    "urges",
    "responses",
    "replies",
    "accounts",
    "records",
]);

/// Base verb forms that are also nouns heading sources: "the report found".
static NOUN_LIKE_VERBS: WordList = WordList::new(&[
    "report",
    "talk",
    "post",
    "tweet",
    "text",
    "email",
    "message",
    "comment",
    "estimate",
    "quote",
    "statement",
    "poll",
    "charge",
    "claim",
    "state",
    "note",
]);

/// Whether a form of an attributing verb may still be a noun in the subject.
pub fn verb_may_be_noun(lower: &str) -> bool {
    PLURAL_NOUN_VERBS.contains(lower) || NOUN_LIKE_VERBS.contains(lower)
}

pub fn is_pronoun(lower: &str) -> bool {
    phrase::is_pronoun(lower) && !matches!(lower, "one" | "that" | "which")
}

pub fn is_person_noun(lower: &str) -> bool {
    PERSON_NOUNS.contains(lower) || PARTY_NOUNS.contains(lower)
}

/// Callings written before a name like a title, lower-case: "the venture capitalist Ann Lee",
/// "the pollster Ann Lee". Most end in "-ist" ("novelist", "economist").
pub fn is_occupation(lower: &str) -> bool {
    lower.len() > 5 && lower.ends_with("ist")
        || matches!(
            lower,
            "pollster"
                | "professor"
                | "author"
                | "writer"
                | "historian"
                | "host"
                | "editor"
                | "investor"
                | "founder"
                | "donor"
                | "actor"
                | "actress"
                | "singer"
                | "comedian"
                | "businessman"
                | "businesswoman"
                | "entrepreneur"
                | "filmmaker"
                | "producer"
                | "coach"
                | "lawyer"
                | "attorney"
        )
}

pub fn is_office(lower: &str) -> bool {
    OFFICES.contains(lower)
}

/// A title written short before a name, whose point the tokenizer splits off: "Mr.", "Gov.".
pub fn is_abbreviated_title(lower: &str) -> bool {
    matches!(
        lower,
        "mr" | "mrs" | "ms" | "dr" | "sen" | "rep" | "gov" | "gen" | "lt" | "col" | "sgt" | "prof"
    )
}

/// Nouns for an opinion survey: "in the polls", "in a CNN/ORC survey".
pub const POLL_NOUNS: &[&str] = &["poll", "polls", "survey", "surveys"];

pub fn is_title(lower: &str) -> bool {
    phrase::is_title(lower)
        || OFFICES.contains(lower)
        || matches!(
            lower,
            "prime"
                | "mp"
                | "lord"
                | "lady"
                | "sir"
                | "dame"
                | "judge"
                | "justice"
                | "general"
                | "colonel"
                | "captain"
                | "prince"
                | "princess"
                | "rev."
                | "sen"
                | "rep"
                | "gov"
                | "mr"
                | "mrs"
                | "ms"
                | "dr"
                | "vice"
                | "deputy"
                | "acting"
                | "former"
                | "foreign"
                | "defence"
                | "defense"
                | "home"
                | "finance"
                | "health"
        )
}

/// A preposition, conjunction or subordinator ("Despite", "Yet", "Although"): never a name,
/// even with a capital.
pub fn is_function_word(lower: &str) -> bool {
    lower == "yet"
        || fw::in_any(
            &[
                fw::PREPOSITIONS,
                fw::ADVERBIAL_PREPOSITIONS,
                fw::COORDINATORS,
                fw::SUBORDINATORS,
            ],
            lower,
        )
}

/// Words that hedge a poll's share before it: "just over a quarter", "nearly half", "just shy
/// of a third".
pub const SHARE_HEDGES: &[&str] = &[
    "just",
    "over",
    "under",
    "about",
    "nearly",
    "almost",
    "roughly",
    "around",
    "more",
    "less",
    "than",
    "shy",
    "of",
    "only",
    "barely",
    "well",
    "some",
    "approximately",
];

/// A poll's share of people, which stands for them as a plural: "64 percent", "a majority",
/// "two-thirds". Never a name, even where it opens a sentence ("Half want …").
pub fn is_share(lower: &str) -> bool {
    matches!(
        lower,
        "percent"
            | "%"
            | "half"
            | "majority"
            | "minority"
            | "third"
            | "thirds"
            | "quarter"
            | "quarters"
            | "share"
            | "plurality"
    ) || lower.ends_with("-thirds")
        || lower.ends_with("-quarters")
}

pub fn is_calendar(lower: &str) -> bool {
    phrase::is_calendar_word(lower)
}

/// Objects a verb needs before it attributes: "raised concerns", "hit out".
pub fn needs_object(lemma: &str) -> Option<&'static [&'static str]> {
    const VIEWS: &[&str] = &[
        "concern",
        "concerns",
        "questions",
        "doubts",
        "doubt",
        "fears",
        "objections",
        "alarm",
        "worries",
        "misgivings",
        "reservations",
        "frustration",
        "anger",
        "support",
        "opposition",
        "scepticism",
        "skepticism",
        "hope",
        "hopes",
        "confidence",
        "regret",
        "dismay",
        "surprise",
        "the",
        "possibility",
        "prospect",
    ];
    match lemma {
        "raise" | "voice" | "express" => Some(VIEWS),
        "hit" => Some(&["out", "back"]),
        "point" => Some(&["out", "to"]),
        // "talked about the deal", "spoke out against": not "talked for an hour".
        "talk" => Some(&["about"]),
        "speak" => Some(&["about", "out"]),
        // "made it clear", "made clear": not "made a profit".
        "make" => Some(&["clear"]),
        // "he continued: …", "“…,” she continued." — not "prices continued to rise".
        "continue" => Some(&[":", ",", ".", "that"]),
        // "appeared to mock", "appears that": not "appeared in court". "seem" is read by
        // `Reader::has_needed_object`.
        "appear" => Some(&["to", "that"]),
        // "referring to the deal", not "referred him to a specialist".
        "refer" => Some(&["to"]),
        _ => None,
    }
}

/// How many of the words after a verb with this lemma belong to its cue: a particle or
/// preposition ("pointed out", "called for", "referred to") or "it clear" ("made it clear").
/// The words after them are what is said, so the cue ends there and the content starts after.
pub fn cue_particle_len(lemma: &str, next: &str, after_next: &str) -> usize {
    match (lemma, next, after_next) {
        ("make", "clear", _) => 1,
        ("make", "it", "clear") => 2,
        _ => usize::from(is_cue_particle(lemma, next)),
    }
}

fn is_cue_particle(lemma: &str, next: &str) -> bool {
    match lemma {
        "talk" => next == "about",
        "call" => matches!(next, "for" | "on"),
        "point" => matches!(next, "out" | "to"),
        "refer" | "respond" | "reply" | "object" => next == "to",
        "hit" => matches!(next, "out" | "back"),
        "weigh" => next == "in",
        "complain" | "boast" | "brag" | "joke" | "worry" => next == "about",
        "insist" | "comment" | "elaborate" => next == "on",
        "campaign" | "rail" => matches!(next, "against" | "for"),
        "speak" => matches!(next, "out" | "about"),
        _ => false,
    }
}
