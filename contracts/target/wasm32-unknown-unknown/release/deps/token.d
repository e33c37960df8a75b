/work/main/contracts/target/wasm32-unknown-unknown/release/deps/token.d: token/src/lib.rs

/work/main/contracts/target/wasm32-unknown-unknown/release/deps/token.wasm: token/src/lib.rs

token/src/lib.rs:
