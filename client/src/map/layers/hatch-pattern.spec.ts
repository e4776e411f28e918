import { describe, expect, it } from '@jest/globals';
import { hatchPattern } from './hatch-pattern';

const pattern = hatchPattern({
  size: 12,
  lineWidth: 3,
  color: [220, 38, 38],
  background: [254, 226, 226, 90],
});
const pixel = (x: number, y: number) => {
  const i = (((y + 12) % 12) * 12 + ((x + 12) % 12)) * 4;
  return [...pattern.data.slice(i, i + 4)];
};
const isInk = (x: number, y: number) => pixel(x, y)[3] === 255;

describe('hatchPattern', () => {
  it('is a size × size RGBA image', () => {
    expect([pattern.width, pattern.height, pattern.data.length]).toEqual([12, 12, 12 * 12 * 4]);
  });

  it('draws opaque red diagonal lines over a faint background', () => {
    expect(pixel(0, 11)).toEqual([220, 38, 38, 255]);
    expect(pixel(6, 5)).toEqual([220, 38, 38, 255]);
    expect(pixel(0, 5)).toEqual([254, 226, 226, 90]);
  });

  it('runs each line along x + y = constant, so it reads as "////"', () => {
    for (let x = 0; x < 12; x++) expect(isInk(x, 11 - x)).toBe(true);
  });

  it('tiles without seams: a line leaving one edge enters at the opposite one', () => {
    for (let i = 0; i < 12; i++) {
      // one step along a line from the right (bottom) edge lands on the left (top) edge
      expect(isInk(11, i)).toBe(isInk(0, i - 1));
      expect(isInk(i, 11)).toBe(isInk(i - 1, 0));
    }
  });

  it('inks about lineWidth / (size / √2) of the pixels', () => {
    let ink = 0;
    for (let y = 0; y < 12; y++) for (let x = 0; x < 12; x++) if (isInk(x, y)) ink++;
    expect(ink / 144).toBeGreaterThan(0.25);
    expect(ink / 144).toBeLessThan(0.6);
  });
});
