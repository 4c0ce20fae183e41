/**
 * The results record of the areas that exist, kept as the same object while nothing in it changes:
 * with 10,000 areas a new record on every change makes every subscriber derive everything again.
 */

/**
 * `previous` when, for every area in `areas`, `resultOf(id)` is the object `previous` has for it,
 * and `previous` has no other entries; otherwise a new record with `resultOf(id)` for each area that
 * has one. Areas without a result and ids not in `areas` are left out.
 */
export function reconcileResults<T>(
  previous: Readonly<Record<string, T>>,
  areas: readonly { id: string }[],
  resultOf: (id: string) => T | undefined,
): Record<string, T> {
  let kept = 0;
  let same = true;
  for (const area of areas) {
    const result = resultOf(area.id);
    if (result === undefined) {
      if (Object.hasOwn(previous, area.id)) same = false;
    } else if (previous[area.id] === result) kept++;
    else same = false;
    if (!same) break;
  }
  // Same entries for every area: the record is unchanged unless it has ids of areas gone since.
  if (same && countKeys(previous, kept + 1) === kept) return previous as Record<string, T>;
  const results: Record<string, T> = {};
  for (const area of areas) {
    const result = resultOf(area.id);
    if (result !== undefined) results[area.id] = result;
  }
  return results;
}

/** Own keys of `record`, counting no further than `limit`. */
function countKeys(record: object, limit: number): number {
  let count = 0;
  for (const key in record) {
    if (Object.hasOwn(record, key) && ++count >= limit) break;
  }
  return count;
}
