import type { PersistenceAdapter } from '@gemkit/react';
import type { ChatSettings } from '@gemkit/ui';

/** One chat in the sidebar. Its messages live under the same id in the conversations database. */
export interface ConversationEntry {
  id: string;
  title: string;
  /** `default` until the first message names it, `auto` once it has, `user` once renamed. */
  titleSource: 'default' | 'auto' | 'user';
  createdAt: number;
  updatedAt: number;
  /** The settings dialog's values for this chat: model, system instruction, generation config, mode. */
  settings: ChatSettings;
}

export interface ConversationIndex {
  version: 1;
  conversations: ConversationEntry[];
  selectedId: string | undefined;
}

export const DEFAULT_TITLE = 'New chat';

/** How tabs tell each other about a changed list: a BroadcastChannel, or anything with its two members. */
export interface IndexChannel {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

/**
 * The sidebar's list of chats: kept in memory, saved whole after every change (one small record), loaded on
 * start. A store for useSyncExternalStore. Saves run one after another so an older list never overwrites a
 * newer one. Every change is also sent to the other tabs (the channel), which take the list as it is now:
 * without that, a tab saving its older copy would undo what another tab did. Which chat is open stays per tab.
 */
export class ConversationIndexStore {
  #state: ConversationIndex = { version: 1, conversations: [], selectedId: undefined };
  #loaded = false;
  #listeners = new Set<() => void>();
  #saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly storage: PersistenceAdapter<ConversationIndex>,
    private readonly defaults: () => ChatSettings,
    private readonly channel?: IndexChannel,
  ) {
    if (channel) channel.onmessage = (event) => this.#receive(event.data);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getSnapshot = (): ConversationIndex | undefined => (this.#loaded ? this.#state : undefined);

  /** Loads the saved list; starts one chat when there is none, and selects one that exists. */
  async load(): Promise<void> {
    let saved: ConversationIndex | undefined;
    try {
      saved = await this.storage.load('index');
    } catch (error) {
      console.error('The chat list could not be read; starting a new one.', error);
    }
    const conversations = isIndex(saved) ? saved.conversations : [];
    this.#state = { version: 1, conversations, selectedId: saved?.selectedId };
    this.#loaded = true;
    if (conversations.length === 0) this.create();
    else if (!conversations.some((entry) => entry.id === this.#state.selectedId)) {
      this.select(newestFirst(conversations)[0]?.id);
    } else this.#notify();
  }

  /** A new empty chat, selected, with the settings of the chat the user was in (or the defaults). */
  create(): ConversationEntry {
    const now = Date.now();
    const current = this.selected();
    const entry: ConversationEntry = {
      id: `chat_${now.toString(36)}_${Math.random().toString(36).slice(2, 8)}`,
      title: DEFAULT_TITLE,
      titleSource: 'default',
      createdAt: now,
      updatedAt: now,
      settings: current?.settings ?? this.defaults(),
    };
    this.#set({ conversations: [entry, ...this.#state.conversations], selectedId: entry.id });
    return entry;
  }

  select(id: string | undefined): void {
    if (id === this.#state.selectedId) return;
    this.#set({ selectedId: id });
  }

  selected(): ConversationEntry | undefined {
    return this.#state.conversations.find((entry) => entry.id === this.#state.selectedId);
  }

  rename(id: string, title: string): void {
    const trimmed = title.trim();
    if (trimmed === '') return;
    this.#patch(id, { title: trimmed.slice(0, 120), titleSource: 'user' });
  }

  /** Names a chat after its first message, unless the user has named it. */
  autoTitle(id: string, firstMessage: string): void {
    const entry = this.#find(id);
    if (entry?.titleSource !== 'default') return;
    const title = titleFrom(firstMessage);
    if (title) this.#patch(id, { title, titleSource: 'auto' });
  }

  updateSettings(id: string, settings: ChatSettings): void {
    this.#patch(id, { settings, updatedAt: Date.now() });
  }

  touch(id: string): void {
    this.#patch(id, { updatedAt: Date.now() });
  }

  /** Forgets a chat; selects the newest remaining one (a new chat when none remains). */
  remove(id: string): void {
    const conversations = this.#state.conversations.filter((entry) => entry.id !== id);
    const selectedId =
      this.#state.selectedId === id ? newestFirst(conversations)[0]?.id : this.#state.selectedId;
    this.#set({ conversations, selectedId });
    if (conversations.length === 0) this.create();
  }

  #find(id: string): ConversationEntry | undefined {
    return this.#state.conversations.find((entry) => entry.id === id);
  }

  #patch(id: string, patch: Partial<ConversationEntry>): void {
    if (!this.#find(id)) return;
    this.#set({
      conversations: this.#state.conversations.map((entry) =>
        entry.id === id ? { ...entry, ...patch } : entry,
      ),
    });
  }

  #set(patch: Partial<ConversationIndex>): void {
    const listChanged = patch.conversations !== undefined;
    this.#state = { ...this.#state, ...patch };
    this.#notify();
    const snapshot = this.#state;
    if (listChanged) this.channel?.postMessage({ conversations: snapshot.conversations });
    this.#saving = this.#saving
      .then(() => this.storage.save('index', snapshot))
      .catch((error: unknown) => console.error('The chat list could not be saved.', error));
  }

  /** Another tab changed the list (and saved it): take its list; keep this tab's chat open if it still exists. */
  #receive(message: unknown): void {
    const conversations = (message as Partial<ConversationIndex> | null)?.conversations;
    if (!this.#loaded || !Array.isArray(conversations)) return;
    const open = conversations.some((entry) => entry.id === this.#state.selectedId);
    this.#state = {
      ...this.#state,
      conversations,
      selectedId: open ? this.#state.selectedId : newestFirst(conversations)[0]?.id,
    };
    this.#notify();
    if (conversations.length === 0) this.create();
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}

export function newestFirst(conversations: readonly ConversationEntry[]): ConversationEntry[] {
  return [...conversations].sort((a, b) => b.updatedAt - a.updatedAt);
}

/** The first line of the first message, shortened at a word boundary. */
export function titleFrom(text: string): string {
  const line =
    text
      .replace(/\[emulator:[^\]]*\]/gi, '')
      .trim()
      .split(/\r?\n/)[0]
      ?.trim() ?? '';
  if (line.length <= 48) return line;
  const cut = line.slice(0, 48);
  const space = cut.lastIndexOf(' ');
  return `${(space > 24 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function isIndex(value: unknown): value is ConversationIndex {
  const index = value as Partial<ConversationIndex> | undefined;
  return (
    typeof index === 'object' && index !== null && index.version === 1 && Array.isArray(index.conversations)
  );
}
