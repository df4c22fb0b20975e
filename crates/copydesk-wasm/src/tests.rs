use super::*;
use serde_json::Value;

/// Own test copy: an unnamed source mentioned twice, another mentioned once, and characters
/// outside ASCII and outside the Basic Multilingual Plane before and between them.
const STORY: &str = "Café owners in Zürich 🏔 were angry on Monday.\n\n\
Two officials familiar with the plan said the tax would rise. One of the officials said \
the vote was close.\n\nSources said the mayor 🙂 would resign.\n";

fn analyse(text: &str, options: &str) -> Value {
    serde_json::from_str(&analyse_json(text, options).expect("analysis succeeds")).unwrap()
}

fn utf16_slice(text: &str, place: &Value) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    let start = place["utf16"]["start"].as_u64().unwrap() as usize;
    let end = place["utf16"]["end"].as_u64().unwrap() as usize;
    String::from_utf16(&units[start..end]).unwrap()
}

fn byte_slice<'a>(text: &'a str, place: &Value) -> &'a str {
    let start = place["span"]["start"].as_u64().unwrap() as usize;
    let end = place["span"]["end"].as_u64().unwrap() as usize;
    &text[start..end]
}

#[test]
fn findings_are_the_engines_with_utf16_spans_on_the_same_words() {
    let answer = analyse(STORY, r#"{"format": "markdown"}"#);
    let findings = answer["findings"].as_array().unwrap();
    let engine = Engine::new(Config::default()).analyze(STORY, SourceFormat::Markdown);
    assert!(!engine.is_empty(), "the story should raise findings");
    let got: Vec<(String, usize, usize)> = findings
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["span"]["start"].as_u64().unwrap() as usize,
                f["span"]["end"].as_u64().unwrap() as usize,
            )
        })
        .collect();
    let want: Vec<(String, usize, usize)> = engine
        .iter()
        .map(|f| (f.rule.to_string(), f.span().start, f.span().end))
        .collect();
    assert_eq!(got, want);
    for finding in findings {
        assert_eq!(utf16_slice(STORY, finding), byte_slice(STORY, finding));
        for related in finding["related"].as_array().unwrap() {
            assert_eq!(utf16_slice(STORY, related), byte_slice(STORY, related));
        }
    }
}

#[test]
fn later_references_join_the_source_they_refer_to() {
    let answer = analyse(STORY, "");
    let sources = answer["sources"].as_array().unwrap();
    let texts: Vec<&str> = sources
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts.len(), 2, "two unnamed sources expected: {texts:?}");
    assert!(texts[0].contains("officials"), "{texts:?}");
    assert!(texts[1].contains("Sources"), "{texts:?}");
    let officials = &sources[0];
    assert_eq!(officials["mentions"].as_array().unwrap().len(), 2);
    assert_eq!(utf16_slice(STORY, officials), texts[0]);
    // "Sources said" gives no reason for anonymity and no affiliation: one finding says both.
    let issues = sources[1]["issues"].as_array().unwrap();
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(issues[0]["rule"], "anonymity-unexplained");
    let message = issues[0]["message"].as_str().unwrap();
    assert!(message.contains("whom the source works for"), "{message}");
    let description = sources[1]["description"].as_str().unwrap();
    assert!(description.contains("no reason"), "{description}");
}

#[test]
fn utf16_offsets_inside_or_past_a_character_are_clamped() {
    let text = "a🙂b";
    let map = Utf16Map::new(text, vec![0, 1, 2, 5, 6, 99]);
    assert_eq!(map.units(0), 0);
    assert_eq!(map.units(1), 1);
    assert_eq!(map.units(2), 1, "inside the emoji: its start");
    assert_eq!(map.units(5), 3);
    assert_eq!(map.units(6), 4);
    assert_eq!(map.units(99), 4);
}

#[test]
fn bad_options_are_messages_not_panics() {
    for options in [
        "{",
        r#"{"format": "docx"}"#,
        r#"{"preset": "bild"}"#,
        r#"{"colour": 1}"#,
        r#"{"config": "rules = 3"}"#,
    ] {
        let error = analyse_json(STORY, options).unwrap_err();
        assert!(!error.is_empty(), "{options}");
    }
}

#[test]
fn a_preset_or_a_pasted_configuration_changes_the_findings() {
    let count = |options: &str| {
        analyse(STORY, options)["findings"]
            .as_array()
            .unwrap()
            .len()
    };
    let all = count("");
    // Each unnamed source has one finding, under whichever of the family's rules leads, so
    // the family is switched off as a whole.
    let quieter = count(
        r#"{"config": "[rules]\nanonymous-source = \"off\"\nanonymity-unexplained = \"off\"\nanonymous-source-bare = \"off\"\nanonymous-source-uncounted = \"off\"\n"}"#,
    );
    assert!(quieter < all, "{quieter} < {all}");
    // A preset name is accepted on its own.
    assert!(count(r#"{"preset": "ap", "format": "plaintext"}"#) > 0);
}

#[test]
fn every_rule_is_documented_for_the_page() {
    let rules: Value = serde_json::from_str(&rules_json()).unwrap();
    let ids: Vec<&str> = rules
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    let want: Vec<&str> = rules::all().map(|r| r.id).collect();
    assert_eq!(ids, want);
    assert!(rules[0]["wrong"].as_str().is_some_and(|s| !s.is_empty()));
}

#[test]
fn the_c_abi_round_trips_text_and_reports_bad_utf8() {
    let call = |bytes: &[u8]| unsafe {
        let ptr = copydesk_alloc(bytes.len());
        std::ptr::copy_nonoverlapping(bytes.as_ptr(), ptr, bytes.len());
        let status = copydesk_analyse(ptr, bytes.len(), std::ptr::null(), 0);
        copydesk_free(ptr, bytes.len());
        let out = std::slice::from_raw_parts(copydesk_output_ptr(), copydesk_output_len());
        (status, serde_json::from_slice::<Value>(out).unwrap())
    };
    let (status, answer) = call(STORY.as_bytes());
    assert_eq!(status, 0);
    assert!(!answer["findings"].as_array().unwrap().is_empty());
    let (status, answer) = call(&[b'a', 0xff, b'b']);
    assert_eq!(status, 1);
    assert!(answer["error"].as_str().unwrap().contains("UTF-8"));
    assert_eq!(copydesk_rules(), 0);
}
