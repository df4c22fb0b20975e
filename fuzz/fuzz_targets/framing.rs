//! Any bytes on the language server's stdin, in any chunking: the frame parser never panics
//! and always consumes what it was given.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    copydesk::fuzz_checks::check_framing(data);
});
