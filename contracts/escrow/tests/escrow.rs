//! The escrow holds native value until the arbiter signs its release for the current block.

use baals_test::{Chain, GasSnapshot, Module};
use ed25519_dalek::{Signer, SigningKey};
use serde_json::json;

fn snapshot() -> GasSnapshot {
    GasSnapshot::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.gas-snapshot"))
}

#[test]
fn the_arbiter_releases_the_deposits_to_the_beneficiary() {
    let arbiter = SigningKey::from_bytes(&[7; 32]);
    let arbiter_key = arbiter.verifying_key().to_bytes();
    let mut chain = Chain::new();
    let (alice, bob) = (chain.account("alice"), chain.account("bob"));
    let escrow = Module::build(env!("CARGO_MANIFEST_DIR"));
    let id = chain.deploy(&escrow).sender(alice).encode(&(bob.0, arbiter_key)).run().success().contract_id();

    chain.fund(&alice, 500);
    let deposit = chain.call(id, "deposit").sender(alice).value(300).run().success();
    snapshot().record("deposit", deposit.gas_used);
    assert_eq!(deposit.event("deposit").unwrap().fields, Some(json!({"amount": 300})));
    assert_eq!(chain.query(id, "held").run().success().output::<u64>(), 300);

    // Signed for height 40, the release works at height 40 only.
    let message = [&b"release"[..], &id.0, &40u64.to_le_bytes()].concat();
    let signature = arbiter.sign(&message).to_bytes();
    chain.call(id, "release").encode(&(signature,)).height(39).run().reverted_with("not_signed_by_the_arbiter");
    let release = chain.call(id, "release").encode(&(signature,)).height(40).run().success();
    snapshot().record("release", release.gas_used);
    assert_eq!(release.event("released").unwrap().fields, Some(json!({"beneficiary": bob.to_hex(), "amount": 300})));
    assert_eq!((chain.balance(&bob), chain.balance(&alice)), (300, 200));
    // A signature is exactly 64 bytes: the ABI's input.
    chain.call(id, "release").input(vec![0; 63]).run().reverted_with("bad input: input cut short at byte 0");
}
