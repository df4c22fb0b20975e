//! Attribution cues: verbs whose subject is a source, prepositions whose object is one, and the
//! small words that may stand between a source and its verb ("officials *have also* said").

use crate::lexicon::function_words::WEEKDAYS;
use crate::lexicon::reporting_verbs;
use crate::lexicon::word_set::WordList;

/// Verbs and verb-like words that attribute speech, belief or a stance to their subject beyond
/// the shared reporting-verb list: mined from the cues of the attribution corpus.
static FRAME_VERBS: WordList = WordList::new(&[
    "voiced",
    "voice",
    "voices",
    "expressed",
    "express",
    "expresses",
    "mentioned",
    "mentions",
    "discovered",
    "found",
    "find",
    "finds",
    "learned",
    "bristle",
    "bristled",
    "bristles",
    "blasted",
    "blast",
    "blasts",
    "slammed",
    "slam",
    "slams",
    "derided",
    "mocked",
    "ridiculed",
    "attacked",
    "lambasted",
    "dismissed",
    "emphasize",
    "emphasizes",
    "emphasize",
    "emphasizing",
    "disagree",
    "disagrees",
    "feel",
    "feels",
    "felt",
    "estimate",
    "concluded",
    "conclude",
    "conclude",
    "concede",
    "insist",
    "warn",
    "caution",
    "cautions",
    "acknowledged",
    "explained",
    "explain",
    "recount",
    "recounted",
    "spoke",
    "speak",
    "speaks",
    "speaking",
    "continued",
    "continues",
    "reiterated",
    "repeated",
    "echoed",
    "stressing",
    "noting",
    "pointing",
    "adding",
    "suggesting",
    "predicting",
    "anticipate",
    "anticipated",
    "anticipates",
    "envision",
    "envisioned",
    "briefed",
    "blamed",
    "vented",
    "clarified",
    "emailed",
    "texted",
    "messaged",
    "weighed",
    "opined",
    "groused",
    "grumbled",
    "fumed",
    "griped",
    "whispered",
    "speculate",
    "assumed",
    "assume",
    "assumes",
    "suspect",
    "suspected",
    "suspects",
    "blame",
    "accuse",
    "complain",
    "characterize",
    "describe",
    "say",
    "confirm",
    "deny",
    "admit",
    "reveal",
    "recall",
    "believed",
    "called",
    "credited",
    "credit",
    "credits",
    "predicted",
    "projected",
    "outlined",
    "detailed",
    "signaled",
    "hinted",
    "hint",
    "hints",
    "assessed",
    "assess",
    "assesses",
    "calculated",
    "calculate",
    "reckon",
    "reckoned",
    "acknowledges",
    "describes",
    "described",
    "cited",
    "cite",
    "cites",
    "hope",
    "fear",
    "worry",
    // Present plural forms, for "advisers argue", "officials believe".
    "argue",
    "believe",
    "contend",
    "acknowledge",
    "predict",
    "concede",
    "maintain",
    "implied",
    "implies",
]);

/// Adjectives that make "were/are X" a stance: "aides were adamant that …".
static STANCE_ADJECTIVES: WordList = WordList::new(&[
    "adamant",
    "worried",
    "concerned",
    "confident",
    "convinced",
    "skeptical",
    "sceptical",
    "optimistic",
    "pessimistic",
    "certain",
    "sure",
    "unhappy",
    "furious",
    "frustrated",
    "angry",
    "upset",
    "hopeful",
    "wary",
    "divided",
    "split",
    "aware",
    "quick",
    "eager",
    "reluctant",
    "alarmed",
    "uneasy",
    "insistent",
    "emphatic",
    "critical",
    "dismissive",
]);

/// Verbs that stand before their subject in news style: `"…," said an aide.`
static INVERTIBLE: WordList = WordList::new(&[
    "said",
    "says",
    "added",
    "adds",
    "wrote",
    "writes",
    "explained",
    "explains",
    "noted",
    "notes",
    "continued",
    "recalled",
    "insisted",
    "warned",
    "argued",
    "acknowledged",
    "replied",
    "responded",
    "confirmed",
    "asked",
    "cautioned",
    "observed",
    "remarked",
    "conceded",
    "countered",
    "predicted",
    "complained",
    "declared",
    "quipped",
    "joked",
    "tweeted",
]);

/// Words that may stand between a subject and its verb without breaking the frame, besides
/// the days of the week ([`WEEKDAYS`]).
static BETWEEN_SUBJECT_AND_VERB: WordList = WordList::new(&[
    "also",
    "have",
    "has",
    "had",
    "would",
    "will",
    "may",
    "might",
    "could",
    "should",
    "did",
    "do",
    "does",
    "not",
    "never",
    "later",
    "subsequently",
    "privately",
    "publicly",
    "repeatedly",
    "recently",
    "still",
    "now",
    "often",
    "long",
    "already",
    "widely",
    "since",
    "separately",
    "generally",
    "initially",
    "first",
    "earlier",
    "previously",
    "then",
    "both",
    "all",
    "too",
    "again",
    "last",
    "week",
    "month",
    "year",
    "this",
    "on",
    "today",
    "yesterday",
    "tonight",
    "morning",
    "night",
    "afternoon",
    "evening",
    "further",
    "quickly",
    "openly",
    "flatly",
    "strongly",
    "broadly",
    "uniformly",
    "unanimously",
    "reportedly",
    "apparently",
    "allegedly",
    "increasingly",
    "consistently",
    "frequently",
    "occasionally",
    "sometimes",
    "once",
    "even",
    "just",
    "yet",
    "largely",
    "mostly",
    // "almost universally say": a degree before the adverb belongs with it.
    "almost",
    "however",
]);

/// Words that, before a noun phrase, make it the source: "according to", "interviews with".
const PREPOSITIONAL: &[(&str, &str)] = &[
    ("according", "to"),
    ("interviews", "with"),
    ("interview", "with"),
    ("conversations", "with"),
    ("accounts", "from"),
    ("account", "from"),
    ("accounts", "of"),
    ("statements", "from"),
    ("comments", "from"),
    ("information", "from"),
    ("briefings", "from"),
    ("briefing", "from"),
    ("assessment", "from"),
    ("estimates", "from"),
    ("words", "of"),
];

/// Past participles that make a following "by X" the source: "as described by an aide".
static PASSIVE_CUES: WordList = WordList::new(&[
    "provided",
    "described",
    "confirmed",
    "reported",
    "told",
    "disclosed",
    "leaked",
    "given",
    "shared",
    "relayed",
    "characterized",
    "detailed",
    "quoted",
    "cited",
    "recounted",
    "related",
    "explained",
    "outlined",
]);

/// Verbs that only deny what the nominal cue after them carries: "denied reports that",
/// "rejected suggestions that". The reports are named to be contradicted; no claim of the
/// story rests on them.
static DENIAL_FRAMES: WordList = WordList::new(&[
    "deny",
    "denies",
    "denied",
    "denying",
    "reject",
    "rejects",
    "rejected",
    "rejecting",
    "dismiss",
    "dismisses",
    "dismissed",
    "dismissing",
    "refute",
    "refutes",
    "refuted",
    "refuting",
]);

/// Whether `lower` is a verb that frames a nominal cue only to deny it ("denied reports").
pub fn is_denial_frame(lower: &str) -> bool {
    DENIAL_FRAMES.contains(lower)
}

/// Whether `lower` is a verb whose subject is presented as a source.
pub fn is_frame_verb(lower: &str) -> bool {
    reporting_verbs::is_reporting_verb(lower) || FRAME_VERBS.contains(lower)
}

/// Whether `lower` is a stance adjective ("were adamant that").
pub fn is_stance_adjective(lower: &str) -> bool {
    STANCE_ADJECTIVES.contains(lower)
}

/// Whether `lower` can precede its subject (`"…," said the aide`).
pub fn is_invertible(lower: &str) -> bool {
    INVERTIBLE.contains(lower)
}

/// Whether `lower` may sit between a source and its verb.
pub fn may_intervene(lower: &str) -> bool {
    BETWEEN_SUBJECT_AND_VERB.contains(lower) || WEEKDAYS.contains(&lower)
}

/// Whether the two words before a noun phrase make it the object of a source preposition.
pub fn is_prepositional_cue(first: &str, second: &str) -> bool {
    PREPOSITIONAL
        .iter()
        .any(|&(a, b)| a == first && b == second)
}

/// Whether `lower` is a participle that makes "by X" a source.
pub fn is_passive_cue(lower: &str) -> bool {
    PASSIVE_CUES.contains(lower)
}

/// What is agreed when "agree" strikes terms rather than shares a view: "agreed a
/// settlement", "agreed the terms of the sale".
static AGREED_TERMS: WordList = WordList::new(&[
    "deal",
    "deals",
    "settlement",
    "settlements",
    "terms",
    "contract",
    "contracts",
    "pact",
    "merger",
    "sale",
    "price",
    "prices",
    "fee",
    "fees",
    "loan",
    "loans",
    "package",
    "budget",
    "ceasefire",
    "truce",
    "compensation",
    "damages",
    "payment",
    "payments",
    "pay",
    "wage",
    "wages",
    "rate",
    "rates",
    "funding",
    "plea",
]);

/// Whether "agree" followed by `next` and `after_next` strikes terms ("agreed a deal",
/// "agreed the terms of the sale", "agreed settlements with the regulator") rather than shares
/// a view ("agreed that", "agreed the plan was sound", "agree a statement alone will not do").
pub fn agrees_terms(next: &str, after_next: &str) -> bool {
    AGREED_TERMS.contains(next)
        || crate::attribution::phrase::is_determiner(next) && AGREED_TERMS.contains(after_next)
}

/// Whether the words after "told" or "ordered", from word `first` up to `end`, are whom it
/// was told and an infinitive: "him to stop", "the driver to stop", "Ana Ruiz to leave" give an
/// order, not something the source says is so; "reporters they planned to stay" and "the BBC
/// it was going to close" report a claim. `word` gives a word in lower case (punctuation as
/// itself), `capitalised` whether it is written with a capital. Read the same way by the
/// detector and the attribution layer's sources.
pub fn tells_an_order<'w>(
    word: impl Fn(usize) -> &'w str,
    capitalised: impl Fn(usize) -> bool,
    first: usize,
    end: usize,
) -> bool {
    let at = |k: usize| if k < end { word(k) } else { "" };
    let is_word = |k: usize| at(k).chars().next().is_some_and(char::is_alphanumeric);
    // The one told: a pronoun, a name of up to three words, or a noun with its determiner.
    // "told her to", not "told her staff to": a possessive is a pronoun when "to" follows.
    let told = first
        + usize::from(
            at(first + 1) != "to" && crate::attribution::phrase::is_determiner(at(first)),
        );
    let mut told_end = told;
    while told_end + 1 < end.min(told + 3) && capitalised(told) && capitalised(told_end + 1) {
        told_end += 1;
    }
    is_word(told)
        && at(told_end + 1) == "to"
        && is_word(told_end + 2)
        && !crate::attribution::phrase::is_determiner(at(told_end + 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_classes() {
        assert!(is_frame_verb("said"));
        assert!(is_frame_verb("voiced"));
        assert!(!is_frame_verb("traveled"));
        assert!(is_invertible("said"));
        assert!(!is_invertible("told"));
        assert!(is_prepositional_cue("according", "to"));
        assert!(!is_prepositional_cue("according", "with"));
        assert!(may_intervene("also"));
        assert!(is_stance_adjective("adamant"));
        assert!(is_passive_cue("provided"));
        assert!(is_denial_frame("denied"));
        assert!(!is_denial_frame("faced"));
    }

    #[test]
    fn orders_told_and_claims_told() {
        let order = |text: &str| {
            let words: Vec<&str> = text.split_whitespace().collect();
            let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
            tells_an_order(
                |k| lower[k].as_str(),
                |k| words[k].starts_with(char::is_uppercase),
                0,
                words.len(),
            )
        };
        assert!(order("him to stop"));
        assert!(order("her to pump in her car"));
        assert!(order("the driver to stop"));
        assert!(order("Ana Ruiz to leave"));
        assert!(!order("her staff the plan had failed"));
        assert!(!order("reporters they planned to stay"));
        assert!(!order("the BBC it was going to close"));
        assert!(!order("him to the station"));
        // Agreeing terms is no view; agreeing a claim is.
        assert!(agrees_terms("settlements", "with"));
        assert!(agrees_terms("the", "terms"));
        assert!(!agrees_terms("the", "plan"));
        assert!(!agrees_terms("a", "statement"));
    }
}
