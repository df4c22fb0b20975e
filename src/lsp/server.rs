//! The tower-lsp-server backend: document bookkeeping, scheduling analyses and publishing.
//!
//! Ordering rules, because the framework runs up to four handlers concurrently by default and
//! an `.await` before an edit lets a later edit overtake it (measured: 400 rapid keystrokes
//! came out scrambled):
//! - the server runs with concurrency 1 (see `lsp::serve_stdio`), and besides
//! - edits are applied synchronously under a std mutex, before the handler's first `.await`
//!   (the guard is not `Send`, so the compiler refuses an await while it is held);
//! - every change bumps the document's generation; an analysis publishes only if its
//!   generation is still current when it holds the publish gate, so an old result never lands
//!   over a newer one.
//!
//! Scheduling: an edit is analysed at once, without waiting for the writer to pause, so the
//! underlines lag the text by one analysis and no more. Analyses of different documents run at
//! the same time, at most one per core ([`Scheduler`]); a document has at most one analysis
//! running, and the versions that arrive meanwhile are coalesced: each newer one supersedes the
//! one waiting before it, so when the running analysis ends only the newest version is analysed.
//! Closing the document stops every wait. The engine cannot be interrupted, so an analysis
//! that outlives its time budget is abandoned, not killed: the writer is told it stopped, and its
//! thread keeps its core permit until the engine returns. The number of engine threads is
//! therefore never more than the number of permits, however many edits arrive.

use super::analysis::{self, ConfigCache, Snapshot};
use super::code_actions;
use super::code_lens::{self, LedgerParams, LedgerReply};
use super::diagnostics;
use super::document::Document;
use super::encoding::Encoding;
use super::hover::{self, Published};
use super::outbox::{EncodedDiagnostics, Outbox};
use super::settings::ClientSettings;
use super::symbols::{self, LedgerSnapshot};
use super::{lock, log};
use copydesk_core::DocumentCache;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

/// How long one analysis may run before the writer is told it stopped. A book-length manuscript
/// takes well under a second; this is for pasted logs and dumps.
const DEFAULT_BUDGET: Duration = Duration::from_secs(20);

/// How long the outline, the code lens and `copydesk/ledger` wait for the analysis of the
/// version they are asked about (the debounce plus a long story's analysis) before answering
/// with nothing.
const LEDGER_WAIT: Duration = Duration::from_secs(5);

/// Where configuration files can be, for the client's file watcher.
const CONFIG_FILE_GLOB: &str = "**/.copydesk.toml";

struct Open {
    doc: Document,
    generation: u64,
    /// Dropped with the document on close, so a closed story holds no memory.
    cache: Arc<Mutex<DocumentCache>>,
}

struct State {
    docs: Mutex<HashMap<Uri, Open>>,
    encoding: Mutex<Encoding>,
    /// The client's settings over each folder's `.copydesk.toml`, read once.
    configs: ConfigCache,
    /// The client can watch files for us (`workspace.didChangeWatchedFiles.dynamicRegistration`).
    can_watch_files: AtomicBool,
    /// The client agreed to tell us when a `.copydesk.toml` changes.
    watching_config_files: AtomicBool,
    /// What was last published, for hover and code actions.
    published: Published,
    /// The client applies versioned workspace edits.
    versioned_edits: AtomicBool,
    /// Serialises publications so the check-then-send of one analysis cannot interleave with
    /// another's.
    publish_gate: tokio::sync::Mutex<()>,
    /// Where diagnostics go (not through the library's client: see `lsp::outbox`).
    outbox: Outbox,
    scheduler: Scheduler,
    generations: AtomicU64,
    /// Ticks on every new generation and every close, so waiting analyses learn at once that
    /// their version is no longer the one to check.
    moved_on: tokio::sync::watch::Sender<()>,
    shutdown: Arc<AtomicBool>,
}

impl State {
    fn new(outbox: Outbox) -> State {
        State {
            docs: Mutex::default(),
            encoding: Mutex::default(),
            configs: ConfigCache::default(),
            can_watch_files: AtomicBool::default(),
            watching_config_files: AtomicBool::default(),
            published: Published::default(),
            versioned_edits: AtomicBool::default(),
            publish_gate: tokio::sync::Mutex::default(),
            outbox,
            scheduler: Scheduler::default(),
            generations: AtomicU64::default(),
            moved_on: tokio::sync::watch::Sender::default(),
            shutdown: Arc::default(),
        }
    }

    /// A generation for a new version of some document. Call [`State::announce`] once it is
    /// stored, so the analyses of older versions stop waiting.
    fn next_generation(&self) -> u64 {
        self.generations.fetch_add(1, Ordering::Relaxed) + 1
    }

    /// Wakes every waiting analysis to look whether its version is still current.
    fn announce(&self) {
        self.moved_on.send_replace(());
    }

    fn is_current(&self, uri: &Uri, generation: u64) -> bool {
        lock(&self.docs)
            .get(uri)
            .is_some_and(|open| open.generation == generation)
    }
}

/// Limits on analyses: how many run at once, one at a time per document, for how long, and on
/// how large a document.
struct Scheduler {
    /// One per core. Held by the blocking thread running the engine (not by the task waiting
    /// for it), so an abandoned analysis keeps its permit until it really ends.
    cores: Arc<tokio::sync::Semaphore>,
    /// Per document: held while its analysis runs, so stale versions of one long document cannot
    /// take every core.
    running: Mutex<HashMap<Uri, Arc<tokio::sync::Mutex<()>>>>,
    budget: Duration,
    max_size: u64,
}

impl Default for Scheduler {
    fn default() -> Scheduler {
        // At least two, so one huge document cannot hold up every other even on one core.
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get().max(2));
        // For tests and unusual installations; editors have no way to pass flags to the server.
        let budget = std::env::var("COPYDESK_ANALYSIS_BUDGET")
            .ok()
            .and_then(|text| text.trim().parse::<f64>().ok())
            .filter(|seconds| seconds.is_finite() && *seconds > 0.0)
            .map_or(DEFAULT_BUDGET, Duration::from_secs_f64);
        let max_size = std::env::var("COPYDESK_MAX_SIZE")
            .ok()
            .and_then(|text| crate::files::parse_size(&text).ok())
            .unwrap_or(crate::files::DEFAULT_MAX_STORY_SIZE);
        Scheduler {
            cores: Arc::new(tokio::sync::Semaphore::new(cores)),
            running: Mutex::default(),
            budget,
            max_size,
        }
    }
}

impl Scheduler {
    fn document_lock(&self, uri: &Uri) -> Arc<tokio::sync::Mutex<()>> {
        lock(&self.running).entry(uri.clone()).or_default().clone()
    }
}

/// Resolves once `uri` has a newer generation than `generation` or is closed.
async fn superseded(state: &State, uri: &Uri, generation: u64) {
    // Subscribed before looking, so a change between the look and the wait is not missed.
    let mut moved_on = state.moved_on.subscribe();
    while state.is_current(uri, generation) {
        if moved_on.changed().await.is_err() {
            // The state is being dropped with the server: nothing will supersede this version.
            std::future::pending::<()>().await;
        }
    }
}

/// "20 s", "1.5 s".
fn seconds(duration: Duration) -> String {
    let tenths = (duration.as_secs_f64() * 10.0).round() / 10.0;
    format!("{tenths} s")
}

pub struct Backend {
    client: Client,
    state: Arc<State>,
}

/// Parameters of `copydesk/documentText`.
#[derive(Debug, Deserialize)]
pub struct DocumentTextParams {
    pub uri: Uri,
}

/// The server's copy of a document, for diagnosing an editor that drifted out of sync.
#[derive(Debug, Serialize)]
pub struct DocumentText {
    pub version: i32,
    pub text: String,
}

impl Backend {
    pub fn new(client: Client, outbox: Outbox) -> Backend {
        Backend {
            client,
            state: Arc::new(State::new(outbox)),
        }
    }

    /// Set once `shutdown` has been answered: the process then exits with 0 on `exit`.
    pub fn shutdown_flag(&self) -> Arc<AtomicBool> {
        self.state.shutdown.clone()
    }

    /// `copydesk/documentText`: what the server believes a document says.
    pub async fn document_text(&self, params: DocumentTextParams) -> Result<Option<DocumentText>> {
        Ok(lock(&self.state.docs)
            .get(&params.uri)
            .map(|open| DocumentText {
                version: open.doc.version,
                text: open.doc.text(),
            }))
    }

    /// `copydesk/ledger`: the ledger of the document's current version, for editor plugins.
    pub async fn ledger(&self, params: LedgerParams) -> Result<Option<LedgerReply>> {
        let encoding = *lock(&self.state.encoding);
        Ok(self
            .current_ledger(&params.uri)
            .await
            .map(|(version, ledger)| code_lens::ledger_reply(&ledger, version, encoding)))
    }

    fn version_of(&self, uri: &Uri) -> Option<i32> {
        lock(&self.state.docs).get(uri).map(|open| open.doc.version)
    }

    /// The ledger of the current version of `uri`, once its analysis is published (see
    /// [`hover::Published::when_current`]); `None` if the document is not open, was not
    /// analysed, or the analysis did not come in time.
    async fn current_ledger(&self, uri: &Uri) -> Option<(i32, Arc<LedgerSnapshot>)> {
        let publication = self
            .state
            .published
            .when_current(uri, || self.version_of(uri), LEDGER_WAIT)
            .await?;
        Some((publication.version, publication.ledger?))
    }

    /// Takes new client settings; a payload without any copydesk settings in it (editors send
    /// `null`, `{}` or other tools' sections) leaves the current ones alone.
    fn apply_settings(&self, value: &serde_json::Value) {
        let Some((settings, warnings)) = ClientSettings::from_json(value) else {
            log("settings without a copydesk section; keeping the current ones");
            return;
        };
        self.state.configs.set_settings(settings);
        for warning in warnings {
            self.log_to_client(
                MessageType::WARNING,
                format!("copydesk settings: {warning}"),
            );
        }
    }

    fn log_to_client(&self, kind: MessageType, message: String) {
        log(&message);
        let client = self.client.clone();
        tokio::spawn(async move { client.log_message(kind, message).await });
    }

    /// Analyses `uri` as soon as its previous analysis (if one runs) is over and a core is free,
    /// unless a newer change supersedes it first.
    fn schedule(&self, uri: Uri, generation: u64) {
        self.state.announce();
        let state = self.state.clone();
        tokio::spawn(async move {
            if !state.is_current(&uri, generation) {
                return;
            }
            let document = state.scheduler.document_lock(&uri);
            let cores = state.scheduler.cores.clone();
            let wait_for_turn = async move {
                let document = document.lock_owned().await;
                let core = cores.acquire_owned().await.ok()?;
                Some((document, core))
            };
            let turn = tokio::select! {
                turn = wait_for_turn => turn,
                () = superseded(&state, &uri, generation) => None,
            };
            let Some(turn) = turn else {
                return;
            };
            let Some((snapshot, version)) = snapshot(&state, &uri, generation) else {
                return;
            };
            let size = snapshot.rope.len_bytes() as u64;
            if size > state.scheduler.max_size {
                let message = format!(
                    "not checked: the document is {}, larger than the limit of {}",
                    crate::files::human_size(size),
                    crate::files::human_size(state.scheduler.max_size)
                );
                publish(
                    &state,
                    uri,
                    generation,
                    version,
                    vec![diagnostics::not_checked(message)],
                    None,
                )
                .await;
                return;
            }
            let worker_state = state.clone();
            let started = Instant::now();
            let job = tokio::task::spawn_blocking(move || {
                let _turn = turn;
                std::panic::catch_unwind(AssertUnwindSafe(|| {
                    analysis::analyze(&snapshot, &worker_state.configs)
                }))
            });
            let budget = state.scheduler.budget;
            let outcome = tokio::select! {
                outcome = job => Some(outcome),
                () = tokio::time::sleep(budget) => None,
                () = superseded(&state, &uri, generation) => return,
            };
            let (diagnostics, ledger) = match outcome {
                Some(Ok(Ok(analyzed))) => (analyzed.diagnostics, Some(analyzed.ledger)),
                Some(Ok(Err(_)) | Err(_)) => {
                    log(&format!(
                        "analysis of {} panicked; diagnostics kept",
                        uri.as_str()
                    ));
                    return;
                }
                None => {
                    log(&format!(
                        "analysis of {} version {version} abandoned after {}",
                        uri.as_str(),
                        seconds(started.elapsed())
                    ));
                    let stopped = diagnostics::not_checked(format!(
                        "analysis stopped after {}: document too large to check while you type; split it or check it with `copydesk check`",
                        seconds(budget)
                    ));
                    (vec![stopped], None)
                }
            };
            publish(&state, uri, generation, version, diagnostics, ledger).await;
        });
    }

    /// A `.copydesk.toml` may have changed: read the configuration again and re-analyse every
    /// open document, since a file governs every folder below it.
    fn reload_configuration(&self) {
        log("configuration files changed; reading them again");
        self.state.configs.config_files_changed();
        self.schedule_all();
    }

    /// Asks the client to report changes to configuration files anywhere in the workspace.
    /// Spawned: messages are handled one at a time, and waiting here for the client's answer
    /// would hold up everything behind it.
    fn watch_config_files(&self) {
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![FileSystemWatcher {
                glob_pattern: GlobPattern::String(CONFIG_FILE_GLOB.to_string()),
                kind: None,
            }],
        };
        let registration = Registration {
            id: "copydesk-config-files".to_string(),
            method: "workspace/didChangeWatchedFiles".to_string(),
            register_options: serde_json::to_value(options).ok(),
        };
        let client = self.client.clone();
        let state = self.state.clone();
        tokio::spawn(async move {
            match client.register_capability(vec![registration]).await {
                Ok(()) => state.watching_config_files.store(true, Ordering::Relaxed),
                Err(error) => log(&format!(
                    "the client would not watch configuration files: {error}"
                )),
            }
        });
    }

    /// Re-analyses every open document, after settings or configuration files change.
    fn schedule_all(&self) {
        let pending: Vec<(Uri, u64)> = {
            let mut docs = lock(&self.state.docs);
            docs.iter_mut()
                .map(|(uri, open)| {
                    open.generation = self.state.next_generation();
                    (uri.clone(), open.generation)
                })
                .collect()
        };
        for (uri, generation) in pending {
            self.schedule(uri, generation);
        }
    }
}

/// Publishes `diagnostics` for `version` unless a newer version (or a close) came meanwhile.
async fn publish(
    state: &State,
    uri: Uri,
    generation: u64,
    version: i32,
    diagnostics: Vec<Diagnostic>,
    ledger: Option<Arc<LedgerSnapshot>>,
) {
    // Encoded before the gate: it is the long part, and another document's publication need
    // not wait for it.
    let previous = state.published.latest(&uri);
    let encoded = EncodedDiagnostics::new(
        &diagnostics,
        previous
            .as_ref()
            .and_then(|p| Some((p.diagnostics.as_slice(), p.encoded.as_deref()?))),
    );
    // Let go, so `replaced` below is the last hold on the old publication.
    drop(previous);
    let Some(encoded) = encoded else {
        return;
    };
    let Some(frame) = encoded.frame(&uri, Some(version)) else {
        return;
    };
    let _gate = state.publish_gate.lock().await;
    if state.is_current(&uri, generation) {
        let replaced =
            state
                .published
                .record(uri, version, diagnostics, Some(Arc::new(encoded)), ledger);
        state.outbox.send(frame);
        // Freed once the new diagnostics are on their way, not before: the writer, woken from
        // this worker thread, runs there only when this task yields.
        tokio::task::yield_now().await;
        drop(replaced);
    }
}

fn snapshot(state: &State, uri: &Uri, generation: u64) -> Option<(Snapshot, i32)> {
    let docs = lock(&state.docs);
    let open = docs.get(uri).filter(|open| open.generation == generation)?;
    Some((
        Snapshot {
            uri: uri.clone(),
            rope: open.doc.rope.clone(),
            format: open.doc.format,
            encoding: *lock(&state.encoding),
            cache: open.cache.clone(),
        },
        open.doc.version,
    ))
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let offered = params
            .capabilities
            .general
            .as_ref()
            .and_then(|general| general.position_encodings.as_deref());
        let encoding = Encoding::negotiate(offered);
        *lock(&self.state.encoding) = encoding;
        let versioned_edits = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|workspace| workspace.workspace_edit.as_ref())
            .and_then(|edit| edit.document_changes)
            .unwrap_or(false);
        self.state
            .versioned_edits
            .store(versioned_edits, Ordering::Relaxed);
        let can_watch_files = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|workspace| workspace.did_change_watched_files.as_ref())
            .and_then(|watched| watched.dynamic_registration)
            .unwrap_or(false);
        self.state
            .can_watch_files
            .store(can_watch_files, Ordering::Relaxed);
        if let Some(options) = &params.initialization_options {
            self.apply_settings(options);
        }
        log(&format!(
            "initialized; positions in {}",
            encoding.kind().as_str()
        ));
        Ok(InitializeResult {
            capabilities: ServerCapabilities {
                position_encoding: Some(encoding.kind()),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                            include_text: Some(false),
                        })),
                        ..TextDocumentSyncOptions::default()
                    },
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                document_symbol_provider: Some(OneOf::Left(true)),
                // Offered to every client: one that shows no lenses never asks, and Neovim 0.7
                // shows them without declaring it.
                code_lens_provider: Some(CodeLensOptions {
                    resolve_provider: Some(false),
                }),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                        ..CodeActionOptions::default()
                    },
                )),
                ..ServerCapabilities::default()
            },
            server_info: Some(ServerInfo {
                name: "copydesk".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        // Registration is only allowed once the client has our initialize result.
        if self.state.can_watch_files.load(Ordering::Relaxed) {
            self.watch_config_files();
        }
    }

    async fn shutdown(&self) -> Result<()> {
        self.state.shutdown.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let item = params.text_document;
        let format = analysis::format_for(&item.language_id, &item.uri);
        let generation = self.state.next_generation();
        // A reopened document may reuse a version number for a different text.
        self.state.published.forget(&item.uri);
        lock(&self.state.docs).insert(
            item.uri.clone(),
            Open {
                doc: Document::new(&item.text, item.version, format),
                generation,
                cache: Arc::default(),
            },
        );
        self.schedule(item.uri, generation);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let version = params.text_document.version;
        let outcome = {
            let encoding = *lock(&self.state.encoding);
            let mut docs = lock(&self.state.docs);
            match docs.get_mut(&uri) {
                None => {
                    let format = analysis::format_for("", &uri);
                    match Document::recover(version, &params.content_changes, format, encoding) {
                        Some(doc) => {
                            log(&format!(
                                "didChange for {}, which was never opened: adopted from its full text",
                                uri.as_str()
                            ));
                            let generation = self.state.next_generation();
                            docs.insert(
                                uri.clone(),
                                Open {
                                    doc,
                                    generation,
                                    cache: Arc::default(),
                                },
                            );
                            Ok(generation)
                        }
                        None => Err("the document is not open".to_string()),
                    }
                }
                Some(open) => {
                    match open
                        .doc
                        .apply_changes(version, &params.content_changes, encoding)
                    {
                        Ok(()) => {
                            open.generation = self.state.next_generation();
                            Ok(open.generation)
                        }
                        Err(rejected) => Err(format!("{rejected:?}")),
                    }
                }
            }
        };
        match outcome {
            Ok(generation) => self.schedule(uri, generation),
            Err(why) => log(&format!(
                "didChange version {version} for {} ignored: {why}",
                uri.as_str()
            )),
        }
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        // A saved `.copydesk.toml` is a configuration change. A client that does not watch
        // files tells us of no other, so for it every save reads the configuration again: that
        // is when a reporter expects the checks to catch up with a file edited elsewhere.
        if analysis::is_config_file(&params.text_document.uri)
            || !self.state.watching_config_files.load(Ordering::Relaxed)
        {
            self.reload_configuration();
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        // Waiting analyses see the document gone and stop; a running one is abandoned and
        // keeps the lock it holds until the engine returns.
        lock(&self.state.docs).remove(&uri);
        lock(&self.state.scheduler.running).remove(&uri);
        self.state.announce();
        self.state.published.forget(&uri);
        let state = self.state.clone();
        tokio::spawn(async move {
            let Some(frame) = EncodedDiagnostics::default().frame(&uri, None) else {
                return;
            };
            let _gate = state.publish_gate.lock().await;
            // Reopened meanwhile: its own analysis will publish.
            if !lock(&state.docs).contains_key(&uri) {
                state.outbox.send(frame);
            }
        });
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        self.apply_settings(&params.settings);
        self.schedule_all();
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        // Other registrations (an extension's own watchers) may report other files.
        if params
            .changes
            .iter()
            .any(|change| analysis::is_config_file(&change.uri))
        {
            self.reload_configuration();
        }
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let at = params.text_document_position_params;
        let Some(version) = lock(&self.state.docs)
            .get(&at.text_document.uri)
            .map(|open| open.doc.version)
        else {
            return Ok(None);
        };
        let encoding = *lock(&self.state.encoding);
        Ok(self
            .state
            .published
            .publication(&at.text_document.uri, version)
            .and_then(|publication| hover::hover_at(&publication, at.position, encoding)))
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        let uri = params.text_document.uri;
        let Some((_, ledger)) = self.current_ledger(&uri).await else {
            return Ok(None);
        };
        let encoding = *lock(&self.state.encoding);
        Ok(Some(DocumentSymbolResponse::Nested(
            symbols::document_symbols(&ledger, encoding),
        )))
    }

    async fn code_lens(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        let uri = params.text_document.uri;
        let Some((_, ledger)) = self.current_ledger(&uri).await else {
            return Ok(None);
        };
        Ok(Some(code_lens::lenses(&ledger, &uri)))
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        let Some((rope, version)) = lock(&self.state.docs)
            .get(&uri)
            .map(|open| (open.doc.rope.clone(), open.doc.version))
        else {
            return Ok(None);
        };
        let Some(published) = self.state.published.for_version(&uri, version) else {
            return Ok(None);
        };
        let target = code_actions::Target {
            uri: &uri,
            version,
            rope: &rope,
            encoding: *lock(&self.state.encoding),
            versioned: self.state.versioned_edits.load(Ordering::Relaxed),
        };
        let actions = code_actions::actions(&target, params.range, &params.context, &published);
        Ok((!actions.is_empty()).then_some(actions))
    }
}
