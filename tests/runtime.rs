//! The runtime: every host function (and its bad-pointer case), atomicity of failed calls,
//! nested calls, re-entrancy, the depth limit, value, events, queries, persistence, storage
//! roots, determinism and the stack guarantee.
//!
//! Under the default policy's limits with the round prices of `tests/policies/metering.toml`,
//! so that the gas figures here are derived by hand; the production schedule's prices are the
//! calibration's (`docs/GAS-SCHEDULE.md`), and `tests/contracts.rs` runs the example contracts
//! under them.

use baals_abi::{hex_decode, hex_encode};
use baals_instrument::CodeHash;
use baals_policy::Policy;
use baals_runtime::{
    Address, ArtifactStore, BlockContext, ContractExecutionResult, ContractId, EngineError, Event, ExecutionStatus,
    InvalidCall, MemorySnapshot, MemoryStorage, MemoryTxn, ReadTxn, RedbStorage, Storage, StorageError, Table,
    TrapKind, WriteTxn,
};
use baals_tests::node::Node;
use baals_tests::twin::{ENGINES, Twin, per_engine};
use baals_tests::{metering, metering_with, wat, workspace_root};

const ALICE: Address = Address([0xa1; 32]);
const BOB: Address = Address([0xb0; 32]);
const GAS: u64 = 10_000_000;
const CTX: BlockContext = BlockContext { height: 7, timestamp: 1_700_000_123 };

fn probe() -> Vec<u8> {
    wat(&std::fs::read_to_string(workspace_root().join("tests/contracts/probe.wat")).unwrap())
}

/// Both engines: every call runs on wasmtime and on wasmi, which must agree on status, gas,
/// output, events and state (`baals_tests::twin`).
struct Chain<S: Storage = MemoryStorage> {
    engine: Twin<S>,
}

impl Chain {
    fn new() -> Chain {
        Chain::with(metering())
    }

    fn with(policy: Policy) -> Chain {
        Chain::over(per_engine(|_| MemoryStorage::new()), policy)
    }
}

impl<S: Storage> Chain<S> {
    /// Over storages holding the same state, one an engine of the twin (`Twin::with`).
    fn over(storages: [S; ENGINES], policy: Policy) -> Chain<S> {
        let chain = Chain { engine: Twin::with(storages, policy) };
        let mut block = chain.engine.begin_block(CTX).unwrap();
        block.credit(&ALICE, 1_000).unwrap();
        block.commit().unwrap();
        chain
    }

    fn deploy(&self, wasm: &[u8]) -> ContractId {
        let deployed = self.engine.deploy_contract(CTX, ALICE, wasm, b"", GAS).unwrap();
        assert_eq!(deployed.status, ExecutionStatus::Success);
        deployed.contract_id
    }

    fn call(&self, id: ContractId, method: &str, input: &[u8]) -> ContractExecutionResult {
        self.engine.execute_contract_call(CTX, ALICE, id, method, input, 0, GAS).unwrap()
    }

    fn get(&self, id: ContractId, key: &[u8]) -> Option<Vec<u8>> {
        self.engine.storage_value(&id, key).unwrap()
    }
}

fn set_input(key: &[u8], value: &[u8]) -> Vec<u8> {
    let mut input = vec![key.len() as u8];
    input.extend_from_slice(key);
    input.extend_from_slice(value);
    input
}

fn call_input(callee: &ContractId, method: &str, payload: &[u8]) -> Vec<u8> {
    let mut input = callee.0.to_vec();
    input.push(method.len() as u8);
    input.extend_from_slice(method.as_bytes());
    input.extend_from_slice(payload);
    input
}

fn trap_kind(result: &ContractExecutionResult) -> TrapKind {
    match &result.status {
        ExecutionStatus::Trap { kind, .. } => *kind,
        other => panic!("expected a trap, got {other}"),
    }
}

#[test]
fn storage_write_read_remove() {
    let chain = Chain::new();
    let id = chain.deploy(&probe());
    assert_eq!(chain.call(id, "get", b"colour").output, [0]);
    assert!(chain.call(id, "set", &set_input(b"colour", b"blue")).status.is_success());
    assert_eq!(chain.get(id, b"colour"), Some(b"blue".to_vec()));
    assert_eq!(chain.call(id, "get", b"colour").output, b"\x01blue");
    // A value larger than the buffer: the full length comes back, the buffer holds its start.
    assert_eq!(chain.call(id, "get_capped", b"colour").output, [4, 0, 0, 0, b'b', b'l']);
    // The host reads the whole value, and each of its bytes costs (`per-byte` 2 under the
    // default policy), however little of it the buffer takes.
    let short = chain.call(id, "get_capped", b"colour").gas_used;
    assert!(chain.call(id, "set", &set_input(b"colour", &[7; 1000])).status.is_success());
    let long = chain.call(id, "get_capped", b"colour");
    assert_eq!(long.output[..4], 1000i32.to_le_bytes());
    assert_eq!(long.gas_used - short, 2 * (1000 - 4));
    assert!(chain.call(id, "remove", b"colour").status.is_success());
    assert_eq!(chain.get(id, b"colour"), None);
    assert_eq!(chain.call(id, "get_capped", b"colour").output, [0xff, 0xff, 0xff, 0xff, 0, 0]);
}

#[test]
fn context_functions() {
    let chain = Chain::new();
    let id = chain.deploy(&probe());
    let result = chain.engine.execute_contract_call(CTX, ALICE, id, "info", b"", 40, GAS).unwrap();
    assert!(result.status.is_success(), "{}", result.status);
    let out = result.output;
    assert_eq!(&out[..32], &ALICE.0);
    assert_eq!(&out[32..64], &id.0);
    let number = |range: std::ops::Range<usize>| i64::from_le_bytes(out[range].try_into().unwrap());
    assert_eq!((number(64..72), number(72..80)), (1_700_000_123, 7));
    // The value arrived before the method ran.
    assert_eq!((number(80..88), number(88..96)), (40, 40));
    assert_eq!(chain.engine.balance(&ALICE).unwrap(), 960);
    assert_eq!(chain.call(id, "input_capped", b"abcdefgh").output, [8, 0, 0, 0, b'a', b'b', b'c']);
}

#[test]
fn hashing_and_signatures() {
    let chain = Chain::new();
    let id = chain.deploy(&probe());
    // sha256("abc").
    let digest = chain.call(id, "sha", b"abc").output;
    assert_eq!(hex_encode(&digest), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    // RFC 8032, test 1: the empty message.
    let key = hex_decode("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a").unwrap();
    let signature = hex_decode(
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
    )
    .unwrap();
    let input = [key.clone(), signature.clone()].concat();
    assert_eq!(chain.call(id, "verify", &input).output, [1]);
    let mut tampered = input.clone();
    tampered.push(b'x');
    assert_eq!(chain.call(id, "verify", &tampered).output, [0]);
    let mut bad_signature = input;
    bad_signature[40] ^= 1;
    assert_eq!(chain.call(id, "verify", &bad_signature).output, [0]);
}

#[test]
fn host_calls_charge_their_price() {
    let chain = Chain::new();
    let id = chain.deploy(&probe());
    // Every call first pays the probe's one page of memory (8,192, `memory.grow-page-cost`).
    // noop: entry 24 (charge written back, as the exit follows, then the reservation with
    // nothing more to write on its trapping path) and `end` 1. height: plus call 10, resync 3,
    // drop 1, and the host function's base price 20.
    assert_eq!(chain.call(id, "noop", b"").gas_used, PAGE + 25);
    assert_eq!(chain.call(id, "height", b"").gas_used, PAGE + 25 + 10 + 3 + 1 + 20);
    // Per byte: sha256 costs 200 + 3 per byte of data.
    let short = chain.call(id, "sha", b"").gas_used;
    let long = chain.call(id, "sha", &[7; 100]).gas_used;
    // 100 more bytes of input (1 each) and of hashing (3 each).
    assert_eq!(long - short, 100 + 300);
}

#[test]
fn every_bad_pointer_traps_with_a_message() {
    let chain = Chain::new();
    let id = chain.deploy(&probe());
    for method in [
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
    ] {
        let result = chain.engine.execute_contract_call(CTX, ALICE, id, method, &[9; 10], 0, GAS).unwrap();
        match &result.status {
            ExecutionStatus::Trap { kind: TrapKind::BadPointer, message } => {
                assert!(message.contains("outside the contract's memory (65536 bytes)"), "{method}: {message}");
            }
            other => panic!("{method}: {other}"),
        }
        assert!(result.gas_used > 0, "{method}: the host call was charged first");
    }
    // Nothing of the failed calls stayed: bad_storage_read_out wrote before it failed.
    assert_eq!(chain.get(id, b"k"), None);
}

/// What the probe's one page of memory costs every call of it under the metering policy.
const PAGE: u64 = 8_192;

/// A call pays `calls.base`, `calls.input-byte` per byte of its input and
/// `memory.grow-page-cost` per page its memory starts with, before any of its code runs: one
/// that cannot pay ends out of gas, its limit used, having done nothing (its value not moved).
#[test]
fn calls_pay_their_base_input_and_memory_before_they_run() {
    let chain = Chain::with(metering_with(&[("calls", "base", "1000"), ("calls", "input-byte", "3")]));
    let id = chain.deploy(&probe());
    let before = |input: u64| 1_000 + 3 * input + PAGE;
    // noop's own code: 25 (`host_calls_charge_their_price`).
    assert_eq!(chain.call(id, "noop", b"").gas_used, before(0) + 25);
    assert_eq!(chain.call(id, "noop", &[7; 100]).gas_used, before(100) + 25);
    let call = |limit| chain.engine.execute_contract_call(CTX, ALICE, id, "noop", b"", 30, limit).unwrap();
    for limit in [0, 1, before(0) - 1] {
        let result = call(limit);
        assert_eq!((result.status, result.gas_used), (ExecutionStatus::OutOfGas, limit), "limit {limit}");
        assert_eq!(chain.engine.balance(&ALICE).unwrap(), 1_000, "limit {limit}: the value moved");
    }
    // Paid, the code then runs out of gas: the boundary is the call's whole price.
    let result = call(before(0) + 24);
    assert_eq!((result.status, result.gas_used), (ExecutionStatus::OutOfGas, before(0) + 24));
    assert_eq!(chain.engine.balance(&ALICE).unwrap(), 1_000);
    let result = call(before(0) + 25);
    assert_eq!((result.status, result.gas_used), (ExecutionStatus::Success, before(0) + 25));
    assert_eq!(chain.engine.balance(&ALICE).unwrap(), 970);
}

/// A nested call pays the call's price too, from the gas its caller passes: a call through a
/// caller costs two bases, and the callee's payload its price per byte.
#[test]
fn nested_calls_pay_the_calls_price_from_their_callers_gas() {
    let gas = |base: &str, per_byte: &str| {
        let chain = Chain::with(metering_with(&[("calls", "base", base), ("calls", "input-byte", per_byte)]));
        let (caller, callee) = (chain.deploy(&probe()), chain.deploy(&probe()));
        let result = chain.call(caller, "call", &call_input(&callee, "noop", &[5; 40]));
        assert!(result.status.is_success(), "{}", result.status);
        result.gas_used
    };
    let input = (32 + 1 + 4 + 40) as u64;
    assert_eq!(gas("1000", "0") - gas("0", "0"), 2 * 1_000);
    // The caller's input, and the callee's payload of 40 bytes.
    assert_eq!(gas("0", "3") - gas("0", "0"), 3 * (input + 40));
}

/// A deployment pays `deploy.per-function` for every function the module defines, as well as
/// its base and its bytes.
#[test]
fn deployments_pay_per_function() {
    let gas = |per_function: &str| {
        let chain = Chain::with(metering_with(&[("deploy", "per-function", per_function)]));
        chain.engine.deploy_contract(CTX, ALICE, &probe(), b"", GAS).unwrap().gas_used
    };
    let functions = baals_instrument::defined_functions(&probe()).unwrap();
    assert!(functions > 10, "{functions}");
    assert_eq!(gas("7") - gas("0"), 7 * functions);
}

#[test]
fn failed_calls_leave_no_trace() {
    let chain = Chain::new();
    let id = chain.deploy(&probe());
    let root = chain.engine.contract(&id).unwrap().unwrap().storage_root;
    type Expected = fn(&ExecutionStatus) -> bool;
    let expectations: [(&str, Expected); 5] = [
        ("write_then_trap", |s| matches!(s, ExecutionStatus::Trap { kind: TrapKind::Unreachable, .. })),
        ("write_then_spin", |s| *s == ExecutionStatus::OutOfGas),
        ("write_then_revert", |s| *s == ExecutionStatus::Reverted { message: "before".to_string() }),
        ("write_then_bad_pointer", |s| matches!(s, ExecutionStatus::Trap { kind: TrapKind::BadPointer, .. })),
        ("write_then_pay_negative", |s| matches!(s, ExecutionStatus::Trap { kind: TrapKind::BadInput, .. })),
    ];
    for (method, expected) in expectations {
        let result = chain.engine.execute_contract_call(CTX, ALICE, id, method, b"", 30, 100_000).unwrap();
        assert!(expected(&result.status), "{method}: {}", result.status);
        assert!(result.events.is_empty() && result.output.is_empty(), "{method}");
        assert_eq!(chain.get(id, b"k"), None, "{method}: the write stayed");
        assert_eq!(chain.engine.contract(&id).unwrap().unwrap().storage_root, root);
        // The value sent came back.
        assert_eq!(chain.engine.balance(&ALICE).unwrap(), 1_000, "{method}");
        assert!(chain.engine.events(&id).unwrap().is_empty());
    }
    // Out of gas uses the whole limit.
    let result = chain.engine.execute_contract_call(CTX, ALICE, id, "write_then_spin", b"", 0, 100_000).unwrap();
    assert_eq!(result.gas_used, 100_000);
}

/// Under `[gas] trap = "limit"` a trap, whatever its cause (the contract's own, a host
/// function's refusal, the stack limit), uses the whole limit, on both engines; a revert and a
/// call that returns use what was charged. A nested call's limit is its caller's remaining
/// gas, so a callee's trap leaves the caller none.
#[test]
fn where_traps_use_the_limit_reverts_still_use_what_was_charged() {
    let chain = Chain::with(metering_with(&[("gas", "trap", "\"limit\"")]));
    let id = chain.deploy(&probe());
    for method in ["write_then_trap", "write_then_bad_pointer", "write_then_pay_negative", "write_then_spin"] {
        let result = chain.engine.execute_contract_call(CTX, ALICE, id, method, b"", 30, 100_000).unwrap();
        assert_eq!(result.gas_used, 100_000, "{method}: {}", result.status);
        assert_eq!(chain.get(id, b"k"), None, "{method}: the write stayed");
    }
    let reverted = chain.engine.execute_contract_call(CTX, ALICE, id, "write_then_revert", b"", 30, 100_000).unwrap();
    assert_eq!(reverted.status, ExecutionStatus::Reverted { message: "before".to_string() });
    assert!(reverted.gas_used > 0 && reverted.gas_used < 100_000, "{}", reverted.gas_used);
    let ok = chain.engine.execute_contract_call(CTX, ALICE, id, "noop", b"", 0, 100_000).unwrap();
    assert!(ok.status.is_success() && ok.gas_used < 100_000, "{}: {}", ok.status, ok.gas_used);
    // A callee's trap takes all the gas its caller had left; its revert does not.
    let caller = chain.deploy(&probe());
    let input = call_input(&id, "write_then_trap", b"");
    let result = chain.engine.execute_contract_call(CTX, ALICE, caller, "call", &input, 0, 100_000).unwrap();
    // The probe's caller has code left to charge after the call: it runs out of gas.
    assert_eq!((result.status, result.gas_used), (ExecutionStatus::OutOfGas, 100_000));
    let input = call_input(&id, "fail", b"no way");
    let result = chain.engine.execute_contract_call(CTX, ALICE, caller, "call", &input, 0, 100_000).unwrap();
    assert!(result.status.is_success() && result.gas_used < 100_000, "{}: {}", result.status, result.gas_used);
    assert_eq!(&result.output[4..], b"reverted: no way");
}

/// A contract keeps the code it was deployed with when the engine's policy changes, and with
/// it what its traps cost: the module says so ([`baals_instrument::TRAP_LIMIT_EXPORT`]), not
/// the engine's policy. Else code whose blocks do not write back would be charged the stale
/// counter at a trap under an exact policy.
#[test]
fn what_a_trap_costs_follows_the_code_not_the_engines_policy() {
    let storages = per_engine(|_| MemoryStorage::new());
    let limit = metering_with(&[("gas", "trap", "\"limit\"")]);
    let under_limit = Chain::over(storages.clone(), limit.clone()).deploy(&probe());
    let under_exact = Chain::over(storages.clone(), metering()).deploy(&probe());
    for policy in [limit, metering()] {
        let chain = Chain::over(storages.clone(), policy);
        let trap = |id| chain.engine.execute_contract_call(CTX, ALICE, id, "write_then_trap", b"", 0, 100_000).unwrap();
        let (limited, exact) = (trap(under_limit), trap(under_exact));
        assert!(matches!(limited.status, ExecutionStatus::Trap { kind: TrapKind::Unreachable, .. }));
        assert_eq!(limited.gas_used, 100_000);
        assert!(exact.gas_used < 100_000, "{}", exact.gas_used);
    }
}

/// A contract whose load traps in a block whose write-back only a trap reads: the copy calls
/// run on leaves that write-back out, so after the trap the copy's gas counter is stale.
const STALE_AFTER_TRAP: &str = r#"(module
    (memory (export "memory") 1)
    (func (export "load_out_of_bounds")
      (local i32)
      (local.set 0 (i32.const 65536))
      (block
        (br_if 0 (i32.eqz (local.get 0)))
        (drop (i32.load (local.get 0))))))"#;

/// `wasm` instrumented under the metering policy, and the copy calls run on, if it differs.
fn stored_and_copy(wasm: &[u8]) -> (Vec<u8>, Option<Vec<u8>>) {
    let stored = baals_instrument::instrument(wasm, &metering()).unwrap().wasm;
    let copy = baals_instrument::without_trap_write_backs(&stored).unwrap();
    (stored, copy)
}

/// Calls run on a copy of the stored module without the write-backs that only traps read
/// (`baals_instrument::without_trap_write_backs`); a call that traps on it runs again on the
/// stored module. Here the trapping block's write-back is such a one: after the trap the
/// copy's gas counter is stale, and the engines still charge exactly what the stored module
/// charges, which is read off it run alone.
#[test]
fn a_trap_on_the_copy_is_charged_what_the_stored_module_charges() {
    use baals_instrument::protocol::{self, Limits};
    let contract = wat(STALE_AFTER_TRAP);
    let policy = metering();
    let (stored, copy) = stored_and_copy(&contract);
    let copy = copy.expect("a trap-only write-back");
    // The gas each module's counter shows after the trap, run alone on wasmtime.
    let gas_after_trap = |module: &[u8]| {
        let engine = wasmtime::Engine::default();
        let module = wasmtime::Module::new(&engine, module).unwrap();
        let mut store = wasmtime::Store::new(&engine, ());
        let instance = wasmtime::Instance::new(&mut store, &module, &[]).unwrap();
        let limits = Limits { gas: GAS, stack: policy.stack().max_height as u32 };
        let ran = protocol::now(protocol::run(
            &mut baals_bench::Counted { store: &mut store, instance },
            "load_out_of_bounds",
            limits,
        ));
        assert!(ran.result.is_err(), "the load traps");
        GAS - ran.gas_left.expect("the counters") as u64
    };
    let (exact, stale) = (gas_after_trap(&stored), gas_after_trap(&copy));
    assert!(stale < exact, "the copy's counter misses the trapping block: {stale} against {exact}");

    let chain = Chain::new();
    let id = chain.deploy(&contract);
    let trapped = chain.call(id, "load_out_of_bounds", b"");
    assert_eq!(trap_kind(&trapped), TrapKind::MemoryOutOfBounds);
    // The engine charges the module's one page first.
    assert_eq!(trapped.gas_used, PAGE + exact);
}

/// Nested calls run on the copy too; a trap on it at any depth makes the whole top-level call
/// run again on the stored modules. So what a callee's trap costs its caller is what the
/// stored module charges: two callees that trap alike, one where the copy's counter is stale
/// and one where it is not, differ by as much in a call one and two levels down as they do
/// called alone (on the copy alone, the stale one would cost its callers less).
#[test]
fn a_callees_trap_on_the_copy_is_charged_what_the_stored_module_charges() {
    let stale = wat(STALE_AFTER_TRAP);
    let fresh = wat(r#"(module
        (memory (export "memory") 1)
        (func (export "load_out_of_bounds") (drop (i32.load (i32.const 65536)))))"#);
    assert!(stored_and_copy(&stale).1.is_some(), "the trapping block's write-back is left out of the copy");
    assert_eq!(stored_and_copy(&fresh).1, None, "the trapping block's write-back is read by the exit too");

    let chain = Chain::new();
    let (outer, inner) = (chain.deploy(&probe()), chain.deploy(&probe()));
    let (stale_id, fresh_id) = (chain.deploy(&stale), chain.deploy(&fresh));
    // The gas of the callee's method called alone, one level down and two levels down.
    let gas = |callee: &ContractId| {
        let alone = chain.call(*callee, "load_out_of_bounds", b"");
        assert_eq!(trap_kind(&alone), TrapKind::MemoryOutOfBounds);
        let one = chain.call(inner, "call", &call_input(callee, "load_out_of_bounds", b""));
        assert!(one.status.is_success(), "{}", one.status);
        assert_eq!(&one.output[..4], &(-1i32).to_le_bytes(), "the callee trapped");
        let two =
            chain.call(outer, "call", &call_input(&inner, "call", &call_input(callee, "load_out_of_bounds", b"")));
        assert!(two.status.is_success(), "{}", two.status);
        assert_eq!(two.output[4..8], one.output[..4], "the innermost callee trapped");
        [alone.gas_used, one.gas_used, two.gas_used].map(|gas| gas as i64)
    };
    let (stale, fresh) = (gas(&stale_id), gas(&fresh_id));
    assert!(stale[0] > fresh[0], "the stale callee's trapping block is the dearer: {stale:?} {fresh:?}");
    for depth in 1..3 {
        assert_eq!(stale[depth] - fresh[depth], stale[0] - fresh[0], "depth {depth}: {stale:?} {fresh:?}");
    }

    // The events are the second run's, once each: the first run, cut short, left none.
    let innermost = call_input(&stale_id, "load_out_of_bounds", b"");
    let emitted = chain.call(outer, "emit_around_call", &call_input(&inner, "emit_around_call", &innermost));
    assert!(emitted.status.is_success(), "{}", emitted.status);
    let topics: Vec<(ContractId, &[u8])> =
        emitted.events.iter().map(|event| (event.contract, event.topic.as_slice())).collect();
    let expected: [(ContractId, &[u8]); 4] =
        [(outer, b"before"), (inner, b"before"), (inner, b"after"), (outer, b"after")];
    assert_eq!(topics, expected);
}

/// Which modules an engine compiles, seen in the artifacts it stores (keys end in 2 for the
/// copy, 1 for the stored module): with copies, the copy at deployment and the stored module
/// once a call traps; without, the stored module alone, whatever the calls do.
#[test]
fn an_engine_without_copies_runs_only_the_stored_modules() {
    for (copies, deployed, trapped) in [(true, vec![2], vec![2, 1]), (false, vec![1], vec![1])] {
        let artifacts = Artifacts::default();
        let config = baals_runtime::EngineConfig::default().with_copies(copies).with_artifacts(artifacts.clone());
        let node = Node::with_config(MemoryStorage::new(), metering(), config);
        let id = node.deploy_contract(CTX, ALICE, &wat(STALE_AFTER_TRAP), b"", GAS).unwrap().contract_id;
        assert_eq!(artifacts.marks(), deployed, "copies: {copies}, deployed");
        let result = node.execute_contract_call(CTX, ALICE, id, "load_out_of_bounds", b"", 0, GAS).unwrap();
        assert_eq!(trap_kind(&result), TrapKind::MemoryOutOfBounds);
        assert_eq!(artifacts.marks(), trapped, "copies: {copies}, trapped");
    }
}

/// Artifacts in memory, in the order they were stored.
#[derive(Clone, Default)]
struct Artifacts(std::sync::Arc<std::sync::Mutex<baals_runtime::Entries>>);

impl Artifacts {
    /// The last byte of each key stored: which module of the code it is.
    fn marks(&self) -> Vec<u8> {
        self.0.lock().unwrap().iter().map(|(key, _)| *key.last().unwrap()).collect()
    }
}

impl ArtifactStore for Artifacts {
    fn get(&self, key: &[u8]) -> Option<Vec<u8>> {
        self.0.lock().unwrap().iter().find(|(stored, _)| stored == key).map(|(_, bytes)| bytes.clone())
    }

    fn put(&self, key: &[u8], bytes: &[u8]) {
        self.0.lock().unwrap().push((key.to_vec(), bytes.to_vec()));
    }
}

/// Compiled modules are a cache beside the state: a restarted engine with the same artifact
/// store loads them instead of compiling, and one whose store holds garbage compiles again;
/// either way every call gives what it gave before.
#[test]
fn artifacts_are_a_cache_never_state() {
    let (storage, artifacts) = (MemoryStorage::new(), Artifacts::default());
    let config = || baals_runtime::EngineConfig::default().with_artifacts(artifacts.clone());
    let node = Node::with_config(storage.clone(), metering(), config());
    let id = node.deploy_contract(CTX, ALICE, &probe(), b"", GAS).unwrap().contract_id;
    let first = node.execute_contract_call(CTX, ALICE, id, "set", &set_input(b"k", b"v"), 0, GAS).unwrap();
    let stored = artifacts.0.lock().unwrap().len();
    assert_eq!(stored, 1, "the copy, compiled at deployment");
    let restarted = Node::with_config(storage.clone(), metering(), config());
    let again = restarted.execute_contract_call(CTX, ALICE, id, "set", &set_input(b"k", b"v"), 0, GAS).unwrap();
    assert_eq!(again, first);
    assert_eq!(artifacts.0.lock().unwrap().len(), stored, "loaded, not compiled again");
    for (_, bytes) in artifacts.0.lock().unwrap().iter_mut() {
        *bytes = b"not an artifact".to_vec();
    }
    let damaged = Node::with_config(storage, metering(), config());
    let compiled = damaged.execute_contract_call(CTX, ALICE, id, "set", &set_input(b"k", b"v"), 0, GAS).unwrap();
    assert_eq!(compiled, first);
    assert!(!node.storage().read().unwrap().scan(Table::Code, b"").unwrap().is_empty());
}

/// A contract cannot bring its own list of write-backs for calls to run without: one that
/// named the exit's write-back would be charged nothing (here the function's only write-back
/// is at its exit, so the instrumenter lists none, and the contract's section would be the
/// one read). The instrumenter refuses the module, and so the deployment fails.
#[test]
fn a_contract_with_its_own_list_of_trap_write_backs_is_refused() {
    let body = r#"(memory (export "memory") 1)
        (func (export "burn") (local i32)
          (loop (br_if 0 (i32.lt_u (local.tee 0 (i32.add (local.get 0) (i32.const 1))) (i32.const 1000)))))"#;
    let honest = wat(&format!("(module {body})"));
    let stored = baals_instrument::instrument(&honest, &metering()).unwrap().wasm;
    assert_eq!(baals_instrument::without_trap_write_backs(&stored), Ok(None), "no trap-only write-back");
    let crafted = wat(&format!(r#"(module {body} (@custom "baals.trap_write_backs" "\01\00\01\05"))"#));
    assert_eq!(
        baals_instrument::instrument(&crafted, &metering()),
        Err(baals_instrument::InstrumentError::ReservedSection(baals_instrument::TRAP_WRITE_BACKS_SECTION))
    );
    let chain = Chain::new();
    assert!(chain.engine.deploy_contract(CTX, ALICE, &crafted, b"", GAS).is_err(), "the deployment is refused");
}

/// Each call starts from the module's memory image, however earlier calls on the same pooled
/// slot left it: the words written over zero pages, over the data segment and at the end of
/// memory are back as deployed, and so is the size the memory had before a page was grown
/// and written, after calls that succeed and calls that trap.
#[test]
fn every_call_starts_from_the_memory_image() {
    let contract = wat(r#"(module
        (import "env" "baals_set_return_data" (func $return (param i32 i32)))
        (memory (export "memory") 17)
        (data (i32.const 65540) "image")
        (func $dirty
          (i32.store (i32.const 8) (i32.const -1))
          (i32.store (i32.const 65540) (i32.const -1))
          (i32.store (i32.const 1114108) (i32.const -1))
          (drop (memory.grow (i32.const 1)))
          (i32.store (i32.const 1114112) (i32.const -1)))
        (func (export "dirty") (call $dirty))
        (func (export "dirty_then_trap") (call $dirty) unreachable)
        ;; memory.size, then the words at 8, 65540 and 1114108 (the last of 17 pages)
        (func (export "look")
          (i32.store (i32.const 2048) (memory.size))
          (i32.store (i32.const 2052) (i32.load (i32.const 8)))
          (i32.store (i32.const 2056) (i32.load (i32.const 65540)))
          (i32.store (i32.const 2060) (i32.load (i32.const 1114108)))
          (call $return (i32.const 2048) (i32.const 16))))"#);
    let chain = Chain::new();
    let id = chain.deploy(&contract);
    let image = [&17u32.to_le_bytes()[..], &[0; 4], b"imag", &[0; 4]].concat();
    assert_eq!(chain.call(id, "look", b"").output, image);
    for round in 0..3 {
        assert_eq!(chain.call(id, "dirty", b"").status, ExecutionStatus::Success);
        assert_eq!(chain.call(id, "look", b"").output, image, "round {round}, after a call that succeeded");
        assert_eq!(trap_kind(&chain.call(id, "dirty_then_trap", b"")), TrapKind::Unreachable);
        assert_eq!(chain.call(id, "look", b"").output, image, "round {round}, after a call that trapped");
    }
}

/// The start function runs before every call, on the call's own instance: a method sees what
/// it did, once, whichever call it is.
#[test]
fn the_start_function_runs_before_each_call() {
    let contract = wat(r#"(module
        (import "env" "baals_set_return_data" (func $return (param i32 i32)))
        (memory (export "memory") 1)
        (global $runs (mut i32) (i32.const 0))
        (func $init (global.set $runs (i32.add (global.get $runs) (i32.const 1))))
        (start $init)
        (func (export "runs")
          (i32.store (i32.const 0) (global.get $runs))
          (call $return (i32.const 0) (i32.const 4))))"#);
    let chain = Chain::new();
    let id = chain.deploy(&contract);
    for _ in 0..3 {
        assert_eq!(chain.call(id, "runs", b"").output, 1u32.to_le_bytes());
    }
}

#[test]
fn a_callee_failure_keeps_the_callers_earlier_writes() {
    let chain = Chain::new();
    let (caller, callee) = (chain.deploy(&probe()), chain.deploy(&probe()));
    let result = chain.call(caller, "write_around_call", &call_input(&callee, "write_then_trap", b""));
    assert!(result.status.is_success(), "{}", result.status);
    // -1, then the reason.
    assert_eq!(&result.output[..4], &(-1i32).to_le_bytes());
    let reason = String::from_utf8_lossy(&result.output[4..]).into_owned();
    assert!(reason.starts_with("trap (Unreachable)"), "{reason}");
    assert_eq!(chain.get(caller, b"before"), Some(b"b".to_vec()));
    assert_eq!(chain.get(caller, b"after"), Some(b"b".to_vec()));
    assert_eq!(chain.get(callee, b"k"), None);
    assert!(chain.engine.events(&callee).unwrap().is_empty());

    // A successful callee's writes and events stay, and its return data reaches the caller.
    let payload = set_input(b"x", b"42");
    let result = chain.call(caller, "call", &call_input(&callee, "set", &payload));
    assert_eq!(&result.output[..4], &0i32.to_le_bytes());
    assert_eq!(chain.get(callee, b"x"), Some(b"42".to_vec()));
    let result = chain.call(caller, "call", &call_input(&callee, "get", b"x"));
    assert_eq!(result.output, [&3i32.to_le_bytes()[..], b"\x0142"].concat());
    // A revert's message is readable by the caller.
    let result = chain.call(caller, "call", &call_input(&callee, "fail", b"no way"));
    assert_eq!(&result.output[4..], b"reverted: no way");
    // Unknown contracts and methods: -1 and the reason, no gas used by a callee.
    let result = chain.call(caller, "call", &call_input(&Address([9; 32]), "get", b""));
    assert!(String::from_utf8_lossy(&result.output[4..]).starts_with("invalid: unknown contract"));
    let result = chain.call(caller, "call", &call_input(&callee, "nothing", b""));
    assert!(String::from_utf8_lossy(&result.output[4..]).starts_with("invalid: no method `nothing`"));
}

#[test]
fn the_callee_runs_on_the_callers_remaining_gas() {
    let chain = Chain::new();
    let (caller, callee) = (chain.deploy(&probe()), chain.deploy(&probe()));
    let input = call_input(&callee, "spin", b"");
    let result = chain.engine.execute_contract_call(CTX, ALICE, caller, "call", &input, 0, 200_000).unwrap();
    // The callee ran out of all the gas the caller had left: so does the caller, after it.
    assert_eq!(result.status, ExecutionStatus::OutOfGas);
    assert_eq!(result.gas_used, 200_000);
}

#[test]
fn reentrancy_is_denied_unless_the_policy_allows_it() {
    for (reentrancy, expected) in [(false, "invalid: contract"), (true, "")] {
        let policy = metering_with(&[("calls", "reentrancy", if reentrancy { "true" } else { "false" })]);
        let chain = Chain::with(policy);
        let (a, b) = (chain.deploy(&probe()), chain.deploy(&probe()));
        // a -> b -> a.get
        let inner = call_input(&a, "get", b"k");
        let result = chain.call(a, "call", &call_input(&b, "call", &inner));
        assert!(result.status.is_success());
        let nested = &result.output[8..];
        if reentrancy {
            // a.get of an absent key returns [0]: one byte.
            assert_eq!(&result.output[4..8], &1i32.to_le_bytes(), "b's call to a returned");
            assert_eq!(nested, [0]);
        } else {
            let reason = String::from_utf8_lossy(nested).into_owned();
            assert!(reason.starts_with(expected) && reason.contains("re-entrancy denied"), "{reason}");
        }
    }
}

#[test]
fn calls_nest_at_most_max_depth() {
    let policy = metering_with(&[("calls", "max-depth", "3")]);
    let chain = Chain::with(policy);
    let contracts: Vec<ContractId> = (0..5).map(|_| chain.deploy(&probe())).collect();
    // contracts[0] calls [1], which calls [2]... the last one runs `noop`.
    let run = |levels: usize| {
        let mut input = call_input(&contracts[levels], "noop", b"");
        for level in (1..levels).rev() {
            input = call_input(&contracts[level], "call", &input);
        }
        chain.call(contracts[0], "call", &input).output
    };
    // Three nested calls: the deepest succeeds (its status 0 is the innermost 4 bytes).
    let output = run(3);
    assert_eq!(&output[output.len() - 4..], &0i32.to_le_bytes());
    // Four: the fourth is refused.
    let output = String::from_utf8_lossy(&run(4)).into_owned();
    assert!(output.ends_with("invalid: calls nest at most 3 deep"), "{output}");
}

/// Wasmtime's instance pool holds every call a policy lets nest, for several top-level calls
/// at once: nesting to the greatest depth a policy may set (64) succeeds in a block and in
/// queries on eight threads at once, where a pool that ran out would fail them as the
/// engine's doing (`docs/runtime.md`, "wasmtime configuration").
#[test]
fn calls_nest_to_the_greatest_depth_on_many_threads_at_once() {
    let chain = Chain::with(metering_with(&[("calls", "max-depth", "64")]));
    let contracts: Vec<ContractId> = (0..65).map(|_| chain.deploy(&probe())).collect();
    // contracts[0] calls [1], which calls [2]... [64] runs `noop`.
    let mut input = call_input(&contracts[64], "noop", b"");
    for level in (1..64).rev() {
        input = call_input(&contracts[level], "call", &input);
    }
    let innermost_returned = |output: &[u8]| output.ends_with(&0i32.to_le_bytes());
    assert!(innermost_returned(&chain.call(contracts[0], "call", &input).output));
    let engines = chain.engine.engines();
    let (input, contracts) = (&input, &contracts);
    std::thread::scope(|scope| {
        for _ in 0..8 {
            scope.spawn(move || {
                for engine in engines {
                    let result = engine.query_contract(CTX, ALICE, contracts[0], "call", input, GAS).unwrap();
                    assert!(result.status.is_success(), "{}", result.status);
                    assert!(innermost_returned(&result.output));
                }
            });
        }
    });
}

/// The smallest stack a policy may set still makes engines, both of which stop recursion at
/// the deterministic limit: wasmi refuses (with a panic) a maximum stack below its initial
/// height, so its share is never sized below that.
#[test]
fn a_tiny_stack_limit_is_the_limit_on_both_engines() {
    let chain = Chain::with(metering_with(&[
        ("stack", "max-height", "8"),
        ("stack", "frame-base", "1"),
        ("exports", "allow", "\"any\""),
    ]));
    let id =
        chain.deploy(&wat(r#"(module (func $r (call $r)) (func (export "run")) (func (export "deep") (call $r)))"#));
    assert!(chain.call(id, "run", b"").status.is_success());
    assert_eq!(chain.call(id, "deep", b"").status, ExecutionStatus::StackLimit);
}

#[test]
fn value_moves_and_transfers_never_overdraw() {
    let chain = Chain::new();
    let (id, other) = (chain.deploy(&probe()), chain.deploy(&probe()));
    let result = chain.engine.execute_contract_call(CTX, ALICE, id, "noop", b"", 100, GAS).unwrap();
    assert!(result.status.is_success());
    assert_eq!((chain.engine.balance(&ALICE).unwrap(), chain.engine.balance(&id).unwrap()), (900, 100));
    // More than the sender has: invalid, nothing moves, no gas.
    let result = chain.engine.execute_contract_call(CTX, ALICE, id, "noop", b"", 901, GAS).unwrap();
    assert_eq!(
        result.status,
        ExecutionStatus::Invalid { reason: InvalidCall::InsufficientValue { balance: 900, value: 901 } }
    );
    assert_eq!(result.gas_used, 0);
    // The contract pays Bob 30, then cannot pay 71.
    let pay = |amount: u64| [&BOB.0[..], &amount.to_le_bytes()].concat();
    assert_eq!(chain.call(id, "pay", &pay(30)).output, [0]);
    assert_eq!(chain.call(id, "pay", &pay(71)).output, [1]);
    assert_eq!((chain.engine.balance(&id).unwrap(), chain.engine.balance(&BOB).unwrap()), (70, 30));
    // A nested call sends 5 from the caller contract to the callee.
    let result = chain.call(id, "call_paying", &call_input(&other, "noop", b""));
    assert_eq!(&result.output[..4], &0i32.to_le_bytes());
    assert_eq!((chain.engine.balance(&id).unwrap(), chain.engine.balance(&other).unwrap()), (65, 5));
    // ... and gets it back when the callee fails.
    let result = chain.call(id, "call_paying", &call_input(&other, "trap", b""));
    assert_eq!(&result.output[..4], &(-1i32).to_le_bytes());
    assert_eq!((chain.engine.balance(&id).unwrap(), chain.engine.balance(&other).unwrap()), (65, 5));
}

/// A value the receiver's balance cannot take (it would pass `u64::MAX`) makes the call
/// invalid, from the ledger and from a contract, rather than run a contract as if it had been
/// paid; `baals_transfer` to such an account returns 1 and moves nothing.
#[test]
fn value_that_would_overflow_the_receiver_is_refused() {
    let chain = Chain::new();
    let (rich, payer) = (chain.deploy(&probe()), chain.deploy(&probe()));
    let mut block = chain.engine.begin_block(CTX).unwrap();
    block.credit(&rich, u64::MAX).unwrap();
    block.credit(&payer, 10).unwrap();
    block.commit().unwrap();
    let result = chain.engine.execute_contract_call(CTX, ALICE, rich, "noop", b"", 1, GAS).unwrap();
    assert_eq!(
        (result.status, result.gas_used),
        (ExecutionStatus::Invalid { reason: InvalidCall::BalanceOverflow { balance: u64::MAX, value: 1 } }, 0)
    );
    // A nested call that sends value (5) is refused the same way: the caller sees -1.
    let result = chain.call(payer, "call_paying", &call_input(&rich, "noop", b""));
    assert_eq!(&result.output[..4], &(-1i32).to_le_bytes());
    let output = String::from_utf8_lossy(&result.output[4..]).into_owned();
    assert_eq!(output, format!("invalid: the receiver's balance {} cannot take the value 5", u64::MAX));
    let pay = [&rich.0[..], &1u64.to_le_bytes()].concat();
    assert_eq!(chain.call(payer, "pay", &pay).output, [1]);
    let balances = [ALICE, rich, payer].map(|account| chain.engine.balance(&account).unwrap());
    assert_eq!(balances, [1_000, u64::MAX, 10]);
}

/// An active element segment past its table's end traps when the instance is made, as the
/// spec says, on both engines: wasmi reports it as an instantiation error of its own, which
/// must not end the block as an engine failure.
#[test]
fn an_element_segment_past_its_table_traps_on_both_engines() {
    let chain = Chain::with(metering_with(&[("exports", "allow", "\"any\"")]));
    let id =
        chain.deploy(&wat(r#"(module (table 1 funcref) (func $f) (elem (i32.const 1) $f) (func (export "run")))"#));
    let result = chain.call(id, "run", b"");
    assert_eq!(trap_kind(&result), TrapKind::TableOutOfBounds, "{}", result.status);
}

#[test]
fn events_are_returned_stored_and_dropped_with_failures() {
    let chain = Chain::new();
    let id = chain.deploy(&probe());
    let result = chain.call(id, "emit", &set_input(b"transfer", b"100"));
    assert_eq!(result.events, [Event { contract: id, topic: b"transfer".to_vec(), data: b"100".to_vec() }]);
    let mut block = chain.engine.begin_block(BlockContext { height: 8, timestamp: 0 }).unwrap();
    block.execute_contract_call(ALICE, id, "write_then_trap", b"", 0, GAS).unwrap();
    block.execute_contract_call(ALICE, id, "emit", &set_input(b"a", b"1"), 0, GAS).unwrap();
    block.execute_contract_call(ALICE, id, "emit", &set_input(b"b", b"2"), 0, GAS).unwrap();
    block.commit().unwrap();
    let stored = chain.engine.events(&id).unwrap();
    let summary: Vec<(u64, u32, u32, &[u8])> =
        stored.iter().map(|e| (e.height, e.call, e.index, e.topic.as_slice())).collect();
    // The deployment was call 0 of block 7; the failed call (1 of block 8) left no event.
    assert_eq!(summary, [(7, 0, 0, &b"transfer"[..]), (8, 1, 0, b"a"), (8, 2, 0, b"b")]);
}

#[test]
fn queries_cannot_change_state() {
    let chain = Chain::new();
    let id = chain.deploy(&probe());
    chain.call(id, "set", &set_input(b"k", b"v"));
    let query = chain.engine.query_contract(CTX, ALICE, id, "get", b"k", 1_000_000).unwrap();
    assert_eq!((query.status.clone(), query.output.clone()), (ExecutionStatus::Success, b"\x01v".to_vec()));
    assert!(query.gas_used > 0);
    for (method, input) in [
        ("set", set_input(b"k", b"w")),
        ("remove", b"k".to_vec()),
        ("emit", set_input(b"t", b"d")),
        ("pay", [&BOB.0[..], &1u64.to_le_bytes()].concat()),
    ] {
        let query = chain.engine.query_contract(CTX, ALICE, id, method, &input, 1_000_000).unwrap();
        assert_eq!(trap_kind(&query), TrapKind::ReadOnly, "{method}");
        // A callee's change ends the whole query the same way, not only the callee: its
        // caller would otherwise carry on with an answer no call could give.
        let caller = chain.deploy(&probe());
        let query =
            chain.engine.query_contract(CTX, ALICE, caller, "call", &call_input(&id, method, &input), 1_000_000);
        assert_eq!(trap_kind(&query.unwrap()), TrapKind::ReadOnly, "{method}, nested");
    }
    assert_eq!(chain.get(id, b"k"), Some(b"v".to_vec()));
    // A query's gas is metered against its cap.
    let query = chain.engine.query_contract(CTX, ALICE, id, "spin", b"", 50_000).unwrap();
    assert_eq!((query.status, query.gas_used), (ExecutionStatus::OutOfGas, 50_000));
}

/// A contract being deployed is not stored until its `instantiate` succeeds, so a call that
/// re-enters it from a callee must find its compiled module with the deployment, not in the
/// module cache, which the callee's own module may have evicted from (here a cache of one
/// byte keeps only the module compiled last).
#[test]
fn a_deploying_contract_re_entered_after_its_module_left_the_cache() {
    let policy = metering_with(&[("calls", "reentrancy", "true")]);
    let mut config = baals_runtime::EngineConfig::default();
    config.cache_bytes = 1;
    let node = Node::with_config(MemoryStorage::new(), policy, config);
    let mut block = node.begin_block(CTX).unwrap();
    let forwarder = block.deploy_contract(ALICE, &probe(), b"", GAS).unwrap();
    assert!(forwarder.status.is_success());
    // Its `instantiate` has the forwarder call its `noop`: [id][4]["noop"] as the
    // forwarder's input, and the forwarder's status of that call must be 0.
    let deployed = wat(r#"(module
        (import "env" "baals_get_contract_id" (func $self (param i32)))
        (import "env" "baals_get_input_data" (func $input (param i32 i32) (result i32)))
        (import "env" "baals_call_contract" (func $call (param i32 i32 i32 i32 i32 i32 i64) (result i32)))
        (import "env" "baals_read_call_result" (func $result (param i32 i32) (result i32)))
        (import "env" "baals_revert" (func $revert (param i32 i32)))
        (memory (export "memory") 1)
        (data (i32.const 100) "call")
        (data (i32.const 332) "\04noop")
        (func (export "noop"))
        (func (export "instantiate")
          (drop (call $input (i32.const 0) (i32.const 32)))
          (call $self (i32.const 300))
          (if (i32.ne (call $call (i32.const 0) (i32.const 32) (i32.const 100) (i32.const 4)
                                  (i32.const 300) (i32.const 37) (i64.const 0)) (i32.const 4))
            (then (call $revert (i32.const 100) (i32.const 4))))
          (drop (call $result (i32.const 400) (i32.const 4)))
          (if (i32.load (i32.const 400)) (then (call $revert (i32.const 400) (i32.const 4))))))"#);
    let result = block.deploy_contract(ALICE, &deployed, &forwarder.contract_id.0, GAS).unwrap();
    assert_eq!(result.status, ExecutionStatus::Success);
    block.commit().unwrap();
}

/// A storage whose write transactions fail the next read of a table when told to, and count
/// their writes.
struct FailingRead {
    inner: MemoryStorage,
    fail: FailNext,
    writes: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

/// The table whose next read fails, if any.
type FailNext = std::sync::Arc<std::sync::Mutex<Option<Table>>>;

struct FailingReadTxn {
    inner: MemoryTxn,
    fail: FailNext,
    writes: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

impl Storage for FailingRead {
    type Txn = FailingReadTxn;
    type Snapshot = MemorySnapshot;

    fn write(&self) -> Result<FailingReadTxn, StorageError> {
        Ok(FailingReadTxn { inner: self.inner.write()?, fail: self.fail.clone(), writes: self.writes.clone() })
    }

    fn read(&self) -> Result<MemorySnapshot, StorageError> {
        self.inner.read()
    }

    fn commit(&self, txn: FailingReadTxn) -> Result<(), StorageError> {
        self.inner.commit(txn.inner)
    }
}

impl ReadTxn for FailingReadTxn {
    fn get(&self, table: Table, key: &[u8]) -> Result<Option<Vec<u8>>, StorageError> {
        let mut fail = self.fail.lock().unwrap();
        if *fail == Some(table) {
            *fail = None;
            let hiccup = std::io::Error::other(format!("the disk hiccuped reading {}", table.name()));
            return Err(StorageError::database(hiccup));
        }
        self.inner.get(table, key)
    }

    fn scan(&self, table: Table, prefix: &[u8]) -> Result<baals_runtime::Entries, StorageError> {
        self.inner.scan(table, prefix)
    }
}

impl WriteTxn for FailingReadTxn {
    fn put(&mut self, table: Table, key: &[u8], value: &[u8]) -> Result<(), StorageError> {
        self.writes.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        self.inner.put(table, key, value)
    }

    fn delete(&mut self, table: Table, key: &[u8]) -> Result<(), StorageError> {
        self.writes.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        self.inner.delete(table, key)
    }
}

/// An engine error and its source, as the CLI prints it: one line.
fn hiccup(error: &EngineError) -> String {
    assert_eq!(error.kind(), "storage", "{error:?}");
    let source = std::error::Error::source(error).map(ToString::to_string).unwrap_or_default();
    format!("{error}: {source}")
}

/// A deployment or a call that the engine cannot run because a read failed (the deployer's
/// nonce; a contract's state, read by the call, by a callee, or by `instantiate`) fails
/// alone, whatever it wrote and emitted before: the block session keeps its transaction, its
/// other calls go on and commit, and the failed ones leave nothing. The error reads the same
/// from any depth. The engine writes nothing to the ledger's state while the block runs: its
/// changes are written, all at once, after it finished.
#[test]
fn a_deployment_or_call_that_fails_on_a_read_leaves_the_block_usable() {
    let fail = FailNext::default();
    let writes = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let storage = FailingRead { inner: MemoryStorage::new(), fail: fail.clone(), writes: writes.clone() };
    let engine = Node::new(storage, metering());
    let mut block = engine.begin_block(CTX).unwrap();
    let first = block.deploy_contract(ALICE, &probe(), b"", GAS).unwrap();
    assert_eq!(first.status, ExecutionStatus::Success);
    // Bob's nonce is read from the state (Alice's is the block's now).
    *fail.lock().unwrap() = Some(Table::Nonces);
    let error = block.deploy_contract(BOB, &probe(), b"", GAS).unwrap_err();
    assert_eq!(hiccup(&error), "storage: the database failed: the disk hiccuped reading nonces");
    let second = block.deploy_contract(ALICE, &probe(), b"", GAS).unwrap();
    assert_eq!(second.status, ExecutionStatus::Success);
    assert_ne!(second.contract_id, first.contract_id);

    let set = |block: &mut baals_tests::node::NodeBlock<'_, FailingRead>, id: ContractId, value: &[u8]| {
        block.execute_contract_call(ALICE, id, "set", &set_input(b"k", value), 0, GAS)
    };
    assert!(set(&mut block, second.contract_id, b"v").unwrap().status.is_success());
    // Read directly, and by a callee after the caller wrote "before" and emitted.
    *fail.lock().unwrap() = Some(Table::State);
    let error = block.execute_contract_call(ALICE, first.contract_id, "get", b"k", 0, GAS).unwrap_err();
    assert_eq!(hiccup(&error), "storage: the database failed: the disk hiccuped reading state");
    *fail.lock().unwrap() = Some(Table::State);
    let around = call_input(&second.contract_id, "get", b"unset");
    let error = block.execute_contract_call(ALICE, first.contract_id, "write_around_call", &around, 0, GAS);
    assert_eq!(hiccup(&error.unwrap_err()), "storage: the database failed: the disk hiccuped reading state");
    *fail.lock().unwrap() = Some(Table::State);
    let error = block.execute_contract_call(ALICE, first.contract_id, "emit_around_call", &around, 0, GAS);
    assert_eq!(hiccup(&error.unwrap_err()), "storage: the database failed: the disk hiccuped reading state");
    // An `instantiate` that writes and emits, then reads.
    let reads_in_instantiate = wat(r#"(module
        (import "env" "baals_storage_write" (func $write (param i32 i32 i32 i32)))
        (import "env" "baals_storage_read" (func $read (param i32 i32 i32 i32) (result i32)))
        (import "env" "baals_emit_event" (func $emit (param i32 i32 i32 i32)))
        (memory (export "memory") 1)
        (data (i32.const 0) "kv")
        (func (export "instantiate")
          (call $write (i32.const 0) (i32.const 1) (i32.const 1) (i32.const 1))
          (call $emit (i32.const 0) (i32.const 1) (i32.const 1) (i32.const 1))
          (drop (call $read (i32.const 1) (i32.const 1) (i32.const 8) (i32.const 8)))))"#);
    *fail.lock().unwrap() = Some(Table::State);
    let error = block.deploy_contract(ALICE, &reads_in_instantiate, b"", GAS).unwrap_err();
    assert_eq!(hiccup(&error), "storage: the database failed: the disk hiccuped reading state");

    assert!(set(&mut block, first.contract_id, b"w").unwrap().status.is_success());
    assert_eq!(writes.load(std::sync::atomic::Ordering::SeqCst), 0, "nothing written while the block runs");
    block.commit().unwrap();
    assert_eq!(engine.storage_value(&first.contract_id, b"k").unwrap(), Some(b"w".to_vec()));
    assert_eq!(engine.storage_value(&second.contract_id, b"k").unwrap(), Some(b"v".to_vec()));
    assert_eq!(engine.storage_value(&first.contract_id, b"before").unwrap(), None);
    assert!(engine.events(&first.contract_id).unwrap().is_empty(), "the failed calls emitted nothing");
    assert_eq!(engine.nonce(&ALICE).unwrap(), 2, "the failed deployment by Alice used no nonce");
    assert_eq!(engine.nonce(&BOB).unwrap(), 0, "nor the one by Bob");
}

#[test]
fn deployment_runs_instantiate_and_reverts_whole_on_failure() {
    let chain = Chain::new();
    let init = wat(r#"(module
             (import "env" "baals_storage_write" (func $write (param i32 i32 i32 i32)))
             (import "env" "baals_get_input_data" (func $input (param i32 i32) (result i32)))
             (import "env" "baals_revert" (func $revert (param i32 i32)))
             (memory (export "memory") 1)
             (data (i32.const 0) "owner")
             (func (export "instantiate") (local $n i32)
               (local.set $n (call $input (i32.const 100) (i32.const 100)))
               (if (i32.eqz (local.get $n)) (then (call $revert (i32.const 0) (i32.const 5))))
               (call $write (i32.const 0) (i32.const 5) (i32.const 100) (local.get $n))))"#);
    let nonce = chain.engine.nonce(&ALICE).unwrap();
    let failed = chain.engine.deploy_contract(CTX, ALICE, &init, b"", GAS).unwrap();
    assert_eq!(failed.status, ExecutionStatus::Reverted { message: "owner".to_string() });
    assert!(chain.engine.contract(&failed.contract_id).unwrap().is_none());
    assert_eq!(chain.engine.nonce(&ALICE).unwrap(), nonce);
    let deployed = chain.engine.deploy_contract(CTX, ALICE, &init, b"alice", GAS).unwrap();
    assert_eq!(deployed.status, ExecutionStatus::Success);
    // Same deployer and nonce as the failed attempt: the same id.
    assert_eq!(deployed.contract_id, failed.contract_id);
    assert_eq!(deployed.contract_id, baals_runtime::contract_id(&ALICE, nonce, &deployed.code_hash));
    assert_eq!(chain.get(deployed.contract_id, b"owner"), Some(b"alice".to_vec()));
    // 100,000 + 20 per byte of the module, then instantiate's gas.
    assert!(deployed.gas_used > 100_000 + 20 * init.len() as u64);
    // Too little gas for the deploy price: out of gas, nothing stored.
    let poor = chain.engine.deploy_contract(CTX, ALICE, &init, b"x", 100_000).unwrap();
    assert_eq!((poor.status, poor.gas_used), (ExecutionStatus::OutOfGas, 100_000));
    // A module the policy refuses is an error, and stores nothing.
    let float = wat(r#"(module (func (export "f") (drop (f32.const 1))))"#);
    assert!(matches!(
        chain.engine.deploy_contract(CTX, ALICE, &float, b"", GAS),
        Err(baals_runtime::EngineError::Instrument(_))
    ));
    assert_eq!(chain.engine.nonce(&ALICE).unwrap(), nonce + 1);
    // instantiate cannot be called afterwards.
    let result = chain.call(deployed.contract_id, "instantiate", b"");
    assert!(matches!(result.status, ExecutionStatus::Invalid { reason: InvalidCall::ReservedMethod(_) }));
}

#[test]
fn storage_roots_depend_only_on_the_key_value_set() {
    let chain = Chain::new();
    let (a, b) = (chain.deploy(&probe()), chain.deploy(&probe()));
    let root = |id| chain.engine.contract(&id).unwrap().unwrap().storage_root;
    assert_eq!(root(a), root(b));
    chain.call(a, "set", &set_input(b"x", b"1"));
    chain.call(a, "set", &set_input(b"y", b"2"));
    chain.call(b, "set", &set_input(b"y", b"0"));
    chain.call(b, "set", &set_input(b"z", b"3"));
    chain.call(b, "set", &set_input(b"x", b"1"));
    chain.call(b, "set", &set_input(b"y", b"2"));
    assert_ne!(root(a), root(b));
    chain.call(b, "remove", b"z");
    assert_eq!(root(a), root(b));
    chain.call(a, "set", &set_input(b"y", b"3"));
    assert_ne!(root(a), root(b));
}

/// A scripted sequence of deploys and calls, returning everything observable.
fn script<S: Storage>(chain: &Chain<S>) -> Vec<String> {
    let (a, b) = (chain.deploy(&probe()), chain.deploy(&probe()));
    let mut trace = Vec::new();
    let calls: Vec<(ContractId, &str, Vec<u8>)> = vec![
        (a, "set", set_input(b"k", b"v")),
        (a, "emit", set_input(b"t", b"d")),
        (b, "write_around_call", call_input(&a, "write_then_trap", b"")),
        (a, "write_then_spin", vec![]),
        (b, "call", call_input(&a, "set", &set_input(b"n", b"7"))),
        (a, "deep", 100u32.to_le_bytes().to_vec()),
        (a, "deep", 100_000u32.to_le_bytes().to_vec()),
    ];
    for (id, method, input) in calls {
        let result = chain.engine.execute_contract_call(CTX, ALICE, id, method, &input, 0, 300_000).unwrap();
        trace.push(format!("{method}: {} {} {:?} {:?}", result.status, result.gas_used, result.output, result.events));
    }
    for id in [a, b] {
        let account = chain.engine.contract(&id).unwrap().unwrap();
        trace.push(format!("{id}: {:?} {}", account.storage_root, account.balance));
        trace.push(format!("{:?}", chain.engine.storage_entries(&id).unwrap()));
        trace.push(format!("{:?}", chain.engine.events(&id).unwrap()));
    }
    trace
}

#[test]
fn the_same_sequence_gives_the_same_results_gas_events_and_roots() {
    let first = script(&Chain::new());
    assert_eq!(first, script(&Chain::new()));
    // The redb storage gives exactly what the in-memory one does.
    let chain = Chain::over(fresh_redbs("determinism"), metering());
    assert_eq!(first, script(&chain));
    assert!(first.iter().any(|line| line.starts_with("deep: stack limit reached")), "{first:?}");
}

/// An empty redb storage for each engine of the twin, `PREFIX-ENGINE.redb` in the tests' target
/// directory, without fsync (crashes are `tests/crash.rs`'s).
fn fresh_redbs(prefix: &str) -> [RedbStorage; ENGINES] {
    per_engine(|engine| {
        let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{prefix}-{engine}.redb"));
        let _ = std::fs::remove_file(&path);
        RedbStorage::open(&path).unwrap().without_fsync()
    })
}

#[test]
fn state_persists_across_reopening() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    let paths = per_engine(|engine| dir.join(format!("persist-{engine}.redb")));
    for path in &paths {
        let _ = std::fs::remove_file(path);
    }
    let open = || paths.each_ref().map(|path| RedbStorage::open(path).unwrap());
    let (id, root) = {
        let chain = Chain::over(open(), metering());
        let id = chain.deploy(&probe());
        chain.call(id, "set", &set_input(b"k", b"persisted"));
        chain.call(id, "emit", &set_input(b"t", b"d"));
        (id, chain.engine.contract(&id).unwrap().unwrap().storage_root)
    };
    let engine = Twin::with(open(), metering());
    assert_eq!(engine.storage_value(&id, b"k").unwrap(), Some(b"persisted".to_vec()));
    assert_eq!(engine.contract(&id).unwrap().unwrap().storage_root, root);
    assert_eq!(engine.events(&id).unwrap().len(), 1);
    assert_eq!(engine.balance(&ALICE).unwrap(), 1_000);
    // A cold call after reopening compiles (or loads) the code again and runs it.
    let result = engine.execute_contract_call(CTX, ALICE, id, "get", b"k", 0, GAS).unwrap();
    assert_eq!(result.output, b"\x01persisted");
    // An aborted block leaves nothing.
    let mut block = engine.begin_block(CTX).unwrap();
    block.execute_contract_call(ALICE, id, "remove", b"k", 0, GAS).unwrap();
    block.abort();
    assert_eq!(engine.storage_value(&id, b"k").unwrap(), Some(b"persisted".to_vec()));
}

/// A block remembers the code of each contract its calls found, and writes its changes table by
/// table when it commits; an aborted block takes all of it with it: a contract it deployed and
/// called does not exist after it, and is deployed again under the same id.
#[test]
fn an_aborted_block_leaves_no_contract_behind() {
    let chain = Chain::over(fresh_redbs("aborted"), metering());
    let existing = chain.deploy(&probe());
    let mut block = chain.engine.begin_block(CTX).unwrap();
    // Found in the database, then in the block's memory.
    for value in [&b"one"[..], b"two"] {
        let result = block.execute_contract_call(ALICE, existing, "set", &set_input(b"k", value), 0, GAS).unwrap();
        assert_eq!(result.status, ExecutionStatus::Success);
    }
    let fresh = block.deploy_contract(ALICE, &probe(), b"", GAS).unwrap().contract_id;
    let result = block.execute_contract_call(ALICE, fresh, "set", &set_input(b"k", b"new"), 0, GAS).unwrap();
    assert_eq!(result.status, ExecutionStatus::Success);
    block.abort();

    let result = chain.engine.execute_contract_call(CTX, ALICE, fresh, "get", b"k", 0, GAS).unwrap();
    assert_eq!(result.status, ExecutionStatus::Invalid { reason: InvalidCall::UnknownContract(fresh) });
    assert_eq!(chain.get(existing, b"k"), None);
    assert_eq!(chain.deploy(&probe()), fresh, "the aborted deployment spent no nonce");
    assert_eq!(chain.get(fresh, b"k"), None);
    // Committed, the same writes land, and the events with them.
    let mut block = chain.engine.begin_block(CTX).unwrap();
    for id in [existing, fresh] {
        let result = block.execute_contract_call(ALICE, id, "set", &set_input(b"k", b"kept"), 0, GAS).unwrap();
        assert_eq!(result.status, ExecutionStatus::Success);
        block.execute_contract_call(ALICE, id, "emit", &set_input(b"t", b"d"), 0, GAS).unwrap();
    }
    block.commit().unwrap();
    for id in [existing, fresh] {
        assert_eq!(chain.get(id, b"k"), Some(b"kept".to_vec()));
        assert_eq!(chain.engine.events(&id).unwrap().len(), 1);
    }
}

/// A deployment of code already stored under the policy runs the stored instrumentation, as
/// every contract of that code does, before and after a restart: had an older instrumenter
/// written it, the gas of a call would otherwise depend on which the engine compiled last.
#[test]
fn a_deployment_of_stored_code_runs_the_stored_instrumentation() {
    let policy = metering();
    let storage = MemoryStorage::new();
    let engine = |storage: &MemoryStorage| Node::new(storage.clone(), policy.clone());
    let deploy = |engine: &Node<MemoryStorage>| {
        let deployed = engine.deploy_contract(CTX, ALICE, &probe(), b"", GAS).unwrap();
        assert_eq!(deployed.status, ExecutionStatus::Success);
        deployed.contract_id
    };
    let gas = |engine: &Node<MemoryStorage>, id| {
        let result = engine.execute_contract_call(CTX, ALICE, id, "set", &set_input(b"k", b"v"), 0, GAS).unwrap();
        assert_eq!(result.status, ExecutionStatus::Success);
        result.gas_used
    };
    let first = deploy(&engine(&storage));
    let elsewhere = engine(&MemoryStorage::new());
    let fresh_gas = gas(&elsewhere, deploy(&elsewhere));

    // What another instrumenter would have stored: the probe metered at other prices.
    let code_key = [CodeHash::of(&probe()).0, policy.hash().0].concat();
    let other = baals_instrument::instrument(&probe(), &metering_with(&[("costs", "local", "3")])).unwrap();
    let mut txn = storage.write().unwrap();
    txn.put(Table::Code, &code_key, &other.wasm).unwrap();
    storage.commit(txn).unwrap();

    // Deployed before anything of that code has run since the restart: nothing compiled yet.
    let restarted = engine(&storage);
    let second = deploy(&restarted);
    let stored_gas = gas(&restarted, first);
    assert_ne!(stored_gas, fresh_gas, "the stored code must meter differently for this test to mean anything");
    assert_eq!(gas(&restarted, second), stored_gas);
    let restarted_again = engine(&storage);
    assert_eq!(gas(&restarted_again, first), stored_gas);
    assert_eq!(gas(&restarted_again, second), stored_gas);
}

/// Stored instrumentation runs as stored, so a module stored before the counters counted up
/// (exporting `baals_gas_left` and `baals_stack_left`, which counted down) would have its
/// counters misread as complements. Both engines refuse it instead, with an engine error that
/// says why (`docs/runtime.md`, "Stored code").
#[test]
fn code_stored_with_the_counters_that_counted_down_is_refused() {
    let policy = metering();
    let old_counters = wat(r#"(module
        (global (mut i64) (i64.const 0))
        (global (mut i32) (i32.const 0))
        (memory (export "memory") 1)
        (func (export "set"))
        (export "baals_gas_left" (global 0))
        (export "baals_stack_left" (global 1)))"#);
    for backend in baals_runtime::Backend::ALL {
        let storage = MemoryStorage::new();
        let config = baals_runtime::EngineConfig::default().with_backend(backend);
        let engine = Node::with_config(storage.clone(), policy.clone(), config.clone());
        let id = engine.deploy_contract(CTX, ALICE, &probe(), b"", GAS).unwrap().contract_id;
        let code_key = [CodeHash::of(&probe()).0, policy.hash().0].concat();
        let mut txn = storage.write().unwrap();
        txn.put(Table::Code, &code_key, &old_counters).unwrap();
        storage.commit(txn).unwrap();

        let restarted = Node::with_config(storage, policy.clone(), config);
        let error = restarted.execute_contract_call(CTX, ALICE, id, "set", &set_input(b"k", b"v"), 0, GAS).unwrap_err();
        let message = error.to_string();
        assert!(
            message.contains("no `baals_gas` and `baals_stack` counters") && message.contains("counted up"),
            "{backend:?}: {message}"
        );
    }
}

/// Frames at the policy's largest (64 parameters, 512 locals, many operands) and smallest:
/// recursion always ends at the deterministic limit, never in the engine's own stack overflow,
/// even inside the deepest nested call.
#[test]
fn the_stack_limit_comes_before_the_native_stack_runs_out() {
    let params = "i64 ".repeat(64);
    let locals = "i64 ".repeat(512);
    let args = "(local.get 1) ".repeat(63);
    let zeros = "(i64.const 0) ".repeat(63);
    let big = wat(&format!(
        r#"(module
             (func $big (param {params}) (result i64) (local {locals})
               (if (result i64) (i64.eqz (local.get 0))
                 (then (i64.const 0))
                 (else (call $big (i64.sub (local.get 0) (i64.const 1)) {args}))))
             (func $small (param i32) (if (local.get 0) (then (call $small (i32.sub (local.get 0) (i32.const 1))))))
             (func (export "big") (drop (call $big (i64.const 1000000) {zeros})))
             (func (export "small") (call $small (i32.const 1000000))))"#
    ));
    let chain = Chain::new();
    let id = chain.deploy(&big);
    for method in ["big", "small"] {
        let result = chain.engine.execute_contract_call(CTX, ALICE, id, method, b"", 0, 1 << 40).unwrap();
        assert_eq!(result.status, ExecutionStatus::StackLimit, "{method}");
    }
    // The smallest frames a policy allows: one unit each, operands not counted.
    let tiny = metering_with(&[("stack", "frame-base", "1"), ("stack", "operand-stack", "false")]);
    let chain_tiny = Chain::with(tiny);
    let small = chain_tiny.deploy(&big);
    let result = chain_tiny.engine.execute_contract_call(CTX, ALICE, small, "small", b"", 0, 1 << 40).unwrap();
    assert_eq!(result.status, ExecutionStatus::StackLimit);
    // At the maximum call depth, each instance on its own fiber: the deepest one still stops
    // at the deterministic limit.
    let contracts: Vec<ContractId> = (0..=8).map(|_| chain.deploy(&probe())).collect();
    let mut input = call_input(&contracts[8], "deep", &1_000_000u32.to_le_bytes());
    for level in (1..8).rev() {
        input = call_input(&contracts[level], "call", &input);
    }
    let result = chain.engine.execute_contract_call(CTX, ALICE, contracts[0], "call", &input, 0, 1 << 40).unwrap();
    let output = String::from_utf8_lossy(&result.output).into_owned();
    assert!(output.ends_with("stack limit reached"), "{output}");
}
