/**
 * Selections more than one panel asks for, as fragments the queries spread by name
 * (codegen reads them from here; their types are `GridNodeFragment`, `PersonOnGridFragment`).
 */
import { graphql } from '../generated';

/** What names a grid in a list, a tree or a chain. */
graphql(`
  fragment GridNode on Grid {
    id
    code
    name
    level
  }
`);

/** A grid's people as the viewer may see them (the API masks phones where the role says so). */
graphql(`
  fragment PersonOnGrid on GridAssignment {
    id
    role
    person {
      id
      name
      phone
    }
  }
`);

/** A grid as the planner edits it: the version a save must name and the shape to reshape. */
graphql(`
  fragment EditableGridShape on Grid {
    ...GridNode
    version
    boundary
  }
`);
