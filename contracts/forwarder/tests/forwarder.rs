//! The forwarder pays tokens out of its own token balance by calling the token: two
//! contracts deployed side by side, one calling the other.

use baals_test::{Chain, GasSnapshot, Module};
use serde_json::json;

fn snapshot() -> GasSnapshot {
    GasSnapshot::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.gas-snapshot"))
}

#[test]
fn pay_calls_the_token_as_itself() {
    let token_module = Module::build(concat!(env!("CARGO_MANIFEST_DIR"), "/../token"));
    let forwarder_module = Module::build(env!("CARGO_MANIFEST_DIR"));
    let mut chain = Chain::new();
    let (alice, bob) = (chain.account("alice"), chain.account("bob"));
    let token = chain.deploy(&token_module).sender(alice).args(json!([1000])).run().success().contract_id();
    let forwarder = chain.deploy(&forwarder_module).sender(alice).run().success().contract_id();
    chain.call(token, "transfer").sender(alice).encode(&(forwarder.0, 300u64)).run().success();

    let pay = chain.call(forwarder, "pay").sender(alice).encode(&(token.0, bob.0, 120u64)).traced().run().success();
    snapshot().record("pay", pay.gas_used);
    // The token's event, emitted in the nested call, decoded by the token's ABI.
    let event = pay.event("transfer").expect("the token's transfer event");
    assert_eq!(event.contract, token);
    assert_eq!(event.fields, Some(json!({"from": forwarder.to_hex(), "to": bob.to_hex(), "amount": 120})));
    // The nested call sits under the host call that made it, and its gas is inside the pay's.
    let root = pay.trace.as_ref().and_then(|tree| tree.root.as_ref()).unwrap();
    let nested = root.host_calls.iter().find_map(|call| call.call.as_deref()).expect("a nested call");
    assert_eq!((nested.method.as_str(), nested.sender), ("transfer", forwarder));
    assert!(nested.gas_used < root.gas_used);

    // Profiled, the same payment charges the same gas, and the token's functions sit under the
    // forwarder's call of it.
    let again = chain.call(forwarder, "pay").sender(alice).encode(&(token.0, bob.0, 30u64)).run().success();
    let profiled =
        chain.call(forwarder, "pay").sender(alice).encode(&(token.0, bob.0, 30u64)).profiled().run().success();
    assert_eq!(profiled.gas_used, again.gas_used);
    let profile = profiled.profile.as_ref().unwrap();
    assert_eq!(profile.profile.total(), profiled.gas_used);
    let exclusive: u64 = profile.table().iter().map(|(_, exclusive, _)| exclusive).sum();
    assert_eq!(exclusive, profiled.gas_used);
    let folded = profile.folded();
    let nested = "forwarder.pay;forwarder::pay;token.transfer;token::transfer;";
    assert!(folded.lines().any(|line| line.starts_with(nested)), "{folded}");

    // The token's failure is the forwarder's, with the token's reason.
    let too_much = chain.call(forwarder, "pay").sender(alice).encode(&(token.0, bob.0, 1_000u64)).run();
    too_much.reverted_with("reverted: insufficient balance");
    let balance = |chain: &mut Chain, account: baals_test::Address| -> u64 {
        chain.query(token, "balance_of").encode(&(account.0,)).run().success().output()
    };
    assert_eq!((balance(&mut chain, forwarder), balance(&mut chain, bob)), (120, 180));
}
