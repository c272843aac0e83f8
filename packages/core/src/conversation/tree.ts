import type { BranchInfo, Message } from './message.js';

/** The parent key of the first messages (a Map key cannot be null in a JSON-friendly way). */
const ROOT = '';

const parentKey = (message: Message) => message.parentId ?? ROOT;

export interface SerializedTree {
  messages: Message[];
  /** For a parent id ('' for the root), the child shown when it is not the newest. */
  selected: Record<string, string>;
}

/**
 * Messages as a tree: every edit or regeneration adds a sibling instead of replacing, so no branch is lost.
 * The shown conversation is the path from the root that follows, at each message, the selected child (the
 * newest child unless another was chosen). Messages are immutable objects, replaced when they change, so a
 * message that did not change keeps its identity across snapshots.
 */
export class MessageTree {
  #messages = new Map<string, Message>();
  #children = new Map<string, string[]>();
  #selected = new Map<string, string>();

  get size(): number {
    return this.#messages.size;
  }

  get(id: string): Message | undefined {
    return this.#messages.get(id);
  }

  /** Adds a message as the newest child of its parent, and shows it. */
  add(message: Message): void {
    const key = parentKey(message);
    this.#messages.set(message.id, message);
    this.#children.set(key, [...(this.#children.get(key) ?? []), message.id]);
    this.#selected.set(key, message.id);
  }

  /** Replaces a message by a new version of itself (same id and parent). */
  replace(message: Message): void {
    if (this.#messages.has(message.id)) this.#messages.set(message.id, message);
  }

  /** Removes a message and everything after it; its parent then shows its newest remaining child. */
  remove(id: string): void {
    const message = this.#messages.get(id);
    if (!message) return;
    for (const child of this.#children.get(id) ?? []) this.remove(child);
    this.#children.delete(id);
    this.#selected.delete(id);
    this.#messages.delete(id);
    const key = parentKey(message);
    const siblings = (this.#children.get(key) ?? []).filter((sibling) => sibling !== id);
    if (siblings.length > 0) this.#children.set(key, siblings);
    else this.#children.delete(key);
    if (this.#selected.get(key) === id) this.#selected.delete(key);
  }

  /** Shows this message (and so the branch it starts) instead of its siblings. */
  select(id: string): void {
    const message = this.#messages.get(id);
    if (message) this.#selected.set(parentKey(message), id);
  }

  siblings(id: string): readonly string[] {
    const message = this.#messages.get(id);
    return message ? (this.#children.get(parentKey(message)) ?? []) : [];
  }

  /** The shown conversation, first message first. */
  path(): Message[] {
    const path: Message[] = [];
    let key = ROOT;
    for (;;) {
      const children = this.#children.get(key);
      if (!children || children.length === 0) return path;
      const chosen = this.#selected.get(key);
      const id = chosen && children.includes(chosen) ? chosen : (children[children.length - 1] as string);
      const message = this.#messages.get(id) as Message;
      path.push(message);
      key = id;
    }
  }

  /** The message and the messages before it, first message first. */
  lineage(id: string): Message[] {
    const lineage: Message[] = [];
    for (let message = this.#messages.get(id); message; ) {
      lineage.unshift(message);
      message = message.parentId === null ? undefined : this.#messages.get(message.parentId);
    }
    return lineage;
  }

  branchInfo(id: string): BranchInfo {
    const ids = this.siblings(id);
    return { index: ids.indexOf(id), count: ids.length, ids };
  }

  clear(): void {
    this.#messages.clear();
    this.#children.clear();
    this.#selected.clear();
  }

  toJSON(): SerializedTree {
    return { messages: [...this.#messages.values()], selected: Object.fromEntries(this.#selected) };
  }

  /** Rebuilds a tree; messages whose parent is missing are dropped rather than left unreachable. */
  static fromJSON(data: SerializedTree): MessageTree {
    const tree = new MessageTree();
    const byParent = new Map<string, Message[]>();
    for (const message of data.messages) {
      byParent.set(parentKey(message), [...(byParent.get(parentKey(message)) ?? []), message]);
    }
    const visit = (key: string) => {
      for (const message of byParent.get(key) ?? []) {
        if (tree.#messages.has(message.id)) continue;
        tree.add(message);
        visit(message.id);
      }
    };
    visit(ROOT);
    tree.#selected.clear();
    for (const [key, id] of Object.entries(data.selected)) {
      if (tree.#messages.get(id) && parentKey(tree.#messages.get(id) as Message) === key)
        tree.#selected.set(key, id);
    }
    return tree;
  }
}
