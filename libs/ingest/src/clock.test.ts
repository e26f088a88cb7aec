import { clockOffset, correctTimestamp } from './clock';

describe('clock correction', () => {
  it('shifts event times by receivedAt - sent_at', () => {
    const offset = clockOffset(1_763_800_010_500, 1_763_800_000_500);
    expect(offset).toBe(10_000);
    expect(correctTimestamp(1_763_800_000_000, offset)).toBe(1_763_800_010_000);
  });

  it('corrects a client clock that runs ahead', () => {
    expect(correctTimestamp(2_000, clockOffset(1_000, 1_500))).toBe(1_500);
  });

  it('refuses times a timestamp column cannot hold', () => {
    expect(correctTimestamp(1e300, 0)).toBeNull();
    expect(correctTimestamp(10, -100)).toBeNull();
  });
});
