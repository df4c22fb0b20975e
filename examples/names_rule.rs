use copydesk::checks::names::FAMILY;
use copydesk::{Config, SourceFormat, Story};
fn main() {
    let rule = std::env::args().nth(1).unwrap();
    let dir = std::env::args().nth(2).unwrap();
    let check = (FAMILY.build)(&Config::default());
    let mut n = 0;
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for p in paths {
        let text = std::fs::read_to_string(&p).unwrap();
        let story = Story::new(&text, SourceFormat::PlainText);
        let mut out = Vec::new();
        check.check(&story, &mut out);
        for f in out.iter().filter(|f| f.rule == rule) {
            n += 1;
            if n % 1 != 0 {
                continue;
            }
            let s = f.span.start.saturating_sub(50);
            let e = (f.span.end + 40).min(text.len());
            let (mut s, mut e) = (s, e);
            while !text.is_char_boundary(s) {
                s -= 1;
            }
            while !text.is_char_boundary(e) {
                e += 1;
            }
            println!(
                "{} | {} | {}",
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .chars()
                    .take(30)
                    .collect::<String>(),
                text[s..e].replace('\n', " "),
                f.message.chars().take(120).collect::<String>()
            );
        }
    }
}
