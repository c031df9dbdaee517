/**
 * Folds named binary features into `buckets` hash buckets (FNV-1a), scaled to unit length so long
 * and short messages weigh alike. The hashing trick keeps a model's size fixed whatever words
 * teams use.
 */
export function hashedFeatures(names: string[], buckets: number): Map<number, number> {
  const features = new Map<number, number>();
  for (const name of names) {
    const bucket = fnv1a(name) % buckets;
    features.set(bucket, (features.get(bucket) ?? 0) + 1);
  }
  let norm = 0;
  for (const value of features.values()) norm += value * value;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (const [bucket, value] of features) features.set(bucket, value * scale);
  return features;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
