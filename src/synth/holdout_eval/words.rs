//! The word lists: given names and surnames with rough frequencies, spelling variants,
//! and the parts street names are made of.

/// Men's given names.
#[rustfmt::skip]
pub(super) const MALE: &[(&str, u16)] = &[
    ("Jan", 50), ("Per", 40), ("Bjørn", 33), ("Ole", 31), ("Lars", 30), ("Kjell", 27),
    ("Knut", 26), ("Arne", 25), ("Svein", 24), ("Thomas", 24), ("Hans", 23), ("Geir", 22),
    ("Tor", 21), ("Martin", 21), ("Andreas", 20), ("Morten", 20), ("Erik", 20), ("Terje", 19),
    ("John", 19), ("Anders", 19), ("Jon", 18), ("Odd", 17), ("Kristian", 17), ("Rune", 17),
    ("Trond", 17), ("Tore", 16), ("Harald", 16), ("Espen", 15), ("Daniel", 15), ("Nils", 15),
    ("Magnus", 15), ("Jonas", 14), ("Christian", 14), ("Stian", 13), ("Olav", 13),
    ("Gunnar", 13), ("Fredrik", 13), ("Øyvind", 13), ("Henrik", 13), ("Jørgen", 12),
    ("Eirik", 12), ("Marius", 12), ("Alexander", 12), ("Kristoffer", 12), ("Sindre", 11),
    ("Helge", 11), ("Einar", 11), ("Leif", 11), ("Roger", 11), ("Jens", 11), ("Tom", 11),
    ("Dag", 11), ("Sverre", 10), ("Stein", 10), ("Vidar", 10), ("Petter", 10), ("Steinar", 10),
    ("Egil", 10), ("Frode", 10), ("Ivar", 10), ("Atle", 9), ("Kenneth", 9), ("Jørn", 9),
    ("Håkon", 9), ("Sondre", 9), ("Mathias", 9), ("Sander", 9), ("Emil", 9), ("Even", 9),
    ("Tobias", 9), ("Sigurd", 8), ("Eivind", 8), ("Sebastian", 8), ("Kåre", 8), ("Finn", 8),
    ("Arild", 8), ("Reidar", 8), ("Johan", 8), ("Roar", 8), ("Robert", 8), ("Pål", 8),
    ("Ola", 8), ("Karl", 8), ("Erling", 8), ("Stig", 8), ("Rolf", 8), ("Oddvar", 7),
    ("Bjarne", 7), ("Jakob", 7), ("Kjetil", 7), ("Ove", 7), ("Torbjørn", 7), ("Øystein", 7),
    ("Adrian", 7), ("Markus", 7), ("Elias", 7), ("William", 6), ("Oskar", 6), ("Filip", 6),
    ("Lukas", 6), ("Isak", 6), ("Mats", 6), ("Vegard", 6), ("Simen", 6), ("Johannes", 6),
    ("Noah", 5), ("Benjamin", 5), ("Ruben", 5), ("Henning", 5), ("Ståle", 5), ("Trygve", 5),
    ("Halvor", 5), ("Asbjørn", 5), ("Torstein", 5), ("Anton", 5), ("Aksel", 5), ("Mikkel", 5),
    ("Joakim", 5), ("Audun", 5), ("Arvid", 5), ("Alf", 5), ("Tommy", 5), ("Thor", 5),
    ("Christoffer", 5), ("Andre", 5), ("Bård", 5), ("Inge", 5), ("Tormod", 4), ("Gaute", 4),
    ("Jacob", 4), ("Vetle", 4), ("Jo", 4), ("Ketil", 4), ("Gustav", 4), ("Bernt", 4),
    ("Ingvar", 4), ("Lasse", 4), ("Nikolai", 4), ("Ragnar", 4), ("Rasmus", 4), ("Runar", 4),
    ("Sigmund", 4), ("Ulrik", 4), ("Viktor", 4), ("Carl", 4), ("Kim", 4), ("Jarle", 4),
    ("Magne", 4), ("Steffen", 4), ("Jostein", 4), ("Åge", 4), ("Mohammad", 4), ("Hallvard", 3),
    ("Harry", 3), ("Kai", 3), ("Torgeir", 3), ("Trym", 3), ("Oscar", 3), ("Matias", 3),
    ("Stefan", 3), ("Aleksander", 3), ("Marcus", 3), ("Lucas", 3), ("Mikael", 3),
    ("Michael", 3), ("Sven", 3), ("Yngve", 3), ("Ørjan", 3), ("Eskil", 3), ("Robin", 3),
    ("Endre", 3), ("Birger", 3), ("Peder", 3), ("Peter", 3), ("Muhammad", 3), ("Ali", 3),
    ("Nicolai", 2), ("Tomas", 2), ("Mattias", 2), ("Stephan", 1), ("Åsmund", 2),
    ("Aasmund", 1), ("Teodor", 2), ("Theodor", 2), ("Jonathan", 2), ("Richard", 2),
    ("Brede", 2), ("Leon", 2), ("Olaf", 2), ("Preben", 2), ("Snorre", 2), ("Tarjei", 2),
    ("Torfinn", 2), ("Vebjørn", 2), ("Arnfinn", 2), ("Bendik", 2), ("Gisle", 2), ("Karsten", 2),
    ("Ludvig", 2), ("Ahmed", 2), ("Piotr", 2), ("Tomasz", 2), ("Ottar", 2), ("Aslak", 2),
    ("Kristen", 2), ("Paul", 2), ("Kolbjørn", 2), ("Haakon", 2), ("Sveinung", 2),
    ("Torleif", 2), ("Hendrik", 1), ("Thore", 1), ("Thorbjørn", 1), ("Thorstein", 1),
    ("Frederik", 1), ("Kaare", 1), ("Jonatan", 1), ("Philip", 1), ("Eric", 1), ("Rikard", 1),
    ("Hakon", 1), ("Sjur", 1), ("Tord", 1), ("Torkel", 1), ("Ådne", 1), ("Eilif", 1),
    ("Fridtjof", 1), ("Guttorm", 1), ("Andrzej", 1), ("Eigil", 1), ("Olve", 1), ("Gjert", 1),
    ("Torjus", 1), ("Severin", 1), ("Geirmund", 1), ("Gard", 1),
];

/// Women's given names.
#[rustfmt::skip]
pub(super) const FEMALE: &[(&str, u16)] = &[
    ("Anne", 43), ("Inger", 38), ("Kari", 35), ("Marit", 30), ("Ingrid", 28), ("Liv", 25),
    ("Eva", 22), ("Berit", 22), ("Anna", 22), ("Astrid", 21), ("Bjørg", 19), ("Hilde", 19),
    ("Marianne", 18), ("Solveig", 18), ("Randi", 18), ("Ida", 18), ("Nina", 17), ("Maria", 17),
    ("Elisabeth", 16), ("Kristin", 16), ("Bente", 15), ("Heidi", 15), ("Silje", 15),
    ("Hanne", 15), ("Gerd", 14), ("Linda", 14), ("Tone", 14), ("Tove", 13), ("Elin", 13),
    ("Anita", 13), ("Wenche", 12), ("Camilla", 12), ("Ellen", 12), ("Ragnhild", 12),
    ("Karin", 12), ("Hege", 12), ("Ann", 11), ("Mona", 11), ("Else", 11), ("Marte", 11),
    ("Sissel", 11), ("Julie", 11), ("Trine", 11), ("Nora", 10), ("Unni", 10), ("Turid", 10),
    ("Grethe", 10), ("Emma", 10), ("Ingeborg", 10), ("Laila", 9), ("Kristine", 9), ("Sara", 9),
    ("Siri", 9), ("Monica", 9), ("Åse", 9), ("Aud", 9), ("Toril", 9), ("Helene", 9),
    ("Mari", 9), ("Line", 9), ("Kirsten", 8), ("Hanna", 8), ("Irene", 8), ("Lene", 8),
    ("Cecilie", 8), ("Anette", 8), ("Sigrid", 8), ("Mette", 8), ("Kjersti", 7), ("Gro", 7),
    ("Reidun", 7), ("Martine", 7), ("Ingvild", 7), ("Karoline", 7), ("Stine", 7), ("Thea", 7),
    ("Emilie", 7), ("Tonje", 7), ("Marie", 7), ("Synnøve", 6), ("Vigdis", 6),
    ("Christine", 6), ("Elise", 6), ("Lise", 6), ("Sofie", 6), ("Vibeke", 6), ("Andrea", 6),
    ("Torill", 5), ("Marthe", 5), ("Margrethe", 5), ("Margit", 5), ("Gunn", 5),
    ("Gunhild", 5), ("Jorunn", 5), ("Jenny", 5), ("Mia", 5), ("Malin", 5), ("Amalie", 5),
    ("Eline", 5), ("Frida", 5), ("Ingunn", 5), ("Johanne", 5), ("Katrine", 5), ("Maren", 5),
    ("Merete", 5), ("Siv", 5), ("Susanne", 5), ("Torunn", 5), ("Beate", 5), ("Britt", 5),
    ("Eli", 5), ("Karen", 5), ("Therese", 5), ("Guro", 4), ("Caroline", 4), ("Hedda", 4),
    ("Inga", 4), ("Ine", 4), ("Ina", 4), ("Janne", 4), ("Cathrine", 4), ("Lisbeth", 4),
    ("Pernille", 4), ("Ruth", 4), ("Tina", 4), ("Victoria", 4), ("Vilde", 4), ("Anja", 4),
    ("Gudrun", 4), ("Lena", 4), ("Linn", 4), ("Mathilde", 4), ("Signe", 4), ("Guri", 4),
    ("Jane", 3), ("Kathrine", 3), ("Kine", 3), ("Marita", 3), ("Oda", 3), ("Rakel", 3),
    ("Rebekka", 3), ("Selma", 3), ("Sophie", 3), ("Solfrid", 3), ("Sunniva", 3), ("Synne", 3),
    ("Tiril", 3), ("Tuva", 3), ("Åshild", 3), ("Agnes", 3), ("Alice", 3), ("Dagny", 3),
    ("Elsa", 3), ("Erna", 3), ("Helga", 3), ("Hilda", 3), ("Iselin", 3), ("Josefine", 3),
    ("Kaja", 3), ("Karina", 3), ("Kristina", 3), ("Lisa", 3), ("Maja", 3), ("Oddrun", 3),
    ("Rita", 3), ("Sandra", 3), ("Sølvi", 3), ("Vera", 3), ("Ingri", 2), ("Ellinor", 2),
    ("Live", 2), ("Lotte", 2), ("Olaug", 2), ("Rebecca", 2), ("Ronja", 2), ("Svanhild", 2),
    ("Viktoria", 2), ("Yvonne", 2), ("Aase", 2), ("Aslaug", 2), ("Benedikte", 2), ("Brit", 2),
    ("Dagrun", 2), ("Evy", 2), ("Hjørdis", 2), ("Jannicke", 2), ("Kamilla", 2), ("Carina", 2),
    ("Christina", 2), ("Lill", 2), ("Magnhild", 2), ("Monika", 2), ("Natalia", 2),
    ("Norunn", 2), ("Oddny", 2), ("Ragna", 2), ("Ranveig", 2), ("Rigmor", 2), ("Rikke", 2),
    ("Tale", 2), ("Tora", 2), ("Tordis", 2), ("Torhild", 2), ("Veronica", 2), ("Veronika", 2),
    ("Åsa", 2), ("Agnieszka", 2), ("Fatima", 2), ("Christin", 1), ("Josephine", 1),
    ("Terese", 1), ("Matilde", 1), ("Marion", 1), ("Nanna", 1), ("Petra", 1), ("Øydis", 1),
    ("Henny", 1), ("Edel", 1), ("Wenke", 1), ("Sanna", 1), ("Idun", 1),
];

/// Surnames.
#[rustfmt::skip]
pub(super) const SURNAMES: &[(&str, u16)] = &[
    ("Hansen", 50), ("Johansen", 47), ("Olsen", 46), ("Larsen", 35), ("Andersen", 34),
    ("Pedersen", 32), ("Nilsen", 31), ("Kristiansen", 23), ("Jensen", 22), ("Karlsen", 21),
    ("Johnsen", 20), ("Pettersen", 18), ("Eriksen", 17), ("Berg", 16), ("Haugen", 14),
    ("Hagen", 14), ("Johannessen", 13), ("Andreassen", 12), ("Jacobsen", 11), ("Dahl", 11),
    ("Jørgensen", 11), ("Halvorsen", 11), ("Henriksen", 10), ("Lund", 10), ("Sørensen", 10),
    ("Jakobsen", 9), ("Moen", 9), ("Gundersen", 9), ("Iversen", 9), ("Strand", 9),
    ("Solberg", 9), ("Svendsen", 8), ("Eide", 8), ("Knutsen", 8), ("Martinsen", 8),
    ("Paulsen", 8), ("Bakken", 8), ("Kristoffersen", 8), ("Mathisen", 8), ("Lie", 8),
    ("Amundsen", 7), ("Nguyen", 7), ("Rasmussen", 7), ("Ali", 7), ("Lunde", 7), ("Solheim", 7),
    ("Berge", 7), ("Moe", 7), ("Nygård", 7), ("Bakke", 7), ("Kristensen", 7), ("Fredriksen", 6),
    ("Holm", 6), ("Lien", 6), ("Hauge", 6), ("Christensen", 6), ("Andresen", 6), ("Nielsen", 6),
    ("Knudsen", 6), ("Evensen", 6), ("Sæther", 6), ("Aas", 6), ("Myhre", 6), ("Hanssen", 6),
    ("Ahmed", 6), ("Haugland", 6), ("Thomassen", 6), ("Sivertsen", 6), ("Simonsen", 5),
    ("Danielsen", 5), ("Berntsen", 5), ("Sandvik", 5), ("Rønning", 5), ("Arnesen", 5),
    ("Antonsen", 5), ("Næss", 5), ("Vik", 5), ("Haug", 5), ("Ellingsen", 5), ("Thorsen", 5),
    ("Edvardsen", 5), ("Birkeland", 5), ("Isaksen", 5), ("Gulbrandsen", 5), ("Ruud", 5),
    ("Aasen", 5), ("Strøm", 5), ("Myklebust", 5), ("Tangen", 5), ("Ødegård", 5),
    ("Eliassen", 5), ("Helland", 5), ("Bøe", 5), ("Jenssen", 4), ("Aune", 4),
    ("Mikkelsen", 4), ("Tveit", 4), ("Brekke", 4), ("Abrahamsen", 4), ("Madsen", 4),
    ("Hovland", 4), ("Engen", 4), ("Wold", 4), ("Nordby", 4), ("Dale", 4), ("Sletten", 4),
    ("Jansen", 4), ("Løken", 4), ("Holmen", 4), ("Eikeland", 4), ("Sandberg", 4), ("Fosse", 4),
    ("Bjerke", 4), ("Sunde", 4), ("Ottesen", 4), ("Nygaard", 4), ("Haaland", 4),
    ("Syversen", 4), ("Hermansen", 4), ("Engebretsen", 4), ("Mortensen", 4), ("Magnussen", 4),
    ("Hussain", 4), ("Berget", 3), ("Lindberg", 3), ("Ødegaard", 3), ("Kvam", 3), ("Vold", 3),
    ("Ulriksen", 3), ("Teigen", 3), ("Rød", 3), ("Rud", 3), ("Tvedt", 3), ("Steen", 3),
    ("Stene", 3), ("Tollefsen", 3), ("Torgersen", 3), ("Sætre", 3), ("Hoel", 3),
    ("Kleven", 3), ("Wiik", 3), ("Viken", 3), ("Stokke", 3), ("Brun", 3), ("Kolstad", 3),
    ("Gjerde", 3), ("Nilssen", 3), ("Bertelsen", 3), ("Johannesen", 3), ("Bjørnstad", 3),
    ("Hammer", 3), ("Gabrielsen", 3), ("Petersen", 3), ("Bråthen", 3), ("Solli", 3),
    ("Wang", 3), ("Aamodt", 3), ("Mo", 3), ("Nes", 3), ("Rustad", 3), ("Khan", 3),
    ("Mohamed", 3), ("Tran", 3), ("Håland", 2), ("Sæle", 2), ("Ramstad", 2), ("Grønli", 2),
    ("Grønvold", 2), ("Olsson", 2), ("Kvalheim", 2), ("Skoglund", 2), ("Røed", 2),
    ("Nordli", 2), ("Karlsson", 2), ("Holter", 2), ("Sandnes", 2), ("Berntzen", 2),
    ("Nesse", 2), ("Sandvold", 2), ("Thorvaldsen", 2), ("Aarseth", 2), ("Skaug", 2),
    ("Strømme", 2), ("Fjeld", 2), ("Furu", 2), ("Haugan", 2), ("Myrvold", 2), ("Nesheim", 2),
    ("Torp", 2), ("Ueland", 2), ("Øien", 2), ("Ås", 2), ("Pham", 2), ("Nowak", 2),
    ("Grønning", 2), ("Sørli", 2), ("Kjær", 2), ("Bø", 2), ("Lægreid", 1), ("Hellesø", 1),
    ("Bakkeli", 1), ("Rønneberg", 1), ("Stavrum", 1), ("Larssen", 1), ("Hegge", 1),
    ("Vestby", 1), ("Kowalski", 1), ("Wojcik", 1), ("Lewandowski", 1), ("Andersson", 1),
    ("Fjærli", 1), ("Åsheim", 1), ("Bråten", 1), ("Løvås", 1), ("Kråkenes", 1),
    ("Sjøberg", 1), ("Grøtting", 1), ("Dæhli", 1), ("Ølstad", 1), ("Særheim", 1),
    ("Tønnessen", 1), ("Hæhre", 1), ("Mæland", 1), ("Råheim", 1), ("Blåsmo", 1),
    ("Frøland", 1), ("Gjøen", 1), ("Kløvstad", 1), ("Rørvik", 1), ("Søvik", 1), ("Bårdsen", 1),
];

/// Spelling variants of one given name: a lead may carry any member for any other.
pub(super) const VARIANTS: &[&[&str]] = &[
    &["Thomas", "Tomas"],
    &["Carl", "Karl"],
    &["Kristoffer", "Christoffer"],
    &["Kristine", "Christine"],
    &["Tor", "Thor"],
    &["Christian", "Kristian"],
    &["Kristin", "Christin"],
    &["Katrine", "Kathrine", "Cathrine"],
    &["Karoline", "Caroline"],
    &["Mathias", "Matias", "Mattias"],
    &["Henrik", "Hendrik"],
    &["Tore", "Thore"],
    &["Torbjørn", "Thorbjørn"],
    &["Torstein", "Thorstein"],
    &["Jakob", "Jacob"],
    &["Fredrik", "Frederik"],
    &["Nikolai", "Nicolai"],
    &["Oskar", "Oscar"],
    &["Viktor", "Victor"],
    &["Håkon", "Haakon", "Hakon"],
    &["Kåre", "Kaare"],
    &["Åsmund", "Aasmund"],
    &["Åse", "Aase"],
    &["Teodor", "Theodor"],
    &["Alexander", "Aleksander"],
    &["Markus", "Marcus"],
    &["Lukas", "Lucas"],
    &["Mikael", "Michael"],
    &["Jonatan", "Jonathan"],
    &["Filip", "Philip"],
    &["Erik", "Eric"],
    &["Rikard", "Richard"],
    &["Stefan", "Stephan"],
    &["Sofie", "Sophie"],
    &["Josefine", "Josephine"],
    &["Camilla", "Kamilla"],
    &["Karina", "Carina"],
    &["Kristina", "Christina"],
    &["Monica", "Monika"],
    &["Veronica", "Veronika"],
    &["Victoria", "Viktoria"],
    &["Rebekka", "Rebecca"],
    &["Therese", "Terese"],
    &["Mathilde", "Matilde"],
    &["Marte", "Marthe"],
    &["Toril", "Torill"],
    &["Olav", "Olaf"],
    &["Peter", "Petter"],
];

/// Surnames of the persons streets are named after (besides [`SURNAMES`]).
#[rustfmt::skip]
pub(super) const STREET_PERSONS: &[&str] = &[
    "Raanes", "Ibsen", "Nansen", "Bjørnson", "Grieg", "Wergeland", "Munch", "Kielland",
    "Castberg", "Sverdrup", "Vinje", "Collett", "Hamsun", "Undset", "Welhaven", "Asbjørnsen",
    "Thrane", "Tordenskiold", "Falsen", "Heyerdahl", "Michelsen", "Løvland", "Bull", "Holberg",
    "Wessel", "Skram", "Garborg", "Duun", "Bojer", "Krohg", "Tidemand", "Gude", "Sinding",
    "Nordraak", "Kjerulf", "Lammers", "Egeberg", "Treschow", "Anker", "Sars", "Abel", "Eyde",
    "Scheel", "Schweigaard", "Stang", "Aasen", "Moe", "Dybwad", "Blix", "Lindeman", "Bødtker",
    "Mohn", "Sundt", "Ueland", "Jæger", "Frølich", "Ræder", "Aall", "Løkke", "Brænne",
];

/// Given names of the persons streets are named after.
#[rustfmt::skip]
pub(super) const STREET_GIVEN: &[&str] = &[
    "Hans", "Henrik", "Johan", "Peter", "Olav", "Kristian", "Nils", "Ole", "Jacob", "Carl",
    "Fridtjof", "Edvard", "Ivar", "Aasmund", "Alexander", "Halvdan", "Herman", "Niels",
    "Gustav", "Christian", "Harald", "Einar", "Thorvald", "Ludvig", "Camilla", "Amalie",
    "Sigrid", "Gina", "Fredrikke", "Aasta", "Dagny", "Marcus", "Anders", "Erling", "Rasmus",
    "Knud", "Jonas", "Arne", "Bernt", "Gabriel", "Wilhelm", "Tormod", "Eilert", "Sofus",
];

/// Streets named after a title and a name (`Kong Oscars gate`).
#[rustfmt::skip]
pub(super) const TITLED: &[&str] = &[
    "Kong Oscars", "Kong Haakons", "Kong Olavs", "Kong Christians", "Kong Magnus'",
    "Dronning Mauds", "Dronning Eufemias", "Prins Olavs", "Biskop Gunnerus'", "Doktor Holms",
    "Kaptein Linges", "Konsul Jebsens", "Fru Hansens", "Pastor Bangs", "Lensmann Hiorths",
];

/// First parts of compound street names.
#[rustfmt::skip]
pub(super) const STEMS: &[&str] = &[
    "Sag", "Kirke", "Skole", "Stor", "Bjørke", "Furu", "Gran", "Eike", "Hassel", "Lønne",
    "Rogne", "Selje", "Blåbær", "Tyttebær", "Multe", "Rips", "Kirsebær", "Eple", "Plomme",
    "Sol", "Måne", "Stjerne", "Fjell", "Ås", "Bakke", "Dal", "Strand", "Sjø", "Havne",
    "Brygge", "Jernbane", "Stasjons", "Torg", "Mølle", "Smie", "Kvern", "Elve", "Bekke", "Foss",
    "Myr", "Eng", "Løkke", "Mark", "Skog", "Li", "Hauge", "Nes", "Vik", "Holme", "Berg",
    "Stein", "Fjord", "Bru", "Gårds", "Preste", "Kongs", "Dronning", "Skipper", "Los",
    "Fiskar", "Bonde", "Tømmer", "Kalk", "Tegl", "Kobber", "Sølv", "Ravne", "Svane", "Due",
    "Måke", "Ørne", "Spurve", "Trost", "Lerke", "Hauk", "Falke", "Reve", "Elg", "Hjorte",
    "Bjørne", "Ulve", "Rype", "Orre", "Nype", "Rose", "Lilje", "Fiol", "Kløver", "Hvete",
    "Havre", "Rug", "Lin", "Humle", "Einer", "Lyng", "Mose", "Tjern", "Kilde", "Sand", "Mo",
    "Flat", "Rud", "Tveit", "Hage", "Park", "Tun", "Tårn", "Slotts", "Borg", "Voll", "Skanse",
    "Kloster", "Kapell", "Lensmanns", "Skriver", "Doktor", "Apotek", "Post", "Telegraf",
    "Toll", "Stabbur", "Låve", "Sæter", "Ny", "Gamle", "Vår", "Sommer", "Høst", "Vinter",
    "Fure", "Lerke", "Kongle", "Bråte", "Rydning", "Grøn", "Krok", "Bøk", "Ask", "Alm",
    "Older", "Vier", "Ekorn", "Fasan", "Fugle", "Heste", "Sau", "Geite", "Kalve", "Fe",
];

/// Ends of compound street names (`Sag` + `veien`) with weights.
#[rustfmt::skip]
pub(super) const SUFFIXES: &[(&str, u16)] = &[
    ("veien", 34), ("vegen", 8), ("gata", 14), ("gate", 6), ("stien", 5), ("bakken", 5),
    ("lia", 3), ("svingen", 4), ("tunet", 3), ("åsen", 2), ("jordet", 2), ("løkka", 2),
    ("plassen", 2), ("ringen", 2), ("kroken", 2), ("haugen", 2), ("grenda", 1), ("brekka", 1),
    ("vollen", 1), ("kleiva", 1),
];

/// Ends of streets named after persons (`Hans Raanes` + `vei`).
#[rustfmt::skip]
pub(super) const PERSON_SUFFIXES: &[(&str, u16)] = &[
    ("vei", 45), ("gate", 30), ("veg", 5), ("plass", 8), ("allé", 7), ("terrasse", 2),
];

/// Street prefixes, with the abbreviations lists write for them.
pub(super) const PREFIXES: &[(&str, &[&str])] = &[
    ("Øvre", &["Ø.", "Øvr.", "Ø"]),
    ("Nedre", &["N.", "Nedr.", "N"]),
    ("Søndre", &["S.", "Sdr.", "Søndr."]),
    ("Nordre", &["N.", "Ndr.", "Nordr."]),
    ("Store", &["St.", "St", "Stor."]),
    ("Lille", &["L.", "Ll.", "L"]),
    ("Vestre", &["V.", "Vestr.", "V"]),
    ("Østre", &["Ø.", "Østr.", "Ø"]),
];

/// The prefix that often faces each of [`PREFIXES`] in the same town (Øvre/Nedre).
pub(super) const PREFIX_PARTNER: [usize; 8] = [1, 0, 3, 2, 5, 4, 7, 6];

// ---------------------------------------------------------------------------------------------
// Postcodes, names, the world
// ---------------------------------------------------------------------------------------------
