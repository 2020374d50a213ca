/**
 * Moving one entry up or down: the new positions (10, 20, 30 …) of the
 * entries whose position must change. Entries may share a position (new ones
 * default to 100), so neighbours are renumbered rather than swapped.
 */
export function reorderedPositions<T extends { id: string; position: number }>(entries: T[], id: string, offset: -1 | 1): { id: string; position: number }[] {
  const from = entries.findIndex((entry) => entry.id === id);
  const to = from + offset;
  if (from < 0 || to < 0 || to >= entries.length) return [];
  const order = [...entries];
  const [moved] = order.splice(from, 1);
  order.splice(to, 0, moved!);
  return order.map((entry, index) => ({ id: entry.id, position: (index + 1) * 10 })).filter((next, index) => order[index]!.position !== next.position);
}
