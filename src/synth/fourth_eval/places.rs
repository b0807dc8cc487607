//! The fourth set's geography: Norway's postcodes and post towns from the bundled register,
//! and invented streets per post town. A street belongs to one town; in towns with several
//! postcodes every postcode gets its share of streets, and 30 % of streets have their odd and
//! even sides in two neighbouring postcodes (as a street that forms a postcode border does), so
//! one street is at two postcodes and a wrong postcode of the same town can still be the
//! person's street.

use rand::Rng;
use rand_chacha::ChaCha8Rng;
use std::collections::HashSet;

use super::judge::fold;

/// The postcode register bundled with vask.
const POSTCODES_TSV: &str = include_str!("../../../data/postcodes/NO.tsv");

/// Stems of compound street names (nature, trades, buildings), written for this set.
const STEMS: &[&str] = &[
    "Bjerke",
    "Lyng",
    "Furu",
    "Eike",
    "Hegg",
    "Rogne",
    "Selje",
    "Ospe",
    "Lerke",
    "Trost",
    "Måke",
    "Ørne",
    "Reve",
    "Elg",
    "Hjort",
    "Bekke",
    "Myr",
    "Berg",
    "Dal",
    "Ås",
    "Strand",
    "Vik",
    "Nes",
    "Holme",
    "Kvern",
    "Sag",
    "Smie",
    "Mølle",
    "Kirke",
    "Skole",
    "Preste",
    "Lensmann",
    "Stasjon",
    "Torg",
    "Brygge",
    "Sjø",
    "Fjord",
    "Fjell",
    "Haug",
    "Tun",
    "Gårds",
    "Åker",
    "Eng",
    "Løkke",
    "Sol",
    "Stein",
    "Kobber",
    "Jern",
    "Sølv",
    "Blåbær",
    "Tytte",
    "Multe",
    "Bringebær",
    "Kløver",
    "Blåklokke",
    "Hvitveis",
    "Ekorn",
    "Gaupe",
    "Ugle",
    "Hauk",
    "Falke",
    "Svane",
    "Linde",
    "Alm",
    "Lønne",
    "Kastanje",
    "Nype",
    "Rose",
    "Syrin",
    "Tøm",
    "Flø",
    "Grøn",
    "Mose",
    "Lia",
    "Bråte",
    "Rydning",
    "Seter",
    "Støls",
    "Fiske",
    "Båt",
    "Not",
    "Garn",
    "Vær",
    "Ly",
    "Kilde",
    "Brønn",
    "Foss",
    "Elve",
    "Bro",
    "Ferje",
    "Post",
    "Tingstue",
    "Meieri",
    "Skomaker",
    "Teglverk",
    "Tollbu",
    "Verksted",
    "Fabrikk",
    "Rådhus",
    "Park",
    "Hage",
];

/// Endings of compound street names.
const ENDINGS: &[&str] = &[
    "veien", "vegen", "gata", "gate", "stien", "bakken", "lia", "svingen", "åsen", "tunet",
    "haugen", "jordet", "kroken", "plassen", "løkka", "myra", "brekka", "grenda", "ringen",
    "skogen", "dalen", "toppen", "vollen", "vei", "veg", "allé",
];

/// Given names of the invented persons streets are named after (`Hans Raanes vei`).
const HONOREE_GIVEN: &[&str] = &[
    "Hans", "Nils", "Peder", "Anders", "Ole", "Johan", "Kristian", "Fredrik", "Halvdan", "Gunnar",
    "Magnus", "Sverre", "Torvald", "Ingeborg", "Gudrun", "Marie", "Camilla", "Aasta", "Olav",
    "Haakon", "Eilert", "Jens", "Tormod", "Bernt", "Lauritz", "Severin", "Henrik",
];

/// Surnames of the persons streets are named after (none ends in `s`).
const HONOREE_SURNAME: &[&str] = &[
    "Raanes",
    "Lunde",
    "Bratt",
    "Aall",
    "Tveit",
    "Hovde",
    "Sunde",
    "Rygh",
    "Skavlan",
    "Grieg",
    "Welhaven",
    "Wergeland",
    "Collett",
    "Holberg",
    "Kielland",
    "Nansen",
    "Sverdrup",
    "Falsen",
    "Brun",
    "Bull",
    "Krohg",
    "Munch",
    "Tidemand",
    "Gude",
    "Astrup",
    "Dahl",
    "Vinje",
    "Aasen",
    "Blix",
    "Bjelland",
    "Refsdal",
    "Sømme",
    "Kvam",
    "Løvland",
    "Bøgh",
    "Mørch",
    "Thaulow",
];

/// Street words after a person's name.
const PERSON_ENDINGS: &[&str] = &["vei", "gate", "veg", "plass", "allé"];

/// Street prefixes and the prefix of their partner street.
pub(super) const PREFIXES: &[(&str, &str)] = &[
    ("Øvre", "Nedre"),
    ("Nedre", "Øvre"),
    ("Søndre", "Nordre"),
    ("Nordre", "Søndre"),
    ("Store", "Lille"),
    ("Lille", "Store"),
    ("Vestre", "Østre"),
    ("Østre", "Vestre"),
    ("Gamle", "Nye"),
    ("Nye", "Gamle"),
    ("Indre", "Ytre"),
    ("Ytre", "Indre"),
];

/// Farm names used as addresses without a street word (rural addresses: `Haugland 12`).
const FARMS: &[&str] = &[
    "Haugland",
    "Nordbø",
    "Sørbø",
    "Rødal",
    "Tjøstheim",
    "Årstad",
    "Kvålen",
    "Lien",
    "Bø",
    "Ramsli",
    "Skogstad",
    "Breivik",
    "Øvstebø",
    "Haukås",
    "Grønvold",
    "Solbrekke",
    "Vassbotn",
];

/// One street of a post town.
#[derive(Debug, Clone)]
pub(super) struct Street {
    /// The prefix (`Øvre`), if any.
    pub prefix: Option<&'static str>,
    /// The given name of the person the street is named after, if any.
    pub person: Option<&'static str>,
    /// The street without prefix and person's given name (`Svanegata`, `Raanes vei`).
    pub core: String,
    /// The full name (`Øvre Svanegata`, `Hans Raanes vei`).
    pub full: String,
    /// Lenient key a careful reader would give the street: prefix and the person's given name
    /// as initials, the rest folded.
    pub lkey: String,
    /// Postcode (index into [`Places::postcodes`]) of the odd numbers.
    pub odd_postcode: usize,
    /// Postcode of the even numbers.
    pub even_postcode: usize,
    /// Highest house number.
    pub max_number: u32,
}

impl Street {
    /// The postcode of a house number on this street.
    pub fn postcode_of(&self, number: u32) -> usize {
        if number % 2 == 1 {
            self.odd_postcode
        } else {
            self.even_postcode
        }
    }
}

/// One post town.
#[derive(Debug, Clone)]
pub(super) struct Town {
    /// The post town as the register writes it (`OSLO`).
    pub name: String,
    /// Its postcodes (indices into [`Places::postcodes`]).
    pub postcodes: Vec<usize>,
    /// Its streets, busiest first.
    pub streets: Vec<Street>,
}

/// Every postcode and town, with streets.
#[derive(Debug, Clone)]
pub(super) struct Places {
    /// `(postcode, town index)`.
    pub postcodes: Vec<(String, usize)>,
    /// The towns.
    pub towns: Vec<Town>,
    /// Cumulative draw weights of the towns (postcodes^1.2: towns are denser than villages).
    pub town_weights: Vec<f64>,
}

fn pick<'a, T>(rng: &mut ChaCha8Rng, items: &'a [T]) -> &'a T {
    &items[rng.random_range(0..items.len())]
}

fn lenient_key(prefix: Option<&str>, person: Option<&str>, core: &str) -> String {
    let initial = |s: Option<&str>| {
        s.and_then(|s| fold(s).chars().next())
            .map_or(String::new(), String::from)
    };
    let mut core = fold(core);
    for (long, short) in [
        ("gaten", "g"),
        ("gata", "g"),
        ("gate", "g"),
        ("veien", "v"),
        ("vegen", "v"),
        ("vei", "v"),
        ("veg", "v"),
    ] {
        if let Some(stem) = core.strip_suffix(long) {
            core = format!("{stem}{short}");
            break;
        }
    }
    format!("{}|{}|{core}", initial(prefix), initial(person))
}

impl Places {
    /// Reads the postcode register and invents every town's streets.
    pub fn generate(rng: &mut ChaCha8Rng) -> Places {
        let mut postcodes = Vec::new();
        let mut towns: Vec<Town> = Vec::new();
        let mut town_of = std::collections::HashMap::new();
        for line in POSTCODES_TSV.lines().skip(1) {
            let mut cols = line.split('\t');
            let (Some(code), Some(city)) = (cols.next(), cols.next()) else {
                continue;
            };
            let (code, city) = (code.trim(), city.trim());
            if code.len() != 4 || !code.bytes().all(|b| b.is_ascii_digit()) || city.is_empty() {
                continue;
            }
            let t = *town_of.entry(city.to_owned()).or_insert_with(|| {
                towns.push(Town {
                    name: city.to_owned(),
                    postcodes: Vec::new(),
                    streets: Vec::new(),
                });
                towns.len() - 1
            });
            towns[t].postcodes.push(postcodes.len());
            postcodes.push((code.to_owned(), t));
        }
        for town in &mut towns {
            town.streets = streets_of(rng, &town.postcodes);
        }
        let mut acc = 0.0;
        let town_weights = towns
            .iter()
            .map(|t| {
                acc += (t.postcodes.len() as f64).powf(1.2);
                acc
            })
            .collect();
        Places {
            postcodes,
            towns,
            town_weights,
        }
    }

    /// A town drawn by weight.
    pub fn draw_town(&self, rng: &mut ChaCha8Rng) -> usize {
        let total = self.town_weights.last().copied().unwrap_or(0.0);
        let x = rng.random_range(0.0..total.max(f64::MIN_POSITIVE));
        self.town_weights
            .partition_point(|&w| w <= x)
            .min(self.towns.len().saturating_sub(1))
    }
}

/// A compound street name; a stem ending in a double letter loses one before an ending that
/// starts with it (`Fabrikk` + `kroken` = `Fabrikkroken`).
pub(super) fn compound(stem: &str, ending: &str) -> String {
    let mut rev = stem.chars().rev();
    let (last, before) = (rev.next(), rev.next());
    if last.is_some() && last == before && ending.chars().next() == last {
        let cut = stem.len() - last.map_or(0, char::len_utf8);
        format!("{}{ending}", &stem[..cut])
    } else {
        format!("{stem}{ending}")
    }
}

/// The streets of a town with the given postcodes.
fn streets_of(rng: &mut ChaCha8Rng, postcodes: &[usize]) -> Vec<Street> {
    let p = postcodes.len();
    let target = (6 + 6 * p).min(400);
    let mut seen = HashSet::new();
    let mut out: Vec<Street> = Vec::new();
    let mut tries = 0;
    while out.len() < target && tries < target * 20 {
        tries += 1;
        let i = out.len();
        let odd = postcodes[i % p];
        let even = if p > 1 && rng.random_bool(0.3) {
            postcodes[(i + 1) % p]
        } else {
            odd
        };
        let max_number = *pick(rng, &[12, 20, 30, 45, 60, 90, 140]);
        let mut push =
            |prefix: Option<&'static str>, person: Option<&'static str>, core: String| {
                let full = match (prefix, person) {
                    (Some(pre), _) => format!("{pre} {core}"),
                    (None, Some(given)) => format!("{given} {core}"),
                    (None, None) => core.clone(),
                };
                if seen.insert(full.clone()) {
                    out.push(Street {
                        prefix,
                        person,
                        lkey: lenient_key(prefix, person, &core),
                        core,
                        full,
                        odd_postcode: odd,
                        even_postcode: even,
                        max_number,
                    });
                    true
                } else {
                    false
                }
            };
        let r: f64 = rng.random();
        if r < 0.58 {
            let core = compound(pick::<&str>(rng, STEMS), pick::<&str>(rng, ENDINGS));
            push(None, None, core);
        } else if r < 0.78 {
            let given = *pick(rng, HONOREE_GIVEN);
            let core = format!(
                "{}s {}",
                pick(rng, HONOREE_SURNAME),
                pick(rng, PERSON_ENDINGS)
            );
            push(None, Some(given), core);
        } else if r < 0.95 {
            let (pre, partner) = *pick(rng, PREFIXES);
            let core = compound(pick::<&str>(rng, STEMS), pick::<&str>(rng, ENDINGS));
            if push(Some(pre), None, core.clone()) && rng.random_bool(0.4) {
                push(Some(partner), None, core);
            }
        } else {
            push(None, None, (*pick(rng, FARMS)).to_owned());
        }
    }
    out
}
