// A counter contract in AssemblyScript, against host ABI v1 (docs/abi.md).
//
// Its methods are typed functions marked `@call` or `@query`; its event is a class marked
// `@event`. The build's transform (../baals-transform.mjs) turns each method into the export
// host ABI v1 wants (`[] -> []`: it decodes the input, calls the function, encodes what it
// returns), gives each event an `emit()`, and writes the ABI (docs/abi-json.md) from these
// declarations, which the build embeds as the module's `baals.abi` section.

import { AbiReader, AbiWriter } from "./abi";
import { storageRead, storageWrite } from "./baals";

// "count": the storage key.
const KEY = Uint8Array.wrap(String.UTF8.encode("count"));

/** The count went up. */
@event
class Count {
  count: u64;

  constructor(count: u64) {
    this.count = count;
  }
}

// The count, stored as its ABI encoding (a u64: 8 bytes, little-endian); 0 when there is none.
function count(): u64 {
  let stored = storageRead(KEY);
  if (stored === null) return 0;
  let reader = new AbiReader(stored, "stored count");
  let value = reader.readU64();
  reader.finish();
  return value;
}

/** Adds one to the count, says so, and returns it. */
@call
export function increment(): u64 {
  let value = count() + 1;
  storageWrite(KEY, new AbiWriter(8).writeU64(value).finish());
  new Count(value).emit();
  return value;
}

/** The count. */
@query
export function get(): u64 {
  return count();
}
