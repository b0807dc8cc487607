//! Word lists of the thirty-seventh set: Norwegian given names (plain names, and spelling
//! families that are one name to a clerk such as `Thomas`/`Tomas`), surnames rich in
//! `æ ø å`, pet names a clinic writes after an owner's surname, and streets on a theme of
//! Norwegian birds (`Trostveien`, `Ørnesvingen`), prefixed or not, and of invented local
//! veterinarians and benefactors (`Harald Moes vei`).

/// Men's given names outside any spelling family.
pub const MEN_PLAIN: &[&str] = &[
    "Amund", "Bård", "Eivind", "Frode", "Geir", "Gunnar", "Helge", "Jostein", "Knut", "Mats",
    "Njål", "Odd", "Pål", "Rune", "Svein", "Terje", "Vegard", "Yngve", "Øyvind", "Arne", "Steinar",
    "Hallvard", "Audun", "Sindre",
];

/// Women's given names outside any spelling family.
pub const WOMEN_PLAIN: &[&str] = &[
    "Anita",
    "Brit",
    "Dagny",
    "Eldbjørg",
    "Frøydis",
    "Guri",
    "Hege",
    "Janne",
    "Kjersti",
    "Laila",
    "Mona",
    "Nina",
    "Oddny",
    "Ragnhild",
    "Siri",
    "Torunn",
    "Vigdis",
    "Wenche",
    "Åse",
    "Astrid",
    "Heidi",
    "Marit",
    "Reidun",
    "Sølvi",
];

/// Men's spelling families: one name to a clerk (the five pairs first).
pub const MEN_FAMILIES: &[&[&str]] = &[
    &["Thomas", "Tomas"],
    &["Carl", "Karl"],
    &["Kristoffer", "Christoffer"],
    &["Tor", "Thor"],
    &["Christian", "Kristian"],
    &["Mikael", "Michael"],
    &["Gustav", "Gustaf"],
    &["Rolf", "Rolv"],
    &["Oskar", "Oscar"],
];

/// Women's spelling families: one name to a clerk (the pair first).
pub const WOMEN_FAMILIES: &[&[&str]] = &[
    &["Kristine", "Christine"],
    &["Karoline", "Caroline"],
    &["Marte", "Marthe"],
    &["Therese", "Terese"],
];

/// Surnames of the register: most with `æ ø å`, a few plain.
pub const SURNAMES: &[&str] = &[
    "Bråthen",
    "Sørli",
    "Kvåle",
    "Følstad",
    "Røed",
    "Næss",
    "Tjøstheim",
    "Løvås",
    "Sæle",
    "Grønli",
    "Bøe",
    "Dæhli",
    "Årdal",
    "Kråkenes",
    "Hølland",
    "Fjære",
    "Sandø",
    "Mørk",
    "Tøsse",
    "Hæhre",
    "Løken",
    "Brænd",
    "Nøkleby",
    "Ødegård",
    "Skjølberg",
    "Hårstad",
    "Berntsen",
    "Olsen",
    "Moen",
    "Haugland",
    "Eriksen",
    "Dahl",
    "Vik",
    "Pettersen",
];

/// Pet names a clinic's owner field carries after the surname (none a name of the lists).
pub const PETS: &[&str] = &[
    "Bella", "Pusur", "Tassen", "Luna", "Fido", "Mons", "Kira", "Trofast", "Rocky", "Sotis",
    "Molly", "Balder",
];

/// What a clinic writes before a pet's name (`katten Pusur`, `hund: Bella`).
pub const SPECIES: &[&str] = &["katten", "hunden", "kanin", "hund:", "katt:", "eier av"];

/// Street stems of Norwegian birds, in compound form.
pub const STEMS: &[&str] = &[
    "Trost",
    "Meis",
    "Spurve",
    "Ugle",
    "Hegre",
    "Lerke",
    "Due",
    "Svale",
    "Ørne",
    "Falke",
    "Hauk",
    "Gjøk",
    "Stær",
    "Linerle",
    "Rugde",
    "Orre",
    "Rype",
    "Tiur",
    "Kråke",
    "Skjære",
    "Ravne",
    "Sisik",
    "Dompap",
    "Bokfink",
    "Glente",
    "Spette",
    "Trane",
    "Vipe",
    "Lom",
    "Ærfugl",
    "Jerpe",
    "Sidensvans",
];

/// Street endings glued to a stem.
pub const ENDINGS: &[&str] = &[
    "veien", "stien", "bakken", "lia", "tunet", "haugen", "kollen", "myra", "dalen", "berget",
    "grenda", "svingen",
];

/// Street prefixes (the eight).
pub const PREFIXES: &[&str] = &[
    "Øvre", "Nedre", "Søndre", "Nordre", "Store", "Lille", "Vestre", "Østre",
];

/// The short forms a medicine-label printer's line template uses for each prefix (index as
/// [`PREFIXES`]); `Ndr.` fits both Nedre and Nordre to a clerk, `Ø.` both Øvre and Østre.
pub const PREFIX_SHORT: &[&str] = &["Øvr.", "Ndr.", "Sdr.", "Nrd.", "St.", "L.", "V.", "Ø."];

/// Invented local veterinarians and benefactors a street is named after: a given name and the
/// surname in the genitive.
pub const PATRONS: &[(&str, &str)] = &[
    ("Anton", "Krogs"),
    ("Borghild", "Aases"),
    ("Conrad", "Wiigs"),
    ("Dorthea", "Lies"),
    ("Einar", "Rambergs"),
    ("Fredrikke", "Skjelbreds"),
    ("Gunhild", "Tangens"),
    ("Harald", "Moes"),
    ("Ingrid", "Sunds"),
    ("Jens", "Bratts"),
    ("Karen", "Vollans"),
    ("Leif", "Grønvolds"),
    ("Mathilde", "Ruuds"),
    ("Hans", "Heggs"),
];

/// Street types of patrons' streets.
pub const PERSON_TYPES: &[&str] = &["vei", "gate", "plass", "allé"];

/// Sex of a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    /// A man.
    Man,
    /// A woman.
    Woman,
}

/// The plain names of a sex.
pub fn plain(sex: Sex) -> &'static [&'static str] {
    match sex {
        Sex::Man => MEN_PLAIN,
        Sex::Woman => WOMEN_PLAIN,
    }
}

/// The spelling families of a sex.
pub fn families(sex: Sex) -> &'static [&'static [&'static str]] {
    match sex {
        Sex::Man => MEN_FAMILIES,
        Sex::Woman => WOMEN_FAMILIES,
    }
}

/// Every given name of a sex.
pub fn given_of(sex: Sex) -> Vec<&'static str> {
    let mut v = plain(sex).to_vec();
    for f in families(sex) {
        v.extend_from_slice(f);
    }
    v
}

/// Every given name of the lists (both sexes).
pub fn all_given() -> Vec<&'static str> {
    let mut v = given_of(Sex::Man);
    v.extend(given_of(Sex::Woman));
    v
}

/// The sex of a given name of the lists (women's names are looked up, the rest are men's).
pub fn sex_of(name: &str) -> Sex {
    if given_of(Sex::Woman).contains(&name) {
        Sex::Woman
    } else {
        Sex::Man
    }
}

/// The spelling family a given name belongs to, if any.
pub fn family_of(name: &str) -> Option<&'static [&'static str]> {
    MEN_FAMILIES
        .iter()
        .chain(WOMEN_FAMILIES)
        .copied()
        .find(|f| f.iter().any(|n| n.to_lowercase() == name.to_lowercase()))
}

/// Whether two given names are one name to a clerk (equal or of one family).
pub fn same_given(a: &str, b: &str) -> bool {
    a.to_lowercase() == b.to_lowercase()
        || family_of(a).is_some_and(|f| f.iter().any(|n| n.to_lowercase() == b.to_lowercase()))
}

/// A stem glued to an ending, three like consonants written as two as Norwegian spelling
/// does.
pub fn compound(stem: &str, ending: &str) -> String {
    let s: Vec<char> = stem.chars().collect();
    let n = s.len();
    match ending.chars().next() {
        Some(e) if n >= 2 && s[n - 1] == s[n - 2] && s[n - 1] == e => {
            format!("{stem}{}", &ending[e.len_utf8()..])
        }
        _ => format!("{stem}{ending}"),
    }
}
