//! Raw bytes into validation and instrumentation, under both shipped policies and the
//! permissive one with `[gas] trap = "limit"`: no input may panic, and an accepted module must
//! come out valid and the same when instrumented again. The copy the runtime runs calls on
//! (`without_trap_write_backs`) must be made from every output, validate, and keep its length;
//! made from the raw input, it may fail but not panic.
#![no_main]

use std::sync::LazyLock;

use baals_instrument::without_trap_write_backs;
use baals_policy::{Policy, TrapGas};
use libfuzzer_sys::fuzz_target;

static POLICIES: LazyLock<[Policy; 3]> = LazyLock::new(|| {
    let limit = baals_policy::PERMISSIVE_POLICY_TOML.replace("trap = \"exact\"", "trap = \"limit\"");
    let limit_policy = Policy::from_toml(&limit).unwrap();
    // A spelling change in the shipped file would otherwise fuzz "exact" twice, silently.
    assert_eq!(limit_policy.trap_gas(), TrapGas::Limit, "no `trap` line to edit");
    [Policy::default_policy(), Policy::permissive(), limit_policy]
});

fuzz_target!(|data: &[u8]| {
    // Stored code is the instrumenter's output, but the copy is made from whatever the
    // database holds.
    let _ = without_trap_write_backs(data);
    for policy in POLICIES.iter() {
        let _ = baals_instrument::validate(data, policy);
        if let Ok(first) = baals_instrument::instrument(data, policy) {
            wasmparser::Validator::new().validate_all(&first.wasm).expect("instrumented output validates");
            let second = baals_instrument::instrument(data, policy).expect("accepted once, accepted again");
            assert!(first.wasm == second.wasm, "instrumentation is not deterministic");
            let copy = without_trap_write_backs(&first.wasm).expect("the instrumenter's output has a copy");
            if let Some(copy) = copy {
                assert_eq!(policy.trap_gas(), TrapGas::Exact, "only exact trap gas writes back for traps");
                assert_eq!(copy.len(), first.wasm.len(), "the copy moved code");
                wasmparser::Validator::new().validate_all(&copy).expect("the copy validates");
            }
        }
    }
});
