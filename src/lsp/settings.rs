//! Client settings (`initializationOptions`, `workspace/didChangeConfiguration`) and how they
//! override the configuration file.
//!
//! Shape: `{"preset": "ap", "rules": {"anonymous-source": "off"}}`, either at the top level or
//! under a `copydesk` key (VS Code sends its whole settings tree). Unknown keys and values are
//! reported as warnings and skipped: a typo in an editor setting should not stop the checks.

use copydesk_core::config::{HousePreset, RuleLevel};
use copydesk_core::{Config, Severity};
use serde_json::Value;
use std::collections::BTreeMap;

/// Top-level keys that mark a flat (un-nested) copydesk settings object.
const OWN_KEYS: [&str; 2] = ["preset", "rules"];

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClientSettings {
    pub preset: Option<HousePreset>,
    pub rules: BTreeMap<String, RuleLevel>,
}

impl ClientSettings {
    /// Reads settings, returning what could be understood and a warning per thing that could
    /// not; `None` when the value holds no copydesk settings at all (`null`, `{}`, or only other
    /// tools' sections, as editors that send their whole settings tree do).
    pub fn from_json(value: &Value) -> Option<(ClientSettings, Vec<String>)> {
        let mut settings = ClientSettings::default();
        let mut warnings = Vec::new();
        let root = match value.get("copydesk") {
            Some(nested) => nested,
            None if OWN_KEYS.iter().any(|key| value.get(key).is_some()) => value,
            None => return None,
        };
        let Some(object) = root.as_object() else {
            warnings.push(format!("copydesk settings should be an object, got {root}"));
            return Some((settings, warnings));
        };
        for (key, value) in object {
            match key.as_str() {
                "preset" => match value.as_str().and_then(HousePreset::parse) {
                    Some(preset) => settings.preset = Some(preset),
                    None => warnings.push(format!(
                        "unknown preset {value}; expected one of ap, reuters, nyt, bbc, none"
                    )),
                },
                "rules" => read_rules(value, &mut settings.rules, &mut warnings),
                other => warnings.push(format!("unknown setting `{other}` ignored")),
            }
        }
        Some((settings, warnings))
    }

    /// The file's configuration with these settings laid over it.
    pub fn apply_to(&self, mut config: Config) -> Config {
        if let Some(preset) = self.preset {
            config.preset = preset;
        }
        for (rule, level) in &self.rules {
            config.rules.insert(rule.clone(), *level);
        }
        config
    }
}

fn read_rules(value: &Value, rules: &mut BTreeMap<String, RuleLevel>, warnings: &mut Vec<String>) {
    let Some(object) = value.as_object() else {
        warnings.push(format!(
            "`rules` should map rule ids to levels, got {value}"
        ));
        return;
    };
    for (rule, level) in object {
        if copydesk_core::rules::find(rule).is_none() {
            // Kept anyway: the rule may belong to a newer copydesk than this one.
            warnings.push(format!("unknown rule `{rule}` in settings"));
        }
        match value_to_level(level) {
            Some(level) => {
                rules.insert(rule.clone(), level);
            }
            None => warnings.push(format!(
                "rule `{rule}`: unknown level {level}; expected off, error, warning, info or hint"
            )),
        }
    }
}

fn value_to_level(value: &Value) -> Option<RuleLevel> {
    match value.as_str()? {
        "off" => Some(RuleLevel::Off),
        other => Severity::parse(other).map(RuleLevel::Severity),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_nested_and_flat_shapes_alike() {
        let flat = json!({"preset": "nyt", "rules": {"anonymous-source": "off"}});
        let nested = json!({"copydesk": flat.clone()});
        let (a, wa) = ClientSettings::from_json(&flat).unwrap();
        let (b, _) = ClientSettings::from_json(&nested).unwrap();
        assert_eq!(a, b);
        assert_eq!(a.preset, Some(HousePreset::Nyt));
        assert_eq!(a.rules.get("anonymous-source"), Some(&RuleLevel::Off));
        // The rule registry may be empty in this build; only the unknown-rule warning may appear.
        assert!(wa.iter().all(|w| w.contains("unknown rule")), "{wa:?}");
    }

    #[test]
    fn bad_values_are_warned_about_and_skipped() {
        let value =
            json!({"preset": "bild", "rules": {"x-rule": "loud", "y-rule": "hint"}, "colour": 1});
        let (settings, warnings) = ClientSettings::from_json(&value).unwrap();
        assert_eq!(settings.preset, None);
        assert_eq!(
            settings.rules.get("y-rule"),
            Some(&RuleLevel::Severity(Severity::Hint))
        );
        assert!(!settings.rules.contains_key("x-rule"));
        assert!(warnings.iter().any(|w| w.contains("bild")));
        assert!(warnings.iter().any(|w| w.contains("loud")));
        assert!(warnings.iter().any(|w| w.contains("colour")));
    }

    #[test]
    fn payloads_without_copydesk_settings_are_not_settings() {
        assert_eq!(ClientSettings::from_json(&Value::Null), None);
        assert_eq!(ClientSettings::from_json(&json!({})), None);
        assert_eq!(
            ClientSettings::from_json(&json!({"editor": {"tabSize": 4}})),
            None
        );
        // An explicit empty copydesk section does reset to the defaults.
        let (reset, warnings) = ClientSettings::from_json(&json!({"copydesk": {}})).unwrap();
        assert_eq!(reset, ClientSettings::default());
        assert!(warnings.is_empty());
        let (_, warnings) = ClientSettings::from_json(&json!({"copydesk": "ap"})).unwrap();
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn settings_override_the_file() {
        let mut file = Config {
            preset: HousePreset::Bbc,
            ..Config::default()
        };
        file.rules.insert("a-rule".into(), RuleLevel::Off);
        file.rules.insert("b-rule".into(), RuleLevel::Off);
        let (settings, _) =
            ClientSettings::from_json(&json!({"preset": "ap", "rules": {"a-rule": "error"}}))
                .unwrap();
        let merged = settings.apply_to(file);
        assert_eq!(merged.preset, HousePreset::Ap);
        assert_eq!(
            merged.rules.get("a-rule"),
            Some(&RuleLevel::Severity(Severity::Error))
        );
        assert_eq!(merged.rules.get("b-rule"), Some(&RuleLevel::Off));
    }
}
