//! Who is asking: API keys (and, for the console, users) map to a [`Principal`] of one centre,
//! which may act only for the centre's configured clients. Keys are stored as SHA-256 hashes
//! and logged and audited by id. Every front end (gRPC, HTTP, console, CLI) authenticates
//! into a `Principal` and hands it to the library; the library checks what it may do.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use crate::config::{Config, hash_key};
use crate::domain::{CentreId, ClientId};
use crate::error::RequestError;

/// An authenticated caller.
#[derive(Debug, Clone)]
pub struct Principal {
    /// Key id or user id: logged and recorded in the audit trail.
    pub id: String,
    /// The centre it acts for.
    pub centre: CentreId,
    /// May remove reservations and reload generations.
    pub admin: bool,
    clients: Arc<BTreeSet<ClientId>>,
}

impl Principal {
    /// A principal of `centre` acting for `clients` (the CLI in-process, tests).
    pub fn new(
        id: impl Into<String>,
        centre: CentreId,
        admin: bool,
        clients: BTreeSet<ClientId>,
    ) -> Principal {
        Principal {
            id: id.into(),
            centre,
            admin,
            clients: Arc::new(clients),
        }
    }

    /// The principal of an in-process command for `centre`, with the centre's clients from
    /// the configuration (`None` if the configuration has no such centre).
    pub fn local(config: &Config, id: &str, centre: &CentreId) -> Option<Principal> {
        let c = config.centres.iter().find(|c| c.id == *centre)?;
        Some(Principal::new(id, centre.clone(), true, c.clients.clone()))
    }

    /// The client named in a request (`field` names it in errors), if this principal may act
    /// for it.
    pub fn client(&self, field: &str, id: &str) -> Result<ClientId, RequestError> {
        let client = ClientId::new(id).map_err(|e| RequestError::invalid(field, e.to_string()))?;
        if self.clients.contains(&client) {
            Ok(client)
        } else {
            Err(RequestError::NotPermitted(format!(
                "centre {} may not act for client {:?}; ask the operator to add it to the centre's clients",
                self.centre,
                client.as_str()
            )))
        }
    }

    /// May the principal act for `client`?
    pub fn serves(&self, client: &ClientId) -> bool {
        self.clients.contains(client)
    }

    /// The clients it may act for.
    pub fn clients(&self) -> impl Iterator<Item = &ClientId> {
        self.clients.iter()
    }

    /// Fails unless the principal is an admin.
    pub fn require_admin(&self, what: &str) -> Result<(), RequestError> {
        if self.admin {
            Ok(())
        } else {
            Err(RequestError::NotPermitted(format!(
                "{what} needs an admin key ({:?} is not one)",
                self.id
            )))
        }
    }
}

/// The key table: SHA-256 of a key → its principal.
#[derive(Debug, Clone)]
pub struct Keys {
    by_hash: Arc<HashMap<String, Principal>>,
}

impl Keys {
    /// Builds the key table from the configuration (hashes are lower-case and unique there).
    pub fn new(config: &Config) -> Keys {
        let clients: HashMap<&CentreId, Arc<BTreeSet<ClientId>>> = config
            .centres
            .iter()
            .map(|c| (&c.id, Arc::new(c.clients.clone())))
            .collect();
        let by_hash = config
            .keys
            .iter()
            .map(|k| {
                (
                    k.sha256.clone(),
                    Principal {
                        id: k.id.clone(),
                        centre: k.centre.clone(),
                        admin: k.admin,
                        clients: clients.get(&k.centre).cloned().unwrap_or_default(),
                    },
                )
            })
            .collect();
        Keys {
            by_hash: Arc::new(by_hash),
        }
    }

    /// The principal of an `authorization` header value (`Bearer <key>`).
    pub fn authenticate(&self, header: Option<&str>) -> Result<Principal, RequestError> {
        let header = header.ok_or_else(|| {
            RequestError::Unauthenticated("missing `authorization: Bearer <api key>`".to_owned())
        })?;
        let key = header
            .strip_prefix("Bearer ")
            .or_else(|| header.strip_prefix("bearer "))
            .ok_or_else(|| {
                RequestError::Unauthenticated("authorization must be `Bearer <api key>`".into())
            })?;
        self.by_hash
            .get(&hash_key(key.trim()))
            .cloned()
            .ok_or_else(|| RequestError::Unauthenticated("unknown API key".into()))
    }
}
