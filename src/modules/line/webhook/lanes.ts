/**
 * Runs `work` over `items` with up to `width()` at once, each item by one lane (the inbox
 * worker's sources: handled side by side, each source's events in order inside its lane).
 * `width` is asked again before each item, so the worker can narrow while the webhook is busy:
 * a lane beyond the current width stops after its item and the others take the rest. Failures
 * of `work` reject once every lane has stopped, with the first one.
 */
export async function inLanes<T>(items: T[], width: () => number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const lane = async (_: unknown, index: number) => {
    while (next < items.length && index < width()) {
      const at = next++;
      try {
        await work(items[at]!, at);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(width(), items.length) }, lane));
  if (failure) throw (failure as { error: unknown }).error;
}
