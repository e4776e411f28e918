/**
 * Grid levels are configuration (seed 003 has four, seed 000 three): ADMIN renames them and
 * sets the enterprise classes each answers for directly (seed 000 art. 17). No coverage rule
 * reads those classes, so no audit results change; responsibility reads them live.
 */
import { ENTERPRISE_CLASSES } from '@gridwarden/db';
import type { DataSource } from 'typeorm';
import { runEdit } from '../audit-log/edit-transaction';
import { requireRole, type Viewer } from '../auth/viewer';
import { NotFoundError, UserInputError } from '../graphql/errors';
import type { UpdateGridLevelInput } from './grid-edit.types';
import { GridLevelRepository } from './grid-level.repository';
import type { GridLevel } from './grid.types';

const MAX_LEVEL_NAME = 50;

export class GridLevelEditService {
  constructor(private readonly db: DataSource) {}

  async updateGridLevel(viewer: Viewer | null, input: UpdateGridLevelInput): Promise<GridLevel> {
    const admin = requireRole(viewer, ['ADMIN'], 'change grid levels');
    if (input.nameZh == null && input.nameEn == null && input.enterpriseClasses == null) {
      throw new UserInputError('give at least one of "nameZh", "nameEn" and "enterpriseClasses"');
    }
    const name = (value: string | null | undefined, field: string): string | null => {
      if (value == null) return null;
      const text = value.trim();
      if (text === '' || text.length > MAX_LEVEL_NAME) {
        throw new UserInputError(`"${field}" must be 1–${MAX_LEVEL_NAME} characters`);
      }
      return text;
    };
    const patch = {
      nameZh: name(input.nameZh, 'nameZh'),
      nameEn: name(input.nameEn, 'nameEn'),
      enterpriseClasses:
        input.enterpriseClasses == null ? null : [...new Set(input.enterpriseClasses)],
    };
    const unknown = (patch.enterpriseClasses ?? []).filter(
      (c) => !(ENTERPRISE_CLASSES as readonly string[]).includes(c),
    );
    if (unknown.length) {
      throw new UserInputError(
        `unknown enterprise class ${unknown.join(', ')}; the classes are ${ENTERPRISE_CLASSES.join(', ')}`,
      );
    }
    return runEdit(this.db, admin, 'UPDATE_GRID_LEVEL', async (edit) => {
      const repo = new GridLevelRepository(edit.tx);
      const before = await repo.byLevel(input.level);
      if (!before) throw new NotFoundError(`there is no grid level ${input.level}`);
      const after = await repo.update(input.level, patch);
      edit.log({ entityType: 'GRID_LEVEL', entityId: String(input.level), before, after });
      return after;
    });
  }
}
