//! What a module's prices per call and per deployment are computed from, read from its bytes
//! without validating or compiling it: the sections that hold them are read, the rest
//! skipped. Both engines and the deployment path take them from here, so they agree.

use wasmparser::{Parser, Payload};

/// How many functions `wasm` defines (imports not counted): the count of its function
/// section, which a deployment pays `deploy.per-function` for. `None` if the bytes do not
/// parse that far.
pub fn defined_functions(wasm: &[u8]) -> Option<u64> {
    for payload in Parser::new(0).parse_all(wasm) {
        match payload.ok()? {
            Payload::FunctionSection(section) => return Some(u64::from(section.count())),
            Payload::CodeSectionStart { .. } | Payload::End(_) => return Some(0),
            _ => {}
        }
    }
    Some(0)
}

/// The pages the memory `wasm` defines starts with (the largest, were there several; 0
/// without one): every page a call can touch without growing it, which a call pays
/// `memory.grow-page-cost` for before it runs. A memory it imports is not counted: whoever
/// provides it made its pages (contracts import none; wasmtime counts the same way). `None`
/// if the bytes do not parse that far.
pub fn initial_pages(wasm: &[u8]) -> Option<u64> {
    let mut pages = 0u64;
    for payload in Parser::new(0).parse_all(wasm) {
        match payload.ok()? {
            Payload::MemorySection(section) => {
                for memory in section {
                    pages = pages.max(memory.ok()?.initial);
                }
            }
            Payload::CodeSectionStart { .. } | Payload::End(_) => return Some(pages),
            _ => {}
        }
    }
    Some(pages)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_defined_functions_and_initial_pages() {
        let wasm = wat::parse_str(
            r#"(module (import "env" "f" (func)) (import "env" "m" (memory 5)) (memory 17 100) (func) (func (result i32) i32.const 0))"#,
        )
        .unwrap();
        assert_eq!(defined_functions(&wasm), Some(2));
        assert_eq!(initial_pages(&wasm), Some(17));
        let empty = wat::parse_str("(module)").unwrap();
        assert_eq!((defined_functions(&empty), initial_pages(&empty)), (Some(0), Some(0)));
        assert_eq!(initial_pages(b"\0asm\x01\0\0\0\x05\x03\x01\x00"), None);
    }
}
