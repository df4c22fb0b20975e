//! Reading stories and configuration files from disk with a size limit that counts what is
//! read, not what the file system reports, and only from regular files.
//!
//! `/dev/zero` reports a size of 0 and never ends; a sparse file reports its full size but costs
//! nothing on disk; a FIFO blocks the reader until a writer appears. Each of these once hung a
//! run or ate gigabytes, so every read here opens without blocking, asks the open handle (not
//! the path, which can change between the two) what it is, and reads at most `limit + 1` bytes.

use std::fmt;
use std::fs::{File, FileType};
use std::io::{self, Read};
use std::path::Path;

/// The largest story read by default: a book-length manuscript is 1–2 MB, so anything far
/// larger is a mistake (a log, a database dump) that would take minutes and gigabytes to check.
pub const DEFAULT_MAX_STORY_SIZE: u64 = 20 * 1024 * 1024;

/// Why a file could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// Not a regular file: named pipes, devices and sockets never end or block the reader.
    NotRegular(&'static str),
    /// Larger than the limit (the file was not read past it).
    TooLarge {
        limit: u64,
    },
    /// A symbolic link whose target does not exist.
    BrokenLink,
    /// Symbolic links that point at each other (ELOOP).
    LinkLoop,
    NotFound,
    Io(io::Error),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotRegular(kind) => write!(
                f,
                "it is {kind}, not a regular file; copydesk reads regular files only"
            ),
            ReadError::TooLarge { limit } => {
                write!(f, "larger than the limit of {}", human_size(*limit))
            }
            ReadError::BrokenLink => write!(
                f,
                "it is a symbolic link whose target does not exist; fix or remove the link"
            ),
            ReadError::LinkLoop => write!(
                f,
                "it is a symbolic link loop (the links point at each other); fix or remove the link"
            ),
            ReadError::NotFound => write!(f, "no such file or folder; check the path"),
            ReadError::Io(error) => write!(f, "{error}"),
        }
    }
}

/// What kind of thing a non-regular file type is, in words, or `None` for a regular file or a
/// folder (folders are walked, not read).
pub fn special_kind(file_type: &FileType) -> Option<&'static str> {
    if file_type.is_file() || file_type.is_dir() || file_type.is_symlink() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if file_type.is_char_device() {
            return Some("a character device");
        }
        if file_type.is_block_device() {
            return Some("a block device");
        }
        if file_type.is_socket() {
            return Some("a socket");
        }
    }
    Some("a special file")
}

#[cfg(unix)]
fn open_without_blocking(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever, before we could
    // ask the handle what it is. Regular files ignore the flag.
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> io::Result<File> {
    File::open(path)
}

#[cfg(unix)]
fn is_link_loop(error: &io::Error) -> bool {
    error.raw_os_error() == Some(libc::ELOOP)
}

#[cfg(not(unix))]
fn is_link_loop(_: &io::Error) -> bool {
    false
}

fn open_error(path: &Path, error: io::Error) -> ReadError {
    if is_link_loop(&error) {
        return ReadError::LinkLoop;
    }
    if error.kind() == io::ErrorKind::NotFound {
        let is_link = path
            .symlink_metadata()
            .is_ok_and(|m| m.file_type().is_symlink());
        return if is_link {
            ReadError::BrokenLink
        } else {
            ReadError::NotFound
        };
    }
    ReadError::Io(error)
}

/// Reads a regular file of at most `limit` bytes.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = open_without_blocking(path).map_err(|e| open_error(path, e))?;
    let metadata = file.metadata().map_err(ReadError::Io)?;
    if let Some(kind) = special_kind(&metadata.file_type()) {
        return Err(ReadError::NotRegular(kind));
    }
    if metadata.is_dir() {
        return Err(ReadError::NotRegular("a folder"));
    }
    // The reported size is a hint for a quick refusal (a sparse file need not be read to be
    // refused); the limit itself is enforced on the bytes read below.
    if metadata.len() > limit {
        return Err(ReadError::TooLarge { limit });
    }
    read_at_most(file, limit)
}

/// Reads until the end or until more than `limit` bytes have arrived.
pub fn read_at_most(reader: impl Read, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(bytes)
}

/// A size as people write it: `20MB`, `512k`, `1G`, `300000` (bytes). Units are powers of 1024.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let trimmed = text.trim();
    let split = trimmed
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(trimmed.len());
    let (digits, unit) = trimmed.split_at(split);
    let number: u64 = digits
        .parse()
        .map_err(|_| format!("`{text}` is not a size; write e.g. 20MB, 500KB or 1000000"))?;
    let multiplier: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1024,
        "m" | "mb" | "mib" => 1024 * 1024,
        "g" | "gb" | "gib" => 1024 * 1024 * 1024,
        other => {
            return Err(format!(
                "unknown size unit `{other}` in `{text}`; use B, KB, MB or GB"
            ))
        }
    };
    let size = number
        .checked_mul(multiplier)
        .ok_or_else(|| format!("`{text}` is too large a size"))?;
    if size == 0 {
        return Err("the size limit must be more than 0 bytes".into());
    }
    Ok(size)
}

/// `20 MB`, `1.5 KB`, `300 bytes`.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [(&str, u64); 3] = [
        ("GB", 1024 * 1024 * 1024),
        ("MB", 1024 * 1024),
        ("KB", 1024),
    ];
    for (name, size) in UNITS {
        if bytes >= size {
            let whole = bytes / size;
            let tenths = (bytes % size) * 10 / size;
            return if tenths == 0 {
                format!("{whole} {name}")
            } else {
                format!("{whole}.{tenths} {name}")
            };
        }
    }
    format!("{bytes} bytes")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_as_people_write_them() {
        assert_eq!(parse_size("20MB"), Ok(20 * 1024 * 1024));
        assert_eq!(parse_size("512k"), Ok(512 * 1024));
        assert_eq!(parse_size("1 GiB"), Ok(1024 * 1024 * 1024));
        assert_eq!(parse_size("300"), Ok(300));
        assert!(parse_size("0").is_err());
        assert!(parse_size("lots").is_err());
        assert!(parse_size("3 parsecs").is_err());
        assert!(parse_size("99999999999999999999G").is_err());
        assert_eq!(human_size(20 * 1024 * 1024), "20 MB");
        assert_eq!(human_size(1536), "1.5 KB");
        assert_eq!(human_size(12), "12 bytes");
    }

    #[test]
    fn reading_stops_one_byte_past_the_limit() {
        let endless = std::io::repeat(b'a');
        match read_at_most(endless, 1000) {
            Err(ReadError::TooLarge { limit: 1000 }) => {}
            other => panic!("{other:?}"),
        }
        assert_eq!(read_at_most(&b"short"[..], 5).unwrap(), b"short");
    }

    #[test]
    fn a_sparse_file_is_refused_without_reading_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.md");
        File::create(&path)
            .unwrap()
            .set_len(1024 * 1024 * 1024)
            .unwrap();
        assert!(matches!(
            read_regular(&path, 1024),
            Err(ReadError::TooLarge { .. })
        ));
    }

    #[cfg(unix)]
    #[test]
    fn special_files_and_link_loops_are_named() {
        assert!(matches!(
            read_regular(Path::new("/dev/zero"), 1024),
            Err(ReadError::NotRegular("a character device"))
        ));
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.md");
        let b = dir.path().join("b.md");
        std::os::unix::fs::symlink(&b, &a).unwrap();
        std::os::unix::fs::symlink(&a, &b).unwrap();
        assert!(matches!(read_regular(&a, 1024), Err(ReadError::LinkLoop)));
        let dangling = dir.path().join("dangling.md");
        std::os::unix::fs::symlink(dir.path().join("gone"), &dangling).unwrap();
        assert!(matches!(
            read_regular(&dangling, 1024),
            Err(ReadError::BrokenLink)
        ));
        let fifo = dir.path().join("pipe.md");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            assert!(matches!(
                read_regular(&fifo, 1024),
                Err(ReadError::NotRegular("a named pipe (FIFO)"))
            ));
        }
    }
}
