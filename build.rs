//! Compiles `proto/vask/v1/*.proto` with a vendored `protoc`, so no system protoc is needed,
//! and names the commit the binary is built from (`VASK_COMMIT`, shown by `vask --version`).

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let protoc = protoc_bin_vendored::protoc_bin_path()?;
    // SAFETY: build scripts are single-threaded; nothing else reads the environment meanwhile.
    unsafe { std::env::set_var("PROTOC", protoc) };
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR")?);
    tonic_prost_build::configure()
        .file_descriptor_set_path(out.join("vask_descriptor.bin"))
        .compile_protos(&["proto/vask/v1/vask.proto"], &["proto"])?;
    println!("cargo:rerun-if-changed=proto");
    println!("cargo:rustc-env=VASK_COMMIT={}", commit());
    Ok(())
}

/// The commit checked out, `VASK_COMMIT` when set
/// (a build from a source archive), else `unknown commit`.
fn commit() -> String {
    println!("cargo:rerun-if-env-changed=VASK_COMMIT");
    if let Ok(c) = std::env::var("VASK_COMMIT") {
        return c;
    }
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .args(args)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
    };
    // Rebuild when HEAD moves (the files git names for HEAD and the branch it points to).
    for path in ["HEAD", "logs/HEAD"] {
        if let Some(p) = git(&["rev-parse", "--git-path", path]) {
            println!("cargo:rerun-if-changed={p}");
        }
    }
    match git(&["rev-parse", "--short=12", "HEAD"]) {
        Some(c) if !c.is_empty() => format!("commit {c}"),
        _ => "unknown commit".to_owned(),
    }
}
