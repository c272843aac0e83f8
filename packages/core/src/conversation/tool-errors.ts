import { GemkitError, type GemkitErrorOptions } from '../errors.js';

/**
 * The model kept calling functions: after `maxToolRoundtrips` rounds of results sent back, it called again,
 * and the turn ended here instead of running the functions once more. Its last calls stay unanswered.
 */
export class ToolRoundtripLimitError extends GemkitError {
  readonly kind = 'tool_limit';
  override readonly name = 'ToolRoundtripLimitError';
  /** The `maxToolRoundtrips` that was reached. */
  readonly limit: number;

  constructor(limit: number, options?: GemkitErrorOptions) {
    super(
      `The model called functions again after ${limit} round trip${limit === 1 ? '' : 's'} of results (maxToolRoundtrips); the turn was ended`,
      options,
    );
    this.limit = limit;
  }
}
