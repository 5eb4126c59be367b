// A property made when first read, then kept: what a run may never need (a province's city tables, its organisation
// list, the built-in quota table) is not made by the runs that never read it.

/**
 * `obj` with its property `key` made by `make` when first read, then kept: the same value whenever it is read. Enumerable,
 * and in its place among the others when `obj` already has `key` (a spread or JSON.stringify reads it, and so makes it).
 */
export function lazily<T extends object, K extends keyof T>(obj: T, key: K, make: () => T[K]): T {
  let made: { value: T[K] } | undefined;
  return Object.defineProperty(obj, key, { get: () => (made ??= { value: make() }).value, enumerable: true, configurable: true });
}
