const BASE64 =
  /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2}|[A-Za-z0-9+/]{3})?$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Decodes standard or URL-safe base64 (padding optional, whitespace ignored), or returns undefined
 * when the text is not base64. Uses atob so it runs in browsers too.
 */
export function decodeBase64(text: string): Uint8Array | undefined {
  let compact = text.replace(/\s+/g, '');
  if (!BASE64.test(compact)) {
    if (!BASE64URL.test(compact) || compact.length % 4 === 1) return undefined;
    compact = compact.replaceAll('-', '+').replaceAll('_', '/');
  }
  if (compact.length % 4 === 1) return undefined;
  const padded = compact.padEnd(Math.ceil(compact.length / 4) * 4, '=');
  try {
    const binary = atob(padded);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
