/** Pretty JSON, with very long strings (base64 images) shortened so the panel stays readable. */
export function JsonView({ value }: { value: unknown }) {
  return (
    <pre className="demo-json">
      {value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value, shorten, 2)}
    </pre>
  );
}

const LIMIT = 400;

function shorten(_key: string, value: unknown): unknown {
  if (typeof value === 'string' && value.length > LIMIT) {
    return `${value.slice(0, LIMIT)}… (${value.length - LIMIT} more characters)`;
  }
  return value;
}
