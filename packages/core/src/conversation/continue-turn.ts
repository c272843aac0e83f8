/*
 * A turn that goes on in the same model message: resumed after a reload or an unmount (its stream read again
 * from the last event seen), or continued after function calls (`onToolCall` runs them, the results are sent
 * back, the answer streams on). Both are rare next to a plain answer, so this loads when first needed.
 */
import type { FrameStore } from '../store/store.js';
import type { Interaction, Step } from '../wire/index.js';
import type { ActiveRequest } from './active-request.js';
import type { ConversationOptions } from './conversation.js';
import { InteractionRun, type ResumeFrom, type RunOutcome, type RunUpdate } from './interaction-run.js';
import type { ModelMessage } from './message.js';
import type { RequestSettings } from './settings.js';
import { toolRound } from './tool-round.js';
import type { MessageTree } from './tree.js';

export { answerCall } from './tool-results.js';

/**
 * The run that continues `turn`: its resumed stream, or — when it waits for function results — the request
 * that sends them. When some call is left for `addToolResult`, a run that only reports the turn waiting
 * again (with `stopped` set, so that the conversation does not go on by itself).
 */
export async function continueTurn(
  turn: ModelMessage,
  onUpdate: (update: RunUpdate) => void,
  tree: MessageTree,
  store: FrameStore<unknown>,
  active: ActiveRequest,
  settings: RequestSettings,
  options: ConversationOptions,
): Promise<InteractionRun> {
  const { client } = options;
  if (turn.status !== 'requires_action') {
    const from = turn.roundStart ?? 0;
    const id = turn.interactionId ?? '';
    const resume: ResumeFrom = {
      interactionId: id,
      lastEventId: turn.lastEventId,
      snapshot: { id, status: 'in_progress', steps: turn.steps.slice(from), usage: turn.usage },
    };
    return new PrefixedRun(client, { model: turn.model ?? '' }, onUpdate, turn.steps.slice(0, from), resume);
  }
  const show = (message: ModelMessage) => {
    tree.replace(message);
    store.invalidate();
  };
  const lineage = tree.lineage(turn.parentId);
  const next = await toolRound(turn, lineage, show, active.uploads.signal, settings, options);
  if (next && !('role' in next)) {
    const prefix = (tree.get(turn.id) as ModelMessage).steps;
    return new PrefixedRun(client, next, onUpdate, prefix);
  }
  const waiting = next ?? turn;
  const interaction: Interaction = {
    id: waiting.interactionId ?? '',
    status: 'requires_action',
    model: waiting.model,
    steps: [...waiting.steps],
    usage: waiting.usage,
  };
  const outcome: RunOutcome = {
    interaction,
    error: undefined,
    stopped: true,
    lastEventId: waiting.lastEventId,
  };
  return { run: async () => outcome, stop() {}, detach() {} } as unknown as InteractionRun;
}

/**
 * A run whose Interaction is shown after the steps the turn already had (its earlier requests and the results
 * sent back): the stream's events index the new interaction's own steps, so the prefix is added to what it
 * reports, not to what it reduces.
 */
class PrefixedRun extends InteractionRun {
  readonly #prefix: readonly Step[];

  constructor(
    client: ConversationOptions['client'],
    request: ConstructorParameters<typeof InteractionRun>[1],
    onUpdate: (update: RunUpdate) => void,
    prefix: readonly Step[],
    resume?: ResumeFrom,
  ) {
    super(
      client,
      request,
      (update) => onUpdate({ ...update, interaction: withPrefix(update.interaction, prefix) }),
      resume,
    );
    this.#prefix = prefix;
  }

  override async run(): Promise<RunOutcome> {
    const outcome = await super.run();
    return { ...outcome, interaction: withPrefix(outcome.interaction, this.#prefix) };
  }
}

function withPrefix(interaction: Interaction | undefined, prefix: readonly Step[]): Interaction | undefined {
  return interaction && prefix.length > 0
    ? { ...interaction, steps: [...prefix, ...(interaction.steps ?? [])] }
    : interaction;
}
