// Host ABI v1 (docs/abi.md) for contracts in AssemblyScript, and what the code that
// `baals-transform.mjs` generates for `@call`, `@query`, `@payable` and `@event` calls.

import { AbiWriter } from "./abi";

/** A 32-byte address: an account or a contract (`address` in the ABI). */
export type Address = Uint8Array;

@external("env", "baals_storage_read")
declare function storage_read(keyPtr: usize, keyLen: u32, valuePtr: usize, valueCap: u32): i32;
@external("env", "baals_storage_write")
declare function storage_write(keyPtr: usize, keyLen: u32, valuePtr: usize, valueLen: u32): void;
@external("env", "baals_get_input_data")
declare function get_input_data(ptr: usize, cap: u32): i32;
@external("env", "baals_set_return_data")
declare function set_return_data(ptr: usize, len: u32): void;
@external("env", "baals_get_value")
declare function get_value(): i64;
@external("env", "baals_emit_event")
declare function emit_event(topicPtr: usize, topicLen: u32, dataPtr: usize, dataLen: u32): void;
@external("env", "baals_revert")
declare function baals_revert(msgPtr: usize, msgLen: u32): void;

// A failed check (the compiler's, or abi.ts's on bytes that do not decode) ends the call as
// reverted with `aborted: ` and the message (no foreign `env.abort` import). The message goes
// from UTF-16 to UTF-8 in a fixed buffer: nothing is allocated, since allocating may be what
// failed. Longer messages are cut at a character boundary. It comes first: asc refuses a global
// used by code compiled before the global's declaration.
const ABORTED: usize = memory.data<u8>([97, 98, 111, 114, 116, 101, 100]);
const MESSAGE_CAP: u32 = 256;
const MESSAGE: usize = memory.data(256);

export function onAbort(message: string | null = null, fileName: string | null = null, line: u32 = 0, column: u32 = 0): void {
  memory.copy(MESSAGE, ABORTED, 7);
  let len: u32 = 7;
  if (message !== null) {
    store<u8>(MESSAGE + len, 58); // ':'
    store<u8>(MESSAGE + len + 1, 32); // ' '
    len += 2;
    let text = message;
    let units = text.length;
    for (let i = 0; i < units && len + 4 <= MESSAGE_CAP; i++) {
      let c = <u32>text.charCodeAt(i);
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < units) {
        let low = <u32>text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low < 0xe000) {
          c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
          i++;
        }
      }
      if (c >= 0xd800 && c < 0xe000) c = 0xfffd;
      let at = MESSAGE + len;
      if (c < 0x80) {
        store<u8>(at, c);
        len += 1;
      } else if (c < 0x800) {
        store<u8>(at, 0xc0 | (c >> 6));
        store<u8>(at, 0x80 | (c & 0x3f), 1);
        len += 2;
      } else if (c < 0x10000) {
        store<u8>(at, 0xe0 | (c >> 12));
        store<u8>(at, 0x80 | ((c >> 6) & 0x3f), 1);
        store<u8>(at, 0x80 | (c & 0x3f), 2);
        len += 3;
      } else {
        store<u8>(at, 0xf0 | (c >> 18));
        store<u8>(at, 0x80 | ((c >> 12) & 0x3f), 1);
        store<u8>(at, 0x80 | ((c >> 6) & 0x3f), 2);
        store<u8>(at, 0x80 | (c & 0x3f), 3);
        len += 4;
      }
    }
  }
  baals_revert(MESSAGE, len);
  unreachable();
}

/** The value stored under `key`, or `null`. */
export function storageRead(key: Uint8Array): Uint8Array | null {
  let value = new Uint8Array(64);
  let length = storage_read(key.dataStart, key.length, value.dataStart, value.length);
  if (length < 0) return null;
  if (length > value.length) {
    value = new Uint8Array(length);
    storage_read(key.dataStart, key.length, value.dataStart, value.length);
  }
  return value.subarray(0, length);
}

/** Stores `value` under `key`. */
export function storageWrite(key: Uint8Array, value: Uint8Array): void {
  storage_write(key.dataStart, key.length, value.dataStart, value.length);
}

/** The call's input. */
export function input(): Uint8Array {
  let bytes = new Uint8Array(64);
  let length = get_input_data(bytes.dataStart, bytes.length);
  if (length > bytes.length) {
    bytes = new Uint8Array(length);
    get_input_data(bytes.dataStart, bytes.length);
  }
  return bytes.subarray(0, length < 0 ? 0 : length);
}

/** Sets the call's output. */
export function output(bytes: Uint8Array): void {
  set_return_data(bytes.dataStart, bytes.length);
}

/** The native value sent with the call. */
export function value(): u64 {
  return <u64>get_value();
}

/** Ends the call as reverted with `message`: nothing it did stays. */
export function revert(message: string): void {
  let bytes = Uint8Array.wrap(String.UTF8.encode(message));
  baals_revert(bytes.dataStart, bytes.length);
  unreachable();
}

/** Reverts unless the call came without value: what a method that is not `@payable` does. */
export function refuseValue(): void {
  if (get_value() != 0) revert("method is not payable");
}

/** Emits an event: its topic, and its data (the encoded fields). */
export function emit(topic: string, data: Uint8Array): void {
  let bytes = Uint8Array.wrap(String.UTF8.encode(topic));
  emit_event(bytes.dataStart, bytes.length, data.dataStart, data.length);
}

/** A writer for an event's data or a method's output. */
export function writer(): AbiWriter {
  return new AbiWriter(32);
}
