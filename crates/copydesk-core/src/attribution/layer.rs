//! Every attribution in a story, read once: the cue that signals it, the source it names, what
//! it attributes and what kind of source that is. The sourcing families ask questions of this
//! list instead of each reading attribution its own way.
//!
//! Reading is per sentence, left to right over the story's lower-case word view; each cue
//! finds its source by walking over the noun phrase beside it, so the whole pass is linear in
//! the story.

mod store;

use super::words as w;
use crate::incremental::Memo;
use crate::lexicon::function_words as fw;
use crate::lexicon::verbs::{self, Form, VerbClass};
use crate::span::{narrow, NarrowSpan, Span};
use crate::text::tokens::TokenKind;
use crate::text::{Paragraph, Story, TextId};
use foldhash::{HashMap, HashMapExt};
use std::cell::{Cell, OnceCell, RefCell};
use store::{Items, OptIndex32, OptSpan32};

/// What signals the attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// A reporting verb of the shared list: "said", "told", "insisted", "fears".
    Verb(VerbClass),
    /// "according to X", "in an interview with X".
    Preposition,
    /// "X: “…”" with no verb, or a quotation signed with a dash: "“…” — X".
    Colon,
    /// A noun that carries someone's words or view: "his claim that", "amid accusations".
    Nominal,
    /// The source is left out on purpose: "is understood to", "is said to", "reportedly",
    /// "was criticised", "has learnt".
    Agentless,
}

/// Who or what the content is attributed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SourceKind {
    /// "Ann Lee", "Mr. Cruz", "Senator Warren".
    NamedPerson,
    /// "he", "they", "who".
    Pronoun,
    /// "the State Department", "the Kremlin", "the campaign".
    NamedOrganisation,
    /// A unique office named by its title: "the prime minister", "Russia's foreign minister".
    OfficeHolder,
    /// A person or group the reader cannot identify: "a senior official", "one backbencher
    /// who backs the chancellor", "two people familiar with the talks", "one", "another".
    UnnamedPerson,
    /// A crowd standing in for evidence: "critics", "some analysts", "many Republicans".
    VagueGroup,
    /// Media or documents: "state media", "local reports", "the poll", "Reuters".
    Media,
    /// No source at all: "is understood to", "reportedly", "has faced criticism".
    Agentless,
    /// A source phrase of no kind above: "the data", "the bill".
    Other,
}

/// One attribution in the story, as the layer hands it to a reader: 32-bit fields (token
/// offsets and indices already are, in `text/`), an absent span a sentinel rather than an
/// `Option`. A long story holds hundreds of thousands for as long as every family runs, so the
/// layer keeps them more compactly still (`layer/store.rs`). Read it through the accessors,
/// which hand back ordinary [`Span`]s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attribution {
    sentence: u32,
    cue: NarrowSpan,
    pub cue_kind: CueKind,
    /// The source phrase, with its modifiers, relative clause or "of X".
    source: OptSpan32,
    pub kind: SourceKind,
    /// What is attributed: the clause after the cue, or the quotation before or after it. Words
    /// split by their attribution (`“…,” she said. “…”`, "The pier, she says, is sinking") run
    /// from the first part to the last, cue and source included, as PolNeAR marks them.
    content: OptSpan32,
    /// The head word of the source ("official" in "a senior official familiar with the talks").
    head: OptIndex32,
    /// The outlet the source spoke to, when the words reach the story through it ("an insider
    /// told the Sunday Times"): the claim is that outlet's reporting, cited.
    relayed_by: OptSpan32,
}

// The point of the compact fields: a regression here costs tens of MiB on a long story.
const _: () = assert!(std::mem::size_of::<Attribution>() <= 48);

/// How far into a sentence a document noun may stand and still open it as its subject.
const DOCUMENT_OPENING_WORDS: usize = 5;

impl Attribution {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        sentence: usize,
        cue: Span,
        cue_kind: CueKind,
        source: Option<Span>,
        kind: SourceKind,
        content: Option<Span>,
        head: Option<usize>,
        relayed_by: Option<Span>,
    ) -> Self {
        Attribution {
            sentence: narrow(sentence),
            cue: NarrowSpan::new(cue),
            cue_kind,
            source: OptSpan32::new(source),
            kind,
            content: OptSpan32::new(content),
            head: OptIndex32::new(head),
            relayed_by: OptSpan32::new(relayed_by),
        }
    }

    /// An attribution from the parts the layer's storage keeps.
    #[allow(clippy::too_many_arguments)]
    fn from_parts(
        sentence: u32,
        cue: NarrowSpan,
        cue_kind: CueKind,
        source: OptSpan32,
        kind: SourceKind,
        content: OptSpan32,
        head: OptIndex32,
        relayed_by: OptSpan32,
    ) -> Self {
        Attribution {
            sentence,
            cue,
            cue_kind,
            source,
            kind,
            content,
            head,
            relayed_by,
        }
    }

    /// The index of the sentence the cue is in.
    pub fn sentence(&self) -> usize {
        self.sentence as usize
    }

    /// The words that signal the attribution: "said", "according to", "is understood to".
    pub fn cue(&self) -> Span {
        self.cue.get()
    }

    /// The source phrase, with its modifiers, relative clause or "of X".
    pub fn source(&self) -> Option<Span> {
        self.source.get()
    }

    /// What is attributed: the clause after the cue, or the quotation before or after it. Words
    /// split by their attribution run from the first part to the last, cue and source included.
    pub fn content(&self) -> Option<Span> {
        self.content.get()
    }

    /// The token index of the source's head word ("official" in "a senior official familiar
    /// with the talks").
    pub fn head(&self) -> Option<usize> {
        self.head.get()
    }

    /// The outlet the source spoke to, when the words reach the story through it ("an insider
    /// told the Sunday Times"): the claim is that outlet's reporting, cited.
    pub fn relayed_by(&self) -> Option<Span> {
        self.relayed_by.get()
    }

    /// The same attribution with its offsets moved: `bytes` for spans, `sentences` for the
    /// sentence index, `tokens` for the head; how a paragraph's items are kept relative to it.
    fn moved(
        mut self,
        bytes: impl Fn(usize) -> usize,
        sentences: impl Fn(usize) -> usize,
        tokens: impl Fn(usize) -> usize,
    ) -> Self {
        let span = |s: Span| Span::new(bytes(s.start), bytes(s.end));
        self.sentence = narrow(sentences(self.sentence()));
        self.cue = NarrowSpan::new(span(self.cue()));
        self.source = OptSpan32::new(self.source().map(span));
        self.content = OptSpan32::new(self.content().map(span));
        self.head = OptIndex32::new(self.head().map(tokens));
        self.relayed_by = OptSpan32::new(self.relayed_by().map(span));
        self
    }

    /// Records the outlet a source spoke to, found after the attribution was read.
    fn set_relayed_by(&mut self, outlet: Span) {
        self.relayed_by = OptSpan32::new(Some(outlet));
    }

    /// A plain cue of speech: a verb of saying that can introduce a quotation ("said", "told",
    /// "added", "insisted"), "according to" or a colon before the words.
    pub fn is_speech(&self, story: &Story) -> bool {
        match self.cue_kind {
            CueKind::Preposition | CueKind::Colon => true,
            CueKind::Verb(_) => self.lemma(story).is_some_and(|l| w::INVERTIBLE.contains(l)),
            CueKind::Nominal | CueKind::Agentless => false,
        }
    }

    /// The lemma of the cue's verb: its last word ("have also said" → "say").
    fn lemma(&self, story: &Story) -> Option<&'static str> {
        let last = story.text(self.cue()).split_whitespace().next_back()?;
        // Asked of every cue by several families: a word already in lower-case ASCII, as most
        // cues are, is looked up as written instead of through a lower-cased copy.
        if last.is_ascii() && !last.bytes().any(|b| b.is_ascii_uppercase()) {
            return verbs::lookup(last).map(|v| v.lemma);
        }
        verbs::lookup(&last.to_lowercase()).map(|v| v.lemma)
    }

    /// "declined to comment", "refused to say": the source is named, but says nothing.
    pub fn is_refusal(&self, story: &Story) -> bool {
        matches!(self.cue_kind, CueKind::Verb(_))
            && self.lemma(story).is_some_and(|l| w::REFUSALS.contains(&l))
    }
}

/// Every attribution of one story, in text order.
#[derive(Debug, Clone, Default)]
pub struct Attributions {
    items: Items,
    /// Whether the story is market copy, read with the layer since both families ask.
    markets_copy: bool,
}

impl Attributions {
    /// Whether the story is market copy: prices, volumes and the people who trade them, at
    /// least `MARKETS_COPY_WORDS` times.
    pub fn is_markets_copy(&self) -> bool {
        self.markets_copy
    }

    pub fn read(story: &Story) -> Attributions {
        Attributions::read_with(story, None)
    }

    /// [`Attributions::read`] for one more version of a document: each paragraph's items come
    /// from `memo` when a paragraph with the same [`LayerKey`] was read before and every
    /// story-level fact its reading consulted still holds.
    pub fn read_memoised(story: &Story, memo: &mut Memo) -> Attributions {
        Attributions::read_with(story, Some(memo))
    }

    /// Reading is per paragraph, each into a list of its own, so a fresh reading and a kept
    /// one are the same computation: what a paragraph's reading looks at outside the paragraph
    /// is the surname index (recorded as [`Consulted`] facts), the top matter's end (in the
    /// key) or, rarely, a neighbouring token or quotation (which makes the paragraph not kept).
    fn read_with(story: &Story, mut memo: Option<&mut Memo>) -> Attributions {
        let index = SurnameIndex::new(story);
        let mut out = Attributions {
            markets_copy: markets_copy_with(story, memo.as_deref_mut()),
            ..Attributions::default()
        };
        let mut table = memo.map(|memo| memo.table::<LayerKey, Vec<KeptLayer>>());
        let mut own = Items::default();
        for (p, para) in story.paragraphs.iter().enumerate() {
            let base = para.span.start;
            let (s0, t0) = (para.sentences.start, para.tokens.start);
            let Some(table) = table.as_mut() else {
                read_paragraph(story, para, &index, &mut own);
                // Moved, not copied, when the list is empty: a story of one paragraph of a
                // million attributions then holds them once.
                let first = out.items.len();
                out.items.append(&mut own);
                out.close_paragraph(para, first);
                continue;
            };
            let key = LayerKey::of(story, p, para);
            let variants = table.get_or_compute_mut(key, Vec::new);
            let found = variants
                .iter()
                .position(|kept| kept.consulted.iter().all(|c| c.holds(&index, para)));
            let kept = match found {
                Some(k) => &variants[k],
                None => {
                    let consulted = read_paragraph(story, para, &index, &mut own);
                    let read = std::mem::take(&mut own);
                    let Some(consulted) = consulted else {
                        out.append_paragraph(para, &mut read.iter());
                        continue;
                    };
                    let items = read
                        .iter()
                        .map(|a| a.moved(|b| b - base.min(b), |s| s - s0.min(s), |t| t - t0.min(t)))
                        .collect();
                    // Readings under facts that no longer hold would pile up over a long session of
                    // edits that flip them; the latest few are enough to come back to.
                    if variants.len() >= MAX_KEPT_READINGS {
                        variants.remove(0);
                    }
                    variants.push(KeptLayer { consulted, items });
                    &variants[variants.len() - 1]
                }
            };
            out.append_paragraph(
                para,
                &mut kept
                    .items
                    .iter()
                    .map(|a| a.moved(|b| b + base, |s| s + s0, |t| t + t0)),
            );
        }
        out.extend_into_quoted_paragraphs(story);
        // The list lives through every family: give back what doubling left unused.
        out.items.shrink_to_fit();
        out
    }

    /// A content that is a quotation closing its paragraph goes on into the paragraphs after
    /// it that are nothing but a quotation: they hold no attribution of their own, and news
    /// style gives them to the speaker last named. Read over the whole story after the
    /// paragraphs (each paragraph's own reading looks no further than itself).
    fn extend_into_quoted_paragraphs(&mut self, story: &Story) {
        let whole_quote = |p: usize| {
            let para = story.paragraphs.get(p)?;
            let quote = story.quotes.get(para.quotes.clone())?.first()?;
            let closes = story
                .text(quote.inner())
                .trim_end()
                .ends_with(['.', '?', '!', '…']);
            (quote.span().start == para.span.start
                && quote.span().end == para.span.end
                && (closes || quote.open_ended()))
            .then_some(quote.span())
        };
        for i in 0..self.items.len() {
            let Some(mut item) = self.items.get(i) else {
                continue;
            };
            let Some(content) = item.content() else {
                continue;
            };
            let Some(p) = story.paragraph_at(content.end.saturating_sub(1)) else {
                continue;
            };
            // The paragraph's last quotation ends the content, and the attribution is in its
            // last sentence: nothing but the cue and its source stands after the words.
            let para = &story.paragraphs[p];
            let last_quote_ends_content = story
                .quotes
                .get(para.quotes.clone())
                .and_then(|q| q.last())
                .is_some_and(|q| q.span().end == content.end);
            if !last_quote_ends_content || item.sentence() + 1 != para.sentences.end {
                continue;
            }
            let mut end = content.end;
            let mut next = p + 1;
            while let Some(quote) = whole_quote(next) {
                end = quote.end;
                next += 1;
            }
            item.content = OptSpan32::new(Some(Span::new(content.start, end)));
            self.items.set(i, item);
        }
    }

    /// Closes the sentences of a paragraph whose items were read into `items` from `first` on,
    /// as [`Attributions::append_paragraph`] would have: an item out of its sentence's order is
    /// dropped.
    fn close_paragraph(&mut self, para: &Paragraph, first: usize) {
        let mut end = first;
        for s in para.sentences.clone() {
            while self.items.sentence_of(end) == Some(s) {
                end += 1;
            }
        }
        self.items.truncate(end);
    }

    /// Appends one paragraph's items, in text order, and closes its sentences.
    fn append_paragraph(&mut self, para: &Paragraph, items: &mut dyn Iterator<Item = Attribution>) {
        let mut items = items.peekable();
        for s in para.sentences.clone() {
            while let Some(a) = items.next_if(|a| a.sentence() == s) {
                self.items.push(a);
            }
        }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The `i`th attribution of the story.
    pub fn get(&self, i: usize) -> Option<Attribution> {
        self.items.get(i)
    }

    /// Every attribution of the story, in text order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = Attribution> + '_ {
        self.items.iter()
    }

    /// The source of the `i`th attribution, read alone: cheaper than the whole of it.
    pub fn source_of(&self, i: usize) -> Option<Span> {
        self.items.source(i)
    }

    /// The attributions from the `from`th on.
    pub fn iter_from(&self, from: usize) -> impl DoubleEndedIterator<Item = Attribution> + '_ {
        self.items.range(from..self.items.len())
    }

    pub fn in_sentence(
        &self,
        sentence: usize,
    ) -> impl DoubleEndedIterator<Item = Attribution> + ExactSizeIterator + '_ {
        self.items.in_sentence(sentence)
    }

    /// How many attributions the story's sentences up to `sentence` hold: where the next
    /// sentence's begin.
    pub fn items_through_sentence(&self, sentence: usize) -> usize {
        self.items.through_sentence(sentence)
    }

    /// Where [`Attributions::in_sentence`] finds the sentence's attributions in `items`.
    pub fn sentence_range(&self, sentence: usize) -> std::ops::Range<usize> {
        self.items.sentence_range(sentence)
    }

    /// Whether any attribution of the sentence has a source or is openly agentless.
    pub fn sentence_attributed(&self, sentence: usize) -> bool {
        !self.sentence_range(sentence).is_empty()
    }
}

/// Appends one paragraph's attributions to `out` (sentence by sentence, the order a fresh
/// reading gives). Returns the story-level facts the reading consulted, or `None` when it looked
/// at something outside the paragraph that no fact records (a neighbouring token or quotation),
/// so that the items must not be kept.
fn read_paragraph(
    story: &Story,
    para: &Paragraph,
    index: &SurnameIndex,
    out: &mut Items,
) -> Option<Vec<Consulted>> {
    let record = Record::default();
    let mut items = Items::default();
    for s in para.sentences.clone() {
        let before = items.len();
        Reader {
            story,
            s,
            para,
            index,
            record: &record,
            marks: OnceCell::new(),
            appositive_marks: OnceCell::new(),
        }
        .read(&mut items);
        debug_assert!(items.range(before..items.len()).all(|a| a.sentence() == s));
    }
    // The reader looks back at the items before it, so it reads into a list of the
    // paragraph's own; moved when `out` is empty, so a long paragraph is not held twice.
    out.append(&mut items);
    (!record.outside.get()).then(|| record.consulted.into_inner())
}

/// For each lower-case word, the first token that uses it as a surname: right after a
/// capitalised word ("Ann *Lee*"). Built in one pass over the tokens on the first question (few
/// readings ask one, and a kept paragraph that asked none needs none), so a reading can ask
/// whether a word was used so before some point without scanning back over the story.
struct SurnameIndex<'s> {
    story: &'s Story<'s>,
    first_use: OnceCell<HashMap<&'s str, u32>>,
}

impl<'s> SurnameIndex<'s> {
    fn new(story: &'s Story<'s>) -> Self {
        SurnameIndex {
            story,
            first_use: OnceCell::new(),
        }
    }

    fn first_use(&self, word: &str) -> Option<usize> {
        let story = self.story;
        let first_use = self.first_use.get_or_init(|| {
            let mut first_use = HashMap::new();
            for k in 1..story.tokens.len() {
                let before = &story.tokens[k - 1];
                if before.kind() != TokenKind::Punct && before.is_capitalised() {
                    first_use.entry(story.lower(k)).or_insert(narrow(k));
                }
            }
            first_use
        });
        first_use.get(word).map(|&k| k as usize)
    }
}

/// A story-level fact one paragraph's reading consulted: where `word` is first used as a
/// surname, relative to the paragraph's first token (-1: before the paragraph; the paragraph's
/// token count: after it, or never). Items are kept only while every fact still holds.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Consulted {
    word: Box<str>,
    first_use: i64,
}

impl Consulted {
    fn of(index: &SurnameIndex, para: &Paragraph, word: &str) -> Self {
        let (t0, t1) = (para.tokens.start, para.tokens.end);
        let first_use = match index.first_use(word) {
            Some(k) if k < t0 => -1,
            Some(k) => (k.min(t1) - t0) as i64,
            None => (t1 - t0) as i64,
        };
        Consulted {
            word: word.into(),
            first_use,
        }
    }

    fn holds(&self, index: &SurnameIndex, para: &Paragraph) -> bool {
        Consulted::of(index, para, &self.word).first_use == self.first_use
    }
}

/// What a paragraph's reading noted beyond its items.
#[derive(Default)]
struct Record {
    consulted: RefCell<Vec<Consulted>>,
    /// It read a token or quotation outside the paragraph.
    outside: Cell<bool>,
}

/// Everything a paragraph's attributions are read from besides the [`Consulted`] facts: its
/// text (which gives its tokens, sentences and quotations), whether its first quotation
/// continues one left open before it, and where the top matter ends relative to it.
#[derive(Hash, PartialEq, Eq)]
pub struct LayerKey {
    text: TextId,
    continues_quote: bool,
    top_matter_end: usize,
}

impl LayerKey {
    fn of(story: &Story, p: usize, para: &Paragraph) -> Self {
        let end = story.top_matter_end();
        LayerKey {
            text: story.text_id(p),
            continues_quote: story
                .quotes
                .get(para.quotes.clone())
                .and_then(|q| q.first())
                .is_some_and(|q| q.continues_previous()),
            top_matter_end: end.clamp(para.span.start, para.span.end) - para.span.start,
        }
    }
}

/// Readings of one paragraph text kept under different surname facts.
const MAX_KEPT_READINGS: usize = 4;

/// One reading of a paragraph, relative to its start, first sentence and first token.
pub struct KeptLayer {
    consulted: Vec<Consulted>,
    items: Vec<Attribution>,
}

/// Whether the attribution reports the market's mood ("traders said", "dealers said",
/// "analysts said"): routine in market and wire copy, where desks may not want it flagged.
/// `markets_copy` is [`Attributions::is_markets_copy`]: outside market copy only the trade's own
/// people are its chorus, and "some economists believe" about a levy is a vague group. A
/// qualifier ("political analysts", "western analysts") takes the voice out of the market
/// wherever the story runs.
pub fn is_market_colour(story: &Story, a: &Attribution, markets_copy: bool) -> bool {
    a.head().is_some_and(|h| {
        let head = story.lower(h);
        let qualifier = h.checked_sub(1).map_or("", |q| story.lower(q));
        w::MARKET_VOICES.contains(head)
            && !w::NON_MARKET_QUALIFIERS.contains(qualifier)
            && (markets_copy
                || is_trade_voice(head)
                || w::MARKET_QUALIFIERS.contains(qualifier)
                || speaks_of_the_economy(story, a))
    })
}

/// Whether what the attribution says is about prices, trade or the economy and not about a
/// government's budget or policy: "analysts said" on the yen, a drug maker's profits or
/// demand for cars is the trade's commentary even in a story with too few market words to be
/// market copy; economists on a sales tax are a policy argument. Read in the content the
/// layer gives, or the sentence when it gives none.
fn speaks_of_the_economy(story: &Story, a: &Attribution) -> bool {
    let said = a
        .content()
        .filter(|c| !c.is_empty())
        .or_else(|| story.sentences.get(a.sentence()).map(|s| s.span()));
    let Some(said) = said else {
        return false;
    };
    let mut economy = false;
    for k in (story.token_at_or_after(said.start)..story.tokens.len())
        .take_while(|&k| story.tokens[k].span().start < said.end)
    {
        let word = story.lower(k);
        if w::POLICY_WORDS.contains(word) {
            return false;
        }
        economy |= w::ECONOMY_WORDS.contains(word);
    }
    economy
}

/// Heads that are the market's own people wherever they speak: traders, dealers, brokers.
/// Analysts, economists and bankers also comment on policy, wars and elections.
pub fn is_trade_voice(head: &str) -> bool {
    matches!(
        head,
        "trader" | "traders" | "dealer" | "dealers" | "broker" | "brokers"
    )
}

/// How many market words make a story markets copy: a company story mentioning a share price
/// once is not a market report.
const MARKETS_COPY_WORDS: usize = 4;

/// "told WUSA", "told KTLA": the call letters of a North American broadcaster, four capitals
/// opening with W or K.
fn is_call_sign(word: &str) -> bool {
    word.len() == 4 && word.starts_with(['W', 'K']) && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// Whether the story is market copy: prices, volumes and the people who trade them, at least
/// [`MARKETS_COPY_WORDS`] times. With a memo each paragraph's count of market words is kept
/// under its text: the question walks every word of a story that is not market copy.
fn markets_copy_with(story: &Story, memo: Option<&mut Memo>) -> bool {
    let count = |para: &Paragraph| {
        para.tokens
            .clone()
            .filter(|&k| w::MARKET_WORDS.contains(story.lower(k)))
            .take(MARKETS_COPY_WORDS)
            .count()
    };
    let mut table = memo.map(|memo| memo.table::<MarketWordsKey, usize>());
    let mut found = 0;
    for (p, para) in story.paragraphs.iter().enumerate() {
        found += match table.as_mut() {
            Some(table) => *table.get_or_compute(
                MarketWordsKey {
                    text: story.text_id(p),
                },
                || count(para),
            ),
            None => count(para),
        };
        if found >= MARKETS_COPY_WORDS {
            return true;
        }
    }
    false
}

/// A paragraph's market words depend on its text alone.
#[derive(Hash, PartialEq, Eq)]
struct MarketWordsKey {
    text: TextId,
}

struct Reader<'s, 'a, 'i> {
    story: &'s Story<'a>,
    s: usize,
    /// The paragraph of sentence `s`: what the reading may look at without noting it.
    para: &'s Paragraph,
    index: &'s SurnameIndex<'i>,
    record: &'s Record,
    /// The sentence's scans that every cue would otherwise repeat to its end, made on the
    /// first question so a sentence of thousands of cues stays linear.
    marks: OnceCell<SentenceMarks>,
    /// Where [`Reader::appositive_subject`] stops and which commas it tries, made on its first
    /// question in the sentence.
    appositive_marks: OnceCell<AppositiveMarks>,
}

/// Token positions in one sentence, in order: where a content may stop short of the sentence
/// end, and which tokens are inside a quotation.
struct SentenceMarks {
    /// Unquoted ";" tokens, and "," tokens before "which": [`Reader::clause_end`] candidates.
    /// Not every comma: a sentence of thousands of commas would be walked from every cue.
    stops: Vec<u32>,
    /// The runs of quoted tokens, as (first, past the last): a quotation is one entry however
    /// long, where a list of its tokens held one each.
    quoted: Vec<(u32, u32)>,
}

impl SentenceMarks {
    /// Adds token `k`, after every token added before it, to the runs of quoted tokens.
    fn add_quoted(quoted: &mut Vec<(u32, u32)>, k: usize) {
        let k = narrow(k);
        match quoted.last_mut() {
            Some((_, end)) if *end == k => *end = k.saturating_add(1),
            _ => quoted.push((k, k.saturating_add(1))),
        }
    }

    /// The last quoted token before token `at`.
    fn last_quoted_before(&self, at: usize) -> Option<usize> {
        let k = self
            .quoted
            .partition_point(|&(start, _)| (start as usize) < at);
        let (_, end) = *self.quoted.get(k.checked_sub(1)?)?;
        Some((end as usize - 1).min(at - 1))
    }

    /// The first quoted token after token `at`.
    fn first_quoted_after(&self, at: usize) -> Option<usize> {
        let k = self
            .quoted
            .partition_point(|&(_, end)| end as usize <= at + 1);
        let (start, _) = *self.quoted.get(k)?;
        Some((start as usize).max(at + 1))
    }
}

/// Token positions in one sentence, in order, for the walk back from a cue's comma to its
/// subject. A sentence of "said, said, …" puts a cue after every other word, and a walk that
/// read 40 tokens back from each read every token 40 times.
struct AppositiveMarks {
    /// Unquoted tokens the walk stops at: a quote mark that is not a possessive apostrophe,
    /// ";", ":", "?" or "!" (quoted tokens, the other stops, are in [`SentenceMarks::quoted`]).
    stops: Vec<u32>,
    /// Commas with a sign of an appositive beside them: the only ones the walk can end at.
    openers: Vec<u32>,
}

/// How far back from its comma [`Reader::appositive_subject`] looks for the subject.
const MAX_APPOSITIVE_TOKENS: usize = 41;

/// Longest account of the occasion of a saying walked past ("told The Associated Press in an
/// interview on Monday that").
const MAX_OCCASION_WORDS: usize = 12;

/// Most of a sentence's earlier attributions a cue looks back at: real sentences hold a few.
const MAX_EARLIER_CUES_READ: usize = 16;

/// Longest clause, in tokens, read before a colon that opens a quotation.
const MAX_COLON_CLAUSE_TOKENS: usize = 60;

/// Longest source phrase walked.
const MAX_SOURCE_WORDS: usize = 14;
/// How far a relative clause inside a subject may run before its verb: "voters who attended
/// the rally in the capital support".
const MAX_RELATIVE_WORDS: usize = 10;

impl Reader<'_, '_, '_> {
    fn range(&self) -> std::ops::Range<usize> {
        self.story
            .sentences
            .get(self.s)
            .map(|s| s.tokens())
            .unwrap_or(0..0)
    }
    fn marks(&self) -> &SentenceMarks {
        self.marks.get_or_init(|| {
            let (mut stops, mut quoted): (Vec<u32>, Vec<(u32, u32)>) = (Vec::new(), Vec::new());
            let range = self.range();
            for k in range.clone() {
                if self.quoted(k) {
                    SentenceMarks::add_quoted(&mut quoted, k);
                } else if match self.lw(k) {
                    ";" => true,
                    "," => k + 1 < range.end && self.lw(k + 1) == "which",
                    _ => false,
                } {
                    stops.push(narrow(k));
                }
            }
            SentenceMarks { stops, quoted }
        })
    }
    /// Notes a look at token `i` outside the paragraph.
    #[inline]
    fn touch(&self, i: usize) {
        if !self.para.tokens.contains(&i) {
            self.record.outside.set(true);
        }
    }
    fn lw(&self, i: usize) -> &str {
        self.touch(i);
        self.story.lower(i)
    }
    /// Past the story's last token, the empty span at its end: a reading that steps off the
    /// end points there rather than panicking.
    fn span(&self, i: usize) -> Span {
        self.touch(i);
        match self.story.tokens.get(i) {
            Some(token) => token.span(),
            None => {
                let end = self.story.tokens.last().map_or(0, |t| t.span().end);
                Span::new(end, end)
            }
        }
    }
    fn join(&self, a: usize, b: usize) -> Span {
        Span::new(self.span(a).start, self.span(b).end)
    }
    /// Past the story's last token there is no word.
    /// A hyphen standing for a dash: spaced from the word before it ("June 2 - A"), or the
    /// second of two typed for one ("class -- dismissed"). A hyphen inside a word joins it.
    fn is_typed_dash(&self, i: usize) -> bool {
        self.lw(i) == "-"
            && i > 0
            && (self.span(i - 1).end < self.span(i).start || self.lw(i - 1) == "-")
    }

    /// A dash of any kind: an em or en dash, or a hyphen typed for one.
    fn is_dash(&self, i: usize) -> bool {
        matches!(self.lw(i), "—" | "–") || self.is_typed_dash(i)
    }

    fn is_word(&self, i: usize) -> bool {
        self.touch(i);
        self.story
            .tokens
            .get(i)
            .is_some_and(|t| t.kind() != TokenKind::Punct)
    }
    fn cap(&self, i: usize) -> bool {
        self.touch(i);
        self.story.tokens.get(i).is_some_and(|t| t.is_capitalised())
    }
    fn quoted(&self, i: usize) -> bool {
        self.touch(i);
        self.story.is_token_quoted(i)
    }
    /// Whether `word` is used as a surname (after a capitalised word) before token `a`.
    fn used_as_surname_before(&self, word: &str, a: usize) -> bool {
        self.touch(a);
        self.record
            .consulted
            .borrow_mut()
            .push(Consulted::of(self.index, self.para, word));
        self.index.first_use(word).is_some_and(|k| k < a)
    }
    fn in_top_matter(&self, offset: usize) -> bool {
        self.story.in_top_matter(offset)
    }
    /// Whether token `k` may stand between a source and its verb: "have also", "is"; not a
    /// name that ends like an adverb ("Kelly said").
    fn intervenes(&self, k: usize) -> bool {
        let lw = self.lw(k);
        w::may_intervene(lw)
            && !(self.cap(k) && lw.ends_with("ly") && !w::HEARSAY_ADVERBS.contains(&lw))
    }
    /// The first of the run of intervening words that ends just before token `k`, no further
    /// back than `floor`: where "have also said" begins, given "said".
    fn back_over_intervening(&self, k: usize, floor: usize) -> usize {
        let mut j = k;
        while j > floor && self.intervenes(j - 1) {
            j -= 1;
        }
        j
    }
    fn is_quote_mark(&self, i: usize) -> bool {
        matches!(self.lw(i), "\"" | "“" | "”" | "'" | "‘" | "’" | "«" | "»")
    }

    fn read(&self, out: &mut Items) {
        let r = self.range();
        let first = out.len();
        let mut i = r.start;
        while i < r.end {
            if self.quoted(i) {
                i += 1;
                continue;
            }
            let next = self.cue_at(i, r.clone(), out).unwrap_or(i + 1);
            i = next.max(i + 1);
        }
        self.end_contents_at_next_clause(out, first, r);
    }

    /// An attribution joined to the sentence by a conjunction or a comma ("… and warned that",
    /// "…, adding that", "…, and he said") is a clause of its own: the speaker going on, or
    /// another speaker. A content read up to the sentence end before it ends where that clause
    /// opens. One nested inside the content ("said that aides told him …") is joined by
    /// nothing and stays inside.
    fn end_contents_at_next_clause(
        &self,
        items: &mut Items,
        first: usize,
        r: std::ops::Range<usize>,
    ) {
        // Each clause that opens cuts every earlier content running over it; a cut content
        // ends before its first such clause, so later ones no longer reach it.
        let mut cuts: Vec<(usize, usize)> = Vec::new();
        for a in items.range(first..items.len()) {
            let Some(opening) = self.opens_own_clause(&a, r.clone()) else {
                continue;
            };
            let mut last = opening;
            while last > r.start && !self.is_word(last - 1) && !self.is_quote_mark(last - 1) {
                last -= 1;
            }
            if last > r.start {
                cuts.push((self.span(opening).start, self.span(last - 1).end));
            }
        }
        if cuts.is_empty() {
            return;
        }
        cuts.sort_unstable();
        for i in first..items.len() {
            let Some(mut item) = items.get(i) else {
                continue;
            };
            let Some(content) = item.content() else {
                continue;
            };
            let from = cuts.partition_point(|&(cut, _)| cut <= item.cue().start);
            let first_cut = cuts[from..]
                .iter()
                .take_while(|&&(cut, _)| cut < content.end)
                .find(|&&(_, end)| content.start < end);
            if let Some(&(_, end)) = first_cut {
                item.content = OptSpan32::new(Some(Span::new(content.start, end)));
                items.set(i, item);
            }
        }
    }

    /// Whether the attribution is cued by a participle of a reporting verb ("adding").
    fn is_participle_cue(&self, a: &Attribution, cue: usize) -> bool {
        matches!(a.cue_kind, CueKind::Verb(_))
            && verbs::lookup(self.lw(cue)).is_some_and(|v| v.form == Form::Gerund)
    }

    /// The token that joins the attribution's clause to what goes before: "and" or ", and"
    /// before its subject or its verb, or the comma before a participle ("…, saying").
    fn opens_own_clause(&self, a: &Attribution, r: std::ops::Range<usize>) -> Option<usize> {
        let cue = self.story.token_at_or_after(a.cue().start);
        let subject_first = a.source().filter(|s| s.end <= a.cue().start).and_then(|s| {
            let after = self.story.token_at_or_after(s.end);
            (after..cue)
                .all(|k| self.intervenes(k))
                .then(|| self.story.token_at_or_after(s.start))
        });
        let lead = subject_first.unwrap_or(cue);
        let joint = lead.checked_sub(1).filter(|&k| k > r.start)?;
        match self.lw(joint) {
            "and" | "but" => Some(if self.lw(joint - 1) == "," {
                joint - 1
            } else {
                joint
            }),
            "," | "—" | "–" if lead == cue && self.is_participle_cue(a, cue) => Some(joint),
            // "…win this race,” adding that …": American style keeps the comma inside the mark.
            _ if lead == cue
                && self.is_quote_mark(joint)
                && joint > r.start
                && self.lw(joint - 1) == ","
                && self.is_participle_cue(a, cue) =>
            {
                Some(cue)
            }
            _ => None,
        }
    }

    /// Reads an attribution cued at token `i`, pushing it; returns the token to go on from.
    fn cue_at(&self, i: usize, r: std::ops::Range<usize>, out: &mut Items) -> Option<usize> {
        let word = self.lw(i);
        let next = |k: usize| if i + k < r.end { self.lw(i + k) } else { "" };
        // "according to X", "in an interview with X"
        if let Some(len) = w::prepositional_cue(word, next(1)) {
            // "according to interviews with staff": the people interviewed are the source.
            let len = if super::cues::is_prepositional_cue(next(len), next(len + 1)) {
                len + 2
            } else {
                len
            };
            let end_cue = i + len - 1;
            let source = self.np_right(end_cue + 1, r.end);
            let content = self.content_around(i, end_cue, source, r.clone());
            self.push(out, i, end_cue, CueKind::Preposition, source, content);
            return Some(source.map_or(end_cue + 1, |(_, b)| b + 1));
        }
        if word == "supposedly"
            && i > r.start
            && (fw::ARTICLES.contains(&self.lw(i - 1))
                || fw::PREPOSITIONS.contains(&self.lw(i - 1)))
        {
            // "in a supposedly safe seat": the writer's irony on an adjective, not hearsay.
            return Some(i + 1);
        }
        if w::HEARSAY_ADVERBS.contains(&word) {
            // "X reportedly told": the verb carries the source; the adverb says it is hearsay.
            let verb_follows = (1..=2).any(|k| verbs::lookup(next(k)).is_some());
            if !verb_follows {
                let content = self
                    .clause_after(i, r.clone())
                    .or(self.clause_before(i, r.start));
                self.push_agentless(out, i, i, content);
            }
            return Some(i + 1);
        }
        if word == ":" {
            return self.colon_cue(i, r, out);
        }
        if word == "in" {
            if let Some(end) = self.poll_cue(i, r.clone(), out) {
                return Some(end);
            }
        }
        if matches!(word, "—" | "―" | "–") {
            return self.signature_cue(i, r, out);
        }
        if w::NOMINAL_CUES.contains(word) {
            if let Some(next) = self.nominal_cue(i, r.clone(), out) {
                return Some(next);
            }
            // "The ad claims the levy is fair", "lawmakers claim it": the same word as a verb,
            // which the noun test in `verb_cue` still turns away after "his" or "the". A plain
            // form is a verb only before what a verb takes, never in "the jobs report was".
            let plain = verbs::lookup(word).is_some_and(|v| v.form == Form::Base);
            if plain
                && !(i + 1 < r.end && self.takes_a_clause(i + 1))
                && !self.long_plural_subject(i, i, r.start)
            {
                return None;
            }
        }
        if word == "put" && next(1) == "it" {
            if let Some(end) = self.as_one_put_it(i, r.clone(), out) {
                return Some(end);
            }
        }
        let verb = verbs::lookup(word)?;
        self.verb_cue(i, verb, r, out)
    }

    /// "as one diplomat put it, …", "as the mayor put it:": the phrasing that follows is the
    /// source's, though "put" alone attributes nothing.
    fn as_one_put_it(&self, i: usize, r: std::ops::Range<usize>, out: &mut Items) -> Option<usize> {
        let source = self.np_left(i, r.start)?;
        if source.0 <= r.start || self.lw(source.0 - 1) != "as" {
            return None;
        }
        let content = self
            .quoted_just_before(source.0 - 1, r.start)
            .or_else(|| self.content_around(i, i + 1, Some(source), r));
        self.push(
            out,
            i,
            i + 1,
            CueKind::Verb(VerbClass::Neutral),
            Some(source),
            content,
        );
        Some(i + 2)
    }

    /// The quotation that closes just before token `at` ("a \"lawful source of income,\" as a
    /// memo put it"): what the words after it attribute, not the whole sentence.
    fn quoted_just_before(&self, at: usize, start: usize) -> Option<Span> {
        let mut k = at;
        if k > start && self.lw(k - 1) == "," {
            k -= 1;
        }
        if k <= start || !self.is_quote_mark(k - 1) {
            return None;
        }
        let last = self.marks().last_quoted_before(k - 1)?;
        if last + 2 < k || last < start {
            return None;
        }
        let mut first = last;
        while first > start && self.quoted(first - 1) && !self.is_quote_mark(first - 1) {
            first -= 1;
        }
        Some(self.join(first, last))
    }

    /// "MPs' report", "Sanders’ campaign": an apostrophe that closes a plural's possessive,
    /// not a quote mark.
    fn plural_possessive_at(&self, j: usize) -> bool {
        j > 0
            && matches!(self.lw(j), "'" | "’")
            && self.lw(j - 1).ends_with('s')
            && self.span(j - 1).end == self.span(j).start
    }

    /// "ward leaders and officials": the "and" at `k` joins two plural groups of people, one
    /// source between them.
    fn joins_groups_of_people(&self, k: usize) -> bool {
        let plural_people = |j: usize| w::is_person_noun(self.lw(j)) && self.lw(j).ends_with('s');
        k > 0 && self.lw(k) == "and" && plural_people(k - 1) && plural_people(k + 1)
    }

    /// "if so, one could say", "one might think": the `one` at `head` is the impersonal
    /// pronoun, anyone at all. At the head of a sentence "One would say only that" is one of
    /// the sources just before it.
    fn impersonal_one(&self, head: usize) -> bool {
        let end = self.range().end;
        if self.lw(head) != "one" || self.cap(head) || head + 1 >= end {
            return false;
        }
        let modal = self.lw(head + 1);
        if !(fw::MODALS.contains(&modal) || modal == "must") {
            return false;
        }
        let verb = (head + 2..end).find(|&k| !self.lw(k).ends_with("ly"));
        verb.is_some_and(|k| {
            matches!(
                self.lw(k),
                "say"
                    | "argue"
                    | "think"
                    | "imagine"
                    | "expect"
                    | "wonder"
                    | "suppose"
                    | "assume"
                    | "conclude"
                    | "forgive"
                    | "be"
            )
        })
    }

    /// "the budget drafting team", "a letter writing campaign": a gerund between two
    /// common nouns, with nothing after the second, names a kind of thing; nobody speaks.
    fn modifies_a_noun(&self, i: usize, r: std::ops::Range<usize>) -> bool {
        if i <= r.start || i + 1 >= r.end {
            return false;
        }
        let noun = |k: usize| {
            let lw = self.lw(k);
            self.is_word(k)
                && !self.cap(k)
                && !w::is_pronoun(lw)
                && !w::DETERMINERS.contains(lw)
                && !w::is_person_noun(lw)
                && !fw::PREPOSITIONS.contains(&lw)
                && !matches!(lw, "that" | "to" | "and" | "or" | "not")
        };
        let closes = i + 2 >= r.end || !self.is_word(i + 2) && !self.is_quote_mark(i + 2);
        noun(i - 1) && noun(i + 1) && closes
    }

    /// "in a new report called Threads Of Hope", "for a group named the Hill Fund": a
    /// participle giving the title of a thing the sentence only mentions (it follows a
    /// preposition, so it is no subject), not a speaker calling something a name.
    fn names_a_thing(&self, i: usize, r: std::ops::Range<usize>) -> bool {
        if !matches!(
            self.lw(i),
            "called" | "named" | "titled" | "entitled" | "dubbed"
        ) {
            return false;
        }
        let title = |k: usize| k < r.end && self.cap(k) && self.is_word(k);
        if !(title(i + 1) || (self.lw(i + 1) == "the" && title(i + 2))) {
            return false;
        }
        let Some((mut a, _)) = self.np_left(i, r.start) else {
            return false;
        };
        while a > r.start
            && (fw::ARTICLES.contains(&self.lw(a - 1))
                || fw::POSSESSIVE_DETERMINERS.contains(&self.lw(a - 1)))
        {
            a -= 1;
        }
        a > r.start && fw::PREPOSITIONS.contains(&self.lw(a - 1))
    }

    fn verb_cue(
        &self,
        i: usize,
        verb: verbs::VerbForm,
        r: std::ops::Range<usize>,
        out: &mut Items,
    ) -> Option<usize> {
        let next = |k: usize| if i + k < r.end { self.lw(i + k) } else { "" };
        if self.reads_as_noun(i, r.start)
            || self.names_a_thing(i, r.clone())
            || verb.form == Form::Gerund && self.modifies_a_noun(i, r.clone())
        {
            return None;
        }
        if verb.form == Form::Gerund
            && i > r.start
            && (w::DOCUMENT_NOUNS.contains(self.lw(i - 1)) || self.lw(i - 1) == "message")
            && w::GERUND_CUES.contains(verb.lemma)
        {
            // "a statement saying", "a letter warning that": the document is the source, from
            // its article or possessive ("a joint statement"), not the clause around it.
            let noun = i - 1;
            let opener = (noun.saturating_sub(3).max(r.start)..noun)
                .rev()
                .find(|&k| {
                    fw::ARTICLES.contains(&self.lw(k))
                        || fw::POSSESSIVE_DETERMINERS.contains(&self.lw(k))
                        || self.lw(k).ends_with("'s")
                });
            let source = Some((opener.unwrap_or(noun), noun));
            let content = self.clause_after(i, r.clone());
            self.push(out, i, i, CueKind::Verb(verb.class), source, content);
            return Some(i + 1);
        }
        if verb.lemma == "ask"
            && verb.is_participle()
            && (i == r.start || matches!(self.lw(i - 1), "when" | "if" | "as" | "once"))
        {
            // "Asked about the leak, she said …": the question is the reporter's, unnamed.
            let content = self.clause_after(i, r.clone());
            self.push_agentless(out, i, i, content);
            return Some(i + 1);
        }
        if verb.form == Form::Gerund && !self.has_needed_object(verb, i, r.end) {
            return None;
        }
        if verb.form == Form::Gerund {
            // "…, adding that …": the sentence's speaker goes on.
            // "defended “New York values,” saying …": American style keeps the comma inside
            // the closing quotation mark.
            let after_comma = i > r.start && matches!(self.lw(i - 1), "," | "—" | "–")
                || i > r.start + 1 && self.is_quote_mark(i - 1) && self.lw(i - 2) == ",";
            if after_comma && w::GERUND_CUES.contains(verb.lemma) {
                // "A spokesman, acknowledging that …, said": the phrase that opens the sentence
                // and ends at the comma.
                let opening = self
                    .np_right(r.start, r.end)
                    .filter(|&(_, b)| b + 2 == i && self.lw(b + 1) == ",")
                    .filter(|&(a, b)| {
                        (self.cap(a) || w::is_pronoun(self.lw(a)))
                            && (self.cap(b) || w::is_person_noun(self.lw(b)))
                    });
                let source = self.sentence_speaker(r.clone(), out, false).or(opening);
                let content = self.clause_after(i, r.clone());
                self.push(out, i, i, CueKind::Verb(verb.class), source, content);
                if next(1) == "to" {
                    // "acknowledging to the Guardian that …"
                    self.mark_relay(i + 2, r.clone(), out);
                }
                // The sentence has a speaker even when the walk cannot say which words name
                // it: the cue stays a verb, not an agentless form.
                if source.is_none() {
                    out.update_last(|last| last.cue_kind = CueKind::Verb(verb.class));
                }
                return Some(i + 1);
            }
            if let Some(next) = self.progressive_cue(i, verb, r.clone(), out) {
                return Some(next);
            }
            return self.bare_gerund_cue(i, verb, r, out);
        }
        if !self.has_needed_object(verb, i, r.end) {
            return None;
        }
        // Auxiliaries and adverbs before the verb belong to the cue: "have also said".
        let mut aux = self.back_over_intervening(i, r.start);
        // "She went on to say that …", "the letter goes on to criticise": the going on has the
        // speaker for its subject and belongs to the cue.
        let goes_on = verb.form == Form::Base && aux == i && self.goes_on_to(i, r.start);
        if goes_on {
            aux = self.back_over_intervening(aux - 3, r.start);
        }
        let passive = aux < i && (aux..i).any(|k| w::BE_FORMS.contains(&self.lw(k)));
        let class = CueKind::Verb(verb.class);
        if passive && verb.is_participle() {
            // "is known as", "to be known as": a name, not a source's view.
            if verb.lemma == "know" && next(1) == "as" {
                return None;
            }
            // "was condemned to death": a sentence passed, not a view.
            if verb.lemma == "condemn" && next(1) == "to" {
                return None;
            }
            // "was quoted as saying": the subject is the source.
            if verb.lemma == "quote" && next(1) == "as" {
                let end = if verbs::lookup(next(2)).is_some() {
                    i + 2
                } else {
                    i + 1
                };
                // "The mayor, who was quoted as saying": the mayor, not "who".
                let source = self
                    .np_left(aux, r.start)
                    .map(|(a, b)| self.antecedent(a, r.start).unwrap_or((a, b)));
                let content = self.clause_after(end, r.clone());
                self.push(
                    out,
                    source.map_or(aux, |_| aux),
                    end,
                    class,
                    source,
                    content,
                );
                return Some(end + 1);
            }
            // "was criticised by X"
            if next(1) == "by" {
                let source = self.np_right(i + 2, r.end);
                if source.is_some() {
                    let content = self.clause_before(aux, r.start);
                    self.push(out, aux, i + 1, class, source, content);
                    return Some(source.map_or(i + 2, |(_, b)| b + 1));
                }
            }
            // "was described as reckless by the opposition", "was branded a failure by": a
            // judgement passed with its judge at the end, not "was announced on Monday by".
            let judges = next(1) == "as"
                || verb.lemma == "call"
                || matches!(verb.class, VerbClass::Loaded | VerbClass::Frame);
            if let Some(source) = judges.then(|| self.late_agent(i, r.end)).flatten() {
                let content = self.clause_before(aux, r.start);
                self.push(out, aux, i, class, Some(source), content);
                return Some(source.1 + 1);
            }
            // "It is expected that …", "It is hoped the talks …": the dummy subject leaves the
            // holder of the view out.
            let dummy_subject = aux > r.start
                && self.lw(aux - 1) == "it"
                && i + 1 < r.end
                && (next(1) == "that" || w::DUMMY_SUBJECT_VIEWS.contains(verb.lemma))
                && !fw::PREPOSITIONS.contains(&next(1));
            if w::AGENTLESS_PASSIVES.contains(verb.lemma)
                && (!w::NEEDS_TO_OR_AS.contains(verb.lemma)
                    || matches!(next(1), "to" | "as")
                    || dummy_subject)
            {
                let end = if matches!(next(1), "to" | "that") {
                    i + 1
                } else {
                    i
                };
                let content = self
                    .clause_after(end, r.clone())
                    .or(self.clause_before(aux, r.start));
                self.push_agentless(out, aux, end, content);
                return Some(end + 1);
            }
            return None;
        }
        if aux == i && verb.is_participle() && next(1) == "by" && i > r.start {
            if let Some(next) = self.reduced_passive_cue(i, verb, r.clone(), out) {
                return Some(next);
            }
            // "backed by" is never the deed of a subject before it.
            if verb.lemma == "back" {
                return None;
            }
        }
        if !verb.is_finite() {
            return None;
        }
        // "said to reporters" is speech with a listener; "said to be", "expected to rise" are not.
        let listener = verb.lemma == "say" && !matches!(next(2), "be" | "have");
        if verb.form == Form::Past
            && next(1) == "to"
            && w::NEEDS_TO_OR_AS.contains(verb.lemma)
            && !listener
        {
            // "a man thought to be in his thirties", "reserves said to be running low": a
            // participle with the holder of the view left out, not a verb with a subject.
            // "said to be", "thought to have": an infinitive, not "said to reporters".
            // "the men, thought to be", "the men - thought to be": set off by a comma or a
            // dash, the participle still follows the noun it describes.
            let set_off = i > r.start + 1 && matches!(self.lw(i - 1), "," | "-" | "—" | "–");
            let noun = if set_off { i - 2 } else { i.saturating_sub(1) };
            if w::REDUCED_AGENTLESS.contains(&verb.lemma)
                && matches!(next(2), "be" | "have")
                && aux == i
                && i > r.start
                && self.is_word(noun)
                && !self.cap(noun)
                && verbs::lookup(self.lw(noun)).is_none()
                && !w::is_pronoun(self.lw(noun))
                && !self.lw(noun).ends_with("ly")
            {
                let content = self
                    .clause_after(i + 1, r.clone())
                    .or(self.clause_before(i, r.start));
                self.push_agentless(out, i, i + 1, content);
                return Some(i + 2);
            }
            return None;
        }
        // `"…," said one.` / `"…," added a minister.`
        let after_quote = aux > r.start
            && (self.is_quote_mark(aux - 1)
                || (matches!(self.lw(aux - 1), "," | "—" | "–")
                    && aux > r.start + 1
                    && self.is_quote_mark(aux - 2)));
        let after_comma = aux > r.start && matches!(self.lw(aux - 1), "," | "—" | "–" | "(");
        // "…, say some analysts, who …": a plural source inverted after its words.
        let inverted_form = matches!(verb.form, Form::Past | Form::ThirdPerson)
            || verb.form == Form::Base && verb.lemma == "say" && (after_quote || after_comma);
        let opens_sentence = i == r.start && self.cap(i);
        if (after_quote || after_comma || opens_sentence)
            && aux == i
            && inverted_form
            && w::INVERTIBLE.contains(verb.lemma)
        {
            let source = self.np_right(i + 1, r.end).filter(|&(_, b)| {
                // Without a quotation before it, "…, said one official." must end the clause.
                after_quote || b + 1 >= r.end || !self.is_word(b + 1)
            });
            // A sentence that opens with the verb has nothing before it to be an appositive.
            let appositive = !after_quote
                && aux > r.start
                && self.appositive_subject(aux - 1, r.start).is_some();
            if let Some(source) = source.filter(|_| !appositive) {
                let content = self.content_around(i, i, Some(source), r.clone());
                self.push(out, i, i, class, Some(source), content);
                return Some(source.1 + 1);
            }
        }
        let share_of_relative = self.share_of_relative(aux, r.start);
        if verb.form == Form::Base
            && !goes_on
            && share_of_relative.is_none()
            && !self.base_has_subject(aux, i, r.start)
        {
            return None;
        }
        let source = if share_of_relative.is_some() {
            share_of_relative
        } else if aux > r.start && self.lw(aux - 1) == "," {
            self.appositive_subject(aux - 1, r.start).or_else(|| {
                // "He blamed the weather, called her “third-rate” and left": the next verb
                // of a series goes on with the speaker of the one before.
                let in_series = aux == i
                    && matches!(verb.form, Form::Past | Form::ThirdPerson)
                    && i + 1 < r.end
                    && self.opens_object(i + 1);
                in_series
                    .then(|| self.previous_source(r.clone(), out))
                    .flatten()
            })
        } else if aux > r.start && self.lw(aux - 1) == ")" {
            self.parenthesised_subject(aux - 1, r.start)
        } else if aux > r.start && self.is_dash(aux - 1) {
            self.dashed_subject(aux - 1, r.start)
        } else if aux > r.start && matches!(self.lw(aux - 1), "and" | "but") {
            // "criticised the plan and said …": the speaker of the attribution before, or else
            // the name or pronoun the sentence opens with.
            self.sentence_speaker(r.clone(), out, true)
        } else if verb.form == Form::Base {
            // "The groups that have endorsed Ann Lee say": a singular object closing a
            // relative clause is no subject of the plural verb after it.
            let left = self.np_left(aux, r.start);
            let singular =
                left.is_some_and(|(_, b)| !self.is_plural_noun(b) && !w::is_pronoun(self.lw(b)));
            singular
                .then(|| self.relative_subject(aux, r.start))
                .flatten()
                .filter(|&(a, b)| self.verb_opens_relative_clause(a, b))
                .or(left)
        } else {
            self.np_left(aux, r.start)
        };
        // "the resolution, which said …": the relative pronoun stands for the phrase before it.
        let source = source.or_else(|| {
            let rel = aux.checked_sub(1).filter(|&k| k > r.start)?;
            self.antecedent(rel, r.start)
        });
        // A plural subject takes a plural or past form, never "seems".
        let source = source.or_else(|| {
            (verb.form != Form::ThirdPerson)
                .then(|| self.relative_subject(aux, r.start))
                .flatten()
        });
        let Some(source) = source else {
            return self.unplaced_speaker_cue(aux, i, verb, r, out);
        };
        let cue_end = i + w::cue_particle_len(verb.lemma, next(1), next(2));
        let content = self.content_around(aux, cue_end, Some(source), r.clone());
        self.push(out, aux, cue_end, class, Some(source), content);
        if share_of_relative.is_some() {
            // Like the relative pronoun in it, "many of whom" stands for the phrase before.
            out.update_last(|last| last.kind = SourceKind::Pronoun);
        }
        if verb.lemma == "report" {
            self.relay_trailing_report(source, r.clone(), out);
        }
        if verb.lemma == "tell" {
            self.mark_relay(i + 1, r, out);
        } else if next(1) == "to"
            && (w::GERUND_CUES.contains(verb.lemma)
                || matches!(
                    verb.lemma,
                    "confirm" | "admit" | "concede" | "reveal" | "disclose"
                ))
        {
            // "confirmed to the Post that", "said to CNN"
            self.mark_relay(i + 2, r, out);
        }
        Some(cue_end + 1)
    }

    /// "One of the report's authors, a pollster from Ohio, said …": a finite "said" or "says"
    /// reports speech even when the walk cannot say which words name its speaker (a long
    /// description, a second verb of a long sentence), so it stays a verb cue without a source,
    /// never an agentless form. Not the idiom "That said,".
    fn unplaced_speaker_cue(
        &self,
        aux: usize,
        i: usize,
        verb: verbs::VerbForm,
        r: std::ops::Range<usize>,
        out: &mut Items,
    ) -> Option<usize> {
        let finite = matches!(verb.form, Form::Past | Form::ThirdPerson);
        // "A new analysis of the filings, out on Monday, shows …": the document that opens
        // the sentence is the source of the evidence verb.
        let evidence = matches!(verb.lemma, "show" | "suggest" | "indicate" | "find");
        if finite && evidence && aux > r.start && self.lw(aux - 1) == "," {
            let document = self.document_opening(r.start, aux)?;
            let source = Some((r.start, document));
            let content = self.content_around(aux, i, source, r.clone());
            self.push(out, aux, i, CueKind::Verb(verb.class), source, content);
            return Some(i + 1);
        }
        let finite_say = verb.lemma == "say" && finite;
        let idiom =
            aux > r.start && self.lw(aux - 1) == "that" && i + 1 < r.end && self.lw(i + 1) == ",";
        // "Said is understood to…": a name. "is reported to have said": the hedge before it
        // holds the saying, and an agentless form already read in the sentence must not be
        // covered by a cue that names no one.
        let infinitive = (aux.saturating_sub(1).max(r.start)..i).any(|k| self.lw(k) == "to");
        let sentence_start = self.span(r.start).start;
        // Earlier sentences' attributions come first in `out`, so this sentence's are its
        // tail; and only its last few, or a sentence of thousands of "said" (no full stop in
        // a pasted list) would be read again for each.
        let hedged = (0..out.len())
            .rev()
            .take_while(|&k| out.cue(k).start >= sentence_start)
            .take(MAX_EARLIER_CUES_READ)
            .any(|k| out.cue_kind(k) == CueKind::Agentless);
        if !finite_say || idiom || self.quoted(i) || self.cap(i) || infinitive || hedged {
            return None;
        }
        let content = self.content_around(aux, i, None, r.clone());
        self.push(out, aux, i, CueKind::Verb(verb.class), None, content);
        out.update_last(|last| last.cue_kind = CueKind::Verb(verb.class));
        Some(i + 1)
    }

    /// The agent of passive `i` given after its complement, in the same clause: "was described
    /// as reckless by the opposition", "has been branded too complex by a think-tank". Only a
    /// complement of modifiers ("as", adjectives, adverbs, "and"), since "by" after a noun or a
    /// phrase of its own is theirs ("viewed as a ploy by the board", "criticised for being run
    /// down by its owners"), and only a phrase the layer reads as a source ("criticised as late
    /// by March" dates the criticism). A named author's document is an agent too: "was
    /// criticised in Ann Lee's report".
    fn late_agent(&self, i: usize, end: usize) -> Option<(usize, usize)> {
        // A complement is a few words; further on, "by" belongs to something else.
        const REACH: usize = 8;
        for k in i + 1..end.min(i + 2 + REACH) {
            let lw = self.lw(k);
            if lw == "by" {
                if k == i + 1 || self.lw(k - 1).ends_with("ed") {
                    return None;
                }
                let (a, b) = self.np_right(k + 1, end)?;
                let speaks = self.classify(a, b).0 != SourceKind::Other
                    && !super::phrase::is_calendar_word(self.lw(b));
                return speaks.then_some((a, b));
            }
            // "were criticised in Ann Lee's review": a named author's document.
            if lw == "in" {
                let owner =
                    (k + 1..end.min(k + 4)).find(|&o| self.cap(o) && self.lw(o).ends_with("'s"))?;
                let document = (owner + 1..end.min(owner + 4))
                    .take_while(|&d| self.is_word(d))
                    .find(|&d| {
                        w::DOCUMENT_NOUNS.contains(self.lw(d))
                            || w::MEDIA_NOUNS.contains(self.lw(d))
                    })?;
                return Some((k + 1, document));
            }
            let modifier = self.is_word(k)
                && !self.quoted(k)
                && (lw == "as"
                    || !(fw::PREPOSITIONS.contains(&lw)
                        || w::DETERMINERS.contains(lw)
                        || w::is_pronoun(lw)
                        || w::BE_FORMS.contains(&lw)
                        || w::CLAUSE_OPENERS.contains(lw)
                        || lw == "that"
                        || verbs::lookup(lw).is_some()));
            if !modifier {
                return None;
            }
        }
        None
    }

    /// "The levy, dismissed by the markets as a gimmick, …", "candidates backed by super
    /// PACs": a participle without its "be", whose agent after "by" holds the view of the
    /// phrase before it. Not "said by phone", nor a participle no phrase comes before.
    fn reduced_passive_cue(
        &self,
        i: usize,
        verb: verbs::VerbForm,
        r: std::ops::Range<usize>,
        out: &mut Items,
    ) -> Option<usize> {
        let prev = self.lw(i - 1);
        if prev == "as" && super::cues::is_passive_cue(self.lw(i)) {
            // "As reported by the Ledger, the mayor …": the agent is the source of the clause
            // around it, as after "according to".
            let source = self.np_right(i + 2, r.end)?;
            let content = self.content_around(i, i, Some(source), r.clone());
            self.push(out, i, i, CueKind::Verb(verb.class), Some(source), content);
            return Some(source.1 + 1);
        }
        let after_phrase = prev == "," || self.can_head(i - 1) && !w::is_pronoun(prev);
        if !after_phrase || !verb.attributes_reduced_passive {
            return None;
        }
        let source = self.np_right(i + 2, r.end)?;
        let content = self.clause_before(i, r.start)?;
        self.push(
            out,
            i,
            i + 1,
            CueKind::Verb(verb.class),
            Some(source),
            Some(content),
        );
        Some(source.1 + 1)
    }

    /// The phrase the relative pronoun at `rel` stands for: "*the resolution*, which said".
    /// "families of the victims, many of whom say": a share of the phrase before, set off by a
    /// comma or a dash, as the subject of the verb at `aux`.
    fn share_of_relative(&self, aux: usize, start: usize) -> Option<(usize, usize)> {
        let share = aux.checked_sub(3).filter(|&k| k > start)?;
        let set_off = self.lw(share - 1) == "," || self.is_dash(share - 1);
        let counted = w::VAGUE_QUANTIFIERS.contains(self.lw(share))
            || fw::NUMBER_WORDS.contains(&self.lw(share))
            || matches!(
                self.lw(share),
                "all" | "both" | "each" | "none" | "either" | "neither"
            );
        (set_off
            && counted
            && self.lw(share + 1) == "of"
            && matches!(self.lw(share + 2), "whom" | "which"))
        .then_some((share, share + 2))
    }

    fn antecedent(&self, rel: usize, start: usize) -> Option<(usize, usize)> {
        if rel <= start || !matches!(self.lw(rel), "which" | "who" | "that") {
            return None;
        }
        let before = if self.lw(rel - 1) == "," {
            rel - 1
        } else {
            rel
        };
        let (a, b) = self.np_left(before, start)?;
        // The antecedent starts at its own article, not at the clause the walk ran into.
        let a = (a..=b)
            .rev()
            .find(|&k| {
                fw::ARTICLES.contains(&self.lw(k))
                    || fw::POSSESSIVE_DETERMINERS.contains(&self.lw(k))
            })
            .unwrap_or(a);
        Some((a, b))
    }

    /// Whether the words after verb token `i` give it what it needs to attribute: "raised
    /// concerns" but not "raised taxes", "backed the levy" but not "backed down", "offered no
    /// proof" but not "offered a discount".
    fn has_needed_object(&self, verb: verbs::VerbForm, i: usize, end: usize) -> bool {
        let next = |k: usize| if i + k < end { self.lw(i + k) } else { "" };
        // "added her voice to the critics": joined them, and said nothing of its own.
        if verb.lemma == "add"
            && fw::POSSESSIVE_DETERMINERS.contains(&next(1))
            && matches!(next(2), "voice" | "voices" | "weight" | "name" | "names")
        {
            return false;
        }
        // "added 20 jobs", "adding at least two seats", "added $5": a sum grew.
        let figure = |word: &str| {
            word.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '$' | '£' | '€'))
                || fw::NUMBER_WORDS.contains(&word)
        };
        if verb.lemma == "add"
            && (figure(next(1))
                || w::SHARE_HEDGES.contains(&next(1)) && figure(next(2))
                || next(1) == "at" && next(2) == "least")
        {
            return false;
        }
        if let Some(objects) = w::needs_object(verb.lemma) {
            if !objects.contains(&next(1)) && !objects.contains(&next(2)) {
                return false;
            }
            // "made it clear", never "made a clear profit".
            if verb.lemma == "make" && w::cue_particle_len(verb.lemma, next(1), next(2)) == 0 {
                return false;
            }
        }
        match verb.lemma {
            // "agreed that", "agreed the plan was sound", not "agreed a deal" or "agreed
            // settlements with the regulator", which are terms struck, not a view.
            "agree" => !super::cues::agrees_terms(next(1), next(2)),
            // The view offered is named within a few words: "offered the crowd a bleak
            // assessment".
            "offer" => (i + 1..(i + 1 + w::OFFERED_VIEW_REACH).min(end))
                .take_while(|&k| self.is_word(k))
                .any(|k| w::OFFERED_VIEWS.contains(self.lw(k))),
            // Someone or something backed or preferred: "backed the levy", "backing Okafor",
            // "preferred Lee", not "backed down" or "preferred stock".
            "back" | "prefer" => {
                i + 1 < end
                    && self.is_word(i + 1)
                    && (self.cap(i + 1)
                        || next(1) == "by"
                        || verb.lemma == "prefer" && next(1) == "to"
                        || w::DETERMINERS.contains(next(1))
                        || matches!(next(1), "him" | "her" | "them" | "it" | "us" | "me"))
            }
            // "seemed rattled", "seems ready", "seemed like a rout": a judgement, not "seemed
            // at ease in the hall", which only places someone.
            "seem" => {
                i + 1 < end
                    && self.is_word(i + 1)
                    && (!fw::PREPOSITIONS.contains(&next(1)) || matches!(next(1), "to" | "like"))
            }
            _ => true,
        }
    }

    /// "is predicting that", "he’s telling voters", "have been urging": a reporting verb in
    /// the progressive, with the subject before its "be".
    fn progressive_cue(
        &self,
        i: usize,
        verb: verbs::VerbForm,
        r: std::ops::Range<usize>,
        out: &mut Items,
    ) -> Option<usize> {
        let be = self.back_over_intervening(i, r.start);
        if verb.lemma == "add" && i + 1 < r.end && self.lw(i + 1) == "to" {
            return None;
        }
        let progressive =
            (be..i).any(|k| matches!(self.lw(k), "is" | "are" | "was" | "were" | "been" | "am"));
        let prev = self.lw(be.checked_sub(1).filter(|&k| k >= r.start)?);
        if !self.has_needed_object(verb, i, r.end) {
            return None;
        }
        let contracted = prev
            .strip_suffix("’s")
            .or_else(|| prev.strip_suffix("'s"))
            .or_else(|| prev.strip_suffix("’re"))
            .or_else(|| prev.strip_suffix("'re"));
        let (cue_a, source) = if progressive {
            (be, self.np_left(be, r.start)?)
        } else if contracted.is_some_and(w::is_pronoun) {
            (be, (be - 1, be - 1))
        } else {
            return None;
        };
        let content = self.content_around(cue_a, i, Some(source), r);
        self.push(
            out,
            cue_a,
            i,
            CueKind::Verb(verb.class),
            Some(source),
            content,
        );
        if !progressive {
            // "he’s": the contraction is the pronoun, whatever its capital says.
            out.update_last(|last| last.kind = SourceKind::Pronoun);
        }
        Some(i + 1)
    }

    /// A gerund without a comma before it: "landed in trouble by saying that …" (the speaker
    /// of the sentence goes on), "voters saying they want …", "footage of the mayor saying …"
    /// (the phrase before the gerund speaks).
    fn bare_gerund_cue(
        &self,
        i: usize,
        verb: verbs::VerbForm,
        r: std::ops::Range<usize>,
        out: &mut Items,
    ) -> Option<usize> {
        // "a new poll showing …", "emails that night showing …": evidence speaks through its
        // document.
        let evidence = matches!(verb.lemma, "show" | "find" | "indicate" | "suggest")
            && self.document_before(i, r.start);
        if !(w::GERUND_CUES.contains(verb.lemma) || evidence) || i <= r.start {
            return None;
        }
        // "after initially saying": an adverb may come between.
        let p = self.back_over_intervening(i, r.start);
        // "aside from saying" excepts what the subject said, where "refrained from saying"
        // denies it. Not "for": "an award for telling the truth", "held for questioning".
        let subordinate = p > r.start
            && (matches!(
                self.lw(p - 1),
                "by" | "while" | "after" | "before" | "when" | "without"
            ) || p > r.start + 1
                && self.lw(p - 1) == "from"
                && matches!(self.lw(p - 2), "aside" | "apart"));
        // "promising news", "the most telling sign", "worth noting": adjectives and idiom;
        // after "by" or "after" the gerund is a verb ("by telling them that"), unless it
        // tells a tale rather than a listener ("by telling the truth", "after telling jokes").
        let at = |k: usize| if k < r.end { self.lw(k) } else { "" };
        let tells_a_tale = verb.lemma == "tell"
            && (matches!(at(i + 1), "lies" | "jokes" | "stories" | "tales")
                || matches!(at(i + 1), "the" | "a")
                    && matches!(at(i + 2), "truth" | "lie" | "joke" | "story" | "tale"));
        if matches!(verb.lemma, "promise" | "tell") && !subordinate
            || tells_a_tale
            || self.lw(i - 1) == "worth"
        {
            return None;
        }
        if !subordinate && i < r.start + 2 {
            return None;
        }
        let class = CueKind::Verb(verb.class);
        if subordinate && p - 1 == r.start {
            // "After saying he was nervous, the man asked": what was said ends at the
            // clause's comma, and the subject after it is the speaker.
            let (comma, source) = self.subject_after_opening_clause(i, r.end)?;
            let content = self.clause_after(i, r.start..comma);
            self.push(out, i, i, class, Some(source), content);
            return Some(i + 1);
        }
        if subordinate && p == i {
            // The subject the preposition's clause hangs on.
            // "Marlow upset the growers by saying": a name's walk ran on over a verb no list
            // knows; the name ends where its capitals do.
            let source = self
                .sentence_speaker(r.clone(), out, true)
                .map(|(a, b)| {
                    if !self.cap(a) || w::DETERMINERS.contains(self.lw(a)) {
                        return (a, b);
                    }
                    let run = (a..=b)
                        .take_while(|&k| self.cap(k) || self.lw(k) == ".")
                        .last()
                        .unwrap_or(a);
                    (a, run)
                })
                .filter(|&(_, b)| b + 1 < i);
            let content = self.clause_after(i, r.clone());
            self.push(out, i, i, class, source, content);
            if source.is_none() {
                out.update_last(|last| last.cue_kind = class);
            }
            return Some(i + 1);
        }
        // "the cost of saying", "it is worth noting": only a phrase that can speak.
        if !self.can_head(i - 1) || self.lw(i - 1).ends_with("ing") {
            return None;
        }
        let source = self.np_left(i, r.start)?;
        // "called a report suggesting … outrageous": the phrase is the object of another
        // speaker's verb, which judges it rather than cites it.
        if source.0 > r.start && verbs::lookup(self.lw(source.0 - 1)).is_some_and(|v| v.is_finite())
        {
            return None;
        }
        let content = self.clause_after(i, r.clone());
        self.push(out, i, i, class, Some(source), content);
        Some(i + 1)
    }

    /// Whether a document or poll heads the phrase just before token `i`, within a few words
    /// and no punctuation: "a poll out this week shows", "audit files from the vendor show".
    /// The document noun among the first words of the sentence, before `end`: "*A* new
    /// *analysis* of the filings, …, shows".
    fn document_opening(&self, start: usize, end: usize) -> Option<usize> {
        (start..(start + DOCUMENT_OPENING_WORDS).min(end))
            .take_while(|&k| self.is_word(k) && !self.quoted(k))
            .find(|&k| w::DOCUMENT_NOUNS.contains(self.lw(k)))
    }

    fn document_before(&self, i: usize, start: usize) -> bool {
        (i.saturating_sub(8).max(start)..i)
            .rev()
            .take_while(|&k| self.is_word(k) && !self.quoted(k))
            .any(|k| w::DOCUMENT_NOUNS.contains(self.lw(k)) || self.lw(k) == "results")
    }

    /// "…, an aide told the minister, the Daily Ledger reported.": an outlet reporting at the
    /// end of the sentence relays the sources the sentence quoted before it.
    fn relay_trailing_report(
        &self,
        source: (usize, usize),
        r: std::ops::Range<usize>,
        out: &mut Items,
    ) {
        let (a, b) = source;
        let trailing =
            a > r.start + 1 && self.lw(a - 1) == "," && (b + 2 >= r.end || !self.is_word(b + 2));
        let Some(reported) = out.last() else {
            return;
        };
        if !trailing || reported.kind != SourceKind::Media {
            return;
        }
        let outlet = self.join(a, b);
        for i in (0..out.len() - 1).rev() {
            let Some(mut item) = out.get(i).filter(|x| x.sentence() == self.s) else {
                break;
            };
            if item.source().is_some() && item.relayed_by().is_none() {
                item.set_relayed_by(outlet);
                out.set(i, item);
            }
        }
    }

    /// "told the Sunday Times", "told the site": the listener of "told" is an outlet, so the
    /// source reaches the story through that outlet's reporting.
    fn mark_relay(&self, from: usize, r: std::ops::Range<usize>, out: &mut Items) {
        let Some(outlet) = self.outlet_at(from, r.end) else {
            return;
        };
        out.update_last(|last| last.set_relayed_by(outlet));
    }

    /// The outlet named by the phrase starting at `from` ("the Sunday Times", "the site"), if it
    /// names one.
    fn outlet_at(&self, from: usize, end: usize) -> Option<Span> {
        let (a, b) = self.np_right(from, end)?;
        // "told Reuters the plan was dead", "told Reuters by phone": the phrase runs on past
        // the listener into what was told, and the outlet is the name alone.
        // A name that only looks like a title is cut off only where a new phrase plainly
        // starts: "officials told Marlow residents" spoke to residents, not to an outlet.
        let name_end = self.name_run_end(a, b);
        if name_end < b && self.is_outlet(a, name_end) {
            let next = self.lw(name_end + 1);
            let new_phrase = next == "that"
                || fw::in_any(
                    &[
                        fw::ARTICLES,
                        fw::DEMONSTRATIVES,
                        fw::POSSESSIVE_DETERMINERS,
                        fw::NUMBER_WORDS,
                        fw::PERSONAL_PRONOUNS,
                        fw::PREPOSITIONS,
                        fw::SUBORDINATORS,
                        fw::WH_WORDS,
                    ],
                    next,
                );
            if new_phrase || self.names_listed_outlet(a, name_end) {
                return Some(self.join(a, name_end));
            }
        }
        self.is_outlet(a, b).then(|| self.join(a, b))
    }

    /// Whether words `a..=b` hold an outlet the media list knows ("the BBC") or call letters.
    fn names_listed_outlet(&self, a: usize, b: usize) -> bool {
        (a..=b).any(|k| {
            let bare = self.lw(k).trim_end_matches("'s").trim_end_matches("’s");
            w::MEDIA_NAMES.contains(bare) && self.cap(k)
        }) || (a == b && is_call_sign(self.story.text(self.span(a))))
    }

    /// Whether words `a..=b` name an outlet: a known media name, a media noun at the end ("the
    /// newspaper"), a title's shape or a broadcaster's call letters.
    fn is_outlet(&self, a: usize, b: usize) -> bool {
        let media_noun_last = w::MEDIA_NOUNS.contains(self.lw(b)) || self.lw(b) == "site";
        self.names_listed_outlet(a, b) || media_noun_last || self.titled_listener(a, b)
    }

    /// The last word of the capitalised name that opens words `a..=b`, after an optional
    /// "the", with the media nouns after it: "the Wall Street Journal", "the Times of India",
    /// "the Reuters news agency". `b` when the phrase does not open with a name.
    fn name_run_end(&self, a: usize, b: usize) -> usize {
        let first = if self.lw(a) == "the" { a + 1 } else { a };
        if first > b || !self.cap(first) || !self.is_word(first) {
            return b;
        }
        let mut last = first;
        for k in first + 1..=b {
            if self.cap(k) && self.is_word(k) {
                last = k;
            } else if !matches!(self.lw(k), "of" | "the" | "and" | "&") {
                break;
            }
        }
        while last < b && w::MEDIA_NOUNS.contains(self.lw(last + 1)) {
            last += 1;
        }
        last
    }

    /// "told Eater", "told The Atlantic": a listener that reads as a publication by its shape,
    /// for outlets no list knows. Only a title is read so: "the" before a capitalised word
    /// (people take no article), or one capitalised word the story never uses as a surname
    /// (after another capitalised word) and that names no office or institution.
    fn titled_listener(&self, a: usize, b: usize) -> bool {
        let named = |k: usize| {
            self.cap(k)
                && self.is_word(k)
                && !w::is_title(self.lw(k))
                && !w::ORG_WORDS.contains(self.lw(k))
                && !w::is_calendar(self.lw(k))
                && !w::is_pronoun(self.lw(k))
        };
        let capital_the = self.story.source()[self.span(a).range()].starts_with("The");
        if capital_the && a < b && (a + 1..=b).all(named) {
            return true;
        }
        // "MPs", "CNBC", "NATO": plurals and acronyms are left to the list.
        let text = self.story.text(self.span(a));
        let title_case = text.chars().skip(1).all(char::is_lowercase);
        if a != b || !named(a) || !title_case {
            return false;
        }
        let word = self.lw(a);
        let as_surname = self.used_as_surname_before(word, a);
        // The story's end is outside the paragraph as much as the next paragraph's first word.
        self.touch(a + 1);
        let later_full_name =
            a + 1 < self.story.tokens.len() && self.cap(a + 1) && self.is_word(a + 1);
        !as_surname && !later_full_name
    }

    /// "sources cited by the Financial Times", "an aide quoted by the site": the source reached
    /// the story through that outlet's reporting, as with "told the Sunday Times".
    fn relay_after_source(&self, source_end: usize) -> Option<Span> {
        let end = self.range().end;
        if source_end + 3 >= end
            || !matches!(self.lw(source_end + 1), "cited" | "quoted")
            || self.lw(source_end + 2) != "by"
        {
            return None;
        }
        self.outlet_at(source_end + 3, end)
    }

    /// `“…” — Ann Lee`: a dash after a quotation signs the words with a name.
    fn signature_cue(&self, i: usize, r: std::ops::Range<usize>, out: &mut Items) -> Option<usize> {
        let before = self.span(i).start;
        let last_before = self
            .story
            .quotes
            .partition_point(|q| q.span().end <= before);
        // A quotation of an earlier paragraph can sign over nothing but white space.
        if last_before <= self.para.quotes.start
            && self
                .story
                .text(Span::new(self.para.span.start.min(before), before))
                .trim()
                .is_empty()
        {
            self.record.outside.set(true);
        }
        let quote = self
            .story
            .quotes
            .get(last_before.checked_sub(1)?)
            .filter(|q| {
                self.story
                    .text(Span::new(q.span().end.min(before), before))
                    .trim()
                    .is_empty()
            })
            .map(|q| q.span());
        let quote = quote?;
        let (a, b) = self.np_right(i + 1, r.end)?;
        if !(a..=b).all(|k| self.cap(k) || !self.is_word(k)) || b - a > 4 {
            return None;
        }
        // The name ends the sentence or is followed by its role or a date: "— Ann Lee, May 3".
        if b + 1 < r.end && !matches!(self.lw(b + 1), "." | "(" | ",") {
            return None;
        }
        self.push(out, i, i, CueKind::Colon, Some((a, b)), Some(quote));
        Some(b + 1)
    }

    /// "A cabinet minister: “…”": a short phrase that opens the sentence, then a colon and a
    /// quotation.
    fn colon_cue(&self, i: usize, r: std::ops::Range<usize>, out: &mut Items) -> Option<usize> {
        if let Some(owner) = self.owner_of_saying_before(i, r.start) {
            // "Her answer: the council would not budge."
            let content = self
                .quote_starting_after(i)
                .or_else(|| self.clause_after(i, r.clone()));
            self.push(out, i, i, CueKind::Colon, Some(owner), content);
            return Some(i + 1);
        }
        if let Some(next) = self.colon_closing_a_clause(i, r.clone(), out) {
            return Some(next);
        }
        // "Rep. Ann Boyd (D-Ore.): “…”": the party and state after a name are no part of it.
        let before = if i > r.start + 2 && self.lw(i - 1) == ")" {
            (i.saturating_sub(8).max(r.start)..i - 1)
                .rev()
                .find(|&k| self.lw(k) == "(")
                .unwrap_or(i)
        } else {
            i
        };
        let source = self.np_left(before, r.start)?;
        let quote = self.quote_starting_after(i);
        // "IOWA POLLS TOO EARLY - Ann Lee and Tom Roe: “…”": a roundup names each voice after
        // a dash, where the walk left stopped (a spaced dash, not the hyphen of "Lee-Roe").
        let after_dash = source.0 > r.start
            && self.is_dash(source.0 - 1)
            && quote.is_some()
            && self.cap(source.0);
        if !after_dash && source.0 != r.start {
            return None;
        }
        if (source.0..source.1 + 1).any(|k| verbs::lookup(self.lw(k)).is_some()) {
            return None;
        }
        // "Correction: …", "Breaking: …", "Editor's note: …": a newsroom's label, not an
        // outlet ("AP: …").
        let label = (source.0..=source.1)
            .filter(|&k| self.is_word(k))
            .all(|k| w::COLON_LABELS.contains(self.lw(k)) && !w::MEDIA_NAMES.contains(self.lw(k)));
        if label {
            return None;
        }
        let content = match quote {
            // "The result: “…”": a label before a quotation gives no one its words.
            Some(_) if self.classify(source.0, source.1).0 == SourceKind::Other => return None,
            Some(quote) => quote,
            None => {
                // "One senior MP: the whips have lost count." — without quotation marks only a
                // person or a document alone ("Poll: the race is tied") can stand before the
                // colon (not "Update:" or "Key points:"), in the body, with a clause after it.
                let person = match self.classify(source.0, source.1).0 {
                    SourceKind::NamedPerson
                    | SourceKind::OfficeHolder
                    | SourceKind::UnnamedPerson => true,
                    SourceKind::Media => source.0 == source.1,
                    _ => false,
                };
                let body = !self.in_top_matter(self.span(i).start);
                let clause = self.clause_after(i, r.clone())?;
                let words = self.story.text(clause).split_whitespace().count();
                // "NY Post: Kelly Is No Different", "Cruz: Trump Would Put Liberals on Court":
                // a headline gives a named voice or outlet its words with a colon; a label
                // ("Ukraine war:", "Live:") is no source.
                let headline_voice = !body
                    && (source.0..=source.1).all(|k| self.cap(k) || !self.is_word(k))
                    && matches!(
                        self.classify(source.0, source.1).0,
                        SourceKind::NamedPerson
                            | SourceKind::NamedOrganisation
                            | SourceKind::OfficeHolder
                            | SourceKind::Media
                    );
                if !(person && body && words >= 4
                    || headline_voice && words >= 3
                    || body && self.transcript_label(source) && words >= 3)
                {
                    return None;
                }
                clause
            }
        };
        self.push(out, i, i, CueKind::Colon, Some(source), Some(content));
        Some(i + 1)
    }

    /// "Ms Lee listed three reasons: “…”": a clause whose subject speaks, closed by a colon
    /// that opens a quotation, gives the subject the quotation. A subject must be followed by
    /// a verb ("The result: “…”" has none), and must be able to speak.
    fn colon_closing_a_clause(
        &self,
        colon: usize,
        r: std::ops::Range<usize>,
        out: &mut Items,
    ) -> Option<usize> {
        // The clause runs from the sentence start, so only a sentence's first colons can
        // close one; reading every colon of a sentence that never ends back to its start
        // would be quadratic.
        if colon.saturating_sub(r.start) > MAX_COLON_CLAUSE_TOKENS {
            return None;
        }
        let quote = self.quote_starting_after(colon)?;
        // The subject ends before the first word that reads as the clause's verb.
        let reads_as_verb = |k: usize| {
            let lw = self.lw(k);
            self.is_word(k)
                && !self.cap(k)
                && (verbs::lookup(lw).is_some_and(|v| v.is_finite()) || w::is_clause_verb(lw))
        };
        let verb = (r.start + 1..colon).find(|&k| reads_as_verb(k))?;
        let subject_end = self.back_over_intervening(verb, r.start + 1);
        let subject = self
            .np_left(subject_end, r.start)
            .filter(|&(a, _)| a == r.start)?;
        // "…were arrested after the meeting was interrupted by protesters chanting: “…”": a
        // second clause or a participle before the colon holds the words, not the subject.
        let second_clause = (verb + 1..colon).any(|k| {
            let lw = self.lw(k);
            fw::SUBORDINATORS.contains(&lw)
                || fw::RELATIVE_PRONOUNS.contains(&lw)
                || fw::BE_FORMS.contains(&lw)
                || matches!(lw, "after" | "before" | "until" | "since")
                || lw.len() > 4 && lw.ends_with("ing")
        });
        if verb + 1 >= colon || second_clause {
            return None;
        }
        let speaks = matches!(
            self.classify(subject.0, subject.1).0,
            SourceKind::NamedPerson
                | SourceKind::Pronoun
                | SourceKind::OfficeHolder
                | SourceKind::UnnamedPerson
                | SourceKind::NamedOrganisation
                | SourceKind::Media
        );
        // "Ms Lee told the council: “…”": the verb is the cue already.
        let clause = Span::new(self.span(r.start).start, self.span(colon).start);
        let verb_cued = out.iter().any(|a| clause.covers(a.cue()));
        if !speaks || verb_cued {
            return None;
        }
        self.push(
            out,
            colon,
            colon,
            CueKind::Colon,
            Some(subject),
            Some(quote),
        );
        Some(colon + 1)
    }

    /// "TAPPER: And you back him?": a transcript gives each turn its speaker in capitals. One
    /// to three words of two letters or more ("Q:" asks for no one), none a label word.
    fn transcript_label(&self, (a, b): (usize, usize)) -> bool {
        b - a < 3
            && (a..=b).all(|k| {
                let text = self.story.text(self.span(k));
                self.is_word(k)
                    && text.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && !text.chars().any(|c| c.is_lowercase())
                    && !w::COLON_LABELS.contains(self.lw(k))
            })
    }

    /// The owner of a saying named just before token `colon`: "*Her* answer:", "*the
    /// minister's* reply:".
    fn owner_of_saying_before(&self, colon: usize, start: usize) -> Option<(usize, usize)> {
        let noun = colon.checked_sub(1).filter(|&k| k > start)?;
        if !w::COLON_SAYINGS.contains(self.lw(noun)) {
            return None;
        }
        let owner = noun - 1;
        let lw = self.lw(owner);
        if w::POSSESSIVE_PRONOUNS.contains(&lw) {
            Some((owner, owner))
        } else if lw.ends_with("'s") || lw.ends_with("s'") {
            self.np_left(owner + 1, start)
        } else {
            None
        }
    }

    /// "leads in the polls", "in a CNN poll released Monday, 52 percent …": the poll is the
    /// source of the figures around it.
    fn poll_cue(&self, i: usize, r: std::ops::Range<usize>, out: &mut Items) -> Option<usize> {
        let last = (i + 9).min(r.end.saturating_sub(1));
        let poll = (i + 1..=last)
            .take_while(|&k| self.is_word(k) || matches!(self.lw(k), "/" | "-" | "'s" | "’s"))
            .find(|&k| w::POLL_NOUNS.contains(&self.lw(k)))?;
        if (i + 1..poll).any(|k| matches!(self.lw(k), "and" | "or" | "than")) {
            return None;
        }
        let content = if i == r.start {
            // "In a poll released Monday, 52 percent …": the figures follow the opening phrase.
            let comma = (poll + 1..r.end).find(|&k| self.lw(k) == ",")?;
            self.clause_after(comma, r.clone())
        } else {
            self.clause_before(i, r.start)
        };
        content?;
        self.push(
            out,
            i,
            i,
            CueKind::Preposition,
            Some((i + 1, poll)),
            content,
        );
        // A pollster's name does not make the poll a person.
        out.update_last(|last| last.kind = SourceKind::Media);
        Some(poll + 1)
    }

    /// "his claim that", "amid accusations that", "has faced criticism", "reports that".
    fn nominal_cue(&self, i: usize, r: std::ops::Range<usize>, out: &mut Items) -> Option<usize> {
        let next = if i + 1 < r.end { self.lw(i + 1) } else { "" };
        let prev = if i > r.start { self.lw(i - 1) } else { "" };
        let prev2 = if i > r.start + 1 { self.lw(i - 2) } else { "" };
        // "there was speculation that", "there have been claims of"
        // "there was also concern that", "there is growing speculation that": one word of
        // degree between the verb and the noun.
        let degree = matches!(
            prev,
            "also" | "still" | "now" | "growing" | "increasing" | "widespread" | "mounting"
        );
        let existential = (i > r.start + 1 && w::BE_FORMS.contains(&prev) && prev2 == "there")
            || (degree
                && i > r.start + 2
                && w::BE_FORMS.contains(&prev2)
                && self.lw(i - 3) == "there")
            || (i > r.start + 2
                && prev == "been"
                && fw::HAVE_FORMS.contains(&prev2)
                && self.lw(i - 3) == "there");
        let noun = self.lw(i);
        // "leading to claims that", "which led to accusations of": a frame of two words.
        let led_to = prev == "to" && matches!(prev2, "leading" | "led" | "leads" | "lead");
        let framed = w::frames_nominal_cue(prev, noun)
            || existential
            || led_to
            || (w::frames_nominal_cue(prev2, noun) && !self.lw(i - 1).ends_with(','));
        // "the 40 reports that were logged", "claims that have been made": a verb straight
        // after "that" makes it the relative clause's subject, not the start of what was
        // reported.
        let relative = next == "that"
            && i + 2 < r.end
            && [fw::BE_FORMS, fw::HAVE_FORMS, fw::MODALS]
                .iter()
                .any(|forms| forms.contains(&self.lw(i + 2)));
        let opens_content = matches!(next, "that" | "of" | "from" | "by") && !relative;
        if !framed && !opens_content {
            return self.owned_saying(i, r, out);
        }
        // "amid opposition anger", "opposition leaders": the party, not a protest.
        if self.lw(i) == "opposition"
            && i + 1 < r.end
            && self.is_word(i + 1)
            && !fw::PREPOSITIONS.contains(&next)
            && !matches!(next, "that" | "and" | "or")
        {
            return None;
        }
        // "accusations from X", "criticism by X"
        if matches!(next, "from" | "by") {
            if let Some(source) = self.np_right(i + 2, r.end) {
                let content = self.clause_before(i, r.start);
                self.push(out, i, i + 1, CueKind::Nominal, Some(source), content);
                return Some(source.1 + 1);
            }
        }
        // "the ministry's claim that", "his claim that"
        if i > r.start && next == "that" {
            let owner = i - 1;
            let lw = self.lw(owner);
            if w::POSSESSIVE_PRONOUNS.contains(&lw) {
                let content = self.clause_after(i, r.clone());
                self.push(out, i, i, CueKind::Nominal, Some((owner, owner)), content);
                return Some(i + 1);
            }
            if lw.ends_with("'s") || lw.ends_with("s'") {
                if let Some((a, b)) = self.np_left(owner + 1, r.start) {
                    // "apologised for his campaign's claim that": the owner's phrase opens at
                    // its own determiner, not at the clause the walk ran back over.
                    let a = (a..owner)
                        .rev()
                        .find(|&k| {
                            let lw = self.lw(k);
                            fw::ARTICLES.contains(&lw) || fw::POSSESSIVE_DETERMINERS.contains(&lw)
                        })
                        .unwrap_or(a);
                    let source = (a, b);
                    let content = self.clause_after(i, r.clone());
                    self.push(out, i, i, CueKind::Nominal, Some(source), content);
                    return Some(i + 1);
                }
            }
        }
        if framed || (next == "that" && w::AGENTLESS_NOUNS.contains(&self.lw(i))) {
            let start = if existential {
                if prev == "been" || degree {
                    i - 3
                } else {
                    i - 2
                }
            } else if led_to {
                i - 2
            } else if framed && w::frames_nominal_cue(prev, noun) {
                i - 1
            } else if framed
                && w::frames_nominal_cue(prev2, noun)
                && !fw::ARTICLES.contains(&prev)
                && !fw::POSSESSIVE_DETERMINERS.contains(&prev)
                && !prev.ends_with("'s")
                && !prev.ends_with("s'")
                && prev != "opposition"
                && !self.cap(i - 1)
            {
                // "has faced stiff criticism": the frame with its adjective, not a lone noun
                // that might be someone's named just before. The word between must describe
                // the criticism, not own it: "denied the claims", "dismissed Roe's claims",
                // "amid Tory claims", "amid opposition claims" all name or point back at a
                // source.
                i - 2
            } else {
                i
            };
            let content = self.clause_after(i, r);
            if w::MEDIA_NOUNS.contains(self.lw(i)) {
                self.push(out, start, i, CueKind::Nominal, Some((i, i)), content);
            } else {
                self.push_agentless(out, start, i, content);
            }
            return Some(i + 1);
        }
        self.owned_saying(i, r, out)
    }

    /// "his claims were false", "the mayor's denials": a saying named by its noun, owned by
    /// whoever said it. A report or an opposition the owner only holds is left out.
    fn owned_saying(&self, i: usize, r: std::ops::Range<usize>, out: &mut Items) -> Option<usize> {
        if !w::OWNED_SAYINGS.contains(self.lw(i)) || i == r.start {
            return None;
        }
        // "staked its claim for", "her claim to the nomination": a title held, not a saying.
        let next = |k: usize| if i + k < r.end { self.lw(i + k) } else { "" };
        if matches!(next(1), "on" | "for" | "over")
            || next(1) == "to"
                && (fw::ARTICLES.contains(&next(2)) || i + 2 < r.end && self.cap(i + 2))
        {
            return None;
        }
        let owner = i - 1;
        let lw = self.lw(owner);
        let source = if w::POSSESSIVE_PRONOUNS.contains(&lw) {
            Some((owner, owner))
        } else if lw.ends_with("'s") || lw.ends_with("s'") {
            self.np_left(owner + 1, r.start)
        } else {
            None
        }?;
        self.push(out, i, i, CueKind::Nominal, Some(source), None);
        Some(i + 1)
    }

    fn push(
        &self,
        out: &mut Items,
        cue_a: usize,
        cue_b: usize,
        cue_kind: CueKind,
        source: Option<(usize, usize)>,
        content: Option<Span>,
    ) {
        let (kind, head) = match source {
            Some((a, b)) => self.classify(a, b),
            None => (SourceKind::Agentless, None),
        };
        let cue_kind = if source.is_none() && cue_kind != CueKind::Colon {
            CueKind::Agentless
        } else {
            cue_kind
        };
        out.push(Attribution::new(
            self.s,
            self.join(cue_a, cue_b),
            cue_kind,
            source.map(|(a, b)| self.join(a, b)),
            kind,
            content,
            head,
            source.and_then(|(_, b)| self.relay_after_source(b)),
        ));
    }

    fn push_agentless(&self, out: &mut Items, a: usize, b: usize, content: Option<Span>) {
        self.push(out, a, b, CueKind::Agentless, None, content);
    }

    // ---- noun phrases -------------------------------------------------------------------

    /// Whether token `i` can head a source phrase.
    fn can_head(&self, i: usize) -> bool {
        let lw = self.lw(i);
        // "Critics of the plan say": after an article or an owner a verb's form is a noun.
        let after_determiner = || {
            i > self.range().start && {
                let before = self.lw(i - 1);
                fw::ARTICLES.contains(&before) || fw::POSSESSIVE_DETERMINERS.contains(&before)
            }
        };
        self.is_word(i)
            && !self.quoted(i)
            && !w::NEVER_HEAD.contains(lw)
            && (verbs::lookup(lw).is_none() || w::verb_may_be_noun(lw) || after_determiner())
            // "Kelly", "Daly", "Connolly": a capital makes "-ly" a name, not an adverb.
            && (!lw.ends_with("ly") || self.cap(i) || w::NOUNS_IN_LY.contains(lw))
    }

    /// The source phrase ending just before token `end` (the cue or its auxiliaries), walking
    /// left over modifiers, "of X", "familiar with", a relative clause and "X and Y".
    fn np_left(&self, end: usize, start: usize) -> Option<(usize, usize)> {
        if end <= start {
            return None;
        }
        let mut head = end - 1;
        // "Locals here say": a place adverb after the plural it places.
        if head > start
            && matches!(self.lw(head), "here" | "there")
            && self.is_plural_noun(head - 1)
        {
            head -= 1;
        }
        // "Those close to him say", "the man next to them said": a pronoun ending the phrase
        // is its preposition's object, not its head.
        let object = head > start && self.object_of_preposition(head);
        if !object && !self.can_head(head) {
            return None;
        }
        if !object && w::is_pronoun(self.lw(head)) {
            return Some((head, head));
        }
        let mut a = head;
        let floor = head.saturating_sub(MAX_SOURCE_WORDS).max(start);
        while a > floor {
            let k = a - 1;
            let lw = self.lw(k);
            if self.quoted(k) {
                break;
            }
            if self.is_word(k) {
                if w::NP_STOP.contains(lw)
                    || fw::ADVERBIAL_PREPOSITIONS.contains(&lw)
                    || w::is_pronoun(lw) && !w::POSSESSIVE_PRONOUNS.contains(&lw)
                {
                    // "one backbencher who backs the chancellor said": a relative clause
                    // inside the description is part of it.
                    if let Some(rel) = self.relative_before(k, floor) {
                        a = rel;
                        continue;
                    }
                    break;
                }
                // "Its comments came after the minister said": inside a clause, "after" and
                // "before" open another; the source starts past them. At a clause's start
                // they open an adverbial the walk trims below ("After the vote officials
                // said").
                if matches!(lw, "after" | "before") && k > floor && self.is_word(k - 1) {
                    break;
                }
                if lw == "and" || lw == "&" {
                    // "Smith and Jones said", not "the vote was close and officials said".
                    if k > floor && self.cap(k - 1) && self.cap(a) {
                        a = k;
                        continue;
                    }
                    break;
                }
                if verbs::lookup(lw).is_some_and(|v| v.is_finite() && !w::verb_may_be_noun(lw)) {
                    if let Some(rel) = self.relative_before(k, floor) {
                        a = rel;
                        continue;
                    }
                    break;
                }
                a = k;
                // "there was speculation the minister might": a noun of talk before the
                // article opens the content ("that" left out); it describes no one.
                // "told parliament the report showed": the listener a verb of telling takes
                // comes before the content's own subject ("that" left out).
                if matches!(lw, "the" | "a" | "an")
                    && k > floor
                    && (w::NOMINAL_CUES.contains(self.lw(k - 1))
                        || k > floor + 1
                            && self.is_word(k - 1)
                            && matches!(
                                self.lw(k - 2),
                                "told"
                                    | "tell"
                                    | "tells"
                                    | "telling"
                                    | "assured"
                                    | "reminded"
                                    | "informed"
                                    | "warned"
                            ))
                {
                    break;
                }
            } else if lw == "-" && !self.is_typed_dash(k)
                || lw == "'"
                || lw == "’" && k > floor && self.lw(k - 1).ends_with('s')
                // "Aides to Mr. Sanders say": the point of a title's abbreviation.
                || lw == "." && k > floor && w::is_abbreviated_title(self.lw(k - 1))
                // "Sen. Robert P. Casey said": the point of a middle initial.
                || lw == "." && k > floor + 1 && self.is_initial(k - 1) && self.cap(k + 1)
                // "On Jan. 5 Kerry said": the point of a month's abbreviation in a date that
                // opens the phrase, trimmed below with the rest of the date.
                || lw == "."
                    && k > floor + 1
                    && k + 1 < head
                    && self.in_date(k)
                    && (w::LEADING_ADVERBIAL.contains(self.lw(k - 2))
                        || w::DETERMINERS.contains(self.lw(k - 2)))
                || super::phrase::in_bracketed_initials(self.story, k)
            {
                a = k;
            } else {
                break;
            }
        }
        // A walk that stopped on a preposition took an adverbial: "On Monday officials said".
        while a < head && w::LEADING_ADVERBIAL.contains(self.lw(a)) {
            // "Later the prime minister said": after an adverb rather than a preposition, an
            // article starts the subject unless a word of time follows it ("later that week").
            let adverb = w::LEADING_ADVERBS.contains(self.lw(a));
            a += 1;
            // After a date too ("In 1998 the party said"), the article is the subject's.
            let mut after_date = false;
            while a < head
                && (self.cap(a) && w::is_calendar(self.lw(a))
                    || w::TIME_WORDS.contains(self.lw(a))
                    || self.in_date(a))
                && !((adverb || after_date)
                    && w::DETERMINERS.contains(self.lw(a))
                    && !(a + 1 < head && w::TIME_WORDS.contains(self.lw(a + 1))))
            {
                after_date = self.in_date(a);
                a += 1;
            }
        }
        while a < head && matches!(self.lw(a), "and" | "but" | "-" | "of") {
            a += 1;
        }
        // "Just over a quarter say": a share keeps the hedge the trim above took for an
        // adverbial.
        if w::is_share(self.lw(head)) && self.share_hedge_runs(start, a) {
            a = start;
        }
        Some((a, head))
    }

    /// Whether the words from `start` up to token `a` are all a share's hedge ("just over a",
    /// "nearly"), with at least one of them.
    fn share_hedge_runs(&self, start: usize, a: usize) -> bool {
        a > start
            && (start..a).all(|k| {
                w::SHARE_HEDGES.contains(&self.lw(k)) || fw::ARTICLES.contains(&self.lw(k))
            })
    }

    /// Whether token `k` is an object pronoun after a preposition of a description: "close
    /// to him", "loyal to them". Not "heard him", "let them", nor "her", which as often owns
    /// what follows ("criticism for her remarks").
    fn object_of_preposition(&self, k: usize) -> bool {
        k > self.range().start
            && matches!(self.lw(k), "him" | "them" | "us" | "me")
            && matches!(
                self.lw(k - 1),
                "to" | "with" | "of" | "for" | "about" | "near" | "around" | "behind" | "like"
            )
    }

    /// Whether token `i` is a year, a decade or a month's day or point ("2017", "1980s",
    /// "Jan. 5"): after a preposition it says when, not who ("In 2017 Kerry said", "By 2018
    /// officials said"), though a number alone may count the source ("On Monday 300
    /// protesters said").
    fn in_date(&self, i: usize) -> bool {
        let lw = self.lw(i);
        let number = |k: usize| self.lw(k).bytes().all(|b| b.is_ascii_digit());
        let after_month = |k: usize| {
            k > 0 && {
                let k = if self.lw(k - 1) == "." { k - 1 } else { k };
                k > 0 && self.cap(k - 1) && super::phrase::is_month(self.lw(k - 1))
            }
        };
        // A decade's "s" comes apart from its digits ("1980s", "80s").
        let decade_follows = |k: usize| {
            k + 1 < self.range().end
                && self.lw(k + 1) == "s"
                && self.span(k + 1).start == self.span(k).end
        };
        match lw {
            "." => after_month(i + 1),
            "s" => i > 0 && number(i - 1) && decade_follows(i - 1),
            _ if !number(i) => {
                // The month's own short form ("Jan"), which the calendar words leave out.
                self.cap(i)
                    && super::phrase::is_month(lw)
                    && i + 1 < self.range().end
                    && self.lw(i + 1) == "."
            }
            _ => match lw.len() {
                4 => matches!(&lw[..2], "18" | "19" | "20"),
                2 if decade_follows(i) => true,
                1 | 2 => after_month(i),
                _ => false,
            },
        }
    }

    /// Where a relative clause that ends at `k` starts its antecedent: "one backbencher *who*
    /// backs the chancellor"; `None` without a relative pronoun close enough.
    fn relative_before(&self, k: usize, floor: usize) -> Option<usize> {
        let mut j = k + 1;
        while j > floor + 1 {
            j -= 1;
            let lw = self.lw(j);
            if !self.is_word(j) && lw != "-" {
                return None;
            }
            if matches!(lw, "who" | "whose") {
                return (j > floor && self.can_head(j - 1) && !w::is_pronoun(self.lw(j - 1)))
                    .then_some(j);
            }
            if k - j > 7 {
                return None;
            }
        }
        None
    }

    /// The subject before an appositive: "Jane Roe, an analyst at the bank, said", "Ann Lee,
    /// director of the institute, which …, said". The earliest comma that follows a name or
    /// opens an appositive wins, so a relative clause inside the appositive stays in it.
    fn appositive_subject(&self, comma: usize, start: usize) -> Option<(usize, usize)> {
        // The walk reads back from the comma to the nearest stop, at most
        // MAX_APPOSITIVE_TOKENS tokens and never to the sentence's first token; callers pass
        // the sentence's first token as `start`.
        let start = start.max(self.range().start);
        let lowest = (start + 1).max(comma.saturating_sub(MAX_APPOSITIVE_TOKENS));
        if comma <= lowest {
            return None;
        }
        let marks = self.appositive_marks();
        let last_before = |list: &[u32]| {
            let k = list.partition_point(|&t| (t as usize) < comma);
            k.checked_sub(1).map(|k| list[k] as usize)
        };
        let stop = last_before(&marks.stops).max(self.marks().last_quoted_before(comma));
        let from = stop.map_or(lowest, |stop| lowest.max(stop + 1));
        // "U.S. officials, however, said": an adverb set off by commas, not an appositive.
        if let Some(c) = (from..comma).rev().find(|&k| self.lw(k) == ",") {
            let aside = (c + 1..comma).all(|k| {
                self.intervenes(k)
                    || matches!(
                        self.lw(k),
                        "however" | "meanwhile" | "instead" | "though" | "too" | "in" | "turn"
                    )
            });
            if aside && c + 1 < comma {
                return self.np_left(c, start);
            }
        }
        // "The weakness of the dollar, the currency used for oil, is making the price hard to
        // hold, said Sam Cole": a finite verb after the appositive's close makes the whole a
        // clause, whose speaker comes after the verb. Not where a relative clause holds the
        // verb: "Ann Lee, whose town, Dover, is flooded, argues".
        if let Some(close) = (from..comma).rev().find(|&k| self.lw(k) == ",") {
            let predicate = close + 1 < comma && {
                let lw = self.lw(close + 1);
                !matches!(lw, "be" | "been")
                    && fw::in_any(
                        &[fw::BE_FORMS, fw::HAVE_FORMS, fw::MODALS, fw::DO_FORMS],
                        lw,
                    )
                    && !(from..close).any(|k| {
                        fw::RELATIVE_PRONOUNS.contains(&self.lw(k)) || self.lw(k) == "that"
                    })
            };
            if predicate {
                return None;
            }
        }
        let first_opener = marks.openers.partition_point(|&c| (c as usize) < from);
        marks.openers[first_opener..]
            .iter()
            .map(|&c| c as usize)
            .take_while(|&c| c < comma)
            .find_map(|c| {
                let (named, name_follows, opener) = self.appositive_signs(c);
                // "Rep. Ann Lee (D-Ore.), chair of …, said": the name before its parenthesis.
                let (a, _) = if self.lw(c - 1) == ")" {
                    self.parenthesised_subject(c - 1, start)?
                } else {
                    self.np_left(c, start)?
                };
                // "Just under a third, 31%, say": a share's hedge opens the subject.
                let hedged = w::is_share(self.lw(c - 1)) && self.share_hedge_runs(start, a);
                let a = if hedged { start } else { a };
                // "Launching the service, the minister, Ann Lee, said": a participle's clause
                // before the subject, not the subject.
                if self.participle_opening(a) {
                    return None;
                }
                // "And the union's president, Ann Lee, said": a conjunction opening the
                // sentence stands outside the subject.
                let at_boundary = a == start
                    || !self.is_word(a - 1)
                    || a - 1 == start
                        && matches!(self.lw(start), "and" | "but" | "yet" | "so" | "even");
                ((named || name_follows) && (opener || at_boundary) || opener && at_boundary)
                    .then_some((a, comma - 1))
            })
    }

    /// Whether the comma at `c` has a name or pronoun before it, a name after it, or a word
    /// after it that opens an appositive ("an analyst", "director of", "Lee's deputy", "led
    /// by").
    fn appositive_signs(&self, c: usize) -> (bool, bool, bool) {
        let named = self.cap(c - 1) || w::is_pronoun(self.lw(c - 1)) || self.lw(c - 1) == ")";
        // "The party's chairman, Ann Lee, said": the name is the appositive.
        let name_follows = self.cap(c + 1) && !w::is_calendar(self.lw(c + 1));
        let at = |k: usize| if k < self.range().end { self.lw(k) } else { "" };
        let after = self.lw(c + 1);
        // "The advisers, led by Ann Lee, said", "Donors, including two bankers, said": a
        // participle with its agent, or a list of members, describes the subject too.
        let participle = after == "led" || after.len() > 4 && after.ends_with("ed");
        let next_word = at(c + 2);
        // "Economists, like their rivals, say", "The hawks, like Rubio, say": a likeness is an
        // aside on the subject too.
        let likeness = after == "like"
            && (self.cap(c + 2) || w::DETERMINERS.contains(next_word))
            && self.is_word(c + 2);
        let aside = after == "including" || likeness || participle && next_word == "by";
        // "about two-thirds, 67 percent, say": a poll's share restated as a figure, alone
        // between its commas.
        let figure = after.bytes().next().is_some_and(|b| b.is_ascii_digit())
            && (after.ends_with('%') && at(c + 2) == ","
                || w::is_share(at(c + 2)) && at(c + 3) == ",");
        let opener =
            w::APPOSITIVE_OPENERS.contains(&after) || after.ends_with("'s") || aside || figure;
        (named, name_follows, opener)
    }

    /// The sentence's stops and appositive commas, read once (see [`AppositiveMarks`]). The
    /// sentence's first and last tokens are left out: the walk never reaches either.
    fn appositive_marks(&self) -> &AppositiveMarks {
        self.appositive_marks.get_or_init(|| {
            let (mut stops, mut openers) = (Vec::new(), Vec::new());
            let range = self.range();
            for j in range.start + 1..range.end.saturating_sub(1) {
                if self.quoted(j) {
                    continue;
                }
                let lw = self.lw(j);
                // "Sanders’ campaign manager", "(D-Md.)": a possessive apostrophe and the point
                // of an abbreviation sit inside an appositive; the sentence's own stop is past it.
                if self.is_quote_mark(j) && !self.plural_possessive_at(j)
                    || matches!(lw, ";" | ":" | "?" | "!")
                {
                    stops.push(narrow(j));
                } else if lw == "," {
                    let (named, name_follows, opener) = self.appositive_signs(j);
                    // Tested once here: a sentence of "said, said, …" has a comma every other
                    // word, and none of them opens an appositive.
                    if named || name_follows || opener {
                        openers.push(narrow(j));
                    }
                }
            }
            AppositiveMarks { stops, openers }
        })
    }

    /// "Many speakers — including two ministers — said": the subject before a pair of dashes,
    /// with the aside. Typewriter copy spaces a hyphen for each dash ("Ann Lee - his sister -
    /// said"); a hyphen pairs only with a hyphen.
    fn dashed_subject(&self, close: usize, start: usize) -> Option<(usize, usize)> {
        let hyphens = self.lw(close) == "-";
        // A dash typed as two hyphens ("--") is two tokens, either of which may be found.
        let hyphen_before = |k: usize| hyphens && k > start && self.lw(k - 1) == "-";
        let close_start = if hyphen_before(close) {
            close - 1
        } else {
            close
        };
        let open = (close.saturating_sub(25).max(start)..close_start)
            .rev()
            .find(|&k| match self.lw(k) {
                "-" => hyphens,
                "—" | "–" => !hyphens,
                _ => false,
            })?;
        let open = if hyphen_before(open) { open - 1 } else { open };
        if (open..close).any(|k| self.quoted(k) || matches!(self.lw(k), ";" | ":")) {
            return None;
        }
        let (a, _) = self.np_left(open, start)?;
        Some((a, close_start - 1))
    }

    /// "Sen. Ann Lee (D-Ore.) said": the name before the parenthesis, with it.
    fn parenthesised_subject(&self, close: usize, start: usize) -> Option<(usize, usize)> {
        let mut j = close;
        while j > start && close - j < 12 {
            j -= 1;
            if self.lw(j) == "(" {
                let (a, _) = self.np_left(j, start)?;
                return Some((a, close));
            }
        }
        None
    }

    /// The comma that closes an opening clause holding token `i`, and the subject of the main
    /// clause after it: "After saying …, *the man* asked". A name ends where its capitals do
    /// ("Lee went on to"); a description at a past form the walk ran on over ("the leader
    /// stopped short of").
    fn subject_after_opening_clause(
        &self,
        i: usize,
        end: usize,
    ) -> Option<(usize, (usize, usize))> {
        let comma = (i + 1..end).find(|&k| self.lw(k) == "," && !self.quoted(k))?;
        let (a, b) = self.np_right(comma + 1, end)?;
        let b = if self.cap(a) && !w::DETERMINERS.contains(self.lw(a)) {
            (a..=b)
                .take_while(|&k| self.cap(k) || self.lw(k) == ".")
                .last()
                .unwrap_or(a)
        } else {
            (a + 1..=b)
                .find(|&k| !self.cap(k) && self.lw(k).ends_with("ed"))
                .map_or(b, |k| k - 1)
        };
        (b + 1 < end && self.is_word(b + 1) && !self.quoted(b + 1)).then_some((comma, (a, b)))
    }

    /// The sentence's speaker, for a verb that shares it: the source of the sentence's last
    /// attribution, or a name or pronoun opening the sentence.
    fn previous_source(&self, r: std::ops::Range<usize>, out: &Items) -> Option<(usize, usize)> {
        let last = out
            .iter()
            .rev()
            .take_while(|a| a.sentence() == self.s)
            .find_map(|a| a.source())?;
        let a = self.story.token_at_or_after(last.start);
        let mut b = a;
        while b + 1 < r.end && self.span(b + 1).end <= last.end {
            b += 1;
        }
        Some((a, b))
    }

    fn sentence_speaker(
        &self,
        r: std::ops::Range<usize>,
        out: &Items,
        shares_verb: bool,
    ) -> Option<(usize, usize)> {
        if let Some(found) = self.previous_source(r.clone(), out) {
            return Some(found);
        }
        let first = r.start;
        // "Speaking at a rally, Lee went after Cole, calling him": the subject after the
        // participle's clause.
        if first < r.end && self.participle_opening(first) {
            return self
                .subject_after_opening_clause(first, r.end)
                .map(|(_, source)| source);
        }
        if first < r.end
            && (self.cap(first) || w::is_pronoun(self.lw(first)))
            && !self.quoted(first)
        {
            let (a, b) = self.np_right(first, r.end)?;
            // "Ogden toured the plant and said": the walk ran past a verb no list knows. Only
            // a verb of the subject's own clause can share it ("The talk turned to prices,
            // saying …" has no speaker).
            let b = (a + 1..=b)
                .filter(|_| shares_verb)
                .find(|&k| {
                    let lw = self.lw(k);
                    !self.cap(k)
                        && lw.ends_with("ed")
                        && !w::DETERMINERS.contains(self.lw(k - 1))
                        && !fw::ARTICLES.contains(&self.lw(k - 1))
                })
                .map_or(b, |k| k - 1);
            let next = if b + 1 < r.end { self.lw(b + 1) } else { "" };
            // The token after the subject, which may lie past the sentence and the story.
            let after = b + usize::from(r.end > 1);
            return (self.is_word(after) && next != "," || w::is_pronoun(self.lw(a)))
                .then_some((a, b));
        }
        None
    }

    /// A verb form that is also a noun reads as the noun after an article, a possessive or
    /// a preposition ("the states", "his claim", "in an email"), or capitalised mid-sentence.
    fn reads_as_noun(&self, i: usize, start: usize) -> bool {
        if i == start {
            return false;
        }
        let lw = self.lw(i);
        let ambiguous = w::verb_may_be_noun(lw)
            || verbs::lookup(lw).is_some_and(|v| matches!(v.form, Form::Base | Form::ThirdPerson));
        if !ambiguous {
            return false;
        }
        if self.cap(i) {
            // "Senator Says He Will Run": a title-case headline capitalises its verb too.
            let title_case = lw == "says" && self.cap(i - 1) && self.is_word(i - 1);
            return !title_case;
        }
        if w::NOUN_OR_VERB_S.contains(lw) {
            // "Trump attacks", "she notes": a verb after a name or a singular pronoun.
            let prev = self.lw(i - 1);
            let singular_subject = self.cap(i - 1)
                || matches!(prev, "he" | "she" | "it" | "who" | "which" | "that")
                // "Ann Lee, a consultant, notes that": the verb after an appositive.
                || prev == "," && i + 1 < self.range().end && self.lw(i + 1) == "that"
                // "the poll shows", "a report notes": a document speaking, not "report posts".
                || (w::DOCUMENT_NOUNS.contains(prev)
                    || w::MEDIA_NOUNS.contains(prev) && !prev.ends_with('s'))
                    && i >= start + 2
                    && (fw::ARTICLES.contains(&self.lw(i - 2))
                        || fw::POSSESSIVE_DETERMINERS.contains(&self.lw(i - 2))
                        || self.lw(i - 2).ends_with("'s"))
                || (prev.ends_with("ly") && prev.len() > 4)
                // "the candidate plans to", "the government claims he": a singular head that
                // can speak, then what a verb takes, not "campaign claims were".
                || (w::is_person_noun(prev) || w::ORG_WORDS.contains(prev))
                    && !prev.ends_with('s')
                    // "the bloc's 12 member states": a count makes the pair a plural noun.
                    && !(i >= start + 2
                        && super::phrase::is_count(self.lw(i - 2))
                        && !matches!(self.lw(i - 2), "one" | "a" | "an"))
                    && (i + 1 < self.range().end && self.takes_a_clause(i + 1)
                        || self.ends_inverted_cue(i, start))
                // "and calls her “a disgrace”", "calls it a blueprint": an object pronoun
                // follows a verb, never "his calls" or "the calls".
                || i + 1 < self.range().end
                    && matches!(self.lw(i + 1), "him" | "her" | "them" | "it" | "this")
                    && !fw::ARTICLES.contains(&prev)
                    && !fw::POSSESSIVE_DETERMINERS.contains(&prev)
                    && !fw::PREPOSITIONS.contains(&prev)
                    && !prev.ends_with("'s")
                // "A former governor, who served two terms, supports a larger role": the verb
                // after a description closed by a comma, with its object after it.
                || prev == "," && self.opens_object(i + 1) && self.appositive_subject(i - 1, start).is_some()
                // "Footage from the game shows that": a verb of evidence before "that".
                || matches!(lw, "shows" | "suggests" | "indicates" | "finds")
                    && (i + 1 < self.range().end && self.lw(i + 1) == "that"
                        // "an analysis out this week shows Lee ahead": a document speaking.
                        || self.document_before(i, start)
                        // "An analysis of the filings, out on Monday, shows": a document
                        // opens the sentence and a comma closes its description.
                        || prev == "," && self.document_opening(start, i).is_some())
                // "a Bloomberg poll shows that", "early analysis shows Iowa polls": a document
                // before a clause or after a name.
                || w::DOCUMENT_NOUNS.contains(prev)
                    && !prev.ends_with('s')
                    && (i + 1 < self.range().end && self.lw(i + 1) == "that"
                        || self.cap(i - 2.min(i - start)));
            return !singular_subject;
        }
        let prev = self.lw(i - 1);
        if self.goes_on_to(i, start) {
            return false;
        }
        fw::ARTICLES.contains(&prev)
            || fw::POSSESSIVE_DETERMINERS.contains(&prev)
            || fw::DEMONSTRATIVES.contains(&prev) && prev != "that"
            || prev.ends_with("'s")
            || fw::PREPOSITIONS.contains(&prev)
            || matches!(
                prev,
                "no" | "little" | "much" | "any" | "such" | "more" | "less"
            )
    }

    /// "went on to" before token `i`: "She went on to say", "The letter goes on to list".
    fn goes_on_to(&self, i: usize, start: usize) -> bool {
        i >= start + 3
            && self.lw(i - 1) == "to"
            && self.lw(i - 2) == "on"
            && matches!(self.lw(i - 3), "went" | "goes" | "go" | "going" | "gone")
    }

    /// "…, the charity claims.", "…, a consumer charity claims.": verb `i` after its subject
    /// (an article or possessive and at most two more words), with what it reports before the
    /// comma and nothing after it but the sentence's end.
    fn ends_inverted_cue(&self, i: usize, start: usize) -> bool {
        let end = self.range().end;
        let closes = i + 1 == end || i + 2 == end && matches!(self.lw(i + 1), "." | "!" | "?");
        let opens_subject = |k: usize| {
            fw::ARTICLES.contains(&self.lw(k)) || fw::POSSESSIVE_DETERMINERS.contains(&self.lw(k))
        };
        let Some(determiner) = (i.saturating_sub(4).max(start)..i - 1)
            .rev()
            .take_while(|&k| self.is_word(k))
            .find(|&k| opens_subject(k))
        else {
            return false;
        };
        let comma = determiner.checked_sub(1).filter(|&k| k >= start);
        closes
            && comma.is_some_and(|k| {
                self.lw(k) == "," || self.is_quote_mark(k) && k > start && self.lw(k - 1) == ","
            })
    }

    /// Whether token `k` opens what a verb of saying takes: "to", "that", a quotation, a
    /// pronoun or a name as the subject of a clause.
    fn takes_a_clause(&self, k: usize) -> bool {
        let lw = self.lw(k);
        matches!(
            lw,
            "to" | "that" | "he" | "she" | "it" | "they" | "we" | "i"
        ) || self.is_quote_mark(k)
            || self.cap(k) && self.is_word(k)
    }

    /// A base form ("say", "believe") is finite only after a modal or "do" ("would say", "did
    /// not say"), or after a plural subject or "I", "we", "you", "they" ("officials say").
    fn base_has_subject(&self, aux: usize, i: usize, start: usize) -> bool {
        if aux < i {
            let auxiliary = |k: usize| {
                let lw = self.lw(k);
                fw::MODALS.contains(&lw)
                    || fw::DO_FORMS.contains(&lw)
                    || matches!(
                        lw,
                        "must" | "didn't" | "don't" | "doesn't" | "won't" | "wouldn't"
                    )
            };
            if (aux..i).any(auxiliary) {
                return true;
            }
            // "Officials also say", "aides now say that": adverbs alone leave the subject
            // before them to decide, as if the verb stood next to it. Not "couldn't find"
            // (an auxiliary the list above leaves out) nor "Friday night show" (a time).
            // After a plural, words of time may stand there too ("Officials this week say",
            // "Residents on Monday say"), never an auxiliary.
            let after_plural = aux > start && self.is_plural_noun(aux - 1);
            let adverbs_only = (aux..i).all(|k| {
                let lw = self.lw(k);
                let plain = !fw::BE_FORMS.contains(&lw)
                    && !fw::HAVE_FORMS.contains(&lw)
                    && !fw::MODALS.contains(&lw)
                    && !matches!(lw, "had" | "not" | "being")
                    && !lw.ends_with("n't");
                after_plural && plain
                    || matches!(
                        lw,
                        "also"
                            | "now"
                            | "still"
                            | "often"
                            | "never"
                            | "always"
                            | "again"
                            | "even"
                            | "already"
                            | "all"
                            | "both"
                            | "almost"
                    )
                    || lw.len() > 4 && lw.ends_with("ly") && lw != "only"
            });
            if !adverbs_only {
                return false;
            }
        }
        if aux == start {
            return false;
        }
        if self.plural_say(aux, i, start) {
            return true;
        }
        let prev = self.lw(aux - 1);
        // "Supporters of the levy, however, say", "Managers at the depot, which …, say": a
        // subject set off by an aside or a clause; not "costs of, say, $10", where "say" is an
        // aside of its own.
        let end = self.range().end;
        if prev == ","
            && self.lw(i) == "say"
            && (i + 1 >= end || self.lw(i + 1) != ",")
            && self.appositive_subject(aux - 1, start).is_some()
        {
            return true;
        }
        // "Parents who signed the letter last week say they …": "say" takes a clause, which
        // `long_plural_subject` does not count as an object.
        if self.lw(i) == "say" && self.relative_subject(aux, start).is_some() {
            return true;
        }
        // "…, people close to the mayor say.": a plural subject with its modifier, set after
        // the words it gives and closing the sentence, or set off by commas inside them
        // ("The mayor, aides to the governor say, has grown tired").
        let closes = i + 1 >= end || matches!(self.lw(i + 1), "." | "?" | "!" | ",");
        if self.lw(i) == "say" && closes {
            let after_comma = self
                .np_left(aux, start)
                .filter(|&(a, _)| a > start && self.lw(a - 1) == ",");
            if after_comma.is_some_and(|(a, b)| (a..=b).any(|k| self.is_plural_noun(k))) {
                return true;
            }
        }
        // "Democrats — and some Republicans — say that": a plural subject with an aside set
        // off by dashes.
        let takes_words = self.lw(i) == "say" || i + 1 < end && self.takes_a_clause(i + 1);
        if takes_words && self.is_dash(aux - 1) {
            let dashed = self.dashed_subject(aux - 1, start);
            if dashed.is_some_and(|(a, b)| (a..=b).any(|k| self.is_plural_noun(k))) {
                return true;
            }
        }
        // "three state primaries", "Ohio state senator": a verb form that is also a noun.
        let plain_verb = !w::verb_may_be_noun(self.lw(i)) && self.lw(i) != "state";
        // "Ann Lee and Tom Roe say": two names make a plural subject.
        let coordinated = self.cap(aux - 1)
            && (aux.saturating_sub(5).max(start)..aux - 1)
                .any(|k| matches!(self.lw(k), "and" | "&") && k > start && self.cap(k - 1));
        matches!(
            prev,
            "they" | "we" | "you" | "i" | "who" | "some" | "many" | "others" | "most"
        ) || plain_verb && coordinated
            // "records from the last cycle show", "exit polls in the state show"
            || matches!(self.lw(i), "show" | "suggest" | "indicate")
                && self.document_before(aux, start)
            // "six in 10 say", "all five say": a count of people.
            || plain_verb && !prev.is_empty() && prev.chars().all(|c| c.is_ascii_digit())
            // "64 percent call him competent", "a majority believe that": a poll's share of
            // people, with what the verb takes after it; "38 percent support among women" is
            // the noun.
            || plain_verb
                && w::is_share(prev)
                && i + 1 < end
                && (self.opens_object(i + 1) || self.takes_a_clause(i + 1))
            || plain_verb && matches!(
                prev,
                "both" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine"
                    | "ten" | "dozens" | "hundreds" | "thousands" | "millions"
            )
            || self.long_plural_subject(aux, i, start)
            || (self.is_word(aux - 1)
            && prev.ends_with('s')
            && !prev.ends_with("'s")
            && !prev.ends_with("ss")
            && !w::NEVER_HEAD.contains(prev))
    }

    /// "voters who attended the rally support the plan", "Republicans calling for less
    /// spending in education back the bill", "1 percent support Lee": a base form after a
    /// subject that a relative clause or a modifier ends, when a plural noun heads the subject
    /// and the verb's object follows.
    fn long_plural_subject(&self, aux: usize, i: usize, start: usize) -> bool {
        if i + 1 >= self.range().end || !self.opens_object(i + 1) {
            return false;
        }
        if self.relative_subject(aux, start).is_some() {
            return true;
        }
        // "the Republican debate Saturday": a name before the form makes it a noun.
        if aux == start || self.cap(aux - 1) && !self.is_plural_noun(aux - 1) {
            return false;
        }
        let Some((a, b)) = self.np_left(aux, start) else {
            return false;
        };
        // The plural heads the subject: the modifier that follows it is a preposition, a
        // relative clause or a participle ("Republicans clamoring for …", "those polled"),
        // not a verb.
        // A clause inside the phrase ("executives who run firms say that we must find") or
        // an infinitive ("attempts to roll back") leaves the verb to another subject.
        let holds_a_clause = (a..=b).any(|k| {
            let lw = self.lw(k);
            lw == "that"
                || w::is_pronoun(lw) && !w::POSSESSIVE_PRONOUNS.contains(&lw)
                || verbs::lookup(lw)
                    .is_some_and(|v| matches!(v.form, Form::Base | Form::ThirdPerson))
        });
        !holds_a_clause
            && (a..b).any(|k| {
                let next = self.lw(k + 1);
                self.is_plural_noun(k)
                    && next != "to"
                    && (w::POST_MODIFIER.contains(next)
                        || next.ends_with("ing")
                        || next.ends_with("ed"))
            })
    }

    /// "voters who attended the rally", "cities that joined the suit": a plural noun and the
    /// relative clause that runs up to the verb at `aux`, whatever words the clause holds.
    fn relative_subject(&self, aux: usize, start: usize) -> Option<(usize, usize)> {
        let floor = aux.saturating_sub(MAX_RELATIVE_WORDS).max(start + 1);
        if aux <= start + 2 {
            return None;
        }
        let prev = self.lw(aux - 1);
        if prev == "to" || fw::PREPOSITIONS.contains(&prev) || fw::ARTICLES.contains(&prev) {
            return None;
        }
        // The clause holds one verb of its own and no clause inside it: not "executives who
        // run firms say that we must find". That verb may be one of the lexicon's where it
        // opens the clause: "The unions that have backed him say".
        let opens_clause = |k: usize| {
            let j = self.back_over_intervening(k, floor);
            j > floor && matches!(self.lw(j - 1), "who" | "that")
        };
        let rel = (floor..aux)
            .rev()
            .take_while(|&k| {
                self.is_word(k)
                    && !self.quoted(k)
                    && !w::CLAUSE_OPENERS.contains(self.lw(k))
                    && (k + 1 == aux
                        || verbs::lookup(self.lw(k)).is_none()
                        || self.lw(k) == "who"
                        || opens_clause(k))
            })
            .find(|&k| matches!(self.lw(k), "who" | "that"))?;
        let next = self.lw(rel + 1);
        // "cities that joined", never the "that" of a clause: "courts that they should".
        let relative = self.lw(rel) == "who"
            || !(w::is_pronoun(next) || w::DETERMINERS.contains(next) || self.cap(rel + 1));
        if rel + 1 >= aux || !relative || !self.is_plural_noun(rel - 1) {
            return None;
        }
        let (a, _) = self.np_left(rel, start)?;
        Some((a, aux - 1))
    }

    /// Whether the relative clause inside the phrase `a..=b` opens with its verb ("that have
    /// endorsed", "who backed"), so the phrase before it is the clause's subject, not its
    /// object ("the themes that marketers hope").
    fn verb_opens_relative_clause(&self, a: usize, b: usize) -> bool {
        let Some(rel) = (a..=b).find(|&k| matches!(self.lw(k), "who" | "that")) else {
            return false;
        };
        (rel + 1..=b)
            .find(|&k| !self.intervenes(k))
            .is_some_and(|k| {
                let lw = self.lw(k);
                verbs::lookup(lw).is_some()
                    || fw::HAVE_FORMS.contains(&lw)
                    || fw::BE_FORMS.contains(&lw)
                    || fw::MODALS.contains(&lw)
            })
    }

    fn is_plural_noun(&self, k: usize) -> bool {
        let lw = self.lw(k);
        if !self.is_word(k) || self.quoted(k) {
            return false;
        }
        if w::PLURAL_HEADS.contains(lw) {
            return true;
        }
        // A capital "-s" is a name ("Jones"), not a plural, unless the sentence opens with it.
        lw.len() > 3
            && lw.ends_with('s')
            && !lw.ends_with("ss")
            && !lw.ends_with("'s")
            && !lw.ends_with("us")
            && !lw.ends_with("is")
            && (!self.cap(k) || k == self.range().start)
            && !w::NEVER_HEAD.contains(lw)
            && verbs::lookup(lw)
                .is_none_or(|v| w::verb_may_be_noun(lw) || v.form != Form::ThirdPerson)
    }

    /// Whether token `k` opens the object of a transitive verb: a determiner, a name, an
    /// object pronoun or an adverb before it ("support the plan", "back Lee", "support
    /// temporarily banning").
    fn opens_object(&self, k: usize) -> bool {
        let lw = self.lw(k);
        self.is_word(k)
            && (w::DETERMINERS.contains(lw)
                || w::OBJECT_PRONOUNS.contains(&lw)
                || self.cap(k)
                || lw.len() > 4 && lw.ends_with("ly"))
    }

    /// "sources close to the campaign say", "voters in each state say", "many of whom say":
    /// "say" with a subject before it is a present verb whatever ends the subject, unless an
    /// infinitive or a verb of perception takes it ("to say", "heard him say"). `aux` is
    /// where the adverbs before the verb start ("officials also say"), or `i` with none.
    fn plural_say(&self, aux: usize, i: usize, start: usize) -> bool {
        if self.lw(i) != "say" || aux == start || !self.is_word(aux - 1) || self.cap(i) {
            return false;
        }
        let end = self.range().end;
        let next = if i + 1 < end { self.lw(i + 1) } else { "" };
        let prev = self.lw(aux - 1);
        // "close to him say" is a subject's description; "heard him say" is no subject.
        (self.object_of_preposition(aux - 1)
            || !matches!(
                prev,
                "to" | "not"
                    | "let"
                    | "lets"
                    | "make"
                    | "makes"
                    | "made"
                    | "hear"
                    | "heard"
                    | "hearing"
                    | "see"
                    | "saw"
                    | "seen"
                    | "watch"
                    | "watched"
                    | "help"
                    | "him"
                    | "her"
                    | "them"
                    | "me"
                    | "us"
                    | "i'd"
                    | "we'd"
                    | "you'd"
                    | "they'd"
                    | "or"
                    | "and"
                    | "would"
                    | "could"
            ) && !fw::PREPOSITIONS.contains(&prev)
                && !fw::ARTICLES.contains(&prev))
            && i + 1 < end
            && self.is_word(i + 1)
            && !matches!(
                next,
                "" | "," | "so" | "." | "hello" | "goodbye" | "no" | "yes"
            )
    }

    /// The source phrase starting at `from`: `said *a senior official familiar with the
    /// talks*`, `according to *the ministry*`.
    /// Whether token `k` is a capital letter alone, a name's initial ("Ann B. Lee").
    fn is_initial(&self, k: usize) -> bool {
        let lw = self.lw(k);
        self.cap(k) && lw.len() == 1 && lw.bytes().all(|b| b.is_ascii_alphabetic())
    }

    fn np_right(&self, from: usize, end: usize) -> Option<(usize, usize)> {
        if from >= end || !self.is_word(from) || self.quoted(from) {
            return None;
        }
        let first = self.lw(from);
        if w::NEVER_HEAD.contains(first) && !w::DETERMINERS.contains(first) {
            return None;
        }
        if w::is_pronoun(first) && !w::DETERMINERS.contains(first) {
            return Some((from, from));
        }
        let mut b = from;
        let ceiling = (from + MAX_SOURCE_WORDS).min(end);
        while b + 1 < ceiling {
            let k = b + 1;
            let lw = self.lw(k);
            // "says a new MPs' report": a plural's possessive makes the next word the head,
            // though the apostrophe may have been taken for an opening quote.
            if self.plural_possessive_at(k) && k + 1 < ceiling && self.is_word(k + 1) {
                b = k + 1;
                continue;
            }
            // "ten ward leaders and officials involved in …": a second group of people joined to
            // the first is part of the same source.
            if k + 1 < ceiling && self.joins_groups_of_people(k) {
                b = k + 1;
                continue;
            }
            // "said Mr. Okafor", "said Sen. Ann B. Lee": the point of a title's abbreviation,
            // as in `np_left`, or of a middle initial.
            if lw == "."
                && k + 1 < ceiling
                && (w::is_abbreviated_title(self.lw(k - 1)) || self.is_initial(k - 1))
                && self.cap(k + 1)
                && !self.quoted(k + 1)
            {
                b = k + 1;
                continue;
            }
            if self.quoted(k) || !self.is_word(k) && !matches!(lw, "-" | "&") {
                break;
            }
            // "is believed by officials to be doomed": the infinitive is what they believe.
            if lw == "to" && k + 1 < ceiling && matches!(self.lw(k + 1), "be" | "have") {
                break;
            }
            // "the Post", "the Washington Post": a capitalised word after "the" or inside a
            // name is part of the name, not a verb.
            let in_name =
                self.cap(k) && (self.cap(k - 1) || w::DETERMINERS.contains(self.lw(k - 1)));
            // "the talks", "the reports": a verb form that is also a noun, after a determiner.
            let noun_after_determiner =
                w::verb_may_be_noun(lw) && w::DETERMINERS.contains(self.lw(k - 1));
            if w::RIGHT_STOP.contains(lw)
                || !in_name
                    && !noun_after_determiner
                    && verbs::lookup(lw).is_some_and(|v| v.is_finite())
            {
                break;
            }
            if w::LEADING_ADVERBIAL.contains(lw)
                && k + 1 < ceiling
                && (w::is_calendar(self.lw(k + 1))
                    || matches!(self.lw(k + 1), "a" | "an" | "his" | "her" | "their" | "its"))
            {
                break;
            }
            b = k;
        }
        while b > from
            && (w::NP_STOP.contains(self.lw(b))
                || w::DETERMINERS.contains(self.lw(b))
                || !self.is_word(b))
        {
            b -= 1;
        }
        Some((from, b))
    }

    // ---- content ------------------------------------------------------------------------

    fn quote_starting_after(&self, i: usize) -> Option<Span> {
        let after = self.span(i).end;
        // The quotation may open in the next paragraph.
        self.touch(i + 1);
        let q = self.story.quote_at(
            self.story
                .tokens
                .get(i + 1)
                .map_or(after, |t| t.span().start),
        )?;
        let gap = self.story.text(Span::new(after, q.span().start.max(after)));
        gap.trim().is_empty().then_some(q.span())
    }

    fn quote_ending_before(&self, tok: usize, sentence_start: usize) -> Option<Span> {
        let before = self.span(tok).start;
        let lo = self.span(sentence_start).start;
        let i = self
            .story
            .quotes
            .partition_point(|q| q.span().end <= before);
        let q = self.story.quotes.get(i.checked_sub(1)?)?;
        let gap = self.story.text(Span::new(q.span().end.min(before), before));
        (q.span().end >= lo
            && gap
                .chars()
                .all(|c| c.is_whitespace() || matches!(c, ',' | '—' | '–' | '-')))
        .then_some(q.span())
    }

    /// The clause after token `i` to where the attributed clause ends, without the final stop.
    fn clause_after(&self, i: usize, r: std::ops::Range<usize>) -> Option<Span> {
        let mut a = i + 1;
        while a < r.end && matches!(self.lw(a), "," | ":" | "—" | "–") {
            a += 1;
        }
        let a = self.past_the_occasion(i, a, r.end);
        let mut b = self.clause_end(a, r.end);
        if b == r.end {
            if let Some(quote) = self.quote_running_on(a, r.end) {
                return Some(Span::new(self.span(a).start, quote.end));
            }
        }
        while b > a && !self.is_word(b - 1) && !self.is_quote_mark(b - 1) {
            b -= 1;
        }
        (a < b).then(|| self.join(a, b - 1))
    }

    /// The quotation a speaker's words go on in after the attribution that splits them
    /// (`“…,” she said, “…”` or `“…,” she said. “…”`): one opening after a comma or colon later
    /// in the sentence, or one opening the next sentence of the paragraph and closing it. The
    /// annotation marks what is attributed from the first quotation to the last.
    fn quote_resumed_after(&self, right: usize, r: std::ops::Range<usize>) -> Option<Span> {
        let opening = if r == self.range() {
            self.marks()
                .first_quoted_after(right)
                .filter(|&k| k < r.end)
        } else {
            (right + 1..r.end).find(|&k| self.quoted(k))
        };
        if let Some(k) = opening {
            if !matches!(self.lw(k - 1), "," | ":") {
                return None;
            }
            return self.story.quote_at(self.span(k).start).map(|q| q.span());
        }
        let next = r.end;
        if !self.para.tokens.contains(&next) || !self.quoted(next) || !self.is_quote_mark(next) {
            return None;
        }
        let quote = self.story.quote_at(self.span(next).start)?;
        let closes_sentence = self
            .story
            .text(quote.inner())
            .trim_end()
            .ends_with(['.', '?', '!', '…']);
        (quote.open_ended() || closes_sentence).then_some(quote.span())
    }

    /// A quotation that opens in the content from token `a` and runs on past the sentence end
    /// at `end`: the speaker's words go on, and so does what is attributed to them.
    fn quote_running_on(&self, a: usize, end: usize) -> Option<Span> {
        let last = end.checked_sub(1).filter(|&k| k > a && self.quoted(k))?;
        let quote = self.story.quote_at(self.span(last).start)?;
        (quote.span().start >= self.span(a).start && quote.span().end > self.span(last).end)
            .then_some(quote.span())
    }

    /// Where the words attributed to a verb cue at `i` begin, its clause starting at `a`: past
    /// the listener and the when and where of the saying ("told reporters on Monday that …",
    /// "said in a statement that …", "told the crowd, “…”", "said Tuesday the …"), the writer's
    /// account of the occasion rather than what was said.
    fn past_the_occasion(&self, i: usize, a: usize, end: usize) -> usize {
        let Some(verb) = verbs::lookup(self.lw(i)) else {
            return a;
        };
        if a >= end || self.quoted(a) {
            return a;
        }
        let first = self.lw(a);
        let day = fw::WEEKDAYS.contains(&first) || matches!(first, "yesterday" | "today");
        let occasion = w::LISTENER_VERBS.contains(verb.lemma)
            || day
            || matches!(first, "during" | "earlier" | "later" | "last" | "this")
            || fw::PREPOSITIONS.contains(&first) && !self.infinitive_at(a, end)
            // "at least": a quantity, not a place.
            && !(first == "at" && a + 1 < end && self.lw(a + 1) == "least");
        if !occasion {
            return a;
        }
        // "told reporters the plan would fail", "told the Otago board the sale was off": with
        // "that" left out, the content's own subject starts at the article after the listener.
        if w::LISTENER_VERBS.contains(verb.lemma) {
            let mut k = a + usize::from(matches!(first, "the" | "a" | "an"));
            let listener_start = k;
            while k < end.min(listener_start + 4)
                && self.is_word(k)
                && !self.quoted(k)
                && !matches!(self.lw(k), "the" | "a" | "an" | "that")
                && verbs::lookup(self.lw(k)).is_none()
                && !fw::PREPOSITIONS.contains(&self.lw(k))
            {
                k += 1;
            }
            if k > listener_start && k + 1 < end && matches!(self.lw(k), "the" | "a" | "an") {
                return k;
            }
        }
        for k in a..end.min(a + MAX_OCCASION_WORDS) {
            if self.quoted(k) {
                let opened = k > a && matches!(self.lw(k - 1), "," | ":");
                return if opened { k } else { a };
            }
            let lw = self.lw(k);
            if lw == "that" {
                return k;
            }
            // A clause of its own ends the occasion, and so does an infinitive: "warned them to
            // stop".
            let clause = verbs::lookup(lw).is_some() || matches!(lw, ";" | "which" | "who");
            if clause || self.infinitive_at(k, end) {
                break;
            }
        }
        // "said Tuesday the plan …": a bare day stands alone.
        if day && a + 1 < end && self.is_word(a + 1) {
            return a + 1;
        }
        a
    }

    /// "The coach quit, a neighbour told the Evening Ledger.": all a listener verb at `verb`
    /// has after it, to its clause's end at `end`, is whom the source told and when; what was
    /// told stands before the source.
    fn only_the_listener(&self, verb: usize, end: usize) -> bool {
        let listener_verb =
            verbs::lookup(self.lw(verb)).is_some_and(|v| w::LISTENER_VERBS.contains(v.lemma));
        let a = verb + 1;
        listener_verb
            && a < end
            && end - a <= MAX_OCCASION_WORDS
            && (a..end).all(|k| {
                let lw = self.lw(k);
                !self.quoted(k)
                    && !matches!(lw, "that" | ":" | ";")
                    && !w::is_pronoun(lw)
                    && (self.cap(k) || verbs::lookup(lw).is_none())
                    && !self.infinitive_at(k, end)
            })
    }

    /// Whether token `k` is the "to" of an infinitive ("to stop"), not of a listener or place
    /// ("to reporters", "to the board", "to Ohio").
    fn infinitive_at(&self, k: usize, end: usize) -> bool {
        if self.lw(k) != "to" || k + 1 >= end {
            return false;
        }
        let next = self.lw(k + 1);
        let noun_phrase = self.cap(k + 1)
            || fw::ARTICLES.contains(&next)
            || fw::POSSESSIVE_DETERMINERS.contains(&next)
            || w::is_pronoun(next)
            || w::DETERMINERS.contains(next);
        !noun_phrase
    }

    /// Where a content that starts at token `a` stops, at the latest at `end`: before a
    /// semicolon, which opens a clause of the writer's own, and before a comma that opens a
    /// non-restrictive "which" clause, the writer's comment on what was said. Punctuation inside
    /// a quotation is the speaker's, so it bounds nothing.
    fn clause_end(&self, a: usize, end: usize) -> usize {
        let is_stop = |k: usize| match self.lw(k) {
            ";" => true,
            "," => k + 1 < end && self.lw(k + 1) == "which",
            _ => false,
        };
        let r = self.range();
        if a + 1 < r.start || end > r.end {
            return (a + 1..end)
                .find(|&k| !self.quoted(k) && is_stop(k))
                .unwrap_or(end);
        }
        let stops = &self.marks().stops;
        let from = stops.partition_point(|&k| k as usize <= a);
        stops[from..]
            .iter()
            .map(|&k| k as usize)
            .take_while(|&k| k < end)
            .find(|&k| is_stop(k))
            .unwrap_or(end)
    }

    /// The clause from the sentence start to just before token `i`.
    fn clause_before(&self, i: usize, start: usize) -> Option<Span> {
        let mut b = i;
        while b > start && !self.is_word(b - 1) && !self.is_quote_mark(b - 1) {
            b -= 1;
        }
        (start < b).then(|| self.join(start, b - 1))
    }

    /// What a cue from `cue_a` to `cue_b` with `source` attributes: a quotation just before
    /// the source or cue (`“…,” she said`), or else what follows the cue.
    fn content_around(
        &self,
        cue_a: usize,
        cue_b: usize,
        source: Option<(usize, usize)>,
        r: std::ops::Range<usize>,
    ) -> Option<Span> {
        let left = source.map_or(cue_a, |(a, _)| a.min(cue_a));
        let right = source.map_or(cue_b, |(_, b)| b.max(cue_b));
        if let Some(q) = self.quote_ending_before(left, r.start) {
            let resumed = self.quote_resumed_after(right, r);
            return Some(resumed.map_or(q, |more| Span::new(q.start, more.end)));
        }
        if right + 1 < r.end && self.lw(right + 1) == ":" {
            if let Some(q) = self.quote_starting_after(right + 1) {
                return Some(q);
            }
        }
        let after = self.clause_after(right, r.clone());
        let before = (left > r.start)
            .then(|| self.clause_before(left, r.start))
            .flatten();
        let between_commas = left > r.start
            && self.lw(left - 1) == ","
            && right + 2 < r.end
            && self.lw(right + 1) == ",";
        if between_commas && before.is_some() {
            let next = self.lw(right + 2);
            // "The plan will fail, he said, and he warned …": what follows is a clause of its
            // own; "…, said Ms. Ortiz, who …" describes the source.
            if matches!(next, "and" | "but" | "who" | "whom" | "whose" | "which") {
                return before;
            }
            // "This campaign, she says, is different": the cue stands inside the words, which
            // run on either side of it (with whatever opens the sentence, as annotators mark it).
            if let (Some(b), Some(a)) = (before, after) {
                return Some(Span::new(b.start, a.end));
            }
        }
        if left > r.start
            && (after.is_none_or(|s| s.len() < 12)
                || self.only_the_listener(cue_b, self.clause_end(cue_b + 1, r.end)))
        {
            return before.or(after);
        }
        // "the wall, which he said Mexico would pay for": the relative pronoun before the
        // source is the missing part of the words, and the annotation starts with it.
        let relative = left
            .checked_sub(1)
            .filter(|&k| k > r.start && matches!(self.lw(k), "which" | "what"));
        if let (Some(k), Some(a), Some(_)) = (relative, after, source) {
            return Some(Span::new(self.span(k).start, a.end));
        }
        after
    }

    // ---- kinds --------------------------------------------------------------------------

    /// The last word of a full name that ends the phrase right after a lower-case noun
    /// describing its bearer: "Bank of England governor Mervyn King", "GOP frontrunner Ann
    /// Lee", "the charity's boss Ann Lee". The noun makes the name a person's whatever body or
    /// post-modifier comes first; a body's own noun before a name ("the drugs group Eli
    /// Lilly", "the newspaper La Voz") makes it the body's, and a verb or a preposition before
    /// capitals ("reached Abbey Wood", "except Chase Manhattan") is no description.
    fn ends_in_described_name(
        &self,
        words: &[usize],
        name_at: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let run = words.iter().rev().take_while(|&&k| name_at(k)).count();
        if run < 2 || run >= words.len() {
            return None;
        }
        // "the authoritative Middle East Economic Survey", "the newspaper La Voz".
        let last = self.lw(words[words.len() - 1]);
        if w::DOCUMENT_NOUNS.contains(last)
            || w::MEDIA_NOUNS.contains(last)
            || w::MEDIA_NAMES.contains(last)
            || w::COMPANY_ENDINGS.contains(last)
        {
            return None;
        }
        let run_start = words[words.len() - run];
        let before = words[words.len() - run - 1];
        let noun = self.lw(before);
        let describes = before + 1 == run_start
            && !self.cap(before)
            && noun.len() > 2
            && noun.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
            && !noun.ends_with("ing")
            && !noun.ends_with("ed")
            && !w::ORG_WORDS.contains(noun)
            && !w::MEDIA_NOUNS.contains(noun)
            && !w::DOCUMENT_NOUNS.contains(noun)
            && !fw::in_any(
                &[
                    fw::ARTICLES,
                    fw::PREPOSITIONS,
                    fw::ADVERBIAL_PREPOSITIONS,
                    fw::COORDINATORS,
                    fw::SUBORDINATORS,
                    fw::DEMONSTRATIVES,
                    fw::POSSESSIVE_DETERMINERS,
                    fw::RELATIVE_PRONOUNS,
                    fw::BE_FORMS,
                    fw::HAVE_FORMS,
                    fw::MODALS,
                ],
                noun,
            );
        describes.then(|| words[words.len() - 1])
    }

    /// The last word of a name after an office and its complement: "Secretary of State John
    /// Kerry", "Chancellor of the Exchequer Ann Lee", "director of telecoms research Ann Lee".
    /// The complement's capitals run into the name's, so a given name marks where the name
    /// starts; it needs a word of the complement before it ("Friends of Ann Lee" speak for
    /// her).
    fn name_after_office(
        &self,
        words: &[usize],
        head: usize,
        name_at: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let hw = self.lw(head);
        // "senior vice president of marketing Ann Lee": an office keeps its name in lower case
        // too, but a lower-case person noun is someone else's ("aides of Ann Lee").
        let office = if self.cap(head) {
            w::is_title(hw) || w::is_person_noun(hw)
        } else {
            w::is_office(hw)
        };
        if !office || !words.contains(&(head + 1)) || self.lw(head + 1) != "of" {
            return None;
        }
        let after = words.iter().position(|&k| k > head + 2)?;
        let given = (after..words.len()).find(|&j| {
            let k = words[j];
            self.cap(k) && crate::lexicon::given_names::is_given_name(self.lw(k))
        })?;
        let name = &words[given..];
        let named = name.len() >= 2
            && name.windows(2).all(|pair| pair[1] == pair[0] + 1)
            && name.iter().all(|&k| name_at(k));
        named.then(|| words[words.len() - 1])
    }

    /// The last word of a full name set off by the comma at `comma` within a source ending at
    /// `b`: "The donor, *Sam Cole*", "the union's president, *Ann Lee*, a Republican", "the
    /// chief of staff, Gen. *Ann F. Lee*". Titles and initials may come inside; two words of
    /// the name are needed, since "the aide, Lee," may be a surname's second mention, which the
    /// reading of the description already leaves to the names check.
    fn name_in_apposition(
        &self,
        comma: usize,
        b: usize,
        name_at: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        if comma >= b || self.lw(comma) != "," {
            return None;
        }
        let close = (comma + 1..=b)
            .find(|&k| self.lw(k) == ",")
            .map_or(b, |k| k - 1);
        let segment = comma + 1..=close;
        let mut names = 0;
        for k in segment.clone() {
            let lw = self.lw(k);
            if name_at(k) {
                names += 1;
            } else if !(lw == "." || w::is_title(lw) && self.cap(k)) {
                return None;
            }
        }
        let last = segment.rev().find(|&k| self.is_word(k))?;
        (names >= 2 && name_at(last)).then_some(last)
    }

    /// Whether token `k`, the first word of its sentence, is an ordinary English word that is
    /// no given name and that the story has not used as a surname before it ("Ann Fields …
    /// Fields said"): its capital may come from its place alone.
    fn common_word_opening(&self, k: usize) -> bool {
        let sentence = &self.story.sentences[self.s];
        let first_word = sentence.tokens().find(|&t| self.is_word(t));
        let lw = self.lw(k);
        first_word == Some(k)
            && self
                .story
                .tokens
                .get(k)
                .is_some_and(|t| t.case() == crate::text::tokens::Case::Capitalised)
            && crate::lexicon::english::is_word(lw)
            && !crate::lexicon::given_names::is_given_name(lw)
            && !self.used_as_surname_before(lw, k)
    }

    /// An ordinary plural opening the sentence: "Respondents", "Polls".
    fn common_plural_opening(&self, k: usize) -> bool {
        let lw = self.lw(k);
        lw.ends_with('s') && !lw.ends_with("ss") && self.common_word_opening(k)
    }

    /// "Speaking at a rally, Lee said", "Writing in the Times, …": a participle opening the
    /// sentence, never a name.
    fn participle_opening(&self, k: usize) -> bool {
        self.lw(k).ends_with("ing")
            && k + 1 < self.range().end
            && fw::in_any(&[fw::PREPOSITIONS, fw::ARTICLES], self.lw(k + 1))
            && self.common_word_opening(k)
    }

    fn classify(&self, a: usize, b: usize) -> (SourceKind, Option<usize>) {
        // An appositive, a parenthesis or a relative clause describes the source; its words
        // do not head it ("The groups that endorsed Ann Lee" are no one named).
        let end = (a..=b)
            .find(|&k| {
                k > a
                    && (matches!(self.lw(k), "," | "(" | "who" | "that" | "which")
                        || self.is_dash(k))
            })
            .map_or(b, |k| k - 1);
        let words: Vec<usize> = (a..=end).filter(|&k| self.is_word(k)).collect();
        if words.is_empty() {
            return (SourceKind::Other, None);
        }
        // The head: the last word before a post-modifier ("of", "familiar", "who", ",").
        let mut head = words[0];
        for &k in &words {
            // "ward leaders and officials": the joined group heads the phrase too.
            let joins_people = words.contains(&(k + 1)) && self.joins_groups_of_people(k);
            if w::POST_MODIFIER.contains(self.lw(k)) && k != words[0] && !joins_people {
                break;
            }
            // "Doctors treating the boy", "rebels holding the town": a participle after a
            // plural opens what describes it. "Judges including Ann Lee" names members, who
            // head the phrase as they did.
            if k != words[0]
                && k == head + 1
                && self.lw(k).ends_with("ing")
                && !matches!(self.lw(k), "including" | "excluding")
                && !self.cap(k)
                && self.is_plural_noun(head)
            {
                break;
            }
            if !joins_people {
                head = k;
            }
        }
        let hw = self.lw(head);
        let first = self.lw(words[0]);
        if words.len() == 1 && self.impersonal_one(head) {
            return (SourceKind::Pronoun, Some(head));
        }
        if words.len() == 1 && w::STANDS_FOR_SOURCE.contains(&hw) {
            return (SourceKind::UnnamedPerson, Some(head));
        }
        // "His comments", "he's said": the owner of a nominal cue, or a pronoun with its
        // auxiliary written on, is still a pronoun.
        let contracted = |lw: &str| {
            lw.split_once('\'')
                .is_some_and(|(p, rest)| w::is_pronoun(p) && matches!(rest, "s" | "ve" | "d"))
        };
        if words.len() == 1 && (fw::POSSESSIVE_DETERMINERS.contains(&hw) || contracted(hw)) {
            return (SourceKind::Pronoun, Some(head));
        }
        if words.iter().all(|&k| w::is_pronoun(self.lw(k))) {
            return if w::STANDS_FOR_SOURCE.contains(&hw) {
                (SourceKind::UnnamedPerson, Some(head))
            } else {
                (SourceKind::Pronoun, Some(head))
            };
        }
        let pre_head = &words[..words.iter().position(|&k| k == head).unwrap_or(0)];
        let name_at = |k: usize| {
            self.cap(k)
                && !w::is_share(self.lw(k))
                && !w::SHARE_HEDGES.contains(&self.lw(k))
                && !w::is_function_word(self.lw(k))
                && !self.participle_opening(k)
                && !w::is_title(self.lw(k))
                && !w::ORG_WORDS.contains(self.lw(k))
                && !w::DETERMINERS.contains(self.lw(k))
                && !w::is_calendar(self.lw(k))
        };
        // An outlet's name is a proper name: "the Observer said", but "an election observer
        // said" is a person. A name English has no word for is one in any case ("dpa").
        let media = w::MEDIA_NOUNS.contains(hw)
            || w::MEDIA_NAMES.contains(hw)
                && (self.cap(head) || !crate::lexicon::english::is_word(hw));
        if media {
            return (SourceKind::Media, Some(head));
        }
        // Capitals throughout are a headline's or an acronym's, not a name's.
        let shouted = |k: usize| {
            self.story
                .tokens
                .get(k)
                .is_some_and(|t| t.case() == crate::text::tokens::Case::Upper)
        };
        // Only where the name, or a body's name it describes, heads the phrase: "the parents
        // of Ann Lee" and "the campaign of the nominee Ann Lee" speak for her.
        if head == words[words.len() - 1] || self.cap(head) {
            if let Some(last) = self.ends_in_described_name(&words, |k| name_at(k) && !shouted(k)) {
                return (SourceKind::NamedPerson, Some(last));
            }
        }
        let quantified = w::VAGUE_QUANTIFIERS.contains(first);
        let person_head = w::is_person_noun(hw);
        if let Some(last) = self.name_after_office(&words, head, name_at) {
            return (SourceKind::NamedPerson, Some(last));
        }
        if w::VAGUE_HEADS.contains(hw) && !words.iter().any(|&k| name_at(k) && k > head) {
            let identified = words.iter().any(|&k| k > head && name_at(k));
            if !identified {
                return (SourceKind::VagueGroup, Some(head));
            }
        }
        if quantified && (self.cap(head) || w::PARTY_NOUNS.contains(hw)) && hw.ends_with('s') {
            return (SourceKind::VagueGroup, Some(head));
        }
        if person_head || w::is_office(hw) {
            if let Some(last) = self.name_in_apposition(end + 1, b, name_at) {
                return (SourceKind::NamedPerson, Some(last));
            }
        }
        if person_head {
            // A person noun: named when a name follows it ("the minister, Ann Lee" is split
            // by the walk, so a name after the head is in a post-modifier).
            // "its chief executive", "the bank's chief financial officer": a chief of a body
            // holds an office as surely as its president.
            let chief = pre_head
                .iter()
                .rev()
                .take(2)
                .any(|&k| self.lw(k) == "chief");
            let owned = first == "the"
                || (chief && matches!(first, "its" | "their"))
                || pre_head.iter().any(|&k| self.lw(k).ends_with("'s"));
            let titled = (w::is_office(hw) || chief) && owned;
            let plural = hw.ends_with('s') && !w::is_office(hw);
            if titled
                && !plural
                && !pre_head
                    .iter()
                    .any(|&k| matches!(self.lw(k), "a" | "an" | "one" | "another"))
            {
                return (SourceKind::OfficeHolder, Some(head));
            }
            return (SourceKind::UnnamedPerson, Some(head));
        }
        // "An anonymous nurse", "an unnamed worker": the story itself says the source goes
        // unnamed, whatever the noun ("an anonymous letter" is a document).
        let declared_unnamed = pre_head
            .iter()
            .any(|&k| matches!(self.lw(k), "anonymous" | "unnamed" | "unidentified"));
        if declared_unnamed
            && !self.cap(head)
            && !w::DOCUMENT_NOUNS.contains(hw)
            && !w::ORG_WORDS.contains(hw)
        {
            return (SourceKind::UnnamedPerson, Some(head));
        }
        // "Respondents described", "Polls show", "Doctors treating the boy say": a plural
        // opening the sentence and heading the phrase has its capital from its place.
        if head == words[0] && self.common_plural_opening(head) {
            return if w::DOCUMENT_NOUNS.contains(hw) {
                (SourceKind::Media, Some(head))
            } else {
                (SourceKind::Other, Some(head))
            };
        }
        // A document is a report, its owner named or not ("A Bloomberg poll", "the survey"); a
        // capitalised document noun heads a name ("Statement Holdings"), but not alone where
        // the sentence gives it its capital ("Data show"). The list is asked first: the
        // opening's test consults the story's surnames, a fact the paragraph's cached reading
        // then depends on.
        if w::DOCUMENT_NOUNS.contains(hw)
            && (!self.cap(head) || words.len() == 1 && self.common_word_opening(head))
        {
            return (SourceKind::Media, Some(head));
        }
        // "Sanders supporters", "63 percent of Americans", "Business groups": a capital
        // before a plural or a share heading the phrase names no one; only a body's noun ("the
        // Clinton campaign") or an article before the name ("the Otago board") makes the
        // phrase a named body's. A name whose phrase runs on into a word or two ("Clinton
        // herself") is still the name's.
        let plural_or_share =
            hw.ends_with('s') && !hw.ends_with("ss") && !hw.ends_with("ous") || w::is_share(hw);
        let names_no_one = !self.cap(head)
            && plural_or_share
            && !w::ORG_WORDS.contains(hw)
            && first != "the"
            && !pre_head
                .iter()
                .any(|&k| self.lw(k).ends_with("'s") || self.lw(k).ends_with("’s"));
        if names_no_one && words.iter().any(|&k| name_at(k)) {
            return (SourceKind::Other, Some(head));
        }
        if words.iter().any(|&k| name_at(k)) {
            // A name heading the phrase after a title or a person noun is a person's, whatever
            // body comes before ("Police Commissioner Richard Ross", "the venture capitalist
            // Marc Andreessen"); a body after a full name only says where the person works
            // ("Ann Lee of Harvard University").
            let run_start = pre_head
                .iter()
                .rev()
                .take_while(|&&k| name_at(k))
                .last()
                .copied()
                .unwrap_or(head);
            // A party's noun before a name is its adjective ("the conservative Club for
            // Growth"); other person nouns and callings need a full name after them.
            let described = run_start > a && {
                let before = self.lw(run_start - 1);
                w::is_title(before)
                    || run_start < head
                        && !self.cap(run_start - 1)
                        && (w::is_person_noun(before) && !w::PARTY_NOUNS.contains(before)
                            || w::is_occupation(before))
            };
            let full_name =
                name_at(head) && run_start < head && run_start == words[0] && !shouted(head);
            let body_words_end = if full_name { head } else { b };
            let org = !(name_at(head) && described)
                && (words
                    .iter()
                    .take_while(|&&k| k <= body_words_end)
                    .any(|&k| w::ORG_WORDS.contains(self.lw(k)))
                    || first == "the")
                || words.iter().all(|&k| shouted(k) || !self.cap(k));
            return if org {
                (SourceKind::NamedOrganisation, Some(head))
            } else {
                (SourceKind::NamedPerson, Some(head))
            };
        }
        if w::ORG_WORDS.contains(hw) {
            return (SourceKind::NamedOrganisation, Some(head));
        }
        (SourceKind::Other, Some(head))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::SourceFormat;

    proptest::proptest! {
        /// The runs answer as the list of quoted tokens they replace did.
        #[test]
        fn quoted_runs_answer_as_a_list_of_tokens(
            quoted in proptest::collection::vec(proptest::bool::ANY, 0..64)
        ) {
            let tokens: Vec<usize> = (0..quoted.len()).filter(|&k| quoted[k]).collect();
            let mut marks = SentenceMarks {
                stops: Vec::new(),
                quoted: Vec::new(),
            };
            for &k in &tokens {
                SentenceMarks::add_quoted(&mut marks.quoted, k);
            }
            for at in 0..=quoted.len() {
                let before = tokens.iter().rev().find(|&&k| k < at).copied();
                proptest::prop_assert_eq!(marks.last_quoted_before(at), before);
                let after = tokens.iter().find(|&&k| k > at).copied();
                proptest::prop_assert_eq!(marks.first_quoted_after(at), after);
            }
        }
    }

    #[test]
    fn compact_fields_give_back_what_they_were_given() {
        let a = Attribution::new(
            7,
            Span::new(10, 14),
            CueKind::Colon,
            Some(Span::new(0, 9)),
            SourceKind::NamedPerson,
            Some(Span::new(0, 0)),
            Some(2),
            None,
        );
        assert_eq!(a.sentence(), 7);
        assert_eq!(a.cue(), Span::new(10, 14));
        assert_eq!(a.source(), Some(Span::new(0, 9)));
        // An empty span is still a span, not absence.
        assert_eq!(a.content(), Some(Span::new(0, 0)));
        assert_eq!(a.head(), Some(2));
        assert_eq!(a.relayed_by(), None);
    }
    #[test]
    fn offsets_past_32_bits_saturate_and_stay_present() {
        let far = u32::MAX as usize + 5;
        let a = Attribution::new(
            far,
            Span::new(far, far + 1),
            CueKind::Agentless,
            Some(Span::new(3, far)),
            SourceKind::Agentless,
            Some(Span::new(far, far)),
            Some(far),
            Some(Span::new(u32::MAX as usize, far)),
        );
        let top = u32::MAX as usize;
        assert_eq!(a.sentence(), top);
        assert_eq!(a.cue(), Span::new(top, top));
        assert_eq!(a.source(), Some(Span::new(3, top)));
        assert_eq!(a.content(), Some(Span::new(top, top)));
        assert_eq!(a.head(), Some(top - 1));
        assert_eq!(a.relayed_by(), Some(Span::new(top, top)));
    }

    /// (cue, source, kind, content) of every attribution in `text`.
    fn read(text: &str) -> Vec<(String, Option<String>, SourceKind, Option<String>)> {
        let story = Story::new(text, SourceFormat::PlainText);
        Attributions::read(&story)
            .iter()
            .map(|a| {
                (
                    story.text(a.cue()).to_owned(),
                    a.source().map(|s| story.text(s).to_owned()),
                    a.kind,
                    a.content().map(|s| story.text(s).to_owned()),
                )
            })
            .collect()
    }

    fn only(text: &str) -> (String, Option<String>, SourceKind, Option<String>) {
        let all = read(text);
        assert_eq!(all.len(), 1, "{text:?} gave {all:?}");
        all.into_iter().next().unwrap_or_else(|| unreachable!())
    }

    /// The kind of the first attribution in `text` whose source is `source`.
    fn kind_of(text: &str, source: &str) -> Option<SourceKind> {
        read(text)
            .into_iter()
            .find(|(_, s, _, _)| s.as_deref() == Some(source))
            .map(|(_, _, kind, _)| kind)
    }

    /// Asserts that `text` gives an attribution whose cue ends with `cue` and whose source is
    /// `source`.
    fn assert_reads(text: &str, cue: &str, source: &str) {
        let found = read(text);
        assert!(
            found
                .iter()
                .any(|(c, s, _, _)| c.ends_with(cue) && s.as_deref() == Some(source)),
            "{text:?} gave {found:?}"
        );
    }

    fn assert_no_cue(text: &str, cue: &str) {
        let found = read(text);
        assert!(
            found.iter().all(|(c, _, _, _)| c != cue),
            "{text:?} gave {found:?}"
        );
    }

    fn source_of(text: &str) -> (Option<String>, SourceKind) {
        let (_, source, kind, _) = only(text);
        (source, kind)
    }

    #[test]
    fn a_plural_subject_keeps_say_past_an_adverb() {
        for (text, cue, source) in [
            (
                "Officials also say the depot will close.",
                "also say",
                "Officials",
            ),
            (
                "Nurses now say that the ward is short.",
                "now say",
                "Nurses",
            ),
            (
                "Parents privately say they fear cuts.",
                "privately say",
                "Parents",
            ),
            (
                "Nurses who staff the wards almost universally say the rota is short.",
                "almost universally say",
                "Nurses who staff the wards",
            ),
        ] {
            assert_reads(text, cue, source);
        }
        // A time before the form makes it a noun's, and "to" an infinitive's.
        assert!(read("We watched his Friday night show in May.").is_empty());
        assert_no_cue("She paused to also say sorry.", "also say");
    }

    #[test]
    fn a_plural_subject_reads_through_its_place_time_and_objects() {
        for (text, source) in [
            ("Locals here say the well is dry.", "Locals"),
            ("Officials this week say the road is shut.", "Officials"),
            ("Residents on Monday say the water is off.", "Residents"),
            ("Those close to him say he is tired.", "Those close to him"),
            (
                "Critics of the plan say it will fail.",
                "Critics of the plan",
            ),
        ] {
            assert_reads(text, "say", source);
        }
        // A verb of perception or permission takes the pronoun, and "say" is no present verb.
        assert_no_cue("The rally heard him say sorry.", "say");
    }

    #[test]
    fn a_plural_opening_the_sentence_with_a_description_is_no_name() {
        for (text, source) in [
            (
                "Doctors treating the boy say he is stable.",
                "Doctors treating the boy",
            ),
            (
                "Nurses who staff the wards say the rota is short.",
                "Nurses who staff the wards",
            ),
        ] {
            assert_eq!(kind_of(text, source), Some(SourceKind::Other), "{text}");
        }
        let text = "Senior judges including the former minister Sir Ann Lee have warned the court.";
        assert_eq!(
            kind_of(
                text,
                "Senior judges including the former minister Sir Ann Lee"
            ),
            Some(SourceKind::NamedPerson)
        );
    }

    #[test]
    fn a_plural_subject_set_off_by_commas_or_dashes_keeps_say() {
        let text = "The depot, aides to the mayor say, will close in May.";
        assert_eq!(
            kind_of(text, "aides to the mayor"),
            Some(SourceKind::UnnamedPerson)
        );
        let text = "Officials — and some doctors — say that the ward is short.";
        assert_eq!(
            kind_of(text, "Officials — and some doctors"),
            Some(SourceKind::UnnamedPerson)
        );
    }

    #[test]
    fn a_participle_with_its_agent_describes_the_subject() {
        let text = "The aides, led by the deputy Ann Lee, told donors that the money was gone.";
        assert_eq!(
            kind_of(text, "The aides, led by the deputy Ann Lee"),
            Some(SourceKind::UnnamedPerson)
        );
        assert_reads(
            "Several unions, including the nurses, said the offer was too low.",
            "said",
            "Several unions, including the nurses",
        );
    }

    #[test]
    fn a_long_plural_subject_after_its_words() {
        let (cue, source, kind, content) =
            only("The depot will close in May, people close to the council say.");
        assert_eq!(cue, "say");
        assert_eq!(
            (source.as_deref(), kind),
            (
                Some("people close to the council"),
                SourceKind::UnnamedPerson
            )
        );
        assert_eq!(content.as_deref(), Some("The depot will close in May"));
        // "say" as an aside is no cue.
        assert!(read("It costs, say, ten pounds a week.").is_empty());
    }

    #[test]
    fn a_passive_agent_ends_before_the_infinitive() {
        let (_, source, kind, _) = only("The fund is said by bankers to be short of cash.");
        assert_eq!(
            (source.as_deref(), kind),
            (Some("bankers"), SourceKind::UnnamedPerson)
        );
    }

    #[test]
    fn an_abbreviated_title_stays_inside_the_source() {
        assert_eq!(
            source_of("Aides to Mr. Okafor say the count was late."),
            (
                Some("Aides to Mr. Okafor".into()),
                SourceKind::UnnamedPerson
            )
        );
        assert_eq!(
            source_of("Gov. Rhee said the bridge would reopen.")
                .0
                .as_deref(),
            Some("Gov. Rhee")
        );
    }

    #[test]
    fn a_title_or_an_initial_after_the_verb_stays_inside_the_source() {
        for (text, source) in [
            ("“It is late,” said Mr. Okafor.", "Mr. Okafor"),
            (
                "The count was late, said Sen. Ana B. Ruiz of Ohio.",
                "Sen. Ana B. Ruiz of Ohio",
            ),
            (
                "Rep. Ana B. Ruiz said the count was late.",
                "Rep. Ana B. Ruiz",
            ),
            ("The count was late, according to Dr. Ruiz.", "Dr. Ruiz"),
            ("The count was late, said J. Ruiz.", "J. Ruiz"),
        ] {
            assert_eq!(
                source_of(text),
                (Some(source.into()), SourceKind::NamedPerson),
                "{text}"
            );
        }
    }

    #[test]
    fn an_owner_or_a_contracted_pronoun_is_a_pronoun() {
        assert_eq!(
            source_of("His comments came after the vote."),
            (Some("His".into()), SourceKind::Pronoun)
        );
        assert_eq!(
            kind_of("While he's said he will stay, the count was late.", "he's"),
            Some(SourceKind::Pronoun)
        );
    }

    #[test]
    fn a_plural_opening_the_sentence_is_no_name_unless_the_story_used_it_as_one() {
        assert_eq!(
            source_of("Bankers said the rate would rise.").1,
            SourceKind::UnnamedPerson
        );
        assert_eq!(
            source_of("Polls show the race is close."),
            (Some("Polls".into()), SourceKind::Media)
        );
        assert_eq!(
            source_of("Growers say the frost came early.").1,
            SourceKind::Other
        );
        assert_eq!(
            kind_of(
                "Ann Fields chairs the board.\n\nFields said the frost came early.",
                "Fields"
            ),
            Some(SourceKind::NamedPerson)
        );
    }

    #[test]
    fn an_adverb_before_the_subject_leaves_its_article_to_the_subject() {
        assert_eq!(
            source_of("Later the mayor said the depot would close."),
            (Some("the mayor".into()), SourceKind::OfficeHolder)
        );
        assert_eq!(
            source_of("Meanwhile a council aide said the depot would close.").0,
            Some("a council aide".into())
        );
        assert_eq!(
            source_of("On the weekend two residents said the depot was closed.").0,
            Some("two residents".into())
        );
    }

    #[test]
    fn a_date_after_a_preposition_is_not_part_of_the_subject() {
        for (text, source) in [
            ("In 2017 Okafor said the depot would close.", "Okafor"),
            ("By 2018 officials said the depot was closed.", "officials"),
            ("On Jan. 5 Okafor said the depot would close.", "Okafor"),
            ("On March 5 Okafor said the depot would close.", "Okafor"),
            ("In the 1980s Okafor said the depot would close.", "Okafor"),
            ("In 1998 the party said the depot would close.", "the party"),
            // A number that is no date counts the source.
            (
                "On Monday 300 protesters said the depot was closed.",
                "300 protesters",
            ),
            (
                "The 2016 candidates said the depot would close.",
                "The 2016 candidates",
            ),
        ] {
            assert_eq!(source_of(text).0.as_deref(), Some(source), "{text}");
        }
    }

    #[test]
    fn what_was_told_starts_past_the_listener() {
        let (_, _, _, content) = only("Ann Lee told reporters the depot would close.");
        assert_eq!(content.as_deref(), Some("the depot would close"));
    }

    #[test]
    fn a_listener_told_is_not_part_of_the_next_subject() {
        let all = read("Ann Lee told parliament the audit report showed the depot was closed.");
        let showed = all.iter().find(|(cue, ..)| cue == "showed");
        assert_eq!(
            showed.and_then(|(_, source, ..)| source.as_deref()),
            Some("the audit report"),
            "{all:?}"
        );
    }

    #[test]
    fn an_adverbial_preposition_ends_the_subject() {
        let all = read("The vote went ahead despite the mayor's allies saying they had the votes.");
        let sources: Vec<&str> = all.iter().filter_map(|a| a.1.as_deref()).collect();
        assert!(sources.iter().all(|s| !s.contains("despite")), "{all:?}");
    }

    #[test]
    fn a_noun_of_talk_before_the_subject_is_not_part_of_it() {
        // "that" left out after "speculation": the subject starts at its article.
        let all = read("For a while there was speculation the mayor might consider the sale.");
        let sources: Vec<&str> = all.iter().filter_map(|a| a.1.as_deref()).collect();
        assert!(
            sources.iter().all(|s| !s.contains("speculation")),
            "{all:?}"
        );
        // A preposition before the article keeps the phrase whole.
        assert_eq!(
            source_of("People close to the mayor said the sale would wait.").0,
            Some("People close to the mayor".into())
        );
    }

    #[test]
    fn a_poll_is_the_source_of_its_figures() {
        let (cue, source, kind, content) = only("The mayor holds a narrow lead in the polls.");
        assert_eq!(cue, "in");
        assert_eq!(source.as_deref(), Some("the polls"));
        assert_eq!(kind, SourceKind::Media);
        assert_eq!(content.as_deref(), Some("The mayor holds a narrow lead"));
        // The figures also back the levy in their own clause; the poll is still their source.
        let found = read("In a Courier/Metro survey taken last week, 41 percent backed the levy.");
        let (_, source, _, content) = found
            .into_iter()
            .find(|(cue, ..)| cue == "In")
            .unwrap_or_else(|| unreachable!());
        assert_eq!(source.as_deref(), Some("a Courier/Metro survey"));
        assert_eq!(content.as_deref(), Some("41 percent backed the levy"));
        assert!(read("She was in the polling station and the school.").is_empty());
    }

    #[test]
    fn a_deed_is_a_cue_of_its_own_class() {
        let story = Story::new(
            "The councillor sought a recount of the ward.",
            SourceFormat::PlainText,
        );
        let layer = Attributions::read(&story);
        assert_eq!(layer.len(), 1);
        assert_eq!(
            layer.get(0).expect("an attribution").cue_kind,
            CueKind::Verb(VerbClass::Action)
        );
        assert!(!layer.get(0).expect("an attribution").is_speech(&story));
    }

    #[test]
    fn a_headline_gives_a_named_voice_its_words_after_a_colon() {
        let text = "Okafor: Bridge Tolls Will Rise Next Year\n\nThe toll board met on Monday.";
        let all = read(text);
        assert!(
            all.iter()
                .any(|(cue, source, ..)| cue == ":" && source.as_deref() == Some("Okafor")),
            "{all:?}"
        );
        let label = "Flood warning: rivers rise across the valley\n\nThe toll board met.";
        assert!(read(label).iter().all(|(cue, ..)| cue != ":"));
    }

    #[test]
    fn a_newsrooms_label_before_a_colon_gives_no_one_the_words() {
        for text in [
            "Breaking: Judge Halts Toll Rise On Bridge\n\nThe toll board met on Monday.",
            "The board met on Monday.\n\nCorrection: An earlier version of this story gave the wrong date for the meeting.",
            "The board met on Monday.\n\nGood news: the tolls will not rise this year after all.",
        ] {
            assert_no_cue(text, ":");
        }
        // A document alone before the colon still gives its findings.
        assert_reads(
            "The race is close.\n\nPoll: Lee and Cole are tied in the race for mayor.",
            ":",
            "Poll",
        );
        // A preposition's capital names no one who could speak.
        assert_no_cue(
            "The two men go back years.\n\nAmong the ties between them: their sons went to school together.",
            ":",
        );
    }

    #[test]
    fn a_capital_from_the_sentences_start_names_no_one() {
        let text = "Data show that the average toll has doubled since 2010.";
        assert_eq!(kind_of(text, "Data"), Some(SourceKind::Media));
        // A participle, a preposition or a conjunction opening the sentence is no name.
        assert_reads(
            "Speaking at a rally in Dover, Lee went after Cole, calling him a fraud.",
            "calling",
            "Lee",
        );
        assert_reads(
            "Opening the new depot, the mayor stopped short of naming the firm but warned that tolls would rise.",
            "warned",
            "the mayor",
        );
        let text = "Yet she did not stop there, also calling on voters to reject the plan after citing the toll rise.";
        assert!(
            read(text)
                .iter()
                .all(|(_, s, k, _)| s.as_deref() != Some("Yet") || *k != SourceKind::NamedPerson),
            "{text}: {:?}",
            read(text)
        );
        let adverbial =
            "With our farm sector in serious decline the country cannot live on services.";
        assert!(
            read(adverbial)
                .iter()
                .all(|(_, _, k, _)| *k != SourceKind::NamedPerson),
            "{:?}",
            read(adverbial)
        );
        assert_reads(
            "Launching the service last autumn, the trade secretary, Ann Lee, called it a boon for exporters.",
            "called",
            "the trade secretary, Ann Lee",
        );
        // "yet" stands between an auxiliary and its verb like "still".
        assert_reads(
            "The toll board has not yet responded to the letter.",
            "responded to",
            "The toll board",
        );
    }

    #[test]
    fn a_colon_introduced_quote_after_a_cue_verb() {
        let (cue, source, kind, content) =
            only("A cabinet minister added: “The budget will not survive the summer.”");
        assert_eq!(cue, "added");
        assert_eq!(source.as_deref(), Some("A cabinet minister"));
        assert_eq!(kind, SourceKind::UnnamedPerson);
        assert_eq!(
            content.as_deref(),
            Some("“The budget will not survive the summer.”")
        );
    }

    #[test]
    fn a_bare_numeral_or_another_stands_for_a_source() {
        let text = "Two aides were at the meeting. “It went badly,” one said. Another added: “We lost the room.”";
        let found = read(text);
        let kinds: Vec<_> = found
            .iter()
            .map(|(_, s, k, _)| (s.clone().unwrap_or_default(), *k))
            .collect();
        assert!(
            kinds.contains(&("one".to_owned(), SourceKind::UnnamedPerson)),
            "{found:?}"
        );
        assert!(
            kinds.contains(&("Another".to_owned(), SourceKind::UnnamedPerson)),
            "{found:?}"
        );
        assert_eq!(
            source_of("“The whips have lost count,” said one senior Tory."),
            (
                Some("one senior Tory".to_owned()),
                SourceKind::UnnamedPerson
            )
        );
        assert_eq!(
            source_of("A second minister said the vote would be close."),
            (
                Some("A second minister".to_owned()),
                SourceKind::UnnamedPerson
            )
        );
    }

    #[test]
    fn a_relative_clause_inside_the_description() {
        // "backs" is a stance cue of its own inside the description.
        let text = "One backbencher who backs the chancellor said the plan was doomed.";
        let said = read(text)
            .into_iter()
            .find(|(cue, ..)| cue == "said")
            .map(|(_, source, kind, _)| (source, kind));
        assert_eq!(
            said,
            Some((
                Some("One backbencher who backs the chancellor".to_owned()),
                SourceKind::UnnamedPerson
            ))
        );
    }

    #[test]
    fn cue_verbs_other_than_said() {
        let (cue, source, kind, _) = only("A Treasury official raised concerns about the cost.");
        assert_eq!(cue, "raised");
        assert_eq!(source.as_deref(), Some("A Treasury official"));
        assert_eq!(kind, SourceKind::UnnamedPerson);
        assert!(read("The council raised taxes again.").is_empty());
        assert_eq!(
            source_of("Insiders at the ministry regarded the offer as an insult."),
            (
                Some("Insiders at the ministry".to_owned()),
                SourceKind::UnnamedPerson
            )
        );
        assert_eq!(
            source_of("Lawmakers have said the bill goes too far."),
            (Some("Lawmakers".to_owned()), SourceKind::UnnamedPerson)
        );
    }

    #[test]
    fn a_particle_after_the_verb_belongs_to_the_cue() {
        for (text, cue, content) in [
            (
                "The mayor pointed out that the ferry ran late.",
                "pointed out",
                "that the ferry ran late",
            ),
            (
                "Two councillors called for a recount of the ballots.",
                "called for",
                "a recount of the ballots",
            ),
            (
                "The harbour master has commented on the dredging plan.",
                "has commented on",
                "the dredging plan",
            ),
        ] {
            let (found_cue, _, _, found_content) = only(text);
            assert_eq!(found_cue, cue, "{text:?}");
            assert_eq!(found_content.as_deref(), Some(content), "{text:?}");
        }
        for (text, cue, content) in [
            (
                "The mayor made it clear that the ferry would run.",
                "made it clear",
                "that the ferry would run",
            ),
            (
                "The harbour master talked about the dredging plan.",
                "talked about",
                "the dredging plan",
            ),
            (
                "Two councillors spoke out against the toll.",
                "spoke out",
                "against the toll",
            ),
        ] {
            let (found_cue, _, _, found_content) = only(text);
            assert_eq!(found_cue, cue, "{text:?}");
            assert_eq!(found_content.as_deref(), Some(content), "{text:?}");
        }
        // Without "clear", "about" or "out" these verbs report nothing.
        for text in [
            "The ferry made a clear profit last year.",
            "The mayor talked for an hour.",
            "She spoke to the crowd.",
        ] {
            assert!(read(text).is_empty(), "{text:?} gave {:?}", read(text));
        }
        // "out" after a verb outside the table stays outside the cue.
        let (cue, _, _, _) = only("The mayor said out loud that the ferry ran late.");
        assert_eq!(cue, "said");
    }

    #[test]
    fn agentless_forms() {
        for (text, cue) in [
            (
                "The premier is understood to have rejected the offer.",
                "is understood to",
            ),
            (
                "The envoy is said to be furious about the leak.",
                "is said to",
            ),
            ("The scheme was criticised as wasteful.", "was criticised"),
            (
                "The mayor has faced criticism over the contract.",
                "faced criticism",
            ),
            (
                "The plan stalled amid accusations that funds were misused.",
                "amid accusations",
            ),
            (
                "The plan stalled amid doubts about its cost.",
                "amid doubts",
            ),
            ("The talks reportedly collapsed on Friday.", "reportedly"),
            (
                "The mayor is drawing criticism for the contract.",
                "drawing criticism",
            ),
        ] {
            let (found_cue, source, kind, _) = only(text);
            assert_eq!(found_cue, cue, "{text}");
            assert_eq!((source, kind), (None, SourceKind::Agentless), "{text}");
        }
    }

    #[test]
    fn as_one_put_it_gives_the_phrasing_a_source() {
        assert_eq!(
            source_of("As one diplomat put it, the talks were a makeover."),
            (Some("one diplomat".into()), SourceKind::UnnamedPerson)
        );
        assert!(read("The count put it at forty votes.").is_empty());
        // After a quotation, the phrase puts only the quoted words.
        let all = read(
            "Several members of the board share her doubts, since the test is a \"clean record,\" as a council memo put it.",
        );
        let put = all.iter().find(|(cue, ..)| cue == "put it");
        assert_eq!(
            put.map(|(_, source, _, content)| (source.as_deref(), content.as_deref())),
            Some((Some("a council memo"), Some("clean record,"))),
            "{all:?}"
        );
    }

    #[test]
    fn reports_received_are_news_not_hearsay() {
        let all = read("Police received reports of a fire on the quay.");
        assert!(
            all.iter()
                .all(|(_, _, kind, _)| *kind != SourceKind::Agentless),
            "{all:?}"
        );
    }

    #[test]
    fn media_and_the_newsroom_itself() {
        assert_eq!(
            source_of("State media reported that the border was closed."),
            (Some("State media".to_owned()), SourceKind::Media)
        );
        assert_eq!(
            source_of("The Guardian has learnt that the review was shelved."),
            (Some("The Guardian".to_owned()), SourceKind::Media)
        );
    }

    #[test]
    fn quoted_as_saying_and_reportedly_told() {
        let (cue, source, kind, _) = only("The minister was quoted as saying the deal was dead.");
        assert_eq!(cue, "was quoted as saying");
        assert_eq!(source.as_deref(), Some("The minister"));
        assert_eq!(kind, SourceKind::OfficeHolder);
        let (cue, source, kind, _) = only("Ann Lee reportedly told colleagues she would resign.");
        assert_eq!(cue, "reportedly told");
        assert_eq!(source.as_deref(), Some("Ann Lee"));
        assert_eq!(kind, SourceKind::NamedPerson);
    }

    #[test]
    fn a_relative_clause_with_a_cue_verb_describes_the_subject_of_say() {
        assert_reads(
            "Progressive groups that endorsed him say the vote was rigged.",
            "say",
            "Progressive groups that endorsed him",
        );
        // The name ending the clause is its object: no subject of "say", and no one named.
        let text = "The unions that have backed Ann Lee say they will strike.";
        assert_reads(text, "say", "The unions that have backed Ann Lee");
        assert_eq!(
            kind_of(text, "The unions that have backed Ann Lee"),
            Some(SourceKind::Other)
        );
        // A clause whose own subject follows "that" leaves the phrase before it alone.
        assert_reads(
            "The rules that management say are unfair will go.",
            "say",
            "management",
        );
    }

    #[test]
    fn a_polls_share_of_people_is_a_plural_subject() {
        assert_reads("And 64 percent call him competent.", "call", "64 percent");
        assert_reads(
            "Only 50 percent believe that the levy is fair.",
            "believe",
            "Only 50 percent",
        );
        // A share opening the sentence is no one's name.
        assert_eq!(
            kind_of("Two-thirds support a delay.", "Two-thirds"),
            Some(SourceKind::Other)
        );
        // The noun after a share: "38 percent support" among a group, not a verb.
        assert_no_cue("Lee has 38 percent support among women.", "support");
    }

    #[test]
    fn a_polls_share_keeps_its_hedge() {
        assert_reads(
            "Just under a third say they will stay home.",
            "say",
            "Just under a third",
        );
        assert_reads("Nearly half say the toll is fair.", "say", "Nearly half");
    }

    #[test]
    fn a_polls_share_restated_as_a_figure_is_the_subject() {
        assert_reads(
            "Among likely voters, about two-thirds, 64 percent, say the levy is fair.",
            "say",
            "about two-thirds, 64 percent",
        );
        assert_reads(
            "Just under a third, 31%, say they will stay home.",
            "say",
            "Just under a third, 31%",
        );
        // A figure that opens a clause of its own after the comma is no appositive.
        assert_no_cue(
            "When Lee is matched against Cole, 41 percent of the voters polled said they would back the mayor, compared to 38 percent for Lee.",
            "compared",
        );
    }

    #[test]
    fn a_conjunction_or_a_likeness_leaves_an_appositive_subject_whole() {
        assert_reads(
            "And the union's treasurer, Ann Lee, said the fund was empty.",
            "said",
            "the union's treasurer, Ann Lee",
        );
        assert_reads(
            "But Sam Cole, a lawyer for the tenants, argues that the rent is unlawful.",
            "argues",
            "Sam Cole, a lawyer for the tenants",
        );
        assert_reads(
            "Farm economists, like their colleagues in the cities, say the levy is too high.",
            "say",
            "Farm economists, like their colleagues in the cities",
        );
    }

    #[test]
    fn adding_a_sum_is_no_saying() {
        for text in [
            "The depot added 20 jobs last year.",
            "The Greens had their best result, adding at least two seats in the city.",
            "Shares in the firm added £2 to close at £40.",
            "The party added nearly 3,000 members.",
        ] {
            assert!(
                read(text).iter().all(|(c, ..)| !c.starts_with("add")),
                "{text}: {:?}",
                read(text)
            );
        }
        assert_reads(
            "Lee praised the plan, adding that it would cut tolls.",
            "adding",
            "Lee",
        );
        assert_reads(
            "“It is fair,” Lee added. “Two tolls will go.”",
            "added",
            "Lee",
        );
    }

    #[test]
    fn a_gerund_opening_the_sentence_is_said_by_the_main_clauses_subject() {
        for (text, source, content) in [
            (
                "After saying the toll was fair, the mayor asked for a vote.",
                "the mayor",
                "the toll was fair",
            ),
            (
                "While saying that she respects Cole, Lee went on to attack his record.",
                "Lee",
                "that she respects Cole",
            ),
        ] {
            let found = read(text);
            assert!(
                found.iter().any(|(c, s, _, t)| c == "saying"
                    && s.as_deref() == Some(source)
                    && t.as_deref() == Some(content)),
                "{text:?} gave {found:?}"
            );
        }
    }

    #[test]
    fn a_clause_with_an_appositive_inside_leaves_the_speaker_after_the_verb() {
        for text in [
            "The slump in wool, the region's main export, is hurting every farm, said Sam Cole, head of the growers' union.",
            "But the slump in wool, the region's main export, has hurt every farm, said Sam Cole.",
        ] {
            assert_reads(text, "said", "Sam Cole");
        }
        // The verb after the close belongs to a relative clause inside the appositive.
        assert_reads(
            "Ann Lee, whose town, Dover, is flooded every spring, argues that the levy is too low.",
            "argues",
            "Ann Lee, whose town, Dover, is flooded every spring",
        );
    }

    #[test]
    fn the_owner_of_a_nominal_cue_starts_at_its_determiner() {
        assert_reads(
            "Ann Lee apologised for her party's suggestion that the vote was rigged.",
            "suggestion",
            "her party's",
        );
        assert_reads(
            "Voters heard the mayor's claim that the depot would close.",
            "claim",
            "the mayor's",
        );
    }

    #[test]
    fn a_full_name_set_off_after_a_person_noun_names_the_source() {
        for (text, source) in [
            (
                "The donor, Sam Cole, told reporters she would stay.",
                "The donor, Sam Cole",
            ),
            (
                "The city's press secretary, Gen. Ann F. Lee, said the depot would close.",
                "The city's press secretary, Gen. Ann F. Lee",
            ),
        ] {
            assert_eq!(
                source_of(text),
                (Some(source.to_owned()), SourceKind::NamedPerson),
                "{text}"
            );
        }
        // A surname alone may be a second mention; the description keeps its kind.
        assert_eq!(
            source_of("The aide, Lee, said the depot would close.").1,
            SourceKind::UnnamedPerson
        );
        // A body's name after a noun that is no person's.
        assert_ne!(
            source_of("The group, Human Rights Watch, said the depot would close.").1,
            SourceKind::NamedPerson
        );
    }

    #[test]
    fn kinds_of_source() {
        for (text, source, kind) in [
            (
                "Critics say the law is vague.",
                "Critics",
                SourceKind::VagueGroup,
            ),
            (
                "Some analysts believe rates will rise.",
                "Some analysts",
                SourceKind::VagueGroup,
            ),
            (
                "The prime minister said talks would resume.",
                "The prime minister",
                SourceKind::OfficeHolder,
            ),
            (
                "The rules are strict, according to the ministry.",
                "the ministry",
                SourceKind::NamedOrganisation,
            ),
            (
                "The mill will close, its chief executive said.",
                "its chief executive",
                SourceKind::OfficeHolder,
            ),
            (
                "The mill will close, a chief executive at a rival firm said.",
                "a chief executive at a rival firm",
                SourceKind::UnnamedPerson,
            ),
            (
                "“We will appeal,” said Ann Lee.",
                "Ann Lee",
                SourceKind::NamedPerson,
            ),
            ("“We will appeal,” she said.", "she", SourceKind::Pronoun),
            // A body before a title, or after the name, is where a named person works.
            (
                "Police Commissioner Ann Lee said the march was calm.",
                "Police Commissioner Ann Lee",
                SourceKind::NamedPerson,
            ),
            (
                "The venture capitalist Ann Lee said the plan was sound.",
                "The venture capitalist Ann Lee",
                SourceKind::NamedPerson,
            ),
            (
                "Ann Lee of the University of Otago said the data were thin.",
                "Ann Lee of the University of Otago",
                SourceKind::NamedPerson,
            ),
            (
                "The Otago Rowing Club said the regatta was off.",
                "The Otago Rowing Club",
                SourceKind::NamedOrganisation,
            ),
            // A lower-case description before a full name that ends the phrase makes it a
            // person's, after a body's name with "of" in it too; a body's own noun does not.
            (
                "Bank of Otago deputy governor Ann Lee said rates would hold.",
                "Bank of Otago deputy governor Ann Lee",
                SourceKind::NamedPerson,
            ),
            (
                "Charity boss Ann Lee said the appeal had closed.",
                "Charity boss Ann Lee",
                SourceKind::NamedPerson,
            ),
            (
                "The mining group Otago Gold said output fell.",
                "The mining group Otago Gold",
                SourceKind::NamedOrganisation,
            ),
            (
                "The contractor Harwick Services said the road would open.",
                "The contractor Harwick Services",
                SourceKind::NamedOrganisation,
            ),
            (
                "The campaign of the nominee Ann Lee said the count was wrong.",
                "The campaign of the nominee Ann Lee",
                SourceKind::NamedOrganisation,
            ),
            // An office's capitalised complement runs into the name; a given name marks it.
            (
                "Secretary of State John Okafor said the talks would resume.",
                "Secretary of State John Okafor",
                SourceKind::NamedPerson,
            ),
            (
                "Minister of Energy and Mines Ana Ruiz Vega said output rose.",
                "Minister of Energy and Mines Ana Ruiz Vega",
                SourceKind::NamedPerson,
            ),
            // A lower-case office keeps its name too; a person noun does not.
            (
                "Senior vice president of marketing Ann Lee said output rose.",
                "Senior vice president of marketing Ann Lee",
                SourceKind::NamedPerson,
            ),
            (
                "A spokesman of Governor Ann Lee said output rose.",
                "A spokesman of Governor Ann Lee",
                SourceKind::UnnamedPerson,
            ),
            // A capital before a plural or a share names no one.
            (
                "Otago growers said the levy was fair.",
                "Otago growers",
                SourceKind::Other,
            ),
            (
                "Sixty percent of Otago voters said the levy was fair.",
                "Sixty percent of Otago voters",
                SourceKind::Other,
            ),
            (
                "A Courier poll found the levy unpopular.",
                "A Courier poll",
                SourceKind::Media,
            ),
            (
                "The University of Otago said classes would resume.",
                "The University of Otago",
                SourceKind::NamedOrganisation,
            ),
            (
                "One senior MP said the whips had lost count.",
                "One senior MP",
                SourceKind::UnnamedPerson,
            ),
            (
                "Unnamed diplomatic sources said the talks had stalled.",
                "Unnamed diplomatic sources",
                SourceKind::UnnamedPerson,
            ),
            (
                "Two people familiar with the talks said a deal was near.",
                "Two people familiar with the talks",
                SourceKind::UnnamedPerson,
            ),
            (
                "Ann Lee, an analyst at the bank, said rates would rise.",
                "Ann Lee, an analyst at the bank",
                SourceKind::NamedPerson,
            ),
        ] {
            assert_eq!(source_of(text), (Some(source.to_owned()), kind), "{text}");
        }
        // The friends speak for the person they are named after.
        let (source, kind) = source_of("Friends of Ann Lee said she was safe.");
        assert_eq!(source.as_deref(), Some("Friends of Ann Lee"));
        assert_ne!(kind, SourceKind::NamedPerson);
    }

    #[test]
    fn nouns_that_look_like_verbs_do_not_cue() {
        assert!(read("The United States sent aid to the region.").is_empty());
        assert!(read("He wrote a long post about the vote.").len() == 1);
    }

    #[test]
    fn cues_beyond_the_verb_list_of_old() {
        let (cue, source, kind, _) = only("“We will not move an inch,” she continued.");
        assert_eq!(
            (cue.as_str(), source.as_deref()),
            ("continued", Some("she"))
        );
        assert_eq!(kind, SourceKind::Pronoun);
        assert!(read("Prices continued to rise through the spring.").is_empty());
        let found = read("“It is a disgrace,” he said, referring to the strike.");
        assert!(
            found.iter().any(|(cue, _, _, _)| cue == "referring"),
            "{found:?}"
        );
        let (cue, source, kind, content) =
            only("One senior MP: the whips have lost count of the rebels.");
        assert_eq!(cue, ":");
        assert_eq!(source.as_deref(), Some("One senior MP"));
        assert_eq!(kind, SourceKind::UnnamedPerson);
        assert_eq!(
            content.as_deref(),
            Some("the whips have lost count of the rebels")
        );
        assert!(read("Key points: the bridge reopens on Monday after repairs.").is_empty());
    }

    #[test]
    fn documents_speak_and_questions_are_the_reporters() {
        let (cue, source, kind, _) = only("The poll shows support for the mayor slipping.");
        assert_eq!(
            (cue.as_str(), source.as_deref()),
            ("shows", Some("The poll"))
        );
        assert_eq!(kind, SourceKind::Media);
        assert!(read("Users can report posts to the moderators.").is_empty());
        let found = read("The council issued a statement saying the pool would close.");
        assert!(
            found
                .iter()
                .any(|(cue, source, _, _)| cue == "saying"
                    && source.as_deref() == Some("a statement")),
            "{found:?}"
        );
        let found = read("Asked about the leak, the mayor said she had not seen it.");
        assert!(found
            .iter()
            .any(|(cue, _, kind, _)| cue == "Asked" && *kind == SourceKind::Agentless));
        let (cue, source, _, _) = only("The senator appeared to mock the plan.");
        assert_eq!(
            (cue.as_str(), source.as_deref()),
            ("appeared", Some("The senator"))
        );
        assert!(read("The senator appeared in court on Monday.").is_empty());
    }

    #[test]
    fn relative_pronouns_gerunds_and_names_before_said_to() {
        let (_, source, _, _) =
            only("The council passed a resolution which said the city welcomes refugees.");
        assert_eq!(source.as_deref(), Some("a resolution"));
        let (cue, source, _, _) = only("The senator said to reporters that he would run.");
        assert_eq!(
            (cue.as_str(), source.as_deref()),
            ("said", Some("The senator"))
        );
        let (cue, source, _, _) = only("Ann Lee, a consultant, notes that turnout fell.");
        assert_eq!(
            (cue.as_str(), source.as_deref()),
            ("notes", Some("Ann Lee, a consultant"))
        );
        let story = Story::new(
            "The talk turned to prices, saying that bread is dear.",
            SourceFormat::PlainText,
        );
        let layer = Attributions::read(&story);
        assert!(layer
            .iter()
            .any(|a| matches!(a.cue_kind, CueKind::Verb(_)) && a.source().is_none()));
        assert!(read("Once the petition passes, it must be considered for debate.").is_empty());
    }

    #[test]
    fn more_agentless_forms() {
        for (text, cue) in [
            (
                "It is expected that the talks will fail.",
                "is expected that",
            ),
            ("It is hoped the bridge will reopen in May.", "is hoped"),
            (
                "There was speculation that the coach would quit.",
                "There was speculation",
            ),
            (
                "A man thought to be in his thirties was arrested.",
                "thought to",
            ),
            (
                "Two men - thought to be brothers - were held overnight.",
                "thought to",
            ),
            (
                "The boat, said to be the oldest in the fleet, sank.",
                "said to",
            ),
        ] {
            let (found_cue, source, kind, _) = only(text);
            assert_eq!(found_cue, cue, "{text}");
            assert_eq!((source, kind), (None, SourceKind::Agentless), "{text}");
        }
    }

    #[test]
    fn names_and_irony_are_not_attribution() {
        assert!(read("The bridge, also known as the Iron Span, reopened last week.").is_empty());
        assert!(read("The party lost ground in a supposedly safe seat.").is_empty());
    }

    #[test]
    fn a_source_speaking_to_another_outlet_is_relayed() {
        let text = "An insider told the Sunday Times that the deal was off.";
        let story = Story::new(text, SourceFormat::PlainText);
        let layer = Attributions::read(&story);
        let relayed = layer.get(0).and_then(|a| a.relayed_by());
        assert_eq!(relayed.map(|s| story.text(s)), Some("the Sunday Times"));
        let story = Story::new(
            "An insider told colleagues that the deal was off.",
            SourceFormat::PlainText,
        );
        assert!(Attributions::read(&story)
            .get(0)
            .expect("an attribution")
            .relayed_by()
            .is_none());
        // The listener's name, not what the source told it; a place before the listeners is
        // no outlet.
        let cases = [
            ("An aide told Reuters the plan was dead.", Some("Reuters")),
            (
                "An aide told Reuters by phone that the plan was dead.",
                Some("Reuters"),
            ),
            (
                "A source told the Times of India the plan was dead.",
                Some("the Times of India"),
            ),
            (
                "A source told the Sunday newspaper the plan was dead.",
                Some("the Sunday newspaper"),
            ),
            (
                "An aide told the Reuters news agency the plan was dead.",
                Some("the Reuters news agency"),
            ),
            (
                "An aide told the BBC mistakes were made on both sides.",
                Some("the BBC"),
            ),
            ("Officials told Marlow residents to boil their water.", None),
        ];
        for (text, outlet) in cases {
            assert_eq!(relay_of(text), [outlet.map(str::to_string)], "{text}");
        }
        // A broadcaster's call letters.
        let text = "“It started downtown,” a police source told WKRN.";
        let story = Story::new(text, SourceFormat::PlainText);
        let layer = Attributions::read(&story);
        let relayed = layer.get(0).and_then(|a| a.relayed_by());
        assert_eq!(relayed.map(|s| story.text(s)), Some("WKRN"));
    }

    #[test]
    fn market_colour_is_marked() {
        let story = Story::new("Traders said the dollar firmed.", SourceFormat::PlainText);
        let layer = Attributions::read(&story);
        assert_eq!(layer.len(), 1);
        assert!(is_market_colour(
            &story,
            &layer.get(0).expect("an attribution"),
            false
        ));
        let story = Story::new(
            "Officials said the bank would act.",
            SourceFormat::PlainText,
        );
        let layer = Attributions::read(&story);
        assert!(!is_market_colour(
            &story,
            &layer.get(0).expect("an attribution"),
            true
        ));
        // Economists on a levy are a vague group; on the day's bond prices, the market's mood.
        let story = Story::new(
            "Some economists believe the levy will close the mill.",
            SourceFormat::PlainText,
        );
        let layer = Attributions::read(&story);
        assert!(!markets_copy_with(&story, None) && !layer.is_markets_copy());
        assert!(!is_market_colour(
            &story,
            &layer.get(0).expect("an attribution"),
            false
        ));
        let story = Story::new(
            "Bond prices fell and yields rose as the dollar slipped. Economists said the index \
             would keep falling.",
            SourceFormat::PlainText,
        );
        let layer = Attributions::read(&story);
        assert!(markets_copy_with(&story, None) && layer.is_markets_copy());
        assert!(layer.iter().any(|a| is_market_colour(&story, &a, true)));
        // A company's results and deals are the trade's copy too; a political analyst in it
        // is still no market voice.
        let story = Story::new(
            "Orrin Foods doubled its profit and raised its dividend. Shareholders cheered the \
             takeover. Analysts said profits would rise. Political analysts said the minister \
             would resign.",
            SourceFormat::PlainText,
        );
        let layer = Attributions::read(&story);
        assert!(markets_copy_with(&story, None) && layer.is_markets_copy());
        let colour: Vec<&str> = layer
            .iter()
            .filter(|a| is_market_colour(&story, a, true))
            .filter_map(|a| a.source().map(|s| story.text(s)))
            .collect();
        assert_eq!(colour, ["Analysts"]);
    }

    #[test]
    fn commentators_on_the_economy_are_market_colour_outside_market_copy() {
        let colour = |text: &str| {
            let story = Story::new(text, SourceFormat::PlainText);
            let layer = Attributions::read(&story);
            assert!(!layer.is_markets_copy(), "{text}");
            layer
                .iter()
                .filter(|a| is_market_colour(&story, a, false))
                .filter_map(|a| a.source().map(|s| story.text(s).to_string()))
                .collect::<Vec<_>>()
        };
        // What they say is about demand and the economy, or who they are puts them in the market.
        assert_eq!(
            colour("Demand for tractors will slow next year, analysts said."),
            ["analysts"]
        );
        assert_eq!(
            colour("Economists expect the economy to shrink in the spring."),
            ["Economists"]
        );
        assert_eq!(
            colour("Currency analysts said the minister's remarks were unusual."),
            ["Currency analysts"]
        );
        // A tax or a budget is a policy argument, and a sector's analysts on a chief executive
        // are commentators like any other.
        assert!(colour("Economists said the sales tax would hurt the economy.").is_empty());
        assert!(colour("Banking analysts said the chief executive would struggle.").is_empty());
        assert!(colour("Analysts said the senator would win the primary.").is_empty());
    }

    fn source_of_cue(text: &str, cue: &str) -> Option<String> {
        read(text)
            .into_iter()
            .find(|(c, ..)| c == cue)
            .and_then(|(_, source, ..)| source)
    }

    fn relay_of(text: &str) -> Vec<Option<String>> {
        let story = Story::new(text, SourceFormat::PlainText);
        Attributions::read(&story)
            .iter()
            .map(|a| a.relayed_by().map(|s| story.text(s).to_owned()))
            .collect()
    }

    #[test]
    fn said_is_a_cue_even_where_its_speaker_cannot_be_placed() {
        let found = read(
            "One of the two authors of the 2019 audit of the port, the economist Jane Doe of \
             Ashford, said the levy would fail.",
        );
        assert!(
            found.iter().any(|(cue, _, _, content)| cue == "said"
                && content.as_deref() == Some("the levy would fail")),
            "{found:?}"
        );
        // Not the idiom, a name, or a saying an agentless hedge holds; never an agentless form.
        lacks_cue("That said, the levy passed.", "said");
        lacks_cue(
            "By March, Said is understood to own the ferry line.",
            "said",
        );
        let hedged = read(
            "Many councillors are said to be unhappy with the levy and have said they want a \
             vote.",
        );
        assert!(hedged.iter().all(|(cue, ..)| cue != "said"), "{hedged:?}");
        let story = Story::new(
            "One of the two authors of the 2019 audit of the port, the economist Jane Doe of \
             Ashford, said the levy would fail.",
            SourceFormat::PlainText,
        );
        assert!(Attributions::read(&story)
            .iter()
            .all(|a| a.cue_kind != CueKind::Agentless));
    }

    #[test]
    fn a_document_opening_the_sentence_is_the_source_of_shows() {
        for text in [
            "A new analysis of the port's accounts, which run to 2019, shows the levy raised \
             little.",
            "A new analysis of firms that have raised $5 million or more since May 1, 2019, \
             shows the levy raised little.",
        ] {
            let found = read(text);
            assert!(
                found.iter().any(|(cue, source, ..)| cue == "shows"
                    && source
                        .as_deref()
                        .is_some_and(|s| s.starts_with("A new analysis"))),
                "{found:?}"
            );
        }
        lacks_cue("The mayor, who loves TV, shows up late.", "shows");
    }

    #[test]
    fn a_colon_closing_a_clause_gives_its_subject_the_quotation() {
        let (cue, source, _, content) = only(
            "Ms Lee listed three reasons for the delay: “The budget is late and the staff are \
             tired.”",
        );
        assert_eq!(cue, ":");
        assert_eq!(source.as_deref(), Some("Ms Lee"));
        assert_eq!(
            content.as_deref(),
            Some("“The budget is late and the staff are tired.”")
        );
        // A label has no verb, and a thing cannot speak.
        assert!(read("The result: “a shambles.”").is_empty());
        assert!(read("The storm flooded two villages: “Nothing was left.”").is_empty());
        // A second clause before the colon holds the words.
        let arrested = read(
            "Two people were detained after the meeting was halted by marchers chanting: “Go \
             home.”",
        );
        assert!(arrested.iter().all(|(cue, ..)| cue != ":"), "{arrested:?}");
        // A verb of saying before the colon is the cue; the colon adds none.
        let told = read("Ms Lee told the council: “The budget is late.”");
        assert_eq!(told.len(), 1, "{told:?}");
        assert_eq!(told[0].0, "told");
    }

    #[test]
    fn subjects_past_long_descriptions() {
        let cases = [
            (
                "Nell Pruett, the mayor’s campaign manager, said the count was late.",
                "Nell Pruett, the mayor’s campaign manager",
            ),
            (
                "Ada Vance, Reyes’ chief of staff, said the count was late.",
                "Ada Vance, Reyes’ chief of staff",
            ),
            (
                "Rep. Tomas Ruud (D-Ore.), chair of the panel, said the count was late.",
                "Rep. Tomas Ruud (D-Ore.), chair of the panel",
            ),
            (
                "The union’s treasurer, Bo Lindqvist, said the count was late.",
                "The union’s treasurer, Bo Lindqvist",
            ),
            (
                "Election officials, however, said the count was late.",
                "Election officials",
            ),
            (
                "Several speakers — including two pastors — said the count was late.",
                "Several speakers — including two pastors",
            ),
            ("Kelly said the count was late.", "Kelly"),
            (
                "Ruth Daly and Sam Orr say the count was late.",
                "Ruth Daly and Sam Orr",
            ),
            (
                "Supporters of the levy, however, say the count was late.",
                "Supporters of the levy",
            ),
            (
                "Managers at the depot, which closed in May, say the count was late.",
                "Managers at the depot, which closed in May",
            ),
        ];
        for (text, source) in cases {
            let found = read(text).into_iter().find_map(|(_, s, ..)| s);
            assert_eq!(found.as_deref(), Some(source), "{text}");
        }
        // A noun that a count or a name may stand before is not a verb.
        assert!(read("The firm won three state contracts.").is_empty());
        // "say" as an aside, "for example", names no speaker.
        assert!(read("Costs of, say, ten dollars would ruin the depot.").is_empty());
    }

    #[test]
    fn a_gerund_after_a_comma_inside_quotation_marks() {
        let text = "Ogden praised “Midland grit,” saying the jobs would stay.";
        assert_eq!(source_of_cue(text, "saying").as_deref(), Some("Ogden"));
    }

    #[test]
    fn a_gerund_without_a_comma() {
        let text = "Marlow upset the growers by saying that the levy would double.";
        assert_eq!(source_of_cue(text, "saying").as_deref(), Some("Marlow"));
        let text = "The share of county voters saying they trust the council fell again.";
        assert_eq!(
            source_of_cue(text, "saying").as_deref(),
            Some("The share of county voters")
        );
        let text = "A fresh survey showing the mayor ahead was released on Friday.";
        assert_eq!(
            source_of_cue(text, "showing").as_deref(),
            Some("A fresh survey")
        );
        // A phrase another speaker's verb takes as its object does not speak.
        let text = "An aide called a column suggesting cuts absurd.";
        assert_eq!(source_of_cue(text, "suggesting"), None);
        // Adjectives and idiom are no cue.
        assert!(source_of_cue("It was a promising start for the club.", "promising").is_none());
        assert!(read("It is worth noting that the ferry was late.").is_empty());
    }

    #[test]
    fn evidence_verbs_after_a_document_phrase() {
        let text = "A county survey of 900 households shows Marlow with a narrow lead.";
        assert_eq!(
            source_of_cue(text, "shows").as_deref(),
            Some("A county survey of 900 households")
        );
        let text = "Tax records from the last decade show the firm paid little.";
        assert_eq!(
            source_of_cue(text, "show").as_deref(),
            Some("Tax records from the last decade")
        );
        assert!(read("The band shows up late to every gig.").is_empty());
    }

    #[test]
    fn title_case_headlines_and_inverted_say() {
        let text = "Harbour Chief Says Ferry Fares Will Rise";
        assert_eq!(
            source_of_cue(text, "Says").as_deref(),
            Some("Harbour Chief")
        );
        let text = "The levy is overdue, say some growers, who want it spent on roads.";
        assert_eq!(source_of_cue(text, "say").as_deref(), Some("some growers"));
    }

    #[test]
    fn say_after_a_plural_subject_with_a_modifier() {
        let text = "People close to the talks say the deal is near.";
        assert!(source_of_cue(text, "say").is_some(), "{text}");
        let text = "Voters in each county say the roads come first.";
        assert!(source_of_cue(text, "say").is_some(), "{text}");
        assert!(read("We heard him say the roads come first.")
            .iter()
            .all(|(cue, ..)| cue != "say"));
        assert!(read("It is hard to say the roads come first.")
            .iter()
            .all(|(cue, ..)| cue != "say"));
    }

    #[test]
    fn evidence_that_shows_that() {
        let text = "Footage from the match shows that the fans left early.";
        assert!(source_of_cue(text, "shows").is_some(), "{text}");
        assert!(read("The shows that ran all summer were sold out.").is_empty());
    }

    #[test]
    fn a_second_verb_shares_the_sentence_subject() {
        let text = "Ogden toured the plant on Monday and said the jobs would stay.";
        assert_eq!(source_of_cue(text, "said").as_deref(), Some("Ogden"));
    }

    #[test]
    fn reporting_verbs_in_the_progressive() {
        let text = "Ogden is predicting that the jobs will stay.";
        assert_eq!(
            source_of_cue(text, "is predicting").as_deref(),
            Some("Ogden")
        );
        let text = "Campaigners have been urging ministers to act.";
        assert_eq!(
            source_of_cue(text, "have been urging").as_deref(),
            Some("Campaigners")
        );
        let (_, source, kind, _) = only("She’s arguing that the jobs will stay.");
        assert_eq!(
            (source.as_deref(), kind),
            (Some("She’s"), SourceKind::Pronoun)
        );
        assert!(read("The mayor is adding to her lead in the race.").is_empty());
    }

    #[test]
    fn a_quotation_signed_with_a_dash() {
        let (cue, source, kind, content) = only("“We will keep the clinic open.” — Marta Quillon");
        assert_eq!(cue, "—");
        assert_eq!(source.as_deref(), Some("Marta Quillon"));
        assert_eq!(kind, SourceKind::NamedPerson);
        assert_eq!(content.as_deref(), Some("“We will keep the clinic open.”"));
        assert!(read("The vote — Marta Quillon’s first — went well.").is_empty());
    }

    #[test]
    fn a_sentence_opened_by_an_inverted_verb() {
        let text = "Said Marta Quillon, who grew up nearby: “It was home.”";
        assert_eq!(
            source_of_cue(text, "Said").as_deref(),
            Some("Marta Quillon")
        );
    }

    #[test]
    fn outlets_known_by_their_shape_or_their_report() {
        let eater = "Industry insiders told Eater that the chain would close.";
        assert_eq!(relay_of(eater), vec![Some("Eater".to_owned())]);
        let atlantic = "A former aide told The Carver Review that the chain would close.";
        assert_eq!(
            relay_of(atlantic),
            vec![Some("The Carver Review".to_owned())]
        );
        // A surname the story has used, a plural and an institution are not outlets.
        let person = "Ann Smith runs the shop. A worker told Smith that the chain would close.";
        assert_eq!(relay_of(person), vec![None]);
        assert_eq!(
            relay_of("An aide told MPs that the chain would close."),
            vec![None]
        );
        assert_eq!(
            relay_of("An aide told Parliament that it would close."),
            vec![None]
        );
        let trailing = "The deal is off, an insider told the board, the Morning Herald reported.";
        assert_eq!(
            relay_of(trailing),
            vec![Some("the Morning Herald".to_owned()), None]
        );
        let gerund = "A spokesman, acknowledging to the Guardian that it failed, said little.";
        assert_eq!(relay_of(gerund)[0].as_deref(), Some("the Guardian"));
    }

    #[test]
    fn according_to_interviews_with() {
        let (cue, source, ..) = only("According to interviews with staff, the chain will close.");
        assert_eq!(cue, "According to interviews with");
        assert_eq!(source.as_deref(), Some("staff"));
    }

    /// The content of the attribution whose cue reads `cue`.
    fn content_of(text: &str, cue: &str) -> Option<String> {
        read(text)
            .into_iter()
            .find(|(c, ..)| c == cue)
            .unwrap_or_else(|| panic!("no cue {cue:?} in {text:?}"))
            .3
    }

    #[test]
    fn content_stops_where_the_writer_takes_over() {
        // A semicolon opens the writer's own clause; ", which" the writer's comment.
        let text =
            "Mayor Ostrander said the ferry would run all winter; the harbour froze in January.";
        assert_eq!(
            content_of(text, "said").as_deref(),
            Some("the ferry would run all winter")
        );
        let text = "The inspector said the bridge needed new cables, which surprised the council.";
        assert_eq!(
            content_of(text, "said").as_deref(),
            Some("the bridge needed new cables")
        );
        // A quotation keeps its own punctuation.
        let text = "Ms. Vantreight said: “Bring blankets; the hall is cold, which nobody minds.”";
        assert_eq!(
            content_of(text, "said").as_deref(),
            Some("“Bring blankets; the hall is cold, which nobody minds.”")
        );
    }

    #[test]
    fn content_stops_at_the_speakers_next_clause() {
        let text =
            "Coach Belmonte said the team was tired and added that two players were injured.";
        assert_eq!(
            content_of(text, "said").as_deref(),
            Some("the team was tired")
        );
        assert_eq!(
            content_of(text, "added").as_deref(),
            Some("that two players were injured")
        );
        let text = "The pilot said the runway was icy, saying the airline had been warned.";
        assert_eq!(
            content_of(text, "said").as_deref(),
            Some("the runway was icy")
        );
        let text =
            "Dr. Halvorsen said the clinic would stay open, and she warned that fees would rise.";
        assert_eq!(
            content_of(text, "said").as_deref(),
            Some("the clinic would stay open")
        );
        let text = "The coach said the team was “ready to win,” adding that the keeper was fit.";
        assert_eq!(
            content_of(text, "said").as_deref(),
            Some("the team was “ready to win,”")
        );
        // A report nested inside the content is joined by nothing and stays inside.
        let text = "The senator said that aides told him the vote was delayed.";
        assert_eq!(
            content_of(text, "said").as_deref(),
            Some("that aides told him the vote was delayed")
        );
    }

    #[test]
    fn a_quotation_that_runs_on_past_the_sentence_is_all_content() {
        let text = "Ms. Ferrante said that “the budget is a mess. Nobody has read it.”";
        assert_eq!(
            content_of(text, "said").as_deref(),
            Some("that “the budget is a mess. Nobody has read it.”")
        );
    }

    #[test]
    fn a_quotation_split_by_its_attribution_is_one_content() {
        let text = "“The roof held,” the engineer said. “We were lucky with the wind.”";
        assert_eq!(
            content_of(text, "said").as_deref(),
            Some("“The roof held,” the engineer said. “We were lucky with the wind.”")
        );
        let text = "“Nobody,” Ms. Arkwright said, “reads the minutes.”";
        assert_eq!(
            content_of(text, "said").as_deref(),
            Some("“Nobody,” Ms. Arkwright said, “reads the minutes.”")
        );
        // Two apostrophes are one double mark.
        let text = "''We close at six,'' the clerk said.";
        assert_eq!(
            content_of(text, "said").as_deref(),
            Some("''We close at six,''")
        );
        // A quotation the next sentence gives to someone else is not resumed.
        let text = "“The roof held,” the engineer said. “It leaked,” a tenant said.";
        let contents: Vec<Option<String>> = read(text).into_iter().map(|(.., c)| c).collect();
        assert_eq!(
            contents,
            vec![
                Some("“The roof held,”".to_owned()),
                Some("“It leaked,”".to_owned())
            ]
        );
        // A paragraph that is nothing but a quotation goes on with the speaker before it.
        let text = "“We start on Monday,” the foreman said.\n\n“Bring your own boots.”\n\nThe site opens at six.";
        assert_eq!(
            content_of(text, "said").as_deref(),
            Some("“We start on Monday,” the foreman said.\n\n“Bring your own boots.”")
        );
    }

    #[test]
    fn the_occasion_of_a_saying_is_not_what_was_said() {
        for (text, cue, content) in [
            (
                "The warden told reporters on Friday that the gates would reopen.",
                "told",
                "that the gates would reopen",
            ),
            (
                "The union said in a statement that the strike was over.",
                "said",
                "that the strike was over",
            ),
            (
                "Ms. Oduya said Tuesday the ferry would be late.",
                "said",
                "the ferry would be late",
            ),
            (
                "The captain told the crew, “Hold the line.”",
                "told",
                "“Hold the line.”",
            ),
            // An infinitive is what is wanted, and a relative "that" belongs to it.
            (
                "The mayor wants to repair the bridge that collapsed.",
                "wants",
                "to repair the bridge that collapsed",
            ),
        ] {
            assert_eq!(content_of(text, cue).as_deref(), Some(content), "{text:?}");
        }
    }

    #[test]
    fn a_cue_between_commas_inside_the_words() {
        let text = "The new pier, the harbourmaster says, is already sinking.";
        assert_eq!(
            content_of(text, "says").as_deref(),
            Some("The new pier, the harbourmaster says, is already sinking")
        );
        // A relative pronoun before the source stands for part of the words.
        let text = "They voted for the levy, which the mayor said would fund the library.";
        assert_eq!(
            content_of(text, "said").as_deref(),
            Some("which the mayor said would fund the library")
        );
        // What follows the cue is the speaker's next clause, not more of the words.
        let text = "The levy will pass, he said, and he warned that rents would rise.";
        assert_eq!(
            content_of(text, "said").as_deref(),
            Some("The levy will pass")
        );
    }

    /// (cue, source) of every attribution in `text`.
    fn cues_and_sources(text: &str) -> Vec<(String, Option<String>)> {
        read(text)
            .into_iter()
            .map(|(cue, source, ..)| (cue, source))
            .collect()
    }

    fn has(text: &str, cue: &str, source: Option<&str>) {
        let found = cues_and_sources(text);
        assert!(
            found
                .iter()
                .any(|(c, s)| c == cue && s.as_deref() == source),
            "{text:?} gave {found:?}"
        );
    }

    fn lacks_cue(text: &str, cue: &str) {
        let found = cues_and_sources(text);
        assert!(
            found.iter().all(|(c, _)| c != cue),
            "{text:?} gave {found:?}"
        );
    }

    #[test]
    fn a_nominal_cue_word_is_also_a_verb() {
        has("The ad claims the levy is fair.", "claims", Some("The ad"));
        has(
            "Lawmakers claim it will cost jobs.",
            "claim",
            Some("Lawmakers"),
        );
        assert!(read("A brisk sales report has eased the worry.").is_empty());
    }

    #[test]
    fn a_relative_clause_after_a_nominal_cue_is_not_its_content() {
        assert!(read("The board logged 40 reports that were lodged in May.").is_empty());
        assert!(read("Few of the claims that have been made will stand.").is_empty());
        let (cue, source, kind, content) = only("The board logged reports that the mill was shut.");
        assert_eq!(
            (cue.as_str(), source.as_deref(), kind, content.as_deref()),
            (
                "reports",
                Some("reports"),
                SourceKind::Media,
                Some("that the mill was shut")
            )
        );
    }

    #[test]
    fn a_saying_named_by_its_noun_belongs_to_its_owner() {
        has(
            "His claims were false, the mayor said.",
            "claims",
            Some("His"),
        );
        has(
            "Okafor's denials did not last.",
            "denials",
            Some("Okafor's"),
        );
        assert!(read("The party staked its claim to the seat.").is_empty());
    }

    #[test]
    fn a_verb_in_s_after_a_singular_head_that_can_speak() {
        has(
            "The council plans to raise the levy.",
            "plans",
            Some("The council"),
        );
        has(
            "The ministry claims he lied to the board.",
            "claims",
            Some("The ministry"),
        );
        has(
            "He praised the mayor and calls her “a fixer”.",
            "calls",
            Some("He"),
        );
        assert!(read("The campaign plans were leaked.").is_empty());
        assert!(read("By noon their calls were ignored.").is_empty());
    }

    #[test]
    fn a_passive_judge_named_after_the_complement() {
        has(
            "The bypass was described as reckless by the county council.",
            "was described",
            Some("the county council"),
        );
        has(
            "The timetable has been branded confusing and too slow by Harwick Rail Users.",
            "has been branded",
            Some("Harwick Rail Users"),
        );
        has(
            "Two managers were criticised in Mara Quinlan's review of the fire.",
            "were criticised",
            Some("Mara Quinlan's review"),
        );
        // "by" after a noun, a phrase of its own or a date is not the judge's, nor the agent
        // of a passive that passes no judgement.
        for text in [
            "The ferry deal is viewed as a ploy by the council to cut costs.",
            "The line was criticised for being run into the ground by its owners.",
            "The depot was criticised as unsafe by March.",
            "The ferry talks were announced yesterday by the minister.",
        ] {
            assert!(
                cues_and_sources(text).iter().all(|(_, s)| s.is_none()),
                "{text:?} gave {:?}",
                cues_and_sources(text)
            );
        }
    }

    #[test]
    fn a_verb_in_s_closing_an_inverted_cue() {
        has(
            "Half the bakeries sell the pastry, the consumer charity claims.",
            "claims",
            Some("the consumer charity"),
        );
        has(
            "“Half the bakeries sell it,” the council claims.",
            "claims",
            Some("the council"),
        );
        // No comma closes what it would report: the noun.
        lacks_cue("The insurer rejected the council claims.", "claims");
    }

    #[test]
    fn backing_offering_and_seeming() {
        has(
            "Voters backed Okafor by a wide margin.",
            "backed",
            Some("Voters"),
        );
        has(
            "Super PACs supporting Okafor spent heavily.",
            "supporting",
            Some("Super PACs"),
        );
        assert!(
            cues_and_sources("Okafor toured the valley, hoping to win the farm vote.")
                .iter()
                .any(|(cue, _)| cue == "hoping")
        );
        has(
            "Rubio offered the crowd an emotional assessment of the race.",
            "offered",
            Some("Rubio"),
        );
        has(
            "The minister seemed rattled by the question.",
            "seemed",
            Some("The minister"),
        );
        assert!(read("The union backed down after a week.").is_empty());
        assert!(read("The shop offered a discount on shoes.").is_empty());
        assert!(read("She seemed at ease in the hall.").is_empty());
        has(
            "Rural voters preferred Okafor.",
            "preferred",
            Some("Rural voters"),
        );
        assert!(read("The fund sold its preferred stock.").is_empty());
        assert!(
            cues_and_sources("Okafor left the hall early, offering no details of the deal.")
                .iter()
                .any(|(cue, _)| cue == "offering")
        );
        has(
            "The farmers talking about the levy were angry.",
            "talking",
            Some("The farmers"),
        );
        assert!(read("The farmers talking for hours were tired.").is_empty());
        assert!(read("She won a supporting role in the film.").is_empty());
    }

    #[test]
    fn colons_that_give_a_speaker_words() {
        has(
            "The mayor held a briefing. LEE: We will not back down on the levy.",
            ":",
            Some("LEE"),
        );
        has(
            "Her answer: the council would not budge on the levy.",
            ":",
            Some("Her"),
        );
        has(
            "Rep. Ann Boyd (D-Ore.): “I have not seen that figure anywhere.”",
            ":",
            Some("Rep. Ann Boyd"),
        );
        has(
            "IOWA POLLS TOO EARLY - Ann Lee and Tom Roe: “The count was never going to settle it.”",
            ":",
            Some("Ann Lee and Tom Roe"),
        );
        lacks_cue(
            "The talks ended. UPDATE: The bridge will stay closed until May.",
            ":",
        );
        lacks_cue("Her house: a cottage by the river with a red door.", ":");
        has(
            "Ann Lee-Roe: “The count was never going to settle it.”",
            ":",
            Some("Ann Lee-Roe"),
        );
    }

    #[test]
    fn a_participle_without_be_gives_its_agent_a_view() {
        let (cue, source, _, content) =
            only("The proposal, dismissed by the markets as a gimmick, was dropped.");
        assert_eq!(cue, "dismissed by");
        assert_eq!(source.as_deref(), Some("the markets"));
        assert_eq!(content.as_deref(), Some("The proposal"));
        has(
            "The mayor met candidates backed by super PACs.",
            "backed by",
            Some("super PACs"),
        );
        has(
            "The plan was quickly dismissed by the markets.",
            "was quickly dismissed by",
            Some("the markets"),
        );
        let said = cues_and_sources("She said by phone that the levy was unfair.");
        assert_eq!(said, vec![("said".to_owned(), Some("She".to_owned()))]);
        has(
            "The levy, criticised by unions, passed on Monday.",
            "criticised by",
            Some("unions"),
        );
        // Only verbs tagged `passive` in the verb list read so: a letter written by staff is
        // no view of the letter.
        let written = read("The letter, written by staff, arrived late.");
        assert!(
            written.iter().all(|(cue, ..)| !cue.ends_with("by")),
            "{written:?}"
        );
    }

    #[test]
    fn as_reported_by_names_the_source_of_the_clause_around_it() {
        let (cue, source, _, content) =
            only("As reported by the Daily Ledger, the mayor was paid twice for one trip.");
        assert_eq!(cue, "reported");
        assert_eq!(source.as_deref(), Some("the Daily Ledger"));
        assert_eq!(
            content.as_deref(),
            Some("the mayor was paid twice for one trip")
        );
        assert_reads(
            "The mayor was paid twice, as described by two aides.",
            "described",
            "two aides",
        );
    }

    #[test]
    fn going_on_to_say_belongs_to_the_cue() {
        assert_reads(
            "He went on to say that the depot would close.",
            "went on to say",
            "He",
        );
        assert_reads(
            "The letter goes on to criticise the board.",
            "goes on to criticise",
            "The letter",
        );
        assert_reads(
            "She later went on to endorse Ann Lee for the seat.",
            "later went on to endorse",
            "She",
        );
        // A place gone on to is no saying.
        assert_no_cue("The team went on to Leeds.", "went on to");
    }

    #[test]
    fn accused_quoted_and_said_to() {
        has(
            "The mayor has long been accused of favouring builders.",
            "has long been accused",
            None,
        );
        has(
            "The mayor, who was quoted as saying the levy was unfair, later apologised.",
            "was quoted as saying",
            Some("The mayor"),
        );
        // The earlier speaker does not say what "is said to" reports: others do.
        has(
            "“We will win,” Okafor said. He is said to favour a delay.",
            "is said to",
            None,
        );
        has(
            "Lawmakers have said for months that the levy is unfair.",
            "have said",
            Some("Lawmakers"),
        );
    }
    #[test]
    fn a_stance_verb_after_a_long_subject() {
        assert_eq!(
            source_of("Many voters who attended the rally support the plan."),
            (
                Some("Many voters who attended the rally".to_owned()),
                SourceKind::UnnamedPerson
            )
        );
        let (cue, source, _, content) =
            only("A former governor, who served two terms, supports a larger role for the state.");
        assert_eq!(cue, "supports");
        assert_eq!(
            source.as_deref(),
            Some("A former governor, who served two terms")
        );
        assert_eq!(content.as_deref(), Some("a larger role for the state"));
        assert_eq!(only("Most of those polled support Lee.").0, "support");
        // A noun after a name, an infinitive and a singular verb are no plural's stance.
        assert!(
            read("Less than half of the viewers for the Republican debate four days later.")
                .is_empty()
        );
        assert!(read("Some buyers who hoard what seems a heap of junk.")
            .iter()
            .all(|(_, source, _, _)| source.as_deref() != Some("Some buyers who hoard what")));
    }
    #[test]
    fn the_next_verb_of_a_series_keeps_the_speaker() {
        let all = read("He later blamed the weather, called her “third-rate” and left.");
        let called = all.iter().find(|(cue, ..)| cue == "called");
        assert_eq!(
            called.map(|(_, source, kind, _)| (source.as_deref(), *kind)),
            Some((Some("He"), SourceKind::Pronoun)),
            "{all:?}"
        );
        // A participle that names a thing has no speaker before it.
        assert!(read("His group, called the Hill Fund, will own the land.")
            .iter()
            .all(|(cue, ..)| cue != "called"));
        assert!(
            read("The charity urged shops to act, in a new report called Threads Of Hope.")
                .iter()
                .all(|(cue, ..)| cue != "called")
        );
        // A subject calling someone a name is a speaker.
        assert!(read("The senator called Smith a liar.")
            .iter()
            .any(|(cue, ..)| cue == "called"));
    }

    #[test]
    fn a_gerund_telling_a_listener_after_by_or_after() {
        assert_reads(
            "The mayor was booed after telling residents that the tax would rise.",
            "telling",
            "The mayor",
        );
        assert_reads(
            "He courted farmers by telling them that prices would recover.",
            "telling",
            "He",
        );
        assert_reads(
            "The chair would not discuss the bill, aside from saying he wants a vote.",
            "saying",
            "The chair",
        );
        // A tale told, not a listener: no attribution.
        assert_no_cue(
            "He won the seat by telling the truth about the mill.",
            "telling",
        );
        // Refraining from saying denies it.
        assert_no_cue(
            "The chair refrained from saying that a vote was near.",
            "saying",
        );
    }

    #[test]
    fn an_outlets_name_is_a_proper_name() {
        assert_eq!(
            kind_of(
                "A European election observer said she thought the count was fair.",
                "A European election observer"
            ),
            Some(SourceKind::UnnamedPerson)
        );
        assert_eq!(
            kind_of(
                "The Observer reported that the treaty would hold.",
                "The Observer"
            ),
            Some(SourceKind::Media)
        );
        assert_eq!(
            kind_of("The treaty will hold, dpa reported.", "dpa"),
            Some(SourceKind::Media)
        );
    }

    #[test]
    fn hyphens_typed_for_dashes() {
        assert_reads(
            "Ann Lee - the mayor's sister and a partner in his firm - told the Gazette that the deal was legal.",
            "told",
            "Ann Lee - the mayor's sister and a partner in his firm",
        );
        assert_eq!(
            kind_of(
                "Ann Lee - the mayor's sister and a partner in his firm - told the Gazette that the deal was legal.",
                "Ann Lee - the mayor's sister and a partner in his firm"
            ),
            Some(SourceKind::NamedPerson)
        );
        assert_reads(
            "Ann Lee -- the mayor's sister -- told the Gazette that the deal was legal.",
            "told",
            "Ann Lee -- the mayor's sister",
        );
        // A plural subject with a hyphened aside takes a base-form verb, as with em dashes.
        assert_reads(
            "Farmers - and some millers - say that the levy is too high.",
            "say",
            "Farmers - and some millers",
        );
        // A dateline's dash ends the place and date; the source starts after it.
        assert_reads(
            "WASHINGTON, June 2 - A former city official urged the council to act.",
            "urged",
            "A former city official",
        );
        // A hyphen inside a word still joins it.
        assert_eq!(
            kind_of(
                "A pro-union official said the deal was poor.",
                "A pro-union official"
            ),
            Some(SourceKind::UnnamedPerson)
        );
        assert_reads(
            "A pro-union official said the deal was poor.",
            "said",
            "A pro-union official",
        );
    }

    #[test]
    fn a_share_of_a_relative_speaks_for_the_phrase_before() {
        assert_reads(
            "The council met families of the victims, many of whom say the plan is unfair.",
            "say",
            "many of whom",
        );
        assert_eq!(
            kind_of(
                "The party has five delegates, two of whom have already backed Cole.",
                "two of whom"
            ),
            Some(SourceKind::Pronoun)
        );
    }
}
