//! Unnamed sources the shared attribution layer reads and the source-noun detector does not
//! reach: British and wire shapes such as "a cabinet minister added:", "one senior Tory said",
//! "one backbencher who backs the chancellor said", "a Treasury official raised concerns".
//! The attribution's source becomes a mention like any other, so grouping, reasons and
//! counting treat it the same way.

use super::lexicon;
use super::mention::{Mention, NewMention, StandIn};
use crate::attribution::phrase::{is_name_token, MAX_NAME_WORDS};
use crate::attribution::{Attribution, Attributions, CueKind, SourceKind};
use crate::lexicon::verbs::VerbClass;
use crate::span::Span;
use crate::text::Story;
use foldhash::{HashMap, HashMapExt};
use smallvec::SmallVec;
use std::borrow::Cow;
use std::sync::LazyLock;

/// Verbs whose subject is plainly speaking or holding a view for the story: not requests
/// ("asked the clerk to"), acts ("added 160 guards") or denials of speech ("have not said").
const SPEECH_LEMMAS: &[&str] = &[
    "say",
    "tell",
    "add",
    "write",
    "warn",
    "insist",
    "claim",
    "admit",
    "argue",
    "note",
    "explain",
    "suggest",
    "acknowledge",
    "confirm",
    "complain",
    "concede",
    "predict",
    "regard",
    "raise",
    "voice",
    "express",
    "describe",
    "believe",
    "fear",
    "think",
    "reckon",
    "describe",
    "reveal",
    "disclose",
    "brief",
    "learn",
    "quote",
    "concur",
    "counter",
    "observe",
    "remark",
    "recall",
    "stress",
    "caution",
];

/// Verbs of a view, a forecast or a push inside the room: "her advisers expected a narrow
/// win", "officials are considering", "aides have been urging the governor". Said of someone
/// who works inside, they are the story reporting that person's unnamed view; said of
/// "people" or "voters" they are public mood, so only inside heads take them.
const VIEW_LEMMAS: &[&str] = &[
    "expect", "consider", "doubt", "hope", "worry", "urge", "vow", "promise", "estimate",
    "conclude", "question", "muse", "indicate", "signal", "assess", "predict", "wonder",
];

/// Heads of people who speak from inside an office, campaign or government.
const INSIDE_HEADS: &[&str] = &[
    "official",
    "aide",
    "adviser",
    "insider",
    "diplomat",
    "strategist",
    "staffer",
    "negotiator",
    "operative",
    "source",
    "minister",
    "whip",
    "backbencher",
    "mp",
    "executive",
    "ally",
];

fn plainly_speaking(story: &Story, a: &crate::attribution::Attribution) -> bool {
    plainly_saying(story, a, false)
}

fn speaking_or_holding_view(story: &Story, a: &crate::attribution::Attribution) -> bool {
    plainly_saying(story, a, true)
}

fn plainly_saying(story: &Story, a: &crate::attribution::Attribution, views: bool) -> bool {
    let cue: Vec<&str> = story.text(a.cue()).split_whitespace().collect();
    if cue.iter().any(|w| {
        matches!(w.to_lowercase().as_str(), "not" | "never")
            || w.ends_with("n't")
            || w.ends_with("n’t")
    }) {
        return false;
    }
    let Some(verb) = cue
        .iter()
        .rev()
        .find_map(|w| crate::lexicon::verbs::lookup(&w.to_lowercase()))
    else {
        return a.cue_kind == CueKind::Colon || a.cue_kind == CueKind::Preposition;
    };
    if !SPEECH_LEMMAS.contains(&verb.lemma) && (!views || !VIEW_LEMMAS.contains(&verb.lemma)) {
        return false;
    }
    // "added": speech only with what is said ("added: …", "added that", a quotation).
    let content = a.content().map(|c| story.text(c)).unwrap_or("");
    // "told the driver to stop": an order given, not something the source says is so.
    if matches!(verb.lemma, "tell" | "order") && tells_an_order(story, a) {
        return false;
    }
    let said = content.starts_with(['“', '"', '‘', '\''])
        || content.starts_with("that ")
        || story
            .prose()
            .get(a.cue().end..)
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
        || story.prose().get(..a.cue().start).is_some_and(|before| {
            before
                .trim_end()
                .trim_end_matches([',', '—'])
                .trim_end()
                .ends_with(['”', '"', '’'])
        });
    !matches!(verb.lemma, "add" | "note") || said || content.is_empty()
}

/// Whether the content after "told" starts with whom it was told and an infinitive ("him to
/// stop"), as the detector reads it ([`crate::attribution::cues::tells_an_order`]).
fn tells_an_order(story: &Story, a: &Attribution) -> bool {
    let Some(content) = a.content() else {
        return false;
    };
    crate::attribution::cues::tells_an_order(
        |k| story.lower(k),
        |k| story.tokens.get(k).is_some_and(|t| t.is_capitalised()),
        story.token_at_or_after(content.start),
        story.token_at_or_after(content.end),
    )
}

/// "her oldest friend, Dana Whitfield": a name follows the description.
fn named_after(story: &Story, span: crate::span::Span) -> bool {
    let next = story.token_at_or_after(span.end);
    story.token_text(next) == "," && two_capitals_from(story, next + 1)
}

fn two_capitals_from(story: &Story, k: usize) -> bool {
    story.tokens.get(k).is_some_and(|t| t.is_capitalised())
        && story.tokens.get(k + 1).is_some_and(|u| u.is_capitalised())
}

/// "said the group's executive Director Ana Ruiz": a title and a name run on from the
/// description, which is that person's.
pub(super) fn title_and_name_follow(story: &Story, span: Span) -> bool {
    let next = story.token_at_or_after(span.end);
    story
        .tokens
        .get(next)
        .is_some_and(|t| t.is_word() && crate::attribution::phrase::is_title(story.lower(next)))
        && two_capitals_from(story, next + 1)
}

/// "said Wang Li, an official from the bureau quoted in a newspaper", "John Carter, chairman
/// and chief executive said": the description is a named speaker's, in apposition. The name
/// must follow a speech verb, or open a clause before two titles, so that "In Washington, a
/// senior official said" still reads as unnamed.
fn describes_speaker_named_before(story: &Story, a: &crate::attribution::Attribution) -> bool {
    let Some(span) = a.source() else {
        return false;
    };
    let first = story.token_at_or_after(span.start);
    let mut comma = first.saturating_sub(1);
    // "chairman and chief executive": the apposition may start one bare title earlier.
    let two_titles = story.lower(comma) == "and";
    if two_titles {
        let bare_title = (comma.saturating_sub(lexicon::MAX_BARE_TITLE_WORDS)..comma)
            .rev()
            .find(|&k| story.token_text(k) == ",");
        let Some(c) = bare_title else {
            return false;
        };
        let bare = (c + 1..comma).all(|k| {
            story.tokens[k].is_word()
                && !story.tokens[k].is_capitalised()
                && !lexicon::is_plural_form(story.lower(k))
        });
        if !bare {
            return false;
        }
        comma = c;
    }
    if comma == 0 || story.token_text(comma) != "," {
        return false;
    }
    let sentence_start = story
        .sentence_at(span.start)
        .and_then(|s| story.sentences.get(s))
        .map_or(comma, |s| s.tokens().start);
    let mut k = comma;
    while k > sentence_start && comma - k < MAX_NAME_WORDS && is_name_token(story, k - 1) {
        k -= 1;
    }
    // One capitalised word is as often a place or a body as a name.
    if comma - k < 2 {
        return false;
    }
    let opens_sentence = k == sentence_start;
    let before = |back: usize| k.checked_sub(back).map_or("", |b| story.lower(b));
    // "Ana Ruiz, its minister for trade added.": one person described and then
    // speaking, the verb straight after the description. Not "Jane Lee, an aide said, was
    // furious", where the comma after the verb makes "an aide said" an aside about her, nor
    // "In New York, a senior official said", where the capitals are a place.
    let cue_start = story.token_at_or_after(a.cue().start);
    let cue_end = story.token_at_or_after(a.cue().end);
    // Only a description that says whose or where ("its minister for economic affairs", "a
    // strategist at the bank"): after "with the prime minister, Fumio Kishida," a bare "an
    // aide said" is the next speaker.
    let head = a.head().unwrap_or(first);
    let specific = head + 1 < story.token_at_or_after(span.end)
        || (first..head).any(|k| {
            let w = story.lower(k);
            matches!(w, "its" | "his" | "her" | "their") || w.ends_with("'s")
        });
    let speaks_next = specific
        && cue_start == story.token_at_or_after(span.end)
        && story.token_text(cue_end) != ","
        && a.head()
            .is_some_and(|h| !lexicon::is_plural_form(story.lower(h)))
        && (opens_sentence || !crate::lexicon::function_words::PREPOSITIONS.contains(&before(1)));
    (two_titles && (opens_sentence || before(1) == ","))
        || speaks_next
        || lexicon::is_speech_verb_beside_name(before(1))
        || (before(1) == "to" && before(2) == "according")
}

/// Heads written with a capital wherever they stand: "MP", "Tory", "Republican".
const ALWAYS_CAPITALISED: &[&str] = &[
    "mp",
    "mps",
    "tory",
    "tories",
    "conservative",
    "republican",
    "democrat",
];

/// "said Acme Chief Marketing Officer and Deputy CEO, Dana Lee": a head written with a capital
/// inside a sentence is part of a title or a name, not a description of someone unnamed.
fn title_cased_head(story: &Story, head: usize) -> bool {
    let lower = story.lower(head);
    if ALWAYS_CAPITALISED.contains(&lower) || !story.tokens[head].is_capitalised() {
        return false;
    }
    let sentence_start = story
        .sentence_at(story.tokens[head].span().start)
        .and_then(|s| story.sentences.get(s))
        .map_or(head, |s| s.tokens().start);
    head > sentence_start && story.tokens.get(head - 1).is_some_and(|t| t.is_word())
}

/// "The MP for Sittingbourne and Sheppey": a constituency has one member, so this names a
/// person as surely as a name would.
fn constituency_member(story: &Story, span: crate::span::Span, head: usize) -> bool {
    matches!(story.lower(head), "mp" | "member")
        && story.lower(head + 1) == "for"
        && story
            .tokens
            .get(head + 2)
            .is_some_and(|t| t.is_capitalised() && t.span().end <= span.end)
}

/// "A Green MP, Maria Gardfjell,", "Several ministers, including Maria Gardfjell,": the
/// layer's source runs on into the name in apposition, or into the members it names.
fn named_inside(story: &Story, span: crate::span::Span, head: usize) -> bool {
    let last = story.token_at_or_after(span.end);
    (head + 1..last).any(|k| {
        let name_at = if story.lower(k + 1) == "including" {
            k + 2
        } else {
            k + 1
        };
        story.token_text(k) == ","
            && name_at < last
            && story
                .tokens
                .get(name_at)
                .is_some_and(|t| t.is_capitalised())
            && story
                .tokens
                .get(name_at + 1)
                .is_some_and(|t| t.is_capitalised())
    })
}

/// Letters written after a member's name: "Dana Reyes MP", "Sam Cole QC".
const POSTNOMINALS: &[&str] = &["mp", "mep", "msp", "mla", "td", "qc", "kc"];

/// "Dana Reyes MP, Labour's shadow chancellor", "Minister of State for Planning Ali Hassan
/// Osman": a person's name inside the layer's source phrase, which names the source however
/// the phrase around it reads. Before an MP's letters two capitalised words are a name; else
/// a given name and the capitalised words after it are one when the story gives the last of
/// them speaking on its own, as wire copy calls a person by surname after the first mention
/// ("Osman said"). "A Morgan Stanley analyst" starts with a given name too, but no story has
/// "Stanley said".
fn names_person_inside(story: &Story, span: Span, head: usize) -> bool {
    let first = story.token_at_or_after(span.start);
    let end = story.token_at_or_after(span.end);
    let name_word = |k: usize| k < end && is_name_token(story, k);
    if POSTNOMINALS.contains(&story.lower(head))
        && head >= first + 2
        && name_word(head - 1)
        && name_word(head - 2)
    {
        return true;
    }
    let given = crate::checks::names::lexicon::Lexicon::get();
    (first..end).any(|k| {
        if !(name_word(k) && name_word(k + 1) && given.is_given_name(story.lower(k))) {
            return false;
        }
        let mut last = k + 1;
        while name_word(last + 1) {
            last += 1;
        }
        crate::attribution::phrase::speaks_by_name_elsewhere(story, last)
    })
}

/// "cheered by what people were saying.": a clause that names talk and ends at its verb
/// reports nothing anyone said.
fn talk_without_words(story: &Story, a: &Attribution, span: Span) -> bool {
    let first = story.token_at_or_after(span.start);
    let after_cue = story.token_at_or_after(a.cue().end);
    first > 0
        && matches!(story.lower(first - 1), "what" | "how")
        && (after_cue >= story.tokens.len()
            || matches!(story.lower(after_cue), "." | ";" | "!" | "?"))
}

fn head_lemma(lower: &str) -> Option<&'static str> {
    lexicon::head_lemma(lower)
        .or_else(|| westminster_lemma(lower))
        .or_else(|| {
            lexicon::EXTRA_HEADS
                .iter()
                .find(|(form, _)| *form == lower)
                .map(|(_, lemma)| *lemma)
        })
}

/// "minister", "MPs", "Tories": the Westminster members among the detector's counted heads,
/// read from its lexicon so the two lists cannot drift apart.
fn westminster_lemma(lower: &str) -> Option<&'static str> {
    lexicon::counted_head_lemma(lower).filter(|lemma| lexicon::WESTMINSTER_HEADS.contains(lemma))
}

/// Adds a mention for every unnamed-person source of the layer that no mention in `out`
/// overlaps. `out` is sorted afterwards by the caller.
pub fn add_from_layer(story: &Story, attributions: &Attributions, out: &mut Vec<Mention>) {
    let mut taken: Vec<_> = out.iter().map(|m| m.span()).collect();
    taken.sort_by_key(|s| (s.start, s.end));
    // (start, index) of every mention, sorted: widening a mention to the layer's longer phrase
    // looks up the mentions starting where it does (in `out`'s order) instead of scanning
    // every mention of the story. A flat list, not a map of lists: a story can hold a source
    // every few words.
    let mut starting: Vec<(usize, usize)> = out
        .iter()
        .enumerate()
        .map(|(index, m)| (m.span().start, index))
        .collect();
    starting.sort_unstable();
    // The mentions this pass adds, by start: they come after those found before in `out`.
    let mut added_at: HashMap<usize, Vec<usize>> = HashMap::new();
    // Mentions inside a phrase widened to its relative clause, with the index of that phrase's
    // mention: dropped once the layer is read, what they say of the source kept.
    let mut swallowed: Vec<(Span, usize)> = Vec::new();
    let starting_at = |added_at: &HashMap<usize, Vec<usize>>, start: usize| {
        let from = starting.partition_point(|&(s, _)| s < start);
        let found_before = starting[from..]
            .iter()
            .take_while(move |&&(s, _)| s == start)
            .map(|&(_, index)| index);
        let added = added_at.get(&start).into_iter().flatten().copied();
        found_before.chain(added).collect::<SmallVec<[usize; 2]>>()
    };
    for a in attributions.iter() {
        let (Some(span), Some(head)) = (a.source(), a.head()) else {
            continue;
        };
        if a.kind != SourceKind::UnnamedPerson {
            continue;
        }
        let head_end = story.tokens[head].span().end;
        let at = taken.partition_point(|s| s.end <= span.start);
        let found_before = taken.get(at).is_some_and(|s| s.overlaps(span));
        // A phrase the detector found already is only ever widened, and only a mention that
        // starts where it does and ends between its head and its end can be: with none, the
        // tests below need not be asked (a story can repeat one source phrase for pages).
        let widenable = || {
            starting_at(&added_at, span.start).into_iter().any(|i| {
                let end = out[i].span().end;
                head_end <= end && end < span.end
            })
        };
        if found_before && !widenable() {
            continue;
        }
        if story.in_top_matter(span.start)
            || named_after(story, span)
            || describes_speaker_named_before(story, &a)
            || named_inside(story, span, head)
            || title_cased_head(story, head)
            || constituency_member(story, span, head)
            || talk_without_words(story, &a, span)
            || names_person_inside(story, span, head)
        {
            continue;
        }
        let inside = head_lemma(story.lower(head)).is_some_and(|l| INSIDE_HEADS.contains(&l));
        let spoke = if inside {
            speaking_or_holding_view(story, &a)
        } else {
            plainly_speaking(story, &a)
        };
        if !spoke {
            continue;
        }
        if found_before {
            // "One backbencher who backs the chancellor said": the layer reads the relative
            // clause the detector stops before; the description is the whole phrase.
            let restrictive = |m: &Mention| {
                let rest = story.text(crate::span::Span::new(m.span().end, span.end));
                rest.trim_start().starts_with("who ")
                    && ![
                        "anonym",
                        "condition",
                        "named",
                        "identified",
                        "discuss",
                        "authori",
                    ]
                    .iter()
                    .any(|w| rest.contains(w))
            };
            let widened = starting_at(&added_at, span.start).into_iter().find(|&i| {
                let m = &out[i];
                head_end <= m.span().end && m.span().end < span.end && restrictive(m)
            });
            if let Some(i) = widened {
                let m = &mut out[i];
                m.set_span(span);
                m.set_postmodified();
                taken[at] = span;
                // "A senior official who is an adviser to the minister": the phrase the
                // detector found in the relative clause describes this source, not another.
                swallowed.extend(
                    taken[at + 1..]
                        .iter()
                        .take_while(|s| s.start < span.end)
                        .filter(|s| s.end <= span.end)
                        .map(|&s| (s, i)),
                );
            }
            continue;
        }
        let head_word = story.lower(head);
        let first = story.token_at_or_after(span.start);
        // "An anonymous nurse said": the story declares the source unnamed, so any noun heads
        // it, listed or not.
        let declared_unnamed = (first..head)
            .any(|k| matches!(story.lower(k), "anonymous" | "unnamed" | "unidentified"));
        // The head's lemma in the lexicon; a declared source's unlisted head has none and is
        // kept as written.
        let listed = head_lemma(head_word);
        if listed.is_none() && !declared_unnamed {
            continue;
        }
        let listed_in = |list: &[&str]| listed.is_some_and(|lemma| list.contains(&lemma));
        // "Several cabinet ministers said": a handful of members, each unnamed, as "two
        // ministers" would be. The detector does not read Westminster heads, so the layer
        // keeps them.
        let several_members =
            story.lower(first) == "several" && listed_in(lexicon::WESTMINSTER_HEADS);
        // "some lawmakers", "many aides": the detector's own rules decide quantified groups.
        if matches!(
            story.lower(first),
            "some" | "many" | "most" | "several" | "few"
        ) && !several_members
        {
            continue;
        }
        let last = story.token_at_or_after(span.end).saturating_sub(1);
        let words: Vec<&str> = (first..=last).map(|k| story.lower(k)).collect();
        let lone = words.len() == 1 && matches!(head_word, "one" | "another");
        let counted_word = several_members
            || crate::attribution::phrase::is_count(words.first().copied().unwrap_or(""));
        // "lawmakers accused each other", "Tory MPs said": a bare plural of members is a
        // group, left to the detector's own rules for counted members.
        let member_head = listed_in(lexicon::QUANTIFIED_HEADS)
            || (listed_in(lexicon::WESTMINSTER_HEADS)
                || lexicon::EXTRA_HEADS.iter().any(|(_, l)| listed == Some(*l)))
                && !lone;
        if member_head && lexicon::is_plural_form(head_word) && !counted_word {
            continue;
        }
        let first_word = words.first().copied().unwrap_or("");
        let before_head: Vec<&str> = (first..head).map(|k| story.lower(k)).collect();
        // "Almost three-quarters of aides said": a survey's share of its respondents.
        if lexicon::is_respondents(|k| story.lower(k), first, head) {
            continue;
        }
        // "Public comments by Fed officials": what they said in public is on the record.
        if before_head
            .iter()
            .any(|w| matches!(*w, "public" | "publicly"))
        {
            continue;
        }
        let definite = matches!(first_word, "the" | "this" | "these" | "those");
        added_at.entry(span.start).or_default().push(out.len());
        out.push(Mention::from(NewMention {
            span,
            sentence: a.sentence(),
            head: listed.map_or_else(|| Cow::Owned(head_word.to_owned()), Cow::Borrowed),
            plural: lexicon::is_plural_form(head_word) && !lone,
            counted: !definite && (crate::attribution::phrase::is_count(first_word) || lone),
            affiliated: (first..head).any(|k| story.tokens[k].is_capitalised() && k > first)
                || before_head.iter().any(|w| w.ends_with("'s")),
            basis: None,
            definite: definite || lone,
            // "one of the aides", not "officials of the Trade Commission": the partitive
            // comes before the head, as the detector reads it.
            partitive: before_head.windows(2).any(|p| p == ["of", "the"]),
            postmodified: head < last,
            ordinal: words
                .iter()
                .any(|w| matches!(*w, "second" | "third" | "fourth")),
            needs_antecedent: false,
            stand_in: match (lone, head_word) {
                (true, "one") => Some(StandIn::One),
                (true, _) => Some(StandIn::Another),
                (false, _) => None,
            },
            // "insisted", "admitted" are loaded but not attacks; "blasted", "accused" are.
            attack_cue: a.cue_kind == CueKind::Verb(VerbClass::Loaded)
                && story
                    .text(a.cue())
                    .split_whitespace()
                    .any(|w| lexicon::ATTACK_VERBS.contains(w.to_lowercase().as_str())),
        }));
        taken.insert(at, span);
    }
    if swallowed.is_empty() {
        return;
    }
    swallowed.sort_unstable_by_key(|&(s, _)| (s.start, s.end));
    let inner = |m: &Mention| {
        swallowed
            .binary_search_by_key(&(m.span().start, m.span().end), |&(s, _)| (s.start, s.end))
            .ok()
    };
    let mut affiliated = Vec::new();
    for m in out.iter() {
        if let Some(k) = inner(m) {
            if m.affiliated() || m.basis().is_some() {
                affiliated.push(swallowed[k].1);
            }
        }
    }
    for i in affiliated {
        out[i].set_affiliated();
    }
    out.retain(|m| inner(m).is_none());
}

/// Unnamed people the rules do not ask for names, reasons or numbers, but who are still the
/// story's sources and belong in its ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voice {
    /// The market's chorus: "analysts said", "economists polled by the agency expect", "one
    /// dealer said". Wire and business copy carries the market's mood through them.
    MarketColour,
    /// Ordinary people quoted as themselves: "one resident said", "a witness told", "two
    /// passengers said". Their names are often withheld as a courtesy, not as a bargain for
    /// information.
    Bystander,
}

/// Words before a head that make the phrase a group the reader could name or a person the
/// story has already named: "the analysts", "his neighbours", "those voters".
const POINTING_WORDS: &[&str] = &[
    "the", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your",
];

/// Heads that are a vox pop only when counted or indefinite: "a man said", never "men said".
const SINGLE_ONLY: &[&str] = &["man", "woman", "parent", "fan", "worker", "student"];

/// Participles that make the people before them a survey's respondents: "economists polled by
/// the agency", "traders surveyed by the exchange".
const POLLED: &[&str] = &[
    "polled",
    "surveyed",
    "questioned",
    "canvassed",
    "interviewed",
];

/// The market or ordinary-people head of a source phrase followed by a survey participle.
fn polled_head(story: &Story, span: crate::span::Span) -> Option<usize> {
    let first = story.token_at_or_after(span.start);
    let last = story.token_at_or_after(span.end);
    (first..last.saturating_sub(1)).find(|&k| {
        // The short list of the word after first: it rules out almost every word.
        POLLED.contains(&story.lower(k + 1)) && voice_head(story.lower(k)).is_some()
    })
}

/// What kind of unasked voice a head word names, and its lemma: market heads first, for a form
/// in both lists. One lookup for each source of a story, where each walked both lists.
fn voice_head(word: &str) -> Option<(Voice, &'static str)> {
    static HEADS: LazyLock<HashMap<&str, (Voice, &str)>> = LazyLock::new(|| {
        let mut heads = HashMap::new();
        for &(form, lemma) in lexicon::BYSTANDER_HEADS {
            heads.insert(form, (Voice::Bystander, lemma));
        }
        for &(form, lemma) in lexicon::MARKET_HEADS {
            heads.insert(form, (Voice::MarketColour, lemma));
        }
        heads
    });
    HEADS.get(word).copied()
}

/// Adds a mention for every market voice or ordinary person the layer reads as speaking that no
/// mention in `out` overlaps, and returns what each added mention is. Only people who say
/// something count: "analysts have downgraded the stock" is the story's subject, not its source.
pub fn add_unnamed_voices(
    story: &Story,
    attributions: &Attributions,
    out: &mut Vec<Mention>,
) -> Vec<(crate::span::Span, Voice)> {
    let mut taken: Vec<_> = out.iter().map(|m| m.span()).collect();
    taken.sort_by_key(|s| (s.start, s.end));
    let mut voices = Vec::new();
    for a in attributions.iter() {
        let (Some(span), Some(layer_head)) = (a.source(), a.head()) else {
            continue;
        };
        // "Economists polled by the agency": the layer heads the phrase with the pollster;
        // the people polled are the source.
        let polled = polled_head(story, span);
        let head = polled.unwrap_or(layer_head);
        // "An Indian woman", "a woman in London": the layer takes the capital for a name, but
        // a name would head the phrase, not stand before or after a lower-case head.
        let kind_of_people = match a.kind {
            SourceKind::UnnamedPerson | SourceKind::VagueGroup | SourceKind::Other => true,
            SourceKind::NamedPerson => !story.tokens[head].is_capitalised(),
            _ => false,
        };
        if !(kind_of_people || polled.is_some()) || a.relayed_by().is_some() {
            continue;
        }
        // The heads first: most sources are neither market nor bystander voices, and this
        // lookup is cheaper than the reading of names around the phrase below.
        let head_word = story.lower(head);
        let Some((voice, lemma)) = voice_head(head_word) else {
            continue;
        };
        if story.in_top_matter(span.start)
            || named_after(story, span)
            || named_inside(story, span, head)
            || title_cased_head(story, head)
        {
            continue;
        }
        let first = story.token_at_or_after(span.start);
        if first > head {
            continue;
        }
        let before_head: Vec<&str> = (first..head).map(|k| story.lower(k)).collect();
        // "The economists polled by Reuters" are a survey's panel, not a group named before.
        let pointing = |w: &&str| POINTING_WORDS.contains(w) && !(polled.is_some() && *w == "the");
        if before_head
            .iter()
            .any(|w| pointing(w) || w.ends_with("'s") || w.ends_with("’s"))
        {
            continue;
        }
        let plural = lexicon::is_plural_form(head_word) && !matches!(head_word, "man" | "woman");
        let counted = before_head.first().is_some_and(|w| {
            matches!(*w, "a" | "an" | "one" | "another") || crate::attribution::phrase::is_count(w)
        });
        if SINGLE_ONLY.contains(&lemma) && !counted {
            continue;
        }
        // A market voice may give a forecast ("economists expect"); an ordinary person's
        // "expects" or "hopes" is their own mood, not information given to the story.
        let spoke = match voice {
            Voice::MarketColour => speaking_or_holding_view(story, &a),
            Voice::Bystander => plainly_speaking(story, &a),
        };
        if !spoke {
            continue;
        }
        let at = taken.partition_point(|s| s.end <= span.start);
        if taken.get(at).is_some_and(|s| s.overlaps(span)) {
            continue;
        }
        let last = story.token_at_or_after(span.end).saturating_sub(1);
        // "a man with a pin badge who turns out to be Dan Turner": named in the description,
        // whose relative clause may run past the layer's source span.
        let relative = (head + 1..=last).any(|k| story.lower(k) == "who");
        let reach = if relative { last + 3 } else { last };
        let sentence_end = story
            .sentences
            .get(a.sentence())
            .map_or(last, |s| s.tokens().end.saturating_sub(1));
        let named_later = (head + 1..reach.min(sentence_end))
            .any(|k| story.tokens[k].is_capitalised() && story.tokens[k + 1].is_capitalised());
        if named_later {
            continue;
        }
        out.push(Mention::from(NewMention {
            span,
            sentence: a.sentence(),
            head: Cow::Borrowed(lemma),
            plural,
            counted,
            affiliated: true,
            basis: None,
            definite: false,
            partitive: false,
            postmodified: head < last,
            ordinal: false,
            needs_antecedent: false,
            attack_cue: false,
            stand_in: None,
        }));
        voices.push((span, voice));
        taken.insert(at, span);
    }
    voices
}

#[cfg(test)]
mod tests {
    use super::{lexicon, voice_head, Voice};

    #[test]
    fn every_listed_head_is_found_with_its_voice_and_lemma() {
        for &(form, lemma) in lexicon::BYSTANDER_HEADS {
            assert_eq!(voice_head(form), Some((Voice::Bystander, lemma)), "{form}");
        }
        for &(form, lemma) in lexicon::MARKET_HEADS {
            assert_eq!(
                voice_head(form),
                Some((Voice::MarketColour, lemma)),
                "{form}"
            );
        }
        for word in ["official", "spokesman", "Analysts", ""] {
            assert_eq!(voice_head(word), None, "{word}");
        }
    }

    /// The layer and the family read the market's chorus from two lists; they must name the
    /// same people, or a voice the layer calls market colour is no source to the ledger.
    #[test]
    fn the_market_heads_are_the_layers_market_voices() {
        let heads: Vec<&str> = lexicon::MARKET_HEADS
            .iter()
            .map(|&(form, _)| form)
            .collect();
        for &form in &heads {
            assert!(crate::attribution::MARKET_VOICES.contains(form), "{form}");
        }
        assert_eq!(heads.len(), crate::attribution::MARKET_VOICES.len());
    }
}
