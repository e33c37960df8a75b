//! `baals_build::build` on the example contracts: reproducible bytes, the policy's refusal
//! with the function and what to change, and errors that name the path.

use std::path::{Path, PathBuf};

use baals_build::{BuildError, BuildOptions, build};
use baals_policy::Policy;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// A fresh directory under the system's temporary one.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("baals-build-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Copies `from` into `to`, leaving out build outputs.
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name();
        if ["target", "node_modules", "build"].iter().any(|skip| name == *skip) {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            copy_tree(&path, &to.join(&name));
        } else {
            std::fs::copy(&path, to.join(&name)).unwrap();
        }
    }
}

/// The token, the SDK and its macros, copied under `dir` as they sit in the repository, in a
/// workspace of their own (without the token's tests, whose kit needs the whole engine).
fn checkout_in(dir: &Path) -> PathBuf {
    for part in ["contracts/token", "sdk", "sdk-macros"] {
        copy_tree(&repo().join(part), &dir.join(part));
    }
    let token = dir.join("contracts/token");
    let manifest = std::fs::read_to_string(token.join("Cargo.toml")).unwrap();
    std::fs::write(token.join("Cargo.toml"), manifest.split("\n[dev-dependencies]").next().unwrap()).unwrap();
    let workspace = r#"[workspace]
resolver = "3"
members = ["contracts/token", "sdk", "sdk-macros"]

[workspace.package]
version = "0.1.0"
edition = "2024"
license = "Apache-2.0"

[workspace.dependencies]
baals-sdk = { path = "sdk", default-features = false }
"#;
    std::fs::write(dir.join("Cargo.toml"), workspace).unwrap();
    token
}

#[test]
fn building_twice_in_two_places_gives_the_same_bytes() {
    let mut modules = Vec::new();
    for place in ["a", "elsewhere-with-a-longer-path"] {
        let dir = scratch(place);
        let mut options = BuildOptions::new(checkout_in(&dir), Policy::default_policy());
        options.target_dir = Some(dir.join("out"));
        let built = build(&options).unwrap_or_else(|e| panic!("{place}: {e}"));
        assert_eq!(built.len(), 1);
        let token = built.into_iter().next().unwrap();
        assert_eq!(token.name, "token");
        assert_eq!(token.warnings, Vec::<String>::new());
        assert_eq!(std::fs::read(&token.path).unwrap(), token.wasm);
        assert!(token.toolchain.compiler.starts_with("rustc "), "{:?}", token.toolchain);
        let record = std::fs::read_to_string(token.path.with_file_name("token.build.json")).unwrap();
        assert!(record.contains(&format!("\"code_hash\": \"{}\"", token.code_hash)), "{record}");
        assert!(record.contains(&format!("\"compiler\": \"{}\"", token.toolchain.compiler)), "{record}");
        // The module to deploy has no names; the one beside it does, and is otherwise the same.
        let named = std::fs::read(token.named_path.as_ref().unwrap()).unwrap();
        assert!(named.len() > token.wasm.len());
        assert!(token.names.get(token.names.imported()).is_some());
        assert!(baals_build::FunctionNames::of(&token.wasm).get(token.names.imported()).is_none());
        let abi = token.abi.as_ref().expect("the ABI is embedded");
        assert_eq!(abi.name, "token");
        // Nothing of where it was built is in it.
        let text = String::from_utf8_lossy(&token.wasm);
        assert!(!text.contains(dir.to_str().unwrap()), "{place}: the build directory leaks into the module");
        modules.push((token.wasm, token.code_hash, token.instrumented.wasm));
        std::fs::remove_dir_all(&dir).unwrap();
    }
    assert!(modules[0] == modules[1], "two builds of the same sources differ");
}

#[test]
fn a_feature_the_policy_refuses_is_named_with_its_function_and_what_to_change() {
    let dir = scratch("refused");
    let text = std::fs::read_to_string(repo().join("policy/default.toml")).unwrap();
    let policy = Policy::from_toml(&text.replace("bulk-memory = true", "bulk-memory = false")).unwrap();
    let mut options = BuildOptions::new(repo().join("contracts/token"), policy);
    options.target_dir = Some(dir.join("out"));
    let error = build(&options).unwrap_err();
    let BuildError::Refused { contract, function, advice, .. } = &error else { panic!("{error}") };
    assert_eq!(contract, "token");
    // A function of the token's, by its Rust name, not an index.
    let function = function.as_deref().expect("the function is named");
    assert!(function.contains("::") || !function.starts_with("func["), "{function}");
    let advice = advice.as_deref().unwrap();
    assert!(advice.contains("--target wasm32v1-none") && advice.contains("-C target-feature=-bulk-memory"), "{advice}");
    let line = error.to_string();
    assert!(!line.contains('\n'), "{line}");
    assert!(
        line.starts_with("token: refused by the policy: feature `bulk-memory` is not allowed by this policy"),
        "{line}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_path_without_a_contract_is_refused_by_name() {
    let dir = scratch("empty");
    let error = build(&BuildOptions::new(&dir, Policy::default_policy())).unwrap_err();
    assert!(matches!(error, BuildError::NotAContract { .. }), "{error}");
    assert_eq!(error.to_string(), format!("{}: no Cargo.toml or package.json: not a contract to build", dir.display()));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_path_dependency_outside_the_workspace_is_a_warning() {
    let dir = scratch("outside");
    let token = checkout_in(&dir);
    // The token's own workspace, the SDK beside it: as the examples once were.
    std::fs::remove_file(dir.join("Cargo.toml")).unwrap();
    let workspace = "[workspace]\nresolver = \"3\"\nmembers = [\"token\"]\n\n[workspace.package]\nversion = \"0.1.0\"\n\
                     edition = \"2024\"\nlicense = \"Apache-2.0\"\n\n[workspace.dependencies]\n\
                     baals-sdk = { path = \"../sdk\", default-features = false }\n";
    std::fs::write(dir.join("contracts/Cargo.toml"), workspace).unwrap();
    let mut options = BuildOptions::new(&token, Policy::default_policy());
    options.target_dir = Some(dir.join("out"));
    let built = build(&options).unwrap_or_else(|e| panic!("{e}"));
    let warnings = &built[0].warnings;
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings[0].starts_with("path dependency `baals-sdk"), "{warnings:?}");
    assert!(warnings.iter().all(|w| w.contains("the bytes depend on where it sits")), "{warnings:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A contract the macros refuse fails to build with the reason at its line: a type with no
/// ABI type, and a method with `self`.
#[test]
fn misuse_of_the_macros_is_a_compile_error_at_its_line() {
    let dir = scratch("misuse");
    let token = checkout_in(&dir);
    let source = r#"#![no_std]
use baals_sdk::contract;

pub struct Bad;

#[contract]
impl Bad {
    pub fn pair(value: (u8, u8)) {
        let _ = value;
    }
}
"#;
    std::fs::write(token.join("src/lib.rs"), source).unwrap();
    let mut options = BuildOptions::new(&token, Policy::default_policy());
    options.target_dir = Some(dir.join("out"));
    let error = build(&options).unwrap_err();
    let line = error.to_string();
    assert!(matches!(error, BuildError::Compile { .. }), "{line}");
    assert!(line.contains("`(u8, u8)` has no ABI type at ") && line.ends_with("src/lib.rs:8"), "{line}");

    std::fs::write(token.join("src/lib.rs"), source.replace("pub fn pair(value: (u8, u8))", "pub fn pair(&self)"))
        .unwrap();
    let line = build(&options).unwrap_err().to_string();
    assert!(line.contains("a method takes no `self`") && line.ends_with("src/lib.rs:8"), "{line}");
    std::fs::remove_dir_all(&dir).unwrap();
}
