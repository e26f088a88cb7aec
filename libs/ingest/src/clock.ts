/** The largest epoch ms a JS Date (and so a timestamptz we write) can hold. */
export const MAX_EPOCH_MS = 8.64e15;

/** How far the client clock is behind the server: add it to every client timestamp. */
export function clockOffset(receivedAt: number, sentAt: number): number {
  return receivedAt - sentAt;
}

/** A corrected timestamp, rounded to whole ms (timestamptz(3)), or null when it leaves the Date range. */
export function correctTimestamp(ts: number, offset: number): number | null {
  const corrected = Math.round(ts + offset);
  return Number.isFinite(corrected) && corrected >= 0 && corrected <= MAX_EPOCH_MS ? corrected : null;
}
