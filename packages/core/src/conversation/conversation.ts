import type { GemkitClient } from '../client/create-client.js';
import { prefetchClient } from '../client/prefetch.js';
import { type AnyGemkitError, StreamInterruptedError, toGemkitError, UsageError } from '../errors.js';
import type { PersistenceAdapter } from '../store/persistence/adapter.js';
import type { Schedule } from '../store/schedule.js';
import {
  createFrameStore,
  DEFAULT_STREAMING_UPDATE_MS,
  type FrameStore,
  type ReadableStore,
} from '../store/store.js';
import type { InteractionEvent } from '../wire/index.js';
import { ActiveRequest, failedOutcome } from './active-request.js';
import { type ConversationSnapshot, computeSnapshot, findLastModel } from './conversation-snapshot.js';
import { failureOf, fromInteraction, turnStatusOf } from './derive.js';
import { buildTurnRequest, type ConversationMode } from './history.js';
import { createId } from './ids.js';
import { type MessageInput, normalizeInput } from './input.js';
import { InteractionRun, type RunOutcome, type RunUpdate } from './interaction-run.js';
import type { Message, ModelMessage, UserMessage } from './message.js';
import { createModelMessage, createUserMessage } from './message-factory.js';
import { deserializeTree, type SerializedConversation, serializeTree } from './serialize.js';
import { pickSettings, type RequestSettings } from './settings.js';
import type { ToolCallHandler, ToolResultOptions } from './tool-calls.js';
import { MessageTree } from './tree.js';

export interface ConversationCallbacks {
  /** Every stream event of every turn, as it arrives. */
  onEvent?: (event: InteractionEvent) => void;
  /** A turn ended without error: completed, stopped (`cancelled`) or waiting for a function result. */
  onFinish?: (message: ModelMessage) => void;
  /** A turn failed (the message is marked and kept for `retry()`), or saved state could not be read or written. */
  onError?: (error: AnyGemkitError, message: ModelMessage | undefined) => void;
}

export interface RestoreOptions {
  /** Save the restored data through `persistence` (default). `false` when it was just loaded from there. */
  save?: boolean;
}

export interface ConversationOptions extends RequestSettings, ConversationCallbacks {
  client: GemkitClient;
  /** Default `stateful`. Can change between turns (`setOptions({ mode })`), in both directions. */
  mode?: ConversationMode;
  /** Names the conversation; the persistence key. Default: a random id. */
  id?: string;
  /**
   * Where the conversation is saved (a SerializedConversation) after every change that matters, and loaded
   * from by `hydrate()`. Any adapter fits: what it loads is checked before use.
   */
  persistence?: PersistenceAdapter<SerializedConversation> | PersistenceAdapter;
  /** Continue a turn that a reload or an unmount interrupted, when the server kept it (default true). */
  resumeInterrupted?: boolean;
  /** Attachments up to this many bytes are inlined as base64, larger ones uploaded (default 256 KiB). */
  inlineMaxBytes?: number;
  /** When subscribers hear about changes (default: once per animation frame). */
  schedule?: Schedule;
  /**
   * While an answer streams, subscribers hear about new text at most this often, in ms (default
   * {@link DEFAULT_STREAMING_UPDATE_MS}); every other change is told at the next frame. At 0, every frame.
   */
  streamingUpdateMs?: number;
  /**
   * Runs the functions the model calls (declared in `tools`): each result is sent back and the turn goes on
   * in the same model message, as long as the model calls. Without it, or for a call it returns `undefined`
   * for, the turn ends `requires_action` and waits for `addToolResult`.
   */
  onToolCall?: ToolCallHandler;
  /** Result round trips a turn makes through `onToolCall` before it ends with a ToolRoundtripLimitError (default 5). */
  maxToolRoundtrips?: number;
}

class ActiveTurn extends ActiveRequest {
  constructor(
    readonly userId: string,
    readonly modelId: string,
  ) {
    super();
  }
}

const isInFlight = (message: Message | undefined): message is ModelMessage =>
  message?.role === 'model' && (message.status === 'submitted' || message.status === 'streaming');

/**
 * A multi-turn conversation with the Interactions API, framework-agnostic: React binds to it with
 * `useSyncExternalStore(conversation.subscribe, conversation.getSnapshot)`, anything else can too.
 *
 * Every operation changes state here; subscribers hear about it at most once per frame (about streamed text, at
 * most every `streamingUpdateMs`). Turn failures never
 * reject: they land on the turn's message (status `error`, a typed `error`) and in `onError`. The returned
 * promises reject only for calls that cannot be made (a UsageError: an empty message, an unknown id).
 */
export class Conversation implements ReadableStore<ConversationSnapshot> {
  readonly id: string;
  #options: ConversationOptions;
  #tree = new MessageTree();
  readonly #store: FrameStore<ConversationSnapshot>;
  #active: ActiveTurn | undefined;
  /** The newest stream update, applied to its message lazily: once per frame, not once per event. */
  #live: (RunUpdate & { modelId: string }) | undefined;
  #hydrated: boolean;
  #hydration: Promise<void> | undefined;
  #saving: Promise<void> = Promise.resolve();
  #saveQueued = false;
  #attachments = 0;

  constructor(options: ConversationOptions) {
    this.#options = options;
    this.id = options.id ?? createId('conv');
    this.#hydrated = !options.persistence;
    this.#store = createFrameStore(
      (previous) => {
        this.#materialize();
        const source = {
          id: this.id,
          mode: this.mode,
          tree: this.#tree,
          hydrated: this.#hydrated,
          activeModelId: this.#active?.modelId,
        };
        return computeSnapshot(source, previous);
      },
      { schedule: options.schedule },
    );
  }

  // Arrow properties: `useSyncExternalStore(conversation.subscribe, conversation.getSnapshot)` passes them unbound.
  subscribe = (listener: () => void): (() => void) => this.#store.subscribe(listener);
  getSnapshot = (): ConversationSnapshot => this.#store.getSnapshot();

  get mode(): ConversationMode {
    return this.#options.mode ?? 'stateful';
  }

  /**
   * Changes settings, callbacks or mode for the turns to come. Switching mode works both ways: to stateless,
   * the history is sent from the messages kept here; to stateful, the first turn sends the history once as
   * steps (interactions made with `store: false` cannot be pointed at) and later turns point at that one.
   */
  setOptions(options: Partial<Omit<ConversationOptions, 'id' | 'persistence' | 'schedule'>>): void {
    const modeChanged = options.mode !== undefined && options.mode !== this.mode;
    this.#options = { ...this.#options, ...options };
    if (modeChanged) this.#store.invalidate();
  }

  /** Loads saved state once (later calls share the first); every operation waits for it. */
  hydrate(): Promise<void> {
    this.#hydration ??= this.#load();
    return this.#hydration;
  }

  /**
   * For a view layer: call on mount, and the returned function on unmount. On mount, saved state is loaded
   * and an interrupted turn resumed; on the last unmount, in-flight work is aborted — left resumable when it
   * is saved and stored on the server, else stopped and cancelled upstream. Mount → unmount → mount (React's
   * StrictMode) starts nothing twice.
   */
  attach(): () => void {
    this.#attachments++;
    prefetchClient();
    this.hydrate().then(() => {
      if (this.#attachments > 0 && this.#options.resumeInterrupted !== false) this.resume();
    });
    let detached = false;
    return () => {
      if (detached) return;
      detached = true;
      this.#attachments--;
      if (this.#attachments === 0) this.#suspend();
    };
  }

  /** Sends a user message (text, or parts with Files / Blobs) after the shown branch, and streams the answer. */
  async send(input: MessageInput): Promise<void> {
    const normalized = normalizeInput(input);
    await this.hydrate();
    this.stop();
    const leaf = this.#tree.path().at(-1);
    const user = createUserMessage(leaf?.id ?? null, normalized);
    this.#tree.add(user);
    await this.#runTurn(user.id);
  }

  /**
   * Sends the last turn again when it failed or was stopped, with the same user message (and attachments: the
   * ones that were uploaded are not uploaded again). Does nothing when the last turn did not fail.
   */
  async retry(): Promise<void> {
    await this.hydrate();
    const last = this.#tree.path().at(-1);
    if (!last || this.#active) return;
    if (last.role === 'user') return this.#runTurn(last.id);
    if (last.status !== 'error' && last.status !== 'cancelled' && !isInFlight(last)) return;
    this.#tree.remove(last.id);
    return this.#runTurn(last.parentId);
  }

  /**
   * Asks for another answer to the same user message. The previous answer is kept as a branch.
   * @param messageId a model message (its user message is answered again) or a user message; default: the last.
   */
  async regenerate(messageId?: string): Promise<void> {
    await this.hydrate();
    const target = messageId === undefined ? findLastModel(this.#tree.path()) : this.#tree.get(messageId);
    if (!target)
      throw new UsageError(
        messageId ? `No message with id ${messageId}` : 'There is no answer to regenerate',
      );
    this.stop();
    await this.#runTurn(target.role === 'model' ? target.parentId : target.id);
  }

  /**
   * Replaces a user message by a new version and answers it, as a new branch: the original message and
   * everything after it stay reachable through `switchBranch`. Editing with text alone keeps the attachments.
   */
  async edit(messageId: string, input: MessageInput): Promise<void> {
    const normalized = normalizeInput(input);
    await this.hydrate();
    const original = this.#tree.get(messageId);
    if (original?.role !== 'user') throw new UsageError(`No user message with id ${messageId}`);
    this.stop();
    const carried = typeof input === 'string' ? original.attachments : [];
    const user = createUserMessage(original.parentId, normalized, carried);
    this.#tree.add(user);
    await this.#runTurn(user.id);
  }

  /**
   * Shows another sibling of a message (and the branch that follows it).
   * @param to a sibling index, a sibling id, or 'next' / 'prev'; beyond the first or last sibling, nothing changes.
   */
  switchBranch(messageId: string, to: number | string | 'next' | 'prev'): void {
    const ids = this.#tree.siblings(messageId);
    if (ids.length === 0) throw new UsageError(`No message with id ${messageId}`);
    const index = ids.indexOf(messageId);
    const target =
      to === 'next' ? index + 1 : to === 'prev' ? index - 1 : typeof to === 'number' ? to : ids.indexOf(to);
    const id = ids[target];
    if (id === undefined) return;
    this.#tree.select(id);
    this.#changed();
  }

  /**
   * Answers a function call the last turn waits for (see `pendingToolCalls`). Once each of its calls has a
   * result, the turn goes on: the results are sent and the answer streams into the same message.
   */
  async addToolResult(callId: string, result: unknown, options?: ToolResultOptions): Promise<void> {
    await this.hydrate();
    const ready = (await import('./continue-turn.js')).answerCall(this.#tree, callId, result, options);
    return ready ? this.#runTurn(ready.parentId, ready) : this.#changed();
  }

  /**
   * Stops the running turn: the request is aborted and the generation cancelled on the server. The turn keeps
   * what had arrived, marked `cancelled`, and can be retried.
   */
  stop(): void {
    const active = this.#active;
    if (!active) return;
    this.#active = undefined;
    active.stop();
    this.#materialize();
    const model = this.#tree.get(active.modelId) as ModelMessage;
    const stopped: ModelMessage = { ...model, status: 'cancelled' };
    this.#tree.replace(stopped);
    this.#markUser(active.userId, stopped);
    this.#changed();
    this.#options.onFinish?.(stopped);
  }

  /** Stops what is running and forgets everything, saved state included. */
  async reset(): Promise<void> {
    await this.hydrate();
    this.stop();
    this.#tree.clear();
    this.#store.invalidate();
    const adapter = this.#options.persistence;
    if (adapter) await this.#queueStorage(() => adapter.remove(this.id));
  }

  /** The whole conversation, all branches included, as plain data (Blobs of unsent attachments aside). */
  serialize(): SerializedConversation {
    this.#materialize();
    return serializeTree(this.id, this.#tree);
  }

  /**
   * Replaces the conversation by saved data. A turn that was running when it was saved is resumable. The data
   * is saved through `persistence`, unless `save: false` says it came from there (another tab saved it):
   * writing it back would only echo it, and could land after a newer save of that tab.
   */
  restore(data: SerializedConversation, options: RestoreOptions = {}): void {
    const tree = deserializeTree(data);
    if (!tree) throw new UsageError('This is not a saved conversation (version 1)');
    this.stop();
    this.#tree = tree;
    this.#store.invalidate();
    if (options.save !== false) this.#persist();
  }

  /**
   * Continues the last turn if it was interrupted (a reload or an unmount mid-stream): the stream is read again
   * from the last event seen. A turn that cannot be resumed (stateless, or never named by the server) is
   * marked failed with a StreamInterruptedError, ready for `retry()`.
   */
  async resume(): Promise<void> {
    await this.hydrate();
    if (this.#active) return;
    const last = this.#tree.path().at(-1);
    let resumable: ModelMessage | undefined;
    for (const message of this.#interruptedTurns()) {
      if (message === last && message.stored && message.interactionId) {
        resumable = message;
        continue;
      }
      // Only the shown last turn is resumed; another interrupted one (a hidden branch) can be retried.
      const reason = !message.stored
        ? 'not_stored'
        : message.interactionId
          ? 'resume_failed'
          : 'no_interaction_id';
      const ids = { interactionId: message.interactionId, lastEventId: message.lastEventId };
      this.#finish(message, { status: 'error', error: new StreamInterruptedError(reason, ids, {}) });
    }
    if (resumable) await this.#runTurn(resumable.parentId, resumable);
  }

  /** Answers a user message, resumes an interrupted turn, or (`resumed` waits for results) goes on after function calls. */
  async #runTurn(userId: string, resumed?: ModelMessage): Promise<void> {
    const model = resumed ?? createModelMessage(userId, this.#options.model, this.mode !== 'stateless');
    // Going on after function calls is a new request in the same message: in flight, not named yet.
    this.#tree[resumed ? 'replace' : 'add'](
      model.status === 'requires_action'
        ? { ...model, status: 'submitted', interactionId: undefined }
        : model,
    );
    const active = new ActiveTurn(userId, model.id);
    this.#active = active;
    this.#changed();
    let outcome: RunOutcome;
    try {
      await this.#prepareAttachments(active);
      const onUpdate = (update: RunUpdate) => this.#onUpdate(active, update);
      const settings = { stream: true, ...pickSettings(this.#options) };
      // A resumed turn, or one that goes on after function calls: their code loads when first needed.
      const run = resumed
        ? await (await import('./continue-turn.js')).continueTurn(
            resumed,
            onUpdate,
            this.#tree,
            this.#store,
            active,
            settings,
            this.#options,
          )
        : new InteractionRun(
            this.#options.client,
            buildTurnRequest(this.mode, settings, this.#tree.lineage(userId)),
            onUpdate,
          );
      if (this.#active !== active) return;
      active.run = run;
      outcome = await run.run();
    } catch (caught) {
      outcome = failedOutcome(caught);
    }
    return this.#settle(active, outcome);
  }

  /**
   * Uploads (or inlines) the user message's attachments that are not ready, with progress. The code for it
   * loads with the first attachment: most turns have none.
   */
  async #prepareAttachments(active: ActiveTurn): Promise<void> {
    const current = () => this.#tree.get(active.userId) as UserMessage;
    if (current().attachments.every((attachment) => attachment.status === 'ready')) return;
    const { prepareUserAttachments } = await import('./user-attachments.js');
    const replace = (message: UserMessage) => {
      this.#tree.replace(message);
      this.#store.invalidate();
    };
    await prepareUserAttachments(current, replace, {
      client: this.#options.client,
      inlineMaxBytes: this.#options.inlineMaxBytes,
      signal: active.uploads.signal,
    });
  }

  #onUpdate(active: ActiveTurn, update: RunUpdate): void {
    if (this.#active !== active) return;
    this.#live = { ...update, modelId: active.modelId };
    const model = this.#tree.get(active.modelId) as ModelMessage;
    if (!model.interactionId && update.interaction?.id) {
      // The server has named the turn: save now, so that a reload from here on can resume it.
      this.#materialize();
      this.#markUser(active.userId, this.#tree.get(active.modelId) as ModelMessage);
      this.#changed();
    } else {
      this.#store.invalidate(this.#options.streamingUpdateMs ?? DEFAULT_STREAMING_UPDATE_MS);
    }
    if (update.event) this.#options.onEvent?.(update.event);
  }

  #settle(active: ActiveTurn, outcome: RunOutcome): Promise<void> | undefined {
    if (this.#active !== active) return; // stopped or suspended: already settled there
    this.#active = undefined;
    this.#materialize();
    const { interaction, error } = outcome;
    const status = error ? 'error' : turnStatusOf(interaction);
    const model = this.#tree.get(active.modelId) as ModelMessage;
    const turn: ModelMessage = {
      ...model,
      ...(interaction ? fromInteraction(interaction) : {}),
      interactionId: interaction?.id || model.interactionId,
      lastEventId: outcome.lastEventId ?? model.lastEventId,
      // A stream that ended without saying how (no interaction.completed status) completed.
      status: status === 'streaming' ? 'completed' : status,
      error: error ?? (status === 'error' ? failureOf(interaction) : undefined),
    };
    // The model called functions and the app runs them: the turn goes on by itself. (A run reports `stopped`
    // here only when it said that some call waits for addToolResult: a stopped run never settles.)
    if (turn.status === 'requires_action' && this.#options.onToolCall && !outcome.stopped)
      return this.#runTurn(turn.parentId, turn);
    this.#finish(turn);
  }

  #finish(model: ModelMessage, result?: Pick<ModelMessage, 'status' | 'error'>): void {
    const finished: ModelMessage = { ...model, ...result };
    this.#tree.replace(finished);
    this.#markUser(finished.parentId, finished);
    this.#changed();
    if (finished.error) this.#options.onError?.(finished.error, finished);
    else this.#options.onFinish?.(finished);
  }

  /** The user message reached the model once the server named the turn; else it was never sent. */
  #markUser(userId: string, model: ModelMessage): void {
    const user = this.#tree.get(userId);
    if (user?.role !== 'user') return;
    const status = model.interactionId ? 'sent' : isInFlight(model) ? 'pending' : 'unsent';
    if (user.status !== status) this.#tree.replace({ ...user, status });
  }

  /** Applies the newest stream update to its message: the per-frame half of streaming. */
  #materialize(): void {
    const live = this.#live;
    this.#live = undefined;
    const model = live && this.#tree.get(live.modelId);
    if (!live?.interaction || model?.role !== 'model') return;
    this.#tree.replace({
      ...model,
      ...fromInteraction(live.interaction),
      interactionId: live.interaction.id || model.interactionId,
      model: live.interaction.model ?? model.model,
      lastEventId: live.lastEventId ?? model.lastEventId,
      status: live.event ? 'streaming' : model.status,
    });
  }

  /** The last unmount: abort the connection; keep the turn resumable if it can be, else stop it for good. */
  #suspend(): void {
    const active = this.#active;
    if (!active) return;
    this.#materialize();
    const model = this.#tree.get(active.modelId) as ModelMessage;
    if (!this.#options.persistence || !model.stored || !model.interactionId) {
      this.stop();
      return;
    }
    this.#active = undefined;
    active.uploads.abort();
    active.run?.detach();
    this.#persist();
  }

  #interruptedTurns(): ModelMessage[] {
    const interrupted: ModelMessage[] = [];
    for (const message of this.#tree.toJSON().messages) {
      if (isInFlight(message) && message.id !== this.#active?.modelId) interrupted.push(message);
    }
    return interrupted;
  }

  #changed(): void {
    this.#store.invalidate();
    this.#persist();
  }

  /** Saves the latest state; saves asked for while one is queued collapse into it. */
  #persist(): void {
    const adapter = this.#options.persistence;
    if (!adapter || !this.#hydrated || this.#saveQueued) return;
    this.#saveQueued = true;
    this.#queueStorage(() => {
      this.#saveQueued = false;
      return adapter.save(this.id, this.serialize());
    });
  }

  /** Storage operations run one after another, so an older save never lands after a newer one. */
  #queueStorage(operation: () => void | Promise<void>): Promise<void> {
    this.#saving = this.#saving.then(operation).catch((error: unknown) => {
      this.#options.onError?.(toGemkitError(error), undefined);
    });
    return this.#saving;
  }

  async #load(): Promise<void> {
    const adapter = this.#options.persistence;
    if (!adapter) return;
    try {
      const tree = deserializeTree(await adapter.load(this.id));
      // Nothing can have been added meanwhile (every operation waits for hydration), but be sure.
      if (tree && this.#tree.size === 0) this.#tree = tree;
    } catch (error) {
      this.#options.onError?.(toGemkitError(error), undefined);
    } finally {
      this.#hydrated = true;
      this.#store.invalidate();
    }
  }
}
