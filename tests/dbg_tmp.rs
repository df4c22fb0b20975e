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
#[test]
fn dump_all() {
    let Ok(dir) = std::env::var("DUMP_DIR") else { return };
    let engine = Engine::new(Config::default());
    let mut out = String::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        for f in engine.analyze(&text, SourceFormat::PlainText) {
            out.push_str(&format!("{}\t{}\t{}\t{}\n", path.file_name().unwrap().to_string_lossy(), f.rule, f.span.start, f.span.end));
        }
    }
    std::fs::write("/tmp/dump.tsv", out).unwrap();
}
