// MAIN world (page): Error.captureStackTrace, taken at document_start, to hide the wrapper's
// trap frames from the stacks of errors the browser throws through them (V8 only).
import { languageNatives } from './native-language.ts';

// biome-ignore lint/complexity/noBannedTypes: any function, as captureStackTrace takes it
type AnyFunction = Function;

const { getOwnPropertyDescriptor } = languageNatives;
const captureStackTrace = (
  Error as { captureStackTrace?: (target: object, fn?: AnyFunction) => void }
).captureStackTrace;

/**
 * V8 re-captures an error's stack from a given frame down and keeps `stack` the same native
 * accessor it was: a native error thrown through a trap can lose the trap's frame without a
 * trace. SpiderMonkey's captureStackTrace defines an own data property instead (errors there
 * have none), which a page could tell apart: there we leave errors alone.
 */
function stackRecaptureIsInvisible(): boolean {
  if (typeof captureStackTrace !== 'function') return false;
  try {
    const probe = new TypeError('probe');
    const before = getOwnPropertyDescriptor(probe, 'stack');
    if (typeof before?.get !== 'function') return false;
    captureStackTrace(probe);
    const after = getOwnPropertyDescriptor(probe, 'stack');
    return (
      after?.get === before.get &&
      after.set === before.set &&
      after.enumerable === before.enumerable &&
      after.configurable === before.configurable
    );
  } catch {
    return false;
  }
}

export function captureStackNatives() {
  const recapture = stackRecaptureIsInvisible();
  return {
    /**
     * Makes an error the browser threw inside `trap` look thrown by the trap's caller, as without
     * the wrapper (V8 only, see stackRecaptureIsInvisible). Only for errors that no page code
     * could have created: the caller checks the arguments were inert.
     */
    hideTrapFrame(error: unknown, trap: AnyFunction): void {
      if (!recapture || error === null || typeof error !== 'object') return;
      try {
        (captureStackTrace as (target: object, fn?: AnyFunction) => void)(error, trap);
      } catch {}
    },
  };
}
