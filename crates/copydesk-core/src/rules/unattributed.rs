//! The documentation of the unattributed-claims rules, as `copydesk rules` and `copydesk
//! explain` show it. Examples are the project's own sentences.

use super::{declare_rules, Category, Severity};

declare_rules! {
    pub static VAGUE_ATTRIBUTION = Rule {
        id: "vague-attribution",
        category: Category::UnattributedClaim,
        default_severity: Severity::Warning,
        summary: "A claim attributed to nobody in particular: “critics say”, “it is believed”, “reportedly”.",
        explanation: "Vague and agentless attribution gives a claim the weight of a source without \
naming one, so the reader cannot judge it and the reporter's own view passes as someone else's. \
Wikipedia's Manual of Style (MOS:WEASEL) lists “some people say”, “experts declare”, “it is believed” \
and “is widely regarded as”; NPR's Ethics Handbook says “officials say”, “reportedly” and “NPR has \
learned” are never enough; AP asks for attribution of any disputable fact (newsroom standards U1, A9). \
The rule looks for a vague group as the agent of a stance verb (quantifier + group: “some \
economists believe”; commentator and stance groups: “analysts said”, “supporters of the plan argue”, “opponents were \
clear that”; indefinite pronouns: “others argue”, \
“many in the party fear”, “those who believe”, “those warning”; groups named by their cause: \
“conservation groups”, “campaigners”), agentless constructions (“it is believed”, “it was \
revealed”, “it has been announced”, “is widely seen as”, “widely identified as”, “is said \
to”, “a plan described as”, “has been called”, “amid allegations of”, “has been plagued by claims”, \
“has come under fire for”, “studies show”) and hearsay (“reportedly”, “according to press \
reports”, “speculation is rife”, “[outlet] has learned” or “has learnt”). From the shared attribution layer it also takes agentless passives and \
nominal cues (“is understood to”, “was criticised”, “has faced criticism”, “amid accusations \
that”, “prompting claims that”, “there was speculation”, “It is hoped”, “It is expected that”, “a man thought to be”) and \
media with no name (“state media reported”, “reports say”). It stays silent inside quotations, \
headlines and photo captions (“Ann Lee (left) was allegedly upset”), in the lede of a story on a \
study that names where it was published or who led it (“…, researchers say” over “published in \
the journal …”), when the same sentence names the group's members or organisation (“critics, including \
Sen. Roe”, “analysts at Acme Bank”) or a speaker's words there take it in (“X is thought to \
be ill, an aide said”, not “it is feared X, and Mr Roe said Y”), when the group spoke to a named outlet (“insiders told the \
BBC”) or stands in a named speaker's account (“Ms Roe said critics had long predicted a \
split”: she answers for it, as a poll does for “few voters” in what it found), when a named outlet in the paragraph or the next one carries the report (“according to \
reports” over “The Evening Ledger reported…”, or “the reports in the Harwick Times” in passing; any agentless form or group in a sentence a \
named outlet reports: “is said to be keen, the Ledger reported”, “According to the Ledger, analysts \
doubt”), when a passive's judge is named after its complement (“was described as reckless by \
the county council”, “criticised in Mara Quinlan's review”, not “by critics” or “viewed as a ploy \
by the council”), when the story names one of them where a reader \
looks for it (“analysts expect a cut” over “said Tom Reyes, an economist at Acme” in the same, \
previous or next two paragraphs; “business groups welcomed” over “the Harwick Chamber of \
Commerce said”; two named analysts below a lede's “analysts said”; “the \
researchers” after the study is introduced or one of them is named), and for “allegedly” in crime \
and court copy, \
where the charge, the police or the court is the accuser (MOS:ALLEGED). Names (“also known as”), agreements (“it was \
agreed”) and a report the story has introduced (“the report said”) are not vague. A reputation with no holder (“is widely seen as”, “is likely to be seen as”, “was regarded as”, “is known for”, “described as”, “is considered”, “is being referred to as”) and a name with no namer (“a scheme dubbed ‘Project Lark’”, not “the union dubbed it”) are hints, not warnings: \
in editors' readings of real copy four in five were settled background (“seen as the favourite”). The market's chorus \
(“traders said”, “dealers said”, and in markets and business copy, or on prices, demand or \
the economy, “analysts said”, not “political analysts said” or economists on a tax or a budget) is colour, not flagged, under every preset (`anonymous-market-colour` \
asks for it once per story when a desk turns it on). A group under an agentless hedge (“many councillors are thought to”) is one finding \
over both. A group that is also an unnamed source (“Council strategists said”) gets the \
unnamed-source finding alone, which lists what is missing, unless that family's rules are off. \
Add a desk's own phrases under `phrases.vague_attributions`.",
        wrong: "Some economists believe the levy will drive the mill out of town.",
        right: "Two economists at the state university, Ana Ortiz and Tom Reyes, said the levy could drive the mill out of town.",
    };
    pub static UNATTRIBUTED_QUOTE = Rule {
        id: "unattributed-quote",
        category: Category::UnattributedClaim,
        default_severity: Severity::Warning,
        summary: "A direct quotation with no speaker in its sentence or paragraph.",
        explanation: "Readers need to know who said every quoted word. Reuters wants the source of a \
quote identified as quickly as possible; AP places attribution in the same sentence and restates it \
unless it is perfectly clear (newsroom standards U2). The rule flags a quotation of four words or \
more whose paragraph has no speaker and which does not continue the previous paragraph's speaker \
(a quote block carried over paragraphs, or a paragraph after “She said:”). Titles, names, slogans, \
scare quotes and quoted terms of one to three words are not quotations. Off by default (turn it on \
with `unattributed-quote = \"warning\"` under `[rules]`): in three editors' readings of wild copy \
none of its findings was kept; they were continued quotes broken by a paragraph or line break, \
reader call-outs signed at the end, and speakers named just before.",
        opt_in: true,
        wrong: "The council met on Monday.\n\n“We cannot keep the pool open another summer.”",
        right: "The council met on Monday.\n\n“We cannot keep the pool open another summer,” said council member Rita Gomez.",
    };
    pub static QUOTE_ATTRIBUTION_LATE = Rule {
        id: "quote-attribution-late",
        category: Category::UnattributedClaim,
        default_severity: Severity::Hint,
        summary: "A multi-sentence quotation whose speaker comes only after its second sentence.",
        explanation: "Reuters: identify the source of a quote “as quickly as possible, usually after \
the first sentence”; a reader should not get through several quoted sentences before learning who \
speaks (newsroom standards U3). The rule flags a quotation that opens before any attribution in its \
paragraph and runs three sentences, or two longer than a line (about 40 words), before the speaker \
is named. It stays quiet when the speaker is already talking: the attribution is a pronoun, or names \
someone the paragraph before introduced. Off by default (turn it on with \
`quote-attribution-late = \"hint\"` under `[rules]`): in three editors' readings of wild copy one \
finding in thirteen was kept; features and long quotes often name the speaker a sentence late by \
design, and a speaker the reader already knows needs no early tag.",
        opt_in: true,
        wrong: "“We lost the vote. We will lose the next one too. That is the truth,” the mayor said.",
        right: "“We lost the vote,” the mayor said. “We will lose the next one too. That is the truth.”",
    };
    pub static UNSOURCED_FIGURE = Rule {
        id: "unsourced-figure",
        category: Category::UnattributedClaim,
        default_severity: Severity::Hint,
        summary: "A statistic or record claim in a paragraph with no source.",
        explanation: "Percentages, sums of money and record claims (“record”, “highest since”) are \
disputable facts: AP asks that they be attributed, and the BBC's accuracy guidelines ask that \
statistics be checked and their source given (newsroom standards U6). The rule flags the first such \
figure in a paragraph that has no attribution at all: no speaker, no “according to”, no report, \
poll or data that shows it here or in the paragraph before. A sum of money is flagged only when it \
is somebody's estimate or valuation (“lost $3 billion”, “is worth £40m”, “will cost”); prices, \
fees, pay, transfer fees and deal values are routine. Percentages are left alone when they are \
published rates or market moves (“interest rates at 4.75%”, “sent the euro up 0.6%”), a company's \
or a deal's own accounts (“sales were 18% lower”, “22% of its assets”), a target or a pay rise, or \
the speaker's own figure in the first person. Figures the reporter computed or witnessed may be \
fine: a hint, not a warning. Off by default (turn it on with `unsourced-figure = \"hint\"` \
under `[rules]`): in three editors' readings of wild copy only 13 of 92 of its findings were kept \
(10–19% per reading); election results, market data, company accounts, policy terms and sports \
records need no attribution, and a paragraph's figures usually come from a report named nearby.",
        opt_in: true,
        wrong: "Rents in the city rose 14 percent last year, the highest increase since 1990.",
        right: "Rents in the city rose 14 percent last year, the highest increase since 1990, according to the county housing office.",
    };
    pub static LOADED_ATTRIBUTION_VERB = Rule {
        id: "loaded-attribution-verb",
        category: Category::UnattributedClaim,
        default_severity: Severity::Hint,
        summary: "A loaded speech verb (“claimed”, “boasted”, “pointed out”) where “said” is neutral.",
        explanation: "Attribution verbs carry judgement. “Claimed”, “contended” and “purported” cast \
doubt on the speaker; “pointed out” tells the reader the statement is true; “boasted” sneers. \
Wikipedia's MOS:SAID and AP practice make “said” the default (newsroom standards V1, V2). The rule flags these verbs used as a speech tag outside quotations and suggests \
“said” in the same tense. Verbs that name a stance fairly are left alone: “insisted” (a firm \
position or a denial), “admitted”, “conceded” and “confessed” (self-criticism), “maintained”. So \
are idioms (“claimed responsibility”, legal “alleged”) and \
“contended” answering a question or a charge (“But the minister contended…”), the noun “claims” \
after a denial (“denied claims that”), and “than the company claimed”. “Revealed” is not flagged: \
in three editors' readings of wild copy 2 of its 14 findings were kept, because it mostly reports a \
scoop, a disclosure or a data release.",
        wrong: "The mayor claimed that the budget was balanced.",
        right: "The mayor said that the budget was balanced.",
    };
    pub static UNATTRIBUTED_ALLEGATION = Rule {
        id: "unattributed-allegation",
        category: Category::UnattributedClaim,
        default_severity: Severity::Warning,
        summary: "An accusation of wrongdoing against a named person or body, with no source in its sentence.",
        explanation: "An allegation in the reporter's own voice is the newsroom's own accusation. AP \
asks that the source of an allegation be specified, and the BBC that its nature, who makes it and \
whether it is corroborated be clear (newsroom standards A8, AP “alleged”). The rule flags \
agentless accusations (“X is accused of”, “allegations that X”) and wrongdoing verbs (“embezzled”, \
“illegally diverted”) said of a named person or organisation when nothing in the sentence says who \
makes the accusation.",
        wrong: "Councilman Jed Pike is accused of steering contracts to his brother.",
        right: "District Attorney Mara Holt accused Councilman Jed Pike of steering contracts to his brother in an indictment unsealed Tuesday.",
    };
}
