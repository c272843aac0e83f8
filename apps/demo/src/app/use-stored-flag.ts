import { useEffect, useState } from 'react';

/** A boolean UI preference kept in localStorage (the inspector's toggle survives a reload). */
export function useStoredFlag(key: string, initial: boolean): [boolean, (value: boolean) => void] {
  const [value, setValue] = useState(() => {
    try {
      const saved = localStorage.getItem(key);
      return saved === null ? initial : saved === 'true';
    } catch {
      return initial;
    }
  });
  useEffect(() => {
    try {
      localStorage.setItem(key, String(value));
    } catch {
      // No storage (private mode): the preference lasts for this page.
    }
  }, [key, value]);
  return [value, setValue];
}
