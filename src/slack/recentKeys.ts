/**
 * The last `capacity` keys seen, oldest forgotten first: enough memory to recognise a redelivery
 * minutes later, bounded however many events arrive.
 */
export class RecentKeys {
  private readonly keys = new Set<string>();

  constructor(private readonly capacity: number) {}

  /** Remembers `key`; false when it was already remembered. */
  add(key: string): boolean {
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    // A Set iterates in insertion order, so its first key is the oldest.
    if (this.keys.size > this.capacity) this.keys.delete(this.keys.values().next().value!);
    return true;
  }
}
