//! Any story, in either format: the engine must not panic, and every finding must point at
//! real characters of the story, in order.
#![no_main]

use copydesk_core::{Config, Engine, SourceFormat};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fuzz_target!(|data: &[u8]| {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    let engine = ENGINE.get_or_init(|| Engine::new(Config::default()));
    let Ok(story) = std::str::from_utf8(data) else {
        return;
    };
    for format in [SourceFormat::Markdown, SourceFormat::PlainText] {
        let findings = engine.analyze(story, format);
        copydesk::fuzz_checks::assert_findings_well_formed(story, &findings);
    }
});
