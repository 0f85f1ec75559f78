import type { Messages } from '../../../messages/index.ts';
import type { AssignmentsService } from '../../assignments/assignments.usecases.ts';
import { contentEditable, type WorkflowAction } from '../../assignments/workflow.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Role } from '../../auth/permissions.ts';
import type { CyclesService } from '../../cycles/cycles.usecases.ts';
import { errorText, type ChatActions } from './chat.actions.ts';
import type { ChatViews } from './chat.views.ts';
import { textMessage } from './flex/common.ts';
import type { LineMessage } from '../line.gateway.ts';

type OfficerActor = Extract<Actor, { kind: 'officer' }>;
type Detail = Awaited<ReturnType<AssignmentsService['detail']>>;

type Deps = {
  assignments: Pick<AssignmentsService, 'list' | 'detail' | 'removeEvidence'>;
  cycles: Pick<CyclesService, 'latest'>;
  views: Pick<ChatViews, 'itemDetail'>;
  actions: Pick<ChatActions, 'act'>;
  m: Messages;
};

/**
 * Every card button also as a typed command, for officers who type rather than scroll back to a
 * card: `ส่งตรวจ O13`, `ตรวจแล้ว O1` / `รับรอง O1`, `ไม่มีข้อมูล O14 <เหตุผล>`, `ลบลิงก์ O3 <n>`.
 * A code names an item, not an assignment: the command acts on the one assignment of that item
 * in the latest cycle the officer is on in the right role. Each action then goes through the
 * same use case (and permissions.ts) as the button, so a refusal reads the same way.
 */
export function createTypedActions(d: Deps) {
  const T = d.m.line.typed;

  /** The officer's assignments of item N in the latest cycle, in one of `roles`, with their details (null: no cycle yet). */
  async function mine(actor: OfficerActor, itemNumber: number, roles: Role[]): Promise<Detail[] | null> {
    const cycle = await d.cycles.latest(actor.orgId);
    if (!cycle) return null;
    const rows = await d.assignments.list(actor, { cycleId: cycle.id, itemNumber, officerId: actor.officerId, roles });
    return Promise.all(rows.map((r) => d.assignments.detail(actor, r.id)));
  }

  /**
   * Acts on the one assignment where `pick` finds an allowed action. None allowed but only one
   * assignment: the action is tried anyway, so the officer hears why not (already checked by
   * whom, their own work, awaiting the check …) exactly as from a stale button.
   */
  async function actOn(actor: OfficerActor, itemNumber: number, roles: Role[], pick: (det: Detail) => WorkflowAction | null, fallback: (det: Detail) => WorkflowAction, note: string | null, notOn: string): Promise<LineMessage[]> {
    const code = `O${itemNumber}`;
    const dets = await mine(actor, itemNumber, roles);
    if (!dets) return [textMessage(d.m.line.list.noCycle)];
    if (dets.length === 0) return [textMessage(notOn)];
    const allowed = dets.filter((det) => pick(det) !== null);
    if (allowed.length > 1) return [textMessage(T.ambiguous(code)), ...(await d.views.itemDetail(actor, itemNumber, true))];
    const target = allowed[0] ?? (dets.length === 1 ? dets[0]! : null);
    if (!target) return [textMessage(T.nothingToDo(code)), ...(await d.views.itemDetail(actor, itemNumber, true))];
    const action = pick(target) ?? fallback(target);
    return d.actions.act(actor, target.assignment.id, action, target.assignment.version, note);
  }

  const roleOn = (actor: OfficerActor, det: Detail, role: Role) => det.people.some((p) => p.officerId === actor.officerId && p.role === role);

  return {
    /** `ส่งตรวจ O13`. */
    submit(actor: OfficerActor, itemNumber: number): Promise<LineMessage[]> {
      const may = (det: Detail) => (det.actions.includes('submit') ? 'submit' : null);
      return actOn(actor, itemNumber, ['preparer'], may, () => 'submit', null, T.notPreparer(`O${itemNumber}`));
    },

    /** `ตรวจแล้ว O1` / `รับรอง O1`: whichever review step is the officer's, the typed one first. */
    review(actor: OfficerActor, itemNumber: number, step: 'check' | 'approve'): Promise<LineMessage[]> {
      const other = step === 'check' ? 'approve' : 'check';
      const may = (det: Detail) => (det.actions.includes(step) ? step : det.actions.includes(other) ? other : null);
      // Nothing to do now: try the step of their role on it (a certifier's is the certification).
      const byRole = (det: Detail): WorkflowAction => (roleOn(actor, det, 'supervisor') ? 'check' : roleOn(actor, det, 'certifier') ? 'approve' : step);
      return actOn(actor, itemNumber, ['supervisor', 'certifier'], may, byRole, null, T.notReviewer(`O${itemNumber}`));
    },

    /** `ไม่มีข้อมูล O14 <เหตุผล>`. */
    notApplicable(actor: OfficerActor, itemNumber: number, reason: string): Promise<LineMessage[]> {
      const may = (det: Detail) => (det.actions.includes('mark_not_applicable') ? 'mark_not_applicable' : null);
      return actOn(actor, itemNumber, ['preparer'], may, () => 'mark_not_applicable', reason.slice(0, 2000), T.notPreparer(`O${itemNumber}`));
    },

    /** `ลบลิงก์ O3 <n>`: n as numbered in the item's detail; without n, the numbered list. */
    async removeEvidence(actor: OfficerActor, itemNumber: number, index: number | null): Promise<LineMessage[]> {
      const code = `O${itemNumber}`;
      const dets = await mine(actor, itemNumber, ['preparer']);
      if (!dets) return [textMessage(d.m.line.list.noCycle)];
      if (dets.length === 0) return [textMessage(T.notPreparer(code))];
      const open = dets.length > 1 ? dets.filter((det) => contentEditable(det.assignment.status)) : dets;
      if (open.length !== 1) return [textMessage(open.length ? T.ambiguous(code) : T.nothingToDo(code)), ...(await d.views.itemDetail(actor, itemNumber, true))];
      const det = open[0]!;
      const links = det.evidence;
      if (links.length === 0) return [textMessage(T.noEvidence(code))];
      if (index === null) return [textMessage(T.evidenceList(code, links.map((e, i) => `${i + 1}. ${e.label ? `${e.label}: ` : ''}${e.url}`)))];
      const link = links[index - 1];
      if (!link) return [textMessage(T.noSuchEvidence(code, index, links.length))];
      try {
        await d.assignments.removeEvidence(actor, det.assignment.id, link.id);
      } catch (e) {
        return errorText(d.m, e);
      }
      return [textMessage(T.removed(code, index, link.url))];
    },
  };
}

export type TypedActions = ReturnType<typeof createTypedActions>;
