'use client';
import { type Dispatch, type SetStateAction, useEffect, useRef, useState } from 'react';

const PREFIX = 'gemkit-draft:';
/** Typing writes at most this often; leaving the page writes at once. */
const SAVE_DELAY_MS = 300;

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // A browser with storage turned off throws on the mere access.
    return undefined;
  }
}

function write(key: string, text: string): void {
  try {
    if (text === '') storage()?.removeItem(PREFIX + key);
    else storage()?.setItem(PREFIX + key, text);
  } catch {
    // Full or refused storage: the draft stays on screen, only the saved copy is missing.
  }
}

/** Forgets a saved draft, e.g. when the app deletes the chat it belonged to. */
export function clearDraft(key: string): void {
  write(key, '');
}

/**
 * The composer's text, kept in localStorage under `key` when one is given, so that a reload, a crash or a
 * switch to another chat does not lose what the user was writing. Loaded after mount (the server renders
 * an empty composer, so hydration matches); saved a moment after typing stops and at once when the page is
 * hidden or left, or the key changes. Without a key it is plain state.
 */
export function useSavedDraft(key: string | undefined): [string, Dispatch<SetStateAction<string>>] {
  const [draft, setDraft] = useState('');
  const latest = useRef({
    /** The key whose draft is on screen (undefined until the first load). */
    key: undefined as string | undefined,
    draft,
    timer: undefined as ReturnType<typeof setTimeout> | undefined,
  });
  latest.current.draft = draft;

  useEffect(() => {
    if (key === undefined) return;
    const state = latest.current;
    const firstLoad = state.key === undefined;
    state.key = key;
    let saved: string | null | undefined;
    try {
      saved = storage()?.getItem(PREFIX + key);
    } catch {
      saved = undefined;
    }
    // On mount, text typed before the saved draft loaded wins over it; another key is another chat's draft.
    if (firstLoad) {
      if (saved) setDraft((current) => current || saved);
    } else setDraft(saved ?? '');
    const flush = () => {
      clearTimeout(state.timer);
      state.timer = undefined;
      write(key, state.draft);
    };
    // Hidden is the last moment a page is sure to run (a tab switch, then a discard; a mobile app switch).
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      if (state.timer !== undefined) flush();
    };
  }, [key]);

  useEffect(() => {
    const state = latest.current;
    if (key === undefined || state.key !== key) return;
    clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      write(key, draft);
    }, SAVE_DELAY_MS);
  }, [key, draft]);

  return [draft, setDraft];
}
