// The ABI encoding of values (docs/abi-json.md), for contracts in AssemblyScript: the same bytes
// as the engine's `baals-abi` crate and the Rust SDK's `baals_sdk::abi`.
//
//   u8..u64, i8..i64   little-endian, fixed width (wasm's own `store`/`load` order)
//   bool               one byte, 0 or 1
//   address            the 32 bytes
//   bytes, string      u32 length, then the bytes (a string's are UTF-8)
//   { "vec": T }       u32 count (writeLength/readLength(min bytes of a T)), then each element
//   { "array": T, "len": N }   each element, no count (writeRaw/readRaw for u8 arrays)
//   { "option": T }    byte 0 (writeNone); or byte 1 (writeSome), then the value; readOption
//   struct, inputs     each field in order
//
// `AbiWriter` builds the bytes; `AbiReader` reads them and aborts (the contract's `abort`, which
// reverts) with a message naming the byte offset on bytes that do not decode: a value cut short,
// a length prefix larger than what remains, a bool or option byte other than 0 and 1, a string
// that is not UTF-8, and, at `finish`, bytes left over. u128/i128 are not provided.

/** The most elements a `vec` of elements that encode to no bytes may hold. */
export const MAX_EMPTY_ELEMENTS: u32 = 65536;

/** Writes values in the ABI encoding into a growing buffer. Each write returns the writer. */
export class AbiWriter {
  private buffer: Uint8Array;
  private used: i32 = 0;

  constructor(capacity: i32 = 32) {
    this.buffer = new Uint8Array(capacity < 8 ? 8 : capacity);
  }

  /** The number of bytes written so far. */
  get length(): i32 {
    return this.used;
  }

  /** Makes room for `size` more bytes and returns where they go. */
  private reserve(size: i32): usize {
    if (size < 0) abort("abi: negative size");
    let needed = this.used + size;
    if (needed < this.used) abort("abi: value too large");
    if (needed > this.buffer.length) {
      let capacity = this.buffer.length << 1;
      if (capacity < needed) capacity = needed;
      let grown = new Uint8Array(capacity);
      memory.copy(grown.dataStart, this.buffer.dataStart, <usize>this.used);
      this.buffer = grown;
    }
    let at = this.buffer.dataStart + <usize>this.used;
    this.used = needed;
    return at;
  }

  writeU8(value: u8): AbiWriter {
    store<u8>(this.reserve(1), value);
    return this;
  }

  writeU16(value: u16): AbiWriter {
    store<u16>(this.reserve(2), value);
    return this;
  }

  writeU32(value: u32): AbiWriter {
    store<u32>(this.reserve(4), value);
    return this;
  }

  writeU64(value: u64): AbiWriter {
    store<u64>(this.reserve(8), value);
    return this;
  }

  writeI8(value: i8): AbiWriter {
    store<i8>(this.reserve(1), value);
    return this;
  }

  writeI16(value: i16): AbiWriter {
    store<i16>(this.reserve(2), value);
    return this;
  }

  writeI32(value: i32): AbiWriter {
    store<i32>(this.reserve(4), value);
    return this;
  }

  writeI64(value: i64): AbiWriter {
    store<i64>(this.reserve(8), value);
    return this;
  }

  writeBool(value: bool): AbiWriter {
    store<u8>(this.reserve(1), value ? 1 : 0);
    return this;
  }

  /** An `address`: exactly 32 bytes (aborts otherwise). */
  writeAddress(address: Uint8Array): AbiWriter {
    if (address.length != 32) abort("abi: an address is 32 bytes, not " + address.length.toString());
    return this.writeRaw(address);
  }

  /** Bytes with no length prefix: a fixed `{ "array": "u8", "len": N }`. */
  writeRaw(bytes: Uint8Array): AbiWriter {
    memory.copy(this.reserve(bytes.length), bytes.dataStart, <usize>bytes.length);
    return this;
  }

  /** A u32 length or count prefix: of a `vec`, before its elements. */
  writeLength(length: i32): AbiWriter {
    if (length < 0) abort("abi: negative length");
    return this.writeU32(<u32>length);
  }

  /** `bytes`: the u32 length, then the bytes. */
  writeBytes(bytes: Uint8Array): AbiWriter {
    return this.writeLength(bytes.length).writeRaw(bytes);
  }

  /** `string`: the u32 length, then the UTF-8 bytes (a lone surrogate becomes U+FFFD). */
  writeString(text: string): AbiWriter {
    let utf8 = Uint8Array.wrap(String.UTF8.encode(text, false, String.UTF8.ErrorMode.REPLACE));
    return this.writeBytes(utf8);
  }

  /** An `option` that is absent: byte 0. */
  writeNone(): AbiWriter {
    return this.writeU8(0);
  }

  /** An `option` that is present: byte 1; write the value next. */
  writeSome(): AbiWriter {
    return this.writeU8(1);
  }

  /** The bytes written (a copy). */
  finish(): Uint8Array {
    return this.buffer.slice(0, this.used);
  }
}

/** Reads values in the ABI encoding from the front of `bytes`; aborts on bytes that do not decode. */
export class AbiReader {
  private bytes: Uint8Array;
  private what: string;
  private at: i32 = 0;

  /** `what` names the bytes in error messages: `bad input: input cut short at byte 3`. */
  constructor(bytes: Uint8Array, what: string = "input") {
    this.bytes = bytes;
    this.what = what;
  }

  /** The offset of the next byte to read. */
  get offset(): i32 {
    return this.at;
  }

  /** The number of bytes not yet read. */
  get remaining(): i32 {
    return this.bytes.length - this.at;
  }

  private fail(kind: string, offset: i32): void {
    abort("bad " + this.what + ": " + kind + " at byte " + offset.toString());
  }

  /** Advances past the next `size` bytes and returns where they start in memory. */
  private take(size: i32): usize {
    if (size < 0 || size > this.remaining) this.fail("input cut short", this.at);
    let at = this.bytes.dataStart + <usize>this.at;
    this.at += size;
    return at;
  }

  readU8(): u8 {
    return load<u8>(this.take(1));
  }

  readU16(): u16 {
    return load<u16>(this.take(2));
  }

  readU32(): u32 {
    return load<u32>(this.take(4));
  }

  readU64(): u64 {
    return load<u64>(this.take(8));
  }

  readI8(): i8 {
    return load<i8>(this.take(1));
  }

  readI16(): i16 {
    return load<i16>(this.take(2));
  }

  readI32(): i32 {
    return load<i32>(this.take(4));
  }

  readI64(): i64 {
    return load<i64>(this.take(8));
  }

  readBool(): bool {
    let at = this.at;
    let byte = this.readU8();
    if (byte > 1) this.fail("bool byte " + byte.toString() + " is not 0 or 1", at);
    return byte == 1;
  }

  /** An `option`'s tag: whether a value follows (read it next). */
  readOption(): bool {
    let at = this.at;
    let byte = this.readU8();
    if (byte > 1) this.fail("option tag " + byte.toString() + " is not 0 or 1", at);
    return byte == 1;
  }

  /** `size` bytes with no length prefix (a fixed `{ "array": "u8", "len": N }`), copied. */
  readRaw(size: i32): Uint8Array {
    let start = this.at;
    this.take(size);
    return this.bytes.slice(start, start + size);
  }

  /** An `address`: 32 bytes. */
  readAddress(): Uint8Array {
    return this.readRaw(32);
  }

  /**
   * A u32 length or count prefix (of `bytes`, `string`, `vec`), refused before anything is
   * allocated for what it counts when that many items of at least `minLen` bytes each (1 for
   * bytes; 8 for a `vec` of u64, 4 for one of strings...) cannot fit in the bytes that remain.
   * Items of no size (`minLen` 0: empty structs, arrays of length 0) are at most 65,536.
   */
  readLength(minLen: i32 = 1): i32 {
    let at = this.at;
    let length = this.readU32();
    if (minLen <= 0) {
      if (length > MAX_EMPTY_ELEMENTS) {
        this.fail("count " + length.toString() + " of elements of no size is over " + MAX_EMPTY_ELEMENTS.toString(), at);
      }
    } else if (<u64>length * <u64>minLen > <u64>this.remaining) {
      this.fail("length " + length.toString() + " is larger than what remains", at);
    }
    return <i32>length;
  }

  /** `bytes`: the u32 length, then the bytes (copied). */
  readBytes(): Uint8Array {
    return this.readRaw(this.readLength());
  }

  /** `string`: the u32 length, then UTF-8 bytes (refused when not UTF-8). */
  readString(): string {
    let length = this.readLength();
    let start = this.at;
    let at = this.take(length);
    let bad = invalidUtf8(at, length);
    if (bad >= 0) this.fail("string is not UTF-8", start + bad);
    return String.UTF8.decodeUnsafe(at, <usize>length, false);
  }

  /** Ends the reading: aborts when bytes are left over. */
  finish(): void {
    if (this.remaining != 0) this.fail("trailing bytes", this.at);
  }
}

/** The offset of the first byte of `length` bytes at `ptr` that is not valid UTF-8, or -1. */
function invalidUtf8(ptr: usize, length: i32): i32 {
  let i = 0;
  while (i < length) {
    let b0 = <u32>load<u8>(ptr + <usize>i);
    if (b0 < 0x80) {
      i++;
      continue;
    }
    let size = 0;
    let min: u32 = 0;
    if ((b0 & 0xe0) == 0xc0) {
      size = 2;
      min = 0x80;
    } else if ((b0 & 0xf0) == 0xe0) {
      size = 3;
      min = 0x800;
    } else if ((b0 & 0xf8) == 0xf0) {
      size = 4;
      min = 0x10000;
    } else {
      return i;
    }
    let point = b0 & (0x7f >> size);
    for (let k = 1; k < size; k++) {
      if (i + k >= length) return i;
      let b = <u32>load<u8>(ptr + <usize>(i + k));
      if ((b & 0xc0) != 0x80) return i;
      point = (point << 6) | (b & 0x3f);
    }
    // Overlong forms, surrogates and points past U+10FFFF are not UTF-8.
    if (point < min || (point >= 0xd800 && point < 0xe000) || point > 0x10ffff) return i;
    i += size;
  }
  return -1;
}
