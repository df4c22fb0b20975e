//! Generated news copy for benchmarks: headline, dateline, paragraphs that mix named and
//! unnamed sources, quotes in curly marks, figures, and the odd misspelt name, so every check
//! family has real work to do. Nothing here is taken from an article; the words are stock
//! newsroom phrasing recombined by a seeded generator, so every run measures the same text.
//!
//! Shared by `tools/lsp-latency` and the root package's `benches/engine.rs` (included there by
//! path), so the engine benchmarks and the latency harness analyse the same kind of copy.

use std::fmt::Write as _;

/// A small deterministic generator (xorshift64*): the same seed gives the same copy.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        // A zero state would stay zero forever.
        Rng(seed | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

struct Person {
    first: &'static str,
    last: &'static str,
    /// A plausible misspelling of the surname, the kind of slip the names check exists for.
    slip: &'static str,
    role: &'static str,
}

const PEOPLE: &[Person] = &[
    Person {
        first: "Lena",
        last: "Forsmark",
        slip: "Forsmarck",
        role: "the council's finance director",
    },
    Person {
        first: "Jonas",
        last: "Ekberg",
        slip: "Eckberg",
        role: "a harbour union organiser",
    },
    Person {
        first: "Mira",
        last: "Holtzmann",
        slip: "Holtzman",
        role: "the regional health commissioner",
    },
    Person {
        first: "Tomas",
        last: "Varga",
        slip: "Vargas",
        role: "chief executive of the ferry operator",
    },
    Person {
        first: "Anneli",
        last: "Kowalczyk",
        slip: "Kowalczik",
        role: "a professor of public finance",
    },
    Person {
        first: "Rashid",
        last: "Okonkwo",
        slip: "Okonkow",
        role: "the opposition leader",
    },
    Person {
        first: "Sofia",
        last: "Lindqvist",
        slip: "Lindquist",
        role: "the mayor",
    },
    Person {
        first: "Piet",
        last: "Van der Berg",
        slip: "Van den Berg",
        role: "a spokesman for the port authority",
    },
    Person {
        first: "Hanna",
        last: "Sjöberg",
        slip: "Sjoberg",
        role: "the police commissioner",
    },
    Person {
        first: "Marco",
        last: "Bellini",
        slip: "Belini",
        role: "a local shop owner",
    },
];

const TOWNS: &[&str] = &[
    "NORDBY",
    "SALTVIK",
    "VARENHOLM",
    "OSTBY",
    "KVARNBY",
    "LINDHAMN",
];
const MONTHS: &[&str] = &[
    "Jan.", "Feb.", "March", "April", "May", "June", "Sept.", "Oct.",
];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

const TOPICS: &[&str] = &[
    "the harbour expansion",
    "the new ferry contract",
    "the hospital merger",
    "next year's budget",
    "the school closures",
    "the water treatment plant",
    "the bus network overhaul",
];

const HEADLINES: &[&str] = &[
    "Council splits over {topic} as costs climb",
    "Questions mount over {topic}",
    "Officials defend {topic} after critical report",
    "Residents push back on {topic}",
    "Deal on {topic} stalls at the last minute",
];

const UNNAMED: &[&str] = &[
    "a person familiar with the talks",
    "two officials who asked not to be named because the talks were private",
    "a senior council official",
    "sources close to the mayor",
    "an aide who was not authorised to speak publicly",
    "one person briefed on the plan",
    "insiders",
];

const CLAIMS: &[&str] = &[
    "the vote had been delayed until spring",
    "no decision had been taken",
    "the contract would be put out to tender again",
    "the report had been softened before publication",
    "talks with the port authority had collapsed",
    "several councillors were ready to change sides",
    "the project was running a year behind schedule",
];

const VAGUE: &[&str] = &[
    "Critics say the plan is a waste of money.",
    "It is widely believed that the figures were too optimistic.",
    "Many residents fear the closures will hit the poorest families hardest.",
    "Observers note that the timing is awkward for the mayor.",
    "Some experts warn the cost could double.",
    "The decision is expected to prove controversial.",
];

const PLAIN: &[&str] = &[
    "The council meets again on {weekday} to vote on the proposal.",
    "The harbour handled {n} containers last year, up {pct} percent on the year before.",
    "The ferry carries about {n} passengers a day in the summer months.",
    "The budget sets aside {money} for road repairs and {money} for schools.",
    "Construction began in {year} and was due to finish two years later.",
    "The plant employs {n} people, most of them on permanent contracts.",
];

const QUOTES: &[&str] = &[
    "We have listened to residents and we will keep listening",
    "Nobody can tell me where the money went",
    "This is the best deal the town has been offered in a decade",
    "I would not call it a crisis, but it is close",
    "We were told one thing in March and another in June",
    "The numbers simply do not add up",
    "It’s too early to say what the final cost will be",
];

const SAYS: &[&str] = &[
    "said",
    "told reporters",
    "said in a statement",
    "wrote on social media",
    "said on {weekday}",
];

fn fill(rng: &mut Rng, template: &str, topic: &str) -> String {
    let mut out = template.replace("{topic}", topic);
    while out.contains("{weekday}") {
        out = out.replacen("{weekday}", rng.pick(WEEKDAYS), 1);
    }
    while out.contains("{n}") {
        let n = 120 + rng.below(48_000);
        out = out.replacen("{n}", &thousands(n), 1);
    }
    while out.contains("{pct}") {
        let pct = format!("{}.{}", 1 + rng.below(40), rng.below(10));
        out = out.replacen("{pct}", &pct, 1);
    }
    while out.contains("{money}") {
        let money = format!("${}.{} million", 1 + rng.below(90), rng.below(10));
        out = out.replacen("{money}", &money, 1);
    }
    while out.contains("{year}") {
        out = out.replacen("{year}", &(2009 + rng.below(14)).to_string(), 1);
    }
    out
}

fn thousands(n: usize) -> String {
    if n >= 1000 {
        format!("{},{:03}", n / 1000, n % 1000)
    } else {
        n.to_string()
    }
}

/// One story of about `words` words. `seed` picks the cast, the town and the topic.
pub fn story(seed: u64, words: usize) -> String {
    let mut rng = Rng::new(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 0x00c0_ffee);
    let topic = rng.pick(TOPICS);
    let town = rng.pick(TOWNS);
    // Four different people: one person under two introductions would blur the name checks.
    let first = rng.below(PEOPLE.len());
    let step = 1 + rng.below(2);
    let cast: Vec<&Person> = (0..4)
        .map(|k| &PEOPLE[(first + k * step) % PEOPLE.len()])
        .collect();
    let mut text = String::with_capacity(words * 7);
    let template = rng.pick(HEADLINES);
    let headline = fill(&mut rng, template, topic);
    let _ = writeln!(text, "# {headline}\n");
    let _ = write!(
        text,
        "{town}, {} {} (Copydesk Wire) — ",
        rng.pick(MONTHS),
        1 + rng.below(28)
    );
    // Only the first mention of each person carries the full name and role; later ones use
    // the surname, as house style wants, and now and then a slip of the pen.
    let mut introduced = [false; 4];
    let mut word_count = 0;
    let mut paragraph = 0;
    while word_count < words {
        let start = text.len();
        let sentences = 1 + rng.below(3);
        for sentence in 0..sentences {
            if sentence > 0 {
                text.push(' ');
            }
            let who = rng.below(cast.len());
            let person = cast[who];
            let mut name = |rng: &mut Rng| {
                if !introduced[who] {
                    introduced[who] = true;
                    format!("{} {}, {},", person.first, person.last, person.role)
                } else if rng.chance(40) {
                    person.slip.to_string()
                } else {
                    person.last.to_string()
                }
            };
            let template = rng.pick(SAYS);
            let says = fill(&mut rng, template, topic);
            match rng.below(7) {
                0 | 1 => {
                    let quote = rng.pick(QUOTES);
                    let name = name(&mut rng);
                    let name = name.trim_end_matches(',');
                    let _ = write!(text, "“{quote},” {name} {says}.");
                }
                2 => {
                    let claim = rng.pick(CLAIMS);
                    let source = rng.pick(UNNAMED);
                    let _ = write!(text, "According to {source}, {claim}.");
                }
                3 => {
                    let claim = rng.pick(CLAIMS);
                    let _ = write!(
                        text,
                        "{} {says} that {claim}.",
                        capitalise(rng.pick(UNNAMED))
                    );
                }
                4 => text.push_str(rng.pick(VAGUE)),
                5 => {
                    let claim = rng.pick(CLAIMS);
                    let name = name(&mut rng);
                    let _ = write!(text, "{name} {says} that {claim}.");
                }
                _ => {
                    let template = rng.pick(PLAIN);
                    let plain = fill(&mut rng, template, topic);
                    text.push_str(&plain);
                }
            }
        }
        word_count += text[start..].split_whitespace().count();
        paragraph += 1;
        text.push_str("\n\n");
        if paragraph % 9 == 0 && word_count < words {
            let _ = writeln!(text, "## {}\n", capitalise(rng.pick(TOPICS)));
        }
    }
    text
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A book-length manuscript of about `words` words: chapters, each a long story of its own
/// cast, in one document.
pub fn manuscript(words: usize) -> String {
    let mut text = String::with_capacity(words * 7);
    let mut chapter = 0u64;
    let mut written = 0;
    while written < words {
        chapter += 1;
        let length = 3_000.min(words - written).max(50);
        let body = story(1_000 + chapter, length);
        written += body.split_whitespace().count();
        let _ = write!(
            text,
            "Chapter {chapter}\n\n{}",
            body.trim_start_matches("# ")
        );
    }
    text
}

/// Stories of 300 to 1,500 words until about `bytes` bytes, as an archive holds them.
pub fn archive(bytes: usize) -> Vec<String> {
    let mut rng = Rng::new(0x0a2c_41fe);
    let mut stories = Vec::new();
    let mut total = 0;
    while total < bytes {
        let one = story(rng.next_u64(), 300 + rng.below(1_200));
        total += one.len();
        stories.push(one);
    }
    stories
}
