//! The lifecycle model test: random sequences of what happens to a running vask — deliveries
//! of the centre's and the clients' lists (with and without `added` dates), customer and
//! express deliveries, opt-outs added and removed through the API, rebuilds, journal
//! compaction, rollbacks to any kept generation, restarts (also after a crash in the middle
//! of a rebuild), days passing — with washes on random days, for random clients and declared
//! purposes. After every step every number's verdict must equal that of [`Model`], a plain
//! in-memory model of the rules as `docs/domain.md` and the issue state them, written here
//! apart from the engine and as simply as possible.
//!
//! It drives the real library (`App`, imports, the rebuild, the store) on real files, with a
//! clock of its own. `PROPTEST_CASES` sets the number of cases (default 2 000: about a minute
//! on two idle cores, mostly fsyncs); for a longer search run
//! `PROPTEST_CASES=20000 cargo test --release --test lifecycle`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, Days, Duration, Months, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use vask::app::{App, CampaignParams, Mode, ReservationInput};
use vask::auth::Principal;
use vask::config::Config;
use vask::domain::{CentreId, ManualClock, Purpose};
use vask::engine::Reasons;
use vask::error::RequestError;
use vask::generation::store::Store;
use vask::journal::Op as JournalOp;
use vask::session::WashParams;

// ---------------------------------------------------------------------------------------------
// The world: ten numbers, one centre, two clients.

/// The numbers of the test, as written in files (`9000000i`).
const NUMBERS: usize = 10;
fn number(i: usize) -> String {
    format!("{}", 90_000_001 + i)
}
/// Reserved in the national register (telephone), and of those also against voluntary
/// organisations.
const RESERVED: [usize; 6] = [0, 1, 2, 3, 4, 5];
const RESERVED_VOLUNTARY: [usize; 2] = [4, 5];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Client {
    /// A business: sales and market research; customers in `power` and `broadband`.
    Acme,
    /// A voluntary organisation: fundraising; donors in `donor`, members in `membership`.
    Red,
}

impl Client {
    fn id(self) -> &'static str {
        match self {
            Client::Acme => "acme",
            Client::Red => "red",
        }
    }
    fn allows(self, p: Purpose) -> bool {
        match self {
            Client::Acme => matches!(p, Purpose::Sales | Purpose::MarketResearch),
            Client::Red => p == Purpose::Fundraising,
        }
    }
    fn voluntary(self) -> bool {
        self == Client::Red
    }
    fn categories(self) -> [&'static str; 2] {
        match self {
            Client::Acme => ["power", "broadband"],
            Client::Red => ["donor", "membership"],
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum List {
    Centre,
    Client(Client),
}

// ---------------------------------------------------------------------------------------------
// What happens.

/// A relationship or request row: number, category (index), first and last day as offsets
/// from today in days.
type Row = (usize, usize, i64, Option<i64>);

#[derive(Debug, Clone)]
enum Step {
    /// A new delivery of an internal list: which numbers it holds, with `added` dates or not.
    DeliverList {
        list: List,
        members: [bool; NUMBERS],
        dated: bool,
    },
    /// A new customer file of a client.
    DeliverCustomers {
        client: Client,
        rows: Vec<Row>,
    },
    /// A new express-request file of acme.
    DeliverExpress {
        rows: Vec<Row>,
    },
    /// An opt-out taken through the API.
    Add {
        list: List,
        number: usize,
    },
    /// A removal through the API.
    Remove {
        list: List,
        number: usize,
    },
    Rebuild,
    Compact,
    /// Back to the kept generation at this index (oldest first, modulo the count).
    Rollback {
        pick: usize,
    },
    Restart,
    /// A rebuild that dies after writing its staging directory, then a restart.
    CrashDuringRebuild,
    /// Time passes.
    Advance {
        hours: u32,
    },
    /// A wash of every number.
    Wash {
        client: Client,
        purpose: Purpose,
        at: Option<i64>,
    },
}

fn list() -> impl Strategy<Value = List> {
    prop_oneof![
        2 => Just(List::Centre),
        1 => Just(List::Client(Client::Acme)),
        1 => Just(List::Client(Client::Red)),
    ]
}

fn client() -> impl Strategy<Value = Client> {
    prop_oneof![Just(Client::Acme), Just(Client::Red)]
}

fn rows() -> impl Strategy<Value = Vec<Row>> {
    prop::collection::vec(
        (
            0..NUMBERS,
            0..2usize,
            -1500i64..30,
            prop::option::of(0i64..1500),
        )
            .prop_map(|(n, c, start, len)| (n, c, start, len.map(|l| start + l))),
        0..6,
    )
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        2 => (list(), prop::array::uniform10(any::<bool>()), any::<bool>())
            .prop_map(|(list, members, dated)| Step::DeliverList { list, members, dated }),
        1 => (client(), rows()).prop_map(|(client, rows)| Step::DeliverCustomers { client, rows }),
        1 => rows().prop_map(|rows| Step::DeliverExpress { rows }),
        3 => (list(), 0..NUMBERS).prop_map(|(list, number)| Step::Add { list, number }),
        2 => (list(), 0..NUMBERS).prop_map(|(list, number)| Step::Remove { list, number }),
        2 => Just(Step::Rebuild),
        1 => Just(Step::Compact),
        1 => (0..8usize).prop_map(|pick| Step::Rollback { pick }),
        1 => Just(Step::Restart),
        1 => Just(Step::CrashDuringRebuild),
        3 => (0..72u32).prop_map(|hours| Step::Advance { hours }),
        1 => (0..24 * 20u32).prop_map(|hours| Step::Advance { hours }),
        4 => (
            client(),
            prop_oneof![
                Just(Purpose::Sales),
                Just(Purpose::MarketResearch),
                Just(Purpose::Fundraising)
            ],
            prop::option::of(prop_oneof![
                1 => -3_600i64..-600,
                1 => -200i64..0,
                3 => 0i64..45 * 86_400,
            ]),
        )
            .prop_map(|(client, purpose, at)| Step::Wash { client, purpose, at }),
    ]
}

// ---------------------------------------------------------------------------------------------
// The model.

/// A delivery of an internal list as the model keeps it.
#[derive(Debug, Clone, Default)]
struct Delivery {
    /// When it was imported (`None`: the catalogue's own, first file).
    at: Option<DateTime<Utc>>,
    members: [bool; NUMBERS],
}

/// Everything one generation was built from.
#[derive(Debug, Clone)]
struct Built {
    id: String,
    snapshot: NaiveDate,
    lists: BTreeMap<List, Delivery>,
    customers: BTreeMap<Client, Vec<Row>>,
    express: Vec<Row>,
    /// The day `customers` and `express` offsets were relative to.
    rows_day: BTreeMap<&'static str, NaiveDate>,
}

/// The rules, written apart from the engine.
#[derive(Debug, Clone)]
struct Model {
    /// Imported, the newest of each source (what the next rebuild builds from).
    lists: BTreeMap<List, Delivery>,
    customers: BTreeMap<Client, Vec<Row>>,
    express: Vec<Row>,
    rows_day: BTreeMap<&'static str, NaiveDate>,
    /// Every API operation: (when, list, number, add).
    api: Vec<(DateTime<Utc>, List, usize, bool)>,
    /// Generations kept in the store, oldest first.
    kept: Vec<Built>,
    /// The one served (its national register and relationships)...
    current: usize,
    /// ...and the one whose internal lists are served (the newest built).
    newest: String,
}

const KEEP: usize = 3;

/// Today in Norway.
fn today(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&chrono_tz::Europe::Oslo).date_naive()
}

fn shift(day: NaiveDate, offset: i64) -> NaiveDate {
    if offset >= 0 {
        day + Days::new(offset as u64)
    } else {
        day - Days::new(offset.unsigned_abs())
    }
}

impl Model {
    fn built(&self, id: &str) -> &Built {
        self.kept
            .iter()
            .find(|b| b.id == id)
            .unwrap_or_else(|| panic!("generation {id} not kept"))
    }

    /// On an internal list: the latest API operation decides, but a delivery imported after
    /// an API removal that holds the number puts it back; the newest built lists count.
    fn on(&self, list: List, n: usize) -> bool {
        let delivery = &self.built(&self.newest).lists[&list];
        let latest = self
            .api
            .iter()
            .rev()
            .find(|(_, l, m, _)| *l == list && *m == n);
        match latest {
            Some((_, _, _, true)) => true,
            Some((removed, _, _, false)) => {
                delivery.members[n] && delivery.at.is_some_and(|d| d > *removed)
            }
            None => delivery.members[n],
        }
    }

    /// The verdict of number `n`, or the refusal.
    fn verdict(
        &self,
        now: DateTime<Utc>,
        client: Client,
        purpose: Purpose,
        at: Option<DateTime<Utc>>,
        n: usize,
    ) -> Result<u32, &'static str> {
        if !client.allows(purpose) {
            return Err("permission_denied");
        }
        let at = match at {
            Some(at) if at < now - Duration::seconds(300) => return Err("invalid_argument"),
            Some(at) => at.max(now),
            None => now,
        };
        let served = &self.kept[self.current];
        let day = today(at);
        if day > served.snapshot + Months::new(1) {
            return Err("failed_precondition");
        }
        let mut v = 0;
        if self.on(List::Centre, n) {
            v |= Reasons::CENTRE_LIST;
        }
        if self.on(List::Client(client), n) {
            v |= Reasons::CLIENT_LIST;
        }
        let reserved = if client.voluntary() {
            RESERVED_VOLUNTARY.contains(&n)
        } else {
            RESERVED.contains(&n)
        };
        if purpose != Purpose::MarketResearch && reserved {
            let rows_day = |what: &str| served.rows_day[what];
            let express = client == Client::Acme
                && served.express.iter().any(|&(m, _, from, to)| {
                    let base = rows_day("express");
                    m == n && shift(base, from) <= day && to.is_none_or(|to| day <= shift(base, to))
                });
            let rows = served.customers.get(&client).map_or(&[][..], |r| r);
            let base = rows_day(client.id());
            let customer = rows.iter().any(|&(m, c, from, to)| {
                // The campaign's category: acme sells power; red's fundraising has none.
                let category = client.categories()[c];
                let window_ok = if client.voluntary() && category == "donor" {
                    // Donors: a voluntary organisation's fundraising, three calendar years.
                    purpose == Purpose::Fundraising
                        && to.is_none_or(|to| {
                            day <= shift(base, to)
                                .checked_add_months(Months::new(36))
                                .unwrap_or(NaiveDate::MAX)
                        })
                } else {
                    category == "power" && to.is_none_or(|to| day <= shift(base, to))
                };
                m == n && shift(base, from) <= day && window_ok
            });
            v |= if express {
                Reasons::EXEMPT_EXPRESS
            } else if customer {
                Reasons::EXEMPT_CUSTOMER
            } else {
                Reasons::NATIONAL_REGISTER
            };
        }
        Ok(v)
    }
}

// ---------------------------------------------------------------------------------------------
// The real thing.

struct World {
    dir: tempfile::TempDir,
    config: Config,
    clock: Arc<ManualClock>,
    app: Option<Arc<App>>,
    principal: Principal,
    runtime: tokio::runtime::Runtime,
}

fn data(dir: &Path) -> PathBuf {
    dir.join("data")
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

fn list_file(list: List) -> &'static str {
    match list {
        List::Centre => "centre/dnc.csv",
        List::Client(Client::Acme) => "acme/dnc.csv",
        List::Client(Client::Red) => "red/dnc.csv",
    }
}

fn rows_csv(rows: &[Row], base: NaiveDate, categories: Option<[&str; 2]>) -> String {
    let mut s = String::new();
    for &(n, c, from, to) in rows {
        let to = to.map(|t| shift(base, t).to_string()).unwrap_or_default();
        match categories {
            Some(cats) => s.push_str(&format!(
                "{},{},{},{to}\n",
                number(n),
                cats[c],
                shift(base, from)
            )),
            None => s.push_str(&format!("{},{},{to}\n", number(n), shift(base, from))),
        }
    }
    s
}

impl World {
    fn new(start: DateTime<Utc>) -> World {
        // fsyncs are what a rebuild costs; on tmpfs they cost nothing.
        let dir = match Path::new("/dev/shm").is_dir() {
            true => tempfile::tempdir_in("/dev/shm"),
            false => tempfile::tempdir(),
        }
        .expect("tempdir");
        let d = data(dir.path());
        let mut register = String::from("number,telephone,voluntary\n");
        for i in RESERVED {
            register.push_str(&format!(
                "{},1,{}\n",
                number(i),
                u8::from(RESERVED_VOLUNTARY.contains(&i))
            ));
        }
        write(&d.join("national.csv"), &register);
        for list in [
            List::Centre,
            List::Client(Client::Acme),
            List::Client(Client::Red),
        ] {
            write(&d.join(list_file(list)), "number,added\n");
        }
        write(&d.join("acme/customers.csv"), "number,category,start,end\n");
        write(&d.join("red/customers.csv"), "number,category,start,end\n");
        write(&d.join("acme/express.csv"), "number,requested,expires\n");
        write(
            &d.join("catalog.toml"),
            r#"default_region = "NO"
[national]
file = "national.csv"
source_reference = "model register"
snapshot_date = "build-date"
[[centres]]
id = "centre"
dnc = { file = "centre/dnc.csv", source_reference = "centre list" }
[[clients]]
id = "acme"
dnc = { file = "acme/dnc.csv", source_reference = "acme list" }
customers = { file = "acme/customers.csv", source_reference = "acme customers" }
express = { file = "acme/express.csv", source_reference = "acme express" }
[[clients]]
id = "red"
dnc = { file = "red/dnc.csv", source_reference = "red list" }
customers = { file = "red/customers.csv", source_reference = "red donors" }
"#,
        );
        let config_path = dir.path().join("vask.toml");
        write(
            &config_path,
            r#"catalog = "data/catalog.toml"
store = "state/store"
journal = "state/journal"
audit = "state/audit"
build_if_missing = false
audit_key = "lifecycle model test key"
[[centres]]
id = "centre"
clients = ["acme", "red"]
[[clients]]
id = "acme"
kind = "business"
purposes = ["sales", "market_research"]
[[clients]]
id = "red"
kind = "voluntary"
purposes = ["fundraising"]
donor_categories = ["donor"]
"#,
        );
        let config = Config::load(&config_path).expect("config");
        let principal = Principal::local(&config, "model", &CentreId::new("centre").expect("id"))
            .expect("principal");
        World {
            dir,
            config,
            clock: Arc::new(ManualClock::new(start)),
            app: None,
            principal,
            runtime: tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime"),
        }
    }

    fn now(&self) -> DateTime<Utc> {
        use vask::domain::Clock;
        self.clock.now()
    }

    fn open(&mut self) {
        self.app = None;
        let app = App::open(self.config.clone(), Mode::Serve, self.clock.clone()).expect("open");
        self.app = Some(Arc::new(app));
    }

    fn app(&self) -> &Arc<App> {
        self.app.as_ref().expect("open")
    }

    fn store(&self) -> Store {
        Store::new(&self.config.store).expect("store")
    }

    fn rebuild(&self) -> String {
        vask::app::rebuild(&self.store(), &self.config, self.now(), 0, 0, true, KEEP)
            .expect("rebuild")
            .id
    }

    fn import(&self, kind: &str, owner: Option<&str>, text: &str) {
        let file = self
            .dir
            .path()
            .join(format!("delivery-{}.csv", rand::random::<u32>()));
        write(&file, text);
        let kind: vask::import::SourceKind = kind.parse().expect("kind");
        vask::import::import(
            &self.config.catalog,
            &vask::import::Import {
                kind,
                owner: owner.map(str::to_owned),
                file,
                source_reference: format!("{kind:?} at {}", self.now()),
                table: Default::default(),
                max_errors: 0,
                snapshot_date: None,
                min_percent: 0,
                force: true,
                now: self.now(),
            },
        )
        .expect("import");
    }

    fn reserve(&self, list: List, n: usize, op: JournalOp) {
        let input = ReservationInput {
            centre: list == List::Centre,
            client: match list {
                List::Centre => None,
                List::Client(c) => Some(c.id().to_owned()),
            },
            number: number(n),
            actor: "model".into(),
            reason: "model".into(),
        };
        let app = self.app().clone();
        let principal = self.principal.clone();
        let mut results = self
            .runtime
            .block_on(async move { app.change_reservations(&principal, vec![input], op).await });
        results.pop().expect("one result").expect("recorded");
    }

    fn wash(
        &self,
        client: Client,
        purpose: Purpose,
        at: Option<DateTime<Utc>>,
    ) -> Result<Vec<u32>, &'static str> {
        let params = WashParams {
            campaign: CampaignParams {
                client: client.id().into(),
                purpose: Some(purpose),
                category: if client == Client::Acme {
                    "power".into()
                } else {
                    String::new()
                },
                at,
                ..Default::default()
            },
            source_reference: "model".into(),
            via: "test",
            ..Default::default()
        };
        let refused = |e: RequestError| e.code();
        let mut session = self
            .app()
            .start_wash(&self.principal, params)
            .map_err(refused)?;
        let numbers: Vec<String> = (0..NUMBERS).map(number).collect();
        let batch = session.wash_numbers(&numbers).map_err(refused)?;
        session.finish().map_err(refused)?;
        Ok(batch.verdicts)
    }
}

impl World {
    fn explain(
        &self,
        client: Client,
        purpose: Purpose,
        at: Option<DateTime<Utc>>,
        n: usize,
    ) -> Result<u32, &'static str> {
        let params = CampaignParams {
            client: client.id().into(),
            purpose: Some(purpose),
            category: if client == Client::Acme {
                "power".into()
            } else {
                String::new()
            },
            at,
            ..Default::default()
        };
        self.app()
            .explain(&self.principal, &params, &number(n), None, None, "test")
            .map(|e| e.explanation.reasons.0)
            .map_err(|e| e.code())
    }
}

fn run(start_offset_hours: u32, steps: Vec<Step>) -> Result<(), TestCaseError> {
    let start = Utc
        .with_ymd_and_hms(2026, 3, 27, 8, 0, 0)
        .single()
        .expect("start")
        + Duration::hours(i64::from(start_offset_hours));
    let mut w = World::new(start);
    let first = w.rebuild();
    w.open();
    let empty = Delivery::default();
    let lists: BTreeMap<List, Delivery> = [
        List::Centre,
        List::Client(Client::Acme),
        List::Client(Client::Red),
    ]
    .into_iter()
    .map(|l| (l, empty.clone()))
    .collect();
    let day0 = today(start);
    let rows_day: BTreeMap<&'static str, NaiveDate> =
        [("acme", day0), ("red", day0), ("express", day0)]
            .into_iter()
            .collect();
    let mut m = Model {
        lists: lists.clone(),
        customers: BTreeMap::new(),
        express: Vec::new(),
        rows_day: rows_day.clone(),
        api: Vec::new(),
        kept: vec![Built {
            id: first.clone(),
            snapshot: start.date_naive(),
            lists,
            customers: BTreeMap::new(),
            express: Vec::new(),
            rows_day,
        }],
        current: 0,
        newest: first,
    };

    for (i, step) in steps.into_iter().enumerate() {
        // Every step happens a second after the one before: no two events share an instant.
        w.clock.advance(Duration::seconds(1));
        let now = w.now();
        match &step {
            Step::DeliverList {
                list,
                members,
                dated,
            } => {
                let mut text = String::from("number,added\n");
                for (n, _) in members.iter().enumerate().filter(|(_, on)| **on) {
                    let added = if *dated {
                        shift(today(now), -(n as i64)).to_string()
                    } else {
                        String::new()
                    };
                    text.push_str(&format!("{},{added}\n", number(n)));
                }
                let (kind, owner) = match list {
                    List::Centre => ("centre-dnc", "centre"),
                    List::Client(c) => ("client-dnc", c.id()),
                };
                w.import(kind, Some(owner), &text);
                m.lists.insert(
                    *list,
                    Delivery {
                        at: Some(now),
                        members: *members,
                    },
                );
            }
            Step::DeliverCustomers { client, rows } => {
                let text = format!(
                    "number,category,start,end\n{}",
                    rows_csv(rows, today(now), Some(client.categories()))
                );
                w.import("customers", Some(client.id()), &text);
                m.customers.insert(*client, rows.clone());
                m.rows_day.insert(client.id(), today(now));
            }
            Step::DeliverExpress { rows } => {
                let text = format!(
                    "number,requested,expires\n{}",
                    rows_csv(rows, today(now), None)
                );
                w.import("express", Some("acme"), &text);
                m.express = rows.clone();
                m.rows_day.insert("express", today(now));
            }
            Step::Add { list, number } => {
                w.reserve(*list, *number, JournalOp::Add);
                m.api.push((now, *list, *number, true));
            }
            Step::Remove { list, number } => {
                w.reserve(*list, *number, JournalOp::Remove);
                m.api.push((now, *list, *number, false));
            }
            Step::Rebuild => {
                let id = w.rebuild();
                w.app().reload().expect("reload");
                m.kept.push(Built {
                    id: id.clone(),
                    // The build stamps sample data with its (UTC) date.
                    snapshot: now.date_naive(),
                    lists: m.lists.clone(),
                    customers: m.customers.clone(),
                    express: m.express.clone(),
                    rows_day: m.rows_day.clone(),
                });
                m.newest = id;
                // The store keeps the newest KEEP (the new one is served, with its own lists).
                let excess = m.kept.len().saturating_sub(KEEP);
                m.kept.drain(..excess);
                m.current = m.kept.len() - 1;
            }
            Step::Compact => {
                w.app().compact_journal(None).expect("compact");
            }
            Step::Rollback { pick } => {
                let ids = w.store().list().expect("list");
                prop_assert_eq!(
                    &ids,
                    &m.kept.iter().map(|b| b.id.clone()).collect::<Vec<_>>(),
                    "kept generations"
                );
                let target = ids[pick % ids.len()].clone();
                let store = w.store();
                let lock = store.lock().expect("lock");
                store.roll_back(&lock, &target).expect("roll back");
                drop(lock);
                w.app().reload().expect("reload");
                m.current = m.kept.iter().position(|b| b.id == target).expect("kept");
            }
            Step::Restart => w.open(),
            Step::CrashDuringRebuild => {
                let store = w.store();
                let lock = store.lock().expect("lock");
                let staging = store.staging(&lock, "gcrashed").expect("staging");
                write(&staging.join("sets.bin"), "half a generation");
                drop(lock);
                w.app = None;
                w.open();
            }
            Step::Advance { hours } => w.clock.advance(Duration::hours(i64::from(*hours))),
            Step::Wash {
                client,
                purpose,
                at,
            } => {
                let at = at.map(|s| now + Duration::seconds(s));
                let got = w.wash(*client, *purpose, at);
                let want: Result<Vec<u32>, &str> = (0..NUMBERS)
                    .map(|n| m.verdict(now, *client, *purpose, at, n))
                    .collect();
                prop_assert_eq!(got, want, "step {}: {:?} at {}", i, step, now);
                // Explain answers as the wash does.
                let n = i % NUMBERS;
                let got = w.explain(*client, *purpose, at, n);
                prop_assert_eq!(
                    got,
                    m.verdict(now, *client, *purpose, at, n),
                    "explain, step {}",
                    i
                );
            }
        }
        // After every step: every number, for each client's own purpose, now.
        let now = w.now();
        for client in [Client::Acme, Client::Red] {
            let purpose = if client == Client::Acme {
                Purpose::Sales
            } else {
                Purpose::Fundraising
            };
            let got = w.wash(client, purpose, None);
            let want: Result<Vec<u32>, &str> = (0..NUMBERS)
                .map(|n| m.verdict(now, client, purpose, None, n))
                .collect();
            prop_assert_eq!(
                got,
                want,
                "after step {}: {:?} ({:?}, now {})",
                i,
                step,
                client,
                now
            );
        }
    }
    Ok(())
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(2_000)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: cases(),
        max_shrink_iters: 2_000,
        ..ProptestConfig::default()
    })]

    #[test]
    fn verdicts_follow_the_model_through_the_lifecycle(
        start in 0u32..24 * 400,
        steps in prop::collection::vec(step(), 1..28),
    ) {
        run(start, steps)?;
    }
}

/// The scenarios of the issue, as fixed sequences (they also run in the random search).
#[test]
fn known_scenarios() {
    use Step::*;
    let centre = List::Centre;
    let wash = Wash {
        client: Client::Acme,
        purpose: Purpose::Sales,
        at: None,
    };
    for steps in [
        // An opt-out, a rebuild (and compaction), a rollback, a restart.
        vec![
            Add {
                list: centre,
                number: 7,
            },
            Rebuild,
            Compact,
            Rollback { pick: 0 },
            wash.clone(),
            Restart,
            wash.clone(),
        ],
        // A removal, then a delivery that holds the number again.
        vec![
            DeliverList {
                list: centre,
                members: [
                    false, false, false, false, false, false, false, true, true, false,
                ],
                dated: true,
            },
            Rebuild,
            Remove {
                list: centre,
                number: 7,
            },
            Rebuild,
            wash.clone(),
            DeliverList {
                list: centre,
                members: [
                    false, false, false, false, false, false, false, true, true, false,
                ],
                dated: false,
            },
            Rebuild,
            wash.clone(),
            Rollback { pick: 1 },
            wash.clone(),
        ],
        // A contract that ends today and its renewal next week.
        vec![
            DeliverCustomers {
                client: Client::Acme,
                rows: vec![(1, 0, -100, Some(0)), (1, 0, 7, None)],
            },
            Rebuild,
            wash.clone(),
        ],
        // A business fundraising campaign is refused; a past date is refused.
        vec![
            Wash {
                client: Client::Acme,
                purpose: Purpose::Fundraising,
                at: None,
            },
            Wash {
                client: Client::Acme,
                purpose: Purpose::Sales,
                at: Some(-86_400),
            },
        ],
    ] {
        run(0, steps).expect("scenario");
    }
}
