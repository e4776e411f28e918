import { validateLineString } from './line.validation';

describe('validateLineString', () => {
  it('accepts a line, dropping altitudes and repeated positions', () => {
    expect(
      validateLineString({
        type: 'LineString',
        coordinates: [
          [118.5, 35.8],
          [118.5, 35.8, 3],
          [118.6, 35.9],
        ],
      }),
    ).toEqual({
      valid: true,
      geometry: {
        type: 'LineString',
        coordinates: [
          [118.5, 35.8],
          [118.6, 35.9],
        ],
      },
    });
  });

  it('accepts a Feature wrapping a line', () => {
    const result = validateLineString({
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'LineString',
        coordinates: [
          [0, 0],
          [1, 1],
        ],
      },
    });
    expect(result.valid).toBe(true);
  });

  it('says which position is out of range', () => {
    expect(
      validateLineString({
        type: 'LineString',
        coordinates: [
          [118.5, 35.8],
          [218.6, 35.9],
        ],
      }),
    ).toEqual({
      valid: false,
      reason: 'LONGITUDE_OUT_OF_RANGE',
      position: 1,
      message: 'position 1 has longitude 218.6, outside -180…180',
    });
  });

  it('refuses a polygon, a single point and non-numbers', () => {
    expect(validateLineString({ type: 'Polygon', coordinates: [] })).toMatchObject({
      reason: 'WRONG_TYPE',
    });
    expect(
      validateLineString({
        type: 'LineString',
        coordinates: [
          [1, 1],
          [1, 1],
        ],
      }),
    ).toMatchObject({
      reason: 'TOO_SHORT',
    });
    expect(
      validateLineString({
        type: 'LineString',
        coordinates: [
          [1, 'a'],
          [2, 2],
        ],
      }),
    ).toMatchObject({
      reason: 'NON_FINITE_COORDINATE',
      position: 0,
    });
    expect(validateLineString(null)).toMatchObject({ reason: 'NOT_AN_OBJECT' });
  });
});
