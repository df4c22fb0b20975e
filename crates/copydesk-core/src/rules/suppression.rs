//! The rule about the story's own suppression comments.

use super::{declare_rules, Category, Severity};

declare_rules! {
    pub static UNUSED_SUPPRESSION = Rule {
        id: "unused-suppression",
        category: Category::Suppression,
        default_severity: Severity::Hint,
        summary: "A copydesk-disable comment that hides nothing or names an unknown rule.",
        explanation: "Suppression comments outlive the sentences they were written for. One that no \
                      longer hides a finding, names a rule copydesk does not have, or re-enables a \
                      rule that was never disabled is noise in the copy and may hide a real problem \
                      later. Remove it or fix the rule name.",
        wrong: "<!-- copydesk-disable-next-line anonymous-sorce -->\nThe mayor will resign, an aide \
                to the mayor said.",
        right: "<!-- copydesk-disable-next-line anonymous-source -->\nThe mayor will resign, an aide \
                to the mayor said.",
    };
}
