//! What the console is made of on the wire: the HTML templates (minijinja, compiled into the
//! binary with `include_str!`, HTML-escaped by default) and the bundled stylesheet and script
//! (`include_str!`; no CDN, so the console works offline), and rendering a page with the
//! frame every page shares (language, user, menu, CSRF token).

use std::sync::OnceLock;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use minijinja::{Environment, Value, context};

use super::i18n::Lang;
use super::session::SessionView;
use crate::users::{Permission, may};

/// Every template, by name.
pub const TEMPLATES: &[(&str, &str)] = &[
    ("layout.html", include_str!("templates/layout.html")),
    ("login.html", include_str!("templates/login.html")),
    ("error.html", include_str!("templates/error.html")),
    ("overview.html", include_str!("templates/overview.html")),
    ("wash.html", include_str!("templates/wash.html")),
    ("wash_job.html", include_str!("templates/wash_job.html")),
    ("lookup.html", include_str!("templates/lookup.html")),
    ("optouts.html", include_str!("templates/optouts.html")),
    ("proofs.html", include_str!("templates/proofs.html")),
    ("hours.html", include_str!("templates/hours.html")),
];

const CSS: &str = include_str!("assets/console.css");
const JS: &str = include_str!("assets/console.js");

fn env() -> &'static Environment<'static> {
    static ENV: OnceLock<Environment<'static>> = OnceLock::new();
    ENV.get_or_init(|| {
        let mut env = Environment::new();
        for (name, text) in TEMPLATES {
            if let Err(e) = env.add_template(name, text) {
                // The templates are compiled in and parsed by a unit test.
                tracing::error!(template = name, error = %e, "console template does not parse");
            }
        }
        env
    })
}

/// A bundled asset: `console.css` or `console.js`.
pub fn asset(name: &str) -> Response {
    let (body, kind) = match name {
        "console.css" => (CSS, "text/css; charset=utf-8"),
        "console.js" => (JS, "text/javascript; charset=utf-8"),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(kind)),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, max-age=300"),
            ),
        ],
        body,
    )
        .into_response()
}

/// The pages of the menu: path, text key, the permission that opens it.
const MENU: &[(&str, &str, Permission)] = &[
    ("/console/", "nav_overview", Permission::Overview),
    ("/console/wash", "nav_wash", Permission::Wash),
    ("/console/lookup", "nav_lookup", Permission::LookUp),
    ("/console/opt-outs", "nav_optouts", Permission::OptOuts),
    ("/console/proofs", "nav_proofs", Permission::Proofs),
    ("/console/hours", "nav_hours", Permission::CallingHours),
];

/// The first page a user's roles open (where `/console/` sends one without the overview).
pub fn home(session: &SessionView) -> &'static str {
    MENU.iter()
        .find(|(_, _, p)| may(&session.roles, *p))
        .map_or("/console/hours", |(path, _, _)| path)
}

/// A message shown above a page's content.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Notice {
    /// `ok`, `error` or `warn`.
    pub kind: &'static str,
    /// The message shown, in the page's language.
    pub text: String,
}

impl Notice {
    /// A success.
    pub fn ok(text: impl Into<String>) -> Option<Notice> {
        Some(Notice {
            kind: "ok",
            text: text.into(),
        })
    }

    /// A failure.
    pub fn error(text: impl Into<String>) -> Option<Notice> {
        Some(Notice {
            kind: "error",
            text: text.into(),
        })
    }
}

/// The frame of a page: its language, the signed-in user (if any), its path.
pub struct Frame<'a> {
    /// The language the page is written in.
    pub lang: Lang,
    /// The session, if signed in.
    pub session: Option<&'a SessionView>,
    /// The page's path (the language switch comes back to it; the menu marks it).
    pub path: &'a str,
    /// The CSRF token of the form(s) on the page.
    pub csrf: &'a str,
}

impl Frame<'_> {
    /// Renders `template` with `title_key`'s text as title, a notice and the page's own
    /// `data` (merged into the context).
    pub fn render(
        &self,
        status: StatusCode,
        template: &str,
        title_key: &str,
        notice: Option<Notice>,
        data: Value,
    ) -> Response {
        let lang = self.lang;
        let user = self.session.map(|s| {
            context! {
                name => s.username,
                centre => s.principal.centre.as_str(),
                roles => s.roles.iter().map(|r| r.name()).collect::<Vec<_>>().join(", "),
            }
        });
        let nav: Vec<Value> = self
            .session
            .map(|s| {
                MENU.iter()
                    .filter(|(_, _, p)| may(&s.roles, *p))
                    .map(|(href, key, _)| {
                        let active = if *href == "/console/" {
                            self.path == *href
                        } else {
                            self.path.starts_with(href)
                        };
                        context! { href => *href, label => lang.t(key), active => active }
                    })
                    .collect()
            })
            .unwrap_or_default();
        let frame = context! {
            lang => lang.code(),
            t => Value::from_serialize(lang.texts()),
            title => lang.t(title_key),
            user => user,
            nav => nav,
            csrf => self.csrf,
            back => self.path,
            notice => notice,
            version => env!("CARGO_PKG_VERSION"),
        };
        let ctx = context! { ..data, ..frame };
        match env().get_template(template).and_then(|t| t.render(ctx)) {
            Ok(html) => (
                status,
                [(header::CACHE_CONTROL, HeaderValue::from_static("no-store"))],
                Html(html),
            )
                .into_response(),
            Err(e) => {
                tracing::error!(template, error = %e, "rendering a console page failed");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "the page could not be rendered",
                )
                    .into_response()
            }
        }
    }

    /// An error page with `message`.
    pub fn error(&self, status: StatusCode, message: &str) -> Response {
        self.render(
            status,
            "error.html",
            "page_error",
            None,
            context! { message => message },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_parses() {
        let mut env = Environment::new();
        for (name, text) in TEMPLATES {
            env.add_template(name, text)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
}
