/work/main/contracts/target/wasm32-unknown-unknown/release/deps/escrow.d: escrow/src/lib.rs

/work/main/contracts/target/wasm32-unknown-unknown/release/deps/escrow.wasm: escrow/src/lib.rs

escrow/src/lib.rs:
