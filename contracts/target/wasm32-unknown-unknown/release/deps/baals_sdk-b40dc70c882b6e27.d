/work/main/contracts/target/wasm32-unknown-unknown/release/deps/baals_sdk-b40dc70c882b6e27.d: /work/main/sdk/src/lib.rs

/work/main/contracts/target/wasm32-unknown-unknown/release/deps/libbaals_sdk-b40dc70c882b6e27.rlib: /work/main/sdk/src/lib.rs

/work/main/contracts/target/wasm32-unknown-unknown/release/deps/libbaals_sdk-b40dc70c882b6e27.rmeta: /work/main/sdk/src/lib.rs

/work/main/sdk/src/lib.rs:
