import { NewChatIcon } from '@gemkit/ui';
import type { UpstreamKind } from '../../shared/demo-status';
import type { ConversationIndex } from '../conversations/conversation-index';
import { newestFirst } from '../conversations/conversation-index';
import { ExternalIcon, LogoMark } from '../icons';
import { UpstreamBadge } from '../status/UpstreamBadge';
import { ThemeToggle } from '../theme/ThemeToggle';
import { ConversationListItem } from './ConversationListItem';
import { useNow } from './use-now';

export interface SidebarProps {
  index: ConversationIndex | undefined;
  upstream: UpstreamKind | undefined;
  onNew: () => void;
  onSelect: (id: string) => void;
  onRename: (id: string, title: string) => void;
  onDelete: (id: string) => void;
}

/** The chats, newest first, and what applies to all of them: new chat, theme, where answers come from. */
export function Sidebar({ index, upstream, onNew, onSelect, onRename, onDelete }: SidebarProps) {
  const conversations = index ? newestFirst(index.conversations) : [];
  const now = useNow(30_000);
  return (
    <nav className="demo-sidebar" aria-label="Conversations">
      <div className="demo-brand">
        <LogoMark />
        <span className="demo-brand-name">Gemkit</span>
        <span className="demo-brand-tag">demo</span>
      </div>
      <button type="button" className="demo-new-chat" onClick={onNew}>
        <NewChatIcon />
        New chat
      </button>
      <h2 className="demo-sidebar-heading" id="demo-chats-heading">
        Chats
      </h2>
      <ul className="demo-conversation-list" aria-labelledby="demo-chats-heading">
        {conversations.map((entry) => (
          <ConversationListItem
            key={entry.id}
            entry={entry}
            selected={entry.id === index?.selectedId}
            now={now}
            onSelect={onSelect}
            onRename={onRename}
            onDelete={onDelete}
          />
        ))}
      </ul>
      <div className="demo-sidebar-footer">
        <div className="demo-sidebar-row">
          <UpstreamBadge upstream={upstream} />
          <ThemeToggle />
        </div>
        <a className="demo-widget-link" href="/widget">
          The chat widget on a sample page
          <ExternalIcon />
        </a>
      </div>
    </nav>
  );
}
