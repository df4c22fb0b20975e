//! The desk's own style for names: its name list and its courtesy-title rule.

use super::mentions::Mention;
use super::roster::Roster;
use super::similarity::{core, fold};
use crate::config::{Config, CourtesyTitles};
use crate::finding::Finding;
use crate::rules::{NAME_COURTESY_TITLE, NAME_HOUSE_SPELLING};
use crate::span::Span;
use crate::text::Story;
use aho_corasick::{AhoCorasick, MatchKind};
use foldhash::{HashSet, HashSetExt};

pub struct HouseStyle {
    /// Variant spellings, searched case-sensitively.
    variants: Option<AhoCorasick>,
    /// For each pattern: (variant, preferred).
    pairs: Vec<(String, String)>,
    /// The pairs that come from the preset's own table rather than the desk's list.
    from_preset: HashSet<(String, String)>,
    /// Every folded word of a preferred spelling: "Binyamin" of "Binyamin Netanyahu".
    preferred_words: HashSet<String>,
    courtesy: CourtesyTitles,
}

impl HouseStyle {
    pub fn new(config: &Config) -> HouseStyle {
        let pairs: Vec<(String, String)> = config
            .names
            .iter()
            .flat_map(|name| {
                name.variants
                    .iter()
                    .filter(|v| !v.trim().is_empty() && **v != name.preferred)
                    .map(|v| (v.trim().to_string(), name.preferred.clone()))
            })
            .collect();
        let variants = if pairs.is_empty() {
            None
        } else {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(pairs.iter().map(|(v, _)| v.as_str()))
                .ok()
        };
        let from_preset = config
            .preset
            .house_names()
            .iter()
            .flat_map(|name| {
                name.variants
                    .iter()
                    .map(|v| (v.trim().to_string(), name.preferred.clone()))
            })
            .filter(|pair| pairs.contains(pair))
            .collect();
        let preferred_words = config
            .names
            .iter()
            .flat_map(|name| name.preferred.split_whitespace())
            .map(|word| fold(core(word)))
            .collect();
        HouseStyle {
            variants,
            pairs,
            from_preset,
            preferred_words,
            courtesy: config.preset.courtesy_titles(),
        }
    }

    /// Whether the desk's list prefers this spelling, alone or as a word of a longer name: a
    /// public figure's name spelt the house's way is no slip.
    pub fn prefers(&self, written: &str) -> bool {
        self.preferred_words.contains(&fold(core(written)))
    }

    /// `name-house-spelling`: a listed variant, as a whole word, outside quotations.
    pub fn house_spellings(&self, story: &Story, out: &mut Vec<Finding>) {
        let Some(ac) = &self.variants else {
            return;
        };
        let prose = story.prose();
        for found in ac.find_iter(prose) {
            let span = Span::new(found.start(), found.end());
            let before = prose[..span.start].chars().next_back();
            let after: String = prose[span.end..].chars().take(2).collect();
            let mut after_chars = after.chars();
            let next = after_chars.next();
            let word_ends = match next {
                None => true,
                Some(c) if c.is_alphanumeric() => false,
                // A possessive ending still ends the name.
                Some('\'' | '’') => !after_chars
                    .next()
                    .is_some_and(|c| c.is_alphanumeric() && c != 's'),
                Some(_) => true,
            };
            if before.is_some_and(char::is_alphanumeric) || !word_ends || story.in_quote(span) {
                continue;
            }
            let Some((variant, preferred)) = self.pairs.get(found.pattern().as_usize()) else {
                continue;
            };
            let mut finding = Finding::new(
                &NAME_HOUSE_SPELLING,
                span,
                format!("House style spells this name “{preferred}”, not “{variant}”."),
            )
            .with_suggestion(preferred.clone());
            // A preset's transliteration is a hint: the other spelling is correct elsewhere,
            // and only the desk's own list says which one this desk must use.
            if self
                .from_preset
                .contains(&(variant.clone(), preferred.clone()))
            {
                finding.severity = crate::finding::Severity::Hint;
            }
            out.push(finding);
        }
    }

    /// `name-courtesy-title`, by the preset's rule.
    pub fn courtesy_titles(
        &self,
        story: &Story,
        mentions: &[Mention],
        roster: &Roster,
        out: &mut Vec<Finding>,
    ) {
        let _ = story;
        match self.courtesy {
            CourtesyTitles::Unchecked => {}
            CourtesyTitles::None => {
                // Two people with one surname may be told apart by title (AP).
                let shared = shared_surnames(roster);
                for m in mentions {
                    let Some(title) = &m.title else { continue };
                    if !title.courtesy || m.quoted || m.headline {
                        continue;
                    }
                    let surname = m.words().last().map(|w| fold(core(&w.text)));
                    if surname.is_some_and(|s| shared.contains(&s)) {
                        continue;
                    }
                    let name = story.text(m.span).to_string();
                    out.push(
                        Finding::new(
                            &NAME_COURTESY_TITLE,
                            Span::new(title.span.start, m.span.end),
                            format!(
                                "House style uses no courtesy titles outside quotations: write \
                                 “{name}”, not “{} {name}”.",
                                story.text(title.span)
                            ),
                        )
                        .with_suggestion(name),
                    );
                }
            }
            CourtesyTitles::LaterReferences | CourtesyTitles::LaterReferencesNoDot => {
                let no_dot = self.courtesy == CourtesyTitles::LaterReferencesNoDot;
                for m in mentions {
                    let Some(title) = &m.title else { continue };
                    if no_dot && title.courtesy && title.dotted && !m.quoted {
                        out.push(
                            Finding::new(
                                &NAME_COURTESY_TITLE,
                                title.span,
                                format!("House style writes “{}” without a full stop.", title.text),
                            )
                            .with_suggestion(title.text.clone()),
                        );
                    }
                }
                // Later references carry Mr./Ms.: hint once per person at the first bare one.
                for person in &roster.people {
                    let Some(first_full) = person.first_full else {
                        continue;
                    };
                    let bare = person.mentions.iter().copied().find(|&i| {
                        let m = &mentions[i];
                        i > first_full
                            && !m.is_full()
                            && m.title.is_none()
                            && m.given().is_none()
                            && !m.quoted
                            && !m.headline
                            && !m.after_determiner()
                            && !m.lowercase
                            && !roster.family.contains(&i)
                    });
                    if let Some(i) = bare {
                        let m = &mentions[i];
                        let title = if no_dot { "Mr or Ms" } else { "Mr. or Ms." };
                        out.push(
                            Finding::new(
                                &NAME_COURTESY_TITLE,
                                m.span,
                                format!(
                                    "House style puts a courtesy title ({title}) before the \
                                     surname on later references: “{}”.",
                                    story.text(m.span)
                                ),
                            )
                            .with_related(mentions[first_full].span, "first reference"),
                        );
                    }
                }
            }
        }
    }
}

fn shared_surnames(roster: &Roster) -> HashSet<String> {
    let mut seen = HashSet::new();
    let mut shared = HashSet::new();
    for person in &roster.people {
        let key = fold(core(&person.surname));
        if !seen.insert(key.clone()) {
            shared.insert(key);
        }
    }
    shared
}
