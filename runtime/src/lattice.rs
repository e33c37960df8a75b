//! Storage roots: a lattice hash (LtHash) of a contract's key/value set.
//!
//! Each entry `(key, value)` is expanded by BLAKE3's extendable output into 1,024 16-bit words; the state is the
//! sum of its entries' words, word by word, modulo 2^16. Adding an entry adds its words,
//! removing one subtracts them, so the state depends only on the set of entries (not on order
//! or history) and a change costs one expansion per key changed. The root is sha256 of the
//! 2,048-byte state. Finding two different sets with the same state reduces to a short-vector
//! problem in a lattice (Bellare-Micciancio 1997; Lewi et al. 2019, as deployed by Solana's
//! accounts hash).

use sha2::{Digest, Sha256};

/// Words per state.
const WORDS: usize = 1024;

/// Bytes of an encoded state.
pub(crate) const STATE_BYTES: usize = WORDS * 2;

/// The lattice hash of a set of entries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Lattice {
    words: [u16; WORDS],
}

impl Lattice {
    /// The state of the empty set.
    pub(crate) fn empty() -> Lattice {
        Lattice { words: [0; WORDS] }
    }

    /// Decodes a state written by [`Lattice::to_bytes`].
    pub(crate) fn from_bytes(bytes: &[u8]) -> Option<Lattice> {
        let bytes: &[u8; STATE_BYTES] = bytes.try_into().ok()?;
        let mut lattice = Lattice::empty();
        for (word, pair) in lattice.words.iter_mut().zip(bytes.chunks_exact(2)) {
            *word = u16::from_le_bytes([pair[0], pair[1]]);
        }
        Some(lattice)
    }

    /// The state, little-endian words.
    pub(crate) fn to_bytes(&self) -> [u8; STATE_BYTES] {
        let mut out = [0u8; STATE_BYTES];
        for (pair, word) in out.chunks_exact_mut(2).zip(self.words) {
            pair.copy_from_slice(&word.to_le_bytes());
        }
        out
    }

    /// Adds an entry.
    pub(crate) fn insert(&mut self, key: &[u8], value: &[u8]) {
        let expansion = expand(key, value);
        for (word, pair) in self.words.iter_mut().zip(expansion.chunks_exact(2)) {
            *word = word.wrapping_add(u16::from_le_bytes([pair[0], pair[1]]));
        }
    }

    /// Removes an entry (it must have been added).
    pub(crate) fn remove(&mut self, key: &[u8], value: &[u8]) {
        let expansion = expand(key, value);
        for (word, pair) in self.words.iter_mut().zip(expansion.chunks_exact(2)) {
            *word = word.wrapping_sub(u16::from_le_bytes([pair[0], pair[1]]));
        }
    }

    /// The 32-byte commitment.
    pub(crate) fn root(&self) -> [u8; 32] {
        Sha256::digest(self.to_bytes()).into()
    }
}

/// BLAKE3 (its extendable output, in key-derivation mode with the domain as context) over an
/// unambiguous encoding of the entry: the key's length, the key, the value. BLAKE3 rather than
/// SHAKE256: an update expands two entries per key changed, and BLAKE3 does it several times
/// faster; its output is the same on every implementation.
fn expand(key: &[u8], value: &[u8]) -> [u8; STATE_BYTES] {
    let mut hasher = blake3::Hasher::new_derive_key("baals 2026 storage root lattice v1");
    hasher.update(&(key.len() as u64).to_le_bytes());
    hasher.update(key);
    hasher.update(value);
    let mut bytes = [0u8; STATE_BYTES];
    hasher.finalize_xof().fill(&mut bytes);
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depends_on_the_set_only() {
        let mut a = Lattice::empty();
        a.insert(b"x", b"1");
        a.insert(b"y", b"2");
        let mut b = Lattice::empty();
        b.insert(b"y", b"2");
        b.insert(b"z", b"3");
        b.insert(b"x", b"1");
        b.remove(b"z", b"3");
        assert_eq!(a.root(), b.root());
        assert_ne!(a.root(), Lattice::empty().root());
        // The encoding separates key from value: ("ab", "c") is not ("a", "bc").
        let (mut c, mut d) = (Lattice::empty(), Lattice::empty());
        c.insert(b"ab", b"c");
        d.insert(b"a", b"bc");
        assert_ne!(c.root(), d.root());
        assert_eq!(Lattice::from_bytes(&a.to_bytes()).unwrap(), a);
    }
}
