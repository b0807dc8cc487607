//! Test harness: starts the real `vask` binary on an ephemeral port with a config in a temporary
//! directory, and hands out authenticated tonic clients. The server is killed on drop.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tonic::metadata::MetadataValue;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::Channel;
use vask::service::pb;

pub const KEY: &str = "test-key-demo-centre";
pub const ADMIN_KEY: &str = "test-key-admin";
pub const OTHER_KEY: &str = "test-key-other-centre";
pub const PARTNER_KEY: &str = "test-key-partner-centre";

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn vask() -> Command {
    Command::new(env!("CARGO_BIN_EXE_vask"))
}

/// Writes a config for `catalog` into `dir`.
pub fn write_config(dir: &Path, catalog: &Path, extra: &str) -> PathBuf {
    let hash = vask::config::hash_key;
    let config = format!(
        r#"
catalog = "{catalog}"
store = "store"
journal = "journal"
audit = "audit"
audit_key = "integration-test audit key"
{extra}

[[centres]]
id = "demo-centre"
clients = ["acme-energy", "nordic-telecom", "red-cross-demo", "survey-institute"]

[[centres]]
id = "other-centre"
clients = ["other-client"]

[[clients]]
id = "acme-energy"
kind = "business"
purposes = ["sales", "market_research"]

[[clients]]
id = "nordic-telecom"
kind = "business"
purposes = ["sales", "fundraising"]

[[clients]]
id = "red-cross-demo"
kind = "voluntary"
purposes = ["fundraising"]

[[clients]]
id = "survey-institute"
kind = "business"
purposes = ["market_research"]

[[keys]]
id = "demo"
centre = "demo-centre"
sha256 = "{k1}"

[[keys]]
id = "admin"
centre = "demo-centre"
sha256 = "{k2}"
admin = true

[[keys]]
id = "other"
centre = "other-centre"
sha256 = "{k3}"
"#,
        catalog = catalog.display(),
        k1 = hash(KEY),
        k2 = hash(ADMIN_KEY),
        k3 = hash(OTHER_KEY),
    );
    let path = dir.join("vask.toml");
    std::fs::write(&path, config).expect("write config");
    path
}

/// A config where two centres (demo-centre with [`KEY`], partner-centre with
/// [`PARTNER_KEY`]) both call for acme-energy, whose internal list they share.
pub fn write_shared_client_config(dir: &Path, catalog: &Path) -> PathBuf {
    let hash = vask::config::hash_key;
    let config = format!(
        r#"
catalog = "{catalog}"
store = "store"
journal = "journal"
audit = "audit"
audit_key = "integration-test audit key"

[[centres]]
id = "demo-centre"
clients = ["acme-energy"]

[[centres]]
id = "partner-centre"
clients = ["acme-energy"]

[[keys]]
id = "demo"
centre = "demo-centre"
sha256 = "{k1}"

[[keys]]
id = "partner"
centre = "partner-centre"
sha256 = "{k2}"
"#,
        catalog = catalog.display(),
        k1 = hash(KEY),
        k2 = hash(PARTNER_KEY),
    );
    let path = dir.join("vask.toml");
    std::fs::write(&path, config).expect("write config");
    path
}

/// Copies the bundled sample sources into `dir/data` (so tests can change them).
pub fn copy_sample(dir: &Path) -> PathBuf {
    let to = dir.join("data");
    copy_dir(&repo().join("data"), &to);
    to.join("catalog.toml")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read_dir") {
        let e = e.expect("entry");
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).expect("copy");
        }
    }
}

pub struct Server {
    pub child: Child,
    pub addr: String,
    /// The HTTP/JSON API's address.
    pub http_addr: String,
    pub config: PathBuf,
    pub dir: PathBuf,
}

impl Server {
    /// Starts `vask serve --config <config>` and waits for its address.
    pub fn start(config: &Path) -> Server {
        let dir = config.parent().expect("dir").to_path_buf();
        Server::spawn(&["--config".as_ref(), config.as_os_str()], config, dir)
    }

    /// Starts `vask serve` with the demo configuration (bundled sample, demo keys and demo
    /// console users) over the state directory `state`.
    pub fn demo(state: &Path) -> Server {
        Server::spawn(
            &["--state".as_ref(), state.as_os_str()],
            Path::new(""),
            state.to_path_buf(),
        )
    }

    fn spawn(args: &[&std::ffi::OsStr], config: &Path, dir: PathBuf) -> Server {
        let mut child = vask()
            .arg("serve")
            .args(args)
            .args(["--listen", "127.0.0.1:0", "--http-listen", "127.0.0.1:0"])
            .env("VASK_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start vask serve");
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let mut http_addr = String::new();
        let addr = loop {
            match lines.next() {
                Some(Ok(line)) => {
                    if let Some(a) = line.strip_prefix("vask http listening on ") {
                        http_addr = a.trim().to_owned();
                    }
                    if let Some(a) = line.strip_prefix("vask listening on ") {
                        break a.trim().to_owned();
                    }
                }
                _ => panic!("vask serve exited before listening"),
            }
        };
        // Keep draining stdout so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Server {
            child,
            addr,
            http_addr,
            config: config.to_path_buf(),
            dir,
        }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The HTTP API's base URL.
    pub fn http_url(&self) -> String {
        format!("http://{}", self.http_addr)
    }

    pub async fn channel(&self) -> Channel {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            match Channel::from_shared(self.url())
                .expect("url")
                .connect()
                .await
            {
                Ok(c) => return c,
                Err(e) if Instant::now() > deadline => panic!("cannot connect: {e}"),
                Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
            }
        }
    }

    pub async fn wash_client(
        &self,
        key: &str,
    ) -> pb::wash_service_client::WashServiceClient<InterceptedService<Channel, Auth>> {
        pb::wash_service_client::WashServiceClient::with_interceptor(
            self.channel().await,
            Auth::new(key),
        )
    }

    pub async fn admin_client(
        &self,
        key: &str,
    ) -> pb::admin_service_client::AdminServiceClient<InterceptedService<Channel, Auth>> {
        pb::admin_service_client::AdminServiceClient::with_interceptor(
            self.channel().await,
            Auth::new(key),
        )
    }

    pub async fn registry_client(
        &self,
        key: &str,
    ) -> pb::registry_service_client::RegistryServiceClient<InterceptedService<Channel, Auth>> {
        pb::registry_service_client::RegistryServiceClient::with_interceptor(
            self.channel().await,
            Auth::new(key),
        )
    }

    pub fn kill9(&mut self) {
        let _ = self.child.kill(); // SIGKILL
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill9();
    }
}

/// Adds `authorization: Bearer <key>` to every request (no key when empty).
#[derive(Clone)]
pub struct Auth(Option<MetadataValue<tonic::metadata::Ascii>>);

impl Auth {
    pub fn new(key: &str) -> Auth {
        Auth((!key.is_empty()).then(|| format!("Bearer {key}").parse().expect("ascii")))
    }
}

impl tonic::service::Interceptor for Auth {
    fn call(&mut self, mut r: tonic::Request<()>) -> Result<tonic::Request<()>, tonic::Status> {
        if let Some(v) = &self.0 {
            r.metadata_mut().insert("authorization", v.clone());
        }
        Ok(r)
    }
}

pub fn campaign(
    purpose: pb::Purpose,
    caller: pb::CallerKind,
    category: &str,
) -> Option<pb::Campaign> {
    Some(pb::Campaign {
        campaign_id: "test".into(),
        purpose: purpose as i32,
        caller_kind: caller as i32,
        product_category: category.into(),
    })
}

pub fn wash_request(client: &str, numbers: &[&str]) -> pb::WashRequest {
    pb::WashRequest {
        client_id: client.into(),
        campaign: campaign(pb::Purpose::Sales, pb::CallerKind::Business, "power"),
        source_reference: "integration test list".into(),
        numbers: numbers.iter().map(|s| s.to_string()).collect(),
        echo_normalised: true,
        ..Default::default()
    }
}

/// Runs `vask rebuild --config` and returns its output.
pub fn rebuild(config: &Path, extra: &[&str]) -> std::process::Output {
    vask()
        .args(["rebuild", "--config"])
        .arg(config)
        .args(extra)
        .env("VASK_LOG", "warn")
        .output()
        .expect("run vask rebuild")
}
