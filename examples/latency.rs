//! Keystroke latency on a book-length manuscript: rope edit, then a full analysis.
//!
//! Not a test (speed assertions never go in tests). Run with
//! `cargo run --release --example latency [edits] [analyses]`.
//!
//! The language server's document model lives in the binary, so its modules are compiled in
//! here by path: the harness measures the very code the server runs.

#[allow(dead_code)]
#[path = "../src/lsp/document.rs"]
mod document;
#[allow(dead_code)]
#[path = "../src/lsp/encoding.rs"]
mod encoding;

use copydesk_core::{Config, Engine, SourceFormat};
use document::Document;
use encoding::{span_to_range, Encoding};
use std::time::{Duration, Instant};
use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent};

/// A small deterministic generator, so every run edits the same manuscript the same way.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const SUBJECTS: &[&str] = &[
    "The council",
    "A senior official",
    "Two people familiar with the talks",
    "The minister",
    "Harbour workers",
    "Investigators",
    "The company",
    "Residents",
    "Mayor Lena Brandt",
    "Brandt",
    "An aide who asked not to be named",
    "Critics",
    "The union",
];
const VERBS: &[&str] = &[
    "said",
    "told reporters",
    "argued",
    "warned",
    "confirmed",
    "denied",
    "is expected to say",
    "wrote in a statement",
];
const CLAIMS: &[&str] = &[
    "the budget would be cut by a third",
    "the vote had been delayed until spring",
    "no decision had been taken",
    "the ferry service would resume on Monday",
    "the report was deeply flawed",
    "talks with the port authority had collapsed",
    "hundreds of jobs were at risk",
    "the plan was widely seen as a mistake",
    "the inquiry would publish its findings in 東京 next month",
];

fn manuscript(target_bytes: usize) -> String {
    let mut rng = Rng(0x00c0_ffee_1234_5678);
    let mut text = String::with_capacity(target_bytes + 1024);
    let mut chapter = 0;
    while text.len() < target_bytes {
        if rng.next().is_multiple_of(60) {
            chapter += 1;
            text.push_str(&format!("Chapter {chapter}\n\n"));
        }
        let sentences = 2 + rng.next() % 4;
        for _ in 0..sentences {
            let quoted = rng.next().is_multiple_of(5);
            let claim = rng.pick(CLAIMS);
            let sentence = if quoted {
                format!(
                    "\u{201c}{claim},\u{201d} {} {}. ",
                    rng.pick(SUBJECTS),
                    rng.pick(VERBS)
                )
            } else {
                format!("{} {} {claim}. ", rng.pick(SUBJECTS), rng.pick(VERBS))
            };
            text.push_str(&sentence);
        }
        // Mixed line ends and the odd emoji, as pasted copy has.
        text.push_str(match rng.next() % 10 {
            0 => "😀\r\n\r\n",
            1 => "\r\n\r\n",
            _ => "\n\n",
        });
    }
    text
}

fn percentiles(label: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let at = |p: f64| samples[((samples.len() - 1) as f64 * p).round() as usize];
    println!(
        "{label:<28} n={:<5} p50={:>10.3?} p90={:>10.3?} p99={:>10.3?} max={:>10.3?}",
        samples.len(),
        at(0.50),
        at(0.90),
        at(0.99),
        at(1.0)
    );
}

fn main() {
    let mut args = std::env::args().skip(1);
    let edits: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(2000);
    let analyses: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(20);

    let text = manuscript(1_000_000);
    let mut doc = Document::new(&text, 1, SourceFormat::PlainText);
    println!(
        "manuscript: {} bytes, {} lines, {} words",
        text.len(),
        doc.rope.len_lines(),
        text.split_whitespace().count()
    );

    let started = Instant::now();
    let engine = Engine::new(Config::default());
    println!("engine build: {:.3?}", started.elapsed());

    let mut rng = Rng(42);
    let mut edit_times = Vec::with_capacity(edits);
    for i in 0..edits {
        let line = (rng.next() % doc.rope.len_lines() as u64) as u32;
        let character = (rng.next() % 120) as u32; // often past the line end: clamps
        let position = Position::new(line, character);
        let change = TextDocumentContentChangeEvent {
            range: Some(Range::new(position, position)),
            range_length: None,
            text: if i % 7 == 0 { "é".into() } else { "x".into() },
        };
        let t = Instant::now();
        doc.apply_changes(i as i32 + 2, &[change], Encoding::Utf16)
            .expect("versions increase");
        edit_times.push(t.elapsed());
    }

    let mut snapshot_times = Vec::new();
    let mut analyze_times = Vec::new();
    let mut convert_times = Vec::new();
    let mut findings = 0;
    for _ in 0..analyses {
        let t = Instant::now();
        let current = doc.rope.to_string();
        snapshot_times.push(t.elapsed());
        let t = Instant::now();
        let found = engine.analyze(&current, doc.format);
        analyze_times.push(t.elapsed());
        let t = Instant::now();
        for finding in &found {
            std::hint::black_box(span_to_range(&doc.rope, finding.span(), Encoding::Utf16));
        }
        convert_times.push(t.elapsed());
        findings = found.len();
    }

    println!("findings on the edited manuscript: {findings}");
    percentiles("rope edit (one keystroke)", edit_times);
    percentiles("rope to string", snapshot_times);
    percentiles("engine analysis", analyze_times);
    percentiles("span to range, all findings", convert_times);
}
