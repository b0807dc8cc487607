//! Console sessions and sign-in: a random session token in a cookie (`HttpOnly`,
//! `SameSite=Strict`, `Secure` when the server speaks TLS), a CSRF token per session that
//! every form carries and every POST must return, an idle timeout, and a limit on failed
//! sign-ins per username and per address. Sessions live in memory: a restart signs everyone
//! out, which is the safe direction.

use std::collections::{BTreeSet, HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::http::HeaderMap;

use crate::auth::Principal;
use crate::users::Role;

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "vask_session";
/// The cookie that carries the sign-in form's CSRF token (there is no session yet).
pub const LOGIN_COOKIE: &str = "vask_login";
/// The language switch's cookie.
pub const LANG_COOKIE: &str = "vask_lang";
/// Most sessions held at once; past it the least recently used one ends.
const MAX_SESSIONS: usize = 10_000;

/// 32 random bytes as hex: session tokens, CSRF tokens, job ids.
pub fn token() -> String {
    hex::encode(rand::random::<[u8; 32]>())
}

/// Compares two secrets in time independent of where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// The value of cookie `name` in a request's headers.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// A `Set-Cookie` value: path `/console`, `HttpOnly`, `SameSite=Strict`, `Secure` with TLS;
/// `max_age` in seconds (0 deletes it; `None` for a browser-session cookie).
pub fn set_cookie(name: &str, value: &str, secure: bool, max_age: Option<u64>) -> String {
    let mut c = format!("{name}={value}; Path=/console; HttpOnly; SameSite=Strict");
    if secure {
        c.push_str("; Secure");
    }
    if let Some(age) = max_age {
        c.push_str(&format!("; Max-Age={age}"));
    }
    c
}

/// What a request knows about its signed-in user.
#[derive(Debug, Clone)]
pub struct SessionView {
    /// The session token.
    pub token: String,
    /// The CSRF token every form of the session carries.
    pub csrf: String,
    /// The username (its id in the audit trail).
    pub username: String,
    /// The roles granted for this session (the user's roles its address admits).
    pub roles: BTreeSet<Role>,
    /// Who it acts as in the library.
    pub principal: Principal,
}

struct Held {
    view: SessionView,
    last_seen: Instant,
}

/// The sessions of this server.
pub struct Sessions {
    held: Mutex<HashMap<String, Held>>,
    idle: Duration,
}

impl Sessions {
    /// Sessions that end after `idle` without a request.
    pub fn new(idle: Duration) -> Sessions {
        Sessions {
            held: Mutex::new(HashMap::new()),
            idle,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Held>> {
        self.held
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Starts a session; returns it.
    pub fn start(
        &self,
        username: &str,
        roles: BTreeSet<Role>,
        principal: Principal,
    ) -> SessionView {
        let view = SessionView {
            token: token(),
            csrf: token(),
            username: username.to_owned(),
            roles,
            principal,
        };
        let mut held = self.lock();
        let now = Instant::now();
        held.retain(|_, h| now.duration_since(h.last_seen) < self.idle);
        if held.len() >= MAX_SESSIONS
            && let Some(oldest) = held
                .iter()
                .min_by_key(|(_, h)| h.last_seen)
                .map(|(k, _)| k.clone())
        {
            held.remove(&oldest);
        }
        held.insert(
            view.token.clone(),
            Held {
                view: view.clone(),
                last_seen: now,
            },
        );
        view
    }

    /// The live session of `token`, touched; an idle one is ended and not returned.
    pub fn touch(&self, token: &str) -> Option<SessionView> {
        let mut held = self.lock();
        let now = Instant::now();
        let h = held.get_mut(token)?;
        if now.duration_since(h.last_seen) >= self.idle {
            held.remove(token);
            return None;
        }
        h.last_seen = now;
        Some(h.view.clone())
    }

    /// Ends a session.
    pub fn end(&self, token: &str) {
        self.lock().remove(token);
    }
}

/// Failed sign-ins, counted per username and per address in a sliding window.
pub struct LoginLimiter {
    failures: Mutex<HashMap<String, VecDeque<Instant>>>,
    max: usize,
    window: Duration,
}

impl LoginLimiter {
    /// At most `max` failures per key within `window`.
    pub fn new(max: u32, window: Duration) -> LoginLimiter {
        LoginLimiter {
            failures: Mutex::new(HashMap::new()),
            max: max.max(1) as usize,
            window,
        }
    }

    fn keys(username: &str, addr: IpAddr) -> [String; 2] {
        [format!("user:{username}"), format!("addr:{addr}")]
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, VecDeque<Instant>>> {
        self.failures
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Whether another attempt for `username` from `addr` is allowed now.
    pub fn allows(&self, username: &str, addr: IpAddr) -> bool {
        let now = Instant::now();
        let mut f = self.lock();
        Self::keys(username, addr).iter().all(|k| {
            f.get_mut(k).is_none_or(|q| {
                while q
                    .front()
                    .is_some_and(|t| now.duration_since(*t) >= self.window)
                {
                    q.pop_front();
                }
                q.len() < self.max
            })
        })
    }

    /// Counts a failed attempt.
    pub fn failed(&self, username: &str, addr: IpAddr) {
        let now = Instant::now();
        let mut f = self.lock();
        if f.len() > 100_000 {
            // Bounded memory under a flood of made-up usernames: forget the quiet keys.
            f.retain(|_, q| {
                q.back()
                    .is_some_and(|t| now.duration_since(*t) < self.window)
            });
        }
        for k in Self::keys(username, addr) {
            f.entry(k).or_default().push_back(now);
        }
    }

    /// Forgets the failures of a username after it signed in.
    pub fn succeeded(&self, username: &str) {
        self.lock().remove(&format!("user:{username}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn principal() -> Principal {
        Principal::new(
            "kari",
            crate::domain::CentreId::new("c").unwrap(),
            false,
            Default::default(),
        )
    }

    #[test]
    fn sessions_end_when_idle_or_ended() {
        let s = Sessions::new(Duration::from_millis(50));
        let v = s.start("kari", [Role::Agent].into(), principal());
        assert_eq!(s.touch(&v.token).unwrap().username, "kari");
        assert!(s.touch("not-a-token").is_none());
        std::thread::sleep(Duration::from_millis(60));
        assert!(s.touch(&v.token).is_none(), "idle");
        let v = s.start("kari", [Role::Agent].into(), principal());
        s.end(&v.token);
        assert!(s.touch(&v.token).is_none());
        assert_ne!(v.token, v.csrf);
    }

    #[test]
    fn failed_logins_are_limited_per_user_and_per_address() {
        let l = LoginLimiter::new(3, Duration::from_secs(60));
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        let b: IpAddr = "192.0.2.2".parse().unwrap();
        for _ in 0..3 {
            assert!(l.allows("kari", a));
            l.failed("kari", a);
        }
        assert!(!l.allows("kari", a));
        assert!(!l.allows("kari", b), "per user, from any address");
        assert!(!l.allows("ola", a), "per address, for any user");
        assert!(l.allows("ola", b));
    }

    #[test]
    fn cookies_are_read_and_written_strictly() {
        let mut h = HeaderMap::new();
        h.insert(
            axum::http::header::COOKIE,
            "a=1; vask_session=abc; b=2".parse().unwrap(),
        );
        assert_eq!(cookie(&h, SESSION_COOKIE), Some("abc"));
        assert_eq!(cookie(&h, "c"), None);
        let c = set_cookie(SESSION_COOKIE, "abc", true, None);
        assert!(c.contains("HttpOnly") && c.contains("SameSite=Strict") && c.contains("Secure"));
        assert!(!set_cookie(SESSION_COOKIE, "abc", false, None).contains("Secure"));
        assert!(same_secret("abc", "abc") && !same_secret("abc", "abd") && !same_secret("a", "ab"));
    }
}
