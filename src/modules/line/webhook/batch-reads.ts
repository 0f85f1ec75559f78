import type { Db } from '../../../db/client.ts';
import type { AssignmentsRepository } from '../../assignments/assignments.repository.ts';
import type { AssignmentsService } from '../../assignments/assignments.usecases.ts';
import type { BatchMemo } from './batch-memo.ts';

/**
 * The assignment reads the events of one inbox batch share (issue 12.6: "load … once per batch",
 * and no statement per event that an earlier event of the batch already made): twenty officers
 * asking for O12 in one batch read the item's assignments, people, evidence and catalog item once.
 *
 * What keeps them right:
 *  - only reads outside a transaction are shared (a use case's transaction always reads);
 *  - every assignments use case that is not a read forgets them all when it settles (after its
 *    commit), so the next event of the batch, of any source, reads what it changed; so do the
 *    linking changes that alter the people shown (line.module.ts);
 *  - outside a batch (LIFF API, CLI, admin API) nothing is shared: batch-memo.ts loads each time;
 *  - what another instance or the LIFF page changes meanwhile shows from the next batch on (a
 *    batch lasts well under a second), as the sender's officer and cycle already do;
 *  - shared arrays are frozen, so a caller sorting one in place fails loudly instead of
 *    reordering another event's answer.
 */
const PREFIX = 'asg:';

/** Repository reads that may be shared; anything else (writes, and reads added later) always goes to the database. */
const SHARED_READS = ['list', 'count', 'byId', 'people', 'evidenceCounts', 'evidenceOf', 'evidence', 'officerNames', 'ticks', 'progress', 'itemDetail', 'itemsOf', 'itemIdOf', 'reviewSteps'] as const satisfies ReadonlyArray<keyof AssignmentsRepository>;

/** Use cases that only read; every other one (and any added later) forgets the shared reads when it settles. */
const READ_USE_CASES = new Set<string>(['detail', 'details', 'history', 'cards', 'list', 'people', 'pending', 'progress', 'allowedOn', 'openForOfficer'] satisfies Array<keyof AssignmentsService>);

const isDb = (v: unknown) => typeof v === 'object' && v !== null && typeof (v as { select?: unknown }).select === 'function';

function frozen<T>(v: T): T {
  if (Array.isArray(v)) {
    for (const e of v) if (typeof e === 'object' && e !== null) Object.freeze(e);
    Object.freeze(v);
  }
  return v;
}

/** `repo` whose shared reads (above) are made once per batch and arguments. */
export function sharedAssignmentReads(repo: AssignmentsRepository, db: Db, memo: BatchMemo): AssignmentsRepository {
  const out = { ...repo };
  for (const name of SHARED_READS) {
    const read = repo[name] as (...args: unknown[]) => Promise<unknown>;
    (out as Record<string, unknown>)[name] = (...args: unknown[]) => {
      const rest = args.filter((a) => a !== db);
      if (!memo.inBatch() || rest.some(isDb)) return read(...args); // outside a batch, or inside a transaction: its own view
      return memo.get(`${PREFIX}${name}:${JSON.stringify(rest)}`, async () => frozen(await read(...args)));
    };
  }
  return out;
}

/** `service` whose writing use cases forget the batch's shared reads once they settle. */
export function forgettingAssignmentWrites(service: AssignmentsService, memo: BatchMemo): AssignmentsService {
  const out = { ...service } as Record<string, unknown>;
  for (const [name, fn] of Object.entries(service)) {
    if (typeof fn !== 'function' || READ_USE_CASES.has(name)) continue;
    out[name] = async (...args: unknown[]) => {
      try {
        return await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
      } finally {
        forgetAssignmentReads(memo);
      }
    };
  }
  return out as AssignmentsService;
}

/** After a change to who people are (linking, a follow): the shared reads show people's names and reachability. */
export function forgetAssignmentReads(memo: BatchMemo) {
  memo.forget(PREFIX);
}
