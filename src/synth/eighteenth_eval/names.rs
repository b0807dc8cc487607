//! The eighteenth set's own word lists: given names, surnames, spelling families, real names
//! one edit apart, street stems, street persons, prefixes, bolignummer tokens and greetings.

/// Men's given names.
pub const MEN: &[&str] = &[
    "Arnfinn",
    "Bjørge",
    "Dagfinn",
    "Eilert",
    "Gaute",
    "Gjermund",
    "Håvard",
    "Ingvald",
    "Jostein",
    "Kjetil",
    "Lars",
    "Magne",
    "Njål",
    "Oddvar",
    "Pål",
    "Reidar",
    "Sigmund",
    "Terje",
    "Torleif",
    "Vebjørn",
    "Åsmund",
    "Ellef",
    "Herman",
    "Kolbjørn",
    "Morten",
    "Rasmus",
    "Sindre",
    "Tarjei",
    "Viggo",
    "Yngvar",
    "Thomas",
    "Carl",
    "Kristoffer",
    "Tor",
    "Christian",
    "Jon",
    "Philip",
    "Mikkel",
    "Sebastian",
    "Eskil",
];

/// Women's given names.
pub const WOMEN: &[&str] = &[
    "Aslaug",
    "Bodil",
    "Dagny",
    "Eldbjørg",
    "Gunvor",
    "Hildur",
    "Ingrid",
    "Jorunn",
    "Kjellaug",
    "Liv",
    "Magnhild",
    "Norunn",
    "Oddbjørg",
    "Ragna",
    "Sølvi",
    "Torunn",
    "Unni",
    "Vårin",
    "Åse",
    "Brynhild",
    "Gyda",
    "Herdis",
    "Ranveig",
    "Tordis",
    "Cecilie",
    "Karoline",
    "Elisabeth",
    "Kathrine",
    "Hanne",
    "Malene",
    "Mona",
    "Helle",
];

/// Surnames.
pub const SURNAMES: &[&str] = &[
    "Grønvold",
    "Sæbø",
    "Rønning",
    "Kvålsvik",
    "Tjøtta",
    "Nærø",
    "Båtnes",
    "Hæreid",
    "Øverland",
    "Lømo",
    "Fjærli",
    "Strømsnes",
    "Bjørnerud",
    "Åkre",
    "Mæhlum",
    "Ternes",
    "Hornnes",
    "Morken",
    "Kolberg",
    "Helleland",
    "Lillevold",
    "Tomren",
    "Sandmo",
    "Vatne",
    "Rossland",
    "Myhre",
    "Skogen",
    "Ulvestad",
    "Brekke",
    "Raanes",
    "Dalane",
    "Hoel",
    "Nybakk",
    "Kvamme",
    "Sætre",
    "Hatlem",
    "Vollan",
    "Berget",
    "Rimstad",
    "Evenstad",
    "Tveter",
    "Kapstad",
];

/// Spelling families of given names: each member is a spelling of the same name.
pub const FAMILIES: &[&[&str]] = &[
    &["Thomas", "Tomas"],
    &["Carl", "Karl"],
    &["Kristoffer", "Christoffer", "Kristofer"],
    &["Tor", "Thor"],
    &["Christian", "Kristian"],
    &["Jon", "John"],
    &["Philip", "Filip", "Phillip"],
    &["Mikkel", "Michael", "Mikael"],
    &["Sebastian", "Sebastien"],
    &["Cecilie", "Cecilia", "Sesilie"],
    &["Karoline", "Caroline"],
    &["Elisabeth", "Elisabet", "Elizabeth"],
    &["Kathrine", "Katrine", "Catrine"],
    &["Helle", "Helen"],
];

/// Pairs of real, different names one edit apart; the second of each pair is never in the
/// register, so a look-alike with it is another person.
pub const ONE_EDIT_GIVEN: &[(&str, &str)] = &[
    ("Liv", "Siv"),
    ("Mona", "Mina"),
    ("Unni", "Anni"),
    ("Åse", "Åge"),
    ("Lars", "Lara"),
    ("Jon", "Jan"),
    ("Tor", "Tore"),
];

/// Surname pairs one edit apart, the second never in the register.
pub const ONE_EDIT_SURNAME: &[(&str, &str)] = &[
    ("Hoel", "Hole"),
    ("Myhre", "Myre"),
    ("Vatne", "Vatn"),
    ("Brekke", "Bekke"),
    ("Skogen", "Skog"),
    ("Berget", "Berg"),
    ("Kvamme", "Kvam"),
];

/// Street stems (birds), glued to an ending.
pub const STEMS: &[&str] = &[
    "Lerke",
    "Trost",
    "Spurve",
    "Ørne",
    "Måke",
    "Ravne",
    "Hegre",
    "Tiur",
    "Orre",
    "Rype",
    "Svane",
    "Terne",
    "Meise",
    "Gjøke",
    "Stær",
    "Kråke",
    "Due",
    "Jerpe",
    "Fossekall",
    "Linerle",
    "Hauk",
    "Ugle",
    "Gås",
    "Lom",
];

/// Street endings.
pub const ENDINGS: &[&str] = &[
    "veien", "gata", "stien", "bakken", "kroken", "myra", "jordet", "åsen", "skogen", "plassen",
];

/// Prefixes and their short forms.
pub const PREFIXES: &[(&str, &[&str])] = &[
    ("Øvre", &["Ø.", "Øvr."]),
    ("Nedre", &["N.", "Ndr."]),
    ("Nordre", &["Nr.", "Ndr."]),
    ("Søndre", &["S.", "Sdr."]),
    ("Store", &["St.", "Sto."]),
    ("Lille", &["L.", "Lil."]),
    ("Vestre", &["V.", "Vestr."]),
    ("Østre", &["Ø.", "Østr."]),
];

/// Given names of persons streets are named after.
pub const STREET_GIVEN: &[&str] = &[
    "Haakon", "Gudrun", "Ivar", "Signe", "Anders", "Marta", "Nils", "Birgitte", "Halvor",
];

/// Surnames of persons streets are named after.
pub const STREET_SURNAME: &[&str] = &[
    "Raanes", "Vinje", "Aasen", "Hauge", "Krohg", "Welhaven", "Undset", "Collett", "Garborg",
    "Duun",
];

/// Street types of person-named streets.
pub const STREET_TYPES: &[&str] = &["vei", "gate", "allé", "plass", "veg"];

/// Bolignummer tokens.
pub const BOLIG: &[&str] = &[
    "H0101", "H0102", "H0201", "H0202", "H0301", "U0101", "K0101",
];

/// Greetings a mail-merge salutation column puts before the given name.
pub const GREETINGS: &[&str] = &["Hei", "Kjære", "Hej", "Hallo"];

/// The family index of a given name, if it is in one.
pub fn family_of(name: &str) -> Option<usize> {
    FAMILIES
        .iter()
        .position(|f| f.iter().any(|m| m.eq_ignore_ascii_case(name)))
}
