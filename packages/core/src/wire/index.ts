export type * from './content.js';
export * from './events.js';
export type * from './files.js';
export type * from './interaction.js';
export type * from './request.js';
export * from './steps.js';
export type * from './usage.js';
