import { canFetchInWorker, createClient, createWorkerFetch } from '@gemkit/react';
import { GEMINI_ROUTE_PATH } from '../shared/demo-status';
import { TrafficRecorder } from './inspector/traffic-recorder';

/**
 * Every request the page makes to the route goes through here, so the inspector can show it; sent, as the
 * client would by itself, from a worker that hands the page each stream in batches.
 */
export const traffic = new TrafficRecorder(canFetchInWorker() ? createWorkerFetch() : undefined);

/** The one client of the app: the route on this origin (the key stays on the server), recorded. */
export const client = createClient({ baseUrl: GEMINI_ROUTE_PATH, fetch: traffic.fetch });
