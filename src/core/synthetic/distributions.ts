/** Seeded draws from the skewed distributions bibliographic data follows. */

/** A discrete distribution over 0..weights.length-1, sampled by binary search on its cumulative weights. */
export function discrete(weights: ArrayLike<number>): (rng: () => number) => number {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  for (let i = 0; i < weights.length; i++) cumulative[i] = total += weights[i];
  return (rng) => {
    const target = rng() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/** Zipf over `count` ranks: rank r (0-based) has weight (r + 1)^-exponent. */
export function zipf(count: number, exponent: number): (rng: () => number) => number {
  return discrete(Float64Array.from({ length: count }, (_, r) => (r + 1) ** -exponent));
}

/** Power law over min..max: k has weight k^-exponent (heavy tail, mode at `min`). */
export function powerLaw(min: number, max: number, exponent: number): (rng: () => number) => number {
  const draw = discrete(Float64Array.from({ length: max - min + 1 }, (_, i) => (min + i) ** -exponent));
  return (rng) => min + draw(rng);
}

const CONSONANTS = 'bcdfghklmnprstvz';
const VOWELS = 'aeiou';

/**
 * A pronounceable made-up word for a number below 80^count, unique per number: consonant-vowel syllables
 * are base-80 digits of the number scrambled by an invertible multiplication (so neighbours look unalike).
 */
export function syllables(n: number, count: number): string {
  const range = 80 ** count;
  n = Number((BigInt(n) * 7919n + 12345n) % BigInt(range));
  let word = '';
  for (let i = 0; i < count; i++) {
    const digit = n % 80;
    n = Math.floor(n / 80);
    word += CONSONANTS[digit % 16] + VOWELS[Math.floor(digit / 16)];
  }
  return word;
}
