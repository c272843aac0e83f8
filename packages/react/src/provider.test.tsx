import { createClient } from '@gemkit/core';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTE, useGemkit } from './context.js';
import { GemkitProvider } from './provider.js';
import { emulatorsForFile, MODEL } from './test/fixture.js';
import { useInteraction } from './use-interaction.js';

const env = emulatorsForFile();

describe('GemkitProvider', () => {
  it('makes a client for baseUrl with its headers; hook options override its settings', async () => {
    const wrapper = ({ children }: { children: ReactNode }) => (
      <GemkitProvider
        baseUrl={env.fast.url}
        headers={{ 'x-app': 'demo' }}
        model={MODEL}
        settings={{ system_instruction: 'Default.', generation_config: { temperature: 1, seed: 3 } }}
      >
        {children}
      </GemkitProvider>
    );
    const { result } = renderHook(() => useInteraction({ generation_config: { temperature: 0 } }), {
      wrapper,
    });
    await act(() => result.current.create('Hello'));
    await waitFor(() => expect(result.current.status).toBe('completed'));
    const request = env.fast.emulator.requests.at(-1);
    expect(request?.headers['x-app']).toBe('demo');
    expect(request?.body).toMatchObject({
      model: MODEL,
      system_instruction: 'Default.',
      generation_config: { temperature: 0, seed: 3 },
    });
  });

  it('keeps the same client and context across re-renders with equal props', () => {
    const client = createClient({ baseUrl: env.fast.url });
    const { result, rerender } = renderHook(() => useGemkit(), {
      wrapper: ({ children }) => (
        <GemkitProvider client={client} settings={{ generation_config: { temperature: 1 } }}>
          {children}
        </GemkitProvider>
      ),
    });
    const first = result.current;
    rerender();
    expect(result.current).toBe(first);
    expect(result.current?.client).toBe(client);
  });

  it('is optional: without it and without a client, hooks talk to the default route', () => {
    expect(DEFAULT_ROUTE).toBe('/api/gemini');
    const { result } = renderHook(() => useGemkit());
    expect(result.current).toBeUndefined();
    const { result: interaction } = renderHook(() => useInteraction({ model: MODEL }));
    expect(interaction.current.status).toBe('idle');
  });
});
