import type { Messages } from '../../../messages/index.ts';
import { errors, isAppError } from '../../../shared/errors.ts';
import { formatThaiDate, formatThaiDateTime } from '../../../shared/thai-date.ts';
import type { AssignmentsService } from '../../assignments/assignments.usecases.ts';
import type { AssignmentRow } from '../../assignments/assignments.repository.ts';
import { IN_REVIEW_STATUSES, PREPARER_OPEN_STATUSES, rulesFor, type WorkflowAction } from '../../assignments/workflow.ts';
import { actorRef, type Actor } from '../../auth/actor.ts';
import type { CyclesService } from '../../cycles/cycles.usecases.ts';
import type { ChatViews } from './chat.views.ts';
import { bubble, button, flexMessage, postback, text, textMessage, uri } from './flex/common.ts';
import type { LineMessage } from '../line.gateway.ts';
import type { Postback } from './postback.ts';
import type { SnoozeService } from './snooze.ts';

type OfficerActor = Extract<Actor, { kind: 'officer' }>;

type Deps = {
  assignments: Pick<AssignmentsService, 'transition' | 'detail' | 'list' | 'addEvidence'>;
  cycles: Pick<CyclesService, 'latest'>;
  snoozes: Pick<SnoozeService, 'snooze'>;
  views: Pick<ChatViews, 'singleDetail' | 'myItems' | 'pending' | 'supervisedSummary' | 'itemDetail'>;
  m: Messages;
  liffUrl: (id: number) => string;
  /** LIFF_ID is set: an item's page opens inside LINE. Without it the bot also explains the typed command. */
  liffEnabled: boolean;
};

/** A use-case failure the user can act on becomes a Thai text; anything else propagates (and is retried). */
export function errorText(m: Messages, e: unknown): LineMessage[] {
  if (isAppError(e)) return [textMessage(m.errors[e.code](e.params))];
  throw e;
}

/**
 * Button presses and the typed "return" command. The payload only names the assignment: every
 * action goes through the assignments use cases with the actor of the person who pressed it, so
 * a crafted postback for someone else's item is refused by permissions.ts like any other request.
 */
export function createChatActions(d: Deps) {
  const A = d.m.line.actions;
  const E = d.m.line.evidence;
  const W = d.m.workflow;

  /** What the presser is told when their action went through (check is final when nobody certifies after it). */
  function doneText(action: WorkflowAction, row: AssignmentRow, note: string | null): string {
    const code = row.itemCode;
    if (action === 'check') return row.status === 'checked' ? W.done.checkedForward(code) : W.done.checkedFinal(code);
    if (action === 'approve') return W.done.approved(code);
    if (action === 'return') return A.returned(code, note ?? '');
    if (action === 'submit') return A.submitted(code);
    if (action === 'mark_not_applicable') return d.m.line.typed.notApplicableDone(code, note ?? '');
    return A.started(code);
  }

  /**
   * A card overtaken by someone else (a stale version), or an action the item's status no longer
   * allows: say what actually happened and by whom ("O5 ได้รับการรับรองแล้วโดย …"), never claim the
   * presser did it. Their own second tap (or a retried event) finds the status their action led to,
   * set by them: that is simply done.
   */
  async function explain(actor: OfficerActor, id: number, action: WorkflowAction, note: string | null): Promise<LineMessage[] | null> {
    const det = await d.assignments.detail(actor, id).catch(() => null);
    if (!det) return null;
    const row = det.assignment;
    const code = row.itemCode;
    const mine = det.statusBy?.ref === actorRef(actor);
    const led = rulesFor(det.reviewPath)[action];
    const sameOutcome = row.status === led.to || (action === 'check' && row.status === 'checked');
    if (mine && sameOutcome && (!led.needsNote || row.statusNote === note)) return [textMessage(doneText(action, row, note))];
    // Still possible from where the item is now: only the version moved; the generic "open the latest" applies.
    if (led.from.includes(row.status)) return null;
    if (action === 'approve' && row.status === 'submitted' && det.reviewPath.needsCheck) return [textMessage(W.overtaken.awaitingCheck(code))];
    if (row.status === 'submitted' && !det.statusBy) return null;
    const by = det.statusBy?.name ?? W.someone;
    const when = formatThaiDateTime(row.updatedAt);
    const o = W.overtaken;
    if (row.status === 'returned') return [textMessage(o.returned(code, by, when, row.statusNote ?? ''))];
    return [textMessage(o[row.status](code, by, when))];
  }

  /**
   * Cards sent before two-step review offered supervisors "approve": for someone whose step is the
   * check (and who may not certify), that button means their check.
   */
  async function reviewStepOf(actor: OfficerActor, id: number, action: 'approve'): Promise<WorkflowAction> {
    const det = await d.assignments.detail(actor, id).catch(() => null);
    return det && !det.actions.includes(action) && det.actions.includes('check') ? 'check' : action;
  }

  async function transition(actor: OfficerActor, id: number, action: WorkflowAction, version: number | undefined, note: string | null, confirmIncomplete = false) {
    try {
      const row = await d.assignments.transition(actor, id, action, { version, note, confirmIncomplete });
      return [textMessage(doneText(action, row, note))];
    } catch (e) {
      if (isAppError(e) && e.code === 'INCOMPLETE_COMPONENTS' && version !== undefined) return confirmIncompleteCard(actor, id, version, e.params);
      if (isAppError(e) && e.code === 'EVIDENCE_REQUIRED') {
        const det = await d.assignments.detail(actor, id);
        // Both ways: the LIFF page (when there is one) and `ลิงก์ O12 https://…` typed in this chat.
        const say = A.needEvidence(det.assignment.itemCode, d.liffEnabled);
        if (!d.liffEnabled) return [textMessage(say)];
        return [flexMessage(say, bubble({ body: [text(say)], footer: [button(uri(d.m.line.buttons.addEvidence, d.liffUrl(id)), 'primary')] }, 'kilo'))];
      }
      if (isAppError(e) && (e.code === 'STALE_VERSION' || e.code === 'ILLEGAL_TRANSITION')) {
        const said = await explain(actor, id, action, note);
        if (said) return said;
      }
      if (isAppError(e) && e.code === 'FORBIDDEN' && (action === 'check' || action === 'approve')) {
        const det = await d.assignments.detail(actor, id).catch(() => null);
        const onIt = det?.people.some((p) => p.officerId === actor.officerId && p.role === 'preparer') || det?.assignment.submittedBy === actorRef(actor);
        if (det && onIt) return [textMessage(W.overtaken.ownWork(det.assignment.itemCode))];
        // A stale card of a step that is no longer theirs (e.g. the item moved on): what happened.
        const said = det ? await explain(actor, id, action, note) : null;
        if (said) return said;
      }
      return errorText(d.m, e);
    }
  }

  /** Components left unticked: submit anyway (the reviewer is told which), or open the page to tick them. */
  async function confirmIncompleteCard(actor: OfficerActor, id: number, version: number, p: Record<string, unknown>): Promise<LineMessage[]> {
    const det = await d.assignments.detail(actor, id);
    const code = det.assignment.itemCode;
    const unticked = (p.unticked as number[] | undefined) ?? [];
    const say = A.confirmIncomplete(code, unticked.length, Number(p.total ?? unticked.length), d.liffEnabled);
    const b = d.m.line.buttons;
    const footer = [button(postback(b.submitAnyway, { a: 'submit', id, v: version, c: '1' }, `${b.submitAnyway} ${code}`), 'primary')];
    if (d.liffEnabled) footer.push(button(uri(b.tickComponents, d.liffUrl(id)), 'secondary'));
    return [flexMessage(say, bubble({ body: [text(say)], footer }, 'kilo'))];
  }

  return {
    /** One workflow action on one assignment as the officer's; a refusal says why (typed commands, chat.typed.ts). */
    act: (actor: OfficerActor, id: number, action: WorkflowAction, version: number, note: string | null) => transition(actor, id, action, version, note),

    async postback(actor: OfficerActor, p: Postback): Promise<LineMessage[]> {
      try {
        switch (p.a) {
          case 'start':
          case 'check':
            return await transition(actor, p.id, p.a, p.v, null);
          case 'approve':
            return await transition(actor, p.id, await reviewStepOf(actor, p.id, 'approve'), p.v, null);
          case 'submit':
            return await transition(actor, p.id, 'submit', p.v, null, p.c === '1');
          case 'ret': {
            const det = await d.assignments.detail(actor, p.id);
            if (!det.actions.includes('return')) return errorText(d.m, errors.forbidden('return'));
            const code = det.assignment.itemCode;
            const reasons = A.returnReasons.map((r, i) => postback(r, { a: 'return', id: p.id, v: p.v, r: i }, `${d.m.line.buttons.return} ${code}: ${r}`));
            return [textMessage(A.askReturnReason(code), reasons)];
          }
          case 'return': {
            const reason = A.returnReasons[p.r];
            if (!reason) return [textMessage(A.badButton)];
            return await transition(actor, p.id, 'return', p.v, reason);
          }
          case 'snooze': {
            const s = await d.snoozes.snooze(actor, p.id, p.d);
            return [textMessage(A.snoozed(s.itemCode, formatThaiDate(s.until, 'long')))];
          }
          case 'detail':
            return await d.views.singleDetail(actor, p.id);
          case 'more':
            if (p.l === 'my') return await d.views.myItems(actor, p.o);
            if (p.l === 'pending') return await d.views.pending(actor, p.o);
            if (p.l === 'sup') return await d.views.supervisedSummary(actor, p.o);
            return p.n ? await d.views.itemDetail(actor, p.n, true, p.o) : [textMessage(A.badButton)];
        }
      } catch (e) {
        return errorText(d.m, e);
      }
    },

    /** `ส่งกลับ O12 <เหตุผล>`: returns the one submitted O12 this officer may return. */
    async returnByCode(actor: OfficerActor, itemNumber: number, reason: string): Promise<LineMessage[]> {
      const code = `O${itemNumber}`;
      const cycle = await d.cycles.latest(actor.orgId);
      if (!cycle) return [textMessage(d.m.line.list.noCycle)];
      const rows = await d.assignments.list(actor, { cycleId: cycle.id, itemNumber, statuses: IN_REVIEW_STATUSES, officerId: actor.officerId, roles: ['supervisor', 'certifier'] });
      const allowed = [];
      for (const r of rows) if ((await d.assignments.detail(actor, r.id)).actions.includes('return')) allowed.push(r);
      if (allowed.length === 0) return [textMessage(A.nothingToReturn(code))];
      if (allowed.length > 1) return [textMessage(A.ambiguousReturn(code)), ...(await d.views.itemDetail(actor, itemNumber, true))];
      const target = allowed[0]!;
      return transition(actor, target.id, 'return', target.version, reason.slice(0, 2000));
    },

    /** `ลิงก์ O12 <url> [คำอธิบาย]`: evidence for the officer's own O12, then the submit button. */
    async evidenceByCode(actor: OfficerActor, itemNumber: number, url: string, label: string | null): Promise<LineMessage[]> {
      const code = `O${itemNumber}`;
      const cycle = await d.cycles.latest(actor.orgId);
      if (!cycle) return [textMessage(d.m.line.list.noCycle)];
      let rows = await d.assignments.list(actor, { cycleId: cycle.id, itemNumber, officerId: actor.officerId, roles: ['preparer'] });
      if (rows.length > 1) rows = rows.filter((r) => PREPARER_OPEN_STATUSES.includes(r.status));
      if (rows.length === 0) return [textMessage(E.notPreparer(code))];
      if (rows.length > 1) return [textMessage(E.ambiguous(code)), ...(await d.views.itemDetail(actor, itemNumber, true))];
      const id = rows[0]!.id;
      try {
        const link = await d.assignments.addEvidence(actor, id, { url, label: label?.slice(0, 500) ?? null });
        const det = await d.assignments.detail(actor, id);
        const added = E.added(det.assignment.itemCode, link.url);
        if (!det.actions.includes('submit')) return [textMessage(added)];
        const b = d.m.line.buttons;
        const submit = button(postback(b.done, { a: 'submit', id, v: det.assignment.version }, `${b.done} ${det.assignment.itemCode}`), 'primary');
        return [flexMessage(added, bubble({ body: [text(added), text(E.submitHint, { size: 'xs', color: '#888888' })], footer: [submit] }, 'kilo'))];
      } catch (e) {
        return errorText(d.m, e);
      }
    },
  };
}

export type ChatActions = ReturnType<typeof createChatActions>;
