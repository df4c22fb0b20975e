//! The name-consistency rules as `copydesk rules` and `copydesk explain` show them.

use super::{declare_rules, Category, Severity};

declare_rules! {
    pub static NAME_VARIANT = Rule {
        id: "name-variant",
        category: Category::NameConsistency,
        default_severity: Severity::Warning,
        summary: "A person's name is spelled differently from earlier in the story.",
        explanation: "Every style guide asks for one spelling of a person's name throughout a story \
    (newsroom standards N2; AP, Reuters and the BBC News style guide all treat a misspelt name as a \
    correction). copydesk builds a roster of the people the story names in full and compares every \
    later reference with it: a letter dropped, doubled, swapped or changed (more leeway in long \
    names than short ones; a short name's slip needs a sign of a person, such as a title or a \
    reporting verb, unless it is written once and spells no English word, no first name and no \
    place, as a short name romanised another way may after its owner's introduction), a surname \
    that lost its capital with its first letter (\"utin\" for Putin, anywhere when what is left \
    is no English word), accents dropped, a hyphen, space or particle capitalised differently, or \
    a second transliteration (Lukashenko/Lukashenka, -sky/-skyy/-skiy). The established spelling is \
    the story's first full-name reference, or the spelling it uses most when that is clearer; a \
    misspelt first name of a widely published public figure is flagged against the published \
    spelling. A direct quotation is no exception (N2 makes none): its spelling is the writer's \
    transcription. Another transliteration there is flagged with a note that a written statement \
    may spell the name its own way; another hyphenation or capital there is only a hint. Two people with similar names who are each introduced in full (Johnson and \
    Johnston) are two people, not a variant.",
        wrong: "Finance Minister Odile Marchetti presented the budget. Marchetty said it was balanced.",
        right: "Finance Minister Odile Marchetti presented the budget. Marchetti said it was balanced.",
    };

    pub static NAME_FIRST_NAME_MISMATCH = Rule {
        id: "name-first-name-mismatch",
        category: Category::NameConsistency,
        default_severity: Severity::Warning,
        summary: "The same surname appears with a different first name for one person.",
        explanation: "Once a story has introduced a person by full name, a later full reference with \
    another first name (\"Keith Wardle\" ... \"Kevin Wardle\") is usually a slip that names someone \
    else (newsroom standards N1, N2). copydesk treats two first names as two people when the story \
    shows it: each full name used at least twice, a family word nearby (wife, brother, son), a \
    family plural (\"the Wardles\"), a list of names, two first names new to the story listed side \
    by side on the surname (\"Jesse Varley, 28, and Noah Varley, 27\"), a role noun introducing \
    the name (\"the consultant Ann Wardle\", \"fellow directors Ross Wardle\"), different Jr./Sr. \
    suffixes, a very common surname, or both names being widely known public figures; and the \
    established person must recur in the story. A widely known surname (Trump, Putin) with another \
    first name is flagged against the public figure; the figure's first name in another form of \
    itself (\"Binyamin\" for \"Benjamin\") is a hint, and none at all when the desk lists that \
    spelling under [[names]]. A known short form (Tim for Timothy, Bill for William) is reported as \
    a hint only, saying which form is the short one: AP and NPR prefer one form, but it is the same \
    person. A short form the story gives a relative (\"her son Mick\") is that relative's name, and \
    one inside a quotation is the speaker's word, which the writer may not change.",
        wrong: "Keith Wardle leads the inquiry. Wardle expects a report in May. The council says Kevin \
    Wardle has moved too slowly.",
        right: "Keith Wardle leads the inquiry. Wardle expects a report in May. The council says Keith \
    Wardle has moved too slowly.",
    };

    pub static NAME_AMBIGUOUS_SURNAME = Rule {
        id: "name-ambiguous-surname",
        category: Category::NameConsistency,
        default_severity: Severity::Hint,
        summary: "A bare surname could mean either of two people in the story.",
        explanation: "When two people in a story share a surname (spouses, siblings, a father and \
    son), AP asks for full names or a clear convention to tell them apart (newsroom standards 1.3, \
    N1 exceptions). By convention the bare surname stays with the person the story introduced \
    first; copydesk hints at a bare surname that fits two people introduced earlier when the last \
    of them named in full is the other one, and not in the same or the previous paragraph. It \
    reports each surname once.",
        wrong: "Dana Ferrow runs the mill. Her husband, Paul Ferrow, keeps the books.\n\nThe bank \
    wrote to the family in May.\n\nFerrow said the letter came late.",
        right: "Dana Ferrow runs the mill. Her husband, Paul Ferrow, keeps the books.\n\nThe bank \
    wrote to the family in May.\n\nDana Ferrow said the letter came late.",
    };

    pub static NAME_FIRST_REFERENCE = Rule {
        id: "name-first-reference",
        category: Category::NameConsistency,
        default_severity: Severity::Hint,
        summary: "A person is referred to by surname before being named in full.",
        explanation: "AP, Reuters and NPR give a person's full name (with title) on first reference \
    and the surname alone afterwards; AP has applied this even to the U.S. president since 2008 \
    (newsroom standards N1, 1.3). copydesk hints at the first bare surname of a person that comes \
    before the person's full name, or of a titled or widely known person the story never names in \
    full. Headlines and quotations are exempt. People so well known that the desk accepts the bare \
    surname can be listed in `no_first_reference` in the configuration.",
        wrong: "Halvorsen said the port would reopen. Mayor Ingrid Halvorsen spoke on Monday.",
        right: "Mayor Ingrid Halvorsen said the port would reopen. Halvorsen spoke on Monday.",
    };

    pub static NAME_HOUSE_SPELLING = Rule {
        id: "name-house-spelling",
        category: Category::NameConsistency,
        default_severity: Severity::Warning,
        summary: "A name is spelled differently from the house name list.",
        explanation: "Newsrooms keep a list of how they spell names that have several accepted \
    forms: Zelenskiy at Reuters, Zelenskyy at AP, Zelensky at the New York Times; Gaddafi, Gadhafi \
    or Qaddafi (newsroom standards N3, section 4). \"Consistency over consensus\": what matters is \
    that the desk always uses its own form. copydesk flags the variants listed under `names` in the \
    configuration and suggests the preferred spelling. Direct quotations are left alone.",
        wrong: "President Volodymyr Zelensky met European leaders.",
        right: "President Volodymyr Zelenskiy met European leaders.",
        example_preset: Some("reuters"),
    };

    pub static NAME_COURTESY_TITLE = Rule {
        id: "name-courtesy-title",
        category: Category::NameConsistency,
        default_severity: Severity::Hint,
        summary: "A courtesy title (Mr., Ms.) is used against the house style.",
        explanation: "Houses differ on courtesy titles (newsroom standards N4, 1.3): AP and Reuters \
    use none outside direct quotations, except to tell apart two people with one surname; the New \
    York Times uses Mr. or Ms. on later references; the BBC writes \"Mr Ban\" without the full stop. \
    copydesk follows the configured preset and stays quiet without one.",
        wrong: "Tomas Ekberg, the harbour master, said Mr. Ekberg had warned the council.",
        right: "Tomas Ekberg, the harbour master, said Ekberg had warned the council.",
        example_preset: Some("ap"),
    };
}
