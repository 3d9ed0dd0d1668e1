/**
 * Peak RSS of this process in MB, for tasks to report on their last line. Kept apart from the
 * harness so that a bundled task carries nothing of the runner (esbuild) into its process.
 */
export function peakRssMb(): number {
  return Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
}
