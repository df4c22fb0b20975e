//! A tower layer that turns a panicking handler into a logged error instead of a dead server,
//! and mends two silences of the protocol library.
//!
//! tower-lsp-server polls handler futures inside its own `serve` future, so a panic in any
//! handler unwinds through the whole server and the editor loses its checker mid-story. It also
//! answers nothing to a `$/…` request it does not know (the specification wants MethodNotFound,
//! or the client waits for ever) and drops a notification whose parameters do not decode
//! without a word, which leaves a desynchronised editor impossible to diagnose.

use futures::future::{BoxFuture, FutureExt};
use std::panic::AssertUnwindSafe;
use std::task::{Context, Poll};
use tower::Service;
use tower_lsp_server::jsonrpc::{Error, Request, Response};

pub struct CatchPanic<S> {
    inner: S,
}

impl<S> CatchPanic<S> {
    pub fn new(inner: S) -> Self {
        CatchPanic { inner }
    }
}

impl<S> Service<Request> for CatchPanic<S>
where
    S: Service<Request, Response = Option<Response>>,
    S::Future: Send + 'static,
    S::Error: Send + 'static,
{
    type Response = Option<Response>;
    type Error = S::Error;
    type Future = BoxFuture<'static, Result<Option<Response>, S::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Self::Future {
        let id = request.id().cloned();
        let method = request.method().to_owned();
        if let (Some(id), true) = (&id, method.starts_with("$/")) {
            super::log(&format!("request {method} is not supported"));
            let mut error = Error::method_not_found();
            error.data = Some(method.into());
            return futures::future::ready(Ok(Some(Response::from_error(id.clone(), error))))
                .boxed();
        }
        if id.is_none() {
            if let Some(why) = undecodable_notification(&method, request.params()) {
                super::log(&format!("notification {method} ignored: {why}"));
            }
        }
        let answer_with_error = move || {
            super::log(&format!(
                "handler for {method} panicked; the server carries on"
            ));
            Ok(id.map(|id| Response::from_error(id, Error::internal_error())))
        };
        // Parameters are decoded inside `call`, so it is guarded as well as the future.
        let future = match std::panic::catch_unwind(AssertUnwindSafe(|| self.inner.call(request))) {
            Ok(future) => future,
            Err(_) => return futures::future::ready(answer_with_error()).boxed(),
        };
        async move {
            match AssertUnwindSafe(future).catch_unwind().await {
                Ok(result) => result,
                Err(_) => answer_with_error(),
            }
        }
        .boxed()
    }
}

/// Why the parameters of a notification the server handles do not decode, if they do not.
fn undecodable_notification(method: &str, params: Option<&serde_json::Value>) -> Option<String> {
    use serde::Deserialize;
    use tower_lsp_server::ls_types::*;
    fn check<'a, T: Deserialize<'a>>(params: Option<&'a serde_json::Value>) -> Option<String> {
        let params = params?;
        T::deserialize(params).err().map(|error| error.to_string())
    }
    let missing = || Some("the params field is missing".to_string());
    let needs_params = matches!(
        method,
        "textDocument/didOpen"
            | "textDocument/didChange"
            | "textDocument/didSave"
            | "textDocument/didClose"
            | "workspace/didChangeConfiguration"
            | "workspace/didChangeWatchedFiles"
    );
    if needs_params && params.is_none() {
        return missing();
    }
    match method {
        "textDocument/didOpen" => check::<DidOpenTextDocumentParams>(params),
        "textDocument/didChange" => check::<DidChangeTextDocumentParams>(params),
        "textDocument/didSave" => check::<DidSaveTextDocumentParams>(params),
        "textDocument/didClose" => check::<DidCloseTextDocumentParams>(params),
        "workspace/didChangeConfiguration" => check::<DidChangeConfigurationParams>(params),
        "workspace/didChangeWatchedFiles" => check::<DidChangeWatchedFilesParams>(params),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tower_lsp_server::ls_types::{InitializeParams, InitializeResult};
    use tower_lsp_server::{LanguageServer, LspService, Server};

    struct Fragile;

    impl LanguageServer for Fragile {
        async fn initialize(
            &self,
            _: InitializeParams,
        ) -> tower_lsp_server::jsonrpc::Result<InitializeResult> {
            Ok(InitializeResult::default())
        }
        async fn shutdown(&self) -> tower_lsp_server::jsonrpc::Result<()> {
            Ok(())
        }
    }

    impl Fragile {
        async fn explode(&self) -> tower_lsp_server::jsonrpc::Result<Value> {
            panic!("a bug in a handler")
        }
        async fn ping(&self) -> tower_lsp_server::jsonrpc::Result<Value> {
            Ok(json!("pong"))
        }
    }

    fn frame(value: Value) -> Vec<u8> {
        let body = value.to_string();
        format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
    }

    /// Reads frames from `out` until one answers `id`.
    async fn answer(out: &mut tokio::io::DuplexStream, buf: &mut Vec<u8>, id: i64) -> Value {
        loop {
            while let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                let header = String::from_utf8_lossy(&buf[..end]).to_string();
                let len: usize = header
                    .trim_start_matches("Content-Length: ")
                    .parse()
                    .unwrap();
                if buf.len() < end + 4 + len {
                    break;
                }
                let body: Vec<u8> = buf.drain(..end + 4 + len).skip(end + 4).collect();
                let value: Value = serde_json::from_slice(&body).unwrap();
                if value["id"] == json!(id) {
                    return value;
                }
            }
            let mut chunk = [0u8; 4096];
            let n = out.read(&mut chunk).await.unwrap();
            assert!(n > 0, "server closed its output before answering {id}");
            buf.extend_from_slice(&chunk[..n]);
        }
    }

    /// Without the guard this test's server dies at `explode` and `ping` never gets an answer.
    #[tokio::test]
    async fn a_panicking_request_gets_an_error_and_the_server_lives_on() {
        let (service, socket) = LspService::build(|_| Fragile)
            .custom_method("test/explode", Fragile::explode)
            .custom_method("test/ping", Fragile::ping)
            .finish();
        let (mut client_in, server_in) = tokio::io::duplex(1 << 16);
        let (server_out, mut client_out) = tokio::io::duplex(1 << 16);
        let server = tokio::spawn(
            Server::new(server_in, server_out, socket).serve(CatchPanic::new(service)),
        );
        let mut buf = Vec::new();
        let init =
            json!({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}});
        client_in.write_all(&frame(init)).await.unwrap();
        answer(&mut client_out, &mut buf, 1).await;
        let explode = json!({"jsonrpc":"2.0","id":2,"method":"test/explode"});
        let ping = json!({"jsonrpc":"2.0","id":3,"method":"test/ping"});
        client_in
            .write_all(&[frame(explode), frame(ping)].concat())
            .await
            .unwrap();
        let failed = tokio::time::timeout(
            std::time::Duration::from_secs(30),
            answer(&mut client_out, &mut buf, 2),
        )
        .await
        .expect("no answer to the panicking request");
        assert_eq!(failed["error"]["code"], json!(-32603));
        let pong = tokio::time::timeout(
            std::time::Duration::from_secs(30),
            answer(&mut client_out, &mut buf, 3),
        )
        .await
        .expect("server died after a panic");
        assert_eq!(pong["result"], json!("pong"));
        drop(client_in);
        server.await.unwrap();
    }
}
