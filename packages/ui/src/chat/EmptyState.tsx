'use client';
import { SparkIcon } from '../icons/icons';
import { useGemkitStrings } from '../strings/strings-context';

/** What an empty chat shows before the first message. */
export function EmptyState() {
  const strings = useGemkitStrings();
  return (
    <div className="gk-empty">
      <SparkIcon />
      <p className="gk-empty-title">{strings.emptyTitle}</p>
      <p className="gk-empty-description">{strings.emptyDescription}</p>
    </div>
  );
}
