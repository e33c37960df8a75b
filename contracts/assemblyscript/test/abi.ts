// A module for test/abi.test.mjs (`npm test`): assembly/abi.ts's reader and writer, driven from
// Node. `abort` is Node's: it records the message.

import { AbiReader, AbiWriter } from "../assembly/abi";

let input: Uint8Array = new Uint8Array(0);
let output: Uint8Array = new Uint8Array(0);

/** Room for `length` bytes of input; Node writes them there. */
export function alloc(length: i32): usize {
  input = new Uint8Array(length);
  return input.dataStart;
}

export function outputPtr(): usize {
  return output.dataStart;
}

export function outputLen(): i32 {
  return output.length;
}

/**
 * Reads [u8, u16, u32, u64, i8, i16, i32, i64, bool, address, bytes, string, option<u32>,
 * vec<u16>, array<u8, 3>] from the input and writes them back: the output must be the input.
 */
export function everyType(): void {
  let r = new AbiReader(input);
  let w = new AbiWriter(1);
  w.writeU8(r.readU8()).writeU16(r.readU16()).writeU32(r.readU32()).writeU64(r.readU64());
  w.writeI8(r.readI8()).writeI16(r.readI16()).writeI32(r.readI32()).writeI64(r.readI64());
  w.writeBool(r.readBool()).writeAddress(r.readAddress()).writeBytes(r.readBytes()).writeString(r.readString());
  if (r.readOption()) w.writeSome().writeU32(r.readU32());
  else w.writeNone();
  let count = r.readLength(2);
  w.writeLength(count);
  for (let i = 0; i < count; i++) w.writeU16(r.readU16());
  w.writeRaw(r.readRaw(3));
  r.finish();
  output = w.finish();
}

/** Reads a string (named `name` in errors); writes it back, then its length in UTF-16 units. */
export function string(): void {
  let r = new AbiReader(input, "name");
  let text = r.readString();
  r.finish();
  output = new AbiWriter().writeString(text).writeU32(text.length).finish();
}

/** Writes "a", a lone surrogate, "b": valid UTF-8, with U+FFFD for the surrogate. */
export function loneSurrogate(): void {
  output = new AbiWriter().writeString("a" + String.fromCharCode(0xd800) + "b").finish();
}

/** Reads a vec<u64> count (elements of 8 bytes), then a vec of empty structs' count. */
export function counts(): void {
  let r = new AbiReader(input);
  let wide = r.readLength(8);
  for (let i = 0; i < wide; i++) r.readU64();
  let empty = r.readLength(0);
  r.finish();
  output = new AbiWriter().writeU32(<u32>wide).writeU32(<u32>empty).finish();
}
