/** Result of a collection fix: the new text, whether it changed, and what is left to do by hand. */
export interface CollectionFix {
  text: string;
  changed: boolean;
  manual: string[];
}
