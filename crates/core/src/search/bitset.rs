//! A fixed-size set of release indices, one bit each.

/// A set of indices below a fixed length, stored as 64-bit words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bitset {
    words: Vec<u64>,
    len: usize,
}

impl Bitset {
    /// An empty set for indices `0..len`.
    pub fn empty(len: usize) -> Self {
        Self {
            words: vec![0; len.div_ceil(64)],
            len,
        }
    }

    /// The set of every index in `0..len`.
    pub fn full(len: usize) -> Self {
        let mut set = Self {
            words: vec![u64::MAX; len.div_ceil(64)],
            len,
        };
        if !len.is_multiple_of(64) {
            if let Some(last) = set.words.last_mut() {
                *last = (1u64 << (len % 64)) - 1;
            }
        }
        set
    }

    /// A set holding the given indices (each must be below `len`).
    pub fn from_indices(len: usize, indices: impl IntoIterator<Item = u32>) -> Self {
        let mut set = Self::empty(len);
        for index in indices {
            set.insert(index);
        }
        set
    }

    /// Adds an index.
    pub fn insert(&mut self, index: u32) {
        let index = index as usize;
        debug_assert!(index < self.len);
        self.words[index / 64] |= 1 << (index % 64);
    }

    /// True when the index is in the set.
    pub fn contains(&self, index: u32) -> bool {
        let index = index as usize;
        index < self.len && self.words[index / 64] & (1 << (index % 64)) != 0
    }

    /// Keeps only the indices also in `other`.
    pub fn intersect_with(&mut self, other: &Bitset) {
        for (word, other) in self.words.iter_mut().zip(&other.words) {
            *word &= other;
        }
    }

    /// Adds every index of `other`.
    pub fn union_with(&mut self, other: &Bitset) {
        for (word, other) in self.words.iter_mut().zip(&other.words) {
            *word |= other;
        }
    }

    /// Removes every index of `other`.
    pub fn subtract(&mut self, other: &Bitset) {
        for (word, other) in self.words.iter_mut().zip(&other.words) {
            *word &= !other;
        }
    }

    /// How many indices the set holds.
    pub fn count(&self) -> usize {
        self.words
            .iter()
            .map(|word| word.count_ones() as usize)
            .sum()
    }

    /// The size of the universe, not of the set.
    pub fn universe(&self) -> usize {
        self.len
    }

    /// Bytes of heap memory the set uses.
    pub fn heap_bytes(&self) -> usize {
        self.words.capacity() * 8
    }
}
