//! Delivered files cannot exhaust memory: gzip bombs, endless fields and floods of bad rows,
//! fed to `vask import` and `vask wash` through the real binary, are refused with the file and
//! the line, and the child's peak resident set (`wait4`'s `ru_maxrss`) stays small.
//!
//! `cargo test --test limits -- --nocapture` prints the peak of every run (the figures in
//! `BENCHMARKS.md`).

mod common;

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use common::{copy_sample, rebuild, vask, write_config};

/// Megabytes of decompressed data in each bomb (the hardening issue's example: 200 MiB in
/// one field of a 204 KB `.csv.gz`).
const BOMB_MIB: usize = 200;

/// The most a refused import or wash may take, in KiB: the binary's own footprint plus the
/// reader's bounded buffers (measured: 12–20 MB), far below what any bomb here would need.
const MAX_PEAK_KIB: u64 = 64 * 1024;

/// What a finished child did.
struct Run {
    code: Option<i32>,
    signal: Option<i32>,
    stderr: String,
    peak_kib: u64,
}

/// Runs `cmd` to completion and measures its peak resident set with `wait4`, which reports
/// exactly that child (tests run in parallel, so `RUSAGE_CHILDREN` would mix them up).
///
/// The kernel counts the spawning process's resident set at the `exec` into the child's peak,
/// so every test here writes its files in small pieces and this process stays small (~10 MB):
/// the figure is an upper bound of the child's own peak.
fn run_measured(what: &str, cmd: &mut Command) -> Run {
    // Reaped by `wait4` below, not by `Child::wait`.
    #[allow(clippy::zombie_processes)]
    let mut child = cmd
        .env("VASK_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn vask");
    let mut pipe = child.stderr.take().expect("stderr");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = pipe.read_to_string(&mut s);
        s
    });
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value of the plain C struct.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our own unreaped child; both pointers point to live locals. The child is
    // reaped here, so `child.wait()` is never called after this.
    let got = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(got, pid, "wait4: {}", std::io::Error::last_os_error());
    let stderr = reader.join().expect("stderr reader");
    let run = Run {
        code: libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status)),
        signal: libc::WIFSIGNALED(status).then(|| libc::WTERMSIG(status)),
        stderr,
        peak_kib: usage.ru_maxrss as u64,
    };
    println!(
        "{what}: exit {:?} signal {:?}, peak RSS {} KiB\n{}",
        run.code,
        run.signal,
        run.peak_kib,
        run.stderr.trim_end()
    );
    run
}

/// A gzip member holding `bytes`; concatenated members read as one stream.
fn gzip_member(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(bytes).expect("gzip");
    e.finish().expect("gzip")
}

/// A `.csv.gz` of `header`, then `BOMB_MIB` MiB of `filler` (one gzip member per MiB: a
/// 200 KB file).
fn bomb(path: &Path, header: &[u8], filler: &[u8]) {
    let mut out = std::fs::File::create(path).expect("create bomb");
    out.write_all(&gzip_member(header)).expect("write");
    let member = gzip_member(&filler.repeat((1 << 20) / filler.len()));
    for _ in 0..BOMB_MIB {
        out.write_all(&member).expect("write");
    }
}

fn import(config: &Path, kind: &str, owner: &[&str], file: &Path) -> Command {
    let mut cmd = vask();
    cmd.args(["import", kind])
        .args(owner)
        .args(["--source-reference", "hostile delivery", "--config"])
        .arg(config)
        .arg(file);
    cmd
}

fn setup() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let catalog = copy_sample(dir.path());
    let config = write_config(dir.path(), &catalog, "");
    (dir, config)
}

fn assert_refused(run: &Run, file: &str, line: &str) {
    assert_eq!(run.code, Some(1), "refused, not crashed: {}", run.stderr);
    assert!(
        run.stderr.contains(file) && run.stderr.contains(line),
        "names {file} and {line}: {}",
        run.stderr
    );
    assert!(
        run.peak_kib < MAX_PEAK_KIB,
        "peak RSS {} KiB (limit {MAX_PEAK_KIB} KiB)",
        run.peak_kib
    );
}

#[test]
fn a_gzip_bomb_in_one_field_is_refused_in_bounded_memory() {
    let (dir, config) = setup();
    let file = dir.path().join("one-field.csv.gz");
    bomb(&file, b"number,added\n91234567,2024-01-01\n", b"9");
    let run = run_measured(
        "import, 200 MiB field",
        &mut import(&config, "centre-dnc", &["--centre", "demo-centre"], &file),
    );
    assert_refused(&run, "one-field.csv.gz", "line 3");
}

#[test]
fn a_gzip_bomb_of_valid_rows_is_refused_by_its_ratio() {
    let (dir, config) = setup();
    let file = dir.path().join("rows.csv.gz");
    bomb(&file, b"number\n", b"91234567\n");
    let run = run_measured(
        "import, 200 MiB of rows",
        &mut import(&config, "centre-dnc", &["--centre", "demo-centre"], &file),
    );
    assert_refused(&run, "rows.csv.gz", "line ");
    assert!(run.stderr.contains("gzip"), "{}", run.stderr);
}

#[test]
fn a_flood_of_bad_rows_is_counted_in_bounded_memory() {
    let (dir, config) = setup();
    let file = dir.path().join("bad-rows.csv");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&file).expect("create"));
    out.write_all(b"number\n").expect("write");
    for _ in 0..1_000_000 {
        out.write_all(b"not a number\n").expect("write");
    }
    out.flush().expect("flush");
    let run = run_measured(
        "import, 1 M bad rows",
        &mut import(&config, "centre-dnc", &["--centre", "demo-centre"], &file),
    );
    assert_refused(&run, "bad-rows.csv", "1000000 bad rows");
}

#[test]
fn a_lead_file_bomb_is_refused_by_vask_wash_in_bounded_memory() {
    let (dir, config) = setup();
    assert!(rebuild(&config, &[]).status.success());
    let file = dir.path().join("leads.csv.gz");
    bomb(&file, b"id,number,notes\n1,91234567,\"", b"a");
    let mut cmd = vask();
    cmd.args(["wash", "--client", "acme-energy", "--category", "power"])
        .args([
            "--centre",
            "demo-centre",
            "--source-reference",
            "hostile leads",
        ])
        .arg("--config")
        .arg(&config)
        .arg("--out")
        .arg(dir.path().join("washed.csv"))
        .arg(&file);
    let run = run_measured("wash, 200 MiB field", &mut cmd);
    assert_refused(&run, "leads.csv.gz", "line 2");
}

#[test]
fn wide_rows_of_a_lead_file_are_washed_in_bounded_memory() {
    let (dir, config) = setup();
    assert!(rebuild(&config, &[]).status.success());
    // 2 500 rows with a 60 KB notes field each (within the limits): 150 MB of leads.
    let file = dir.path().join("wide-leads.csv");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&file).expect("create"));
    out.write_all(b"id,number,notes\n").expect("write");
    let notes = "lorem ipsum dolor ".repeat(60_000 / 18);
    for i in 0..2_500 {
        writeln!(out, "{i},9{:07},{notes}", i % 10_000_000).expect("write");
    }
    out.flush().expect("flush");
    drop(out);
    let mut cmd = vask();
    cmd.args(["wash", "--client", "acme-energy", "--category", "power"])
        .args([
            "--centre",
            "demo-centre",
            "--source-reference",
            "wide leads",
        ])
        .arg("--config")
        .arg(&config)
        .arg("--out")
        .arg(dir.path().join("washed.csv"))
        .arg(&file);
    let run = run_measured("wash, 2 500 rows of 60 KB", &mut cmd);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.peak_kib < 2 * MAX_PEAK_KIB,
        "peak RSS {} KiB (limit {} KiB)",
        run.peak_kib,
        2 * MAX_PEAK_KIB
    );
}
