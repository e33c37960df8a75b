//! Builds contracts for the baals engine, as `baals build` does: for wasm32, size-optimised,
//! the same bytes on every run, and checked against the policy before anyone deploys them.
//!
//! [`build`] takes a contract crate (or a workspace of them, or an AssemblyScript project) and
//! returns each contract [`Built`]: the module to deploy, its code hash, its ABI, its
//! instrumented form under the policy with the per-function report, and the toolchain that
//! built it. A module the policy refuses is a [`BuildError::Refused`] that names the function
//! and, for a WebAssembly feature a newer rustc turns on by itself, says what to change.
//!
//! A Rust contract is built by cargo with the profile contracts need whatever the crate's own
//! says: `opt-level = "z"`, LTO, one codegen unit, `panic = "abort"`, and paths remapped so that
//! the build directory and cargo's home leave no trace in the module. Cargo writes into
//! `TARGET/baals/` (`TARGET` being the workspace's target directory), apart from ordinary
//! builds whose flags differ; the module keeps its `name` section there
//! (`TARGET/baals/NAME.named.wasm`, for profiles), and the module to deploy is the same
//! without it (`TARGET/baals/NAME.wasm`). `NAME.build.json` beside them records the code hash,
//! the sizes, the policy and the toolchain.
#![deny(missing_docs)]

mod names;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

use baals_abi::{Abi, AbiError};
use baals_instrument::{CodeHash, Feature, InstrumentError, Instrumented, ValidationError};
use baals_policy::Policy;

pub use names::FunctionNames;

/// What to build and how.
#[derive(Clone, Debug)]
pub struct BuildOptions {
    /// A contract crate's directory (or its `Cargo.toml`), a workspace's (every member that is
    /// a `cdylib`), or an AssemblyScript project's (a `package.json` with a `build` script and
    /// `"baals": { "module": PATH }`).
    pub path: PathBuf,
    /// The policy the modules are checked against.
    pub policy: Policy,
    /// The Rust target: `wasm32-unknown-unknown`, or `wasm32v1-none` for WebAssembly 1.0
    /// without the features newer rustc versions turn on.
    pub target: String,
    /// Where cargo builds and the modules are written [default: `baals/` in the workspace's
    /// target directory].
    pub target_dir: Option<PathBuf>,
}

impl BuildOptions {
    /// Builds `path` for `wasm32-unknown-unknown`, checked against `policy`.
    pub fn new(path: impl Into<PathBuf>, policy: Policy) -> BuildOptions {
        BuildOptions { path: path.into(), policy, target: DEFAULT_TARGET.to_string(), target_dir: None }
    }
}

/// The default Rust target.
pub const DEFAULT_TARGET: &str = "wasm32-unknown-unknown";

/// A contract, built and checked.
#[derive(Debug)]
pub struct Built {
    /// The contract's name: its crate's library name, or the AssemblyScript module's stem.
    pub name: String,
    /// The module to deploy, written to [`path`](Self::path).
    pub wasm: Vec<u8>,
    /// Where it was written.
    pub path: PathBuf,
    /// The same module with its function names (its `name` section), for profiles and traces;
    /// `None` when the build kept no names.
    pub named_path: Option<PathBuf>,
    /// The code hash the engine will store it under.
    pub code_hash: CodeHash,
    /// Its ABI, from its `baals.abi` section, checked against its exports.
    pub abi: Option<Abi>,
    /// The module instrumented under the policy: its size and its per-function report.
    pub instrumented: Instrumented,
    /// Its functions' names.
    pub names: FunctionNames,
    /// What built it.
    pub toolchain: Toolchain,
    /// What may keep someone else from building the same bytes: path dependencies outside
    /// the workspace, whose absolute path cargo hashes into every symbol name (the linker
    /// orders functions by them).
    pub warnings: Vec<String>,
}

/// What built a contract: recorded so that someone else can build the same bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Toolchain {
    /// The compiler's version line (`rustc --version`, or the AssemblyScript compiler's).
    pub compiler: String,
    /// The target.
    pub target: String,
    /// The profile, as cargo's settings.
    pub profile: String,
}

/// Why a build failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// The path holds neither a `Cargo.toml` nor a `package.json`.
    #[error("{path}: no Cargo.toml or package.json: not a contract to build")]
    NotAContract {
        /// The path.
        path: PathBuf,
    },
    /// A command could not be started.
    #[error("{command}: {source}")]
    Spawn {
        /// The command.
        command: String,
        /// Why.
        source: std::io::Error,
    },
    /// The compiler failed; what it printed went to the terminal.
    #[error("{command} failed ({status}){}", detail.as_ref().map(|d| format!(": {d}")).unwrap_or_default())]
    Compile {
        /// The command.
        command: String,
        /// How it ended.
        status: std::process::ExitStatus,
        /// Its first error, when it printed one.
        detail: Option<String>,
    },
    /// What cargo said could not be read.
    #[error("cargo: {0}")]
    Cargo(String),
    /// Nothing to build: no `cdylib` target.
    #[error("{path}: no cdylib target: a contract crate has `crate-type = [\"cdylib\"]`")]
    NoContract {
        /// The manifest.
        path: PathBuf,
    },
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The policy refuses the module.
    #[error("{contract}: refused by the policy: {reason}{}{}",
        function.as_ref().map(|f| format!(" in `{f}`")).unwrap_or_default(),
        advice.as_ref().map(|a| format!("; {a}")).unwrap_or_default())]
    Refused {
        /// The contract.
        contract: String,
        /// The function the rule was broken in, by name.
        function: Option<String>,
        /// The policy's reason.
        reason: Box<InstrumentError>,
        /// What to change, when the build can say.
        advice: Option<String>,
    },
    /// The module's ABI is malformed or does not match its exports.
    #[error("{contract}: ABI: {source}")]
    Abi {
        /// The contract.
        contract: String,
        /// Why.
        source: AbiError,
    },
}

/// Builds the contract(s) at `options.path` and checks each against the policy.
pub fn build(options: &BuildOptions) -> Result<Vec<Built>, BuildError> {
    let path = options.path.as_path();
    let dir = if path.is_file() { path.parent().unwrap_or(Path::new(".")) } else { path };
    if dir.join("Cargo.toml").is_file() {
        build_rust(dir, options)
    } else if dir.join("package.json").is_file() {
        build_assemblyscript(dir, options).map(|built| vec![built])
    } else {
        Err(BuildError::NotAContract { path: path.to_path_buf() })
    }
}

/// The cargo profile every contract is built with, as cargo's environment variables.
const PROFILE: &[(&str, &str)] = &[
    ("CARGO_PROFILE_RELEASE_OPT_LEVEL", "z"),
    ("CARGO_PROFILE_RELEASE_LTO", "true"),
    ("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "1"),
    ("CARGO_PROFILE_RELEASE_PANIC", "abort"),
    ("CARGO_PROFILE_RELEASE_DEBUG", "false"),
    ("CARGO_PROFILE_RELEASE_INCREMENTAL", "false"),
    // DWARF goes; the `name` section stays, for reports and profiles. It is taken off the
    // module to deploy.
    ("CARGO_PROFILE_RELEASE_STRIP", "debuginfo"),
];

fn cargo() -> OsString {
    std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into())
}

fn build_rust(dir: &Path, options: &BuildOptions) -> Result<Vec<Built>, BuildError> {
    let manifest = dir.join("Cargo.toml");
    let metadata = metadata(&manifest)?;
    let root = PathBuf::from(metadata["workspace_root"].as_str().ok_or_else(|| cargo_error("no workspace_root"))?);
    let target_dir = match &options.target_dir {
        Some(dir) => dir.clone(),
        None => PathBuf::from(metadata["target_directory"].as_str().ok_or_else(|| cargo_error("no target_directory"))?)
            .join("baals"),
    };
    let manifest = manifest.canonicalize().map_err(|source| BuildError::Io { path: manifest.clone(), source })?;

    let mut command = Command::new(cargo());
    command
        .arg("build")
        .arg("--release")
        .arg("--target")
        .arg(&options.target)
        .arg("--manifest-path")
        .arg(&manifest)
        .arg("--target-dir")
        .arg(&target_dir)
        .arg("--message-format=json");
    // A workspace with a lockfile builds exactly what it locks.
    if root.join("Cargo.lock").is_file() {
        command.arg("--locked");
    }
    // A package's manifest builds that package; a virtual manifest, every member.
    command.arg("--lib");
    command.envs(PROFILE.iter().copied());
    // The paths of the sources (the workspace's and cargo's registry) end up in panic
    // locations: remapped, the module is the same wherever it is built.
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")));
    // The last matching remapping wins: the workspace first, then each local package (the
    // SDK may sit outside the workspace), each under its name.
    let mut flags = vec![format!("--remap-path-prefix={}=/build", root.display())];
    if let Some(home) = cargo_home {
        flags.push(format!("--remap-path-prefix={}=/cargo", home.display()));
    }
    let mut warnings = Vec::new();
    for package in metadata["packages"].as_array().into_iter().flatten() {
        let local = package["source"].is_null();
        if let (true, Some(path), Some(name)) = (local, package["manifest_path"].as_str(), package["name"].as_str())
            && !Path::new(path).starts_with(&root)
        {
            warnings.push(format!(
                "path dependency `{name}` lies outside the workspace ({}): the bytes depend on where it sits; \
                 make it a member or take it from a registry",
                root.display()
            ));
        }
        if let (true, Some(path), Some(name)) = (local, package["manifest_path"].as_str(), package["name"].as_str())
            && let Some(dir) = Path::new(path).parent()
        {
            flags.push(format!("--remap-path-prefix={}=/build/{name}", dir.display()));
        }
    }
    command.env("CARGO_ENCODED_RUSTFLAGS", flags.join("\u{1f}"));
    command.stdout(std::process::Stdio::piped());
    let description =
        format!("cargo build --release --target {} --manifest-path {}", options.target, manifest.display());
    let output = command.output().map_err(|source| BuildError::Spawn { command: description.clone(), source })?;
    // Cargo's messages, one JSON object a line, read once.
    let messages: Vec<serde_json::Value> =
        output.stdout.split(|&byte| byte == b'\n').filter_map(|line| serde_json::from_slice(line).ok()).collect();
    // The compiler's diagnostics, as cargo would show them; the error's summary is one line.
    show_diagnostics(&messages);
    if !output.status.success() {
        return Err(BuildError::Compile {
            command: description,
            status: output.status,
            detail: first_error(&messages),
        });
    }

    let toolchain = Toolchain {
        compiler: version(Command::new(rustc()).arg("--version"))?,
        target: options.target.clone(),
        profile: PROFILE
            .iter()
            .map(|(key, value)| format!("{}={value}", key.trim_start_matches("CARGO_PROFILE_RELEASE_").to_lowercase()))
            .collect::<Vec<_>>()
            .join(" "),
    };
    let mut built = Vec::new();
    for message in &messages {
        if message["reason"] != "compiler-artifact" {
            continue;
        }
        let is_cdylib = message["target"]["kind"].as_array().is_some_and(|kinds| kinds.iter().any(|k| k == "cdylib"));
        if !is_cdylib {
            continue;
        }
        let Some(file) = message["filenames"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|f| f.as_str())
            .find(|f| f.ends_with(".wasm"))
        else {
            continue;
        };
        let name = message["target"]["name"].as_str().unwrap_or("contract").replace('-', "_");
        let named = read(Path::new(file))?;
        let named_path = target_dir.join(format!("{name}.named.wasm"));
        write(&named_path, &named)?;
        let mut contract =
            finish(name, &named, Some(named_path), target_dir.clone(), toolchain.clone(), &options.policy)?;
        contract.warnings = warnings.clone();
        built.push(contract);
    }
    if built.is_empty() {
        return Err(BuildError::NoContract { path: manifest });
    }
    Ok(built)
}

fn rustc() -> OsString {
    std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into())
}

fn metadata(manifest: &Path) -> Result<serde_json::Value, BuildError> {
    let mut command = Command::new(cargo());
    command.args(["metadata", "--format-version", "1", "--manifest-path"]).arg(manifest);
    // Only where the lockfile is known to be the workspace's: cargo would refuse the
    // manifest of a member whose workspace's lockfile is out of date anyway.
    if manifest.parent().is_some_and(|dir| dir.join("Cargo.lock").is_file()) {
        command.arg("--locked");
    }
    let output = command.output().map_err(|source| BuildError::Spawn {
        command: format!("cargo metadata --manifest-path {}", manifest.display()),
        source,
    })?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let detail = stderr.lines().find(|line| line.starts_with("error")).map(str::to_string);
        return Err(BuildError::Compile {
            command: format!("cargo metadata --manifest-path {}", manifest.display()),
            status: output.status,
            detail,
        });
    }
    serde_json::from_slice(&output.stdout).map_err(|error| cargo_error(&error.to_string()))
}

fn cargo_error(message: &str) -> BuildError {
    BuildError::Cargo(message.to_string())
}

/// Writes the compiler's rendered diagnostics to stderr, as cargo does.
fn show_diagnostics(messages: &[serde_json::Value]) {
    use std::io::Write;
    let mut stderr = std::io::stderr().lock();
    for message in messages {
        if message["reason"] == "compiler-message"
            && let Some(rendered) = message["message"]["rendered"].as_str()
        {
            let _ = stderr.write_all(rendered.as_bytes());
        }
    }
}

/// The first error cargo's JSON messages carry, on one line.
fn first_error(messages: &[serde_json::Value]) -> Option<String> {
    messages.iter().find_map(|message| {
        if message["reason"] != "compiler-message" || message["message"]["level"] != "error" {
            return None;
        }
        let text = message["message"]["message"].as_str()?;
        let span = message["message"]["spans"].as_array().and_then(|spans| spans.first()).map(|span| {
            format!(" at {}:{}", span["file_name"].as_str().unwrap_or("?"), span["line_start"].as_u64().unwrap_or(0))
        });
        Some(format!("{text}{}", span.unwrap_or_default()))
    })
}

fn version(command: &mut Command) -> Result<String, BuildError> {
    let description = format!("{command:?}");
    let output = command.output().map_err(|source| BuildError::Spawn { command: description.clone(), source })?;
    if !output.status.success() {
        return Err(BuildError::Compile { command: description, status: output.status, detail: None });
    }
    Ok(String::from_utf8_lossy(&output.stdout).trim().to_string())
}

fn build_assemblyscript(dir: &Path, options: &BuildOptions) -> Result<Built, BuildError> {
    let package_path = dir.join("package.json");
    let package: serde_json::Value = serde_json::from_slice(&read(&package_path)?).map_err(|error| BuildError::Io {
        path: package_path.clone(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, error),
    })?;
    let Some(module) = package["baals"]["module"].as_str() else {
        return Err(BuildError::NoContract { path: package_path });
    };
    if !dir.join("node_modules").is_dir() {
        run(Command::new("npm").current_dir(dir).args(["ci", "--no-audit", "--no-fund"]))?;
    }
    run(Command::new("npm").current_dir(dir).args(["run", "--silent", "build"]))?;
    let compiler = version(Command::new("npx").current_dir(dir).args(["--no-install", "asc", "--version"]))?;
    let module = dir.join(module);
    let wasm = read(&module)?;
    let name = module.file_stem().and_then(|stem| stem.to_str()).unwrap_or("contract").to_string();
    let out_dir = module.parent().unwrap_or(dir).to_path_buf();
    let toolchain = Toolchain {
        compiler: format!("AssemblyScript {}", compiler.trim_start_matches("Version ")),
        target: "wasm32".to_string(),
        profile: package["scripts"]["build"].as_str().unwrap_or_default().to_string(),
    };
    // asc writes the module where the project says; it is the one to deploy (asc keeps no
    // name section without --debug).
    let named = if FunctionNames::of(&wasm).is_empty() { None } else { Some(module.clone()) };
    let built = finish(name, &wasm, named, out_dir, toolchain, &options.policy)?;
    Ok(built)
}

fn run(command: &mut Command) -> Result<(), BuildError> {
    let description = format!("{command:?}");
    let status = command.status().map_err(|source| BuildError::Spawn { command: description.clone(), source })?;
    if !status.success() {
        return Err(BuildError::Compile { command: description, status, detail: None });
    }
    Ok(())
}

/// Checks a built module against the policy, takes its names off, writes it, and reports.
fn finish(
    name: String,
    named: &[u8],
    named_path: Option<PathBuf>,
    out_dir: PathBuf,
    toolchain: Toolchain,
    policy: &Policy,
) -> Result<Built, BuildError> {
    let names = FunctionNames::of(named);
    // A module that does not parse is refused by the instrumenter below, with its reason.
    let wasm = without_names(named).unwrap_or_else(|| named.to_vec());
    let instrumented =
        baals_instrument::instrument(&wasm, policy).map_err(|reason| refused(&name, &names, reason, &toolchain))?;
    let abi = match Abi::from_module(&wasm) {
        Ok(Some(abi)) => {
            abi.check_module(&wasm).map_err(|source| BuildError::Abi { contract: name.clone(), source })?;
            Some(abi)
        }
        Ok(None) => None,
        Err(source) => return Err(BuildError::Abi { contract: name, source }),
    };
    let path = out_dir.join(format!("{name}.wasm"));
    if named_path.as_deref() != Some(path.as_path()) {
        write(&path, &wasm)?;
    }
    // What built it, beside it: what someone needs to build the same bytes and check them.
    let record = serde_json::json!({
        "name": name,
        "code_hash": CodeHash::of(&wasm).to_string(),
        "bytes": wasm.len(),
        "instrumented_bytes": instrumented.report.instrumented_bytes,
        "policy": policy.hash().to_string(),
        "toolchain": { "compiler": toolchain.compiler, "target": toolchain.target, "profile": toolchain.profile },
    });
    let pretty = serde_json::to_string_pretty(&record).unwrap_or_default();
    write(&out_dir.join(format!("{name}.build.json")), format!("{pretty}\n").as_bytes())?;
    Ok(Built {
        code_hash: CodeHash::of(&wasm),
        name,
        wasm,
        path,
        named_path,
        abi,
        instrumented,
        names,
        toolchain,
        warnings: Vec::new(),
    })
}

/// The module without its `name` section (`None` if it does not parse): the names cost bytes,
/// and gas, at every deployment; the build keeps them beside it. The code hash of a built
/// module is the hash of this of its named copy.
pub fn without_names(wasm: &[u8]) -> Option<Vec<u8>> {
    let mut out = wasm_encoder::Module::new();
    let mut kept = Vec::new();
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        let payload = payload.ok()?;
        if let wasmparser::Payload::CustomSection(section) = &payload
            && section.name() == "name"
        {
            continue;
        }
        if let Some((id, range)) = payload.as_section() {
            kept.push((id, range));
        }
    }
    for (id, range) in kept {
        out.section(&wasm_encoder::RawSection { id, data: &wasm[range] });
    }
    Some(out.finish())
}

fn refused(contract: &str, names: &FunctionNames, reason: InstrumentError, toolchain: &Toolchain) -> BuildError {
    let function = match &reason {
        InstrumentError::Validation(error) => error.location().function.map(|index| names.display(index)),
        _ => None,
    };
    let advice = match &reason {
        InstrumentError::Validation(ValidationError::FeatureNotAllowed { feature, .. }) => advice(*feature, toolchain),
        _ => None,
    };
    BuildError::Refused { contract: contract.to_string(), function, reason: Box::new(reason), advice }
}

/// What to change for a feature the policy refuses, when the compiler put it there.
fn advice(feature: Feature, toolchain: &Toolchain) -> Option<String> {
    if feature == Feature::Floats {
        return Some(
            "the engine refuses floating point (it is not deterministic across machines): \
             use integers or fixed point, and check that no dependency formats or parses floats"
                .to_string(),
        );
    }
    let rustc_feature = match feature {
        Feature::SignExtension => "sign-ext",
        Feature::MultiValue => "multivalue",
        Feature::BulkMemory => "bulk-memory",
        Feature::ReferenceTypes => "reference-types",
        Feature::ExtendedConst => "extended-const",
        Feature::MutableGlobal => "mutable-globals",
        Feature::Simd => "simd128",
        Feature::RelaxedSimd => "relaxed-simd",
        Feature::Threads => "atomics",
        Feature::TailCall => "tail-call",
        Feature::Exceptions | Feature::LegacyExceptions => "exception-handling",
        Feature::MultiMemory => "multimemory",
        Feature::WideArithmetic => "wide-arithmetic",
        _ => return None,
    };
    if !toolchain.compiler.starts_with("rustc") {
        return None;
    }
    Some(format!(
        "{} turns WebAssembly features on by default that this policy refuses: build for \
         `--target wasm32v1-none` (WebAssembly 1.0; `rustup target add wasm32v1-none`), or with \
         `-C target-feature=-{rustc_feature}` in RUSTFLAGS if nothing precompiled (core, alloc) \
         uses it, or allow `{}` in the policy",
        toolchain.compiler,
        feature.name()
    ))
}

fn read(path: &Path) -> Result<Vec<u8>, BuildError> {
    std::fs::read(path).map_err(|source| BuildError::Io { path: path.to_path_buf(), source })
}

/// Writes `bytes` to `path` whole or not at all: written beside it, then renamed over it, so
/// that a deployment reading the module while another build of the same sources writes it
/// sees one or the other, never a part.
fn write(path: &Path, bytes: &[u8]) -> Result<(), BuildError> {
    use std::sync::atomic::{AtomicU64, Ordering};
    static WRITES: AtomicU64 = AtomicU64::new(0);
    fn io(path: &Path) -> impl FnOnce(std::io::Error) -> BuildError + '_ {
        move |source| BuildError::Io { path: path.to_path_buf(), source }
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(io(parent))?;
    }
    let mut partial = path.as_os_str().to_owned();
    partial.push(format!(".{}-{}.partial", std::process::id(), WRITES.fetch_add(1, Ordering::Relaxed)));
    let partial = PathBuf::from(partial);
    std::fs::write(&partial, bytes).map_err(io(&partial))?;
    std::fs::rename(&partial, path).map_err(io(path))
}
