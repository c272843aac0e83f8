import { badRequest, forbidden } from '../errors.js';
import { isAllowed, type ModelAllowlist } from './models.js';

export interface CreatePolicy {
  allowedModels: ModelAllowlist;
  allowedAgents: ModelAllowlist;
  /** Optional cap on `generation_config.max_output_tokens`. */
  maxOutputTokens: number | undefined;
}

/**
 * Checks a `POST /v1beta/interactions` body before it costs anything. Returns the body to forward:
 * the same object, or a copy with `max_output_tokens` set to the cap when the client left it out
 * (without that, a capped route would still pay for the model's own, much larger, default).
 */
export function applyCreatePolicy(
  body: Record<string, unknown>,
  policy: CreatePolicy,
): Record<string, unknown> {
  const { model, agent } = body;
  if (model !== undefined && agent !== undefined)
    throw badRequest('Give either `model` or `agent`, not both.');
  if (agent !== undefined) {
    if (typeof agent !== 'string' || agent === '') throw badRequest('`agent` must be a non-empty string.');
    if (!isAllowed(agent, policy.allowedAgents))
      throw forbidden(`The agent ${JSON.stringify(agent)} is not allowed here.`);
  } else {
    if (typeof model !== 'string' || model === '') throw badRequest('`model` must be a non-empty string.');
    if (!isAllowed(model, policy.allowedModels))
      throw forbidden(`The model ${JSON.stringify(model)} is not allowed here.`);
  }
  if (body.previous_interaction_id !== undefined && typeof body.previous_interaction_id !== 'string') {
    throw badRequest('`previous_interaction_id` must be a string.');
  }
  return capOutputTokens(body, policy.maxOutputTokens);
}

function capOutputTokens(body: Record<string, unknown>, cap: number | undefined): Record<string, unknown> {
  const config = body.generation_config;
  if (config !== undefined && (typeof config !== 'object' || config === null || Array.isArray(config))) {
    throw badRequest('`generation_config` must be an object.');
  }
  if (cap === undefined) return body;
  const requested = (config as Record<string, unknown> | undefined)?.max_output_tokens;
  if (requested === undefined) {
    return { ...body, generation_config: { ...(config as object | undefined), max_output_tokens: cap } };
  }
  if (typeof requested !== 'number' || !Number.isInteger(requested) || requested < 1) {
    throw badRequest('`generation_config.max_output_tokens` must be a positive integer.');
  }
  if (requested > cap) {
    throw badRequest(`\`generation_config.max_output_tokens\` may be at most ${cap} here.`);
  }
  return body;
}
