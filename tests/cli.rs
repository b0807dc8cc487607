//! Command-line papercuts: a closed pipe ends a command quietly, `--version` names the commit,
//! completions and the man page are generated.

mod common;

use std::process::Stdio;

use common::vask;

#[test]
fn a_closed_pipe_ends_the_command_quietly() {
    let mut child = vask()
        .args(["calendar", "2026"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("vask calendar");
    // The reader goes away before the command writes (as `head` does after its lines).
    drop(child.stdout.take());
    let o = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{:?}: {stderr}", o.status);
    assert!(
        !stderr.contains("panicked") && !stderr.contains("Broken pipe"),
        "{stderr}"
    );
}

#[test]
fn version_names_the_commit() {
    let o = vask().arg("--version").output().expect("vask --version");
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success());
    assert!(
        text.starts_with("vask 0.")
            && (text.contains("(commit ") || text.contains("(unknown commit)")),
        "{text}"
    );
}

#[test]
fn completions_and_the_man_page_are_generated() {
    for shell in ["bash", "zsh", "fish"] {
        let o = vask()
            .args(["completions", shell])
            .output()
            .expect("completions");
        assert!(o.status.success(), "{shell}");
        let text = String::from_utf8_lossy(&o.stdout);
        assert!(
            text.contains("calendar") && text.contains("loadgen"),
            "{shell}"
        );
    }
    let o = vask().arg("man").output().expect("man");
    assert!(o.status.success());
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains(".TH vask 1") && text.contains("serve"),
        "{text}"
    );
}
