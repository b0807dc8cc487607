//! Word lists of the thirty-fifth set: Norwegian given names (plain names and spelling
//! families that are one name to a clerk such as `Thomas`/`Tomas`), surnames rich in `æ ø å`
//! with five pairs of real surnames that differ only by `æ` against a plain `e`
//! (`Mæland`/`Meland`), and streets on a theme of sports and sports clubs, and of honoured
//! athletes, some of them siblings whose given names begin alike (`Hjalmar`/`Hjørdis
//! Andersens vei`).

/// Men's given names outside any spelling family.
pub const MEN_PLAIN: &[&str] = &[
    "Arild",
    "Bård",
    "Einar",
    "Frode",
    "Geir",
    "Inge",
    "Jon",
    "Knut",
    "Leif",
    "Njål",
    "Odd",
    "Per",
    "Reidar",
    "Svein",
    "Terje",
    "Vegard",
    "Yngve",
    "Åge",
    "Egil",
    "Kolbjørn",
    "Oddvar",
    "Steinar",
    "Tormod",
    "Ørjan",
    "Arvid",
    "Helge",
    "Gjermund",
    "Sindre",
    "Audun",
    "Eskil",
];

/// Women's given names outside any spelling family.
pub const WOMEN_PLAIN: &[&str] = &[
    "Astrid", "Bodil", "Dagny", "Eli", "Frøydis", "Grete", "Hege", "Ingrid", "Janne", "Kjersti",
    "Laila", "Mona", "Nina", "Oddny", "Ragnhild", "Signe", "Turid", "Vigdis", "Wenche", "Åse",
    "Anita", "Heidi", "Reidun", "Torunn", "Sølvi", "Marit",
];

/// Men's spelling families: one name to a clerk (the five pairs first).
pub const MEN_FAMILIES: &[&[&str]] = &[
    &["Thomas", "Tomas"],
    &["Carl", "Karl"],
    &["Kristoffer", "Christoffer"],
    &["Tor", "Thor"],
    &["Christian", "Kristian"],
    &["Oskar", "Oscar"],
    &["Viktor", "Victor"],
    &["Markus", "Marcus"],
    &["Fredrik", "Frederik"],
    &["Kasper", "Casper"],
    &["Rikard", "Richard"],
];

/// Women's spelling families: one name to a clerk (the pair first).
pub const WOMEN_FAMILIES: &[&[&str]] = &[
    &["Kristine", "Christine"],
    &["Karoline", "Caroline"],
    &["Thea", "Tea"],
    &["Monika", "Monica"],
    &["Veronika", "Veronica"],
];

/// Plain-`e` twins: two real surnames of two families, one written with `æ` and one with a
/// plain `e` where the first has `æ` (`Mæland`/`Meland`, `Næss`/`Ness`); never one family.
pub const E_TWINS: &[(&str, &str)] = &[
    ("Mæland", "Meland"),
    ("Næss", "Ness"),
    ("Lægreid", "Legreid"),
    ("Sæle", "Sele"),
    ("Bærland", "Berland"),
];

/// Surnames of the register: most with `æ ø å`, a few with the old `aa`, the plain-`e` twins
/// among them.
pub const SURNAMES: &[&str] = &[
    "Mæland",
    "Meland",
    "Næss",
    "Ness",
    "Lægreid",
    "Legreid",
    "Sæle",
    "Sele",
    "Bærland",
    "Berland",
    "Sørli",
    "Dyrøy",
    "Østgård",
    "Brøndbo",
    "Kvålsvoll",
    "Løken",
    "Rønning",
    "Bøe",
    "Grønvold",
    "Tjøstheim",
    "Fjørtoft",
    "Ødegård",
    "Ålmo",
    "Bråthen",
    "Gjærde",
    "Lærum",
    "Skrøvset",
    "Stålsett",
    "Nøkleby",
    "Hølland",
    "Aasen",
    "Haavik",
    "Berg",
    "Tangen",
    "Hovland",
    "Evjen",
];

/// Street stems of sports and sports clubs, in compound form.
pub const STEMS: &[&str] = &[
    "Idretts",
    "Stadion",
    "Skøyte",
    "Slalåm",
    "Hopp",
    "Løype",
    "Stafett",
    "Sprint",
    "Maraton",
    "Fotball",
    "Håndball",
    "Bandy",
    "Kjelke",
    "Skiskytter",
    "Orientering",
    "Bryte",
    "Fekte",
    "Turner",
    "Stav",
    "Hekk",
    "Kule",
    "Spyd",
    "Diskos",
    "Tresteg",
    "Medalje",
    "Pokal",
    "Seier",
    "Heia",
    "Dugnad",
    "Klubb",
    "Lagånd",
    "Trener",
];

/// Street endings glued to a stem.
pub const ENDINGS: &[&str] = &[
    "veien", "stien", "løkka", "plassen", "sletta", "bakken", "haugen", "jordet", "vollen",
    "tunet", "lia", "svingen",
];

/// Street prefixes (the eight).
pub const PREFIXES: &[&str] = &[
    "Øvre", "Nedre", "Søndre", "Nordre", "Store", "Lille", "Vestre", "Østre",
];

/// How a sports club's printed member directory contracts each prefix (index as
/// [`PREFIXES`]): `Øvr.`, `Ndr.`, `Sdr.`, `Nrd.`, `St.`, `Ll.`, `Vstr.`, `Østr.`. Only `Ndr.`
/// fits two prefixes (Nedre and Nordre).
pub const PREFIX_SHORT: &[&str] = &[
    "Øvr.", "Ndr.", "Sdr.", "Nrd.", "St.", "Ll.", "Vstr.", "Østr.",
];

/// Honoured athletes a street is named after (invented): a given name and the surname in the
/// genitive. Pairs of siblings of one surname whose given names begin alike come first, two by
/// two (`Hjalmar`/`Hjørdis Andersens`); [`sibling`] finds the other.
pub const ATHLETES: &[(&str, &str)] = &[
    ("Hjalmar", "Andersens"),
    ("Hjørdis", "Andersens"),
    ("Sonja", "Hovdes"),
    ("Sverre", "Hovdes"),
    ("Oddvar", "Brekkes"),
    ("Olaug", "Brekkes"),
    ("Grete", "Lunds"),
    ("Gunnar", "Lunds"),
    ("Bjørg", "Dahls"),
    ("Bjørn", "Dahls"),
    ("Ingrid", "Kvales"),
    ("Ivar", "Kvales"),
    ("Thorleif", "Haugs"),
    ("Tora", "Haugs"),
    ("Knut", "Mykings"),
    ("Ragna", "Nilsens"),
    ("Laila", "Schous"),
];

/// The number of athletes that come in sibling pairs (the first of [`ATHLETES`]).
pub const SIBLING_ATHLETES: usize = 14;

/// The sibling athlete of `who` (same surname, a given name that begins alike), if any.
pub fn sibling(who: usize) -> Option<usize> {
    (who < SIBLING_ATHLETES).then_some(who ^ 1)
}

/// Street types of athlete streets.
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

/// The plain-`e` twin of a surname, if it has one.
pub fn e_twin(name: &str) -> Option<&'static str> {
    E_TWINS.iter().find_map(|&(a, b)| {
        if a == name {
            Some(b)
        } else if b == name {
            Some(a)
        } else {
            None
        }
    })
}

/// A stem glued to an ending, three like consonants written as two as Norwegian spelling
/// does (`Klubb` + `bakken` is `Klubbakken`).
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
