//! CPU-bound kernels, one export each, every one doing real integer work inside one call.
//! Each takes an iteration count and returns a checksum so that nothing is optimised away.
//! No floats: the production policy refuses them.
#![no_std]

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}

static mut BUFFER: [u8; 1 << 16] = [0; 1 << 16];

fn buffer() -> &'static mut [u8; 1 << 16] {
    // Single-threaded wasm: one kernel runs at a time.
    unsafe { &mut *core::ptr::addr_of_mut!(BUFFER) }
}

const K: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

fn compress(state: &mut [u32; 8], block: &[u8]) {
    let mut w = [0u32; 64];
    for i in 0..16 {
        w[i] = u32::from_be_bytes([block[4 * i], block[4 * i + 1], block[4 * i + 2], block[4 * i + 3]]);
    }
    for i in 16..64 {
        let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
        let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
    }
    let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut h] = *state;
    for i in 0..64 {
        let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
        let ch = (e & f) ^ (!e & g);
        let t1 = h.wrapping_add(s1).wrapping_add(ch).wrapping_add(K[i]).wrapping_add(w[i]);
        let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
        let maj = (a & b) ^ (a & c) ^ (b & c);
        let t2 = s0.wrapping_add(maj);
        h = g;
        g = f;
        f = e;
        e = d.wrapping_add(t1);
        d = c;
        c = b;
        b = a;
        a = t1.wrapping_add(t2);
    }
    for (s, v) in state.iter_mut().zip([a, b, c, d, e, f, g, h]) {
        *s = s.wrapping_add(v);
    }
}

/// sha256 over `kib` KiB of generated data.
#[unsafe(no_mangle)]
pub extern "C" fn sha256(kib: u32) -> u32 {
    let mut state = [
        0x6a09e667u32, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ];
    let mut block = [0u8; 64];
    for n in 0..kib * 16 {
        for (i, byte) in block.iter_mut().enumerate() {
            *byte = (n as u8).wrapping_mul(31).wrapping_add(i as u8);
        }
        compress(&mut state, &block);
    }
    state[0] ^ state[7]
}

#[inline(never)]
fn fib_rec(n: u32) -> u32 {
    if n < 2 { n } else { fib_rec(n - 1).wrapping_add(fib_rec(n - 2)) }
}

/// Recursive Fibonacci: call-dense.
#[unsafe(no_mangle)]
pub extern "C" fn fib(n: u32) -> u32 {
    fib_rec(n)
}

/// How many integers the sort kernel sorts: issue 7's 100k. Their 400 KB do not fit in the
/// L1 or L2 data caches of the machines measured, as a contract's large sort would not.
const SORT_LEN: usize = 100_000;

static mut SORT_VALUES: [u32; SORT_LEN] = [0; SORT_LEN];

/// Sorts `rounds` times an array of [`SORT_LEN`] pseudo-random u32 (heap sort: branchy), in
/// memory (a static, not the shadow stack, which it would take almost half of).
#[unsafe(no_mangle)]
pub extern "C" fn sort(rounds: u32) -> u32 {
    // Single-threaded wasm: one kernel runs at a time.
    let values = unsafe { &mut *core::ptr::addr_of_mut!(SORT_VALUES) };
    let mut seed = 0x1234_5678u32;
    let mut checksum = 0u32;
    for _ in 0..rounds {
        for v in values.iter_mut() {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            *v = seed;
        }
        heap_sort(values);
        checksum = checksum.wrapping_add(values[0]).wrapping_add(values[SORT_LEN - 1]);
    }
    checksum
}

fn heap_sort(v: &mut [u32]) {
    let sift = |v: &mut [u32], mut root: usize, end: usize| loop {
        let mut child = 2 * root + 1;
        if child >= end {
            break;
        }
        if child + 1 < end && v[child] < v[child + 1] {
            child += 1;
        }
        if v[root] >= v[child] {
            break;
        }
        v.swap(root, child);
        root = child;
    };
    for start in (0..v.len() / 2).rev() {
        sift(v, start, v.len());
    }
    for end in (1..v.len()).rev() {
        v.swap(0, end);
        sift(v, 0, end);
    }
}

/// A small bytecode interpreter running a counting loop: dispatch-dense, the worst case for
/// per-block metering.
#[unsafe(no_mangle)]
pub extern "C" fn interp(iterations: u32) -> u32 {
    // acc += i; i += 1; if i < n goto 0; halt
    let program: [u8; 8] = [1, 0, 2, 0, 3, 0, 4, 0];
    let (mut pc, mut acc, mut i) = (0usize, 0u32, 0u32);
    loop {
        match program[pc] {
            1 => {
                acc = acc.wrapping_add(i);
                pc += 2;
            }
            2 => {
                i += 1;
                pc += 2;
            }
            3 => {
                pc = if i < iterations { 0 } else { pc + 2 };
            }
            _ => return acc,
        }
    }
}

/// Schoolbook multiplication of two 64-limb numbers, `rounds` times.
#[unsafe(no_mangle)]
pub extern "C" fn bigint(rounds: u32) -> u32 {
    let mut a = [0u32; 64];
    let mut b = [0u32; 64];
    for i in 0..64 {
        a[i] = (i as u32).wrapping_mul(0x9e37_79b9) | 1;
        b[i] = (i as u32).wrapping_mul(0x85eb_ca6b) ^ 0xdead_beef;
    }
    let mut product = [0u32; 128];
    let mut checksum = 0u32;
    for r in 0..rounds {
        a[0] = a[0].wrapping_add(r);
        product.fill(0);
        for i in 0..64 {
            let mut carry = 0u64;
            for j in 0..64 {
                let t = product[i + j] as u64 + a[i] as u64 * b[j] as u64 + carry;
                product[i + j] = t as u32;
                carry = t >> 32;
            }
            product[i + 64] = carry as u32;
        }
        checksum ^= product[r as usize % 128];
    }
    checksum
}

/// Moves 64 KiB around a buffer `rounds` times (memory.copy with bulk memory; a plain byte loop
/// in the MVP build, where the `memmove` symbol is this kernel's).
#[unsafe(no_mangle)]
pub extern "C" fn memmove(rounds: u32) -> u32 {
    let buf = buffer();
    for (i, byte) in buf.iter_mut().enumerate() {
        *byte = i as u8;
    }
    for r in 0..rounds {
        let shift = (r as usize % 61) + 1;
        #[cfg(not(feature = "mvp"))]
        buf.copy_within(0..(1 << 16) - shift, shift);
        #[cfg(feature = "mvp")]
        mvp_memory::copy_up(buf, shift);
    }
    buf[(rounds as usize * 7) % (1 << 16)] as u32
}

const KECCAK_RC: [u64; 24] = [
    0x0000_0000_0000_0001, 0x0000_0000_0000_8082, 0x8000_0000_0000_808a, 0x8000_0000_8000_8000,
    0x0000_0000_0000_808b, 0x0000_0000_8000_0001, 0x8000_0000_8000_8081, 0x8000_0000_0000_8009,
    0x0000_0000_0000_008a, 0x0000_0000_0000_0088, 0x0000_0000_8000_8009, 0x0000_0000_8000_000a,
    0x0000_0000_8000_808b, 0x8000_0000_0000_008b, 0x8000_0000_0000_8089, 0x8000_0000_0000_8003,
    0x8000_0000_0000_8002, 0x8000_0000_0000_0080, 0x0000_0000_0000_800a, 0x8000_0000_8000_000a,
    0x8000_0000_8000_8081, 0x8000_0000_0000_8080, 0x0000_0000_8000_0001, 0x8000_0000_8000_8008,
];
/// Rotation of the lane visited at each step of the rho-pi walk.
const KECCAK_ROTATIONS: [u32; 24] =
    [1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44];
/// Lane (x + 5y) visited at each step of the rho-pi walk.
const KECCAK_PI: [usize; 24] = [10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1];

/// keccak-f[1600]: 24 rounds of theta, rho, pi, chi and iota over 25 64-bit lanes (lane x + 5y).
fn keccak_f(a: &mut [u64; 25]) {
    for rc in KECCAK_RC {
        let mut c = [0u64; 5];
        for x in 0..5 {
            c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
        }
        for x in 0..5 {
            let d = c[(x + 4) % 5] ^ c[(x + 1) % 5].rotate_left(1);
            for y in 0..5 {
                a[5 * y + x] ^= d;
            }
        }
        let mut carried = a[1];
        for (&lane, &rotation) in KECCAK_PI.iter().zip(KECCAK_ROTATIONS.iter()) {
            let next = a[lane];
            a[lane] = carried.rotate_left(rotation);
            carried = next;
        }
        for y in 0..5 {
            let row = [a[5 * y], a[5 * y + 1], a[5 * y + 2], a[5 * y + 3], a[5 * y + 4]];
            for x in 0..5 {
                a[5 * y + x] = row[x] ^ (!row[(x + 1) % 5] & row[(x + 2) % 5]);
            }
        }
        a[0] ^= rc;
    }
}

/// SHA3-256 (keccak-f[1600] sponge, rate 136 bytes, hand-written) over `kib` KiB of generated data
/// (byte `p` is the top byte of `p * 0x9e3779b1`). Returns the digest's first four bytes as a
/// little-endian u32.
#[unsafe(no_mangle)]
pub extern "C" fn keccak(kib: u32) -> u32 {
    const RATE: usize = 136;
    let mut state = [0u64; 25];
    let mut block = [0u8; RATE];
    let total = kib as usize * 1024;
    let mut position = 0usize;
    loop {
        let take = if total - position < RATE { total - position } else { RATE };
        for (i, byte) in block[..take].iter_mut().enumerate() {
            *byte = ((position + i) as u32).wrapping_mul(0x9e37_79b1).to_be_bytes()[0];
        }
        let last = take < RATE;
        if last {
            // SHA3 padding: the domain bits 01, then pad10*1.
            block[take..].fill(0);
            block[take] = 0x06;
            block[RATE - 1] |= 0x80;
        }
        for (lane, bytes) in state.iter_mut().zip(block.chunks_exact(8)) {
            *lane ^=
                u64::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7]]);
        }
        keccak_f(&mut state);
        if last {
            return state[0] as u32;
        }
        position += RATE;
    }
}

/// A valid ed25519 triple (signing key from the seed [7; 32], made once with ed25519-dalek),
/// checked by the `ed25519` kernel.
const ED25519_PUBLIC_KEY: [u8; 32] = [
    0xea, 0x4a, 0x6c, 0x63, 0xe2, 0x9c, 0x52, 0x0a, 0xbe, 0xf5, 0x50, 0x7b, 0x13, 0x2e, 0xc5, 0xf9,
    0x95, 0x47, 0x76, 0xae, 0xbe, 0xbe, 0x7b, 0x92, 0x42, 0x1e, 0xea, 0x69, 0x14, 0x46, 0xd2, 0x2c,
];
const ED25519_SIGNATURE: [u8; 64] = [
    0x81, 0x93, 0x6e, 0xdc, 0xe8, 0x8d, 0xd6, 0x5d, 0xc1, 0xef, 0x44, 0xe3, 0x2b, 0xaf, 0x3e, 0x75,
    0xf5, 0xaa, 0xd2, 0x7b, 0xc1, 0xbc, 0xc5, 0xb4, 0xbd, 0x0f, 0xd2, 0x5f, 0xd1, 0xe5, 0xc4, 0x5e,
    0x4b, 0x42, 0xfa, 0xe3, 0x61, 0x31, 0xd7, 0x48, 0xaa, 0xbb, 0x9a, 0x1a, 0xd8, 0xa9, 0x62, 0x3d,
    0x8a, 0xb8, 0xcd, 0x79, 0xb7, 0xe7, 0xb3, 0x36, 0xcb, 0xeb, 0x4a, 0xd9, 0xa7, 0xcf, 0xbf, 0x0b,
];
const ED25519_MESSAGE: &[u8] = b"baals bench kernels: one ed25519 signature, verified again and again";

/// Verifies one embedded ed25519 signature `n` times (ed25519-dalek, strict verification, key
/// decompressed each time). Returns the number of successful verifications XOR 0xed25_0000, so
/// `ed25519(n) == 0xed25_0000 | n` (for n < 65,536) shows that every one succeeded.
#[unsafe(no_mangle)]
pub extern "C" fn ed25519(n: u32) -> u32 {
    let mut verified = 0u32;
    for _ in 0..n {
        // black_box: each round really decodes and verifies, nothing is hoisted out of the loop.
        let key = core::hint::black_box(&ED25519_PUBLIC_KEY);
        let signature = ed25519_dalek::Signature::from_bytes(core::hint::black_box(&ED25519_SIGNATURE));
        let message = core::hint::black_box(ED25519_MESSAGE);
        if let Ok(key) = ed25519_dalek::VerifyingKey::from_bytes(key)
            && key.verify_strict(message, &signature).is_ok()
        {
            verified += 1;
        }
    }
    verified ^ 0xed25_0000
}

const JSON_CAPACITY: usize = 8192;
static mut JSON_DOCUMENT: [u8; JSON_CAPACITY] = [0; JSON_CAPACITY];

/// Appends to the JSON document buffer; traps if it would overflow.
struct JsonWriter {
    buf: &'static mut [u8; JSON_CAPACITY],
    len: usize,
}

impl JsonWriter {
    fn push(&mut self, bytes: &[u8]) {
        self.buf[self.len..self.len + bytes.len()].copy_from_slice(bytes);
        self.len += bytes.len();
    }

    fn push_int(&mut self, value: i32) {
        if value < 0 {
            self.push(b"-");
        }
        let mut magnitude = value.unsigned_abs();
        let mut digits = [0u8; 10];
        let mut start = digits.len();
        loop {
            start -= 1;
            digits[start] = b'0' + (magnitude % 10) as u8;
            magnitude /= 10;
            if magnitude == 0 {
                break;
            }
        }
        self.push(&digits[start..]);
    }
}

/// Writes the json kernel's document (about 7 KiB: 24 records with nested objects and arrays,
/// escaped strings, negative integers, literals and whitespace) and returns it.
fn json_document() -> &'static [u8] {
    // Single-threaded wasm: one kernel runs at a time.
    let buf = unsafe { &mut *core::ptr::addr_of_mut!(JSON_DOCUMENT) };
    let mut w = JsonWriter { buf, len: 0 };
    let mut seed = 0x2545_f491u32;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed
    };
    w.push(b"{\"version\": 3, \"records\": [\n");
    for i in 0..24 {
        if i > 0 {
            w.push(b",\n");
        }
        w.push(b"  {\"id\": ");
        w.push_int(i);
        w.push(b", \"name\": \"user_");
        w.push_int(i);
        w.push(b" \\\"quoted\\\" C:\\\\path\\/x\", \"score\": ");
        w.push_int((next() >> 1) as i32 - (1 << 30));
        w.push(b", \"tags\": [\"t\\t");
        w.push_int(i * 7);
        w.push(b"\", \"\\u00e9\\u4E2D caf\xc3\xa9\", \"\\ud83d\\ude00\\n\\r\\b\\f\"], ");
        w.push(b"\"active\": true, \"deleted\": false, \"ref\": null,\n   \"pos\": [");
        w.push_int((next() % 2000) as i32 - 1000);
        w.push(b", ");
        w.push_int((next() % 2000) as i32 - 1000);
        w.push(b", [");
        w.push_int(next() as u16 as i32);
        w.push(b"]], \"meta\": {\"depth\": {\"level\": ");
        w.push_int(i % 7);
        w.push(b", \"empty\": {}, \"list\": [], \"flags\": [true, false, null]}}}");
    }
    w.push(b"\n], \"total\": 24}\n");
    let len = w.len;
    &w.buf[..len]
}

/// What the json parser has seen: every counter feeds the checksum.
#[derive(Default)]
struct JsonStats {
    int_sum: u32,
    string_hash_sum: u32,
    keys: u32,
    objects: u32,
    arrays: u32,
    trues: u32,
    falses: u32,
    nulls: u32,
}

impl JsonStats {
    fn checksum(&self) -> u32 {
        let mut h = 0x811c_9dc5u32;
        for v in [
            self.int_sum,
            self.string_hash_sum,
            self.keys,
            self.objects,
            self.arrays,
            self.trues,
            self.falses,
            self.nulls,
        ] {
            h = (h.rotate_left(5) ^ v).wrapping_mul(0x0100_0193);
        }
        h
    }
}

/// A recursive-descent parser of JSON without fractions or exponents. Strings are decoded
/// (escapes, \u with surrogate pairs to UTF-8) and FNV-1a hashed byte by byte.
struct JsonParser<'a> {
    s: &'a [u8],
    pos: usize,
    stats: JsonStats,
}

impl JsonParser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Some(())
        } else {
            None
        }
    }

    fn literal(&mut self, word: &[u8]) -> Option<()> {
        if self.s.get(self.pos..self.pos + word.len()) == Some(word) {
            self.pos += word.len();
            Some(())
        } else {
            None
        }
    }

    fn value(&mut self, depth: u32) -> Option<()> {
        if depth > 64 {
            return None;
        }
        self.skip_whitespace();
        match self.peek()? {
            b'{' => {
                self.pos += 1;
                self.stats.objects += 1;
                self.skip_whitespace();
                if self.expect(b'}').is_some() {
                    return Some(());
                }
                loop {
                    self.skip_whitespace();
                    self.string()?;
                    self.stats.keys += 1;
                    self.skip_whitespace();
                    self.expect(b':')?;
                    self.value(depth + 1)?;
                    self.skip_whitespace();
                    match self.peek()? {
                        b',' => self.pos += 1,
                        b'}' => {
                            self.pos += 1;
                            return Some(());
                        }
                        _ => return None,
                    }
                }
            }
            b'[' => {
                self.pos += 1;
                self.stats.arrays += 1;
                self.skip_whitespace();
                if self.expect(b']').is_some() {
                    return Some(());
                }
                loop {
                    self.value(depth + 1)?;
                    self.skip_whitespace();
                    match self.peek()? {
                        b',' => self.pos += 1,
                        b']' => {
                            self.pos += 1;
                            return Some(());
                        }
                        _ => return None,
                    }
                }
            }
            b'"' => self.string(),
            b't' => {
                self.stats.trues += 1;
                self.literal(b"true")
            }
            b'f' => {
                self.stats.falses += 1;
                self.literal(b"false")
            }
            b'n' => {
                self.stats.nulls += 1;
                self.literal(b"null")
            }
            b'-' | b'0'..=b'9' => self.integer(),
            _ => None,
        }
    }

    fn integer(&mut self) -> Option<()> {
        let negative = self.expect(b'-').is_some();
        let mut value = 0u32;
        let mut digits = 0;
        while let Some(d @ b'0'..=b'9') = self.peek() {
            value = value.wrapping_mul(10).wrapping_add((d - b'0') as u32);
            self.pos += 1;
            digits += 1;
        }
        if digits == 0 {
            return None;
        }
        self.stats.int_sum = self.stats.int_sum.wrapping_add(if negative { value.wrapping_neg() } else { value });
        Some(())
    }

    fn hex4(&mut self) -> Option<u32> {
        let mut value = 0u32;
        for _ in 0..4 {
            let digit = match self.peek()? {
                d @ b'0'..=b'9' => d - b'0',
                d @ b'a'..=b'f' => d - b'a' + 10,
                d @ b'A'..=b'F' => d - b'A' + 10,
                _ => return None,
            };
            value = value << 4 | digit as u32;
            self.pos += 1;
        }
        Some(value)
    }

    fn string(&mut self) -> Option<()> {
        self.expect(b'"')?;
        let mut hash = 0x811c_9dc5u32;
        let mut feed = |byte: u8| hash = (hash ^ byte as u32).wrapping_mul(0x0100_0193);
        loop {
            let byte = self.peek()?;
            self.pos += 1;
            match byte {
                b'"' => break,
                b'\\' => {
                    let escaped = self.peek()?;
                    self.pos += 1;
                    match escaped {
                        b'"' | b'\\' | b'/' => feed(escaped),
                        b'b' => feed(0x08),
                        b'f' => feed(0x0c),
                        b'n' => feed(b'\n'),
                        b'r' => feed(b'\r'),
                        b't' => feed(b'\t'),
                        b'u' => {
                            let mut code = self.hex4()?;
                            if (0xd800..0xdc00).contains(&code) {
                                self.literal(b"\\u")?;
                                let low = self.hex4()?;
                                if !(0xdc00..0xe000).contains(&low) {
                                    return None;
                                }
                                code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
                            } else if (0xdc00..0xe000).contains(&code) {
                                return None;
                            }
                            // UTF-8 encoding of the code point.
                            if code < 0x80 {
                                feed(code as u8);
                            } else if code < 0x800 {
                                feed(0xc0 | (code >> 6) as u8);
                                feed(0x80 | (code & 0x3f) as u8);
                            } else if code < 0x10000 {
                                feed(0xe0 | (code >> 12) as u8);
                                feed(0x80 | (code >> 6 & 0x3f) as u8);
                                feed(0x80 | (code & 0x3f) as u8);
                            } else {
                                feed(0xf0 | (code >> 18) as u8);
                                feed(0x80 | (code >> 12 & 0x3f) as u8);
                                feed(0x80 | (code >> 6 & 0x3f) as u8);
                                feed(0x80 | (code & 0x3f) as u8);
                            }
                        }
                        _ => return None,
                    }
                }
                0..0x20 => return None,
                _ => feed(byte),
            }
        }
        self.stats.string_hash_sum = self.stats.string_hash_sum.wrapping_add(hash);
        Some(())
    }
}

/// Parses the whole document, or None if it is not valid (for this JSON subset).
fn json_parse(document: &[u8]) -> Option<JsonStats> {
    let mut parser = JsonParser { s: document, pos: 0, stats: JsonStats::default() };
    parser.value(0)?;
    parser.skip_whitespace();
    if parser.pos == document.len() { Some(parser.stats) } else { None }
}

/// Parses a generated JSON document of about 7 KiB (objects, arrays, strings with escapes,
/// integers, true/false/null) `rounds` times. Returns a checksum of what was parsed (integer sum,
/// string hashes, key and value counts) folded over the rounds; a parse error folds 0xffff_ffff.
#[unsafe(no_mangle)]
pub extern "C" fn json(rounds: u32) -> u32 {
    let document = json_document();
    let mut checksum = 0u32;
    for _ in 0..rounds {
        // black_box: each round really parses, nothing is hoisted out of the loop.
        let stats = json_parse(core::hint::black_box(document));
        checksum = checksum.wrapping_mul(31).wrapping_add(stats.map_or(0xffff_ffff, |s| s.checksum()));
    }
    checksum
}

/// Plain-loop memory functions for the MVP build (feature `mvp`; see Cargo.toml for the flags):
/// without bulk memory the compiler calls `memcpy`, `memset` and `memcmp` (and `bcmp`), and these
/// take precedence over compiler_builtins' weak ones, which were compiled with bulk memory
/// (memory.copy, memory.fill). No C `memmove`: that symbol is the `memmove` kernel's, so nothing
/// in this build may call one (a call would bind to the kernel and the module would not
/// validate); the kernel copies with `copy_up` instead.
#[cfg(feature = "mvp")]
mod mvp_memory {
    #[cfg(any(target_feature = "bulk-memory", target_feature = "multivalue", target_feature = "reference-types"))]
    compile_error!("feature `mvp` needs the RUSTFLAGS of bench/kernels/Cargo.toml (-C target-cpu=mvp ...)");

    /// `buf.copy_within(0..buf.len() - shift, shift)` as a plain loop, back to front. The stores
    /// are volatile so that LLVM does not turn the loop back into a call to `memmove`.
    pub fn copy_up(buf: &mut [u8], shift: usize) {
        let p = buf.as_mut_ptr();
        let mut i = buf.len().saturating_sub(shift);
        while i > 0 {
            i -= 1;
            // In bounds: i + shift < buf.len().
            unsafe { core::ptr::write_volatile(p.add(i + shift), *p.add(i)) };
        }
    }

    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn memcpy(dest: *mut u8, src: *const u8, n: usize) -> *mut u8 {
        let mut i = 0;
        while i < n {
            unsafe { *dest.add(i) = *src.add(i) };
            i += 1;
        }
        dest
    }

    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn memset(dest: *mut u8, byte: i32, n: usize) -> *mut u8 {
        let mut i = 0;
        while i < n {
            unsafe { *dest.add(i) = byte as u8 };
            i += 1;
        }
        dest
    }

    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn memcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
        let mut i = 0;
        while i < n {
            let (x, y) = unsafe { (*a.add(i), *b.add(i)) };
            if x != y {
                return x as i32 - y as i32;
            }
            i += 1;
        }
        0
    }

    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn bcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
        unsafe { memcmp(a, b, n) }
    }
}
