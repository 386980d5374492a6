/**
 * Configuration documents kept as element trees: bucket sub-resources whose XML S3 stores and
 * returns as given (lifecycle, website, logging, notification, accelerate, request payment), with
 * S3's validation applied to the tree.
 */

/** An element of a stored configuration document. */
export interface ConfigElement {
  readonly name: string;
  readonly text: string;
  readonly children: readonly ConfigElement[];
}

/** The children of `e` named `name`. */
export const childrenOf = (e: ConfigElement, name: string): readonly ConfigElement[] => e.children.filter((c) => c.name === name);

/** The first child of `e` named `name`. */
export const childOf = (e: ConfigElement, name: string): ConfigElement | undefined => e.children.find((c) => c.name === name);

/** The trimmed text of the first child of `e` named `name`. */
export const valueOf = (e: ConfigElement, name: string): string | undefined => childOf(e, name)?.text.trim();

/** `e` with its children named `name` replaced by `replacement` (appended when there were none). */
export function withChild(e: ConfigElement, name: string, replacement: ConfigElement): ConfigElement {
  const present = e.children.some((c) => c.name === name);
  return { ...e, children: present ? e.children.map((c) => (c.name === name ? replacement : c)) : [...e.children, replacement] };
}
