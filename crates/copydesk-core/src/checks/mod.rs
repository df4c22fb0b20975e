//! The check families. Each family is one module that builds its checker from the
//! configuration; its rules are declared in [`crate::rules`]. Adding a family is one module,
//! its declarations, and one line in [`FAMILIES`].

use crate::attribution::Attributions;
use crate::config::Config;
use crate::finding::Finding;
use crate::incremental::Memo;
use crate::ledger::Ledger;
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

    /// Checks and records in the ledger the sources or people the family read on the way, so
    /// the ledger and the findings come from one reading. Families with nothing to record keep
    /// the default.
    fn check_and_record(
        &self,
        story: &Story,
        attributions: &Attributions,
        out: &mut Vec<Finding>,
        ledger: &mut Ledger,
    ) {
        let _ = ledger;
        self.check_attributed(story, attributions, out);
    }

    /// Whether the family reads the story's attributions. The engine runs the families that do
    /// not before it reads them, so a long story never holds both their working data and the
    /// attributions at once.
    fn reads_attributions(&self) -> bool {
        true
    }

    /// [`Check::check_and_record`] for one more version of a document: the family may take
    /// the per-paragraph part of its reading from `memo`, kept from earlier versions, and must
    /// give exactly what `check_and_record` gives. Families that keep nothing keep the default.
    fn check_memoised(
        &self,
        story: &Story,
        attributions: &Attributions,
        out: &mut Vec<Finding>,
        ledger: &mut Ledger,
        memo: &mut Memo,
    ) {
        let _ = memo;
        self.check_and_record(story, attributions, out, ledger);
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
