/**
 * Preloaded (`--import`) into the route's and the bare proxy's processes when bench:server-route runs with
 * `BENCH_TRACE_FIRST_BYTE=1`: times, inside the process, the two stretches of a stream's first byte that
 * are the proxy's own — from the client's request (node:http's `request` event) to the upstream request's
 * first socket write, and from the upstream's `response` event to the first socket write to the client —
 * and prints their medians to stderr when told to stop. Only streams that had the process to themselves are
 * timed (those at rest): with many at once the stretches interleave.
 *
 * It patches node:http's emit and net.Socket's writes, so it costs each stream a few µs of its own: read it
 * to compare the route with the bare proxy, or one commit with another, never as the added time itself.
 */
import http from 'node:http';
import net from 'node:net';

const now = () => Number(process.hrtime.bigint()) / 1e3;
let requestAt = 0;
let responseAt = 0;
/** Client requests not yet answered in full. */
let open = 0;
const requestToUpstreamWrite = [];
const responseToClientWrite = [];

const serverEmit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, ...args) {
  if (event === 'request') {
    requestAt = open === 0 ? now() : 0;
    open++;
    args[1].once('close', () => open--);
  }
  return serverEmit.call(this, event, ...args);
};
const clientEmit = http.ClientRequest.prototype.emit;
http.ClientRequest.prototype.emit = function (event, ...args) {
  if (event === 'response') responseAt = open === 1 ? now() : 0;
  return clientEmit.call(this, event, ...args);
};
for (const method of ['_writev', '_write']) {
  const write = net.Socket.prototype[method];
  net.Socket.prototype[method] = function (...args) {
    const at = now();
    // A socket carrying a ClientRequest goes upstream; any other here answers a client.
    if (this._httpMessage instanceof http.ClientRequest) {
      if (requestAt) requestToUpstreamWrite.push(at - requestAt);
      requestAt = 0;
    } else if (responseAt) {
      responseToClientWrite.push(at - responseAt);
      responseAt = 0;
    }
    return write.apply(this, args);
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length > 0 ? sorted[Math.floor(sorted.length / 2)].toFixed(1) : 'n/a';
};
process.on('message', (message) => {
  if (message !== 'stop') return;
  const name = process.argv[1]?.includes('bare-proxy') ? 'bare proxy' : 'route';
  console.error(
    `[first-byte trace, ${name}] request → upstream write p50 ${median(requestToUpstreamWrite)} µs; ` +
      `upstream response → client write p50 ${median(responseToClientWrite)} µs ` +
      `(${requestToUpstreamWrite.length} streams)`,
  );
});
