import { env, type Env } from "../env";

export type Selected<T> = (() => T) & { reset: () => void };

/**
 * The one way every provider folder picks its implementation: `key` names what the choice depends
 * on in the env; the implementation is built once and rebuilt only when that part of the env
 * changes (tests switch providers through env). `reset()` forgets it.
 */
export function selectProvider<T>(key: (e: Env) => string, build: (e: Env) => T): Selected<T> {
  let cached: { key: string; value: T } | undefined;
  const get = () => {
    const e = env();
    const k = key(e);
    if (cached?.key !== k) cached = { key: k, value: build(e) };
    return cached.value;
  };
  return Object.assign(get, { reset: () => void (cached = undefined) });
}
