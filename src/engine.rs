//! The one entry point: a story and a configuration in, findings out.

use crate::checks::{find_rule, Check, FAMILIES};
use crate::config::Config;
use crate::finding::Finding;
use crate::text::{SourceFormat, Story};

/// A configuration with its check families built, reusable across many stories and edits.
pub struct Engine {
    config: Config,
    checks: Vec<Box<dyn Check>>,
}

impl Engine {
    pub fn new(config: Config) -> Engine {
        let checks = FAMILIES
            .iter()
            .map(|family| (family.build)(&config))
            .collect();
        Engine { config, checks }
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Checks one story. Findings are sorted by position, then rule id; rules switched off in
    /// the configuration are dropped and configured severities applied.
    pub fn analyze(&self, source: &str, format: SourceFormat) -> Vec<Finding> {
        let story = Story::new(source, format);
        self.analyze_story(&story)
    }

    pub fn analyze_story(&self, story: &Story) -> Vec<Finding> {
        let mut findings = Vec::new();
        for check in &self.checks {
            check.check(story, &mut findings);
        }
        crate::suppress::apply(story, &mut findings);
        findings.retain_mut(|finding| {
            let Some(rule) = find_rule(finding.rule) else {
                return true;
            };
            match self.config.rule_level(rule) {
                Some(severity) => {
                    finding.severity = severity;
                    true
                }
                None => false,
            }
        });
        findings.sort_by(|a, b| {
            (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule))
        });
        findings.dedup_by(|a, b| a.rule == b.rule && a.span == b.span);
        findings
    }
}

/// Checks one story with a configuration built for the occasion.
pub fn analyze(source: &str, format: SourceFormat, config: &Config) -> Vec<Finding> {
    Engine::new(config.clone()).analyze(source, format)
}
