//! SplitMix64 for the fuzzer, written here rather than borrowed from `gpai::rng` so the fuzz cases do not move when the library's generator does.

/// A seeded generator: the same draws on every machine.
pub struct Rng(u64);

impl Rng {
    /// The generator of case `index` of the stream `stream` under `seed`: each case can be
    /// replayed alone from these three.
    pub fn for_case(seed: u64, stream: &str, index: usize) -> Rng {
        let mut state = seed;
        for byte in stream.bytes().chain((index as u64).to_le_bytes()) {
            state = Rng(state ^ u64::from(byte)).next_u64();
        }
        Rng(state)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `numerator / denominator`.
    pub fn chance(&mut self, numerator: usize, denominator: usize) -> bool {
        self.below(denominator) < numerator
    }

    /// One of `items` (not empty).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}
