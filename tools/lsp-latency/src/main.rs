//! Keystroke → diagnostics latency of any stdio language server, as the writer sees it.
//!
//! Starts the server, opens one document, then types a sentence character by character at
//! several places in it. After each keystroke it waits for the server's `publishDiagnostics`
//! for that document (the publication for the new version when the server reports versions,
//! otherwise the first publication after the change), so a server's debounce delay is part of
//! the figure, as it is in the editor. Prints p50/p95/p99/max per server and, when several
//! servers are given, each one's ratio to the first.
//!
//! ```sh
//! cargo run --release -p lsp-latency -- --server "target/release/copydesk lsp --stdio"
//! cargo run --release -p lsp-latency -- --server "target/release/copydesk lsp --stdio" \
//!     --server "harper-ls --stdio" --keystrokes 60
//! ```

// The archive generator serves the engine benchmarks, which include this module by path.
#[allow(dead_code)]
mod newsgen;

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

const USAGE: &str = "\
usage: lsp-latency [--server CMD]... [--document FILE | --words N] [--keystrokes N]
                   [--places N] [--timeout SECS] [--json] [--server-stderr]
                   [--settings JSON] [--write-document FILE]

  --server CMD          a language server speaking LSP over stdio, as a shell command line
                        (repeat to compare; ratios are to the first). Default:
                        \"target/release/copydesk lsp --stdio\"
  --document FILE       the document to open (default: a generated news story)
  --words N             length of the generated story in words (default 10900; past
                        20000, a manuscript of chapters)
  --keystrokes N        characters typed in all (default 100)
  --places N            places in the document where typing happens (default 5)
  --timeout SECS        longest wait for one keystroke's diagnostics (default 30)
  --json                print the figures as JSON
  --server-stderr       pass the server's stderr through (default: discarded)
  --settings JSON       client settings, sent in workspace/didChangeConfiguration and as
                        the answer to every workspace/configuration item; e.g. harper-ls
                        skips documents over 120,000 bytes unless given
                        '{\"harper-ls\": {\"maxFileLength\": 100000000}}'
  --write-document FILE write the document that would be opened to FILE, and exit";

/// What is typed at each place: a sentence with a curly apostrophe, so positions in UTF-16
/// and in bytes differ and an encoding slip in the server or here shows itself.
const TYPED: &str = " The mayor’s office said the figures were wrong.";

struct Options {
    servers: Vec<String>,
    document: Option<PathBuf>,
    words: usize,
    keystrokes: usize,
    places: usize,
    timeout: Duration,
    json: bool,
    server_stderr: bool,
    settings: Value,
    write_document: Option<PathBuf>,
}

fn parse_options() -> Result<Options, String> {
    let mut options = Options {
        servers: Vec::new(),
        document: None,
        words: 10_900,
        keystrokes: 100,
        places: 5,
        timeout: Duration::from_secs(30),
        json: false,
        server_stderr: false,
        settings: Value::Null,
        write_document: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        let number = |name: &str, text: String| {
            text.parse::<usize>()
                .map_err(|_| format!("{name}: not a number: {text}"))
        };
        match arg.as_str() {
            "--server" => options.servers.push(value("--server")?),
            "--document" => options.document = Some(value("--document")?.into()),
            "--words" => options.words = number("--words", value("--words")?)?,
            "--keystrokes" => options.keystrokes = number("--keystrokes", value("--keystrokes")?)?,
            "--places" => options.places = number("--places", value("--places")?)?.max(1),
            "--timeout" => {
                let text = value("--timeout")?;
                let secs: f64 = text
                    .parse()
                    .map_err(|_| format!("--timeout: not a number: {text}"))?;
                options.timeout = Duration::try_from_secs_f64(secs)
                    .map_err(|_| format!("--timeout: out of range: {text}"))?;
            }
            "--json" => options.json = true,
            "--server-stderr" => options.server_stderr = true,
            "--settings" => {
                let text = value("--settings")?;
                options.settings = serde_json::from_str(&text)
                    .map_err(|e| format!("--settings: not JSON ({e}): {text}"))?;
            }
            "--write-document" => options.write_document = Some(value("--write-document")?.into()),
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument: {other}\n\n{USAGE}")),
        }
    }
    if options.servers.is_empty() {
        options
            .servers
            .push("target/release/copydesk lsp --stdio".into());
    }
    Ok(options)
}

fn main() {
    let options = match parse_options() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("lsp-latency: {message}");
            std::process::exit(2);
        }
    };
    if let Err(message) = run(&options) {
        eprintln!("lsp-latency: {message}");
        std::process::exit(1);
    }
}

fn run(options: &Options) -> Result<(), String> {
    let text = match &options.document {
        Some(path) => std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?,
        // Past story length the copy is a book manuscript: chapters, each with its own cast.
        None if options.words > 20_000 => newsgen::manuscript(options.words),
        None => newsgen::story(10_900, options.words),
    };
    if let Some(path) = &options.write_document {
        std::fs::write(path, &text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        eprintln!(
            "wrote {} ({} words, {} bytes)",
            path.display(),
            text.split_whitespace().count(),
            text.len()
        );
        return Ok(());
    }
    let edits = plan_edits(&text, options.keystrokes, options.places);

    // Every server opens the document at the same path, so a generated one is written once.
    let scratch = std::env::temp_dir().join(format!("lsp-latency-{}", std::process::id()));
    let path = match &options.document {
        Some(path) => std::fs::canonicalize(path)
            .map_err(|e| format!("cannot resolve {}: {e}", path.display()))?,
        None => {
            std::fs::create_dir_all(&scratch)
                .map_err(|e| format!("cannot create {}: {e}", scratch.display()))?;
            let path = scratch.join("story.md");
            std::fs::write(&path, &text)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            path
        }
    };

    let mut results = Vec::new();
    for command in &options.servers {
        if !options.json {
            eprintln!("measuring: {command}");
        }
        let result = measure(command, &path, &text, &edits, options);
        results.push((command.clone(), result));
    }
    let _ = std::fs::remove_dir_all(&scratch);

    let document = json!({
        "path": path.display().to_string(),
        "words": text.split_whitespace().count(),
        "bytes": text.len(),
        "keystrokes": edits.len(),
        "places": options.places,
    });
    if options.json {
        print_json(&document, &results);
    } else {
        print_table(&document, &results);
    }
    if results.iter().any(|(_, result)| result.is_err()) {
        return Err("a server could not be measured".into());
    }
    Ok(())
}

/// One keystroke: a character inserted at a byte offset of the text as it stands by then.
struct Edit {
    offset: usize,
    character: char,
}

/// Spreads `keystrokes` characters over `places` sentence ends spaced evenly through the
/// text, typing [`TYPED`] (repeated if need be) at each, so the edits land in the middle of
/// real paragraphs rather than at the end of the document.
fn plan_edits(text: &str, keystrokes: usize, places: usize) -> Vec<Edit> {
    let mut anchors: Vec<usize> = (1..=places)
        .map(|i| sentence_end_near(text, text.len() * i / (places + 1)))
        .collect();
    anchors.sort_unstable();
    let per_place = keystrokes.div_ceil(places);
    let mut edits = Vec::with_capacity(keystrokes);
    // Typing at a place shifts every later place; earlier ones stay where they are.
    let mut shift = 0;
    for anchor in anchors {
        let mut offset = anchor + shift;
        for character in TYPED.chars().cycle().take(per_place) {
            if edits.len() == keystrokes {
                break;
            }
            edits.push(Edit { offset, character });
            offset += character.len_utf8();
            shift += character.len_utf8();
        }
    }
    edits
}

/// The offset just after the first full stop at or after `from` that ends a sentence (or
/// `from` itself, on a character boundary, if there is none).
fn sentence_end_near(text: &str, from: usize) -> usize {
    let mut from = from.min(text.len());
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    match text[from..].find(". ") {
        Some(found) => from + found + 1,
        None => from,
    }
}

struct Measurement {
    sync: &'static str,
    open: Option<Duration>,
    /// Diagnostics in the last publication received.
    diagnostics: Option<usize>,
    samples: Vec<Duration>,
    timeouts: usize,
}

/// Messages from the server, stamped when they were read, so the time the measuring thread
/// spends answering requests is not charged to the server.
type Inbox = Receiver<(Instant, Value)>;

struct Server {
    child: Child,
    stdin: ChildStdin,
    inbox: Inbox,
    next_id: i64,
    /// What the client answers to `workspace/configuration` (null: no settings).
    settings: Value,
}

impl Server {
    /// Starts `command` in this process's working directory, so a relative server path means
    /// what it means on the command line.
    fn start(command: &str, show_stderr: bool, settings: Value) -> Result<Server, String> {
        let mut shell = if cfg!(windows) {
            let mut shell = Command::new("cmd");
            shell.arg("/C").arg(command);
            shell
        } else {
            let mut shell = Command::new("sh");
            shell.arg("-c").arg(format!("exec {command}"));
            shell
        };
        let mut child = shell
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(if show_stderr {
                Stdio::inherit()
            } else {
                Stdio::null()
            })
            .spawn()
            .map_err(|e| format!("cannot start `{command}`: {e}"))?;
        let stdin = child.stdin.take().ok_or("no stdin")?;
        let stdout = child.stdout.take().ok_or("no stdout")?;
        let (sender, inbox) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some((received_at, message)) = read_message(&mut reader) {
                if sender.send((received_at, message)).is_err() {
                    break;
                }
            }
        });
        Ok(Server {
            child,
            stdin,
            inbox,
            next_id: 1,
            settings,
        })
    }

    fn send(&mut self, message: &Value) -> Result<(), String> {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len())
            .and_then(|()| self.stdin.flush())
            .map_err(|e| format!("server closed its input: {e}"))
    }

    fn notify(&mut self, method: &str, params: Value) -> Result<(), String> {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}))
    }

    fn request(&mut self, method: &str, params: Value, timeout: Duration) -> Result<Value, String> {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))?;
        let deadline = Instant::now() + timeout;
        loop {
            let (_, message) = self.receive(deadline)?;
            if message.get("method").is_none() && message.get("id") == Some(&json!(id)) {
                if let Some(error) = message.get("error") {
                    return Err(format!("{method} failed: {error}"));
                }
                return Ok(message.get("result").cloned().unwrap_or(Value::Null));
            }
        }
    }

    /// The next message before `deadline`, answering the server's own requests on the way
    /// (configuration, capability registration, progress), as an editor would.
    fn receive(&mut self, deadline: Instant) -> Result<(Instant, Value), String> {
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let (at, message) = match self.inbox.recv_timeout(left) {
                Ok(received) => received,
                Err(RecvTimeoutError::Timeout) => return Err("timed out".into()),
                Err(RecvTimeoutError::Disconnected) => {
                    return Err("server exited (--server-stderr shows why)".into())
                }
            };
            if message.get("method").is_some() && message.get("id").is_some() {
                self.answer(&message)?;
                continue;
            }
            return Ok((at, message));
        }
    }

    /// Drops what the server has already sent, so a late extra publication for an earlier
    /// version cannot pass for the answer to the next keystroke.
    fn drain(&mut self) -> Result<(), String> {
        while let Ok((_, message)) = self.inbox.try_recv() {
            if message.get("method").is_some() && message.get("id").is_some() {
                self.answer(&message)?;
            }
        }
        Ok(())
    }

    /// Answers a request from the server: configuration with the client's settings, anything
    /// else (capability registration, progress) with an empty success.
    fn answer(&mut self, request: &Value) -> Result<(), String> {
        let reply = reply_to(request, &self.settings);
        self.send(&reply)
    }

    /// When the diagnostics for `version` of `uri` arrived: a publication carrying that
    /// version or a newer one, or, from a server that sends no versions, the first one.
    fn diagnostics_for(
        &mut self,
        uri: &str,
        version: i64,
        timeout: Duration,
    ) -> Result<(Instant, usize), String> {
        let deadline = Instant::now() + timeout;
        loop {
            let (at, message) = self.receive(deadline)?;
            if message["method"] != "textDocument/publishDiagnostics" {
                continue;
            }
            let params = &message["params"];
            if !same_uri(params["uri"].as_str().unwrap_or_default(), uri) {
                continue;
            }
            match params["version"].as_i64() {
                Some(published) if published < version => continue,
                _ => {
                    let count = params["diagnostics"].as_array().map_or(0, Vec::len);
                    return Ok((at, count));
                }
            }
        }
    }

    fn stop(mut self) {
        let deadline = Duration::from_secs(5);
        if self.request("shutdown", Value::Null, deadline).is_ok() {
            let _ = self.notify("exit", Value::Null);
        }
        drop(self.stdin);
        let until = Instant::now() + deadline;
        while Instant::now() < until {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The client's reply to a request from the server.
fn reply_to(request: &Value, settings: &Value) -> Value {
    let result = if request["method"] == "workspace/configuration" {
        let items = request["params"]["items"].as_array().map_or(0, Vec::len);
        Value::Array(vec![settings.clone(); items])
    } else {
        Value::Null
    };
    json!({"jsonrpc": "2.0", "id": request["id"].clone(), "result": result})
}

/// One JSON-RPC message with its Content-Length header and the moment its last byte was read,
/// or None at the end of the stream. The moment is taken before the body is parsed: building a
/// `Value` of a few hundred diagnostics is this harness's own cost, not the server's (nor the
/// same as an editor's, which parses into its own types).
fn read_message(reader: &mut impl BufRead) -> Option<(Instant, Value)> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse::<usize>().ok();
            }
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    let received_at = Instant::now();
    // A body that is not JSON is skipped rather than ending the session.
    Some((
        received_at,
        serde_json::from_slice(&body).unwrap_or(Value::Null),
    ))
}

fn measure(
    command: &str,
    path: &Path,
    text: &str,
    edits: &[Edit],
    options: &Options,
) -> Result<Measurement, String> {
    let mut server = Server::start(command, options.server_stderr, options.settings.clone())?;
    let outcome = drive(&mut server, path, text, edits, options);
    server.stop();
    outcome
}

fn drive(
    server: &mut Server,
    path: &Path,
    text: &str,
    edits: &[Edit],
    options: &Options,
) -> Result<Measurement, String> {
    let folder = path.parent().unwrap_or(Path::new("."));
    let folder_uri = file_uri(folder);
    let uri = file_uri(path);
    let capabilities = json!({
        "general": {"positionEncodings": ["utf-16"]},
        "textDocument": {
            "synchronization": {"dynamicRegistration": false, "didSave": false},
            "publishDiagnostics": {"versionSupport": true, "relatedInformation": true},
        },
        "workspace": {"configuration": true, "workspaceFolders": true},
    });
    let initialized = server.request(
        "initialize",
        json!({
            "processId": std::process::id(),
            "rootUri": folder_uri,
            "workspaceFolders": [{"uri": folder_uri, "name": "lsp-latency"}],
            "capabilities": capabilities,
            "clientInfo": {"name": "lsp-latency"},
        }),
        Duration::from_secs(60),
    )?;
    let sync = match &initialized["capabilities"]["textDocumentSync"] {
        Value::Number(kind) => kind.as_i64(),
        Value::Object(options) => options.get("change").and_then(Value::as_i64),
        _ => None,
    };
    let incremental = match sync {
        Some(2) => true,
        Some(1) => false,
        other => return Err(format!("server does not take document changes ({other:?})")),
    };
    server.notify("initialized", json!({}))?;
    if !options.settings.is_null() {
        server.notify(
            "workspace/didChangeConfiguration",
            json!({"settings": options.settings}),
        )?;
    }

    let language = match path.extension().and_then(|e| e.to_str()) {
        Some("md" | "markdown") => "markdown",
        _ => "plaintext",
    };
    let opened_at = Instant::now();
    server.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}}),
    )?;
    // Wait generously for the first analysis: some servers load dictionaries on first use.
    let first = server
        .diagnostics_for(&uri, 1, options.timeout.max(Duration::from_secs(60)))
        .ok();
    let open = first.map(|(at, _)| at.duration_since(opened_at));
    // A server that publishes nothing for a story full of findings may not be checking it at
    // all (a size limit, an unsupported language id): the count makes that visible.
    let mut diagnostics = first.map(|(_, count)| count);

    let mut current = text.to_string();
    let mut samples = Vec::with_capacity(edits.len());
    let mut timeouts = 0;
    let mut version = 1;
    for edit in edits {
        server.drain()?;
        version += 1;
        let position = lsp_position(&current, edit.offset);
        current.insert(edit.offset, edit.character);
        let change = if incremental {
            json!({
                "range": {"start": position, "end": position},
                "text": edit.character.to_string(),
            })
        } else {
            json!({"text": current})
        };
        let sent_at = Instant::now();
        server.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [change],
            }),
        )?;
        match server.diagnostics_for(&uri, version, options.timeout) {
            Ok((at, count)) => {
                samples.push(at.duration_since(sent_at));
                diagnostics = Some(count);
            }
            Err(message) if message == "timed out" => {
                timeouts += 1;
                // A server that answers nothing is not going to start now.
                if samples.is_empty() && timeouts >= 3 {
                    return Err("no diagnostics after three keystrokes".into());
                }
            }
            Err(message) => return Err(message),
        }
    }
    Ok(Measurement {
        sync: if incremental { "incremental" } else { "full" },
        open,
        diagnostics,
        samples,
        timeouts,
    })
}

/// The LSP position (line, UTF-16 column) of a byte offset; `\r\n`, `\r` and `\n` all end a
/// line, as the protocol says.
fn lsp_position(text: &str, offset: usize) -> Value {
    let before = &text[..offset];
    let mut line = 0;
    let mut line_start = 0;
    let bytes = before.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                line += 1;
                line_start = i + 1;
            }
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => {
                line += 1;
                line_start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    let character: usize = before[line_start..].chars().map(char::len_utf16).sum();
    json!({"line": line, "character": character})
}

fn file_uri(path: &Path) -> String {
    let text = path.display().to_string().replace('\\', "/");
    let mut uri = String::from(if text.starts_with('/') {
        "file://"
    } else {
        "file:///"
    });
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"/-_.~:".contains(&byte) {
            uri.push(byte as char);
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri
}

/// Servers may re-encode a URI (case of percent escapes, `:` after a drive letter).
fn same_uri(a: &str, b: &str) -> bool {
    a == b || percent_decode(a).eq_ignore_ascii_case(&percent_decode(b))
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(byte) = u8::from_str_radix(&text[i + 1..i + 3], 16) {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

struct Summary {
    p50: Duration,
    p95: Duration,
    p99: Duration,
    max: Duration,
    mean: Duration,
}

fn summarise(samples: &[Duration]) -> Option<Summary> {
    if samples.is_empty() {
        return None;
    }
    let mut sorted = samples.to_vec();
    sorted.sort_unstable();
    // Nearest rank: the smallest sample with at least p of all samples at or below it.
    let at =
        |p: f64| sorted[((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len()) - 1];
    Some(Summary {
        p50: at(0.50),
        p95: at(0.95),
        p99: at(0.99),
        max: sorted[sorted.len() - 1],
        mean: sorted.iter().sum::<Duration>() / sorted.len() as u32,
    })
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn print_table(document: &Value, results: &[(String, Result<Measurement, String>)]) {
    println!(
        "document: {} words, {} bytes; {} keystrokes at {} places",
        document["words"], document["bytes"], document["keystrokes"], document["places"]
    );
    println!(
        "{:<44} {:>11} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>5} {:>6}",
        "server",
        "sync",
        "open ms",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "max ms",
        "mean ms",
        "lost",
        "diags"
    );
    let mut first: Option<Summary> = None;
    for (index, (command, result)) in results.iter().enumerate() {
        let name: String = command.chars().take(44).collect();
        match result {
            Err(message) => println!("{name:<44} failed: {message}"),
            Ok(measurement) => {
                let open = measurement
                    .open
                    .map_or("-".to_string(), |open| format!("{:.1}", ms(open)));
                let diagnostics = measurement
                    .diagnostics
                    .map_or("-".to_string(), |count| count.to_string());
                match summarise(&measurement.samples) {
                    None => println!(
                        "{name:<44} {:>11} {open:>9} no diagnostics ({} lost)",
                        measurement.sync, measurement.timeouts
                    ),
                    Some(summary) => {
                        println!(
                            "{name:<44} {:>11} {open:>9} {:>9.1} {:>9.1} {:>9.1} {:>9.1} {:>9.1} {:>5} {diagnostics:>6}",
                            measurement.sync,
                            ms(summary.p50),
                            ms(summary.p95),
                            ms(summary.p99),
                            ms(summary.max),
                            ms(summary.mean),
                            measurement.timeouts
                        );
                        if index == 0 {
                            first = Some(summary);
                        } else if let Some(first) = &first {
                            println!(
                                "  ratio to the first server: p50 {:.1}x, p99 {:.1}x",
                                ms(summary.p50) / ms(first.p50),
                                ms(summary.p99) / ms(first.p99)
                            );
                        }
                    }
                }
            }
        }
    }
}

fn print_json(document: &Value, results: &[(String, Result<Measurement, String>)]) {
    let first = results
        .first()
        .and_then(|(_, result)| result.as_ref().ok())
        .and_then(|measurement| summarise(&measurement.samples));
    let servers: Vec<Value> = results
        .iter()
        .map(|(command, result)| match result {
            Err(message) => json!({"server": command, "error": message}),
            Ok(measurement) => {
                let mut entry = json!({
                    "server": command,
                    "sync": measurement.sync,
                    "open_ms": measurement.open.map(ms),
                    "samples": measurement.samples.len(),
                    "diagnostics": measurement.diagnostics,
                    "timeouts": measurement.timeouts,
                });
                if let Some(summary) = summarise(&measurement.samples) {
                    entry["p50_ms"] = json!(ms(summary.p50));
                    entry["p95_ms"] = json!(ms(summary.p95));
                    entry["p99_ms"] = json!(ms(summary.p99));
                    entry["max_ms"] = json!(ms(summary.max));
                    entry["mean_ms"] = json!(ms(summary.mean));
                    if let Some(first) = &first {
                        entry["p50_ratio_to_first"] = json!(ms(summary.p50) / ms(first.p50));
                        entry["p99_ratio_to_first"] = json!(ms(summary.p99) / ms(first.p99));
                    }
                }
                entry
            }
        })
        .collect();
    println!(
        "{}",
        serde_json::to_string_pretty(&json!({"document": document, "servers": servers}))
            .unwrap_or_default()
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_and_every_line_break() {
        let text = "a\r\nb\rc\n’x";
        assert_eq!(lsp_position(text, 3), json!({"line": 1, "character": 0}));
        assert_eq!(lsp_position(text, 5), json!({"line": 2, "character": 0}));
        // The curly apostrophe is three bytes but one UTF-16 unit.
        assert_eq!(lsp_position(text, 10), json!({"line": 3, "character": 1}));
    }

    #[test]
    fn edits_land_after_sentence_ends_and_shift_later_places() {
        let text = newsgen::story(7, 2_000);
        let edits = plan_edits(&text, 40, 4);
        assert_eq!(edits.len(), 40);
        let mut typed = text.clone();
        for edit in &edits {
            assert!(typed.is_char_boundary(edit.offset));
            typed.insert(edit.offset, edit.character);
        }
        let before = text.matches(". The mayor").count();
        assert_eq!(typed.matches(". The mayor").count(), before + 4);
    }

    #[test]
    fn configuration_requests_get_the_settings_once_per_item() {
        let settings = json!({"harper-ls": {"maxFileLength": 100}});
        let request = json!({"jsonrpc": "2.0", "id": 7, "method": "workspace/configuration",
            "params": {"items": [{"section": "harper-ls"}, {}]}});
        let reply = reply_to(&request, &settings);
        assert_eq!(reply["id"], json!(7));
        assert_eq!(reply["result"], json!([settings.clone(), settings.clone()]));
        let registration =
            json!({"jsonrpc": "2.0", "id": "r", "method": "client/registerCapability"});
        assert_eq!(reply_to(&registration, &settings)["result"], Value::Null);
    }

    #[test]
    fn percentiles_use_nearest_rank() {
        let samples: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        let summary = summarise(&samples).unwrap();
        assert_eq!(summary.p50, Duration::from_millis(50));
        assert_eq!(summary.p99, Duration::from_millis(99));
        assert_eq!(summary.max, Duration::from_millis(100));
    }
}
