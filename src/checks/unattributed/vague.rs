//! `vague-attribution`: claims put in the mouth of nobody in particular.
//!
//! Three families of patterns, each with guards:
//! - a vague group as the agent of a stance verb: quantifier + group noun ("some experts
//!   believe", "a number of lawmakers say"), a commentator group on its own ("analysts said",
//!   "the bank's critics argue"), an indefinite pronoun ("others argue", "many in the party
//!   fear");
//! - agentless constructions: "it is believed", "is widely seen as", "is said to", "has been
//!   called", "has drawn criticism", "studies show", "the argument goes";
//! - hearsay: "reportedly", "according to press reports", "amid reports that", "[outlet] has
//!   learned".
//!
//! Quieter when the same sentence names who ("critics, including Sen. Roe, say"), when the
//! group belongs to a named organisation ("analysts at Acme Bank"), or when the paragraph
//! names one of the group ("…, said Jane Roe, an analyst").

use super::lexicon::{self as lx};
use super::scope::{words, Scope, Word};
use super::RULES;
use crate::finding::Finding;
use crate::span::Span;
use crate::text::{Story, TokenKind};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;

/// What kind of vagueness a pattern finds, for the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Group,
    Agentless,
    Hearsay,
    Learned,
    Custom,
}

struct Pattern {
    regex: Regex,
    kind: Kind,
    /// Skip the match when the words right after it start with one of these.
    unless_followed_by: &'static [&'static str],
    /// Skip the match inside someone's reported speech ("X said it is widely believed…").
    /// Not for the hearsay patterns: "according to press reports" is itself the source.
    guarded: bool,
    /// A capital mid-sentence makes the match part of a name ("Policy Research found").
    name_sensitive: bool,
}

pub struct Vague {
    patterns: Vec<Pattern>,
    /// A poll as the agent later in the sentence: "viewed as honest by 55 percent of voters".
    poll_agent: Regex,
    /// "a state seen as critical", ", regarded as the leading figure": a participle with no
    /// auxiliary, so the word before it decides (not "has seen as many").
    reduced_relative: Regex,
    learned: Regex,
    custom: Option<AhoCorasick>,
}

const ADV: &str = r"(?:\s+(?:widely|generally|commonly|often|now|also|long|increasingly|broadly|still|largely|sometimes|frequently|universally|privately|once|previously|not|already|nonetheless|nevertheless|typically|usually|traditionally))*";

impl Vague {
    pub fn new(extra: &[String]) -> Vague {
        let p = |re: &str, kind: Kind, unless: &'static [&'static str]| Pattern {
            regex: Regex::new(&format!("(?i){re}")).expect("built-in pattern compiles"),
            kind,
            unless_followed_by: unless,
            guarded: kind != Kind::Hearsay,
            name_sensitive: true,
        };
        let patterns = vec![
            // "it is believed", "it was widely reported that"
            p(
                &format!(
                    r"\bit(?:\s+is|\s+was|\s+has\s+been|\s+had\s+been|'s\s+been|’s\s+been|'s|’s){ADV}\s+(?:believed|thought|said|reported|claimed|understood|alleged|rumou?red|feared|assumed|argued|suggested|speculated|accepted|agreed|felt|held|presumed|whispered|asserted|maintained)\b"
                ),
                Kind::Agentless,
                &["by", "in", "on", "at", "off", "out", "up", "goodbye"],
            ),
            // "is widely seen as", "are said to", "was thought to have", "was seen by some as"
            p(
                &format!(
                    r"\b(?:is|are|was|were|been)(?:{ADV}|\s+by\s+(?:some|many|most|others))*\s+(?:seen|viewed|regarded|perceived|believed|thought|said|rumou?red|reputed|presumed|tipped|considered|described|characteri[sz]ed|portrayed|depicted)(?:\s+by\s+(?:some|many|most|others|critics|experts|observers|analysts))?\s+(?:as|to\s+be|to\s+have|to)\b"
                ),
                Kind::Agentless,
                &[],
            ),
            // "widely expected", "widely credited"
            p(
                r"\b(?:widely|generally|commonly|broadly|universally)\s+(?:believed|thought|expected|seen|viewed|regarded|considered|perceived|assumed|understood|credited|blamed|acknowledged|accepted|reported|known|described|cited|criticized|criticised|praised|condemned|panned|recognized|recognised|derided|mocked|ridiculed|hailed|disputed|doubted)(?:\s+(?:as|to|that|for|with|in|now)\b|\s*[,.;—–])",
                Kind::Agentless,
                &["by"],
            ),
            // "has long been considered a", "is considered one of"
            p(
                &format!(
                    r"\b(?:is|are|was|were|been){ADV}\s+considered\s+(?:a|an|one|among|likely|unlikely|the)\b"
                ),
                Kind::Agentless,
                &[],
            ),
            // "has been called", "had long been described as"
            p(
                r"\b(?:has|have|had)(?:\s+(?:long|often|widely|frequently|also|sometimes|repeatedly|since|previously|already|variously|even))*\s+been\s+(?:called|described|labell?ed|characteri[sz]ed|dubbed|hailed|branded|derided|criticized|criticised|portrayed|painted|credited|blamed)\b",
                Kind::Agentless,
                &[
                    "by", "to", "up", "in", "off", "for", "on", "into", "back", "out", "away",
                    "before",
                ],
            ),
            // "has been criticized for", "had often been derided as"
            p(
                r"\b(?:is|are|was|were|has|have|had)(?:\s+(?:long|often|widely|frequently|also|sometimes|repeatedly|already|been|being|previously|harshly|sharply|roundly|heavily|publicly))*\s+(?:been|being)(?:\s+(?:harshly|sharply|roundly|heavily|publicly|widely|repeatedly|often))?\s+(?:criticized|criticised|derided|condemned|panned|mocked|ridiculed|faulted|lambasted|lampooned|slammed|blasted)\b",
                Kind::Agentless,
                &["by", "in", "at", "on"],
            ),
            // "has drawn sharp criticism", "came under fire"
            p(
                r"\b(?:has|have|had)\s+(?:drawn|come\s+under|attracted|sparked|provoked)(?:\s+(?:heavy|sharp|fierce|harsh|widespread|intense|growing|some|much|considerable|strong|withering|mounting))?\s+(?:criticism|scrutiny|ridicule|condemnation|backlash)\b",
                Kind::Agentless,
                &["from"],
            ),
            // "were known to use", "was suspected of", "had been previously reported"
            p(
                &format!(
                    r"\b(?:is|are|was|were|been){ADV}\s+(?:known\s+to|suspected\s+(?:of|to)|rumou?red\s+to)\b"
                ),
                Kind::Agentless,
                &[],
            ),
            p(
                r"\b(?:has|have|had)\s+(?:also\s+|previously\s+|widely\s+|long\s+)?been\s+(?:widely\s+|previously\s+|repeatedly\s+)?reported\b",
                Kind::Agentless,
                &["by", "to", "missing", "dead", "killed", "injured"],
            ),
            // "studies show", "research has found", "independent analyses agree"
            p(
                r"\b(?:(?:some|many|several|recent|previous|independent|numerous|other|multiple|outside|academic)\s+)?(?:studies|research|analyses)\s+(?:(?:have|has|also|consistently|repeatedly|long)\s+)*(?:show|shown|shows|suggest|suggested|suggests|found|find|finds|indicate|indicated|indicates|agree|agreed|concluded|conclude|demonstrated|demonstrate|confirm|confirmed)\b",
                Kind::Agentless,
                &["by"],
            ),
            p(
                r"\b(?:science|evidence)\s+(?:says|shows|suggests|indicates)\b",
                Kind::Agentless,
                &[],
            ),
            // "conventional wisdom holds", "the argument goes", "word is that"
            p(
                r"\b(?:conventional\s+wisdom\s+(?:holds|says|is|has\s+it|suggests)|the\s+(?:argument|thinking|theory|reasoning|logic|story|line)\s+goes|(?:the\s+)?word\s+is\s+that|it(?:\s+is|'s|’s)\s+no\s+secret|(?:rumou?r|legend)\s+has\s+it|by\s+(?:some|many|most|several|multiple)\s+accounts|in\s+the\s+eyes\s+of\s+(?:many|some|critics|most|others))\b",
                Kind::Agentless,
                &[],
            ),
            // "questions have been raised", "concerns have been voiced"
            p(
                r"\b(?:questions|concerns|doubts|fears)\s+(?:have|had|has)\s+(?:also\s+)?been\s+(?:raised|voiced|expressed)\b",
                Kind::Agentless,
                &["by"],
            ),
            // "there is growing speculation that"
            p(
                r"\bthere\s+(?:is|was|has\s+been)\s+(?:(?:growing|widespread|some|much|increasing|broad|general|mounting|intense|rampant)\s+)*(?:speculation|talk|consensus|belief|perception|suspicion|feeling)\s+(?:that|among)\b",
                Kind::Agentless,
                &[],
            ),
            // "according to press reports", "amid reports that", "there are reports that"
            p(
                r"\baccording\s+to\s+(?:(?:some|many|several|multiple|recent|published|press|news|media|local|unconfirmed|initial|early|earlier|other|various|widespread|numerous|later|subsequent)\s+)*(?:reports|accounts|reporting|rumou?rs|estimates)\b",
                Kind::Hearsay,
                &["in", "by", "from", "on", "of"],
            ),
            p(
                r"\b(?:amid|despite|following|after)\s+(?:(?:published|press|news|media|unconfirmed|recent|widespread|persistent|growing|new)\s+)*reports\s+(?:that|of)\b",
                Kind::Hearsay,
                &[],
            ),
            p(
                r"\bthere\s+(?:are|were|have\s+been|had\s+been)\s+(?:(?:also|some|many|several|growing|widespread|persistent|unconfirmed|repeated|numerous)\s+)*(?:reports|rumou?rs|suggestions|claims)\s+(?:that|of)\b",
                Kind::Hearsay,
                &[],
            ),
            p(
                r"\b(?:(?:press|media|news|published|unconfirmed|local|several|multiple|recent)\s+)+reports\s+(?:have\s+)?(?:say|said|suggest|suggested|indicate|indicated|claim|claimed)\b",
                Kind::Hearsay,
                &[],
            ),
        ];
        let reduced_relative = Regex::new(
            r"(?:[,—–(]|\b([A-Za-z][a-z'’-]*))\s+((?:(?:widely|generally|long|often|once|increasingly|largely)\s+)?(?:seen|viewed|regarded|perceived)\s+as)\s+(\w+)",
        )
        .expect("built-in pattern compiles");
        let learned = Regex::new(
            r"\b((?:The\s+)?(?:[A-Z][\w.&'’-]*\s+){0,3}[A-Z][\w.&'’-]*)\s+(?:has|have)\s+(?:exclusively\s+)?learned\b",
        )
        .expect("built-in pattern compiles");
        let phrases: Vec<&str> = extra
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect();
        let custom = (!phrases.is_empty())
            .then(|| {
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&phrases)
                    .ok()
            })
            .flatten();
        let poll_agent = Regex::new(
            r"(?i)\bby\s+(?:about\s+|nearly\s+|almost\s+|roughly\s+|more\s+than\s+|at\s+least\s+|only\s+)?(?:\d|a\s+(?:majority|plurality|quarter|third|half)|majorities|(?:most|many)\s+(?:voters|respondents|americans))",
        )
        .expect("built-in pattern compiles");
        Vague {
            patterns,
            poll_agent,
            reduced_relative,
            learned,
            custom,
        }
    }

    pub fn check(&self, story: &Story, scope: &Scope, out: &mut Vec<Finding>) {
        let mut found: Vec<(Span, Kind)> = Vec::new();
        for (si, sentence) in story.sentences.iter().enumerate() {
            if scope.is_boilerplate(sentence.paragraph) {
                continue;
            }
            let w = words(story, si);
            find_groups(story, scope, si, &w, &mut found);
            let text = story.text(sentence.span);
            let other_cue = |span: Span| scope.core_cue_outside(si, span);
            for pattern in &self.patterns {
                for m in pattern.regex.find_iter(text) {
                    let span = Span::new(
                        sentence.span.start + m.start(),
                        sentence.span.start + m.end(),
                    );
                    let after = text.get(m.end()..).unwrap_or("");
                    if followed_by(after, pattern.unless_followed_by)
                        || (pattern.kind == Kind::Agentless && self.poll_agent.is_match(after))
                        || story.in_quote(span)
                        || (pattern.guarded && other_cue(span))
                    {
                        continue;
                    }
                    // "the Center for Policy Research found": a name, not "research".
                    let first = m.as_str().chars().next().is_some_and(char::is_uppercase);
                    if first && m.start() > 0 && pattern.name_sensitive {
                        continue;
                    }
                    push(&mut found, span, pattern.kind);
                }
            }
            for c in self.reduced_relative.captures_iter(text) {
                let (Some(tail), Some(next)) = (c.get(2), c.get(3)) else {
                    continue;
                };
                let before = c
                    .get(1)
                    .map(|b| b.as_str().to_lowercase())
                    .unwrap_or_default();
                let blocked_before = matches!(
                    before.as_str(),
                    "is" | "are"
                        | "was"
                        | "were"
                        | "be"
                        | "been"
                        | "being"
                        | "has"
                        | "have"
                        | "had"
                        | "i"
                        | "we"
                        | "you"
                        | "they"
                        | "he"
                        | "she"
                        | "it"
                        | "who"
                        | "never"
                        | "ever"
                        | "not"
                        | "also"
                        | "would"
                        | "will"
                        | "could"
                        | "can"
                        | "may"
                        | "might"
                        | "must"
                        | "should"
                        | "to"
                        | "what"
                        | "that"
                        | "which"
                ) || c
                    .get(1)
                    .is_some_and(|b| b.as_str().chars().next().is_some_and(char::is_uppercase));
                let comparative = matches!(
                    next.as_str().to_lowercase().as_str(),
                    "many"
                        | "much"
                        | "few"
                        | "little"
                        | "well"
                        | "long"
                        | "soon"
                        | "often"
                        | "far"
                        | "good"
                        | "bad"
                        | "early"
                        | "late"
                        | "recently"
                        | "quickly"
                        | "fast"
                        | "large"
                        | "big"
                        | "high"
                        | "low"
                        | "close"
                        | "strong"
                        | "likely"
                );
                let span = Span::new(
                    sentence.span.start + tail.start(),
                    sentence.span.start + tail.end(),
                );
                let after = text.get(tail.end()..).unwrap_or("");
                if blocked_before
                    || comparative
                    || self.poll_agent.is_match(after)
                    || story.in_quote(span)
                    || other_cue(span)
                {
                    continue;
                }
                push(&mut found, span, Kind::Agentless);
            }
            for m in self.learned.captures_iter(text) {
                let (Some(all), Some(subject)) = (m.get(0), m.get(1)) else {
                    continue;
                };
                let first = subject.as_str().split_whitespace().next().unwrap_or("");
                let after = text.get(all.end()..).unwrap_or("");
                if matches!(
                    first,
                    "He" | "She" | "They" | "We" | "I" | "It" | "You" | "Who" | "This" | "That"
                ) || followed_by(
                    after,
                    &[
                        "to", "how", "from", "about", "of", "the", "a", "his", "her", "their",
                    ],
                ) {
                    continue;
                }
                let span = Span::new(
                    sentence.span.start + all.start(),
                    sentence.span.start + all.end(),
                );
                if !story.in_quote(span) {
                    push(&mut found, span, Kind::Learned);
                }
            }
            let legal = w.iter().any(|x| !x.quoted && x.in_list(lx::LEGAL_CONTEXT));
            for word in &w {
                if word.quoted || !word.in_list(lx::HEARSAY_ADVERBS) {
                    continue;
                }
                // "charged with battery for allegedly grabbing": the charge is the source.
                if legal {
                    continue;
                }
                // "He reportedly told aides": the adverb hedges the very verb after it, which
                // does not say who reported it.
                let hedged_verb = w
                    .iter()
                    .skip_while(|x| x.span.start <= word.span.start)
                    .take(2)
                    .fold(word.span, |acc, x| acc.join(x.span));
                if !other_cue(hedged_verb) {
                    push(&mut found, word.span, Kind::Hearsay);
                }
            }
        }
        if let Some(ac) = &self.custom {
            let prose = story.prose();
            for m in ac.find_iter(prose) {
                let span = Span::new(m.start(), m.end());
                if is_whole_word(prose, span) && !story.in_quote(span) {
                    push(&mut found, span, Kind::Custom);
                }
            }
        }
        for (span, _) in found.iter_mut() {
            let text = story.text(*span);
            let trimmed = text.trim_end_matches(|c: char| c.is_whitespace() || ",.;—–".contains(c));
            span.end = span.start + trimmed.len();
        }
        found.sort_by_key(|(s, _)| (s.start, s.end));
        for (span, kind) in found {
            let phrase = story.text(span);
            out.push(Finding::new(
                &RULES[super::VAGUE],
                span,
                message(kind, phrase),
            ));
        }
    }
}

fn message(kind: Kind, phrase: &str) -> String {
    match kind {
        Kind::Group => format!(
            "Vague attribution: who are “{}”? Name them, or at least say how many and who they are; a claim in the mouth of an unnamed group reads as the reporter's own (MOS:WEASEL, AP).",
            group_of(phrase)
        ),
        Kind::Agentless => format!(
            "Agentless attribution: “{phrase}” by whom? Say who holds this view or where it comes from, or drop it (MOS:WEASEL, AP: attribute disputable facts)."
        ),
        Kind::Hearsay => format!(
            "Hearsay attribution: “{phrase}” does not say who reported it. Name the report or outlet, or confirm it ourselves (NPR: “reportedly” is not enough)."
        ),
        Kind::Learned => format!(
            "“{phrase}” is not a source: say who told us, and how they know (NPR: it is never enough to say we have learned)."
        ),
        Kind::Custom => format!(
            "Vague attribution (house list): “{phrase}”. Say who."
        ),
    }
}

/// The group itself in a phrase like "according to critics" or "warnings from experts".
fn group_of(phrase: &str) -> &str {
    ["according to ", " from ", " among ", "by "]
        .iter()
        .filter_map(|link| phrase.find(link).map(|at| at + link.len()))
        .max()
        .and_then(|at| phrase.get(at..))
        .unwrap_or(phrase)
}

/// Keeps the first of overlapping findings.
fn push(found: &mut Vec<(Span, Kind)>, span: Span, kind: Kind) {
    if !found.iter().any(|(s, _)| s.overlaps(span)) {
        found.push((span, kind));
    }
}

fn followed_by(after: &str, words: &[&str]) -> bool {
    let next: String = after
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '-')
        .collect::<String>()
        .to_lowercase();
    !next.is_empty() && words.contains(&next.as_str())
}

fn is_whole_word(text: &str, span: Span) -> bool {
    let before = text
        .get(..span.start)
        .and_then(|t| t.chars().next_back())
        .is_some_and(char::is_alphanumeric);
    let after = text
        .get(span.end..)
        .and_then(|t| t.chars().next())
        .is_some_and(char::is_alphanumeric);
    !before && !after
}

fn is_verb_at(w: &[Word], k: usize) -> bool {
    w.get(k).is_some_and(|x| {
        !x.quoted && (x.in_list(lx::STANCE_VERBS) || x.in_list(lx::STANCE_VERBS_S))
    })
}

/// From `k`, skips auxiliaries and adverbs; true when a stance verb or "be + stance adjective"
/// follows.
fn verb_follows(w: &[Word], k: usize) -> bool {
    verb_at_or_after(w, k).is_some()
}

/// The index of the stance verb (or stance adjective) found by [`verb_follows`].
fn verb_at_or_after(w: &[Word], mut k: usize) -> Option<usize> {
    let mut skipped = 0;
    while let Some(x) = w.get(k) {
        if x.quoted || x.kind != TokenKind::Word {
            // A comma before the verb: "critics, though, say" — allow one short aside.
            if x.lower == "," && skipped == 0 {
                if let Some(end) = (k + 1..w.len().min(k + 4)).find(|&j| w[j].lower == ",") {
                    k = end + 1;
                    skipped += 1;
                    continue;
                }
            }
            return None;
        }
        if is_verb_at(w, k) && !(x.is("say") && w.get(k + 1).is_some_and(|n| n.is("so"))) {
            return Some(k);
        }
        if matches!(
            x.lower.as_str(),
            "is" | "are"
                | "was"
                | "were"
                | "been"
                | "remain"
                | "remained"
                | "seem"
                | "seemed"
                | "appear"
                | "appeared"
                | "grew"
                | "grown"
                | "became"
                | "become"
        ) && w.get(k + 1).is_some_and(|n| {
            n.in_list(lx::STANCE_ADJECTIVES)
                || (matches!(
                    n.lower.as_str(),
                    "less"
                        | "more"
                        | "far"
                        | "deeply"
                        | "increasingly"
                        | "also"
                        | "still"
                        | "not"
                        | "so"
                ) && w.get(k + 2).is_some_and(|m| {
                    m.in_list(lx::STANCE_ADJECTIVES) || matches!(m.lower.as_str(), "less" | "more")
                }))
        }) {
            return Some(k + 1);
        }
        if (x.in_list(lx::VERB_GAP) || (x.lower.ends_with("ly") && x.lower.len() > 4))
            && skipped < 4
        {
            k += 1;
            skipped += 1;
            continue;
        }
        return None;
    }
    None
}

fn is_named_after(w: &[Word], k: usize) -> bool {
    // "critics, including Sen. Mary Roe," / "experts such as Jane Roe" / "analysts at Acme".
    let mut k = k;
    if w.get(k)
        .is_some_and(|x| x.lower == "," || x.lower == "—" || x.lower == "(")
    {
        k += 1;
    }
    let Some(x) = w.get(k) else {
        return false;
    };
    if x.in_list(lx::NAMING_LINKS) {
        let mut j = k + 1;
        while w
            .get(j)
            .is_some_and(|y| matches!(y.lower.as_str(), "as" | "by" | "them" | "whom" | "the"))
        {
            j += 1;
        }
        return w.get(j).is_some_and(|y| y.cap && y.is_word());
    }
    if x.in_list(lx::ORG_PREPOSITIONS) {
        let mut j = k + 1;
        if w.get(j).is_some_and(|y| y.is("the")) {
            j += 1;
        }
        return w.get(j).is_some_and(|y| y.cap && y.is_word());
    }
    false
}

/// Whether the paragraph names one member of the group: "…, said Jane Roe, an analyst".
fn paragraph_names_one(story: &Story, scope: &Scope, sentence: usize, head: &str) -> bool {
    let Some(singular) = head.strip_suffix('s') else {
        return false;
    };
    story
        .sentences
        .get(sentence)
        .and_then(|s| scope.named_commentators.get(s.paragraph))
        .is_some_and(|named| named.iter().any(|n| n == singular))
}

fn find_groups(story: &Story, scope: &Scope, si: usize, w: &[Word], found: &mut Vec<(Span, Kind)>) {
    for (i, x) in w.iter().enumerate() {
        if x.quoted || !x.is_word() {
            continue;
        }
        let commentator = x.in_list(lx::COMMENTATOR_GROUPS);
        let quantified_group = x.in_list(lx::QUANTIFIED_GROUPS);
        if commentator || quantified_group {
            check_group(story, scope, si, w, i, commentator, found);
        } else if x.in_list(lx::PRONOUN_QUANTIFIERS) {
            check_pronoun(w, i, found);
        }
    }
}

fn check_group(
    story: &Story,
    scope: &Scope,
    si: usize,
    w: &[Word],
    i: usize,
    commentator: bool,
    found: &mut Vec<(Span, Kind)>,
) {
    // Modifiers, read backwards: "Wall Street analysts", "digital forensics experts".
    let mut j = i;
    let mut mods = 0;
    while j > 0 && mods < 4 {
        let y = &w[j - 1];
        // "domestic and international critics": a coordinated modifier.
        if matches!(y.lower.as_str(), "and" | "or")
            && mods >= 1
            && j >= 2
            && w[j - 2].is_word()
            && !w[j - 2].quoted
            && !w[j - 2].in_list(lx::NP_BREAKERS)
            && !w[j - 2].in_list(lx::QUANTIFIERS)
            && (!w[j - 2].cap || j == 2)
        {
            j -= 1;
            continue;
        }
        if !y.is_word()
            || y.quoted
            || y.in_list(lx::NP_BREAKERS)
            || y.in_list(lx::QUANTIFIERS)
            || y.in_list(lx::STANCE_VERBS)
            || y.lower.ends_with("'s")
            || (y.lower.ends_with("ly") && !y.cap)
            || y.lower.ends_with("ed")
        {
            break;
        }
        j -= 1;
        mods += 1;
    }
    let mut start = j;
    let mut quantified = false;
    let mut possessive = false;
    if let Some(y) = j.checked_sub(1).and_then(|k| w.get(k)) {
        if y.in_list(lx::QUANTIFIERS) {
            quantified = true;
            start = j - 1;
            // "a number of other lawmakers"
            start = extend_of_quantifier(w, start);
        } else if y.lower.ends_with("'s")
            || matches!(y.lower.as_str(), "his" | "her" | "their" | "its")
        {
            possessive = true;
        } else {
            // "some of the same candidates", "many of his supporters", "a number of lawmakers"
            let mut d = j - 1;
            if matches!(
                w[d].lower.as_str(),
                "the" | "his" | "her" | "their" | "its" | "those" | "these"
            ) && d >= 1
            {
                d -= 1;
            }
            if w[d].is("of") && d >= 1 {
                let q = &w[d - 1];
                if q.in_list(lx::QUANTIFIERS) || q.in_list(lx::PRONOUN_QUANTIFIERS) {
                    quantified = true;
                    start = d - 1;
                } else if q.in_list(lx::OF_QUANTIFIER_HEADS) {
                    quantified = true;
                    start = extend_article(w, d - 1);
                }
            }
        }
    }
    if !commentator && !quantified {
        return;
    }
    // "what economists call spending" defines a word; it does not attribute a claim.
    if start >= 1
        && w[start - 1].is("what")
        && w.get(i + 1).is_some_and(|n| {
            matches!(
                n.lower.as_str(),
                "call" | "calls" | "dub" | "term" | "refer" | "know"
            )
        })
    {
        return;
    }
    if start < j && w[start].lower == "other" && !commentator {
        // "other lawmakers said" after a named lawmaker is a continuation, weakly vague;
        // accept only when the group is an advocacy or commentator kind.
        if !matches!(
            w[i].lower.as_str(),
            "advocates" | "activists" | "members" | "lawmakers"
        ) {
            return;
        }
    }
    let _ = possessive;
    // "Ward and other security experts": the group comes with a named member.
    if start < j
        && w[start].is("other")
        && start >= 2
        && matches!(w[start - 1].lower.as_str(), "and" | ",")
        && w[start - 2].cap
        && w[start - 2].is_word()
    {
        return;
    }
    // Post-modifier: "members of Congress", "many in the party", "analysts at Acme".
    let mut k = i + 1;
    if is_named_after(w, k) {
        return;
    }
    if w.get(k).is_some_and(|y| {
        matches!(
            y.lower.as_str(),
            "in" | "on" | "within" | "across" | "inside" | "of" | "around" | "outside"
        )
    }) {
        let limit = (k + 5).min(w.len());
        let mut m = k + 1;
        while m < limit && !verb_follows(w, m) && w[m].is_word() && !w[m].quoted {
            m += 1;
        }
        if m < limit && verb_follows(w, m) {
            k = m;
        }
    }
    // ", said analysts": the verb comes right after a comma or a quotation.
    let clause_ends = w.get(i + 1).is_none_or(|n| {
        !n.is_word()
            || matches!(
                n.lower.as_str(),
                "who" | "at" | "with" | "from" | "in" | "on"
            )
    });
    let inverted = start >= 2
        && clause_ends
        && (w[start - 2].quoted || matches!(w[start - 2].lower.as_str(), "," | "—" | "–"))
        && w.get(start - 1).is_some_and(|y| {
            !y.quoted
                && matches!(
                    y.lower.as_str(),
                    "said"
                        | "says"
                        | "say"
                        | "warned"
                        | "argued"
                        | "noted"
                        | "added"
                        | "agreed"
                        | "wrote"
                        | "predicted"
                        | "believe"
                        | "believes"
                )
        });
    let according = start >= 2 && w[start - 1].is("to") && w[start - 2].is("according");
    // "warnings from experts", "criticism from some analysts"
    let voiced = start >= 2
        && ((w[start - 1].is("from") && w[start - 2].in_list(lx::VOICE_NOUNS))
            || (w[start - 1].is("among") && w[start - 2].in_list(lx::VIEW_NOUNS))
            // "interpreted by critics as", "questioned by some analysts"
            || (w[start - 1].is("by") && is_participle(&w[start - 2])));
    let verb = verb_at_or_after(w, k);
    let agent = verb.is_some() || inverted || according || voiced;
    let loose = quantified
        && commentator
        && w[i + 1..]
            .iter()
            .any(|y| !y.quoted && (y.in_list(lx::STANCE_VERBS) || y.in_list(lx::STANCE_VERBS_S)));
    if !(agent || loose) {
        return;
    }
    if commentator && paragraph_names_one(story, scope, si, &w[i].lower) {
        return;
    }
    // An ordinary group ("some Americans would see…") in a sentence sourced elsewhere is
    // the subject of the claim, not its source.
    let own = Span::new(
        w[start].span.start,
        verb.and_then(|v| w.get(v))
            .map_or(w[i].span.end, |v| v.span.end),
    );
    if !commentator && scope.core_cue_outside(si, own) && !inverted && !according {
        return;
    }
    let mut span = Span::new(w[start].span.start, w[i].span.end);
    if according || voiced {
        span = Span::new(w[start - 2].span.start, span.end);
    }
    push(found, span, Kind::Group);
}

/// Participles of judging or describing: a vague group after "by" is their source
/// ("interpreted by some as", "dismissed by critics"), unlike "used by supporters".
fn is_participle(x: &Word) -> bool {
    x.is_word()
        && !x.quoted
        && matches!(
            x.lower.as_str(),
            "seen"
                | "viewed"
                | "regarded"
                | "considered"
                | "criticized"
                | "criticised"
                | "questioned"
                | "interpreted"
                | "described"
                | "called"
                | "derided"
                | "dismissed"
                | "praised"
                | "hailed"
                | "condemned"
                | "panned"
                | "mocked"
                | "ridiculed"
                | "challenged"
                | "disputed"
                | "rejected"
                | "doubted"
                | "denounced"
                | "blasted"
                | "slammed"
                | "accused"
                | "blamed"
                | "labeled"
                | "labelled"
                | "branded"
                | "dubbed"
                | "cited"
                | "perceived"
                | "remembered"
                | "welcomed"
                | "celebrated"
                | "lauded"
                | "attacked"
                | "dinged"
                | "faulted"
                | "characterized"
                | "characterised"
                | "portrayed"
                | "judged"
                | "deemed"
                | "thought"
                | "believed"
                | "expected"
                | "predicted"
                | "suspected"
                | "applauded"
                | "rebuked"
                | "lambasted"
        )
}

/// Extends a quantifier start back over "a number of" / "a growing number of".
fn extend_of_quantifier(w: &[Word], start: usize) -> usize {
    if start >= 2 && w[start - 1].is("of") && w[start - 2].in_list(lx::OF_QUANTIFIER_HEADS) {
        return extend_article(w, start - 2);
    }
    start
}

fn extend_article(w: &[Word], mut k: usize) -> usize {
    // "a (growing|small|large) number"
    if k >= 1
        && matches!(
            w[k - 1].lower.as_str(),
            "growing" | "small" | "large" | "increasing" | "whole" | "good"
        )
    {
        k -= 1;
    }
    if k >= 1 && matches!(w[k - 1].lower.as_str(), "a" | "an") {
        k -= 1;
    }
    k
}

/// An auxiliary, adverb or stance verb: what may follow an indefinite pronoun used as a
/// subject ("some have argued", "many privately fear").
fn can_precede_verb(y: &Word) -> bool {
    y.in_list(lx::VERB_GAP)
        || y.in_list(lx::STANCE_VERBS)
        || y.in_list(lx::STANCE_VERBS_S)
        || (y.lower.ends_with("ly") && y.lower.len() > 4)
}

fn check_pronoun(w: &[Word], i: usize, found: &mut Vec<(Span, Kind)>) {
    // Only as a clause subject: at the start, or after punctuation or a conjunction.
    let prev = i.checked_sub(1).and_then(|p| w.get(p));
    let clause_start = prev.is_none_or(|y| {
        !y.is_word()
            && matches!(
                y.lower.as_str(),
                "," | ";" | ":" | "—" | "–" | "(" | "\"" | "“"
            )
            || matches!(
                y.lower.as_str(),
                "and"
                    | "but"
                    | "while"
                    | "though"
                    | "although"
                    | "yet"
                    | "so"
                    | "because"
                    | "whereas"
                    | "as"
                    | "that"
                    | "where"
                    | "which"
                    | "what"
                    | "whom"
            )
            || y.in_list(lx::CAUSATIVES)
    });
    // "a strategy some believe he could repeat": a bare relative clause.
    let bare_relative = prev
        .is_some_and(|y| y.is_word() && !y.quoted && !y.cap && !y.in_list(lx::NP_BREAKERS))
        && w.get(i + 1).is_some_and(|n| {
            matches!(
                n.lower.as_str(),
                "believe"
                    | "say"
                    | "think"
                    | "feel"
                    | "argue"
                    | "fear"
                    | "suspect"
                    | "expect"
                    | "consider"
                    | "see"
                    | "call"
            )
        });
    // "interpreted by some as a threat"
    let passive_agent = prev.is_some_and(|y| y.is("by"))
        && i >= 2
        && is_participle(&w[i - 2])
        && !w[i].is("most")
        && w.get(i + 1).is_none_or(|n| {
            !n.is_word() || matches!(n.lower.as_str(), "as" | "to" | "for" | "in" | "who")
        });
    if passive_agent {
        push(
            found,
            Span::new(w[i - 1].span.start, w[i].span.end),
            Kind::Group,
        );
        return;
    }
    if !(clause_start || bare_relative) {
        return;
    }
    // "leaving some to question" — but not "causing some worry".
    if prev.is_some_and(|y| y.in_list(lx::CAUSATIVES)) && !w.get(i + 1).is_some_and(|n| n.is("to"))
    {
        return;
    }
    // "Roe and others said": a named speaker leads the group.
    if w[i].is("others") && i >= 2 && w[i - 1].is("and") && w[i - 2].cap && w[i - 2].is_word() {
        return;
    }
    // "many in the party", "some on Wall Street", "some of them"
    let mut k = i + 1;
    let mut end = i;
    let of_pronoun = w.get(k).is_some_and(|y| y.is("of"))
        && w.get(k + 1)
            .is_some_and(|y| matches!(y.lower.as_str(), "them" | "us" | "those" | "these" | "you"));
    if of_pronoun {
        if !verb_follows(w, k + 2) {
            return;
        }
        end = k + 1;
        k += 2;
    } else if w.get(k).is_some_and(|y| {
        matches!(
            y.lower.as_str(),
            "in" | "on" | "within" | "inside" | "across" | "at" | "around"
        )
    }) {
        let limit = (k + 5).min(w.len());
        let mut m = k + 1;
        while m < limit && w[m].is_word() && !w[m].quoted && !verb_follows(w, m) {
            m += 1;
        }
        if m < limit && verb_follows(w, m) {
            end = m - 1;
            k = m;
        } else {
            return;
        }
    } else if w
        .get(k)
        .is_some_and(|y| y.is_word() && !can_precede_verb(y))
    {
        // A determiner of a noun ("some voters"): the group check handles it.
        return;
    }
    if w[i].is("most") || w[i].is("few") {
        // "most agree" is rare; "most said" is usually about a poll's respondents.
        if !w.get(k).is_some_and(|y| {
            matches!(
                y.lower.as_str(),
                "believe" | "agree" | "think" | "say" | "expect" | "feel" | "would" | "argue"
            )
        }) {
            return;
        }
    }
    if !verb_follows(w, k) {
        return;
    }
    push(
        found,
        Span::new(w[i].span.start, w[end].span.end),
        Kind::Group,
    );
}

#[cfg(test)]
mod tests {
    use crate::checks::unattributed::tests::findings_of;

    fn vague(text: &str) -> Vec<String> {
        findings_of(text, "vague-attribution")
    }

    #[test]
    fn groups_as_agents_are_flagged() {
        assert_eq!(
            vague("Some economists believe the tariff will raise prices."),
            ["Some economists"]
        );
        assert_eq!(
            vague("The deal, analysts said, would cut jobs."),
            ["analysts"]
        );
        assert_eq!(
            vague("Energy policy experts warn the grid is fragile."),
            ["Energy policy experts"]
        );
        assert_eq!(
            vague("A number of other lawmakers echo her worry."),
            ["A number of other lawmakers"]
        );
        assert_eq!(
            vague("But while some voters cheered, others are wary of the plan."),
            ["others"]
        );
        assert_eq!(
            vague("Many in the party fear a primary fight."),
            ["Many in the party"]
        );
        assert_eq!(
            vague("The plan, according to critics, favours the rich."),
            ["according to critics"]
        );
    }

    #[test]
    fn named_groups_and_plain_nouns_are_not() {
        assert!(vague("Critics, including Sen. Mary Roe, say the plan is unfair.").is_empty());
        assert!(vague("Analysts at Northfield Bank said profits would fall.").is_empty());
        assert!(vague("The experts met on Tuesday in the capital.").is_empty());
        assert!(vague("Republicans said the bill would pass.").is_empty());
        assert!(vague("Some voters stayed home.").is_empty());
        assert!(
            vague("Analysts expect a cut, said Jane Roe, an analyst at Northfield Bank.")
                .is_empty()
        );
    }

    #[test]
    fn agentless_constructions() {
        assert_eq!(
            vague("It is widely believed that the mayor will resign."),
            ["It is widely believed"]
        );
        assert_eq!(
            vague("The senator is widely seen as a moderate."),
            ["is widely seen as"]
        );
        assert_eq!(
            vague("The port has been called the busiest in the region."),
            ["has been called"]
        );
        assert_eq!(vague("Studies show the drug works."), ["Studies show"]);
        assert_eq!(
            vague("The plan, the argument goes, will pay for itself."),
            ["the argument goes"]
        );
        assert!(vague("The vote is expected to take place on Monday.").is_empty());
        assert!(vague("He has been called to testify.").is_empty());
    }

    #[test]
    fn wider_families_generalise() {
        assert_eq!(vague("The delay led many to suspect a cover-up."), ["many"]);
        assert_eq!(
            vague("Her remarks were interpreted by some as a threat."),
            ["by some"]
        );
        assert_eq!(
            vague("The plan drew warnings from public health experts."),
            ["warnings from public health experts"]
        );
        assert_eq!(
            vague("It is a strategy some believe she could repeat."),
            ["some"]
        );
        assert_eq!(
            vague("The mayor has been criticized for the delay."),
            ["has been criticized"]
        );
        assert_eq!(
            vague("The port, seen as vital to the region, will reopen."),
            ["seen as"]
        );
        assert_eq!(
            vague("Domestic and foreign critics have likened the law to a ban."),
            ["Domestic and foreign critics"]
        );
        assert!(vague("Rivera and other transport experts agree on the fix.").is_empty());
        assert!(vague("The mayor is viewed as honest by 55 percent of voters.").is_empty());
        assert!(vague("I have seen as many storms as anyone.").is_empty());
        assert!(vague("The outage is causing some worry at the utility.").is_empty());
        assert!(
            vague("A study by the Center for Energy Research found the plant unsafe.").is_empty()
        );
    }

    #[test]
    fn hearsay() {
        assert_eq!(
            vague("The minister reportedly resigned on Friday."),
            ["reportedly"]
        );
        assert_eq!(
            vague("He left the firm, according to press reports."),
            ["according to press reports"]
        );
        assert_eq!(
            vague("The Daily Ledger has learned that the deal collapsed."),
            ["The Daily Ledger has learned"]
        );
        assert!(vague("The minister reportedly resigned, the Daily Ledger said.").is_empty());
        assert!(vague("She has learned to live with it.").is_empty());
    }

    #[test]
    fn the_message_names_the_group() {
        let text = "The plan, according to critics, favours the rich.";
        let findings = crate::engine::Engine::new(crate::config::Config::default())
            .analyze(text, crate::text::SourceFormat::PlainText);
        let f = findings
            .iter()
            .find(|f| f.rule == "vague-attribution")
            .expect("a finding");
        assert!(f.message.contains("who are “critics”"), "{}", f.message);
    }

    #[test]
    fn quotations_are_left_alone() {
        assert!(vague("“Some experts say it is safe, but I doubt it,” the mayor said.").is_empty());
    }

    #[test]
    fn house_phrases_are_honoured() {
        use crate::checks::unattributed::tests::findings_with;
        let mut config = crate::config::Config::default();
        config.phrases.vague_attributions = vec!["the chatter in the corridors".to_string()];
        let got = findings_with(
            &config,
            "The chatter in the corridors is that he will quit.",
            "vague-attribution",
        );
        assert_eq!(got, ["The chatter in the corridors"]);
    }
}
