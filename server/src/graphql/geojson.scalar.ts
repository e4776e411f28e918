import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

function checkGeometry(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new GraphQLError(
      'GeoJSON must be an object such as {"type":"Polygon","coordinates":[…]}',
      {
        extensions: { code: 'BAD_USER_INPUT' },
      },
    );
  }
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string' || !GEOMETRY_TYPES.has(type)) {
    throw new GraphQLError(
      `GeoJSON geometry type must be one of ${[...GEOMETRY_TYPES].join(', ')}; got ${JSON.stringify(type)}`,
      {
        extensions: { code: 'BAD_USER_INPUT' },
      },
    );
  }
  return value as Record<string, unknown>;
}

function literal(node: ValueNode): unknown {
  switch (node.kind) {
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, literal(f.value)]));
    case Kind.LIST:
      return node.values.map(literal);
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.STRING:
      return node.value;
    case Kind.BOOLEAN:
      return node.value;
    default:
      return null;
  }
}

/** A GeoJSON geometry object (RFC 7946), WGS84 longitude/latitude. */
export const GeoJSONScalar = new GraphQLScalarType({
  name: 'GeoJSON',
  description: 'A GeoJSON geometry object (RFC 7946) in WGS84 longitude/latitude',
  serialize: (value) => checkGeometry(typeof value === 'string' ? JSON.parse(value) : value),
  parseValue: checkGeometry,
  parseLiteral: (node) => checkGeometry(literal(node)),
});
