/**
 * Word vectors (GloVe-derived, see models/README.md) for meaning beyond shared words: "homework"
 * is near "assignment", "exercise" and "take-home". Also the words' frequency ranks, from which the
 * detector weighs a word: "the" and "use" say little about which decision a message means.
 */

export interface WordVectorTable {
  dims: number;
  /** Most frequent first. */
  words: string[];
  /** `words.length × dims` int8 components. */
  values: Int8Array;
  /** `words.length × neighbourCount` ids of each word's nearest words, closest first; 0xffff pads. */
  neighbours: Uint16Array;
  neighbourCount: number;
}

// Words more frequent than this rank carry no topic (function words, "said", "also").
const FUNCTION_WORD_RANK = 150;

export class WordVectors {
  readonly dims: number;
  readonly size: number;
  private readonly ids = new Map<string, number>();
  /** The table's int8 components as they are (a view of the file, no copy)… */
  private readonly values: Int8Array;
  /** …and each word's 1/length, which makes them unit vectors: a quarter of the memory of float copies. */
  private readonly inverseNorm: Float64Array;
  private readonly words: string[];
  private readonly neighbours: Uint16Array;
  private readonly neighbourCount: number;

  constructor(table: WordVectorTable) {
    this.dims = table.dims;
    this.size = table.words.length;
    this.words = table.words;
    this.neighbours = table.neighbours;
    this.neighbourCount = table.neighbourCount;
    table.words.forEach((word, id) => {
      this.ids.set(word, id);
    });
    this.values = table.values;
    this.inverseNorm = new Float64Array(this.size);
    for (let id = 0; id < this.size; id++) {
      const at = id * this.dims;
      let norm = 0;
      for (let i = 0; i < this.dims; i++) norm += table.values[at + i]! ** 2;
      this.inverseNorm[id] = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    }
  }

  /** The word's id (its frequency rank), or -1 when the table does not have it. */
  idOf(word: string): number {
    return this.ids.get(word) ?? -1;
  }

  /** The nearest words to a word by id (cosine ≥ 0.6 when the table was built), closest first. */
  neighboursOf(id: number): string[] {
    const found: string[] = [];
    if (id < 0) return found;
    for (let k = 0; k < this.neighbourCount; k++) {
      const other = this.neighbours[id * this.neighbourCount + k]!;
      if (other < this.size) found.push(this.words[other]!);
    }
    return found;
  }

  /** Cosine similarity of two words by id. */
  cosine(a: number, b: number): number {
    const v = this.values;
    const sa = this.inverseNorm[a]!;
    const sb = this.inverseNorm[b]!;
    let dot = 0;
    // Each component rounded to float32 as a stored unit vector would be: the trained model's
    // scores, and its committed bytes, come out exactly as before.
    for (let i = 0, x = a * this.dims, y = b * this.dims; i < this.dims; i++)
      dot += Math.fround(v[x + i]! * sa) * Math.fround(v[y + i]! * sb);
    return dot;
  }

  /** Adds `weight ×` the word's unit vector into `into`. */
  addTo(into: Float32Array, id: number, weight: number): void {
    const scale = this.inverseNorm[id]!;
    for (let i = 0, at = id * this.dims; i < this.dims; i++)
      into[i]! += Math.fround(this.values[at + i]! * scale) * weight;
  }

  /**
   * How much a word says about a topic, 0–1, from its frequency rank: nothing for the commonest,
   * rising with rarity; 1 for words too rare for the table (product names, jargon).
   */
  informativeness(id: number): number {
    if (id < 0) return 1;
    if (id < FUNCTION_WORD_RANK) return 0;
    return Math.min(1, Math.log(id / FUNCTION_WORD_RANK) / Math.log(this.size / FUNCTION_WORD_RANK)) * 0.8 + 0.2;
  }
}

/** Cosine similarity of two vectors (0 when either is zero). */
export function cosineOf(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! ** 2;
    nb += b[i]! ** 2;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
