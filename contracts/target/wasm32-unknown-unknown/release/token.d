/work/main/contracts/target/wasm32-unknown-unknown/release/token.wasm: /work/main/contracts/token/src/lib.rs /work/main/sdk/src/lib.rs
