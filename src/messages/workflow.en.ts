import type { workflowTh } from './workflow.th.ts';

/** English texts of the two-step review and the preparer's notices, same keys as Thai. */
export const workflowEn: typeof workflowTh = {
  someone: 'an ITA admin',
  done: {
    checkedForward: (code) => `${code} checked; passed on to the certifier`,
    checkedFinal: (code) => `${code} checked; the item is complete (no certification needed)`,
    approved: (code) => `${code} certified; the item is complete`,
  },
  overtaken: {
    approved: (code, by, when) => `${code} was already certified by ${by} (${when}); nothing more to do`,
    checked: (code, by, when) => `${code} was already checked by ${by} (${when}); it awaits the certifier`,
    returned: (code, by, when, reason) => `${code} was already returned by ${by} (${when}): ${reason}`,
    submitted: (code, by, when) => `${code} was submitted again by ${by} (${when}); please use the latest card`,
    in_progress: (code, by, when) => `${code} is back in progress (by ${by}, ${when})`,
    not_started: (code, by, when) => `${code} is not started (changed by ${by}, ${when})`,
    not_applicable: (code, by, when) => `${code} was marked not applicable by ${by} (${when})`,
    awaitingCheck: (code) => `${code} still awaits the supervisor's check before it can be certified`,
    ownWork: (code) => `You prepared or submitted ${code}, so you cannot check or certify it yourself; another supervisor or certifier must`,
  },
  card: {
    submitted: (code, title, unit, by) => `${code} ${title} · ${unit} submitted by ${by}`,
    submittedAlt: (code, by) => `${code} submitted by ${by}, awaiting your check`,
    checked: (code, title, unit, by) => `${code} ${title} · ${unit} checked by ${by}, awaiting your certification`,
    checkedAlt: (code, by) => `${code} checked by ${by}, awaiting your certification`,
  },
  notice: {
    returned: (code, title, by, reason) => `${code} ${title} was returned by ${by}\nReason: ${reason}`,
    returnedAlt: (code, reason) => `${code} returned: ${reason}`,
    returnedHint: (code) => `Fix it and submit again (open the item, or type: evidence ${code} https://…)`,
    checked: (code, title, by) => `${code} ${title} was checked by ${by}; it awaits the certifier`,
    checkedAlt: (code) => `${code} checked; awaiting the certifier`,
    approved: (code, title, by) => `${code} ${title} was certified by ${by}: complete 🎉`,
    approvedAlt: (code) => `${code} certified`,
    reopened: (code, title, by) => `${code} ${title} was reopened by ${by}`,
    reopenedAlt: (code) => `${code} reopened`,
    dueChanged: (code, title, from, to, by) => `The due date of ${code} ${title} changed from ${from} to ${to} (by ${by})`,
    dueChangedAlt: (code, to) => `${code} is now due ${to}`,
    noDue: 'none',
    assigned: (role, code, title, unit) => `You are now the ${role} of ${code} ${title} · ${unit}`,
    assignedAlt: (role, code) => `You are now the ${role} of ${code}`,
    unassigned: (role, code, title, unit) => `You are no longer the ${role} of ${code} ${title} · ${unit}`,
    unassignedAlt: (role, code) => `You are no longer the ${role} of ${code}`,
    open: 'Open the item',
    detail: 'Details here',
  },
  reviewSteps: (n) => (n === 1 ? 'one-step review: the first supervisor or certifier to approve decides' : 'two-step review: the supervisor checks, then the certifier certifies'),
};
