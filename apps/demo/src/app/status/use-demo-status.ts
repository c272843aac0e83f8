import { useEffect, useState } from 'react';
import { DEMO_STATUS_PATH, type DemoStatus } from '../../shared/demo-status';

/** Where answers come from (the badge) and which models the route allows (the settings dialog). */
export function useDemoStatus(): DemoStatus | undefined {
  const [status, setStatus] = useState<DemoStatus>();
  useEffect(() => {
    const controller = new AbortController();
    fetch(DEMO_STATUS_PATH, { signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<DemoStatus>) : undefined))
      .then(setStatus)
      .catch(() => {
        // Without the status the app still works; the badge just does not say where answers come from.
      });
    return () => controller.abort();
  }, []);
  return status;
}
