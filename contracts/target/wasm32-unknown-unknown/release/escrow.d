/work/main/contracts/target/wasm32-unknown-unknown/release/escrow.wasm: /work/main/contracts/escrow/src/lib.rs /work/main/sdk/src/lib.rs
