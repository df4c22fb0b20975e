//! Unit tests of the family on sentences written for them.

use crate::config::Config;
use crate::engine::Engine;
use crate::finding::Finding;
use crate::text::SourceFormat;

fn run_with(config: Config, text: &str) -> Vec<Finding> {
    Engine::new(config).analyze(text, SourceFormat::PlainText)
}

fn run(text: &str) -> Vec<Finding> {
    run_with(Config::default(), text)
}

/// The texts flagged by `rule`.
fn flagged<'t>(text: &'t str, found: &[Finding], rule: &str) -> Vec<&'t str> {
    found
        .iter()
        .filter(|f| f.rule == rule)
        .map(|f| &text[f.span.range()])
        .collect()
}

fn sources(text: &str) -> Vec<&str> {
    flagged(text, &run(text), "anonymous-source")
}

#[test]
fn flags_the_agent_of_a_reporting_verb() {
    // "engineers" is not a source noun; officials are.
    let text = "The bridge will close in May, two city engineers said on Monday.";
    assert!(sources(text).is_empty());
    let text = "The bridge will close in May, two city officials said on Monday.";
    assert_eq!(sources(text), ["two city officials"]);
}

#[test]
fn flags_according_to_and_inverted_said() {
    let text = "The mayor will resign, according to three people familiar with her plans.";
    assert_eq!(sources(text), ["three people familiar with her plans"]);
    let text = "“We are not ready,” said a senior council aide.";
    assert_eq!(sources(text), ["a senior council aide"]);
}

#[test]
fn span_keeps_post_modifier_but_not_anonymity_clause() {
    let text = "A person briefed on the negotiations, who asked not to be named because the \
                talks are secret, said a deal was near.";
    assert_eq!(sources(text), ["A person briefed on the negotiations"]);
}

#[test]
fn possessive_and_partitive_sources() {
    let text = "Several of the governor’s aides described the meeting as tense.";
    assert_eq!(sources(text), ["Several of the governor’s aides"]);
    let text = "The mayor’s advisers insist she will run again.";
    assert_eq!(sources(text), ["The mayor’s advisers"]);
}

#[test]
fn someone_needs_a_basis() {
    let text = "Someone close to the mayor said she would not run.";
    assert_eq!(sources(text), ["Someone close to the mayor"]);
    let text = "Someone said she would not run.";
    assert!(sources(text).is_empty());
}

#[test]
fn does_not_flag_named_people_pronouns_or_organisations() {
    for text in [
        "Maria Lopez, a senior adviser to the mayor, said the plan was final.",
        "Senior adviser Maria Lopez said the plan was final.",
        "She said the plan was final.",
        "The transport ministry said the plan was final.",
        "The campaign said the plan was final.",
        "A deputy minister, Pavel Orlov, and two other officials traveled to the capital.",
        "“We will win,” said her oldest friend, Dana Whitfield, on Sunday.",
        "The rally was loud, said Tom Hale, organizer of the march.",
    ] {
        assert_eq!(sources(text), Vec::<&str>::new(), "{text}");
    }
}

#[test]
fn does_not_flag_inside_quotes_or_outside_attribution() {
    let text = "“Officials said nothing to us,” the farmer said.";
    assert_eq!(sources(text), Vec::<&str>::new());
    let text = "The officials traveled to the border and met local farmers.";
    assert_eq!(sources(text), Vec::<&str>::new());
    let text = "Officials have not said when the road will reopen.";
    assert_eq!(sources(text), Vec::<&str>::new());
    let text = "The council hired an official to investigate the contracts.";
    assert_eq!(sources(text), Vec::<&str>::new());
    let text = "The governor met officials and said the dam was safe.";
    assert_eq!(sources(text), Vec::<&str>::new());
}

#[test]
fn back_references_join_the_first_mention() {
    let text = "The port will reopen next week, a shipping official said. The official said \
                inspections were finished.";
    let found = run(text);
    assert_eq!(
        flagged(text, &found, "anonymous-source"),
        ["a shipping official", "The official"]
    );
    let later = found
        .iter()
        .find(|f| f.rule == "anonymous-source" && &text[f.span.range()] == "The official")
        .expect("back-reference flagged");
    assert!(later
        .related
        .iter()
        .any(|r| &text[r.span.range()] == "a shipping official"));
    // One source, so one unexplained warning, on the first mention.
    assert_eq!(
        flagged(text, &found, "anonymity-unexplained"),
        ["a shipping official"]
    );
}

#[test]
fn a_named_antecedent_is_not_an_anonymous_back_reference() {
    let text = "Senator Ruth Alvarez opposed the bill. The senator said it was rushed.";
    assert_eq!(sources(text), Vec::<&str>::new());
}

#[test]
fn unexplained_unless_a_reason_is_near_or_on_the_same_group() {
    let text = "The deal is close, according to four people briefed on the talks. It could \
                be signed Friday, said two of the people, who requested anonymity because \
                they feared losing their jobs.";
    let found = run(text);
    assert!(flagged(text, &found, "anonymity-unexplained").is_empty());
    assert_eq!(
        flagged(text, &found, "anonymous-source"),
        ["four people briefed on the talks", "two of the people"]
    );
    let text = "The deal is close, according to four people briefed on the talks.";
    assert_eq!(
        flagged(text, &run(text), "anonymity-unexplained"),
        ["four people briefed on the talks"]
    );
}

#[test]
fn condition_only_is_still_unexplained() {
    let text = "A hospital official, who spoke on condition of anonymity, said beds were full.";
    let found = run(text);
    assert_eq!(
        flagged(text, &found, "anonymity-unexplained"),
        ["A hospital official"]
    );
}

#[test]
fn boilerplate_reason_is_a_hint_and_presets_switch_it_off() {
    let text = "Beds were full, said a hospital official who was not authorized to speak \
                publicly.";
    let found = run(text);
    assert_eq!(
        flagged(text, &found, "anonymity-boilerplate"),
        ["a hospital official"]
    );
    assert!(flagged(text, &found, "anonymity-unexplained").is_empty());
    let ap = Config {
        preset: crate::config::HousePreset::Ap,
        ..Config::default()
    };
    assert!(flagged(text, &run_with(ap, text), "anonymity-boilerplate").is_empty());
}

#[test]
fn bare_sources_and_officials() {
    let text = "The factory will close, sources said.";
    assert_eq!(
        flagged(text, &run(text), "anonymous-source-bare"),
        ["sources"]
    );
    let text = "The factory will close, officials said.";
    assert_eq!(
        flagged(text, &run(text), "anonymous-source-bare"),
        ["officials"]
    );
    let text = "The factory will close, state labor officials said.";
    assert!(flagged(text, &run(text), "anonymous-source-bare").is_empty());
    let text = "The factory will close, said a source familiar with the company's plans.";
    assert!(flagged(text, &run(text), "anonymous-source-bare").is_empty());
}

#[test]
fn uncounted_plural_sources() {
    let text = "People familiar with the plan said it would cost more.";
    assert_eq!(
        flagged(text, &run(text), "anonymous-source-uncounted"),
        ["People familiar with the plan"]
    );
    let text = "Three people familiar with the plan said it would cost more.";
    assert!(flagged(text, &run(text), "anonymous-source-uncounted").is_empty());
    let text = "A person familiar with the plan said it would cost more.";
    assert!(flagged(text, &run(text), "anonymous-source-uncounted").is_empty());
}

#[test]
fn anonymous_attack_on_a_named_person() {
    let text = "Director Hale is incompetent and arrogant, a senior agency official said.";
    assert_eq!(
        flagged(text, &run(text), "anonymous-attack"),
        ["a senior agency official"]
    );
    let text = "A senior agency official blasted Director Hale over the delays.";
    assert_eq!(
        flagged(text, &run(text), "anonymous-attack"),
        ["A senior agency official"]
    );
    let text = "The delays will last a month, a senior agency official said.";
    assert!(flagged(text, &run(text), "anonymous-attack").is_empty());
}

#[test]
fn desk_phrases_extend_the_lexicons() {
    let text = "The vote was rigged, a man at the counting table said. He was afraid of \
                the militia, which threatens anyone who talks.";
    assert!(sources(text).is_empty());
    let mut config = Config::default();
    config.phrases.anonymous_sources = vec!["a man at the counting table".to_string()];
    config.phrases.anonymity_reasons = vec!["afraid of the militia".to_string()];
    let found = run_with(config, text);
    assert_eq!(
        flagged(text, &found, "anonymous-source"),
        ["a man at the counting table"]
    );
    assert!(flagged(text, &found, "anonymity-unexplained").is_empty());
}

#[test]
fn messages_say_kind_reason_and_basis() {
    let text = "The port will reopen, a shipping official familiar with the inspections said.";
    let found = run(text);
    let finding = found
        .iter()
        .find(|f| f.rule == "anonymous-source")
        .expect("flagged");
    assert!(finding.message.contains("official"));
    assert!(finding.message.contains("no reason for anonymity"));
    assert!(finding.message.contains("familiar with the inspections"));
}

#[test]
fn never_panics_on_odd_input() {
    for text in [
        "",
        ",",
        "said",
        "according to",
        "“",
        "officials",
        "the the the said,",
        "é said officials’",
    ] {
        let _ = run(text);
    }
}

#[test]
fn a_credit_or_a_thing_called_a_source_is_not_an_informant() {
    assert!(sources("Image source: Harbour Press Agency").is_empty());
    assert!(sources("Energy sources said to be running low were rationed.").is_empty());
    assert_eq!(
        sources("Two sources said the port would reopen."),
        ["Two sources"]
    );
}

/// The rules that fire on `phrase` in `text`.
fn rules_on<'f>(text: &str, found: &'f [Finding], phrase: &str) -> Vec<&'f str> {
    let start = text.find(phrase).unwrap_or(usize::MAX);
    found
        .iter()
        .filter(|f| f.category == crate::finding::Category::AnonymousSource)
        .filter(|f| f.span.start <= start && start < f.span.end)
        .map(|f| f.rule)
        .collect()
}

#[test]
fn a_headline_source_inherits_the_body_explanation() {
    let text = "Harbor deal near collapse, sources say\n\n\
                The port authority will walk away from the harbor deal, two officials at the \
                authority said on condition of anonymity because they feared losing their jobs.\n";
    let found = run(text);
    assert_eq!(rules_on(text, &found, "sources say"), ["anonymous-source"]);
    let back = found
        .iter()
        .find(|f| f.rule == "anonymous-source" && &text[f.span.range()] == "sources")
        .expect("headline mention");
    assert!(back.message.contains("refers back"));
    assert!(!rules_on(text, &found, "two officials").contains(&"anonymity-unexplained"));
}

#[test]
fn a_headline_source_with_an_unexplained_body_leaves_the_findings_on_the_body() {
    let text = "Harbor deal near collapse, sources say\n\n\
                The port authority will walk away from the harbor deal, sources said.\n";
    let found = run(text);
    assert_eq!(rules_on(text, &found, "sources say"), ["anonymous-source"]);
    assert!(rules_on(text, &found, "sources said").contains(&"anonymity-unexplained"));
}

#[test]
fn a_sentence_first_paragraph_is_not_a_headline() {
    // Ends like a sentence: its source is the story's first, with its own findings.
    let text = "The harbor deal is near collapse, sources say.\n\n\
                The port authority will walk away, two officials at the authority said on \
                condition of anonymity because they feared losing their jobs.\n";
    let found = run(text);
    assert!(rules_on(text, &found, "sources say").contains(&"anonymity-unexplained"));
}

#[test]
fn a_source_declared_anonymous_is_flagged_whatever_its_noun() {
    let text = "The plant will close, said the foreman, who spoke on condition of anonymity \
                because he feared losing his job.";
    assert_eq!(sources(text), ["the foreman"]);
    let text = "The employee of ten years, a registered nurse who spoke on condition of \
                anonymity because she feared reprisal, said the ward was short of staff.";
    assert_eq!(sources(text), ["The employee of ten years"]);
    // Named, or never said to be anonymous: not flagged.
    let text = "The plant will close, said Carl Ruiz, a foreman who asked not to be named.";
    assert!(sources(text).is_empty());
    let text = "The plant will close, said the foreman, who has worked there for years.";
    assert!(sources(text).is_empty());
}

#[test]
fn relative_clauses_and_long_basis_phrases_before_the_cue() {
    let text = "A city official who spoke anonymously to discuss the budget said the pool \
                would close.";
    assert_eq!(sources(text), ["A city official"]);
    let text = "Senior campaign advisers who have studied the delegate math argue that the \
                race is over.";
    assert_eq!(sources(text), ["Senior campaign advisers"]);
    let text = "A person familiar with the planning for Thursday's meeting says the talks \
                will start early.";
    assert_eq!(
        sources(text),
        ["A person familiar with the planning for Thursday's meeting"]
    );
    // A name's appositive with a relative clause is the named person.
    let text = "Tom Hale, a former state official who has long opposed the plan, said it \
                would fail.";
    assert!(sources(text).is_empty());
    let text = "Ann Lee, a lawyer and a longtime Republican who said she would not vote, \
                left early.";
    assert!(sources(text).is_empty());
    let text = "Despite the feud over Medicaid, many experts and some lawmakers say it worked.";
    assert_eq!(sources(text), ["some lawmakers"]);
    let text = "The site was studied in Kansas, and a former defense official said talks began.";
    assert_eq!(sources(text), ["a former defense official"]);
    let text = "The plan is sound, something city officials argue is obvious.";
    assert_eq!(sources(text), ["city officials"]);
    let text = "Officials in the mayor's office who made statements were mocked and criticized.";
    assert!(sources(text).is_empty());
    // The clause's "say" is a noun; "making calls" is an act.
    let text = "Party leaders and elected officials who are granted a say will vote.";
    assert!(sources(text).is_empty());
}

#[test]
fn requests_acts_and_hypotheticals_are_not_attributions() {
    let text = "Another aide asked the clerk to delete the files.";
    assert!(sources(text).is_empty());
    let text = "Two organizers added 160 guards along the route.";
    assert!(sources(text).is_empty());
    let text = "On Tuesday, state health officials discovered at least one case in the county.";
    assert!(sources(text).is_empty());
    let text = "State health officials found that the cases were linked.";
    assert_eq!(sources(text), ["State health officials"]);
    let text = "Why would any reasonable person believe the mayor?";
    assert!(sources(text).is_empty());
    let text = "The mayor got less credit than aides say she deserves.";
    assert_eq!(sources(text), ["aides"]);
    let text = "The mayor got more votes than her rivals combined.";
    assert!(sources(text).is_empty());
    let text = "Leaders differ on the plan, with top aides to Mr. Lee playing down the cost.";
    assert_eq!(sources(text), ["top aides to Mr. Lee"]);
    let text = "She met with aides working on the budget.";
    assert!(sources(text).is_empty());
    let text = "Another 24 delegates are divided among the districts.";
    assert!(sources(text).is_empty());
    let text = "One delegate from Ohio said the vote was rigged.";
    assert_eq!(sources(text), ["One delegate from Ohio"]);
}

#[test]
fn every_headline_of_the_top_matter_folds_into_the_body_source() {
    // Headline, dateline, the headline repeated by a syndicator, then the story.
    let text = "Harbor deal near collapse, sources say\n\n\
                June 3, 2025 | By Wire Staff\n\n\
                Harbor deal near collapse, sources say\n\n\
                The port authority will walk away from the harbor deal, two officials at the \
                authority said on condition of anonymity because they feared losing their jobs.\n";
    let found = run(text);
    let on_sources: Vec<&str> = found
        .iter()
        .filter(|f| f.category == crate::finding::Category::AnonymousSource)
        .filter(|f| &text[f.span.range()] == "sources")
        .map(|f| f.rule)
        .collect();
    assert_eq!(on_sources, ["anonymous-source", "anonymous-source"]);
}

#[test]
fn british_shapes_read_by_the_attribution_layer() {
    assert_eq!(
        sources("A cabinet minister added: “The budget will not survive the summer.”"),
        ["A cabinet minister"]
    );
    assert_eq!(
        sources("One backbencher who backs the chancellor said the plan was doomed."),
        ["One backbencher who backs the chancellor"]
    );
    assert_eq!(
        sources("A Treasury official raised concerns about the cost of the scheme."),
        ["A Treasury official"]
    );
    assert_eq!(
        sources("“The whips have lost count,” said one senior Tory."),
        ["one senior Tory"]
    );
    // Acts, requests and denials stay out.
    assert!(sources("A cabinet minister added two clauses to the bill.").is_empty());
    assert!(sources("One backbencher has not said how she will vote.").is_empty());
}
