//! Contract ABIs at deploy: stored with the contract when the module carries one or it is
//! given beside it, refused with a typed error when it does not match the module, and not
//! needed to call a contract by raw input.

use baals_abi::{Abi, AbiError};
use baals_policy::Policy;
use baals_runtime::{Address, BlockContext, ContractEngine, EngineError, ExecutionStatus, MemoryStorage};
use baals_tests::wat;
use serde_json::json;

const DEPLOYER: Address = Address([1; 32]);
const CTX: BlockContext = BlockContext { height: 1, timestamp: 0 };
const GAS: u64 = 10_000_000;

const ABI: &str = r#"{"abi": 1, "name": "echo", "version": "1",
  "methods": [{"name": "echo", "kind": "call", "inputs": [{"name": "n", "type": "u32"}], "output": "u32"}],
  "events": [{"topic": "seen", "fields": [{"name": "n", "type": "u32"}]}]}"#;

/// `echo` returns its 4-byte input and emits it as a `seen` event.
fn echo(abi_section: Option<&str>) -> Vec<u8> {
    let section = abi_section.map_or(String::new(), |abi| {
        format!("(@custom \"baals.abi\" \"{}\")", abi.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n"))
    });
    wat(&format!(
        r#"(module
             (import "env" "baals_get_input_data" (func $input (param i32 i32) (result i32)))
             (import "env" "baals_set_return_data" (func $return (param i32 i32)))
             (import "env" "baals_emit_event" (func $emit (param i32 i32 i32 i32)))
             (memory (export "memory") 1)
             (data (i32.const 100) "seen")
             (func (export "echo")
               (drop (call $input (i32.const 0) (i32.const 4)))
               (call $emit (i32.const 100) (i32.const 4) (i32.const 0) (i32.const 4))
               (call $return (i32.const 0) (i32.const 4)))
             {section})"#
    ))
}

fn new_engine() -> ContractEngine {
    ContractEngine::new(MemoryStorage::new(), Policy::default_policy()).unwrap()
}

#[test]
fn an_embedded_abi_is_checked_and_stored_with_the_contract() {
    let engine = new_engine();
    let deployed = engine.deploy_contract(CTX, DEPLOYER, &echo(Some(ABI)), &[], GAS).unwrap();
    assert_eq!(deployed.status, ExecutionStatus::Success);
    let abi = engine.contract_abi(&deployed.contract_id).unwrap().expect("stored");
    assert_eq!(abi, Abi::parse(ABI).unwrap());

    // Arguments encoded by it run the method; output and event decode by it.
    let input = abi.encode_args("echo", &json!([258])).unwrap();
    let result = engine.execute_contract_call(CTX, DEPLOYER, deployed.contract_id, "echo", &input, 0, GAS).unwrap();
    assert_eq!(result.status, ExecutionStatus::Success);
    assert_eq!(abi.decode_output("echo", &result.output).unwrap(), json!(258));
    let event = &result.events[0];
    assert_eq!(abi.decode_event(&event.topic, &event.data).unwrap().unwrap(), json!({"n": 258}));
}

#[test]
fn an_abi_given_beside_the_module_is_stored_too() {
    let engine = new_engine();
    let deployed = engine.deploy_contract_with_abi(CTX, DEPLOYER, &echo(None), Some(ABI), &[], GAS).unwrap();
    assert_eq!(engine.contract_abi(&deployed.contract_id).unwrap(), Some(Abi::parse(ABI).unwrap()));
    // The same ABI in the module and beside it is fine.
    let deployed = engine.deploy_contract_with_abi(CTX, DEPLOYER, &echo(Some(ABI)), Some(ABI), &[], GAS).unwrap();
    assert_eq!(deployed.status, ExecutionStatus::Success);
}

#[test]
fn a_mismatched_abi_refuses_the_deployment_and_stores_nothing() {
    let engine = new_engine();
    let wrong_method = ABI.replace(r#""name": "echo", "kind""#, r#""name": "shout", "kind""#);
    let refused = |wasm: &[u8], given: Option<&str>| match engine.deploy_contract_with_abi(
        CTX,
        DEPLOYER,
        wasm,
        given,
        &[],
        GAS,
    ) {
        Err(EngineError::Abi(error)) => error,
        other => panic!("expected an ABI refusal, got {other:?}"),
    };
    assert_eq!(refused(&echo(None), Some(&wrong_method)), AbiError::MissingMethod { method: "shout".into() });
    assert_eq!(refused(&echo(Some(&wrong_method)), None), AbiError::MissingMethod { method: "shout".into() });
    // `memory` is exported, but not as a function.
    let memory = ABI.replace(r#""name": "echo", "kind""#, r#""name": "memory", "kind""#);
    assert_eq!(refused(&echo(None), Some(&memory)), AbiError::MissingMethod { method: "memory".into() });
    assert_eq!(refused(&echo(Some(ABI)), Some(&ABI.replace("\"1\"", "\"2\""))), AbiError::Conflict);
    assert!(matches!(refused(&echo(None), Some("{")), AbiError::Json { .. }));
    // Nothing was stored: the deployer's nonce did not move, so the next deploy gets the id
    // the first would have had.
    let first = engine.deploy_contract(CTX, DEPLOYER, &echo(None), &[], GAS).unwrap();
    let fresh = new_engine();
    assert_eq!(fresh.deploy_contract(CTX, DEPLOYER, &echo(None), &[], GAS).unwrap().contract_id, first.contract_id);
}

#[test]
fn a_contract_without_an_abi_is_called_with_raw_input() {
    let engine = new_engine();
    let deployed = engine.deploy_contract(CTX, DEPLOYER, &echo(None), &[], GAS).unwrap();
    assert_eq!(engine.contract_abi(&deployed.contract_id).unwrap(), None);
    let result =
        engine.execute_contract_call(CTX, DEPLOYER, deployed.contract_id, "echo", &[7, 0, 0, 0], 0, GAS).unwrap();
    assert_eq!((result.status, result.output), (ExecutionStatus::Success, vec![7, 0, 0, 0]));
}
