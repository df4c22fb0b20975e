//! Word lists shared by several check families, written for this project from the newsroom
//! standards and the attribution corpus (and one drawn from SCOWL: `english`). Family-specific
//! lexicons live with their family.

pub mod english;
pub mod function_words;
pub mod given_names;
pub mod reporting_verbs;
pub mod verbs;
pub mod word_set;
