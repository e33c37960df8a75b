// Checks assembly/abi.ts against the encoding of docs/abi-json.md, bytes built by hand here:
// round trips, and each refusal with the message (the Rust SDK's `args` words them the same).
// Run by `npm test`, after asc has built build/abi-test.wasm from test/abi.ts.

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
let memory;
let aborted;
const { instance } = await WebAssembly.instantiate(readFileSync(join(here, "../build/abi-test.wasm")), {
  env: {
    abort(message) {
      const length = new Uint32Array(memory.buffer, message - 4, 1)[0];
      aborted = Buffer.from(new Uint8Array(memory.buffer, message, length)).toString("utf16le");
      throw new Error("aborted");
    },
  },
});
const exports = instance.exports;
memory = exports.memory;

function call(method, bytes) {
  aborted = null;
  new Uint8Array(memory.buffer).set(bytes, exports.alloc(bytes.length));
  try {
    exports[method]();
  } catch (error) {
    if (aborted === null) throw error;
    return { error: aborted };
  }
  return { output: Buffer.from(new Uint8Array(memory.buffer, exports.outputPtr(), exports.outputLen())).toString("hex") };
}

const u32 = (n) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};
const bytes = (...parts) => Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p) : Buffer.from(p))));

// Offsets: u8 0, u16 1, u32 3, u64 7, i8 15, i16 16, i32 18, i64 22, bool 30, address 31,
// bytes 63 (length) 67, string 69 (length) 73, option 79, u32 80, vec 84 (count) 88, array 92.
const every = bytes(
  [0xab], [0x34, 0x12], u32(0x12345678), [0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
  [0x80], [0xfe, 0xff], [0, 0, 0, 0x80], [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
  [1], Buffer.alloc(32, 7), u32(2), [9, 8], u32(6), "héllo",
  [1], u32(5), u32(2), [1, 0, 2, 0], [4, 5, 6],
);
const patched = (offset, patch) => {
  const b = Buffer.from(every);
  Buffer.from(patch).copy(b, offset);
  return b;
};
const string = (content) => call("string", bytes(u32(content.length), content));

const cases = [
  ["every type round-trips", call("everyType", every), { output: every.toString("hex") }],
  ["an option that is absent",
    call("everyType", bytes(every.subarray(0, 79), [0], every.subarray(84))),
    { output: bytes(every.subarray(0, 79), [0], every.subarray(84)).toString("hex") }],
  ["empty input", call("everyType", []), { error: "bad input: input cut short at byte 0" }],
  ["cut inside a u64", call("everyType", every.subarray(0, 10)), { error: "bad input: input cut short at byte 7" }],
  ["bytes left over", call("everyType", bytes(every, [0])), { error: "bad input: trailing bytes at byte 95" }],
  ["a bool of 2", call("everyType", patched(30, [2])), { error: "bad input: bool byte 2 is not 0 or 1 at byte 30" }],
  ["an option tag of 7", call("everyType", patched(79, [7])), { error: "bad input: option tag 7 is not 0 or 1 at byte 79" }],
  ["a bytes length past the end", call("everyType", patched(63, [0xff, 0xff, 0xff, 0xff])),
    { error: "bad input: length 4294967295 is larger than what remains at byte 63" }],
  ["a vec count past the end", call("everyType", patched(84, [200, 0, 0, 0])),
    { error: "bad input: length 200 is larger than what remains at byte 84" }],
  ["a vec<u16> count that 2-byte elements cannot fill", call("everyType", patched(84, [4, 0, 0, 0])),
    { error: "bad input: length 4 is larger than what remains at byte 84" }],
  ["counts that fit", call("counts", bytes(u32(1), Buffer.alloc(8), u32(65536))), { output: bytes(u32(1), u32(65536)).toString("hex") }],
  ["a vec<u64> count past the end", call("counts", bytes(u32(2), Buffer.alloc(11), u32(0))),
    { error: "bad input: length 2 is larger than what remains at byte 0" }],
  ["too many elements of no size", call("counts", bytes(u32(0), u32(65537))),
    { error: "bad input: count 65537 of elements of no size is over 65536 at byte 4" }],
  ["a string that is not UTF-8", call("everyType", patched(74, [0xff])), { error: "bad input: string is not UTF-8 at byte 74" }],
  ["UTF-8 up to 4 bytes a character", string(Buffer.from("a€😀")), { output: bytes(u32(8), "a€😀", u32(4)).toString("hex") }],
  ["U+10FFFF", string([0xf4, 0x8f, 0xbf, 0xbf]), { output: bytes(u32(4), [0xf4, 0x8f, 0xbf, 0xbf], u32(2)).toString("hex") }],
  ["an overlong form", string([0x61, 0xc0, 0x80]), { error: "bad name: string is not UTF-8 at byte 5" }],
  ["a surrogate", string([0xed, 0xa0, 0x80]), { error: "bad name: string is not UTF-8 at byte 4" }],
  ["past U+10FFFF", string([0xf4, 0x90, 0x80, 0x80]), { error: "bad name: string is not UTF-8 at byte 4" }],
  ["a character cut by the length", string([0x61, 0x62, 0xe2, 0x82]), { error: "bad name: string is not UTF-8 at byte 6" }],
  ["a bad continuation byte", string([0xe2, 0x28, 0xa1]), { error: "bad name: string is not UTF-8 at byte 4" }],
  ["a lone surrogate is written as U+FFFD", call("loneSurrogate", []), { output: bytes(u32(5), "a\ufffdb").toString("hex") }],
];
let failed = 0;
for (const [name, got, want] of cases) {
  const ok = JSON.stringify(got) === JSON.stringify(want);
  if (!ok) failed++;
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${ok ? "" : `: ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`}`);
}
let uncut = 0;
for (let end = 0; end < every.length; end++) if (!call("everyType", every.subarray(0, end)).error) uncut++;
if (uncut) failed++;
console.log(`${uncut ? "FAIL" : "ok  "} every proper prefix is refused`);
console.log(failed ? `${failed} failed` : "all passed");
process.exit(failed ? 1 : 0);
