// A counter contract in AssemblyScript, against host ABI v1 (docs/abi.md).
//
//   increment(): adds one to the u64 stored under "count", emits `count` with the new value,
//                and returns it (8 bytes, little-endian).
//   get():       returns the count.

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

// "count"
const KEY: usize = memory.data<u8>([99, 111, 117, 110, 116]);
const KEY_LEN: u32 = 5;
const VALUE: usize = memory.data(8);

function count(): u64 {
  return storage_read(KEY, KEY_LEN, VALUE, 8) == 8 ? load<u64>(VALUE) : 0;
}

export function increment(): void {
  store<u64>(VALUE, count() + 1);
  storage_write(KEY, KEY_LEN, VALUE, 8);
  emit_event(KEY, KEY_LEN, VALUE, 8);
  set_return_data(VALUE, 8);
}

export function get(): void {
  store<u64>(VALUE, count());
  set_return_data(VALUE, 8);
}

// The compiler's failed checks end the call as reverted (no foreign `env.abort` import).
const ABORTED: usize = memory.data<u8>([97, 98, 111, 114, 116, 101, 100]);

function onAbort(message: usize, fileName: usize, line: u32, column: u32): void {
  revert(ABORTED, 7);
  unreachable();
}
