import { CoreSchema1763800000000 } from './1763800000000-core-schema';
import { DefaultDepartments1763800000100 } from './1763800000100-default-departments';
import { Coverage1763800000200 } from './1763800000200-coverage';
import { GridSubtree1763800000300 } from './1763800000300-grid-subtree';
import { Auth1763800000400 } from './1763800000400-auth';
import { AuditLog1763800000500 } from './1763800000500-audit-log';
import { ReadIndexes1763800000600 } from './1763800000600-read-indexes';
import { EnterpriseCell1763800000800 } from './1763800000800-enterprise-cell';
import { EnterpriseOrderIndexes1763800000900 } from './1763800000900-enterprise-order-indexes';

/** Every migration, in order. Never `synchronize`. */
export const MIGRATIONS = [
  CoreSchema1763800000000,
  DefaultDepartments1763800000100,
  Coverage1763800000200,
  GridSubtree1763800000300,
  Auth1763800000400,
  AuditLog1763800000500,
  ReadIndexes1763800000600,
  EnterpriseCell1763800000800,
  EnterpriseOrderIndexes1763800000900,
];
