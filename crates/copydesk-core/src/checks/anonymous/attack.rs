//! Anonymous attacks (reference rule A4): an unnamed source quoted or paraphrased judging a
//! named person. Three things must meet: the source is unnamed (the family's mention), what
//! it says is about a named person (a name in the content the attribution layer gives it,
//! as the subject of a judgement, the owner of a personal quality, or the object of an
//! accusation), and what it says is evaluative (an insult, a judgement of character,
//! competence or sanity, an accusation). A harsh word about a plan, or a fact about a
//! person, is not an attack.

use super::lexicon;
use super::mention::Mention;
use crate::attribution::phrase::may_be_name_word;
use crate::incremental::{Memo, PieceTable};
use crate::span::Span;
use crate::text::{Story, TextId};
use foldhash::HashMap;
use std::sync::LazyLock;

/// The person `mention` attacks, as written ("Councilwoman Park"), if it delivers an attack.
/// `contents` are what the attribution layer reads the mention as saying, in the layer's order.
pub fn target(
    story: &Story,
    judgements: &Judgements,
    mut contents: Vec<Span>,
    mention: &Mention,
    kept: &mut Option<KeptAttacks>,
) -> Option<String> {
    if mention.attack_cue() {
        // The attack is the verb itself ("blasted Director Hale"): read from the mention on.
        let sentence = story.sentences.get(mention.sentence())?;
        contents = vec![Span::new(mention.span().end, sentence.span().end)];
    } else if contents.is_empty() {
        // The detector's own reading: the rest of the sentence is what the source says.
        let sentence = story.sentences.get(mention.sentence())?;
        contents.push(Span::new(sentence.span().start, mention.span().start));
        contents.push(Span::new(mention.span().end, sentence.span().end));
    }
    // A quotation split by its attribution ("“…,” the aide said. “…”") holds the source
    // between its parts: only the parts are what was said.
    contents
        .into_iter()
        .flat_map(|c| {
            if c.start < mention.span().start && mention.span().end < c.end {
                [
                    Span::new(c.start, mention.span().start),
                    Span::new(mention.span().end, c.end),
                ]
            } else {
                [c, Span::new(c.end, c.end)]
            }
        })
        .filter(|c| !c.is_empty() && !c.overlaps(mention.span()))
        .find_map(|content| {
            read_attack(
                story,
                judgements,
                near_source(story, content, mention.span()),
                kept,
            )
        })
}

/// A content inside one paragraph, by the paragraph's text and the content's place in it:
/// all that [`attack_in`] reads of it (a name run at the paragraph's first word starts a
/// sentence whatever came before).
#[derive(PartialEq, Eq, Hash)]
pub struct ContentKey {
    text: TextId,
    start: u32,
    end: u32,
}

/// The attacks read in contents inside one paragraph, kept between analyses of a document.
pub type KeptAttacks<'m> = PieceTable<'m, ContentKey, Option<String>>;

/// [`attack_in`], from `kept` when this content was read before; a content that runs past its
/// paragraph is read afresh.
fn read_attack(
    story: &Story,
    judgements: &Judgements,
    content: Span,
    kept: &mut Option<KeptAttacks>,
) -> Option<String> {
    let place = story.paragraph_at(content.start).and_then(|p| {
        let paragraph = story.paragraphs.get(p)?;
        if !paragraph.span.covers(content) {
            return None;
        }
        let base = paragraph.span.start;
        Some(ContentKey {
            text: story.text_id(p),
            start: u32::try_from(content.start - base).ok()?,
            end: u32::try_from(content.end - base).ok()?,
        })
    });
    match (kept.as_mut(), place) {
        (Some(table), Some(key)) => table
            .get_or_compute(key, || attack_in(story, judgements, content))
            .clone(),
        _ => attack_in(story, judgements, content),
    }
}

/// Where in the story a judgement could start: the tokens whose word opens an insult, an
/// accusation or a judgement phrase (or follows the wildcard a phrase opens with). Read once
/// per story, so that a content with none of them, as most are, is passed over by a binary
/// search instead of being read word by word for each of the story's sources.
pub struct Judgements {
    tokens: Vec<u32>,
}

/// What a paragraph's judgement words are read from: its text alone.
#[derive(PartialEq, Eq, Hash)]
struct JudgementsKey {
    text: TextId,
}

impl Judgements {
    pub fn new(story: &Story) -> Judgements {
        let tokens = (0..story.tokens.len())
            .filter(|&k| judges_at(story, k))
            .filter_map(|k| u32::try_from(k).ok())
            .collect();
        Judgements { tokens }
    }

    /// As [`Judgements::new`], each paragraph's list kept in `memo` under its text, relative
    /// to the paragraph's first token: a keystroke reads one paragraph again, not the story.
    pub fn memoised(story: &Story, memo: &mut Memo) -> Judgements {
        let mut table = memo.table::<JudgementsKey, Vec<u32>>();
        let mut tokens = Vec::new();
        for (p, paragraph) in story.paragraphs.iter().enumerate() {
            let first = story.token_at_or_after(paragraph.span.start);
            let past_end = story.token_at_or_after(paragraph.span.end);
            let key = JudgementsKey {
                text: story.text_id(p),
            };
            let own = table.get_or_compute(key, || {
                (first..past_end)
                    .filter(|&k| judges_at(story, k))
                    .filter_map(|k| u32::try_from(k - first).ok())
                    .collect()
            });
            tokens.extend(
                own.iter()
                    .filter_map(|&k| u32::try_from(first + k as usize).ok()),
            );
        }
        Judgements { tokens }
    }

    /// Whether a judgement could start among the tokens `first..past_end`.
    fn any_in(&self, first: usize, past_end: usize) -> bool {
        let at = self.tokens.partition_point(|&k| (k as usize) < first);
        self.tokens
            .get(at)
            .is_some_and(|&k| (k as usize) < past_end)
    }
}

/// Whether a judgement could start at token `k`.
fn judges_at(story: &Story, k: usize) -> bool {
    story.tokens[k].is_word() && may_judge(story.lower(k))
}

/// Whether `word` can be the first word of an evaluation, or the first fixed word of a phrase
/// that opens with the wildcard: every match of [`evaluations`] holds such a word.
fn may_judge(word: &str) -> bool {
    JUDGING_WORDS.contains(word)
}

/// The words of [`may_judge`] in one set: it is asked of every word of a story on each
/// analysis, so one lookup rather than four.
static JUDGING_WORDS: LazyLock<foldhash::HashSet<&str>> = LazyLock::new(|| {
    lexicon::PEJORATIVES
        .iter()
        .chain(lexicon::ATTACK_VERBS.iter())
        .copied()
        .chain(JUDGEMENT_PHRASE_WORDS.keys().copied())
        .chain(JUDGEMENT_FIXED_WORDS.iter().copied())
        .collect()
});

/// The first word that is not the wildcard of each phrase opening with it.
static JUDGEMENT_FIXED_WORDS: LazyLock<foldhash::HashSet<&str>> = LazyLock::new(|| {
    lexicon::JUDGEMENT_PHRASES
        .iter()
        .filter(|phrase| phrase.starts_with("* "))
        .filter_map(|phrase| phrase.split(' ').find(|w| *w != "*"))
        .collect()
});

/// Most tokens of a content read for an attack, on the side nearest the source. A judgement
/// sits in the clause the source speaks; a sentence that never ends (a pasted table, copy
/// without full stops) would otherwise be read whole once for each of its sources.
const MAX_CONTENT_TOKENS: usize = 60;

/// `content`, cut to its [`MAX_CONTENT_TOKENS`] tokens nearest `source`.
fn near_source(story: &Story, content: Span, source: Span) -> Span {
    let first = story.token_at_or_after(content.start);
    let past_end = story.token_at_or_after(content.end);
    if past_end.saturating_sub(first) <= MAX_CONTENT_TOKENS {
        return content;
    }
    if content.end <= source.start {
        let start = story.tokens[past_end - MAX_CONTENT_TOKENS].span().start;
        Span::new(start.max(content.start), content.end)
    } else {
        let end = story.tokens[first + MAX_CONTENT_TOKENS - 1].span().end;
        Span::new(content.start, end.min(content.end))
    }
}

/// One word of the content, lower-cased, with its token index.
struct Word<'s> {
    lower: &'s str,
    token: usize,
}

/// The person attacked in `content`, if it judges one.
fn attack_in(story: &Story, judgements: &Judgements, content: Span) -> Option<String> {
    let first = story.token_at_or_after(content.start);
    if !judgements.any_in(first, story.token_at_or_after(content.end)) {
        return None;
    }
    let words: Vec<Word> = (first..story.tokens.len())
        .take_while(|&k| story.tokens[k].span().end <= content.end)
        .filter(|&k| story.tokens[k].is_word())
        .map(|k| Word {
            lower: story.lower(k),
            token: k,
        })
        .collect();
    // Judgements first: most contents hold none, and then their names need not be read.
    let evaluations = evaluations(&words);
    if evaluations.is_empty() {
        return None;
    }
    let names = name_runs(story, &words);
    if names.is_empty() {
        return None;
    }
    for (at, len) in evaluations {
        if negated(&words, at) {
            continue;
        }
        let accusation = lexicon::ATTACK_VERBS.contains(words[at].lower);
        // The nearest name before the judgement is its subject ("LANSFORD, Pa. — Schools
        // superintendent Gerald Ambrose is lazy"); the nearest after, an accusation's object.
        let judged = names
            .iter()
            .rev()
            .filter(|n| n.1 < at)
            .take(1)
            .chain(names.iter().filter(|n| n.0 > at).take(1))
            .find(|n| {
                let (name_first, name_last) = (n.0, n.1);
                // The subject of the judgement: the name comes before it in the same clause,
                // and is not the owner of a thing ("Park's plan is a disaster").
                let before = !accusation
                    && name_last < at
                    && !clause_break(&words, name_last, at)
                    && (!possessive(&words, name_last)
                        || words
                            .get(name_last + 1)
                            .is_some_and(|w| lexicon::PERSONAL_QUALITIES.contains(w.lower)));
                // The object of an accusation: "accused Park of lying".
                // "accused by Anil" is the passive: the name is the accuser.
                let accused = accusation
                    && name_first > at
                    && name_first <= at + len + 1
                    && words.get(at + 1).is_some_and(|w| w.lower != "by");
                before || accused
            });
        if let Some(n) = judged {
            return Some(name_text(story, &words, n));
        }
    }
    None
}

/// Runs of capitalised name words (first and last index into `words`), leaving out the first
/// word of a sentence unless another capitalised word follows it ("Park is…" is found through
/// the heuristic of the layer: a lone sentence-initial capital is usually not a name).
fn name_runs(story: &Story, words: &[Word]) -> Vec<(usize, usize)> {
    let is_name = |k: usize| {
        let w = &words[k];
        let token = &story.tokens[w.token];
        token.is_capitalised()
            && may_be_name_word(w.lower)
            && !lexicon::NOT_NAME_CAPITALS.contains(w.lower)
    };
    let starts_sentence = |k: usize| {
        let t = words[k].token;
        t == 0
            || story.sentence_at(story.tokens[t].span().start)
                != story.sentence_at(story.tokens[t - 1].span().start)
            || matches!(story.token_text(t - 1), "“" | "\"" | "‘" | "(")
    };
    let mut runs = Vec::new();
    let mut k = 0;
    while k < words.len() {
        if !is_name(k) {
            k += 1;
            continue;
        }
        let start = k;
        while k + 1 < words.len() && is_name(k + 1) && words[k + 1].token == words[k].token + 1 {
            k += 1;
        }
        if !(starts_sentence(start) && start == k) {
            runs.push((start, k));
        }
        k += 1;
    }
    runs
}

fn name_text(story: &Story, words: &[Word], run: &(usize, usize)) -> String {
    let span = Span::new(
        story.tokens[words[run.0].token].span().start,
        story.tokens[words[run.1].token].span().end,
    );
    let text = story.text(span);
    text.strip_suffix("'s")
        .or_else(|| text.strip_suffix("’s"))
        .unwrap_or(text)
        .to_string()
}

fn possessive_word(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s")
}

/// [`lexicon::JUDGEMENT_PHRASES`] split into words once, filed by first word, in list order:
/// most words of a content start none of them.
static JUDGEMENT_PHRASE_WORDS: LazyLock<HashMap<&str, Vec<Vec<&str>>>> = LazyLock::new(|| {
    let mut by_first: HashMap<&str, Vec<Vec<&str>>> = HashMap::default();
    for phrase in lexicon::JUDGEMENT_PHRASES {
        let words: Vec<&str> = phrase.split(' ').collect();
        by_first.entry(words[0]).or_default().push(words);
    }
    by_first
});

/// Where evaluative expressions start in `words`, with their length in words.
fn evaluations(words: &[Word]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let wildcard_phrases = JUDGEMENT_PHRASE_WORDS.get("*");
    for k in 0..words.len() {
        if lexicon::PEJORATIVES.contains(words[k].lower)
            || lexicon::ATTACK_VERBS.contains(words[k].lower)
        {
            found.push((k, 1));
            continue;
        }
        // A phrase may open with the wildcard, filed under "*".
        let phrases = JUDGEMENT_PHRASE_WORDS
            .get(words[k].lower)
            .into_iter()
            .chain(wildcard_phrases);
        for parts in phrases.flatten() {
            if words.len() >= k + parts.len()
                && parts
                    .iter()
                    .zip(&words[k..])
                    .all(|(p, w)| *p == "*" || *p == w.lower)
            {
                found.push((k, parts.len()));
                break;
            }
        }
    }
    found
}

/// "is not incompetent", "never a liar": the judgement is denied.
fn negated(words: &[Word], at: usize) -> bool {
    (at.saturating_sub(2)..at).any(|k| matches!(words[k].lower, "not" | "never" | "no" | "hardly"))
        && !lexicon::JUDGEMENT_PHRASES
            .iter()
            .any(|p| p.starts_with("not ") && words[at].lower == "not")
}

/// A clause boundary between two words: a conjunction or relative word that starts another
/// clause, so a name there is not the subject of the judgement.
fn clause_break(words: &[Word], from: usize, to: usize) -> bool {
    words[from + 1..to].iter().any(|w| {
        matches!(
            w.lower,
            "but" | "while" | "whereas" | "although" | "though" | "because" | "which" | "that"
        )
    })
}

fn possessive(words: &[Word], k: usize) -> bool {
    possessive_word(words[k].lower)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::incremental::DocumentCache;
    use crate::text::SourceFormat;

    #[test]
    fn kept_judgement_words_are_the_fresh_ones() {
        let mut cache = DocumentCache::new();
        let mut text = String::from(
            "The mayor is a liar, one aide said.\n\nThe budget passed.\n\nA rival called him corrupt and lazy.\n",
        );
        for _ in 0..2 {
            let story = cache.story(&text, SourceFormat::PlainText);
            let kept = Judgements::memoised(&story, cache.memo());
            assert!(!kept.tokens.is_empty());
            assert_eq!(kept.tokens, Judgements::new(&story).tokens);
            // An edit before the last paragraph moves its kept words.
            let at = text.find("The budget").unwrap_or(0);
            text.insert_str(at, "On Monday, ");
        }
    }
}
