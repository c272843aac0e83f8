/**
 * Story parameters for 1,000-message stories. axe on 1,000 messages takes longer than a test may, so
 * it checks the chat's chrome and the first forty messages: the rest repeat their markup, and the other
 * stories check every kind of message in full.
 */
export const LONG_LIST_A11Y = {
  a11y: {
    context: {
      // The list's first two groups of twenty messages.
      include: ['.gk-chat-header', '.gk-message-group:nth-child(-n+2)', '.gk-composer'],
    },
  },
};
