import { describe, expect, it } from 'vitest';
import { withBuiltDemo } from './support/fixture';
import { visibleText } from './support/text';

const demo = withBuiltDemo();

describe('the event inspector', () => {
  it('shows the raw SSE events of the turn as they arrive, with their timing', async () => {
    const chat = await demo.open();
    const panel = await chat.openInspectorTab('Events');
    expect(await visibleText(panel)).toContain('Send a message');

    await chat.send('[emulator: words=900] Tell me about deltas.');
    const events = panel.locator('li.demo-event');
    const state = panel.getByTestId('exchange-state');
    await expect.poll(() => visibleText(state)).toBe('streaming…');
    await expect.poll(() => events.count()).toBeGreaterThan(5);
    const seenWhileStreaming = await events.count();
    await chat.waitForLastAnswer();
    await expect.poll(() => visibleText(state)).toMatch(/^done · \d+ ms$/);
    const total = await events.count();
    expect(total).toBeGreaterThan(seenWhileStreaming);

    const types = await events.locator('.demo-event-type').allTextContents();
    expect(types[0]).toBe('interaction.created');
    expect(types.at(-1)).toBe('interaction.completed');
    expect(types).toContain('step.delta');
    const times = (await events.locator('.demo-event-time').allTextContents()).map((time) =>
      Number(/^\+(\d+) ms$/.exec(time)?.[1]),
    );
    expect(times.every(Number.isFinite)).toBe(true);
    expect(times).toEqual([...times].sort((a, b) => a - b));

    // Each event opens to its raw text, as it came over the wire.
    const delta = panel.locator('li.demo-event[data-event-type="step.delta"]').first();
    await delta.locator('summary').click();
    expect(await visibleText(delta.locator('pre'))).toMatch(
      /^event: step\.delta\ndata: \{"event_type":"step\.delta"/,
    );
  });

  it('inspects an earlier turn, chosen on the message or with the turn arrows', async () => {
    const chat = await demo.open();
    await chat.send('First.');
    await chat.waitForLastAnswer();
    await chat.send('Second.');
    await chat.waitForLastAnswer();
    const inspector = await chat.openInspector();
    const position = inspector.locator('.demo-turn-position');
    const interactionId = inspector.getByTestId('turn-interaction');
    expect(await visibleText(position)).toBe('Turn 2 of 2');
    const second = await visibleText(interactionId);

    await chat.answers().first().hover();
    await chat.page.getByRole('button', { name: 'Inspect', exact: true }).first().click();
    expect(await visibleText(position)).toBe('Turn 1 of 2');
    const first = await visibleText(interactionId);
    expect(first).not.toBe(second);
    const created = inspector.locator(
      'li.demo-event[data-event-type="interaction.created"] .demo-event-summary',
    );
    expect(await visibleText(created)).toContain(first);

    await inspector.getByRole('button', { name: 'Next turn' }).click();
    expect(await visibleText(position)).toBe('Turn 2 of 2');
    expect(await visibleText(interactionId)).toBe(second);
  });

  it('after a reload, replays a stored turn’s events from the server', async () => {
    const chat = await demo.open();
    await chat.send('Remember this.');
    await chat.waitForLastAnswer();
    await chat.page.reload();
    const panel = await chat.openInspectorTab('Events');
    await panel.getByRole('button', { name: 'Replay the stored events from the server' }).click();
    const types = panel.locator('li.demo-event .demo-event-type');
    await expect.poll(() => types.last().textContent()).toBe('interaction.completed');
    expect(await types.first().textContent()).toBe('interaction.created');
    expect(await visibleText(panel)).toMatch(/GET \/api\/gemini\/v1beta\/interactions\/[^?]+\?stream=true/);
  });
});
