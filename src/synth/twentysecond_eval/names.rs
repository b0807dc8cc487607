//! Word lists of the twenty-second set, written for this module: given names with their
//! Nordic spelling families, surnames, real names one edit apart, and streets named after the
//! summer mountain farm and its dairy (*seter* and *støl*).

/// Men's given names the register draws from. The first form of a family is here; its other
/// forms ([`FAMILIES`]) are drawn now and then instead.
pub(super) const MEN: &[&str] = &[
    "Knut",
    "Kjell",
    "Nils",
    "Håkon",
    "Olav",
    "Torstein",
    "Øyvind",
    "Jakob",
    "Henrik",
    "Gunnar",
    "Espen",
    "Aksel",
    "Peder",
    "Thomas",
    "Carl",
    "Kristoffer",
    "Tor",
    "Kristian",
    "Arne",
    "Rolf",
    "Dag",
    "Tore",
    "Geir",
    "Lars",
    "Trond",
    "Helge",
    "Sigurd",
    "Halvor",
    "Magne",
    "Eilert",
    "Leif",
    "Ola",
    "Vidar",
    "Audun",
    "Sverre",
    "Gaute",
    "Frode",
    "Asle",
    "Jostein",
    "Steinar",
    "Mikkel",
    "Ivar",
    "Amund",
    "Ottar",
];

/// Women's given names the register draws from.
pub(super) const WOMEN: &[&str] = &[
    "Kjersti",
    "Birgit",
    "Ingebjørg",
    "Åse",
    "Margrete",
    "Johanne",
    "Kristine",
    "Cecilie",
    "Hedvig",
    "Lene",
    "Tone",
    "Eli",
    "Kari",
    "Ida",
    "Solveig",
    "Ragnhild",
    "Sigrid",
    "Gunhild",
    "Randi",
    "Turid",
    "Hege",
    "Synne",
    "Guri",
    "Ingrid",
    "Astrid",
    "Oddny",
    "Torunn",
    "Aud",
    "Bjørg",
    "Gudrun",
    "Dagny",
    "Jorunn",
    "Hanne",
    "Vigdis",
    "Målfrid",
    "Ragna",
    "Signe",
    "Tordis",
    "Ellen",
    "Borghild",
];

/// Spelling families of one given name: the Norwegian form first, then the Swedish, Danish or
/// older forms a Nordic call centre writes (and the issue's own pairs).
pub(super) const FAMILIES: &[&[&str]] = &[
    &["Knut", "Knud"],
    &["Kjell", "Kjeld"],
    &["Nils", "Niels"],
    &["Håkon", "Håkan"],
    &["Olav", "Olof", "Oluf"],
    &["Torstein", "Torsten"],
    &["Øyvind", "Eivind", "Øivind"],
    &["Jakob", "Jacob"],
    &["Henrik", "Hendrik"],
    &["Gunnar", "Gunner"],
    &["Espen", "Esben"],
    &["Aksel", "Axel"],
    &["Peder", "Peter"],
    &["Thomas", "Tomas"],
    &["Carl", "Karl"],
    &["Kristoffer", "Christoffer"],
    &["Tor", "Thor"],
    &["Kristian", "Christian"],
    &["Kjersti", "Kirsten", "Kerstin"],
    &["Birgit", "Birgitta"],
    &["Ingebjørg", "Ingeborg"],
    &["Åse", "Åsa"],
    &["Margrete", "Margrethe", "Margareta"],
    &["Johanne", "Johanna"],
    &["Kristine", "Christine"],
    &["Cecilie", "Sesilie", "Cecilia"],
    &["Hedvig", "Hedwig"],
];

/// Real given names one edit apart: the first is in the register's pool, the second never.
pub(super) const GIVEN_ONE_EDIT: &[(&str, &str)] = &[
    ("Arne", "Arve"),
    ("Rolf", "Ralf"),
    ("Dag", "Dan"),
    ("Tor", "Tom"),
    ("Tore", "Tord"),
    ("Lene", "Line"),
    ("Tone", "Tine"),
    ("Eli", "Elin"),
    ("Kari", "Karin"),
    ("Ida", "Ada"),
];

/// Surnames the register draws from (æ/ø/å in many; `li`, `ri`, `cl`, `e`, `h` for the fax).
pub(super) const SURNAMES: &[&str] = &[
    "Bergstøl",
    "Haugseter",
    "Liabø",
    "Riise",
    "Kleppe",
    "Tvedt",
    "Øyen",
    "Brekke",
    "Hoel",
    "Hellesøy",
    "Rørvik",
    "Sørli",
    "Nyhus",
    "Strøm",
    "Lien",
    "Rian",
    "Ekre",
    "Vold",
    "Bjørke",
    "Grinde",
    "Nærland",
    "Skår",
    "Åsheim",
    "Fløtten",
    "Kvamme",
    "Helle",
    "Mjelde",
    "Hovland",
    "Tjelta",
    "Aune",
    "Clausen",
    "Stølen",
    "Seterås",
    "Budal",
    "Kjernli",
    "Myhre",
    "Bøe",
    "Sandvold",
    "Eliassen",
    "Hjelle",
    "Lystad",
    "Ødegård",
    "Dahle",
    "Grønli",
    "Brattli",
    "Kolstad",
    "Reiersen",
    "Sand",
    "Haugen",
    "Vik",
    "Ask",
    "Lie",
    "Myklebust",
];

/// Real surnames one edit apart: the first is in [`SURNAMES`], the second never.
pub(super) const SURNAME_ONE_EDIT: &[(&str, &str)] = &[
    ("Sand", "Sund"),
    ("Haugen", "Hagen"),
    ("Vik", "Vika"),
    ("Ask", "Aske"),
    ("Lie", "Lia"),
    ("Myklebust", "Myklebost"),
];

/// Street stems of the summer farm and dairy, as they stand in a compound.
pub(super) const STEMS: &[&str] = &[
    "Seter",
    "Støl",
    "Budeie",
    "Kjerne",
    "Prim",
    "Myse",
    "Kve",
    "Sel",
    "Fjøs",
    "Geitost",
    "Ringe",
    "Bjelle",
    "Melke",
    "Smør",
    "Rømme",
    "Kolle",
    "Geit",
    "Kalv",
    "Buførings",
    "Lokke",
    "Lur",
    "Gjeter",
    "Beite",
    "Bufe",
    "Kvige",
    "Spann",
    "Fløte",
    "Ysteri",
    "Stølsbu",
    "Bøtte",
];

/// Stems with a nynorsk or older written form a local writes: (register form, other form).
pub(super) const STEM_FORMS: &[(&str, &str)] = &[
    ("Seter", "Sæter"),
    ("Melke", "Mjølke"),
    ("Geit", "Gjeit"),
    ("Geitost", "Gjeitost"),
    ("Bjelle", "Bjølle"),
    ("Kve", "Kvi"),
    ("Gjeter", "Gjætar"),
];

/// Street endings glued to a stem.
pub(super) const ENDINGS: &[&str] = &[
    "veien", "vegen", "gata", "bakken", "stien", "lia", "vollen", "tunet", "løkka", "myra",
    "grenda", "åsen",
];

/// Street prefixes with their abbreviations (all with a dot).
pub(super) const PREFIXES: &[(&str, &[&str])] = &[
    ("Øvre", &["Ø.", "Øvr."]),
    ("Nedre", &["N.", "Ndr."]),
    ("Søndre", &["S.", "Sdr."]),
    ("Nordre", &["N.", "Nordr."]),
    ("Store", &["St.", "Sto."]),
    ("Lille", &["L.", "Lil."]),
    ("Vestre", &["V.", "Vestr."]),
    ("Østre", &["Ø.", "Østr."]),
    ("Gamle", &["G.", "Gml."]),
];

/// Persons streets are named after: (given names, surname).
pub(super) const STREET_PERSONS: &[(&str, &str)] = &[
    ("Hans", "Raanes"),
    ("Ingeborg", "Kvitrud"),
    ("Anders", "Bergset"),
    ("Kari", "Nordseter"),
    ("Ola", "Flatmo"),
    ("Sigrid", "Rognstad"),
    ("Per", "Lillevold"),
    ("Gudrun", "Haugset"),
    ("Nils", "Tveiten"),
    ("Marta", "Bjørgum"),
    ("Johan", "Skjelbred"),
    ("Anna", "Vangsnes"),
    ("Erik", "Sætrang"),
    ("Berte", "Mørstad"),
    ("Hans Petter", "Holmstølen"),
    ("Anne Marie", "Hegge"),
    ("Ole Johan", "Kleiven"),
    ("Dordi", "Grøslie"),
];

/// Other given names of a street person's namesake, for streets in other towns.
pub(super) const STREET_OTHER_GIVEN: &[&str] = &[
    "Jon", "Marit", "Peder", "Kristine", "Lars", "Helga", "Oluf", "Brita",
];

/// The street word after a person's name.
pub(super) const STREET_TYPES: &[&str] = &["vei", "veg", "gate", "plass", "allé"];

/// Digits as Norwegian number words (0–9).
pub(super) const DIGIT_WORDS: &[&str] = &[
    "null", "en", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni",
];

/// 10–19 as words.
pub(super) const TEEN_WORDS: &[&str] = &[
    "ti", "elleve", "tolv", "tretten", "fjorten", "femten", "seksten", "sytten", "atten", "nitten",
];

/// Tens 20–90 as words (index 0 is 20).
pub(super) const TENS_WORDS: &[&str] = &[
    "tjue", "tretti", "førti", "femti", "seksti", "sytti", "åtti", "nitti",
];

/// The family of a given name, if it is in one.
pub(super) fn family_of(name: &str) -> Option<usize> {
    let low = name.to_lowercase();
    FAMILIES
        .iter()
        .position(|f| f.iter().any(|m| m.to_lowercase() == low))
}
