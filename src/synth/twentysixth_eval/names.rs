//! The twenty-sixth set's word lists, written for it: given names (plain, spelling families,
//! pen-stroke pairs), surnames (near pairs), streets of Norse mythology and the sagas, and the
//! historic names of post towns.

/// Men's given names in no family and no pair.
pub const MEN: &[&str] = &[
    "Håkon", "Øyvind", "Åsmund", "Ståle", "Bjørn", "Geir", "Gunnar", "Harald", "Ivar", "Knut",
    "Lars", "Magne", "Nils", "Odd", "Per", "Ragnar", "Sigurd", "Terje", "Trond", "Vidar", "Arild",
    "Bård", "Dag", "Einar", "Finn", "Gaute", "Halvor", "Jørgen", "Kjetil", "Leif", "Martin",
    "Njål", "Olav", "Petter", "Rune", "Sindre", "Torleif", "Yngve",
];

/// Women's given names in no family and no pair.
pub const WOMEN: &[&str] = &[
    "Åse",
    "Synnøve",
    "Øydis",
    "Ingrid",
    "Astrid",
    "Berit",
    "Dagny",
    "Gro",
    "Guri",
    "Hege",
    "Ingeborg",
    "Kjersti",
    "Liv",
    "Marit",
    "Randi",
    "Sigrid",
    "Solveig",
    "Turid",
    "Unni",
    "Vigdis",
    "Gudrun",
    "Brit",
    "Eldbjørg",
    "Frøydis",
    "Jorunn",
    "Målfrid",
    "Ragnhild",
    "Siri",
];

/// Men's spelling families: the forms are one name to a clerk (a speech recogniser writes
/// any of them for the sound).
pub const MEN_FAMILIES: &[&[&str]] = &[
    &["Kristoffer", "Christoffer"],
    &["Thomas", "Tomas"],
    &["Karl", "Carl"],
    &["Tor", "Thor"],
    &["Kristian", "Christian"],
    &["Jakob", "Jacob"],
    &["Markus", "Marcus"],
    &["Mikael", "Michael"],
    &["Fredrik", "Frederik"],
    &["Oskar", "Oscar"],
    &["Torstein", "Thorstein"],
    &["Teodor", "Theodor"],
];

/// Women's spelling families.
pub const WOMEN_FAMILIES: &[&[&str]] = &[
    &["Kristine", "Christine"],
    &["Katrine", "Kathrine", "Cathrine"],
    &["Karoline", "Caroline"],
    &["Elisabeth", "Elisabet"],
    &["Sofie", "Sophie"],
    &["Anette", "Annette"],
    &["Lisbeth", "Lisbet"],
    &["Tea", "Thea"],
    &["Linnea", "Linea"],
    &["Cecilie", "Sesilie"],
];

/// Same-sex pairs of real given names one pen stroke apart in handwriting (`a`/`o`, `u`/`a`,
/// `r`/`v`): two people to a clerk.
pub const MEN_PEN_PAIRS: &[(&str, &str)] = &[("Jan", "Jon"), ("Ulf", "Alf")];

/// Women's pen-stroke pairs.
pub const WOMEN_PEN_PAIRS: &[(&str, &str)] =
    &[("Oda", "Ada"), ("Nora", "Nova"), ("Oline", "Aline")];

/// Surnames outside the near pairs (many with æ/ø/å; no two one edit apart).
pub const SURNAMES: &[&str] = &[
    "Jørgensen",
    "Sæther",
    "Bråten",
    "Ødegård",
    "Løvås",
    "Kværnes",
    "Skår",
    "Hætta",
    "Grønvold",
    "Fossheim",
    "Bjørkås",
    "Mæland",
    "Strøm",
    "Vågen",
    "Tønnessen",
    "Åmodt",
    "Hansen",
    "Johansen",
    "Olsen",
    "Pedersen",
    "Nilsen",
    "Kristiansen",
    "Karlsen",
    "Andersen",
    "Solheim",
    "Haugland",
    "Myklebust",
    "Eide",
    "Tveit",
    "Nordvik",
    "Rønning",
    "Kolstad",
    "Engebretsen",
    "Vestby",
    "Hovland",
    "Aasen",
    "Lindqvist",
    "Brekke",
    "Sørlie",
    "Rasmussen",
    "Thorsen",
    "Iversen",
    "Fjeld",
    "Mathisen",
    "Halvorsen",
    "Dybdahl",
    "Nygård",
    "Østby",
    "Kleppe",
    "Rognstad",
];

/// Near surname pairs: two real surnames one letter apart, two families to a clerk.
pub const SURNAME_PAIRS: &[(&str, &str)] = &[
    ("Sand", "Sund"),
    ("Lund", "Land"),
    ("Berg", "Borg"),
    ("Holm", "Holt"),
    ("Lie", "Lien"),
];

/// Gods, goddesses and giantesses: streets in the genitive of one name (`Odins vei`).
pub const GODS: &[&str] = &[
    "Odin", "Frøya", "Balder", "Idunn", "Tor", "Frøy", "Heimdal", "Brage", "Njord", "Sif", "Frigg",
    "Skade", "Ull", "Vidar", "Gerd", "Gefjon", "Forseti", "Bil", "Saga", "Eir",
];

/// Saga kings and skalds: streets in the genitive of given name and byname
/// (`Snorre Sturlasons gate`).
pub const SAGA_PERSONS: &[(&str, &str)] = &[
    ("Snorre", "Sturlason"),
    ("Egil", "Skallagrimsson"),
    ("Harald", "Hårfagre"),
    ("Olav", "Tryggvason"),
    ("Magnus", "Lagabøte"),
    ("Sverre", "Sigurdsson"),
    ("Eyvind", "Skaldespiller"),
    ("Sigvat", "Tordsson"),
    ("Leiv", "Eiriksson"),
    ("Eirik", "Raude"),
    ("Olav", "Kyrre"),
    ("Harald", "Hardråde"),
    ("Sigurd", "Jorsalfare"),
    ("Håkon", "Håkonsson"),
    ("Erling", "Skakke"),
    ("Kalv", "Arnesson"),
    ("Einar", "Tambarskjelve"),
    ("Tormod", "Kolbrunarskald"),
    ("Ragnhild", "Eiriksdatter"),
    ("Tora", "Mosterstong"),
    ("Gunnhild", "Kongemor"),
    ("Torbjørn", "Hornklove"),
    ("Bragi", "Boddason"),
    ("Tjodolv", "Kvinverske"),
];

/// Types of a person-named street (the first twice as often).
pub const PERSON_TYPES: &[&str] = &["vei", "vei", "gate", "plass", "allé"];

/// Stems of compound streets, as they glue to an ending.
pub const STEMS: &[&str] = &[
    "Ask",
    "Embla",
    "Yggdrasil",
    "Midgard",
    "Valhall",
    "Bifrost",
    "Norne",
    "Skalde",
    "Vølve",
    "Runestein",
    "Saga",
    "Jotun",
    "Gjallar",
    "Mjølner",
    "Sleipner",
    "Hugin",
    "Munin",
    "Åsgard",
    "Gimle",
    "Urd",
    "Skinfakse",
    "Draupner",
    "Fenris",
    "Valkyrje",
    "Edda",
    "Langskip",
    "Hov",
    "Mime",
    "Ymer",
    "Utgard",
    "Vanadis",
    "Brisingen",
    "Gullhorn",
    "Lindorm",
    "Tyrihans",
    "Drakestavn",
];

/// Endings of compound streets.
pub const ENDINGS: &[&str] = &[
    "veien", "gata", "bakken", "stien", "lia", "tunet", "åsen", "haugen", "kroken", "jordet",
    "lunden", "svingen", "løkka", "bråten",
];

/// Street prefixes and the abbreviation a clerk writes by hand when a label runs short.
pub const PREFIXES: &[(&str, &str)] = &[
    ("Øvre", "Ø."),
    ("Nedre", "N."),
    ("Søndre", "S."),
    ("Nordre", "N."),
    ("Store", "St."),
    ("Lille", "L."),
    ("Vestre", "V."),
    ("Østre", "Ø."),
];

/// Historic names of post towns (`NO.tsv` spelling first) that older people and old card
/// files still write.
pub const HISTORIC_TOWNS: &[(&str, &[&str])] = &[
    ("OSLO", &["Kristiania", "Christiania"]),
    ("TRONDHEIM", &["Trondhjem", "Nidaros"]),
    ("HALDEN", &["Fredrikshald"]),
    ("KRISTIANSAND S", &["Christianssand", "Kristianssand"]),
    ("KRISTIANSUND N", &["Christianssund", "Kristianssund"]),
    ("ÅLESUND", &["Aalesund"]),
    ("LARVIK", &["Laurvig", "Laurvik"]),
    ("PORSGRUNN", &["Porsgrund"]),
    ("EGERSUND", &["Ekersund"]),
    ("RISØR", &["Østerrisør"]),
    ("NARVIK", &["Victoriahavn"]),
    ("BERGEN", &["Bjørgvin"]),
    ("TØNSBERG", &["Tunsberg"]),
    ("TROMSØ", &["Tromsøe"]),
    ("KRAGERØ", &["Kragerøe"]),
];

/// Handwriting letter pairs a data-entry clerk misreads on a coupon (either way).
pub const PEN_CONFUSIONS: &[(char, char)] =
    &[('a', 'o'), ('u', 'n'), ('e', 'c'), ('a', 'u'), ('r', 'v')];

/// Whether `a` and `b` are one pen stroke apart (a [`PEN_CONFUSIONS`] pair).
pub fn pen_pair(a: char, b: char) -> bool {
    PEN_CONFUSIONS
        .iter()
        .any(|&(x, y)| (x == a && y == b) || (x == b && y == a))
}

/// Every given name of every list.
pub fn all_given() -> impl Iterator<Item = &'static str> {
    MEN.iter()
        .chain(WOMEN)
        .copied()
        .chain(
            MEN_FAMILIES
                .iter()
                .chain(WOMEN_FAMILIES)
                .flat_map(|f| f.iter().copied()),
        )
        .chain(
            MEN_PEN_PAIRS
                .iter()
                .chain(WOMEN_PEN_PAIRS)
                .flat_map(|&(a, b)| [a, b]),
        )
}

/// Every surname of every list.
pub fn all_surnames() -> impl Iterator<Item = &'static str> {
    SURNAMES
        .iter()
        .copied()
        .chain(SURNAME_PAIRS.iter().flat_map(|&(a, b)| [a, b]))
}

/// The family of a given name, if it is in one.
pub fn family_of(name: &str) -> Option<&'static [&'static str]> {
    MEN_FAMILIES
        .iter()
        .chain(WOMEN_FAMILIES)
        .find(|f| f.contains(&name))
        .copied()
}

/// The pen-stroke partner of a given name, if it is in a pair.
pub fn pen_partner(name: &str) -> Option<&'static str> {
    MEN_PEN_PAIRS
        .iter()
        .chain(WOMEN_PEN_PAIRS)
        .find_map(|&(a, b)| {
            if a == name {
                Some(b)
            } else if b == name {
                Some(a)
            } else {
                None
            }
        })
}

/// The near-pair partner of a surname, if it is in a pair.
pub fn surname_partner(name: &str) -> Option<&'static str> {
    SURNAME_PAIRS.iter().find_map(|&(a, b)| {
        if a == name {
            Some(b)
        } else if b == name {
            Some(a)
        } else {
            None
        }
    })
}
