/**
 * URL allowlist for links and images from untrusted model output. markdown-it has already decoded
 * entities and backslash escapes in the destination (so `&#106;avascript:` arrives as `javascript:`)
 * and refuses some schemes itself; this is the second, stricter gate.
 *
 * Allowed: http, https, mailto (links only), and relative references. Everything else — javascript:,
 * vbscript:, data:, file:, blob:, custom schemes — is refused, after removing what browsers ignore
 * when they parse a URL (ASCII whitespace and control characters anywhere, so `java\tscript:` is
 * seen as the browser would see it).
 */
export type UrlKind = 'link' | 'image';

const SCHEME = /^([a-z][a-z\d+.-]*):/i;
const ALLOWED: Record<UrlKind, ReadonlySet<string>> = {
  link: new Set(['http', 'https', 'mailto']),
  image: new Set(['http', 'https']),
};

/** The URL to use, or null when it must not be used. */
export function safeUrl(url: string | null | undefined, kind: UrlKind): string | null {
  if (!url) return null;
  const compact = withoutIgnoredCharacters(url);
  if (compact === '') return null;
  // Percent-encoded characters are decoded by no URL parser before the scheme is read, but reject an
  // encoded colon in the scheme position anyway: nothing legitimate needs one.
  const scheme = SCHEME.exec(compact)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    if (/^[^/?#]*%3a/i.test(compact) || compact.startsWith('\\')) return null;
    return url.trim();
  }
  return ALLOWED[kind].has(scheme) ? url.trim() : null;
}

/** Drops C0 controls, space, DEL and C1 controls: URL parsers strip or ignore them. */
function withoutIgnoredCharacters(url: string): string {
  let out = '';
  for (const char of url) {
    const code = char.codePointAt(0) as number;
    if (code > 0x20 && (code < 0x7f || code > 0x9f)) out += char;
  }
  return out;
}
