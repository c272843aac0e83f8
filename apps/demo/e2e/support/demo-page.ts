import type { Locator, Page } from 'playwright-core';
import { visibleText } from './text';

type TurnStatus = 'submitted' | 'streaming' | 'completed' | 'error' | 'cancelled' | 'requires_action';

/** What a person does in the demo and what they look at, in their words: type, send, watch, click. */
export class DemoPage {
  constructor(readonly page: Page) {}

  get composer(): Locator {
    return this.page.getByRole('textbox', { name: 'Message' });
  }

  /**
   * Types a message and presses Enter, as a person would, and waits until the message is on the page: the
   * chat renders once per frame, so without this a following `waitForLastAnswer` could see the previous
   * (complete) answer.
   */
  async send(text: string): Promise<void> {
    const before = await this.questions().count();
    await this.composer.click();
    await this.composer.fill(text);
    await this.composer.press('Enter');
    await this.page.waitForFunction(
      (count) => document.querySelectorAll('article.gk-message-user').length > count,
      before,
      { timeout: 10_000, polling: 20 },
    );
  }

  answers(): Locator {
    return this.page.locator('article.gk-message-model');
  }

  questions(): Locator {
    return this.page.locator('article.gk-message-user');
  }

  /** The text the user sent in a message (without the screen reader's "You said" heading). */
  questionText(which: 'first' | 'last' = 'last'): Promise<string> {
    const questions = this.questions();
    return visibleText((which === 'first' ? questions.first() : questions.last()).locator('.gk-user-text'));
  }

  lastAnswer(): Locator {
    return this.answers().last();
  }

  async statusOf(answer: Locator): Promise<TurnStatus | null> {
    return (await answer.getAttribute('data-status')) as TurnStatus | null;
  }

  /** Waits until the last answer has ended with `status` (it fails saying which status it had instead). */
  async waitForLastAnswer(status: TurnStatus = 'completed', timeout = 20_000): Promise<Locator> {
    const answer = this.lastAnswer();
    try {
      await this.page.waitForFunction(
        (wanted) => {
          const answers = document.querySelectorAll('article.gk-message-model');
          return answers[answers.length - 1]?.getAttribute('data-status') === wanted;
        },
        status,
        { timeout, polling: 50 },
      );
    } catch (error) {
      const actual = await this.statusOf(answer).catch(() => 'no answer');
      throw new Error(`The last answer is ${actual}, not ${status}, after ${timeout} ms`, { cause: error });
    }
    return answer;
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name, exact: typeof name === 'string' });
  }

  sidebar(): Locator {
    return this.page.getByRole('navigation', { name: 'Conversations' });
  }

  chatTitles(): Promise<string[]> {
    return this.sidebar().locator('.demo-conversation-title').allInnerTexts();
  }

  inspector(): Locator {
    return this.page.getByRole('complementary', { name: 'Event inspector' });
  }

  async openInspector(): Promise<Locator> {
    const toggle = this.page.getByRole('button', { name: 'Event inspector' });
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
    return this.inspector();
  }

  async openInspectorTab(name: 'Events' | 'Requests' | 'History'): Promise<Locator> {
    const inspector = await this.openInspector();
    await inspector.getByRole('tab', { name }).click();
    return inspector.getByRole('tabpanel');
  }

  /** The request bodies the inspector recorded for the shown turn, parsed back from its JSON view. */
  async recordedCreateBody(): Promise<Record<string, unknown>> {
    const panel = await this.openInspectorTab('Requests');
    const create = panel.locator('.demo-request', { hasText: 'POST /api/gemini/v1beta/interactions' }).last();
    return JSON.parse(await visibleText(create.locator('pre.demo-json').first())) as Record<string, unknown>;
  }

  /**
   * Whether every chat stored in this browser's IndexedDB has its answers settled (none submitted or
   * streaming): the page saves a finished turn just after showing it, so a reload straight after the answer
   * can find the turn saved mid-stream (and resume it) rather than finished.
   */
  allAnswersSaved(): Promise<boolean> {
    return this.page.evaluate(
      () =>
        new Promise<boolean>((resolve, reject) => {
          const request = indexedDB.open('gemkit-demo');
          request.onsuccess = () => {
            const all = request.result.transaction('conversations').objectStore('conversations').getAll();
            all.onsuccess = () => {
              const chats = all.result as { messages: { role: string; status?: string }[] }[];
              const inFlight = chats.some((chat) =>
                chat.messages.some(
                  (m) => m.role === 'model' && (m.status === 'submitted' || m.status === 'streaming'),
                ),
              );
              resolve(chats.length > 0 && !inFlight);
            };
            all.onerror = () => reject(all.error);
          };
          request.onerror = () => reject(request.error);
        }),
    );
  }
}
