import { useState } from 'react';
import { mountBenchPage, useBenchContender } from './harness';
import { MODEL } from './model';

/**
 * The reference: the same Interactions API stream Gemkit reads, fetched and read to its end, nothing
 * decoded or rendered. What receiving thousands of small network chunks costs the main thread, whoever
 * renders them: a floor under every contender.
 */
function StreamOnly() {
  const [done, setDone] = useState(false);
  const send = async (text: string) => {
    const response = await fetch('/api/gemini/v1beta/interactions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: MODEL, input: text, stream: true }),
    });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    while (!(await reader.read()).done) {}
    setDone(true);
  };
  useBenchContender({ send: (text) => void send(text), done });
  return null;
}

mountBenchPage(<StreamOnly />);
