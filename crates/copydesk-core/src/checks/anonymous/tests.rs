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
        .map(|f| &text[f.span().range()])
        .collect()
}

/// Every mention of an unnamed source the family reads, in text order: what it detects,
/// whether or not a mention carries a finding of its own.
fn sources(text: &str) -> Vec<&str> {
    let analysis = Engine::new(Config::default()).check(text, SourceFormat::PlainText);
    analysis
        .ledger
        .unnamed_mentions()
        .iter()
        .map(|s| &text[s.range()])
        .collect()
}

/// The family's findings on `text`, as (rule, flagged text).
fn family<'t>(text: &'t str, found: &[Finding]) -> Vec<(&'static str, &'t str)> {
    found
        .iter()
        .filter(|f| f.category == crate::finding::Category::AnonymousSource)
        .map(|f| (f.rule.as_str(), &text[f.span().range()]))
        .collect()
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
fn a_source_the_story_calls_anonymous_needs_no_listed_noun() {
    let text = "The ward was understaffed, an anonymous nurse said.";
    assert_eq!(sources(text), ["an anonymous nurse"]);
    let text = "An unnamed engineer told the inquiry the bridge was unsafe.";
    assert_eq!(sources(text), ["An unnamed engineer"]);
    // A document is no person.
    let text = "An anonymous letter said the bridge was unsafe.";
    assert!(sources(text).is_empty());
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
    assert_eq!(sources(text), ["a shipping official", "The official"]);
    // One source, one finding, on the first mention, pointing at the later one.
    assert_eq!(
        family(text, &found),
        [("anonymity-unexplained", "a shipping official")]
    );
    assert!(found[0]
        .related()
        .iter()
        .any(|r| &text[r.span.range()] == "The official"));
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
        sources(text),
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
    // One warning lists all that is missing.
    let text = "The factory will close, sources said.";
    let found = run(text);
    assert_eq!(family(text, &found), [("anonymity-unexplained", "sources")]);
    assert!(found[0].message().contains("whom the source works for"));
    assert!(found[0].message().contains("how many sources"));
    // With the reason rule off, the description rule leads, and the reason is not asked for.
    let mut config = Config::default();
    config.rules.insert(
        "anonymity-unexplained".to_string(),
        crate::config::RuleLevel::Off,
    );
    let text = "The factory will close, officials said.";
    let found = run_with(config, text);
    assert_eq!(
        family(text, &found),
        [("anonymous-source-bare", "officials")]
    );
    assert!(!found[0].message().contains("reason"));
    let text = "The factory will close, state labor officials said.";
    assert!(flagged(text, &run(text), "anonymous-source-bare").is_empty());
    let text = "The factory will close, said a source familiar with the company's plans.";
    assert!(flagged(text, &run(text), "anonymous-source-bare").is_empty());
}

#[test]
fn uncounted_plural_sources() {
    let text = "People familiar with the plan said it would cost more.";
    let found = run(text);
    assert_eq!(
        family(text, &found),
        [("anonymity-unexplained", "People familiar with the plan")]
    );
    assert!(found[0].message().contains("how many sources"));
    let mut config = Config::default();
    config.rules.insert(
        "anonymity-unexplained".to_string(),
        crate::config::RuleLevel::Off,
    );
    assert_eq!(
        flagged(text, &run_with(config, text), "anonymous-source-uncounted"),
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
fn a_kept_attack_moves_with_its_paragraph_and_goes_with_its_words() {
    let engine = Engine::new(Config::default());
    let mut cache = crate::incremental::DocumentCache::new();
    let attack = "Director Hale is incompetent and arrogant, a senior agency official said.";
    let mut text = format!("The agency missed its deadline.\n\n{attack}\n");
    let edits: [&dyn Fn(&mut String); 3] = [
        // A paragraph before the attack grows: the kept reading moves with it.
        &|t: &mut String| t.insert_str(0, "On Monday, "),
        // The judgement goes: what was kept for the old words is not reused.
        &|t: &mut String| *t = t.replace("incompetent and arrogant", "away this week"),
        &|t: &mut String| *t = t.replace("away this week", "incompetent and arrogant"),
    ];
    for edit in edits {
        let kept = engine.check_incremental(&text, SourceFormat::PlainText, &mut cache);
        let fresh = engine.check(&text, SourceFormat::PlainText);
        assert_eq!(
            flagged(&text, &kept.findings, "anonymous-attack"),
            flagged(&text, &fresh.findings, "anonymous-attack"),
            "{text}"
        );
        edit(&mut text);
    }
    let kept = engine.check_incremental(&text, SourceFormat::PlainText, &mut cache);
    assert_eq!(
        flagged(&text, &kept.findings, "anonymous-attack"),
        ["a senior agency official"]
    );
}

#[test]
fn desk_phrases_extend_the_lexicons() {
    let text = "The vote was rigged, a man at the counting table said. He was afraid of \
                the militia, which threatens anyone who talks.";
    // Without the desk's phrase, an ordinary man quoted unnamed: listed, never warned about.
    assert_eq!(sources(text), ["a man at the counting table"]);
    assert!(family(text, &run(text)).is_empty());
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
    // A source with nothing missing gets the informational note, and only that.
    let text = "The port will reopen, a shipping official familiar with the inspections said. \
                She asked not to be named because her employer forbids staff to talk to the \
                press.";
    let found = run(text);
    assert_eq!(family(text, &found).len(), 1);
    let finding = found
        .iter()
        .find(|f| f.rule == "anonymous-source")
        .expect("flagged");
    assert!(finding.message().contains("official"));
    assert!(finding
        .message()
        .contains("a reason for anonymity is given"));
    assert!(finding.message().contains("familiar with the inspections"));
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
        .filter(|f| f.span().start <= start && start < f.span().end)
        .map(|f| f.rule.as_str())
        .collect()
}

#[test]
fn a_headline_source_inherits_the_body_explanation() {
    let text = "Harbor deal near collapse, sources say\n\n\
                The port authority will walk away from the harbor deal, two officials at the \
                authority said on condition of anonymity because they feared losing their jobs.\n";
    let found = run(text);
    // The headline's sources are the body's: no finding of their own, linked from the body.
    assert!(rules_on(text, &found, "sources say").is_empty());
    assert_eq!(
        rules_on(text, &found, "two officials"),
        ["anonymous-source"]
    );
    assert!(found.iter().any(|f| f
        .related()
        .iter()
        .any(|r| &text[r.span.range()] == "sources")));
}

#[test]
fn a_headline_source_with_an_unexplained_body_leaves_the_findings_on_the_body() {
    let text = "Harbor deal near collapse, sources say\n\n\
                The port authority will walk away from the harbor deal, sources said.\n";
    let found = run(text);
    assert!(rules_on(text, &found, "sources say").is_empty());
    assert_eq!(
        rules_on(text, &found, "sources said"),
        ["anonymity-unexplained"]
    );
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
    // The health department speaking on the record through staff no one names: listed among
    // the unnamed sources, with no warning under the default policy.
    let text = "State health officials found that the cases were linked.";
    assert_eq!(sources(text), ["State health officials"]);
    assert!(family(text, &run(text)).is_empty());
    let analysis = Engine::new(Config::default()).check(text, SourceFormat::PlainText);
    assert!(analysis
        .ledger
        .sources
        .iter()
        .any(|s| s.label == "State health officials"
            && s.unasked == Some(crate::ledger::Unasked::OnRecordStaff)));
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
        .filter(|f| &text[f.span().range()] == "sources")
        .map(|f| f.rule.as_str())
        .collect();
    assert!(on_sources.is_empty());
    assert_eq!(
        sources(text),
        ["sources", "sources", "two officials at the authority"]
    );
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

#[test]
fn an_office_one_person_holds_is_no_unnamed_source() {
    for text in [
        "Courts face delays, the city's most senior judge said. The port's top official said \
         the ships would wait.",
        "Crime fell, the county's highest-ranking police officer has said.",
    ] {
        let found = run(text);
        assert!(family(text, &found).is_empty(), "{text}: {found:?}");
    }
    // Without an owner the office could be anyone's.
    let text = "The ships would wait, a top official said.";
    assert_eq!(
        family(text, &run(text)),
        [("anonymity-unexplained", "a top official")]
    );
}

#[test]
fn a_source_noun_modifying_the_subject_is_no_source() {
    // "reports" and "states" are the subjects' nouns: the verb after them agrees with a plural.
    assert!(sources("The port lost money. Official reports show the debt rose.").is_empty());
    assert!(sources("The fund can grow only if all nine member states agree.").is_empty());
    // The accused are described, not speaking; an adverbial is no part of a source.
    assert!(sources("Traders and officials accused of fraud own flats in the city.").is_empty());
    assert_eq!(
        sources("The vote went ahead despite the mayor's allies saying they had the votes."),
        ["the mayor's allies"]
    );
    // The verb reading stays where a clause follows.
    assert_eq!(
        sources("The port lost money, an official reports."),
        ["an official"]
    );
}

#[test]
fn a_source_described_in_its_relative_clause_is_one_source() {
    // The noun inside "who is a longtime adviser to the mayor" describes the official; one
    // source, one finding, and the clause says whom the source is close to.
    let text = "A senior official who is a longtime adviser to the mayor said the plan would \
                fail.";
    assert_eq!(
        sources(text),
        ["A senior official who is a longtime adviser to the mayor"]
    );
    let found = run(text);
    assert_eq!(
        family(text, &found),
        [(
            "anonymity-unexplained",
            "A senior official who is a longtime adviser to the mayor"
        )]
    );
    assert!(!found[0].message().contains("whom the source works for"));
}

/// Spans carrying more than one finding of the family.
fn stacked(found: &[Finding]) -> Vec<crate::span::Span> {
    let mut spans: Vec<_> = found
        .iter()
        .filter(|f| f.category == crate::finding::Category::AnonymousSource)
        .map(|f| f.span())
        .collect();
    spans.sort_by_key(|s| (s.start, s.end));
    spans
        .windows(2)
        .filter(|w| w[0] == w[1])
        .map(|w| w[0])
        .collect()
}

#[test]
fn one_finding_per_source_and_none_on_back_references() {
    let text = "Officials said the bridge would close. The officials said repairs would take a \
                year. Two of the officials said the cost had doubled.";
    let found = run(text);
    assert_eq!(
        family(text, &found),
        [("anonymity-unexplained", "Officials")]
    );
    assert!(stacked(&found).is_empty());
    let related: Vec<&str> = found[0]
        .related()
        .iter()
        .map(|r| &text[r.span.range()])
        .collect();
    assert_eq!(related, ["The officials", "Two of the officials"]);
    assert!(found[0].message().contains("no anonymity clause"));
}

#[test]
fn a_reason_paragraphs_later_belongs_to_the_source_it_names() {
    let text = "The mill will shut in March, two union officials said.\n\n\
                Workers were told on Friday. The mayor, Ana Ortiz, called it a blow.\n\n\
                Prices for timber have fallen for a year.\n\n\
                The officials spoke on condition of anonymity because the union has not \
                told its members.";
    let found = run(text);
    assert_eq!(
        family(text, &found),
        [("anonymous-source", "two union officials")]
    );
    assert_eq!(sources(text), ["two union officials", "The officials"]);
    // The clause is linked from the source's finding.
    assert!(found[0]
        .related()
        .iter()
        .any(|r| text[r.span.range()].starts_with("The officials spoke")));
}

#[test]
fn a_closing_note_covers_every_source_it_names() {
    let text = "The deal is close, two executives briefed on the talks said. An adviser to \
                one of the firms said a signing was set for Friday, and a person close to the \
                board said the price was agreed.\n\n\
                All of the sources asked not to be named because the talks are confidential \
                and they would lose their jobs.";
    let found = run(text);
    assert_eq!(sources(text).len(), 4, "{:?}", sources(text));
    assert!(
        flagged(text, &found, "anonymity-unexplained").is_empty(),
        "{:?}",
        family(text, &found)
    );
}

#[test]
fn a_plural_reference_does_not_join_a_single_source() {
    let text = "Repairs will take a year, a senior port official said. Officials said the \
                cost had doubled. The officials spoke on condition of anonymity because \
                they feared for their jobs.";
    let found = run(text);
    assert_eq!(
        flagged(text, &found, "anonymity-unexplained"),
        ["a senior port official"]
    );
}

#[test]
fn a_source_described_in_the_next_sentence_is_not_bare() {
    let text = "The library will close, sources said. The sources are librarians who \
                attended the council meeting.";
    let found = run(text);
    assert!(flagged(text, &found, "anonymous-source-bare").is_empty());
    assert!(!found
        .iter()
        .any(|f| f.message().contains("whom the source works for")));
    let text = "The library will close, sources said. The weather was cold.";
    assert!(run(text)
        .iter()
        .any(|f| f.message().contains("whom the source works for")));
}

#[test]
fn institutions_on_the_record_are_not_unnamed_sources() {
    for text in [
        "Roads into the port were closed for six hours after the storm, harbour officials said.",
        "Prosecutors said the driver had been drinking before the crash.",
        "The cheetahs did not approach the boy, according to zoo officials.",
        "Officials at the BPCA warned that pest numbers were rising.",
        "Carnival Cruise Lines officials confirmed the ship was due on Monday.",
        "He was dropped from the programme in March for poor attendance, college officials said.",
        "Organisers of the Harbour Open announced the final would start an hour late.",
        // One of the body's staff giving its routine line, as its officials would.
        "Corn prices will be posted in ten counties, a USDA official said.",
        "The pay talks collapsed on Friday evening, an official from the Tanners' union said.",
    ] {
        assert!(family(text, &run(text)).is_empty(), "{text}");
        // Listed, when staff speak, as unnamed sources the house does not ask about.
        let analysis = Engine::new(Config::default()).check(text, SourceFormat::PlainText);
        assert!(
            analysis
                .ledger
                .sources
                .iter()
                .filter(|s| s.is_unnamed())
                .all(|s| s.unasked == Some(crate::ledger::Unasked::OnRecordStaff)),
            "{text}"
        );
    }
    // Individuals, countries, or inside information: unnamed sources.
    for (text, source) in [
        (
            "Two zoo officials said the keeper had been warned.",
            "Two zoo officials",
        ),
        (
            "A senior harbour official said the closure was a mistake.",
            "A senior harbour official",
        ),
        (
            "Harbour officials privately said the closure was a mistake.",
            "Harbour officials",
        ),
        (
            "Port officials told Reuters the sale had been agreed.",
            "Port officials",
        ),
        (
            "Western diplomats said the talks had stalled.",
            "Western diplomats",
        ),
        (
            "U.S. officials said the talks had stalled.",
            "U.S. officials",
        ),
        (
            "Some prosecutors said the case was weak.",
            "Some prosecutors",
        ),
        (
            "Pentagon officials said the carrier would stay in the region.",
            "Pentagon officials",
        ),
        (
            "FBI officials said the suspect had been under watch.",
            "FBI officials",
        ),
        (
            "Security officials said the attack bore the marks of the group.",
            "Security officials",
        ),
        (
            "Officials familiar with the audit said the agency had lost the files.",
            "Officials familiar with the audit",
        ),
        (
            "A senior USDA official said the minister would resign.",
            "A senior USDA official",
        ),
        (
            "A USDA official, on the understanding he would not be named, said the talks had stalled.",
            "A USDA official",
        ),
        // What the source did is no employer.
        (
            "One official who relayed the exchange said the leader had walked out.",
            "One official who relayed the exchange",
        ),
    ] {
        assert_eq!(sources(text), [source], "{text}");
    }
}

#[test]
fn attacks_need_a_named_person_and_a_judgement_of_them() {
    let attacked = |text: &str| flagged(text, &run(text), "anonymous-attack").len();
    assert_eq!(
        attacked("Mayor Tom Reed is not up to the job, a council aide said."),
        1
    );
    assert_eq!(
        attacked("A council aide said Mayor Reed had lost the plot over the budget."),
        1
    );
    assert_eq!(
        attacked("Two aides to the governor accused Treasurer Dana Hill of lying to the board."),
        1
    );
    assert_eq!(
        attacked("A council aide said Reed's judgment was erratic."),
        1
    );
    // About a plan, a fact about a person, a denied judgement, or a named critic: no attack.
    assert_eq!(
        attacked("A council aide said Reed's budget plan was a disaster."),
        0
    );
    assert_eq!(
        attacked("A council aide said Mayor Reed would sign the budget on Friday."),
        0
    );
    assert_eq!(
        attacked("A council aide said Mayor Reed was not incompetent, only tired."),
        0
    );
    assert_eq!(
        attacked("Councillor Amy Ford said Mayor Reed was out of his depth."),
        0
    );
}

#[test]
fn an_attack_is_one_finding_that_also_lists_what_else_is_missing() {
    let text = "Mayor Tom Reed is incompetent, officials said.";
    let found = run(text);
    assert_eq!(family(text, &found), [("anonymous-attack", "officials")]);
    assert!(found[0]
        .message()
        .contains("Also missing: a reason for anonymity"));
}

#[test]
fn wire_presets_accept_not_authorized_and_market_colour() {
    let text = "Beds were full, said two hospital officials who were not authorized to \
                discuss the matter publicly.";
    let reuters = Config::for_preset(crate::config::HousePreset::Reuters);
    assert_eq!(
        family(text, &run_with(reuters.clone(), text)),
        [("anonymous-source", "two hospital officials")]
    );
    assert_eq!(
        family(text, &run(text)),
        [("anonymity-boilerplate", "two hospital officials")]
    );
    let market = "Crude prices rose 2 pct on Tuesday as traders bet on tighter supply. \
                  Futures for May delivery gained 40 cents a barrel, and the dollar index \
                  fell. Industry sources said refinery demand was strong.";
    assert!(family(market, &run_with(reuters, market)).is_empty());
    assert_eq!(
        flagged(market, &run(market), "anonymity-unexplained"),
        ["Industry sources"]
    );
}

#[test]
fn a_suppression_comment_inside_an_anonymity_clause_does_not_hide_the_reason() {
    let wrapped = "An aide, who asked not to be named because she feared dismissal, said the deal \
                   was off.";
    let commented = "An aide, who asked not to <!-- copydesk-disable-line anonymous-source-bare \
                     -->\nbe named because she feared dismissal, said the deal was off.";
    for text in [wrapped, commented] {
        let found = run(text);
        assert!(
            flagged(text, &found, "anonymity-unexplained").is_empty(),
            "the reason was not read in {text:?}: {found:#?}"
        );
    }
}

#[test]
fn bare_officials_right_after_a_body_is_named_are_not_bare() {
    let bare = |text: &str| {
        family(text, &run(text))
            .iter()
            .any(|(rule, _)| *rule == "anonymous-source-bare")
            || run(text)
                .iter()
                .any(|f| f.message().contains("whom the source works for"))
    };
    for text in [
        "The Harbour Board shut the grain terminal on Monday. Officials said repairs would take a week.",
        "The city council passed the budget late on Tuesday. Officials said the vote was close.",
        "The FAA grounded the fleet overnight, and officials said checks would take days.",
    ] {
        // Still unnamed sources: the story has said whom they work for, not who they are.
        assert_eq!(sources(text).len(), 1, "{text}");
        assert!(!bare(text), "{text}");
    }
    for text in [
        // A body named paragraphs before says nothing about these officials.
        "The Harbour Board shut the grain terminal on Monday.\n\nThe strike spread to two more ports by Friday. Shipping lines rerouted their vessels.\n\nOfficials said the dispute could last a month.",
        // Nor does a government or a country.
        "The government shut the border on Monday. Officials said it would reopen soon.",
        "The border was shut on Monday. Officials said it would reopen soon.",
    ] {
        assert_eq!(sources(text), ["Officials"], "{text}");
        assert!(bare(text), "{text}");
    }
}

#[test]
fn inside_sources_holding_a_view_are_unnamed_sources() {
    let text = "The turnout was higher than her advisers expected on Tuesday.";
    assert_eq!(sources(text), ["her advisers"], "{text}");
    // Views of the public at large are mood, not sourcing.
    let text = "The turnout was higher than most people expected on Tuesday.";
    assert!(sources(text).is_empty(), "{text}");
}

#[test]
fn a_source_speaking_to_another_outlet_is_credited_to_that_outlet() {
    // The outlet named in the sentence answers for its source: nothing to ask of the story,
    // and no note either, but the ledger still lists who is unnamed.
    for text in [
        "The minister will resign on Friday, a source told the Sunday Times.",
        "The visit was meant to ease tension, according to Bloomberg News, citing \
         officials who were at the private briefing.",
        "The Herald also cited unnamed sources as saying the clerk shredded files.",
    ] {
        let found = run(text);
        assert_eq!(family(text, &found), [], "{text}");
        assert_eq!(
            ledger_entries(Config::default(), text).len(),
            1,
            "still in the ledger: {text}"
        );
    }
    // The same words told to no outlet are the story's own source.
    let text = "The minister will resign on Friday, a source told friends.";
    assert_eq!(
        family(text, &run(text)),
        [("anonymity-unexplained", "a source")]
    );
    // The story's own outlet, credited in the dateline, is not another's.
    let text = "LONDON (Reuters) - The minister will resign on Friday, a source told Reuters.";
    let found = run(text);
    assert_eq!(
        family(text, &found),
        [("anonymity-unexplained", "a source")],
        "{found:?}"
    );
}

#[test]
fn westminster_members_counted_are_sources() {
    let text = "The row grew, with one senior MP telling the Courier that the seat was lost.";
    assert_eq!(sources(text), ["one senior MP"]);
    let text = "Two cabinet ministers said the vote would be delayed.";
    assert_eq!(sources(text), ["Two cabinet ministers"]);
    // A member named in apposition is not unnamed.
    let text = "A Green MP, Ilse Varga, warned that the cull would be illegal.";
    assert!(sources(text).is_empty());
}

#[test]
fn sources_cited_by_a_participle() {
    let text = "The deal is close, the weekly reported, citing unnamed diplomatic sources.";
    assert_eq!(sources(text), ["unnamed diplomatic sources"]);
    let text =
        "The errors piled up, including a security adviser to his campaign acknowledging that \
         the plan had failed.";
    assert_eq!(sources(text), ["a security adviser to his campaign"]);
}

#[test]
fn later_mentions_that_refuse_or_hesitate_still_join_their_source() {
    let text = "An aide said talks were under way. The aide declined to say more.";
    assert_eq!(sources(text), ["An aide", "The aide"]);
    // With no source before it, a refusal is nobody's source.
    let text = "The aide declined to say more.";
    assert!(sources(text).is_empty());
    let text = "An official said the files were lost. The official first said he did not know.";
    assert_eq!(sources(text), ["An official", "The official"]);
}

#[test]
fn a_source_with_an_affiliation_needs_no_antecedent() {
    let text = "Barley will be the bulk of it, but the ministry source said this would be small.";
    assert_eq!(sources(text), ["the ministry source"]);
    let text = "Wheat will be the bulk of it, but the USDA source said this would be small.";
    assert_eq!(sources(text), ["the USDA source"]);
}

#[test]
fn a_negated_view_is_still_a_view() {
    let text = "Her advisers are not convinced that the message will carry.";
    assert_eq!(sources(text), ["Her advisers"]);
}

#[test]
fn a_lede_source_named_in_the_next_paragraph_is_named() {
    let text = "Tidal power could light the region within a decade, a senior adviser at the \
                energy ministry has said.\n\nDr Ines Calloway said the turbines had passed their \
                trials.\n";
    assert!(sources(text).is_empty());
    // Wire copy holds the name back with "said" too.
    let text = "Grain exports will slow this spring, a company official said.\n\nHal Ostrow, \
                a vice president, told a briefing that barges were scarce.\n";
    assert!(sources(text).is_empty());
    // Nobody named after the lede: the official stays unnamed.
    let text = "Grain exports will slow this spring, a company official said.\n\nBarges are \
                scarce on the river.\n";
    assert_eq!(sources(text), ["a company official"]);
    // Nor is a crowd of officials one person named later.
    let text = "Grain exports will slow this spring, company officials said.\n\nHal Ostrow, \
                a vice president, told a briefing that barges were scarce.\n";
    assert_eq!(sources(text), ["company officials"]);
    // Not in the lede: a later unnamed source beside a named one stays unnamed.
    let text = "The harbour will reopen in May.\n\nA senior adviser at the ministry has said the \
                pier was unsafe. Dr Ines Calloway said the turbines had passed their trials.\n";
    assert_eq!(sources(text), ["A senior adviser at the ministry"]);
}

#[test]
fn titles_constituencies_and_statements_are_on_the_record() {
    let text = "Gareth Lowe spoke first. The MP for Harrowfield and Dunmere said the party had \
                worked hard.";
    assert!(sources(text).is_empty());
    let text = "“It is a landmark,” said Brightway Chief Planning Officer and Deputy Director, \
                Orla Fenn.";
    assert!(sources(text).is_empty());
    let text = "Marlow county public prosecutors said in a statement they had opened an inquiry.";
    assert!(sources(text).is_empty());
    let text = "Public comments by bank officials suggest rates will hold.";
    assert!(sources(text).is_empty());
    let text = "The A&E consultant claims he had pointed to a chart.";
    assert!(sources(text).is_empty());
}

#[test]
fn a_relative_that_before_a_count_is_not_a_demonstrative() {
    let text = "It is a market that one MP described as unstable.";
    assert_eq!(sources(text), ["one MP"]);
}

#[test]
fn a_source_who_told_the_desks_own_outlet_is_the_desks_source() {
    let text = "The harbour board will raise its fees, a board member told the Evening Herald.";
    // Another outlet's source: credited to it, nothing to ask.
    assert_eq!(family(text, &run(text)), []);
    // The Evening Ledger's own copy: its source needs a reason like any other.
    let own = Config {
        own_outlets: vec!["The Evening Herald".to_string()],
        ..Config::default()
    };
    let found = run_with(own, text);
    assert_eq!(
        family(text, &found),
        [("anonymity-unexplained", "a board member")]
    );
}

#[test]
fn a_wire_story_without_its_credit_in_the_dateline_is_the_wires_own() {
    let body = "The harbour board will raise its fees, a board member told Reuters.";
    // A bare wire dateline: the agency's archive dropped its own name from it.
    let wire = format!("HARBOUR FEES TO RISE\n\nPORTLAND, Feb 26 - {body}\n");
    let found = run(&wire);
    assert_eq!(
        family(&wire, &found),
        [("anonymity-unexplained", "a board member")]
    );
    let wire = format!("HARBOUR FEES TO RISE\n\nNEW YORK, Sept. 3 - {body}\n");
    assert_eq!(
        family(&wire, &run(&wire)),
        [("anonymity-unexplained", "a board member")]
    );
    // Without a dateline, or told an outlet that is no wire, the claim is another's reporting.
    for text in [
        format!("Harbour fees to rise\n\n{body}\n"),
        format!(
            "HARBOUR FEES TO RISE\n\nPORTLAND, Feb 26 - {}\n",
            body.replace("Reuters", "the Evening Herald")
        ),
        format!("HARBOUR FEES TO RISE\n\nPortland, we hear - {body}\n"),
    ] {
        let found = run(&text);
        assert_eq!(family(&text, &found), [], "{text}");
    }
}

/// The ledger's unnamed sources as (label, why the house asks nothing of them).
fn ledger_entries(config: Config, text: &str) -> Vec<(String, Option<crate::ledger::Unasked>)> {
    let analysis = Engine::new(config).check(text, SourceFormat::PlainText);
    analysis
        .ledger
        .sources
        .iter()
        .filter(|s| s.is_unnamed())
        .map(|s| (s.label.clone(), s.unasked))
        .collect()
}

#[test]
fn the_market_chorus_is_listed_but_never_warned_about() {
    use crate::ledger::Unasked;
    let text = "The dollar slipped against the yen in thin trade. Dealers said Japanese \
                exporters sold ahead of the holiday, and one trader said the move was \
                overdone. Economists polled by Reuters expect rates to hold.";
    assert_eq!(
        ledger_entries(Config::default(), text),
        [
            ("Dealers".to_string(), Some(Unasked::MarketColour)),
            ("one trader".to_string(), Some(Unasked::MarketColour)),
            (
                "Economists polled by Reuters".to_string(),
                Some(Unasked::MarketColour)
            ),
        ]
    );
    // Never a warning per line: nothing by default, and one note for a desk that asks.
    assert!(family(text, &run(text)).is_empty());
    assert_eq!(
        family(
            text,
            &run_with(asking_for_market_voices(Config::default()), text)
        ),
        [("anonymous-market-colour", "Dealers")]
    );
    let text = "Similarly, analysts expect the impact on the rest of the business to be limited.";
    assert_eq!(sources(text), ["analysts"]);
    // What analysts did to a share is the story's subject, not its sourcing.
    let text = "Analysts have downgraded the stock twice this year, and its price fell.";
    assert!(ledger_entries(Config::default(), text).is_empty());
}

/// The configuration with `anonymous-market-colour` switched on, as a desk that wants its
/// market voices named sets it.
fn asking_for_market_voices(mut config: Config) -> Config {
    config.rules.insert(
        "anonymous-market-colour".to_owned(),
        crate::config::RuleLevel::Severity(crate::rules::Severity::Hint),
    );
    config
}

#[test]
fn market_colour_is_one_note_per_story_for_a_desk_that_asks() {
    use crate::config::HousePreset;
    let text = "Wheat futures fell 4 cents a bushel. Traders said rain in Kansas eased \
                worries. Soybeans rose, and one broker said buying came from feed mills. \
                Dealers said corn was quiet, and traders said exports were slow.";
    // Off under every house: the chorus is colour.
    for preset in HousePreset::ALL {
        assert!(family(text, &run_with(Config::for_preset(preset), text)).is_empty());
    }
    let found = run_with(asking_for_market_voices(Config::default()), text);
    assert_eq!(
        family(text, &found),
        [("anonymous-market-colour", "Traders")]
    );
    let note = &found[0];
    assert_eq!(note.severity, crate::rules::Severity::Hint);
    assert_eq!(note.related().len(), 3, "{:?}", note.related());
    assert!(
        note.message().contains("\"one broker\""),
        "{}",
        note.message()
    );
    assert!(!note.message().contains("reason for anonymity is given"));
    // A desk on any preset may ask for it.
    for preset in HousePreset::ALL {
        let asking = asking_for_market_voices(Config::for_preset(preset));
        assert_eq!(
            flagged(text, &run_with(asking, text), "anonymous-market-colour"),
            ["Traders"],
            "{preset:?}"
        );
    }
    // A story without market voices has no note, and analysts outside market copy are not
    // the market's mood.
    for text in [
        "Two council members said the budget vote would be delayed.",
        "Some economists believe the levy will close the mill.",
        "Analysts said the ceasefire would not hold past the weekend.",
    ] {
        let asking = asking_for_market_voices(Config::default());
        assert!(flagged(text, &run_with(asking, text), "anonymous-market-colour").is_empty());
    }
}

#[test]
fn ordinary_people_quoted_unnamed_are_listed_without_a_warning() {
    use crate::ledger::Unasked;
    let text = "An Indian woman said her driver had taken the wrong road.";
    assert_eq!(sources(text), ["An Indian woman"]);
    let text = "The water rose overnight. One resident said the road had been closed since \
                noon, and a witness told reporters she saw two cars swept away.";
    assert_eq!(
        ledger_entries(Config::default(), text),
        [
            ("One resident".to_string(), Some(Unasked::Bystander)),
            ("a witness".to_string(), Some(Unasked::Bystander)),
        ]
    );
    assert!(family(text, &run(text)).is_empty());
    // Readers answering online are ordinary people too.
    let text = "The clip was posted on Sunday. One commenter wrote: 'Best show in years.' \
                Viewers said the sound was poor.";
    assert_eq!(
        ledger_entries(Config::default(), text),
        [
            ("One commenter".to_string(), Some(Unasked::Bystander)),
            ("Viewers".to_string(), Some(Unasked::Bystander)),
        ]
    );
    assert!(family(text, &run(text)).is_empty());
    // Named within the description: a person, not an unnamed source.
    let text = "Prices are too high, according to a man with a sore knee wearing a red \
                scarf who turns out to be Dan Okoro, the only independent councillor.";
    assert!(ledger_entries(Config::default(), text).is_empty());
    // A man who acts is no source; "the victim" is someone the story has named.
    let text = "A man was arrested at the scene. The victim said she had never met him.";
    assert!(ledger_entries(Config::default(), text).is_empty());
    // The summary does not count them as sources left without a reason.
    let analysis = Engine::new(Config::default()).check(
        "A witness said the lorry ran the light.",
        SourceFormat::PlainText,
    );
    let summary = analysis.ledger.summary();
    assert_eq!((summary.unnamed, summary.unnamed_without_reason), (1, 0));
}

#[test]
fn officials_of_a_named_body_are_unnamed_in_the_ledger_and_warned_about_only_when_configured() {
    use crate::config::NamedBodyOfficials;
    use crate::ledger::Unasked;
    let text = "Zoo officials said the tiger had been moved to a larger enclosure.";
    assert_eq!(
        ledger_entries(Config::default(), text),
        [("Zoo officials".to_string(), Some(Unasked::OnRecordStaff))]
    );
    assert!(family(text, &run(text)).is_empty());
    let unnamed = Config {
        anonymous: crate::config::AnonymousSettings {
            named_body_officials: NamedBodyOfficials::Unnamed,
        },
        ..Config::default()
    };
    assert_eq!(
        ledger_entries(unnamed.clone(), text),
        [("Zoo officials".to_string(), None)]
    );
    assert_eq!(
        flagged(
            text,
            &run_with(unnamed.clone(), text),
            "anonymity-unexplained"
        ),
        ["Zoo officials"]
    );
    // The office itself speaks under either setting.
    let text = "Prosecutors said the defendant had fled the country twice.";
    assert!(ledger_entries(unnamed.clone(), text).is_empty());
    assert!(family(text, &run_with(unnamed, text)).is_empty());
}

#[test]
fn one_and_another_speak_for_a_group_already_introduced() {
    // "One said" and "another added" are members of the officials already described: the
    // group's missing reason is one problem, not three.
    let text = "Two officials at the port authority said the cranes were idle. One said the \
                union had been told in March. Another added that the talks had stalled.";
    let found = run(text);
    let on_group = family(text, &found);
    assert_eq!(
        on_group.iter().filter(|(_, t)| *t == "One").count()
            + on_group.iter().filter(|(_, t)| *t == "Another").count(),
        0,
        "{on_group:?}"
    );
    assert!(
        on_group
            .iter()
            .any(|(_, t)| *t == "Two officials at the port authority"),
        "{on_group:?}"
    );
    // "Another" after a single source is one more of the same description.
    let text = "A senior official said the cranes were idle. Another added that the talks had \
                stalled.";
    let found = run(text);
    assert_eq!(
        family(text, &found),
        [("anonymity-unexplained", "A senior official")]
    );
    // A lone "one" has no noun of its own: a single earlier source cannot be its group.
    let text = "A senior official said the cranes were idle. One said the talks had stalled.";
    let found = run(text);
    assert_eq!(family(text, &found).len(), 2, "{:?}", family(text, &found));
}

#[test]
fn several_members_are_unnamed_sources_that_one_and_another_speak_for() {
    // "Several ministers" is a handful of unnamed members, as "two ministers" is; the "one"
    // and "another" after it are members of that group, so the missing reason is one problem.
    let text = "Several cabinet ministers have privately complained that the levy is unworkable. \
                One said the chancellor had misread the room, while another added that the \
                plan would not last the summer.";
    let found = run(text);
    assert_eq!(
        family(text, &found),
        [("anonymity-unexplained", "Several cabinet ministers")]
    );
    // Members speaking in public, or named at once, are no hidden source.
    for text in [
        "Several ministers praised the levy in the Commons on Tuesday.",
        "Several ministers, including Maria Ostrowska and Tom Adeyemi, said the levy was fair.",
        "Some ministers said the levy was fair.",
    ] {
        let found = run(text);
        assert_eq!(family(text, &found), [], "{text}");
    }
}

#[test]
fn a_name_described_in_apposition_is_named_however_the_description_ends() {
    // Inverted "said" before the name: the description is the speaker's, even when a
    // participle follows it.
    let text = "“The fees are unfair,” said Wang Li, an official from the city pricing bureau \
                quoted in a state newspaper.";
    assert!(sources(text).is_empty());
    // Two titles of one person, the second without an article.
    let text = "John Carter, chairman and chief executive said the firm would not buy a \
                station.";
    assert!(sources(text).is_empty());
    let text = "On acquisitions, John Carter, chairman and chief executive said the firm \
                would not buy a station.";
    assert!(sources(text).is_empty());
    let text = "“The port must stay open,” Ana Ruiz, its minister for trade added.";
    assert!(sources(text).is_empty());
    // An aside about a named person, and a place before the comma, leave the source unnamed.
    let text = "Jane Lee, an aide said, was furious about the vote.";
    assert_eq!(sources(text), ["an aide"]);
    let text = "After talks with the prime minister, Ken Sato, an aide said the stance had not \
                changed.";
    assert_eq!(sources(text), ["an aide"]);
    let text = "In New York, a senior official said the talks had stalled.";
    assert_eq!(sources(text), ["a senior official"]);
    // Plural heads after a name are a list of sources, not the name's titles.
    let text = "The plan will fail, Mayor Ann Lee, aides and senior officials said.";
    assert_eq!(sources(text), ["aides and senior officials"]);
    // A place before the comma is no name.
    let text = "In New York, a senior official said the talks had stalled.";
    assert_eq!(sources(text), ["a senior official"]);
}

#[test]
fn an_office_one_person_holds_identifies_them() {
    let text = "Acme Steel will shut two mills next spring, its chief executive said on Tuesday.";
    assert!(sources(text).is_empty());
    let text = "Acme Steel will sell the mill, the company's chief financial officer said.";
    assert!(sources(text).is_empty());
    // Without whose office it is, a chief executive could be anyone's.
    let text = "The merger will fail, a chief executive at a rival firm said.";
    assert_eq!(sources(text), ["a chief executive at a rival firm"]);
}

#[test]
fn a_share_of_a_group_is_a_survey_finding_not_a_source() {
    let text = "Almost three-quarters of council aides said the job was draining, the survey \
                found.";
    assert!(sources(text).is_empty());
    let text = "More than 60 per cent of officials said they would leave, a staff poll showed.";
    assert!(sources(text).is_empty());
    for text in [
        "Almost two-thirds of councillors' aides said the work was tiring.",
        "Almost two-thirds of councillors’ aides said the work was tiring.",
    ] {
        assert!(sources(text).is_empty(), "{text}");
    }
    let text = "A survey of nearly 200 members of staff found that half were anxious.";
    assert!(sources(text).is_empty());
    // A count of people is still sources.
    let text = "Two of the officials said the plan would fail.";
    assert_eq!(sources(text), ["Two of the officials"]);
}

#[test]
fn words_that_only_look_like_a_source_and_its_verb_are_none() {
    // A plural's possessive: the report speaks, not "a new MPs".
    assert!(sources("Ferries are too slow, says a new MPs' report.").is_empty());
    // A gerund between two nouns names a kind of team.
    assert!(sources("She was a senior member of the budget drafting team.").is_empty());
    // The parenthesis closes the subject; the figure after the verb is what was said.
    assert!(sources("The agency (WHO) said 700 people were on the new drugs.").is_empty());
    // Talk named, nothing said.
    assert!(sources("She was cheered by what people were saying. Then she left.").is_empty());
    // The same words where they do name a source.
    assert_eq!(
        sources("Ferries are too slow, says a new MP."),
        ["a new MP"]
    );
    assert_eq!(
        sources("“It is too slow,” said a senior ferry official."),
        ["a senior ferry official"]
    );
}

#[test]
fn a_clause_about_both_groups_of_officials_covers_the_earlier_one() {
    let text = "A treasury official who sat in on the talks said the levy would \
                hold.\n\nThe port reopened on Monday.\n\nBoth the treasury and harbour board \
                officials, who would not be identified, said the levy was fair.";
    let found = run(text);
    let earlier: Vec<&Finding> = found
        .iter()
        .filter(|f| text[f.span().range()].starts_with("A treasury official"))
        .collect();
    assert_eq!(earlier.len(), 1, "{found:?}");
    assert!(
        earlier[0]
            .message()
            .contains("spoke on condition of anonymity but not why"),
        "{}",
        earlier[0].message()
    );
    // Without "both", the clause is the central bank officials' own.
    let text = text.replace("Both the treasury and harbour board", "Harbour board");
    let found = run(&text);
    assert!(
        found.iter().any(
            |f| text[f.span().range()].starts_with("A treasury official")
                && f.message().contains("no anonymity clause")
        ),
        "{found:?}"
    );
}

#[test]
fn sources_an_outlet_quotes_are_the_outlets_to_answer_for() {
    for text in [
        "The Daily Courier, quoting unnamed council sources, said the depot would close.",
        "The depot will close, the Lakeside Gazette reported, quoting council sources.",
        "The newspaper Hokuriku Shimbun, citing council sources, said the depot would close.",
    ] {
        assert_eq!(family(text, &run(text)), [], "{text}");
        assert_eq!(ledger_entries(Config::default(), text).len(), 1, "{text}");
    }
}

#[test]
fn the_impersonal_one_is_nobody_in_particular() {
    assert!(sources("If the council wants a levy, one could say the rate is fair.").is_empty());
    assert!(sources("In his own ward, one might think the mayor would fill the hall.").is_empty());
    assert!(sources("Still, one can safely say the depot is full.").is_empty());
    // One of the sources before it.
    assert_eq!(
        sources(
            "Two council officials spoke about the depot. One would say only that it was full."
        ),
        ["Two council officials", "One"]
    );
}

#[test]
fn two_groups_of_people_joined_by_and_are_one_source() {
    let text = "The levy will pass, according to interviews with ten ward leaders and \
                officials involved in the vote.";
    assert_eq!(
        sources(text),
        ["ten ward leaders and officials involved in the vote"]
    );
    // "and" before anything but people ends the source.
    assert_eq!(
        sources("The levy will pass, two officials said and the mayor agreed."),
        ["two officials"]
    );
}

#[test]
fn tallies_shares_and_orders_are_not_sources() {
    // A survey's count or share of its respondents.
    assert!(sources("In all, 1,409 teachers said they backed the plan.").is_empty());
    assert!(sources("Some 68% of teachers said they had cut music lessons.").is_empty());
    // A year is no count.
    assert_eq!(
        sources("“She cut the prep time,” said a 2008 campaign veteran."),
        ["a 2008 campaign veteran"]
    );
    // An order given, not something said to be so.
    assert!(sources("One of the officials told the driver to stop the car.").is_empty());
    assert!(sources("A senior official told Ruiz to leave the building.").is_empty());
    assert_eq!(
        sources("A senior official told the paper the unit was going to withdraw."),
        ["A senior official"]
    );
    assert_eq!(
        sources("Campaign insiders told POLITICO they planned to respond."),
        ["Campaign insiders"]
    );
}

#[test]
fn a_name_inside_the_description_names_the_source() {
    // The letters after an MP's name, and a title run into a name the story uses on its own.
    let text = "The bypass was delayed again. Dana Reyes MP, the party's transport spokeswoman, \
                said the delay was a blow.";
    assert_eq!(family(text, &run(text)), []);
    let text = "The bypass was delayed again. Minister of State for Roads Ali Hassan Mahdi said \
                the delay was a blow. Later, Mahdi told reporters it would open in May.";
    assert_eq!(family(text, &run(text)), []);
    // A bank that starts with a given name is no person: no story calls it by its last word.
    let text = "The bypass was delayed again. A Morgan Stanley official said the delay was a blow.";
    assert_eq!(sources(text), ["A Morgan Stanley official"]);
}

#[test]
fn a_poll_share_is_no_source() {
    let text = "Prices rose again. Eight in 10 people say they are cutting back, according to \
                the pollster Ipsos.";
    assert!(sources(text).is_empty());
}

#[test]
fn a_source_walk_stops_at_a_clause_that_opens_inside_the_sentence() {
    let text = "The carmaker would not comment. Its silence came after the trade minister of the \
                eastern province said a visit was planned.";
    assert!(
        !sources(text).iter().any(|s| s.contains("silence")),
        "{:?}",
        sources(text)
    );
}

#[test]
fn terms_agreed_are_not_a_view() {
    let text = "The fund was fined. Two former officials agreed settlements with the regulator.";
    assert!(sources(text).is_empty());
    let text = "The fund was fined. Two former officials agreed the fine was fair.";
    assert_eq!(sources(text), ["Two former officials"]);
}

#[test]
fn officials_of_a_named_body_are_its_staff_not_a_partitive() {
    let text = "The merger stalled. Officials of the Federal Maritime Commission (FMC) said \
                the plan would not help shippers.";
    assert_eq!(family(text, &run(text)), []);
    let text = "The merger stalled. Two of the commission's officials said the plan would not \
                help shippers.";
    assert_eq!(sources(text), ["Two of the commission's officials"]);
}

#[test]
fn people_a_speaker_on_the_record_relays_are_that_speakers_account() {
    let text = "Harriet Vance told the committee there was a risk people would feel pushed \
                to leave.";
    assert_eq!(family(text, &run(text)), []);
    let text = "The minister said two aides had told her the plan was dead.";
    assert_eq!(family(text, &run(text)), []);
    // An inverted cue's source is the story's own, whoever the sentence is about.
    let text = "Mr. Lane warned the envoy, Omar Haddad, not to raise tariffs, said a senior \
                official who spoke anonymously because the talks were private.";
    assert_eq!(sources(text), ["a senior official"]);
    // The story's own sources after a comma are not the speaker's.
    let text = "Harriet Vance said the plan was sound, while two aides said it was dead.";
    assert_eq!(sources(text), ["two aides"]);
}

#[test]
fn a_group_joined_to_a_named_speaker_is_on_the_record_with_them() {
    let text = "The bid failed in the west. Okafor and two strategists agreed that the message \
                had not landed. Okafor said the party would listen.";
    assert_eq!(family(text, &run(text)), []);
    // A sentence's first noun and an adjective are no names.
    let text = "Diplomats and officials said the talks had failed. Diplomats said so again.";
    assert_eq!(sources(text).first(), Some(&"Diplomats and officials"));
}

#[test]
fn a_document_named_after_the_lede_does_not_name_its_source() {
    let text = "Cleaners at the ministry were bullied, a union member said.\n\n\
                The claim comes after Ruth Dale's inquiry disclosed that guards were mistreated.";
    assert_eq!(sources(text), ["a union member"]);
}

#[test]
fn a_title_and_name_after_the_description_and_counted_member_states() {
    let text = "\"The rules are a failure,\" said the league's executive Director Ana Ruiz in \
                a statement.";
    assert_eq!(family(text, &run(text)), []);
    let text = "Diplomats said there was no basis for a deal among the union's 27 member states.";
    assert_eq!(sources(text), ["Diplomats"]);
}

#[test]
fn the_layer_index_lists_speakers_by_where_their_source_starts() {
    use crate::attribution::Attributions;
    use crate::text::Story;
    // Sources after their quotes, before them and inverted, so the layer's order is not theirs.
    let text = "“The plan will fail,” said a senior official who has seen it. Two aides who read the draft said it was dead. “We will veto it,” said Ann Lee, the mayor. Lee said she would.\n";
    let story = Story::new(text, SourceFormat::PlainText);
    let attributions = Attributions::read(&story);
    let index = super::LayerIndex::read(&story, &attributions);
    let sources: Vec<_> = index
        .spoken
        .iter()
        .filter_map(|&i| attributions.source_of(i as usize))
        .collect();
    assert!(sources.len() >= 3, "{sources:?}");
    assert_eq!(sources.len(), index.spoken.len());
    assert!(
        sources.windows(2).all(|w| w[0].start <= w[1].start),
        "{sources:?}"
    );
    assert_eq!(
        Some(index.longest_spoken),
        sources.iter().map(|s| s.len()).max()
    );
}

#[test]
fn a_counted_observer_is_a_source_and_observer_reports_are_not() {
    let text = "A European election observer said the count was fair.";
    assert_eq!(sources(text), ["A European election observer"]);
    let text = "The boards, which audit farms and read observer reports, must act.";
    assert!(sources(text).is_empty());
}
