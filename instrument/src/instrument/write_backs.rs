//! The write-backs that only traps read, and the copy of a module without them.
//!
//! Under exact trap gas (`docs/gas.md`, "Traps") a metering block that can trap writes its
//! charge back to the gas global, so that the host reads what a trap used. Nothing else reads
//! those writes: a call that does not trap runs the same without them. The instrumenter lists
//! them in a custom section; [`without_trap_write_backs`] makes the copy the host runs every
//! call on, and a call that traps on the copy is run again on the module itself
//! (`docs/runtime.md`, "Traps run twice").
//!
//! Each write-back is `local.tee g` (or `local.get g`) then `global.set G`, with `g` the gas
//! local and `G` the gas global. The copy turns `local.tee g` into `local.set g` and the rest
//! into `nop`s: every byte keeps its offset, every charge its constant, so the copy charges
//! exactly what the module charges on every path that does not trap.

use wasm_encoder::Encode;
use wasmparser::{BinaryReader, ExternalKind, Parser, Payload};

use super::GAS_GLOBAL;

/// The custom section listing the trap-only write-backs: a count of entries, then per entry
/// the body's index in the code section, a count of offsets and the offsets (from the start
/// of the body's contents, after its size), each as the distance from the one before, all
/// unsigned LEB128. Absent when the module has none.
pub const TRAP_WRITE_BACKS_SECTION: &str = "baals.trap_write_backs";

const LOCAL_GET: u8 = 0x20;
const LOCAL_SET: u8 = 0x21;
const LOCAL_TEE: u8 = 0x22;
const GLOBAL_SET: u8 = 0x24;
const NOP: u8 = 0x01;

/// Why [`without_trap_write_backs`] could not make the copy: the module is not what the
/// instrumenter wrote.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum WriteBacksError {
    /// The module, or the section, does not decode.
    #[error("the module does not decode at offset {offset}: {message}")]
    Malformed {
        /// Where decoding failed.
        offset: usize,
        /// wasmparser's reason.
        message: String,
    },
    /// The module exports no gas counter.
    #[error("the module exports no `{GAS_GLOBAL}` global")]
    NoGasCounter,
    /// The section names a body the code section does not have.
    #[error("`{TRAP_WRITE_BACKS_SECTION}` names body {body}, past the code section's last")]
    NoSuchBody {
        /// The body's index in the code section.
        body: u32,
    },
    /// The bytes at a listed offset are not a write-back of the gas counter.
    #[error("body {body}, offset {offset}: not a write-back of the gas counter")]
    NotAWriteBack {
        /// The body's index in the code section.
        body: u32,
        /// The offset in the module.
        offset: usize,
    },
}

impl From<wasmparser::BinaryReaderError> for WriteBacksError {
    fn from(error: wasmparser::BinaryReaderError) -> WriteBacksError {
        WriteBacksError::Malformed { offset: error.offset(), message: crate::error::one_line(error.message()) }
    }
}

/// The section's bytes (its name, then its contents) for the write-backs of each body, in
/// code section order; `None` if there are none.
pub(crate) fn encode_section(bodies: &[Vec<u32>]) -> Option<Vec<u8>> {
    let entries = bodies.iter().filter(|offsets| !offsets.is_empty()).count() as u32;
    if entries == 0 {
        return None;
    }
    let mut section = Vec::new();
    TRAP_WRITE_BACKS_SECTION.encode(&mut section);
    entries.encode(&mut section);
    for (body, offsets) in bodies.iter().enumerate().filter(|(_, offsets)| !offsets.is_empty()) {
        (body as u32).encode(&mut section);
        (offsets.len() as u32).encode(&mut section);
        let mut previous = 0;
        for &offset in offsets {
            (offset - previous).encode(&mut section);
            previous = offset;
        }
    }
    Some(section)
}

/// The copy of an instrumented module without its trap-only write-backs, or `None` if it has
/// none (a module instrumented under `trap = "limit"`, or whose blocks never write back for a
/// trap alone): the module itself is then what to run.
///
/// The copy charges what the module charges on every path that does not trap, and traps
/// where the module traps; only the gas global it leaves after a trap is stale. Every listed
/// offset is checked to hold a write-back of the gas counter, so a module that was not
/// written by the instrumenter is refused rather than patched.
pub fn without_trap_write_backs(wasm: &[u8]) -> Result<Option<Vec<u8>>, WriteBacksError> {
    let mut gas_global = None;
    let mut section = None;
    let mut bodies = Vec::new();
    for payload in Parser::new(0).parse_all(wasm) {
        match payload? {
            Payload::ExportSection(reader) => {
                for export in reader {
                    let export = export?;
                    if export.kind == ExternalKind::Global && export.name == GAS_GLOBAL {
                        gas_global = Some(export.index);
                    }
                }
            }
            Payload::CodeSectionEntry(body) => bodies.push(body.range()),
            Payload::CustomSection(custom) if custom.name() == TRAP_WRITE_BACKS_SECTION => {
                // The instrumenter writes one, and refuses input that carries any.
                if section.is_some() {
                    return Err(WriteBacksError::Malformed {
                        offset: custom.data_offset(),
                        message: format!("a second `{TRAP_WRITE_BACKS_SECTION}` section"),
                    });
                }
                section = Some((custom.data(), custom.data_offset()));
            }
            _ => {}
        }
    }
    let Some((data, offset)) = section else { return Ok(None) };
    let gas_global = gas_global.ok_or(WriteBacksError::NoGasCounter)?;
    let mut copy = wasm.to_vec();
    let mut reader = BinaryReader::new(data, offset);
    for _ in 0..reader.read_var_u32()? {
        let body = reader.read_var_u32()?;
        let range = bodies.get(body as usize).ok_or(WriteBacksError::NoSuchBody { body })?;
        let mut at = range.start;
        for _ in 0..reader.read_var_u32()? {
            at = at.saturating_add(reader.read_var_u32()? as usize);
            let not_a_write_back = WriteBacksError::NotAWriteBack { body, offset: at };
            if at >= range.end {
                return Err(not_a_write_back);
            }
            strip(&mut copy[at..range.end], gas_global).ok_or(not_a_write_back)?;
        }
    }
    if !reader.eof() {
        return Err(WriteBacksError::Malformed {
            offset: reader.original_position(),
            message: format!("unexpected bytes at the end of `{TRAP_WRITE_BACKS_SECTION}`"),
        });
    }
    Ok(Some(copy))
}

/// Turns the write-back at the start of `code` into `local.set` and `nop`s; `None` if it is
/// not one of `gas_global`.
fn strip(code: &mut [u8], gas_global: u32) -> Option<()> {
    let opcode = *code.first()?;
    if opcode != LOCAL_TEE && opcode != LOCAL_GET {
        return None;
    }
    let local_end = 1 + leb_length(code.get(1..)?)?;
    if *code.get(local_end)? != GLOBAL_SET {
        return None;
    }
    let global_bytes = code.get(local_end + 1..)?;
    let global_end = local_end + 1 + leb_length(global_bytes)?;
    let mut global = BinaryReader::new(global_bytes, 0);
    if global.read_var_u32().ok()? != gas_global {
        return None;
    }
    // `local.tee g; global.set G` leaves the stack as `local.set g` does; `local.get g;
    // global.set G` as nothing does.
    let kept = if opcode == LOCAL_TEE {
        code[0] = LOCAL_SET;
        local_end
    } else {
        0
    };
    code[kept..global_end].fill(NOP);
    Some(())
}

/// The length of the unsigned LEB128 at the start of `bytes` (at most 5 bytes for a u32).
fn leb_length(bytes: &[u8]) -> Option<usize> {
    bytes.iter().take(5).position(|byte| byte & 0x80 == 0).map(|last| last + 1)
}

#[cfg(test)]
mod tests {
    use baals_policy::Policy;

    use super::*;
    use crate::instrument;

    /// A load after a `br_if`: its block can trap and nothing in it calls or leaves, so its
    /// write-back is only a trap's.
    const LOAD: &str = r#"(module
        (memory (export "memory") 1)
        (func (export "load") (local i32)
          (local.set 0 (i32.const 65536))
          (block (br_if 0 (i32.eqz (local.get 0))) (drop (i32.load (local.get 0))))))"#;

    fn instrumented(policy: &Policy) -> Vec<u8> {
        instrument(&wat::parse_str(LOAD).unwrap(), policy).unwrap().wasm
    }

    #[test]
    fn the_copy_differs_only_by_its_write_backs_and_validates() {
        let stored = instrumented(&Policy::default_policy());
        let copy = without_trap_write_backs(&stored).unwrap().expect("one trap-only write-back");
        assert_eq!(copy.len(), stored.len());
        let changed: Vec<(u8, u8)> = stored.iter().zip(&copy).filter(|(a, b)| a != b).map(|(&a, &b)| (a, b)).collect();
        // `local.tee` became `local.set`, and `global.set` with its one-byte index two `nop`s.
        assert_eq!(changed, [(LOCAL_TEE, LOCAL_SET), (GLOBAL_SET, NOP), (changed[2].0, NOP)]);
        wasmparser::Validator::new().validate_all(&copy).expect("the copy validates");
    }

    #[test]
    fn code_instrumented_for_traps_that_use_the_limit_has_no_copy() {
        let text = baals_policy::DEFAULT_POLICY_TOML.replace("trap = \"exact\"", "trap = \"limit\"");
        let limit = Policy::from_toml(&text).unwrap();
        assert_eq!(without_trap_write_backs(&instrumented(&limit)), Ok(None));
    }

    #[test]
    fn a_site_that_is_not_a_write_back_is_refused() {
        let stored = instrumented(&Policy::default_policy());
        let copy = without_trap_write_backs(&stored).unwrap().unwrap();
        let site = stored.iter().zip(&copy).position(|(a, b)| a != b).unwrap();
        let mut tampered = stored.clone();
        tampered[site] = NOP;
        assert!(matches!(without_trap_write_backs(&tampered), Err(WriteBacksError::NotAWriteBack { body: 0, .. })));
    }
}
