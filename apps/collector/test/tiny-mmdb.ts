// A hand-built MaxMind DB (format spec: maxmind.github.io/MaxMind-DB): an IPv4 tree of 24-bit
// records mapping one /8 network to {country: {iso_code}}; every other address is unknown.

const META_MARKER = Buffer.from('abcdef4d61784d696e642e636f6d', 'hex');

function control(type: number, size: number): Buffer {
  if (type <= 7) return Buffer.from([(type << 5) | size]);
  return Buffer.from([size, type - 7]);
}
const str = (value: string) => Buffer.concat([control(2, Buffer.byteLength(value)), Buffer.from(value)]);
function uint(type: 5 | 6 | 9, value: number): Buffer {
  const bytes: number[] = [];
  for (let v = value; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return Buffer.concat([control(type, bytes.length), Buffer.from(bytes)]);
}
function map(entries: Array<[string, Buffer]>): Buffer {
  return Buffer.concat([control(7, entries.length), ...entries.flatMap(([key, value]) => [str(key), value])]);
}
const array = (items: Buffer[]) => Buffer.concat([control(11, items.length), ...items]);

function record24(value: number): Buffer {
  return Buffer.from([(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff]);
}

export function buildCountryMmdb(firstOctet: number, isoCode: string): Buffer {
  const nodeCount = 8;
  const dataPointer = nodeCount + 16;
  const nodes: Buffer[] = [];
  for (let depth = 0; depth < 8; depth += 1) {
    const bit = (firstOctet >> (7 - depth)) & 1;
    const next = depth === 7 ? dataPointer : depth + 1;
    const [left, right] = bit === 0 ? [next, nodeCount] : [nodeCount, next];
    nodes.push(record24(left), record24(right));
  }
  const data = map([['country', map([['iso_code', str(isoCode)]])]]);
  const metadata = map([
    ['node_count', uint(6, nodeCount)],
    ['record_size', uint(5, 24)],
    ['ip_version', uint(5, 4)],
    ['database_type', str('Trailmark-Test-Country')],
    ['languages', array([str('en')])],
    ['binary_format_major_version', uint(5, 2)],
    ['binary_format_minor_version', uint(5, 0)],
    ['build_epoch', uint(9, 1_700_000_000)],
    ['description', map([['en', str('test')]])],
  ]);
  return Buffer.concat([...nodes, Buffer.alloc(16), data, META_MARKER, metadata]);
}
