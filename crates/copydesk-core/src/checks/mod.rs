//! The check families. Each family is one module that builds its checker from the
//! configuration; its rules are declared in [`crate::rules`]. Adding a family is one module,
//! its declarations, and one line in [`FAMILIES`].

use crate::attribution::Attributions;
use crate::config::Config;
use crate::finding::Finding;
use crate::rules::Rule;
use crate::text::Story;

pub mod anonymous;
pub mod names;
pub mod unattributed;

/// A check family, ready to run on stories. Built once per configuration, so lexicons are
/// compiled once and not on every keystroke.
pub trait Check: Send + Sync {
    fn check(&self, story: &Story, out: &mut Vec<Finding>);

    /// Checks with the story's attributions, read once per story for every family that asks
    /// who says what. Families that do not need them keep [`Check::check`].
    fn check_attributed(&self, story: &Story, attributions: &Attributions, out: &mut Vec<Finding>) {
        let _ = attributions;
        self.check(story, out);
    }
}

pub struct Family {
    pub name: &'static str,
    /// The rules this family's checker may report.
    pub rules: &'static [&'static Rule],
    pub build: fn(&Config) -> Box<dyn Check>,
}

/// Every check family copydesk runs.
pub static FAMILIES: &[&Family] = &[&anonymous::FAMILY, &unattributed::FAMILY, &names::FAMILY];
