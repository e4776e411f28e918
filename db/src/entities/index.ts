import { DepartmentEntity } from './department.entity';
import { EnterpriseEntity } from './enterprise.entity';
import { GridAssignmentEntity } from './grid-assignment.entity';
import { GridHistoryEntity } from './grid-history.entity';
import { GridLevelEntity } from './grid-level.entity';
import { GridEntity } from './grid.entity';
import { PersonEntity } from './person.entity';
import { SectorRuleEntity } from './sector-rule.entity';

export {
  DepartmentEntity,
  EnterpriseEntity,
  GridAssignmentEntity,
  GridHistoryEntity,
  GridLevelEntity,
  GridEntity,
  PersonEntity,
  SectorRuleEntity,
};

export const ENTITIES = [
  DepartmentEntity,
  EnterpriseEntity,
  GridAssignmentEntity,
  GridHistoryEntity,
  GridLevelEntity,
  GridEntity,
  PersonEntity,
  SectorRuleEntity,
];
