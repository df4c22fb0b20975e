//! The editors' readings of sampled findings on wild copy (`tests/labels/wild/reading-2026-12*/`),
//! replayed on this build: which of the findings an editor kept or dropped are still reported.
//!
//! The articles are read from `../shared/wild` (or `$COPYDESK_WILD`), never copied into the
//! project; when they are absent, tests print why and skip.

#![allow(dead_code)]

use copydesk_core::{Config, Engine, Finding, SourceFormat, Span};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every reading so far, oldest first. Each was made on a different build and sample, so each is
/// printed on its own: a change drawn from one reading should hold on the others.
pub const READINGS: [&str; 8] = [
    "reading-2026-12",
    "reading-2026-12b",
    "reading-2026-12c",
    "reading-2026-12e",
    "reading-2026-12g",
    "reading-2026-12h",
    "reading-2026-12i",
    "reading-2026-12j",
];

/// `../shared/wild`, or `$COPYDESK_WILD`.
pub fn wild_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("COPYDESK_WILD")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/wild"));
    if dir.join("README.md").is_file() {
        Some(dir)
    } else {
        eprintln!(
            "SKIP: wild copy not found at {} (set COPYDESK_WILD to the folder)",
            dir.display()
        );
        None
    }
}

/// One sampled finding and the editor's verdict on it.
pub struct Judgement {
    pub rule: String,
    pub file: String,
    pub span: Span,
    pub kept: bool,
    /// Why the editor dropped it, in the reading's own words ("routine figure").
    pub drop_kind: Option<String>,
}

/// The judgements of one reading, or `None` (with a SKIP line) when its file is missing.
pub fn judgements(reading: &str) -> Option<Vec<Judgement>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/labels/wild")
        .join(reading)
        .join("judgements.jsonl");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("SKIP: {} not found", path.display());
        return None;
    };
    let judgements = text
        .lines()
        .filter(|line| !line.trim().is_empty())
        .filter_map(|line| {
            let row: Value = serde_json::from_str(line).expect("a JSON object per line");
            let offset = |key: &str| row[key].as_u64().unwrap_or(0) as usize;
            Some(Judgement {
                rule: row["rule"].as_str()?.to_owned(),
                file: row["file"].as_str()?.to_owned(),
                span: Span::new(offset("start"), offset("end")),
                kept: row["verdict"].as_str()? == "KEEP",
                drop_kind: row["drop_kind"].as_str().map(str::to_owned),
            })
        })
        .collect();
    Some(judgements)
}

/// This build's findings per wild file, each file analysed once however many readings and
/// judgements name it.
pub struct WildFindings {
    wild: PathBuf,
    engine: Engine,
    by_file: BTreeMap<String, Vec<Finding>>,
}

impl WildFindings {
    pub fn new(wild: PathBuf) -> WildFindings {
        WildFindings {
            wild,
            engine: Engine::new(Config::default()),
            by_file: BTreeMap::new(),
        }
    }

    pub fn of(&mut self, file: &str) -> &[Finding] {
        let (wild, engine) = (&self.wild, &self.engine);
        self.by_file.entry(file.to_owned()).or_insert_with(|| {
            let story = std::fs::read_to_string(wild.join(file)).unwrap_or_default();
            engine.analyze(&story, SourceFormat::PlainText)
        })
    }
}

/// Whether two byte ranges share at least one byte.
pub fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}
