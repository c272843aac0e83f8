/*
 * A turn that goes on in the same model message: resumed after a reload or an unmount (its stream read again
 * from the last event seen), or continued after function calls (`onToolCall` runs them, the results are sent
 * back, the answer streams on). Both are rare next to a plain answer, so this loads when first needed.
 */
import type { FrameStore } from '../store/store.js';
import type { Interaction, Step, Usage } from '../wire/index.js';
import type { ActiveRequest } from './active-request.js';
import type { ConversationOptions } from './conversation.js';
import { InteractionRun, type ResumeFrom, type RunOutcome, type RunUpdate } from './interaction-run.js';
import type { ModelMessage } from './message.js';
import type { RequestSettings } from './settings.js';
import { toolRound } from './tool-round.js';
import type { MessageTree } from './tree.js';
import { addUsage } from './usage-sum.js';

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
    // The request being resumed had its own usage only if the turn has no earlier ones (else `usage` is theirs
    // and its own together, and its own comes again with the stream's end).
    const usage = turn.earlierUsage ? undefined : turn.usage;
    const resume: ResumeFrom = {
      interactionId: id,
      lastEventId: turn.lastEventId,
      snapshot: { id, status: 'in_progress', steps: turn.steps.slice(from), usage },
    };
    const earlier = { steps: turn.steps.slice(0, from), usage: turn.earlierUsage };
    return new PrefixedRun(client, { model: turn.model ?? '' }, onUpdate, earlier, resume);
  }
  const show = (message: ModelMessage) => {
    tree.replace(message);
    store.invalidate();
  };
  const lineage = tree.lineage(turn.parentId);
  const next = await toolRound(turn, lineage, show, active.uploads.signal, settings, options);
  if (next && !('role' in next)) {
    const { steps, earlierUsage } = tree.get(turn.id) as ModelMessage;
    return new PrefixedRun(client, next, onUpdate, { steps, usage: earlierUsage });
  }
  const waiting = next ?? turn;
  // Its usage is already every request's so far: reported as it is.
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

/** What a turn's earlier requests contributed: their output and the results sent back, and their usage. */
interface Earlier {
  steps: readonly Step[];
  usage: Usage | undefined;
}

/**
 * A run whose Interaction is shown after what the turn's earlier requests brought (the steps they output and
 * the results sent back, their usage): the stream's events index the new interaction's own steps and report
 * its own usage, so the earlier part is added to what it reports, not to what it reduces.
 */
class PrefixedRun extends InteractionRun {
  readonly #earlier: Earlier;

  constructor(
    client: ConversationOptions['client'],
    request: ConstructorParameters<typeof InteractionRun>[1],
    onUpdate: (update: RunUpdate) => void,
    earlier: Earlier,
    resume?: ResumeFrom,
  ) {
    super(
      client,
      request,
      (update) => onUpdate({ ...update, interaction: withEarlier(update.interaction, earlier) }),
      resume,
    );
    this.#earlier = earlier;
  }

  override async run(): Promise<RunOutcome> {
    const outcome = await super.run();
    return { ...outcome, interaction: withEarlier(outcome.interaction, this.#earlier) };
  }
}

function withEarlier(interaction: Interaction | undefined, earlier: Earlier): Interaction | undefined {
  if (!interaction || (earlier.steps.length === 0 && !earlier.usage)) return interaction;
  return {
    ...interaction,
    steps: [...earlier.steps, ...(interaction.steps ?? [])],
    usage: addUsage(earlier.usage, interaction.usage),
  };
}
