import { expect, test, vi } from 'vitest';
import { Conversation } from '../conversation/conversation.js';
import { createClient } from './create-client.js';

// Records when the lazily loaded modules are first imported, by anyone.
const loaded = vi.hoisted(() => [] as string[]);
vi.mock('./client-apis.js', async (importOriginal) => {
  loaded.push('client-apis');
  return importOriginal();
});
vi.mock('./interaction-stream.js', async (importOriginal) => {
  loaded.push('interaction-stream');
  return importOriginal();
});

test("a chat's mount loads the client's code once the browser is idle, once however many chats mount", async () => {
  const idle: (() => void)[] = [];
  vi.stubGlobal('requestIdleCallback', (task: () => void) => idle.push(task));
  const client = createClient({ baseUrl: 'http://127.0.0.1:9' });
  const detachFirst = new Conversation({ client, model: 'm' }).attach();
  const detachSecond = new Conversation({ client, model: 'm' }).attach();

  expect(loaded).toEqual([]); // creating a client and mounting load nothing yet
  expect(idle).toHaveLength(1);
  idle[0]?.();
  await vi.dynamicImportSettled();
  expect(loaded.sort()).toEqual(['client-apis', 'interaction-stream']);

  detachFirst();
  detachSecond();
  vi.unstubAllGlobals();
});
