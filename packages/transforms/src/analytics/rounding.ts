/**
 * A sum kept as an integer count of `10^-decimals` units, so it is exact and the same whatever order
 * values arrive in (plain float sums differ in the last digits, which then flip a rounded mean).
 * Values finer than the unit are rounded to it first.
 *
 * @example
 * const total = new FixedPointSum(4); total.add(0.1); total.add(0.2); total.value(); // 0.3
 * total.mean(2, 2); // 0.15
 */
export class FixedPointSum {
  #units = 0;
  readonly #decimals: number;
  readonly #scale: number;

  constructor(decimals: number) {
    this.#decimals = decimals;
    this.#scale = 10 ** decimals;
  }

  add(value: number): void {
    this.#units += Math.round(value * this.#scale);
  }

  value(): number {
    return this.#units / this.#scale;
  }

  /** The mean over `count` values rounded to `decimals` (≤ the sum's), computed from the exact units. */
  mean(count: number, decimals: number): number {
    if (count === 0) return 0;
    const step = 10 ** (this.#decimals - decimals);
    return Math.round(this.#units / count / step) / 10 ** decimals;
  }
}
