import { validateBBox, validateLonLat, validateQueryGeometry } from './query-geometry.validation';

describe('validateLonLat', () => {
  it('accepts a point in range, edges included', () => {
    expect(validateLonLat(118.5, 35.8)).toEqual({ valid: true });
    expect(validateLonLat(-180, 90)).toEqual({ valid: true });
  });

  it('names the coordinate that is out of range or not a number', () => {
    expect(validateLonLat(218.5, 35.8, 'point')).toEqual({
      valid: false,
      reason: 'LONGITUDE_OUT_OF_RANGE',
      message: 'point: longitude 218.5 is outside −180…180',
    });
    expect(validateLonLat(118.5, -91)).toMatchObject({ reason: 'LATITUDE_OUT_OF_RANGE' });
    expect(validateLonLat(NaN, 35)).toMatchObject({
      reason: 'NON_FINITE_COORDINATE',
      message: 'longitude NaN is not a finite number',
    });
  });
});

describe('validateBBox', () => {
  it('accepts [minLon, minLat, maxLon, maxLat], a zero-width box too', () => {
    expect(validateBBox([118.4, 35.7, 118.6, 35.9])).toEqual({
      valid: true,
      bbox: [118.4, 35.7, 118.6, 35.9],
    });
    expect(validateBBox([118.4, 35.7, 118.4, 35.9]).valid).toBe(true);
  });

  it('refuses the wrong count, an inverted box and coordinates out of range', () => {
    expect(validateBBox([1, 2, 3])).toMatchObject({
      reason: 'BBOX_WRONG_LENGTH',
      message: expect.stringMatching(/4 numbers .* got 3/),
    });
    expect(validateBBox([118.6, 35.7, 118.4, 35.9])).toMatchObject({
      reason: 'BBOX_INVERTED',
      message: expect.stringMatching(/antimeridian/),
    });
    expect(validateBBox([118.4, 35.7, 181, 35.9])).toMatchObject({
      reason: 'LONGITUDE_OUT_OF_RANGE',
      message: 'bbox maximum: longitude 181 is outside −180…180',
    });
  });
});

describe('validateQueryGeometry', () => {
  const square = {
    type: 'Polygon',
    coordinates: [
      [
        [118, 35],
        [119, 35],
        [119, 36],
        [118, 36],
        [118, 35],
      ],
    ],
  };

  it('accepts a point and a valid polygon (as a MultiPolygon), bare or in a Feature', () => {
    expect(validateQueryGeometry({ type: 'Point', coordinates: [118.5, 35.8, 12] })).toEqual({
      valid: true,
      geometry: { type: 'Point', coordinates: [118.5, 35.8] },
    });
    const result = validateQueryGeometry({ type: 'Feature', properties: {}, geometry: square });
    expect(result).toMatchObject({ valid: true, geometry: { type: 'MultiPolygon' } });
  });

  it('refuses other types, a point out of range and an invalid polygon with its reason', () => {
    expect(validateQueryGeometry({ type: 'LineString', coordinates: [] })).toMatchObject({
      reason: 'WRONG_TYPE',
      message: 'expected a Point, Polygon or MultiPolygon, got "LineString"',
    });
    expect(validateQueryGeometry({ type: 'Point', coordinates: [0, 95] })).toMatchObject({
      reason: 'LATITUDE_OUT_OF_RANGE',
    });
    const bowtie = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 1],
          [1, 0],
          [0, 1],
          [0, 0],
        ],
      ],
    };
    expect(validateQueryGeometry(bowtie)).toMatchObject({ reason: 'SELF_INTERSECTION' });
    expect(validateQueryGeometry('x')).toMatchObject({ reason: 'NOT_AN_OBJECT' });
  });
});
