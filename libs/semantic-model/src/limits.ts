/** Upper bounds that keep one beacon from bloating collector memory (the body is ≤ 256 KB anyway). */
export const BEACON_LIMITS = {
  maxEvents: 500,
  maxIdLength: 64,
  maxIdentifierLength: 128,
  maxUrlLength: 8 * 1024,
  maxTextLength: 8 * 1024,
  maxStackLength: 32 * 1024,
  maxMethodLength: 16,
  maxPropertyEntries: 100,
  maxPropertyKeyLength: 200,
  maxPropertyStringLength: 64 * 1024,
} as const;
