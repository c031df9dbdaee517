/**
 * Brings a list's children in line with `items`, rebuilding only the items whose signature
 * changed: a message the app did not touch keeps its element, so focus and a half-open menu on
 * it survive the re-read that every change brings.
 */
export interface KeyedItem {
  key: string;
  signature: string;
  build: () => HTMLElement;
}

export function reconcile(container: HTMLElement, items: KeyedItem[]): void {
  const existing = new Map<string, HTMLElement>();
  for (const child of container.children) {
    const element = child as HTMLElement;
    if (element.dataset.key) existing.set(element.dataset.key, element);
  }
  let previous: Element | null = null;
  for (const item of items) {
    let element = existing.get(item.key);
    if (!element || element.dataset.signature !== item.signature) {
      const built = item.build();
      built.dataset.key = item.key;
      built.dataset.signature = item.signature;
      element?.replaceWith(built);
      element = built;
    }
    existing.delete(item.key);
    const expected: Element | null = previous ? previous.nextElementSibling : container.firstElementChild;
    if (expected !== element) container.insertBefore(element, expected);
    previous = element;
  }
  for (const element of existing.values()) element.remove();
}
