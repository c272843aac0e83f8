/**
 * Vitest 5 declares Node 22 and, on Node 20 (which this project supports), reaches for three ES2024 built-ins
 * when it reports failures or snapshot updates: Map.groupBy, Object.groupBy and Promise.withResolvers.
 * Without them a failing test is reported as an unhandled TypeError instead of its assertion message.
 * Imported first by vitest.config.ts, which runs in Vitest's main process. Tests themselves never rely on these.
 */
type GroupKey = PropertyKey;

if (!('groupBy' in Map)) {
  Object.defineProperty(Map, 'groupBy', {
    configurable: true,
    writable: true,
    value<T, K>(items: Iterable<T>, key: (item: T, index: number) => K): Map<K, T[]> {
      const groups = new Map<K, T[]>();
      let index = 0;
      for (const item of items) {
        const k = key(item, index++);
        const group = groups.get(k);
        if (group) group.push(item);
        else groups.set(k, [item]);
      }
      return groups;
    },
  });
}

if (!('groupBy' in Object)) {
  Object.defineProperty(Object, 'groupBy', {
    configurable: true,
    writable: true,
    value<T>(items: Iterable<T>, key: (item: T, index: number) => GroupKey): Partial<Record<GroupKey, T[]>> {
      const groups: Partial<Record<GroupKey, T[]>> = Object.create(null);
      let index = 0;
      for (const item of items) {
        const k = key(item, index++);
        const group = groups[k];
        if (group) group.push(item);
        else groups[k] = [item];
      }
      return groups;
    },
  });
}

if (!('withResolvers' in Promise)) {
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    writable: true,
    value<T>() {
      let resolve!: (value: T | PromiseLike<T>) => void;
      let reject!: (reason?: unknown) => void;
      const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}

export {};
