//! The one writer of stdout.
//!
//! tower-lsp-server turns every notification it sends into a `serde_json::Value` tree and then
//! that tree into bytes. For the few hundred diagnostics of a long story this cost more than
//! the engine's analysis of the keystroke they answer (measured with callgrind on the generated
//! 11k-word story: about 7 M instructions a publication, against about 11 M for the families
//! the writer waits for). So diagnostics are encoded here, straight from their types to bytes,
//! and a diagnostic that has not changed since the document's last publication is not encoded
//! again ([`EncodedDiagnostics`]). The library's own messages (replies, log messages,
//! registrations) still come from the library: it writes them into a pipe, and the writer task
//! here passes them on a whole frame at a time, so a message of ours never lands inside one of
//! its messages.

use super::framing;
use foldhash::{HashMap, HashMapExt};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::mpsc;
use tower_lsp_server::ls_types::notification::{Notification, PublishDiagnostics};
use tower_lsp_server::ls_types::{Diagnostic, Range, Uri};

/// How many bytes of the library's output the writer reads at a time.
const CHUNK: usize = 64 * 1024;

/// Sends messages the server encodes itself. Cheap to clone; messages sent after the writer has
/// finished (the session is over) are dropped.
#[derive(Clone, Debug)]
pub struct Outbox {
    frames: mpsc::UnboundedSender<Vec<u8>>,
}

impl Outbox {
    /// A new outbox and what its writer reads: the frames sent through the outbox.
    pub fn new() -> (Outbox, mpsc::UnboundedReceiver<Vec<u8>>) {
        let (frames, receiver) = mpsc::unbounded_channel();
        (Outbox { frames }, receiver)
    }

    /// Queues a frame (from [`EncodedDiagnostics::frame`]); frames are written in the order
    /// sent.
    pub fn send(&self, frame: Vec<u8>) {
        // The writer is gone only once the session has ended: nobody is listening.
        let _ = self.frames.send(frame);
    }
}

/// One document's diagnostics as JSON, each diagnostic's apart, so the next publication of the
/// document encodes only the diagnostics that changed: a keystroke moves a few of a long
/// story's hundreds.
#[derive(Debug, Default)]
pub struct EncodedDiagnostics {
    /// The diagnostics' JSON objects, one after the other.
    json: Vec<u8>,
    /// Where each diagnostic's object ends in `json`.
    ends: Vec<usize>,
}

/// What tells two diagnostics apart cheaply, to find a diagnostic's earlier encoding.
type Key = (u32, u32, u32, u32, usize);

fn key(diagnostic: &Diagnostic) -> Key {
    let Range { start, end } = diagnostic.range;
    (
        start.line,
        start.character,
        end.line,
        end.character,
        diagnostic.message.len(),
    )
}

impl EncodedDiagnostics {
    /// Encodes `diagnostics`, copying the JSON of each one equal to a diagnostic of `previous`
    /// (the diagnostics last published for the document, with their encoding).
    pub fn new(
        diagnostics: &[Diagnostic],
        previous: Option<(&[Diagnostic], &EncodedDiagnostics)>,
    ) -> Option<EncodedDiagnostics> {
        let earlier: HashMap<Key, usize> = previous
            .filter(|(diagnostics, encoded)| diagnostics.len() == encoded.ends.len())
            .map(|(diagnostics, _)| {
                let mut earlier = HashMap::with_capacity(diagnostics.len());
                for (i, diagnostic) in diagnostics.iter().enumerate() {
                    earlier.entry(key(diagnostic)).or_insert(i);
                }
                earlier
            })
            .unwrap_or_default();
        let mut encoded = EncodedDiagnostics {
            json: Vec::with_capacity(previous.map_or(0, |(_, e)| e.json.len())),
            ends: Vec::with_capacity(diagnostics.len()),
        };
        for diagnostic in diagnostics {
            let same = earlier.get(&key(diagnostic)).and_then(|&i| {
                let (before, json) = previous?;
                (before[i] == *diagnostic).then(|| json.object(i))
            });
            match same {
                Some(object) => encoded.json.extend_from_slice(object),
                None => {
                    if let Err(error) = serde_json::to_writer(&mut encoded.json, diagnostic) {
                        super::log(&format!("cannot encode a diagnostic: {error}"));
                        return None;
                    }
                }
            }
            encoded.ends.push(encoded.json.len());
        }
        Some(encoded)
    }

    fn object(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.json[start..self.ends[i]]
    }

    /// The framed `textDocument/publishDiagnostics` notification of these diagnostics.
    pub fn frame(&self, uri: &Uri, version: Option<i32>) -> Option<Vec<u8>> {
        let mut body = Vec::with_capacity(self.json.len() + self.ends.len() + 256);
        body.extend_from_slice(br#"{"jsonrpc":"2.0","method":""#);
        body.extend_from_slice(PublishDiagnostics::METHOD.as_bytes());
        body.extend_from_slice(br#"","params":{"uri":"#);
        if let Err(error) = serde_json::to_writer(&mut body, uri) {
            super::log(&format!("cannot encode a document's address: {error}"));
            return None;
        }
        body.extend_from_slice(br#","diagnostics":["#);
        for i in 0..self.ends.len() {
            if i > 0 {
                body.push(b',');
            }
            body.extend_from_slice(self.object(i));
        }
        body.push(b']');
        if let Some(version) = version {
            body.extend_from_slice(format!(r#","version":{version}"#).as_bytes());
        }
        body.extend_from_slice(b"}}");
        let mut frame = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        frame.extend_from_slice(&body);
        Some(frame)
    }
}

/// Writes the library's output (read from `library`) and the outbox's frames to `output`, each
/// message whole, until the library's side closes; then writes what the outbox still holds.
pub async fn write<R, W>(
    mut library: R,
    mut own: mpsc::UnboundedReceiver<Vec<u8>>,
    mut output: W,
) -> std::io::Result<()>
where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut frames = FrameSplitter::default();
    let mut chunk = vec![0u8; CHUNK];
    loop {
        tokio::select! {
            read = library.read(&mut chunk) => {
                let n = read?;
                if n == 0 {
                    break;
                }
                frames.push(&chunk[..n]);
                while let Some(frame) = frames.next_frame() {
                    output.write_all(&frame).await?;
                }
                output.flush().await?;
            }
            Some(frame) = own.recv() => {
                output.write_all(&frame).await?;
                output.flush().await?;
            }
        }
    }
    while let Ok(frame) = own.try_recv() {
        output.write_all(&frame).await?;
    }
    // Whatever the library left unfinished is still its output.
    output.write_all(&frames.rest()).await?;
    output.flush().await
}

/// Cuts the library's output into whole frames (header and body).
#[derive(Debug, Default)]
struct FrameSplitter {
    buf: Vec<u8>,
}

impl FrameSplitter {
    fn push(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
    }

    /// The next whole frame, or `None` until more bytes arrive. Bytes that are no frame (the
    /// library only writes frames) are passed on as they are rather than held back.
    fn next_frame(&mut self) -> Option<Vec<u8>> {
        let header_end = self.buf.windows(4).position(|w| w == b"\r\n\r\n")?;
        let Ok(body) = framing::content_length(&self.buf[..header_end]) else {
            return Some(std::mem::take(&mut self.buf));
        };
        let end = header_end + 4 + body;
        (self.buf.len() >= end).then(|| self.buf.drain(..end).collect())
    }

    fn rest(self) -> Vec<u8> {
        self.buf
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::ls_types::{
        DiagnosticRelatedInformation, DiagnosticSeverity, Location, Position,
        PublishDiagnosticsParams,
    };

    fn frame(body: &str) -> Vec<u8> {
        format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
    }

    #[test]
    fn splitter_gives_whole_frames_however_the_bytes_arrive() {
        let stream = [frame(r#"{"a":1}"#), frame(r#"{"bb":22}"#)].concat();
        for cut in 0..stream.len() {
            let mut splitter = FrameSplitter::default();
            let mut frames = Vec::new();
            splitter.push(&stream[..cut]);
            frames.extend(std::iter::from_fn(|| splitter.next_frame()));
            splitter.push(&stream[cut..]);
            frames.extend(std::iter::from_fn(|| splitter.next_frame()));
            assert_eq!(frames, [frame(r#"{"a":1}"#), frame(r#"{"bb":22}"#)]);
            assert!(splitter.rest().is_empty());
        }
    }

    fn diagnostic(line: u32, message: &str) -> Diagnostic {
        Diagnostic {
            range: Range::new(Position::new(line, 2), Position::new(line, 9)),
            message: message.into(),
            ..Diagnostic::default()
        }
    }

    fn decode(frame: Vec<u8>) -> serde_json::Value {
        let text = String::from_utf8(frame).unwrap();
        let (header, body) = text.split_once("\r\n\r\n").unwrap();
        assert_eq!(header, format!("Content-Length: {}", body.len()));
        serde_json::from_str(body).unwrap()
    }

    #[test]
    fn diagnostics_are_a_framed_notification_the_client_can_read() {
        let uri: Uri = "file:///desk/story%20one.md".parse().unwrap();
        let diagnostics = vec![
            diagnostic(1, "Who are \"the officials\"?"),
            Diagnostic {
                related_information: Some(vec![DiagnosticRelatedInformation {
                    location: Location::new(uri.clone(), Range::default()),
                    message: "named here".into(),
                }]),
                data: Some(serde_json::json!({"suggestion": "Two officials"})),
                ..diagnostic(3, "Spelt Kellog here")
            },
        ];
        let encoded = EncodedDiagnostics::new(&diagnostics, None).unwrap();
        for version in [Some(7), None] {
            let message = decode(encoded.frame(&uri, version).unwrap());
            assert_eq!(message["jsonrpc"], "2.0");
            assert_eq!(message["method"], "textDocument/publishDiagnostics");
            let decoded: PublishDiagnosticsParams =
                serde_json::from_value(message["params"].clone()).unwrap();
            assert_eq!(
                decoded,
                PublishDiagnosticsParams::new(uri.clone(), diagnostics.clone(), version)
            );
        }
        let empty = EncodedDiagnostics::new(&[], None).unwrap();
        let message = decode(empty.frame(&uri, None).unwrap());
        assert_eq!(message["params"]["diagnostics"], serde_json::json!([]));
    }

    /// Reusing the last publication's encoding must give the bytes a fresh encoding gives,
    /// whatever changed: a message of the same length on the same words included.
    #[test]
    fn reused_encodings_equal_fresh_ones() {
        let uri: Uri = "file:///desk/story.md".parse().unwrap();
        let before = vec![
            diagnostic(0, "Who are the officials?"),
            diagnostic(1, "Who are the analysts?"),
            diagnostic(2, "Who are the officials?"),
            diagnostic(4, "Who are the officials?"),
        ];
        let encoded_before = EncodedDiagnostics::new(&before, None).unwrap();
        let afters = [
            before.clone(),
            vec![before[1].clone(), before[3].clone()],
            vec![
                diagnostic(0, "Who are the officials?"),
                diagnostic(1, "Who are the lawyers??"),
                diagnostic(2, "Who are the officials?"),
                diagnostic(5, "Who are the officials?"),
            ],
            vec![Diagnostic {
                severity: Some(DiagnosticSeverity::HINT),
                ..before[0].clone()
            }],
            Vec::new(),
        ];
        for after in afters {
            let reused = EncodedDiagnostics::new(&after, Some((&before, &encoded_before)));
            let fresh = EncodedDiagnostics::new(&after, None).unwrap();
            assert_eq!(
                reused.unwrap().frame(&uri, Some(2)),
                fresh.frame(&uri, Some(2)),
                "{after:?}"
            );
        }
    }

    #[tokio::test]
    async fn library_and_own_messages_never_interleave() {
        let (mut library_in, library_out) = tokio::io::duplex(16);
        let (outbox, own) = Outbox::new();
        let mut written = Vec::new();
        let library_frames: Vec<Vec<u8>> = (0..20)
            .map(|i| frame(&format!(r#"{{"id":{i},"result":"{}"}}"#, "x".repeat(i * 7))))
            .collect();
        let own_frames: Vec<Vec<u8>> = (0..20)
            .map(|i| frame(&format!(r#"{{"method":"m","n":{i}}}"#)))
            .collect();
        let writer = write(library_out, own, &mut written);
        let feed = async {
            for (library_frame, own_frame) in library_frames.iter().zip(&own_frames) {
                // Small writes, so frames arrive in pieces.
                for piece in library_frame.chunks(5) {
                    library_in.write_all(piece).await.unwrap();
                    tokio::task::yield_now().await;
                }
                outbox.send(own_frame.clone());
            }
            drop(library_in);
        };
        let (written_ok, ()) = tokio::join!(writer, feed);
        written_ok.unwrap();
        let mut splitter = FrameSplitter::default();
        splitter.push(&written);
        let out: Vec<Vec<u8>> = std::iter::from_fn(|| splitter.next_frame()).collect();
        assert_eq!(out.len(), 40);
        let library_order: Vec<&Vec<u8>> =
            out.iter().filter(|f| library_frames.contains(f)).collect();
        let own_order: Vec<&Vec<u8>> = out.iter().filter(|f| own_frames.contains(f)).collect();
        assert_eq!(library_order, library_frames.iter().collect::<Vec<_>>());
        assert_eq!(own_order, own_frames.iter().collect::<Vec<_>>());
    }
}
