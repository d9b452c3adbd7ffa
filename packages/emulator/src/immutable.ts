// Copies of arrays with one element removed or replaced (what ES2023's toSpliced and with do, for ES2022):
// the backends never change a state they were given.

export function without<T>(items: readonly T[], index: number): T[] {
  const copy = items.slice();
  copy.splice(index, 1);
  return copy;
}

export function replaced<T>(items: readonly T[], index: number, item: T): T[] {
  const copy = items.slice();
  copy[index] = item;
  return copy;
}
