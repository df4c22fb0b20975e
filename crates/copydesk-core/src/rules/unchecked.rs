//! The rule about text the checks cannot read.

use super::{declare_rules, Category, Severity};

declare_rules! {
    pub static UNCHECKED_TEXT = Rule {
        id: "unchecked-text",
        category: Category::Suppression,
        default_severity: Severity::Warning,
        summary: "A code fence or comment that never closes hides the rest of the story from every check.",
        explanation: "Markdown reads everything after an opening code fence (a line starting with \
                      three or more backticks or tildes, such as a `~~~~~` separator) as code \
                      until a matching fence, and everything after `<!--` as a comment until \
                      `-->`. When the closing mark is missing, the rest of the story is neither \
                      shown as prose nor checked, and nothing else says so. This finding sits on \
                      the opening mark and says how much text it hides. Close the fence or \
                      comment, or remove the stray mark; a separator can be written `* * *`.",
        wrong: "The mayor resigned.\n\n~~~~~\n\nCritics say the council knew for months.",
        right: "The mayor resigned.\n\n* * *\n\nThe council said it had known for months.",
    };
}
