/** The model every request names (the emulator accepts it; the answer does not depend on it). */
export const MODEL = 'gemini-3-flash-preview';
