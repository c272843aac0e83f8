/**
 * Function calls in <Chat>, in real Chromium, on the in-browser emulator (whose default responder calls a
 * declared function for `[emulator: call=NAME]` and quotes the results it gets back).
 */
import { TEST_TOOLS } from '@gemkit/emulator/testing';
import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { GemkitStringsProvider } from '../strings/strings-context';
import { waitForStatus } from '../test/play';
import { renderChat } from '../test/render-chat';
import type { RenderToolCall } from './tool-call-render';

const TOOLS = [...TEST_TOOLS];
const FAST = { pacing: { chunkSize: 64, delayMs: 1 } };

/** A promise and the function that settles it, for a call the test finishes when it wants. */
function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

const block = (root: Element, name: string) =>
  [...root.querySelectorAll<HTMLDetailsElement>('details.gk-tool-call')].find(
    (details) => details.querySelector('.gk-tool-call-name')?.textContent === name,
  );

describe('function calls in a chat', () => {
  test('a call shows Running… while onToolCall runs, then Done; opened by keyboard it shows its JSON', async () => {
    const result = deferred<unknown>();
    const { screen, chat, creates } = await renderChat({
      emulator: FAST,
      options: { tools: TOOLS, onToolCall: () => result.promise },
    });
    void chat().send('Weather? [emulator: call=get_weather]');
    await expect.poll(() => block(screen.container, 'get_weather')?.dataset.status).toBe('running');
    const running = block(screen.container, 'get_weather') as HTMLDetailsElement;
    expect(running.getAttribute('aria-busy')).toBe('true');
    expect(running.textContent).toContain('Running…');
    // The turn is busy: the composer offers Stop.
    await expect.element(screen.getByRole('button', { name: 'Stop' })).toBeVisible();

    result.resolve({ temperature: 21, sky: 'clear' });
    const answer = await waitForStatus(screen.container, 'completed');
    const done = block(answer, 'get_weather') as HTMLDetailsElement;
    expect(done.dataset.status).toBe('done');
    expect(done.open).toBe(false);
    (done.querySelector('summary') as HTMLElement).focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => done.open).toBe(true);
    const json = [...done.querySelectorAll('.gk-tool-call-json')].map((pre) => pre.textContent);
    const call = chat().messages[1]?.steps.find((step) => step.type === 'function_call');
    expect(JSON.parse(json[0] ?? '')).toEqual((call as { arguments: unknown }).arguments);
    expect(JSON.parse(json[0] ?? '')).toEqual({ city: expect.any(String) });
    expect(JSON.parse(json[1] ?? '')).toEqual({ temperature: 21, sky: 'clear' });
    // The answer (quoting the result) comes after the block, and the second request carried the result.
    expect(answer.querySelector('.gk-tool-calls ~ .gk-markdown')?.textContent).toContain('"sky":"clear"');
    expect(creates()[1]?.input).toEqual([
      expect.objectContaining({ type: 'function_result', result: { temperature: 21, sky: 'clear' } }),
    ]);
  });

  test("renderToolCall on <Chat>: the app's confirmation answers the call with addResult", async () => {
    const confirm: RenderToolCall = ({ call, status, addResult }) =>
      call.name === 'delete_files' && status === 'waiting' && addResult ? (
        <fieldset aria-label="Confirm">
          <button type="button" onClick={() => addResult('The user declined.', { isError: true })}>
            Keep
          </button>
        </fieldset>
      ) : undefined;
    const { screen, chat, creates } = await renderChat({
      emulator: FAST,
      options: { tools: TOOLS },
      props: { renderToolCall: confirm },
    });
    void chat().send('Clean up. [emulator: call=delete_files]');
    await waitForStatus(screen.container, 'requires_action');
    await userEvent.click(screen.getByRole('button', { name: 'Keep' }));
    const answer = await waitForStatus(screen.container, 'completed');
    expect(screen.container.querySelector('[aria-label="Confirm"]')).toBeNull();
    // Answered, the call falls back to the built-in block, marked failed (the user said no).
    expect(block(answer, 'delete_files')?.dataset.status).toBe('error');
    expect(creates()[1]?.input).toEqual([
      expect.objectContaining({ name: 'delete_files', is_error: true, result: 'The user declined.' }),
    ]);
  });

  test('Stop during a running call cancels the turn; the block says the call was not run, in the app’s words', async () => {
    const { screen, chat, creates } = await renderChat({
      emulator: FAST,
      options: {
        tools: TOOLS,
        onToolCall: (_call, { signal }) =>
          new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
      },
      wrap: (node) => (
        <GemkitStringsProvider strings={{ toolCallRunning: 'Läuft…', toolCallCancelled: 'Nicht ausgeführt' }}>
          {node}
        </GemkitStringsProvider>
      ),
    });
    void chat().send('Weather? [emulator: call=get_weather]');
    await expect.poll(() => block(screen.container, 'get_weather')?.textContent).toContain('Läuft…');
    await userEvent.click(screen.getByRole('button', { name: 'Stop' }));
    const stopped = await waitForStatus(screen.container, 'cancelled');
    expect(block(stopped, 'get_weather')?.textContent).toContain('Nicht ausgeführt');
    expect(creates()).toHaveLength(1);
  });
});
