//! Random sequences of calls to the probe contract (every host function, nested calls, value,
//! failures) against the runtime: no sequence may panic the host, and replaying it on wasmi,
//! and on wasmtime without copies (every call once, on the stored modules: `docs/runtime.md`,
//! "Traps run twice"), must give what wasmtime gave: the same results, gas, events, storage
//! and storage roots.
#![no_main]

use std::sync::LazyLock;

use arbitrary::{Arbitrary, Unstructured};
use baals_policy::Policy;
use baals_runtime::{
    Address, Backend, BlockContext, Call as Request, ContractEngine, ContractId, Deploy, EngineConfig, MemoryStorage,
    StateView, Storage,
};
use libfuzzer_sys::fuzz_target;

const ALICE: Address = Address([1; 32]);

/// Gas limits are below 2^22: enough for any probe method but `spin` and a deep `deep`, and a
/// `spin` then ends in milliseconds. With any u32 a sequence of spins took wasmi up to a
/// minute, and the target managed 2 to 4 executions a second.
const GAS_LIMITS: u32 = 1 << 22;

/// The engines a sequence runs on: wasmtime and wasmi, each running calls on the copies of
/// their code, and wasmtime on the stored modules alone.
const ENGINES: [(Backend, bool); 3] = [(Backend::Wasmtime, true), (Backend::Wasmi, true), (Backend::Wasmtime, false)];

/// Per engine, the engine and the state every sequence starts from: the probe deployed twice
/// and Alice credited, committed. Each sequence runs over a fork of it, so sequences stay
/// independent (a crash reproduces from its input alone: the engine's compiled modules are a
/// cache, which no result depends on) without compiling the probe again.
struct Start {
    engine: ContractEngine,
    storage: MemoryStorage,
    contracts: [ContractId; 2],
}

static STARTS: LazyLock<[Start; 3]> = LazyLock::new(|| ENGINES.map(start));

fn start(engine: (Backend, bool)) -> Start {
    let probe = wat::parse_file(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/contracts/probe.wat")).unwrap();
    let storage = MemoryStorage::new();
    let engine = ContractEngine::with_config(Policy::default_policy(), config(engine)).unwrap();
    let ctx = BlockContext { height: 1, timestamp: 1 };
    let (contracts, _) = engine
        .commit_block(&storage, ctx, |block| {
            block.credit(&ALICE, 1_000)?;
            // The second deployment takes the stored-code path.
            let deploy = Deploy::new(ALICE, &probe, 1 << 40);
            Ok([block.deploy(&deploy)?.contract_id, block.deploy(&deploy)?.contract_id])
        })
        .unwrap();
    Start { engine, storage, contracts }
}

fn config((backend, copies): (Backend, bool)) -> EngineConfig {
    EngineConfig::default().with_backend(backend).with_copies(copies)
}

/// Every method of the probe.
const METHODS: &[&str] = &[
    "noop",
    "height",
    "set",
    "get",
    "get_capped",
    "remove",
    "info",
    "input_capped",
    "sha",
    "verify",
    "pay",
    "emit",
    "fail",
    "trap",
    "spin",
    "write_then_trap",
    "write_then_spin",
    "write_then_revert",
    "write_then_bad_pointer",
    "write_then_pay_negative",
    "call",
    "emit_around_call",
    "call_paying",
    "write_around_call",
    "bad_storage_read",
    "bad_storage_read_out",
    "bad_storage_write",
    "bad_storage_remove",
    "bad_get_sender",
    "bad_get_contract_id",
    "bad_get_input_data",
    "bad_set_return_data",
    "bad_transfer",
    "bad_hash_sha256_in",
    "bad_hash_sha256_out",
    "bad_verify_signature",
    "bad_call_contract",
    "bad_read_call_result",
    "bad_emit_event",
    "bad_revert",
    "deep",
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

fn run(calls: &[Call], engine: usize) -> Vec<String> {
    let start = &STARTS[engine];
    let (engine, storage) = (&start.engine, start.storage.fork().unwrap());
    let [a, b] = start.contracts;
    let mut block = engine.block(BlockContext { height: 2, timestamp: 2 }, storage.write().unwrap());
    let mut trace = Vec::new();
    for call in calls {
        let contract = if call.contract { a } else { b };
        let method = METHODS[usize::from(call.method) % METHODS.len()];
        let mut input = call.input.clone();
        if method.starts_with("call") || method.ends_with("around_call") {
            // Point nested calls at one of the two contracts.
            let target = if call.target { a } else { b };
            input.splice(0..0, target.0);
        }
        let request = Request::new(ALICE, contract, method, u64::from(call.gas % GAS_LIMITS))
            .with_input(&input)
            .with_value(u64::from(call.value));
        let result = block.call(&request).unwrap();
        trace.push(format!("{result:?}"));
    }
    let (changes, mut txn) = block.finish().unwrap();
    changes.write_to(&mut txn).unwrap();
    storage.commit(txn).unwrap();
    let snapshot = storage.read().unwrap();
    let view = StateView::new(&snapshot);
    for id in [a, b] {
        trace.push(format!("{:?} {:?}", view.account(&id).unwrap(), view.storage_entries(&id).unwrap()));
        trace.push(format!("{:?}", view.events(&id).unwrap()));
    }
    trace
}

fuzz_target!(|data: &[u8]| {
    let Ok(calls) = Vec::<Call>::arbitrary(&mut Unstructured::new(data)) else { return };
    let calls = &calls[..calls.len().min(16)];
    let wasmtime = run(calls, 0);
    assert_eq!(wasmtime, run(calls, 1), "wasmtime and wasmi disagree");
    assert_eq!(wasmtime, run(calls, 2), "wasmtime with and without copies disagree");
});
