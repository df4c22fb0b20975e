//! `.copydesk.toml` text to a [`Config`], with every error naming its key and line.
//!
//! The file is walked by hand over `toml`'s spanned document rather than through serde, because
//! a desk editor needs "line 7: unknown key `rulez`" and not a type path.

use super::error::ConfigError;
use super::pattern::Pattern;
use super::presets::merge_names;
use super::{Config, HouseName, HousePreset, NamedBodyOfficials, RuleLevel};
use crate::rules::{self, Severity};
use crate::text::Lines;
use std::ops::Range;
use std::path::Path;
use toml::de::{DeArray, DeTable, DeValue};
use toml::Spanned;

const TOP_KEYS: &[&str] = &[
    "preset",
    "rules",
    "names",
    "no_first_reference",
    "own_outlets",
    "anonymous",
    "phrases",
    "include",
    "exclude",
];
const ANONYMOUS_KEYS: &[&str] = &["named_body_officials"];
const NAME_KEYS: &[&str] = &["preferred", "variants"];
const PHRASE_KEYS: &[&str] = &[
    "anonymity_reasons",
    "anonymous_sources",
    "vague_attributions",
    "anonymity_reason_patterns",
    "anonymous_source_patterns",
    "vague_attribution_patterns",
];

/// Caps that keep a hostile or mistaken file from making every check slow.
const MAX_LIST_LEN: usize = 2_000;
const MAX_PHRASE_LEN: usize = 200;

/// A parsed file: the configuration and its file globs with the line each came from.
pub(super) struct Parsed {
    pub config: Config,
    pub include_lines: Vec<usize>,
    pub exclude_lines: Vec<usize>,
}

pub(super) fn parse(text: &str, path: &Path) -> Result<Parsed, ConfigError> {
    let cx = Cx {
        path,
        lines: Lines::new(text),
    };
    let doc = DeTable::parse(text).map_err(|e| {
        let line = e.span().map(|s| cx.line(&s));
        cx.error(
            line,
            None,
            format!("not valid TOML: {}", e.message().trim()),
        )
    })?;
    let mut config = Config::default();
    let mut parsed_names = Vec::new();
    let mut include_lines = Vec::new();
    let mut exclude_lines = Vec::new();
    for (key, value) in doc.get_ref() {
        let name: &str = key.get_ref();
        match name {
            "preset" => {
                let s = cx.string(value, "preset")?;
                config.preset = HousePreset::parse(s).ok_or_else(|| {
                    cx.error_at(
                        value,
                        "preset",
                        format!("unknown preset `{s}`; expected one of {}", preset_list()),
                    )
                })?;
            }
            "rules" => {
                for (rule, level) in cx.table(value, "rules")? {
                    let id: &str = rule.get_ref();
                    let key = format!("rules.{id}");
                    if rules::find(id).is_none() {
                        return Err(cx.error(
                            Some(cx.line(&rule.span())),
                            Some(&key),
                            format!("unknown rule `{id}` in [rules]; `copydesk rules` lists them"),
                        ));
                    }
                    let s = cx.string(level, &key)?;
                    let parsed = if s == "off" {
                        RuleLevel::Off
                    } else {
                        RuleLevel::Severity(Severity::parse(s).ok_or_else(|| {
                            cx.error_at(
                                level,
                                &key,
                                format!(
                                    "`{s}` is not a level for `{id}`; expected one of off, hint, info, warning, error"
                                ),
                            )
                        })?)
                    };
                    config.rules.insert(id.to_owned(), parsed);
                }
            }
            "names" => parsed_names = cx.names(value)?,
            "no_first_reference" => {
                config.no_first_reference = cx.phrases(value, "no_first_reference")?.0;
            }
            "own_outlets" => {
                config.own_outlets = cx.phrases(value, "own_outlets")?.0;
            }
            "anonymous" => {
                for (setting, value) in cx.table(value, "anonymous")? {
                    let setting_name: &str = setting.get_ref();
                    let key = format!("anonymous.{setting_name}");
                    match setting_name {
                        "named_body_officials" => {
                            let s = cx.string(value, &key)?;
                            config.anonymous.named_body_officials = NamedBodyOfficials::parse(s)
                                .ok_or_else(|| {
                                    cx.error_at(
                                        value,
                                        &key,
                                        format!(
                                            "`{s}` is not a choice for `{key}`; expected one of {}",
                                            NamedBodyOfficials::ALL
                                                .map(NamedBodyOfficials::as_str)
                                                .join(", ")
                                        ),
                                    )
                                })?;
                        }
                        _ => return Err(cx.unknown_key(setting, "[anonymous]", ANONYMOUS_KEYS)),
                    }
                }
            }
            "phrases" => {
                for (kind, list) in cx.table(value, "phrases")? {
                    let kind_name: &str = kind.get_ref();
                    let key = format!("phrases.{kind_name}");
                    let phrases = &mut config.phrases;
                    match kind_name {
                        "anonymity_reasons" => {
                            phrases.anonymity_reasons = cx.phrases(list, &key)?.0
                        }
                        "anonymous_sources" => {
                            phrases.anonymous_sources = cx.phrases(list, &key)?.0
                        }
                        "vague_attributions" => {
                            phrases.vague_attributions = cx.phrases(list, &key)?.0
                        }
                        "anonymity_reason_patterns" => {
                            phrases.anonymity_reason_patterns = cx.patterns(list, &key)?
                        }
                        "anonymous_source_patterns" => {
                            phrases.anonymous_source_patterns = cx.patterns(list, &key)?
                        }
                        "vague_attribution_patterns" => {
                            phrases.vague_attribution_patterns = cx.patterns(list, &key)?
                        }
                        _ => return Err(cx.unknown_key(kind, "[phrases]", PHRASE_KEYS)),
                    }
                }
            }
            "include" => (config.include, include_lines) = cx.strings(value, "include")?,
            "exclude" => (config.exclude, exclude_lines) = cx.strings(value, "exclude")?,
            _ => return Err(cx.unknown_key(key, "the top level", TOP_KEYS)),
        }
    }
    config.names = merge_names(config.preset, parsed_names);
    Ok(Parsed {
        config,
        include_lines,
        exclude_lines,
    })
}

fn preset_list() -> String {
    HousePreset::ALL
        .iter()
        .map(|p| p.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

struct Cx<'a> {
    path: &'a Path,
    lines: Lines<'a>,
}

type Value<'i> = Spanned<DeValue<'i>>;

impl Cx<'_> {
    /// 1-based line of a byte span's start.
    fn line(&self, span: &Range<usize>) -> usize {
        self.lines.line_of(span.start) + 1
    }

    fn error(&self, line: Option<usize>, key: Option<&str>, message: String) -> ConfigError {
        ConfigError {
            path: self.path.to_path_buf(),
            line,
            key: key.map(str::to_owned),
            message,
        }
    }

    fn error_at(&self, value: &Value<'_>, key: &str, message: String) -> ConfigError {
        self.error(Some(self.line(&value.span())), Some(key), message)
    }

    fn unknown_key(
        &self,
        key: &Spanned<std::borrow::Cow<'_, str>>,
        place: &str,
        expected: &[&str],
    ) -> ConfigError {
        let name: &str = key.get_ref();
        self.error(
            Some(self.line(&key.span())),
            Some(name),
            format!(
                "unknown key `{name}` in {place}; expected one of {}",
                expected.join(", ")
            ),
        )
    }

    fn wrong_type(&self, value: &Value<'_>, key: &str, want: &str) -> ConfigError {
        self.error_at(
            value,
            key,
            format!(
                "`{key}` must be {want}, not {}",
                article(value.get_ref().type_str())
            ),
        )
    }

    fn string<'v>(&self, value: &'v Value<'_>, key: &str) -> Result<&'v str, ConfigError> {
        value
            .get_ref()
            .as_str()
            .ok_or_else(|| self.wrong_type(value, key, "a string"))
    }

    fn table<'v, 'i>(
        &self,
        value: &'v Value<'i>,
        key: &str,
    ) -> Result<&'v DeTable<'i>, ConfigError> {
        value
            .get_ref()
            .as_table()
            .ok_or_else(|| self.wrong_type(value, key, "a table"))
    }

    fn array<'v, 'i>(
        &self,
        value: &'v Value<'i>,
        key: &str,
    ) -> Result<&'v DeArray<'i>, ConfigError> {
        let array = value
            .get_ref()
            .as_array()
            .ok_or_else(|| self.wrong_type(value, key, "an array"))?;
        if array.len() > MAX_LIST_LEN {
            return Err(self.error_at(
                value,
                key,
                format!(
                    "`{key}` has {} entries; the limit is {MAX_LIST_LEN}",
                    array.len()
                ),
            ));
        }
        Ok(array)
    }

    /// An array of strings, with the line of each.
    fn strings(
        &self,
        value: &Value<'_>,
        key: &str,
    ) -> Result<(Vec<String>, Vec<usize>), ConfigError> {
        let mut out = Vec::new();
        let mut lines = Vec::new();
        for item in self.array(value, key)?.iter() {
            let s = item
                .get_ref()
                .as_str()
                .ok_or_else(|| self.wrong_type(item, key, "a list of strings"))?;
            if s.trim().is_empty() {
                return Err(self.error_at(item, key, format!("`{key}` has an empty entry")));
            }
            out.push(s.to_owned());
            lines.push(self.line(&item.span()));
        }
        Ok((out, lines))
    }

    /// An array of short literal phrases.
    fn phrases(
        &self,
        value: &Value<'_>,
        key: &str,
    ) -> Result<(Vec<String>, Vec<usize>), ConfigError> {
        let (phrases, lines) = self.strings(value, key)?;
        for (phrase, line) in phrases.iter().zip(&lines) {
            if phrase.len() > MAX_PHRASE_LEN {
                return Err(self.error(
                    Some(*line),
                    Some(key),
                    format!(
                        "a phrase in `{key}` is {} bytes long; the limit is {MAX_PHRASE_LEN}",
                        phrase.len()
                    ),
                ));
            }
        }
        Ok((phrases, lines))
    }

    fn patterns(&self, value: &Value<'_>, key: &str) -> Result<Vec<Pattern>, ConfigError> {
        let (sources, lines) = self.strings(value, key)?;
        sources
            .iter()
            .zip(lines)
            .map(|(source, line)| {
                Pattern::new(source).map_err(|why| {
                    self.error(Some(line), Some(key), format!("pattern in `{key}`: {why}"))
                })
            })
            .collect()
    }

    fn names(&self, value: &Value<'_>) -> Result<Vec<HouseName>, ConfigError> {
        let mut names: Vec<HouseName> = Vec::new();
        for (i, entry) in self.array(value, "names")?.iter().enumerate() {
            let place = format!("names[{i}]");
            let table = entry.get_ref().as_table().ok_or_else(|| {
                self.error_at(
                    entry,
                    "names",
                    "`names` entries are tables: `[[names]]` with `preferred` and `variants`"
                        .into(),
                )
            })?;
            let mut preferred = None;
            let mut variants = Vec::new();
            for (key, item) in table {
                let name: &str = key.get_ref();
                match name {
                    "preferred" => {
                        let key = format!("{place}.preferred");
                        let s = self.string(item, &key)?;
                        if s.trim().is_empty() {
                            return Err(self.error_at(item, &key, "`preferred` is empty".into()));
                        }
                        preferred = Some(s.to_owned());
                    }
                    "variants" => variants = self.phrases(item, &format!("{place}.variants"))?.0,
                    _ => {
                        return Err(self.unknown_key(
                            key,
                            &format!("[[names]] entry {}", i + 1),
                            NAME_KEYS,
                        ))
                    }
                }
            }
            let preferred = preferred.ok_or_else(|| {
                self.error_at(
                    entry,
                    &place,
                    "a [[names]] entry needs `preferred`, the spelling the desk uses".into(),
                )
            })?;
            if let Some(same) = variants.iter().find(|v| **v == preferred) {
                return Err(self.error_at(
                    entry,
                    &place,
                    format!("`{same}` is both the preferred spelling and a variant"),
                ));
            }
            // Entries that contradict each other (Smith→Smyth and Smyth→Smith, or one variant
            // corrected two ways) would have the checks flag the desk's own spelling.
            for (j, earlier) in names.iter().enumerate() {
                let contradiction = if earlier.variants.contains(&preferred) {
                    Some(format!(
                        "`{preferred}` is preferred here but [[names]] entry {} makes it a variant of `{}`",
                        j + 1,
                        earlier.preferred
                    ))
                } else if let Some(v) = variants.iter().find(|v| **v == earlier.preferred) {
                    Some(format!(
                        "`{v}` is a variant here but [[names]] entry {} prefers it",
                        j + 1
                    ))
                } else {
                    variants
                        .iter()
                        .find(|v| earlier.variants.contains(v) && earlier.preferred != preferred)
                        .map(|v| {
                            format!(
                                "`{v}` is corrected to `{preferred}` here but to `{}` in [[names]] entry {}",
                                earlier.preferred,
                                j + 1
                            )
                        })
                };
                if let Some(message) = contradiction {
                    return Err(self.error_at(
                        entry,
                        &place,
                        format!("{message}; keep one spelling per person"),
                    ));
                }
            }
            names.push(HouseName {
                preferred,
                variants,
            });
        }
        Ok(names)
    }
}

fn article(kind: &str) -> String {
    match kind.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u') => format!("an {kind}"),
        _ => format!("a {kind}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_error(text: &str) -> String {
        parse(text, Path::new(".copydesk.toml"))
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
    }

    #[test]
    fn contradictory_name_entries_are_refused_with_the_later_line() {
        let swapped = "[[names]]\npreferred = \"Smyth\"\nvariants = [\"Smith\"]\n\n[[names]]\npreferred = \"Smith\"\nvariants = [\"Smyth\"]\n";
        let error = names_error(swapped);
        assert!(error.contains("entry 1"), "{error}");
        assert!(error.contains("keep one spelling per person"), "{error}");
        let two_ways = "[[names]]\npreferred = \"Kellogg\"\nvariants = [\"Kelog\"]\n\n[[names]]\npreferred = \"Kellog\"\nvariants = [\"Kelog\"]\n";
        assert!(names_error(two_ways).contains("corrected to `Kellog`"));
        let fine = "[[names]]\npreferred = \"Kellogg\"\nvariants = [\"Kelog\"]\n\n[[names]]\npreferred = \"Smyth\"\nvariants = [\"Smith\"]\n";
        assert_eq!(names_error(fine), "");
    }
}
