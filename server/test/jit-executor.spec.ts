import {
  buildSchema,
  execute,
  GraphQLError,
  GraphQLScalarType,
  Kind,
  parse,
  validate,
  type ExecutionResult,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { jitExecutor } from '../src/graphql/jit-executor';

/**
 * graphql-jit answers as graphql-js does: the same data, and errors with the same message,
 * locations, path and extensions, whatever went wrong. (The server's whole test suite runs
 * through it too; this compares the two engines side by side on the cases where they could
 * differ.)
 */
const SDL = `
  scalar Day
  enum Order { NAME EMPLOYEES }
  input Page { first: Int!, order: Order = NAME }
  interface Named { name: String! }
  type Person implements Named { name: String! phone: String }
  type Company implements Named { name: String! employees: Int! staff: [Person!]! }
  union Anything = Person | Company
  type Query {
    companies(page: Page!): [Company!]!
    company(name: String!): Company!
    maybeCompany(name: String!): Company
    named: [Named!]!
    anything: [Anything!]!
    today: Day!
    failsNullable: String
    failsNonNull: String!
  }
`;

class UserInputError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT' } });
  }
}

const PEOPLE = [
  { __typename: 'Person', name: '张三', phone: '138****0000' },
  { __typename: 'Person', name: 'Li Si', phone: null },
];
const COMPANIES = [
  { __typename: 'Company', name: '沂水化工', employees: 120, staff: PEOPLE },
  { __typename: 'Company', name: 'Acme', employees: 8, staff: [] },
];

function schemaWithResolvers(): GraphQLSchema {
  const schema = buildSchema(SDL);
  const day = schema.getType('Day') as GraphQLScalarType;
  Object.assign(day, {
    serialize: (value: unknown) => (value as Date).toISOString().slice(0, 10),
    parseValue: (value: unknown) => new Date(String(value)),
    parseLiteral: (ast: { kind: string; value?: string }) =>
      ast.kind === Kind.STRING ? new Date(String(ast.value)) : null,
  });
  const query = schema.getQueryType() as GraphQLObjectType;
  const resolvers: Record<string, GraphQLFieldResolver<unknown, unknown>> = {
    companies: (_root, { page }) => {
      const { first, order } = page as { first: number; order: 'NAME' | 'EMPLOYEES' };
      if (first < 0) throw new UserInputError(`"first" must be ≥ 0; got ${first}`);
      const sorted = [...COMPANIES].sort((a, b) =>
        order === 'NAME' ? a.name.localeCompare(b.name) : a.employees - b.employees,
      );
      return sorted.slice(0, first);
    },
    company: async (_root, { name }) => {
      const found = COMPANIES.find((c) => c.name === name);
      if (!found) throw new UserInputError(`no company named ${JSON.stringify(name)}`);
      return found;
    },
    maybeCompany: (_root, { name }) => COMPANIES.find((c) => c.name === name) ?? null,
    named: () => [...COMPANIES, ...PEOPLE],
    anything: () => [PEOPLE[0], COMPANIES[1]],
    today: () => new Date('2026-11-23T08:00:00Z'),
    failsNullable: () => {
      throw new Error('the database is away');
    },
    failsNonNull: () => Promise.reject(new UserInputError('refused')),
  };
  for (const [name, resolve] of Object.entries(resolvers))
    query.getFields()[name].resolve = resolve;
  return schema;
}

const schema = schemaWithResolvers();
const jit = jitExecutor(schema);

/** Both engines' answers, as a client would receive them (JSON, errors as formatted). */
async function both(source: string, variables?: Record<string, unknown>, operationName?: string) {
  const document = parse(source);
  expect(validate(schema, document)).toEqual([]);
  const json = (r: ExecutionResult) => JSON.parse(JSON.stringify(r));
  const reference = await execute({
    schema,
    document,
    variableValues: variables,
    operationName,
  });
  const compiled = await jit(document, operationName, variables, {});
  return { reference: json(reference), compiled: json(compiled), raw: compiled };
}

describe('graphql-jit executor answers as graphql-js does', () => {
  const cases: [string, string, Record<string, unknown>?, string?][] = [
    [
      'a list through an input object with an enum default and a variable',
      `query($n: Int!) { companies(page: { first: $n }) { name employees staff { name phone } } }`,
      { n: 5 },
    ],
    [
      'an enum and a nested input from variables',
      `query($p: Page!) { companies(page: $p) { name } }`,
      { p: { first: 1, order: 'EMPLOYEES' } },
    ],
    [
      'interfaces, unions, fragments, aliases, @include and @skip',
      `query($withPhone: Boolean!) {
         named { __typename name ... on Company { employees } }
         anything { ... on Person { who: name phone @include(if: $withPhone) } ... on Company { name @skip(if: true) employees } }
       }`,
      { withPhone: false },
    ],
    ['a custom scalar', `{ today }`],
    ['a null for a nullable object', `{ maybeCompany(name: "nobody") { name } }`],
    [
      'an error in a nullable field: partial data',
      `{ failsNullable maybeCompany(name: "Acme") { name } }`,
    ],
    ['an error in a non-null root field: data null', `{ failsNonNull }`],
    [
      'an error with extensions from an async resolver',
      `query($name: String!) { company(name: $name) { name } }`,
      { name: 'nobody' },
    ],
    ['an error thrown for an argument', `{ companies(page: { first: -1 }) { name } }`],
    [
      'a variable of the wrong type',
      `query($n: Int!) { companies(page: { first: $n }) { name } }`,
      { n: 'ten' },
    ],
    ['a missing variable', `query($n: Int!) { companies(page: { first: $n }) { name } }`, {}],
    [
      'an enum value that does not exist',
      `query($p: Page!) { companies(page: $p) { name } }`,
      { p: { first: 1, order: 'PHONE' } },
    ],
    [
      'one operation of several, by name',
      `query A { today } query B { named { name } }`,
      undefined,
      'B',
    ],
    ['introspection', `{ __type(name: "Order") { kind enumValues { name } } __typename }`],
  ];

  // one argument per case: Jest reads a test function's extra parameter as a done callback
  it.each(
    cases.map(([title, source, variables, operationName]) => ({
      title,
      source,
      variables,
      operationName,
    })),
  )('$title', async ({ source, variables, operationName }) => {
    const { reference, compiled } = await both(source, variables, operationName);
    expect(compiled).toEqual(reference);
  });

  it('hands back graphql-js errors whose message can be rewritten, with the original error', async () => {
    const { raw } = await both(`{ failsNonNull }`);
    const [error] = raw.errors ?? [];
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.originalError).toBeInstanceOf(UserInputError);
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT' });
    error.message = 'rewritten';
    expect(error.message).toBe('rewritten');
  });

  it('compiles an operation once per parsed document', async () => {
    const document = parse(`{ today }`);
    const first = await jit(document, undefined, undefined, {});
    const again = await jit(document, undefined, undefined, {});
    expect(again).toEqual(first);
  });
});
