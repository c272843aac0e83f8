import { expect, test } from 'vitest';
import { createClient } from './client/create-client.js';
import { type AnyGemkitError, GemkitError, type GemkitErrorKind, toGemkitError } from './errors.js';
import { CREATE, clientFor, collect, MODEL, useEmulatorServer } from './test-support/emulator.js';

const emulator = useEmulatorServer({ apiKey: 'secret' });

async function caught(run: () => Promise<unknown>): Promise<AnyGemkitError> {
  try {
    await run();
  } catch (error) {
    return toGemkitError(error);
  }
  throw new Error('expected a failure');
}

test('every failure reaches the caller as a typed, serialisable error value', async () => {
  const client = clientFor(emulator(), { apiKey: 'secret' });
  const streamed = (input: string, store = true) =>
    client.interactions.create({ model: MODEL, input, store, stream: true }).then(collect);
  const LONG = 'Rivers [emulator: words=80]';

  const errors: Partial<Record<GemkitErrorKind, AnyGemkitError>> = {};
  const keep = (error: AnyGemkitError) => {
    errors[error.kind] = error;
  };

  keep(await caught(() => clientFor(emulator()).interactions.create({ model: MODEL, input: 'no key' })));
  emulator().emulator.injectFault({
    type: 'error',
    afterEvents: 6,
    code: 'INTERNAL',
    message: 'broke',
    match: CREATE,
  });
  keep(await caught(() => streamed(LONG)));
  keep(
    await caught(() =>
      createClient({ baseUrl: 'http://127.0.0.1:9', retry: { maxRetries: 0 } }).interactions.get('x'),
    ),
  );
  keep(await caught(() => client.interactions.get('x', {}, { signal: AbortSignal.abort() })));
  emulator().emulator.injectFault({ type: 'malformed', afterEvents: 6, match: CREATE });
  keep(await caught(() => streamed(LONG)));
  emulator().emulator.injectFault({ type: 'cut', afterEvents: 12, match: CREATE });
  keep(await caught(() => streamed(LONG, false)));
  keep(await caught(() => client.interactions.delete('  ')));
  keep(toGemkitError(new RangeError('something else')));

  expect(Object.keys(errors).sort()).toEqual(
    ['abort', 'api', 'interrupted', 'network', 'protocol', 'stream', 'unexpected', 'usage'].sort(),
  );
  expect(errors.api).toMatchObject({ status: 401, apiStatus: 'UNAUTHENTICATED' });
  expect(errors.stream).toMatchObject({ code: 'INTERNAL', message: 'broke' });
  expect(errors.interrupted).toMatchObject({ reason: 'not_stored' });
  for (const error of Object.values(errors)) {
    expect(error).toBeInstanceOf(GemkitError);
    const json = JSON.parse(JSON.stringify(error));
    expect(json).toMatchObject({ kind: error.kind, name: error.name, message: error.message });
    expect(json).not.toHaveProperty('snapshot');
  }
  // Errors that ended a stream keep its partial Interaction for the UI.
  for (const kind of ['stream', 'protocol', 'interrupted'] as const) {
    expect(errors[kind]?.snapshot?.status).toBeDefined();
  }
});
