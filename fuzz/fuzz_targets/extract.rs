//! Markdown and plain-text extraction: the prose copy keeps the story's length and character
//! boundaries, which every span in copydesk relies on.
#![no_main]

use copydesk_core::text::extract::extract;
use copydesk_core::SourceFormat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(story) = std::str::from_utf8(data) else {
        return;
    };
    for format in [SourceFormat::Markdown, SourceFormat::PlainText] {
        let extracted = extract(story, format);
        copydesk::fuzz_checks::assert_extraction_well_formed(story, &extracted);
    }
});
