/work/main/contracts/target/wasm32-unknown-unknown/release/deps/forwarder.d: forwarder/src/lib.rs

/work/main/contracts/target/wasm32-unknown-unknown/release/deps/forwarder.wasm: forwarder/src/lib.rs

forwarder/src/lib.rs:
