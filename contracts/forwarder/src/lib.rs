//! Calls another contract: pays tokens out of its own token balance.
//!
//! - `pay(token: [u8; 32], to: [u8; 32], amount: u64 LE)`: calls `token.transfer(to, amount)`
//!   as itself; reverts with the token's reason if it fails.
//!
//! Its ABI is `abi.json`, embedded in the module.
#![no_std]

use baals_sdk::{call, input, read_address, read_u64, revert, set_output};

/// The ABI (`abi.json`, `docs/abi-json.md`), in the module as its `baals.abi` custom section.
/// On wasm32 a static with a link section becomes that custom section whether or not anything
/// uses it (`strip` keeps it); no `#[used]`, which would also copy the JSON into the data segment.
#[allow(dead_code)]
#[unsafe(link_section = "baals.abi")]
static ABI: [u8; include_bytes!("../abi.json").len()] = *include_bytes!("../abi.json");

#[unsafe(no_mangle)]
pub extern "C" fn pay() {
    let input = input();
    let token = read_address(&input, 0);
    let payload = &input[32..];
    read_u64(payload, 32);
    match call(&token, "transfer", payload, 0) {
        Ok(output) => set_output(&output),
        Err(reason) => revert(&reason),
    }
}
