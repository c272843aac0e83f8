/** Files for attachment stories and tests, made in the browser (no binary fixtures in the repo). */

/** A PNG picture: a gradient with a sun, `size` pixels square. */
export async function samplePicture(name = 'sunset.png', size = 96): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext('2d') as CanvasRenderingContext2D;
  const sky = context.createLinearGradient(0, 0, 0, size);
  sky.addColorStop(0, '#1d3b8a');
  sky.addColorStop(1, '#f08a4b');
  context.fillStyle = sky;
  context.fillRect(0, 0, size, size);
  context.fillStyle = '#ffd66b';
  context.beginPath();
  context.arc(size / 2, size * 0.7, size / 5, 0, Math.PI * 2);
  context.fill();
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((made) => (made ? resolve(made) : reject(new Error('toBlob failed'))), 'image/png'),
  );
  return new File([blob], name, { type: 'image/png' });
}

/** A small text document. */
export function sampleDocument(name = 'notes.txt', lines = 40): File {
  const text = Array.from({ length: lines }, (_, i) => `Line ${i + 1}: the quick brown fox.`).join('\n');
  return new File([text], name, { type: 'text/plain' });
}
