/**
 * How the knowledge base is written. A family is one job in engineering (state management, CI,
 * on-call scheduling); its members are the things teams choose between for that job, or closely
 * related practices. Naming a sibling of what a decision chose is how people reopen it without
 * repeating its words ("what about Flutter?" against "Mobile apps stay on React Native").
 *
 * A member is one thing under all its names, separated by `|`, the first being how it is usually
 * written. Matching is by word (hyphens and spaces alike, plurals and -ing/-ed forms folded); a
 * name starting with `=` only matches in exactly that case, for abbreviations that are also
 * ordinary words (RN is React Native, rn is "right now").
 */
export type MemberSpec = string | { names: string; weight: number };

export interface FamilySpec {
  job: string;
  members: MemberSpec[];
  /**
   * How telling it is for a message and a decision to share a member (0–1, default 1). Product
   * names are telling; everyday practice words ("deploy", "review") much less.
   */
  weight?: number;
  /**
   * The members are the same kind of thing (document databases, CSS-in-JS libraries), not just
   * options for the same job: naming one of them names the kind a decision turned down.
   */
  kind?: boolean;
}
