import { Agent, createServer, request, type Server } from 'node:http';

/**
 * The floor the route is measured against: the least a proxy on node:http can do — no policy, no body
 * read, no Web streams. It adds the key, forwards the request as it arrives over a keep-alive pool, and
 * pipes the answer back. Whatever this adds to the first byte, any proxy on this machine adds (a loopback
 * hop each way, a process woken on another core); the route's own cost is what it adds beyond.
 * Mounted, as the route is, under `/api/gemini`.
 */
export function createBareProxy(upstream: string, apiKey: string): Server {
  const target = new URL(upstream);
  const agent = new Agent({ keepAlive: true });
  return createServer((req, res) => {
    const forwarded = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: (req.url ?? '/').replace(/^\/api\/gemini/, ''),
        headers: { ...req.headers, host: target.host, 'x-goog-api-key': apiKey },
        agent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forwarded.on('error', () => res.destroy());
    // A client that leaves mid-stream closes the upstream request, as the route does.
    res.on('close', () => {
      if (!res.writableFinished) forwarded.destroy();
    });
    req.pipe(forwarded);
  });
}
