//! Real modules built elsewhere (`../shared/corpus`): the verdict of each under both shipped
//! policies, with the reason and place of each refusal.

use std::path::PathBuf;

use baals_instrument::{ExportRefusal, ImportRefusal, Location, ValidationError, validate};
use baals_policy::{Limit, Policy};
use baals_tests::{default_with, shared_dir};

fn corpus_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in ["cosmwasm", "large"] {
        for entry in std::fs::read_dir(shared_dir().join("corpus").join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "wasm") {
                files.push(path);
            }
        }
    }
    files.sort();
    assert_eq!(files.len(), 12, "the corpus changed: {files:?}");
    files
}

fn name(path: &std::path::Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

#[test]
fn permissive_accepts_everything_but_the_corrupted_module() {
    let policy = Policy::permissive();
    for path in corpus_files() {
        let wasm = std::fs::read(&path).unwrap();
        let verdict = validate(&wasm, &policy);
        if name(&path) == "corrupted.wasm" {
            // Eight 0x11 bytes (`call_indirect`) spliced into function 4: with reference types
            // the second one reads as a table index, 17, which does not exist.
            assert_eq!(
                verdict.unwrap_err(),
                ValidationError::Invalid {
                    message: "unknown table 17: table index out of bounds".to_string(),
                    location: Location { function: Some(4), offset: Some(0x3e8) },
                }
            );
        } else {
            let info = verdict.unwrap_or_else(|e| panic!("{}: {e}", name(&path)));
            // Validation is a pure function of the bytes and the policy.
            assert_eq!(validate(&wasm, &policy).unwrap(), info);
        }
    }
}

#[test]
fn the_corrupted_module_does_not_decode_without_reference_types() {
    // Without reference types, the table byte of `call_indirect` must be zero.
    let policy = default_with(&[
        ("features", "reference-types", "false"),
        ("imports", "allow", "\"any\""),
        ("exports", "allow", "\"any\""),
    ]);
    let wasm = std::fs::read(shared_dir().join("corpus/cosmwasm/corrupted.wasm")).unwrap();
    match validate(&wasm, &policy).unwrap_err() {
        ValidationError::Malformed { message, location } => {
            assert_eq!(message, "zero byte expected");
            assert_eq!(location, Location { function: Some(4), offset: Some(0x3ea) });
        }
        other => panic!("{other}"),
    }
}

#[test]
fn large_modules_are_described_exactly() {
    let policy = Policy::permissive();
    for (file, imported, defined, instructions) in
        [("esbuild-0.28.2.wasm", 22, 5307, 4_727_150), ("swc-1.16.18.wasm", 68, 16_346, 7_476_787)]
    {
        let wasm = std::fs::read(shared_dir().join("corpus/large").join(file)).unwrap();
        let info = validate(&wasm, &policy).unwrap();
        assert_eq!((info.imported_functions, info.functions, info.instructions), (imported, defined, instructions));
        // Far past the production policy's size limit, which is checked before anything is read.
        assert!(matches!(
            validate(&wasm, &Policy::default_policy()),
            Err(ValidationError::LimitExceeded { limit: Limit::ModuleBytes, .. })
        ));
    }
}

/// Under the production policy, each CosmWasm contract is refused for its first import, which
/// belongs to CosmWasm's host API; `empty.wasm` imports nothing and is refused for its first
/// export, CosmWasm's `allocate(i32) -> i32`.
#[test]
fn the_default_policy_refuses_cosmwasm_contracts_for_their_interface() {
    let policy = Policy::default_policy();
    let expected = [
        ("corrupted.wasm", "read_db", 0xa8),
        ("cyberpunk.wasm", "abort", 0xf8),
        ("floaty_2.0.wasm", "abort", 0xf0),
        ("hackatom.wasm", "abort", 0x10d),
        ("hackatom_0.7.wasm", "read_db", 0x72),
        ("hackatom_1.0.wasm", "db_read", 0xb9),
        ("ibc2.wasm", "abort", 0x12a),
        ("ibc_callbacks.wasm", "abort", 0xce),
        ("ibc_reflect.wasm", "abort", 0x10e),
    ];
    for (file, import, offset) in expected {
        let wasm = std::fs::read(shared_dir().join("corpus/cosmwasm").join(file)).unwrap();
        assert_eq!(
            validate(&wasm, &policy).unwrap_err(),
            ValidationError::ImportNotAllowed {
                module: "env".to_string(),
                name: import.to_string(),
                reason: ImportRefusal::UnknownFunction,
                location: Location { function: None, offset: Some(offset) },
            },
            "{file}"
        );
    }
    let wasm = std::fs::read(shared_dir().join("corpus/cosmwasm/empty.wasm")).unwrap();
    assert_eq!(
        validate(&wasm, &policy).unwrap_err(),
        ValidationError::ExportNotAllowed {
            name: "allocate".to_string(),
            reason: ExportRefusal::NotAnEntryPoint("(param i32) (result i32)".to_string()),
            location: Location { function: None, offset: Some(0xbf) },
        }
    );
}
