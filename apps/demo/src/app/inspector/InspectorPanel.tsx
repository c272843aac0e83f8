import type { ModelMessage, RequestSettings, UseConversationResult } from '@gemkit/react';
import { ChevronLeftIcon, ChevronRightIcon, CloseIcon } from '@gemkit/ui';
import { useRef, useState } from 'react';
import { EventsView } from './EventsView';
import { NextRequestView } from './NextRequestView';
import { ReplayButton } from './ReplayButton';
import { RequestsView } from './RequestsView';
import { useTurnExchanges } from './turn-exchanges';
import { useFollowBottom } from './use-follow-bottom';

type Tab = 'events' | 'requests' | 'history';

const TABS: { id: Tab; label: string }[] = [
  { id: 'events', label: 'Events' },
  { id: 'requests', label: 'Requests' },
  { id: 'history', label: 'History' },
];

export interface InspectorPanelProps {
  chat: UseConversationResult;
  /** The request settings of the chat, for the next-request preview. */
  settings: RequestSettings;
  selectedId: string | undefined;
  onSelect: (messageId: string) => void;
  onClose: () => void;
}

/**
 * The developer-tools view of a turn: its raw SSE events as they arrive, with timing; every request it made;
 * and the history as the next turn will send it.
 */
export function InspectorPanel({ chat, settings, selectedId, onSelect, onClose }: InspectorPanelProps) {
  const [tab, setTab] = useState<Tab>('events');
  const turns = chat.messages.filter((message): message is ModelMessage => message.role === 'model');
  const position = turns.findIndex((turn) => turn.id === selectedId);
  const turn = turns[position];
  const exchanges = useTurnExchanges(turn);
  const panel = useRef<HTMLDivElement>(null);
  // While a turn streams, its newest events stay in view unless the reader scrolls up to older ones.
  const live = exchanges.some((exchange) => exchange.state === 'pending' || exchange.state === 'streaming');
  const onScroll = useFollowBottom(panel, tab === 'events' && live ? exchanges : undefined);
  const go = (offset: number) => {
    const target = turns[position + offset];
    if (target) onSelect(target.id);
  };

  return (
    <aside className="demo-inspector" aria-label="Event inspector">
      <div className="demo-inspector-header">
        <h2 className="demo-inspector-title">Inspector</h2>
        <div className="demo-turn-nav">
          <button
            type="button"
            className="demo-icon-button"
            aria-label="Previous turn"
            disabled={position <= 0}
            onClick={() => go(-1)}
          >
            <ChevronLeftIcon />
          </button>
          <span className="demo-turn-position" aria-live="polite">
            {turn ? `Turn ${position + 1} of ${turns.length}` : 'No turns yet'}
          </span>
          <button
            type="button"
            className="demo-icon-button"
            aria-label="Next turn"
            disabled={position < 0 || position >= turns.length - 1}
            onClick={() => go(1)}
          >
            <ChevronRightIcon />
          </button>
        </div>
        <button type="button" className="demo-icon-button" aria-label="Close the inspector" onClick={onClose}>
          <CloseIcon size={16} />
        </button>
      </div>
      <div className="demo-tabs" role="tablist" aria-label="Inspector views">
        {TABS.map(({ id, label }) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`demo-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`demo-tabpanel-${id}`}
            onClick={() => setTab(id)}
          >
            {label}
          </button>
        ))}
      </div>
      <div
        ref={panel}
        className="demo-tabpanel"
        role="tabpanel"
        id={`demo-tabpanel-${tab}`}
        aria-labelledby={`demo-tab-${tab}`}
        onScroll={onScroll}
      >
        {turn && tab !== 'history' && <TurnFacts turn={turn} />}
        {tab === 'events' && turn && (
          <>
            <EventsView exchanges={exchanges} />
            {exchanges.length === 0 && <ReplayButton turn={turn} />}
          </>
        )}
        {tab === 'requests' && turn && <RequestsView exchanges={exchanges} />}
        {tab === 'history' && <NextRequestView chat={chat} settings={settings} />}
        {!turn && tab !== 'history' && (
          <p className="demo-inspector-empty">Send a message: its events will show here as they arrive.</p>
        )}
      </div>
    </aside>
  );
}

function TurnFacts({ turn }: { turn: ModelMessage }) {
  return (
    <dl className="demo-turn-facts">
      <div>
        <dt>Status</dt>
        <dd data-testid="turn-status">{turn.status}</dd>
      </div>
      <div>
        <dt>Stored</dt>
        <dd>{turn.stored ? 'yes' : 'no (store: false)'}</dd>
      </div>
      <div className="demo-fact-wide">
        <dt>Interaction</dt>
        <dd data-testid="turn-interaction">{turn.interactionId ?? '—'}</dd>
      </div>
      {turn.usage && (
        <div className="demo-fact-wide">
          <dt>Tokens</dt>
          <dd>
            {turn.usage.total_input_tokens ?? 0} in · {turn.usage.total_output_tokens ?? 0} out
            {turn.usage.total_thought_tokens ? ` · ${turn.usage.total_thought_tokens} thinking` : ''}
          </dd>
        </div>
      )}
    </dl>
  );
}
