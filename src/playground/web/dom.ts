/**
 * Builds elements from tag, attributes and children. Strings become text nodes, never markup:
 * whatever Slack text reaches the page is shown as text.
 */

type Child = Node | string | null | undefined | false;
type Attributes = Record<string, string | boolean | number | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, ''), value);
    else if (name === 'class') element.className = String(value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** A unique id for label/aria wiring. */
let nextId = 1;
export function uid(prefix: string): string {
  return `${prefix}-${nextId++}`;
}

/** An element of the page's own markup (index.html), by id. */
export const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
