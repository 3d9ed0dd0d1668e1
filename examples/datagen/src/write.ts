import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import cliProgress from 'cli-progress';
import type { Line } from './options.js';

export interface WriteOptions {
  /** Rows expected, for the progress bar. */
  total?: number;
  /** Label of the progress bar. */
  label?: string;
  /** Show a progress bar on stderr; default: when stderr is a terminal. */
  progress?: boolean;
}

/**
 * Streams generated lines to a file in 256 KiB writes, waiting for the disk when it is behind,
 * so memory stays flat whatever the row count. Returns the number of lines written.
 *
 * @example await writeLines('out/orders.csv', ordersCsv({ rows: 1_000_000 }), { total: 1_000_000 });
 */
export async function writeLines(
  file: string,
  lines: Iterable<Line>,
  options: WriteOptions = {},
): Promise<number> {
  await mkdir(dirname(file), { recursive: true });
  const out = createWriteStream(file);
  const bar = progressBar(options);
  let written = 0;
  let pending = '';
  let size = 0;
  for (const line of lines) {
    // Text is gathered into one string, encoded in one write; bytes go out as they are, in order.
    if (typeof line === 'string') pending += line;
    else {
      out.write(pending);
      out.write(line);
      pending = '';
    }
    size += line.length;
    written++;
    if (size < 262_144) continue;
    out.write(pending);
    if (out.writableNeedDrain) await once(out, 'drain');
    bar?.update(written);
    pending = '';
    size = 0;
  }
  out.end(pending);
  await once(out, 'finish');
  bar?.update(written);
  bar?.stop();
  return written;
}

function progressBar(options: WriteOptions): cliProgress.SingleBar | undefined {
  if (!(options.progress ?? process.stderr.isTTY) || options.total === undefined) return undefined;
  const bar = new cliProgress.SingleBar(
    {
      format: `${options.label ?? 'rows'} [{bar}] {percentage}% {value}/{total}`,
      stream: process.stderr,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(options.total, 0);
  return bar;
}
