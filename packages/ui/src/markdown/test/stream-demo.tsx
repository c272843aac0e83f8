import { useEffect, useState } from 'react';
import { Markdown } from '../Markdown';

/**
 * Streams `text` into a <Markdown> the way a chat does: a few characters per animation frame. Used by
 * the Streaming story, whose play function presses Start and waits for the end.
 */
export function StreamDemo({ text, charsPerFrame = 24 }: { text: string; charsPerFrame?: number }) {
  const [length, setLength] = useState(0);
  const [running, setRunning] = useState(false);
  useEffect(() => {
    if (!running) return;
    let frame = 0;
    const step = () => {
      setLength((current) => {
        const next = Math.min(text.length, current + charsPerFrame);
        if (next < text.length) frame = requestAnimationFrame(step);
        else setRunning(false);
        return next;
      });
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [running, text, charsPerFrame]);
  const done = length === text.length;
  return (
    <div>
      <button
        type="button"
        onClick={() => {
          setLength(0);
          setRunning(true);
        }}
        disabled={running}
      >
        {done ? 'Stream again' : 'Start streaming'}
      </button>
      <output aria-live="off" data-testid="progress">
        {' '}
        {length} / {text.length}
      </output>
      <Markdown streaming={!done}>{text.slice(0, length)}</Markdown>
    </div>
  );
}
