import { describe, expect, it } from 'vitest';
import type { DemoPage } from './support/demo-page';
import { withBuiltDemo } from './support/fixture';
import { noisePng } from './support/png';
import { visibleText } from './support/text';

const demo = withBuiltDemo();

/** A 1×1 PNG: small enough to be sent inline, as base64. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
/** A photo-sized image (over the 256 KiB inline limit): uploaded through the Files API, via the route. */
const PHOTO = noisePng(320, 320);
/** A PDF over the 256 KiB inline limit: uploaded through the Files API, via the route. */
const REPORT = Buffer.concat([
  Buffer.from('%PDF-1.4\n% Gemkit demo test document\n'),
  Buffer.alloc(300 * 1024, '% padding\n'),
  Buffer.from('%%EOF\n'),
]);

async function attach(chat: DemoPage, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  const [chooser] = await Promise.all([
    chat.page.waitForEvent('filechooser'),
    chat.button('Attach files').click(),
  ]);
  await chooser.setFiles(files);
}

describe('attachments', () => {
  it('sends a small image inline, and a photo and a PDF through the Files API upload, via the route', async () => {
    const chat = await demo.open();
    const uploadsBefore = demo.demo.emulator.stats.filesUploaded;
    await attach(chat, [
      { name: 'pixel.png', mimeType: 'image/png', buffer: PIXEL },
      { name: 'photo.png', mimeType: 'image/png', buffer: PHOTO },
      { name: 'report.pdf', mimeType: 'application/pdf', buffer: REPORT },
    ]);
    // Previews before sending, each removable.
    await chat.button('Remove pixel.png').waitFor();
    await chat.button('Remove photo.png').waitFor();
    await chat.button('Remove report.pdf').waitFor();

    await chat.send('What is in these files?');
    const answer = await chat.waitForLastAnswer();

    const question = chat.questions().last();
    await question.getByRole('img', { name: 'Attached image pixel.png' }).waitFor();
    // The photo's thumbnail is the real image, decoded by the browser.
    const photo = question.getByRole('img', { name: 'Attached image photo.png' });
    await expect.poll(() => photo.evaluate((image) => (image as HTMLImageElement).naturalWidth)).toBe(320);
    expect(await visibleText(question)).toContain('report.pdf');
    const text = await visibleText(answer);
    expect(text).toContain('I received 3 attachment(s)');
    expect(text).toContain('image/png');
    expect(text).toContain('application/pdf');
    expect(demo.demo.emulator.stats.filesUploaded).toBe(uploadsBefore + 2);

    // The inspector shows the upload and the create that referred to it.
    const requests = await chat.openInspectorTab('Requests');
    expect(await visibleText(requests)).toContain('POST /api/gemini/upload/v1beta/files');
    const { input } = (await chat.recordedCreateBody()) as { input: Record<string, string>[] };
    expect(input).toEqual([
      { type: 'image', mime_type: 'image/png', data: PIXEL.toString('base64') },
      { type: 'image', mime_type: 'image/png', uri: expect.stringMatching(/\/files\/\w+$/) },
      { type: 'document', mime_type: 'application/pdf', uri: expect.stringMatching(/\/files\/\w+$/) },
      { type: 'text', text: 'What is in these files?' },
    ]);

    // Attachments are part of the saved conversation; the bytes are not, but images keep a saved thumbnail.
    await chat.page.reload();
    await chat.waitForLastAnswer();
    const restored = chat.questions().last();
    expect(await visibleText(restored)).toContain('report.pdf');
    await restored.getByRole('img', { name: 'Attached image pixel.png' }).waitFor();
    const thumbnail = restored.getByRole('img', { name: 'Attached image photo.png' });
    expect(await thumbnail.getAttribute('src')).toMatch(/^data:image\/webp;base64,/);
    await expect
      .poll(() => thumbnail.evaluate((image) => (image as HTMLImageElement).naturalWidth))
      .toBe(256);
  });
});
