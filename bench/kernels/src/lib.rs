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

/// Sorts `rounds` times a 4,096-element array of pseudo-random u32 (heap sort: branchy).
#[unsafe(no_mangle)]
pub extern "C" fn sort(rounds: u32) -> u32 {
    let mut values = [0u32; 4096];
    let mut seed = 0x1234_5678u32;
    let mut checksum = 0u32;
    for _ in 0..rounds {
        for v in values.iter_mut() {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            *v = seed;
        }
        heap_sort(&mut values);
        checksum = checksum.wrapping_add(values[0]).wrapping_add(values[4095]);
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

/// Moves 64 KiB around a buffer `rounds` times (memory.copy with bulk memory).
#[unsafe(no_mangle)]
pub extern "C" fn memmove(rounds: u32) -> u32 {
    let buf = buffer();
    for (i, byte) in buf.iter_mut().enumerate() {
        *byte = i as u8;
    }
    for r in 0..rounds {
        let shift = (r as usize % 61) + 1;
        buf.copy_within(0..(1 << 16) - shift, shift);
    }
    buf[(rounds as usize * 7) % (1 << 16)] as u32
}
