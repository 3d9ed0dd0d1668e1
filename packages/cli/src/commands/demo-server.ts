import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.jsonl': 'application/x-ndjson',
  '.csv': 'text/csv; charset=utf-8',
  '.parquet': 'application/octet-stream',
};

/**
 * Serves the demo output directory on 127.0.0.1 (index.html at `/`); paths cannot leave `root`.
 *
 * @example const server = await serveDirectory('out/demo', 8080); // http://127.0.0.1:8080/
 */
export async function serveDirectory(root: string, port: number): Promise<Server> {
  const server = createServer(async (request, response) => {
    const urlPath = decodedPath(request.url);
    if (urlPath === undefined) {
      response.writeHead(400, { 'content-type': 'text/plain' }).end('bad request\n');
      return;
    }
    const path = resolveInside(root, urlPath);
    const info = path ? await stat(path).catch(() => undefined) : undefined;
    if (!path || !info?.isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'text/plain; charset=utf-8' });
    createReadStream(path).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

// A malformed escape (`/%E0`) is the client's mistake: answer 400, never crash the server.
function decodedPath(url: string | undefined): string | undefined {
  try {
    return decodeURIComponent((url ?? '/').split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
}

function resolveInside(root: string, urlPath: string): string | undefined {
  const relative = normalize(urlPath === '/' ? '/index.html' : urlPath).replace(/^([/\\])+/, '');
  if (relative.split(sep).includes('..')) return undefined;
  return join(root, relative);
}
