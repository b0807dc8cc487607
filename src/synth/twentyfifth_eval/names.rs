//! Word lists of the twenty-fifth set, written for it: given names (with spelling families and
//! near-name pairs), surnames, occupations of old telephone directories, and the street theme,
//! **music, theatre and folk dance**.

/// Men's given names outside any family or near pair.
pub const MEN: &[&str] = &[
    "Håkon", "Øyvind", "Ivar", "Lars", "Olav", "Per", "Geir", "Bjørnar", "Knut", "Leif", "Nils",
    "Rune", "Trond", "Espen", "Morten", "Even", "Eivind", "Sindre", "Magnus", "Jonas", "Sverre",
    "Åsmund", "Ingvar", "Helge", "Kjell", "Einar", "Gunnar", "Halvard", "Vegard", "Audun", "Ståle",
    "Ottar", "Frode", "Harald", "Lasse", "Gaute", "Ketil", "Asbjørn",
];

/// Women's given names outside any family or near pair.
pub const WOMEN: &[&str] = &[
    "Åse", "Synnøve", "Ragnhild", "Jorunn", "Ingrid", "Solveig", "Gro", "Liv", "Randi", "Turid",
    "Berit", "Astrid", "Sigrid", "Gunhild", "Wenche", "Nina", "Silje", "Ingvild", "Kjersti",
    "Øydis", "Marit", "Bodil", "Unni", "Laila", "Vigdis", "Guro", "Ellinor", "Irene",
];

/// Men's spelling families: one name to a clerk, the first the form a migration table keeps.
pub const MEN_FAMILIES: &[&[&str]] = &[
    &["Kristian", "Christian"],
    &["Kristoffer", "Christoffer"],
    &["Karl", "Carl"],
    &["Thomas", "Tomas"],
    &["Tor", "Thor"],
    &["Jakob", "Jacob"],
    &["Markus", "Marcus"],
    &["Fredrik", "Frederik"],
    &["Aksel", "Axel"],
    &["Oskar", "Oscar"],
    &["Viktor", "Victor"],
    &["Nikolai", "Nicolai"],
    &["Mathias", "Matias"],
    &["Torbjørn", "Thorbjørn"],
    &["Erik", "Eric"],
    &["Filip", "Philip"],
    &["Kasper", "Casper"],
    &["Rolf", "Rolv"],
];

/// Women's spelling families.
pub const WOMEN_FAMILIES: &[&[&str]] = &[
    &["Kristine", "Christine"],
    &["Kristin", "Christin"],
    &["Karoline", "Caroline"],
    &["Katrine", "Kathrine", "Cathrine"],
    &["Elisabeth", "Elisabet"],
    &["Merete", "Merethe"],
    &["Mathilde", "Matilde"],
    &["Camilla", "Kamilla"],
    &["Karina", "Carina"],
    &["Monika", "Monica"],
    &["Marianne", "Mariann"],
    &["Torill", "Toril"],
    &["Sofie", "Sophie"],
    &["Tiril", "Tirill"],
];

/// Men's near names: two real names one letter apart, two people to a clerk.
pub const MEN_NEAR: &[(&str, &str)] = &[
    ("Jan", "Jon"),
    ("Ole", "Ola"),
    ("Arne", "Arve"),
    ("Egil", "Emil"),
    ("Svein", "Stein"),
];

/// Women's near names.
pub const WOMEN_NEAR: &[(&str, &str)] = &[
    ("Anne", "Anna"),
    ("Hanne", "Hanna"),
    ("Marie", "Maria"),
    ("Line", "Lina"),
    ("Elin", "Eline"),
    ("Tone", "Tonje"),
    ("Ida", "Ina"),
    ("Kari", "Karin"),
    ("Hilde", "Hilda"),
    ("Bente", "Berte"),
];

/// Surnames; no two one edit apart (a test).
pub const SURNAMES: &[&str] = &[
    "Jørgensen",
    "Sæther",
    "Bråten",
    "Ødegård",
    "Sæbø",
    "Håland",
    "Mæland",
    "Løvås",
    "Østby",
    "Flåten",
    "Grønli",
    "Røed",
    "Nygård",
    "Lindstrøm",
    "Hansen",
    "Olsen",
    "Larsen",
    "Nilsen",
    "Berg",
    "Haugen",
    "Johansen",
    "Lie",
    "Kristiansen",
    "Dahl",
    "Lunde",
    "Moen",
    "Solberg",
    "Strand",
    "Bakke",
    "Holm",
    "Eriksen",
    "Iversen",
    "Isaksen",
    "Ingebrigtsen",
    "Lillevik",
    "Kleppe",
    "Vollan",
    "Ellingsen",
    "Fjellheim",
    "Aune",
    "Tveit",
    "Stokke",
    "Vik",
    "Myklebust",
    "Helland",
    "Skjelbred",
    "Ruud",
    "Gulbrandsen",
    "Brekke",
    "Engen",
    "Kvam",
    "Rønning",
    "Wold",
    "Sandvik",
    "Halvorsen",
    "Mathisen",
    "Nordli",
    "Husby",
    "Krogh",
    "Tømmerås",
    "Bøe",
    "Skårland",
    "Lyngstad",
    "Ulleberg",
];

/// Occupations as old telephone directories print them after the name: (word, born by at
/// latest, born at earliest).
pub const OCCUPATIONS: &[(&str, i32, i32)] = &[
    ("lærer", 2000, 1930),
    ("sykepleier", 2002, 1930),
    ("ingeniør", 2001, 1930),
    ("adv.", 1998, 1930),
    ("snekker", 2004, 1930),
    ("elektriker", 2004, 1930),
    ("bonde", 2002, 1930),
    ("sjåfør", 2004, 1930),
    ("musiker", 2006, 1930),
    ("lektor", 1998, 1930),
    ("tannlege", 1998, 1930),
    ("frisør", 2005, 1930),
    ("rørlegger", 2004, 1930),
    ("pens.", 1959, 1900),
    ("student", 2008, 1996),
];

/// Street stems, in compound form: music, theatre and folk dance.
pub const STEMS: &[&str] = &[
    "Fele",
    "Spillemanns",
    "Orkester",
    "Teater",
    "Scene",
    "Korps",
    "Musikk",
    "Sanger",
    "Tromme",
    "Lur",
    "Hardingfele",
    "Kvede",
    "Dans",
    "Konsert",
    "Opera",
    "Fløyte",
    "Harpe",
    "Trompet",
    "Strenge",
    "Takt",
    "Melodi",
    "Revy",
    "Kulisse",
    "Bryllups",
    "Gjøgler",
    "Musikant",
    "Klaver",
    "Lyre",
    "Salong",
    "Fiolin",
    "Kantate",
    "Ballade",
    "Stev",
    "Langeleik",
    "Hallings",
    "Springar",
    "Bånsull",
    "Rytme",
    "Akkord",
    "Gitar",
];

/// Street endings glued to a stem.
pub const ENDINGS: &[&str] = &[
    "veien", "gata", "bakken", "stien", "lia", "tunet", "plassen", "kroken", "haugen", "lunden",
    "enga", "grenda", "jordet", "skogen", "bråten", "åsen",
];

/// Street prefixes, with the abbreviation the address register's short names use.
pub const PREFIXES: &[(&str, &str)] = &[
    ("Øvre", "Ø."),
    ("Nedre", "N."),
    ("Søndre", "S."),
    ("Nordre", "Nord."),
    ("Store", "St."),
    ("Lille", "L."),
    ("Vestre", "V."),
    ("Østre", "Østr."),
];

/// Street persons: composers, musicians, singers and actors (given names, surname).
pub const STREET_PERSONS: &[(&str, &str)] = &[
    ("Edvard", "Grieg"),
    ("Ole", "Bull"),
    ("Johan", "Svendsen"),
    ("Rikard", "Nordraak"),
    ("Halfdan", "Kjerulf"),
    ("Christian", "Sinding"),
    ("Johan", "Halvorsen"),
    ("Agathe", "Backer Grøndahl"),
    ("Fartein", "Valen"),
    ("Geirr", "Tveitt"),
    ("Harald", "Sæverud"),
    ("Eyvind", "Alnæs"),
    ("Kirsten", "Flagstad"),
    ("Johanne", "Dybwad"),
    ("Thomas", "Tellefsen"),
    ("Catharinus", "Elling"),
    ("Ludvig", "Irgens-Jensen"),
    ("Per", "Aabel"),
    ("Toralf", "Sandø"),
    ("Iver", "Holter"),
    ("Gerhard", "Schjelderup"),
    ("Signe", "Lund"),
    ("Pauline", "Hall"),
    ("Klaus", "Egge"),
    ("Arne", "Nordheim"),
    ("Sparre", "Olsen"),
    ("Olav", "Kielland"),
    ("Hjalmar", "Borgstrøm"),
    ("Ole", "Olsen"),
    ("Anne Marie", "Ørbeck"),
];

/// Street types of person-named streets (`vei` twice).
pub const TYPES: &[&str] = &["vei", "vei", "gate", "plass", "allé"];
