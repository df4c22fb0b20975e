//! The pathological story shapes that once made passes quadratic, shared by the benchmark
//! (`benches/pathological/main.rs`, time and memory at 1 and 10 MB) and the tests that run each
//! shape at the size that once hung (`tests/pathological_shapes.rs`).

/// Makes about `size` bytes of story text in one shape.
pub type Generator = fn(usize) -> String;

pub fn shapes() -> Vec<(&'static str, Generator)> {
    vec![
        ("no-sentence-end", |n| {
            repeat_to("the council met again and ", n)
        }),
        ("one-name-repeated", |n| repeat_to("John Smith said ", n)),
        ("capitalised-words", |n| {
            let mut out = String::with_capacity(n + 16);
            let mut i = 0u64;
            while out.len() < n {
                // Distinct capitalised words, so no lexicon lookup is cached.
                out.push_str(&format!("Word{} ", i.wrapping_mul(2654435761) % 1_000_003));
                i += 1;
            }
            out
        }),
        ("vague-claims", |n| repeat_to("Critics say it is bad. ", n)),
        ("deep-quotes", |n| {
            let unit = "“He said ‘they said “we said ";
            let mut out = repeat_to(unit, n / 2);
            out.push_str(&repeat_to("” ’ ", n / 2));
            out
        }),
        ("random-unicode", |n| {
            let mut out = String::with_capacity(n + 8);
            let mut state = 0x2545F4914F6CDD1Du64;
            while out.len() < n {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let c = char::from_u32((state % 0x2FFFF) as u32).unwrap_or(' ');
                out.push(if state.is_multiple_of(7) { ' ' } else { c });
                if state.is_multiple_of(97) {
                    out.push_str(".\n\n");
                }
            }
            out
        }),
        ("mixed-news", |n| {
            repeat_to(
                "Two officials familiar with the talks said on Tuesday that the deal, worth $4.2 \
                 billion, was close. “We are not there yet,” said Maria Kellerman, the minister. \
                 Critics say the plan is reckless, and it is believed Kelerman will resign.\n\n",
                n,
            )
        }),
        // One long word after another: the name index once filed each under every spelling
        // two deletions away, cubic in the word's length (a 1,700-letter word took 4 GiB).
        ("long-words", |n| {
            let mut out = String::with_capacity(n + 2048);
            let mut i = 0u64;
            while out.len() < n {
                out.push_str(&format!("Mr Dun{}{i} said it. ", "k".repeat(1500)));
                i += 1;
            }
            out
        }),
        // Sentences that never end, joined by what is not a full stop. Each shape once made a
        // pass read the whole sentence again for every source, cue or adverb in it.
        ("sources-between-dashes", |n| {
            repeat_to("Officials said — ", n)
        }),
        ("comma-joined-heads", |n| repeat_to("Officials, ", n)),
        ("said-between-commas", |n| repeat_to("said, ", n)),
        ("colons-opening-quotes", |n| repeat_to("He said: \"", n)),
        ("hearsay-adverbs", |n| repeat_to("reportedly ", n)),
        ("agentless-hedges", |n| repeat_to("it is believed that ", n)),
        // Families, each on a surname of its own: the names pass once compared each new full
        // name with every person before it (18 s for 1 MB).
        ("families", |n| {
            families(n, |surname| {
                format!(
                    "Ann {surname} spoke with her son, Tom {surname}, and his wife. Mary \
                     {surname} said the family would stay.\n\n"
                )
            })
        }),
        // One first name given to a person in every family, and named alone after a family
        // word: a bare "Tom" once weighed every Tom of the story (43 s for 1 MB).
        ("shared-first-names", |n| {
            families(n, |surname| {
                format!(
                    "Ann {surname} spoke with her son, Tom, and his wife. Mary {surname} said \
                     the family of Tom {surname} would stay. {surname}'s son Tom said so.\n\n"
                )
            })
        }),
    ]
}

pub fn repeat_to(unit: &str, n: usize) -> String {
    unit.repeat(n / unit.len() + 1)
}

/// Paragraphs of `family`, each on the next made-up surname, to `n` bytes or just past.
fn families(n: usize, family: fn(&str) -> String) -> String {
    let mut out = String::with_capacity(n + 256);
    let mut i = 0usize;
    while out.len() < n {
        out.push_str(&family(&made_up_surname(i)));
        i += 1;
    }
    out
}

/// The `i`th of a run of made-up surnames ("Bandepfirlosmutbanbanban"), eight syllables long,
/// so that every family takes as many bytes, and 390,625 of them before they come round again.
/// No two are a slip of each other: syllables differ in every letter, and in letters no
/// romanisation rule conflates, so two names are three letters apart for each syllable they
/// differ in.
fn made_up_surname(i: usize) -> String {
    const SYLLABLES: [&str; 5] = ["ban", "dep", "fir", "los", "mut"];
    let mut k = i;
    let mut name = String::new();
    for _ in 0..8 {
        name.push_str(SYLLABLES[k % SYLLABLES.len()]);
        k /= SYLLABLES.len();
    }
    let mut letters = name.chars();
    letters
        .next()
        .map(|first| first.to_uppercase().chain(letters).collect())
        .unwrap_or_default()
}
