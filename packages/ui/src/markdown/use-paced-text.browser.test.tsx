import { type RefObject, useState } from 'react';
import { flushSync } from 'react-dom';
import { describe, expect, test } from 'vitest';
import { render } from 'vitest-browser-react';
import { usePacedText } from './use-paced-text';

interface Input {
  text: string;
  streaming: boolean;
}

type Setter = (input: Input) => void;

/** Shows what the hook returns, records each new value, and hands out its setter. */
function Paced({ setter, shown }: { setter: RefObject<Setter | null>; shown: string[] }) {
  const [input, setInput] = useState<Input>({ text: '', streaming: true });
  setter.current = setInput;
  const value = usePacedText(input.text, input.streaming, 60);
  if (shown.at(-1) !== value) shown.push(value);
  return <output>{value}</output>;
}

async function renderPaced() {
  const shown: string[] = [];
  const setter: RefObject<Setter | null> = { current: null };
  const screen = await render(<Paced setter={setter} shown={shown} />);
  /**
   * Updates committed one by one, synchronously, as a stream's frames commit: no timer can run between
   * them, so what the hook shows meanwhile does not depend on how fast the machine is.
   */
  const burst = (inputs: Input[]) => {
    for (const input of inputs) flushSync(() => setter.current?.(input));
  };
  return { screen, shown, burst, output: screen.getByRole('status') };
}

const growing = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => ({
    text: Array.from({ length: from + i + 1 }, (_, w) => `word${w}`).join(' '),
    streaming: true,
  }));

describe('usePacedText', () => {
  test('while streaming, a burst of committed updates is shown once, as its newest text', async () => {
    const { shown, burst, output } = await renderPaced();
    const updates = growing(0, 40);
    burst(updates);
    expect(shown).toEqual(['']);
    const newest = updates.at(-1)?.text as string;
    await expect.element(output).toHaveTextContent(newest);
    expect(shown).toEqual(['', newest]);

    // The next burst waits for the interval, then shows its newest text, again in one step.
    const more = growing(40, 80);
    burst(more);
    await expect.element(output).toHaveTextContent(more.at(-1)?.text as string);
    expect(shown).toEqual(['', newest, more.at(-1)?.text]);
  });

  test('when streaming ends, the final text shows in that same render', async () => {
    const { screen, shown, burst } = await renderPaced();
    burst([...growing(0, 10), { text: 'the final answer', streaming: false }]);
    expect(screen.container.textContent).toBe('the final answer');
    expect(shown).toEqual(['', 'the final answer']);
  });

  test('not streaming, every text shows as it comes', async () => {
    const { shown, burst } = await renderPaced();
    burst([
      { text: 'one', streaming: false },
      { text: 'two', streaming: false },
      { text: 'three', streaming: false },
    ]);
    expect(shown).toEqual(['', 'one', 'two', 'three']);
  });
});
