// Mock exchange (Node): the server's clock, which tests and the console may skew so that a
// correctly signed request fails on time alone. Time endpoints and timestamp checks read it.

export interface MockClock {
  /** Unix ms as the mock's server sees it: the machine's clock plus the skew. */
  now(): number;
  skewMs(): number;
  setSkewMs(skewMs: number): void;
}

export function createMockClock(initialSkewMs = 0): MockClock {
  let skew = initialSkewMs;
  return {
    now: () => Date.now() + skew,
    skewMs: () => skew,
    setSkewMs(skewMs) {
      if (!Number.isFinite(skewMs)) throw new RangeError(`clock skew must be a number: ${skewMs}`);
      skew = Math.trunc(skewMs);
    },
  };
}
