import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the server answers `/` with: the page for the request's query string. */
export type PageRenderer = (query: URLSearchParams) => Promise<string>;

/** A request the page cannot answer, with the status to send (a bad `?month=` is 400). */
export class PageRequestError extends Error {
  override readonly name = 'PageRequestError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/**
 * Serves the dashboard on 127.0.0.1: `GET /` (or `/index.html`) renders the page anew, so a refresh
 * re-runs the queries. A request whose `Host` is not the address listened on (`127.0.0.1:PORT` or
 * `localhost:PORT`) gets 421, so a DNS-rebound name cannot read the page; a path outside the root
 * gets 400 (dot segments, bad escapes) or 404; other methods 405.
 *
 * @example const server = await serveDashboard((query) => renderPage(query), 8080);
 */
export async function serveDashboard(render: PageRenderer, port: number): Promise<Server> {
  const server = createServer((request, response) => {
    answer(request, response, render, server).catch((error: unknown) => {
      send(response, 500, `the page could not be rendered: ${(error as Error).message}\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return server;
}

async function answer(
  request: IncomingMessage,
  response: ServerResponse,
  render: PageRenderer,
  server: Server,
) {
  const { port } = server.address() as AddressInfo;
  if (!allowedHosts(port).has((request.headers.host ?? '').toLowerCase())) {
    return send(response, 421, 'this server answers only to 127.0.0.1 and localhost\n');
  }
  const target = requestTarget(request.url);
  if (target === undefined) return send(response, 400, 'bad request\n');
  if (target.path !== '/' && target.path !== '/index.html') return send(response, 404, 'not found\n');
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return send(response, 405, 'method not allowed\n');
  let page: string;
  try {
    page = await render(target.query);
  } catch (error) {
    if (error instanceof PageRequestError) return send(response, error.status, `${error.message}\n`);
    throw error;
  }
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...SECURITY_HEADERS });
  response.end(request.method === 'HEAD' ? undefined : page);
}

function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

// The path is decoded once; dot segments or a malformed escape (`/%E0`) are refused, never resolved.
function requestTarget(url: string | undefined): { path: string; query: URLSearchParams } | undefined {
  const [rawPath = '/', rawQuery = ''] = (url ?? '/').split('?', 2);
  if (!rawPath.startsWith('/')) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  if (path.split(/[/\\]/).some((segment) => segment === '..' || segment === '.') || path.includes('\0'))
    return undefined;
  return { path, query: new URLSearchParams(rawQuery) };
}

function send(response: ServerResponse, status: number, text: string): void {
  if (response.headersSent) return void response.end();
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS }).end(text);
}
