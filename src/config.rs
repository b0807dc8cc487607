//! Service configuration: one TOML file (centres, clients, API keys, paths, limits, country
//! policy, TLS), with environment overrides applied by the CLI.
//!
//! Without a file, [`Config::demo`] serves the bundled sample in `data/` with a documented demo
//! key, so `vask serve` works on a fresh checkout.

use std::collections::{BTreeMap, BTreeSet};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::calendar::CallingPolicyConfig;
use crate::domain::{CentreId, ClientId};
use crate::engine::CountryPolicy;

/// The documented demo API key of `vask serve` without a config. Not a secret.
pub const DEMO_KEY: &str = "vask-demo-key";
/// The demo admin key (may reload and remove reservations). Not a secret.
pub const DEMO_ADMIN_KEY: &str = "vask-demo-admin-key";

/// Why a configuration was refused.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("cannot read config {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
    /// The file is not valid TOML for this schema.
    #[error("config {path}: {why}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        why: String,
    },
    /// The settings contradict each other.
    #[error("config: {0}")]
    Invalid(String),
}

/// An API key, stored as the SHA-256 of the key (never the key itself).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyConfig {
    /// Key id: logged and recorded in the audit trail instead of the key.
    pub id: String,
    /// The centre the key acts for.
    pub centre: CentreId,
    /// Lower-case hex SHA-256 of the key.
    pub sha256: String,
    /// Admin keys may reload generations and remove reservations.
    #[serde(default)]
    pub admin: bool,
}

/// A centre and the clients it may wash for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CentreConfig {
    /// The centre.
    pub id: CentreId,
    /// Clients this centre calls for.
    pub clients: BTreeSet<ClientId>,
}

/// TLS settings (rustls).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TlsConfig {
    /// PEM certificate chain.
    pub cert: PathBuf,
    /// PEM private key.
    pub key: PathBuf,
}

/// Limits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// Most numbers in one Wash request or one WashStream chunk.
    pub max_batch: usize,
    /// Largest gRPC message accepted, in bytes.
    pub max_message_bytes: usize,
    /// Only admin keys may remove reservations.
    pub removal_requires_admin: bool,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_batch: 100_000,
            max_message_bytes: 16 << 20,
            removal_requires_admin: true,
        }
    }
}

/// The whole configuration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Address to listen on.
    #[serde(default = "default_listen")]
    pub listen: SocketAddr,
    /// The source catalogue rebuilds read.
    pub catalog: PathBuf,
    /// Directory of generations.
    pub store: PathBuf,
    /// Directory of the opt-out journal.
    pub journal: PathBuf,
    /// Directory of the proof-of-wash audit log.
    pub audit: PathBuf,
    /// Build a generation from the catalogue at start if the store has none (or only one of
    /// an older format, or stale stamped sample data).
    #[serde(default = "yes")]
    pub build_if_missing: bool,
    /// Country policy of the national register.
    #[serde(default = "CountryPolicy::norway")]
    pub country: CountryPolicy,
    /// Calling-window policies beyond the built-in Norwegian one.
    #[serde(default)]
    pub calling_policy: Vec<CallingPolicyConfig>,
    /// Limits.
    #[serde(default)]
    pub limits: Limits,
    /// TLS; plaintext when absent.
    pub tls: Option<TlsConfig>,
    /// Centres and their clients.
    #[serde(default)]
    pub centres: Vec<CentreConfig>,
    /// API keys.
    #[serde(default)]
    pub keys: Vec<KeyConfig>,
    /// Secret key of the keyed hash (HMAC-SHA256) national ids are stored and matched as; at
    /// least 16 bytes. Overridden by `VASK_NATIONAL_ID_KEY`. Without one, national ids are
    /// neither indexed nor matched. Changing it needs a rebuild.
    #[serde(default)]
    pub national_id_key: Option<String>,
    /// Default strictness of person matching: exact, strict, normal (default) or loose.
    #[serde(default)]
    pub person_strictness: Option<String>,
}

/// The demo's national-id hash key (documented, not a secret: the sample has made-up ids).
pub const DEMO_NATIONAL_ID_KEY: &str = "vask-demo-national-id-key";

fn default_listen() -> SocketAddr {
    SocketAddr::from(([127, 0, 0, 1], 50051))
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
        let mut config: Config = toml::from_str(&text).map_err(|e| ConfigError::Parse {
            path: path.to_path_buf(),
            why: e.to_string(),
        })?;
        let base = path.parent().unwrap_or(Path::new("."));
        for p in [
            &mut config.catalog,
            &mut config.store,
            &mut config.journal,
            &mut config.audit,
        ] {
            if p.is_relative() {
                *p = base.join(&*p);
            }
        }
        if let Some(tls) = &mut config.tls {
            for p in [&mut tls.cert, &mut tls.key] {
                if p.is_relative() {
                    *p = base.join(&*p);
                }
            }
        }
        config.check()?;
        Ok(config)
    }

    /// The demo configuration: bundled sample data, state under `state_dir`, demo keys.
    pub fn demo(data_dir: &Path, state_dir: &Path) -> Config {
        let centre = CentreId::new("demo-centre").unwrap_or_else(|_| unreachable!());
        let clients = ["acme-energy", "nordic-telecom", "red-cross-demo"]
            .into_iter()
            .filter_map(|c| ClientId::new(c).ok())
            .collect();
        Config {
            listen: default_listen(),
            catalog: data_dir.join("catalog.toml"),
            store: state_dir.join("store"),
            journal: state_dir.join("journal"),
            audit: state_dir.join("audit"),
            build_if_missing: true,
            country: CountryPolicy::norway(),
            calling_policy: Vec::new(),
            limits: Limits::default(),
            tls: None,
            centres: vec![CentreConfig {
                id: centre.clone(),
                clients,
            }],
            national_id_key: Some(DEMO_NATIONAL_ID_KEY.into()),
            person_strictness: None,
            keys: vec![
                KeyConfig {
                    id: "demo".into(),
                    centre: centre.clone(),
                    sha256: hash_key(DEMO_KEY),
                    admin: false,
                },
                KeyConfig {
                    id: "demo-admin".into(),
                    centre,
                    sha256: hash_key(DEMO_ADMIN_KEY),
                    admin: true,
                },
            ],
        }
    }

    /// The default person-matching strictness.
    pub fn person_strictness(&self) -> Result<crate::person::Strictness, ConfigError> {
        self.person_strictness
            .as_deref()
            .map(|s| {
                s.parse()
                    .map_err(|e| ConfigError::Invalid(format!("person_strictness: {e}")))
            })
            .unwrap_or(Ok(crate::person::Strictness::default()))
    }

    /// The national-id hash key, from `VASK_NATIONAL_ID_KEY` or the config.
    pub fn national_id_key(&self) -> Result<Option<crate::person::IdHashKey>, ConfigError> {
        let raw = std::env::var("VASK_NATIONAL_ID_KEY")
            .ok()
            .or_else(|| self.national_id_key.clone());
        raw.map(|k| {
            crate::person::IdHashKey::new(k.as_bytes()).ok_or_else(|| {
                ConfigError::Invalid(format!(
                    "national_id_key must be at least {} bytes",
                    crate::person::nid::MIN_KEY_BYTES
                ))
            })
        })
        .transpose()
    }

    /// Checks cross-references: every key's centre exists, hashes look like SHA-256, ids unique.
    pub fn check(&self) -> Result<(), ConfigError> {
        self.person_strictness()?;
        self.national_id_key()?;
        let centres: BTreeMap<&CentreId, &CentreConfig> =
            self.centres.iter().map(|c| (&c.id, c)).collect();
        if centres.len() != self.centres.len() {
            return Err(ConfigError::Invalid("a centre is listed twice".into()));
        }
        let mut ids = BTreeSet::new();
        for k in &self.keys {
            if !centres.contains_key(&k.centre) {
                return Err(ConfigError::Invalid(format!(
                    "key {:?} names centre {:?}, which is not in [[centres]]",
                    k.id,
                    k.centre.as_str()
                )));
            }
            if k.sha256.len() != 64 || !k.sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(ConfigError::Invalid(format!(
                    "key {:?}: sha256 must be 64 hex digits (use `vask hash-key`)",
                    k.id
                )));
            }
            if !ids.insert(&k.id) {
                return Err(ConfigError::Invalid(format!(
                    "key id {:?} is used twice",
                    k.id
                )));
            }
        }
        if self.limits.max_batch == 0 {
            return Err(ConfigError::Invalid(
                "limits.max_batch must be at least 1".into(),
            ));
        }
        Ok(())
    }
}
