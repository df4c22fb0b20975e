//! Word lists shared by several check families, written for this project from the newsroom
//! standards and the attribution corpus. Family-specific lexicons live with their family.

pub mod function_words;
pub mod reporting_verbs;
pub mod verbs;
pub mod word_set;
