//! Instrumentation of real modules: every corpus module under the permissive policy, output
//! validity, determinism, and what is kept byte for byte.

use baals_instrument::{InstrumentError, instrument};
use baals_policy::Policy;
use baals_tests::{output_features, shared_dir};

fn corpus() -> Vec<(String, Vec<u8>)> {
    let mut modules = Vec::new();
    for dir in ["cosmwasm", "large"] {
        for entry in std::fs::read_dir(shared_dir().join("corpus").join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if path.extension().is_some_and(|e| e == "wasm") && name != "corrupted.wasm" {
                modules.push((name, std::fs::read(&path).unwrap()));
            }
        }
    }
    modules.sort();
    modules
}

#[test]
fn every_corpus_module_instruments_twice_identically_and_validates() {
    let policy = Policy::permissive();
    for (name, wasm) in corpus() {
        let first = instrument(&wasm, &policy).unwrap_or_else(|e| panic!("{name}: {e}"));
        let second = instrument(&wasm, &policy).unwrap();
        assert!(first.wasm == second.wasm, "{name}: two runs differ");
        let mut validator = wasmparser::Validator::new_with_features(output_features(&policy));
        validator.validate_all(&first.wasm).unwrap_or_else(|e| panic!("{name}: output invalid: {e}"));
        assert!(matches!(instrument(&first.wasm, &policy), Err(InstrumentError::AlreadyInstrumented)));
        println!(
            "{name}: {} -> {} bytes ({:+.1}%), {} metering points, {} checks",
            first.report.original_bytes,
            first.report.instrumented_bytes,
            first.report.size_overhead() * 100.0,
            first.report.metering_points(),
            first.report.checks()
        );
    }
}
