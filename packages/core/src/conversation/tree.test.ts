import { describe, expect, it } from 'vitest';
import type { Message } from './message.js';
import { createModelMessage, createUserMessage } from './message-factory.js';
import { MessageTree } from './tree.js';

const user = (parentId: string | null, text: string) =>
  createUserMessage(parentId, { content: [{ type: 'text', text }], files: [] });

describe('MessageTree', () => {
  it('shows the newest child at each step unless another is selected', () => {
    const tree = new MessageTree();
    const u1 = user(null, 'first');
    const m1 = createModelMessage(u1.id, 'm', true);
    const m2 = createModelMessage(u1.id, 'm', true);
    for (const message of [u1, m1, m2]) tree.add(message);
    expect(tree.path()).toEqual([u1, m2]);
    tree.select(m1.id);
    expect(tree.path()).toEqual([u1, m1]);
    expect(tree.branchInfo(m1.id)).toEqual({ index: 0, count: 2, ids: [m1.id, m2.id] });
    expect(tree.lineage(m1.id)).toEqual([u1, m1]);
  });

  it('remove takes the descendants along and falls back to the newest remaining sibling', () => {
    const tree = new MessageTree();
    const u1 = user(null, 'first');
    const m1 = createModelMessage(u1.id, 'm', true);
    const u2 = user(m1.id, 'second');
    const m1b = createModelMessage(u1.id, 'm', true);
    for (const message of [u1, m1, u2, m1b]) tree.add(message);
    tree.select(m1.id);
    tree.remove(m1.id);
    expect(tree.get(u2.id)).toBeUndefined();
    expect(tree.path()).toEqual([u1, m1b]);
    expect(tree.size).toBe(2);
    tree.remove('unknown');
    expect(tree.size).toBe(2);
  });

  it('round-trips through JSON, drops orphans, and ignores a selection that points elsewhere', () => {
    const tree = new MessageTree();
    const u1 = user(null, 'first');
    const m1 = createModelMessage(u1.id, 'm', true);
    const m2 = createModelMessage(u1.id, 'm', true);
    for (const message of [u1, m1, m2]) tree.add(message);
    tree.select(m1.id);
    const json = tree.toJSON();
    const orphan: Message = createModelMessage('missing', 'm', true);
    const copy = MessageTree.fromJSON({
      messages: [...json.messages, orphan],
      selected: { ...json.selected, [m2.id]: u1.id },
    });
    expect(copy.path()).toEqual([u1, m1]);
    expect(copy.get(orphan.id)).toBeUndefined();
  });
});
