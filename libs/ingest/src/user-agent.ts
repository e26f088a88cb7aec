const MAX_UA_LENGTH = 1024;

/** The collector stores the user agent as sent (capped); it is parsed once per session, at close (libs/sessions). */
export function truncateUserAgent(ua: string | undefined): string | null {
  return ua ? ua.slice(0, MAX_UA_LENGTH) : null;
}
