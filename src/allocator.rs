//! The binary's allocator: mimalloc for small blocks, the system's allocator for large ones.
//!
//! An analysis makes and frees many small blocks (a keystroke's words, spans, tables and
//! messages): mimalloc serves them in far fewer instructions than glibc. Large blocks (the
//! tables of a manuscript or an archive file) stay with the system allocator, which maps them
//! on their own and gives them back when freed (`process_memory`): mimalloc alone made a
//! 10 MB story's keystrokes slower and its process a fifth larger.
//!
//! Which allocator owns a block follows from its size alone: Rust frees and resizes a block
//! with the layout it was made with, so no lookup is needed.

use std::alloc::{GlobalAlloc, Layout, System};

/// Blocks up to this size come from mimalloc, larger ones from the system.
pub const SMALL_UP_TO: usize = 64 * 1024;

/// mimalloc below [`SMALL_UP_TO`], the system's allocator above it.
pub struct SplitBySize;

fn is_small(size: usize) -> bool {
    size <= SMALL_UP_TO
}

// SAFETY: every block is made, resized and freed by the allocator its size names, and a
// block whose size crosses the boundary is copied into a block of the other allocator.
unsafe impl GlobalAlloc for SplitBySize {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        unsafe {
            if is_small(layout.size()) {
                mimalloc::MiMalloc.alloc(layout)
            } else {
                System.alloc(layout)
            }
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        unsafe {
            if is_small(layout.size()) {
                mimalloc::MiMalloc.alloc_zeroed(layout)
            } else {
                System.alloc_zeroed(layout)
            }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `layout` is the one the block was made with, so its size names the owner.
        unsafe {
            if is_small(layout.size()) {
                mimalloc::MiMalloc.dealloc(ptr, layout)
            } else {
                System.dealloc(ptr, layout)
            }
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as for `dealloc`; `new_size` rounded up to the alignment fits in an isize
        // (the caller's contract), so the new layout is valid. A block moving between the
        // allocators is copied up to the smaller size and the old one freed only once the new
        // one exists, as `realloc` must leave the old block alone when it fails.
        unsafe {
            match (is_small(layout.size()), is_small(new_size)) {
                (true, true) => mimalloc::MiMalloc.realloc(ptr, layout, new_size),
                (false, false) => System.realloc(ptr, layout, new_size),
                _ => {
                    let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
                    let new = self.alloc(new_layout);
                    if !new.is_null() {
                        std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                        self.dealloc(ptr, layout);
                    }
                    new
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{SplitBySize, SMALL_UP_TO};
    use std::alloc::{GlobalAlloc, Layout};

    /// Fills a block with a pattern that shows where each byte came from.
    fn fill(ptr: *mut u8, len: usize) {
        for i in 0..len {
            // SAFETY: `ptr` points to a live block of at least `len` bytes.
            unsafe { ptr.add(i).write((i % 251) as u8) };
        }
    }

    fn holds_pattern(ptr: *const u8, len: usize) -> bool {
        // SAFETY: `ptr` points to a live block of at least `len` bytes.
        (0..len).all(|i| unsafe { ptr.add(i).read() } == (i % 251) as u8)
    }

    #[test]
    fn blocks_keep_their_bytes_when_resized_across_the_boundary() {
        let allocator = SplitBySize;
        // Small to large, large to larger, large to small, small to smaller, each way with an
        // alignment above the default.
        for align in [8, 64] {
            let sizes = [
                100,
                SMALL_UP_TO,
                SMALL_UP_TO + 1,
                3 * SMALL_UP_TO,
                SMALL_UP_TO,
                40,
            ];
            let mut layout = Layout::from_size_align(sizes[0], align).unwrap();
            // SAFETY: a non-zero size; each block is resized with the layout it has and
            // freed once, with its last layout.
            unsafe {
                let mut ptr = allocator.alloc(layout);
                assert!(!ptr.is_null());
                fill(ptr, layout.size());
                for &size in &sizes[1..] {
                    let kept = layout.size().min(size);
                    ptr = allocator.realloc(ptr, layout, size);
                    assert!(!ptr.is_null());
                    assert_eq!(ptr as usize % align, 0, "{size} bytes at alignment {align}");
                    assert!(holds_pattern(ptr, kept), "{} -> {size}", layout.size());
                    layout = Layout::from_size_align(size, align).unwrap();
                    fill(ptr, size);
                }
                allocator.dealloc(ptr, layout);
            }
        }
    }

    #[test]
    fn zeroed_blocks_are_zero_on_both_sides_of_the_boundary() {
        let allocator = SplitBySize;
        for size in [1, SMALL_UP_TO, SMALL_UP_TO + 1, 5 * SMALL_UP_TO] {
            let layout = Layout::from_size_align(size, 16).unwrap();
            // SAFETY: a non-zero size, freed once with the layout it was made with.
            unsafe {
                let ptr = allocator.alloc_zeroed(layout);
                assert!(!ptr.is_null());
                assert!((0..size).all(|i| ptr.add(i).read() == 0), "{size}");
                allocator.dealloc(ptr, layout);
            }
        }
    }
}
