//! The seventeenth set's own word lists: given names, surnames, middle names (*mellomnavn*),
//! call names, spelling families, real names one edit apart, street stems and endings,
//! street persons, prefixes and bolignummer tokens.

/// Men's given names.
pub const MEN: &[&str] = &[
    "Thomas",
    "Carl",
    "Kristoffer",
    "Tor",
    "Christian",
    "Henrik",
    "Mathias",
    "Fredrik",
    "Ole",
    "Are",
    "Sverre",
    "Eirik",
    "Gunnar",
    "Steinar",
    "Bjørnar",
    "Øyvind",
    "Leiv",
    "Torgeir",
    "Alexander",
    "Johannes",
    "Sigurd",
    "Vegard",
    "Lars",
    "Morten",
    "Kjell",
    "Håkon",
    "Einar",
    "Trond",
    "Amund",
    "Terje",
    "Ståle",
    "Bernt",
    "Joakim",
    "Geir",
    "Sindre",
    "Halstein",
];

/// Women's given names.
pub const WOMEN: &[&str] = &[
    "Sofie",
    "Camilla",
    "Marthe",
    "Ida",
    "Siv",
    "Elin",
    "Margrethe",
    "Ingeborg",
    "Katarina",
    "Elisabeth",
    "Solveig",
    "Randi",
    "Turid",
    "Målfrid",
    "Gro",
    "Synnøve",
    "Therese",
    "Hanne",
    "Karoline",
    "Vigdis",
    "Oddny",
    "Bodil",
    "Kirsten",
    "Mette",
    "Helle",
    "Åslaug",
    "Ellinor",
    "Mathilde",
    "Live",
    "Grete",
];

/// Surnames.
pub const SURNAMES: &[&str] = &[
    "Kornstad",
    "Marhaug",
    "Solheim",
    "Sæther",
    "Bråten",
    "Løken",
    "Nygård",
    "Kjærstad",
    "Grønlund",
    "Myhre",
    "Strøm",
    "Haugland",
    "Tveit",
    "Lie",
    "Vik",
    "Sand",
    "Hove",
    "Eide",
    "Fossum",
    "Helland",
    "Rønning",
    "Aasland",
    "Bøe",
    "Sørli",
    "Østby",
    "Hammerø",
    "Vågen",
    "Kolstad",
    "Tangen",
    "Rustad",
    "Ellingsen",
    "Martinsen",
    "Mørkved",
    "Brenden",
    "Skaar",
    "Lillebø",
    "Furuseth",
    "Årvik",
    "Dæhli",
    "Nordmo",
];

/// Middle names (*mellomnavn*), surname-like, kept with the given names in the register.
pub const MELLOMNAVN: &[&str] = &[
    "Nordby", "Bakke", "Frøland", "Sandvik", "Gjerde", "Hølen", "Moland", "Aarnes", "Kvåle",
    "Vestby",
];

/// Call names an agent notes in brackets after the legal given name.
pub const CALL_NAMES: &[(&str, &[&str])] = &[
    ("Kristoffer", &["Kris", "Kristo"]),
    ("Christian", &["Kris", "Chris"]),
    ("Alexander", &["Alex", "Sander"]),
    ("Johannes", &["Jo", "Johs"]),
    ("Fredrik", &["Fred", "Freddy"]),
    ("Thomas", &["Tommy", "Tom"]),
    ("Sigurd", &["Sigge"]),
    ("Joakim", &["Jokke"]),
    ("Margrethe", &["Maggi", "Grethe"]),
    ("Ingeborg", &["Inga", "Ingi"]),
    ("Katarina", &["Kaja", "Kari"]),
    ("Elisabeth", &["Lisa", "Beth"]),
    ("Karoline", &["Line", "Karo"]),
    ("Mathilde", &["Tilde"]),
    ("Synnøve", &["Synne"]),
];

/// Spelling families: every member is the same name.
pub const FAMILIES: &[&[&str]] = &[
    &["Thomas", "Tomas"],
    &["Carl", "Karl"],
    &["Kristoffer", "Christoffer", "Kristofer"],
    &["Tor", "Thor"],
    &["Christian", "Kristian"],
    &["Henrik", "Hendrik"],
    &["Mathias", "Matias", "Mattias"],
    &["Fredrik", "Frederik"],
    &["Sofie", "Sophie"],
    &["Camilla", "Kamilla"],
    &["Marthe", "Marte"],
    &["Therese", "Terese"],
];

/// Real names one edit apart that are different names.
pub const ONE_EDIT: &[(&str, &str)] = &[
    ("Lie", "Lien"),
    ("Vik", "Vike"),
    ("Sand", "Sande"),
    ("Hove", "Hole"),
    ("Eide", "Eid"),
    ("Ole", "Ola"),
    ("Are", "Arve"),
    ("Ida", "Ada"),
    ("Siv", "Liv"),
    ("Elin", "Eli"),
];

/// Street stems: farm tools, berries and boats.
pub const STEMS: &[&str] = &[
    "Sigd",
    "Ljå",
    "Plog",
    "Harv",
    "Rive",
    "Greip",
    "Slede",
    "Tyttebær",
    "Multe",
    "Blåbær",
    "Rips",
    "Solbær",
    "Krøkle",
    "Snekke",
    "Jolle",
    "Færing",
    "Skøyte",
    "Robåt",
    "Kjeks",
    "Kutter",
    "Spiss",
    "Sjekte",
];

/// Street endings.
pub const ENDINGS: &[&str] = &[
    "vegen", "gata", "svingen", "løkka", "tunet", "haugen", "brinken", "grenda", "kleiva", "lia",
];

/// Given names of street persons.
pub const STREET_GIVEN: &[&str] = &[
    "Olav",
    "Signe",
    "Magnus",
    "Torbjørn",
    "Hedvig",
    "Aasmund",
    "Petter",
    "Gudrun",
    "Nils",
];

/// Surnames of street persons (none ends in `s`).
pub const STREET_SURNAME: &[&str] = &[
    "Tveiten", "Rypdal", "Aukland", "Hjorth", "Vinje", "Blix", "Stub", "Grieg", "Engebret",
    "Lunder",
];

/// Street types of person-named streets.
pub const STREET_TYPES: &[&str] = &["vei", "gate", "allé", "plass", "veg"];

/// Street prefixes with their short forms.
pub const PREFIXES: &[(&str, &[&str])] = &[
    ("Øvre", &["Ø.", "Øvr."]),
    ("Nedre", &["N.", "Ndr."]),
    ("Nordre", &["Nrd.", "Ndr."]),
    ("Søndre", &["S.", "Sdr."]),
    ("Store", &["St.", "Sto."]),
    ("Lille", &["L.", "Ll."]),
    ("Vestre", &["V.", "Vstr."]),
    ("Østre", &["Ø.", "Østr."]),
];

/// Bolignummer tokens.
pub const BOLIGNUMMER: &[&str] = &["H0101", "H0102", "H0201", "H0302", "U0101", "K0102"];

/// The call names of a given name.
pub fn call_names(given: &str) -> Option<&'static [&'static str]> {
    CALL_NAMES.iter().find(|c| c.0 == given).map(|c| c.1)
}

/// The spelling family of a given name.
pub fn family(given: &str) -> Option<&'static [&'static str]> {
    FAMILIES.iter().copied().find(|f| f.contains(&given))
}

/// The real name one edit from `name`, if any.
pub fn one_edit(name: &str) -> Option<&'static str> {
    ONE_EDIT.iter().find_map(|&(a, b)| {
        if a == name {
            Some(b)
        } else if b == name {
            Some(a)
        } else {
            None
        }
    })
}
