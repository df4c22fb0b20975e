//! The effective configuration the engine runs with.
//!
//! This module holds the model and turns `.copydesk.toml` text into it ([`from_toml`]); finding
//! and reading the file is the front ends' job, so the engine never touches the file system.

mod error;
mod parse;
pub mod pattern;
mod presets;
mod read;
pub mod show;

pub use error::ConfigError;
pub use pattern::Pattern;
pub use read::{file_globs, from_toml, FileGlobs};

/// The configuration file's name, looked for in a story's folder and its ancestors.
pub const FILE_NAME: &str = ".copydesk.toml";

use crate::rules::{Rule, Severity};
use serde::Serialize;
use std::collections::BTreeMap;

/// A newsroom's house style. Presets set the style-dependent rules (courtesy titles,
/// whether boilerplate anonymity reasons are tolerated, house name spellings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HousePreset {
    #[default]
    None,
    Ap,
    Reuters,
    Nyt,
    Bbc,
}

impl HousePreset {
    pub const ALL: [HousePreset; 5] = [
        HousePreset::None,
        HousePreset::Ap,
        HousePreset::Reuters,
        HousePreset::Nyt,
        HousePreset::Bbc,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            HousePreset::None => "none",
            HousePreset::Ap => "ap",
            HousePreset::Reuters => "reuters",
            HousePreset::Nyt => "nyt",
            HousePreset::Bbc => "bbc",
        }
    }

    pub fn parse(s: &str) -> Option<HousePreset> {
        HousePreset::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// Whether "traders said" and "analysts said" are flagged. Wire market reports (Reuters,
    /// AP) carry the market's mood through them on every line by design, and their desks
    /// accept it (colour, not a claim); other houses want the traders named or counted.
    pub const fn market_colour(self) -> MarketColour {
        match self {
            HousePreset::Reuters | HousePreset::Ap => MarketColour::Quiet,
            HousePreset::None | HousePreset::Nyt | HousePreset::Bbc => MarketColour::Flag,
        }
    }

    /// How the house treats Mr./Ms. on later references.
    pub const fn courtesy_titles(self) -> CourtesyTitles {
        match self {
            HousePreset::Nyt => CourtesyTitles::LaterReferences,
            HousePreset::Bbc => CourtesyTitles::LaterReferencesNoDot,
            HousePreset::Ap | HousePreset::Reuters => CourtesyTitles::None,
            HousePreset::None => CourtesyTitles::Unchecked,
        }
    }
}

/// How the house treats market colour: "traders said", "dealers said", "analysts said".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MarketColour {
    /// A crowd of traders is a vague attribution like any other.
    Flag,
    /// Wire market reports run on the market's chorus: not flagged.
    Quiet,
}

/// How the anonymous-source rules treat the staff of a body the story names, speaking as a body
/// ("USDA officials said", "zoo officials confirmed"). Either way the ledger lists them as
/// unnamed sources: which person spoke is not said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NamedBodyOfficials {
    /// The body speaks on the record through its staff, as "the ministry said" would: no
    /// warning. Editors reading wild copy dropped nearly every warning on such sources.
    #[default]
    OnRecord,
    /// The staff are unnamed sources like any other and get the same warnings.
    Unnamed,
}

impl NamedBodyOfficials {
    pub const ALL: [NamedBodyOfficials; 2] =
        [NamedBodyOfficials::OnRecord, NamedBodyOfficials::Unnamed];

    pub const fn as_str(self) -> &'static str {
        match self {
            NamedBodyOfficials::OnRecord => "on-record",
            NamedBodyOfficials::Unnamed => "unnamed",
        }
    }

    pub fn parse(s: &str) -> Option<NamedBodyOfficials> {
        NamedBodyOfficials::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
    }
}

/// Settings of the anonymous-source rules: the `[anonymous]` table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct AnonymousSettings {
    pub named_body_officials: NamedBodyOfficials,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CourtesyTitles {
    /// No house rule: the check stays quiet.
    Unchecked,
    /// AP, Reuters: no Mr./Ms. outside quotations.
    None,
    /// NYT: Mr./Ms. on later references.
    LaterReferences,
    /// BBC: "Mr Ban", without the dot.
    LaterReferencesNoDot,
}

/// A configured level for one rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleLevel {
    Off,
    #[serde(untagged)]
    Severity(Severity),
}

/// One entry of the house name list: the spelling the desk uses and the ones it does not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HouseName {
    pub preferred: String,
    pub variants: Vec<String>,
}

/// A desk's own phrases, added to the built-in lexicons.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ExtraPhrases {
    /// Reasons for anonymity ("because they feared reprisals from the militia").
    pub anonymity_reasons: Vec<String>,
    /// Descriptions of unnamed sources ("a person in the room").
    pub anonymous_sources: Vec<String>,
    /// Vague attributions ("the chatter in the corridors").
    pub vague_attributions: Vec<String>,
    /// The same three kinds as regular expressions, for phrases with a variable part
    /// ("officials? (?:in|at) the \\w+ ministry"). Case-insensitive, compiled within caps.
    pub anonymity_reason_patterns: Vec<Pattern>,
    pub anonymous_source_patterns: Vec<Pattern>,
    pub vague_attribution_patterns: Vec<Pattern>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Config {
    pub preset: HousePreset,
    /// Per-rule overrides by rule id.
    pub rules: BTreeMap<String, RuleLevel>,
    pub names: Vec<HouseName>,
    /// People so well known that a bare surname needs no first reference ("Obama").
    pub no_first_reference: Vec<String>,
    /// The desk's own outlet names ("The Guardian", "Observer"): a source who "told the
    /// Guardian" in the Guardian's own copy is the desk's source, not another outlet's.
    pub own_outlets: Vec<String>,
    /// Settings of the anonymous-source rules.
    pub anonymous: AnonymousSettings,
    pub phrases: ExtraPhrases,
    /// File globs, relative to the configuration file, for `check` on folders.
    pub include: Vec<String>,
    pub exclude: Vec<String>,
}

impl Config {
    /// The built-in configuration of a house: its preset with the preset's name list.
    pub fn for_preset(preset: HousePreset) -> Config {
        Config {
            preset,
            names: preset.house_names(),
            ..Config::default()
        }
    }

    /// Where a rule's level comes from, for `copydesk config --show`.
    pub fn rule_level_source(&self, rule_id: &str) -> LevelSource {
        if self.rules.contains_key(rule_id) {
            LevelSource::Configured
        } else if preset_disables(self.preset, rule_id) {
            LevelSource::Preset
        } else {
            LevelSource::Default
        }
    }

    /// The severity a rule runs at, or `None` when it is switched off. Explicit settings win;
    /// then the preset; then the rule's default.
    pub fn rule_level(&self, rule: &Rule) -> Option<Severity> {
        match self.rules.get(rule.id) {
            Some(RuleLevel::Off) => None,
            Some(RuleLevel::Severity(s)) => Some(*s),
            None if preset_disables(self.preset, rule.id) || rule.opt_in => None,
            None => Some(rule.default_severity),
        }
    }
}

/// Why a rule runs at the level it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LevelSource {
    /// Set in the `[rules]` table.
    Configured,
    /// Set by the house preset.
    Preset,
    /// The rule's own default.
    Default,
}

impl HousePreset {
    /// Rules this house switches off unless the configuration turns them back on.
    pub fn disabled_rules(self) -> &'static [&'static str] {
        presets::disabled_rules(self)
    }

    /// The house's spellings of names that the wires and papers spell differently.
    pub fn house_names(self) -> Vec<HouseName> {
        presets::house_names(self)
    }
}

/// Rules a house style switches off unless the configuration turns them back on.
fn preset_disables(preset: HousePreset, rule: &str) -> bool {
    preset.disabled_rules().contains(&rule)
}
