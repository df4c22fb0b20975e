//! Inline suppressions written in the story itself (`<!-- copydesk-disable-next-line RULE -->`).
//!
//! Placeholder until the suppression issue lands: findings pass through unchanged.

use crate::finding::Finding;
use crate::text::Story;

/// Drops findings that the story's own suppression comments switch off.
pub fn apply(_story: &Story, _findings: &mut Vec<Finding>) {}
