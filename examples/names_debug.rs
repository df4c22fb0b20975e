use copydesk::checks::names::{lexicon::Lexicon, mentions::find_mentions, roster::Roster};
use copydesk::{SourceFormat, Story};
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let story = Story::new(&text, SourceFormat::PlainText);
    let lex = Lexicon::get();
    let ms = find_mentions(&story, lex);
    let roster = Roster::build(&story, &ms, lex);
    for (i, m) in ms.iter().enumerate() {
        println!(
            "{i:3} p{:?} full={} cue={} init={} hl={} q={} {:?} title={:?}",
            roster.person_of[i],
            m.is_full(),
            m.cue,
            m.sentence_initial,
            m.headline,
            m.quoted,
            story.text(m.span),
            m.title.as_ref().map(|t| &t.text)
        );
    }
    for (p, person) in roster.people.iter().enumerate() {
        println!(
            "person {p}: {:?} {:?} {:?} n={}",
            person.given,
            person.surname,
            person.full_name,
            person.mentions.len()
        );
    }
    for i in &roster.issues {
        println!("ISSUE {:?}", i);
    }
}
