//! Compiles `proto/vask/v1/*.proto` with a vendored `protoc`, so no system protoc is needed.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let protoc = protoc_bin_vendored::protoc_bin_path()?;
    // SAFETY: build scripts are single-threaded; nothing else reads the environment meanwhile.
    unsafe { std::env::set_var("PROTOC", protoc) };
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR")?);
    tonic_prost_build::configure()
        .file_descriptor_set_path(out.join("vask_descriptor.bin"))
        .compile_protos(&["proto/vask/v1/vask.proto"], &["proto"])?;
    println!("cargo:rerun-if-changed=proto");
    Ok(())
}
