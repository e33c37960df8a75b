// A counter contract in AssemblyScript, against host ABI v1 (docs/abi.md).
//
//   increment(): adds one to the u64 stored under "count", emits `count` with the new value,
//                and returns it (8 bytes, little-endian).
//   get():       returns the count.
//
// Its ABI is ../abi.json (docs/abi-json.md), which the build embeds as the module's `baals.abi`
// custom section (../embed-abi.mjs); values are encoded with ./abi.ts. Neither method reads its
// input.

import { AbiReader, AbiWriter } from "./abi";

@external("env", "baals_storage_read")
declare function storage_read(keyPtr: usize, keyLen: u32, valuePtr: usize, valueCap: u32): i32;
@external("env", "baals_storage_write")
declare function storage_write(keyPtr: usize, keyLen: u32, valuePtr: usize, valueLen: u32): void;
@external("env", "baals_set_return_data")
declare function set_return_data(ptr: usize, len: u32): void;
@external("env", "baals_emit_event")
declare function emit_event(topicPtr: usize, topicLen: u32, dataPtr: usize, dataLen: u32): void;
@external("env", "baals_revert")
declare function revert(msgPtr: usize, msgLen: u32): void;

// A failed check (the compiler's, or abi.ts's on bytes that do not decode) ends the call as
// reverted with `aborted: ` and the message (no foreign `env.abort` import). The message goes
// from UTF-16 to UTF-8 in a fixed buffer: nothing is allocated, since allocating may be what
// failed. Longer messages are cut at a character boundary. It comes first: asc refuses a global
// used by code compiled before the global's declaration.
const ABORTED: usize = memory.data<u8>([97, 98, 111, 114, 116, 101, 100]);
const MESSAGE_CAP: u32 = 256;
const MESSAGE: usize = memory.data(256);

function onAbort(message: string | null = null, fileName: string | null = null, line: u32 = 0, column: u32 = 0): void {
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
  revert(MESSAGE, len);
  unreachable();
}

// "count": the storage key and the event's topic.
const KEY: usize = memory.data<u8>([99, 111, 117, 110, 116]);
const KEY_LEN: u32 = 5;

// The count, stored as its ABI encoding (a u64: 8 bytes, little-endian); 0 when there is none.
function count(): u64 {
  let stored = new Uint8Array(8);
  if (storage_read(KEY, KEY_LEN, stored.dataStart, 8) != 8) return 0;
  let reader = new AbiReader(stored, "stored count");
  let value = reader.readU64();
  reader.finish();
  return value;
}

// The method's output: the ABI encoding of `value`.
function output(value: Uint8Array): void {
  set_return_data(value.dataStart, value.length);
}

export function increment(): void {
  let value = new AbiWriter(8).writeU64(count() + 1).finish();
  storage_write(KEY, KEY_LEN, value.dataStart, value.length);
  // The event `count`: fields [count: u64].
  emit_event(KEY, KEY_LEN, value.dataStart, value.length);
  output(value);
}

export function get(): void {
  output(new AbiWriter(8).writeU64(count()).finish());
}
