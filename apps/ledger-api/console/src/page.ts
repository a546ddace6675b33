/** What a page renders into; isCurrent() turns false once the user navigated away (late answers are dropped). */
export interface Page {
  root: HTMLElement;
  isCurrent: () => boolean;
}
