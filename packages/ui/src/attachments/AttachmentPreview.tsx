'use client';
import { IconButton } from '../icons/IconButton';
import { CloseIcon, FileIcon } from '../icons/icons';
import { useGemkitStrings } from '../strings/strings-context';
import { useObjectUrl } from './use-object-url';

export interface AttachmentPreviewProps {
  name: string | undefined;
  mimeType: string;
  size: number;
  /** The bytes, when still at hand: images get a thumbnail from them. */
  file: Blob | undefined;
  /** A saved preview (`data:image/…`), shown when the bytes are gone (after a reload). */
  thumbnail?: string | undefined;
  /** Upload progress from 0 to 1 while uploading. */
  progress?: number | undefined;
  status?: 'pending' | 'uploading' | 'ready' | 'error' | undefined;
  /** Shows a remove button (a draft attachment, before sending). */
  onRemove?: (() => void) | undefined;
}

/**
 * One attachment: a thumbnail for an image whose bytes (or saved preview) are at hand, else a file chip
 * with name and size; upload progress while uploading; a remove button for drafts.
 */
export function AttachmentPreview({
  name,
  mimeType,
  size,
  file,
  thumbnail,
  progress,
  status,
  onRemove,
}: AttachmentPreviewProps) {
  const strings = useGemkitStrings();
  const label = name || strings.unnamedAttachment;
  const isImage = mimeType.startsWith('image/');
  const objectUrl = useObjectUrl(isImage ? file : undefined);
  const saved = isImage && !file && thumbnail?.startsWith('data:image/') ? thumbnail : undefined;
  const url = objectUrl ?? saved;
  const showsImage = isImage && (file !== undefined || saved !== undefined);
  return (
    <div className="gk-attachment" data-status={status} data-kind={showsImage ? 'image' : 'file'}>
      {showsImage ? (
        url ? (
          <img className="gk-attachment-thumb" src={url} alt={strings.attachmentAlt(label)} />
        ) : (
          <span className="gk-attachment-thumb" />
        )
      ) : (
        <span className="gk-attachment-file">
          <FileIcon />
          <span className="gk-attachment-meta">
            <span className="gk-attachment-name">{label}</span>
            <span className="gk-attachment-size">{strings.fileSize(size)}</span>
          </span>
        </span>
      )}
      {status === 'uploading' && (
        <progress
          className="gk-attachment-progress"
          max={1}
          value={progress ?? 0}
          aria-label={strings.attachmentUploading(label)}
        />
      )}
      {status === 'error' && <span className="gk-attachment-error">{strings.attachmentFailed(label)}</span>}
      {onRemove && (
        <IconButton
          className="gk-attachment-remove"
          label={strings.removeAttachment(label)}
          onClick={onRemove}
        >
          <CloseIcon />
        </IconButton>
      )}
    </div>
  );
}
