//! Which files `copydesk check` reads: named files as they are, folders searched for stories
//! (`.md`, `.markdown`, `.txt`) with `.gitignore` and hidden files honoured.

use ignore::WalkBuilder;
use std::path::{Path, PathBuf};

const STORY_EXTENSIONS: [&str; 3] = ["md", "markdown", "txt"];

/// A file to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub path: PathBuf,
    /// Found by searching a folder, so the configuration's include/exclude globs apply; a file
    /// named on the command line is always checked.
    pub from_folder: bool,
}

/// A path that yielded nothing to check, with a message naming it and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkError {
    pub path: PathBuf,
    pub message: String,
}

pub fn is_story(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|ext| STORY_EXTENSIONS.iter().any(|s| ext.eq_ignore_ascii_case(s)))
}

/// What a walk found: files to check, paths that yielded nothing (errors), and files left out
/// on purpose with the reason (named pipes, devices and sockets found in a folder).
#[derive(Debug, Default)]
pub struct Walk {
    pub targets: Vec<Target>,
    pub errors: Vec<WalkError>,
    pub skipped: Vec<String>,
}

/// Expands the command-line paths into files, in a stable order without duplicates.
pub fn collect(paths: &[PathBuf]) -> Walk {
    let mut walk = Walk::default();
    for path in paths {
        if path.is_dir() {
            let before = (walk.targets.len(), walk.skipped.len(), walk.errors.len());
            walk_folder(path, &mut walk);
            // A folder whose only story is a FIFO, or that could not be searched, has its own
            // message already.
            if (walk.targets.len(), walk.skipped.len(), walk.errors.len()) == before {
                walk.errors.push(WalkError {
                    path: path.clone(),
                    message: format!(
                        "{}: no stories found in this folder (copydesk looks for .md, .markdown and .txt files, skipping hidden and .gitignored ones); name a file directly to check it anyway",
                        display(path)
                    ),
                });
            }
        } else {
            // Named files are checked whatever their extension; reading reports the errors
            // (missing file, broken link, not a regular file) with the file's name.
            walk.targets.push(Target {
                path: path.clone(),
                from_folder: false,
            });
        }
    }
    let mut seen = std::collections::HashSet::new();
    walk.targets.retain(|t| seen.insert(t.path.clone()));
    walk
}

/// Files the walker reads in every folder it enters, before it lists the folder.
const IGNORE_FILES: [&str; 3] = [".gitignore", ".ignore", ".git/info/exclude"];

/// An ignore file in `folder` that is a FIFO or device, which the walker would block on or read
/// for ever, with what it is.
fn special_ignore_file(folder: &Path) -> Option<(PathBuf, &'static str)> {
    IGNORE_FILES.iter().find_map(|name| {
        let path = folder.join(name);
        let metadata = std::fs::metadata(&path).ok()?;
        crate::files::special_kind(&metadata.file_type()).map(|kind| (path, kind))
    })
}

fn walk_folder(root: &Path, walk: &mut Walk) {
    // The walker reads the ignore files of the folder and of every folder above it.
    let absolute_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    if let Some((file, kind)) = absolute_root.ancestors().find_map(special_ignore_file) {
        walk.errors.push(WalkError {
            path: root.to_path_buf(),
            message: format!(
                "{}: not searched: {} is {kind}, not a regular file, and reading it would block; remove it",
                display(root),
                display(&file)
            ),
        });
        return;
    }
    let skipped_folders = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let skipped = skipped_folders.clone();
    let walker = WalkBuilder::new(root)
        // .gitignore applies even in a folder that is not (yet) a git repository.
        .require_git(false)
        .sort_by_file_path(|a, b| a.cmp(b))
        .filter_entry(move |entry| {
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            if !is_dir || entry.depth() == 0 {
                return true;
            }
            match special_ignore_file(entry.path()) {
                Some((file, kind)) => {
                    if let Ok(mut skipped) = skipped.lock() {
                        skipped.push(format!(
                            "{}: folder skipped: {} is {kind}, not a regular file, and reading it would block",
                            display(entry.path()),
                            display(&file)
                        ));
                    }
                    false
                }
                None => true,
            }
        })
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
                if is_dir || entry.depth() == 0 || !is_story(entry.path()) {
                    continue;
                }
                // A FIFO named like a story would block the run until something writes to it;
                // a device never ends. Reading re-checks the open handle, for links to them.
                if let Some(kind) = entry
                    .file_type()
                    .as_ref()
                    .and_then(crate::files::special_kind)
                {
                    walk.skipped.push(format!(
                        "{}: skipped: it is {kind}, not a regular file",
                        display(entry.path())
                    ));
                } else {
                    walk.targets.push(Target {
                        path: entry.into_path(),
                        from_folder: true,
                    });
                }
            }
            Err(error) => walk.errors.push(WalkError {
                path: root.to_path_buf(),
                message: format!("{}: {error}", display(root)),
            }),
        }
    }
    let folders = skipped_folders
        .lock()
        .map(|mut folders| std::mem::take(&mut *folders))
        .unwrap_or_default();
    walk.skipped.extend(folders);
}

/// How a path is shown everywhere: relative to the working folder when it is inside it,
/// forward slashes, no leading `./`.
pub fn display(path: &Path) -> String {
    let relative = if path.is_absolute() {
        std::env::current_dir()
            .ok()
            .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
            .unwrap_or_else(|| path.to_path_buf())
    } else {
        path.to_path_buf()
    };
    let text = relative.to_string_lossy().replace('\\', "/");
    let mut text = text.as_str();
    while let Some(rest) = text.strip_prefix("./") {
        text = rest;
    }
    if text.is_empty() {
        ".".into()
    } else {
        text.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn folders_yield_stories_in_order_honouring_gitignore() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("b/deep")).unwrap();
        fs::create_dir_all(root.join("drafts")).unwrap();
        for name in [
            "z.md",
            "a.txt",
            "b/deep/c.markdown",
            "b/notes.rs",
            "drafts/old.md",
            ".hidden.md",
        ] {
            fs::write(root.join(name), "Text.").unwrap();
        }
        fs::write(root.join(".gitignore"), "drafts/\n").unwrap();
        let Walk {
            targets, errors, ..
        } = collect(&[root.to_path_buf()]);
        assert!(errors.is_empty(), "{errors:?}");
        let names: Vec<_> = targets
            .iter()
            .map(|t| {
                t.path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        assert_eq!(names, ["a.txt", "b/deep/c.markdown", "z.md"]);
        assert!(targets.iter().all(|t| t.from_folder));
    }

    #[test]
    fn a_folder_without_stories_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("x.rs"), "").unwrap();
        let Walk {
            targets, errors, ..
        } = collect(&[dir.path().to_path_buf()]);
        assert!(targets.is_empty());
        assert_eq!(errors.len(), 1);
        assert!(errors[0].message.contains("no stories found"));
    }

    #[test]
    fn named_files_are_kept_once_whatever_their_extension() {
        let Walk {
            targets, errors, ..
        } = collect(&[PathBuf::from("x.rst"), PathBuf::from("x.rst")]);
        assert!(errors.is_empty());
        assert_eq!(targets.len(), 1);
        assert!(!targets[0].from_folder);
    }

    #[test]
    fn display_paths_are_relative_with_forward_slashes() {
        assert_eq!(display(Path::new("./desk/a.md")), "desk/a.md");
        let cwd = std::env::current_dir().unwrap();
        assert_eq!(display(&cwd.join("x").join("y.md")), "x/y.md");
    }
}
