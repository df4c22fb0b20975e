//! Any `.copydesk.toml`: reading it gives a configuration or an error, and an engine built
//! from an accepted one runs.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        copydesk::fuzz_checks::check_config_text(text);
    }
});
