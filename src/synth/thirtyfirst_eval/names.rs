//! Word lists of the thirty-first set: Norwegian given names (plain names, and spelling
//! families that are one name to a clerk, such as `Thomas`/`Tomas`), surnames rich in `æ ø å`
//! (and a few with `y` or `z`, which a German keyboard trades), streets on a theme of railways
//! (tracks, sleepers, platforms, signals, turntables, engine sheds, navvies) and of railway
//! builders, engineers and station masters.

/// Men's given names outside any family.
pub const MEN_PLAIN: &[&str] = &[
    "Anders", "Asbjørn", "Bård", "Dag", "Eirik", "Finn", "Gaute", "Gunnar", "Helge", "Ivar",
    "Jostein", "Knut", "Lars", "Magne", "Nils", "Ola", "Petter", "Rune", "Sverre", "Trygve", "Ulf",
    "Vidar", "Yngve", "Øyvind", "Åge", "Bjørnar", "Eskil", "Henning", "Jørgen", "Kjartan",
    "Zakarias", "Syver",
];

/// Women's given names outside any family.
pub const WOMEN_PLAIN: &[&str] = &[
    "Anne", "Bente", "Elin", "Guri", "Ida", "Kari", "Linn", "Mette", "Nina", "Ragnhild", "Siri",
    "Tone", "Unni", "Åse", "Øydis", "Synnøve", "Gyda", "Yvonne", "Sylvi", "Tyra", "Borghild",
    "Dordi", "Jorunn", "Maiken", "Vilde", "Ellinor", "Torill", "Zenia",
];

/// Men's spelling families: one name to a clerk.
pub const MEN_FAMILIES: &[&[&str]] = &[
    &["Tomas", "Thomas"],
    &["Karl", "Carl"],
    &["Kristoffer", "Christoffer"],
    &["Tor", "Thor"],
    &["Kristian", "Christian"],
    &["Jakob", "Jacob"],
    &["Filip", "Philip"],
    &["Matias", "Mathias"],
    &["Teodor", "Theodor"],
    &["Rikard", "Richard"],
];

/// Women's spelling families: one name to a clerk.
pub const WOMEN_FAMILIES: &[&[&str]] = &[
    &["Kristine", "Christine"],
    &["Katrine", "Kathrine"],
    &["Kamilla", "Camilla"],
    &["Elisabet", "Elisabeth"],
    &["Margrete", "Margrethe"],
    &["Hanna", "Hannah"],
    &["Sara", "Sarah"],
];

/// Surnames.
pub const SURNAMES: &[&str] = &[
    "Sætre",
    "Bøe",
    "Løken",
    "Grønlie",
    "Kløvstad",
    "Brækken",
    "Hægeland",
    "Sørlie",
    "Dølven",
    "Råheim",
    "Tjønnås",
    "Våge",
    "Ødegård",
    "Mørk",
    "Skjærvø",
    "Brøndbo",
    "Gjære",
    "Løvlie",
    "Færøy",
    "Myrvold",
    "Tyrihjell",
    "Ytterdal",
    "Zachariassen",
    "Kyllingstad",
    "Bystrøm",
    "Lyngstad",
    "Berntsen",
    "Fossum",
    "Kolstad",
    "Wold",
    "Rønning",
    "Strand",
    "Tangen",
    "Moen",
    "Lunde",
    "Dahle",
    "Engen",
    "Åmodt",
    "Hølaas",
    "Næsheim",
    "Frøysa",
    "Zahl",
];

/// Street stems of railways, in compound form.
pub const STEMS: &[&str] = &[
    "Spor",
    "Skinne",
    "Sville",
    "Perrong",
    "Stasjon",
    "Lokomotiv",
    "Konduktør",
    "Billett",
    "Signal",
    "Veksel",
    "Tunnel",
    "Viadukt",
    "Bom",
    "Vogn",
    "Rallar",
    "Lokstall",
    "Dreieskive",
    "Vannstasjon",
    "Godsvogn",
    "Sovevogn",
    "Semafor",
    "Kjøreledning",
    "Jernbane",
    "Trikk",
    "Stoppested",
    "Rutebok",
    "Banevokter",
    "Fyrbøter",
    "Sporsløyfe",
    "Sidespor",
    "Plattform",
    "Ventesal",
    "Lokfører",
    "Kullbinge",
    "Fløyte",
    "Lykt",
    "Skyttel",
    "Dresin",
];

/// Street endings glued to a stem.
pub const ENDINGS: &[&str] = &[
    "veien", "gata", "stien", "bakken", "svingen", "tunet", "lia", "grenda", "løkka", "myra",
    "hagen", "kleiva",
];

/// Street prefixes.
pub const PREFIXES: &[&str] = &[
    "Øvre", "Nedre", "Søndre", "Nordre", "Store", "Lille", "Vestre", "Østre",
];

/// Railway builders, engineers, station masters and a navvy a street is named after, in the
/// genitive: given name (empty for surname-only streets) and surname. Two surnames come more
/// than once (`Carl Pihls`, `Nils Pihls`, `Pihls`; `Georg Stephensons`, `Robert
/// Stephensons`), never with one initial.
pub const RAIL_PEOPLE: &[(&str, &str)] = &[
    ("Carl", "Pihls"),
    ("Nils", "Pihls"),
    ("", "Pihls"),
    ("Georg", "Stephensons"),
    ("Robert", "Stephensons"),
    ("Hans", "Gløersens"),
    ("Ingeborg", "Refsnes'"),
    ("Tollef", "Kildals"),
    ("Peder", "Holtes"),
    ("Mathias", "Sætres"),
    ("Birger", "Fjellvangs"),
    ("Aslak", "Bolts"),
    ("Gunnar", "Kvernmos"),
    ("Elise", "Wessels"),
    ("Wilhelm", "Dreyers"),
    ("Jens", "Rallarmos"),
];

/// Street types of person-named streets.
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

/// Every surname of the lists.
pub fn all_surnames() -> Vec<&'static str> {
    SURNAMES.to_vec()
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

/// The other streets named after a person of the same surname (indices into
/// [`RAIL_PEOPLE`]); the tests check that twins never share an initial.
#[cfg(test)]
pub fn surname_twins(who: usize) -> Vec<usize> {
    let s = RAIL_PEOPLE[who].1;
    (0..RAIL_PEOPLE.len())
        .filter(|&i| i != who && RAIL_PEOPLE[i].1 == s)
        .collect()
}

/// A stem glued to an ending, three like consonants written as two as Norwegian spelling
/// does (`Trikk` and `kleiva` give `Trikkleiva`, `Lokstall` and `lia` give `Lokstallia`).
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
