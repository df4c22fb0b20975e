//! Running the engine on a snapshot of a document: the configuration in force, engine reuse and
//! the conversion of findings. Runs on a blocking thread, never on the message loop.

use super::diagnostics;
use super::encoding::Encoding;
use super::settings::ClientSettings;
use super::symbols::LedgerSnapshot;
use super::{lock, log};
use crate::config_file::{find_for, load_file, ConfigError, FILE_NAME};
use copydesk_core::{Config, DocumentCache, Engine, SourceFormat};
use ropey::Rope;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use tower_lsp_server::ls_types::{Diagnostic, Uri};

/// What applies to the documents of one folder: an engine for the nearest `.copydesk.toml` (or
/// the defaults) with the client's settings laid over it, and why that file could not be read,
/// if it could not.
pub struct FolderConfig {
    pub engine: Arc<Engine>,
    pub error: Option<ConfigError>,
}

/// The configuration in force, read once per folder and reused on every keystroke: finding and
/// reading `.copydesk.toml` and building an engine (compiling lexicons) cost far more than an
/// edit. Forgotten whole when the client's settings or any configuration file change; the
/// server then analyses every open document again.
#[derive(Default)]
pub struct ConfigCache {
    cached: Mutex<Cached>,
}

#[derive(Default)]
struct Cached {
    settings: ClientSettings,
    /// Counts invalidations, so a lookup that was reading while one happened does not store
    /// what it built from the old settings or the old file.
    epoch: u64,
    /// A document's folder (`None` for a buffer with no file) → what applies there. Spares the
    /// walk up the folders looking for a configuration file.
    by_folder: HashMap<Option<PathBuf>, Arc<FolderConfig>>,
    /// The configuration file that applies (`None`: there is none) → what it yields, so the
    /// folders under one file share one engine.
    by_file: HashMap<Option<PathBuf>, Arc<FolderConfig>>,
}

impl Cached {
    fn forget(&mut self) {
        self.epoch += 1;
        self.by_folder.clear();
        self.by_file.clear();
    }
}

impl ConfigCache {
    /// New client settings: every engine was built with the old ones.
    pub fn set_settings(&self, settings: ClientSettings) {
        let mut cached = lock(&self.cached);
        cached.settings = settings;
        cached.forget();
    }

    /// A `.copydesk.toml` was created, changed or deleted. Which folders that affects depends
    /// on the whole tree above them, so nothing cached is kept.
    pub fn config_files_changed(&self) {
        lock(&self.cached).forget();
    }

    /// What applies to the document at `uri`: from the cache, or read now and remembered.
    pub fn for_document(&self, uri: &Uri) -> Arc<FolderConfig> {
        let path = file_path(uri);
        let folder = path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf);
        let (settings, epoch) = {
            let cached = lock(&self.cached);
            if let Some(known) = cached.by_folder.get(&folder) {
                return known.clone();
            }
            (cached.settings.clone(), cached.epoch)
        };
        // The file system and the engine build happen outside the lock: the message loop takes
        // it to apply new settings and must not wait for them.
        let file = path.as_deref().and_then(find_for);
        let shared = lock(&self.cached).by_file.get(&file).cloned();
        let config = shared.unwrap_or_else(|| Arc::new(read(file.as_deref(), &settings)));
        let mut cached = lock(&self.cached);
        if cached.epoch == epoch {
            cached.by_file.insert(file, config.clone());
            cached.by_folder.insert(folder, config.clone());
        }
        config
    }
}

/// The engine for the configuration `file` (the defaults when there is none or it cannot be
/// read) under the client's `settings`.
fn read(file: Option<&Path>, settings: &ClientSettings) -> FolderConfig {
    let (config, error) = match file.map(load_file) {
        None => (Config::default(), None),
        Some(Ok(loaded)) => (loaded.config, None),
        Some(Err(error)) => {
            log(&format!("configuration error: {error}"));
            (Config::default(), Some(error))
        }
    };
    FolderConfig {
        engine: Arc::new(Engine::new(settings.apply_to(config))),
        error,
    }
}

/// The file behind a `file:` URI. Other schemes (`untitled:`, remote ones) have no folder to look
/// in, and reading their path as a local one would find some unrelated configuration.
fn file_path(uri: &Uri) -> Option<PathBuf> {
    if !uri.scheme().as_str().eq_ignore_ascii_case("file") {
        return None;
    }
    uri.to_file_path().map(|path| path.into_owned())
}

/// Whether `uri` is a configuration file, whose change alters what every story below it means.
pub fn is_config_file(uri: &Uri) -> bool {
    file_path(uri).is_some_and(|path| path.file_name() == Some(FILE_NAME.as_ref()))
}

/// Everything an analysis needs, copied out of the shared state (a rope clone is O(1)).
pub struct Snapshot {
    pub uri: Uri,
    pub rope: Rope,
    pub format: SourceFormat,
    pub encoding: Encoding,
    /// What the document's previous analysis read, so this one re-reads only what changed.
    /// One analysis of a document runs at a time, so the lock is never contended.
    pub cache: Arc<Mutex<DocumentCache>>,
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

/// What one analysis yields: the diagnostics to publish and the story's ledger, with the text
/// it describes.
pub struct Analyzed {
    pub diagnostics: Vec<Diagnostic>,
    pub ledger: Arc<LedgerSnapshot>,
}

pub fn analyze(snapshot: &Snapshot, configs: &ConfigCache) -> Analyzed {
    let config = configs.for_document(&snapshot.uri);
    // Reported on every analysis until the file is fixed: the story is being checked with the
    // defaults, and the reporter should not have to remember why.
    let mut diagnostics: Vec<Diagnostic> =
        config.error.iter().map(diagnostics::config_error).collect();
    let text = snapshot.rope.to_string();
    let analysis = {
        let mut cache = lock(&snapshot.cache);
        config.engine.check_edit(&text, snapshot.format, &mut cache)
    };
    diagnostics.extend(diagnostics::from_findings(
        &analysis.findings,
        &text,
        &snapshot.rope,
        &snapshot.uri,
        snapshot.encoding,
    ));
    Analyzed {
        diagnostics,
        ledger: Arc::new(LedgerSnapshot::pending(
            analysis.ledger,
            snapshot.rope.clone(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use copydesk_core::config::HousePreset;
    use std::fs;

    fn uri_of(path: &Path) -> Uri {
        format!("file://{}", path.display()).parse().unwrap()
    }

    fn preset(config: &FolderConfig) -> HousePreset {
        config.engine.config().preset
    }

    #[test]
    fn a_folder_is_read_once_until_its_file_is_said_to_change() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(FILE_NAME);
        fs::write(&file, "preset = \"ap\"\n").unwrap();
        let story = uri_of(&dir.path().join("story.md"));
        let cache = ConfigCache::default();
        let first = cache.for_document(&story);
        assert_eq!(preset(&first), HousePreset::Ap);

        fs::write(&file, "preset = \"nyt\"\n").unwrap();
        let again = cache.for_document(&story);
        assert!(Arc::ptr_eq(&first, &again), "the file was read again");

        cache.config_files_changed();
        assert_eq!(preset(&cache.for_document(&story)), HousePreset::Nyt);
    }

    #[test]
    fn folders_under_one_file_share_an_engine() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(FILE_NAME), "preset = \"bbc\"\n").unwrap();
        let cache = ConfigCache::default();
        let a = cache.for_document(&uri_of(&dir.path().join("politics/a.md")));
        let b = cache.for_document(&uri_of(&dir.path().join("sport/b.md")));
        assert_eq!(preset(&a), HousePreset::Bbc);
        assert!(Arc::ptr_eq(&a.engine, &b.engine));
    }

    #[test]
    fn a_broken_file_is_reported_until_it_is_fixed_and_said_to_change() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(FILE_NAME);
        fs::write(&file, "preset = [[[\n").unwrap();
        let story = uri_of(&dir.path().join("story.md"));
        let cache = ConfigCache::default();
        let broken = cache.for_document(&story);
        assert_eq!(preset(&broken), HousePreset::None, "defaults apply");
        let error = broken.error.as_ref().expect("a configuration error");
        assert_eq!(error.path, file);

        fs::write(&file, "preset = \"ap\"\n").unwrap();
        assert!(cache.for_document(&story).error.is_some());
        cache.config_files_changed();
        let fixed = cache.for_document(&story);
        assert!(fixed.error.is_none());
        assert_eq!(preset(&fixed), HousePreset::Ap);
    }

    #[test]
    fn client_settings_lie_over_the_file_and_a_change_rebuilds() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(FILE_NAME), "preset = \"ap\"\n").unwrap();
        let story = uri_of(&dir.path().join("story.md"));
        let cache = ConfigCache::default();
        cache.set_settings(ClientSettings {
            preset: Some(HousePreset::Reuters),
            ..ClientSettings::default()
        });
        assert_eq!(preset(&cache.for_document(&story)), HousePreset::Reuters);
        cache.set_settings(ClientSettings::default());
        assert_eq!(preset(&cache.for_document(&story)), HousePreset::Ap);
    }

    #[test]
    fn documents_without_a_file_get_the_defaults() {
        let cache = ConfigCache::default();
        let untitled: Uri = "untitled:Untitled-1".parse().unwrap();
        let config = cache.for_document(&untitled);
        assert!(config.error.is_none());
        assert_eq!(config.engine.config(), &Config::default());
    }

    #[test]
    fn configuration_files_are_known_by_name() {
        let config: Uri = "file:///desk/politics/.copydesk.toml".parse().unwrap();
        let story: Uri = "file:///desk/politics/story.md".parse().unwrap();
        let elsewhere: Uri = "untitled:.copydesk.toml".parse().unwrap();
        assert!(is_config_file(&config));
        assert!(!is_config_file(&story));
        assert!(!is_config_file(&elsewhere));
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
