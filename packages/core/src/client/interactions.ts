import { ProtocolError, UsageError } from '../errors.js';
import { isObject } from '../util/is-object.js';
import { linkSignal } from '../util/link-signal.js';
import type { CreateInteractionRequest, GetInteractionParams, Interaction } from '../wire/index.js';
import type { RequestOptions, SendInit, Transport } from './http.js';
import type { InteractionStream } from './interaction-stream.js';
import { readAhead } from './read-ahead.js';

export interface StreamRequestOptions extends RequestOptions {
  /** Continue from this snapshot (with `last_event_id`), e.g. after a page reload. */
  snapshot?: Interaction;
}

export interface InteractionsApi {
  create(
    body: CreateInteractionRequest & { stream: true },
    options?: StreamRequestOptions,
  ): Promise<InteractionStream>;
  create(body: CreateInteractionRequest & { stream?: false }, options?: RequestOptions): Promise<Interaction>;
  create(
    body: CreateInteractionRequest,
    options?: StreamRequestOptions,
  ): Promise<Interaction | InteractionStream>;
  get(
    id: string,
    params: GetInteractionParams & { stream: true },
    options?: StreamRequestOptions,
  ): Promise<InteractionStream>;
  get(
    id: string,
    params?: GetInteractionParams & { stream?: false },
    options?: RequestOptions,
  ): Promise<Interaction>;
  get(
    id: string,
    params?: GetInteractionParams,
    options?: StreamRequestOptions,
  ): Promise<Interaction | InteractionStream>;
  delete(id: string, options?: RequestOptions): Promise<void>;
  /** Stops generation of a running interaction; it then reads back with status `cancelled`. */
  cancel(id: string, options?: RequestOptions): Promise<Interaction>;
}

const INTERACTIONS = '/v1beta/interactions';

export function createInteractionsApi(transport: Transport): InteractionsApi {
  const pathOf = (id: unknown) => {
    if (typeof id !== 'string' || id.trim() === '')
      throw new UsageError('An interaction id must be a non-empty string');
    return `${INTERACTIONS}/${encodeURIComponent(id)}`;
  };

  const openStream = async (
    init: SendInit,
    resume: { resumable: boolean; interactionId?: string; lastEventId?: string | undefined },
    options: StreamRequestOptions,
  ): Promise<InteractionStream> => {
    const controller = new AbortController();
    const unlink = linkSignal(options.signal, controller);
    // The stream's code (SSE decoder, reducer), unless prefetched already, loads while the request is on its
    // way: the model's first byte takes far longer than a chunk, so the request need not wait for it.
    const loading = import('./interaction-stream.js');
    loading.catch(() => {}); // a request that fails first reports its own error
    try {
      const response = await sendForEvents(transport, { ...init, signal: controller.signal });
      const body = readAhead(response.body as ReadableStream<Uint8Array>);
      const { InteractionStream } = await loading;
      return new InteractionStream({
        ...resume,
        body,
        controller,
        retry: transport.retry,
        snapshot: options.snapshot,
        onSettled: unlink,
        reopen: (id, lastEventId, signal) =>
          sendForEvents(transport, {
            method: 'GET',
            path: pathOf(id),
            query: { stream: true, last_event_id: lastEventId },
            signal,
            idempotent: true,
          }),
      });
    } catch (error) {
      unlink();
      // Frees a response whose stream could not be read (its code failed to load).
      controller.abort();
      throw error;
    }
  };

  async function create(body: CreateInteractionRequest, options: StreamRequestOptions = {}) {
    if (!isObject(body)) throw new UsageError('create() takes a request object: { model, input, … }');
    const init: SendInit = {
      method: 'POST',
      path: INTERACTIONS,
      body,
      signal: options.signal,
      idempotent: false,
    };
    if (body.stream === true) return openStream(init, { resumable: body.store !== false }, options);
    return transport.sendJson<Interaction>(init);
  }

  async function get(id: string, params: GetInteractionParams = {}, options: StreamRequestOptions = {}) {
    const path = pathOf(id);
    const { stream, last_event_id, include_input }: GetInteractionParams = isObject(params) ? params : {};
    const init: SendInit = { method: 'GET', path, signal: options.signal, idempotent: true };
    if (stream === true) {
      const query = { stream: true, last_event_id, include_input };
      return openStream(
        { ...init, query },
        { resumable: true, interactionId: id, lastEventId: last_event_id },
        options,
      );
    }
    return transport.sendJson<Interaction>({ ...init, query: { include_input } });
  }

  return {
    create: create as InteractionsApi['create'],
    get: get as InteractionsApi['get'],
    async delete(id, options = {}) {
      await transport.sendJson({
        method: 'DELETE',
        path: pathOf(id),
        signal: options.signal,
        idempotent: true,
      });
    },
    async cancel(id, options = {}) {
      const path = `${pathOf(id)}/cancel`;
      return transport.sendJson<Interaction>({
        method: 'POST',
        path,
        signal: options.signal,
        idempotent: true,
      });
    },
  };
}

/** Sends and checks that the answer is an event stream (a JSON answer means `stream` was ignored). */
async function sendForEvents(transport: Transport, init: SendInit): Promise<Response> {
  const response = await transport.send({ ...init, headers: { Accept: 'text/event-stream' } });
  const type = response.headers.get('content-type') ?? '';
  if (!response.body || !type.includes('text/event-stream')) {
    await response.body?.cancel().catch(() => {});
    throw new ProtocolError(
      `Expected an event stream, got ${type || 'no content type'} (HTTP ${response.status})`,
    );
  }
  return response;
}
