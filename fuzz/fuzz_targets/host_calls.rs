//! Random sequences of calls to the probe contract (every host function, nested calls, value,
//! failures) against the runtime: no sequence may panic the host, and replaying it on wasmi
//! must give what wasmtime gave: the same results, gas, events, storage and storage roots.
#![no_main]

use std::sync::LazyLock;

use arbitrary::{Arbitrary, Unstructured};
use baals_policy::Policy;
use baals_runtime::{Address, Backend, BlockContext, ContractEngine, EngineConfig, MemoryStorage};
use libfuzzer_sys::fuzz_target;

static PROBE: LazyLock<Vec<u8>> = LazyLock::new(|| {
    wat::parse_file(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/contracts/probe.wat")).unwrap()
});

const METHODS: &[&str] = &[
    "set", "get", "get_capped", "remove", "info", "input_capped", "sha", "verify", "pay", "emit", "fail", "trap",
    "spin", "write_then_trap", "write_then_revert", "call", "call_paying", "write_around_call", "deep",
    "bad_storage_read", "bad_emit_event", "bad_call_contract", "noop", "height",
];

#[derive(Arbitrary, Debug)]
struct Call {
    contract: bool,
    method: u8,
    input: Vec<u8>,
    value: u8,
    gas: u32,
    target: bool,
}

fn run(calls: &[Call], backend: Backend) -> Vec<String> {
    let config = EngineConfig::default().with_backend(backend);
    let engine = ContractEngine::with_config(MemoryStorage::new(), Policy::default_policy(), config).unwrap();
    let ctx = BlockContext { height: 1, timestamp: 1 };
    let alice = Address([1; 32]);
    let mut block = engine.begin_block(ctx).unwrap();
    block.credit(&alice, 1_000).unwrap();
    let a = block.deploy_contract(alice, &PROBE, b"", 10_000_000).unwrap().contract_id;
    let b = block.deploy_contract(alice, &PROBE, b"", 10_000_000).unwrap().contract_id;
    let mut trace = Vec::new();
    for call in calls {
        let contract = if call.contract { a } else { b };
        let method = METHODS[usize::from(call.method) % METHODS.len()];
        let mut input = call.input.clone();
        if method.starts_with("call") || method == "write_around_call" {
            // Point nested calls at one of the two contracts.
            let target = if call.target { a } else { b };
            input.splice(0..0, target.0);
        }
        let result = block
            .execute_contract_call(alice, contract, method, &input, u64::from(call.value), u64::from(call.gas))
            .unwrap();
        trace.push(format!("{result:?}"));
    }
    block.commit().unwrap();
    for id in [a, b] {
        trace.push(format!("{:?} {:?}", engine.contract(&id).unwrap(), engine.storage_entries(&id).unwrap()));
        trace.push(format!("{:?}", engine.events(&id).unwrap()));
    }
    trace
}

fuzz_target!(|data: &[u8]| {
    let Ok(calls) = Vec::<Call>::arbitrary(&mut Unstructured::new(data)) else { return };
    let calls = &calls[..calls.len().min(16)];
    assert_eq!(run(calls, Backend::Wasmtime), run(calls, Backend::Wasmi), "wasmtime and wasmi disagree");
});
