//! Documentation of the family's rules, as `copydesk rules` and `copydesk explain` show it.

use super::{declare_rules, Category, Severity};

declare_rules! {
    pub static ANONYMOUS_SOURCE = Rule {
        id: "anonymous-source",
        category: Category::AnonymousSource,
        default_severity: Severity::Info,
        summary: "An unnamed person or group is presented as a source of information or opinion.",
        explanation: "The note on an unnamed source that lacks nothing the other rules ask for. Each \
    unnamed source is one entity, all its mentions grouped (\"four sources briefed on the matter\" \
    … \"two of the sources\" … \"the sources said\"), and gets at most one finding, at its first \
    mention: under the most severe rule that is on for what is missing (a reason, a description, \
    a count, an attack), with the rest listed in the message, or this note when nothing is \
    missing. Later references carry no finding and are related locations. Unnamed sources are \
    the speaker of a reporting verb \
    (said, told, warned, confirmed), the object of \"according to\" or \"interviews with\", and later \
    references that speak again (\"the official said\"), and the unnamed people the shared \
    attribution layer reads as speaking: a description before a colon-introduced quote (\"a cabinet \
    minister added:\"), a relative clause inside it (\"one backbencher who backs the chancellor \
    said\"), a bare \"one said\" or \"another added\", a cue verb other than \"said\" (\"a \
    Treasury official raised concerns\"). Newsroom standards (AP, Reuters, NYT, NPR, \
    SPJ; reference rule A2) treat anonymity as a last resort: the reader should learn why the source \
    is unnamed and how the source knows. The message says what kind of source it is and whether the \
    story gives a reason for anonymity and a basis of knowledge. Named people, pronouns, \
    organisations that speak as themselves (\"the ministry said\"), the holder of a body's office (\"its \
    chief executive\"), a named person's description (\"said Wang Li, an official at the bureau\", \
    \"Ann Lee, its minister for trade added\"), a survey's respondents (\"three-quarters of aides \
    said\", \"a survey of 200 staff\"), institutions speaking on the record \
    through their staff (\"harbour officials said\", \"prosecutors said\", \"officials at the \
    BPCA\", \"a USDA official said\", \"organisers of the Harbour Open\", unless the sentence shows inside information or opinion, and never intelligence, \
    defence or security staff) and anything inside a quotation are not marked. Staff of a \
    named body are on the record by default; a desk that wants them asked for a reason like \
    any unnamed source sets `named_body_officials = \"unnamed\"` under `[anonymous]`. The \
    market's chorus (\"analysts said\", \"traders said\": `anonymous-market-colour`'s \
    business, once per story) and ordinary people quoted as themselves (\"one resident said\", \"a witness told\") are never \
    marked. All of these are still listed among the story's unnamed sources by `copydesk \
    sources` and the editor outline. Bare \
    \"officials\" just after a body is named in the paragraph are not asked whom they work \
    for. A source who spoke to another outlet (\"a source told the Sunday Times\", \"told \
    WUSA\", \"sources cited by the Financial Times\", \"the Herald, citing officials who were \
    present\", \"the Gazette, quoting council sources\") is credited to that outlet in its \
    own sentence and gets no finding (editors reading such notes dropped every one); it is \
    listed by `copydesk sources`. So are people a source on the record relays in what they \
    say (\"the minister said two aides had told her\", \"Ana Ruiz told the committee there was \
    a risk people would feel pushed\"): the speaker answers for them. People who speak \
    together with a named person the story quotes (\"Okafor and two strategists agreed\") are \
    on the record with them. A desk lists \
    its own publications under `own_outlets` so that its own sources are not taken for \
    another outlet's; an outlet credited in the dateline (\"(Reuters) -\") is the story's own, \
    as is a wire agency in copy that opens with a bare wire dateline (\"WASHINGTON, Feb 26 - \").",
        wrong: "The mayor plans to resign next month, said a city hall aide who asked not to be \
    named because the mayor has fired staff for talking to reporters.",
        right: "The mayor plans to resign next month, Deputy Mayor Ana Ortiz said after the \
    meeting.",
    };

    pub static ANONYMITY_UNEXPLAINED = Rule {
        id: "anonymity-unexplained",
        category: Category::AnonymousSource,
        default_severity: Severity::Warning,
        summary: "An unnamed source is used with no reason given for the anonymity.",
        explanation: "AP, NYT, NPR and Reuters require the story to tell readers why a source was \
    granted anonymity (reference rule A2). This fires when no anonymity clause for the source is \
    found anywhere in the story: not in its sentence or the next, not on any other reference to it \
    (\"two of the officials, who asked not to be named because …\" explains \"four officials\"), \
    not in a later sentence naming it (\"The officials spoke on condition of anonymity because …\") \
    and not in a closing note covering several sources (\"All of the sources asked not to be \
    named because …\"). A bare \"spoke on condition of anonymity\" states the terms but not the \
    reason, and is reported as such. When the source also lacks a description or a count, the one \
    finding lists those too.",
        wrong: "Two council members said the budget vote would be delayed.",
        right: "Two council members, who spoke on condition of anonymity because the talks are \
    continuing and they feared losing their committee seats, said the vote would be delayed.",
    };

    pub static ANONYMITY_BOILERPLATE = Rule {
        id: "anonymity-boilerplate",
        category: Category::AnonymousSource,
        default_severity: Severity::Hint,
        summary: "The only reason given for anonymity is a stock phrase.",
        explanation: "The NYT standards memo of 2010 calls rote reasons such as \"not authorized to \
    speak publicly\" or \"because of the sensitivity of the matter\" probably worse than no \
    explanation (reference rule A3). Say what this source risks by being named. Wire presets (AP, \
    Reuters) switch this rule off, since their style accepts the formula.",
        wrong: "The plant will close, said a company official who was not authorized to speak publicly.",
        right: "The plant will close, said a manager who asked not to be named because the company \
    has dismissed staff for talking to reporters.",
    };

    pub static ANONYMOUS_SOURCE_BARE = Rule {
        id: "anonymous-source-bare",
        category: Category::AnonymousSource,
        default_severity: Severity::Warning,
        summary: "\"A source\" or \"officials\" with no affiliation and no basis of knowledge.",
        explanation: "AP prohibits an unmodified \"a source\"; NPR says \"officials say\" is not \
    enough (reference rules A1 and A9). Tell the reader whom the source works for or how they know: \
    \"a county health official who reviewed the inspection report\". A description on any later \
    reference, or in the next sentence (\"The officials work for the county parks department\"), \
    counts.",
        wrong: "The inspection found mold in two classrooms, said an official who asked not to be \
    named because the report has not been released and she would lose her job.",
        right: "The inspection found mold in two classrooms, said two district officials who had \
    read the inspection report and asked not to be named because it has not been released.",
    };

    pub static ANONYMOUS_SOURCE_UNCOUNTED = Rule {
        id: "anonymous-source-uncounted",
        category: Category::AnonymousSource,
        default_severity: Severity::Hint,
        summary: "Plural unnamed sources with no number.",
        explanation: "Reuters never makes a single source plural, and readers weigh \"sources\" by \
    how many there are (reference rule A6). Say how many: \"three people familiar with the talks\".",
        wrong: "People familiar with the talks, who asked not to be named because the negotiators \
    agreed to keep them secret, said a deal was close.",
        right: "Three people familiar with the talks, who asked not to be named because the \
    negotiators agreed to keep them secret, said a deal was close.",
    };

    pub static ANONYMOUS_ATTACK = Rule {
        id: "anonymous-attack",
        category: Category::AnonymousSource,
        default_severity: Severity::Warning,
        summary: "An unnamed source delivers an opinion or an attack on a named person.",
        explanation: "Reuters, NPR, the Wall Street Journal and the Washington Post do not let \
    unnamed sources disparage people (reference rule A4): a reader cannot weigh an insult whose \
    author is hidden. Three things must meet, read from the attribution layer: the source is \
    unnamed; what it is quoted or paraphrased saying is about a named person (the subject of the \
    judgement, the owner of a personal quality such as judgment or temper, or the object of an \
    accusation); and it is evaluative (an insult, a judgement of character, competence or sanity \
    such as \"not up to the job\" or \"lost the plot\", an accusation). A harsh word about a plan, \
    a fact about a person or a denied judgement is not an attack. Reported where the attack is \
    delivered. Name the critic, or report the facts behind the opinion.",
        wrong: "Councilwoman Park is incompetent and out of her depth, a rival aide said.",
        right: "Councilwoman Park missed four of the last six budget hearings, according to the \
    committee's attendance records.",
    };

    pub static ANONYMOUS_MARKET_COLOUR = Rule {
        id: "anonymous-market-colour",
        category: Category::AnonymousSource,
        default_severity: Severity::Hint,
        summary: "Unnamed market voices (\"traders said\", \"dealers said\", \"analysts said\") carry the story's market colour.",
        explanation: "Market copy gives the market's mood through its chorus: \"traders said\", \
    \"dealers said\", \"one broker said\", \"economists polled by the agency expect\". They are \
    unnamed sources, but not anonymous in the wire sense: nobody was granted anonymity, and no \
    single line rests on one of them. Off by default (turn it on with \
    `anonymous-market-colour = \"hint\"` under `[rules]`): wire market reports use the chorus by \
    design, and in two editors' readings of wild copy none of 24 notes was kept, on newspaper and \
    broadcast copy as on the wires. Without it, the chorus gets no finding at all. Once on, the \
    story gets one low-severity note, at the first market voice, with the others as related \
    locations: never a finding per line, and never a demand for a reason for anonymity. Name one of them, or say \
    how many and where they work (\"dealers at two Frankfurt banks\"). The voices are listed \
    among the story's unnamed sources either way (`copydesk sources`).",
        opt_in: true,
        wrong: "Copper rose 3 percent on Monday as traders bet on lower stocks in Chile, and \
    dealers said buyers were back.",
        right: "Copper rose 3 percent on Monday as traders bet on lower stocks in Chile, and Ines \
    Marsh, a metals dealer at Harwick Brokers, said buyers were back.",
    };
}
