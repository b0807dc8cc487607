//! Synthetic sources: a deterministic generator of Norwegian-like registers and lists at any
//! scale, for demos, tests and benchmarks (`vask synth`); [`words`] holds the word lists of
//! synthetic persons (names, streets) that the first person evaluation set draws from, and
//! [`blind_eval`] the second, independent person evaluation set, [`holdout_eval`],
//! [`fourth_eval`] … [`twentysixth_eval`] the third to twenty-sixth, each written blind by
//! someone who had not read the matcher, measured once while held out and then tuned on
//! (but the thirteenth, never tuned on); [`twentyseventh_eval`] the twenty-seventh (written
//! blind, measured once held out, then tuned on); [`twentyeighth_eval`] the twenty-eighth
//! (written blind, measured once held out, then tuned on); [`twentyninth_eval`] the
//! twenty-ninth (written blind, measured once held out, then tuned on); [`thirtieth_eval`] the
//! thirtieth (written blind, measured once held out, then tuned on); [`thirtyfirst_eval`] the
//! thirty-first (written blind, measured once held out, then tuned on); [`thirtysecond_eval`]
//! the thirty-second (written blind, measured once held out, then tuned on);
//! [`thirtythird_eval`] the thirty-third (written blind, measured once held out, then tuned
//! on); [`thirtyfourth_eval`] the thirty-fourth (written blind, measured once held out, then
//! tuned on);
//! [`thirtyfifth_eval`] the thirty-fifth (written blind, measured once held out, then tuned
//! on); [`thirtysixth_eval`] the thirty-sixth (written blind, measured once held out, then
//! tuned on); [`thirtyseventh_eval`] the thirty-seventh and [`thirtyeighth_eval`] the
//! thirty-eighth (each written blind, measured once held out, then tuned on);
//! [`thirtyninth_eval`] the thirty-ninth, held out (written blind, never tuned on).
//! `docs/person-evaluation-<n>-set.md` describes each.
//!
//! Numbers are drawn without repetition from a pool of valid Norwegian 8-digit numbers: index
//! `i` maps to `pool[(i · A) mod M]` for an `A` coprime to `M`, a bijection, so lists are index
//! ranges whose overlaps are known exactly and lead lists can hit them at a chosen rate:
//!
//! | list | indices |
//! |---|---|
//! | national register | `[0, R)` |
//! | customers (per client) | `[R − C/2, R + C/2)`: half of them reserved |
//! | express requests | `[R + C/2, R + C/2 + E)` and a few reserved customers |
//! | centre internal list | `[R − K/2, R + K/2)` |
//! | client internal list | `[R + K, R + K + L)` |

pub mod blind_eval;
pub mod eighteenth_eval;
pub mod eighth_eval;
pub mod eleventh_eval;
pub mod eval;
pub mod fifteenth_eval;
pub mod fifth_eval;
pub mod fourteenth_eval;
pub mod fourth_eval;
pub mod holdout_eval;
pub mod nineteenth_eval;
pub mod ninth_eval;
pub mod seventeenth_eval;
pub mod seventh_eval;
pub mod sixteenth_eval;
pub mod sixth_eval;
pub mod tenth_eval;
pub mod thirteenth_eval;
pub mod thirtieth_eval;
pub mod thirtyeighth_eval;
pub mod thirtyfifth_eval;
pub mod thirtyfirst_eval;
pub mod thirtyfourth_eval;
pub mod thirtyninth_eval;
pub mod thirtysecond_eval;
pub mod thirtyseventh_eval;
pub mod thirtysixth_eval;
pub mod thirtythird_eval;
pub mod twelfth_eval;
pub mod twentieth_eval;
pub mod twentyeighth_eval;
pub mod twentyfifth_eval;
pub mod twentyfirst_eval;
pub mod twentyfourth_eval;
pub mod twentyninth_eval;
pub mod twentysecond_eval;
pub mod twentyseventh_eval;
pub mod twentysixth_eval;
pub mod twentythird_eval;
pub mod words;

use std::io::Write;
use std::path::{Path, PathBuf};

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Prefixes (first two digits) of valid Norwegian mobile and landline numbers.
const PREFIXES: [u32; 40] = [
    21, 22, 23, 24, 31, 32, 33, 35, 37, 38, 51, 52, 53, 55, 56, 57, 61, 62, 63, 64, 66, 67, 69, 70,
    71, 72, 73, 74, 75, 77, 40, 41, 45, 46, 47, 48, 90, 91, 92, 93,
];
const M: u64 = PREFIXES.len() as u64 * 1_000_000;
const A: u64 = 24_721_859; // coprime to M (M = 40 000 000 = 2^9 · 5^7): registers above 40 M numbers repeat

/// The sizes of a synthetic data set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SynthSpec {
    /// Seed of every random choice.
    pub seed: u64,
    /// Numbers in the national register.
    pub register: u64,
    /// Numbers on the centre's internal list.
    pub centre_list: u64,
    /// Numbers on the client's internal list.
    pub client_list: u64,
    /// Customer relationships of the client.
    pub customers: u64,
    /// Express requests to the client.
    pub express: u64,
}

impl SynthSpec {
    /// The sizes of the issue's benchmark: 5 M register, 200 k centre, 100 k client, 1 M customers.
    pub fn benchmark() -> SynthSpec {
        SynthSpec {
            seed: 1,
            register: 5_000_000,
            centre_list: 200_000,
            client_list: 100_000,
            customers: 1_000_000,
            express: 10_000,
        }
    }

    /// The highest index used by any list.
    pub fn span(&self) -> u64 {
        let r = self.register;
        (r + self.customers / 2 + self.express)
            .max(r + self.centre_list / 2)
            .max(r + self.centre_list + self.client_list)
    }
}

/// The `i`-th number of the pool (E.164 as integer), a bijection on `[0, 40 M)`.
pub fn nth_number(i: u64) -> u64 {
    let x = (i % M) * A % M;
    let prefix = u64::from(PREFIXES[(x / 1_000_000) as usize]);
    4_700_000_000 + prefix * 1_000_000 + x % 1_000_000
}

/// The centre and client ids a synthetic catalogue uses.
pub const CENTRE: &str = "demo-centre";
/// The client of a synthetic catalogue.
pub const CLIENT: &str = "acme-energy";

fn national(n: u64) -> String {
    format!("{}", n - 4_700_000_000)
}

/// Writes the sources and `catalog.toml` of `spec` into `dir`; returns the catalogue's path.
pub fn write(dir: &Path, spec: &SynthSpec) -> std::io::Result<PathBuf> {
    let mut rng = ChaCha8Rng::seed_from_u64(spec.seed);
    for sub in ["national", "centres", "clients"] {
        std::fs::create_dir_all(dir.join(sub))?;
    }
    let file = |name: &str| -> std::io::Result<std::io::BufWriter<std::fs::File>> {
        Ok(std::io::BufWriter::with_capacity(
            1 << 20,
            std::fs::File::create(dir.join(name))?,
        ))
    };
    let r = spec.register;
    let date = |rng: &mut ChaCha8Rng, from: i32, to: i32| {
        let y = rng.random_range(from..=to);
        format!(
            "{y}-{:02}-{:02}",
            rng.random_range(1..=12),
            rng.random_range(1..=28)
        )
    };

    // The register's delivery has no registration dates (the column is optional); with dates
    // for every number national.fst adds about 7.4 bytes per number.
    let mut w = file("national/register.csv")?;
    writeln!(w, "number,telephone,addressed_mail,voluntary")?;
    for i in 0..r {
        let mail = rng.random_bool(0.3);
        let voluntary = rng.random_bool(0.4);
        writeln!(
            w,
            "{},1,{},{}",
            national(nth_number(i)),
            u8::from(mail),
            u8::from(voluntary)
        )?;
    }
    w.flush()?;

    let mut w = file("centres/dnc.csv")?;
    writeln!(w, "number,added")?;
    let k = spec.centre_list;
    for i in (r - k / 2)..(r - k / 2 + k) {
        // Dialers' exports come in every shape.
        let n = nth_number(i);
        let shape = match i % 3 {
            0 => format!("+{n}"),
            1 => format!("0047 {}", national(n)),
            _ => national(n),
        };
        writeln!(w, "{shape},{}", date(&mut rng, 2015, 2025))?;
    }
    w.flush()?;

    let mut w = file("clients/dnc.csv")?;
    writeln!(w, "number,added")?;
    for i in (r + k)..(r + k + spec.client_list) {
        writeln!(w, "+{},{}", nth_number(i), date(&mut rng, 2015, 2025))?;
    }
    w.flush()?;

    let mut w = file("clients/customers.csv")?;
    writeln!(w, "number,category,start,end")?;
    let c = spec.customers;
    for i in (r - c / 2)..(r - c / 2 + c) {
        let category = ["power", "broadband", "mobile"][(i % 3) as usize];
        let start = date(&mut rng, 2010, 2024);
        let end = if rng.random_bool(0.3) {
            date(&mut rng, 2025, 2025)
        } else {
            String::new()
        };
        writeln!(w, "{},{category},{start},{end}", national(nth_number(i)))?;
    }
    w.flush()?;

    let mut w = file("clients/express.csv")?;
    writeln!(w, "number,requested,expires")?;
    let e = spec.express;
    let reserved_express = (0..e / 10).map(|j| j * (r / (e / 10).max(1)).max(1));
    for i in ((r + c / 2)..(r + c / 2 + e)).chain(reserved_express) {
        let expires = if rng.random_bool(0.5) {
            String::new()
        } else {
            "2099-12-31".into()
        };
        writeln!(
            w,
            "{},{},{expires}",
            national(nth_number(i)),
            date(&mut rng, 2024, 2025)
        )?;
    }
    w.flush()?;

    let catalog = dir.join("catalog.toml");
    std::fs::write(
        &catalog,
        format!(
            r#"# Synthetic sources written by `vask synth` (seed {seed}); not real people.
default_region = "NO"

[national]
file = "national/register.csv"
source_reference = "Synthetic national register (vask synth, seed {seed})"
# Synthetic data has no delivery date: stamp the build date so it never goes stale.
snapshot_date = "build-date"

[[centres]]
id = "{CENTRE}"
dnc = {{ file = "centres/dnc.csv", source_reference = "Synthetic centre list" }}

[[clients]]
id = "{CLIENT}"
dnc = {{ file = "clients/dnc.csv", source_reference = "Synthetic client list" }}
customers = {{ file = "clients/customers.csv", source_reference = "Synthetic CRM export" }}
express = {{ file = "clients/express.csv", source_reference = "Synthetic web form" }}
"#,
            seed = spec.seed
        ),
    )?;
    Ok(catalog)
}

/// `count` lead numbers (E.164 integers) of which about `hit_rate` are on some list of `spec`.
pub fn leads(spec: &SynthSpec, seed: u64, count: usize, hit_rate: f64) -> Vec<u64> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let span = spec.span();
    (0..count)
        .map(|_| {
            if rng.random_bool(hit_rate.clamp(0.0, 1.0)) {
                // Spread the hits over every list, not only the big register.
                let lo = spec
                    .register
                    .saturating_sub(spec.customers / 2 + spec.centre_list);
                let i = if rng.random_bool(0.5) {
                    rng.random_range(0..spec.register)
                } else {
                    rng.random_range(lo..span)
                };
                nth_number(i)
            } else {
                nth_number(rng.random_range(span..M))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pool_is_a_bijection_over_valid_looking_numbers() {
        let mut seen = std::collections::HashSet::new();
        for i in 0..200_000 {
            let n = nth_number(i);
            assert!((4_720_000_000..4_799_999_999).contains(&n));
            assert!(seen.insert(n), "repeat at {i}");
        }
        assert_eq!(M % 2, 0);
        assert_eq!(gcd(A, M), 1);
    }

    fn gcd(a: u64, b: u64) -> u64 {
        if b == 0 { a } else { gcd(b, a % b) }
    }
}
