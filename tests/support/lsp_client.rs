//! A small JSON-RPC client that drives the real `copydesk lsp --stdio` binary over its stdio.
//!
//! Every wait has a generous timeout so a hung server fails the test instead of blocking the
//! suite; no test asserts on how long anything takes.

#![allow(dead_code)]

use serde_json::{json, Value};
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// Long enough for a debug build on a loaded two-core machine.
pub const WAIT: Duration = Duration::from_secs(60);

pub struct LspClient {
    child: Child,
    stdin: Option<ChildStdin>,
    incoming: Receiver<Value>,
    /// Messages received while waiting for something else.
    backlog: VecDeque<Value>,
    next_id: i64,
    stderr: Arc<Mutex<String>>,
    /// Set by the reader when stdout held anything but well-framed JSON.
    protocol_errors: Arc<Mutex<Vec<String>>>,
}

impl LspClient {
    pub fn spawn() -> LspClient {
        LspClient::spawn_with_env(&[])
    }

    /// The server with extra environment variables (the analysis budget and size limit).
    pub fn spawn_with_env(env: &[(&str, &str)]) -> LspClient {
        let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
            .args(["lsp", "--stdio"])
            .envs(env.iter().copied())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("cannot start copydesk lsp");
        let stdout = child.stdout.take().expect("stdout");
        let stderr = child.stderr.take().expect("stderr");
        let stdin = child.stdin.take();
        let (tx, incoming) = channel();
        let protocol_errors = Arc::new(Mutex::new(Vec::new()));
        let errors = protocol_errors.clone();
        thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                match read_frame(&mut reader) {
                    Ok(Some(value)) => {
                        if tx.send(value).is_err() {
                            return;
                        }
                    }
                    Ok(None) => return,
                    Err(error) => {
                        errors.lock().unwrap().push(error);
                        return;
                    }
                }
            }
        });
        let log = Arc::new(Mutex::new(String::new()));
        let sink = log.clone();
        thread::spawn(move || {
            let mut reader = BufReader::new(stderr);
            let mut line = String::new();
            while reader.read_line(&mut line).unwrap_or(0) > 0 {
                sink.lock().unwrap().push_str(&line);
                line.clear();
            }
        });
        LspClient {
            child,
            stdin,
            incoming,
            backlog: VecDeque::new(),
            next_id: 1,
            stderr: log,
            protocol_errors,
        }
    }

    /// `initialize` + `initialized`, offering `encodings` (empty: the client says nothing, so
    /// UTF-16 applies). Returns the initialize result.
    pub fn initialize(&mut self, encodings: &[&str], options: Value) -> Value {
        let mut capabilities = json!({});
        if !encodings.is_empty() {
            capabilities = json!({"general": {"positionEncodings": encodings}});
        }
        self.initialize_with(capabilities, options)
    }

    /// `initialize` + `initialized` with the client `capabilities` given whole. Returns the
    /// initialize result.
    pub fn initialize_with(&mut self, capabilities: Value, options: Value) -> Value {
        let response = self.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": null,
                "capabilities": capabilities,
                "initializationOptions": options,
            }),
        );
        self.notify("initialized", json!({}));
        response["result"].clone()
    }

    pub fn send(&mut self, message: &Value) {
        let body = message.to_string();
        self.send_raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    pub fn send_raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin already closed");
        stdin.write_all(bytes).expect("server stdin closed");
        stdin.flush().expect("server stdin closed");
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns the whole response (with `result` or `error`).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait_for(&format!("the answer to {method} #{id}"), |m| {
            m.get("id") == Some(&json!(id)) && m.get("method").is_none()
        })
    }

    /// The first message, old or new, that satisfies `matches`; panics after [`WAIT`].
    pub fn wait_for(&mut self, what: &str, matches: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.backlog.iter().position(&matches) {
            return self.backlog.remove(i).expect("index");
        }
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.incoming.recv_timeout(left) {
                Ok(message) if matches(&message) => return message,
                Ok(message) => self.backlog.push_back(message),
                Err(RecvTimeoutError::Timeout) => {
                    panic!("timed out waiting for {what}; stderr:\n{}", self.stderr())
                }
                Err(RecvTimeoutError::Disconnected) => {
                    panic!(
                        "server closed stdout while waiting for {what}; stderr:\n{}",
                        self.stderr()
                    )
                }
            }
        }
    }

    pub fn open(&mut self, uri: &str, language_id: &str, version: i32, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language_id, "version": version, "text": text}}),
        );
    }

    /// One `didChange` with `changes`, each `{"range": ..., "text": ...}` or `{"text": ...}`.
    pub fn change(&mut self, uri: &str, version: i32, changes: Value) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
        );
    }

    pub fn did_save(&mut self, uri: &str) {
        self.notify(
            "textDocument/didSave",
            json!({"textDocument": {"uri": uri}}),
        );
    }

    pub fn close(&mut self, uri: &str) {
        self.notify(
            "textDocument/didClose",
            json!({"textDocument": {"uri": uri}}),
        );
    }

    /// Waits for `publishDiagnostics` for `uri` at `version` (any version when `None`) and
    /// returns its diagnostics.
    pub fn diagnostics(&mut self, uri: &str, version: Option<i32>) -> Vec<Value> {
        let message = self.wait_for(&format!("diagnostics for {uri} v{version:?}"), |m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && version.is_none_or(|v| m["params"]["version"] == json!(v))
        });
        message["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// The server's copy of a document (`copydesk/documentText`): `(version, text)`.
    pub fn document_text(&mut self, uri: &str) -> Option<(i64, String)> {
        let response = self.request("copydesk/documentText", json!({"uri": uri}));
        let result = &response["result"];
        Some((
            result["version"].as_i64()?,
            result["text"].as_str()?.to_string(),
        ))
    }

    /// `shutdown`, then `exit`; returns the process status.
    pub fn shutdown_and_exit(mut self) -> ExitStatus {
        let response = self.request("shutdown", Value::Null);
        assert!(
            response.get("error").is_none(),
            "shutdown failed: {response}"
        );
        self.notify("exit", Value::Null);
        self.wait_exit()
    }

    /// Waits for the process to end by itself.
    pub fn wait_exit(mut self) -> ExitStatus {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                self.assert_clean_stdout();
                return status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("server did not exit; stderr:\n{}", self.stderr());
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Whether a message already received (and not yet waited for) satisfies `matches`.
    pub fn received(&mut self, matches: impl Fn(&Value) -> bool) -> bool {
        while let Ok(message) = self.incoming.try_recv() {
            self.backlog.push_back(message);
        }
        self.backlog.iter().any(matches)
    }

    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Stderr once it contains `what`; panics after [`WAIT`]. The server writes its log lines
    /// before it answers what follows, but stderr reaches us on a thread of its own, which may
    /// still be behind the answer.
    pub fn stderr_once_it_says(&self, what: &str) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let log = self.stderr();
            if log.contains(what) {
                return log;
            }
            assert!(
                Instant::now() < deadline,
                "stderr never said {what:?}:\n{log}"
            );
            thread::sleep(Duration::from_millis(10));
        }
    }

    /// Anything on stdout that is not a framed JSON message breaks every editor.
    pub fn assert_clean_stdout(&self) {
        let errors = self.protocol_errors.lock().unwrap();
        assert!(
            errors.is_empty(),
            "stdout carried non-protocol data: {errors:?}"
        );
    }
}

impl Drop for LspClient {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// One frame from the server's stdout: `Ok(None)` at a clean end of stream.
fn read_frame(reader: &mut impl BufRead) -> Result<Option<Value>, String> {
    let mut length = None;
    let mut line = String::new();
    loop {
        line.clear();
        let n = reader.read_line(&mut line).map_err(|e| e.to_string())?;
        if n == 0 {
            return if length.is_none() {
                Ok(None)
            } else {
                Err("EOF inside a header".into())
            };
        }
        if line == "\r\n" {
            break;
        }
        let Some((name, value)) = line.trim_end().split_once(": ") else {
            return Err(format!("not a header line: {line:?}"));
        };
        if name.eq_ignore_ascii_case("content-length") {
            length = Some(value.parse::<usize>().map_err(|e| e.to_string())?);
        }
    }
    let length = length.ok_or("frame without Content-Length")?;
    let mut body = vec![0; length];
    reader.read_exact(&mut body).map_err(|e| e.to_string())?;
    serde_json::from_slice(&body)
        .map(Some)
        .map_err(|e| format!("body is not JSON: {e}"))
}

/// A diagnostic's `(code, line, character)` of its start, for assertions such as
/// "anonymous-source at line 3 col 10".
pub fn code_at(diagnostic: &Value) -> (String, u64, u64) {
    (
        diagnostic["code"].as_str().unwrap_or_default().to_string(),
        diagnostic["range"]["start"]["line"]
            .as_u64()
            .unwrap_or(u64::MAX),
        diagnostic["range"]["start"]["character"]
            .as_u64()
            .unwrap_or(u64::MAX),
    )
}

/// Whether `diagnostics` hold one with `code` starting at `line`:`character` (zero-based).
pub fn has_diagnostic(diagnostics: &[Value], code: &str, line: u64, character: u64) -> bool {
    diagnostics
        .iter()
        .any(|d| code_at(d) == (code.to_string(), line, character))
}

/// An LSP range as JSON.
pub fn range(l1: u32, c1: u32, l2: u32, c2: u32) -> Value {
    json!({"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}})
}

/// A ranged content change.
pub fn edit(l1: u32, c1: u32, l2: u32, c2: u32, text: &str) -> Value {
    json!({"range": range(l1, c1, l2, c2), "text": text})
}
