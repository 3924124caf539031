/**
 * A value built on the first call and kept: schemas and tables a run may never need (a check on
 * the checked precompiled rules builds no zod schema at all) cost their start-up nothing.
 */
export function builtOnce<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}
