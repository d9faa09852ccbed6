// How a web team's TypeScript uses <privacy-notice>: this must compile
// against dist/privacy-notice.d.ts, and each @ts-expect-error line must be
// an error (so the types are not just `any`).
import type { PrivacyNoticeAttributes, PrivacyNoticeHit, PrivacyNoticeInfo } from "../../dist/privacy-notice";

const el = document.querySelector("privacy-notice");
if (el) {
  el.addEventListener("privacy-notice-ready", (event) => {
    const info: PrivacyNoticeInfo = event.detail;
    const record: string = `${info.id}@${info.contentHash}`;
    const updated: string | null = info.lastUpdated;
    console.log(record, updated, event.target);
  });
  el.addEventListener("privacy-notice-toggle", (event) => {
    const open: boolean = event.detail.open;
    const section: string = event.detail.section;
    console.log(section, open);
  });
  el.addEventListener("privacy-notice-search", (event) => {
    const count: number = event.detail.resultCount;
    // @ts-expect-error: the words a family typed are never in an event
    console.log(count, event.detail.query);
  });
  el.addEventListener("privacy-notice-view", (event) => {
    const view: "notice" | "explorer" = event.detail.view;
    console.log(view);
  });
  el.addEventListener("privacy-notice-error", (event) => console.warn(event.detail.message));
  const hits: PrivacyNoticeHit[] = el.search("who will see this", { limit: 3 });
  const sections: (string | null)[] = hits.map((hit) => hit.section);
  const leads: string[] = hits.map((hit) => (hit.leadsTo === "explorer" ? `${hit.kind}: ${hit.question} (from ${hit.from.join(", ")})` : hit.leadsTo));
  // @ts-expect-error: a hit leads to one of four places
  const nowhere: PrivacyNoticeHit["leadsTo"] = "nowhere";
  console.log(leads, nowhere);
  const opened: boolean = el.openSection("your-rights", { focus: true });
  el.showAll();
  const shown: PrivacyNoticeInfo | null = el.notice;
  console.log(sections, opened, shown);
  // @ts-expect-error: `notice` is read-only
  el.notice = null;
  // @ts-expect-error: search takes a string
  el.search(42);
}

document.addEventListener("privacy-notice-ready", (event) => console.log(event.detail.title));

const attributes: PrivacyNoticeAttributes = { notice: "afc-early-help", "heading-level": "3", view: "explorer", "form-field": "privacy_notice" };
// @ts-expect-error: heading levels stop at 5
const wrong: PrivacyNoticeAttributes = { "heading-level": "7" };
console.log(attributes, wrong);
