//! The token, built by `baals build` and run in the real engine: exact gas, decoded events,
//! typed errors. Gas figures are checked against `.gas-snapshot` (`BAALS_GAS_SNAPSHOT=write
//! cargo test` records them after an intended change).

use baals_test::{Chain, GasSnapshot, Module};
use serde_json::json;

fn token() -> Module {
    Module::build(env!("CARGO_MANIFEST_DIR"))
}

fn snapshot() -> GasSnapshot {
    GasSnapshot::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.gas-snapshot"))
}

/// A chain with the token deployed by alice with 1,000 tokens.
fn deployed() -> (Chain, baals_test::Address, baals_test::Address, baals_test::Address) {
    let mut chain = Chain::new();
    let (alice, bob) = (chain.account("alice"), chain.account("bob"));
    let deployment = chain.deploy(&token()).sender(alice).args(json!([1000])).run().success();
    snapshot().record("deploy", deployment.gas_used);
    let id = deployment.contract_id();
    let mint = deployment.event("mint").expect("instantiate mints");
    assert_eq!(mint.fields, Some(json!({"owner": alice.to_hex(), "supply": 1000})));
    (chain, id, alice, bob)
}

fn balance(chain: &mut Chain, token: baals_test::Address, account: baals_test::Address) -> u64 {
    chain.query(token, "balance_of").encode(&(account.0,)).run().success().output()
}

#[test]
fn transfer_moves_tokens_and_says_so() {
    let (mut chain, token, alice, bob) = deployed();
    let transfer = chain.call(token, "transfer").sender(alice).args(json!({"to": bob.to_hex(), "amount": 250})).run();
    let transfer = transfer.success();
    snapshot().record("transfer", transfer.gas_used);
    assert_eq!(transfer.events.len(), 1);
    let fields = json!({"from": alice.to_hex(), "to": bob.to_hex(), "amount": 250});
    assert_eq!(transfer.event("transfer").unwrap().fields, Some(fields));
    assert_eq!((balance(&mut chain, token, alice), balance(&mut chain, token, bob)), (750, 250));
    let supply = chain.query(token, "total_supply").run().success();
    snapshot().record("total_supply", supply.gas_used);
    assert_eq!(supply.output_json(), json!(1000));
    // Storage as the token keeps it: `b` and the account, the balance little-endian.
    let key = [&[b'b'][..], &bob.0].concat();
    assert_eq!(chain.storage(&token, &key), Some(250u64.to_le_bytes().to_vec()));
}

#[test]
fn a_failed_transfer_reverts_with_its_error_and_changes_nothing() {
    let (mut chain, token, alice, bob) = deployed();
    let overdraft = chain.call(token, "transfer").sender(bob).encode(&(alice.0, 1u64)).run();
    overdraft.reverted_with("insufficient_balance");
    assert_eq!(overdraft.error_name(), Some("insufficient_balance"));
    snapshot().record("transfer_overdraft", overdraft.gas_used);
    chain.call(token, "transfer").sender(alice).encode(&(bob.0, 0u64)).run().reverted_with("zero transfer");
    // Value sent to a method that is not payable.
    chain.fund(&alice, 10);
    let paid = chain.call(token, "transfer").sender(alice).encode(&(bob.0, 1u64)).value(10).run();
    paid.reverted_with("not_payable");
    assert_eq!(chain.balance(&alice), 10);
    // Input that is not the method's inputs.
    chain.call(token, "transfer").input(vec![1, 2, 3]).run().reverted_with("bad input: input cut short at byte 0");
    assert_eq!((balance(&mut chain, token, alice), balance(&mut chain, token, bob)), (1000, 0));
}

#[test]
fn the_trace_adds_up_to_the_gas_used() {
    let (mut chain, token, alice, bob) = deployed();
    let transfer = chain.call(token, "transfer").sender(alice).encode(&(bob.0, 5u64)).traced().run().success();
    let root = transfer.trace.as_ref().and_then(|tree| tree.root.as_ref()).expect("traced");
    assert_eq!(root.gas_used, transfer.gas_used);
    let host: u64 = root.host_calls.iter().map(|call| call.gas).sum();
    assert_eq!(root.own_gas() + host, root.gas_used);
    let names: Vec<_> = root.host_calls.iter().map(|call| call.function.name()).collect();
    assert!(names.contains(&"baals_storage_write") && names.contains(&"baals_emit_event"), "{names:?}");
}

#[test]
fn arguments_that_do_not_match_the_abi_fail_the_test_by_name() {
    let (mut chain, token, alice, _) = deployed();
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let _ = chain.call(token, "transfer").sender(alice).args(json!({"to": "b0", "amount": 1})).run();
    }));
    let message = caught.unwrap_err().downcast_ref::<String>().cloned().unwrap();
    assert!(message.starts_with("transfer: arguments: to:"), "{message}");
}
