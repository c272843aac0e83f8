import type { MessageInput } from '@gemkit/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { waitForSettled } from '../test/play';
import { renderChat } from '../test/render-chat';
import { sampleDocument, samplePicture } from '../test/sample-files';
import { Composer } from './Composer';
import '../styles.css';

/** Counts the object URLs made and revoked while a test runs (the browser's own functions, observed). */
function watchObjectUrls() {
  const created = new Set<string>();
  const revoked = new Set<string>();
  const { createObjectURL, revokeObjectURL } = URL;
  URL.createObjectURL = (blob) => {
    const url = createObjectURL.call(URL, blob);
    created.add(url);
    return url;
  };
  URL.revokeObjectURL = (url) => {
    revoked.add(url);
    revokeObjectURL.call(URL, url);
  };
  const restore = () => {
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = revokeObjectURL;
  };
  return { created, revoked, restore, live: () => [...created].filter((url) => !revoked.has(url)) };
}

/** A composer whose sends are recorded. */
async function renderComposer(
  props: { accept?: string; maxAttachments?: number; onSend?: (input: MessageInput) => unknown } = {},
) {
  const sent: MessageInput[] = [];
  const screen = await render(
    <Composer
      onSend={props.onSend ?? ((input) => sent.push(input))}
      accept={props.accept}
      maxAttachments={props.maxAttachments}
    />,
  );
  const form = screen.container.querySelector('form') as HTMLFormElement;
  const input = screen.getByRole('textbox', { name: 'Message' });
  const previews = () => [...form.querySelectorAll('.gk-composer-attachments li')];
  return { screen, form, input, sent, previews };
}

function transfer(files: File[]) {
  const data = new DataTransfer();
  for (const file of files) data.items.add(file);
  return data;
}

let urls: ReturnType<typeof watchObjectUrls>;
beforeEach(() => {
  urls = watchObjectUrls();
});
afterEach(() => urls.restore());

describe('attachments in the composer', () => {
  test('the picker adds files with previews: a thumbnail for an image, name and size for a document', async () => {
    const { screen, form, previews } = await renderComposer();
    const picture = await samplePicture('sunset.png');
    await userEvent.upload(form.querySelector('input[type="file"]') as HTMLElement, [
      picture,
      sampleDocument('notes.txt'),
    ]);
    expect(previews()).toHaveLength(2);
    const image = screen.getByRole('img', { name: 'Attached image sunset.png' });
    await expect.poll(() => image.element().getAttribute('src')).toMatch(/^blob:/);
    expect(previews()[1]?.textContent).toContain('notes.txt');
    expect(previews()[1]?.textContent).toMatch(/1\.\d KB/);
  });

  test('a file can be removed before sending; its preview URL is revoked', async () => {
    const { screen, form, previews, sent, input } = await renderComposer();
    await userEvent.upload(form.querySelector('input[type="file"]') as HTMLElement, [
      await samplePicture('a.png'),
      await samplePicture('b.png'),
    ]);
    await expect.poll(() => urls.live()).toHaveLength(2);
    await userEvent.click(screen.getByRole('button', { name: 'Remove a.png' }));
    expect(previews()).toHaveLength(1);
    await expect.poll(() => urls.live()).toHaveLength(1);
    expect(document.activeElement).toBe(input.element());
    await userEvent.keyboard('Look{Enter}');
    expect(sent).toHaveLength(1);
    const [text, file] = sent[0] as [string, File];
    expect(text).toBe('Look');
    expect(file.name).toBe('b.png');
    // Sent: the draft is empty and no preview URL is left alive.
    expect(previews()).toHaveLength(0);
    await expect.poll(() => urls.live()).toHaveLength(0);
  });

  test('pasting a file attaches it', async () => {
    const { form, previews } = await renderComposer();
    const textarea = form.querySelector('textarea') as HTMLTextAreaElement;
    textarea.focus();
    const picture = await samplePicture('pasted.png');
    textarea.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: transfer([picture]), bubbles: true, cancelable: true }),
    );
    await expect.poll(() => previews()).toHaveLength(1);
    await expect
      .poll(() => previews()[0]?.querySelector('img')?.getAttribute('alt'))
      .toBe('Attached image pasted.png');
  });

  test('dragging files over shows the drop zone; dropping attaches them', async () => {
    const { screen, form, previews } = await renderComposer();
    const files = transfer([await samplePicture('dropped.png'), sampleDocument('dropped.txt')]);
    form.dispatchEvent(new DragEvent('dragenter', { dataTransfer: files, bubbles: true, cancelable: true }));
    form.dispatchEvent(new DragEvent('dragover', { dataTransfer: files, bubbles: true, cancelable: true }));
    await expect.element(screen.getByText('Drop files to attach them')).toBeVisible();
    form.dispatchEvent(new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true }));
    await expect.poll(() => previews()).toHaveLength(2);
    expect(screen.container.querySelector('.gk-composer-drop')).toBeNull();
  });

  test('files of other types and files beyond the limit are refused, with the reason shown', async () => {
    const { screen, form, previews } = await renderComposer({ accept: 'image/*', maxAttachments: 2 });
    const files = transfer([
      sampleDocument('notes.txt'),
      await samplePicture('1.png'),
      await samplePicture('2.png'),
      await samplePicture('3.png'),
    ]);
    form.dispatchEvent(new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true }));
    await expect.poll(() => previews()).toHaveLength(2);
    const notice = screen.container.querySelector('.gk-composer-notice') as HTMLElement;
    expect(notice.textContent).toContain('notes.txt is not a supported file type.');
    expect(notice.textContent).toContain('At most 2 files per message.');
  });

  test('a send that is refused puts the draft and its files back, and says why', async () => {
    const { input, previews, form } = await renderComposer({
      onSend: () => Promise.reject(new Error('Cannot send this part')),
    });
    await userEvent.upload(form.querySelector('input[type="file"]') as HTMLElement, [
      sampleDocument('kept.txt'),
    ]);
    await userEvent.click(input);
    await userEvent.keyboard('Keep me{Enter}');
    await expect.element(input).toHaveValue('Keep me');
    expect(previews()).toHaveLength(1);
    expect(form.querySelector('.gk-composer-notice')?.textContent).toBe('Cannot send this part');
  });

  test('unmounting revokes every preview URL', async () => {
    const { screen, form } = await renderComposer();
    await userEvent.upload(form.querySelector('input[type="file"]') as HTMLElement, [
      await samplePicture('x.png'),
      await samplePicture('y.png'),
    ]);
    await expect.poll(() => urls.live()).toHaveLength(2);
    screen.unmount();
    expect(urls.live()).toHaveLength(0);
  });
});

describe('attachments in a conversation', () => {
  test('a large file uploads through the Files API with progress shown, then goes with the message', async () => {
    const { screen, chat, emulator, creates } = await renderChat({
      emulator: { pacing: { chunkSize: 200, delayMs: 1 } },
      options: { inlineMaxBytes: 256 },
    });
    // Hold the upload's byte transfer a moment, so the progress is on screen to be seen.
    emulator.injectFault({
      type: 'latency',
      ms: 400,
      match: { method: 'POST', path: /^\/upload\// },
      times: 3,
    });
    const picture = await samplePicture('big.png', 256);
    await userEvent.upload(screen.container.querySelector('input[type="file"]') as HTMLElement, [picture]);
    await userEvent.click(screen.getByRole('textbox', { name: 'Message' }));
    await userEvent.keyboard('What is this?{Enter}');
    await expect.element(screen.getByRole('progressbar', { name: 'Uploading big.png' })).toBeInTheDocument();
    await waitForSettled(screen.container, () => chat().conversation.getSnapshot().messages.at(-1));
    expect(screen.container.querySelector('progress')).toBeNull();
    const input = creates()[0]?.input as { type: string; uri?: string; text?: string }[];
    expect(input.map((part) => part.type)).toEqual(['image', 'text']);
    expect(input[0]?.uri).toMatch(/files\//);
    // The sent message keeps its thumbnail.
    await expect.element(screen.getByRole('img', { name: 'Attached image big.png' })).toBeVisible();
  });
});
