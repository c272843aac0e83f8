'use client';
import { useEffect, useState } from 'react';

/**
 * An object URL for a Blob, for as long as the component shows it: created after mount and revoked on
 * unmount or when the Blob changes, so previews never leak the bytes they point at.
 */
export function useObjectUrl(blob: Blob | undefined): string | undefined {
  const [url, setUrl] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!blob) {
      setUrl(undefined);
      return;
    }
    const created = URL.createObjectURL(blob);
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [blob]);
  return url;
}
