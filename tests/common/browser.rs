//! A real browser for the console's tests: headless Chromium from the OS packages, driven
//! over WebDriver (`chromedriver`) with fantoccini.
//!
//! Chromium and its driver are found on the `PATH` (or where Debian puts them). When they are
//! missing, the harness installs them with `apt-get` if it runs as root (as CI does), and
//! otherwise fails with the exact command to run: a browser test never skips silently.
#![allow(dead_code)]

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};

/// The Debian packages of the browser and its driver.
pub const PACKAGES: [&str; 2] = ["chromium", "chromium-driver"];

fn which(names: &[&str], also: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    for name in names {
        for dir in std::env::split_paths(&path) {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    also.iter().map(PathBuf::from).find(|p| p.is_file())
}

fn find() -> Option<(PathBuf, PathBuf)> {
    let chromium = which(
        &["chromium", "chromium-browser", "google-chrome"],
        &["/usr/lib/chromium/chromium"],
    )?;
    let driver = which(&["chromedriver"], &["/usr/lib/chromium/chromedriver"])?;
    Some((chromium, driver))
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// Chromium and chromedriver, installed from the OS packages first if they are missing and
/// this runs as root; else a failure that names the command to run.
pub fn chromium_and_driver() -> (PathBuf, PathBuf) {
    static INSTALL: Mutex<()> = Mutex::new(());
    let _one_install = INSTALL.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(found) = find() {
        return found;
    }
    let command = format!(
        "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends {}",
        PACKAGES.join(" ")
    );
    if !is_root() {
        panic!(
            "the console's browser tests need Chromium and chromedriver; install them (as root) with:\n    {command}"
        );
    }
    eprintln!(
        "browser tests: installing {} with apt-get",
        PACKAGES.join(" ")
    );
    let status = Command::new("sh")
        .args(["-c", &command])
        .env("DEBIAN_FRONTEND", "noninteractive")
        .stdin(Stdio::null())
        .status()
        .expect("run apt-get");
    assert!(status.success(), "`{command}` failed ({status})");
    find().unwrap_or_else(|| {
        panic!("`{command}` ran, but chromium or chromedriver is still not found")
    })
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// A headless Chromium session; the driver is killed on drop.
pub struct Browser {
    pub client: Client,
    driver: Child,
    _profile: tempfile::TempDir,
}

impl Browser {
    /// Starts chromedriver and a fresh headless Chromium (its own profile directory; every
    /// background connection off, since the machine may have no network), window 1280×900,
    /// English unless `lang` says otherwise.
    pub async fn start(lang: &str) -> Browser {
        let (chromium, driver_bin) = chromium_and_driver();
        let port = free_port();
        let mut driver = Command::new(&driver_bin)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let profile = tempfile::tempdir().expect("profile dir");
        let args = vec![
            "--headless".to_owned(),
            "--no-sandbox".to_owned(),
            "--disable-gpu".to_owned(),
            "--disable-quic".to_owned(),
            "--no-first-run".to_owned(),
            "--disable-background-networking".to_owned(),
            "--disable-component-update".to_owned(),
            "--disable-sync".to_owned(),
            "--disable-dev-shm-usage".to_owned(),
            "--window-size=1280,1000".to_owned(),
            format!("--lang={lang}"),
            format!("--user-data-dir={}", profile.path().display()),
        ];
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            serde_json::json!({
                "binary": chromium,
                "args": args,
                "prefs": { "intl.accept_languages": lang },
            }),
        );
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(30);
        let client = loop {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector)
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(c) => break c,
                Err(e) if Instant::now() > deadline => {
                    let _ = driver.kill();
                    panic!("cannot start a Chromium session through chromedriver: {e}")
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
            }
        };
        Browser {
            client,
            driver,
            _profile: profile,
        }
    }

    /// Opens `url`.
    pub async fn goto(&self, url: &str) {
        self.client.goto(url).await.expect("goto");
    }

    /// Waits for the element `css` and returns its text.
    pub async fn text(&self, css: &str) -> String {
        self.client
            .wait()
            .at_most(Duration::from_secs(30))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
            .text()
            .await
            .expect("text")
    }

    /// Fills the field `css` (cleared first).
    pub async fn fill(&self, css: &str, value: &str) {
        let e = self
            .client
            .wait()
            .at_most(Duration::from_secs(30))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no field {css}: {e}"));
        e.clear().await.expect("clear");
        e.send_keys(value).await.expect("type");
    }

    /// Chooses `value` in the select `css`.
    pub async fn select(&self, css: &str, value: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no select {css}: {e}"))
            .select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("{css}: no option {value}: {e}"));
    }

    /// Clicks `css`.
    pub async fn click(&self, css: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("nothing to click at {css}: {e}"))
            .click()
            .await
            .expect("click");
    }

    /// Presses Tab in the page.
    pub async fn tab(&self) {
        let e = self.client.active_element().await.expect("active element");
        e.send_keys("\u{E004}").await.expect("tab");
    }

    /// The text of the element that has the focus.
    pub async fn focused(&self) -> String {
        let v = self
            .client
            .execute("return document.activeElement.textContent.trim()", vec![])
            .await
            .expect("focused element");
        v.as_str().unwrap_or("").to_owned()
    }

    /// The page's body text.
    pub async fn body(&self) -> String {
        self.text("body").await
    }

    /// The current path.
    pub async fn path(&self) -> String {
        self.client
            .current_url()
            .await
            .expect("url")
            .path()
            .to_owned()
    }

    /// Signs in as `user` with `password` at `base` (the server's HTTP URL), by keyboard:
    /// the username field has the focus, Tab moves on, Enter submits.
    pub async fn sign_in(&self, base: &str, user: &str, password: &str) {
        self.goto(&format!("{base}/console/login")).await;
        self.fill("#username", user).await;
        self.fill("#password", &format!("{password}\n")).await;
        let deadline = Instant::now() + Duration::from_secs(30);
        while self.path().await.ends_with("/login") {
            assert!(
                Instant::now() < deadline,
                "{user} did not get past the sign-in page: {}",
                self.body().await
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        // The page is complete when its footer is there.
        self.text("footer").await;
    }

    /// Waits until the page's body text contains `text`.
    pub async fn wait_for_text(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            // The page may be replaced under our feet (a navigation in flight): read again.
            let body = match self.client.find(Locator::Css("body")).await {
                Ok(e) => e.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            };
            if body.contains(text) {
                return body;
            }
            assert!(Instant::now() < deadline, "no {text:?} on the page: {body}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Saves a screenshot of the window as `<VASK_SCREENSHOTS>/<name>.png` when that
    /// variable names a directory (`VASK_SCREENSHOTS=docs/screenshots cargo test --test
    /// console` renews the README's pictures).
    pub async fn screenshot(&self, name: &str) {
        let Some(dir) = std::env::var_os("VASK_SCREENSHOTS") else {
            return;
        };
        let dir = if Path::new(&dir).is_absolute() {
            PathBuf::from(dir)
        } else {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(dir)
        };
        std::fs::create_dir_all(&dir).expect("screenshot dir");
        let png = self.client.screenshot().await.expect("screenshot");
        std::fs::write(dir.join(format!("{name}.png")), png).expect("write screenshot");
    }

    /// Ends the browser session.
    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
    }
}
