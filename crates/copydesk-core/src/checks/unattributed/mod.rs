//! Check family: unattributed claims. Claims, quotations and figures the story does not tie
//! to a source, and attribution verbs that editorialise.
//!
//! One module per job: [`scope`] is the attribution scope model every rule asks; [`vague`] (with
//! [`groups`]), [`quotes`], [`figures`], [`verbs`] and [`allegations`] are the rules; [`lexicon`] holds
//! the family's word lists. The rules are declared in [`crate::rules`].

pub mod allegations;
pub mod figures;
pub mod groups;
pub mod lexicon;
pub mod quotes;
pub mod scope;
pub mod vague;
pub mod verbs;

use crate::attribution::Attributions;
use crate::checks::{Check, Family};
use crate::config::Config;
use crate::finding::Finding;
use crate::incremental::Memo;
use crate::ledger::Ledger;
use crate::rules::{
    Rule, LOADED_ATTRIBUTION_VERB, QUOTE_ATTRIBUTION_LATE, UNATTRIBUTED_ALLEGATION,
    UNATTRIBUTED_QUOTE, UNSOURCED_FIGURE, VAGUE_ATTRIBUTION,
};
use crate::text::Story;

pub static RULES: &[&Rule] = &[
    &VAGUE_ATTRIBUTION,
    &UNATTRIBUTED_QUOTE,
    &QUOTE_ATTRIBUTION_LATE,
    &UNSOURCED_FIGURE,
    &LOADED_ATTRIBUTION_VERB,
    &UNATTRIBUTED_ALLEGATION,
];

pub static FAMILY: Family = Family {
    name: "unattributed claims",
    rules: RULES,
    build,
};

fn build(config: &Config) -> Box<dyn Check> {
    Box::new(Checker {
        vague: vague::Vague::new(&config.phrases.vague_attributions),
    })
}

struct Checker {
    vague: vague::Vague,
}

impl Check for Checker {
    fn check(&self, story: &Story, out: &mut Vec<Finding>) {
        self.check_attributed(story, &Attributions::read(story), out);
    }

    fn check_attributed(&self, story: &Story, attributions: &Attributions, out: &mut Vec<Finding>) {
        self.check_with(story, attributions, out, None);
    }

    fn check_memoised(
        &self,
        story: &Story,
        attributions: &Attributions,
        out: &mut Vec<Finding>,
        _: &mut Ledger,
        memo: &mut Memo,
    ) {
        self.check_with(story, attributions, out, Some(memo));
    }
}

impl Checker {
    /// With a memo, the scope's word facts, the vague-attribution readings, the figures, the
    /// loaded speech tags and the allegations of paragraphs read before come from it.
    fn check_with(
        &self,
        story: &Story,
        attributions: &Attributions,
        out: &mut Vec<Finding>,
        mut memo: Option<&mut Memo>,
    ) {
        let scope = scope::Scope::build_with(story, attributions, memo.as_deref_mut());
        let start = out.len();
        self.vague
            .check_with(story, &scope, attributions, out, memo.as_deref_mut());
        let vague_sentences = allegations::sentences_holding(story, &out[start..]);
        quotes::check(story, &scope, out, memo.as_deref_mut());
        figures::check_with(story, &scope, out, memo.as_deref_mut());
        verbs::check_with(story, out, memo.as_deref_mut());
        allegations::check(story, &scope, &vague_sentences, out, memo);
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use crate::config::Config;
    use crate::engine::Engine;
    use crate::text::SourceFormat;

    /// The text under each finding of `rule` in `text`, with the default configuration and
    /// `rule` on even when it is opt-in. The unnamed-source rules are off: where both families
    /// flag one group the engine keeps the other family's finding, and these tests are about
    /// what this family reads.
    pub fn findings_of(text: &str, rule: &str) -> Vec<String> {
        let mut config = with_rule_on(Config::default(), rule);
        for other in crate::rules::all() {
            if other.category == crate::rules::Category::AnonymousSource {
                config
                    .rules
                    .insert(other.id.to_owned(), crate::config::RuleLevel::Off);
            }
        }
        findings_with(&config, text, rule)
    }

    /// `config` with `rule` at its default severity, for the opt-in rules' own tests.
    pub fn with_rule_on(mut config: Config, rule: &str) -> Config {
        if let Some(r) = crate::rules::find(rule) {
            config
                .rules
                .entry(r.id.to_owned())
                .or_insert(crate::config::RuleLevel::Severity(r.default_severity));
        }
        config
    }

    pub fn findings_with(config: &Config, text: &str, rule: &str) -> Vec<String> {
        Engine::new(config.clone())
            .analyze(text, SourceFormat::PlainText)
            .into_iter()
            .filter(|f| f.rule == rule)
            .map(|f| f.span().text(text).to_string())
            .collect()
    }

    /// The suggestions of `rule` in `text`.
    pub fn suggestions_of(text: &str, rule: &str) -> Vec<String> {
        Engine::new(Config::default())
            .analyze(text, SourceFormat::PlainText)
            .into_iter()
            .filter(|f| f.rule == rule)
            .filter_map(|f| f.suggestion().map(str::to_string))
            .collect()
    }

    #[test]
    fn every_rule_is_documented_in_the_family_category() {
        assert_eq!(super::RULES.len(), 6);
        for rule in super::RULES {
            assert_eq!(rule.category, crate::finding::Category::UnattributedClaim);
            assert!(
                !findings_of(rule.wrong, rule.id).is_empty(),
                "{} does not flag its own wrong example",
                rule.id
            );
            assert!(
                findings_of(rule.right, rule.id).is_empty(),
                "{} flags its own right example",
                rule.id
            );
        }
    }
}
