//! Check family: name consistency.

pub mod lexicon;
pub mod mentions;
pub mod similarity;

use crate::checks::{Check, Family, RuleInfo};
use crate::config::Config;
use crate::finding::Finding;
use crate::text::Story;

pub static RULES: &[RuleInfo] = &[];

pub static FAMILY: Family = Family {
    name: "name consistency",
    rules: RULES,
    build,
};

fn build(_config: &Config) -> Box<dyn Check> {
    Box::new(Checker)
}

struct Checker;

impl Check for Checker {
    fn check(&self, _story: &Story, _out: &mut Vec<Finding>) {}
}
