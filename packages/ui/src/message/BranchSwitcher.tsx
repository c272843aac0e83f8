'use client';
import type { BranchInfo } from '@gemkit/react';
import { ChevronLeftIcon, ChevronRightIcon } from '../icons/icons';
import { useGemkitStrings } from '../strings/strings-context';

export interface BranchSwitcherProps {
  branch: BranchInfo;
  onSwitch: (to: 'prev' | 'next') => void;
}

/** ‹ 2/3 › — which version of a message is shown (edits and regenerations), and buttons to switch. */
export function BranchSwitcher({ branch, onSwitch }: BranchSwitcherProps) {
  const strings = useGemkitStrings();
  const position = branch.index + 1;
  return (
    <span className="gk-branches">
      <button
        type="button"
        className="gk-icon-button"
        aria-label={strings.previousBranch}
        title={strings.previousBranch}
        data-focus-key="branch-prev"
        disabled={branch.index === 0}
        onClick={() => onSwitch('prev')}
      >
        <ChevronLeftIcon />
      </button>
      <span className="gk-branches-position">
        <span aria-hidden="true">
          {position}/{branch.count}
        </span>
        <span className="gk-visually-hidden">{strings.branchPosition(position, branch.count)}</span>
      </span>
      <button
        type="button"
        className="gk-icon-button"
        aria-label={strings.nextBranch}
        title={strings.nextBranch}
        data-focus-key="branch-next"
        disabled={position === branch.count}
        onClick={() => onSwitch('next')}
      >
        <ChevronRightIcon />
      </button>
    </span>
  );
}
