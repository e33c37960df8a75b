/work/main/contracts/target/wasm32-unknown-unknown/release/forwarder.wasm: /work/main/contracts/forwarder/src/lib.rs /work/main/sdk/src/lib.rs
