//! copydesk's engine for the browser.
//!
//! The page (`web/`) loads this crate as a `.wasm` module and talks to it through a small C ABI
//! instead of wasm-bindgen: the page copies a UTF-8 buffer into the module's memory
//! (`copydesk_alloc`), calls `copydesk_analyse` or `copydesk_rules`, and reads the JSON answer
//! from `copydesk_output_ptr`/`copydesk_output_len`. That keeps the toolchain to a plain
//! `cargo build` and the glue to a few lines of JavaScript (`web/copydesk.js`).
//!
//! The answer carries every span twice: in UTF-8 bytes, as `copydesk check --format json`
//! prints them, and in UTF-16 code units, which is how JavaScript strings are indexed.

use copydesk_core::config::{self, HousePreset};
use copydesk_core::ledger;
use copydesk_core::{rules, Category, Config, Engine, SourceFormat, Span};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::path::Path;

/// What the page may set for one analysis. Unknown keys are rejected so a typo in the page
/// shows up as an error rather than a silently ignored setting.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Options {
    /// `"markdown"` (the default) or `"plaintext"`.
    pub format: Option<String>,
    /// A house preset (`ap`, `reuters`, `nyt`, `bbc`, `none`), used when `config` is absent.
    pub preset: Option<String>,
    /// The text of a `.copydesk.toml`, for a desk that pastes its own configuration.
    pub config: Option<String>,
}

/// The configuration and format `options` ask for, or a message for the reader.
fn read_options(options: &str) -> Result<(Config, SourceFormat), String> {
    let options: Options = if options.trim().is_empty() {
        Options::default()
    } else {
        serde_json::from_str(options).map_err(|e| format!("options: {e}"))?
    };
    let format = match options.format.as_deref() {
        None | Some("markdown") => SourceFormat::Markdown,
        Some("plaintext") => SourceFormat::PlainText,
        Some(other) => {
            return Err(format!(
                "unknown format `{other}`; expected markdown or plaintext"
            ))
        }
    };
    let config = match (options.config.as_deref(), options.preset.as_deref()) {
        (Some(text), _) if !text.trim().is_empty() => {
            config::from_toml(text, Path::new(config::FILE_NAME)).map_err(|e| e.to_string())?
        }
        (_, Some(name)) => {
            let preset = HousePreset::parse(name).ok_or_else(|| {
                format!("unknown preset `{name}`; expected ap, reuters, nyt, bbc or none")
            })?;
            Config::for_preset(preset)
        }
        _ => Config::default(),
    };
    Ok((config, format))
}

/// A span in both units the page needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Place {
    /// UTF-8 bytes of the text as given, end exclusive (what the CLI's JSON reports).
    pub span: Span,
    /// UTF-16 code units, end exclusive: `text.slice(start, end)` in JavaScript.
    pub utf16: Span,
}

/// Byte offsets to UTF-16 offsets for one text, computed in a single pass over it.
struct Utf16Map {
    /// Sorted byte offsets with their UTF-16 offsets.
    table: Vec<(usize, usize)>,
}

impl Utf16Map {
    /// An offset inside a character maps to the start of that character; past the end, to
    /// the end, so a stray span can never index outside the JavaScript string.
    fn new(text: &str, mut offsets: Vec<usize>) -> Utf16Map {
        offsets.sort_unstable();
        offsets.dedup();
        let mut table = Vec::with_capacity(offsets.len());
        let mut chars = text.char_indices().peekable();
        let mut units = 0;
        for offset in offsets {
            while let Some(&(start, c)) = chars.peek() {
                if start + c.len_utf8() > offset {
                    break;
                }
                units += c.len_utf16();
                chars.next();
            }
            table.push((offset, units));
        }
        Utf16Map { table }
    }

    fn units(&self, offset: usize) -> usize {
        match self.table.binary_search_by_key(&offset, |&(byte, _)| byte) {
            Ok(i) => self.table[i].1,
            // Every offset the answer uses was registered; this keeps a miss harmless.
            Err(i) => i.checked_sub(1).map_or(0, |i| self.table[i].1),
        }
    }

    fn place(&self, span: Span) -> Place {
        Place {
            span,
            utf16: Span::new(self.units(span.start), self.units(span.end)),
        }
    }
}

#[derive(Serialize)]
struct RelatedOut<'a> {
    message: &'a str,
    #[serde(flatten)]
    place: Place,
}

#[derive(Serialize)]
struct FindingOut<'a> {
    rule: &'a str,
    category: Category,
    severity: rules::Severity,
    message: &'a str,
    #[serde(flatten)]
    place: Place,
    related: Vec<RelatedOut<'a>>,
    suggestion: Option<&'a str>,
}

#[derive(Serialize)]
struct MentionOut<'a> {
    text: &'a str,
    #[serde(flatten)]
    place: Place,
}

#[derive(Serialize)]
struct IssueOut<'a> {
    rule: &'a str,
    severity: rules::Severity,
    message: &'a str,
}

/// One unnamed source of the story: its first description, every later reference to it and
/// what the sourcing rules say about it.
#[derive(Serialize)]
struct SourceOut<'a> {
    text: &'a str,
    /// What the ledger says of the source: count, reason for anonymity, basis.
    description: String,
    #[serde(flatten)]
    place: Place,
    mentions: Vec<MentionOut<'a>>,
    issues: Vec<IssueOut<'a>>,
}

#[derive(Serialize)]
struct AnalysisOut<'a> {
    findings: Vec<FindingOut<'a>>,
    sources: Vec<SourceOut<'a>>,
}

/// What the ledger says of one unnamed source, in a line: how many people, whether and how the
/// story explains the anonymity, and how the source knows.
fn describe(source: &ledger::Source, text: &str) -> String {
    let who = match (source.count, source.plural) {
        (Some(1), _) => "One person".to_string(),
        (Some(n), _) => format!("{n} people"),
        (None, true) => "A group of uncounted size".to_string(),
        (None, false) => "One person".to_string(),
    };
    // Worded as the terminal and hover cards word it.
    let reason = match source.reason {
        Some(reason) => format!("reason for anonymity: {}", reason.kind.label()),
        None => "no reason for anonymity is given".to_string(),
    };
    let basis = match source.basis {
        Some(span) => format!("how they know: \"{}\"", span.text(text)),
        None => "the story does not say how they know".to_string(),
    };
    format!("{who}; {reason}; {basis}.")
}

/// Analyses `text` with `options` (JSON, see [`Options`]) and answers with the findings and the
/// story's unnamed sources as JSON.
pub fn analyse_json(text: &str, options: &str) -> Result<String, String> {
    let (config, format) = read_options(options)?;
    let analysis = Engine::new(config).check(text, format);
    let findings = analysis.findings;
    // The page lists the story's unnamed sources as the engine's ledger groups them.
    let unnamed: Vec<&ledger::Source> = analysis
        .ledger
        .sources
        .iter()
        .filter(|s| s.is_unnamed())
        .collect();

    let offsets = findings
        .iter()
        .flat_map(|f| std::iter::once(f.span()).chain(f.related().iter().map(|r| r.span)))
        .chain(unnamed.iter().flat_map(|s| s.mentions.iter().copied()))
        .flat_map(|s| [s.start, s.end])
        .collect();
    let map = Utf16Map::new(text, offsets);

    let findings_out = findings
        .iter()
        .map(|f| FindingOut {
            rule: f.rule.as_str(),
            category: f.category,
            severity: f.severity,
            message: f.message(),
            place: map.place(f.span()),
            related: f
                .related()
                .iter()
                .map(|r| RelatedOut {
                    message: &r.message,
                    place: map.place(r.span),
                })
                .collect(),
            suggestion: f.suggestion(),
        })
        .collect();
    let sources = unnamed
        .iter()
        .filter_map(|source| {
            let first = source.first_mention()?;
            Some(SourceOut {
                text: first.text(text),
                description: describe(source, text),
                place: map.place(first),
                mentions: source
                    .mentions
                    .iter()
                    .map(|&m| MentionOut {
                        text: m.text(text),
                        place: map.place(m),
                    })
                    .collect(),
                // The source's one finding sits on one of its mentions.
                issues: findings
                    .iter()
                    .filter(|f| {
                        f.category == Category::AnonymousSource
                            && source.mentions.contains(&f.span())
                    })
                    .map(|f| IssueOut {
                        rule: f.rule.as_str(),
                        severity: f.severity,
                        message: f.message(),
                    })
                    .collect(),
            })
        })
        .collect();
    serde_json::to_string(&AnalysisOut {
        findings: findings_out,
        sources,
    })
    .map_err(|e| e.to_string())
}

#[derive(Serialize)]
struct RuleOut {
    id: &'static str,
    category: Category,
    severity: rules::Severity,
    summary: &'static str,
    explanation: &'static str,
    wrong: &'static str,
    right: &'static str,
}

/// Every rule's documentation, as `copydesk explain` shows it, for hover explanations.
pub fn rules_json() -> String {
    let all: Vec<RuleOut> = rules::all()
        .map(|rule| RuleOut {
            id: rule.id,
            category: rule.category,
            severity: rule.default_severity,
            summary: rule.summary,
            explanation: rule.explanation,
            wrong: rule.wrong,
            right: rule.right,
        })
        .collect();
    serde_json::to_string(&all).unwrap_or_else(|_| "[]".to_string())
}

// --- The C ABI the page calls. -------------------------------------------------------------

thread_local! {
    /// The last answer, kept until the next call so the page can copy it out.
    static OUTPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

fn set_output(json: String) {
    OUTPUT.with(|out| *out.borrow_mut() = json.into_bytes());
}

/// Reserves `len` bytes for the page to write into; release them with `copydesk_free`.
#[no_mangle]
pub extern "C" fn copydesk_alloc(len: usize) -> *mut u8 {
    let mut buffer = Vec::<u8>::with_capacity(len);
    let ptr = buffer.as_mut_ptr();
    std::mem::forget(buffer);
    ptr
}

/// Releases a buffer from `copydesk_alloc`.
///
/// # Safety
/// `ptr` and `len` must be exactly what one `copydesk_alloc` call returned and was given, and
/// the buffer must not be used afterwards.
#[no_mangle]
pub unsafe extern "C" fn copydesk_free(ptr: *mut u8, len: usize) {
    if !ptr.is_null() {
        drop(Vec::from_raw_parts(ptr, 0, len));
    }
}

/// # Safety
/// `ptr..ptr + len` must be readable memory of this module (a `copydesk_alloc` buffer).
unsafe fn read_str<'a>(ptr: *const u8, len: usize, what: &str) -> Result<&'a str, String> {
    if len == 0 {
        return Ok("");
    }
    if ptr.is_null() {
        return Err(format!("{what}: null buffer"));
    }
    std::str::from_utf8(std::slice::from_raw_parts(ptr, len))
        .map_err(|e| format!("{what} is not UTF-8: {e}"))
}

/// Analyses the story in `text` with the JSON `options`; the answer (or `{"error": …}`) is
/// left in the output buffer. Returns 0 on success, 1 on an error.
///
/// # Safety
/// Both buffers must be `copydesk_alloc` buffers holding at least the given lengths.
#[no_mangle]
pub unsafe extern "C" fn copydesk_analyse(
    text_ptr: *const u8,
    text_len: usize,
    options_ptr: *const u8,
    options_len: usize,
) -> u32 {
    let result = read_str(text_ptr, text_len, "story").and_then(|text| {
        read_str(options_ptr, options_len, "options").and_then(|o| analyse_json(text, o))
    });
    match result {
        Ok(json) => {
            set_output(json);
            0
        }
        Err(message) => {
            set_output(serde_json::json!({ "error": message }).to_string());
            1
        }
    }
}

/// Leaves every rule's documentation (JSON) in the output buffer.
#[no_mangle]
pub extern "C" fn copydesk_rules() -> u32 {
    set_output(rules_json());
    0
}

#[no_mangle]
pub extern "C" fn copydesk_output_ptr() -> *const u8 {
    OUTPUT.with(|out| out.borrow().as_ptr())
}

#[no_mangle]
pub extern "C" fn copydesk_output_len() -> usize {
    OUTPUT.with(|out| out.borrow().len())
}

#[cfg(test)]
mod tests;
