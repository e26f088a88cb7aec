import { copyField, eventsCopyText } from './event-sql';
import type { TEventRow } from './prepare-beacon';

const row = (ts: number, extra: Partial<TEventRow> = {}): TEventRow => ({
  applicationId: 'app',
  sessionId: 's',
  eventId: 'e',
  instanceId: 'i',
  seq: 1,
  type: 'navigation',
  ts,
  url: null,
  userTag: null,
  data: '{}',
  properties: '{}',
  sessionProperties: '{}',
  drops: [],
  ...extra,
});

const timestampOf = (text: string) => text.split('\t')[6];

describe('eventsCopyText', () => {
  it('writes every timestamp as toISOString does, across days and years', () => {
    const samples = [0, 1, 999, 1000, 59_999, 86_399_999, 86_400_000, 951_782_400_000, 1_764_000_000_123, 4_102_444_799_999, 253_402_300_799_999];
    for (let ms = 0; ms < 3 * 86_400_000; ms += 3_599_997) samples.push(ms);
    const lines = eventsCopyText(samples.map((ms) => row(ms))).trimEnd().split('\n');
    expect(lines.map(timestampOf)).toEqual(samples.map((ms) => new Date(ms).toISOString()));
  });

  it('writes a year past 9999 as six digits without the sign Postgres does not read (the commit-paths integration test reads it back)', () => {
    expect(timestampOf(eventsCopyText([row(253_402_300_800_000)]))).toBe('010000-01-01T00:00:00.000Z');
  });

  it('escapes COPY specials in text, doubles backslashes in JSON, and writes NULL as \\N', () => {
    const text = eventsCopyText([row(0, { url: 'a\tb\nc\rd\\e', data: '{"n":"q\\"x"}', userTag: null })]);
    const fields = text.slice(0, -1).split('\t');
    expect(fields).toHaveLength(12);
    expect(fields[7]).toBe('a\\tb\\nc\\rd\\\\e');
    expect(fields[8]).toBe('\\N');
    expect(fields[9]).toBe('{"n":"q\\\\"x"}');
  });

  it('escapes a string a run of rows shares once, and each row still gets it', () => {
    const shared = 'https://x.example/\t';
    const lines = eventsCopyText([row(0, { url: shared, eventId: 'a' }), row(1, { url: shared, eventId: 'b' }), row(2, { url: null, eventId: 'c' })]).trimEnd().split('\n');
    expect(lines.map((line) => line.split('\t')[7])).toEqual([copyField(shared), copyField(shared), '\\N']);
  });
});
