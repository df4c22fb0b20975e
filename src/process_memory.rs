//! How the front ends' process hands memory back to the system. Large blocks only: the binary's
//! allocator (`allocator`) gives blocks up to 64 KiB to mimalloc and larger ones to the system
//! allocator set up here.
//!
//! glibc's allocator serves a large request from its own heap once a block that size has been
//! freed, and keeps that heap's freed pages: after one long story the process stays as large as
//! its peak, and its peak counts the dead blocks beside the live ones (a 10 MB story of nested
//! quotes peaked 13 MiB higher, one with a source every 19 bytes 25 MiB higher). A language
//! server lives for a whole editing session, and a CI run checks many stories in one process,
//! so large blocks are always mapped on their own and unmapped when freed.

/// Blocks this large or larger get a mapping of their own, always (glibc starts at 128 KiB and
/// raises the threshold to each mapped block freed, up to 32 MiB). Past what an everyday
/// story's tables need, so keystrokes on a 150,000-word manuscript cost what they did; a
/// 128 KiB threshold returned no more memory on the pathological stories.
const OWN_MAPPING_FROM: usize = 4 * 1024 * 1024;

/// Asks the allocator to return large freed blocks to the system at once. Call it first thing
/// in `main`, before any large allocation; elsewhere than glibc it does nothing.
pub fn return_large_blocks_to_the_system() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: `mallopt` only sets an allocator parameter; it is called before other
        // threads exist. A refusal (return value 0) leaves the default behaviour, which is
        // still correct, only larger.
        let threshold = libc::c_int::try_from(OWN_MAPPING_FROM).unwrap_or(libc::c_int::MAX);
        unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, threshold);
        }
    }
}
