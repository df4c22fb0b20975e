//! Running the engine on a snapshot of a document: configuration lookup, engine reuse and the
//! conversion of findings. Runs on a blocking thread, never on the message loop.

use super::diagnostics;
use super::encoding::Encoding;
use super::settings::ClientSettings;
use crate::config_file::discover_for;
use copydesk_core::{Config, Engine, SourceFormat};
use ropey::Rope;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use tower_lsp_server::ls_types::{Diagnostic, Uri};

/// Engines are built once per effective configuration (compiling lexicons is the expensive
/// part) and shared by every document and keystroke that uses it.
#[derive(Default)]
pub struct EngineCache {
    engines: Mutex<HashMap<String, Arc<Engine>>>,
}

/// A handful of configurations is normal (one per folder with its own file); more means the
/// files keep changing, and old engines are dead weight.
const MAX_ENGINES: usize = 16;

impl EngineCache {
    pub fn get(&self, config: Config) -> Arc<Engine> {
        // Config has no Hash; its serialised form is a faithful key.
        let key = serde_json::to_string(&config).unwrap_or_default();
        let mut engines = super::lock(&self.engines);
        if let Some(engine) = engines.get(&key) {
            return engine.clone();
        }
        if engines.len() >= MAX_ENGINES {
            engines.clear();
        }
        let engine = Arc::new(Engine::new(config));
        engines.insert(key, engine.clone());
        engine
    }

    pub fn clear(&self) {
        super::lock(&self.engines).clear();
    }
}

/// Everything an analysis needs, copied out of the shared state (a rope clone is O(1)).
pub struct Snapshot {
    pub uri: Uri,
    pub rope: Rope,
    pub format: SourceFormat,
    pub encoding: Encoding,
    pub settings: ClientSettings,
}

/// The format of a document: its `languageId` first, then its file extension, since many
/// editors open `.md` stories as plain text.
pub fn format_for(language_id: &str, uri: &Uri) -> SourceFormat {
    match SourceFormat::from_language_id(language_id) {
        SourceFormat::Markdown => SourceFormat::Markdown,
        SourceFormat::PlainText => {
            let path = PathBuf::from(uri.path().as_str());
            SourceFormat::from_path(&path)
        }
    }
}

pub fn analyze(snapshot: &Snapshot, engines: &EngineCache) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let file_config = match snapshot.uri.to_file_path() {
        Some(path) => match discover_for(&path) {
            Ok(found) => found.map(|loaded| loaded.config).unwrap_or_default(),
            Err(error) => {
                super::log(&format!("configuration error: {error}"));
                diagnostics.push(diagnostics::config_error(&error));
                Config::default()
            }
        },
        // Unsaved buffers have no folder to look in.
        None => Config::default(),
    };
    let engine = engines.get(snapshot.settings.apply_to(file_config));
    let text = snapshot.rope.to_string();
    let findings = engine.analyze(&text, snapshot.format);
    diagnostics.extend(findings.iter().map(|finding| {
        diagnostics::from_finding(finding, &snapshot.rope, &snapshot.uri, snapshot.encoding)
    }));
    diagnostics
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_engine_per_configuration() {
        let cache = EngineCache::default();
        let a = cache.get(Config::default());
        let b = cache.get(Config::default());
        assert!(Arc::ptr_eq(&a, &b));
        let other = Config {
            preset: copydesk_core::config::HousePreset::Ap,
            ..Config::default()
        };
        assert!(!Arc::ptr_eq(&a, &cache.get(other)));
    }

    #[test]
    fn format_comes_from_language_id_then_extension() {
        let md: Uri = "file:///desk/story.md".parse().unwrap();
        let txt: Uri = "file:///desk/story.txt".parse().unwrap();
        assert_eq!(format_for("markdown", &txt), SourceFormat::Markdown);
        assert_eq!(format_for("plaintext", &md), SourceFormat::Markdown);
        assert_eq!(format_for("plaintext", &txt), SourceFormat::PlainText);
    }
}
