//! Authorisation: API keys (sent as `authorization: Bearer <key>`) map to a centre; a centre
//! acts only for its configured clients. Keys are stored as SHA-256 hashes and logged by id.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use tonic::{Request, Status};

use crate::config::{Config, hash_key};
use crate::domain::{CentreId, ClientId};

/// Who is calling, attached to every authorised request.
#[derive(Debug, Clone)]
pub struct Caller {
    /// Key id (logged, audited).
    pub key_id: String,
    /// The centre the key belongs to.
    pub centre: CentreId,
    /// Admin keys may reload and remove reservations.
    pub admin: bool,
    clients: Arc<BTreeSet<ClientId>>,
}

impl Caller {
    /// The client named in a request, if this caller may act for it.
    pub fn client(&self, id: &str) -> Result<ClientId, Status> {
        let client =
            ClientId::new(id).map_err(|e| Status::invalid_argument(format!("client_id: {e}")))?;
        if self.clients.contains(&client) {
            Ok(client)
        } else {
            Err(Status::permission_denied(format!(
                "centre {} may not act for client {:?}; ask the operator to add it to the centre's clients",
                self.centre,
                client.as_str()
            )))
        }
    }

    /// May the caller act for `client`?
    pub fn serves(&self, client: &ClientId) -> bool {
        self.clients.contains(client)
    }

    /// Fails unless the key is an admin key.
    pub fn require_admin(&self, what: &str) -> Result<(), Status> {
        if self.admin {
            Ok(())
        } else {
            Err(Status::permission_denied(format!(
                "{what} needs an admin key (key {:?} is not one)",
                self.key_id
            )))
        }
    }
}

/// The key table.
#[derive(Debug, Clone)]
pub struct Auth {
    by_hash: Arc<HashMap<String, Caller>>,
}

impl Auth {
    /// Builds the key table from the configuration.
    pub fn new(config: &Config) -> Auth {
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
                    k.sha256.to_ascii_lowercase(),
                    Caller {
                        key_id: k.id.clone(),
                        centre: k.centre.clone(),
                        admin: k.admin,
                        clients: clients.get(&k.centre).cloned().unwrap_or_default(),
                    },
                )
            })
            .collect();
        Auth {
            by_hash: Arc::new(by_hash),
        }
    }

    /// The interceptor: checks the bearer key and attaches the [`Caller`].
    pub fn check(&self, mut req: Request<()>) -> Result<Request<()>, Status> {
        let header = req
            .metadata()
            .get("authorization")
            .ok_or_else(|| {
                Status::unauthenticated("missing `authorization: Bearer <api key>` metadata")
            })?
            .to_str()
            .map_err(|_| Status::unauthenticated("authorization metadata is not text"))?;
        let key = header
            .strip_prefix("Bearer ")
            .or_else(|| header.strip_prefix("bearer "))
            .ok_or_else(|| Status::unauthenticated("authorization must be `Bearer <api key>`"))?;
        let caller = self
            .by_hash
            .get(&hash_key(key.trim()))
            .ok_or_else(|| Status::unauthenticated("unknown API key"))?
            .clone();
        req.extensions_mut().insert(caller);
        Ok(req)
    }
}

/// The caller attached by the interceptor.
pub fn caller<T>(req: &Request<T>) -> Result<Caller, Status> {
    req.extensions()
        .get::<Caller>()
        .cloned()
        .ok_or_else(|| Status::unauthenticated("request was not authenticated"))
}
