//! Check family: name consistency.
//!
//! `mentions` finds person mentions, `roster` groups them into people and records spellings
//! that drift, `consistency` turns the roster into findings, and `house` applies the desk's
//! own name list and courtesy-title style.

mod consistency;
mod house;
pub mod lexicon;
pub mod mentions;
pub mod roster;
pub mod similarity;
pub mod word_counts;

use crate::attribution::Attributions;
use crate::checks::{Check, Family};
use crate::config::Config;
use crate::finding::Finding;
use crate::incremental::Memo;
use crate::ledger::{self, Ledger};
use crate::rules::{
    Rule, NAME_AMBIGUOUS_SURNAME, NAME_COURTESY_TITLE, NAME_FIRST_NAME_MISMATCH,
    NAME_FIRST_REFERENCE, NAME_HOUSE_SPELLING, NAME_VARIANT,
};
use crate::text::Story;
use lexicon::Lexicon;
use word_counts::WordCounts;

pub static RULES: &[&Rule] = &[
    &NAME_VARIANT,
    &NAME_FIRST_NAME_MISMATCH,
    &NAME_AMBIGUOUS_SURNAME,
    &NAME_FIRST_REFERENCE,
    &NAME_HOUSE_SPELLING,
    &NAME_COURTESY_TITLE,
];

pub static FAMILY: Family = Family {
    name: "name consistency",
    rules: RULES,
    build,
};

fn build(config: &Config) -> Box<dyn Check> {
    Box::new(Checker {
        house: house::HouseStyle::new(config),
        no_first_reference: config
            .no_first_reference
            .iter()
            .map(|n| similarity::fold(n))
            .collect(),
    })
}

struct Checker {
    house: house::HouseStyle,
    /// Folded names (full or surname) that need no first reference.
    no_first_reference: Vec<String>,
}

impl Check for Checker {
    fn check(&self, story: &Story, out: &mut Vec<Finding>) {
        self.check_and_record(story, &Attributions::default(), out, &mut Ledger::default());
    }

    fn check_and_record(
        &self,
        story: &Story,
        _: &Attributions,
        out: &mut Vec<Finding>,
        ledger: &mut Ledger,
    ) {
        let lex = Lexicon::get();
        let mentions = mentions::find_mentions(story, lex);
        let words = WordCounts::of(story, &mentions);
        self.check_mentions(story, &mentions, &words, out, ledger);
    }

    fn reads_attributions(&self) -> bool {
        false
    }

    fn check_memoised(
        &self,
        story: &Story,
        _: &Attributions,
        out: &mut Vec<Finding>,
        ledger: &mut Ledger,
        memo: &mut Memo,
    ) {
        let mentions = mentions::find_mentions_memoised(story, Lexicon::get(), memo);
        let words = WordCounts::memoised(story, &mentions, memo);
        self.check_mentions(story, &mentions, &words, out, ledger);
    }
}

impl Checker {
    /// The story-level part of the family, over the mentions of every paragraph.
    fn check_mentions(
        &self,
        story: &Story,
        mentions: &[mentions::Mention],
        words: &WordCounts,
        out: &mut Vec<Finding>,
        ledger: &mut Ledger,
    ) {
        let lex = Lexicon::get();
        let roster = roster::Roster::build(story, mentions, words, lex);
        let start = out.len();
        self.house.house_spellings(story, out);
        let house_spans: Vec<_> = out[start..].iter().map(|f| f.span()).collect();
        consistency::report(
            story,
            mentions,
            &roster,
            &self.no_first_reference,
            &house_spans,
            &self.house,
            out,
        );
        self.house.courtesy_titles(story, mentions, &roster, out);
        // A person's entry holds a span per mention: for no reader, a story that repeats a
        // name holds them all again at the analysis's peak.
        if ledger.is_kept() {
            record_people(story, mentions, &roster, ledger);
        }
    }
}

/// Enters the roster's people in the ledger, in order of first mention.
fn record_people(
    story: &Story,
    mentions: &[mentions::Mention],
    roster: &roster::Roster,
    ledger: &mut Ledger,
) {
    let mut people: Vec<ledger::Person> = roster
        .people
        .iter()
        .filter_map(|person| {
            let anchor = mentions.get(person.anchor()?)?;
            let own = || person.mentions.iter().filter_map(|&m| mentions.get(m));
            // The roster keeps bare capitalised words to compare spellings against; the
            // ledger lists only those the story shows to be people: a full name, a title, or
            // a person's slot (possessive, reporting verb, apposition) that is not "the X" and
            // not a lower-case word kept for comparison.
            let shown_to_be_a_person = |m: &mentions::Mention| {
                m.title.is_some() || (m.cue() && !m.after_determiner() && !m.lowercase)
            };
            if person.full_name.is_none() && !own().any(shown_to_be_a_person) {
                return None;
            }
            let mut titles: Vec<String> = Vec::new();
            let mut spellings: Vec<String> = Vec::new();
            for m in own() {
                if let Some(title) = &m.title {
                    if !titles.contains(&title.text) {
                        titles.push(title.text.clone());
                    }
                }
                // Copied only when new: a name repeated through the story is one spelling.
                let spelling = story.text(m.span);
                if !spellings.iter().any(|s| s == spelling) {
                    spellings.push(spelling.to_string());
                }
            }
            Some(ledger::Person {
                name: person
                    .full_name
                    .clone()
                    .unwrap_or_else(|| person.surname.clone()),
                first: anchor.span,
                // Sized up front: a name repeated through a long story has a span per mention,
                // and a collected `filter_map` would grow to twice that.
                mentions: {
                    let mut spans = Vec::with_capacity(person.mentions.len());
                    spans.extend(own().map(|m| m.span));
                    spans
                },
                titles,
                spellings,
            })
        })
        .collect();
    people.sort_by_key(|p| p.mentions.first().map(|m| m.start));
    ledger.people.extend(people);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{HouseName, HousePreset};
    use crate::finding::Severity;
    use crate::text::SourceFormat;

    fn run(config: &Config, text: &str) -> Vec<(String, String, Severity, Option<String>)> {
        let story = Story::new(text, SourceFormat::PlainText);
        let mut out = Vec::new();
        build(config).check(&story, &mut out);
        out.sort_by_key(|f| f.span().start);
        out.into_iter()
            .map(|f| {
                (
                    f.rule.to_string(),
                    story.text(f.span()).to_string(),
                    f.severity,
                    f.suggestion().map(str::to_string),
                )
            })
            .collect()
    }

    fn rules(config: &Config, text: &str) -> Vec<(String, String)> {
        run(config, text)
            .into_iter()
            .map(|(rule, text, _, _)| (rule, text))
            .collect()
    }

    fn pair(rule: &str, text: &str) -> (String, String) {
        (rule.to_string(), text.to_string())
    }

    /// The story draws no `name-first-name-mismatch`: its people are told apart.
    fn assert_no_first_name_mismatch(config: &Config, text: &str) {
        let found = rules(config, text);
        assert!(
            found.iter().all(|f| f.0 != "name-first-name-mismatch"),
            "{text}: {found:?}"
        );
    }

    /// The people the family records for `text`.
    fn ledger_of(text: &str) -> Ledger {
        let story = Story::new(text, SourceFormat::PlainText);
        let mut ledger = Ledger::default();
        build(&Config::default()).check_and_record(
            &story,
            &Attributions::default(),
            &mut Vec::new(),
            &mut ledger,
        );
        ledger
    }

    #[test]
    fn the_ledger_lists_people_the_story_shows_to_be_people() {
        let text = "Disclaimer\n\nThe Service is provided as is. The Service does not \
                    promise results. This disclaimer is subject to change.\n\nMarta Kowalczyk \
                    chairs the board. Kowalczyk said the vote was close.";
        let ledger = ledger_of(text);
        let names: Vec<&str> = ledger.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Marta Kowalczyk"]);
    }

    #[test]
    fn an_ordinary_word_in_lower_case_is_no_name_that_lost_its_capital() {
        let text = "Marta Kowalczyk chairs the board.\n\nEnrollment will be high, Kowalczyk \
                    said. Total enrollment is expected to rise, and enrollment was slow last year.";
        let ledger = ledger_of(text);
        let names: Vec<&str> = ledger.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Marta Kowalczyk"]);
    }

    #[test]
    fn a_dropped_letter_in_a_later_reference_is_a_variant() {
        let text = "Finance Minister Odile Marchetti presented the budget on Monday. \
                    Marchetti said it was balanced. Critics said Marchetty had hidden the deficit.";
        let story = Story::new(text, SourceFormat::PlainText);
        let mut out = Vec::new();
        build(&Config::default()).check(&story, &mut out);
        let variant = out
            .iter()
            .find(|f| f.rule == "name-variant")
            .expect("a variant finding");
        assert_eq!(story.text(variant.span()), "Marchetty");
        assert_eq!(variant.severity, Severity::Warning);
        assert_eq!(variant.suggestion(), Some("Marchetti"));
        assert_eq!(story.text(variant.related()[0].span), "Odile Marchetti");
        assert_eq!(out.len(), 1, "{out:?}");
    }

    #[test]
    fn a_slip_of_the_first_of_two_surnames_the_story_goes_by_is_a_variant() {
        let config = Config::default();
        let text = "Port reopens\n\nHarbour director Tomas Errazuriz Valdivia opened the new \
                    quay on Friday. Errazuriz said traffic would double. Critics said Errazurriz \
                    had ignored the fishermen.";
        assert_eq!(rules(&config, text), [pair("name-variant", "Errazurriz")]);
        // A middle name the story never uses alone is not a name it goes by.
        let text = "Port reopens\n\nHarbour director Tomas Errazuriz Valdivia opened the new \
                    quay on Friday. Valdivia said traffic would double. Critics said Errazurriz \
                    had ignored the fishermen.";
        assert_eq!(rules(&config, text), []);
    }

    #[test]
    fn transliterations_diacritics_and_particles_are_variants() {
        let config = Config::default();
        let found = rules(
            &config,
            "Opposition leader Pavel Dorashenko spoke in Minsk. Dorashenka later left the city.",
        );
        assert_eq!(found, [pair("name-variant", "Dorashenka")]);
        let found = rules(
            &config,
            "The chef Inés Montoya opened a bistro. Critics praised Montóya for the menu.",
        );
        assert_eq!(found, [pair("name-variant", "Montóya")]);
        let found = rules(
            &config,
            "The envoy Karim al-Hadrami arrived on Sunday. Officials said al-Hadramy would stay.",
        );
        assert_eq!(found, [pair("name-variant", "al-Hadramy")]);
    }

    #[test]
    fn a_first_name_that_is_a_place_or_a_surname_that_is_a_building_still_names_a_person() {
        let config = Config::default();
        // "Pierre" is a state capital and "Castle" ends names of buildings; the reporting
        // verb says these are people.
        let found = rules(
            &config,
            "Refinery chief Pierre Vaillaud said demand was weak. Vaíllaud added that it \
             would recover.",
        );
        assert_eq!(found, [pair("name-variant", "Vaíllaud")]);
        let found = rules(
            &config,
            "Nurse Laura Castle said she was sorry. The court heard Castel had been tired.",
        );
        assert_eq!(found, [pair("name-variant", "Castel")]);
        // An age set off after the name is such a sign too.
        let found = rules(
            &config,
            "Ruth Castle, 44, denied the charge, a court heard. The court heard Castel had been \
             tired.",
        );
        assert_eq!(found, [pair("name-variant", "Castel")]);
        // Without a sign of a person the place and the building stay what they are.
        let found = rules(
            &config,
            "Visitors queued at Windsor Castle. The Castle said tickets were sold out.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_credit_in_surname_order_is_a_reversal_even_when_the_surname_is_a_word_or_a_place() {
        let config = Config::default();
        for (person, credit) in [("Ruth Bell", "Bell Ruth"), ("Omar Jordan", "Jordan Omar")] {
            let surname = person.split(' ').nth(1).unwrap_or_default();
            let text = format!(
                "Economist {person} said demand was weak. {surname} added that it would \
                 recover.\n\nPhotograph: {credit}/Reuters\n"
            );
            let found = rules(&config, &text);
            assert_eq!(found, [pair("name-variant", credit)], "{text}");
        }
        // The same words with no person of that name are somebody else's credit.
        let found = rules(
            &config,
            "Economist Ruth Jones said demand was weak.\n\nPhotograph: Bell Ruth/Reuters\n",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_pronoun_of_the_other_sex_says_a_changed_first_name_is_a_slip() {
        let config = Config::default();
        // A woman's first name on the surname of a man named before, the sentence calling
        // the newcomer "his": the story's own pronoun says it is the same man.
        // The two descriptions differ, which alone would say two people.
        let found = rules(
            &config,
            "The former shadow chancellor Michael Portwell earns up to £500,000 a year. \
             Former Defence Secretary Diane Portwell makes some of his money as an adviser.",
        );
        assert_eq!(found, [pair("name-first-name-mismatch", "Diane")]);
        // An age between the name and its verb is still the name's own.
        let found = rules(
            &config,
            "The former shadow chancellor Michael Portwell earns up to £500,000 a year. \
             Former Defence Secretary Diane Portwell, 61, makes some of his money as an adviser.",
        );
        assert_eq!(found, [pair("name-first-name-mismatch", "Diane")]);
        // The pronoun agrees with the newcomer: a relative, not a slip.
        let found = rules(
            &config,
            "Former defence minister Michael Portwell spoke on Monday. Portwell said the \
             budget was too small. His wife, the lawyer Diane Portwell, said she agreed.",
        );
        assert!(found.is_empty(), "{found:?}");
        // After a comma, and as an object, the pronoun is someone else's.
        let found = rules(
            &config,
            "The former shadow chancellor Michael Portwell earns up to £500,000 a year. He \
             praised a classroom aide, Diane Portwell, who died trying to protect him.",
        );
        assert!(found.is_empty(), "{found:?}");
        // A pronoun after another name in between is that person's.
        let found = rules(
            &config,
            "Former defence minister Michael Portwell spoke on Monday. Portwell said the \
             budget was too small. The lawyer Diane Portwell told Tom Reyes about his plans.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn one_name_repeated_through_a_long_paragraph_is_read_whole() {
        // Thousands of mentions of one person on one line: every pass of the family stays
        // linear in them (no per-mention rescans of the line or of the other mentions).
        let text = "Donald Trum said ".repeat(30_000);
        let found = run(&Config::default(), &text);
        assert!(
            found.iter().all(|f| f.0 != "name-first-name-mismatch"),
            "{:?}",
            found.first()
        );
    }

    #[test]
    fn a_credit_with_the_name_order_reversed_is_a_variant() {
        let config = Config::default();
        let text = "Margaret Halloway opened the clinic on Monday. Halloway said it would \
                    serve the valley.\n\nPhotograph: Halloway Margaret/Agency";
        let found = run(&config, text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "name-variant");
        assert_eq!(found[0].1, "Halloway Margaret");
        assert_eq!(found[0].3.as_deref(), Some("Margaret Halloway"));
        // A surname that is also a first name is read as one: "Ryan Paul".
        let text = "Paul Ryan spoke on Monday. Ryan said the vote would wait.\n\n\
                    Photograph: Ryan Paul/Agency";
        let found = rules(&config, text);
        assert_eq!(found, [pair("name-variant", "Ryan Paul")]);
    }

    #[test]
    fn a_hyphenated_surname_written_with_a_space_is_a_variant() {
        let found = rules(
            &Config::default(),
            "The candidate Roberta Kilder-Vance toured the port. Voters said Kilder Vance \
             had listened.",
        );
        assert_eq!(found, [pair("name-variant", "Kilder Vance")]);
    }

    #[test]
    fn demonyms_plurals_and_codes_are_not_misspelt_names() {
        let config = Config::default();
        for text in [
            "Premier Dana Aldous of Victoria spoke. Aldous said every Victorian would gain. \
             Victoria will pay.",
            "Saudi Arabia cut output. The Saudi Arabian minister Hal Wardrop said Arabia \
             would hold.",
            "Money supply grew. M1 rose 2 pct while M2 and M3 fell, the bank said.",
        ] {
            let found = rules(&config, text);
            assert!(found.is_empty(), "{text}: {found:?}");
        }
    }

    #[test]
    fn two_people_with_near_names_are_not_one() {
        let config = Config::default();
        // A full name with its own first name is no misspelling of a bare figure's surname.
        let found = rules(
            &config,
            "Reagan spoke to reporters. Chief of staff Donald Regan said Reagan was tired. \
             Regan left later. Reagan stayed.",
        );
        assert!(found.is_empty(), "{found:?}");
        // Two people of one surname, each described in their own words.
        let found = rules(
            &config,
            "Ross Tarrant, the founder of the dairy, said sales rose. Tarrant was pleased. \
             Dylan Tarrant, head of growth at the dairy, said exports doubled. Tarrant added more.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_story_consistent_in_its_own_spelling_of_a_figure_is_not_warned() {
        let found = rules(
            &Config::default(),
            "Ayman al-Zawahri released a video. Officials said Ayman al-Zawahri had \
             recorded it in May.",
        );
        assert!(
            found.iter().all(|(rule, _)| rule != "name-variant"),
            "{found:?}"
        );
    }

    #[test]
    fn a_plain_later_full_name_with_another_first_name_on_a_common_surname_is_a_mismatch() {
        let found = rules(
            &Config::default(),
            "Prime Minister Boris Johnson faced questions. Johnson said he was sorry. \
             Laura Johnson has faced two more calls to quit. Johnson did not reply.",
        );
        assert_eq!(found, [pair("name-first-name-mismatch", "Laura")]);
        // A comma that only closes an opening phrase introduces no one.
        let found = rules(
            &Config::default(),
            "Prime Minister Boris Johnson faced questions. Johnson said he was sorry. In 2001, \
             Laura Johnson won the seat. Johnson did not reply.",
        );
        assert_eq!(found, [pair("name-first-name-mismatch", "Laura")]);
        // After a description, it sets off a second person.
        let found = rules(
            &Config::default(),
            "Prime Minister Boris Johnson faced questions. Johnson said he was sorry. The \
             party's treasurer, Laura Johnson won the seat. Johnson did not reply.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_same_sex_first_name_on_a_common_surname_needs_a_strong_sign_of_two_people() {
        // A common surname alone makes a newcomer plausible, but a man's first name changed to
        // another man's is what a slip looks like.
        let found = rules(
            &Config::default(),
            "Michael Howard spoke in Leeds on Monday. He said taxes would fall. Later, \
             Gregory Howard told voters the party was ready.",
        );
        assert_eq!(found, [pair("name-first-name-mismatch", "Gregory")]);
        // A woman's name on the same surname, given nothing of her own, is no more a second
        // person than a man's would be: both full names are named once, and the surname is
        // merely common.
        let found = rules(
            &Config::default(),
            "Michael Howard spoke in Leeds on Monday. He said taxes would fall. Later, \
             Diane Howard told voters the party was ready.",
        );
        assert_eq!(found, [pair("name-first-name-mismatch", "Diane")]);
        // Named as his relative, or given a description of her own, she is someone else.
        for newcomer in [
            "his wife, Diane Howard,",
            "the party treasurer Diane Howard",
            "Diane Howard, 52,",
        ] {
            let text = format!(
                "Michael Howard spoke in Leeds on Monday. He said taxes would fall. Later, \
                 {newcomer} told voters the party was ready."
            );
            let found = rules(&Config::default(), &text);
            assert!(found.is_empty(), "{text}: {found:?}");
        }
        // An office of the newcomer's own says it is someone else.
        let found = rules(
            &Config::default(),
            "Michael Howard spoke in Leeds on Monday. He said taxes would fall. Later, \
             Treasurer Gregory Howard told voters the party was ready.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_description_beside_a_picture_mark_introduces_no_second_person() {
        // Named first beside a picture, the person is described at a later full mention.
        let found = rules(
            &Config::default(),
            "In the report, Alan Merrow (pictured) found the rules had been broken. \
             The findings drew on an inquiry led by Kevin Merrow, the former head of audit \
             at the council.",
        );
        assert_eq!(found, [pair("name-first-name-mismatch", "Kevin")]);
        // A caption restates a person the story has named, description and all.
        let found = rules(
            &Config::default(),
            "The clip shows the senator playing cards with Dan Corvell. Corvell said the \
             game was friendly. Corvell later deleted it.\n\nThe senator was taught by \
             the reality star Walter Corvell (right)\n\nCorvell did not comment.",
        );
        assert_eq!(found, [pair("name-first-name-mismatch", "Walter")]);
        // Without the mark, the description introduces someone else.
        let found = rules(
            &Config::default(),
            "In the report, Alan Merrow found the rules had been broken. The findings drew \
             on an inquiry led by Kevin Merrow, the former head of audit at the council.",
        );
        assert!(found.is_empty(), "{found:?}");
        // A family word still names a relative beside a picture.
        let found = rules(
            &Config::default(),
            "In the report, Alan Merrow (pictured) found the rules had been broken. \
             His brother, Kevin Merrow, said the inquiry was fair.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_list_naming_the_same_companions_again_is_the_same_person() {
        // A long roster names namesakes side by side, but a later short list that names the
        // first one's companions again is the same team.
        let found = rules(
            &Config::default(),
            "Defenders: Tom Varley, Sean Okafor, Ben Lusk, Neil Harte, Ari Moss, Dan \
             Petch.\n\nThe coach said Okafor and Gregory Lusk were the best pair \
             he had. Lusk agreed.",
        );
        assert_eq!(found, [pair("name-first-name-mismatch", "Gregory")]);
        // Other companions: a list introduces someone new.
        let found = rules(
            &Config::default(),
            "Defenders: Tom Varley, Sean Okafor, Ben Lusk, Neil Harte, Ari Moss, Dan \
             Petch.\n\nThe coach said Rob Fenn and Gregory Lusk were the best pair \
             he had. Lusk agreed.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn similar_names_of_two_introduced_people_are_not_variants() {
        let found = rules(
            &Config::default(),
            "Mayor Dana Johnson and treasurer Paul Johnston met on Monday. Johnson said \
             the budget was tight. Johnston disagreed.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn places_words_and_organisations_are_not_compared_with_people() {
        let found = rules(
            &Config::default(),
            "Senator Hal George visited Georgia on Monday. George said the Georges Foundation \
             would help. Georgia officials agreed. The George Center opened.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_different_first_name_for_the_same_person_is_a_mismatch() {
        let found = run(
            &Config::default(),
            "Keith Wardle leads the inquiry. Wardle said it would take a year. Critics say \
             Kevin Wardle has moved too slowly. Wardle did not respond.",
        );
        let mismatch: Vec<_> = found
            .iter()
            .filter(|f| f.0 == "name-first-name-mismatch")
            .collect();
        assert_eq!(mismatch.len(), 1, "{found:?}");
        assert_eq!(mismatch[0].1, "Kevin");
        assert_eq!(mismatch[0].2, Severity::Warning);
        assert_eq!(mismatch[0].3.as_deref(), Some("Keith"));
    }

    #[test]
    fn a_short_form_is_only_a_hint() {
        let found = run(
            &Config::default(),
            "Timothy Rusk runs the bank. Rusk said profits rose. Tim Rusk later added that \
             costs fell.",
        );
        let mismatch: Vec<_> = found
            .iter()
            .filter(|f| f.0 == "name-first-name-mismatch")
            .collect();
        assert_eq!(mismatch.len(), 1, "{found:?}");
        assert_eq!(mismatch[0].2, Severity::Hint);
    }

    #[test]
    fn a_courtesy_title_picks_the_person_of_its_sex_whoever_was_named_last() {
        let text = "Dana Ferrow runs the mill. Mrs. Ferrow said orders fell.\n\n\
                    Her husband, Paul Ferrow, keeps the books.\n\n\
                    Mrs. Ferrow said the bank wrote in May. Mr. Ferrow said it wrote in June.";
        let ledger = ledger_of(text);
        let person_at = |phrase: &str| {
            let at = text.find(phrase).expect("the phrase") + "Mrs. ".len();
            ledger.person_at(at).map(|p| p.name.as_str())
        };
        assert_eq!(person_at("Mrs. Ferrow said the bank"), Some("Dana Ferrow"));
        assert_eq!(person_at("Mr. Ferrow said it"), Some("Paul Ferrow"));
    }

    #[test]
    fn a_spouse_is_a_second_person_and_a_bare_surname_may_be_ambiguous() {
        let text = "Dana Ferrow runs the mill. Ferrow said orders fell.\n\n\
                    Her husband, Paul Ferrow, keeps the books.\n\n\
                    The bank wrote to the family in May.\n\n\
                    Ferrow said the letter came late.";
        let found = rules(&Config::default(), text);
        assert_eq!(
            found,
            [pair("name-ambiguous-surname", "Ferrow")],
            "{found:?}"
        );
    }

    #[test]
    fn a_surname_before_the_full_name_is_a_first_reference_hint() {
        let text = "Port to reopen\n\nHalvorsen said the port would reopen. Mayor Ingrid \
                    Halvorsen spoke on Monday.";
        let found = run(&Config::default(), text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "name-first-reference");
        assert_eq!(found[0].1, "Halvorsen");
        assert_eq!(found[0].2, Severity::Hint);
        let config = Config {
            no_first_reference: vec!["Halvorsen".to_string()],
            ..Config::default()
        };
        assert!(run(&config, text).is_empty());
    }

    #[test]
    fn house_spellings_suggest_the_preferred_form_outside_quotes() {
        let config = Config {
            names: vec![HouseName {
                preferred: "Zelenskiy".to_string(),
                variants: vec!["Zelenskyy".to_string(), "Zelensky".to_string()],
            }],
            ..Config::default()
        };
        let found = run(
            &config,
            "President Volodymyr Zelensky met leaders. Zelenskyy's aides and Zelenskiy \
             spoke. “Zelensky is right,” one said.",
        );
        let house: Vec<_> = found
            .iter()
            .filter(|f| f.0 == "name-house-spelling")
            .collect();
        assert_eq!(house.len(), 2, "{found:?}");
        assert_eq!(house[0].1, "Zelensky");
        assert_eq!(house[1].1, "Zelenskyy");
        assert!(house
            .iter()
            .all(|f| f.3.as_deref() == Some("Zelenskiy") && f.2 == Severity::Warning));
        assert!(!found.iter().any(|f| f.0 == "name-variant"), "{found:?}");
    }

    #[test]
    fn courtesy_titles_follow_the_preset() {
        let text = "Tomas Ekberg, the harbour master, spoke first. Later Mr. Ekberg said the \
                    council had been warned. Ekberg left.";
        let ap = Config {
            preset: HousePreset::Ap,
            ..Config::default()
        };
        assert_eq!(
            rules(&ap, text),
            [pair("name-courtesy-title", "Mr. Ekberg")]
        );
        let nyt = Config {
            preset: HousePreset::Nyt,
            ..Config::default()
        };
        assert_eq!(rules(&nyt, text), [pair("name-courtesy-title", "Ekberg")]);
        let bbc = Config {
            preset: HousePreset::Bbc,
            ..Config::default()
        };
        let found = run(&bbc, text);
        assert!(found
            .iter()
            .any(|f| f.0 == "name-courtesy-title" && f.1 == "Mr." && f.3.as_deref() == Some("Mr")));
        assert!(rules(&Config::default(), text).is_empty());
    }

    #[test]
    fn quotations_keep_the_speakers_spelling_unless_clearly_wrong() {
        let found = rules(
            &Config::default(),
            "Coach Aleksi Virtanen resigned. “Virtanen was a good coach,” a player said. \
             “Virtannen will be missed,” another said.",
        );
        assert_eq!(found, [pair("name-variant", "Virtannen")]);
    }

    #[test]
    fn family_plurals_are_not_misspellings() {
        let found = rules(
            &Config::default(),
            "Gregor Lindqvist founded the firm. Lindqvist sold it in May. The Lindqvists \
             moved to Oslo.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn every_rule_flags_its_wrong_example_and_not_its_right_one() {
        let config = Config {
            preset: HousePreset::Ap,
            names: vec![HouseName {
                preferred: "Zelenskiy".to_string(),
                variants: vec!["Zelensky".to_string()],
            }],
            ..Config::default()
        };
        for rule in RULES {
            let flagged = |text: &str| run(&config, text).iter().any(|f| f.0 == rule.id);
            assert!(flagged(rule.wrong), "{} misses its wrong example", rule.id);
            assert!(!flagged(rule.right), "{} flags its right example", rule.id);
        }
    }

    #[test]
    fn a_long_surname_that_lost_its_capital_needs_no_cue() {
        let found = rules(
            &Config::default(),
            "Senator Harriet Quellington spoke on Monday. Quellington said the bill would pass. \
             The campaign against uellington gained ground in May.",
        );
        assert_eq!(found, [pair("name-variant", "uellington")]);
        // A word the story uses more than once is a word.
        let found = rules(
            &Config::default(),
            "Senator Harriet Quellington spoke on Monday. Quellington said the bill would pass. \
             The uellington fund grew, and the uellington fund shrank.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_short_surname_that_lost_its_capital_and_left_no_word_needs_no_cue() {
        let found = rules(
            &Config::default(),
            "Senator Harriet Dunn spoke on Monday. Dunn said the bill would pass. Voters who \
             backed unn in May were told to wait.",
        );
        assert_eq!(found, [pair("name-variant", "unn")]);
        // "amp" is a word: without the first name or a speaker's slot it stays one.
        let found = rules(
            &Config::default(),
            "Trader Robert Lamp spoke on Monday. Lamp said the fund would grow. The hall had \
             one amp for the band.",
        );
        assert!(found.is_empty(), "{found:?}");
        // A handle or an address is no slip of the name.
        let found = rules(
            &Config::default(),
            "Senator Harriet Dunn spoke on Monday. Dunn said the bill would pass. Her page at \
             example.org/unn was taken down, and @unn went quiet.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_surname_with_an_inner_capital_that_lost_its_first_letter() {
        let found = rules(
            &Config::default(),
            "Trader Patrick McKinnon said the token fell. Shares of the fund rose, and \
             cKinnon sold early.",
        );
        assert_eq!(found, [pair("name-variant", "cKinnon")]);
        // Written otherwise than the surname's tail, it is no dropped letter.
        let found = rules(
            &Config::default(),
            "Trader Patrick McKinnon said the token fell. Her eKinnon wallet was empty.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_short_surname_that_lost_its_capital_after_the_first_name() {
        let found = rules(
            &Config::default(),
            "The adviser Amy Vose spoke on Monday. Vose said the plan would work. Later, \
             Amy ose, the adviser, repeated it.",
        );
        assert_eq!(found, [pair("name-variant", "ose")]);
    }

    #[test]
    fn swapped_or_doubled_letters_in_a_short_surname_need_no_cue() {
        let found = rules(
            &Config::default(),
            "Analyst Mark Dorn studies hackers. Dorn said they were busy. But Dron and other \
             experts disagree.",
        );
        assert_eq!(found, [pair("name-variant", "Dron")]);
        // Another letter entirely makes another word or name: it still needs a cue.
        let found = rules(
            &Config::default(),
            "Analyst Mark Dorn studies hackers. Dorn said they were busy. But Darn and other \
             experts disagree.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_doubled_final_s_is_no_family_plural() {
        let found = rules(
            &Config::default(),
            "Coach Rick Hollis resigned on Monday. Hollis said he was tired. Players thanked \
             Holliss for his years.",
        );
        assert_eq!(found, [pair("name-variant", "Holliss")]);
    }

    #[test]
    fn a_shared_middle_name_ties_another_first_name_to_the_person() {
        let found = rules(
            &Config::default(),
            "Anna Mei Lee leads the bank. Lee said rates would rise. Lee added that growth was \
             slow. Critics say Nora Mei Lee moved too late.",
        );
        assert_eq!(found, [pair("name-first-name-mismatch", "Nora")]);
    }

    #[test]
    fn the_same_description_after_two_first_names_is_one_person() {
        let found = rules(
            &Config::default(),
            "“We will act,” Ruth Quarley, deputy housing minister, said on Monday.\n\n\
             “The plan is funded,” said Nora Quarley, deputy housing minister.",
        );
        assert_eq!(found, [pair("name-first-name-mismatch", "Nora")]);
        let found = rules(
            &Config::default(),
            "“We will act,” Ruth Quarley, deputy housing minister, said on Monday.\n\n\
             “The plan is funded,” said Nora Quarley, a retired teacher.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_lost_capital_in_the_speakers_slot_after_a_quotation() {
        let found = rules(
            &Config::default(),
            "Senator Roy Grolt spoke on Monday. Grolt said the bill was good. “We had the \
             votes,” rolt, after a pause, said of the rival.",
        );
        assert_eq!(found, [pair("name-variant", "rolt")]);
        // After a role noun, before the verb: "oak" is a word, but not there.
        let found = rules(
            &Config::default(),
            "Analyst Jim Doak spoke on Monday. Doak said the plan would fail. \"There is value \
             left,\" analyst oak said.",
        );
        assert_eq!(found, [pair("name-variant", "oak")]);
    }

    #[test]
    fn a_changed_first_name_on_a_rarer_surname_is_a_mismatch_even_with_a_role() {
        let config = Config::default();
        for text in [
            "Margaret Hale opened the archive in May. Critics say Mary Hale chose the wrong site.",
            "Kate Hoey spoke first. Hoey said the law was unfair. Later former minister Laura \
             Hoey told the crowd it would not last.",
        ] {
            let found = rules(&config, text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(found[0].0, "name-first-name-mismatch", "{text}");
        }
    }

    #[test]
    fn another_first_name_on_a_public_figures_surname_is_a_mismatch() {
        let found = rules(
            &Config::default(),
            "Barack Obama spoke on Monday. Obama said he was hopeful. Critics said the \
             president, Kevin Obama, had waited too long. Obama did not reply.",
        );
        assert_eq!(found, [pair("name-first-name-mismatch", "Kevin")]);
        // A figure of lesser prominence shares a common surname with other people.
        let found = rules(
            &Config::default(),
            "Boris Johnson faced questions on Monday. Johnson said he was sorry. The \
             lawyer, Kevin Johnson, said the fines were fair. Johnson did not reply.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn signs_of_two_people_keep_a_shared_rare_surname_apart() {
        let config = Config::default();
        for text in [
            "Jerome Siegel died on Monday. Siegel was born to Henry and Sophie Siegel in Newark.",
            "Ted Cruz spoke in Houston. Cruz said the school was safe. Adolfo Cruz, 69, said \
             he drove to the school at once.",
            "Chelsea Manning gave the files. Manning, then known as Bradley Manning, was jailed.",
            "The panel was Rich Killion, Garth Corriveau, Sylvia Larsen, Kate Corriveau, Joel \
             Maiola and others. Corriveau spoke first.",
        ] {
            assert_no_first_name_mismatch(&config, text);
        }
    }

    #[test]
    fn a_hyphenated_surname_spaced_or_lower_cased_after_a_title_is_a_variant() {
        let config = Config::default();
        let text = "The party leader Robert Kilroy-Silk spoke on Monday. Kilroy-Silk said he \
                    would stand. Later Mr Kilroy Silk said he wanted more money for schools.";
        assert_eq!(rules(&config, text), [pair("name-variant", "Kilroy Silk")]);
        let text = "The party leader Robert Kilroy-Silk spoke on Monday. Kilroy-Silk said he \
                    would stand. Later Mr kilroy-Silk said he wanted more money for schools.";
        assert_eq!(rules(&config, text), [pair("name-variant", "kilroy-Silk")]);
        // A prefix on a name is a word of its own: "anti-Kilroy-Silk" is nobody's misspelling.
        let text = "The party leader Robert Kilroy-Silk spoke on Monday. Kilroy-Silk said he \
                    would stand. The pro-Kilroy wing and the anti-Silk wing met.";
        assert!(rules(&config, text).is_empty());
    }

    #[test]
    fn a_full_name_with_its_own_first_name_is_no_slip_of_a_bare_surname() {
        let found = rules(
            &Config::default(),
            "Mr Joyce said the party would hold. Mr Joyce spoke again in May. The new members are \
             Andrew Willcox in Dawson, Colin Boyce in Flynn and Sam Birrell in Nicholls.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn an_accent_after_an_undotted_title_or_on_a_shared_surname_is_a_variant() {
        let config = Config::default();
        let found = rules(
            &config,
            "Alan Greenspan spoke in London. Greenspan said rates would rise. Dr Greenspán \
             said the economy was sound.",
        );
        assert_eq!(found, [pair("name-variant", "Greenspán")]);
        let found = rules(
            &config,
            "Hillary Clinton and Bill Clinton arrived in Ohio. Voters cheered Clinton on \
             Monday. Critics said Clintön had ignored the state.",
        );
        assert_eq!(found, [pair("name-variant", "Clintön")]);
    }

    #[test]
    fn an_accent_inside_a_quotation_is_a_variant_too() {
        // A quotation's spelling of a name is the writer's transcription, accents and all.
        let found = rules(
            &Config::default(),
            "Peter Hallam spoke in Canberra on Monday. Hallam said the policy stood. \
             \"Mr Hallám has changed his mind,\" a rival said.",
        );
        assert_eq!(found, [pair("name-variant", "Hallám")]);
    }

    #[test]
    fn a_spaced_or_decapitalised_compound_surname_inside_a_quotation_is_a_variant() {
        let config = Config::default();
        let opening = "The candidate Roberta Kilder-Vance toured the port on Monday. \
                       Kilder-Vance said the harbour needed money. Residents wrote to the \
                       council: ";
        let spaced = format!("{opening}“Do not make Kilder Vance the head of the board.”");
        let found = run(&config, &spaced);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            (found[0].0.as_str(), found[0].1.as_str()),
            ("name-variant", "Kilder Vance")
        );
        assert_eq!(found[0].2, Severity::Warning);
        let lowered = format!("{opening}“Stop pushing kilder-Vance into the post.”");
        assert_eq!(
            rules(&config, &lowered),
            [pair("name-variant", "kilder-Vance")]
        );
        // A particle's hyphen is a convention a quoted statement may keep: a hint at most.
        let particle = "The envoy Omar al-Rashidi arrived on Monday. Al-Rashidi said talks \
                        would resume. The statement read: “We thank al Rashidi for his work.”";
        assert!(
            run(&config, particle)
                .iter()
                .all(|f| f.2 < Severity::Warning),
            "{:?}",
            run(&config, particle)
        );
    }

    #[test]
    fn a_slip_two_people_fit_goes_to_the_one_named_far_more_often() {
        let config = Config::default();
        let found = rules(
            &config,
            "Tory leader Michael Howard spoke on Monday. Mr Howard said the plan was fair, and \
             Mr Howard said it would pass. Jane Ward of the Housing Trust disagreed. Mr \
             Hward said Britain should take its share.",
        );
        assert_eq!(found, [pair("name-variant", "Hward")]);
        // Named as often as each other, either may be meant: no guess.
        let found = rules(
            &config,
            "Tory leader Michael Howard spoke on Monday. Jane Ward of the Housing Trust \
             disagreed. Mr Hward said Britain should take its share.",
        );
        assert!(found.iter().all(|f| f.0 != "name-variant"), "{found:?}");
    }

    #[test]
    fn a_slip_of_the_first_of_two_surnames_is_a_variant() {
        let config = Config::default();
        // A Spanish double surname is shortened to the first; the story may never write it
        // alone except as the slip.
        for text in [
            "The plant will open next year, oil company president Juan Carvajal Ortega said. \
             Carvajal told reporters the partner will pay. Carvjal said output would double.",
            "The plant will open next year, oil company president Juan Carvajal Ortega said. \
             Carvjal told reporters the partner will pay.",
        ] {
            let found = rules(&config, text);
            assert_eq!(found, [pair("name-variant", "Carvjal")], "{text}");
        }
        // Once the story uses the last word alone, an inner word is a middle name, unless it
        // too is used alone.
        let found = rules(
            &config,
            "The plant will open next year, oil company president Juan Carvajal Ortega said. \
             Ortega told reporters the partner will pay. Carvjal said output would double.",
        );
        assert!(found.iter().all(|f| f.0 != "name-variant"), "{found:?}");
    }

    #[test]
    fn a_compound_adjective_before_a_name_is_no_part_of_it() {
        let config = Config::default();
        let found = rules(
            &config,
            "Flanker Tom Ashdown has signed for the club. Ashdown said he was happy. \
             Leeds-born Ashdwon first played for the side in 2009.",
        );
        assert_eq!(found, [pair("name-variant", "Ashdwon")]);
        // "Montreal-based Dominion" is a company, not a person first named in full.
        let found = rules(
            &config,
            "The investor and Dominion bought a stake. Shares rose after Montreal-based \
             Dominion denied the report.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn british_and_irish_first_names_mark_a_full_name() {
        let config = Config::default();
        for (text, slip) in [
            (
                "Alistair Smithers said prices would rise. Smithrs said the policy was clear.",
                "Smithrs",
            ),
            (
                "Siobhan Gallacher said prices would rise. Gallagher said the policy was clear.",
                "Gallagher",
            ),
        ] {
            let found = rules(&config, text);
            assert_eq!(found, [pair("name-variant", slip)], "{text}");
        }
    }

    #[test]
    fn a_four_letter_slip_that_spells_no_word_needs_no_cue() {
        let config = Config::default();
        let found = rules(
            &config,
            "Striker Harry Kane scored twice on Sunday. Kane said the team had improved. \
             Sanchez made the team alongside Qane.",
        );
        assert_eq!(found, [pair("name-variant", "Qane")]);
        // A word ("Bale"), or an abbreviation ("Feb"), may be meant as written.
        let found = rules(
            &config,
            "Striker Harry Kane scored twice on Sunday. Kane said the team had improved. \
             Sanchez made the team alongside Bale.",
        );
        assert!(found.is_empty(), "{found:?}");
        let found = rules(
            &config,
            "Analyst Tom Febb spoke on Monday. Febb said rates would rise. Prices fell on \
             Feb 26, traders said.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_four_letter_slip_after_a_role_or_without_a_vowel_needs_no_other_cue() {
        let config = Config::default();
        let found = rules(
            &config,
            "Jane Hume spoke on Monday. Hume said the vote was close. The party may choose \
             the Victorian senator Humx as its deputy.",
        );
        assert_eq!(found, [pair("name-variant", "Humx")]);
        let found = rules(
            &config,
            "Governor Brian Kemp spoke on Monday. Kemp said turnout was high. The rally for \
             Knmp in Marietta drew a crowd.",
        );
        assert_eq!(found, [pair("name-variant", "Knmp")]);
        // Another letter that leaves a vowel may make another name: it still needs a cue.
        let found = rules(
            &config,
            "Governor Brian Kemp spoke on Monday. Kemp said turnout was high. The rally for \
             Kamp in Marietta drew a crowd.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_lost_capital_after_the_verb_or_at_a_sentence_start() {
        let config = Config::default();
        let found = rules(
            &config,
            "The golfer Paul Casey played on Monday. Casey finished third. “I am relieved,” \
             said asey, who last played here in 2012.",
        );
        assert_eq!(found, [pair("name-variant", "asey")]);
        let found = rules(
            &config,
            "The analyst Jim Dorrow spoke on Monday. Dorrow expects oil to rise. orrow and \
             his colleague estimated the price would double.",
        );
        assert_eq!(found, [pair("name-variant", "orrow")]);
        // Ordinary words after a verb or at a sentence start are left alone.
        let found = rules(
            &config,
            "The golfer Paul Casey played on Monday. Casey said that he was relieved. \
             however it ended, he said, it was fun.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn descriptions_and_ages_tell_one_person_from_two() {
        let config = Config::default();
        // The same role or the same age after another first name: the same person misnamed.
        for text in [
            "The robotics founder Helen Varenko showed the machine. Varenko said it could talk. \
             It is a feat, according to chief designer Nora Varenko, the founder of the firm.",
            "Helen Lindgard, 47, teaches law in Leeds. Lindgard said the video was not hers. \
             Later Nora Lindgard, 47, said she would sue. Lindgard left.",
        ] {
            let found = rules(&config, text);
            assert!(
                found.contains(&pair("name-first-name-mismatch", "Nora")),
                "{text}: {found:?}"
            );
        }
        // Each described as someone else: two people who share a surname.
        assert_no_first_name_mismatch(
            &config,
            "Prime Minister Helen Varenko won the vote. Varenko said the result was clear. \
             The comedian Rory Varenko says the name another way, as does the former mining \
             boss Tom Varenko.",
        );
    }

    #[test]
    fn abbreviated_roles_describe_as_the_role_written_out() {
        let config = Config::default();
        // "PM" is another role than "party leader": two people who share a surname.
        assert_no_first_name_mismatch(
            &config,
            "Party leader Helen Varenko said taxes would fall. Ms Varenko told reporters the \
             plan was costed. The strategist helped Canada's PM, Tom Varenko, win twice.",
        );
        // "CEO" is the same role as "chief executive": the same person misnamed.
        let found = rules(
            &config,
            "Chief executive Helen Varenko said sales rose. Ms Varenko told reporters the plan \
             was costed. The firm's CEO, Nora Varenko, said profits would follow.",
        );
        assert!(
            found.contains(&pair("name-first-name-mismatch", "Nora")),
            "{found:?}"
        );
    }

    #[test]
    fn a_body_introduction_after_a_caption_and_a_relative_of_someone_else() {
        let config = Config::default();
        // The first full name sits in a caption; the body's age introduces the same man.
        // "her son" is a woman's son, and the story calls Hallow "Mr": the same man misnamed.
        for text in [
            "Edwin Marrack (behind the van, left) was also charged.\n\nA second defendant, \
             Nora Marrack, 39, of Hythe, was fined. Marrack was convicted after a trial.",
            "Tom Hallow plans to sail alone this spring. His mother sailed the same route in \
             1990.\n\nNow her son Kevin Hallow, a veteran sailor, says he is ready. Mr Hallow, \
             31, said the boat was sound. Mr Hallow leaves on Monday.",
        ] {
            let found = rules(&config, text);
            assert!(
                found.iter().any(|f| f.0 == "name-first-name-mismatch"),
                "{text}: {found:?}"
            );
        }
        // A mother named "her" beside a titled woman keeps the family word as a sign of two.
        assert_no_first_name_mismatch(
            &config,
            "Mary Hallow runs the yard. Mrs Hallow said the boats were late. Now her son Kevin \
             Hallow, a veteran sailor, says he is ready.",
        );
    }

    #[test]
    fn a_word_named_as_an_organisation_or_a_capitalised_particle_is_no_slip() {
        let config = Config::default();
        for text in [
            "Olly Parkes works at Young Helpers, the youth charity. Parkes said calls doubled. \
             Readers can also call the charity Helper on the number below.",
            "Izzat al-Dawri was the deputy leader. Officials said al-Dawri fled in 2003. \
             Both Al-Dawri and his aides vanished.",
            "Ella James runs the clinic. James said demand had doubled. Mrs James hires \
             more staff in May.\n\n• Names have been changed to protect patients.",
        ] {
            let found = rules(&config, text);
            assert!(
                found.iter().all(|f| f.0 != "name-variant"),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn an_unlisted_first_name_introduced_with_a_role_or_description_is_compared() {
        let config = Config::default();
        let found = rules(
            &config,
            "Union leader Chidike Obaro led the strike for nine days. Obaro said the deal was \
             fair. Later Kevin Obaro told members to return on Monday.",
        );
        assert!(
            found.contains(&pair("name-first-name-mismatch", "Kevin")),
            "{found:?}"
        );
        // "Anote Koss, the former president": a person, so "Koss" is nobody's misspelling.
        let found = rules(
            &config,
            "Marla Voss met leaders in Fiji. Voss said the visit went well.\n\nAnote Koss, the \
             former president of Kiribati, welcomed it. Koss said he was hopeful.",
        );
        assert!(found.iter().all(|f| f.0 != "name-variant"), "{found:?}");
    }

    #[test]
    fn a_dotted_country_abbreviation_is_no_persons_initials() {
        let config = Config::default();
        let found = rules(
            &config,
            "Ministers had not considered U.S. Gyroplanes, he said. Later a U.S. Gyroplane \
             maker called.",
        );
        assert!(found.iter().all(|f| f.0 != "name-variant"), "{found:?}");
        // A person's own initials still open a full name.
        let found = rules(
            &config,
            "Analyst T.J. Marchetti said the bids were late. Marchetti said more. Marchetty \
             said the rest.",
        );
        assert!(
            found.contains(&pair("name-variant", "Marchetty")),
            "{found:?}"
        );
    }

    #[test]
    fn a_name_run_on_from_a_title_or_another_name_is_someone_else() {
        let config = Config::default();
        for text in [
            "Director Michael Vellacott ran the shoot. Vellacott said it ran late. On the set \
             of The Tale of Joan of Alexandria Vellacott said the cast was tired.",
            "Snooker star Ronnie O'Dwyer won again. O'Dwyer said he was pleased. Paulsen \
             missed a red. Referee Marteel spoke in his match against Matthew Paulsen O'Dwyer \
             is spoken to by referee Marteel.",
        ] {
            assert_no_first_name_mismatch(&config, text);
        }
        // A possessive before the name owns it; nothing runs on, so the first name is a slip.
        let found = rules(
            &config,
            "Daniel Ricciotti was fastest in practice. Ricciotti said the car was good.\n\n\
             Lewis Hamilton took pole. Red Bull's Kevin Ricciotti was seventh quickest.",
        );
        assert!(
            found.contains(&pair("name-first-name-mismatch", "Kevin")),
            "{found:?}"
        );
    }

    #[test]
    fn full_names_with_middle_names_or_ages_of_their_own_are_two_people() {
        let config = Config::default();
        let found = rules(
            &config,
            "Prosecutors named Sergei Ivanovich Rostakov, 51, of Minsk. The third man, Sergei \
             Petrovich Rostokov, 33, drove the truck. Rostokov denied it. Rostokov was held.",
        );
        assert!(found.iter().all(|f| f.0 != "name-variant"), "{found:?}");
        let found = rules(
            &config,
            "Prosecutors named Sergei Rostakov of Minsk. The third man, Sergei Rostokov, drove \
             the truck. Rostokov denied it. Rostokov was held.",
        );
        assert!(
            found.contains(&pair("name-variant", "Rostakov")),
            "{found:?}"
        );
    }

    #[test]
    fn a_spelling_the_story_writes_in_another_name_or_after_in_is_no_persons() {
        let config = Config::default();
        for text in [
            "Coach Emil Brandt picked the side. Brandt said the defeat by Brande Munich hurt. \
             They trail Brande by six points.",
            "Happi opened a studio in Kribou, where artists record. Inmates in Kribou who \
             record say so. The song is sung in Kribu, the local language.",
        ] {
            let found = rules(&config, text);
            assert!(
                found.iter().all(|f| f.0 != "name-variant"),
                "{text}: {found:?}"
            );
        }
        let found = rules(
            &config,
            "Coach Emil Brandt picked the side. Brandt said the defeat hurt. They trail Brande \
             by six points.",
        );
        assert!(found.contains(&pair("name-variant", "Brande")), "{found:?}");
    }

    #[test]
    fn another_romanisation_of_a_long_surname_standing_alone_is_a_variant() {
        let config = Config::default();
        let found = rules(
            &config,
            "Banker Paul Volcker testified on Monday. Volcker said the dollar was weak. \
             Traders cheered a smiling Volker standing beside him.",
        );
        assert!(found.contains(&pair("name-variant", "Volker")), "{found:?}");
        // A first name that is no romanisation of anyone's surname is left alone.
        let text = "Banker Paul Volcker testified on Monday. Volcker said the dollar was weak. \
                    His aide Karen stood beside him.";
        let found = rules(&config, text);
        assert!(
            found.iter().all(|f| f.0 != "name-variant"),
            "{text}: {found:?}"
        );
        // A romanisation inside a quotation is flagged too, worded for a statement that may
        // spell the name its own way.
        let found = run(
            &config,
            "Banker Alan Greenspan testified on Monday. Greenspan said the dollar was weak. \
             \"Nobody on the floor trusts Grinspan any more,\" one trader said.",
        );
        let variants: Vec<_> = found.iter().filter(|f| f.0 == "name-variant").collect();
        assert_eq!(variants.len(), 1, "{found:?}");
        assert_eq!(variants[0].1, "Grinspan");
        assert_eq!(variants[0].2, Severity::Warning);
        assert_eq!(variants[0].3.as_deref(), Some("Greenspan"));
    }

    #[test]
    fn a_caption_read_as_a_headline_is_checked_like_copy() {
        let config = Config::default();
        let found = rules(
            &config,
            "Barcelona star Martin Montoya scored twice on Sunday.\n\nMontoya said it was \
             luck.\n\nA boy in the stand cheers with both arms raised as Montoia (right) \
             runs to the corner flag\n\nThe club said more.",
        );
        assert!(
            found.contains(&pair("name-variant", "Montoia")),
            "{found:?}"
        );
        // A title-case headline still runs words together and is not read for slips.
        let found = rules(
            &config,
            "Montoia Scores Twice For Barcelona\n\nBarcelona star Martin Montoya scored twice \
             on Sunday.\n\nMontoya said it was luck.",
        );
        assert!(found.iter().all(|f| f.0 != "name-variant"), "{found:?}");
    }

    #[test]
    fn a_lost_capital_after_a_full_stop_opens_a_sentence() {
        let config = Config::default();
        let found = rules(
            &config,
            "Surgeon Richard Moore testified on Monday. Moore said the nail was intact. The \
             nail remained intact. oore, who did not treat him, said so.",
        );
        assert!(found.contains(&pair("name-variant", "oore")), "{found:?}");
        // A short tail of a surname nobody is named in full with is too often a word.
        let found = rules(
            &config,
            "The surgeon Moore testified on Monday. Moore said the nail was intact. The nail \
             remained intact. oore, who did not treat him, said so.",
        );
        assert!(found.iter().all(|f| f.0 != "name-variant"), "{found:?}");
    }

    #[test]
    fn a_headlines_subject_and_verb_do_not_describe_the_person_named() {
        let config = Config::default();
        let found = rules(
            &config,
            "‘No more delays’: premiers push Anthony Quarrell to fix hospital funding\n\nState \
             leaders plan to lobby the incoming prime minister, Susan Quarrell, over hospital \
             funding at once.\n\nThe premier said he had spoken to Quarrell after the \
             election.\n\nQuarrell has put meetings with state leaders at the centre of his \
             agenda.",
        );
        assert!(
            found.contains(&pair("name-first-name-mismatch", "Susan")),
            "{found:?}"
        );
        // Described apart in the body, the newcomer is someone else.
        assert_no_first_name_mismatch(
            &config,
            "Premiers push Anthony Quarrell on hospitals\n\nThe new prime minister, Anthony \
             Quarrell, has promised talks. Quarrell said the states would be heard. The \
             hospital's chief nurse, Susan Quarrell, disagreed.",
        );
    }

    #[test]
    fn a_headline_opening_with_a_first_name_before_a_place_name_names_a_person() {
        let config = Config::default();
        // The surname is also a country, but "Ralph" is only ever a first name.
        let found = rules(
            &config,
            "Ralph Jordan demands papers before hearing\n\nRepublican senator Colin Jordan \
             told the inquiry he would testify only if it shared the files that named him.\n\n\
             The reply by Jordan stopped short of a refusal. Jordan said the panel was unfair.",
        );
        assert!(
            found.contains(&pair("name-first-name-mismatch", "Colin")),
            "{found:?}"
        );
        // A first word that is also an ordinary word still opens a question, not a name.
        assert_no_first_name_mismatch(
            &config,
            "Will Jordan reopen the border?\n\nSenator Colin Jordan told the inquiry he \
             would ask. Jordan said the panel was unfair.",
        );
    }

    #[test]
    fn a_member_of_a_short_list_named_again_in_another_list_is_one_person() {
        let config = Config::default();
        // The cast named in a list, then again in one: the changed first name is a slip.
        let found = rules(
            &config,
            "The film features Roland Pettigrew, Maud Ashby and Tom Fell as the leads. It \
             opens in May.\n\nNed Carver, Peter Oakes and Laura Pettigrew share a joke on set.",
        );
        assert_eq!(found, [pair("name-first-name-mismatch", "Laura")]);
        // Long rosters list namesakes side by side, and a family word after the first list
        // says the family is in the story.
        for (text, newcomer) in [
            (
                "Backers: Ann Lowe, Bo Chan, Roland Pettigrew, Maud Ashby, Tom Fell, Ned \
                 Carver.\n\nDonors: Laura Pettigrew, Joe Bell, Kim Hart, Sam Ode, Lou Park, \
                 Ray Dunn.",
                "Laura",
            ),
            (
                "Patricia Hale and Carl Whitcombe, the parents of two soldiers killed in 2012, \
                 have sued.\n\nThe suit says the deaths of Sean Hale and Tyrone Whitcombe \
                 could have been avoided.",
                "Tyrone",
            ),
        ] {
            let found = rules(&config, text);
            assert!(
                !found.contains(&pair("name-first-name-mismatch", newcomer)),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn a_short_surname_romanised_another_way_is_weighed_by_its_use() {
        let config = Config::default();
        // In the speaker slot, after a title, beside the first name: the same person.
        for (text, slip) in [
            (
                "The broker Bernard Reed spoke on Monday. Reed said the market was calm.\n\n\
                 Rid said that options would grow.",
                "Rid",
            ),
            (
                "The broker Bernard Reed spoke on Monday. Reed said the market was calm.\n\n\
                 “It will grow,” said Mr Rid.",
                "Rid",
            ),
            (
                "The broker Bernard Reed spoke on Monday. Reed said the market was calm.\n\n\
                 Later Bernard Rid added that options would grow.",
                "Rid",
            ),
            (
                "Farm minister Ola Lyng spoke on Monday. Lyng said the talks would go on.\n\n\
                 Ling said he had offered talks on rice.",
                "Ling",
            ),
        ] {
            let found = rules(&config, text);
            assert!(
                found.contains(&pair("name-variant", slip)),
                "{text}: {found:?}"
            );
        }
        // Elsewhere a short name is too often someone else's, and "Li" is not "Lee".
        for text in [
            "The activist David Chou spoke on Monday. Chou said the vote mattered.\n\nChu, \
             of Reno, came to a lunch held by the group.",
            "Coach Ann Lee spoke on Monday. Lee said the side was ready.\n\nLi said the \
             team would win.",
        ] {
            let found = rules(&config, text);
            assert!(
                found.iter().all(|f| f.0 != "name-variant"),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn a_phrase_saying_how_is_no_description_of_another_person() {
        let config = Config::default();
        let text = |apposition: &str| {
            format!(
                "The commission, which includes the singer Rob Meldrew, met in London. Kevin \
                 Meldrew, {apposition}, promised radical thinking."
            )
        };
        let found = rules(&config, &text("in characteristically blunt style"));
        assert_eq!(found, [pair("name-first-name-mismatch", "Kevin")]);
        // A role of the newcomer's own is one.
        let found = rules(&config, &text("the spokesman for the union"));
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn an_office_beside_a_figure_or_a_relative_of_ones_own_tells_no_one_apart() {
        let config = Config::default();
        // A subhead's office title is the figure's own, not a description of a namesake.
        let found = rules(
            &config,
            "Party eyes its future\n\nParty figures hope Boris Johnson will stand for the \
             leadership.\n\nLondon Mayor Kevin Johnson - speaking on a radio phone-in this \
             morning\n\nHe said he had no plans.",
        );
        assert_eq!(found, [pair("name-first-name-mismatch", "Kevin")]);
        // A husband named after the newcomer is hers; he tells her from no one but himself.
        let text = |first: &str, pronoun: &str| {
            format!(
                "Parent {first} Perry complained to the school in May. Perry said the lesson \
                 upset {pronoun} son. Later Diane Perry came with her husband Bill, the \
                 school said."
            )
        };
        let found = rules(&config, &text("Nancy", "her"));
        assert_eq!(found, [pair("name-first-name-mismatch", "Diane")]);
        let found = rules(&config, &text("Bill", "his"));
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn an_age_after_a_person_introduced_in_the_body_is_a_weak_sign_of_another() {
        let config = Config::default();
        let story = |given: &str| {
            format!(
                "The bank hired the fraud chief Joe Varley from a rival on Monday. Varley said \
                 the job was a challenge.\n\n{given} Varley, 46, will start in June."
            )
        };
        // The same sex: a caption repeating the person with an age, misnamed.
        let found = rules(&config, &story("Kevin"));
        assert!(
            found.contains(&pair("name-first-name-mismatch", "Kevin")),
            "{found:?}"
        );
        // Another sex: a relative more often than a slip.
        assert_no_first_name_mismatch(&config, &story("Nora"));
    }

    #[test]
    fn an_age_written_as_years_old_is_the_age_of_the_same_person() {
        let config = Config::default();
        let story = |age: &str| {
            format!(
                "Law lecturer Lisa Varley, {age} mother of two, was suspended on Monday. \
                 Varley teaches contract law.\n\nKevin Varley, 46, sent the email in March."
            )
        };
        // "a 46-year-old lecturer" and "46" are one age: the same person, misnamed.
        let found = rules(&config, &story("a 46-year-old"));
        assert!(
            found.contains(&pair("name-first-name-mismatch", "Kevin")),
            "{found:?}"
        );
        // Another age, or none, leaves the newcomer's own age a sign of another person.
        for age in ["a 61-year-old", "a"] {
            assert_no_first_name_mismatch(&config, &story(age));
        }
    }

    #[test]
    fn the_family_of_the_person_the_story_is_about_is_no_second_person() {
        // The story speaks of her parents by the surname; "the family of" a later full name
        // is that family, and the full name a slip of hers.
        let story = |kin: &str| {
            format!(
                "Emma Rowe, 25, was found dead at her flat in March. Rowe's {kin} say the \
                 inquiry failed them.\n\nPolice reopened the case after it was raised by \
                 the family of Martin Rowe."
            )
        };
        for kin in ["parents", "mother"] {
            let found = rules(&Config::default(), &story(kin));
            assert!(
                found.contains(&pair("name-first-name-mismatch", "Martin")),
                "{kin}: {found:?}"
            );
        }
        // Without that, the family of someone else on the surname is the family of another.
        let text = "Emma Rowe, 25, was found dead at her flat in March. Her doctors say the \
                    inquiry failed.\n\nPolice reopened the case after it was raised by the \
                    family of Martin Rowe.";
        assert_no_first_name_mismatch(&Config::default(), text);
    }

    #[test]
    fn a_contracted_relative_clause_after_a_name_is_no_description() {
        // "who's also retiring" is "who is also retiring": a clause, not a description that
        // introduces another person, however it is written.
        for clause in [
            "who’s also retiring",
            "who's also retiring",
            "who is also retiring",
        ] {
            let text = format!(
                "Hugh Dorran lines up against Mark Pellow this afternoon. Both are \
                 retiring.\n\n“I expect a hard race against Walter Pellow, {clause}, on the \
                 coast road,” Dorran said."
            );
            let found = rules(&Config::default(), &text);
            assert!(
                found.contains(&pair("name-first-name-mismatch", "Walter")),
                "{clause}: {found:?}"
            );
        }
    }

    #[test]
    fn a_first_name_the_story_gives_a_relative_is_that_relative() {
        // The family is named by first names in a list after a family word, far from the
        // surname; each full name later is one of them, not a slip of the other.
        let text = "The founder, 85, is handing the mill to his family. The choice rests \
                    with his two sons, Edward, 44, and Thomas, 41, who run its two halves.\n\n\
                    Thomas Pellow runs the northern mills. Thomas Pellow said the order book \
                    was full.\n\nBankers say Edward Pellow is the likelier heir.";
        assert_no_first_name_mismatch(&Config::default(), text);
        // A first name the story never gives a relative is still compared.
        let found = rules(
            &Config::default(),
            &text.replace("Edward Pellow is", "Gregory Pellow is"),
        );
        assert!(
            found.contains(&pair("name-first-name-mismatch", "Gregory")),
            "{found:?}"
        );
    }

    #[test]
    fn a_family_that_says_how_its_members_are_related_says_so_of_each() {
        // Father and son are named with the relation between them; a third first name on the
        // surname, given no relation and nothing of its own, is a slip of one of them.
        let story = |newcomer: &str| {
            format!(
                "Frank Dorrity last spoke with his son, Louis Dorrity, in January. Louis \
                 Dorrity, 37, had sailed from Florida.\n\nDorrity was found on Thursday. \
                 {newcomer} told reporters he had never lost hope.\n\nFrank Dorrity thanked \
                 the crew."
            )
        };
        let found = rules(&Config::default(), &story("Diane Dorrity"));
        assert!(
            found.contains(&pair("name-first-name-mismatch", "Diane")),
            "{found:?}"
        );
        // Named as a relative herself, she is someone else.
        assert_no_first_name_mismatch(&Config::default(), &story("His wife, Diane Dorrity,"));
        // A relation to someone of another surname tells nothing of the Dorritys.
        let text = "Mia Lopez, 10, was among the dead, said her cousin, Lisa Dorrity, 54. \
                    Dorrity said she was a happy child.\n\nThe father of Amy Dorrity, 9, \
                    said she was missing. Angel Dorrity told reporters he was waiting.";
        assert_no_first_name_mismatch(&Config::default(), text);
    }

    #[test]
    fn hostile_input_does_not_panic() {
        for text in [
            "",
            "Mr.",
            "Mr. Mr. Mr.",
            "al- bin van der",
            "’s ’s",
            "J. J. J.",
            "Kim Kim Kim",
        ] {
            run(&Config::default(), text);
        }
    }
}
