use copydesk::{Config, Engine, SourceFormat};
#[test]
fn dbg() {
    let path = std::env::var("DBG_FILE").unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    for f in Engine::new(Config::default()).analyze(&text, SourceFormat::PlainText) {
        if f.category == copydesk::Category::AnonymousSource {
            println!("{} {:?} | {}", f.rule, &text[f.span.range()], f.message);
        }
    }
}
