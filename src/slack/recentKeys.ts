/**
 * The last `capacity` keys seen, oldest forgotten first: enough memory to recognise a redelivery
 * minutes later, bounded however many events arrive.
 */
export class RecentKeys {
  private readonly keys = new Set<string>();
  // A ring of the keys in arrival order. (Deleting a Set's first key, as a cheaper-looking way to
  // find the oldest, makes V8 step over every deleted slot on each lookup until the Set is rehashed.)
  private readonly ring: (string | undefined)[];
  private next = 0;

  constructor(capacity: number) {
    this.ring = new Array<string | undefined>(capacity);
  }

  /** Remembers `key`; false when it was already remembered. */
  add(key: string): boolean {
    if (this.keys.has(key)) return false;
    const oldest = this.ring[this.next];
    if (oldest !== undefined) this.keys.delete(oldest);
    this.ring[this.next] = key;
    this.next = (this.next + 1) % this.ring.length;
    this.keys.add(key);
    return true;
  }
}
