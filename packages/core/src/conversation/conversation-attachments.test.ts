import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors.js';
import { microtaskSchedule } from '../store/schedule.js';
import type { Content, UserInputStep } from '../wire/index.js';
import { Conversation } from './conversation.js';
import type { Attachment, ModelMessage, UserMessage } from './message.js';
import { emulatorsForFile, MODEL } from './test-fixture.js';

const env = emulatorsForFile();

/** A 1×1 PNG. */
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);
const image = () => new File([PNG], 'pixel.png', { type: 'image/png' });

function lastInput(): Content[] {
  const input = env.fast.creates().at(-1)?.input;
  return typeof input === 'string' ? [{ type: 'text', text: input }] : (input as Content[]);
}

describe('attachments', () => {
  it('inlines a small image as base64 image content, before the text', async () => {
    const conversation = new Conversation({ client: env.fast.client, model: MODEL });
    await conversation.send(['What is in this picture?', image()]);
    expect(lastInput()).toEqual([
      { type: 'image', mime_type: 'image/png', data: btoa(String.fromCharCode(...PNG)) },
      { type: 'text', text: 'What is in this picture?' },
    ]);
    const user = conversation.getSnapshot().messages[0] as UserMessage;
    expect(user.attachments[0]).toMatchObject({
      name: 'pixel.png',
      status: 'ready',
      progress: 1,
      size: PNG.length,
    });
    expect(user.text).toBe('What is in this picture?');
    expect(conversation.getSnapshot().messages[1]?.text).toContain('image (image/png)');
  });

  it('saves an image without its bytes; a saved thumbnail that is not an image data URL is dropped', async () => {
    const conversation = new Conversation({ client: env.fast.client, model: MODEL });
    await conversation.send(['What is in this picture?', image()]);
    const saved = JSON.parse(JSON.stringify(conversation.serialize()));
    const attachment = saved.messages[0].attachments[0];
    // No canvas in Node: no thumbnail is made, and the send does not fail for it (browsers: ui tests).
    expect(attachment.thumbnail).toBeUndefined();
    expect(attachment.file).toBeUndefined();
    expect(attachment.content).toMatchObject({ type: 'image', mime_type: 'image/png' });

    const restore = (thumbnail: unknown) => {
      const copy = new Conversation({ client: env.fast.client, model: MODEL });
      copy.restore({
        ...saved,
        messages: [{ ...saved.messages[0], attachments: [{ ...attachment, thumbnail }] }],
      });
      return (copy.getSnapshot().messages[0] as UserMessage).attachments[0]?.thumbnail;
    };
    expect(restore('data:image/webp;base64,AAAA')).toBe('data:image/webp;base64,AAAA');
    expect(restore('javascript:alert(1)')).toBeUndefined();
    expect(restore({ src: 'data:image/png' })).toBeUndefined();
  });

  it('uploads a larger file through the Files API, with progress, and sends its uri', async () => {
    const progress: number[] = [];
    const conversation = new Conversation({
      client: env.fast.client,
      model: MODEL,
      inlineMaxBytes: 10,
      schedule: microtaskSchedule,
    });
    conversation.subscribe(() => {
      const user = conversation.getSnapshot().messages[0] as UserMessage | undefined;
      const attachment = user?.attachments[0];
      if (attachment && progress.at(-1) !== attachment.progress) progress.push(attachment.progress);
    });
    const uploadsBefore = env.fast.emulator.stats.filesUploaded;
    await conversation.send(['Describe it.', image()]);

    expect(env.fast.emulator.stats.filesUploaded).toBe(uploadsBefore + 1);
    const [media] = lastInput();
    expect(media).toMatchObject({
      type: 'image',
      mime_type: 'image/png',
      uri: expect.stringContaining('files/'),
    });
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    expect(conversation.getSnapshot().status).toBe('completed');
  });

  it('a failed upload fails the turn, keeps the file, and retry() uploads it again', async () => {
    const conversation = new Conversation({ client: env.fast.client, model: MODEL, inlineMaxBytes: 10 });
    env.fast.emulator.injectFault({ type: 'status', status: 500, match: { path: '/upload/v1beta/files' } });
    await conversation.send(['Describe it.', image()]);
    const failed = conversation.getSnapshot();
    const attachment = (failed.messages[0] as UserMessage).attachments[0] as Attachment;
    expect(failed.error).toBeInstanceOf(ApiError);
    expect(attachment).toMatchObject({ status: 'error', error: expect.any(ApiError) });
    expect(attachment.file).toBeInstanceOf(Blob);
    expect(failed.messages[0]?.status).toBe('unsent');

    await conversation.retry();
    const { messages, status } = conversation.getSnapshot();
    expect(status).toBe('completed');
    expect((messages[0] as UserMessage).attachments[0]?.status).toBe('ready');
  });

  it('stateless history carries the attachment of an earlier turn; editing with text keeps it', async () => {
    const conversation = new Conversation({ client: env.fast.client, model: MODEL, mode: 'stateless' });
    await conversation.send(['What is this?', image()]);
    await conversation.send('And its colour?');
    const history = env.fast.creates().at(-1)?.input as UserInputStep[];
    expect(history[0]?.content?.[0]).toMatchObject({ type: 'image', mime_type: 'image/png' });

    const first = conversation.getSnapshot().messages[0] as UserMessage;
    await conversation.edit(first.id, 'What is this, exactly?');
    const edited = conversation.getSnapshot().messages[0] as UserMessage;
    expect(edited.id).not.toBe(first.id);
    expect(edited.attachments).toEqual(first.attachments);
    const editedHistory = env.fast.creates().at(-1)?.input as UserInputStep[];
    expect(editedHistory[0]?.content?.map((c) => c.type)).toEqual(['image', 'text']);
    expect((conversation.getSnapshot().messages[1] as ModelMessage).status).toBe('completed');
  });
});
