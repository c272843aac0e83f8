import type { AnyGemkitError } from '../errors.js';
import type { ConversationMode } from './history.js';
import type { BranchInfo, Message, ModelMessage, TurnStatus } from './message.js';
import type { MessageTree } from './tree.js';

export type ConversationStatus = 'idle' | TurnStatus;

/** What a conversation UI renders. Unchanged messages (and this object, if nothing changed) keep identity. */
export interface ConversationSnapshot {
  id: string;
  mode: ConversationMode;
  /** The shown branch, first message first. */
  messages: readonly Message[];
  /** For every shown message, its place among its siblings (the alternatives from `edit` / `regenerate`). */
  branches: Readonly<Record<string, BranchInfo>>;
  /** The running turn's status; else the last shown turn's; `idle` before the first. */
  status: ConversationStatus;
  /** The last shown turn's error, when its status is `error`. */
  error: AnyGemkitError | undefined;
  /** A turn is submitted or streaming: the time to show a stop button. */
  isLoading: boolean;
  /** Saved state has been loaded (true from the start without persistence). */
  hydrated: boolean;
}

export interface SnapshotSource {
  id: string;
  mode: ConversationMode;
  tree: MessageTree;
  activeModelId: string | undefined;
  hydrated: boolean;
}

export function computeSnapshot(
  source: SnapshotSource,
  previous: ConversationSnapshot | undefined,
): ConversationSnapshot {
  const path = source.tree.path();
  const messages = previous && sameItems(previous.messages, path) ? previous.messages : path;
  const branches = branchesOf(source.tree, messages, previous?.branches);
  const active = source.activeModelId
    ? (source.tree.get(source.activeModelId) as ModelMessage | undefined)
    : undefined;
  const lastModel = findLastModel(messages);
  const status = active?.status ?? lastModel?.status ?? 'idle';
  const next: ConversationSnapshot = {
    id: source.id,
    mode: source.mode,
    messages,
    branches,
    status,
    error: !active && status === 'error' ? lastModel?.error : undefined,
    isLoading: status === 'submitted' || status === 'streaming',
    hydrated: source.hydrated,
  };
  // A change in a branch that is not shown must not re-render the UI.
  return previous && sameFields(previous, next) ? previous : next;
}

function branchesOf(
  tree: MessageTree,
  messages: readonly Message[],
  previous: Readonly<Record<string, BranchInfo>> | undefined,
): Readonly<Record<string, BranchInfo>> {
  const branches: Record<string, BranchInfo> = {};
  let unchanged = previous !== undefined && Object.keys(previous).length === messages.length;
  for (const { id } of messages) {
    const info = tree.branchInfo(id);
    const before = previous?.[id];
    if (before && before.index === info.index && sameItems(before.ids, info.ids)) {
      branches[id] = before;
    } else {
      branches[id] = info;
      unchanged = false;
    }
  }
  return unchanged && previous ? previous : branches;
}

/** The last model message, the turn whose status a conversation shows. */
export function findLastModel(messages: readonly Message[]): ModelMessage | undefined {
  return messages.findLast((message): message is ModelMessage => message.role === 'model');
}

export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

function sameFields<T extends object>(a: T, b: T): boolean {
  return (Object.keys(b) as (keyof T)[]).every((key) => a[key] === b[key]);
}
