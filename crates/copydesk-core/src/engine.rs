//! The one entry point: a story and a configuration in, findings out.

use crate::attribution::Attributions;
use crate::checks::{Check, FAMILIES};
use crate::config::Config;
use crate::finding::Finding;
use crate::incremental::{DocumentCache, Memo};
use crate::ledger::{named_heads, Ledger};
use crate::rules;
use crate::span::Span;
use crate::text::{SourceFormat, Story};

/// What one reading of a story gives: its findings and its ledger of sources and people.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub findings: Vec<Finding>,
    pub ledger: Ledger,
}

/// An edit's analysis ([`Engine::check_edit`]): the findings at once, the ledger when asked
/// for. An editor shows the findings on every keystroke but the ledger only when the writer
/// looks at it (a hover, the code lens, the outline), and naming the layer's sources is the
/// longest step left once the families are done.
pub struct EditAnalysis {
    pub findings: Vec<Finding>,
    pub ledger: PendingLedger,
}

/// What the families recorded, and what naming the attribution layer's sources reads.
pub struct PendingLedger {
    recorded: Ledger,
    attributions: Attributions,
    /// [`crate::ledger::named_heads`]: the story's tokens are not kept.
    heads: Vec<Option<Span>>,
    prose: String,
}

impl PendingLedger {
    /// The ledger a whole analysis gives ([`Analysis::ledger`]).
    pub fn complete(self) -> Ledger {
        let PendingLedger {
            mut recorded,
            attributions,
            heads,
            prose,
        } = self;
        recorded.add_named_sources(&prose, &attributions, &heads);
        recorded
    }
}

/// A configuration with its check families built, reusable across many stories and edits.
pub struct Engine {
    config: Config,
    checks: Vec<Box<dyn Check>>,
}

impl Engine {
    pub fn new(config: Config) -> Engine {
        let checks = FAMILIES
            .iter()
            .map(|family| (family.build)(&config))
            .collect();
        Engine { config, checks }
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Checks one story. Findings are sorted by position, then rule id; rules switched off in
    /// the configuration are dropped and severities set in the configuration applied.
    pub fn analyze(&self, source: &str, format: SourceFormat) -> Vec<Finding> {
        let story = Story::new(source, format);
        self.analyze_story(&story)
    }

    pub fn analyze_story(&self, story: &Story) -> Vec<Finding> {
        self.check_story_with(story, Ledgers::Skipped).findings
    }

    /// Checks one story and keeps its ledger, for front ends that show who is in the story.
    pub fn check(&self, source: &str, format: SourceFormat) -> Analysis {
        self.check_story(&Story::new(source, format))
    }

    /// [`Engine::check`] for one more version of a document `cache` has seen before: equal to
    /// it, but re-reading only what the edit touched (see the `incremental` module).
    pub fn check_incremental(
        &self,
        source: &str,
        format: SourceFormat,
        cache: &mut DocumentCache,
    ) -> Analysis {
        let edit = self.check_edit(source, format, cache);
        Analysis {
            findings: edit.findings,
            ledger: edit.ledger.complete(),
        }
    }

    /// [`Engine::check_incremental`], its ledger left to complete when it is wanted.
    pub fn check_edit(
        &self,
        source: &str,
        format: SourceFormat,
        cache: &mut DocumentCache,
    ) -> EditAnalysis {
        let story = cache.story(source, format);
        let (memo, independent) = cache.memos();
        memo.begin();
        independent.begin();
        let analysis = self.check_story_split(&story, memo, independent);
        memo.end();
        independent.end();
        analysis
    }

    /// [`Engine::check_story_with`] for an edited document, where the wait is the writer's: the
    /// families that do not read the attribution layer (names) run on a second thread while
    /// this one reads the layer and runs its readers. Each group keeps its own memo, findings
    /// and ledger; joined in the sequential order, the result is the sequential one. A
    /// WebAssembly host has no threads, and runs the groups one after the other.
    fn check_story_split(
        &self,
        story: &Story,
        memo: &mut Memo,
        independent: &mut Memo,
    ) -> EditAnalysis {
        let run_independent = |memo: &mut Memo| {
            let mut findings = Vec::new();
            let mut ledger = Ledger::default();
            let unattributed = Attributions::default();
            for check in self.checks.iter().filter(|c| !c.reads_attributions()) {
                check.check_memoised(story, &unattributed, &mut findings, &mut ledger, memo);
            }
            (findings, ledger)
        };
        let run_attributed = |memo: &mut Memo| {
            let mut findings = Vec::new();
            let mut ledger = Ledger::default();
            let attributions = Attributions::read_memoised(story, memo);
            for check in self.checks.iter().filter(|c| c.reads_attributions()) {
                check.check_memoised(story, &attributions, &mut findings, &mut ledger, memo);
            }
            (findings, ledger, attributions)
        };
        #[cfg(not(target_family = "wasm"))]
        let ((mut findings, mut ledger), (attributed, recorded, attributions)) =
            std::thread::scope(|scope| {
                let independent = scope.spawn(|| run_independent(independent));
                let attributed = run_attributed(memo);
                let independent = independent
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                (independent, attributed)
            });
        #[cfg(target_family = "wasm")]
        let ((mut findings, mut ledger), (attributed, recorded, attributions)) =
            (run_independent(independent), run_attributed(memo));
        // No family reads what another recorded, so appending keeps the sequential ledger.
        findings.extend(attributed);
        ledger.sources.extend(recorded.sources);
        ledger.people.extend(recorded.people);
        EditAnalysis {
            findings: self.finish(story, findings),
            ledger: PendingLedger {
                recorded: ledger,
                heads: named_heads(story, &attributions),
                attributions,
                prose: story.prose().to_owned(),
            },
        }
    }

    pub fn check_story(&self, story: &Story) -> Analysis {
        self.check_story_with(story, Ledgers::Kept)
    }

    /// Every family in turn on one thread: the CLI already keeps every core busy with files.
    fn check_story_with(&self, story: &Story, ledgers: Ledgers) -> Analysis {
        let mut findings = Vec::new();
        let mut ledger = match ledgers {
            Ledgers::Kept => Ledger::default(),
            Ledgers::Skipped => Ledger::unkept(),
        };
        // Each family's findings carry only its own rules, so the order the families run in
        // changes no result; running first those that ignore the attributions keeps their
        // working data (a mention per name) and the attributions from being held together.
        let unattributed = Attributions::default();
        for check in self.checks.iter().filter(|c| !c.reads_attributions()) {
            check.check_and_record(story, &unattributed, &mut findings, &mut ledger);
        }
        let attributions = Attributions::read(story);
        for check in self.checks.iter().filter(|c| c.reads_attributions()) {
            check.check_and_record(story, &attributions, &mut findings, &mut ledger);
        }
        if ledgers == Ledgers::Kept {
            ledger.add_named_sources(
                story.prose(),
                &attributions,
                &named_heads(story, &attributions),
            );
        }
        Analysis {
            findings: self.finish(story, findings),
            ledger,
        }
    }

    /// What every analysis does to the findings once the families are done: suppressions, the
    /// configuration's rule levels, and story order.
    fn finish(&self, story: &Story, mut findings: Vec<Finding>) -> Vec<Finding> {
        crate::suppress::apply(story, &mut findings);
        findings.retain_mut(|finding| {
            let Some(rule) = rules::find(&finding.rule) else {
                return true;
            };
            match self.config.rule_level(rule) {
                // A severity set in the configuration wins; otherwise the check's own choice
                // stands (a family may soften one finding, e.g. a nickname pair to a hint).
                Some(severity) => {
                    if self.config.rules.contains_key(rule.id) {
                        finding.severity = severity;
                    }
                    true
                }
                None => false,
            }
        });
        sort_in_story_order(&mut findings);
        findings.dedup_by(|a, b| a.rule == b.rule && a.span() == b.span());
        drop_vague_twins_of_unnamed_sources(&mut findings);
        findings
    }
}

/// Some groups are both a vague attribution and an unnamed source ("Republican strategists
/// concede", "many lawmakers say"), and both families flag them. One problem gets one finding:
/// the unnamed-source one, which says per source what is missing (why unnamed, how many, who
/// they are). A vague finding that reaches past the source's phrase ("official reports show",
/// where the hearsay is the report) is another problem and stays; one that only adds the cue
/// before its words ("according to insiders") is the same. `findings` is in story order.
fn drop_vague_twins_of_unnamed_sources(findings: &mut Vec<Finding>) {
    // Spans of unnamed-source findings, by start; they seldom nest, so the few starting last
    // before the vague finding's end are all that can hold it.
    const LOOK_BACK: usize = 4;
    let sources: Vec<(crate::span::Span, rules::Severity)> = findings
        .iter()
        .filter(|f| f.category == rules::Category::AnonymousSource)
        .map(|f| (f.span(), f.severity))
        .collect();
    if sources.is_empty() {
        return;
    }
    findings.retain(|f| {
        if f.rule != rules::VAGUE_ATTRIBUTION.id {
            return true;
        }
        let vague = f.span();
        let before_end = sources.partition_point(|(s, _)| s.start < vague.end);
        // A hint (the only rule left on for the source) does not stand in for a warning.
        !sources[before_end.saturating_sub(LOOK_BACK)..before_end]
            .iter()
            .any(|&(s, severity)| {
                // Ending inside the source's phrase: the same words, or its cue and its
                // first words ("according to insiders", "described by some people").
                let twin = s.start < vague.end && vague.end <= s.end;
                twin && severity >= f.severity
            })
    });
}

/// Whether the caller keeps the ledger. Its named sources are read from the attributions after
/// the checks, and on a story that names a source every few words they are the analysis's
/// peak memory; an analysis that returns only findings skips them (the findings never read the
/// ledger).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ledgers {
    Kept,
    Skipped,
}

/// Sorts findings by position, then rule id, keeping the order they were reported in among
/// equals (which one `dedup_by` keeps depends on it), as a stable sort would. A stable sort of
/// the findings themselves borrows a buffer of half of them (a long story's findings run to
/// tens of megabytes, and the story and its attributions are still held then); sorting their
/// indexes and moving each finding into place along its cycle borrows four bytes per finding.
fn sort_in_story_order(findings: &mut [Finding]) {
    let key = |f: &Finding| (f.span().start, f.span().end, f.rule);
    let Ok(count) = u32::try_from(findings.len()) else {
        findings.sort_by_key(key);
        return;
    };
    // `order[k]` is the index of the finding that belongs at `k`; ties broken by index make
    // the unstable sort's result the stable one.
    let mut order: Vec<u32> = (0..count).collect();
    order.sort_unstable_by(|&a, &b| {
        key(&findings[a as usize])
            .cmp(&key(&findings[b as usize]))
            .then(a.cmp(&b))
    });
    const PLACED: u32 = u32::MAX;
    for start in 0..order.len() {
        let mut at = start;
        while order[at] != PLACED {
            let from = order[at] as usize;
            order[at] = PLACED;
            if from == start {
                break;
            }
            // The finding for `at` moves in; the one that was at `at` (the cycle's first)
            // waits at `from` until the cycle closes.
            findings.swap(at, from);
            at = from;
        }
    }
}

/// Checks one story with a configuration built for the occasion.
pub fn analyze(source: &str, format: SourceFormat, config: &Config) -> Vec<Finding> {
    Engine::new(config.clone()).analyze(source, format)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::RuleLevel;
    use crate::rules::Severity;

    const STORY: &str =
        "Timothy Rusk runs the bank. Rusk said profits rose. Tim Rusk later added that costs fell.";

    fn severity_of(config: Config, rule: &str) -> Option<Severity> {
        Engine::new(config)
            .analyze(STORY, SourceFormat::PlainText)
            .iter()
            .find(|f| f.rule == rule)
            .map(|f| f.severity)
    }

    #[test]
    fn a_check_may_soften_a_finding_unless_the_configuration_sets_the_level() {
        assert_eq!(
            severity_of(Config::default(), "name-first-name-mismatch"),
            Some(Severity::Hint)
        );
        let mut config = Config::default();
        config.rules.insert(
            "name-first-name-mismatch".into(),
            RuleLevel::Severity(Severity::Error),
        );
        assert_eq!(
            severity_of(config.clone(), "name-first-name-mismatch"),
            Some(Severity::Error)
        );
        config
            .rules
            .insert("name-first-name-mismatch".into(), RuleLevel::Off);
        assert_eq!(severity_of(config, "name-first-name-mismatch"), None);
    }

    #[test]
    fn a_source_phrase_naming_two_people_is_the_person_at_its_head() {
        let text = "Ann Kovac won the Otago seat in May.\n\nKovac's chief strategist Tom Reyes \
                    said the count was fair.\n";
        let phrase = text.find("Kovac's").expect("the phrase");
        let engine = Engine::new(Config::default());
        let mut cache = DocumentCache::new();
        for ledger in [
            engine.check(text, SourceFormat::PlainText).ledger,
            engine
                .check_incremental(text, SourceFormat::PlainText, &mut cache)
                .ledger,
        ] {
            let source = ledger
                .sources
                .iter()
                .find(|s| s.mentions.iter().any(|m| m.start == phrase))
                .expect("the strategist is a source");
            assert_eq!(source.label, "Tom Reyes");
            let person = source.person.and_then(|p| ledger.people.get(p));
            assert_eq!(person.map(|p| p.name.as_str()), Some("Tom Reyes"));
        }
    }

    #[test]
    fn a_group_that_is_both_vague_and_an_unnamed_source_gets_one_finding() {
        let flagged = |text: &str| -> Vec<(String, String)> {
            Engine::new(Config::default())
                .analyze(text, SourceFormat::PlainText)
                .iter()
                .filter(|f| f.severity >= Severity::Warning)
                .map(|f| (f.rule.to_string(), text[f.span().range()].to_string()))
                .collect()
        };
        let text = "The harbour tax will pass in June. Council strategists said the vote was safe.";
        assert_eq!(
            flagged(text),
            [(
                "anonymity-unexplained".to_string(),
                "Council strategists".to_string()
            )]
        );
        let cued = "The harbour tax will pass in June, according to council insiders.";
        let found = flagged(cued);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "anonymity-unexplained");
        // With the unnamed-source rules off, the vague finding is the one left.
        let mut config = Config::default();
        for rule in [
            "anonymity-unexplained",
            "anonymous-source-bare",
            "anonymous-source",
        ] {
            config.rules.insert(rule.into(), RuleLevel::Off);
        }
        let found = Engine::new(config).analyze(text, SourceFormat::PlainText);
        assert!(
            found.iter().any(|f| f.rule == "vague-attribution"),
            "{found:?}"
        );
    }

    #[test]
    fn findings_sort_by_position_then_rule_keeping_the_reported_order_among_equals() {
        use crate::rules::{ANONYMOUS_SOURCE, VAGUE_ATTRIBUTION};
        use crate::span::Span;
        // Positions drawn from a fixed permutation, with repeats, so the cycles are long and
        // several findings share a position and rule; the message says in which order each
        // was reported.
        let mut findings: Vec<Finding> = (0..200usize)
            .map(|i| {
                let at = (i * 37) % 61;
                let rule = if i % 3 == 0 {
                    &ANONYMOUS_SOURCE
                } else {
                    &VAGUE_ATTRIBUTION
                };
                Finding::new(rule, Span::new(at, at + 1 + i % 2), i.to_string())
            })
            .collect();
        let mut expected = findings.clone();
        expected.sort_by(|a, b| {
            (a.span().start, a.span().end, a.rule).cmp(&(b.span().start, b.span().end, b.rule))
        });
        sort_in_story_order(&mut findings);
        let described = |list: &[Finding]| -> Vec<(Span, &str, String)> {
            list.iter()
                .map(|f| (f.span(), f.rule.as_str(), f.message().to_string()))
                .collect()
        };
        assert_eq!(described(&findings), described(&expected));
    }
}
