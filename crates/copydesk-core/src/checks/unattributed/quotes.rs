//! `unattributed-quote` and `quote-attribution-late`: who is speaking, and how soon the
//! reader learns it.

use super::lexicon;
use super::scope::{Cue, QuoteSource, Scope};
use crate::attribution::SourceKind;
use crate::finding::Finding;
use crate::incremental::Memo;
use crate::rules::{QUOTE_ATTRIBUTION_LATE, UNATTRIBUTED_QUOTE};
use crate::span::Span;
use crate::text::{Quote, Story, TextId};
use std::sync::Arc;

/// Quotations shorter than this are terms, names or scare quotes, not speech.
const MIN_WORDS: usize = 4;

pub fn check(story: &Story, scope: &Scope, out: &mut Vec<Finding>, memo: Option<&mut Memo>) {
    // Single marks quote speech only in copy that never uses double ones (British style);
    // elsewhere they are nested quotes, headline quotes or stray apostrophes.
    let singles_are_speech = story.quotes.iter().all(|q| q.single());
    // Per paragraph: a speaker is established by its end, so a quote paragraph after it
    // carries that speaker on (a run of quote paragraphs, an interview answer).
    let mut established: Vec<bool> = scope.speaker_in_force.clone();
    established.resize(story.paragraphs.len(), false);
    let openings = Openings::read(story, memo);
    let repeated = repeated_openings(openings.iter());
    for (q, quote) in story.quotes.iter().enumerate() {
        if quote.single() && !singles_are_speech {
            continue;
        }
        let Some(p) = story.paragraph_at(quote.span().start) else {
            continue;
        };
        let Some(opening) = openings.get(q) else {
            continue;
        };
        if scope.is_headline_like(p)
            || scope.is_boilerplate(p)
            || is_title(story, quote)
            || is_named_thing(story, quote)
            || is_embed(story, p, quote)
            || repeated.contains(opening)
        {
            continue;
        }
        let speaker = scope.quote_speaker(story, q).or_else(|| {
            (speaker_beside(story, quote)
                || tag_inside(story, quote)
                || credit_line(story, p)
                || speaker_before(story, scope, &established, p, quote))
            .then_some(QuoteSource::Continues)
        });
        match speaker {
            None => out.push(Finding::new(
                &UNATTRIBUTED_QUOTE,
                quote.span(),
                "Who said this? The quotation has no speaker in its sentence or paragraph and does not continue the previous paragraph's speaker (Reuters, AP: attribute every quote).",
            )),
            Some(_) => {
                if let Some(e) = established.get_mut(p) {
                    *e = true;
                }
                check_late(story, scope, p, quote, out)
            }
        }
    }
}

/// Sentence openers that are not the subject of the sentence.
const NOT_SUBJECTS: &[&str] = &[
    "the",
    "a",
    "an",
    "but",
    "and",
    "or",
    "so",
    "then",
    "still",
    "yet",
    "now",
    "in",
    "on",
    "at",
    "it",
    "its",
    "this",
    "that",
    "these",
    "those",
    "there",
    "as",
    "when",
    "if",
    "after",
    "before",
    "while",
    "since",
    "although",
    "though",
    "however",
    "for",
    "with",
    "what",
    "why",
    "how",
    "where",
    "who",
    "which",
    "by",
    "from",
    "to",
    "of",
    "even",
    "also",
    "only",
    "here",
    "once",
    "until",
    "because",
    "despite",
    "instead",
    "meanwhile",
    "during",
    "among",
    "all",
    "no",
    "not",
    "one",
    "some",
    "many",
    "most",
    "other",
    "others",
    "each",
    "every",
    "both",
];

/// Words that stand for a person as the subject of a sentence.
const PERSON_SUBJECTS: &[&str] = &[
    "he", "she", "they", "i", "we", "his", "her", "their", "my", "our",
];

/// Whether the subject of sentence `s` (its first unquoted word, or the first word after an
/// opening clause) is a person: a name, a title or a personal pronoun.
fn subject_is_person(story: &Story, s: usize) -> bool {
    let Some(sentence) = story.sentences.get(s) else {
        return false;
    };
    let unquoted: Vec<usize> = sentence
        .tokens()
        .clone()
        .filter(|&i| !story.is_token_quoted(i))
        .collect();
    let is_person = |i: usize| {
        let Some(t) = story.tokens.get(i) else {
            return false;
        };
        let lower = story.token_text(i).to_lowercase();
        t.is_word()
            && (lexicon::contains(PERSON_SUBJECTS, &lower)
                || (t.is_capitalised()
                    && !lexicon::contains(NOT_SUBJECTS, &lower)
                    && !lower.ends_with("ly")))
    };
    let first_word = unquoted
        .iter()
        .copied()
        .filter(|&i| story.tokens.get(i).is_some_and(|t| t.is_word()))
        .find(|&i| {
            !matches!(
                story.token_text(i).to_lowercase().as_str(),
                "but" | "and" | "so" | "then" | "still" | "yet" | "now"
            )
        });
    // The comma closing an opening clause may sit inside a quoted title ("On “Meet the
    // Press,” the senator …"), so look for it among all the sentence's tokens.
    let after_clause = sentence
        .tokens()
        .clone()
        .take(12)
        .find(|&i| story.token_text(i) == ",")
        .and_then(|c| unquoted.iter().copied().find(|&i| i > c));
    // "the" before a capitalised name is an organisation or title: "the Senate voted".
    let subject = |i: usize| {
        is_person(i)
            || (story.token_text(i).eq_ignore_ascii_case("the")
                && story
                    .tokens
                    .get(i + 1)
                    .is_some_and(|t| t.is_word() && t.is_capitalised()))
    };
    first_word.is_some_and(subject) || after_clause.is_some_and(subject)
}

/// A quote that opens its sentence right after a sentence about a person: the narrative
/// introduces the speaker and the quote gives their words ("She sighed. “…”", "Roe
/// recalled the night. “…”"). Across a paragraph break only when the quote opens its
/// paragraph and the paragraph before is prose, or when that paragraph's speaker is
/// already established.
fn speaker_before(
    story: &Story,
    scope: &Scope,
    established: &[bool],
    p: usize,
    quote: &Quote,
) -> bool {
    let Some(si) = story.sentence_at(quote.span().start) else {
        return false;
    };
    let Some(sentence) = story.sentences.get(si) else {
        return false;
    };
    let starts_sentence = story
        .text(Span::new(sentence.span().start, quote.span().start))
        .trim()
        .is_empty();
    if !starts_sentence {
        return false;
    }
    let Some(prev) = si.checked_sub(1) else {
        return false;
    };
    let same_paragraph = story
        .sentences
        .get(prev)
        .is_some_and(|s| s.paragraph() == p);
    if same_paragraph {
        // An earlier quote of the same paragraph already has its speaker.
        let earlier_speaker = story
            .paragraph_quotes(p)
            .iter()
            .any(|o| o.span().end <= quote.span().start)
            && established.get(p).copied().unwrap_or(false);
        return earlier_speaker || subject_is_person(story, prev);
    }
    let opens_paragraph = story
        .paragraphs
        .get(p)
        .is_some_and(|para| quote.span().start <= para.span.start);
    let Some(pp) = p.checked_sub(1) else {
        return false;
    };
    opens_paragraph
        && !scope.is_headline_like(pp)
        && !scope.is_boilerplate(pp)
        && (established.get(pp).copied().unwrap_or(false) || subject_is_person(story, prev))
}

/// A closing tag swallowed by a quotation whose marks do not pair up: a curly mark typed the
/// wrong way round (`…here,“ said Roe`) or a closing mark left out (`…here, said Roe`).
fn tag_inside(story: &Story, quote: &Quote) -> bool {
    let inner = story.text(quote.inner());
    let words: Vec<&str> = inner.split_whitespace().collect();
    words.windows(3).any(|w| {
        let tag_break = w[0].ends_with([',', '“', '”', '"']);
        let verb = |x: &str| {
            matches!(
                x.trim_end_matches([',', '.']),
                "said" | "says" | "asked" | "added" | "told" | "wrote" | "recalled" | "explained"
            )
        };
        tag_break
            && ((verb(w[1]) && w[2].chars().next().is_some_and(char::is_uppercase))
                || (w[1].chars().next().is_some_and(char::is_uppercase) && verb(w[2]))
                || (matches!(w[1], "he" | "she" | "they") && verb(w[2])))
    })
}

/// The paragraph closes with a credit line naming where the words come from: a bracketed or
/// parenthesised source (`[Agency]`, `(Party/Institute.)`) or a dash and a name.
fn credit_line(story: &Story, p: usize) -> bool {
    let Some(para) = story.paragraphs.get(p) else {
        return false;
    };
    let text = story.text(para.span).trim_end().trim_end_matches('.');
    let bracketed = [('[', ']'), ('(', ')')].iter().any(|&(open, close)| {
        text.ends_with(close)
            && text.rfind(open).is_some_and(|k| {
                let credit = &text[k + open.len_utf8()..text.len() - close.len_utf8()];
                credit.split_whitespace().count() <= 6
                    && credit.chars().next().is_some_and(char::is_uppercase)
                    && !credit.chars().all(|c| c.is_ascii_digit())
            })
    });
    let dashed = text.rfind(['—', '―', '–']).is_some_and(|k| {
        let tail = text[k..].trim_start_matches(['—', '―', '–']).trim();
        let words: Vec<&str> = tail.split_whitespace().collect();
        !words.is_empty()
            && words.len() <= 6
            && !tail.contains(['“', '”', '"'])
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    });
    bracketed || dashed
}

/// How many of a quotation's first words make its [`opening`].
const OPENING_WORDS: usize = 8;

/// The first words of a quotation, as a key to find the same words quoted twice; `None` for a
/// quotation too short to need a speaker (fewer than [`MIN_WORDS`] words). One walk over the
/// first words answers both, since every quotation of a story is asked on every analysis.
fn opening(story: &Story, quote: &Quote) -> Option<String> {
    let text = story.text(quote.inner());
    ascii_opening(text).unwrap_or_else(|| opening_of(text))
}

fn opening_of(text: &str) -> Option<String> {
    let mut joined = String::new();
    let mut words = 0;
    for word in text.split_whitespace().take(OPENING_WORDS) {
        if words > 0 {
            joined.push(' ');
        }
        joined.push_str(word.trim_matches(|c: char| !c.is_alphanumeric()));
        words += 1;
    }
    (words >= MIN_WORDS).then(|| joined.to_lowercase())
}

/// [`opening_of`] a byte at a time, for words all in ASCII (most quotations' are), where
/// walking chars cost several times more; `None` when a word holds any other character.
fn ascii_opening(text: &str) -> Option<Option<String>> {
    // `char::is_whitespace` in ASCII, which `u8::is_ascii_whitespace` is not (vertical tab).
    let space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r');
    let bytes = text.as_bytes();
    let mut joined = String::with_capacity(64);
    let (mut words, mut i) = (0, 0);
    while words < OPENING_WORDS {
        while bytes.get(i).copied().is_some_and(space) {
            i += 1;
        }
        if i == bytes.len() {
            break;
        }
        let start = i;
        while let Some(&b) = bytes.get(i).filter(|&&b| !space(b)) {
            if !b.is_ascii() {
                return None;
            }
            i += 1;
        }
        if words > 0 {
            joined.push(' ');
        }
        joined.push_str(text[start..i].trim_matches(|c: char| !c.is_ascii_alphanumeric()));
        words += 1;
    }
    joined.make_ascii_lowercase();
    Some((words >= MIN_WORDS).then_some(joined))
}

/// Each quotation's [`opening`]: read once, since both the test for repeats and the check ask
/// for it. A paragraph's quotations lie in its text, so with a memo their openings are kept
/// under it.
struct Openings {
    /// Per paragraph, its quotations' openings in story order.
    by_paragraph: Vec<Arc<[Option<Box<str>>]>>,
    /// Per quotation, its paragraph and its place among that paragraph's.
    at: Vec<(usize, usize)>,
}

/// What a paragraph's quotations' openings are read from: its text, with whether a quotation
/// was open before it (which the text id covers).
#[derive(PartialEq, Eq, Hash)]
struct OpeningsKey {
    text: TextId,
}

impl Openings {
    fn read(story: &Story, memo: Option<&mut Memo>) -> Openings {
        let mut table = memo.map(|memo| memo.table::<OpeningsKey, Arc<[Option<Box<str>>]>>());
        let mut openings = Openings {
            by_paragraph: Vec::with_capacity(story.paragraphs.len()),
            at: Vec::with_capacity(story.quotes.len()),
        };
        for (p, para) in story.paragraphs.iter().enumerate() {
            let quotes = story.quotes.get(para.quotes.clone()).unwrap_or(&[]);
            let read = || -> Arc<[Option<Box<str>>]> {
                quotes
                    .iter()
                    .map(|quote| opening(story, quote).map(String::into_boxed_str))
                    .collect()
            };
            // Only a paragraph whose quotations all lie in its text reads them from the text.
            let own = quotes.iter().all(|q| para.span.covers(q.span()));
            let read = match table.as_mut().filter(|_| own) {
                Some(table) => Arc::clone(table.get_or_compute(
                    OpeningsKey {
                        text: story.text_id(p),
                    },
                    read,
                )),
                None => read(),
            };
            openings.at.extend((0..read.len()).map(|k| (p, k)));
            openings.by_paragraph.push(read);
        }
        openings
    }

    /// The opening of quotation `q`; `None` for one too short to need a speaker.
    fn get(&self, q: usize) -> Option<&str> {
        let &(p, k) = self.at.get(q)?;
        self.by_paragraph.get(p)?.get(k)?.as_deref()
    }

    fn iter(&self) -> impl Iterator<Item = &str> {
        self.by_paragraph
            .iter()
            .flat_map(|openings| openings.iter().flatten())
            .map(|opening| &**opening)
    }
}

/// Openings of quotations the story gives twice: a pull quote repeats words the body quotes
/// with their speaker, so the copy of them needs no speaker of its own.
fn repeated_openings<'o>(openings: impl Iterator<Item = &'o str>) -> foldhash::HashSet<&'o str> {
    let mut seen = foldhash::HashMap::default();
    for opening in openings {
        *seen.entry(opening).or_insert(0usize) += 1;
    }
    seen.into_iter()
        .filter(|&(_, n)| n >= 2)
        .map(|(k, _)| k)
        .collect()
}

/// Embedded posts and markup left in the copy (`<tweet …>`): the embed carries its author.
fn is_embed(story: &Story, p: usize, quote: &Quote) -> bool {
    let inner = story.text(quote.inner());
    let markup = |k: usize| {
        story.paragraphs.get(k).is_some_and(|para| {
            story
                .source()
                .get(para.span.start..para.span.end)
                .is_some_and(|t| t.contains("<tweet") || t.contains("tweet/>"))
        })
    };
    inner.trim_start().starts_with('>') || markup(p) || p.checked_sub(1).is_some_and(markup)
}

/// Pronouns that stand for a speaker named earlier.
const SPEAKER_PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "it"];

/// Whether the quotation's own sentence puts a person next to it, with a verb we do not list
/// as a speech verb: a partial quote inside a sentence about someone ("Rubio bemoaned a
/// climate in which people “literally hate each other”"), or a tag right after the closing
/// mark ("“…,” Trump shot back") or before the opening one ("He concluded, “…”").
fn speaker_beside(story: &Story, quote: &Quote) -> bool {
    let Some(si) = story.sentence_at(quote.span().start) else {
        return false;
    };
    let Some(sentence) = story.sentences.get(si) else {
        return false;
    };
    let first = story.token_at_or_after(quote.span().start);
    let after_quote = story.token_at_or_after(quote.span().end);
    let is_person = |i: usize| {
        story.tokens.get(i).is_some_and(|t| {
            let text = story.token_text(i).to_lowercase();
            t.is_word()
                && !story.is_token_quoted(i)
                && ((t.is_capitalised()
                    && !matches!(
                        text.as_str(),
                        "the"
                            | "a"
                            | "an"
                            | "but"
                            | "and"
                            | "in"
                            | "on"
                            | "at"
                            | "it"
                            | "this"
                            | "that"
                            | "there"
                            | "so"
                            | "as"
                            | "when"
                            | "if"
                    ))
                    || SPEAKER_PRONOUNS.contains(&text.as_str()))
        })
    };
    let inner = story.text(quote.inner());
    let starts_sentence = story
        .text(Span::new(sentence.span().start, quote.span().start))
        .trim()
        .is_empty();
    // A tag after the closing mark: "…,” Trump shot back." / "…,” said the mayor."
    let dash_after = story
        .tokens
        .get(after_quote)
        .is_some_and(|_| matches!(story.token_text(after_quote), "—" | "―" | "–" | "-"));
    let tag_after = (inner.trim_end().ends_with([',', '?', '!', '—']) || dash_after)
        && (after_quote..(after_quote + 4).min(sentence.tokens().end)).any(is_person);
    // An introduction before the opening mark: "He concluded, “…”" / "Roe wrote: “…”"
    let intro_before = first >= 1
        && matches!(story.token_text(first - 1), "," | ":")
        && (first.saturating_sub(5).max(sentence.tokens().start)..first - 1).any(is_person);
    // A fragment inside a sentence that has a person in it.
    let fragment = !starts_sentence
        && sentence.tokens().any(|i| {
            (i < first || i >= after_quote) && is_person(i) && i != sentence.tokens().start
        });
    let fragment_first_word = !starts_sentence
        && story
            .tokens
            .get(sentence.tokens().start)
            .is_some_and(|_| is_person(sentence.tokens().start) && sentence.tokens().start < first);
    tag_after || intro_before || fragment || fragment_first_word
}

/// A quote that opens its paragraph and runs two sentences or more before any attribution.
fn check_late(story: &Story, scope: &Scope, p: usize, quote: &Quote, out: &mut Vec<Finding>) {
    let Some(para) = story.paragraphs.get(p) else {
        return;
    };
    if quote.continues_previous() || quote.span().start > para.span.start {
        return;
    }
    let Some(cue) = scope.paragraph_cue.get(p).copied().flatten() else {
        return;
    };
    if cue.span.start < quote.span().end {
        return;
    }
    let inner = story.text(quote.inner());
    let sentences = count_sentences(inner);
    // Two quoted sentences that fit in a line or so keep the speaker within a glance; a longer
    // run, or three sentences, makes the reader wait.
    let words_before_speaker = story
        .text(Span::new(
            quote.span().start,
            cue.span.start.max(quote.span().start),
        ))
        .split_whitespace()
        .count();
    let long = sentences >= 3 || (sentences == 2 && words_before_speaker > LINE_WORDS);
    if long && !speaker_established(story, p, &cue) {
        let first_end = first_sentence_end(inner)
            .map(|e| Span::new(quote.inner().start, quote.inner().start + e))
            .unwrap_or(quote.inner());
        out.push(
            Finding::new(
                &QUOTE_ATTRIBUTION_LATE,
                quote.span(),
                format!(
                    "The reader gets through {sentences} quoted sentences before learning who speaks; name the speaker after the first sentence (Reuters)."
                ),
            )
            .with_related(first_end, "attribution could go after this sentence")
            .with_related(cue.span, "the attribution comes only here"),
        );
    }
}

/// About one line of print: a quotation this short has its speaker in view.
const LINE_WORDS: usize = 40;

/// Whether the reader already knows who speaks before the quote paragraph `p` starts: the
/// attribution is a pronoun, which needs a speaker already introduced, or it names someone
/// the paragraph before mentions (an interview going on, an introduction a line earlier).
fn speaker_established(story: &Story, p: usize, cue: &Cue) -> bool {
    if cue.kind == SourceKind::Pronoun {
        return true;
    }
    let (Some(source), Some(prev)) = (cue.source, p.checked_sub(1)) else {
        return false;
    };
    let Some(surname) = story
        .text(source)
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-')
        .rfind(|w| w.chars().next().is_some_and(char::is_uppercase))
    else {
        return false;
    };
    story.paragraphs.get(prev).is_some_and(|para| {
        story
            .text(para.span)
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-')
            .any(|w| w == surname)
    })
}

/// Sentences in a stretch of quoted text: terminal marks followed by a space and a capital.
fn count_sentences(text: &str) -> usize {
    let mut count = 0;
    let mut rest_has_words = false;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(_, c)) in chars.iter().enumerate() {
        if c.is_alphanumeric() {
            rest_has_words = true;
        }
        if matches!(c, '.' | '?' | '!') && rest_has_words {
            let next_non_space = chars[k + 1..].iter().find(|(_, d)| !d.is_whitespace());
            let spaced = chars.get(k + 1).is_some_and(|(_, d)| d.is_whitespace());
            if spaced
                && next_non_space.is_some_and(|(_, d)| d.is_uppercase())
                && !ends_with_abbreviation(text, chars[k].0)
            {
                count += 1;
                rest_has_words = false;
            }
        }
    }
    count + usize::from(rest_has_words)
}

fn first_sentence_end(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    (0..bytes.len())
        .find(|&i| {
            matches!(bytes[i], b'.' | b'?' | b'!')
                && bytes.get(i + 1) == Some(&b' ')
                && text[i + 1..]
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
                && !ends_with_abbreviation(text, i)
        })
        .map(|i| i + 1)
}

fn ends_with_abbreviation(text: &str, dot: usize) -> bool {
    let word: String = text[..dot]
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic() || *c == '.')
        .collect();
    let word: String = word.chars().rev().collect();
    matches!(
        word.as_str(),
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Gen"
            | "St"
            | "Jr"
            | "Sr"
            | "Lt"
            | "Col"
            | "No"
    ) || word.contains('.')
        || (word.len() == 1 && word.chars().all(char::is_uppercase))
}

/// Titles of works and names: most words capitalised, no sentence inside.
fn is_title(story: &Story, quote: &Quote) -> bool {
    const SMALL: [&str; 16] = [
        "a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at", "by", "with", "from",
        "is", "as",
    ];
    let inner = story.text(quote.inner());
    // More than twelve words ending a sentence are speech, whatever their capitals, so the
    // count stops at the thirteenth.
    let ends_sentence = inner.trim_end().ends_with(['.', '?', '!']);
    let (mut words, mut capitalised, mut content) = (0usize, 0usize, 0usize);
    for word in inner.split_whitespace() {
        words += 1;
        if ends_sentence && words > 12 {
            return false;
        }
        capitalised += usize::from(word.chars().next().is_some_and(char::is_uppercase));
        content += usize::from(!SMALL.contains(&word));
    }
    content > 0 && capitalised * 10 >= content * 8
}

/// A quotation introduced as a name, title or slogan: “the so-called …”, “a bill titled …”.
fn is_named_thing(story: &Story, quote: &Quote) -> bool {
    let i = story.token_at_or_after(quote.span().start);
    let Some(prev) = i.checked_sub(1) else {
        return false;
    };
    let mut word = story.token_text(prev).to_lowercase();
    if word == "," || word == ":" {
        word = prev
            .checked_sub(1)
            .map(|p| story.token_text(p).to_lowercase())
            .unwrap_or_default();
        // "called it, “…”" is speech; "the slogan: “…”" is a name.
        if matches!(word.as_str(), "called" | "said" | "says") {
            return false;
        }
    }
    lexicon::contains(&lexicon::NAMING_BEFORE_QUOTE, &word)
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_ascii_opening_is_read_as_the_char_walk_reads_it() {
        for text in [
            "We will not back down, not now, not ever, she said",
            "  \"Never,\" he said -- twice.\x0Bthen\tagain\r\nand again! ok ",
            "Four words are enough",
            "Three are not",
            "",
            "...  ,,, -- !!",
            "THE Council's (new) plan: 2024-25 budget; cuts—none",
            "Déjà vu all over again and again",
            "non\u{a0}breaking spaces here and there too",
        ] {
            let expected = super::opening_of(text);
            match super::ascii_opening(text) {
                Some(ascii) => assert_eq!(ascii, expected, "{text:?}"),
                None => assert!(!text.is_ascii(), "{text:?}"),
            }
        }
        assert_eq!(
            super::ascii_opening("We will not back down."),
            Some(Some("we will not back down".to_string()))
        );
    }

    use crate::checks::unattributed::tests::findings_of;

    #[test]
    fn capitalised_words_are_a_title_until_a_long_sentence_ends_them() {
        let is_title = |quoted: &str| {
            let text = format!("The banner read “{quoted}” at the gate.\n");
            let story = crate::text::Story::new(&text, crate::text::SourceFormat::PlainText);
            super::is_title(&story, &story.quotes[0])
        };
        // Twelve capitalised words ending a sentence, or thirteen ending none: a title.
        assert!(is_title(
            "Save Our Pool From The Council And Its Plans For A Mall."
        ));
        assert!(is_title(
            "Save Our Pool From The Council And Its Plans For A New Mall"
        ));
        assert!(is_title("Save Our Pool From The Council"));
        // Thirteen ending a sentence are speech; so are words mostly in lower case.
        assert!(!is_title(
            "Save Our Pool From The Council And Its Plans For A New Mall."
        ));
        assert!(!is_title("Save our pool from the council"));
        assert!(!is_title("of the and"));
    }

    #[test]
    fn a_quote_with_no_speaker_is_flagged() {
        let text =
            "The pool closed in June.\n\n“We cannot keep it open another summer without help.”\n";
        assert_eq!(findings_of(text, "unattributed-quote").len(), 1);
    }

    #[test]
    fn speakers_in_the_sentence_paragraph_or_block_count() {
        for text in [
            "“We cannot keep it open another summer,” the manager said.\n",
            "The manager was blunt. “We cannot keep it open another summer.” She left soon after, she said.\n",
            "The manager said:\n\n“We cannot keep it open another summer.”\n",
            "“We cannot keep it open,” the manager said. “The pumps are gone.\n\n“And so is the money for new ones.”\n",
            "The manager said the pool would close.\n\n“We cannot keep it open another summer.”\n",
        ] {
            assert!(findings_of(text, "unattributed-quote").is_empty(), "{text}");
        }
    }

    #[test]
    fn a_speaker_set_up_by_the_narrative_counts() {
        for text in [
            // The sentence before introduces the speaker.
            "The pool closed in June.\n\nRoe shrugged. “We cannot keep it open another summer.”\n",
            "The pool closed in June. Its manager, Ann Roe, looked tired.\n\n“We cannot keep it open another summer.”\n",
            // A tag with an unlisted verb, then a second quote in the paragraph.
            "“We tried,” Roe sighed. “We cannot keep it open another summer.”\n",
            // Interview runs: question, answer, and the answer's next paragraph.
            "The pool closed in June. Ann Roe runs it.\n\n“We cannot keep it open another summer.”\n\n“Nobody in town will pay for the pumps.”\n",
            // A credit line, a mismatched closing mark, a pull quote.
            "“We cannot keep it open another summer.” ― Ann Roe\n",
            "“We cannot keep it open another summer, said Roe, the manager.\n",
            "“We cannot keep it open another summer.”\n\nThe pool closed. “We cannot keep it open another summer,” the manager said.\n",
        ] {
            assert!(findings_of(text, "unattributed-quote").is_empty(), "{text}");
        }
    }

    #[test]
    fn narrative_about_things_does_not_supply_a_speaker() {
        for text in [
            "The pool closed in June. The pumps failed twice.\n\n“We cannot keep it open another summer.”\n",
            "Town Pool Closes\n\n“We cannot keep it open another summer.”\n",
        ] {
            assert_eq!(findings_of(text, "unattributed-quote").len(), 1, "{text}");
        }
    }

    #[test]
    fn terms_titles_and_names_are_not_quotes() {
        for text in [
            "The pool was a “money pit” for years.\n",
            "She read “The Old Man and the Sea” twice.\n",
            "The council passed a measure titled “keep our pools open for all”.\n",
        ] {
            assert!(findings_of(text, "unattributed-quote").is_empty(), "{text}");
        }
    }

    #[test]
    fn late_attribution_is_hinted() {
        let late = "“We lost the vote. We will lose the next one too. That is the truth,” the mayor said.\n";
        assert_eq!(findings_of(late, "quote-attribution-late").len(), 1);
        let long_pair = "“We lost the vote on the harbour wall after three years of meetings in every village hall from here to the county line. We will lose the next one too unless somebody in the capital starts listening to the people who live here,” the mayor said.\n";
        assert_eq!(findings_of(long_pair, "quote-attribution-late").len(), 1);
        // Two short sentences keep the speaker in view.
        let short_pair = "“We lost the vote. We will lose the next one too,” the mayor said.\n";
        assert!(findings_of(short_pair, "quote-attribution-late").is_empty());
        // The speaker is already talking: a pronoun, or a name from the paragraph before.
        for established in [
            "Ann Roe, the mayor, said the vote was lost.\n\n“We lost the vote. We will lose the next one too. That is the truth,” she said.\n",
            "The mayor, Ann Roe, looked tired on Tuesday.\n\n“We lost the vote. We will lose the next one too. That is the truth,” Roe said.\n",
        ] {
            assert!(
                findings_of(established, "quote-attribution-late").is_empty(),
                "{established}"
            );
        }
        let early = "“We lost the vote,” the mayor said. “We will lose the next one too.”\n";
        assert!(findings_of(early, "quote-attribution-late").is_empty());
        let one = "“We lost the vote on Tuesday night,” the mayor said.\n";
        assert!(findings_of(one, "quote-attribution-late").is_empty());
    }
}
