import { FINAL_STATUSES, type Status } from '../assignments/workflow.ts';

/**
 * The states an export counts as final (what goes into ITAS and onto the public page): the
 * workflow's own (assignments/workflow.ts: certified, and "not applicable" with its published
 * reason). A checked item still waits for its certifier, so it is not final.
 */
export { FINAL_STATUSES };

export const isFinal = (s: Status): boolean => FINAL_STATUSES.includes(s);

/** Final with published evidence (not "not applicable"). */
export const isApproved = (s: Status): boolean => isFinal(s) && s !== 'not_applicable';
