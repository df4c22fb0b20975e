//! The story's sources and people at a glance: who is in the story, named and unnamed, and what
//! the story tells the reader about each.
//!
//! The families fill the ledger while they check, from the same reading their findings come
//! from (the anonymous family its unnamed sources, the names family its people); the engine
//! then adds the named sources from the attribution layer. Front ends only show it (outline,
//! hover, code lens, `copydesk sources`); none of them works out who is a source on its own.

use crate::attribution::{Attributions, SourceKind};
use crate::span::Span;
use crate::text::Story;
use foldhash::{HashMap, HashMapExt, HashSet};

/// Everyone the story quotes or names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ledger {
    /// Every source the story attributes something to, named and unnamed, in order of first
    /// mention.
    pub sources: Vec<Source>,
    /// Every person the story names, in order of first mention, whether quoted or not.
    pub people: Vec<Person>,
    /// Set when the caller drops the ledger unread (see [`Ledger::unkept`]).
    unkept: bool,
}

/// One source: every mention of it grouped, the way the roster groups a person's mentions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// How the story first describes the source, as written ("two people briefed on the
    /// talks", "Keith Kellogg", "the State Department").
    pub label: String,
    pub kind: SourceKind,
    /// Every mention, in text order; requirements are checked at the first.
    pub mentions: Vec<Span>,
    /// Where the story says why the source is not named, if anywhere.
    pub reason: Option<AnonymityReason>,
    /// How the source knows ("briefed on the talks", "who attended the meeting").
    pub basis: Option<Span>,
    /// How many people the source is, when the story says ("two officials").
    pub count: Option<u32>,
    /// The source is a group ("officials", "diplomats").
    pub plural: bool,
    /// What the story quotes or paraphrases the source saying, in text order.
    pub statements: Vec<Span>,
    /// The source's entry in [`Ledger::people`], for a named person.
    pub person: Option<usize>,
    /// Why the house asks nothing of this unnamed source (no name, reason or count), when it
    /// does not: it is listed so the editor sees every source, but carries no warning.
    pub unasked: Option<Unasked>,
}

/// Unnamed sources a house does not ask for names or reasons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unasked {
    /// Staff of a named body speaking for it ("USDA officials said"), which the configuration
    /// (`[anonymous] named_body_officials = "on-record"`, the default) treats as on the record.
    OnRecordStaff,
    /// The market's chorus: "analysts said", "traders said", "economists polled by …".
    MarketColour,
    /// Ordinary people quoted as themselves: "one resident said", "a witness told".
    Bystander,
}

impl Unasked {
    /// A stable identifier, for data other programs read.
    pub fn id(self) -> &'static str {
        match self {
            Unasked::OnRecordStaff => "on-record-staff",
            Unasked::MarketColour => "market-colour",
            Unasked::Bystander => "bystander",
        }
    }

    /// What the source is, for people reading a ledger.
    pub fn label(self) -> &'static str {
        match self {
            Unasked::OnRecordStaff => "staff of a named body, on the record by house policy",
            Unasked::MarketColour => "market colour",
            Unasked::Bystander => "an ordinary person quoted unnamed",
        }
    }
}

/// A passage that tells the reader why a source is not named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnonymityReason {
    pub span: Span,
    pub kind: ReasonKind,
}

/// How much an anonymity passage explains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReasonKind {
    /// Says why: "because she feared losing her job".
    Explanation,
    /// Only a stock phrase: "because he was not authorized to speak publicly". Some house
    /// presets accept it.
    Boilerplate,
    /// Only the terms: "who spoke on condition of anonymity".
    ConditionOnly,
}

/// One person the story names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The name the story establishes: the first full reference, or the surname.
    pub name: String,
    /// The first reference the name is established by.
    pub first: Span,
    /// Every mention (the name only, without titles), in text order.
    pub mentions: Vec<Span>,
    /// Titles used before the name ("Lt. Gen.", "Mr."), each once, in order of use.
    pub titles: Vec<String>,
    /// Every spelling seen, each once, in order of use.
    pub spellings: Vec<String>,
}

/// The counts a code lens or status bar shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub named: usize,
    pub unnamed: usize,
    /// Unnamed sources for which the story gives no explanation (no reason, or only the terms),
    /// among those the house asks for one.
    pub unnamed_without_reason: usize,
    pub people: usize,
}

impl Summary {
    /// "7 named, 4 unnamed sources; 2 without a reason".
    pub fn headline(&self) -> String {
        let mut text = format!(
            "{} named, {} unnamed source{}",
            self.named,
            self.unnamed,
            if self.unnamed == 1 { "" } else { "s" }
        );
        if self.unnamed_without_reason > 0 {
            text.push_str(&format!(
                "; {} without a reason",
                self.unnamed_without_reason
            ));
        }
        text
    }
}

/// How a ledger names a kind of source, for people reading it.
pub fn kind_label(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::NamedPerson => "named person",
        SourceKind::Pronoun => "pronoun",
        SourceKind::NamedOrganisation => "organisation",
        SourceKind::OfficeHolder => "office holder",
        SourceKind::UnnamedPerson => "unnamed source",
        SourceKind::VagueGroup => "vague group",
        SourceKind::Media => "media or reports",
        SourceKind::Agentless => "no source",
        SourceKind::Other => "other",
    }
}

impl Source {
    /// Whether the reader can identify the source: a person or organisation by name, or an
    /// office with one holder.
    pub fn is_named(&self) -> bool {
        matches!(
            self.kind,
            SourceKind::NamedPerson
                | SourceKind::NamedOrganisation
                | SourceKind::OfficeHolder
                | SourceKind::Media
        )
    }

    /// Whether the source is a person or group the reader cannot identify.
    pub fn is_unnamed(&self) -> bool {
        matches!(
            self.kind,
            SourceKind::UnnamedPerson | SourceKind::VagueGroup
        )
    }

    pub fn first_mention(&self) -> Option<Span> {
        self.mentions.first().copied()
    }
}

impl Ledger {
    /// A ledger for an analysis that returns only findings: the families may skip recording
    /// into it. On a story with an unnamed source every few words, the entries were a third
    /// of the analysis's peak memory, for nothing.
    pub fn unkept() -> Ledger {
        Ledger {
            unkept: true,
            ..Ledger::default()
        }
    }

    /// Whether anyone reads what is recorded.
    pub fn is_kept(&self) -> bool {
        !self.unkept
    }

    pub fn summary(&self) -> Summary {
        let unnamed = || self.sources.iter().filter(|s| s.is_unnamed());
        Summary {
            named: self.sources.iter().filter(|s| s.is_named()).count(),
            unnamed: unnamed().count(),
            unnamed_without_reason: unnamed()
                .filter(|s| s.unasked.is_none())
                .filter(|s| {
                    !matches!(
                        s.reason,
                        Some(AnonymityReason {
                            kind: ReasonKind::Explanation | ReasonKind::Boilerplate,
                            ..
                        })
                    )
                })
                .count(),
            people: self.people.len(),
        }
    }

    /// Every mention of every unnamed source, in text order: what the anonymous family read as
    /// unnamed sources, whichever of its rules (if any) reports each.
    pub fn unnamed_mentions(&self) -> Vec<Span> {
        let mut spans: Vec<Span> = self
            .sources
            .iter()
            .filter(|s| s.is_unnamed())
            .flat_map(|s| s.mentions.iter().copied())
            .collect();
        spans.sort_by_key(|s| (s.start, s.end));
        spans
    }

    /// The source with a mention covering `offset` (a byte offset into the story).
    pub fn source_at(&self, offset: usize) -> Option<&Source> {
        self.sources
            .iter()
            .find(|s| s.mentions.iter().any(|m| m.contains(offset)))
    }

    /// The person with a mention covering `offset`.
    pub fn person_at(&self, offset: usize) -> Option<&Person> {
        self.people
            .iter()
            .find(|p| p.mentions.iter().any(|m| m.contains(offset)))
    }

    /// People the story names but never quotes or paraphrases.
    pub fn other_people(&self) -> impl Iterator<Item = (usize, &Person)> {
        self.people
            .iter()
            .enumerate()
            .filter(|(index, _)| !self.sources.iter().any(|s| s.person == Some(*index)))
    }

    /// Adds the named sources of the attribution layer: people (joined to their roster entry
    /// when a mention lies inside the source phrase), organisations, office holders and media.
    /// Called by the engine after the families have filled in what they know; `prose` is the
    /// story's ([`crate::text::Story::prose`]), which the spans index.
    /// `heads` is [`named_heads`] of the same story and attributions.
    pub fn add_named_sources(
        &mut self,
        prose: &str,
        attributions: &Attributions,
        heads: &[Option<Span>],
    ) {
        // Indexes instead of scans: a long story has as many attributions as sources and
        // mentions, and comparing each with all the others was quadratic.
        let recorded_mentions = SpanIndex::new(
            self.sources
                .iter()
                .enumerate()
                .flat_map(|(i, s)| s.mentions.iter().map(move |&m| (m, i))),
        );
        let person_mentions = SpanIndex::new(
            self.people
                .iter()
                .enumerate()
                .flat_map(|(i, p)| p.mentions.iter().map(move |&m| (m, i))),
        );
        // Sources grouped by roster person, or by their lower-cased wording.
        let mut by_person: HashMap<usize, usize> = HashMap::new();
        let mut by_wording: HashMap<String, usize> = HashMap::new();
        // The sources made here start empty; their repeats are dropped once they are sorted,
        // which needs no set of every span (a name said 600,000 times held two).
        let first_made_here = self.sources.len();
        for (i, a) in attributions.iter().enumerate() {
            let Some(span) = a.source() else { continue };
            if !matches!(
                a.kind,
                SourceKind::NamedPerson
                    | SourceKind::NamedOrganisation
                    | SourceKind::OfficeHolder
                    | SourceKind::Media
            ) {
                continue;
            }
            // What the families recorded (unnamed sources, institutions on the record) is not
            // counted twice.
            if recorded_mentions
                .overlapping(span)
                .any(|(m, _)| m.overlaps(span))
            {
                continue;
            }
            // The person named at the phrase's head, or else the first (in roster order) with a
            // mention inside it: "Kasich's chief strategist John Weaver" is Weaver.
            let head = heads.get(i).copied().flatten();
            let person = (a.kind == SourceKind::NamedPerson)
                .then(|| {
                    let inside = person_mentions
                        .overlapping(span)
                        .filter(|&(m, _)| span.covers(m));
                    let (mut headed, mut first) = (None::<usize>, None::<usize>);
                    for (m, p) in inside {
                        if head.is_some_and(|h| m.covers(h)) {
                            headed = Some(headed.map_or(p, |q| q.min(p)));
                        }
                        first = Some(first.map_or(p, |q| q.min(p)));
                    }
                    headed.or(first)
                })
                .flatten();
            // Only a source without a person is grouped by its wording: no copy otherwise.
            let wording = match person {
                Some(_) => String::new(),
                None => span.text(prose).trim().to_lowercase(),
            };
            let existing = match person {
                Some(p) => by_person.get(&p).copied(),
                None => by_wording.get(&wording).copied(),
            };
            let index = match existing {
                Some(index) => index,
                None => {
                    let index = self.sources.len();
                    self.sources.push(Source {
                        label: match person.and_then(|p| self.people.get(p)) {
                            Some(p) => p.name.clone(),
                            None => span.text(prose).trim().to_string(),
                        },
                        kind: a.kind,
                        mentions: Vec::new(),
                        reason: None,
                        basis: None,
                        count: None,
                        plural: false,
                        statements: Vec::new(),
                        person,
                        unasked: None,
                    });
                    match person {
                        Some(p) => by_person.insert(p, index),
                        None => by_wording.insert(wording, index),
                    };
                    index
                }
            };
            let source = &mut self.sources[index];
            source.mentions.push(span);
            if let Some(content) = a.content() {
                source.statements.push(content);
            }
        }
        for source in &mut self.sources[first_made_here..] {
            source.mentions.sort_by_key(|m| (m.start, m.end));
            source.mentions.dedup();
            source.statements.sort_by_key(|m| (m.start, m.end));
            source.statements.dedup();
        }
        self.attach_statements(attributions, &recorded_mentions);
        for source in &mut self.sources {
            source.mentions.sort_by_key(|m| (m.start, m.end));
            source.statements.sort_by_key(|m| (m.start, m.end));
        }
        self.sources
            .sort_by_key(|s| s.first_mention().map(|m| (m.start, m.end)));
    }

    /// Gives the sources the families recorded (unnamed sources, institutions on the record)
    /// what the layer says they said. `recorded_mentions` indexes their mentions.
    fn attach_statements(&mut self, attributions: &Attributions, recorded_mentions: &SpanIndex) {
        let mut said: HashMap<usize, Vec<Span>> = HashMap::new();
        for a in attributions.iter() {
            let (Some(span), Some(content)) = (a.source(), a.content()) else {
                continue;
            };
            let mut sources: Vec<usize> = recorded_mentions
                .overlapping(span)
                .filter(|(m, _)| m.overlaps(span))
                .map(|(_, s)| s)
                .collect();
            sources.sort_unstable();
            sources.dedup();
            for s in sources {
                said.entry(s).or_default().push(content);
            }
        }
        for (index, contents) in said {
            let Some(source) = self.sources.get_mut(index) else {
                continue;
            };
            let mut held: HashSet<Span> = source.statements.iter().copied().collect();
            for content in contents {
                if held.insert(content) {
                    source.statements.push(content);
                }
            }
        }
    }
}

/// A stable identifier for a kind of source, for data other programs read (`copydesk sources
/// --format json`); [`kind_label`] is the wording for people.
pub fn kind_id(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::NamedPerson => "named-person",
        SourceKind::Pronoun => "pronoun",
        SourceKind::NamedOrganisation => "organisation",
        SourceKind::OfficeHolder => "office-holder",
        SourceKind::UnnamedPerson => "unnamed-person",
        SourceKind::VagueGroup => "vague-group",
        SourceKind::Media => "media",
        SourceKind::Agentless => "agentless",
        SourceKind::Other => "other",
    }
}

impl ReasonKind {
    /// A stable identifier, for data other programs read.
    pub fn id(self) -> &'static str {
        match self {
            ReasonKind::Explanation => "explanation",
            ReasonKind::Boilerplate => "boilerplate",
            ReasonKind::ConditionOnly => "condition-only",
        }
    }

    /// What the passage amounts to, for people reading a ledger.
    pub fn label(self) -> &'static str {
        match self {
            ReasonKind::Explanation => "explains why",
            ReasonKind::Boilerplate => "stock phrase only",
            ReasonKind::ConditionOnly => "states the terms only, not why",
        }
    }
}

/// Spans with a value each, for finding those that overlap a span without looking at all.
struct SpanIndex {
    /// Sorted by start.
    spans: Vec<(Span, usize)>,
    /// The longest span, which bounds how far before a query an overlapping span can start.
    longest: usize,
}

impl SpanIndex {
    fn new(spans: impl Iterator<Item = (Span, usize)>) -> SpanIndex {
        let mut spans: Vec<(Span, usize)> = spans.collect();
        spans.sort_by_key(|(span, value)| (span.start, span.end, *value));
        let longest = spans.iter().map(|(s, _)| s.len()).max().unwrap_or(0);
        SpanIndex { spans, longest }
    }

    /// Every entry whose span overlaps `span` or lies inside it (an empty span inside counts, as
    /// [`Span::covers`] would have it), by start.
    fn overlapping(&self, span: Span) -> impl Iterator<Item = (Span, usize)> + '_ {
        let from = self
            .spans
            .partition_point(|(s, _)| s.start + self.longest < span.start);
        self.spans[from..]
            .iter()
            .take_while(move |(s, _)| s.start <= span.end)
            .filter(move |(s, _)| s.overlaps(span) || span.covers(*s))
            .copied()
    }
}

/// The span of the head word of each attribution whose source is a named person, by the
/// attribution's index: what [`Ledger::add_named_sources`] reads to tell which of the people a
/// phrase names is its source.
pub fn named_heads(story: &Story, attributions: &Attributions) -> Vec<Option<Span>> {
    attributions
        .iter()
        .map(|a| {
            (a.kind == SourceKind::NamedPerson)
                .then(|| a.head().and_then(|h| story.tokens.get(h)).map(|t| t.span()))
                .flatten()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first, quadratic way of adding named sources, kept as the reference the indexed one
    /// must agree with.
    impl Ledger {
        fn add_named_sources_by_scanning(&mut self, story: &Story, attributions: &Attributions) {
            // Sources grouped by roster person, or by their lower-cased wording.
            let mut by_person: Vec<(usize, usize)> = Vec::new();
            let mut by_wording: Vec<(String, usize)> = Vec::new();
            let recorded = self.sources.len();
            for a in attributions.iter() {
                let Some(span) = a.source() else { continue };
                if !matches!(
                    a.kind,
                    SourceKind::NamedPerson
                        | SourceKind::NamedOrganisation
                        | SourceKind::OfficeHolder
                        | SourceKind::Media
                ) {
                    continue;
                }
                // What the families recorded is not counted twice.
                if self.sources[..recorded]
                    .iter()
                    .any(|s| s.mentions.iter().any(|m| m.overlaps(span)))
                {
                    continue;
                }
                let head = a.head().and_then(|h| story.tokens.get(h)).map(|t| t.span());
                let person = (a.kind == SourceKind::NamedPerson)
                    .then(|| {
                        let inside = |p: &Person| p.mentions.iter().any(|m| span.covers(*m));
                        let headed = |p: &Person| {
                            p.mentions
                                .iter()
                                .any(|m| span.covers(*m) && head.is_some_and(|h| m.covers(h)))
                        };
                        self.people
                            .iter()
                            .position(headed)
                            .or_else(|| self.people.iter().position(inside))
                    })
                    .flatten();
                let wording = story.text(span).trim().to_lowercase();
                let existing = match person {
                    Some(p) => by_person.iter().find(|(q, _)| *q == p).map(|(_, i)| *i),
                    None => by_wording
                        .iter()
                        .find(|(w, _)| *w == wording)
                        .map(|(_, i)| *i),
                };
                let index = match existing {
                    Some(index) => index,
                    None => {
                        let index = self.sources.len();
                        self.sources.push(Source {
                            label: match person.and_then(|p| self.people.get(p)) {
                                Some(p) => p.name.clone(),
                                None => story.text(span).trim().to_string(),
                            },
                            kind: a.kind,
                            mentions: Vec::new(),
                            reason: None,
                            basis: None,
                            count: None,
                            plural: false,
                            statements: Vec::new(),
                            person,
                            unasked: None,
                        });
                        match person {
                            Some(p) => by_person.push((p, index)),
                            None => by_wording.push((wording, index)),
                        }
                        index
                    }
                };
                let source = &mut self.sources[index];
                if !source.mentions.contains(&span) {
                    source.mentions.push(span);
                }
                if let Some(content) = a.content() {
                    if !source.statements.contains(&content) {
                        source.statements.push(content);
                    }
                }
            }
            self.attach_statements_by_scanning(attributions, recorded);
            for source in &mut self.sources {
                source.mentions.sort_by_key(|m| (m.start, m.end));
                source.statements.sort_by_key(|m| (m.start, m.end));
            }
            self.sources
                .sort_by_key(|s| s.first_mention().map(|m| (m.start, m.end)));
        }

        /// Gives the sources the families recorded what the layer says they said.
        fn attach_statements_by_scanning(&mut self, attributions: &Attributions, recorded: usize) {
            for source in &mut self.sources[..recorded] {
                for a in attributions.iter() {
                    let (Some(span), Some(content)) = (a.source(), a.content()) else {
                        continue;
                    };
                    if source.mentions.iter().any(|m| m.overlaps(span))
                        && !source.statements.contains(&content)
                    {
                        source.statements.push(content);
                    }
                }
            }
        }
    }

    /// Stories to compare the two ways on: the fixtures, and the shared corpora when present.
    fn stories() -> Vec<(String, String)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let shared = root.join("../../../shared");
        let mut dirs = vec![root.join("tests/fixtures")];
        for (var, below) in [
            ("COPYDESK_CORPUS", "corpus"),
            ("COPYDESK_ATTRIBUTIONS", "attributions/texts"),
        ] {
            let dir = std::env::var_os(var)
                .map(std::path::PathBuf::from)
                .unwrap_or_else(|| shared.join(below));
            if dir.is_dir() {
                dirs.push(dir);
            } else {
                println!("SKIP {}: absent (set {var})", dir.display());
            }
        }
        let mut stories = Vec::new();
        while let Some(dir) = dirs.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if let Ok(text) = std::fs::read_to_string(&path) {
                    stories.push((path.display().to_string(), text));
                }
            }
        }
        stories
    }

    #[test]
    fn indexed_named_sources_equal_the_scanning_reference() {
        use crate::attribution::Attributions;
        use crate::checks::FAMILIES;
        use crate::config::Config;
        use crate::text::SourceFormat;
        let config = Config::default();
        let checks: Vec<_> = FAMILIES.iter().map(|f| (f.build)(&config)).collect();
        let stories = stories();
        assert!(stories.len() > 100, "only {} stories found", stories.len());
        let mut named = 0;
        for (name, text) in &stories {
            let story = Story::new(text, SourceFormat::from_path(std::path::Path::new(name)));
            let attributions = Attributions::read(&story);
            let mut recorded = Ledger::default();
            let mut findings = Vec::new();
            for check in &checks {
                check.check_and_record(&story, &attributions, &mut findings, &mut recorded);
            }
            let mut indexed = recorded.clone();
            indexed.add_named_sources(
                story.prose(),
                &attributions,
                &named_heads(&story, &attributions),
            );
            let mut scanned = recorded;
            scanned.add_named_sources_by_scanning(&story, &attributions);
            assert_eq!(indexed, scanned, "{name}");
            named += indexed.sources.iter().filter(|s| s.is_named()).count();
        }
        assert!(
            named > 0,
            "no named source in any story: nothing was compared"
        );
    }

    fn unnamed(reason: Option<ReasonKind>) -> Source {
        Source {
            label: "officials".into(),
            kind: SourceKind::UnnamedPerson,
            mentions: vec![Span::new(0, 9)],
            reason: reason.map(|kind| AnonymityReason {
                span: Span::new(20, 30),
                kind,
            }),
            basis: None,
            count: None,
            plural: true,
            statements: Vec::new(),
            person: None,
            unasked: None,
        }
    }

    #[test]
    fn the_summary_counts_unnamed_sources_left_unexplained() {
        let mut ledger = Ledger::default();
        ledger.sources.push(unnamed(None));
        ledger
            .sources
            .push(unnamed(Some(ReasonKind::ConditionOnly)));
        ledger.sources.push(unnamed(Some(ReasonKind::Explanation)));
        let mut named = unnamed(None);
        named.kind = SourceKind::NamedPerson;
        ledger.sources.push(named);
        let summary = ledger.summary();
        assert_eq!((summary.named, summary.unnamed), (1, 3));
        assert_eq!(summary.unnamed_without_reason, 2);
        assert_eq!(
            summary.headline(),
            "1 named, 3 unnamed sources; 2 without a reason"
        );
    }
}
