//! An archive of 10,000 generated stories, checked twice: the reports must be byte for byte
//! the same (parallel checking must not leak into the output order).

use std::fmt::Write as _;
use std::process::Command;

const STORIES: usize = 10_000;

const PEOPLE: [&str; 6] = ["Anna Berg", "Jonas Ekberg", "Lena Forsmark", "Karl Dahl", "Mira Holt", "Per Lund"];
const TOWNS: [&str; 5] = ["Nordby", "Saltvik", "Varenholm", "Ostby", "Kvarnby"];

/// A short story that varies with `i`; some carry phrases a standards editor would circle so
/// that, once rules exist, the reports are not all empty.
fn story(i: usize) -> String {
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
    if i % 3 == 0 {
        text.push_str("Critics say the plan will raise taxes, and officials said the vote was rushed.\n\n");
    }
    if i % 4 == 0 {
        text.push_str("A person familiar with the talks said the mayor would resign.\n\n");
    }
    let _ = write!(text, "\"We kept our promise,\" {surname} said after the meeting.\n");
    text
}

#[test]
fn ten_thousand_stories_twice_give_identical_reports() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..STORIES {
        let folder = dir.path().join(format!("{:03}", i / 100));
        if i % 100 == 0 {
            std::fs::create_dir_all(&folder).unwrap();
        }
        let name = if i % 2 == 0 { format!("story-{i}.md") } else { format!("story-{i}.txt") };
        std::fs::write(folder.join(name), story(i)).unwrap();
    }
    let run = || {
        let output = Command::new(env!("CARGO_BIN_EXE_copydesk"))
            .args(["check", "--format", "json", "--fail-on", "never", "."])
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        output.stdout
    };
    let first = run();
    let second = run();
    assert!(first == second, "two runs over the same archive differ");
    let doc: serde_json::Value = serde_json::from_slice(&first).unwrap();
    assert_eq!(doc["summary"]["files"], STORIES);
    let paths: Vec<&str> = doc["files"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert!(paths.windows(2).all(|w| w[0] < w[1]), "files are in path order");
    let findings: u64 = ["errors", "warnings", "infos", "hints"]
        .iter()
        .map(|k| doc["summary"][k].as_u64().unwrap())
        .sum();
    eprintln!("{STORIES} stories, {} bytes of JSON, {findings} findings", first.len());
}
