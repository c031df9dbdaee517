/**
 * The word-vector table's file format: a magic line, a little-endian uint32 with the length of a
 * JSON header (dimensions, neighbours per word, source, the words in frequency order), the header,
 * one int8 vector per word, then each word's nearest neighbours (uint16 ids, 65535 for none). Binary,
 * so the table the app loads at start is a few MB, not 40 MB of JSON.
 */
const MAGIC = 'DLWV1\n';

export interface WordVectorData {
  dims: number;
  /** Most frequent first: a word's position is its frequency rank. */
  words: string[];
  /** `words.length × dims` int8 values, each vector scaled so its largest component is ±127. */
  values: Int8Array;
  /** `words.length × neighbourCount` ids of each word's nearest words, closest first; NO_NEIGHBOUR pads. */
  neighbours: Uint16Array;
  neighbourCount: number;
  source: string;
}

export const NO_NEIGHBOUR = 0xffff;

export function encodeWordVectors(data: WordVectorData): Buffer {
  const header = Buffer.from(
    JSON.stringify({ dims: data.dims, neighbourCount: data.neighbourCount, source: data.source, words: data.words }),
    'utf8',
  );
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  const neighbours = Buffer.alloc(data.neighbours.length * 2);
  data.neighbours.forEach((id, i) => {
    neighbours.writeUInt16LE(id, i * 2);
  });
  return Buffer.concat([
    Buffer.from(MAGIC, 'latin1'),
    length,
    header,
    Buffer.from(data.values.buffer, data.values.byteOffset, data.values.byteLength),
    neighbours,
  ]);
}

export function decodeWordVectors(file: Uint8Array): WordVectorData {
  const buffer = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (buffer.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error('not a word-vector table (bad magic)');
  const headerLength = buffer.readUInt32LE(MAGIC.length);
  const start = MAGIC.length + 4;
  const header = JSON.parse(buffer.toString('utf8', start, start + headerLength)) as {
    dims: number;
    neighbourCount: number;
    source: string;
    words: string[];
  };
  const valuesAt = start + headerLength;
  const values = new Int8Array(buffer.buffer, buffer.byteOffset + valuesAt, header.words.length * header.dims);
  const neighboursAt = valuesAt + values.length;
  const neighbours = new Uint16Array(header.words.length * header.neighbourCount);
  for (let i = 0; i < neighbours.length; i++) neighbours[i] = buffer.readUInt16LE(neighboursAt + i * 2);
  return {
    dims: header.dims,
    neighbourCount: header.neighbourCount,
    source: header.source,
    words: header.words,
    values,
    neighbours,
  };
}
