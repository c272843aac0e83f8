'use client';
import type { BranchInfo, Message } from '@gemkit/react';
import { IconButton } from '../icons/IconButton';
import { ChevronLeftIcon, ChevronRightIcon } from '../icons/icons';
import { useGemkitStrings } from '../strings/strings-context';
import { branchControls, useHandOff } from './focus-handoff';
import type { MessageActions } from './message-actions';

export interface BranchSwitcherProps {
  message: Message;
  branch: BranchInfo;
  actions: MessageActions;
}

/**
 * ‹ 2/3 › — which version of a message is shown (edits and regenerations), and buttons to switch. The
 * switch replaces the message by its sibling: focus is handed to the same arrow in the sibling.
 */
export function BranchSwitcher({ message, branch, actions }: BranchSwitcherProps) {
  const strings = useGemkitStrings();
  const handOff = useHandOff(message.parentId);
  const position = branch.index + 1;
  const switchTo = (to: 'prev' | 'next') => {
    handOff(branchControls(to));
    actions.switchBranch(message.id, to);
  };
  return (
    <span className="gk-branches">
      <IconButton
        label={strings.previousBranch}
        focusKey="branch-prev"
        disabled={branch.index === 0}
        onClick={() => switchTo('prev')}
      >
        <ChevronLeftIcon />
      </IconButton>
      <span className="gk-branches-position">
        <span aria-hidden="true">
          {position}/{branch.count}
        </span>
        <span className="gk-visually-hidden">{strings.branchPosition(position, branch.count)}</span>
      </span>
      <IconButton
        label={strings.nextBranch}
        focusKey="branch-next"
        disabled={position === branch.count}
        onClick={() => switchTo('next')}
      >
        <ChevronRightIcon />
      </IconButton>
    </span>
  );
}
