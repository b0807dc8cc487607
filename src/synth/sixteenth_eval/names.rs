//! The set's own word lists: real Norwegian names and street stems of this module alone.

/// Men's given names; spelling families fold to one form under the judge's folding.
pub const MEN: &[&str] = &[
    "Thomas",
    "Carl",
    "Kristoffer",
    "Tor",
    "Christian",
    "Jacob",
    "Nikolai",
    "Oscar",
    "Ståle",
    "Gunnar",
    "Halvor",
    "Eirik",
    "Leif",
    "Olav",
    "Vegard",
    "Sindre",
    "Torleif",
    "Helge",
    "Audun",
    "Bjarne",
    "Øyvind",
    "Kåre",
    "Ragnvald",
    "Snorre",
    "Vidar",
    "Ivar",
    "Jostein",
    "Harald",
    "Sverre",
    "Åsmund",
    "Geir",
    "Steinar",
    "Terje",
    "Rune",
    "Jon",
];
/// Women's given names.
pub const WOMEN: &[&str] = &[
    "Katrine",
    "Elisabeth",
    "Vibeke",
    "Tone",
    "Anne",
    "Solveig",
    "Gunhild",
    "Ragnhild",
    "Marit",
    "Liv",
    "Ingrid",
    "Sigrid",
    "Åse",
    "Bjørg",
    "Randi",
    "Torunn",
    "Hege",
    "Siri",
    "Kjersti",
    "Gro",
    "Mona",
    "Turid",
    "Unni",
    "Astrid",
    "Hildegunn",
    "Mari",
    "Britt",
];
/// Spelling families: every member folds to the same form.
pub const FAMILIES: &[&[&str]] = &[
    &["Thomas", "Tomas"],
    &["Carl", "Karl"],
    &["Kristoffer", "Christoffer", "Kristofer"],
    &["Tor", "Thor"],
    &["Christian", "Kristian"],
    &["Jacob", "Jakob"],
    &["Nikolai", "Nicolai"],
    &["Oscar", "Oskar"],
    &["Ståle", "Staale"],
    &["Katrine", "Cathrine", "Kathrine"],
    &["Elisabeth", "Elisabet"],
    &["Vibeke", "Wibeke"],
];
/// Surnames (with æ/ø/å in many).
pub const SURNAMES: &[&str] = &[
    "Berg",
    "Dahl",
    "Holm",
    "Moen",
    "Lund",
    "Sørlie",
    "Bjørnstad",
    "Kvæstad",
    "Hågensen",
    "Grønli",
    "Sæbø",
    "Løvås",
    "Tveit",
    "Rønning",
    "Skjærvø",
    "Fjærli",
    "Brekke",
    "Aasen",
    "Myrvold",
    "Haugland",
    "Strøm",
    "Nymoen",
    "Kolstad",
    "Engebretsen",
    "Rustad",
    "Midtbø",
    "Østerhus",
    "Vårdal",
    "Torgersen",
    "Blåfjell",
    "Solbakken",
    "Hovland",
    "Lerfald",
    "Nærland",
    "Gjøvåg",
    "Sandvær",
    "Ulvøy",
    "Rambøl",
    "Kornmo",
    "Marnes",
];
/// Real names one edit from a name of the lists, that are different names.
pub const ONE_EDIT: &[(&str, &str)] = &[
    ("Berg", "Berge"),
    ("Dahl", "Dahle"),
    ("Holm", "Holme"),
    ("Moen", "Moe"),
    ("Lund", "Lunde"),
    ("Tone", "Tove"),
    ("Anne", "Anna"),
    ("Jon", "Jan"),
    ("Liv", "Lin"),
    ("Mari", "Marie"),
];
/// Street stems: birds, minerals and fishing words.
pub const STEMS: &[&str] = &[
    "Lerke", "Trost", "Spurve", "Måke", "Ørne", "Skarv", "Tjeld", "Rype", "Kobber", "Kvarts",
    "Glimmer", "Skifer", "Granitt", "Marmor", "Garn", "Snøre", "Dorg", "Ruse", "Not", "Sild",
    "Torske", "Kveite",
];
/// Street endings, glued to a stem.
pub const ENDINGS: &[&str] = &[
    "veien", "gata", "stien", "bakken", "lia", "åsen", "kroken", "jordet", "myra", "hagen",
];
/// Persons that streets are named after, and street types.
pub const STREET_GIVEN: &[&str] = &[
    "Hans", "Jens", "Peder", "Ole", "Nils", "Marta", "Inger", "Erling",
];
/// Surnames of street persons.
pub const STREET_SURNAME: &[&str] = &[
    "Raanes", "Tvedt", "Krohg", "Bull", "Vinje", "Sinding", "Aukrust", "Welhaven", "Hoel",
];
/// Types of person-named streets.
pub const STREET_TYPES: &[&str] = &["vei", "gate", "veg", "plass", "allé"];
/// Street prefixes with their short forms.
pub const PREFIXES: &[(&str, &[&str])] = &[
    ("Øvre", &["Ø.", "Øvr."]),
    ("Nedre", &["N.", "Ndr."]),
    ("Søndre", &["S.", "Sdr."]),
    ("Vestre", &["V.", "Vestr."]),
    ("Store", &["St.", "Sto."]),
    ("Lille", &["L.", "Ll."]),
    ("Gamle", &["G.", "Gml."]),
];
/// Bolignummer tokens.
pub const BOLIGNUMMER: &[&str] = &["H0101", "H0102", "H0201", "H0301", "H0404", "U0101"];
