// The LIFF API's answers (/api/liff/v1, see LIFF-API contract v1). The page renders these as
// given: statuses, labels and the actions a user may take all come from the server.

export type Lang = 'th' | 'en';
export type Filter = 'pending' | 'overdue' | 'review' | 'all' | 'supervised';
export type Unit = { id: number; name: string };

export type Me = {
  officer: { id: number; name: string; position: string | null; unit: Unit | null };
  organization: { id: number; slug: string; name: string };
  roles: { preparer: boolean; supervisor: boolean; certifier: boolean; admin: boolean };
  cycle: { year: number; catalogYear: number } | null;
  counts: Record<Filter, number>;
  today: string;
};

export type ListEntry = {
  id: number;
  code: string;
  itemNumber: number;
  title: string;
  subIndicator: string;
  unit: Unit | null;
  responsibility: string | null;
  dueOn: string | null;
  overdueDays: number | null;
  status: string;
  statusLabel: string;
  done: boolean;
  awaitingMe: boolean;
  components: { ticked: number; total: number };
  evidenceCount: number;
  myRoles: string[];
  actions: string[];
  version: number;
};

export type ItemList = { filter: Filter; today: string; items: ListEntry[] };

export type Warning = { code: string; message: string };

export type Evidence = {
  id: number;
  url: string;
  label: string | null;
  addedBy: string | null;
  createdAt: string;
  warning: Warning | null;
  /** The link checker's last result for this URL; null when not checked yet. */
  health: { state: string; ok: boolean; label: string; httpStatus: number | null; checkedAt: string } | null;
};

export type Component = { index: number; text: string; subPoints: string[]; ticked: boolean };

export type Item = {
  id: number;
  code: string;
  itemNumber: number;
  year: number;
  title: string;
  indicator: number | null;
  subIndicator: { code: string; title: string } | null;
  group: string | null;
  unit: Unit | null;
  responsibility: string | null;
  dueOn: string | null;
  overdueDays: number | null;
  status: string;
  statusLabel: string;
  statusNote: string | null;
  lastReturn: { comment: string; by: string | null; at: string } | null;
  notApplicableReason: string | null;
  components: Component[];
  notes: string[];
  scoring: string | null;
  dataPeriod: string | null;
  evidence: Evidence[];
  people: { officerId: number; name: string; position: string | null; role: string; roleLabel: string }[];
  history: { at: string; actor: string | null; action: string; text: string; note: string | null }[];
  actions: string[];
  can: { tick: boolean; editEvidence: boolean };
  version: number;
};

export type Mutation = { item: Item; warnings: Warning[] };

export type Progress = { total: number; done: number; percentDone: number; byStatus: Record<string, number> };

export type Overview = {
  cycle: { year: number } | null;
  today: string;
  totals: Progress;
  statusLabels: Record<string, string>;
  bySubIndicator: (Progress & { code: string; title: string })[];
  byUnit: (Progress & { id: number; name: string })[];
  overdue: ListEntry[];
  delivery: Delivery;
};

/** The month's LINE messages (issue 12): held or not, the planner's level, budget and forecast when known. */
export type Delivery = {
  month: string;
  /** `until`: the Bangkok date pushes resume (the 1st). */
  held: { reason: 'monthly_limit' | 'budget'; until: string } | null;
  /** budget.ts LEVELS: `full`, then one cut-back per step up to `reviews_only`. */
  level: string;
  step: number;
  steps: number;
  degraded: boolean;
  budget: number | null;
  used: number;
  remaining: number | null;
  forecast: { full: number; atLevel: number; runsOutOn: string | null } | null;
  organizationForecast: { full: number; atLevel: number } | null;
  messages: { merged: number; dropped: number; expired: number; failed: number };
};
