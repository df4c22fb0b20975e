//! Check family: name consistency.
//!
//! `mentions` finds person mentions, `roster` groups them into people and records spellings
//! that drift, `consistency` turns the roster into findings, and `house` applies the desk's
//! own name list and courtesy-title style.

mod consistency;
mod house;
pub mod lexicon;
pub mod mentions;
pub mod roster;
pub mod rules;
pub mod similarity;

use crate::checks::{Check, Family, RuleInfo};
use crate::config::Config;
use crate::finding::Finding;
use crate::text::Story;
use lexicon::Lexicon;

pub static RULES: &[RuleInfo] = &[
    rules::NAME_VARIANT,
    rules::NAME_FIRST_NAME_MISMATCH,
    rules::NAME_AMBIGUOUS_SURNAME,
    rules::NAME_FIRST_REFERENCE,
    rules::NAME_HOUSE_SPELLING,
    rules::NAME_COURTESY_TITLE,
];

pub static FAMILY: Family = Family {
    name: "name consistency",
    rules: RULES,
    build,
};

fn build(config: &Config) -> Box<dyn Check> {
    Box::new(Checker {
        house: house::HouseStyle::new(config),
        no_first_reference: config
            .no_first_reference
            .iter()
            .map(|n| similarity::fold(n))
            .collect(),
    })
}

struct Checker {
    house: house::HouseStyle,
    /// Folded names (full or surname) that need no first reference.
    no_first_reference: Vec<String>,
}

impl Check for Checker {
    fn check(&self, story: &Story, out: &mut Vec<Finding>) {
        let lex = Lexicon::get();
        let mentions = mentions::find_mentions(story, lex);
        let roster = roster::Roster::build(story, &mentions, lex);
        let start = out.len();
        self.house.house_spellings(story, out);
        let house_spans: Vec<_> = out[start..].iter().map(|f| f.span).collect();
        consistency::report(
            story,
            &mentions,
            &roster,
            &self.no_first_reference,
            &house_spans,
            out,
        );
        self.house.courtesy_titles(story, &mentions, &roster, out);
    }
}
