import type { ModelMessage } from '@gemkit/react';
import { useState } from 'react';
import { client } from '../gemkit-client';

/**
 * For a turn whose events this tab did not see (it ran before a reload, or in another tab): the API replays a
 * stored interaction's events from the start (`GET …/interactions/{id}?stream=true`), and the inspector
 * records the replay like any stream.
 */
export function ReplayButton({ turn }: { turn: ModelMessage }) {
  const [state, setState] = useState<'idle' | 'replaying' | 'failed'>('idle');
  const { interactionId } = turn;
  if (!turn.stored || !interactionId) {
    return (
      <p className="demo-inspector-note">
        This turn was not stored on the server (<code>store: false</code>), so its events cannot be replayed.
      </p>
    );
  }
  const replay = async () => {
    setState('replaying');
    try {
      const stream = await client.interactions.get(interactionId, { stream: true });
      for await (const _event of stream) {
        // The recorder sees every event; nothing to do with them here.
      }
      setState('idle');
    } catch {
      setState('failed');
    }
  };
  return (
    <div className="demo-replay">
      <button type="button" className="demo-plain-button" disabled={state === 'replaying'} onClick={replay}>
        {state === 'replaying' ? 'Replaying…' : 'Replay the stored events from the server'}
      </button>
      {state === 'failed' && <p role="alert">The server could not replay this interaction.</p>}
    </div>
  );
}
