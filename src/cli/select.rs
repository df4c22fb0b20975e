//! A configuration's `include`/`exclude` globs, compiled once per configuration file and
//! applied to the files found in folders.
//!
//! Semantics follow docs/configuration.md: globs are relative to the folder holding the
//! configuration file, `*` stays within a folder, a glob naming a folder covers its contents,
//! and `exclude` wins. (Once `Loaded::file_filter` exists in the library, this can defer to it.)

use copydesk::config::load::Loaded;
use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use std::path::{Path, PathBuf};

pub struct FolderFilter {
    base: PathBuf,
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Invalid globs are skipped here: reading the configuration is where they are reported.
fn compile(globs: &[String]) -> Option<GlobSet> {
    if globs.is_empty() {
        return None;
    }
    let mut builder = GlobSetBuilder::new();
    for glob in globs {
        let trimmed = glob.trim_start_matches("./").trim_end_matches('/');
        if let Ok(glob) = GlobBuilder::new(trimmed).literal_separator(true).build() {
            builder.add(glob);
        }
    }
    Some(builder.build().unwrap_or_else(|_| GlobSet::empty()))
}

impl FolderFilter {
    pub fn new(loaded: &Loaded) -> FolderFilter {
        FolderFilter {
            base: absolute(&loaded.path)
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default(),
            include: compile(&loaded.config.include),
            exclude: compile(&loaded.config.exclude),
        }
    }

    pub fn includes(&self, path: &Path) -> bool {
        let path = absolute(path);
        let Ok(relative) = path.strip_prefix(&self.base) else {
            return self.include.is_none();
        };
        let hit = |set: &GlobSet| {
            relative
                .ancestors()
                .any(|p| !p.as_os_str().is_empty() && set.is_match(p))
        };
        self.include.as_ref().is_none_or(hit) && !self.exclude.as_ref().is_some_and(hit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter(include: &[&str], exclude: &[&str]) -> FolderFilter {
        FolderFilter::new(&Loaded {
            config: copydesk::Config {
                include: include.iter().map(|s| s.to_string()).collect(),
                exclude: exclude.iter().map(|s| s.to_string()).collect(),
                ..copydesk::Config::default()
            },
            path: PathBuf::from("/desk/.copydesk.toml"),
        })
    }

    #[test]
    fn globs_are_relative_to_the_config_folder_and_exclude_wins() {
        let f = filter(
            &["stories/**/*.md", "wire"],
            &["**/drafts", "stories/*-old.md"],
        );
        assert!(f.includes(Path::new("/desk/stories/a.md")));
        assert!(f.includes(Path::new("/desk/stories/x/b.md")));
        assert!(f.includes(Path::new("/desk/wire/c.txt")));
        assert!(!f.includes(Path::new("/desk/stories/a-old.md")));
        assert!(!f.includes(Path::new("/desk/stories/drafts/a.md")));
        assert!(!f.includes(Path::new("/desk/notes/a.md")));
        assert!(!f.includes(Path::new("/elsewhere/a.md")));
    }

    #[test]
    fn no_globs_include_everything() {
        let f = filter(&[], &[]);
        assert!(f.includes(Path::new("/desk/any/where.txt")));
        assert!(f.includes(Path::new("/elsewhere/a.md")));
    }
}
