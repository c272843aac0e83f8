'use client';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { defaultStrings, type GemkitStrings } from './default-strings';

const StringsContext = createContext<GemkitStrings>(defaultStrings);

export interface GemkitStringsProviderProps {
  /** The strings to replace; the rest come from the nearest provider above, or the defaults. */
  strings: Partial<GemkitStrings>;
  children?: ReactNode;
}

/** Overrides (localizes) user-visible strings for every @gemkit/ui component below it. Nests. */
export function GemkitStringsProvider({ strings, children }: GemkitStringsProviderProps) {
  const parent = useContext(StringsContext);
  const merged = useMemo(() => ({ ...parent, ...strings }), [parent, strings]);
  return <StringsContext.Provider value={merged}>{children}</StringsContext.Provider>;
}

export function useGemkitStrings(): GemkitStrings {
  return useContext(StringsContext);
}
