//! Service configuration: one TOML file (paths, centres and their clients, client policies,
//! API keys, limits, the country's policy, calling windows, secrets, TLS), parsed and checked
//! once at load into typed values. An error names the file, the key and what is expected.
//!
//! Without a file, [`Config::demo`] serves the bundled sample in `data/` with documented demo
//! keys, so `vask serve` works on a fresh checkout; that configuration refuses to listen on
//! anything but a loopback address.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::audit::AuditKey;
use crate::calendar::{CalendarRegistry, CallingPolicyConfig};
use crate::domain::{CallerKind, Category, CentreId, ClientId, Purpose};
use crate::person::{IdHashKey, Strictness};
use crate::policy::{ClientPolicy, CountryPolicy};

/// The documented demo API key of `vask serve` without a config. Not a secret.
pub const DEMO_KEY: &str = "vask-demo-key";
/// The demo admin key (may reload and remove reservations). Not a secret.
pub const DEMO_ADMIN_KEY: &str = "vask-demo-admin-key";
/// The demo's national-id hash key (documented, not a secret: the sample has made-up ids).
pub const DEMO_NATIONAL_ID_KEY: &str = "vask-demo-national-id-key";
/// The demo's audit-trail key (documented, not a secret).
pub const DEMO_AUDIT_KEY: &str = "vask-demo-audit-trail-key";

/// Why a configuration was refused.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("cannot read config {}: {source}", path.display())]
    Io {
        /// The config file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The file is not valid TOML for this schema (the message names the key and line).
    #[error("config {}: {why}", path.display())]
    Parse {
        /// The config file.
        path: PathBuf,
        /// What the TOML reader said.
        why: String,
    },
    /// A setting is wrong or contradicts another.
    #[error("config {}: {key}: {why}", path.display())]
    Invalid {
        /// The config file (`<demo>` for the built-in demo configuration).
        path: PathBuf,
        /// The key, e.g. `keys[2].sha256` or `clients.acme-energy.purposes`.
        key: String,
        /// What is wrong and what is expected.
        why: String,
    },
}

/// An API key, stored as the SHA-256 of the key (never the key itself).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyConfig {
    /// Key id: logged and recorded in the audit trail instead of the key.
    pub id: String,
    /// The centre the key acts for.
    pub centre: CentreId,
    /// Hex SHA-256 of the key, lower-cased at load.
    pub sha256: String,
    /// Admin keys may reload generations and remove reservations.
    #[serde(default)]
    pub admin: bool,
    /// Requests per second this key may send (default: `limits.key_rate_per_second`).
    #[serde(default)]
    pub rate_per_second: Option<u32>,
    /// Requests it may send at once above its rate (default: twice the rate).
    #[serde(default)]
    pub burst: Option<u32>,
}

/// A centre and the clients it may wash for.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CentreConfig {
    /// The centre's id, as keys and users name it.
    pub id: CentreId,
    /// Clients this centre calls for.
    pub clients: BTreeSet<ClientId>,
}

/// A client as written in the config (`[[clients]]`); see [`ClientPolicy`].
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClientFile {
    id: ClientId,
    kind: CallerKind,
    /// Default: sales for a business, fundraising for a voluntary organisation.
    #[serde(default)]
    purposes: Option<BTreeSet<Purpose>>,
    /// Default: `donor` for a voluntary organisation.
    #[serde(default)]
    donor_categories: Option<BTreeSet<Category>>,
}

/// TLS settings (rustls).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TlsConfig {
    /// PEM certificate chain.
    pub cert: PathBuf,
    /// PEM private key.
    pub key: PathBuf,
}

/// Limits on what one request may ask for.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// Most numbers in one Wash request or one WashStream chunk.
    pub max_batch: usize,
    /// Largest gRPC message accepted, in bytes.
    pub max_message_bytes: usize,
    /// Only admin keys may remove reservations.
    pub removal_requires_admin: bool,
    /// How far in the past a request's `at` may lie (clock skew between dialer and server).
    pub max_clock_skew_seconds: u32,
    /// A WashStream that sends nothing for this long is ended (it would hold its generation).
    pub stream_idle_seconds: u32,
    /// Requests in flight on the whole server; more are shed (see [`crate::admission`]).
    pub max_in_flight: usize,
    /// Bytes of requests (as received) in flight on the whole server; more are shed.
    pub max_request_bytes_in_flight: u64,
    /// A handler still running after this long is ended with a deadline error.
    pub request_timeout_seconds: u32,
    /// Requests per second every key may send (a key's own `rate_per_second` overrides it);
    /// none: unlimited.
    pub key_rate_per_second: Option<u32>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_batch: 100_000,
            max_message_bytes: 16 << 20,
            removal_requires_admin: true,
            max_clock_skew_seconds: 300,
            stream_idle_seconds: 60,
            max_in_flight: 64,
            max_request_bytes_in_flight: 64 << 20,
            request_timeout_seconds: 30,
            key_rate_per_second: None,
        }
    }
}

/// The networks each role of the console may be used from (`[console.allow]`); a role
/// without a list may be used from anywhere (see `users`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Allowlists {
    /// Networks of the officer role.
    #[serde(default)]
    pub officer: Option<Vec<ipnet::IpNet>>,
    /// Networks of the agent role.
    #[serde(default)]
    pub agent: Option<Vec<ipnet::IpNet>>,
    /// Networks of the admin role.
    #[serde(default)]
    pub admin: Option<Vec<ipnet::IpNet>>,
}

/// The web console (`[console]`): where users and washed files are kept, sessions, login
/// limits and the networks each role may be used from.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ConsoleConfig {
    /// The users file (default: `users.json` beside the audit directory).
    pub users: Option<PathBuf>,
    /// Where washed lead files wait for their download (default: `console-washes` beside the
    /// audit directory).
    pub washes: Option<PathBuf>,
    /// A session unused this long ends.
    pub idle_timeout_minutes: u32,
    /// Failed logins allowed per user and per address within `login_window_seconds`.
    pub login_failures: u32,
    /// The window failed logins are counted in.
    pub login_window_seconds: u32,
    /// The largest lead file accepted for upload, in bytes.
    pub max_upload_bytes: u64,
    /// A washed file is removed this long after the wash if it was not downloaded.
    pub keep_washed_minutes: u32,
    /// Most washed files kept at once (the temp area's bound); the oldest go first.
    pub max_kept_washes: usize,
    /// Networks (CIDRs) per role; a role without a list may be used from anywhere.
    pub allow: Allowlists,
    /// Create the documented demo users when there is no users file (demo configuration).
    #[serde(skip)]
    pub demo_users: bool,
}

impl Default for ConsoleConfig {
    fn default() -> Self {
        ConsoleConfig {
            users: None,
            washes: None,
            idle_timeout_minutes: 30,
            login_failures: 5,
            login_window_seconds: 300,
            max_upload_bytes: 1 << 30,
            keep_washed_minutes: 60,
            max_kept_washes: 16,
            allow: Default::default(),
            demo_users: false,
        }
    }
}

impl ConsoleConfig {
    /// The users file.
    pub fn users_file(&self, audit: &Path) -> PathBuf {
        self.users
            .clone()
            .unwrap_or_else(|| audit.parent().unwrap_or(Path::new(".")).join("users.json"))
    }

    /// The washed files' directory.
    pub fn washes_dir(&self, audit: &Path) -> PathBuf {
        self.washes.clone().unwrap_or_else(|| {
            audit
                .parent()
                .unwrap_or(Path::new("."))
                .join("console-washes")
        })
    }
}

/// The file as written; [`Config`] is what it means.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default = "default_listen")]
    listen: SocketAddr,
    #[serde(default = "default_http_listen")]
    http_listen: SocketAddr,
    catalog: PathBuf,
    store: PathBuf,
    journal: PathBuf,
    audit: PathBuf,
    #[serde(default = "yes")]
    build_if_missing: bool,
    #[serde(default = "CountryPolicy::norway")]
    country: CountryPolicy,
    #[serde(default)]
    calling_policy: Vec<CallingPolicyConfig>,
    #[serde(default)]
    limits: Limits,
    tls: Option<TlsConfig>,
    #[serde(default)]
    centres: Vec<CentreConfig>,
    #[serde(default)]
    clients: Vec<ClientFile>,
    #[serde(default)]
    keys: Vec<KeyConfig>,
    #[serde(default)]
    national_id_key: Option<String>,
    #[serde(default)]
    audit_key: Option<String>,
    #[serde(default)]
    person_strictness: Option<String>,
    #[serde(default)]
    console: ConsoleConfig,
}

/// The whole configuration, checked.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file it was read from (`None` for the demo configuration).
    pub file: Option<PathBuf>,
    /// The demo configuration over the bundled sample: its keys are public, so it serves only
    /// on loopback addresses.
    pub demo: bool,
    /// Address to listen on (gRPC).
    pub listen: SocketAddr,
    /// Address the HTTP/JSON API (and `/metrics`, the console) listens on.
    pub http_listen: SocketAddr,
    /// The source catalogue rebuilds read.
    pub catalog: PathBuf,
    /// Directory of generations.
    pub store: PathBuf,
    /// Directory of the opt-out journal.
    pub journal: PathBuf,
    /// Directory of the proof-of-wash audit trail.
    pub audit: PathBuf,
    /// Build a generation from the catalogue at start if the store has none (or only one of
    /// an older format, or stale stamped sample data).
    pub build_if_missing: bool,
    /// Country policy of the national register.
    pub country: CountryPolicy,
    /// Calling-window policies: Norway built in, plus the configured ones.
    pub calendars: CalendarRegistry,
    /// What one request may ask for, and what the server takes on at once (`[limits]`).
    pub limits: Limits,
    /// TLS of both listeners (gRPC and HTTP); plaintext when absent.
    pub tls: Option<TlsConfig>,
    /// Centres and their clients.
    pub centres: Vec<CentreConfig>,
    /// Every client's policy; a client a centre names without a `[[clients]]` entry is a
    /// business that sells ([`ClientPolicy::business`]).
    pub clients: BTreeMap<ClientId, ClientPolicy>,
    /// API keys (hashes lower-case, each hash once).
    pub keys: Vec<KeyConfig>,
    /// Key of the keyed hash national ids are stored and matched as (`VASK_NATIONAL_ID_KEY`
    /// overrides the file). Without one, national ids are neither indexed nor matched.
    pub national_id_key: Option<IdHashKey>,
    /// Key of the audit trail's HMAC chain (`VASK_AUDIT_KEY` overrides the file). Without
    /// one, the trail keeps a generated key beside it (see [`crate::audit`]).
    pub audit_key: Option<AuditKey>,
    /// Default strictness of person matching.
    pub person_strictness: Strictness,
    /// The web console.
    pub console: ConsoleConfig,
}

fn default_listen() -> SocketAddr {
    SocketAddr::from(([127, 0, 0, 1], 50051))
}

fn default_http_listen() -> SocketAddr {
    SocketAddr::from(([127, 0, 0, 1], 8080))
}

fn yes() -> bool {
    true
}

/// Lower-case hex SHA-256 of a key.
pub fn hash_key(key: &str) -> String {
    hex::encode(Sha256::digest(key.as_bytes()))
}

impl Config {
    /// Reads and checks a config file; relative paths are relative to the file's directory.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let file: ConfigFile = toml::from_str(&text).map_err(|e| ConfigError::Parse {
            path: path.to_path_buf(),
            why: e.to_string(),
        })?;
        let base = path.parent().unwrap_or(Path::new("."));
        let resolve = |p: PathBuf| if p.is_relative() { base.join(p) } else { p };
        let file = ConfigFile {
            catalog: resolve(file.catalog),
            store: resolve(file.store),
            journal: resolve(file.journal),
            audit: resolve(file.audit),
            tls: file.tls.map(|t| TlsConfig {
                cert: resolve(t.cert),
                key: resolve(t.key),
            }),
            console: ConsoleConfig {
                users: file.console.users.map(resolve),
                washes: file.console.washes.map(resolve),
                ..file.console
            },
            ..file
        };
        Config::from_file(file, Some(path.to_path_buf()), false)
    }

    /// The demo configuration: bundled sample data, state under `state_dir`, demo keys.
    pub fn demo(data_dir: &Path, state_dir: &Path) -> Config {
        let text = format!(
            r#"
catalog = "catalog.toml"
store = "store"
journal = "journal"
audit = "audit"
national_id_key = "{DEMO_NATIONAL_ID_KEY}"
audit_key = "{DEMO_AUDIT_KEY}"

[[centres]]
id = "demo-centre"
clients = ["acme-energy", "nordic-telecom", "red-cross-demo", "survey-institute"]

[[clients]]
id = "acme-energy"
kind = "business"
purposes = ["sales"]

[[clients]]
id = "nordic-telecom"
kind = "business"
purposes = ["sales"]

[[clients]]
id = "red-cross-demo"
kind = "voluntary"
purposes = ["fundraising"]
donor_categories = ["donor"]

[[clients]]
id = "survey-institute"
kind = "business"
purposes = ["market_research"]

[[keys]]
id = "demo"
centre = "demo-centre"
sha256 = "{demo}"

[[keys]]
id = "demo-admin"
centre = "demo-centre"
sha256 = "{admin}"
admin = true
"#,
            demo = hash_key(DEMO_KEY),
            admin = hash_key(DEMO_ADMIN_KEY),
        );
        let file: ConfigFile = match toml::from_str(&text) {
            Ok(f) => f,
            Err(e) => unreachable!("the demo configuration parses: {e}"),
        };
        let file = ConfigFile {
            catalog: data_dir.join(file.catalog),
            store: state_dir.join(file.store),
            journal: state_dir.join(file.journal),
            audit: state_dir.join(file.audit),
            console: ConsoleConfig {
                users: Some(state_dir.join("users.json")),
                washes: Some(state_dir.join("console-washes")),
                demo_users: true,
                ..file.console
            },
            ..file
        };
        match Config::from_file(file, None, true) {
            Ok(c) => c,
            Err(e) => unreachable!("the demo configuration is valid: {e}"),
        }
    }

    fn from_file(f: ConfigFile, path: Option<PathBuf>, demo: bool) -> Result<Config, ConfigError> {
        let invalid = |key: String, why: String| ConfigError::Invalid {
            path: path.clone().unwrap_or_else(|| PathBuf::from("<demo>")),
            key,
            why,
        };
        let person_strictness = match &f.person_strictness {
            None => Strictness::default(),
            Some(s) => s
                .parse()
                .map_err(|e| invalid("person_strictness".into(), format!("{e}")))?,
        };
        let national_id_key = match std::env::var("VASK_NATIONAL_ID_KEY")
            .ok()
            .or(f.national_id_key)
        {
            None => None,
            Some(k) => Some(IdHashKey::new(k.as_bytes()).ok_or_else(|| {
                invalid(
                    "national_id_key".into(),
                    format!(
                        "must be at least {} bytes of secret",
                        crate::person::nid::MIN_KEY_BYTES
                    ),
                )
            })?),
        };
        let audit_key = match std::env::var("VASK_AUDIT_KEY").ok().or(f.audit_key) {
            None => None,
            Some(k) => Some(AuditKey::new(k.as_bytes()).ok_or_else(|| {
                invalid(
                    "audit_key".into(),
                    format!(
                        "must be at least {} bytes of secret",
                        crate::audit::MIN_KEY_BYTES
                    ),
                )
            })?),
        };
        let calendars = CalendarRegistry::from_configs(&f.calling_policy)
            .map_err(|e| invalid("calling_policy".into(), e.to_string()))?;

        let mut centres: BTreeMap<&CentreId, &CentreConfig> = BTreeMap::new();
        for (i, c) in f.centres.iter().enumerate() {
            if centres.insert(&c.id, c).is_some() {
                return Err(invalid(
                    format!("centres[{i}].id"),
                    format!("centre {:?} is listed twice", c.id.as_str()),
                ));
            }
        }
        let mut clients = BTreeMap::new();
        for (i, c) in f.clients.iter().enumerate() {
            let policy = match c.kind {
                CallerKind::Business => ClientPolicy::business(),
                CallerKind::Voluntary => ClientPolicy::voluntary(),
            };
            let policy = ClientPolicy {
                purposes: c.purposes.clone().unwrap_or(policy.purposes),
                donor_categories: c
                    .donor_categories
                    .clone()
                    .unwrap_or(policy.donor_categories),
                ..policy
            };
            if policy.purposes.is_empty() {
                return Err(invalid(
                    format!("clients[{i}].purposes"),
                    "name at least one of sales, market_research, fundraising".into(),
                ));
            }
            if c.kind == CallerKind::Business && !policy.donor_categories.is_empty() {
                return Err(invalid(
                    format!("clients[{i}].donor_categories"),
                    format!(
                        "client {} is a business; only a voluntary organisation has donors",
                        c.id
                    ),
                ));
            }
            if clients.insert(c.id.clone(), policy).is_some() {
                return Err(invalid(
                    format!("clients[{i}].id"),
                    format!("client {:?} is listed twice", c.id.as_str()),
                ));
            }
        }
        for c in &f.centres {
            for client in &c.clients {
                clients
                    .entry(client.clone())
                    .or_insert_with(ClientPolicy::business);
            }
        }

        let mut keys = f.keys;
        let mut ids: HashMap<&str, usize> = HashMap::new();
        let mut hashes: HashMap<String, String> = HashMap::new();
        for (i, k) in keys.iter_mut().enumerate() {
            if !centres.contains_key(&k.centre) {
                return Err(invalid(
                    format!("keys[{i}].centre"),
                    format!(
                        "key {:?} names centre {:?}, which is not in [[centres]]",
                        k.id,
                        k.centre.as_str()
                    ),
                ));
            }
            k.sha256 = k.sha256.trim().to_ascii_lowercase();
            if k.sha256.len() != 64 || !k.sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(invalid(
                    format!("keys[{i}].sha256"),
                    format!(
                        "key {:?}: 64 hex digits expected (use `vask hash-key`)",
                        k.id
                    ),
                ));
            }
            if let Some(other) = hashes.insert(k.sha256.clone(), k.id.clone()) {
                return Err(invalid(
                    format!("keys[{i}].sha256"),
                    format!(
                        "keys {other:?} and {:?} have the same key (hashes equal ignoring case); give each key its own secret",
                        k.id
                    ),
                ));
            }
        }
        for (i, k) in keys.iter().enumerate() {
            if let Some(first) = ids.insert(&k.id, i) {
                return Err(invalid(
                    format!("keys[{i}].id"),
                    format!("key id {:?} is used twice (also keys[{first}])", k.id),
                ));
            }
        }
        if f.limits.max_batch == 0 {
            return Err(invalid(
                "limits.max_batch".into(),
                "must be at least 1".into(),
            ));
        }
        Ok(Config {
            file: path,
            demo,
            listen: f.listen,
            http_listen: f.http_listen,
            catalog: f.catalog,
            store: f.store,
            journal: f.journal,
            audit: f.audit,
            build_if_missing: f.build_if_missing,
            country: f.country,
            calendars,
            limits: f.limits,
            tls: f.tls,
            centres: f.centres,
            clients,
            keys,
            national_id_key,
            audit_key,
            person_strictness,
            console: f.console,
        })
    }

    /// The policy of `client`, if it is configured (or named by a centre).
    pub fn client(&self, client: &ClientId) -> Option<&ClientPolicy> {
        self.clients.get(client)
    }

    /// Refuses a listen address this configuration must not serve on: the demo configuration's
    /// keys are published, so it serves on loopback addresses only.
    pub fn check_listen(&self, addr: SocketAddr) -> Result<(), ConfigError> {
        if self.demo && !addr.ip().is_loopback() {
            return Err(ConfigError::Invalid {
                path: PathBuf::from("<demo>"),
                key: "listen".into(),
                why: format!(
                    "the demo configuration serves the bundled sample with published keys and listens only on loopback addresses (127.0.0.1, ::1), not {addr}; write a configuration with your own keys (README: Configuration) and pass it with --config"
                ),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Config, ConfigError> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("vask.toml");
        std::fs::write(&path, text).unwrap();
        Config::load(&path)
    }

    const BASE: &str = r#"
catalog = "c.toml"
store = "s"
journal = "j"
audit = "a"
[[centres]]
id = "a"
clients = ["x"]
[[centres]]
id = "b"
clients = ["y"]
"#;

    #[test]
    fn key_hashes_differing_only_in_case_are_one_key_and_refused() {
        let h = hash_key("secret");
        let text = format!(
            "{BASE}[[keys]]\nid = \"a-dialer\"\ncentre = \"a\"\nsha256 = \"{h}\"\n\
             [[keys]]\nid = \"b-admin\"\ncentre = \"b\"\nsha256 = \"{}\"\nadmin = true\n",
            h.to_ascii_uppercase()
        );
        let e = load(&text).expect_err("duplicate").to_string();
        assert!(
            e.contains("a-dialer") && e.contains("b-admin") && e.contains("keys[1].sha256"),
            "{e}"
        );
        // A hash written in upper case alone is normalised.
        let text = format!(
            "{BASE}[[keys]]\nid = \"k\"\ncentre = \"a\"\nsha256 = \"{}\"\n",
            h.to_ascii_uppercase()
        );
        assert_eq!(load(&text).unwrap().keys[0].sha256, h);
    }

    #[test]
    fn clients_are_typed_with_defaults() {
        let c = load(&format!(
            "{BASE}[[clients]]\nid = \"y\"\nkind = \"voluntary\"\npurposes = [\"fundraising\", \"market_research\"]\n"
        ))
        .unwrap();
        let x = c.client(&ClientId::new("x").unwrap()).unwrap();
        assert_eq!(*x, ClientPolicy::business());
        let y = c.client(&ClientId::new("y").unwrap()).unwrap();
        assert_eq!(y.kind, CallerKind::Voluntary);
        assert!(y.is_donor_category(&Category::donor()));
        assert_eq!(y.purposes.len(), 2);
        let e = load(&format!(
            "{BASE}[[clients]]\nid = \"y\"\nkind = \"charity\"\n"
        ))
        .expect_err("bad kind")
        .to_string();
        assert!(e.contains("kind") && e.contains("charity"), "{e}");
        let e = load(&format!(
            "{BASE}[[clients]]\nid = \"x\"\nkind = \"business\"\ndonor_categories = [\"donor\"]\n"
        ))
        .expect_err("business with donors")
        .to_string();
        assert!(e.contains("clients[0].donor_categories"), "{e}");
    }

    #[test]
    fn errors_name_the_key() {
        let e = load(&format!("{BASE}[country]\nregion = \"XX\"\ntime_zone = \"Europe/Oslo\"\nsnapshot_max_age_months = 1\ncustomer_window_days = 0\ndonor_window_years = 3\n"))
            .expect_err("region")
            .to_string();
        assert!(e.contains("region") && e.contains("XX"), "{e}");
        let e = load(&format!("{BASE}person_strictness = \"sloppy\"\n"))
            .expect_err("strictness")
            .to_string();
        assert!(
            e.contains("person_strictness") && e.contains("sloppy"),
            "{e}"
        );
        let e = load(&format!(
            "{BASE}[[keys]]\nid = \"k\"\ncentre = \"nowhere\"\nsha256 = \"{}\"\n",
            hash_key("k")
        ))
        .expect_err("centre")
        .to_string();
        assert!(e.contains("keys[0].centre") && e.contains("nowhere"), "{e}");
    }

    #[test]
    fn the_demo_configuration_listens_on_loopback_only() {
        let c = Config::demo(Path::new("data"), Path::new("var/demo"));
        assert!(c.check_listen("127.0.0.1:50051".parse().unwrap()).is_ok());
        assert!(c.check_listen("[::1]:50051".parse().unwrap()).is_ok());
        let e = c
            .check_listen("0.0.0.0:50051".parse().unwrap())
            .expect_err("public")
            .to_string();
        assert!(e.contains("loopback") && e.contains("--config"), "{e}");
        let own = load(BASE).unwrap();
        assert!(own.check_listen("0.0.0.0:50051".parse().unwrap()).is_ok());
    }
}
