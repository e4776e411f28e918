/** An RGBA image MapLibre can take through map.addImage (width × height × 4 bytes). */
export interface PatternImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * Diagonal hatching ("////") that tiles without seams: a pixel is ink when it lies within
 * half a line width of a diagonal x + y ≡ 0 (mod size), measured across the line. Drawn in
 * code, so the map needs no sprite server.
 * @example hatchPattern({ size: 12, lineWidth: 3, color: [220, 38, 38], background: [254, 226, 226, 90] })
 */
export function hatchPattern(options: {
  /** Pixels between two lines, and the image's width and height. */
  size: number;
  lineWidth: number;
  color: [number, number, number];
  /** Colour between the lines, with alpha (0 for none). */
  background: [number, number, number, number];
}): PatternImage {
  const { size, lineWidth, color, background } = options;
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // distance across the diagonal family x + y = k·size, through pixel centres
      const offset = (x + y + 1) % size;
      const across = Math.min(offset, size - offset) / Math.SQRT2;
      const ink = across <= lineWidth / 2;
      const i = (y * size + x) * 4;
      data.set(ink ? [...color, 255] : background, i);
    }
  }
  return { width: size, height: size, data };
}
