import { Message, type MessageProps } from '@gemkit/ui';
import { createContext, memo, useContext } from 'react';

export interface InspectSelection {
  /** The model message whose events the inspector shows. */
  selectedId: string | undefined;
  select: (messageId: string) => void;
}

/** Present while the inspector is open: model messages then offer to be inspected. */
export const InspectContext = createContext<InspectSelection | undefined>(undefined);

/**
 * `<Message>` plus, while the inspector is open, a button that shows this turn's events there. The wrapper is
 * always rendered, so opening the inspector never remounts a message (and loses what the reader had opened).
 */
export const InspectableMessage = memo(function InspectableMessage(props: MessageProps) {
  const inspect = useContext(InspectContext);
  const { message } = props;
  const inspectable = inspect !== undefined && message.role === 'model';
  const selected = inspectable && inspect.selectedId === message.id;
  return (
    <div className="demo-message" data-inspected={selected || undefined}>
      <Message {...props} />
      {inspectable && (
        <button
          type="button"
          className="demo-inspect-button"
          aria-pressed={selected}
          onClick={() => inspect.select(message.id)}
        >
          {selected ? 'Inspecting' : 'Inspect'}
        </button>
      )}
    </div>
  );
});
