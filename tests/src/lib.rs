//! Helpers shared by the integration tests: policies derived from the shipped ones, and the
//! paths of the shared corpus and spec suite.
#![deny(missing_docs)]

pub mod chain_script;
pub mod exec;
pub mod ledger;
pub mod node;
pub mod twin;

use std::path::PathBuf;

use baals_policy::{DEFAULT_POLICY_TOML, PERMISSIVE_POLICY_TOML, Policy};

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ has a parent").to_path_buf()
}

/// `../shared` next to the checkout: the corpus and the spec suite.
pub fn shared_dir() -> PathBuf {
    workspace_root().join("..").join("shared")
}

/// The spec suite's `.wast` files, sorted so every run reports them in the same order.
pub fn spec_wast_files() -> Vec<PathBuf> {
    let dir = shared_dir().join("testsuite");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "wast"))
        .collect();
    paths.sort();
    paths
}

/// `policy_text` with the line starting `key =` inside `[section]` replaced by `line`, or
/// removed when `line` is empty. Panics if there is no such line, so a test cannot silently
/// edit nothing.
pub fn edit(policy_text: &str, section: &str, key: &str, line: &str) -> String {
    let header = format!("[{section}]");
    let mut in_section = false;
    let mut found = false;
    let mut out = String::new();
    for current in policy_text.lines() {
        if current.starts_with('[') {
            in_section = current == header;
        }
        if in_section && !found && current.starts_with(&format!("{key} =")) {
            found = true;
            if !line.is_empty() {
                out.push_str(line);
                out.push('\n');
            }
            continue;
        }
        out.push_str(current);
        out.push('\n');
    }
    assert!(found, "no `{key}` in [{section}]");
    out
}

/// The default policy with `key = value` set in each `[section]`.
pub fn default_with(changes: &[(&str, &str, &str)]) -> Policy {
    with(DEFAULT_POLICY_TOML, changes)
}

/// `tests/policies/metering.toml`: the default policy's limits and features with round prices
/// (instructions 1 or 2 gas, `call` 10, 8,192 a memory page, no base price per call), which
/// the exact figures of `tests/gas.rs` and of the runtime's price tests are derived from by
/// hand. Recalibrating the production schedule leaves it alone.
pub const METERING_POLICY_TOML: &str = include_str!("../policies/metering.toml");

/// The metering policy.
pub fn metering() -> Policy {
    with(METERING_POLICY_TOML, &[])
}

/// The metering policy with `key = value` set in each `[section]`.
pub fn metering_with(changes: &[(&str, &str, &str)]) -> Policy {
    with(METERING_POLICY_TOML, changes)
}

fn with(text: &str, changes: &[(&str, &str, &str)]) -> Policy {
    let text = changes
        .iter()
        .fold(text.to_string(), |text, (section, key, value)| edit(&text, section, key, &format!("{key} = {value}")));
    Policy::from_toml(&text).unwrap_or_else(|e| panic!("test policy refused: {e}"))
}

/// The permissive policy with `[gas] trap = "limit"`: a trap uses the whole limit, and only
/// calls and exits write the gas counter back (`docs/gas.md`, "Traps").
pub fn permissive_trap_limit() -> Policy {
    let text = edit(PERMISSIVE_POLICY_TOML, "gas", "trap", "trap = \"limit\"");
    Policy::from_toml(&text).unwrap_or_else(|e| panic!("test policy refused: {e}"))
}

/// Assembles WebAssembly text, panicking on a syntax error (test modules are ours).
pub fn wat(text: &str) -> Vec<u8> {
    wat::parse_str(text).unwrap_or_else(|e| panic!("bad test module: {e}\n{text}"))
}

/// `wasm` with a custom section appended: `name`, then `payload` as it is (hand-built
/// sections, malformed ones among them, that no assembler writes).
pub fn with_custom_section(wasm: &[u8], name: &str, payload: &[u8]) -> Vec<u8> {
    let mut contents = leb(name.len() as u32);
    contents.extend_from_slice(name.as_bytes());
    contents.extend_from_slice(payload);
    let mut out = wasm.to_vec();
    out.push(0);
    out.extend(leb(contents.len() as u32));
    out.extend(contents);
    out
}

/// The unsigned LEB128 encoding of `value`.
pub fn leb(mut value: u32) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return out;
        }
        out.push(byte | 0x80);
    }
}

/// The features an instrumented module needs: the policy's, plus mutable globals (the exported
/// gas and stack counters are mutable).
pub fn output_features(policy: &Policy) -> wasmparser::WasmFeatures {
    use wasmparser::WasmFeatures as W;
    let f = policy.features();
    let mut flags = W::MUTABLE_GLOBAL;
    flags.set(W::SIGN_EXTENSION, f.sign_extension);
    flags.set(W::MULTI_VALUE, f.multi_value);
    flags.set(W::BULK_MEMORY, f.bulk_memory);
    flags.set(W::REFERENCE_TYPES | W::GC_TYPES, f.reference_types);
    flags.set(W::EXTENDED_CONST, f.extended_const);
    flags.set(W::FLOATS | W::SATURATING_FLOAT_TO_INT, f.floats != baals_policy::FloatMode::Deny);
    flags
}

/// An example contract of `contracts/`, built for wasm32 on first use: `token`, `escrow`,
/// `forwarder` (Rust, with the SDK) or `counter` (AssemblyScript).
pub fn example_contract(name: &str) -> Vec<u8> {
    static BUILD: std::sync::Once = std::sync::Once::new();
    let root = workspace_root();
    BUILD.call_once(|| {
        // As `baals build` builds them: the modules to deploy, checked against the default
        // policy.
        for contract in ["token", "escrow", "forwarder", "assemblyscript"] {
            let options = baals_build::BuildOptions::new(
                root.join("contracts").join(contract),
                baals_policy::Policy::default_policy(),
            );
            if let Err(error) = baals_build::build(&options) {
                panic!("baals build contracts/{contract}: {error}");
            }
        }
    });
    let path = match name {
        "counter" => root.join("contracts/assemblyscript/build/counter.wasm"),
        "c_counter" => return c_contract("counter"),
        rust => root.join("target/baals").join(format!("{rust}.wasm")),
    };
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A C contract of `contracts/c`, built with clang's wasm32 target (Debian's `clang` and `lld`,
/// which `.ci/run` installs) into `contracts/c/build`, as `sdk/c/baals.h` says to.
fn c_contract(name: &str) -> Vec<u8> {
    // Tests run in parallel: one clang at a time writes the build directory.
    static BUILDING: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _building = BUILDING.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let root = workspace_root();
    let build = root.join("contracts/c/build");
    std::fs::create_dir_all(&build).unwrap_or_else(|e| panic!("{}: {e}", build.display()));
    let out = build.join(format!("{name}.wasm"));
    let source = format!("contracts/c/{name}.c");
    let mut clang = std::process::Command::new("clang");
    clang.current_dir(&root).args([
        "--target=wasm32",
        "-O2",
        "-nostdlib",
        "-ffreestanding",
        "-fno-builtin",
        "-Wl,--no-entry",
        "-Wl,--strip-debug",
        "-I",
        "sdk/c",
        "-o",
    ]);
    clang.arg(&out).arg(&source);
    match clang.status() {
        Ok(status) if status.success() => {}
        Ok(status) => panic!("clang {source}: {status}"),
        Err(error) => panic!("clang {source}: {error} (install Debian's clang and lld, as .ci/run does)"),
    }
    std::fs::read(&out).unwrap_or_else(|e| panic!("{}: {e}", out.display()))
}

/// The benchmark kernels of `bench/kernels` (sha256, keccak, ed25519, bigint, sort, interp,
/// fib, json, memmove), built for wasm32 on first use.
pub fn bench_kernels() -> Vec<u8> {
    static BUILD: std::sync::Once = std::sync::Once::new();
    let root = workspace_root();
    BUILD.call_once(|| build_wasm32("bench/kernels/Cargo.toml", "bench/kernels/target"));
    let path = root.join("bench/kernels/target/wasm32-unknown-unknown/release/baals_bench_kernels.wasm");
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Builds a wasm32 crate of the repository in release, into `target_dir`.
fn build_wasm32(manifest: &str, target_dir: &str) {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    run(std::process::Command::new(cargo).current_dir(workspace_root()).args([
        "build",
        "--quiet",
        "--release",
        "--target",
        "wasm32-unknown-unknown",
        "--manifest-path",
        manifest,
        "--target-dir",
        target_dir,
    ]));
}

fn run(command: &mut std::process::Command) {
    let status = command.status().unwrap_or_else(|e| panic!("{command:?}: {e}"));
    assert!(status.success(), "{command:?} failed: {status}");
}
