//! Word lists of the twenty-fourth set, all written for it: given names (with spelling families
//! and opposite-sex near names), surnames, and streets of churches, parishes and the old
//! parish and district offices.

/// Men's given names outside any spelling family.
pub const MEN: &[&str] = &[
    "Ole", "Jan", "Per", "Hans", "Arne", "Lars", "Geir", "Odd", "Rune", "Terje", "Svein", "Øyvind",
    "Håkon", "Sindre", "Eivind", "Trond", "Espen", "Audun", "Vegard", "Steinar", "Halvor", "Ivar",
    "Gunnar", "Asbjørn", "Sverre", "Magne", "Helge", "Leif", "Dag", "Einar", "Harald", "Anders",
    "Jørgen", "Vidar", "Åsmund", "Yngve", "Ketil", "Bård",
];

/// Women's given names outside any spelling family.
pub const WOMEN: &[&str] = &[
    "Anne", "Kari", "Ingrid", "Liv", "Astrid", "Berit", "Marit", "Solveig", "Randi", "Hilde",
    "Gunn", "Turid", "Eli", "Siri", "Tone", "Wenche", "Heidi", "Silje", "Ragnhild", "Åse", "Gro",
    "Unni", "Sissel", "Ingeborg", "Kjersti", "Torunn", "Marianne", "Nina", "Hege", "Synnøve",
    "Bodil", "Jorunn", "Grete", "Aud",
];

/// Men's names that are one side of an opposite-sex near-name pair (see [`NEAR_PAIRS`]);
/// they are in the register's draw too.
pub const MEN_PAIRED: &[&str] = &[
    "Martin", "Erik", "Johan", "Ragnar", "Bjørn", "Henrik", "Daniel", "Sigurd", "Paul", "Eirik",
    "Stian",
];

/// Women's names of the near-name pairs.
pub const WOMEN_PAIRED: &[&str] = &[
    "Martine",
    "Erika",
    "Johanne",
    "Ragna",
    "Bjørg",
    "Henrikke",
    "Daniela",
    "Sigrid",
    "Paula",
    "Eirin",
    "Stine",
    "Tora",
    "Karla",
    "Fredrikke",
];

/// Real names of one person's sex and the other's that look alike but are two people.
pub const NEAR_PAIRS: &[(&str, &str)] = &[
    ("Martin", "Martine"),
    ("Erik", "Erika"),
    ("Johan", "Johanne"),
    ("Ragnar", "Ragna"),
    ("Bjørn", "Bjørg"),
    ("Henrik", "Henrikke"),
    ("Daniel", "Daniela"),
    ("Sigurd", "Sigrid"),
    ("Paul", "Paula"),
    ("Eirik", "Eirin"),
    ("Stian", "Stine"),
    ("Tor", "Tora"),
    ("Karl", "Karla"),
    ("Fredrik", "Fredrikke"),
];

/// Men's spelling families: every spelling a real Norwegian writes, one person.
pub const MEN_FAMILIES: &[&[&str]] = &[
    &["Tor", "Thor"],
    &["Thomas", "Tomas"],
    &["Karl", "Carl"],
    &["Kristoffer", "Christoffer"],
    &["Kristian", "Christian"],
    &["Torbjørn", "Thorbjørn"],
    &["Torstein", "Thorstein"],
    &["Torleif", "Thorleif"],
    &["Knut", "Knud"],
    &["Jakob", "Jacob"],
    &["Markus", "Marcus"],
    &["Nikolai", "Nicolai"],
    &["Fredrik", "Frederik"],
    &["Mathias", "Matias"],
    &["Aksel", "Axel"],
    &["Oskar", "Oscar"],
    &["Viktor", "Victor"],
    &["Ludvig", "Ludwig"],
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
    &["Susanne", "Suzanne"],
    &["Anette", "Annette"],
    &["Camilla", "Kamilla"],
    &["Karina", "Carina"],
    &["Veronika", "Veronica"],
    &["Monika", "Monica"],
    &["Rebekka", "Rebecca"],
    &["Torill", "Toril"],
];

/// Surnames; none one edit from another.
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
    "Vikan",
    "Pettersen",
    "Eriksen",
    "Berg",
    "Haugen",
    "Vatne",
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
    "Martinsen",
    "Paulsen",
    "Eide",
    "Bakken",
    "Mathisen",
    "Lie",
    "Amundsen",
    "Rasmussen",
    "Solheim",
    "Nygård",
    "Holm",
    "Hovland",
    "Evensen",
    "Sæther",
    "Bråten",
    "Løken",
    "Ødegård",
    "Grønli",
    "Rønning",
    "Sæbø",
    "Håland",
    "Mæland",
    "Kjær",
    "Strøm",
    "Bjørnstad",
    "Løvås",
    "Myhre",
    "Tøsse",
    "Fjeld",
    "Stavik",
    "Østby",
    "Flåten",
    "Steffensen",
    "Aasland",
    "Lyngstad",
    "Finstad",
];

/// Stems of the theme in their compound form: churches, parishes and the old parish and
/// district offices.
pub const STEMS: &[&str] = &[
    "Kirke",
    "Preste",
    "Klokker",
    "Kapell",
    "Proste",
    "Degne",
    "Kirkegårds",
    "Sogne",
    "Menighets",
    "Alter",
    "Orgel",
    "Kor",
    "Tårn",
    "Bedehus",
    "Lensmanns",
    "Fogde",
    "Tinghus",
    "Tingstue",
    "Skriver",
    "Amtmanns",
    "Kirkeverge",
    "Klokkergårds",
    "Prestegårds",
    "Kapellan",
    "Bispe",
    "Kloster",
    "Pilegrims",
    "Kirkestue",
    "Tiende",
    "Salme",
    "Kantor",
    "Døpe",
    "Fiskevær",
    "Offer",
];

/// Endings glued to a stem.
pub const ENDINGS: &[&str] = &[
    "veien", "gata", "bakken", "stien", "lia", "haugen", "tunet", "plassen", "løkka", "jordet",
    "åsen", "svingen", "myra", "vollen",
];

/// Street prefixes.
pub const PREFIXES: &[&str] = &[
    "Øvre", "Nedre", "Søndre", "Nordre", "Store", "Lille", "Vestre", "Østre", "Gamle",
];

/// Persons (hymn writers, priests, church musicians) streets are named after: given names
/// and surname.
pub const STREET_PERSONS: &[(&str, &str)] = &[
    ("Hans", "Raanes"),
    ("Elias", "Blix"),
    ("Petter", "Dass"),
    ("Hans Nielsen", "Hauge"),
    ("Johan Nordahl", "Brun"),
    ("Anders", "Hovden"),
    ("Jonas", "Ramus"),
    ("Kristofer", "Janson"),
    ("Ludvig Mathias", "Lindeman"),
    ("Eivind", "Berggrav"),
    ("Gustav", "Jensen"),
    ("Karl Ludvig", "Reichelt"),
    ("Svein", "Ellingsen"),
    ("Absalon", "Pederssøn"),
    ("Peder", "Claussøn"),
    ("Jens", "Zetlitz"),
    ("Ole", "Hallesby"),
    ("Bernt", "Støylen"),
    ("Olav", "Fykse"),
    ("Johannes", "Smemo"),
];

/// Church and district titles of titled streets (`Biskop Brandts vei`), with the
/// abbreviations old parish books and street signs write.
pub const TITLES: &[(&str, &[&str])] = &[
    ("Biskop", &["Bp.", "Bisk."]),
    ("Prost", &["Pr.", "Prst."]),
    ("Sogneprest", &["Sognepr.", "Sgpr."]),
    ("Kapellan", &["Kap.", "Kapl."]),
    ("Kantor", &["Kant.", "Kt."]),
    ("Klokker", &["Kl.", "Klokk."]),
    ("Lensmann", &["Lensm.", "Lm."]),
    ("Sorenskriver", &["Sorenskr.", "Sskr."]),
    ("Amtmann", &["Amtm."]),
    ("Domprost", &["Dompr.", "Dpr."]),
    ("Pastor", &["Past.", "Pst."]),
];

/// Surnames of titled streets.
pub const TITLED_SURNAMES: &[&str] = &[
    "Brandt",
    "Hougen",
    "Hiorth",
    "Bull",
    "Kragh",
    "Tvedt",
    "Blehr",
    "Falsen",
    "Krohg",
    "Wessel",
    "Munch",
    "Sverdrup",
    "Steen",
    "Aall",
    "Schøning",
    "Hjelm",
    "Grimelund",
    "Gleditsch",
    "Bugge",
    "Heuch",
    "Kaurin",
    "Skaar",
    "Tønder",
    "Bøckmann",
];

/// Types of person-named and titled streets (`vei` twice as often).
pub const TYPES: &[&str] = &["vei", "vei", "gate", "plass", "allé"];

/// Every given name of one sex that the register may write.
pub fn given_pool(male: bool) -> Vec<&'static str> {
    let (plain, paired, families) = if male {
        (MEN, MEN_PAIRED, MEN_FAMILIES)
    } else {
        (WOMEN, WOMEN_PAIRED, WOMEN_FAMILIES)
    };
    let mut v: Vec<&'static str> = plain.iter().chain(paired).copied().collect();
    for f in families {
        for &n in *f {
            if !v.contains(&n) {
                v.push(n);
            }
        }
    }
    v
}

/// The spelling family of a name, if it has one.
pub fn family_of(name: &str) -> Option<&'static [&'static str]> {
    MEN_FAMILIES
        .iter()
        .chain(WOMEN_FAMILIES)
        .find(|f| f.iter().any(|n| n.eq_ignore_ascii_case(name)))
        .copied()
}

/// The other-sex near name of a name, if it has one.
pub fn near_of(name: &str) -> Option<&'static str> {
    NEAR_PAIRS.iter().find_map(|&(m, w)| {
        if m == name {
            Some(w)
        } else if w == name {
            Some(m)
        } else {
            None
        }
    })
}

/// Glues a stem and an ending, writing three equal letters at the joint as two.
pub fn glue(stem: &str, ending: &str) -> String {
    let mut s = format!("{stem}{ending}");
    let sc: Vec<char> = stem.chars().collect();
    let ec: Vec<char> = ending.chars().collect();
    if sc.len() >= 2 && !ec.is_empty() && sc[sc.len() - 1] == ec[0] && sc[sc.len() - 2] == ec[0] {
        s = format!("{stem}{}", ec[1..].iter().collect::<String>());
    }
    s
}

/// The genitive of a name as a street writes it (`Brandts`, `Blix`).
pub fn genitive(name: &str) -> String {
    if name.ends_with(['s', 'x', 'z']) {
        name.to_string()
    } else {
        format!("{name}s")
    }
}
