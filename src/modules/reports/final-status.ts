import type { Status } from '../assignments/workflow.ts';

/**
 * The states an export counts as final (what goes into ITAS and onto the public page): approved,
 * and "not applicable" with its published reason. The two-step review (submitted → checked →
 * approved) will export its own notion from assignments/workflow.ts; this is the one place to
 * switch over to it.
 */
export const FINAL_STATUSES: readonly Status[] = ['approved', 'not_applicable'];

export const isFinal = (s: Status): boolean => FINAL_STATUSES.includes(s);

/** Final with published evidence (not "not applicable"). */
export const isApproved = (s: Status): boolean => isFinal(s) && s !== 'not_applicable';
