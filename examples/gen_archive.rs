//! Writes an archive of generated stories for scale runs of `copydesk check`:
//!
//! ```sh
//! cargo run --release --example gen_archive -- /tmp/archive 100000
//! time target/release/copydesk check /tmp/archive --format json --fail-on never > /dev/null
//! ```
//!
//! `tests/cli_scale.rs` uses the same generator for its 10,000-story determinism test.

use std::fmt::Write as _;
use std::path::Path;

const PEOPLE: [&str; 6] = [
    "Anna Berg",
    "Jonas Ekberg",
    "Lena Forsmark",
    "Karl Dahl",
    "Mira Holt",
    "Per Lund",
];
const TOWNS: [&str; 5] = ["Nordby", "Saltvik", "Varenholm", "Ostby", "Kvarnby"];

/// A short story that varies with `i`; some carry phrases a standards editor would circle, so
/// the reports are not all empty.
pub fn story(i: usize) -> String {
    let person = PEOPLE[i % PEOPLE.len()];
    let surname = person.split(' ').nth(1).unwrap_or(person);
    let town = TOWNS[i % TOWNS.len()];
    let mut text = format!("# {town} budget vote {i}\n\n");
    let _ = write!(
        text,
        "{town} councillors voted {} to {} on Tuesday to approve the budget, council chair {person} said.\n\n",
        20 + i % 7,
        10 + i % 5
    );
    if i.is_multiple_of(3) {
        text.push_str(
            "Critics say the plan will raise taxes, and officials said the vote was rushed.\n\n",
        );
    }
    if i.is_multiple_of(4) {
        text.push_str("A person familiar with the talks said the mayor would resign.\n\n");
    }
    let _ = writeln!(
        text,
        "\"We kept our promise,\" {surname} said after the meeting."
    );
    text
}

/// Writes `count` stories under `root`, 100 to a folder, half Markdown and half plain text.
pub fn write_archive(root: &Path, count: usize) -> std::io::Result<()> {
    for i in 0..count {
        let folder = root.join(format!("{:04}", i / 100));
        if i % 100 == 0 {
            std::fs::create_dir_all(&folder)?;
        }
        let name = if i % 2 == 0 {
            format!("story-{i}.md")
        } else {
            format!("story-{i}.txt")
        };
        std::fs::write(folder.join(name), story(i))?;
    }
    Ok(())
}

#[allow(dead_code)]
fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let Some(root) = args.next() else {
        eprintln!("usage: gen_archive FOLDER [COUNT]");
        std::process::exit(2);
    };
    let count = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    write_archive(Path::new(&root), count)?;
    eprintln!("wrote {count} stories to {root}");
    Ok(())
}
