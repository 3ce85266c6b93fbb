// Panel UI: re-renders a component when an external store notifies.
import { useEffect, useState } from 'preact/hooks';

export interface Subscribable {
  subscribe(listener: () => void): () => void;
}

export function useSubscription<S extends Subscribable, T>(source: S, read: (s: S) => T): T {
  const [value, setValue] = useState(() => read(source));
  useEffect(() => {
    setValue(read(source));
    return source.subscribe(() => setValue(read(source)));
  }, [source]);
  return value;
}
