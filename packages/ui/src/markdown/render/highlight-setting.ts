'use client';
import { createContext, useContext } from 'react';

/** Whether code blocks below load the highlighter (`<Markdown highlight={false}>` turns it off). */
export const HighlightSettingContext = createContext(true);

export const useHighlightEnabled = () => useContext(HighlightSettingContext);
