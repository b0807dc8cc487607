//! People, not only machines: the console's user accounts. A user belongs to one centre (as
//! an API key does) and has roles that say which pages of the console it may use:
//!
//! - [`Role::Officer`] (the compliance officer): the overview, washing lead files, looking up
//!   numbers, the proof of wash (filter, export, verify), the opt-outs and calling hours;
//! - [`Role::Agent`]: looking up a number's verdict, adding opt-outs, calling hours;
//! - [`Role::Admin`]: removing reservations (with a reason), reloading, the overview and the
//!   opt-outs; users are managed with `vask user add|passwd|disable|list`.
//!
//! What a user may *do* on a page is decided by the library, as for an API key: a user
//! authenticates into a [`Principal`] of its centre, admin exactly when it has the admin role
//! (so removing a reservation is refused to an agent by the same rule that refuses it to a
//! plain API key).
//!
//! Roles may be limited to networks ([`Allowlists`], CIDRs per role in the configuration): a
//! role whose list does not admit the address a user signs in from is not granted for that
//! session, and a user left without a role is refused.
//!
//! # Storage
//! `users.json` (path configurable, `[console] users`) holds every account with its password
//! hashed with argon2id under a per-user random salt (a PHC string; the password itself is
//! never stored or logged). Changes take a lock file beside it and replace the file durably
//! ([`crate::fsutil::replace`]), so `vask user` may change it while the server runs; the
//! server re-reads it when its modification time changes, so a disabled user is locked out
//! at its next request.

use std::collections::BTreeSet;
use std::fmt;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::auth::Principal;
use crate::config::{Allowlists, Config};
use crate::domain::CentreId;
use crate::fsutil;

/// Shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// Longest password accepted (argon2 takes any length; this bounds the work per login).
pub const MAX_PASSWORD_BYTES: usize = 1024;
const FORMAT_VERSION: u32 = 1;

/// Why a user could not be read, changed or signed in.
#[derive(Debug, thiserror::Error)]
pub enum UserError {
    /// The users file could not be read or written.
    #[error(transparent)]
    Io(#[from] fsutil::IoError),
    /// The users file is not valid.
    #[error("users file {}: {why}", path.display())]
    Corrupt {
        /// The users file.
        path: PathBuf,
        /// What is wrong.
        why: String,
    },
    /// Another process is changing the users file.
    #[error("users file {} is being changed by another process; try again", path.display())]
    Busy {
        /// The users file.
        path: PathBuf,
    },
    /// No such user.
    #[error("no user {0:?}")]
    NotFound(String),
    /// A user of that name exists already.
    #[error("user {0:?} exists already")]
    Exists(String),
    /// A field is refused (a bad username, a short password, an unknown centre or role).
    #[error("{field}: {why}")]
    Invalid {
        /// The field (`username`, `password`, `centre`, `roles`).
        field: &'static str,
        /// What is wrong and what is expected.
        why: String,
    },
}

/// What a user is on the floor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The compliance officer: reads everything of the centre, washes, exports proofs.
    Officer,
    /// An agent: looks numbers up and records opt-outs.
    Agent,
    /// An administrator: removes reservations, reloads, manages users.
    Admin,
}

impl Role {
    /// Every role, in order.
    pub const ALL: [Role; 3] = [Role::Officer, Role::Agent, Role::Admin];

    /// The role's name in the configuration and the users file.
    pub fn name(self) -> &'static str {
        match self {
            Role::Officer => "officer",
            Role::Agent => "agent",
            Role::Admin => "admin",
        }
    }

    /// The pages this role opens.
    fn permits(self, p: Permission) -> bool {
        use Permission::*;
        match self {
            Role::Officer => matches!(
                p,
                Overview | Wash | LookUp | OptOuts | Proofs | CallingHours
            ),
            Role::Agent => matches!(p, LookUp | OptOuts | AddOptOut | CallingHours),
            Role::Admin => matches!(
                p,
                Overview | OptOuts | AddOptOut | RemoveReservation | Reload | CallingHours
            ),
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Role {
    type Err = UserError;
    fn from_str(s: &str) -> Result<Role, UserError> {
        Role::ALL
            .into_iter()
            .find(|r| r.name() == s.trim())
            .ok_or_else(|| UserError::Invalid {
                field: "roles",
                why: format!("unknown role {s:?}: use officer, agent or admin"),
            })
    }
}

/// A part of the console a role opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// The overview: generation, snapshot, lists, washes today.
    Overview,
    /// Washing a lead file.
    Wash,
    /// Looking a number up (Explain, with its history).
    LookUp,
    /// The opt-out page (recent changes).
    OptOuts,
    /// Adding an opt-out.
    AddOptOut,
    /// Removing a reservation (the library also requires an admin principal).
    RemoveReservation,
    /// The proof of wash: filter, export, verify.
    Proofs,
    /// Reloading the generation.
    Reload,
    /// Calling hours and closed days.
    CallingHours,
}

/// One account as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct User {
    /// The username: its id in sessions, logs and the audit trail.
    pub username: String,
    /// The centre it works for.
    pub centre: CentreId,
    /// Its roles.
    pub roles: BTreeSet<Role>,
    /// argon2id PHC string (salt and parameters inside); never the password.
    pub password: String,
    /// A disabled user cannot sign in, and its sessions end.
    #[serde(default)]
    pub disabled: bool,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When its password was last set.
    pub password_set_at: DateTime<Utc>,
}

impl User {
    /// Whether the password is this user's (constant-time comparison inside argon2).
    /// Blocking: argon2 takes tens of milliseconds on purpose.
    pub fn check_password(&self, password: &str) -> bool {
        check_password(&self.password, password)
    }

    /// The roles this user has when it signs in from `addr`: those whose allowlist admits it.
    pub fn roles_from(&self, addr: IpAddr, allow: &Allowlists) -> BTreeSet<Role> {
        self.roles
            .iter()
            .copied()
            .filter(|r| allow.admits(*r, addr))
            .collect()
    }

    /// The principal the user acts as with `roles`: its centre's clients from the
    /// configuration, admin with the admin role. `None` when the centre is not configured.
    pub fn principal(&self, config: &Config, roles: &BTreeSet<Role>) -> Option<Principal> {
        let centre = config.centres.iter().find(|c| c.id == self.centre)?;
        Some(Principal::new(
            self.username.clone(),
            self.centre.clone(),
            roles.contains(&Role::Admin),
            centre.clients.clone(),
        ))
    }
}

/// Whether any of `roles` opens `p`.
pub fn may(roles: &BTreeSet<Role>, p: Permission) -> bool {
    roles.iter().any(|r| r.permits(p))
}

// `Allowlists` is configuration (`config.rs`); what a list admits is the users' rule.
impl Allowlists {
    /// Whether `role` may be used from `addr`.
    pub fn admits(&self, role: Role, addr: IpAddr) -> bool {
        let list = match role {
            Role::Officer => &self.officer,
            Role::Agent => &self.agent,
            Role::Admin => &self.admin,
        };
        // An IPv4 client on a dual-stack socket arrives as ::ffff:a.b.c.d.
        let addr = match addr {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(addr, IpAddr::V4),
            v4 => v4,
        };
        list.as_ref()
            .is_none_or(|nets| nets.iter().any(|n| n.contains(&addr)))
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct UsersFile {
    version: u32,
    users: Vec<User>,
}

/// Checks a username: 1–64 characters of lower-case ASCII letters, digits, `.`, `_`, `-`.
pub fn check_username(name: &str) -> Result<(), UserError> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-')
        });
    if ok {
        Ok(())
    } else {
        Err(UserError::Invalid {
            field: "username",
            why: format!(
                "{name:?}: use 1-64 characters of a-z, 0-9, '.', '_' or '-' (an account name, not a person's name)"
            ),
        })
    }
}

/// Hashes a password with argon2id under a fresh random salt; refuses one that is too short.
/// Blocking (tens of milliseconds).
pub fn hash_password(password: &str) -> Result<String, UserError> {
    if password.chars().count() < MIN_PASSWORD_CHARS || password.len() > MAX_PASSWORD_BYTES {
        return Err(UserError::Invalid {
            field: "password",
            why: format!(
                "use at least {MIN_PASSWORD_CHARS} characters (and at most {MAX_PASSWORD_BYTES} bytes)"
            ),
        });
    }
    let salt_bytes: [u8; 16] = rand::random();
    let salt = SaltString::encode_b64(&salt_bytes).map_err(|e| UserError::Invalid {
        field: "password",
        why: format!("salt: {e}"),
    })?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| UserError::Invalid {
            field: "password",
            why: e.to_string(),
        })
}

/// Whether `password` is the one `hash` (a PHC string of [`hash_password`]) was made of.
/// Blocking (tens of milliseconds, on purpose).
pub fn check_password(hash: &str, password: &str) -> bool {
    if password.len() > MAX_PASSWORD_BYTES {
        return false;
    }
    PasswordHash::new(hash).is_ok_and(|h| {
        Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok()
    })
}

/// What [`Users::add`] needs.
#[derive(Debug, Clone)]
pub struct NewUser {
    /// The name the user signs in with (unique).
    pub username: String,
    /// The centre (must be configured).
    pub centre: CentreId,
    /// At least one role.
    pub roles: BTreeSet<Role>,
    /// The password in clear (hashed before it is stored).
    pub password: String,
}

struct Cached {
    modified: Option<SystemTime>,
    users: Arc<Vec<User>>,
}

/// The users file: read (and re-read when it changes) by the server, changed by `vask user`.
pub struct Users {
    path: PathBuf,
    cache: Mutex<Cached>,
}

impl fmt::Debug for Users {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Users").field("path", &self.path).finish()
    }
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

fn read_file(path: &Path) -> Result<Vec<User>, UserError> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(UserError::Io(fsutil::IoError {
                op: "read",
                path: path.to_path_buf(),
                source,
            }));
        }
    };
    let corrupt = |why: String| UserError::Corrupt {
        path: path.to_path_buf(),
        why,
    };
    let file: UsersFile = serde_json::from_str(&text).map_err(|e| corrupt(e.to_string()))?;
    if file.version != FORMAT_VERSION {
        return Err(corrupt(format!(
            "format version {}, this vask reads {FORMAT_VERSION}",
            file.version
        )));
    }
    Ok(file.users)
}

impl Users {
    /// The users file at `path` (it need not exist yet: then there are no users).
    pub fn open(path: &Path) -> Result<Users, UserError> {
        let users = read_file(path)?;
        Ok(Users {
            path: path.to_path_buf(),
            cache: Mutex::new(Cached {
                modified: modified(path),
                users: Arc::new(users),
            }),
        })
    }

    /// The users file (`users.json`).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Every user, re-read if the file changed since it was last read. A file that became
    /// unreadable keeps the users last read (and the error is logged).
    pub fn all(&self) -> Arc<Vec<User>> {
        let mut cache = self
            .cache
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let now = modified(&self.path);
        if now != cache.modified {
            match read_file(&self.path) {
                Ok(users) => {
                    cache.users = Arc::new(users);
                    cache.modified = now;
                }
                Err(e) => {
                    tracing::error!(error = %e, "users file unreadable; keeping the users last read")
                }
            }
        }
        cache.users.clone()
    }

    /// The user named `username`, if it exists.
    pub fn get(&self, username: &str) -> Option<User> {
        self.all().iter().find(|u| u.username == username).cloned()
    }

    /// Changes the file under its lock: reads it, lets `change` edit the users, writes it
    /// back durably.
    fn change<T>(
        &self,
        change: impl FnOnce(&mut Vec<User>) -> Result<T, UserError>,
    ) -> Result<T, UserError> {
        let mut lock_path = self.path.as_os_str().to_owned();
        lock_path.push(".lock");
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| fsutil::IoError {
                op: "create",
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let _lock = fsutil::try_lock(Path::new(&lock_path))?.ok_or_else(|| UserError::Busy {
            path: self.path.clone(),
        })?;
        let mut users = read_file(&self.path)?;
        let out = change(&mut users)?;
        let file = UsersFile {
            version: FORMAT_VERSION,
            users,
        };
        let json = serde_json::to_vec_pretty(&file).map_err(|e| UserError::Corrupt {
            path: self.path.clone(),
            why: e.to_string(),
        })?;
        fsutil::replace(&self.path, &json)?;
        Ok(out)
    }

    /// Adds a user of a configured centre. Blocking (hashes the password).
    pub fn add(
        &self,
        config: &Config,
        new: NewUser,
        now: DateTime<Utc>,
    ) -> Result<User, UserError> {
        check_username(&new.username)?;
        if !config.centres.iter().any(|c| c.id == new.centre) {
            return Err(UserError::Invalid {
                field: "centre",
                why: format!(
                    "centre {:?} is not in the configuration's [[centres]]",
                    new.centre.as_str()
                ),
            });
        }
        if new.roles.is_empty() {
            return Err(UserError::Invalid {
                field: "roles",
                why: "give at least one of officer, agent, admin".into(),
            });
        }
        let password = hash_password(&new.password)?;
        let user = User {
            username: new.username,
            centre: new.centre,
            roles: new.roles,
            password,
            disabled: false,
            created_at: now,
            password_set_at: now,
        };
        self.change(|users| {
            if users.iter().any(|u| u.username == user.username) {
                return Err(UserError::Exists(user.username.clone()));
            }
            users.push(user.clone());
            Ok(user)
        })
    }

    /// Sets a user's password (and enables it again). Blocking.
    pub fn set_password(
        &self,
        username: &str,
        password: &str,
        now: DateTime<Utc>,
    ) -> Result<(), UserError> {
        let hash = hash_password(password)?;
        self.change_user(username, |u| {
            u.password = hash;
            u.password_set_at = now;
            u.disabled = false;
        })
    }

    /// Disables a user: it can no longer sign in, and its sessions end at their next request.
    pub fn disable(&self, username: &str) -> Result<(), UserError> {
        self.change_user(username, |u| u.disabled = true)
    }

    /// Changes one user with [`Users::change`]; [`UserError::NotFound`] if there is none.
    fn change_user(&self, username: &str, change: impl FnOnce(&mut User)) -> Result<(), UserError> {
        self.change(|users| {
            let u = users
                .iter_mut()
                .find(|u| u.username == username)
                .ok_or_else(|| UserError::NotFound(username.to_owned()))?;
            change(u);
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        Config::demo(Path::new("data"), Path::new("var/demo"))
    }

    fn new_user(name: &str, roles: &[Role]) -> NewUser {
        NewUser {
            username: name.into(),
            centre: CentreId::new("demo-centre").unwrap(),
            roles: roles.iter().copied().collect(),
            password: "correct horse battery".into(),
        }
    }

    #[test]
    fn passwords_are_salted_hashes_and_checked() {
        let dir = tempfile::tempdir().unwrap();
        let users = Users::open(&dir.path().join("users.json")).unwrap();
        let now = Utc::now();
        let a = users
            .add(&config(), new_user("kari", &[Role::Agent]), now)
            .unwrap();
        let b = users
            .add(&config(), new_user("ola", &[Role::Agent]), now)
            .unwrap();
        assert!(a.password.starts_with("$argon2id$"));
        assert_ne!(a.password, b.password, "a salt per user");
        let text = std::fs::read_to_string(users.path()).unwrap();
        assert!(!text.contains("correct horse"), "never the password");
        let kari = users.get("kari").unwrap();
        assert!(kari.check_password("correct horse battery"));
        assert!(!kari.check_password("correct horse batterY"));
        users
            .set_password("kari", "another long password", now)
            .unwrap();
        assert!(
            users
                .get("kari")
                .unwrap()
                .check_password("another long password")
        );
        assert!(matches!(
            users.add(&config(), new_user("kari", &[Role::Agent]), now),
            Err(UserError::Exists(_))
        ));
        users.disable("ola").unwrap();
        assert!(users.get("ola").unwrap().disabled);
        assert!(matches!(
            users.disable("nobody"),
            Err(UserError::NotFound(_))
        ));
    }

    #[test]
    fn bad_input_is_refused_by_field() {
        let dir = tempfile::tempdir().unwrap();
        let users = Users::open(&dir.path().join("users.json")).unwrap();
        let now = Utc::now();
        let field = |r: Result<User, UserError>| match r {
            Err(UserError::Invalid { field, .. }) => field,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            field(users.add(&config(), new_user("Kari Nordmann", &[Role::Agent]), now)),
            "username"
        );
        assert_eq!(
            field(users.add(&config(), new_user("kari", &[]), now)),
            "roles"
        );
        let mut short = new_user("kari", &[Role::Agent]);
        short.password = "short".into();
        assert_eq!(field(users.add(&config(), short, now)), "password");
        let mut elsewhere = new_user("kari", &[Role::Agent]);
        elsewhere.centre = CentreId::new("no-such-centre").unwrap();
        assert_eq!(field(users.add(&config(), elsewhere, now)), "centre");
        assert!("auditor".parse::<Role>().is_err());
    }

    #[test]
    fn roles_open_pages_and_admin_makes_an_admin_principal() {
        let agent: BTreeSet<Role> = [Role::Agent].into();
        assert!(may(&agent, Permission::AddOptOut) && may(&agent, Permission::LookUp));
        assert!(!may(&agent, Permission::Proofs) && !may(&agent, Permission::Wash));
        let officer: BTreeSet<Role> = [Role::Officer].into();
        assert!(may(&officer, Permission::Proofs) && may(&officer, Permission::Wash));
        assert!(!may(&officer, Permission::AddOptOut));
        let dir = tempfile::tempdir().unwrap();
        let users = Users::open(&dir.path().join("users.json")).unwrap();
        let u = users
            .add(
                &config(),
                new_user("root", &[Role::Admin, Role::Agent]),
                Utc::now(),
            )
            .unwrap();
        let p = u.principal(&config(), &u.roles).unwrap();
        assert!(p.admin && p.id == "root");
        assert!(p.client("client_id", "acme-energy").is_ok());
        let p = u.principal(&config(), &agent).unwrap();
        assert!(!p.admin);
    }

    #[test]
    fn allowlists_limit_roles_by_network() {
        let allow: Allowlists =
            toml::from_str("admin = [\"10.0.0.0/8\", \"::1/128\"]\nagent = []\n").unwrap();
        let user = User {
            username: "x".into(),
            centre: CentreId::new("demo-centre").unwrap(),
            roles: Role::ALL.into_iter().collect(),
            password: String::new(),
            disabled: false,
            created_at: Utc::now(),
            password_set_at: Utc::now(),
        };
        let from = |a: &str| user.roles_from(a.parse().unwrap(), &allow);
        assert_eq!(from("10.1.2.3"), [Role::Officer, Role::Admin].into());
        assert_eq!(from("::ffff:10.1.2.3"), [Role::Officer, Role::Admin].into());
        assert_eq!(from("192.0.2.1"), [Role::Officer].into());
        assert_eq!(from("::1"), [Role::Officer, Role::Admin].into());
    }

    #[test]
    fn the_console_section_of_a_config_file_as_the_readme_writes_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("vask.toml");
        std::fs::write(
            &path,
            "catalog = \"c.toml\"\nstore = \"state/store\"\njournal = \"state/journal\"\naudit = \"state/audit\"\n\
             [[centres]]\nid = \"a\"\nclients = [\"x\"]\n\
             [console]\nidle_timeout_minutes = 15\nlogin_failures = 3\n\
             [console.allow]\nadmin = [\"10.20.0.0/16\", \"127.0.0.1/32\"]\n",
        )
        .unwrap();
        let c = Config::load(&path).unwrap();
        assert_eq!(c.console.idle_timeout_minutes, 15);
        assert_eq!(c.console.login_failures, 3);
        assert!(!c.console.demo_users);
        assert_eq!(
            c.console.users_file(&c.audit),
            dir.path().join("state/users.json")
        );
        assert!(
            c.console
                .allow
                .admits(Role::Admin, "10.20.3.4".parse().unwrap())
        );
        assert!(
            !c.console
                .allow
                .admits(Role::Admin, "10.21.3.4".parse().unwrap())
        );
        assert!(
            c.console
                .allow
                .admits(Role::Agent, "192.0.2.1".parse().unwrap())
        );
        std::fs::write(&path, "catalog = \"c\"\nstore = \"s\"\njournal = \"j\"\naudit = \"a\"\n[console.allow]\nadmin = [\"10.0.0.0/33\"]\n").unwrap();
        let e = Config::load(&path).unwrap_err().to_string();
        assert!(e.contains("10.0.0.0/33") || e.contains("admin"), "{e}");
        assert!(
            Config::demo(Path::new("data"), Path::new("var/demo"))
                .console
                .demo_users
        );
    }

    #[test]
    fn the_server_sees_changes_another_process_made() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("users.json");
        let server = Users::open(&path).unwrap();
        assert!(server.get("kari").is_none());
        let cli = Users::open(&path).unwrap();
        cli.add(&config(), new_user("kari", &[Role::Agent]), Utc::now())
            .unwrap();
        assert!(server.get("kari").is_some());
        // Same-second writes: the modification time has sub-second resolution here, and a
        // disable rewrites the file.
        cli.disable("kari").unwrap();
        assert!(server.get("kari").unwrap().disabled);
    }
}
