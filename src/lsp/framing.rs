//! A filter between the real stdin and the protocol library.
//!
//! tower-lsp-server's reader ends for good on the first frame it cannot decode: one correctly
//! framed body that is not JSON (or JSON that is no JSON-RPC message), or one broken header,
//! and the server stops reading while the editor waits forever. So we read the
//! `Content-Length` frames ourselves, forward only bodies the library will accept, re-framed
//! cleanly, and skip the rest with a line on stderr.

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tower_lsp_server::jsonrpc::{Request, Response};

/// A body larger than this is taken as a corrupt header, not a message to wait for.
const MAX_BODY: usize = 64 * 1024 * 1024;
const HEADER_END: &[u8] = b"\r\n\r\n";
/// Real headers are two short lines; a "header" longer than this without its blank line is a
/// client sending garbage, and waiting for its end would let it grow without bound.
const MAX_HEADER: usize = 8 * 1024;
/// How much of a bad header line a log line quotes.
const QUOTED: usize = 80;
const LENGTH_NAME: &[u8] = b"content-length";

/// What the parser found in the bytes it has.
#[derive(Debug, PartialEq, Eq)]
pub enum Frame {
    /// A body the server can decode.
    Message(Vec<u8>),
    /// Something skipped, with why.
    Skipped(String),
}

/// Incremental frame parser: push bytes as they arrive, pull frames until it needs more.
#[derive(Debug, Default)]
pub struct FrameParser {
    buf: Vec<u8>,
    /// The body length of the frame whose header has been read.
    pending_body: Option<usize>,
    /// How far `buf` has been searched for the end of the header, so bytes arriving one at a
    /// time are not searched again each time (which was quadratic in the header's length).
    searched: usize,
}

impl FrameParser {
    pub fn push(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
    }

    /// The next complete frame, or `None` until more bytes arrive.
    pub fn next_frame(&mut self) -> Option<Frame> {
        if let Some(len) = self.pending_body {
            if self.buf.len() < len {
                return None;
            }
            let body: Vec<u8> = self.buf.drain(..len).collect();
            self.pending_body = None;
            return Some(check_body(body));
        }
        if let Some(skipped) = self.skip_to_header() {
            return Some(skipped);
        }
        let from = self.searched.saturating_sub(HEADER_END.len() - 1);
        let Some(end) = find(&self.buf[from..], HEADER_END).map(|at| from + at) else {
            self.searched = self.buf.len();
            if self.buf.len() > MAX_HEADER {
                let dropped = self.buf.len();
                self.buf.clear();
                self.searched = 0;
                return Some(Frame::Skipped(format!(
                    "a header ran past {MAX_HEADER} bytes without ending; {dropped} bytes skipped"
                )));
            }
            return None;
        };
        self.searched = 0;
        let header: Vec<u8> = self.buf.drain(..end + HEADER_END.len()).collect();
        match content_length(&header[..end]) {
            Ok(len) => {
                self.pending_body = Some(len);
                self.next_frame()
            }
            // The body that may follow is unknown: `skip_to_header` drops it on the next call.
            Err(why) => Some(Frame::Skipped(why)),
        }
    }

    /// Drops bytes before the next thing that looks like a header, so garbage between frames
    /// (or the body of a frame whose header was bad) cannot wedge the reader.
    fn skip_to_header(&mut self) -> Option<Frame> {
        // A header block may begin with Content-Type as well as Content-Length.
        let names = [LENGTH_NAME, b"content-type".as_slice()];
        // Already at a header (the usual case, and the case of a header arriving byte by
        // byte): nothing to search.
        if names.iter().any(|name| {
            self.buf
                .get(..name.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(name))
        }) {
            return None;
        }
        let start = names
            .into_iter()
            .filter_map(|name| find_ignore_case(&self.buf, name))
            .min()
            // Keep a tail that may be the start of a split header name.
            .unwrap_or_else(|| self.buf.len().saturating_sub(LENGTH_NAME.len()));
        if start == 0 {
            return None;
        }
        self.searched = 0;
        let dropped: Vec<u8> = self.buf.drain(..start).collect();
        if dropped_is_noise(&dropped) {
            return None;
        }
        Some(Frame::Skipped(format!(
            "{} bytes of non-frame data skipped",
            dropped.len()
        )))
    }
}

/// Blank lines between frames are harmless and not worth a log line.
fn dropped_is_noise(bytes: &[u8]) -> bool {
    bytes.iter().all(u8::is_ascii_whitespace)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn find_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

pub(super) fn content_length(header: &[u8]) -> Result<usize, String> {
    let text = String::from_utf8_lossy(header);
    for line in text.split("\r\n") {
        let Some((name, value)) = line.split_once(':') else {
            return Err(format!(
                "malformed header line {}; frame skipped",
                quoted(line)
            ));
        };
        if name.trim().eq_ignore_ascii_case("content-length") {
            return match value.trim().parse::<usize>() {
                Ok(len) if len <= MAX_BODY => Ok(len),
                _ => Err(format!(
                    "bad Content-Length {}; frame skipped",
                    quoted(value.trim())
                )),
            };
        }
    }
    Err("header without Content-Length; frame skipped".into())
}

/// The start of `text` for a log line: a hostile client decides what the header says.
fn quoted(text: &str) -> String {
    let cut = text
        .char_indices()
        .nth(QUOTED)
        .map_or(text.len(), |(i, _)| i);
    let mut shown = format!("{:?}", &text[..cut]);
    if cut < text.len() {
        shown.push_str(&format!(" (and {} more bytes)", text.len() - cut));
    }
    shown
}

/// Forwards only what tower-lsp-server decodes: a JSON-RPC request, notification or response.
fn check_body(body: Vec<u8>) -> Frame {
    if serde_json::from_slice::<serde_json::Value>(&body).is_err() {
        return Frame::Skipped(format!("{}-byte body is not JSON; skipped", body.len()));
    }
    if serde_json::from_slice::<Request>(&body).is_ok()
        || serde_json::from_slice::<Response>(&body).is_ok()
    {
        Frame::Message(body)
    } else {
        Frame::Skipped(format!(
            "{}-byte body is JSON but not a JSON-RPC message; skipped",
            body.len()
        ))
    }
}

/// Copies frames from `input` to `output` until `input` ends, logging what it skips.
pub async fn pump<R, W>(mut input: R, mut output: W) -> std::io::Result<()>
where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut parser = FrameParser::default();
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        let n = input.read(&mut chunk).await?;
        if n == 0 {
            break;
        }
        parser.push(&chunk[..n]);
        while let Some(frame) = parser.next_frame() {
            match frame {
                Frame::Message(body) => {
                    let header = format!("Content-Length: {}\r\n\r\n", body.len());
                    output.write_all(header.as_bytes()).await?;
                    output.write_all(&body).await?;
                    output.flush().await?;
                }
                Frame::Skipped(why) => super::log(&format!("input: {why}")),
            }
        }
    }
    output.shutdown().await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(body: &str) -> Vec<u8> {
        format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
    }

    const PING: &str = r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#;

    fn frames(input: &[u8]) -> Vec<Frame> {
        let mut parser = FrameParser::default();
        parser.push(input);
        std::iter::from_fn(|| parser.next_frame()).collect()
    }

    #[test]
    fn valid_frames_pass_even_when_split_byte_by_byte() {
        let input = [frame(PING), frame(PING)].concat();
        let mut parser = FrameParser::default();
        let mut out = Vec::new();
        for byte in input {
            parser.push(&[byte]);
            while let Some(f) = parser.next_frame() {
                out.push(f);
            }
        }
        assert_eq!(
            out,
            vec![Frame::Message(PING.into()), Frame::Message(PING.into())]
        );
    }

    #[test]
    fn non_json_body_is_skipped_and_the_next_frame_survives() {
        let input = [frame("{not json"), frame(PING)].concat();
        let got = frames(&input);
        assert!(matches!(&got[0], Frame::Skipped(why) if why.contains("not JSON")));
        assert_eq!(got[1], Frame::Message(PING.into()));
    }

    #[test]
    fn json_that_is_no_message_is_skipped() {
        let input = [
            frame("[1,2]"),
            frame(r#"{"id":{},"method":"x"}"#),
            frame(PING),
        ]
        .concat();
        let got = frames(&input);
        assert_eq!(got.len(), 3);
        assert!(got[..2].iter().all(|f| matches!(f, Frame::Skipped(_))));
        assert_eq!(got[2], Frame::Message(PING.into()));
    }

    #[test]
    fn bad_headers_skip_to_the_next_header_block() {
        let input = [
            b"Content-Length: banana\r\n\r\n{\"a\":1}".to_vec(),
            b"garbage line\r\n\r\n".to_vec(),
            frame(PING),
        ]
        .concat();
        let got = frames(&input);
        assert_eq!(got.last(), Some(&Frame::Message(PING.into())));
        assert!(got[..got.len() - 1]
            .iter()
            .all(|f| matches!(f, Frame::Skipped(_))));
    }

    #[test]
    fn content_type_and_lowercase_names_are_accepted() {
        let input = format!(
            "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: {}\r\n\r\n{PING}",
            PING.len()
        );
        assert_eq!(frames(input.as_bytes()), vec![Frame::Message(PING.into())]);
    }

    #[test]
    fn absurd_length_is_a_bad_header_not_a_wait() {
        let input = [b"Content-Length: 99999999999\r\n\r\n".to_vec(), frame(PING)].concat();
        let got = frames(&input);
        assert_eq!(got.last(), Some(&Frame::Message(PING.into())));
    }

    #[test]
    fn an_endless_header_is_dropped_not_kept_and_the_next_frame_survives() {
        let mut parser = FrameParser::default();
        parser.push(b"Content-Length: 12");
        let mut skipped = 0;
        for _ in 0..10_000 {
            parser.push(b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
            while let Some(frame) = parser.next_frame() {
                assert!(
                    matches!(&frame, Frame::Skipped(why) if why.len() < 200),
                    "{frame:?}"
                );
                skipped += 1;
            }
            assert!(parser.buf.len() <= MAX_HEADER + 100);
        }
        assert!(skipped > 0);
        parser.push(b"\r\n\r\n");
        parser.push(&frame(PING));
        let rest: Vec<Frame> = std::iter::from_fn(|| parser.next_frame()).collect();
        assert_eq!(rest.last(), Some(&Frame::Message(PING.into())));
    }

    #[test]
    fn a_long_bad_header_line_is_quoted_short() {
        let long = format!("Content-Length: 5\r\nX{}\r\n\r\n", "y".repeat(5000));
        let got = frames(long.as_bytes());
        assert!(
            got.iter()
                .all(|f| matches!(f, Frame::Skipped(why) if why.len() < 300)),
            "{got:?}"
        );
    }

    #[test]
    fn multibyte_bodies_are_counted_in_bytes() {
        let body = r#"{"jsonrpc":"2.0","method":"x","params":{"t":"東京😀"}}"#;
        assert_eq!(frames(&frame(body)), vec![Frame::Message(body.into())]);
    }
}
