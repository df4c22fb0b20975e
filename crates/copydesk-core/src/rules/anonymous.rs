//! Documentation of the family's rules, as `copydesk rules` and `copydesk explain` show it.

use super::{declare_rules, Category, Severity};

declare_rules! {
    pub static ANONYMOUS_SOURCE = Rule {
        id: "anonymous-source",
        category: Category::AnonymousSource,
        default_severity: Severity::Info,
        summary: "An unnamed person or group is presented as a source of information or opinion.",
        explanation: "Marks every reference to an unnamed source: the speaker of a reporting verb \
    (said, told, warned, confirmed), the object of \"according to\" or \"interviews with\", and later \
    references that speak again (\"the official said\"), and the unnamed people the shared \
    attribution layer reads as speaking: a description before a colon-introduced quote (\"a cabinet \
    minister added:\"), a relative clause inside it (\"one backbencher who backs the chancellor \
    said\"), a bare \"one said\" or \"another added\", a cue verb other than \"said\" (\"a \
    Treasury official raised concerns\"). Newsroom standards (AP, Reuters, NYT, NPR, \
    SPJ; reference rule A2) treat anonymity as a last resort: the reader should learn why the source \
    is unnamed and how the source knows. The message says what kind of source it is and whether the \
    story gives a reason for anonymity and a basis of knowledge. Named people, pronouns, \
    organisations speaking as such (\"the ministry said\") and anything inside a quotation are not \
    marked.",
        wrong: "The mayor plans to resign next month, a city hall insider said.",
        right: "The mayor plans to resign next month, Deputy Mayor Ana Ortiz said after the \
    meeting.",
    };

    pub static ANONYMITY_UNEXPLAINED = Rule {
        id: "anonymity-unexplained",
        category: Category::AnonymousSource,
        default_severity: Severity::Warning,
        summary: "An unnamed source is used with no reason given for the anonymity.",
        explanation: "AP, NYT, NPR and Reuters require the story to tell readers why a source was \
    granted anonymity (reference rule A2). This fires when no anonymity clause is found in the \
    source's sentence or the next one, nor on any other reference to the same source (\"two of the \
    officials, who asked not to be named because …\" explains \"four officials\"). A bare \"spoke on \
    condition of anonymity\" states the terms but not the reason, and is reported as such.",
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
    \"a county health official who reviewed the inspection report\".",
        wrong: "The inspection found mold in two classrooms, officials said.",
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
        wrong: "People familiar with the talks said a deal was close.",
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
    author is hidden. Name the critic, or report the facts behind the opinion.",
        wrong: "Councilwoman Park is incompetent and out of her depth, a rival aide said.",
        right: "Councilwoman Park missed four of the last six budget hearings, according to the \
    committee's attendance records.",
    };
}
