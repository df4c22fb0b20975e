//! `vague-attribution`: claims put in the mouth of nobody in particular.
//!
//! Three families of patterns, each with guards (the first lives in [`super::groups`]):
//! - a vague group as the agent of a stance verb: quantifier + group noun ("some experts
//!   believe", "a number of lawmakers say"), a commentator group on its own ("analysts said",
//!   "the bank's critics argue"), an indefinite pronoun ("others argue", "many in the party
//!   fear");
//! - agentless constructions: "it is believed", "is widely seen as", "is said to", "a man
//!   thought to be", "amid allegations of", "has been plagued by claims", "has been
//!   called", "has drawn criticism", "studies show", "the argument goes";
//! - hearsay: "reportedly", "according to press reports", "amid reports that", "[outlet] has
//!   learned" (or "has learnt").
//!
//! Quieter when the same sentence names who ("critics, including Sen. Roe, say"), when the
//! group belongs to a named organisation ("analysts at Acme Bank"), or when the paragraph
//! names one of the group ("…, said Jane Roe, an analyst").

use super::groups;
use super::lexicon::{self as lx};
use super::scope::{each_word, is_photo_caption, words, Scope};
use crate::attribution::layer::is_market_colour;
use crate::attribution::{Attribution, Attributions, CueKind, SourceKind};
use crate::finding::{Finding, Message};
use crate::incremental::Memo;
use crate::lexicon::function_words as fw;
use crate::rules::VAGUE_ATTRIBUTION;
use crate::span::{narrow, Span};
use crate::text::fold::AsciiFold;
use crate::text::{Story, TextId};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use foldhash::{HashMap, HashMapExt};
use regex::{Regex, RegexSet};
use std::cell::RefCell;
use std::sync::Arc;

/// What kind of vagueness a pattern finds, for the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Group,
    Agentless,
    Hearsay,
    Learned,
    Custom,
}

/// A match of the built-in patterns in one sentence, before the story-level test of whether
/// another attribution cue covers it.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    span: Span,
    kind: Kind,
    /// Dropped when another cue of the sentence covers it (`Scope::core_cue_outside`).
    unless_other_cue: bool,
    /// "The research also found": dropped when the story has already spoken of a study.
    back_reference: bool,
}

/// What a paragraph's pattern candidates are read from: its text alone (the patterns are
/// built in, not configured). Candidates are kept per sentence, relative to the paragraph.
#[derive(PartialEq, Eq, Hash)]
struct PatternKey {
    text: TextId,
}

/// What one sentence's own words give, whatever the story around it: the pattern candidates,
/// the words of arrest and trial, and where the hearsay adverbs are. Kept per paragraph with
/// a memo, since every sentence is asked on every analysis.
#[derive(Debug, Clone, Default)]
struct SentenceReading {
    candidates: Vec<Candidate>,
    /// Words of [`lx::LEGAL_CONTEXT`] outside quotations.
    legal_words: u32,
    /// Indices, among the sentence's words, of the [`lx::HEARSAY_ADVERBS`] outside quotations.
    hearsay: Vec<u32>,
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
    /// A naming participle, kept only where a name follows (a quotation mark or a capital) and
    /// no namer stands before: "a film dubbed ‘The Long Walk’" names with no namer; "dubbed
    /// into French", "dubbed her", "who he dubbed" and "the union dubbed" do not.
    names_after: bool,
    /// Skip the match when the word right before it is one of these.
    unless_after: &'static [&'static str],
}

pub struct Vague {
    patterns: Vec<Pattern>,
    /// All of `patterns` in one pass, without their word boundaries: most sentences match
    /// none, and one scan costs far less than one per pattern. Unicode word boundaries would
    /// keep the set off the fast engine wherever a sentence holds a character with no ASCII
    /// stand-in; without them the set can only match more, never less.
    any_pattern: RegexSet,
    /// A poll as the agent later in the sentence: "viewed as honest by 55 percent of voters".
    poll_agent: Regex,
    /// "a state seen as critical", ", regarded as the leading figure": a participle with no
    /// auxiliary, so the word before it decides (not "has seen as many").
    reduced_relative: Regex,
    learned: Regex,
    custom: Option<AhoCorasick>,
}

/// `re` with every `\b` assertion dropped: a pattern that matches wherever `re` does.
fn without_word_boundaries(re: &str) -> String {
    let mut out = String::with_capacity(re.len());
    let mut chars = re.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b') => {}
            Some(escaped) => {
                out.push(c);
                out.push(escaped);
            }
            None => out.push(c),
        }
    }
    out
}

/// Verbs of a judgment passed on someone: "was slammed", "has been widely derided".
const JUDGED: &str = "criticized|criticised|derided|condemned|panned|mocked|ridiculed|faulted|lambasted|lampooned|slammed|blasted|savaged";

const ADV: &str = r"(?:\s+(?:widely|generally|commonly|often|now|also|long|increasingly|broadly|still|largely|sometimes|frequently|universally|privately|once|previously|not|already|nonetheless|nevertheless|typically|usually|traditionally))*";

impl Vague {
    pub fn new(extra: &[String]) -> Vague {
        let p = |re: &str, kind: Kind, unless: &'static [&'static str]| Pattern {
            regex: Regex::new(&format!("(?i){re}")).expect("built-in pattern compiles"),
            kind,
            unless_followed_by: unless,
            guarded: kind != Kind::Hearsay,
            name_sensitive: true,
            names_after: false,
            unless_after: &[],
        };
        let patterns = vec![
            // "it is believed", "it was widely reported that", "it was revealed that"
            p(
                &format!(
                    r"\bit(?:\s+is|\s+was|\s+has\s+been|\s+had\s+been|'s\s+been|’s\s+been|'s|’s){ADV}\s+(?:believed|thought|said|reported|claimed|understood|alleged|rumou?red|feared|assumed|argued|suggested|speculated|accepted|felt|held|presumed|whispered|asserted|maintained|revealed|disclosed|well[\s-]+known)\b"
                ),
                Kind::Agentless,
                &["by", "in", "on", "at", "off", "out", "up", "goodbye"],
            ),
            // "…, it has been announced.": the announcement with its announcer left out
            // ("after it was announced" only dates an event).
            p(
                r"\bit\s+(?:has|had)\s+been\s+announced\b",
                Kind::Agentless,
                &[],
            ),
            // "On Monday it was announced that …": the news with its announcer left out.
            // After a subordinator the announcement only dates an event: "after it was
            // announced that the plant would close, shares fell".
            Pattern {
                unless_after: &[
                    "after", "when", "before", "since", "until", "once", "as", "because", "soon",
                    "till",
                ],
                ..p(r"\bit\s+was\s+announced\b", Kind::Agentless, &["by"])
            },
            // "it emerged that", "after it later emerged": news that surfaced with no one who
            // surfaced it ("it emerged from talks", "it emerged as the winner" are movement).
            p(
                r"\bit(?:\s+has|\s+had|['’]s)?(?:\s+(?:later|since|now|also|subsequently|soon|then|only|recently|quickly))*\s+(?:emerged|transpired)\b",
                Kind::Agentless,
                &[
                    "from",
                    "out",
                    "into",
                    "as",
                    "unscathed",
                    "victorious",
                    "intact",
                ],
            ),
            // "is widely seen as", "are said to", "was thought to have", "was seen by some as",
            // "is being referred to as", "is likely to be seen as"
            p(
                &format!(
                    r"(?:\b(?:is|are|was|were|been)|\b['’](?:s|re))(?:{ADV}|\s+by\s+(?:some|many|most|others))*(?:\s+(?:being|(?:likely|unlikely|bound|certain|sure)\s+to\s+be){ADV})?\s+(?:seen|viewed|regarded|perceived|believed|thought|said|rumou?red|reputed|presumed|tipped|considered|described|characteri[sz]ed|portrayed|depicted|referred\s+to)(?:\s+by\s+(?:some|many|most|others|critics|experts|observers|analysts))?\s+(?:as|to\s+be|to\s+have|to)\b"
                ),
                Kind::Agentless,
                &[],
            ),
            // "widely expected", "widely credited"
            p(
                r"\b(?:widely|generally|commonly|broadly|universally)\s+(?:believed|thought|expected|seen|viewed|regarded|considered|perceived|assumed|understood|credited|blamed|acknowledged|accepted|reported|known|described|cited|criticized|criticised|praised|condemned|panned|recognized|recognised|derided|mocked|ridiculed|hailed|disputed|doubted|identified|tipped|touted|rumou?red)(?:\s+(?:as|to|that|for|with|in|now)\b|\s*[,.;—–])",
                Kind::Agentless,
                &["by"],
            ),
            // "his widely panned debut", "was roundly criticized": a judgment worn as an
            // adjective or a passive still needs its judges ("critics widely panned it" has them).
            p(
                r"(?:\b(?:the|a|an|his|her|their|its|this|that|is|are|was|were|been|being)|['’]s)\s+(?:widely|generally|universally|roundly)\s+(?:panned|criticized|criticised|derided|mocked|ridiculed|praised|hailed|condemned|lauded|acclaimed|discredited|debunked)\b",
                Kind::Agentless,
                &["by"],
            ),
            // "has long been considered a", "is considered one of"
            p(
                &format!(
                    r"(?:\b(?:is|are|was|were|been)|\b['’](?:s|re)){ADV}\s+considered\s+(?:a|an|one|among|likely|unlikely|the|too|more|less|most|very|highly|extremely|out\s+of\s+reach|beyond\s+(?:reach|repair|doubt)|within\s+reach|normal|usual|unusual|(?:un)?common|rare|standard|routine|(?:a)?typical|(?:in)?appropriate|(?:un)?fair|(?:un)?reasonable|essential|crucial|vital|key|critical|inevitable|certain|impossible|marginal|dangerous|risky|\w+-(?:tier|level|class|rate)|(?:un)?(?:safe|electable|viable|acceptable|vulnerable|competitive|winnable|realistic|secure))\b"
                ),
                Kind::Agentless,
                &[],
            ),
            // "has come under fire for", "was under attack for": a reproach with its critics
            // left out ("came under fire from the opposition" names them; "came under fire near
            // the border" is gunfire).
            p(
                r"\b(?:come|comes|came|coming|is|are|was|were|been|be)\s+under\s+(?:(?:heavy|fierce|intense|renewed|increasing|growing|sharp|mounting)\s+)?(?:fire|attack)\s+for\b",
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
            // "a film dubbed ‘The Long Walk’", "what is being dubbed “Greenland”": a name given
            // with no one who gave it.
            Pattern {
                names_after: true,
                ..p(r"\bdubbed\b", Kind::Agentless, &["by"])
            },
            // "has been criticized for", "had often been derided as"
            p(
                &format!(
                    r"\b(?:is|are|was|were|has|have|had)(?:\s+(?:long|often|widely|frequently|also|sometimes|repeatedly|already|been|being|previously|harshly|sharply|roundly|heavily|publicly))*\s+(?:been|being)(?:\s+(?:harshly|sharply|roundly|heavily|publicly|widely|repeatedly|often))?\s+(?:{JUDGED})\b"
                ),
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
                // "the argument goes on for weeks": it lasts, nobody holds it.
                &["on"],
            ),
            // "the prevailing view here is that", "the popular belief was that": a consensus
            // nobody is said to hold.
            p(
                r"\bthe\s+(?:general|popular|common|prevailing|widespread|received|dominant)\s+(?:belief|view|assumption|perception|feeling|consensus|expectation)(?:\s+(?:now|here|then))?\s+(?:is|was|remains|remained)\s+that\b",
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
            // "amid allegations of bullying", "despite claims that": the charge with its
            // accuser left out ("amid allegations by the union that" names one).
            p(
                r"\b(?:amid|despite|following)\s+(?:(?:fresh|new|growing|mounting|persistent|repeated|widespread|serious|damaging|unproven|unsubstantiated|lurid)\s+)*(?:allegations|accusations|claims|suggestions|rumou?rs|speculation)\s+(?:of|that)\b",
                Kind::Agentless,
                &[],
            ),
            // "has been plagued by claims", "was dogged by allegations of": a cloud of
            // accusations nobody is said to have made.
            p(
                r"\b(?:has|have|had|is|are|was|were|been)(?:\s+(?:long|also|repeatedly|since|been|recently))*\s+(?:plagued|dogged|beset|haunted|mired|tainted|overshadowed|marred|engulfed)\s+(?:by|in)\s+(?:(?:fresh|new|growing|mounting|persistent|repeated|widespread|serious|damaging|unproven|lurid)\s+)*(?:allegations|accusations|claims|rumou?rs|complaints|criticism|controversy|reports|suggestions)\b",
                Kind::Agentless,
                &["by", "from"],
            ),
            p(
                r"\bthere\s+(?:are|were|have\s+been|had\s+been)\s+(?:(?:also|some|many|several|growing|widespread|persistent|unconfirmed|repeated|numerous)\s+)*(?:reports|rumou?rs|suggestions|claims)\s+(?:that|of)\b",
                Kind::Hearsay,
                &[],
            ),
            // "joined those warning of a famine", "those who believe the plan will fail":
            // the people holding a view, left unnamed. Not "those who said": a poll's
            // respondents, most often ("those who said jobs came first split evenly").
            p(
                r"\bthose\s+(?:who\s+(?:warn|warned|argue|argued|claim|claimed|believe|believed|fear|feared|predict|predicted|insist|insisted)|warning|arguing|claiming|insisting|predicting)\b",
                Kind::Group,
                &[],
            ),
            // "rumours are circulating that", "rumours have swirled", "speculation has been
            // rife"
            p(
                r"\b(?:rumou?rs|speculation)\s+(?:is|are|was|were|has|have|had)(?:\s+(?:been|long|also))*\s+(?:circulating|circulated|swirling|swirled|rife|growing|grown|mounting|spreading|spread)\b",
                Kind::Hearsay,
                &[],
            ),
            // "was slammed as sexist", "is widely condemned": the judgment without its judges.
            p(
                &format!(
                    r"\b(?:is|are|was|were)(?:\s+(?:harshly|sharply|roundly|heavily|publicly|repeatedly|often|also|swiftly|quickly|later))*\s+(?:{JUDGED})\b"
                ),
                Kind::Agentless,
                &["by", "to", "with", "in", "up", "from", "at", "on"],
            ),
            p(
                r"\b(?:(?:press|media|news|published|unconfirmed|local|several|multiple|recent)\s+)+reports\s+(?:have\s+)?(?:say|said|suggest|suggested|indicate|indicated|claim|claimed)\b",
                Kind::Hearsay,
                &[],
            ),
        ];
        let reduced_relative = Regex::new(
            // "the men - thought to be": a spaced hyphen sets the clause off as a dash does.
            r"(?:[,—–(]|\s-|\b([A-Za-z][a-z'’-]*))\s+((?:(?:widely|generally|long|often|once|increasingly|largely)\s+)?(?:(?:seen|viewed|regarded|perceived|described|branded)\s+as|(?:thought|believed|reputed|rumou?red)\s+to))\s+(\w+)",
        )
        .expect("built-in pattern compiles");
        let learned = Regex::new(
            r"\b((?:The\s+)?(?:[A-Z][\w.&'’-]*\s+){0,3}[A-Z][\w.&'’-]*)\s+(?:has|have)\s+(?:exclusively\s+)?(?:learned|learnt)\b",
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
            r"(?i)\bby\s+(?:about\s+|nearly\s+|almost\s+|roughly\s+|more\s+than\s+|at\s+least\s+|only\s+)?(?:\d|(?:a\s+)?(?:majority|plurality|quarter|third|half)|majorities|(?:most|many)\s+(?:voters|respondents|americans))",
        )
        .expect("built-in pattern compiles");
        let any_pattern = RegexSet::new(
            patterns
                .iter()
                .map(|p| without_word_boundaries(p.regex.as_str())),
        )
        .expect("built-in patterns compile");
        Vague {
            patterns,
            any_pattern,
            poll_agent,
            reduced_relative,
            learned,
            custom,
        }
    }

    /// Sentence `si` read from its own words (see [`SentenceReading`]).
    fn read_sentence(&self, story: &Story, si: usize) -> SentenceReading {
        let candidates = self.pattern_candidates(story, si);
        let mut legal_words = 0;
        let mut hearsay = Vec::new();
        for (k, word) in each_word(story, si).enumerate() {
            if word.quoted {
                continue;
            }
            if word.in_list(&lx::LEGAL_CONTEXT) {
                legal_words += 1;
            }
            if word.in_list(&lx::HEARSAY_ADVERBS) {
                hearsay.push(u32::try_from(k).unwrap_or(u32::MAX));
            }
        }
        SentenceReading {
            candidates,
            legal_words,
            hearsay,
        }
    }

    /// What the built-in patterns find in sentence `si`, in the order the rule weighs them.
    /// Reads only the sentence's text and which of its words are quoted (both given by its
    /// paragraph's text); whether another cue covers a match depends on the story's scope and
    /// is left to the caller, marked on the candidate.
    fn pattern_candidates(&self, story: &Story, si: usize) -> Vec<Candidate> {
        let Some(sentence) = story.sentences.get(si) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let text = story.text(sentence.span());
        // The patterns search the ASCII spelling (the regex engine's fast path); what they
        // find is read back from the real text.
        let fold = AsciiFold::new(text);
        let haystack = fold.text();
        let candidates = self.any_pattern.matches(haystack);
        // Where the sentence's last poll agent ("by 60 percent") starts, found once: asking the
        // rest of the sentence again for every agentless match was quadratic in a sentence
        // that never ends.
        let last_poll_agent = std::cell::OnceCell::new();
        let poll_agent_after = |end: usize| {
            last_poll_agent
                .get_or_init(|| {
                    self.poll_agent
                        .find_iter(haystack)
                        .last()
                        .map(|m| m.start())
                })
                .is_some_and(|start| start >= end)
        };
        for pattern in candidates.iter().map(|k| &self.patterns[k]) {
            for m in pattern.regex.find_iter(haystack) {
                let (start, end) = (fold.original(m.start()), fold.original(m.end()));
                let span = Span::new(sentence.span().start + start, sentence.span().start + end);
                let after = text.get(end..).unwrap_or("");
                if followed_by(after, pattern.unless_followed_by)
                    || (pattern.names_after
                        && (!name_follows(after)
                            || namer_before(text.get(..start).unwrap_or_default())))
                    || (pattern.kind == Kind::Agentless && poll_agent_after(m.end()))
                    || story.in_quote(span)
                {
                    continue;
                }
                // "the Center for Policy Research found": a name, not "research".
                let first = text
                    .get(start..end)
                    .and_then(|found| found.chars().next())
                    .is_some_and(char::is_uppercase);
                if first && m.start() > 0 && pattern.name_sensitive {
                    continue;
                }
                let word_before = text
                    .get(..start)
                    .and_then(|before| before.split_whitespace().next_back())
                    .map(str::to_lowercase)
                    .unwrap_or_default();
                if pattern.unless_after.contains(&word_before.as_str()) {
                    continue;
                }
                // "rejected local press reports of a bailout": reports named only to be
                // contradicted, as the layer's own nominal cues are read.
                if pattern.kind == Kind::Hearsay
                    && crate::attribution::cues::is_denial_frame(&word_before)
                {
                    continue;
                }
                // "The research also found": the study the story has just described.
                let back_reference = pattern.kind == Kind::Agentless
                    && matches!(word_before.as_str(), "the" | "this" | "that" | "its")
                    && text
                        .get(start..end)
                        .and_then(|found| found.split_whitespace().next())
                        .is_some_and(|w| lx::contains(&lx::STUDY_NOUNS, &w.to_lowercase()));
                out.push(Candidate {
                    span,
                    kind: pattern.kind,
                    unless_other_cue: pattern.guarded,
                    back_reference,
                });
            }
        }
        let original = |m: regex::Match| {
            text.get(fold.original(m.start())..fold.original(m.end()))
                .unwrap_or("")
        };
        // A search with captures is slow, and both patterns below need a word (case and
        // all) that most sentences lack.
        let may_reduce = [
            "seen",
            "viewed",
            "regarded",
            "perceived",
            "described",
            "branded",
            "thought",
            "believed",
            "reputed",
            "rumoured",
            "rumored",
        ]
        .iter()
        .any(|participle| haystack.contains(participle));
        let reduced = may_reduce.then(|| self.reduced_relative.captures_iter(haystack));
        for c in reduced.into_iter().flatten() {
            let (Some(tail), Some(next)) = (c.get(2), c.get(3)) else {
                continue;
            };
            let before = c
                .get(1)
                .map(|b| original(b).to_lowercase())
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
                .is_some_and(|b| original(b).chars().next().is_some_and(char::is_uppercase))
                // "which friends described as miserable": the word before is the describer,
                // the subject of an object relative.
                || c.get(1).is_some_and(|b| {
                    haystack[..b.start()]
                        .split_whitespace()
                        .next_back()
                        .is_some_and(|r| {
                            matches!(r.to_lowercase().as_str(), "which" | "that" | "whom" | "who")
                        })
                });
            let comparative = matches!(
                original(next).to_lowercase().as_str(),
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
            // "thought to be", "believed to have": the phrase as a reader says it.
            let end = if matches!(original(next).to_lowercase().as_str(), "be" | "have") {
                next.end()
            } else {
                tail.end()
            };
            let span = Span::new(
                sentence.span().start + fold.original(tail.start()),
                sentence.span().start + fold.original(end),
            );
            let folded_after = haystack.get(tail.end()..).unwrap_or("");
            if blocked_before
                || comparative
                || self.poll_agent.is_match(folded_after)
                || story.in_quote(span)
            {
                continue;
            }
            out.push(Candidate {
                span,
                kind: Kind::Agentless,
                unless_other_cue: true,
                back_reference: false,
            });
        }
        // British spelling too: "the BBC has learnt".
        let learned = (haystack.contains("learned") || haystack.contains("learnt"))
            .then(|| self.learned.captures_iter(haystack));
        for m in learned.into_iter().flatten() {
            let (Some(all), Some(subject)) = (m.get(0), m.get(1)) else {
                continue;
            };
            let first = original(subject).split_whitespace().next().unwrap_or("");
            let after = text.get(fold.original(all.end())..).unwrap_or("");
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
                sentence.span().start + fold.original(all.start()),
                sentence.span().start + fold.original(all.end()),
            );
            if !story.in_quote(span) {
                out.push(Candidate {
                    span,
                    kind: Kind::Learned,
                    unless_other_cue: false,
                    back_reference: false,
                });
            }
        }
        out
    }

    pub fn check(
        &self,
        story: &Story,
        scope: &Scope,
        attributions: &Attributions,
        out: &mut Vec<Finding>,
    ) {
        self.check_with(story, scope, attributions, out, None);
    }

    /// With a memo, each paragraph's pattern candidates come from it when a paragraph with
    /// the same text was read before.
    pub fn check_with(
        &self,
        story: &Story,
        scope: &Scope,
        attributions: &Attributions,
        out: &mut Vec<Finding>,
        mut memo: Option<&mut Memo>,
    ) {
        let groups = groups::Groups::read(story, memo.as_deref_mut());
        let mut patterns_memo = memo.map(|memo| memo.table::<PatternKey, Arc<[SentenceReading]>>());
        // The readings of the paragraph being read, by sentence, shared with the memo.
        let mut kept: Option<(usize, Arc<[SentenceReading]>)> = None;
        let mut found: Vec<Found> = Vec::new();
        // Words of arrest, charge and trial across the story, outside quotations.
        let mut legal_words = 0usize;
        for (si, sentence) in story.sentences.iter().enumerate() {
            // Headlines and standfirsts are shorthand for the body, which carries the sourcing.
            // So are photo captions.
            if scope.is_boilerplate(sentence.paragraph())
                || story.in_top_matter(sentence.span().start)
                || is_photo_caption(story, si)
            {
                continue;
            }
            // Findings lie inside their sentence, so only this sentence's can overlap.
            let taken = RefCell::new(TakenSpans::default());
            let push = |found: &mut Vec<Found>, span, kind| push(found, &taken, span, kind);
            // The patterns are read before the sentence's words are built: folding a giant
            // sentence for them holds copies of its text, and those need not be alive at the
            // same time as its words.
            let unmemoised = match patterns_memo.as_mut() {
                Some(table) => {
                    let p = &story.paragraphs[sentence.paragraph()];
                    // Looked up once per paragraph: a paragraph can hold many sentences.
                    if kept
                        .as_ref()
                        .is_none_or(|(at, _)| *at != sentence.paragraph())
                    {
                        let candidates = table.get_or_compute(
                            PatternKey {
                                text: story.text_id(sentence.paragraph()),
                            },
                            || {
                                p.sentences
                                    .clone()
                                    .map(|s| {
                                        let mut own = self.read_sentence(story, s);
                                        for c in &mut own.candidates {
                                            c.span = Span::new(
                                                c.span.start - p.span.start.min(c.span.start),
                                                c.span.end - p.span.start.min(c.span.end),
                                            );
                                        }
                                        own
                                    })
                                    .collect()
                            },
                        );
                        kept = Some((sentence.paragraph(), Arc::clone(candidates)));
                    }
                    None
                }
                None => Some(self.read_sentence(story, si)),
            };
            let w = words(story, si);
            // "Whitehall insiders told the BBC": the group is another outlet's source, cited.
            let relayed_sources: Vec<Span> = attributions
                .in_sentence(si)
                .filter(|a| a.relayed_by().is_some())
                .filter_map(|a| a.source())
                .collect();
            // "The minister said she had listened to critics who feared a rise": the group is
            // in a named speaker's account, who answers for it.
            let relayed = |span: Span| {
                relayed_sources.iter().any(|s| s.overlaps(span))
                    || crate::attribution::relay::speaker_relaying(story, attributions, si, span)
                        .is_some()
            };
            for span in groups.find(story, scope, si, &w) {
                if !relayed(span) {
                    push(&mut found, span, Kind::Group);
                }
            }
            let other_cue = |span: Span| scope.core_cue_outside(si, span);
            // "was described as reckless by the council": the layer found the passive's agent
            // after its complement, where a pattern sees only the verb. Only an agent the
            // reader can identify answers "by whom?" ("by critics", "by an aide", "in local
            // reports" do not; "in Ann Lee's report" does).
            let agent_after = |span: Span| {
                attributions.in_sentence(si).any(|a| {
                    let Some(source) = a.source().filter(|s| s.start >= span.end) else {
                        return false;
                    };
                    let identified = match a.kind {
                        SourceKind::NamedPerson
                        | SourceKind::NamedOrganisation
                        | SourceKind::OfficeHolder => true,
                        SourceKind::Media => story.text(source).chars().any(char::is_uppercase),
                        _ => false,
                    };
                    identified && a.cue().overlaps(span)
                })
            };
            let replay = |found: &mut Vec<Found>, candidates: &[Candidate], base: usize| {
                for c in candidates {
                    let span = c.span.shifted(base);
                    let study_named_before = scope.first_study.is_some_and(|s| s < si);
                    let covered = c.unless_other_cue && (other_cue(span) || agent_after(span));
                    let points_back = c.back_reference && study_named_before;
                    if !(covered || points_back) {
                        push(found, span, c.kind);
                    }
                }
            };
            let empty = SentenceReading::default();
            let reading = match &unmemoised {
                None => {
                    let p = &story.paragraphs[sentence.paragraph()];
                    let own = kept
                        .as_ref()
                        .and_then(|(_, kept)| kept.get(si - p.sentences.start.min(si)))
                        .unwrap_or(&empty);
                    replay(&mut found, &own.candidates, p.span.start);
                    own
                }
                Some(own) => {
                    replay(&mut found, &own.candidates, 0);
                    own
                }
            };
            for a in attributions.in_sentence(si) {
                if let Some((span, kind)) = from_layer(story, &a) {
                    if !story.in_quote(span) && !other_cue(span) {
                        push(&mut found, span, kind);
                    }
                }
            }
            legal_words += reading.legal_words as usize;
            let legal = reading.legal_words > 0;
            for &k in &reading.hearsay {
                let k = k as usize;
                let Some(word) = w.get(k) else {
                    continue;
                };
                // "in a supposedly safe seat": the writer's irony on an adjective.
                let attributive = k
                    .checked_sub(1)
                    .and_then(|before| w.get(before))
                    .is_some_and(|p| p.in_list(fw::ARTICLES) || p.in_list(fw::PREPOSITIONS));
                if word.is("supposedly") && attributive {
                    continue;
                }
                // "charged with battery for allegedly grabbing": the charge is the source.
                if legal {
                    continue;
                }
                // "He reportedly told aides": the adverb hedges the very verb after it, which
                // does not say who reported it.
                let hedged_verb = w
                    .slice(k + 1..)
                    .iter()
                    .take(2)
                    .fold(word.span(), |acc, x| acc.join(x.span()));
                if !other_cue(hedged_verb) {
                    push(&mut found, word.span(), Kind::Hearsay);
                }
            }
        }
        if let Some(ac) = &self.custom {
            // The built-in findings never overlap, so sorted by start their ends rise too and
            // a desk phrase needs comparing only with its neighbours.
            found.sort_by_key(|f| (f.start, f.end));
            let prose = story.prose();
            let mut custom = Vec::new();
            for m in ac.find_iter(prose) {
                let span = Span::new(m.start(), m.end());
                let at = found.partition_point(|f| f.span().end <= span.start);
                let clashes = found.get(at).is_some_and(|f| f.span().overlaps(span))
                    || custom
                        .last()
                        .is_some_and(|(s, _): &(Span, Kind)| s.overlaps(span));
                if !clashes && is_whole_word(prose, span) && !story.in_quote(span) {
                    custom.push((span, Kind::Custom));
                }
            }
            found.extend(
                custom
                    .into_iter()
                    .map(|(span, kind)| Found::new(span, kind)),
            );
        }
        // Crime and court copy says "allegedly" for the law's sake: the charge, the police or
        // the court elsewhere in the story is the accuser, so the hedge is no vague sourcing
        // (MOS:ALLEGED). Two legal words keep one stray "court" from silencing the rule.
        // "Enron collapsed in 2001 after it emerged that…", "hit by a revolt last year after it
        // emerged": the story's background history, settled long since, not news the writer
        // owes a source for.
        found.retain(|found| {
            let (span, kind) = (&found.span(), &found.kind);
            // Lower-cased only for the agentless forms: a story of one repeated claim has a
            // finding every few words, and each would cost an allocation.
            if *kind != Kind::Agentless {
                return true;
            }
            let lower = story.text(*span).to_lowercase();
            if !(lower.contains("emerged") || lower.contains("transpired")) {
                return true;
            }
            let Some(sentence) = story
                .sentence_at(span.start)
                .and_then(|si| story.sentences.get(si))
            else {
                return true;
            };
            // Only a date before the hedge, or between it and what emerged ("It emerged in
            // 2019 that"), dates the history: "after it emerged that more families used food
            // banks last year" dates what emerged, not the emerging.
            let after = story
                .prose()
                .get(span.end..sentence.span().end)
                .unwrap_or("");
            let up_to_content = after
                .split_inclusive(char::is_whitespace)
                .take(5)
                .take_while(|w| w.trim() != "that")
                .map(str::len)
                .sum::<usize>();
            let text = story
                .prose()
                .get(sentence.span().start..span.end + up_to_content)
                .unwrap_or("")
                .to_lowercase();
            let dated = text.contains("last year")
                || text.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| {
                    w.len() == 4
                        && (w.starts_with("19") || w.starts_with("20"))
                        && w.bytes().all(|b| b.is_ascii_digit())
                });
            !dated
        });
        if legal_words >= 2 {
            found.retain(|found| {
                let (span, kind) = (&found.span(), &found.kind);
                *kind != Kind::Hearsay || !story.text(*span).to_lowercase().starts_with("alleged")
            });
        }
        // "The minister reportedly resigned … the Daily Ledger said", "is reported to have quit,
        // she told the BBC": a named outlet in the paragraph is the report the hedge points at,
        // and so is an outlet reporting in the paragraph just after ("according to reports"
        // over "The Evening Ledger said the pair had split"); a lede's hedge is kept by the body
        // a paragraph further down. Not one before: by then the story has moved on to another
        // claim, and not words merely told to an outlet, which source the speaker's own quote.
        let outlet_paragraphs = paragraphs_naming_an_outlet(story, attributions, true);
        let reporting_paragraphs = paragraphs_naming_an_outlet(story, attributions, false);
        // "the reports in the Harwick Times": an outlet credited with the report in passing,
        // looked for only when a hedge asks.
        let crediting_paragraphs = std::cell::OnceCell::new();
        let credits = |q: usize| {
            crediting_paragraphs
                .get_or_init(|| paragraphs_crediting_an_outlet(story))
                .binary_search(&q)
                .is_ok()
        };
        let reported_sentences = sentences_reported_by_an_outlet(story, attributions);
        let first_body = story
            .paragraphs
            .iter()
            .position(|para| para.span.end > story.top_matter_end())
            .unwrap_or(0);
        found.retain(|found| {
            let (span, kind) = (&found.span(), &found.kind);
            let hedge = *kind == Kind::Hearsay
                || (*kind == Kind::Agentless
                    && story.text(*span).to_lowercase().contains("report"));
            let Some(p) = story
                .sentence_at(span.start)
                .and_then(|si| story.sentences.get(si))
                .map(|s| s.paragraph())
            else {
                return true;
            };
            // Any agentless form ("is said to be keen") or group ("According to the Ledger,
            // analysts are questioning") in the sentence a named outlet reports: the outlet
            // is the story's source for it.
            if matches!(*kind, Kind::Agentless | Kind::Group)
                && story.sentence_at(span.start).is_some_and(|si| {
                    let from = reported_sentences.partition_point(|&(s, _)| s < si);
                    reported_sentences[from..]
                        .iter()
                        .take_while(|&&(s, _)| s == si)
                        .any(|&(_, content)| content.is_none_or(|c| c.overlaps(*span)))
                })
            {
                return false;
            }
            let reach = if p <= first_body + 1 { 2 } else { 1 };
            !hedge
                || !(outlet_paragraphs.contains(&p)
                    || (p + 1..=p + reach).any(|q| reporting_paragraphs.contains(&q))
                    || (p..=p + reach).any(credits))
        });
        // "Scientists have reported a fourfold rise", "…, research suggests": the lede of a
        // story on a study speaks of its authors before the body names them and the journal.
        // Only unquantified research groups: "many researchers", "previous studies" are
        // others' work.
        let study_lede = |span: &Span| {
            story
                .sentence_at(span.start)
                .and_then(|si| story.sentences.get(si))
                .is_some_and(|s| s.paragraph() <= first_body + 1)
                && is_study_authors(story.text(*span))
        };
        if found.iter().any(|found| study_lede(&found.span())) && reports_a_study(story) {
            found.retain(|found| !study_lede(&found.span()));
        }
        // "…, a report says." A story on one report opens on it and names who wrote it a
        // sentence or two down ("The Audit Office said …", "said the think-tank Ledger
        // Research"): the lede's shorthand, answered at once. "Reports say" stays: several
        // unnamed reports are a rumour's echo, and no author follows.
        if found
            .iter()
            .any(|found| names_one_report(story.text(found.span())))
        {
            let named = sentences_with_a_named_source(story, attributions);
            found.retain(|found| {
                let span = &found.span();
                if !names_one_report(story.text(*span)) {
                    return true;
                }
                let Some((s, p)) = story
                    .sentence_at(span.start)
                    .and_then(|si| story.sentences.get(si).map(|s| (si, s.paragraph())))
                else {
                    return true;
                };
                let in_lede = p <= first_body + 1;
                !(in_lede
                    && named[named.partition_point(|&(n, _)| n <= s)..]
                        .iter()
                        .take_while(|&&(_, q)| q <= p + 2)
                        .next()
                        .is_some())
            });
        }
        for found in found.iter_mut() {
            let text = story.text(found.span());
            let trimmed = text.trim_end_matches(|c: char| c.is_whitespace() || ",.;—–".contains(c));
            *found = Found::new(
                Span::new(found.span().start, found.span().start + trimmed.len()),
                found.kind,
            );
        }
        found.sort_by_key(|f| (f.start, f.end));
        // The market's chorus is the anonymous family's question (`anonymous-market-colour`,
        // once per story, off under the wire presets), not a vague group on every line.
        let market = market_spans(story, attributions);
        found.retain(|found| {
            let (span, kind) = (&found.span(), &found.kind);
            *kind != Kind::Group || !market.iter().any(|m| m.overlaps(*span))
        });
        // "Many councillors are thought to support the plan": the group is whom the hedge is
        // about and the hedge hides who says so. One problem, one finding over both.
        found.dedup_by(|hedge, group| {
            let joined = group.kind == Kind::Group
                && hedge.kind == Kind::Agentless
                && group.end <= hedge.start
                && story
                    .text(Span::new(group.end as usize, hedge.start as usize))
                    .trim()
                    .is_empty()
                && story
                    .text(hedge.span())
                    .split_whitespace()
                    .next()
                    .is_some_and(|first| {
                        fw::BE_FORMS.iter().any(|be| first.eq_ignore_ascii_case(be))
                    });
            if joined {
                *group = Found::new(
                    Span::new(group.start as usize, hedge.end as usize),
                    hedge.kind,
                );
            }
            joined
        });
        // A phrase repeated through a story ("critics say" a thousand times) shares one
        // message instead of holding a copy per finding.
        // Whether the phrase is a reputation is asked once per phrase too.
        let mut messages: HashMap<(Kind, &str), (Message, bool)> = HashMap::new();
        // A story of a million hedges makes a million findings: grown by doubling, `out` would
        // end with up to twice the memory it needs. And `found` gives its room back as it is
        // read, so that the two lists are never both held whole at the run's peak.
        out.reserve(found.len());
        for (span, kind) in releasing_as_read(found).map(|found| (found.span(), found.kind)) {
            let phrase = story.text(span);
            let (message, reputation) = messages
                .entry((kind, phrase))
                .or_insert_with(|| {
                    if kind == Kind::Agentless && speaks_of_reputation(phrase) {
                        (reputation_message(phrase).into(), true)
                    } else {
                        (message(kind, phrase).into(), false)
                    }
                })
                .clone();
            let mut finding = Finding::new(&VAGUE_ATTRIBUTION, span, message);
            if reputation {
                finding.severity = crate::finding::Severity::Hint;
            }
            out.push(finding);
        }
    }
}

/// The items of `list` in order, its memory returned as they are taken (halved whenever it is
/// half empty): a list turned into another list item by item then holds about one list in all.
fn releasing_as_read<T>(mut list: Vec<T>) -> impl Iterator<Item = T> {
    list.reverse();
    std::iter::from_fn(move || {
        let item = list.pop()?;
        if list.len() < list.capacity() / 2 {
            list.shrink_to_fit();
        }
        Some(item)
    })
}

/// The vague attributions the shared layer reads that the patterns above do not: agentless
/// passives and nominal cues ("is understood to", "has faced criticism", "amid accusations
/// that") and media with no name ("state media reported", "reports say").
/// The paragraphs where a named outlet carries a claim: a capitalised media source ("the Times
/// reported", a named body that "reported" or "wrote") or, with `relayed`, words relayed through
/// one ("told the BBC") and an outlet that "has learned". Without it, only an outlet that
/// publishes a report another paragraph can lean on: "has learned" is itself a finding of this
/// rule. Sorted, for `contains`.
fn paragraphs_naming_an_outlet(
    story: &Story,
    attributions: &Attributions,
    relayed: bool,
) -> Vec<usize> {
    let mut out: Vec<usize> = attributions
        .iter()
        .filter(|a| carried_by_outlet(story, a, relayed))
        .filter_map(|a| story.sentences.get(a.sentence()).map(|s| s.paragraph()))
        .collect();
    out.dedup();
    out
}

/// The paragraphs that credit a report to a named outlet in passing: "the reports in the
/// Harwick Times", "a story by the Evening Post", "reporting from Reuters". Sorted.
fn paragraphs_crediting_an_outlet(story: &Story) -> Vec<usize> {
    const REPORT_NOUNS: &[&str] = &[
        "report",
        "reports",
        "reporting",
        "story",
        "stories",
        "article",
        "articles",
    ];
    let mut out: Vec<usize> = (0..story.tokens.len())
        .filter(|&k| {
            REPORT_NOUNS.contains(&story.lower(k))
                && matches!(story.lower(k + 1), "in" | "by" | "from")
                && {
                    let first = k + 2 + usize::from(story.lower(k + 2) == "the");
                    // The outlet's name: capitalised words, the last a known outlet's.
                    let last = (first..first + 4)
                        .take_while(|&j| story.tokens.get(j).is_some_and(|t| t.is_capitalised()))
                        .last();
                    last.is_some_and(|j| crate::attribution::is_outlet_name(story.lower(j)))
                }
        })
        .filter_map(|k| story.paragraph_at(story.tokens[k].span().start))
        .collect();
    out.dedup();
    out
}

/// The sentences where a named outlet publishes a report, with what it reports where the
/// layer read it: "The club is said to be keen on a move, the Daily Ledger reported" puts the
/// agentless hedge in the outlet's mouth; a "lawful source of income," as a memo put it, puts
/// only the quoted words in the memo's. Sorted by sentence.
fn sentences_reported_by_an_outlet(
    story: &Story,
    attributions: &Attributions,
) -> Vec<(usize, Option<Span>)> {
    let mut out: Vec<(usize, Option<Span>)> = attributions
        .iter()
        .filter(|a| carried_by_outlet(story, a, false))
        .map(|a| (a.sentence(), a.content()))
        .collect();
    out.dedup();
    out
}

/// Whether a named outlet carries the attribution's words; see [`paragraphs_naming_an_outlet`].
fn carried_by_outlet(story: &Story, a: &Attribution, relayed: bool) -> bool {
    (relayed && a.relayed_by().is_some())
        || (a.kind == SourceKind::Media
            || (a.kind == SourceKind::NamedOrganisation && publishes(story, a)))
            && a.source().is_some_and(|s| names_outlet(story, s))
            && (relayed || !story.text(a.cue()).to_lowercase().contains("learn"))
}

/// A cue only a publisher uses ("reported", "wrote", "revealed"): the named body is an outlet,
/// not a council member or a firm speaking.
fn publishes(story: &Story, a: &Attribution) -> bool {
    let cue = story.text(a.cue()).to_lowercase();
    cue.split_whitespace().next_back().is_some_and(|verb| {
        [
            "report",
            "wrote",
            "write",
            "publish",
            "reveal",
            "learn",
            "broadcast",
            "print",
        ]
        .iter()
        .any(|stem| verb.starts_with(stem))
    })
}

/// A capital inside the source phrase that is not just the sentence's first letter: "the
/// Times", "BBC Panorama", but not "Reports" opening a sentence. A first word that is neither
/// an English word nor a place or nationality is a name wherever it stands: "Kvarnbladet
/// newspaper reported", not "Swedish media reported".
fn names_outlet(story: &Story, source: Span) -> bool {
    let opening = story
        .sentence_at(source.start)
        .and_then(|si| story.sentences.get(si))
        .map(|s| s.span().start);
    let text = story.text(source);
    text.char_indices()
        .filter(|&(k, c)| c.is_uppercase() && (k == 0 || text[..k].ends_with(char::is_whitespace)))
        .any(|(k, _)| {
            let at = source.start + k;
            let first_word =
                opening.is_some_and(|o| story.text(Span::new(o, at)).trim().is_empty());
            !first_word || {
                let word: &str = text[k..]
                    .split(|c: char| !c.is_alphabetic())
                    .next()
                    .unwrap_or_default();
                let lower = word.to_lowercase();
                crate::attribution::phrase::may_be_name_word(&lower)
                    && !crate::lexicon::english::is_word(&lower)
                    && !crate::checks::names::lexicon::Lexicon::get().is_place(word)
            }
        })
}

/// Whether a lone nominal cue ("claims", "speculation") is the object of a verb that stirs,
/// ends or looks into talk others began ([`lx::TALK_STIRRING_VERBS`]).
fn stirred_by_verb(story: &Story, a: &Attribution) -> bool {
    let noun = story.token_at_or_after(a.cue().start);
    matches!(
        story.lower(noun),
        "claims" | "speculation" | "suggestions" | "rumours" | "rumors" | "reports"
    ) && noun
        .checked_sub(1)
        .is_some_and(|k| lx::TALK_STIRRING_VERBS.contains(story.lower(k)))
}

fn from_layer(story: &Story, a: &Attribution) -> Option<(Span, Kind)> {
    match (a.cue_kind, a.kind) {
        (CueKind::Agentless, _) => {
            let cue = story.text(a.cue()).to_lowercase();
            // Accusations of a named person or body are the allegation rule's ("is accused
            // of", "faced allegations that Roe lied"), which says more; others ("prompting
            // accusations that it lied") are hearsay like claims. Predictions are not
            // attributions.
            let accusation = ["accusations", "allegations"]
                .iter()
                .any(|noun| cue.split_whitespace().last() == Some(noun));
            if accusation && super::allegations::alleges(story, a.sentence()) {
                return None;
            }
            let vague_stem = [
                "accusations",
                "allegations",
                "understood",
                "said",
                "believed",
                "thought",
                "reported",
                "rumoured",
                "rumored",
                "criticised",
                "criticized",
                "condemned",
                "claimed",
                "criticism",
                "claims",
                "reports",
                "speculation",
                "rumours",
                "rumors",
                "suggestions",
                "condemnation",
                "backlash",
                "opposition",
                "known",
                "considered",
                "regarded",
                "described",
                "complaints",
                "concern",
                "concerns",
                "fears",
                "doubts",
            ];
            // "It is expected that …", "It is hoped …": a view with its holder left out, not a
            // forecast ("It is expected to rain").
            let dummy_subject = story
                .token_at_or_after(a.cue().start)
                .checked_sub(1)
                .is_some_and(|k| story.lower(k) == "it")
                && !cue.ends_with(" to");
            // The cue is split once, not once per stem: a story of one repeated hedge has a
            // cue every few words.
            if !dummy_subject && !cue.split_whitespace().any(|w| vague_stem.contains(&w)) {
                return None;
            }
            let hearsay = [
                "reportedly",
                "allegedly",
                "purportedly",
                "supposedly",
                "reputedly",
            ]
            .contains(&cue.as_str());
            // Worry is news only when the story hands it to no one: "there was concern that",
            // "amid fears that"; "amid concerns over costs" is the writer's framing of a mood.
            let worry = ["concern", "concerns", "fears"]
                .iter()
                .any(|noun| cue.split_whitespace().last() == Some(noun));
            if worry
                && !story
                    .prose()
                    .get(a.cue().end..)
                    .is_some_and(|after| after.trim_start().starts_with("that "))
            {
                return None;
            }
            // A lone noun ("suggestions that") may belong to someone named just before it:
            // "Lee repeated claims that" are Lee's. A verb that stirs or weighs talk begun by
            // others leaves it with no owner: "investigated claims that", "ends speculation".
            if cue.split_whitespace().count() < 2 && !hearsay && !stirred_by_verb(story, a) {
                return None;
            }
            // "denied reports that", "rejected suggestions": the reports are named only to be
            // contradicted, and no claim rests on them (editors dropped every such finding).
            if cue
                .split_whitespace()
                .next()
                .is_some_and(crate::attribution::cues::is_denial_frame)
            {
                return None;
            }
            Some((
                a.cue(),
                if hearsay {
                    Kind::Hearsay
                } else {
                    Kind::Agentless
                },
            ))
        }
        (_, SourceKind::Media) => {
            let source = a.source()?;
            let named = story.tokens[story.token_at_or_after(source.start)..]
                .iter()
                .take_while(|t| t.span().end <= source.end)
                .skip(1)
                .any(|t| t.is_capitalised());
            // "the report said" after the story has introduced it: a reference back, not
            // hearsay; "reports say", "local media reported" stay vague.
            let lower = story.text(source).to_lowercase();
            let back_reference = (lower.starts_with("the ") || lower.starts_with("this "))
                && !lower.ends_with('s')
                && !lower.ends_with("media")
                && !lower.ends_with("press");
            // "its annual report said", "his report said": a report with an owner, who is
            // named where the pronoun or possessive points, not hearsay. Not a country's media
            // ("Turkey's media") nor a day's report ("yesterday's report").
            let owner = lower.split_whitespace().next().unwrap_or("");
            let owner_stem = owner.trim_end_matches("'s").trim_end_matches("’s");
            let dated = crate::attribution::phrase::is_calendar_word(owner_stem)
                || matches!(owner_stem, "yesterday" | "today" | "tomorrow" | "tonight");
            let owned = (fw::POSSESSIVE_DETERMINERS.contains(&owner)
                || owner_stem.len() < owner.len() && !dated)
                && (lower.ends_with("report") || lower.ends_with("reports"));
            // "denied reports that", "rejected local press reports": the reports are named
            // only to be contradicted.
            let phrase_first = story.token_at_or_after(source.start.min(a.cue().start));
            let denied = story
                .text(a.cue())
                .split_whitespace()
                .next()
                .is_some_and(|w| crate::attribution::cues::is_denial_frame(&w.to_lowercase()))
                || (phrase_first.saturating_sub(3)..phrase_first)
                    .rev()
                    .take_while(|&k| story.tokens[k].is_word())
                    .any(|k| crate::attribution::cues::is_denial_frame(story.lower(k)));
            let unnamed_media = !named
                && !back_reference
                && !owned
                && !denied
                && [
                    "media",
                    "reports",
                    "report",
                    "press",
                    "outlets",
                    "newspapers",
                    "tabloids",
                ]
                .iter()
                .any(|w| story.text(source).to_lowercase().ends_with(w));
            unnamed_media.then(|| (source.join(a.cue()), Kind::Hearsay))
        }
        _ => None,
    }
}

/// Whether a vague phrase speaks of a study's authors or the study itself: "Scientists",
/// "researchers found", "research suggests", with no word making it others' work ("many
/// researchers", "previous studies", "some scientists").
fn is_study_authors(phrase: &str) -> bool {
    let words: Vec<String> = phrase
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.iter().any(|w| lx::STUDY_AUTHORS.contains(w))
        && !words.iter().any(|w| lx::OTHERS_WORK.contains(w))
}

/// One report, study or survey ("a report says", "according to a new study", "an alarming
/// report found"): an article before the noun, within two words, and no plural.
fn names_one_report(phrase: &str) -> bool {
    // Asked of every finding on every keystroke: an ASCII word is compared in place, any
    // other lower-cased as before.
    let is_one_of = |word: &str, list: &[&str]| {
        if word.is_ascii() {
            list.iter().any(|entry| entry.eq_ignore_ascii_case(word))
        } else {
            list.contains(&word.to_lowercase().as_str())
        }
    };
    // Whether each of the three words before this one is an article.
    let mut articles = [false; 3];
    for word in phrase
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
    {
        if articles.contains(&true) && is_one_of(word, &lx::ONE_REPORT) {
            return true;
        }
        articles = [articles[1], articles[2], is_one_of(word, &["a", "an"])];
    }
    false
}

/// The sentences, with their paragraphs, where a named person or body speaks or publishes:
/// who a lede's report belongs to. Sorted by sentence.
fn sentences_with_a_named_source(
    story: &Story,
    attributions: &Attributions,
) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = attributions
        .iter()
        .filter(|a| {
            matches!(
                a.kind,
                SourceKind::NamedPerson | SourceKind::NamedOrganisation
            ) || (a.kind == SourceKind::Media && a.source().is_some_and(|s| names_outlet(story, s)))
        })
        .filter_map(|a| {
            story
                .sentences
                .get(a.sentence())
                .map(|s| (a.sentence(), s.paragraph()))
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether the story reports a study: it names where it was published or who led it
/// ("published in", "the journal", "lead author", "led the study").
fn reports_a_study(story: &Story) -> bool {
    (0..story.tokens.len()).any(|k| match story.lower(k) {
        "journal" | "co-author" | "co-authors" => true,
        "published" => story.lower(k + 1) == "in",
        "lead" | "senior" => matches!(story.lower(k + 1), "author" | "researcher"),
        "led" => story.lower(k + 1) == "the" && matches!(story.lower(k + 2), "study" | "research"),
        _ => false,
    })
}

/// Sources of the market's chorus ("traders said", "dealers said", "analysts said"), up to
/// an aside: in "traders — and some residents — say" the residents are no market voice.
fn market_spans(story: &Story, attributions: &Attributions) -> Vec<Span> {
    let markets_copy = attributions.is_markets_copy();
    attributions
        .iter()
        .filter(|a| is_market_colour(story, a, markets_copy))
        .filter_map(|a| {
            let (source, head) = (a.source()?, a.head()?);
            let aside = (head + 1..story.tokens.len())
                .take_while(|&k| story.tokens[k].span().start < source.end)
                .find(|&k| matches!(story.lower(k), "—" | "–" | "(" | ","));
            Some(aside.map_or(source, |k| {
                Span::new(source.start, story.tokens[k].span().start)
            }))
        })
        .collect()
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

/// "is widely seen as", "was regarded as", "is known for": a reputation with no holder. Editors
/// reading real copy kept about one in five of these (most carry background no one disputes:
/// "seen as the favourite", "known for its beaches"), so they are hints, not warnings; a
/// configured severity for the rule still applies to them.
fn speaks_of_reputation(phrase: &str) -> bool {
    let lower = phrase.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    words.windows(2).any(|pair| {
        matches!(
            pair,
            ["seen", "as" | "to"]
                | ["regarded", "as"]
                | ["known", "to" | "for" | "as"]
                | ["described", "as"]
                | ["referred", "to"]
                | ["considered", _]
        )
    }) || words.last() == Some(&"considered")
        || words == ["dubbed"]
}

/// Whether the word before a naming verb is its subject: a pronoun, a name or a body with a
/// capital ("the Law Society dubbed"), or the "has" of an active perfect ("aides have dubbed").
fn namer_before(before: &str) -> bool {
    let Some(word) = before
        .trim_end()
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .next()
        .filter(|w| !w.is_empty())
    else {
        return false;
    };
    word.chars().next().is_some_and(char::is_uppercase)
        || matches!(
            word.to_lowercase().as_str(),
            "he" | "she" | "they" | "we" | "i" | "you" | "who" | "it" | "has" | "have" | "had"
        )
}

/// Whether a name starts the words after a naming verb: a quotation mark, a capital, or "the"
/// before a capital ("dubbed the Iron Lady").
fn name_follows(after: &str) -> bool {
    let rest = after.trim_start();
    let rest = rest
        .strip_prefix("the ")
        .or_else(|| rest.strip_prefix("The "))
        .unwrap_or(rest);
    rest.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '\'' | '“' | '‘'))
}

fn reputation_message(phrase: &str) -> String {
    format!(
        "Reputation with no holder: “{phrase}” by whom? If the judgement is disputable, say who holds it; settled background can stay (MOS:WEASEL)."
    )
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

/// Adds a finding unless it overlaps one already taken in its sentence (see [`TakenSpans`]).
/// A scan of the sentence's findings here was quadratic in a sentence of thousands.
fn push(found: &mut Vec<Found>, taken: &RefCell<TakenSpans>, span: Span, kind: Kind) {
    let hedge = Found::new(span, kind);
    let mut taken = taken.borrow_mut();
    if !taken.clashes(hedge.start, hedge.end) {
        taken.insert((hedge.start, hedge.end));
        found.push(hedge);
    }
}

/// A hedge taken, in 32-bit offsets as the tokens are (the tokeniser stops at 4 GiB): a story
/// of hedges holds one every few words until the whole story is read, and so does the
/// sentence's [`TakenSpans`].
#[derive(Debug, Clone, Copy)]
struct Found {
    start: u32,
    end: u32,
    kind: Kind,
}

impl Found {
    fn new(span: Span, kind: Kind) -> Found {
        Found {
            start: narrow(span.start),
            end: narrow(span.end),
            kind,
        }
    }

    fn span(self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

/// The findings taken in one sentence, as (start, end). They never overlap one another, so
/// sorted by start their ends rise too, and only the last one starting before a span ends can
/// overlap it.
///
/// Kept as sorted lists merged as in a binary counter (a list is merged into the one before
/// it once it is more than half as long, so each list is under half the one before it and
/// there are logarithmically many), so an insertion costs amortised logarithmic time in any
/// order, and one in order, as most are, extends the last list. Unlike a tree's small nodes, which the
/// allocator keeps after they are freed, the lists go back to the system with the sentence.
#[derive(Debug, Default)]
struct TakenSpans {
    runs: Vec<Vec<(u32, u32)>>,
}

impl TakenSpans {
    fn clashes(&self, start: u32, end: u32) -> bool {
        self.runs
            .iter()
            .filter_map(|run| {
                let before = run.partition_point(|&span| span < (end, 0));
                before.checked_sub(1).map(|k| run[k])
            })
            .max()
            .is_some_and(|(s, e)| s < end && start < e)
    }

    fn insert(&mut self, span: (u32, u32)) {
        match self.runs.last_mut() {
            Some(last) if last.last().is_none_or(|&l| l <= span) => last.push(span),
            _ => self.runs.push(vec![span]),
        }
        while let [.., before, last] = &self.runs[..] {
            if last.len() * 2 <= before.len() {
                break;
            }
            let last = self.runs.pop().unwrap_or_default();
            if let Some(before) = self.runs.last_mut() {
                merge_into(before, last);
            }
        }
    }
}

/// Merges sorted `from` into sorted `into`, from the back, with no list beside the two.
fn merge_into(into: &mut Vec<(u32, u32)>, from: Vec<(u32, u32)>) {
    let (mut i, mut j) = (into.len(), from.len());
    into.resize(i + j, (0, 0));
    while j > 0 {
        let k = i + j - 1;
        if i > 0 && into[i - 1] > from[j - 1] {
            into[k] = into[i - 1];
            i -= 1;
        } else {
            into[k] = from[j - 1];
            j -= 1;
        }
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

#[cfg(test)]
mod tests {
    use crate::checks::unattributed::tests::findings_of;

    proptest::proptest! {
        /// Spans in order or not, some empty, so that lists of every length are merged and the
        /// last span before an end can sit in any of them.
        #[test]
        fn taken_spans_clash_as_a_tree_of_them_does(
            mut spans in proptest::collection::vec((0u32..400, 0u32..8), 0..300),
            in_order: bool,
        ) {
            if in_order {
                spans.sort_unstable();
            }
            let mut taken = super::TakenSpans::default();
            let mut tree = std::collections::BTreeSet::new();
            for (start, len) in spans {
                let (start, end) = (start, start + len);
                let expected = tree
                    .range(..(end, 0))
                    .next_back()
                    .is_some_and(|&(s, e)| s < end && start < e);
                proptest::prop_assert_eq!(taken.clashes(start, end), expected);
                if !expected {
                    taken.insert((start, end));
                    tree.insert((start, end));
                }
                // Each list under half the one before it.
                proptest::prop_assert!(taken.runs.len() <= 10);
            }
        }
    }

    /// One report: a report noun with "a" or "an" among the three words before it, in any
    /// case, ASCII or not; not a plural, a definite one, or an article too far back.
    #[test]
    fn one_report_is_a_report_noun_after_an_article() {
        for phrase in [
            "a report says",
            "according to a new study",
            "An alarming new report found",
            "A SURVEY",
            "a café review",
            "a Ärzte-Verband report",
        ] {
            assert!(super::names_one_report(phrase), "{phrase:?}");
        }
        for phrase in [
            "reports say",
            "the report says",
            "a long and alarming report",
            "a review-ish",
            "studies",
            "",
        ] {
            assert!(!super::names_one_report(phrase), "{phrase:?}");
        }
    }

    /// The one-pass prefilter may only widen the patterns: an escaped backslash before a `b`
    /// is a literal and stays.
    #[test]
    fn prefilter_drops_only_word_boundaries() {
        assert_eq!(
            super::without_word_boundaries(r"\bit\s+is\\b\b"),
            r"it\s+is\\b"
        );
        let vague = super::Vague::new(&[]);
        for sentence in [
            "It is widely believed the mayor will resign.",
            "日It is believed 日 the plan failed.",
            "Amid press reports that the deal collapsed, shares fell.",
        ] {
            let candidates = vague.any_pattern.matches(sentence);
            for (k, pattern) in vague.patterns.iter().enumerate() {
                if pattern.regex.is_match(sentence) {
                    assert!(
                        candidates.matched(k),
                        "{sentence}: pattern {k} filtered out"
                    );
                }
            }
        }
    }

    /// The rules of `text::fold`, which the patterns search through: break one and the folded
    /// search finds something else than the real text would.
    #[test]
    fn patterns_keep_the_ascii_fold_exact() {
        let vague = super::Vague::new(&[]);
        let sources: Vec<&str> = vague
            .patterns
            .iter()
            .map(|p| p.regex.as_str())
            .chain([&vague.poll_agent, &vague.reduced_relative, &vague.learned].map(|r| r.as_str()))
            .collect();
        for source in sources {
            assert!(
                !source.contains(['_', '"', ' ']),
                "names a stand-in or a literal space: {source}"
            );
            let chars: Vec<char> = source.chars().collect();
            for (i, &c) in chars.iter().enumerate() {
                match c {
                    '’' => {
                        let in_class = i > 0 && chars[i - 1] == '\'';
                        let tail: String = chars[i + 1..]
                            .iter()
                            .take_while(|c| c.is_alphanumeric())
                            .collect();
                        let alternative = source.contains(&format!("'{tail}"));
                        assert!(in_class || alternative, "’ without ' at {i}: {source}");
                    }
                    '—' | '–' => {}
                    c if !c.is_ascii() => panic!("{c:?} has no stand-in: {source}"),
                    _ => {}
                }
            }
            // `,` and the dashes only together, in one class; `,` elsewhere only in a
            // repetition count (`{0,3}`).
            let mut rest = source;
            while let Some(open) = rest.find('[') {
                let class_end = rest[open..].find(']').map_or(rest.len(), |end| open + end);
                let class = &rest[open..class_end];
                let marks = [',', '—', '–'].map(|c| class.contains(c));
                assert!(
                    marks.iter().all(|&m| m) || !marks.iter().any(|&m| m),
                    "{class} holds some of , — – but not all: {source}"
                );
                rest = &rest[class_end..];
            }
            let mut outside = String::new();
            let mut depth = 0;
            for c in source.chars() {
                match c {
                    '[' => depth += 1,
                    ']' => depth -= 1,
                    c if depth == 0 => outside.push(c),
                    _ => {}
                }
            }
            let without_counts = outside.replace(|c: char| c.is_ascii_digit(), "");
            assert!(
                !without_counts.contains(['—', '–'])
                    && !without_counts.replace("{,}", "").contains(','),
                ", or a dash outside a class: {source}"
            );
        }
    }

    fn vague(text: &str) -> Vec<String> {
        findings_of(text, "vague-attribution")
    }

    #[test]
    fn reports_denied_or_owned_are_no_hearsay() {
        // Named only to be contradicted: no claim of the story rests on them.
        assert!(vague("The mill's owner denied reports that it would close in May.").is_empty());
        assert!(vague("A spokeswoman rejected suggestions that the levy would rise.").is_empty());
        // The report of someone the pronoun points to, not an unnamed one.
        assert!(vague("Ashford Mills expects lower sales, its annual report said.").is_empty());
        // A day's report or a country's media have no owner to point to.
        assert!(!vague("Sales fell by a third, yesterday's report said.").is_empty());
        // Reports with no owner and no denial stay vague.
        assert!(!vague("Reports say the mill will close in May.").is_empty());
        assert!(!vague("The mill faces a strike amid reports that wages will be cut.").is_empty());
    }

    #[test]
    fn a_reputation_with_no_holder_is_a_hint() {
        use crate::finding::Severity;
        // Under the default configuration, which sets no severity for the rule.
        let severity = |text: &str| {
            crate::engine::Engine::new(crate::config::Config::default())
                .analyze(text, crate::text::SourceFormat::PlainText)
                .into_iter()
                .filter(|f| f.rule == "vague-attribution")
                .map(|f| (text[f.span().range()].to_owned(), f.severity))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            severity("The senator is widely seen as a moderate."),
            [("is widely seen as".to_owned(), Severity::Hint)]
        );
        assert_eq!(
            severity("The quarry was regarded as the town's best employer."),
            [("was regarded as".to_owned(), Severity::Hint)]
        );
        // A view or a report with no holder stays a warning.
        assert_eq!(
            severity("The senator is believed to favour the levy."),
            [("is believed to".to_owned(), Severity::Warning)]
        );
    }

    #[test]
    fn economists_are_answered_by_a_named_economics_professor() {
        let story =
            "Economists called the levy a bold step.\n\n\"It is overdue,\" said Ann Kovac, \
                     an economics professor at Lakeside University.";
        assert!(vague(story).is_empty(), "{:?}", vague(story));
        // A professor named nowhere near leaves the economists unnamed.
        assert_eq!(
            vague("Economists called the levy a bold step.\n\nThe council meets on Monday."),
            ["Economists"]
        );
    }

    #[test]
    fn stance_groups_are_flagged() {
        assert_eq!(
            vague("Supporters of the bypass argue it will ease the traffic."),
            ["Supporters"]
        );
        assert_eq!(
            vague("Opponents were clear that the depot must stay open."),
            ["Opponents"]
        );
        assert_eq!(
            vague("The levy's backers insist it will pay for itself."),
            ["backers"]
        );
        assert_eq!(
            vague("Ministers pushed on despite many fearing a revolt."),
            ["many"]
        );
        assert_eq!(
            vague("Opponents, pointing to the cost, say the plan is too risky."),
            ["Opponents"]
        );
        assert!(vague("The club won despite many injuries.").is_empty());
        assert!(vague("Supporters of the club packed the stand on Saturday.").is_empty());
        assert!(vague("Thousands of supporters are expected to turn out on Sunday.").is_empty());
        assert!(
            vague("Many of his supporters in the chamber in favour of the bill lost.").is_empty()
        );
        assert_eq!(
            vague("Party strategists are believed to want an early vote."),
            ["Party strategists are believed to"]
        );
        assert!(vague("The result was clear that evening.").is_empty());
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
        // Parliament's members by their British names, quantified as lawmakers are; a bare
        // plural is the body speaking ("MPs voted", "Tory MPs said").
        assert_eq!(
            vague("Several backbenchers have said the levy should go."),
            ["Several backbenchers"]
        );
        assert_eq!(
            vague("Many Labour MPs fear the vote will be lost."),
            ["Many Labour MPs"]
        );
        assert!(vague("Tory MPs said the levy should go.").is_empty());
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
    fn news_that_surfaced_and_worry_held_by_no_one() {
        assert_eq!(
            vague("It later emerged that the mayor had sold the land."),
            ["It later emerged"]
        );
        assert_eq!(
            vague("The vote was delayed after it emerged the papers were lost."),
            ["it emerged"]
        );
        assert_eq!(
            vague("It is well known that the pier is unsafe."),
            ["It is well known"]
        );
        assert_eq!(
            vague("There was also concern that the fund would run dry."),
            ["There was also concern"]
        );
        assert_eq!(
            vague("The closures sparked complaints that rural readers lose most."),
            ["sparked complaints"]
        );
        assert_eq!(
            vague("The deal went ahead amid fears that jobs would go."),
            ["amid fears"]
        );
        assert_eq!(
            vague("Rumours are circulating that the mill will be sold."),
            ["Rumours are circulating"]
        );
        assert_eq!(vague("The advert was slammed as sexist."), ["was slammed"]);
        // A judgment with its judges, and a sentence passed, are not vague.
        assert!(vague("The advert was slammed by the regulator.").is_empty());
        assert!(vague("The smuggler was condemned to death in 1781.").is_empty());
        // Movement, a mood over costs, and settled history are not hearsay.
        assert!(vague("It emerged from the tunnel at dawn.").is_empty());
        assert!(vague("The refit went ahead amid concerns over the cost of steel.").is_empty());
        assert!(vague("The mill shut in 1998 after it emerged its books were false.").is_empty());
        assert!(vague("It emerged in 1998 that the books were false.").is_empty());
        // A date in what emerged dates the finding out, not the news.
        assert_eq!(
            vague("The mayor hit back after it emerged that the pool lost money last year."),
            ["it emerged"]
        );
    }

    #[test]
    fn reproaches_and_claims_with_no_one_behind_them() {
        assert_eq!(
            vague(
                "The council kept the data back, leading to claims that it had something to hide."
            ),
            ["leading to claims"]
        );
        assert_eq!(
            vague("The levy passed, prompting claims that farmers would pay twice."),
            ["prompting claims"]
        );
        // An accusation of no one named is hearsay; of a named person, the allegation rule's.
        assert_eq!(
            vague("The board kept the data back, leading to accusations that it had lied."),
            ["leading to accusations"]
        );
        assert!(vague("The board faced accusations that Ann Roe had lied to it.").is_empty());
        assert_eq!(
            vague("The mayor has come under fire for her remarks on rents."),
            ["come under fire for"]
        );
        assert_eq!(
            vague("It is considered normal for a few hives to fail each winter."),
            ["is considered normal"]
        );
        assert_eq!(
            vague("Mental health charities said the cuts would hurt."),
            ["Mental health charities"]
        );
        // Gunfire, and a reproach whose critics are named.
        assert!(vague("The patrol came under fire near the ridge.").is_empty());
        assert!(vague("The mayor came under fire from tenants for her remarks.").is_empty());
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
    fn a_named_member_answers_the_nearest_group_before_her() {
        let answered = "Economists predicted that the levy would be cut.\n\n\
            The Treasury declined to comment.\n\n\
            \"A cut is likely,\" said Jane Roe, an economist at Northfield Bank.";
        assert!(vague(answered).is_empty());
        // A second group between them is the one she answers: the first is left unnamed.
        let claimed = "Economists predicted that the levy would be cut.\n\n\
            The Treasury declined to comment.\n\n\
            Economists said the deficit was smaller. \"A cut is likely,\" said Jane Roe, \
            an economist at Northfield Bank.";
        assert_eq!(vague(claimed), ["Economists"]);
        // A word in a name or a description is no second group.
        let named = "Economists predicted that the levy would be cut.\n\n\
            The Northfield Economists Forum declined to comment.\n\n\
            \"A cut is likely,\" said Jane Roe, an economist at Northfield Bank.";
        assert!(vague(named).is_empty());
    }

    #[test]
    fn a_group_in_a_named_speakers_account_is_theirs() {
        let relayed = "The minister said she had listened to critics who feared a rise in debt.";
        assert!(vague(relayed).is_empty());
        let relayed = "Ms Roe said that for years some critics had predicted a split.";
        assert!(vague(relayed).is_empty());
        // The story's own group after a comma, or a view the speaker only holds, is not.
        let own = "Ms Roe said the plan was sound, but critics say it will fail.";
        assert_eq!(vague(own), ["critics"]);
        let held = "Ms Roe believes that some critics have a point.";
        assert_eq!(vague(held), ["some critics"]);
    }

    #[test]
    fn a_group_led_by_a_speaker_the_story_names_is_theirs() {
        let led = "Ruth Baird and campaigners said the guidance was looser than before. \
            Baird said the change was unlawful.";
        assert!(vague(led).is_empty());
        // A country or a sentence's first noun before "and" leads no one.
        let country = "The dispute has hit the headlines in Spain and analysts feared it could \
            spread. Spain said little.";
        assert_eq!(vague(country), ["analysts"]);
        let plain = "Domestic and foreign critics say the levy is too high.";
        assert_eq!(vague(plain), ["Domestic and foreign critics"]);
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
        assert!(vague("Neither side will concede, and the argument goes on for weeks.").is_empty());
        assert!(vague(
            "In posts some of the guards mocked the marchers while others accused shops of \
             profiteering."
        )
        .is_empty());
        assert_eq!(
            vague("Some of the plan is sound, but others say it will fail."),
            ["others"],
            "\"some of the\" counts only a group of people"
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
    fn framings_and_clauses_that_hand_the_view_to_a_group() {
        assert_eq!(vague("To many, the new mayor is a hero."), ["To many"]);
        assert_eq!(vague("But to others, the plan is a scam."), ["to others"]);
        assert_eq!(
            vague("The bloc has frayed, with many worried that it cannot recover."),
            ["many"]
        );
        assert_eq!(
            vague("He trails Cruz, who many feel needs a win."),
            ["many"]
        );
        assert!(vague("The prize went to many, including her.").is_empty());
        assert!(vague("She gave food to some, and money to others.").is_empty());
        assert!(vague("For some, the losses would outstrip the gains.").is_empty());
        assert!(vague("He met with many of the voters.").is_empty());
    }

    #[test]
    fn contractions_adjectives_and_attributive_judgments() {
        assert_eq!(
            vague("Outside the capital, she's seen as an outsider."),
            ["'s seen as"]
        );
        assert_eq!(
            vague("The two senators are not considered top-tier contenders."),
            ["are not considered top-tier"]
        );
        assert_eq!(
            vague("It started with his widely panned speech in June."),
            ["his widely panned"]
        );
        assert!(vague("Jewish groups widely condemned the plan.").is_empty());
        assert!(vague("The ad could be seen by a large number of voters.").is_empty());
        assert_eq!(
            vague("The ad was seen by a number of voters as unfair.").len(),
            1
        );
        assert!(vague("He is seen as fair by half of all voters.").is_empty());
        assert!(vague("The bill is considered in committee on Monday.").is_empty());
        assert!(vague("He's seen the report.").is_empty());
    }

    #[test]
    fn clouds_of_accusations_and_cause_groups() {
        for (text, phrase) in [
            (
                "The chairman resigned amid allegations of bullying at the depot.",
                "amid allegations of",
            ),
            (
                "The council pressed on despite claims that the bridge was unsafe.",
                "despite claims that",
            ),
            (
                "The club has been plagued by claims of unpaid wages.",
                "has been plagued by claims",
            ),
            (
                "The singer, widely identified as the buyer, did not comment.",
                "widely identified as",
            ),
            (
                "Conservation groups say the dam will drown the valley.",
                "Conservation groups",
            ),
            (
                "Campaigners fear the closure will hurt the poorest families.",
                "Campaigners",
            ),
            (
                "The bypass has faced stiff opposition from campaigners.",
                "opposition from campaigners",
            ),
        ] {
            assert_eq!(vague(text), [phrase], "{text}");
        }
        for text in [
            "The arrests came amid allegations by the union that staff were bullied.",
            "The firm has been plagued by claims from former staff, its owner said.",
            "Conservation groups, including the Ashcombe Wildlife Trust, say the dam will drown the valley.",
            "Some groups met on Tuesday.",
        ] {
            assert!(vague(text).is_empty(), "{text}");
        }
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
        assert_eq!(
            vague("The Evening Ledger has learnt that the bid was rejected."),
            ["The Evening Ledger has learnt"]
        );
        assert!(vague("He has learnt to drive.").is_empty());
        assert!(vague(
            "The coach is reported to have quit, the Evening Ledger reported on Monday."
        )
        .is_empty());
        assert!(
            vague("The coach reportedly quit, a neighbour told the Evening Ledger.").is_empty()
        );
        // A bare participle: "a painting thought to be worth", "the man, believed to be 40".
        assert_eq!(
            vague("Police found a painting thought to be worth thousands."),
            ["thought to be"]
        );
        assert_eq!(
            vague("The owner, believed to be in his sixties, has not been seen since."),
            ["believed to be"]
        );
        assert!(vague("He thought to be careful with the money.").is_empty());
        assert_eq!(
            vague("The council approved a plan described as reckless."),
            ["described as"]
        );
        assert!(vague("She shrugged off what he described as a blunder.").is_empty());
        // Crime copy hedges for the law; the charge two sentences away is the accuser.
        assert!(vague(
            "Police arrested a man of 34 on Tuesday. He appeared in court on Friday.\n\nHe allegedly took the van from a yard in the town."
        )
        .is_empty());
        assert_eq!(
            vague("The singer allegedly snubbed the host at the gala."),
            ["allegedly"]
        );
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
        assert!(f.message().contains("who are “critics”"), "{}", f.message());
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

    #[test]
    fn market_colour_is_left_to_the_anonymous_family_under_every_house() {
        use crate::checks::unattributed::tests::findings_with;
        use crate::config::{Config, HousePreset};
        let text = "Stocks gained, bond prices fell, yields rose and the dollar firmed, analysts \
                    said. Critics say the rally is fragile.";
        // Outside market copy, analysts and economists are a vague group like any other.
        let levy = "Some economists believe the levy will close the mill.";
        for preset in HousePreset::ALL {
            let config = Config {
                preset,
                ..Config::default()
            };
            assert_eq!(
                findings_with(&config, levy, "vague-attribution"),
                ["Some economists"]
            );
        }
        for preset in HousePreset::ALL {
            let config = Config {
                preset,
                ..Config::default()
            };
            let found = findings_with(&config, text, "vague-attribution");
            assert!(!found.iter().any(|f| f.contains("analysts")), "{found:?}");
            assert!(found.iter().any(|f| f.contains("Critics")), "{found:?}");
        }
    }

    #[test]
    fn a_group_in_a_sentence_a_named_outlet_reports_is_sourced() {
        assert!(vague(
            "According to the Associated Press, insurance analysts doubt the firm can pay."
        )
        .is_empty());
        assert_eq!(
            vague("Insurance analysts doubt the firm can pay."),
            ["Insurance analysts"]
        );
    }

    #[test]
    fn a_group_under_a_hearsay_passive_is_one_finding_with_it() {
        assert_eq!(
            vague("Many councillors are thought to support the parking levy."),
            ["Many councillors are thought to"]
        );
        // Apart, they are two problems: the hedge and a group that speaks.
        assert_eq!(
            vague("The levy is said to be popular. Many councillors argue it is unfair."),
            ["is said to be", "Many councillors"]
        );
    }

    #[test]
    fn views_with_a_dummy_subject_and_cited_outlets() {
        assert_eq!(
            vague("It is hoped the bridge will reopen in May."),
            ["is hoped"]
        );
        assert_eq!(
            vague("It is expected that the minister will resign."),
            ["is expected that"]
        );
        assert!(vague("It is expected to rain all weekend.").is_empty());
        assert!(vague("It was agreed the issue could wait until spring.").is_empty());
        assert!(vague("Whitehall insiders told the BBC that the memo was shelved.").is_empty());
        assert_eq!(
            vague("Whitehall insiders said the memo was shelved."),
            ["Whitehall insiders"]
        );
    }

    #[test]
    fn irony_and_reports_already_introduced() {
        assert!(vague("Labour won in a supposedly safe Tory seat.").is_empty());
        assert!(vague(
            "The audit office reviewed the scheme.\n\nThe report said the costs had doubled."
        )
        .is_empty());
        assert_eq!(
            vague("Local media reported that the mayor had resigned."),
            ["Local media reported"]
        );
    }

    #[test]
    fn photo_captions_are_shorthand_for_the_body() {
        let body = "The presenter was overheard arguing about the bill at the hotel desk.";
        for caption in [
            "Tom Hale (left) was allegedly furious about the parking fine.",
            "Scientists say a comet struck the young planet (artist's illustration shown).",
            "Critics say the stadium (pictured, top) is too small.",
        ] {
            let text = format!("{body}\n\n{caption}");
            assert!(
                findings_of(&text, "vague-attribution").is_empty(),
                "{caption}"
            );
        }
        // A parenthesis that places no picture leaves the sentence as prose.
        let text = format!("{body}\n\nCritics say the stadium (built in 1990) is too small.");
        assert_eq!(findings_of(&text, "vague-attribution"), ["Critics"]);
    }

    #[test]
    fn a_study_lede_speaks_of_the_authors_the_body_names() {
        let lede = "Night shifts on the wards\n\nNight shifts double the risk of a fall among \
                    nurses, researchers say.";
        // The body names where the study was published, and no author speaks.
        let body = "The study, published in the journal Occupational Care, followed 4,000 \
                    nurses for ten years.";
        let text = format!("{lede}\n\n{body}");
        assert!(findings_of(&text, "vague-attribution").is_empty());
        // Without a study the story names, the same lede hides its source.
        let text = format!("{lede}\n\nThe ward has 40 beds.");
        assert_eq!(findings_of(&text, "vague-attribution"), ["researchers"]);
        // Others' work, even in a study story, is still vague.
        let text = "Night shifts on the wards\n\nMany researchers believe night shifts harm \
                    nurses.\n\nThe study, published in the journal Occupational Care, followed \
                    4,000 nurses.";
        assert_eq!(findings_of(text, "vague-attribution"), ["Many researchers"]);
    }

    #[test]
    fn a_report_lede_is_answered_by_its_author_just_below() {
        let lede = "Ferry fares to rise\n\nFerry fares on the northern routes will rise by a \
                    fifth next year, a report says.";
        let text = format!(
            "{lede}\n\nThe Coastal Transport Council said fuel costs had doubled since 2020."
        );
        assert!(findings_of(&text, "vague-attribution").is_empty());
        // No one named below: the report is still nobody's.
        let text = format!("{lede}\n\nFuel costs have doubled since 2020.");
        assert_eq!(findings_of(&text, "vague-attribution"), ["a report says"]);
        // Several reports are a rumour's echo, whoever speaks next.
        let text = "Ferry fares to rise\n\nFerry fares will rise by a fifth, reports say.\n\n\
                    The Coastal Transport Council said fuel costs had doubled.";
        assert_eq!(findings_of(text, "vague-attribution"), ["reports say"]);
        // Deep in the story, a report is a new claim, not the lede's shorthand.
        let text = "Ferry fares to rise\n\nThe council met on Monday.\n\nIt sat for an \
                    hour.\n\nThe fleet is old.\n\nFares will rise, a report says.\n\nThe \
                    Coastal Transport Council said costs had doubled.";
        assert_eq!(findings_of(text, "vague-attribution"), ["a report says"]);
    }

    #[test]
    fn headlines_are_shorthand_for_the_body() {
        let text =
            "Minister reportedly to quit\n\nThe minister will resign on Friday, her office said.\n";
        assert!(vague(text).is_empty(), "{:?}", vague(text));
    }

    #[test]
    fn agentless_and_unnamed_media_from_the_attribution_layer() {
        for (text, phrase) in [
            (
                "The premier is understood to have rejected the offer.",
                "is understood to",
            ),
            (
                "The mayor has faced criticism over the contract.",
                "faced criticism",
            ),
            (
                "State media reported that the border was closed.",
                "State media reported",
            ),
        ] {
            assert_eq!(vague(text), [phrase], "{text}");
        }
    }

    #[test]
    fn a_speaker_in_the_sentence_covers_only_the_words_reported() {
        // The aide's words take the hedge in; Mr Roe's do not reach back to the fear.
        assert!(vague("The minister is thought to be ill, an aide said.").is_empty());
        assert_eq!(
            vague("In the valley it is feared 5,000 jobs could go, and Mr Roe said more firms would leave."),
            ["it is feared"]
        );
        assert_eq!(
            vague("Some lawmakers fear the plan will fail, and the mayor said the vote was close."),
            ["Some lawmakers"]
        );
        assert!(vague("The mayor said some lawmakers fear the plan will fail.").is_empty());
    }

    #[test]
    fn a_study_named_before_and_reports_denied_are_not_hearsay() {
        assert!(vague(
            "A survey by the Ashcombe Trust asked 900 nurses about pay.\n\nThe research also found that most worked unpaid overtime."
        )
        .is_empty());
        assert_eq!(
            vague("The minister resigned.\n\nResearch also found that most nurses worked unpaid overtime."),
            ["Research also found"]
        );
        assert!(vague("A spokesman rejected local press reports of a bailout.").is_empty());
        assert_eq!(
            vague("Local press reports said the bank had intervened."),
            ["Local press reports said"]
        );
    }

    #[test]
    fn revealed_announcements_rife_speculation_and_those_who_believe() {
        assert_eq!(
            vague("The minister has resigned, it has been announced."),
            ["it has been announced"]
        );
        assert!(vague("A year after it was announced, the scheme had no takers.").is_empty());
        assert_eq!(
            vague("On Monday it was announced that the depot would reopen."),
            ["it was announced"]
        );
        assert!(
            vague("When it was announced that the depot would reopen, shares rose.").is_empty()
        );
        assert!(vague("It was announced by the council that the depot would reopen.").is_empty());
        assert_eq!(
            vague("Last week it was revealed that the fund had lost millions."),
            ["it was revealed"]
        );
        assert_eq!(
            vague("Speculation has been rife about what caused the rift."),
            ["Speculation has been rife"]
        );
        assert_eq!(
            vague("The envoy added her voice to those warning of a famine."),
            ["those warning"]
        );
        assert_eq!(
            vague("Those who believe the plan will work are few."),
            ["Those who believe"]
        );
        // A poll's respondents.
        assert!(vague("Those who said jobs came first split evenly.").is_empty());
        assert_eq!(
            vague("The council may raise the levy, though many have played down the risk."),
            ["many"]
        );
    }

    #[test]
    fn a_described_relative_and_a_counted_question_name_no_vague_group() {
        assert!(vague("The shop, which friends described as a burden, closed in May.").is_empty());
        assert!(vague("She would not say how many of its members planned to quit.").is_empty());
        assert_eq!(
            vague("That is how many analysts viewed the merger."),
            ["many analysts"]
        );
        assert_eq!(
            vague("The council approved a plan described as reckless."),
            ["described as"]
        );
    }

    #[test]
    fn talk_stirred_or_weighed_by_a_verb_has_no_owner() {
        assert_eq!(
            vague("Her move ends speculation that she would run against the mayor."),
            ["speculation"]
        );
        assert_eq!(
            vague("The panel investigated claims that the firm paid its drivers late."),
            ["claims"]
        );
        assert_eq!(
            vague("The closure has quashed rumours that the mill will be sold."),
            ["rumours"]
        );
        // The subject's own claims, and claims denied.
        assert!(vague("Cole repeated claims that the vote was rigged.").is_empty());
        assert!(vague("Cole rejected suggestions that the vote was rigged.").is_empty());
    }

    #[test]
    fn a_consensus_nobody_is_said_to_hold() {
        assert_eq!(
            vague("By now the prevailing view here is that the levy is dead."),
            ["the prevailing view here is that"]
        );
        assert!(vague("Her belief is that the levy is dead.").is_empty());
    }

    #[test]
    fn advocacy_groups_are_commentator_groups() {
        assert_eq!(
            vague("Landlords and activists warn that the rule could backfire."),
            ["activists"]
        );
        assert_eq!(
            vague("Tenant advocates say the rule will backfire."),
            ["Tenant advocates"]
        );
        // "Yet" opens the sentence; it modifies nothing.
        assert_eq!(
            vague("Yet activists in the city say the rule will backfire."),
            ["activists"]
        );
        // A capitalised group word after a capital belongs to a name.
        assert!(vague("Then Tenant Advocates of Leeds said the rule will backfire.").is_empty());
    }
}
