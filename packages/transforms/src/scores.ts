// The arithmetic every score shares: parts clamped into [0,1], results rounded to 4 decimals.

/** Clamps into [0,1]; NaN becomes 0. */
export function clamp01(value: number): number {
  if (Number.isNaN(value)) return 0;
  return Math.min(1, Math.max(0, value));
}

/** Rounds a score to 4 decimals, the precision decisions and outputs use. */
export function roundScore(score: number): number {
  return Math.round(score * 10_000) / 10_000;
}
