//! Contract ABIs at deploy: stored with the contract when the module carries one or it is
//! given beside it, refused with a typed error when it does not match the module, and not
//! needed to call a contract by raw input.

use baals_abi::{Abi, AbiError};
use baals_policy::Policy;
use baals_runtime::{Address, BlockContext, EngineError, ExecutionStatus, MemoryStorage};
use baals_tests::node::Node;
use baals_tests::wat;
use serde_json::json;

const DEPLOYER: Address = Address([1; 32]);
const CTX: BlockContext = BlockContext { height: 1, timestamp: 0 };
/// Above what any call here needs under the default schedule, where deploying a contract costs
/// about 10^9 gas (`docs/GAS-SCHEDULE.md`).
const GAS: u64 = 1 << 40;

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

fn new_engine() -> Node<MemoryStorage> {
    Node::new(MemoryStorage::new(), Policy::default_policy())
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

mod sdk {
    //! The contract SDK's encoding (`baals_sdk::abi`) and the engine's (`baals_abi`) are the
    //! same: what one writes, the other reads back to the same value.

    use baals_abi::Abi;
    use baals_sdk::abi::{Decode, Encode, decode_all};
    use proptest::prelude::*;
    use serde_json::{Value, json};

    baals_sdk::abi_struct! {
        #[derive(Debug, Clone, PartialEq)]
        pub struct Order {
            pub id: u64,
            pub to: [u8; 32],
            pub memo: Option<String>,
            pub lines: Vec<(u16, i128)>,
            pub flags: [bool; 3],
            pub data: Vec<u8>,
        }
    }

    const ORDER: &str = r#"{"abi": 1, "name": "t", "version": "1",
      "types": {"Line": {"struct": [{"name": "n", "type": "u16"}, {"name": "price", "type": "i128"}]}},
      "methods": [{"name": "place", "kind": "call", "inputs": [
        {"name": "id", "type": "u64"}, {"name": "to", "type": "address"},
        {"name": "memo", "type": {"option": "string"}}, {"name": "lines", "type": {"vec": "Line"}},
        {"name": "flags", "type": {"array": "bool", "len": 3}}, {"name": "data", "type": "bytes"}]}]}"#;

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    fn as_json(order: &Order) -> Value {
        let lines: Vec<Value> =
            order.lines.iter().map(|(n, price)| json!({"n": n, "price": price.to_string()})).collect();
        json!({
            "id": order.id, "to": hex(&order.to), "memo": order.memo, "lines": lines,
            "flags": order.flags, "data": hex(&order.data),
        })
    }

    fn order() -> impl Strategy<Value = Order> {
        (
            any::<u64>(),
            any::<[u8; 32]>(),
            proptest::option::of(".{0,8}"),
            prop::collection::vec((any::<u16>(), any::<i128>()), 0..4),
            any::<[bool; 3]>(),
            prop::collection::vec(any::<u8>(), 0..16),
        )
            .prop_map(|(id, to, memo, lines, flags, data)| Order { id, to, memo, lines, flags, data })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn what_a_contract_encodes_the_engine_decodes_and_back(order in order()) {
            let abi = Abi::parse(ORDER).unwrap();
            let bytes = order.to_bytes();
            prop_assert_eq!(abi.decode_args("place", &bytes).unwrap(), as_json(&order));
            prop_assert_eq!(abi.encode_args("place", &as_json(&order)).unwrap(), bytes.clone());
            prop_assert_eq!(decode_all::<Order>(&bytes).unwrap(), order);
            // Both refuse the same cut and padded bytes.
            for cut in [0, bytes.len() / 2, bytes.len() - 1] {
                prop_assert!(decode_all::<Order>(&bytes[..cut]).is_err());
                prop_assert!(abi.decode_args("place", &bytes[..cut]).is_err());
            }
            let padded = [bytes, vec![0]].concat();
            prop_assert!(decode_all::<Order>(&padded).is_err());
            prop_assert!(abi.decode_args("place", &padded).is_err());
        }

        /// Whatever bytes one accepts, the other accepts too, as the same value.
        #[test]
        fn both_accept_the_same_bytes(bytes in prop::collection::vec(any::<u8>(), 0..48)) {
            let abi = Abi::parse(r#"{"abi": 1, "name": "t", "version": "1", "methods": [{"name": "m", "kind": "call",
              "inputs": [{"name": "a", "type": {"option": "u8"}}, {"name": "b", "type": "bool"}, {"name": "c", "type": "string"}]}]}"#).unwrap();
            let engine = abi.decode_args("m", &bytes);
            let contract = decode_all::<(Option<u8>, bool, String)>(&bytes);
            prop_assert_eq!(engine.is_ok(), contract.is_ok());
            if let Ok((a, b, c)) = contract {
                prop_assert_eq!(engine.unwrap(), json!({"a": a, "b": b, "c": c}));
            }
        }
    }

    #[test]
    fn a_tuple_of_inputs_is_the_method_input() {
        let abi = Abi::parse(
            r#"{"abi": 1, "name": "t", "version": "1", "methods": [{"name": "transfer", "kind": "call",
              "inputs": [{"name": "to", "type": "address"}, {"name": "amount", "type": "u64"}]}]}"#,
        )
        .unwrap();
        let input = ([2u8; 32], 250u64).to_bytes();
        assert_eq!(abi.encode_args("transfer", &json!(["02".repeat(32), 250])).unwrap(), input);
        let mut rest = &input[..];
        assert_eq!(<([u8; 32], u64)>::decode(&mut rest).unwrap(), ([2u8; 32], 250));
    }
}

/// The AssemblyScript helpers (`contracts/assemblyscript/assembly/abi.ts`) against the same
/// encoding: their own test module, run by Node (`npm test`), encodes and decodes every type,
/// refuses cut, padded and mistagged bytes with the SDK's messages.
#[test]
fn the_assemblyscript_helpers_pass_their_tests() {
    baals_tests::example_contract("counter");
    let dir = baals_tests::workspace_root().join("contracts/assemblyscript");
    let output = std::process::Command::new("npm").current_dir(&dir).args(["test", "--silent"]).output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&output.stderr));
    assert!(stdout.contains("all passed"), "{stdout}");
}

/// Each example contract embeds its ABI, which deploy checks against the module. The Rust
/// contracts' ABIs are generated from their code by `#[contract]`: they must say exactly this
/// (what the hand-written files said, but for the differences `docs/abi-json.md` explains).
#[test]
fn the_example_contracts_ship_their_abi() {
    let not_payable = r#"{ "name": "not_payable", "message": "method is not payable" }"#;
    let token = format!(
        r#"{{ "abi": 1, "name": "token", "version": "0.1.0",
        "methods": [
            {{ "name": "instantiate", "kind": "call", "inputs": [{{ "name": "supply", "type": "u64" }}] }},
            {{ "name": "transfer", "kind": "call",
               "inputs": [{{ "name": "to", "type": "address" }}, {{ "name": "amount", "type": "u64" }}] }},
            {{ "name": "balance_of", "kind": "query", "inputs": [{{ "name": "account", "type": "address" }}], "output": "u64" }},
            {{ "name": "total_supply", "kind": "query", "output": "u64" }}
        ],
        "events": [
            {{ "topic": "mint", "fields": [{{ "name": "owner", "type": "address" }}, {{ "name": "supply", "type": "u64" }}] }},
            {{ "topic": "transfer", "fields": [{{ "name": "from", "type": "address" }}, {{ "name": "to", "type": "address" }},
                                               {{ "name": "amount", "type": "u64" }}] }}
        ],
        "errors": [
            {{ "name": "insufficient_balance", "message": "insufficient balance" }},
            {{ "name": "zero_transfer", "message": "zero transfer" }},
            {{ "name": "balance_overflow", "message": "balance overflow" }},
            {not_payable}
        ] }}"#
    );
    let escrow = format!(
        r#"{{ "abi": 1, "name": "escrow", "version": "0.1.0",
        "methods": [
            {{ "name": "instantiate", "kind": "call",
               "inputs": [{{ "name": "beneficiary", "type": "address" }}, {{ "name": "arbiter_key", "type": "address" }}] }},
            {{ "name": "deposit", "kind": "call", "payable": true }},
            {{ "name": "release", "kind": "call", "inputs": [{{ "name": "signature", "type": {{ "array": "u8", "len": 64 }} }}] }},
            {{ "name": "held", "kind": "query", "output": "u64" }}
        ],
        "events": [
            {{ "topic": "deposit", "fields": [{{ "name": "amount", "type": "u64" }}] }},
            {{ "topic": "released", "fields": [{{ "name": "beneficiary", "type": "address" }}, {{ "name": "amount", "type": "u64" }}] }}
        ],
        "errors": [
            {{ "name": "not_signed_by_the_arbiter", "message": "not signed by the arbiter" }},
            {{ "name": "transfer_failed", "message": "transfer failed" }},
            {not_payable}
        ] }}"#
    );
    let forwarder = format!(
        r#"{{ "abi": 1, "name": "forwarder", "version": "0.1.0",
        "methods": [{{ "name": "pay", "kind": "call", "inputs": [
            {{ "name": "token", "type": "address" }}, {{ "name": "to", "type": "address" }}, {{ "name": "amount", "type": "u64" }}
        ] }}],
        "errors": [{not_payable}] }}"#
    );
    // Generated from the AssemblyScript code by `baals-transform.mjs`.
    let counter = format!(
        r#"{{ "abi": 1, "name": "counter", "version": "0.1.0",
        "methods": [{{ "name": "increment", "kind": "call", "output": "u64" }}, {{ "name": "get", "kind": "query", "output": "u64" }}],
        "events": [{{ "topic": "count", "fields": [{{ "name": "count", "type": "u64" }}] }}],
        "errors": [{not_payable}] }}"#
    );
    for (name, expected) in [("token", token), ("escrow", escrow), ("forwarder", forwarder), ("counter", counter)] {
        let wasm = baals_tests::example_contract(name);
        let abi = Abi::from_module(&wasm).unwrap().unwrap_or_else(|| panic!("{name}: no baals.abi section"));
        abi.check_module(&wasm).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(abi, Abi::parse(&expected).unwrap(), "{name}");
        // The instrumenter keeps the section.
        let instrumented = baals_instrument::instrument(&wasm, &Policy::default_policy()).unwrap().wasm;
        assert_eq!(Abi::from_module(&instrumented).unwrap(), Some(abi), "{name}");
    }
}
