//! The language server: LSP over stdio, translating between editor positions and the engine's
//! byte spans.
//!
//! stdin → [`framing`] filter → tokio pipe → tower-lsp-server → [`server::Backend`]; the
//! library's replies go through a second pipe to the [`outbox`] writer, which also writes the
//! diagnostics the backend encodes itself, each message whole, to stdout. Logs go to stderr
//! only: stdout carries the protocol.

mod analysis;
mod code_actions;
mod code_lens;
mod diagnostics;
mod document;
mod encoding;
pub(crate) mod framing;
mod hover;
mod outbox;
mod panic_guard;
mod server;
mod settings;
mod symbols;

use std::process::ExitCode;
use std::sync::atomic::Ordering;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;
use tower_lsp_server::{LspService, Server};

pub fn run() -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            log(&format!("cannot start the async runtime: {error}"));
            return ExitCode::FAILURE;
        }
    };
    let code = runtime.block_on(serve_stdio());
    // The stdin reader sits in a blocking read the OS will not interrupt: do not wait for it.
    runtime.shutdown_timeout(Duration::from_millis(100));
    code
}

async fn serve_stdio() -> ExitCode {
    let (filtered_in, server_in) = tokio::io::duplex(64 * 1024);
    tokio::spawn(async move {
        if let Err(error) = framing::pump(tokio::io::stdin(), filtered_in).await {
            log(&format!("reading stdin failed: {error}"));
        }
    });
    let (outbox, own_frames) = outbox::Outbox::new();
    let (library_out, writer_in) = tokio::io::duplex(64 * 1024);
    let writer = tokio::spawn(outbox::write(writer_in, own_frames, tokio::io::stdout()));
    let (service, socket) = LspService::build(move |client| server::Backend::new(client, outbox))
        .custom_method("copydesk/documentText", server::Backend::document_text)
        .custom_method("copydesk/ledger", server::Backend::ledger)
        .finish();
    let shutdown = service.inner().shutdown_flag();
    // One message at a time: handlers never wait long (analysis runs elsewhere; the outline,
    // code lens and ledger requests wait only for the pending analysis of the version they ask
    // about), and a strict order is the simplest guarantee that edits apply as they were sent.
    Server::new(server_in, library_out, socket)
        .concurrency_level(1)
        .serve(panic_guard::CatchPanic::new(service))
        .await;
    // The library's side of the pipe is closed now: the writer passes on what is left and ends.
    match writer.await {
        Ok(Ok(())) => {}
        Ok(Err(error)) => log(&format!("writing stdout failed: {error}")),
        Err(error) => log(&format!("the stdout writer stopped: {error}")),
    }
    // LSP: exit code 0 only if `shutdown` came before `exit` (or before stdin closed).
    if shutdown.load(Ordering::SeqCst) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// A line on stderr, the only place besides `window/logMessage` a stdio server may talk.
pub(crate) fn log(message: &str) {
    eprintln!("copydesk lsp: {message}");
}

/// Locks a mutex even if a panicking handler poisoned it: the data is still consistent because
/// every critical section here is a single edit or lookup.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
