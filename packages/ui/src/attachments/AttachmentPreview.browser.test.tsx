import type { SerializedConversation } from '@gemkit/react';
import { describe, expect, test } from 'vitest';
import { renderChat } from '../test/render-chat';
import { samplePicture } from '../test/sample-files';

/** What a JSON store (localStorage, a server) gives back: Blobs do not survive it. */
const throughJson = (data: SerializedConversation): SerializedConversation =>
  JSON.parse(JSON.stringify(data)) as SerializedConversation;

/** Sends a picture, waits for the answer, and returns the conversation as a JSON store would keep it. */
async function sentPicture(inlineMaxBytes: number): Promise<SerializedConversation> {
  const first = await renderChat({ options: { inlineMaxBytes } });
  const picture = await samplePicture('sunset.png', 640);
  await first.chat().send([picture, 'What is in this picture?']);
  await expect.poll(() => first.chat().status).toBe('completed');
  // The first chat stays on the page until the test ends (unmounting it mid-frame upsets React's act());
  // every query below is scoped to the restored chat's container.
  return throughJson(first.chat().serialize());
}

describe('image attachments after a reload', () => {
  test.each([
    ['uploaded through the Files API', 0],
    ['inlined', 10 * 1024 * 1024],
  ])('an image %s keeps its thumbnail once its bytes are gone', async (_how, inlineMaxBytes) => {
    const saved = await sentPicture(inlineMaxBytes);
    const attachment = saved.messages.find((message) => message.role === 'user')?.attachments?.[0];
    expect(attachment?.file).toBeUndefined();
    expect(attachment?.thumbnail).toMatch(/^data:image\//);
    // Small enough to save with every conversation: a 640 px picture becomes at most 256 px a side.
    const image = new Image();
    image.src = attachment?.thumbnail as string;
    await image.decode();
    expect(Math.max(image.naturalWidth, image.naturalHeight)).toBe(256);

    const restored = await restoredChat(saved);
    await expect.poll(() => restored.thumbnail()?.getAttribute('src')).toBe(attachment?.thumbnail);
    expect(restored.thumbnail()?.getAttribute('alt')).toBe('Attached image sunset.png');
  });

  test('an inlined image saved without a thumbnail (an older save) shows its inline bytes', async () => {
    const saved = withoutThumbnails(await sentPicture(10 * 1024 * 1024));
    const restored = await restoredChat(saved);
    await expect.poll(() => restored.thumbnail()?.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  });

  test('an uploaded image saved without a thumbnail shows its name, and a hostile thumbnail is ignored', async () => {
    const saved = withoutThumbnails(await sentPicture(0));
    const user = saved.messages.find((message) => message.role === 'user');
    const attachment = user?.role === 'user' ? user.attachments?.[0] : undefined;
    if (attachment) attachment.thumbnail = 'javascript:alert(1)';
    const restored = await restoredChat(saved);
    await expect.poll(() => restored.attachment()?.textContent).toContain('sunset.png');
    expect(restored.attachment()?.dataset.kind).toBe('file');
    expect(restored.thumbnail()).toBeNull();
  });
});

/** A chat that restores `saved` on mount, and its one attachment preview. */
async function restoredChat(saved: SerializedConversation) {
  const { screen } = await renderChat({ start: (conversation) => conversation.restore(saved) });
  const attachment = () => screen.container.querySelector<HTMLElement>('.gk-message-user .gk-attachment');
  return { attachment, thumbnail: () => attachment()?.querySelector('img') ?? null };
}

function withoutThumbnails(saved: SerializedConversation): SerializedConversation {
  for (const message of saved.messages) {
    for (const attachment of message.role === 'user' ? (message.attachments ?? []) : []) {
      delete attachment.thumbnail;
    }
  }
  return saved;
}
