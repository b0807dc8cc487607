//! Word lists of the thirty-eighth set: Norwegian given names (plain names, and spelling
//! families that are one name to a clerk such as `Thomas`/`Tomas`), surnames rich in
//! `æ ø å` with near forms one letter off (`Sæter` for `Sæther`), the appointment notes a
//! dental journal keeps after a surname, and streets on a theme of Norwegian berries and
//! fruit trees (`Tyttebærlia`, `Øvre Plommeveien`) and of invented local dentists and public
//! health pioneers, some with two given names (`Johan Peter Brochs vei`).

/// Men's given names outside any spelling family.
pub const MEN_PLAIN: &[&str] = &[
    "Asbjørn",
    "Bjarne",
    "Dag",
    "Einar",
    "Finn",
    "Gaute",
    "Håkon",
    "Ivar",
    "Jørgen",
    "Kjell",
    "Lars",
    "Magne",
    "Nils",
    "Ole",
    "Per",
    "Roald",
    "Sverre",
    "Torbjørn",
    "Ulf",
    "Vidar",
    "Åsmund",
    "Øystein",
    "Leif",
    "Harald",
];

/// Women's given names outside any spelling family.
pub const WOMEN_PLAIN: &[&str] = &[
    "Anne", "Bodil", "Dorthe", "Eli", "Gunn", "Hilde", "Inger", "Jorunn", "Kari", "Liv", "Merete",
    "Nora", "Randi", "Solveig", "Tone", "Unni", "Vibeke", "Wenke", "Åshild", "Ingeborg", "Gro",
    "Bjørg", "Turid", "Ellen",
];

/// Men's spelling families: one name to a clerk (the five pairs first).
pub const MEN_FAMILIES: &[&[&str]] = &[
    &["Thomas", "Tomas"],
    &["Carl", "Karl"],
    &["Kristoffer", "Christoffer"],
    &["Tor", "Thor"],
    &["Christian", "Kristian"],
    &["Fredrik", "Frederik"],
    &["Jakob", "Jacob"],
    &["Filip", "Philip"],
    &["Aleksander", "Alexander"],
];

/// Women's spelling families: one name to a clerk (the pair first).
pub const WOMEN_FAMILIES: &[&[&str]] = &[
    &["Kristine", "Christine"],
    &["Kathrine", "Katrine"],
    &["Elisabeth", "Elisabet"],
    &["Camilla", "Kamilla"],
    &["Sofie", "Sophie"],
    &["Cecilie", "Sesilie"],
];

/// Surnames of the register: most with `æ ø å`, a few plain.
pub const SURNAMES: &[&str] = &[
    "Bjørnstad",
    "Sæther",
    "Høiby",
    "Strømme",
    "Kjærnes",
    "Løvlie",
    "Brøndbo",
    "Tjønneland",
    "Åsheim",
    "Gåsland",
    "Fløtten",
    "Østby",
    "Vågen",
    "Ræstad",
    "Hægeland",
    "Bækken",
    "Skårdal",
    "Søfteland",
    "Mæland",
    "Grøtte",
    "Sørbø",
    "Rønning",
    "Ølstad",
    "Fjørtoft",
    "Hålien",
    "Kløvstad",
    "Johansen",
    "Hagen",
    "Lunde",
    "Strand",
    "Nilsen",
    "Halvorsen",
    "Iversen",
    "Tangen",
];

/// Near forms of surnames, one letter off on their keys and names of nobody in the lists: a
/// real family down the street spells its name so (`Sæter` beside `Sæther`).
pub const NEAR_SURNAMES: &[(&str, &str)] = &[
    ("Bjørnstad", "Bjørnestad"),
    ("Sæther", "Sæter"),
    ("Høiby", "Høyby"),
    ("Strømme", "Strømmen"),
    ("Løvlie", "Løvli"),
    ("Tjønneland", "Tjøneland"),
    ("Østby", "Østbye"),
    ("Bækken", "Bekken"),
    ("Mæland", "Meland"),
    ("Grøtte", "Grøtta"),
    ("Sørbø", "Sørbøe"),
    ("Rønning", "Røning"),
    ("Fløtten", "Fløtte"),
    ("Hagen", "Haugen"),
    ("Lunde", "Lund"),
    ("Nilsen", "Nielsen"),
    ("Iversen", "Ivarsen"),
    ("Johansen", "Johannsen"),
];

/// Appointment notes the dental journal keeps after a patient's surname.
pub const NOTES: &[&str] = &[
    "ring først",
    "kun formiddag",
    "tolk",
    "ikke SMS",
    "angst",
    "frikort",
    "sedering",
    "rullestol",
];

/// Street stems of Norwegian berries and fruit trees, in compound form.
pub const STEMS: &[&str] = &[
    "Bringebær",
    "Blåbær",
    "Tyttebær",
    "Multe",
    "Krekling",
    "Solbær",
    "Rips",
    "Stikkelsbær",
    "Kirsebær",
    "Plomme",
    "Eple",
    "Pære",
    "Morell",
    "Nype",
    "Slåpe",
    "Rogne",
    "Hassel",
    "Hegg",
    "Selje",
    "Einer",
    "Jordbær",
    "Tindved",
    "Hyll",
    "Mispel",
    "Kvede",
    "Rabarbra",
    "Valnøtt",
    "Aprikos",
];

/// Street endings glued to a stem.
pub const ENDINGS: &[&str] = &[
    "veien", "stien", "bakken", "lia", "tunet", "haugen", "åsen", "løkka", "hagen", "enga",
    "jordet", "svingen",
];

/// Street prefixes (the eight).
pub const PREFIXES: &[&str] = &[
    "Øvre", "Nedre", "Søndre", "Nordre", "Store", "Lille", "Vestre", "Østre",
];

/// The two-letter forms of the practice software's abbreviation table (index as
/// [`PREFIXES`]): each fits its own prefix only.
pub const PREFIX_TWO: &[&str] = &["Øv.", "Ne.", "Sø.", "No.", "St.", "Li.", "Ve.", "Øs."];

/// The one-letter forms the table falls back to where a line is still too long (index as
/// [`PREFIXES`]): `Ø.` fits Øvre and Østre, `N.` Nedre and Nordre, `S.` Søndre and Store.
pub const PREFIX_ONE: &[&str] = &["Ø.", "N.", "S.", "N.", "S.", "L.", "V.", "Ø."];

/// Invented local dentists and public health pioneers a street is named after: given names
/// (one or two) and the surname in the genitive.
pub const PATRONS: &[(&str, &str)] = &[
    ("Anders", "Tvetes"),
    ("Bergljot", "Hovdes"),
    ("Christen", "Smiths"),
    ("Dagmar", "Krohgs"),
    ("Edvard", "Holms"),
    ("Fridtjof", "Qvales"),
    ("Gudrun", "Listads"),
    ("Halvor", "Nygaards"),
    ("Johan Peter", "Brochs"),
    ("Karen Marie", "Wangs"),
    ("Ole Andreas", "Fleischers"),
    ("Petra", "Sandbergs"),
    ("Hilda Sofie", "Bergs"),
    ("Hjalmar", "Aalls"),
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
