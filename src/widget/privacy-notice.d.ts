// Types for <privacy-notice>, the element dist/privacy-notice.js defines.
// Copied to dist/privacy-notice.d.ts by scripts/build.sh; checked by
// tests/types/usage.ts (`tsc --noEmit`). Nothing here, no property and no
// event, ever carries what a family typed into the widget's search box.

/** What the host page may know of the notice shown: `el.notice`, and the ready event's detail. */
export interface PrivacyNoticeInfo {
  /** The notice's id, as in `notice list` (or in its own JSON file, for `src`). */
  readonly id: string;
  readonly title: string;
  /** `null` when the notice does not state one. */
  readonly version: string | null;
  /** `null` when the notice does not state it. */
  readonly lastUpdated: string | null;
  /** 12 hex digits; changes whenever any wording, summary or answer changes, and never otherwise. */
  readonly contentHash: string;
}

/** A search hit, as `el.search()` gives it: the hits the search box would show, each saying where it leads. */
export interface PrivacyNoticeHit {
  /** `"section"`: a section's summary or wording; `"explorer"`: a "What happens to my data" answer; `"glossary"`: a definition; `"about"`: a fact about the notice (who publishes it, when it was updated). */
  leadsTo: "section" | "explorer" | "glossary" | "about";
  /** The section it is in (`openSection(section)` opens it); `null` unless `leadsTo` is `"section"`. */
  section: string | null;
  /** The kind of data the answer is about (as in `<privacy-notice-hint kind>`); `null` unless `leadsTo` is `"explorer"`. */
  kind: string | null;
  /** The question the answer answers: the key the notice's file uses for it (`"includes"`, `"why"`, `"lawful_basis"`, `"who_sees"`, `"shared_without_asking"`, `"kept_for"` or `"your_rights"`); `null` unless `leadsTo` is `"explorer"`. */
  question: "includes" | "why" | "lawful_basis" | "who_sees" | "shared_without_asking" | "kept_for" | "your_rights" | null;
  /** The sections an explorer answer comes from (each one `openSection` opens); empty otherwise. */
  from: string[];
  heading: string;
  /** The passage, with the sentence that leads into it when it is a list item. */
  text: string;
  /** The publisher's wording that answered too, shown beneath a plain answer (a section's summary or an explorer answer) as one result; else `null`. */
  wording: string | null;
  score: number;
}

export interface PrivacyNoticeEventMap {
  /** The widget has started; the detail is `el.notice`. */
  "privacy-notice-ready": CustomEvent<PrivacyNoticeInfo>;
  /** The widget could not start (unknown id, bad data, blocked Wasm): it shows its error box and the fallback link. */
  "privacy-notice-error": CustomEvent<{ message: string }>;
  /** A section was opened or closed. */
  "privacy-notice-toggle": CustomEvent<{ section: string; open: boolean }>;
  /** The reader switched between the notice and "What happens to my data". */
  "privacy-notice-view": CustomEvent<{ view: "notice" | "explorer" }>;
  /** The reader searched: how many results, never the words. */
  "privacy-notice-search": CustomEvent<{ resultCount: number }>;
}

/** The element's attributes (all strings in HTML; the values it understands). */
export interface PrivacyNoticeAttributes {
  /** A bundled notice's id (`notice list`). */
  notice?: string;
  /** A council's own notice: the URL of what `notice export --json` wrote. Used instead of `notice`. */
  src?: string;
  /** The level of the notice's title: 1 to 5 (default 2). */
  "heading-level"?: "1" | "2" | "3" | "4" | "5";
  /** A section id to show open. */
  open?: string;
  /** Which view to show first (default `notice`). */
  view?: "notice" | "explorer";
  /** The name of a hidden input, in the element's form, that records `id@contentHash` (then ` id@contentHash` of the notice it extends). */
  "form-field"?: string;
  /** The id of the form for `form-field`, when the element is not inside it. */
  form?: string;
}

/**
 * `<privacy-notice notice="ID">` (a bundled notice) or `src="URL"` (a
 * council's own `notice export --json` file). Attributes: `heading-level`
 * (1–5), `open` (a section id), `view` (`notice` | `explorer`),
 * `form-field` (the name of a hidden input recording `id@contentHash`, and the extended notice's, in
 * the element's form, or the one `form` names).
 */
export interface PrivacyNoticeElement extends HTMLElement {
  /** The notice shown, once the widget has started; else `null`. */
  readonly notice: PrivacyNoticeInfo | null;
  /** The hits the search box would show for the page's own query. Throws before the widget has started, or for a query over 200 characters or 32 words. */
  search(query: string, options?: { limit?: number }): PrivacyNoticeHit[];
  /** Opens a section and scrolls to it; moves focus only with `{ focus: true }`. `false` if there is no such section. */
  openSection(id: string, options?: { focus?: boolean }): boolean;
  /** Opens every section. */
  showAll(): void;
  addEventListener<K extends keyof PrivacyNoticeEventMap>(
    type: K,
    listener: (this: PrivacyNoticeElement, event: PrivacyNoticeEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof PrivacyNoticeEventMap>(
    type: K,
    listener: (this: PrivacyNoticeElement, event: PrivacyNoticeEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "privacy-notice": PrivacyNoticeElement;
  }
  // The events bubble and are composed, so the document and window hear them too.
  interface DocumentEventMap extends PrivacyNoticeEventMap {}
  interface WindowEventMap extends PrivacyNoticeEventMap {}
}
