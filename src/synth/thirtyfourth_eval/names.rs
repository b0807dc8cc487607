//! Word lists of the thirty-fourth set: Norwegian given names (plain names and spelling
//! families that are one name to a clerk such as `Thomas`/`Tomas`), surnames rich in `æ ø å`
//! with five pairs of sound-alike surnames that are two families (`Sæther`/`Seter`), and
//! streets on a theme of hunting, fishing and wildlife, and of hunters, trappers and anglers.

/// Men's given names outside any spelling family.
pub const MEN_PLAIN: &[&str] = &[
    "Arild",
    "Bård",
    "Einar",
    "Frode",
    "Geir",
    "Halvard",
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
    "Vebjørn",
    "Ørjan",
    "Arvid",
    "Helge",
    "Gjermund",
    "Sindre",
];

/// Women's given names outside any spelling family.
pub const WOMEN_PLAIN: &[&str] = &[
    "Astrid", "Bodil", "Dagny", "Eli", "Frøydis", "Grete", "Hege", "Ingrid", "Janne", "Kjersti",
    "Laila", "Mona", "Nina", "Oddny", "Ragnhild", "Signe", "Turid", "Vigdis", "Wenche", "Åse",
    "Anita", "Heidi", "Reidun", "Torunn", "Sølvi", "Brynhild",
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

/// Sound-alike surnames: two real surnames of two families that sound the same (one
/// Norphone-like key) and are written at least two edits apart; never one family.
pub const SURNAME_TWINS: &[(&str, &str)] = &[
    ("Sæther", "Seter"),
    ("Kvam", "Quam"),
    ("Christensen", "Kristensen"),
    ("Hval", "Wahl"),
    ("Schjølberg", "Sjølberg"),
];

/// Surnames of the register: most with `æ ø å`, a few with the old `aa`, the sound-alike
/// pairs among them.
pub const SURNAMES: &[&str] = &[
    "Sæther",
    "Seter",
    "Kvam",
    "Quam",
    "Christensen",
    "Kristensen",
    "Hval",
    "Wahl",
    "Schjølberg",
    "Sjølberg",
    "Bjørnstad",
    "Grøtting",
    "Løvås",
    "Mælen",
    "Fjærli",
    "Rødseth",
    "Nærø",
    "Kjønnås",
    "Tørrissen",
    "Bråten",
    "Åsland",
    "Ørbeck",
    "Støen",
    "Ræder",
    "Skålnes",
    "Høgset",
    "Fløtten",
    "Vålbekk",
    "Næss",
    "Lægland",
    "Haaland",
    "Kaasa",
    "Vold",
    "Tveit",
    "Hoff",
    "Elstad",
];

/// Street stems of hunting, fishing and wildlife, in compound form.
pub const STEMS: &[&str] = &[
    "Elg",
    "Rype",
    "Hjort",
    "Rådyr",
    "Tiur",
    "Orrfugl",
    "Hare",
    "Rev",
    "Gaupe",
    "Jerv",
    "Bever",
    "Villrein",
    "Laks",
    "Ørret",
    "Røye",
    "Gjedde",
    "Abbor",
    "Sik",
    "Mort",
    "Snøre",
    "Sluk",
    "Garn",
    "Ruse",
    "Agn",
    "Stang",
    "Hagle",
    "Børse",
    "Kolbe",
    "Fangst",
    "Felle",
    "Jakt",
    "Skytter",
    "Spor",
    "Trekk",
    "Lokkefugl",
    "Jakthytte",
];

/// Street endings glued to a stem.
pub const ENDINGS: &[&str] = &[
    "veien", "stien", "lia", "myra", "haugen", "bakken", "svingen", "tjernet", "åsen", "odden",
    "vollen", "grenda",
];

/// Street prefixes (the eight).
pub const PREFIXES: &[&str] = &[
    "Øvre", "Nedre", "Søndre", "Nordre", "Store", "Lille", "Vestre", "Østre",
];

/// How a hunting team's secretary shortens each prefix on a handwritten roll (index as
/// [`PREFIXES`]): the initial and a dot, `St.` for Store. `Ø.`, `N.` and `S.` fit two prefixes
/// each.
pub const PREFIX_SHORT: &[&str] = &["Ø.", "N.", "S.", "N.", "St.", "L.", "V.", "Ø."];

/// The other prefix of the same initial (`Øvre`/`Østre`, `Nedre`/`Nordre`, `Søndre`/`Store`),
/// by index into [`PREFIXES`].
pub fn prefix_partner(p: usize) -> Option<usize> {
    match p {
        0 => Some(7),
        7 => Some(0),
        1 => Some(3),
        3 => Some(1),
        2 => Some(4),
        4 => Some(2),
        _ => None,
    }
}

/// Hunters, trappers, anglers and naturalists a street is named after: a given name and the
/// surname in the genitive. Partly historical (the trappers Henry Rudi, Wanny Woldstad and
/// Hilmar Nøis, Helge Ingstad, Hjalmar Johansen), partly invented.
pub const HUNTERS: &[(&str, &str)] = &[
    ("Henry", "Rudis"),
    ("Wanny", "Woldstads"),
    ("Hilmar", "Nøis"),
    ("Helge", "Ingstads"),
    ("Hjalmar", "Johansens"),
    ("Tora", "Elgsetes"),
    ("Anders", "Rypdals"),
    ("Sigrid", "Fiskums"),
    ("Johan", "Laksholms"),
    ("Marte", "Villmarks"),
    ("Ola", "Skyttebergs"),
    ("Gudmund", "Fangstads"),
    ("Ragna", "Fjellstøs"),
    ("Peder", "Jervells"),
];

/// Street types of person streets.
pub const PERSON_TYPES: &[&str] = &["vei", "gate", "plass", "sti"];

/// Each street type shortened as a GPS waypoint label has it (index as [`PERSON_TYPES`]).
pub const TYPE_SHORT: &[&str] = &["v.", "gt.", "pl.", "st."];

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

/// The sound-alike twin of a surname, if it has one.
pub fn surname_twin(name: &str) -> Option<&'static str> {
    SURNAME_TWINS.iter().find_map(|&(a, b)| {
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
/// does (`Trekk` + `kroken` would be `Trekkroken`).
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
