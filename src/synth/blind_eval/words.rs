//! The word lists, written for this generator: given names by origin, sex and era and surnames
//! with rough Norwegian frequencies (weights are rough counts in hundreds of bearers), spelling
//! variants and sound-alikes, second given names, and the parts street names are made of
//! (stems, prefixes, suffixes, persons streets are named after).

/// When a given name was most given: before 1960, 1960–1984, from 1985, or throughout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Era {
    Old,
    Mid,
    Young,
    All,
}
use Era::{All as A, Mid as M, Old as O, Young as Y};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sex {
    Male,
    Female,
}

/// Where a household's names come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Origin {
    Norwegian,
    Polish,
    Arabic,
    Vietnamese,
    Swedish,
    German,
}
pub(super) const ORIGINS: [(Origin, u32); 6] = [
    (Origin::Norwegian, 880),
    (Origin::Polish, 25),
    (Origin::Arabic, 45),
    (Origin::Vietnamese, 6),
    (Origin::Swedish, 15),
    (Origin::German, 8),
];

pub(super) type GivenList = &'static [(&'static str, u16, Era)];

#[rustfmt::skip]
pub(super) const NO_MALE: GivenList = &[
    ("Jan", 200, M), ("Per", 180, O), ("Bjørn", 170, O), ("Ole", 160, A), ("Lars", 150, A),
    ("Kjell", 140, O), ("Knut", 140, O), ("Arne", 130, O), ("Svein", 130, O), ("Thomas", 120, M),
    ("Hans", 110, O), ("Geir", 105, M), ("Tor", 100, O), ("Morten", 100, M), ("Terje", 95, M),
    ("Odd", 90, O), ("Erik", 90, A), ("Martin", 90, Y), ("Andreas", 90, Y), ("John", 85, O),
    ("Anders", 85, A), ("Rune", 80, M), ("Trond", 80, M), ("Tore", 75, M), ("Jon", 75, A),
    ("Nils", 70, O), ("Harald", 65, O), ("Espen", 65, M), ("Daniel", 65, Y), ("Kristian", 60, A),
    ("Stian", 60, M), ("Kristoffer", 55, Y), ("Magnus", 55, Y), ("Christian", 55, M),
    ("Gunnar", 55, O), ("Jørgen", 50, A), ("Eirik", 50, Y), ("Rolf", 50, O), ("Olav", 50, O),
    ("Øyvind", 50, M), ("Tom", 50, M), ("Petter", 45, M), ("Marius", 45, Y), ("Leif", 45, O),
    ("Jens", 45, A), ("Helge", 45, O), ("Einar", 45, O), ("Frode", 45, M), ("Fredrik", 45, Y),
    ("Alexander", 45, Y), ("Kåre", 40, O), ("Johannes", 40, Y), ("Håkon", 40, Y),
    ("Sindre", 40, Y), ("Jonas", 40, Y), ("Sverre", 35, O), ("Vidar", 35, M), ("Tommy", 35, M),
    ("Egil", 35, O), ("Roar", 35, M), ("Dag", 35, O), ("Atle", 35, M), ("Trygve", 30, O),
    ("Steinar", 35, O), ("Kjetil", 35, M), ("Karl", 35, O), ("Henrik", 35, Y), ("Sander", 35, Y),
    ("Mathias", 35, Y), ("Emil", 35, Y), ("Tobias", 30, Y), ("Jakob", 30, Y), ("Sigurd", 25, Y),
    ("Even", 25, Y), ("Vegard", 30, Y), ("Ivar", 30, O), ("Ketil", 20, M), ("Kenneth", 30, M),
    ("Robert", 25, M), ("Sondre", 30, Y), ("Elias", 25, Y), ("William", 25, Y), ("Filip", 20, Y),
    ("Oskar", 20, Y), ("Aksel", 20, Y), ("Ola", 30, A), ("Pål", 30, M), ("Halvor", 20, A),
    ("Torbjørn", 25, O), ("Sigmund", 20, O), ("Reidar", 25, O), ("Roger", 30, M),
    ("Ronny", 20, M), ("Glenn", 15, M), ("Jørn", 20, M), ("Kim", 25, M), ("Thor", 20, O),
    ("Carl", 20, A), ("Tomas", 15, M), ("Christoffer", 25, Y), ("Eivind", 25, M),
    ("Audun", 20, M), ("Arild", 25, M), ("Asbjørn", 20, O), ("Bjarne", 25, O), ("Tormod", 10, O),
    ("Magne", 20, O), ("Yngve", 15, M), ("Øystein", 30, M), ("Inge", 25, O), ("Arvid", 20, O),
    ("Finn", 20, O), ("Gisle", 10, M), ("Hallvard", 10, M), ("Jostein", 15, M), ("Lasse", 15, M),
    ("Mads", 15, Y), ("Nicolai", 15, Y), ("Nikolai", 15, Y), ("Adrian", 25, Y),
    ("Benjamin", 20, Y), ("Sebastian", 25, Y), ("Jonathan", 15, Y), ("Simen", 20, Y),
    ("Simon", 15, Y), ("Eskil", 10, Y), ("Isak", 15, Y), ("Noah", 15, Y), ("Lucas", 15, Y),
    ("Ludvig", 10, Y), ("Theodor", 10, Y), ("Teodor", 5, Y), ("Herman", 15, Y), ("Johan", 35, A),
    ("Åge", 20, O), ("Alf", 20, O), ("Erling", 20, O), ("Gustav", 15, A), ("Henning", 15, M),
    ("Ingvar", 15, O), ("Jarle", 15, M), ("Kai", 10, M), ("Kurt", 10, O), ("Mikael", 15, Y),
    ("Michael", 15, M), ("Ove", 15, O), ("Ragnar", 20, O), ("Rasmus", 15, Y), ("Sigve", 10, M),
    ("Stein", 20, O), ("Steffen", 15, M), ("Torstein", 15, M), ("Thorstein", 3, O),
    ("Vebjørn", 10, Y), ("Viktor", 15, Y), ("Aleksander", 25, Y), ("André", 25, M),
    ("Andre", 8, M), ("René", 5, M), ("Are", 10, M), ("Arve", 15, M), ("Bendik", 10, Y),
    ("Birger", 10, O), ("Casper", 5, Y), ("Kasper", 10, Y), ("Dagfinn", 10, O), ("Edvard", 10, O),
    ("Endre", 10, M), ("Erlend", 15, M), ("Gaute", 10, M), ("Gjermund", 10, M),
    ("Gudmund", 10, O), ("Haakon", 10, O), ("Harry", 10, O), ("Ivan", 10, M), ("Jacob", 10, Y),
    ("Joakim", 15, Y), ("Joachim", 10, Y), ("Kent", 10, M), ("Kristen", 5, O), ("Leiv", 5, O),
    ("Markus", 20, Y), ("Marcus", 10, Y), ("Mats", 10, M), ("Mikkel", 15, Y), ("Odin", 10, Y),
    ("Oddvar", 15, O), ("Olaf", 10, O), ("Oliver", 15, Y), ("Otto", 5, O), ("Peder", 20, A),
    ("Peter", 20, A), ("Remi", 10, M), ("Roald", 5, O), ("Robin", 10, Y), ("Sivert", 10, Y),
    ("Torgeir", 10, M), ("Truls", 10, M), ("Vetle", 10, Y), ("Willy", 10, O), ("Øivind", 10, M),
    ("Ørjan", 10, M), ("Åsmund", 10, O), ("Philip", 5, Y), ("Frederik", 5, Y), ("Matias", 5, Y),
    ("Matthias", 5, Y), ("Hendrik", 3, O), ("Hermann", 3, O), ("Thore", 3, O),
    ("Thorbjørn", 3, O), ("Kristofer", 3, Y), ("Tord", 5, M), ("Tarjei", 5, M), ("Njål", 5, O),
    ("Kolbjørn", 5, O), ("Arnfinn", 5, O), ("Oddbjørn", 5, O), ("Svenn", 5, O),
    ("Håvard", 20, M), ("Amund", 10, Y), ("Brage", 5, Y), ("Ulrik", 10, Y), ("Jørund", 5, M),
    ("Torleif", 5, O), ("Bård", 15, M), ("Kjartan", 10, M), ("Lorentz", 5, O), ("Mons", 5, O),
    ("Nikolas", 5, Y), ("Severin", 5, Y), ("Syver", 5, Y), ("Thorvald", 5, O), ("Trym", 5, Y),
    ("Vemund", 5, M), ("Wilhelm", 5, O), ("Yngvar", 5, O), ("Øyvin", 3, M), ("Geirmund", 3, O),
];

#[rustfmt::skip]
pub(super) const NO_FEMALE: GivenList = &[
    ("Anne", 180, A), ("Inger", 160, O), ("Kari", 150, O), ("Marit", 140, O), ("Ingrid", 130, A),
    ("Liv", 120, O), ("Eva", 100, A), ("Berit", 100, O), ("Astrid", 95, O), ("Bjørg", 90, O),
    ("Hilde", 90, M), ("Anna", 90, A), ("Solveig", 85, O), ("Marianne", 85, M), ("Randi", 80, O),
    ("Ida", 80, Y), ("Nina", 80, M), ("Ragnhild", 75, O), ("Elisabeth", 75, A),
    ("Kristin", 75, M), ("Silje", 70, Y), ("Hanne", 70, M), ("Heidi", 70, M), ("Tone", 65, M),
    ("Ellen", 65, O), ("Gro", 60, O), ("Turid", 55, O), ("Wenche", 55, M), ("Grete", 50, O),
    ("Else", 50, O), ("Unni", 50, O), ("Camilla", 50, Y), ("Linda", 55, M), ("Ingeborg", 50, A),
    ("Åse", 50, O), ("Karin", 50, O), ("Mari", 50, Y), ("Julie", 50, Y), ("Sissel", 45, O),
    ("Kirsten", 45, O), ("Tove", 45, O), ("Gunn", 40, O), ("Janne", 40, M), ("Mona", 40, M),
    ("Lene", 40, M), ("Kristine", 40, Y), ("Christine", 25, M), ("Maria", 50, Y), ("Emma", 45, Y),
    ("Nora", 40, Y), ("Sara", 40, Y), ("Thea", 40, Y), ("Ingvild", 35, M), ("Marte", 35, Y),
    ("Marthe", 15, Y), ("Stine", 40, M), ("Monica", 20, M), ("Monika", 15, M), ("Anita", 40, M),
    ("Trine", 35, M), ("Cecilie", 35, M), ("Siri", 35, M), ("Line", 40, M), ("Laila", 30, O),
    ("Hege", 40, M), ("Vigdis", 30, O), ("Torill", 30, O), ("Sigrid", 35, A), ("Gerd", 35, O),
    ("Britt", 30, O), ("Brit", 10, O), ("Ruth", 25, O), ("Bente", 40, M), ("Aud", 30, O),
    ("Reidun", 20, O), ("Synnøve", 20, O), ("Rannveig", 15, O), ("Ranveig", 5, O),
    ("Margrethe", 25, A), ("Margrete", 10, O), ("Guro", 20, Y), ("Tonje", 35, Y), ("Malin", 25, Y),
    ("Emilie", 40, Y), ("Hanna", 35, Y), ("Helene", 35, Y), ("Maren", 35, Y), ("Karoline", 30, Y),
    ("Caroline", 15, Y), ("Katrine", 25, Y), ("Kathrine", 20, M), ("Catrine", 5, M),
    ("Kristina", 15, M), ("Christina", 10, M), ("Jorunn", 25, O), ("Oddny", 15, O),
    ("Oddrun", 15, O), ("Eli", 25, O), ("Mette", 45, M), ("Vibeke", 25, M), ("Lise", 30, M),
    ("Elin", 40, M), ("Merete", 30, M), ("Merethe", 5, M), ("Grethe", 25, O), ("Ann", 25, M),
    ("Anette", 35, M), ("Annette", 10, M), ("Susanne", 25, M), ("Therese", 30, M),
    ("Terese", 3, M), ("Tina", 25, M), ("Lill", 15, O), ("Gunhild", 20, O), ("Gunnhild", 5, O),
    ("Sofie", 35, Y), ("Sophie", 10, Y), ("Ingunn", 25, M), ("Kjersti", 25, M), ("Kirsti", 15, O),
    ("Eline", 25, Y), ("Henriette", 15, Y), ("Ella", 15, Y), ("Olivia", 20, Y), ("Frida", 25, Y),
    ("Amalie", 25, Y), ("Mia", 20, Y), ("Ina", 20, Y), ("Lisa", 15, Y), ("Vilde", 30, Y),
    ("Victoria", 15, Y), ("Viktoria", 5, Y), ("Tuva", 15, Y), ("Andrea", 30, Y),
    ("Martine", 30, Y), ("Mathilde", 20, Y), ("Matilde", 3, Y), ("Pernille", 20, Y),
    ("Madeleine", 10, Y), ("Veronica", 10, M), ("Veronika", 5, M), ("Rebecca", 10, Y),
    ("Rebekka", 5, Y), ("Ragna", 10, O), ("Signe", 20, A), ("Hedda", 10, Y), ("Selma", 10, Y),
    ("Live", 10, Y), ("Agnes", 10, A), ("Alma", 10, Y), ("Aslaug", 10, O), ("Borghild", 10, O),
    ("Dagny", 10, O), ("Edith", 10, O), ("Elsa", 10, O), ("Gudrun", 15, O), ("Gunvor", 15, O),
    ("Hildegunn", 10, M), ("Johanne", 25, A), ("Jenny", 15, Y), ("Kamilla", 5, Y),
    ("Kine", 15, M), ("Magnhild", 10, O), ("Margit", 15, O), ("Marie", 45, A), ("May", 10, O),
    ("Oda", 15, Y), ("Renate", 10, M), ("Renée", 3, M), ("Rigmor", 10, O), ("Sidsel", 15, O),
    ("Sigrun", 10, O), ("Solfrid", 10, O), ("Svanhild", 10, O), ("Synne", 10, Y),
    ("Torunn", 20, O), ("Trude", 35, M), ("Wenke", 5, M), ("Åshild", 10, O), ("Åsa", 5, M),
    ("Nathalie", 10, M), ("Natalie", 5, Y), ("Irene", 20, O), ("Helga", 10, O), ("Hilda", 5, O),
    ("Linn", 20, Y), ("Pia", 10, M), ("Ine", 10, Y), ("Tiril", 15, Y), ("Sunniva", 15, Y),
    ("Elisabet", 3, O), ("Mathea", 10, Y), ("Marion", 5, M), ("Bodil", 10, O), ("Ellinor", 5, O),
    ("Hjørdis", 10, O), ("Lillian", 10, O), ("Ylva", 5, Y), ("Idun", 5, Y), ("Stina", 5, Y),
    ("Ronja", 5, Y), ("Edel", 5, O), ("Eldbjørg", 10, O), ("Karen", 30, O), ("Tordis", 5, O),
    ("Mildrid", 5, O), ("Petra", 5, O), ("Solbjørg", 5, O), ("Tora", 5, Y),
    ("Louise", 10, Y), ("Helen", 10, M),
];

#[rustfmt::skip]
pub(super) const PL_MALE: GivenList = &[
    ("Piotr", 20, A), ("Tomasz", 20, A), ("Krzysztof", 15, A), ("Paweł", 15, A),
    ("Marcin", 15, A), ("Michał", 15, A), ("Andrzej", 10, A), ("Jakub", 10, A), ("Łukasz", 10, A),
    ("Marek", 10, A), ("Grzegorz", 10, A), ("Wojciech", 8, A),
];
#[rustfmt::skip]
pub(super) const PL_FEMALE: GivenList = &[
    ("Anna", 20, A), ("Agnieszka", 15, A), ("Katarzyna", 15, A), ("Małgorzata", 15, A),
    ("Magdalena", 10, A), ("Joanna", 10, A), ("Monika", 10, A), ("Ewa", 10, A),
    ("Aleksandra", 10, A), ("Justyna", 10, A), ("Beata", 10, A),
];
#[rustfmt::skip]
pub(super) const AR_MALE: GivenList = &[
    ("Mohammad", 20, A), ("Mohamed", 25, A), ("Muhammad", 15, A), ("Mohammed", 10, A),
    ("Ahmed", 20, A), ("Ali", 20, A), ("Abdi", 15, A), ("Hassan", 15, A), ("Hussein", 10, A),
    ("Omar", 15, A), ("Yusuf", 10, A), ("Ibrahim", 10, A), ("Abdullahi", 10, A),
    ("Mustafa", 10, A), ("Bilal", 5, A), ("Usman", 5, A), ("Imran", 5, A), ("Adam", 10, A),
];
#[rustfmt::skip]
pub(super) const AR_FEMALE: GivenList = &[
    ("Fatima", 25, A), ("Amina", 20, A), ("Aisha", 15, A), ("Hodan", 10, A), ("Maryam", 15, A),
    ("Khadija", 10, A), ("Sara", 10, A), ("Hawa", 10, A), ("Asha", 10, A), ("Zainab", 10, A),
    ("Nadia", 10, A), ("Sana", 5, A), ("Ayan", 10, A), ("Samira", 5, A),
];
#[rustfmt::skip]
pub(super) const VI_MALE: GivenList = &[
    ("Minh", 10, A), ("Tuan", 10, A), ("Hung", 10, A), ("Duc", 10, A), ("Thanh", 10, A),
    ("Long", 5, A), ("Quang", 5, A),
];
#[rustfmt::skip]
pub(super) const VI_FEMALE: GivenList = &[
    ("Linh", 10, A), ("Lan", 10, A), ("Mai", 10, A), ("Hoa", 10, A), ("Trang", 10, A),
    ("Huong", 10, A), ("Ngoc", 5, A),
];

pub(super) type SurnameList = &'static [(&'static str, u16)];

#[rustfmt::skip]
pub(super) const NO_SURNAMES: SurnameList = &[
    ("Hansen", 500), ("Johansen", 490), ("Olsen", 470), ("Larsen", 400), ("Andersen", 390),
    ("Pedersen", 380), ("Nilsen", 340), ("Kristiansen", 220), ("Jensen", 220), ("Karlsen", 190),
    ("Johnsen", 180), ("Pettersen", 180), ("Eriksen", 170), ("Berg", 160), ("Haugen", 130),
    ("Hagen", 130), ("Johannessen", 120), ("Andreassen", 110), ("Jacobsen", 110), ("Dahl", 100),
    ("Jørgensen", 100), ("Halvorsen", 95), ("Henriksen", 95), ("Lund", 95), ("Sørensen", 90),
    ("Jakobsen", 90), ("Moen", 90), ("Gundersen", 85), ("Iversen", 85), ("Strand", 80),
    ("Solberg", 80), ("Svendsen", 80), ("Eide", 75), ("Knutsen", 75), ("Martinsen", 75),
    ("Paulsen", 70), ("Bakken", 70), ("Kristoffersen", 70), ("Mathisen", 70), ("Lie", 70),
    ("Amundsen", 65), ("Rasmussen", 65), ("Lunde", 60), ("Solheim", 60), ("Berge", 60),
    ("Moe", 60), ("Nygård", 60), ("Bakke", 60), ("Kristensen", 55), ("Fredriksen", 55),
    ("Holm", 55), ("Lien", 55), ("Hauge", 55), ("Christensen", 50), ("Andresen", 50),
    ("Nielsen", 50), ("Knudsen", 50), ("Evensen", 50), ("Sæther", 45), ("Aas", 45),
    ("Myhre", 45), ("Hanssen", 45), ("Haugland", 40), ("Thomassen", 40), ("Sivertsen", 40),
    ("Simonsen", 40), ("Danielsen", 40), ("Berntsen", 40), ("Sandvik", 40), ("Rønning", 40),
    ("Arnesen", 40), ("Antonsen", 35), ("Næss", 35), ("Vik", 35), ("Haug", 35),
    ("Ellingsen", 35), ("Thorsen", 35), ("Edvardsen", 35), ("Birkeland", 35), ("Isaksen", 35),
    ("Gulbrandsen", 30), ("Ruud", 30), ("Aasen", 30), ("Strøm", 30), ("Myklebust", 30),
    ("Tangen", 30), ("Ødegård", 30), ("Eliassen", 30), ("Helland", 30), ("Bøe", 30),
    ("Jenssen", 30), ("Aune", 30), ("Mikkelsen", 30), ("Tveit", 30), ("Brekke", 30),
    ("Abrahamsen", 30), ("Madsen", 30), ("Engen", 25), ("Dale", 25), ("Sandberg", 25),
    ("Ødegaard", 20), ("Hoel", 25), ("Sund", 25), ("Holmen", 25), ("Foss", 25), ("Fjeld", 20),
    ("Bjerke", 20), ("Hovland", 20), ("Nordby", 20), ("Nilssen", 15), ("Jansen", 25),
    ("Torgersen", 25), ("Carlsen", 20), ("Petersen", 20), ("Christiansen", 20),
    ("Mathiesen", 15), ("Bråthen", 15), ("Braathen", 15), ("Sæter", 15), ("Sether", 5),
    ("Nygaard", 20), ("Syvertsen", 10), ("Isachsen", 5), ("Thorgersen", 5), ("Tollefsen", 15),
    ("Frederiksen", 10), ("Johannesen", 10), ("Vold", 15), ("Wold", 10), ("Aasland", 10),
    ("Sandnes", 10), ("Stene", 15), ("Kvam", 10), ("Kvamme", 10), ("Lorentzen", 15), ("Wang", 15),
    ("Vang", 5), ("Lyng", 10), ("Husby", 10), ("Nordli", 10), ("Brekken", 10), ("Rød", 15),
    ("Sletten", 15), ("Voll", 10), ("Raanes", 5), ("Skaug", 10), ("Tveten", 10),
    ("Bjørnstad", 15), ("Nyberg", 10), ("Øien", 10), ("Økland", 10), ("Hermansen", 25),
    ("Kleven", 10), ("Nes", 10), ("Fosse", 10), ("Grande", 15), ("Borge", 10), ("Stokke", 15),
    ("Sunde", 15), ("Hamre", 10), ("Hammer", 15), ("Løken", 15), ("Løvås", 10), ("Kjær", 10),
    ("Mo", 10), ("Eikeland", 15), ("Fjellheim", 10), ("Bertelsen", 15), ("Olaussen", 10),
    ("Olausen", 5), ("Torp", 10), ("Haaland", 20), ("Håland", 10), ("Gjerde", 15), ("Riise", 10),
    ("Rise", 10), ("Bjørklund", 10), ("Dahle", 15), ("Bergersen", 10), ("Haugan", 10),
    ("Engebretsen", 15), ("Gabrielsen", 15), ("Markussen", 15), ("Nikolaisen", 10),
    ("Solbakken", 10), ("Myrvold", 10), ("Helgesen", 15), ("Mæland", 10), ("Bø", 10),
    ("Brun", 10), ("Flaten", 10), ("Holte", 10), ("Teigen", 10), ("Thoresen", 15),
    ("Sørlie", 10), ("Torsen", 3), ("Ås", 5), ("Åsen", 5), ("Alme", 5), ("Aasheim", 5),
    ("Bergh", 5), ("Bjørge", 5), ("Bratli", 5), ("Dalen", 10), ("Ekren", 5), ("Fagerli", 5),
    ("Fossum", 10), ("Furu", 5), ("Gran", 10), ("Grønli", 5), ("Grønvold", 5), ("Hatlen", 5),
    ("Heggen", 5), ("Helle", 5), ("Hjelle", 5), ("Holt", 10), ("Hustad", 5), ("Jakobsson", 2),
    ("Kvalheim", 5), ("Kolstad", 10), ("Lande", 5), ("Langeland", 5), ("Lia", 10), ("Lind", 10),
    ("Lorentsen", 5), ("Løvik", 5), ("Melby", 5), ("Midtbø", 5), ("Mikalsen", 10),
    ("Mortensen", 20), ("Myklebost", 5), ("Nordahl", 5), ("Nyhus", 5), ("Ottesen", 10),
    ("Ovesen", 5), ("Pettersson", 2), ("Reinholdtsen", 3), ("Rustad", 10),
    ("Røed", 5), ("Sand", 10), ("Schjelderup", 3), ("Seland", 5), ("Skjeldal", 3),
    ("Skogen", 10), ("Skar", 5), ("Slettebø", 3), ("Steen", 10), ("Stenersen", 5),
    ("Storm", 5), ("Strømme", 5), ("Svensen", 10), ("Syversen", 10), ("Thune", 5),
    ("Tjelta", 3), ("Tveito", 5), ("Ulriksen", 5), ("Valle", 5), ("Vestby", 3), ("Vestre", 3),
    ("Vikan", 5), ("Wiik", 5), ("Wilhelmsen", 15), ("Østby", 5), ("Øverland", 5),
    ("Aarseth", 5), ("Aarnes", 5), ("Bakkevold", 3), ("Dahlberg", 3), ("Ekeberg", 3),
    ("Gundersrud", 2), ("Hovde", 5), ("Klausen", 15), ("Lauritzen", 10), ("Monsen", 15),
    ("Nordvik", 5), ("Olaisen", 3), ("Pedersby", 2), ("Rolfsen", 5), ("Sandvold", 3),
    ("Thorvaldsen", 5), ("Tobiassen", 10), ("Aanonsen", 3), ("Bach", 3), ("Egeland", 10),
    ("Fjeldstad", 3), ("Gjertsen", 5), ("Hegge", 3), ("Ingebrigtsen", 10), ("Jahren", 3),
    ("Kvåle", 3), ("Larsson", 2), ("Moan", 5), ("Nesse", 5), ("Opsahl", 5), ("Paulsrud", 3),
    ("Rindal", 3), ("Stølen", 3), ("Tronstad", 3), ("Uthaug", 2), ("Vatne", 5), ("Wolden", 3),
    ("Ytterdal", 2), ("Årdal", 3), ("Øvrebø", 3), ("Nordstrand", 3), ("Gravdal", 3),
];
#[rustfmt::skip]
pub(super) const PL_SURNAMES: SurnameList = &[
    ("Nowak", 20), ("Wójcik", 10), ("Mazur", 10), ("Krawczyk", 10), ("Kaczmarek", 10),
    ("Zając", 10), ("Król", 10), ("Wróbel", 10), ("Dudek", 5), ("Pawlak", 5), ("Sikora", 5),
    ("Baran", 5), ("Szewczyk", 5), ("Michalak", 5),
];
#[rustfmt::skip]
pub(super) const AR_SURNAMES: SurnameList = &[
    ("Ali", 25), ("Ahmed", 25), ("Mohamed", 20), ("Mohammed", 5), ("Hassan", 15),
    ("Hussain", 15), ("Hussein", 5), ("Khan", 20), ("Abdi", 15), ("Omar", 10), ("Farah", 10),
    ("Warsame", 5), ("Iqbal", 10), ("Butt", 5), ("Aslam", 5), ("Rashid", 5), ("Ibrahim", 10),
    ("Yusuf", 5), ("Osman", 5), ("Jama", 5), ("Nur", 5), ("Mahamud", 5),
];
#[rustfmt::skip]
pub(super) const VI_SURNAMES: SurnameList = &[
    ("Nguyen", 40), ("Tran", 15), ("Le", 10), ("Pham", 10), ("Hoang", 5), ("Vu", 5), ("Dang", 5),
    ("Bui", 3),
];
#[rustfmt::skip]
pub(super) const SE_SURNAMES: SurnameList = &[
    ("Andersson", 10), ("Johansson", 10), ("Karlsson", 10), ("Nilsson", 10), ("Eriksson", 10),
    ("Larsson", 10), ("Svensson", 10), ("Persson", 10), ("Lindqvist", 5), ("Lundberg", 5),
    ("Berglund", 5), ("Lindström", 5), ("Sjöberg", 5),
];
#[rustfmt::skip]
pub(super) const DE_SURNAMES: SurnameList = &[
    ("Müller", 10), ("Schmidt", 10), ("Schneider", 5), ("Fischer", 5), ("Weber", 5),
    ("Meyer", 5), ("Wagner", 5), ("Becker", 5), ("Schulz", 5), ("Hoffmann", 5),
];

/// Spellings of one given name: a lead may carry any of them for the register's.
#[rustfmt::skip]
pub(super) const GIVEN_VARIANTS: &[&[&str]] = &[
    &["Thomas", "Tomas"], &["Carl", "Karl"], &["Kristoffer", "Christoffer", "Kristofer"],
    &["Tor", "Thor"], &["Christian", "Kristian"], &["Nicolai", "Nikolai"], &["Casper", "Kasper"],
    &["Jacob", "Jakob"], &["Joakim", "Joachim"], &["Markus", "Marcus"],
    &["Mathias", "Matias", "Matthias"], &["Filip", "Philip"], &["Fredrik", "Frederik"],
    &["Theodor", "Teodor"], &["Alexander", "Aleksander"], &["André", "Andre"],
    &["Øyvind", "Øivind", "Øyvin"], &["Leif", "Leiv"], &["Håkon", "Haakon"], &["Mikael", "Michael"],
    &["Olav", "Olaf"], &["Henrik", "Hendrik"], &["Herman", "Hermann"],
    &["Torstein", "Thorstein"], &["Torbjørn", "Thorbjørn"], &["Tore", "Thore"],
    &["Kristine", "Christine"], &["Kristina", "Christina"], &["Katrine", "Kathrine", "Catrine"],
    &["Karoline", "Caroline"], &["Monica", "Monika"], &["Marte", "Marthe"],
    &["Margrethe", "Margrete"], &["Grete", "Grethe"], &["Camilla", "Kamilla"],
    &["Sofie", "Sophie"], &["Anette", "Annette"], &["Rannveig", "Ranveig"], &["Sidsel", "Sissel"],
    &["Wenche", "Wenke"], &["Natalie", "Nathalie"], &["Victoria", "Viktoria"],
    &["Rebecca", "Rebekka"], &["Veronica", "Veronika"], &["Elisabeth", "Elisabet"],
    &["Merete", "Merethe"], &["Therese", "Terese"], &["Mathilde", "Matilde"], &["Britt", "Brit"],
    &["Gunhild", "Gunnhild"],
    &["Mohammad", "Mohamed", "Muhammad", "Mohammed"],
];

/// Spellings of one surname.
#[rustfmt::skip]
pub(super) const SURNAME_VARIANTS: &[&[&str]] = &[
    &["Nilsen", "Nielsen", "Nilssen"], &["Jakobsen", "Jacobsen"],
    &["Kristiansen", "Christiansen"], &["Kristensen", "Christensen"], &["Karlsen", "Carlsen"],
    &["Pedersen", "Petersen"], &["Mathisen", "Mathiesen"], &["Hansen", "Hanssen"],
    &["Jensen", "Jenssen"], &["Johannessen", "Johannesen"], &["Torgersen", "Thorgersen"],
    &["Ødegård", "Ødegaard"], &["Nygård", "Nygaard"], &["Bråthen", "Braathen"],
    &["Sæther", "Sæter", "Sether"], &["Isaksen", "Isachsen"], &["Fredriksen", "Frederiksen"],
    &["Olaussen", "Olausen"], &["Haaland", "Håland"], &["Vold", "Wold"], &["Rise", "Riise"],
    &["Wang", "Vang"], &["Sivertsen", "Syvertsen", "Syversen"], &["Hussain", "Hussein"],
    &["Mohamed", "Mohammed"], &["Thorsen", "Torsen"], &["Aas", "Ås"], &["Aasen", "Åsen"],
    &["Lorentzen", "Lorentsen"], &["Svendsen", "Svensen"],
];

/// Given names that sound alike but are different names, the kind two members of one
/// household can have (same sex).
#[rustfmt::skip]
pub(super) const SOUND_ALIKE: &[(&str, &str)] = &[
    ("Tone", "Anne"), ("Anna", "Anne"), ("Hanne", "Hanna"), ("Kari", "Karin"), ("Mari", "Marit"),
    ("Mari", "Maria"), ("Lise", "Lisa"), ("Line", "Lene"), ("Eli", "Elin"), ("Ida", "Ina"),
    ("Tove", "Tone"), ("Ellen", "Elin"), ("Berit", "Britt"), ("Marit", "Marte"),
    ("Inger", "Ingrid"), ("Kristin", "Kristine"), ("Nina", "Nora"), ("Liv", "Live"),
    ("Hilde", "Hilda"), ("Elsa", "Else"), ("Karen", "Karin"), ("Jon", "Jan"), ("Per", "Pål"),
    ("Ola", "Ole"), ("Tor", "Tore"), ("Tom", "Tor"), ("Arne", "Arve"), ("Are", "Arne"),
    ("Knut", "Kurt"), ("Ivar", "Ivan"), ("Ove", "Ole"), ("Martin", "Morten"),
    ("Kristian", "Kristen"), ("Simen", "Simon"), ("Sindre", "Sondre"), ("Kjell", "Kjetil"),
    ("Jens", "Jan"), ("Odd", "Otto"),
];

/// Given names often borne as the second of two (`Jan Erik`, `Anne-Lise`, `Ole Martin`).
#[rustfmt::skip]
pub(super) const SECOND_GIVEN: &[&str] = &[
    "Erik", "Martin", "Olav", "Arne", "Johan", "Kristian", "Petter", "André", "Inge", "Ove",
    "Egil", "Magnus", "Henrik", "Jørgen", "Christian", "Fredrik", "Morten", "Einar", "Harald",
    "Emil", "Alexander", "Andreas", "Kåre", "Tore", "Ole", "Helge", "Rune", "Gunnar", "Anders",
    "Sverre", "Marius", "Kristoffer", "Tobias", "Sander",
    "Marie", "Lise", "Kristin", "Karin", "Helene", "Sofie", "Elisabeth", "Margrethe", "Johanne",
    "Cecilie", "Kristine", "Mari", "Ann", "Britt", "Lill", "Irene", "Synnøve", "Merete",
    "Katrine", "Marit", "Kari", "Amalie", "Emilie", "Julie", "Andrea", "Therese", "Louise",
    "Berit", "Helen", "Christine", "Anne",
];

/// Stems that do not take a prefix (`Øvre Storgata` is fine, `Lille Øvreveien` is not).
pub(super) const UNPREFIXED_STEMS: &[&str] = &[
    "Stor", "Ny", "Lille", "Øvre", "Nord", "Sør", "Øster", "Vester", "Midt", "Øst", "Vest",
];

/// Stems of avenues (`Lønne allé`).
pub(super) const TREE_STEMS: &[&str] = &[
    "Bjørke", "Eike", "Linde", "Lønne", "Alm", "Aske", "Bøke", "Hassel", "Rogne", "Ospe",
];

/// Word stems of compound street names (`Bjørke` + `veien`).
#[rustfmt::skip]
pub(super) const STEMS: &[&str] = &[
    "Bjørke", "Furu", "Gran", "Eike", "Ospe", "Lønne", "Rogne", "Hegg", "Selje", "Linde", "Alm",
    "Aske", "Older", "Bøke", "Hassel", "Einer", "Lyng", "Sol", "Måne", "Stjerne", "Skole",
    "Kirke", "Preste", "Stasjons", "Jernbane", "Mølle", "Sag", "Smie", "Strand", "Sjø", "Fjord",
    "Havne", "Brygge", "Fjell", "Berg", "Haug", "Ås", "Li", "Dal", "Myr", "Eng", "Åker", "Gårds",
    "Tun", "Løkke", "Kvern", "Bekke", "Elve", "Foss", "Nes", "Vik", "Holme", "Skog", "Lund",
    "Mo", "Sand", "Stein", "Tjern", "Vann", "Hei", "Slette", "Hage", "Blomster", "Rose",
    "Lilje", "Fiol", "Kløver", "Bringebær", "Blåbær", "Tyttebær", "Multe", "Ekorn", "Reve",
    "Hare", "Elg", "Hjorte", "Ørne", "Falke", "Svane", "Due", "Måke", "Lerke", "Trost",
    "Spurve", "Ugle", "Nordlys", "Vår", "Sommer", "Høst", "Vinter", "Stor", "Ny", "Ring", "Park",
    "Industri", "Idretts", "Skytter", "Post", "Toll", "Rådhus", "Sykehus", "Torg", "Kongs",
    "Kanal", "Bro", "Dam", "Kai", "Skipper", "Los", "Fisker", "Bonde", "Smed", "Sjømanns",
    "Varde", "Bauta", "Borg", "Slotts", "Kapell", "Klokker", "Kolle", "Solhaug", "Fagerli",
    "Granli", "Bjørkli", "Furuli", "Vestli", "Østli", "Nordli", "Sørli", "Midt", "Øster",
    "Vester", "Nord", "Sør", "Gjerde", "Grinde", "Stabbur", "Låve", "Seter", "Tømmer", "Kalk",
    "Tegl", "Mur", "Glass", "Salt", "Sild", "Torske", "Laks", "Ørret", "Bakke", "Dokk", "Sluse",
    "Demning", "Utsikts", "Solsikke", "Rips", "Hylle", "Einebær", "Krake", "Heste", "Gjeter",
    "Lille", "Øvre", "Fri", "Fred", "Vel", "Tinghus", "Lensmann", "Doktor", "Meieri",
];

/// The prefixes of street names, their abbreviations in lead data, and the prefix they pair
/// with in one town (`Øvre`/`Nedre` Svanegata). Prefixes sharing an abbreviation share a class.
#[rustfmt::skip]
pub(super) const PREFIXES: &[(&str, &[&str], &str, u8)] = &[
    ("Øvre", &["Ø.", "Ø", "Øvr."], "Nedre", 0),
    ("Nedre", &["N.", "Ndr.", "Nedr."], "Øvre", 1),
    ("Søndre", &["S.", "Sdr.", "Søndr."], "Nordre", 2),
    ("Nordre", &["N.", "Ndr.", "Nordr."], "Søndre", 1),
    ("Store", &["St.", "St"], "Lille", 3),
    ("Lille", &["L.", "L"], "Store", 4),
    ("Vestre", &["V.", "Vestr.", "V"], "Østre", 5),
    ("Østre", &["Ø.", "Østr.", "Ø"], "Vestre", 0),
    ("Gamle", &["Gml.", "G.", "Gml"], "Nye", 6),
    ("Nye", &[], "Gamle", 7),
];

/// A street-name ending: joined to the stem (`Bjørkeveien`) or a word of its own
/// (`Hauges gate`), with the abbreviations and alternative spellings lead data uses for it.
pub(super) struct SuffixDef {
    pub(super) text: &'static str,
    pub(super) separate: bool,
    pub(super) weight: u32,
    pub(super) abbrevs: &'static [&'static str],
    pub(super) alts: &'static [&'static str],
}

pub(super) const fn suffix(
    text: &'static str,
    separate: bool,
    weight: u32,
    abbrevs: &'static [&'static str],
    alts: &'static [&'static str],
) -> SuffixDef {
    SuffixDef {
        text,
        separate,
        weight,
        abbrevs,
        alts,
    }
}

#[rustfmt::skip]
pub(super) const SUFFIXES: &[SuffixDef] = &[
    suffix("veien", false, 30, &["vn.", "v.", "vn"], &["vei", "vegen"]),
    suffix("vegen", false, 8, &["vn.", "v."], &["veien", "veg"]),
    suffix("vei", false, 4, &["v.", "vn."], &["veien"]),
    suffix("gata", false, 14, &["gt.", "gt", "g."], &["gate", "gaten"]),
    suffix("gate", false, 4, &["gt.", "gt"], &["gata"]),
    suffix("stien", false, 5, &[], &["sti"]),
    suffix("bakken", false, 6, &[], &[]),
    suffix("lia", false, 5, &[], &[]),
    suffix("svingen", false, 4, &[], &[]),
    suffix("åsen", false, 3, &[], &[]),
    suffix("tunet", false, 3, &[], &[]),
    suffix("ringen", false, 3, &[], &[]),
    suffix("kroken", false, 2, &[], &[]),
    suffix("haugen", false, 2, &[], &[]),
    suffix("lunden", false, 2, &[], &[]),
    suffix("jordet", false, 1, &[], &[]),
    suffix("toppen", false, 1, &[], &[]),
    suffix("plassen", false, 1, &[], &[]),
    // Words of their own.
    suffix("gate", true, 40, &["gt.", "gt"], &["gata"]),
    suffix("vei", true, 45, &["v.", "vn."], &["veien"]),
    suffix("veg", true, 8, &["v."], &["vei"]),
    suffix("plass", true, 7, &["pl."], &[]),
    suffix("allé", true, 0, &[], &["alle"]),
];

/// Streets named after persons (or titles), with how many leading words are given names.
#[rustfmt::skip]
pub(super) const PERSON_STREETS: &[(&str, u8)] = &[
    ("Hans Nielsen Hauges gate", 2), ("Henrik Ibsens gate", 1), ("Bjørnstjerne Bjørnsons gate", 1),
    ("Henrik Wergelands gate", 1), ("Camilla Colletts vei", 1), ("Christian Michelsens gate", 1),
    ("Fridtjof Nansens vei", 1), ("Roald Amundsens vei", 1), ("Edvard Griegs vei", 1),
    ("Ole Bulls gate", 1), ("Johan Sverdrups gate", 1), ("Christian Krohgs gate", 1),
    ("Edvard Munchs gate", 1), ("Ivar Aasens gate", 1), ("Arne Garborgs gate", 1),
    ("Alexander Kiellands gate", 1), ("Jonas Lies vei", 1), ("Olav Kyrres gate", 1),
    ("Kong Oscars gate", 0), ("Dronning Mauds gate", 0), ("Kronprinsesse Märthas plass", 0),
    ("Magnus Barfots gate", 1), ("Harald Hårfagres gate", 1), ("Olav Tryggvasons gate", 1),
    ("Peter Wessels gate", 1), ("Tordenskiolds gate", 0), ("Niels Juels gate", 1),
    ("Thomas Heftyes gate", 1), ("Gustav Vigelands vei", 1), ("Sigrid Undsets vei", 1),
    ("Knut Hamsuns vei", 1), ("Kirsten Flagstads vei", 1), ("Gina Krogs vei", 1),
    ("Fredrik Stangs gate", 1), ("Carl Berners plass", 1), ("Kristian Augusts gate", 1),
    ("Christian Frederiks plass", 1), ("Halvdan Svartes gate", 1), ("Nils Collett Vogts vei", 2),
    ("Peter Christen Asbjørnsens vei", 2), ("Jørgen Moes vei", 1), ("Aasta Hansteens vei", 1),
    ("Nordahl Griegs vei", 1), ("Ludvig Holbergs gate", 1), ("Hans Egedes gate", 1),
    ("Anders Sandvigs gate", 1), ("Eilert Sundts gate", 1), ("Kongens gate", 0),
    ("Dronningens gate", 0), ("Prinsens gate", 0), ("St. Olavs gate", 0), ("Doktor Holms vei", 0),
    ("Professor Dahls gate", 0), ("Kaptein Linges vei", 0), ("Hans Hagerups gate", 1),
    ("Johan Falkbergets vei", 1), ("Aasmund Vinjes gate", 1), ("Wilhelm Wilhelmsens vei", 1),
];
