//! The example contracts of `contracts/`, built for wasm32 and run end to end on the engine:
//! a token (Rust), an escrow released by an ed25519 signature (Rust), a contract that calls the
//! token (Rust), a counter (AssemblyScript), and a counter in C (`contracts/c`, built with
//! clang). Every call runs on wasmtime and on wasmi
//! (`baals_tests::twin`), which must agree on results, gas, events, storage and roots.

use baals_policy::Policy;
use baals_runtime::{Address, BlockContext, ContractId, Event, ExecutionStatus};
use baals_tests::example_contract;
use baals_tests::twin::Twin;
use ed25519_dalek::{Signer, SigningKey};

const ALICE: Address = Address([0xa1; 32]);
const BOB: Address = Address([0xb0; 32]);
/// Above what any call here needs under the default schedule, where deploying a contract costs
/// about 10^9 gas (`docs/GAS-SCHEDULE.md`).
const GAS: u64 = 1 << 40;
const CTX: BlockContext = BlockContext { height: 12, timestamp: 1_700_000_000 };

/// Both engines: every call below runs on wasmtime and on wasmi, which must agree.
fn engine() -> Twin {
    let engine = Twin::new(Policy::default_policy());
    let mut block = engine.begin_block(CTX).unwrap();
    block.credit(&ALICE, 10_000).unwrap();
    block.commit().unwrap();
    engine
}

fn deploy(engine: &Twin, name: &str, init: &[u8]) -> ContractId {
    let deployed = engine.deploy_contract(CTX, ALICE, &example_contract(name), init, GAS).unwrap();
    assert_eq!(deployed.status, ExecutionStatus::Success, "{name}");
    deployed.contract_id
}

fn balance_of(engine: &Twin, token: ContractId, account: &Address) -> u64 {
    let result = engine.query_contract(CTX, ALICE, token, "balance_of", &account.0, GAS).unwrap();
    assert_eq!(result.status, ExecutionStatus::Success);
    u64::from_le_bytes(result.output.try_into().unwrap())
}

fn transfer_input(to: &Address, amount: u64) -> Vec<u8> {
    [&to.0[..], &amount.to_le_bytes()].concat()
}

#[test]
fn token_mints_transfers_and_refuses_overdrafts() {
    let engine = engine();
    let deployed =
        engine.deploy_contract(CTX, ALICE, &example_contract("token"), &1_000u64.to_le_bytes(), GAS).unwrap();
    let token = deployed.contract_id;
    assert_eq!(deployed.events[0].topic, b"mint");
    assert_eq!(balance_of(&engine, token, &ALICE), 1_000);

    let result =
        engine.execute_contract_call(CTX, ALICE, token, "transfer", &transfer_input(&BOB, 300), 0, GAS).unwrap();
    assert_eq!(result.status, ExecutionStatus::Success);
    let data = [&ALICE.0[..], &BOB.0, &300u64.to_le_bytes()].concat();
    assert_eq!(result.events, [Event { contract: token, topic: b"transfer".to_vec(), data }]);
    assert_eq!((balance_of(&engine, token, &ALICE), balance_of(&engine, token, &BOB)), (700, 300));

    let result =
        engine.execute_contract_call(CTX, BOB, token, "transfer", &transfer_input(&ALICE, 301), 0, GAS).unwrap();
    assert_eq!(result.status, ExecutionStatus::Reverted { message: "insufficient balance".to_string() });
    // An `Err` reverts with the error's message (`#[derive(ContractError)]`).
    let result = engine.execute_contract_call(CTX, BOB, token, "transfer", &transfer_input(&ALICE, 0), 0, GAS).unwrap();
    assert_eq!(result.status, ExecutionStatus::Reverted { message: "zero transfer".to_string() });
    // Input that does not decode as the method's inputs: the SDK reverts, saying where.
    let result = engine.execute_contract_call(CTX, BOB, token, "transfer", &[1, 2, 3], 0, GAS).unwrap();
    let cut_short = "bad input: input cut short at byte 0".to_string();
    assert_eq!(result.status, ExecutionStatus::Reverted { message: cut_short });
    let mut padded = transfer_input(&ALICE, 1);
    padded.push(0);
    let result = engine.execute_contract_call(CTX, BOB, token, "transfer", &padded, 0, GAS).unwrap();
    assert_eq!(
        result.status,
        ExecutionStatus::Reverted { message: "bad input: trailing bytes at byte 40".to_string() }
    );
    // A method that is not `#[payable]` refuses value, and the value stays with the sender.
    let before = engine.balance(&ALICE).unwrap();
    let result = engine.execute_contract_call(CTX, ALICE, token, "transfer", &transfer_input(&BOB, 1), 5, GAS).unwrap();
    assert_eq!(result.status, ExecutionStatus::Reverted { message: "method is not payable".to_string() });
    assert_eq!(engine.balance(&ALICE).unwrap(), before);
    assert_eq!(balance_of(&engine, token, &BOB), 300);
    let supply = engine.query_contract(CTX, ALICE, token, "total_supply", b"", GAS).unwrap();
    assert_eq!(supply.output, 1_000u64.to_le_bytes());
}

#[test]
fn a_contract_calls_the_token() {
    let engine = engine();
    let token = deploy(&engine, "token", &1_000u64.to_le_bytes());
    let forwarder = deploy(&engine, "forwarder", b"");
    let result =
        engine.execute_contract_call(CTX, ALICE, token, "transfer", &transfer_input(&forwarder, 100), 0, GAS).unwrap();
    assert!(result.status.is_success());
    let pay = |amount: u64| [&token.0[..], &transfer_input(&BOB, amount)].concat();
    let result = engine.execute_contract_call(CTX, ALICE, forwarder, "pay", &pay(40), 0, GAS).unwrap();
    assert_eq!(result.status, ExecutionStatus::Success);
    // The token saw the forwarder as the sender.
    assert_eq!(result.events[0].data[..32], forwarder.0);
    assert_eq!((balance_of(&engine, token, &forwarder), balance_of(&engine, token, &BOB)), (60, 40));
    // The token's refusal comes back through the forwarder, and nothing moves.
    let result = engine.execute_contract_call(CTX, ALICE, forwarder, "pay", &pay(61), 0, GAS).unwrap();
    assert_eq!(result.status, ExecutionStatus::Reverted { message: "reverted: insufficient balance".to_string() });
    assert_eq!(balance_of(&engine, token, &forwarder), 60);
}

#[test]
fn escrow_releases_only_with_the_arbiters_signature() {
    let engine = engine();
    let arbiter = SigningKey::from_bytes(&[7; 32]);
    let init = [&BOB.0[..], arbiter.verifying_key().as_bytes()].concat();
    let escrow = deploy(&engine, "escrow", &init);
    let result = engine.execute_contract_call(CTX, ALICE, escrow, "deposit", b"", 2_500, GAS).unwrap();
    assert!(result.status.is_success());
    assert_eq!(engine.balance(&escrow).unwrap(), 2_500);

    let message = |height: u64| [&b"release"[..], &escrow.0, &height.to_le_bytes()].concat();
    // Signed by someone else, or for another height: refused.
    let stranger = SigningKey::from_bytes(&[8; 32]).sign(&message(CTX.height)).to_bytes();
    let stale = arbiter.sign(&message(CTX.height - 1)).to_bytes();
    for signature in [stranger, stale] {
        let result = engine.execute_contract_call(CTX, ALICE, escrow, "release", &signature, 0, GAS).unwrap();
        assert_eq!(result.status, ExecutionStatus::Reverted { message: "not signed by the arbiter".to_string() });
    }
    assert_eq!(engine.balance(&BOB).unwrap(), 0);
    let signature = arbiter.sign(&message(CTX.height)).to_bytes();
    let result = engine.execute_contract_call(CTX, ALICE, escrow, "release", &signature, 0, GAS).unwrap();
    assert_eq!(result.status, ExecutionStatus::Success);
    assert_eq!(result.events[0].topic, b"released");
    assert_eq!((engine.balance(&BOB).unwrap(), engine.balance(&escrow).unwrap()), (2_500, 0));
}

#[test]
fn the_assemblyscript_counter_counts() {
    let engine = engine();
    let counter = deploy(&engine, "counter", b"");
    for expected in 1u64..=3 {
        let result = engine.execute_contract_call(CTX, ALICE, counter, "increment", b"", 0, GAS).unwrap();
        assert_eq!(result.status, ExecutionStatus::Success);
        assert_eq!(result.output, expected.to_le_bytes());
        assert_eq!(result.events[0].topic, b"count");
    }
    let result = engine.query_contract(CTX, ALICE, counter, "get", b"", GAS).unwrap();
    assert_eq!(result.output, 3u64.to_le_bytes());
}

/// The C counter (`contracts/c/counter.c`, built with clang against `sdk/c/baals.h`): its ABI
/// section is checked and stored at deployment, its arguments, output and event decode by it,
/// and its revert messages are the ABI's errors.
#[test]
fn the_c_counter_counts_emits_and_reverts() {
    let engine = engine();
    let counter = deploy(&engine, "c_counter", &5u64.to_le_bytes());
    let abi = engine.engines()[0].contract_abi(&counter).unwrap().expect("the module's baals.abi section");
    assert_eq!(abi.json["name"], "c_counter");
    let input = abi.encode_args("add", &serde_json::json!({"amount": 7})).unwrap();
    let result = engine.execute_contract_call(CTX, ALICE, counter, "add", &input, 0, GAS).unwrap();
    assert_eq!(result.status, ExecutionStatus::Success);
    assert_eq!(abi.decode_output("add", &result.output).unwrap(), serde_json::json!(12));
    let event = &result.events[0];
    assert_eq!(
        abi.decode_event(&event.topic, &event.data).unwrap().unwrap(),
        serde_json::json!({"amount": 7, "count": 12})
    );
    let got = engine.query_contract(CTX, ALICE, counter, "get", b"", GAS).unwrap();
    assert_eq!(got.output, 12u64.to_le_bytes());
    // Past u64::MAX: the ABI's `overflow` error, and nothing changes.
    let result = engine.execute_contract_call(CTX, ALICE, counter, "add", &u64::MAX.to_le_bytes(), 0, GAS).unwrap();
    let ExecutionStatus::Reverted { message } = &result.status else { panic!("{}", result.status) };
    assert_eq!(abi.error(message.as_bytes()).map(|error| error.name.as_str()), Some("overflow"));
    let result = engine.execute_contract_call(CTX, ALICE, counter, "add", b"short", 0, GAS).unwrap();
    assert_eq!(result.status, ExecutionStatus::Reverted { message: "input is not one u64".to_string() });
    assert_eq!(engine.query_contract(CTX, ALICE, counter, "get", b"", GAS).unwrap().output, 12u64.to_le_bytes());
}
