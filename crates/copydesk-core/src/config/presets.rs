//! What each house preset sets. Sources: `reference/newsroom-standards.md` §1.3 and §4 (house
//! usage as reported by the cited articles; spellings drift, so a desk's own `[[names]]` entry
//! always wins over these).

use super::{HouseName, HousePreset};

pub(super) fn disabled_rules(preset: HousePreset) -> &'static [&'static str] {
    match preset {
        // The wires use "not authorized to speak publicly" routinely, and their market reports
        // carry the market's mood through "traders said" by design.
        HousePreset::Ap | HousePreset::Reuters => {
            &["anonymity-boilerplate", "anonymous-market-colour"]
        }
        // Without a house there is no courtesy-title rule to enforce.
        HousePreset::None => &["name-courtesy-title"],
        HousePreset::Nyt | HousePreset::Bbc => &[],
    }
}

/// (preferred, variants) per house.
type NameTable = &'static [(&'static str, &'static [&'static str])];

const AP: NameTable = &[
    ("Zelenskyy", &["Zelensky", "Zelenskiy"]),
    // AP switched on 2019-08-14.
    ("Kyiv", &["Kiev"]),
    // AP's transliteration of the al-Qaida leader's name.
    ("al-Zawahri", &["al-Zawahiri"]),
];
const REUTERS: NameTable = &[
    ("Zelenskiy", &["Zelensky", "Zelenskyy"]),
    ("Gaddafi", &["Gadhafi", "Qaddafi"]),
];
const NYT: NameTable = &[
    ("Zelensky", &["Zelenskyy", "Zelenskiy"]),
    ("Qaddafi", &["Gaddafi", "Gadhafi"]),
];
const BBC: NameTable = &[("Gaddafi", &["Gadhafi", "Qaddafi"])];

pub(super) fn house_names(preset: HousePreset) -> Vec<HouseName> {
    let table: NameTable = match preset {
        HousePreset::None => &[],
        HousePreset::Ap => AP,
        HousePreset::Reuters => REUTERS,
        HousePreset::Nyt => NYT,
        HousePreset::Bbc => BBC,
    };
    table
        .iter()
        .map(|(preferred, variants)| HouseName {
            preferred: (*preferred).to_owned(),
            variants: variants.iter().map(|v| (*v).to_owned()).collect(),
        })
        .collect()
}

/// The preset's names followed by the desk's own, where a desk entry that shares any spelling
/// with a preset entry replaces it (the desk may prefer "Zelensky" under the AP preset).
pub(super) fn merge_names(preset: HousePreset, own: Vec<HouseName>) -> Vec<HouseName> {
    let spellings = |n: &HouseName| -> Vec<String> {
        std::iter::once(&n.preferred)
            .chain(&n.variants)
            .map(|s| s.to_lowercase())
            .collect()
    };
    let own_spellings: Vec<String> = own.iter().flat_map(spellings).collect();
    let mut merged: Vec<HouseName> = house_names(preset)
        .into_iter()
        .filter(|n| !spellings(n).iter().any(|s| own_spellings.contains(s)))
        .collect();
    merged.extend(own);
    merged
}
