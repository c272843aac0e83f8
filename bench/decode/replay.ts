/**
 * A fetch that answers every request with the recorded event stream, cut into chunks of `chunkSize` bytes
 * and handed over one per read, as a socket would. Both clients get the same function as their `fetch`, so
 * both decode the same bytes and neither pays for a network.
 */
export function replayFetch(bytes: Uint8Array, chunkSize: number): typeof fetch {
  const chunks: Uint8Array[] = [];
  for (let start = 0; start < bytes.length; start += chunkSize) {
    chunks.push(bytes.subarray(start, start + chunkSize));
  }
  return async (_input, init) => {
    // Drain the request body the way a server would, so that neither client is left with a pending upload.
    if (init?.body instanceof ReadableStream) await new Response(init.body).arrayBuffer();
    let next = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks[next++];
        if (chunk) controller.enqueue(chunk);
        else controller.close();
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
  };
}
