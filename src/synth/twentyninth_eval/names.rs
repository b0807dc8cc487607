//! Word lists of the twenty-ninth set: Norwegian given names (plain names, spelling families
//! that are one name to a clerk, each with the form a Norwegian word processor's dictionary
//! knows first, and *doubled-letter* pairs, two real names one doubled letter apart that are
//! two people), surnames (with plus-one pairs such as `Lund`/`Lunde`), streets on a theme of
//! minerals and mining (quartz, mica, feldspar, shafts, adits, smelters) and of geologists and
//! mining people, and the Swedish colon contractions of the street prefixes.

/// Men's given names outside any family or pair.
pub const MEN_PLAIN: &[&str] = &[
    "Hallstein",
    "Torgeir",
    "Audun",
    "Bjarte",
    "Gisle",
    "Gaute",
    "Håvard",
    "Jarle",
    "Kåre",
    "Lasse",
    "Magne",
    "Nils",
    "Odin",
    "Petter",
    "Roald",
    "Sigmund",
    "Terje",
    "Vidar",
    "Yngve",
    "Åsmund",
    "Øyvind",
    "Runar",
    "Bård",
    "Didrik",
    "Endre",
    "Frode",
    "Harald",
    "Ingvar",
    "Joakim",
    "Morten",
    "Ragnvald",
    "Sindre",
    "Torbjørn",
];

/// Women's given names outside any family or pair.
pub const WOMEN_PLAIN: &[&str] = &[
    "Astrid",
    "Bergljot",
    "Dagny",
    "Edel",
    "Frøydis",
    "Gunhild",
    "Hildegunn",
    "Idun",
    "Jofrid",
    "Kjellaug",
    "Liss",
    "Malene",
    "Oline",
    "Ragnhild",
    "Sølvi",
    "Tiril",
    "Unn",
    "Vilde",
    "Ingrid",
    "Birgit",
    "Gerd",
    "Hedvig",
    "Jenny",
    "Lillian",
    "Margit",
    "Synnøve",
    "Torunn",
    "Wenche",
];

/// Men's spelling families: one name to a clerk. The first is the form a Norwegian word
/// processor's dictionary knows; the others it flags and offers to change to the first.
pub const MEN_FAMILIES: &[&[&str]] = &[
    &["Tomas", "Thomas"],
    &["Kristoffer", "Christoffer"],
    &["Karl", "Carl"],
    &["Tor", "Thor"],
    &["Kristian", "Christian"],
    &["Viktor", "Victor"],
    &["Filip", "Philip", "Phillip"],
    &["Matias", "Mathias", "Matthias"],
    &["Stefan", "Stephan"],
    &["Fredrik", "Frederik"],
];

/// Women's spelling families: one name to a clerk, the dictionary's form first.
pub const WOMEN_FAMILIES: &[&[&str]] = &[
    &["Kristine", "Christine"],
    &["Katrine", "Kathrine", "Cathrine"],
    &["Kamilla", "Camilla"],
    &["Rebekka", "Rebecca"],
    &["Veronika", "Veronica"],
    &["Elisabet", "Elisabeth"],
    &["Josefine", "Josephine"],
    &["Stefanie", "Stephanie"],
];

/// Men's doubled-letter pairs: two real names, the second the first with one letter doubled;
/// two people.
pub const MEN_PAIRS: &[(&str, &str)] = &[("Per", "Peer"), ("Ole", "Olle"), ("Sven", "Svenn")];

/// Women's doubled-letter pairs.
pub const WOMEN_PAIRS: &[(&str, &str)] = &[("Ane", "Anne"), ("Eli", "Elli"), ("Ina", "Inna")];

/// Surnames outside any pair.
pub const SURNAMES: &[&str] = &[
    "Brænd",
    "Fløtten",
    "Grønnestad",
    "Hjørnevik",
    "Kåsa",
    "Lømo",
    "Myrås",
    "Nøstdal",
    "Opsahl",
    "Prestbakmo",
    "Råheim",
    "Skjæveland",
    "Tjøstheim",
    "Ulvåg",
    "Vågenes",
    "Årdal",
    "Øverbø",
    "Bakkevold",
    "Dyrnes",
    "Evjen",
    "Fossum",
    "Grimstad",
    "Hoel",
    "Jørgensen",
    "Kristiansen",
    "Nygård",
    "Pettersen",
    "Ramstad",
    "Solheim",
    "Tveit",
    "Wold",
    "Ødegård",
    "Sæther",
    "Flåten",
];

/// Surname plus-one pairs: two real surnames, the second the first with one letter added.
pub const SURNAME_PLUS_ONE: &[(&str, &str)] = &[
    ("Lund", "Lunde"),
    ("Berg", "Berge"),
    ("Foss", "Fosse"),
    ("Holm", "Holme"),
    ("Moe", "Moen"),
    ("Haug", "Hauge"),
    ("Bakke", "Bakken"),
    ("Tange", "Tangen"),
];

/// Street stems of minerals and mining, in compound form.
pub const STEMS: &[&str] = &[
    "Kvarts",
    "Glimmer",
    "Feltspat",
    "Granitt",
    "Marmor",
    "Skifer",
    "Kleber",
    "Jaspis",
    "Ametyst",
    "Malm",
    "Gruve",
    "Sjakt",
    "Stoll",
    "Smelte",
    "Røste",
    "Svovel",
    "Nikkel",
    "Kis",
    "Sink",
    "Bly",
    "Jern",
    "Kobolt",
    "Olivin",
    "Granat",
    "Beryll",
    "Topas",
    "Turmalin",
    "Apatitt",
    "Molybden",
    "Dolomitt",
    "Kalkstein",
    "Bergmann",
    "Steiger",
    "Skjerp",
    "Sølvåre",
    "Thulitt",
];

/// Street endings glued to a stem.
pub const ENDINGS: &[&str] = &[
    "veien", "gata", "bakken", "stien", "lia", "åsen", "kollen", "dalen", "berget", "skaret",
    "myra", "toppen",
];

/// Street prefixes.
pub const PREFIXES: &[&str] = &[
    "Øvre", "Nedre", "Søndre", "Nordre", "Store", "Lille", "Vestre", "Østre",
];

/// Geologists and mining people a street is named after, in the genitive: given name (empty
/// for one-word names) and surname. Several surnames come twice (`Hans Aasens` and `Ivar
/// Aasens`, `Johan Vogts` and `Thorolf Vogts`, `Vogts` alone): streets of one surname and
/// another given name are other streets.
pub const MINING_PEOPLE: &[(&str, &str)] = &[
    ("Hans", "Aasens"),
    ("Ivar", "Aasens"),
    ("Johan", "Vogts"),
    ("Thorolf", "Vogts"),
    ("", "Vogts"),
    ("Theodor", "Kjerulfs"),
    ("Halfdan", "Kjerulfs"),
    ("Waldemar", "Brøggers"),
    ("", "Brøggers"),
    ("Victor", "Goldschmidts"),
    ("Amund", "Hellands"),
    ("Jens", "Esmarks"),
    ("", "Esmarks"),
    ("Baltazar", "Keilhaus"),
    ("Tellef", "Dahlls"),
    ("Olaf", "Holtedahls"),
    ("Werner", "Werenskiolds"),
    ("Gunnar", "Holmsens"),
];

/// Street types of person-named streets.
pub const PERSON_TYPES: &[&str] = &["vei", "gate", "plass", "allé"];

/// A Swedish-trained typist's colon contractions of the prefixes (first letters, a colon, the
/// last letter, as `N:a` for *Norra*): `Nedre` and `Nordre` both become `N:e`, `Øvre` and
/// `Østre` both `Ø:e`.
pub const COLON_CONTRACTIONS: &[(&str, &str)] = &[
    ("Øvre", "Ø:e"),
    ("Nedre", "N:e"),
    ("Søndre", "S:e"),
    ("Nordre", "N:e"),
    ("Store", "St:e"),
    ("Lille", "L:e"),
    ("Vestre", "V:e"),
    ("Østre", "Ø:e"),
];

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

/// The doubled-letter pairs of a sex.
pub fn pairs(sex: Sex) -> &'static [(&'static str, &'static str)] {
    match sex {
        Sex::Man => MEN_PAIRS,
        Sex::Woman => WOMEN_PAIRS,
    }
}

/// Every given name of the lists (both sexes).
pub fn all_given() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = Vec::new();
    for sex in [Sex::Man, Sex::Woman] {
        v.extend_from_slice(plain(sex));
        for f in families(sex) {
            v.extend_from_slice(f);
        }
        for &(a, b) in pairs(sex) {
            v.push(a);
            v.push(b);
        }
    }
    v
}

/// Every surname of the lists.
pub fn all_surnames() -> Vec<&'static str> {
    let mut v = SURNAMES.to_vec();
    for &(a, b) in SURNAME_PLUS_ONE {
        v.push(a);
        v.push(b);
    }
    v
}

/// The spelling family a given name belongs to, if any.
pub fn family_of(name: &str) -> Option<&'static [&'static str]> {
    MEN_FAMILIES
        .iter()
        .chain(WOMEN_FAMILIES)
        .copied()
        .find(|f| f.iter().any(|n| n.eq_ignore_ascii_case(name)))
}

/// The word processor dictionary's form of a given name, if the name is of a family and is
/// not that form itself.
pub fn dictionary_form(name: &str) -> Option<&'static str> {
    let f = family_of(name)?;
    (f[0] != name).then_some(f[0])
}

fn partner_in(list: &[(&'static str, &'static str)], name: &str) -> Option<&'static str> {
    list.iter().find_map(|&(a, b)| {
        if a == name {
            Some(b)
        } else if b == name {
            Some(a)
        } else {
            None
        }
    })
}

/// The doubled-letter pair partner of a given name, if it has one.
pub fn given_partner(name: &str) -> Option<&'static str> {
    partner_in(MEN_PAIRS, name).or_else(|| partner_in(WOMEN_PAIRS, name))
}

/// The plus-one partner of a surname, if it has one.
pub fn surname_partner(name: &str) -> Option<&'static str> {
    partner_in(SURNAME_PLUS_ONE, name)
}

/// Whether two given names are one name to a clerk (equal or of one family).
pub fn same_given(a: &str, b: &str) -> bool {
    a == b || family_of(a).is_some_and(|f| f.contains(&b))
}

/// The Swedish colon contraction of a prefix, if it is one.
pub fn colon_contraction(word: &str) -> Option<&'static str> {
    COLON_CONTRACTIONS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|&(_, c)| c)
}

/// The other streets named after a person of the same surname (indices into
/// [`MINING_PEOPLE`]).
pub fn surname_twins(who: usize) -> Vec<usize> {
    let s = MINING_PEOPLE[who].1;
    (0..MINING_PEOPLE.len())
        .filter(|&i| i != who && MINING_PEOPLE[i].1 == s)
        .collect()
}

/// A stem glued to an ending, three like consonants written as two as Norwegian spelling
/// does (`Granitt` and `toppen` give `Granittoppen`, `Stoll` and `lia` give `Stollia`).
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
