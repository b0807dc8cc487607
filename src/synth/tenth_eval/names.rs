//! The tenth set's own word lists: Norwegian given names (with the spelling groups of one
//! name), surnames, six immigrant origins, street stems and endings, persons streets are named
//! after, and street prefixes with their abbreviations. Written for this set; copied from no
//! other file.

use rand::Rng;

/// Norwegian men's given names; every spelling of a group in [`SPELLINGS`] is here too.
pub const MEN: &[&str] = &[
    "Ole",
    "Lars",
    "Knut",
    "Per",
    "Hans",
    "Bjørn",
    "Arne",
    "Geir",
    "Terje",
    "Rune",
    "Trond",
    "Odd",
    "Svein",
    "Helge",
    "Jarle",
    "Eivind",
    "Sindre",
    "Håkon",
    "Vegard",
    "Øystein",
    "Audun",
    "Torbjørn",
    "Steinar",
    "Gunnar",
    "Leif",
    "Halvard",
    "Aslak",
    "Endre",
    "Sverre",
    "Torgeir",
    "Vidar",
    "Yngve",
    "Åsmund",
    "Magnus",
    "Sigurd",
    "Henrik",
    "Emil",
    "Jonas",
    "Tobias",
    "Elias",
    "Sander",
    "Martin",
    "Anders",
    "Morten",
    "Espen",
    "Frode",
    "Kjell",
    "Ivar",
    "Ingvar",
    "Bendik",
    "Thomas",
    "Tomas",
    "Carl",
    "Karl",
    "Kristoffer",
    "Christoffer",
    "Tor",
    "Thor",
    "Christian",
    "Kristian",
    "Fredrik",
    "Frederik",
    "Bård",
    "Baard",
];

/// Norwegian women's given names; every spelling of a group in [`SPELLINGS`] is here too.
pub const WOMEN: &[&str] = &[
    "Kari",
    "Ingrid",
    "Liv",
    "Anne",
    "Solveig",
    "Berit",
    "Randi",
    "Gro",
    "Torill",
    "Hege",
    "Turid",
    "Wenche",
    "Astrid",
    "Åshild",
    "Synnøve",
    "Gudrun",
    "Marit",
    "Sigrun",
    "Eldbjørg",
    "Borghild",
    "Tone",
    "Nina",
    "Hilde",
    "Silje",
    "Ida",
    "Nora",
    "Emma",
    "Maja",
    "Tuva",
    "Frida",
    "Oda",
    "Live",
    "Maren",
    "Signe",
    "Ragna",
    "Dagny",
    "Helga",
    "Jorunn",
    "Bodil",
    "Unni",
    "Kristine",
    "Christine",
    "Ragnhild",
    "Ragnild",
    "Vibeke",
    "Wibeke",
    "Carina",
    "Karina",
    "Camilla",
    "Kamilla",
    "Josefine",
    "Josephine",
    "Gunnhild",
    "Gunhild",
    "Tove",
    "Maria",
];

/// Spellings of one given name (the six groups first).
pub const SPELLINGS: &[&[&str]] = &[
    &["Thomas", "Tomas"],
    &["Carl", "Karl"],
    &["Kristoffer", "Christoffer"],
    &["Kristine", "Christine"],
    &["Tor", "Thor"],
    &["Christian", "Kristian"],
    &["Fredrik", "Frederik"],
    &["Bård", "Baard"],
    &["Ragnhild", "Ragnild"],
    &["Vibeke", "Wibeke"],
    &["Carina", "Karina"],
    &["Camilla", "Kamilla"],
    &["Josefine", "Josephine"],
    &["Gunnhild", "Gunhild"],
];

/// Norwegian surnames.
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
    "Johnsen",
    "Pettersen",
    "Eriksen",
    "Berg",
    "Haugen",
    "Hagen",
    "Jørgensen",
    "Halvorsen",
    "Dahl",
    "Bakken",
    "Solberg",
    "Strand",
    "Lunde",
    "Mathisen",
    "Sæther",
    "Holm",
    "Moen",
    "Myhre",
    "Aasen",
    "Grønli",
    "Våge",
    "Fjeldstad",
    "Tveit",
    "Nygård",
    "Brekke",
    "Rønning",
    "Løkken",
    "Aune",
    "Bråten",
    "Skjærvø",
    "Kvam",
    "Thorsen",
    "Gjerde",
    "Hovland",
    "Sandvik",
    "Økland",
    "Torvik",
    "Rognstad",
    "Furuseth",
    "Åsheim",
    "Bjørklund",
    "Vestby",
    "Heggem",
    "Lyngstad",
    "Fossum",
    "Ødegård",
    "Kleppe",
    "Tangen",
    "Sørli",
    "Hårstad",
    "Lund",
    "Berge",
];

/// An immigrant origin present in Norway (named in a comment): its surnames and given names.
pub struct Origin {
    /// Family names.
    pub surnames: &'static [&'static str],
    /// Men's given names.
    pub men: &'static [&'static str],
    /// Women's given names.
    pub women: &'static [&'static str],
}

/// Six origins none of the eighth or ninth sets used.
pub const ORIGINS: &[Origin] = &[
    // Afghan.
    Origin {
        surnames: &["Rahimi", "Sultani", "Nazari", "Hakimi"],
        men: &["Farid", "Najib", "Zabihullah", "Mirwais"],
        women: &["Zarghona", "Fereshta", "Nilofar", "Mursal"],
    },
    // Kurdish.
    Origin {
        surnames: &["Barzani", "Mustafa Ali", "Kareem", "Zebari"],
        men: &["Rebaz", "Dilshad", "Shwan", "Hiwa"],
        women: &["Rojin", "Shilan", "Berivan", "Avin"],
    },
    // Sri Lankan Tamil.
    Origin {
        surnames: &["Sivakumar", "Tharmalingam", "Rajaratnam", "Yogarajah"],
        men: &["Kajan", "Thuvaragan", "Sutharsan", "Niroshan"],
        women: &["Tharani", "Kowsalya", "Mathumitha", "Sinthuja"],
    },
    // Ethiopian.
    Origin {
        surnames: &["Tesfaye", "Gebremariam", "Alemu", "Haile"],
        men: &["Dawit", "Yonas", "Biniam", "Mulugeta"],
        women: &["Selamawit", "Hiwot", "Meron", "Tigist"],
    },
    // Turkish.
    Origin {
        surnames: &["Yilmaz", "Öztürk", "Kaya", "Çelik"],
        men: &["Mehmet", "Emre", "Burak", "Serkan"],
        women: &["Elif", "Zeynep", "Büşra", "Gülsen"],
    },
    // Romanian.
    Origin {
        surnames: &["Popescu", "Ionescu", "Dumitrescu", "Stanciu"],
        men: &["Mihai", "Bogdan", "Cristian", "Florin"],
        women: &["Ioana", "Andreea", "Roxana", "Mădălina"],
    },
];

/// Street stems glued to an ending (`Tyttebær` + `stien`).
pub const STEMS: &[&str] = &[
    "Blåbær",
    "Kløver",
    "Reinrose",
    "Smørblomst",
    "Hvitveis",
    "Prestekrage",
    "Tiriltunge",
    "Vårskrinneblom",
    "Røsslyng",
    "Kongle",
    "Nøtte",
    "Rogn",
    "Selje",
    "Lønne",
    "Kastanje",
    "Kvernstein",
    "Smie",
    "Garveri",
    "Bakeri",
    "Tønne",
    "Slipp",
    "Reperbane",
    "Tollbod",
    "Skole",
    "Kirke",
    "Prest",
    "Lensmann",
    "Doktor",
    "Postmester",
    "Jernbane",
    "Stasjons",
    "Dampskip",
    "Seter",
    "Fjøs",
    "Låve",
    "Stabbur",
    "Kvee",
    "Hage",
    "Eng",
    "Åker",
    "Bekke",
    "Fosse",
    "Tjern",
    "Myr",
    "Ås",
    "Haug",
    "Berg",
    "Sol",
    "Måne",
    "Stjerne",
];

/// Street endings, in both written forms where Norwegian has two.
pub const ENDINGS: &[&str] = &[
    "veien", "vegen", "gata", "gaten", "stien", "bakken", "lia", "åsen", "haugen", "tunet",
    "jordet", "løkka", "svingen", "toppen",
];

/// Given names of persons streets are named after.
pub const STREET_GIVEN: &[&str] = &[
    "Hans", "Ole", "Johan", "Kristian", "Anders", "Peder", "Marie", "Camilla", "Aasta", "Halfdan",
    "Gustav", "Harald", "Sigrid", "Amalie", "Nikolai", "Erling",
];

/// Surnames of persons streets are named after.
pub const STREET_SURNAMES: &[&str] = &[
    "Raanes",
    "Vinje",
    "Collett",
    "Egge",
    "Skram",
    "Undset",
    "Vogt",
    "Sverdrup",
    "Aukrust",
    "Kielland",
    "Welhaven",
    "Falsen",
    "Hoel",
    "Bull",
    "Storm",
    "Wergeland",
    "Lie",
    "Garborg",
];

/// Street types after a person's name.
pub const PERSON_TYPES: &[&str] = &["vei", "veg", "gate", "plass", "allé"];

/// Street prefixes, each with its partner and its written abbreviations.
pub struct Prefix {
    /// The prefix in full.
    pub word: &'static str,
    /// The index of its partner in [`PREFIXES`].
    pub partner: usize,
    /// Abbreviations as lead lists write them.
    pub short: &'static [&'static str],
}

/// The eight prefixes.
pub const PREFIXES: &[Prefix] = &[
    Prefix {
        word: "Øvre",
        partner: 1,
        short: &["Ø.", "Øvr.", "Ø"],
    },
    Prefix {
        word: "Nedre",
        partner: 0,
        short: &["N.", "Nedr.", "Ndr."],
    },
    Prefix {
        word: "Søndre",
        partner: 3,
        short: &["S.", "Sdr.", "Søndr."],
    },
    Prefix {
        word: "Nordre",
        partner: 2,
        short: &["N.", "Nr.", "Nordr."],
    },
    Prefix {
        word: "Store",
        partner: 5,
        short: &["St.", "Sto.", "St"],
    },
    Prefix {
        word: "Lille",
        partner: 4,
        short: &["L.", "Lil.", "Ll."],
    },
    Prefix {
        word: "Vestre",
        partner: 7,
        short: &["V.", "Vestr.", "Vr."],
    },
    Prefix {
        word: "Østre",
        partner: 6,
        short: &["Ø.", "Østr.", "Ø"],
    },
];

/// Titles some lists write before a name (dropped by the judge).
pub const TITLES: &[&str] = &["fru", "frk", "hr", "herr", "dr"];

/// A draw leaning to a list's head (index `⌊len · u^1.5⌋`).
pub fn pick<'a, R: Rng>(rng: &mut R, list: &[&'a str]) -> &'a str {
    let u: f64 = rng.random();
    let i = ((list.len() as f64) * u.powf(1.5)) as usize;
    list[i.min(list.len() - 1)]
}

/// The other spellings of `word`'s group (empty if it has none).
pub fn other_spellings(word: &str) -> Vec<&'static str> {
    SPELLINGS
        .iter()
        .find(|g| g.contains(&word))
        .map(|g| g.iter().copied().filter(|w| *w != word).collect())
        .unwrap_or_default()
}
