//! Word lists of the thirty-sixth set: Norwegian given names (plain names, names that come in a
//! men's and a women's form such as `Johan`/`Johanne`, and spelling families that are one name
//! to a clerk such as `Thomas`/`Tomas`), surnames rich in `æ ø å`, and streets on a theme of
//! garden flowers, berries and herbs (`Syrinveien`, `Blåbærstien`), prefixed or not, and of
//! invented mayors (`Halfdan Skaugs vei`).

/// Men's given names outside any spelling family (the men's forms of [`GENDER_PAIRS`] among
/// them).
pub const MEN_PLAIN: &[&str] = &[
    "Asbjørn", "Bjarne", "Dag", "Eirik", "Finn", "Gaute", "Halvor", "Ivar", "Jørgen", "Kåre",
    "Lars", "Magne", "Nils", "Ola", "Petter", "Roar", "Sigurd", "Trond", "Ulf", "Vidar", "Øystein",
    "Håkon", "Erlend", "Torgeir", "Johan", "Martin", "Henrik", "Paul",
];

/// Women's given names outside any spelling family (the women's forms of [`GENDER_PAIRS`]
/// among them).
pub const WOMEN_PLAIN: &[&str] = &[
    "Aud", "Berit", "Cecilie", "Elin", "Gro", "Hilde", "Ingeborg", "Jorunn", "Kari", "Liv",
    "Marianne", "Nora", "Randi", "Solveig", "Tone", "Unni", "Åshild", "Gunvor", "Synnøve", "Bente",
    "Johanne", "Martine", "Henrikke", "Paula",
];

/// Given names that come in a men's and a women's form, two people to a clerk (`Johan` is not
/// `Johanne`).
pub const GENDER_PAIRS: &[(&str, &str)] = &[
    ("Johan", "Johanne"),
    ("Martin", "Martine"),
    ("Henrik", "Henrikke"),
    ("Paul", "Paula"),
];

/// Men's spelling families: one name to a clerk (the five pairs first).
pub const MEN_FAMILIES: &[&[&str]] = &[
    &["Thomas", "Tomas"],
    &["Carl", "Karl"],
    &["Kristoffer", "Christoffer"],
    &["Tor", "Thor"],
    &["Christian", "Kristian"],
    &["Jakob", "Jacob"],
    &["Nikolai", "Nicolai"],
    &["Filip", "Philip"],
    &["Aksel", "Axel"],
    &["Ludvik", "Ludvig"],
];

/// Women's spelling families: one name to a clerk (the pair first).
pub const WOMEN_FAMILIES: &[&[&str]] = &[
    &["Kristine", "Christine"],
    &["Katrine", "Kathrine"],
    &["Kamilla", "Camilla"],
    &["Elisabeth", "Elisabet"],
];

/// Surnames of the register: most with `æ ø å`, a few plain.
pub const SURNAMES: &[&str] = &[
    "Sæther",
    "Hægeland",
    "Grøtte",
    "Bjørnstad",
    "Kjølstad",
    "Fløysvik",
    "Mjøen",
    "Tønnesen",
    "Rødseth",
    "Sømme",
    "Nærbø",
    "Håland",
    "Skårland",
    "Vågen",
    "Åsheim",
    "Strømsnes",
    "Bårdsen",
    "Græsdal",
    "Lønning",
    "Kløvstad",
    "Hæreid",
    "Myrås",
    "Frøysa",
    "Bøhn",
    "Djønne",
    "Ørstavik",
    "Nilsen",
    "Jakobsen",
    "Hagen",
    "Solberg",
    "Fosse",
    "Rustad",
    "Eide",
    "Lunde",
];

/// Street stems of garden flowers, berries and herbs, in compound form.
pub const STEMS: &[&str] = &[
    "Syrin",
    "Rose",
    "Tulipan",
    "Blåbær",
    "Tyttebær",
    "Multe",
    "Bringebær",
    "Prestekrage",
    "Kløver",
    "Lyng",
    "Blåklokke",
    "Hvitveis",
    "Solsikke",
    "Fiol",
    "Nellik",
    "Konvall",
    "Ringblomst",
    "Valmue",
    "Smørblomst",
    "Ryllik",
    "Kamille",
    "Timian",
    "Salvie",
    "Humle",
    "Rips",
    "Solbær",
    "Jordbær",
    "Krokus",
    "Gullregn",
    "Peon",
    "Hortensia",
    "Lavendel",
];

/// Street endings glued to a stem.
pub const ENDINGS: &[&str] = &[
    "veien", "stien", "bakken", "lia", "tunet", "haugen", "åsen", "enga", "grenda", "løkka",
    "kroken", "jordet",
];

/// Street prefixes (the eight).
pub const PREFIXES: &[&str] = &[
    "Øvre", "Nedre", "Søndre", "Nordre", "Store", "Lille", "Vestre", "Østre",
];

/// The two-letter codes of a moving firm's dispatch board for each prefix (index as
/// [`PREFIXES`]): the prefix's first two letters in capitals, no dot. No code begins two
/// prefixes.
pub const PREFIX_CODES: &[&str] = &["ØV", "NE", "SØ", "NO", "ST", "LI", "VE", "ØS"];

/// Invented mayors a street is named after: a given name and the surname in the genitive.
pub const MAYORS: &[(&str, &str)] = &[
    ("Arnfinn", "Fjeldstads"),
    ("Birger", "Holtes"),
    ("Dagfinn", "Myhres"),
    ("Edvard", "Lyngstads"),
    ("Halfdan", "Skaugs"),
    ("Ingvald", "Tveitens"),
    ("Kirsten", "Flaattens"),
    ("Lorentz", "Høyems"),
    ("Magnhild", "Rustens"),
    ("Olav", "Gjerdes"),
    ("Sigrid", "Bakkes"),
    ("Trygve", "Ulvens"),
    ("Agnes", "Brattlis"),
    ("Gudmund", "Vikens"),
];

/// Street types of mayors' streets.
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

/// The other-sex form of a given name (`Johan` for `Johanne` and back), if it has one.
pub fn gender_pair(name: &str) -> Option<&'static str> {
    GENDER_PAIRS.iter().find_map(|&(m, w)| {
        if m == name {
            Some(w)
        } else if w == name {
            Some(m)
        } else {
            None
        }
    })
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
