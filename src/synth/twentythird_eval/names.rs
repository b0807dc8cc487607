//! Word lists of the twenty-third set, all written for it: given names, surnames, spelling
//! families, real names one edit apart, and streets of railways, roads and old travel.

/// Men's given names of the register. The Norwegian forms of [`AUTOCORRECT`] are among them.
pub const MEN: &[&str] = &[
    "Ola",
    "Per",
    "Lars",
    "Nils",
    "Knut",
    "Arne",
    "Tor",
    "Tore",
    "Geir",
    "Rune",
    "Terje",
    "Svein",
    "Bjørn",
    "Øystein",
    "Håvard",
    "Eirik",
    "Sindre",
    "Vegard",
    "Magnus",
    "Sander",
    "Torbjørn",
    "Leif",
    "Roar",
    "Odd",
    "Einar",
    "Steinar",
    "Asbjørn",
    "Gaute",
    "Audun",
    "Martin",
    "Daniel",
    "Ove",
    "Jan",
    "Trond",
    "Kjetil",
    "Stian",
    "Even",
    "Tomas",
    "Kristian",
    "Kristoffer",
    "Jon",
    "Filip",
    "Jonatan",
    "Teodor",
    "Mikael",
    "Matias",
];

/// Women's given names of the register.
pub const WOMEN: &[&str] = &[
    "Kari", "Anne", "Ingrid", "Marit", "Liv", "Randi", "Solveig", "Tone", "Hilde", "Gro", "Berit",
    "Astrid", "Sigrid", "Ragnhild", "Turid", "Eli", "Lene", "Siri", "Torunn", "Gunhild", "Åshild",
    "Vigdis", "Synnøve", "Hanne", "Ingunn", "Gudrun", "Mona", "Ida", "Heidi", "Kristine", "Sofie",
    "Josefine", "Rebekka", "Karoline", "Elisabet", "Marta",
];

/// A phone's autocorrect with an English dictionary turns the Norwegian form (first) into the
/// English spelling (second); both are real Norwegian names.
pub const AUTOCORRECT: &[(&str, &str)] = &[
    ("Tomas", "Thomas"),
    ("Kristian", "Christian"),
    ("Kristoffer", "Christopher"),
    ("Jon", "John"),
    ("Filip", "Philip"),
    ("Jonatan", "Jonathan"),
    ("Teodor", "Theodor"),
    ("Mikael", "Michael"),
    ("Matias", "Mathias"),
    ("Kristine", "Christine"),
    ("Sofie", "Sophie"),
    ("Josefine", "Josephine"),
    ("Rebekka", "Rebecca"),
    ("Karoline", "Caroline"),
    ("Elisabet", "Elisabeth"),
    ("Marta", "Martha"),
];

/// Spelling families a clerk knows to be one name: the autocorrect pairs and the issue's.
pub const FAMILIES: &[&[&str]] = &[
    &["Tomas", "Thomas"],
    &["Kristian", "Christian"],
    &["Kristoffer", "Christoffer", "Christopher", "Kristofer"],
    &["Jon", "John"],
    &["Filip", "Philip", "Phillip"],
    &["Jonatan", "Jonathan"],
    &["Teodor", "Theodor"],
    &["Mikael", "Michael"],
    &["Matias", "Mathias", "Matthias"],
    &["Kristine", "Christine"],
    &["Sofie", "Sophie"],
    &["Josefine", "Josephine"],
    &["Rebekka", "Rebecca"],
    &["Karoline", "Caroline"],
    &["Elisabet", "Elisabeth"],
    &["Marta", "Martha"],
    &["Carl", "Karl"],
    &["Tor", "Thor"],
];

/// Real given names one edit apart, the first of the register, the second never in it (and
/// short enough that a clerk reads them as two names).
pub const ONE_EDIT_GIVEN: &[(&str, &str)] = &[
    ("Arne", "Arve"),
    ("Tore", "Tord"),
    ("Ove", "Ole"),
    ("Even", "Evan"),
    ("Kari", "Karin"),
    ("Tone", "Tine"),
    ("Lene", "Line"),
    ("Gro", "Guro"),
    ("Liv", "Lin"),
    ("Eli", "Elin"),
    ("Siri", "Sari"),
    ("Mona", "Mina"),
    ("Ida", "Ada"),
];

/// Surnames of the register (no two of them one edit apart at five letters or more).
pub const SURNAMES: &[&str] = &[
    "Hansen",
    "Johansen",
    "Olsen",
    "Larsen",
    "Andersen",
    "Pedersen",
    "Nilsen",
    "Kristiansen",
    "Jensen",
    "Karlsen",
    "Ellingsen",
    "Eriksen",
    "Berg",
    "Haugen",
    "Andreassen",
    "Jacobsen",
    "Dahl",
    "Jørgensen",
    "Halvorsen",
    "Henriksen",
    "Lund",
    "Sørensen",
    "Moen",
    "Gundersen",
    "Iversen",
    "Strand",
    "Solberg",
    "Svendsen",
    "Eide",
    "Knutsen",
    "Martinsen",
    "Paulsen",
    "Bakken",
    "Kristoffersen",
    "Mathisen",
    "Lie",
    "Amundsen",
    "Rasmussen",
    "Solheim",
    "Berge",
    "Nygård",
    "Holm",
    "Lien",
    "Ødegård",
    "Brekke",
    "Sæther",
    "Tveit",
    "Haugland",
    "Mikalsen",
    "Rønning",
    "Næss",
    "Myhre",
    "Vik",
    "Bråten",
    "Løvold",
    "Aasen",
    "Fjeld",
    "Skjærvø",
    "Kvamme",
    "Grønli",
    "Hovland",
    "Tønnessen",
    "Sunde",
    "Mørk",
    "Hætta",
];

/// Street stems: the word alone and its form in a compound.
pub const STEMS: &[(&str, &str)] = &[
    ("Stasjon", "Stasjons"),
    ("Skinne", "Skinne"),
    ("Sville", "Sville"),
    ("Perrong", "Perrong"),
    ("Lokstall", "Lokstall"),
    ("Sporveksel", "Sporveksel"),
    ("Skyss", "Skyss"),
    ("Vognmann", "Vognmanns"),
    ("Bom", "Bom"),
    ("Kjerre", "Kjerre"),
    ("Ferje", "Ferje"),
    ("Post", "Post"),
    ("Jernbane", "Jernbane"),
    ("Signal", "Signal"),
    ("Tunnel", "Tunnel"),
    ("Konduktør", "Konduktør"),
    ("Billett", "Billett"),
    ("Karjol", "Karjol"),
    ("Stolkjerre", "Stolkjerre"),
    ("Milestein", "Milestein"),
    ("Vegvokter", "Vegvokter"),
    ("Damplok", "Damplok"),
    ("Sporvogn", "Sporvogns"),
    ("Drosje", "Drosje"),
    ("Gjestgiver", "Gjestgiver"),
    ("Rallar", "Rallar"),
    ("Banevokter", "Banevokter"),
    ("Kusk", "Kusk"),
    ("Ferjemann", "Ferjemanns"),
    ("Slede", "Slede"),
    ("Godsvogn", "Godsvogn"),
    ("Ekspress", "Ekspress"),
    ("Skysskaffer", "Skysskaffer"),
    ("Tollbu", "Tollbu"),
];

/// Street endings glued to a stem.
pub const ENDINGS: &[&str] = &[
    "veien", "gata", "bakken", "stien", "svingen", "tunet", "plassen", "lia", "kroken", "sletta",
    "brekka", "haugen",
];

/// Street prefixes and their Danish abbreviation (as a Danish-trained clerk writes it).
pub const PREFIXES: &[(&str, &str)] = &[
    ("Øvre", "Øv."),
    ("Nedre", "Ned."),
    ("Søndre", "Sdr."),
    ("Nordre", "Nr."),
    ("Store", "St."),
    ("Lille", "Ll."),
    ("Vestre", "Vestr."),
    ("Østre", "Østr."),
    ("Gamle", "Gl."),
];

/// Persons streets are named after: given names and surname.
pub const STREET_PERSONS: &[(&str, &str)] = &[
    ("Christian", "Bergh"),
    ("Fredrik", "Holst"),
    ("Johan", "Løvdahl"),
    ("Johannes", "Kvam"),
    ("Thomas", "Falsen"),
    ("Theodor", "Lunde"),
    ("Jacob", "Wessel"),
    ("Nicolai", "Ramm"),
    ("Wilhelm", "Thrane"),
    ("Edvard", "Bull"),
    ("Gustav", "Lerche"),
    ("Ludvig", "Daae"),
    ("August", "Schou"),
    ("Kristian", "Ness"),
    ("Hans", "Raanes"),
    ("Ole", "Bratt"),
    ("Anna", "Rogstad"),
    ("Karen", "Stang"),
    ("Johan Fredrik", "Vinsnes"),
    ("Carl Abraham", "Pihl"),
    ("Christian August", "Egeberg"),
];

/// The old conventional abbreviations of given names in street names (`Chr.`, `Joh.`).
pub const OLD_ABBREVIATIONS: &[(&str, &[&str])] = &[
    ("Christian", &["Chr."]),
    ("Fredrik", &["Fr.", "Fredr."]),
    ("Johan", &["Joh."]),
    ("Johannes", &["Joh.", "Johs."]),
    ("Thomas", &["Th.", "Thos."]),
    ("Theodor", &["Th.", "Theod."]),
    ("Jacob", &["Jac."]),
    ("Nicolai", &["Nic.", "Nicol."]),
    ("Wilhelm", &["Wilh.", "Wm."]),
    ("Edvard", &["Edv."]),
    ("Gustav", &["Gust."]),
    ("Ludvig", &["Ludv."]),
    ("August", &["Aug."]),
    ("Kristian", &["Kr."]),
    ("Abraham", &["Abr."]),
];

/// Types of person-named streets.
pub const PERSON_TYPES: &[&str] = &["vei", "gate", "plass", "allé", "vei"];

/// The old abbreviations of a street person's given name, if it has any.
pub fn old_abbreviations(given: &str) -> &'static [&'static str] {
    OLD_ABBREVIATIONS
        .iter()
        .find(|(g, _)| *g == given)
        .map_or(&[], |(_, a)| a)
}

/// The English form of a Norwegian given name, if autocorrect has one.
pub fn english_form(given: &str) -> Option<&'static str> {
    AUTOCORRECT
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(given))
        .map(|(_, e)| *e)
}

/// The Danish abbreviation of a prefix.
pub fn danish_abbreviation(prefix: &str) -> Option<&'static str> {
    PREFIXES.iter().find(|(p, _)| *p == prefix).map(|(_, a)| *a)
}

/// The one-edit partner of a given name of the register.
pub fn one_edit_partner(given: &str) -> Option<&'static str> {
    ONE_EDIT_GIVEN
        .iter()
        .find(|(g, _)| *g == given)
        .map(|(_, o)| *o)
}
