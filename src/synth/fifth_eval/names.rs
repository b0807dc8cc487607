//! The fifth set's word lists, written for this module: given names of men and women
//! (Norwegian and immigrant), surnames, groups of spellings of one given name, written short
//! forms of given names, and the words streets are made of. Lists are ordered roughly
//! commonest first; draws are skewed towards their heads.

/// Norwegian men's given names.
pub(crate) const MEN: &[&str] = &[
    "Jan", "Per", "Bjørn", "Ole", "Lars", "Kjell", "Knut", "Arne", "Svein", "Hans", "Geir",
    "Tor", "Morten", "Terje", "Odd", "Erik", "Martin", "Andreas", "Rune", "Trond", "Harald",
    "Jon", "Olav", "Anders", "Thomas", "Kristian", "Espen", "Stian", "Jørgen", "Håkon",
    "Magnus", "Henrik", "Sindre", "Eirik", "Jonas", "Mathias", "Sander", "Emil", "Tobias",
    "Aksel", "Kristoffer", "Carl", "Sverre", "Øyvind", "Ståle", "Pål", "Vidar", "Roar", "Leif",
    "Gunnar", "Torstein", "Einar", "Johannes", "Johan", "Fredrik", "Theodor", "Aleksander",
    "Filip", "Oskar", "Sigurd", "Ivar", "Halvor", "Asbjørn", "Torbjørn", "Arvid", "Gaute",
    "Ludvig", "Brage", "Vebjørn", "Christian", "Mikael", "Eskil", "Tormod", "Ragnvald", "Kåre",
    "Dag", "Reidar", "Helge", "Audun", "Bård", "Sigve", "Jostein", "Ketil", "Ottar", "Yngve",
];

/// Norwegian women's given names.
pub(crate) const WOMEN: &[&str] = &[
    "Anne", "Inger", "Kari", "Marit", "Ingrid", "Liv", "Eva", "Berit", "Astrid", "Bjørg",
    "Hilde", "Randi", "Solveig", "Ragnhild", "Wenche", "Tone", "Heidi", "Silje", "Ida", "Nora",
    "Emma", "Sara", "Thea", "Ingvild", "Kristine", "Katrine", "Camilla", "Karoline",
    "Elisabeth", "Margrethe", "Mathilde", "Sofie", "Åse", "Sølvi", "Gro", "Unni", "Mette",
    "Vibeke", "Torill", "Synnøve", "Signe", "Maja", "Julie", "Hanne", "Lene", "Marianne",
    "Merete", "Siv", "Grethe", "Gunhild", "Ellen", "Aud", "Turid", "Frida", "Ingeborg", "Live",
    "Amalie", "Hedda", "Tuva", "Dagny", "Borghild", "Kjersti", "Ragna", "Jorunn", "Målfrid",
    "Gudrun", "Vigdis", "Oddny", "Bodil", "Herdis", "Tordis", "Æsa", "Runa", "Idun",
];

/// Men's given names of immigrant families.
pub(crate) const IMMIGRANT_MEN: &[&str] = &[
    "Mohammed", "Ali", "Ahmed", "Hassan", "Omar", "Piotr", "Tomasz", "Krzysztof", "Minh",
    "Duc", "Yusuf", "Abdi", "Ibrahim", "Mustafa", "Tariq", "Imran", "Dariusz", "Marek", "Hung",
    "Ahmad", "Rashid", "Goran", "Milan", "Arben",
];

/// Women's given names of immigrant families.
pub(crate) const IMMIGRANT_WOMEN: &[&str] = &[
    "Fatima", "Aisha", "Amina", "Maryam", "Zainab", "Agnieszka", "Katarzyna", "Linh", "Lan",
    "Hawa", "Ayan", "Sadia", "Nadia", "Huong", "Malgorzata", "Jelena", "Leyla", "Samira",
    "Hodan", "Ewa",
];

/// Norwegian surnames.
pub(crate) const SURNAMES: &[&str] = &[
    "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen",
    "Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen",
    "Johannessen", "Andreassen", "Jacobsen", "Dahl", "Jørgensen", "Halvorsen", "Henriksen",
    "Lund", "Sørensen", "Moen", "Gundersen", "Iversen", "Strand", "Solberg", "Svendsen",
    "Eide", "Knutsen", "Martinsen", "Paulsen", "Bakken", "Kristoffersen", "Mathisen", "Lie",
    "Amundsen", "Rasmussen", "Lunde", "Solheim", "Berge", "Moe", "Nygård", "Bakke",
    "Fredriksen", "Holm", "Lien", "Hauge", "Andresen", "Knudsen", "Evensen", "Sæther", "Aas",
    "Myhre", "Haugland", "Thomassen", "Sivertsen", "Simonsen", "Danielsen", "Berntsen",
    "Sandvik", "Rønning", "Arnesen", "Antonsen", "Næss", "Sandberg", "Ødegård", "Løken",
    "Bråthen", "Mæland", "Dæhlie", "Strømme", "Grønli", "Kvåle", "Rød", "Brekke", "Tveit",
    "Fjeld", "Vik", "Hovland", "Østby", "Årdal", "Bøe", "Skjæran", "Sørlie", "Grønvold", "Skår",
    "Brøndbo", "Torgersen", "Ellingsen", "Nordby", "Lysne", "Vatne", "Hegge", "Fossum",
    "Kleven", "Rustad", "Ulvestad", "Sunde", "Tangen", "Aune", "Gulbrandsen", "Engebretsen",
    "Flaten", "Kolstad", "Hovde", "Midtbø", "Råheim", "Furuseth", "Bjørnstad", "Lægreid",
];

/// Surnames of immigrant families.
pub(crate) const IMMIGRANT_SURNAMES: &[&str] = &[
    "Nguyen", "Ali", "Ahmed", "Hussain", "Khan", "Tran", "Pham", "Kowalski", "Nowak",
    "Wozniak", "Yilmaz", "Hassan", "Mohamud", "Abdi", "Warsame", "Petrovic", "Jovanovic",
    "Rahman", "Iqbal", "Aziz", "Omar", "Le", "Kaya", "Demir", "Zielinski", "Mirza",
];

/// Groups of spellings of one given name (the first is the commoner; each written one is on
/// a list above or is the lead's other spelling).
pub(crate) const SPELLINGS: &[&[&str]] = &[
    &["Thomas", "Tomas"],
    &["Carl", "Karl"],
    &["Kristoffer", "Christoffer", "Kristofer"],
    &["Tor", "Thor"],
    &["Torstein", "Thorstein"],
    &["Torbjørn", "Thorbjørn"],
    &["Kristian", "Christian"],
    &["Kristine", "Christine", "Kristin"],
    &["Katrine", "Kathrine", "Cathrine"],
    &["Camilla", "Kamilla"],
    &["Karoline", "Caroline", "Carolina"],
    &["Elisabeth", "Elisabet", "Elizabeth"],
    &["Margrethe", "Margareth", "Margrete"],
    &["Mathilde", "Matilde"],
    &["Sofie", "Sophie"],
    &["Vibeke", "Wibeke"],
    &["Torill", "Toril", "Thorill"],
    &["Wenche", "Wenke", "Venke"],
    &["Mathias", "Matias", "Mattias"],
    &["Aksel", "Axel"],
    &["Theodor", "Teodor"],
    &["Aleksander", "Alexander"],
    &["Filip", "Philip"],
    &["Oskar", "Oscar"],
    &["Mohammed", "Muhammad", "Mohamed", "Mohammad"],
    &["Ahmed", "Ahmad"],
    &["Mikael", "Michael", "Mickael"],
    &["Ragnhild", "Ragnild"],
    &["Ketil", "Kjetil"],
    &["Håkon", "Haakon"],
    &["Pål", "Paal"],
    &["Kåre", "Kaare"],
    &["Fredrik", "Frederik", "Fredric"],
    &["Henrik", "Hendrik"],
    &["Bård", "Baard"],
    &["Maryam", "Mariam"],
];

/// Written short forms of given names in old registers and hand-typed lists: (name, form).
pub(crate) const SHORT_FORMS: &[(&str, &str)] = &[
    ("Christian", "Chr."),
    ("Christoffer", "Chr."),
    ("Kristian", "Kr."),
    ("Kristoffer", "Kr."),
    ("Johannes", "Joh."),
    ("Johan", "Joh."),
    ("Thomas", "Th."),
    ("Theodor", "Th."),
    ("Torbjørn", "Tb."),
    ("Fredrik", "Fr."),
    ("Margrethe", "Marg."),
    ("Elisabeth", "Elis."),
    ("Aleksander", "Aleks."),
    ("Mohammed", "Md."),
    ("Ingeborg", "Ingeb."),
];

/// Stems of compound street names.
pub(crate) const STREET_STEMS: &[&str] = &[
    "Bjørke", "Furu", "Grane", "Lønne", "Sol", "Kløver", "Mølle", "Sjø", "Strand", "Kirke",
    "Skole", "Prest", "Tyri", "Rogn", "Hassel", "Eike", "Lind", "Selje", "Hegg", "Bringebær",
    "Blåbær", "Tytte", "Multe", "Rype", "Ørne", "Hauk", "Falke", "Spurve", "Trost", "Måke",
    "Ekorn", "Rev", "Elg", "Hjorte", "Fjell", "Dal", "Myr", "Sand", "Stein", "Bekke", "Elve",
    "Foss", "Bru", "Stasjons", "Torg", "Hamne", "Brygge", "Sag", "Smie", "Gard", "Enge",
    "Åker", "Stabbur", "Låve", "Sæter", "Vår", "Sommer", "Lyng", "Mose", "Kveld", "Morgen",
    "Nøtte", "Kirsebær", "Plomme", "Eple", "Humle", "Rose", "Fiol", "Lilje", "Tiur", "Gaupe",
    "Oter", "Bever", "Skjære", "Kråke", "Svane", "Hare", "Fole", "Kalve", "Seter", "Tømmer",
];

/// Endings of compound street names.
pub(crate) const STREET_ENDINGS: &[&str] = &[
    "veien", "vegen", "gata", "bakken", "lia", "tunet", "stien", "løkka", "haugen", "jordet",
    "svingen", "åsen", "kroken", "myra", "tråkket", "plassen", "grenda", "brinken", "hagen",
    "kollen",
];

/// Given names of the persons streets are named after.
pub(crate) const STREET_PERSON_GIVEN: &[&str] = &[
    "Hans", "Gudrun", "Olav", "Sigrid", "Magnus", "Helga", "Anders", "Ingeborg", "Peder",
    "Marie", "Johan", "Karen", "Nils", "Ragna", "Halfdan", "Aasta", "Ivar", "Kirsten", "Jens",
    "Dorothea", "Eilert", "Camilla", "Rasmus", "Thorvald",
];

/// Surnames of the persons streets are named after.
pub(crate) const STREET_PERSON_SURNAMES: &[&str] = &[
    "Raanes", "Grieg", "Tveter", "Aasen", "Vinje", "Skram", "Undset", "Collett", "Wergeland",
    "Bull", "Nansen", "Kielland", "Sverdrup", "Mohn", "Krohg", "Thrane", "Welhaven",
    "Kittelsen", "Vigeland", "Ueland", "Rønneberg", "Stang", "Falsen", "Kjerulf", "Hauge",
    "Bergh", "Løvland", "Sømme", "Ørsted", "Sæverud",
];

/// Endings of person-named streets.
pub(crate) const STREET_PERSON_ENDINGS: &[&str] = &["vei", "gate", "plass", "allé", "veg"];

/// Street prefixes, each with the abbreviations leads write for it.
pub(crate) const PREFIXES: &[(&str, &[&str])] = &[
    ("Øvre", &["Ø.", "Øvr.", "Øv."]),
    ("Nedre", &["N.", "Ndr.", "Nedr."]),
    ("Søndre", &["S.", "Sdr.", "Søndr."]),
    ("Nordre", &["N.", "Nrd.", "Nordr."]),
    ("Store", &["St.", "Sto.", "St"]),
    ("Lille", &["L.", "Lll.", "Lle."]),
    ("Vestre", &["V.", "Vestr.", "Vstr."]),
    ("Østre", &["Ø.", "Østr.", "Ø"]),
];

/// Partner prefixes: a street `Øvre X` often has a `Nedre X`.
pub(crate) const PREFIX_PARTNERS: &[(&str, &str)] = &[
    ("Øvre", "Nedre"),
    ("Søndre", "Nordre"),
    ("Store", "Lille"),
    ("Vestre", "Østre"),
];
