import type { CatalogItem } from '../catalog/catalog.repository.ts';
import { groupByItem } from '../reports/itas.ts';
import { isApproved } from '../reports/final-status.ts';
import type { ReportAssignment } from '../reports/reports.repository.ts';

export type PageItem = { code: string; title: string; links: Array<{ url: string; label: string | null }>; notApplicable: string[] };
export type PageView = {
  orgName: string;
  year: number;
  updated: string;
  sections: Array<{ code: string; title: string; groups: Array<{ title: string; items: PageItem[] }> }>;
};

/**
 * What the public page may show: every catalog item under its sub-indicator and group heading,
 * with the evidence links of approved assignments only and the published "ไม่มี เนื่องจาก…"
 * reasons. Nothing else of the organization (no units, people, statuses or draft links).
 */
export function pageView(org: { name: string }, year: number, updated: string, items: CatalogItem[], subs: Array<{ code: string; title: string }>, assignments: ReportAssignment[]): PageView {
  const byItem = groupByItem(assignments);
  const sections = subs.map((s) => ({ code: s.code, title: s.title, groups: [] as PageView['sections'][number]['groups'] }));
  for (const item of items) {
    const section = sections.find((s) => s.code === item.subIndicator);
    if (!section) continue;
    let group = section.groups.at(-1);
    if (!group || group.title !== item.groupTitle) section.groups.push((group = { title: item.groupTitle, items: [] }));
    const list = byItem.get(item.id) ?? [];
    const links = new Map<string, { url: string; label: string | null }>();
    for (const a of list.filter((x) => isApproved(x.status))) for (const e of a.evidence) if (!links.has(e.url)) links.set(e.url, { url: e.url, label: e.label });
    const notApplicable = [...new Set(list.filter((a) => a.status === 'not_applicable' && a.statusNote).map((a) => a.statusNote!))];
    group.items.push({ code: item.code, title: item.title, links: [...links.values()], notApplicable });
  }
  return { orgName: org.name, year, updated, sections: sections.filter((s) => s.groups.length) };
}
