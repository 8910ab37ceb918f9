//! The fuzzer's draws: gpai's SplitMix64 (the same draws on every machine and version), one generator per case, with the few shapes of draw the generators use.

use gpai::rng::SplitMix64;

/// A seeded generator: the same draws on every machine.
pub struct Rng(SplitMix64);

impl Rng {
    /// The generator of case `index` of the stream `stream` under `seed`: each case can be
    /// replayed alone from these three.
    pub fn for_case(seed: u64, stream: &str, index: usize) -> Rng {
        let mut state = seed;
        for byte in stream.bytes().chain((index as u64).to_le_bytes()) {
            state = SplitMix64(state ^ u64::from(byte)).next_u64();
        }
        Rng(SplitMix64(state))
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0.next_u64()
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
