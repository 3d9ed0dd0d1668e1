import { rmSync } from 'node:fs';

const live = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Registers a temporary file to delete if the process is interrupted (Ctrl-C, `kill`) before the
 * run renames or removes it; returns the function that unregisters it. The signal handlers exist
 * only while a temporary file does, so Node's default handling (and `demo --serve`) is untouched.
 *
 * @example const release = trackTempFile('kept.csv.part'); …; release();
 */
export function trackTempFile(file: string): () => void {
  if (live.size === 0) for (const signal of SIGNALS) process.on(signal, removeAndDie);
  live.add(file);
  return () => {
    if (!live.delete(file) || live.size > 0) return;
    for (const signal of SIGNALS) process.off(signal, removeAndDie);
  };
}

function removeAndDie(signal: NodeJS.Signals): void {
  for (const file of live) rmSync(file, { force: true });
  live.clear();
  for (const s of SIGNALS) process.off(s, removeAndDie);
  // Re-raised with no handler left, so the process ends as killed by the signal (exit 130, 143).
  process.kill(process.pid, signal);
}
