import type { Geometry } from 'geojson';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApolloClient } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useQuery } from '@apollo/client/react';
import { ME_QUERY } from '../../auth/login.queries';
import type { DrawnShape } from '../../map/draw/grid-draw';
import {
  closeRing,
  editableRing,
  ringCentroid,
  openRing,
  type Position,
} from '../../map/draw/geometry';
import type { MapController } from '../../map/map-controller';
import {
  CREATE_GRID,
  DEFAULT_EDIT_OPTIONS,
  ENTERPRISES_IN_BOX,
  GRID_FOR_EDIT,
  LOCATE_PARENTS,
  MERGE_GRIDS,
  PREVIEW_GRID_CHANGE,
  SPLIT_GRID,
  UPDATE_GRID_BOUNDARY,
  type ChainGrid,
  type EditableGrid,
  type GridChangeInput,
  type GridChangePreview,
  type GridEditOptions,
} from './editing.queries';
import { EditOptionsForm } from './edit-options-form';
import { PreviewList } from './preview-list';
import { previewFeatures } from './preview-summary';
import { useDrawingChecks } from './use-drawing-checks';
import { useSnapTargets } from './use-snap-targets';
import { useStalePreview, useUndoShortcut } from './use-undo';

/** Roles that may edit grid boundaries (the API refuses the others anyway). */
export const EDITING_ROLES = ['PLANNER', 'ADMIN'];

interface Props {
  apollo: ApolloClient;
  controller(): MapController | null;
  /** The deepest grid level: a new grid's parent is one level up from it at most. */
  deepestLevel: number;
  /** After a save: the counts shown elsewhere (header, layers, legend, lists) are out of date. */
  onSaved?(): void;
}

type Phase =
  | { step: 'idle'; message?: string }
  | { step: 'picking' }
  | { step: 'drawing' }
  | { step: 'busy'; what: 'previewing' | 'saving' }
  | { step: 'previewed'; preview: GridChangePreview; ring: Position[] | null };

/** Draw a new grid, preview what it does, save or cancel: for planners and admins only. */
export function EditingPanel(props: Props) {
  const { data } = useQuery(ME_QUERY);
  const role = data?.me.role;
  if (!role || !EDITING_ROLES.includes(role)) return null;
  return <EditingPanelBody {...props} />;
}

function EditingPanelBody({ apollo, controller, deepestLevel, onSaved }: Props) {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [shape, setShape] = useState<DrawnShape | null>(null);
  const [parents, setParents] = useState<ChainGrid[]>([]);
  const [parentId, setParentId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [options, setOptions] = useState<GridEditOptions>(DEFAULT_EDIT_OPTIONS);
  const [error, setError] = useState<string | null>(null);
  /** The grid being reshaped; null when drawing a new one. */
  const [editing, setEditing] = useState<EditableGrid | null>(null);
  /** Whether `editing` is split by a drawn line rather than reshaped. */
  const [splitting, setSplitting] = useState(false);
  /** Grids picked to merge, the first keeps its id and code; null when not merging. */
  const [merging, setMerging] = useState<EditableGrid[] | null>(null);
  const located = useRef<string>('');

  const ring = shape?.ring ?? null;
  const finished = shape?.finished ?? false;
  const parent = parents.find((p) => p.id === parentId) ?? null;
  const parentBoundary = editing ? (editing.parent?.boundary ?? null) : (parent?.boundary ?? null);
  const checks = useDrawingChecks(shape, parentBoundary, controller);
  const selfIntersects = checks.selfIntersections.length > 0;
  const drawingUnderWay = phase.step !== 'idle' && phase.step !== 'picking' && !merging;
  useSnapTargets(apollo, controller, {
    active: drawingUnderWay,
    gridId: editing?.id ?? null,
    deepestLevel,
  });
  const undo = () => {
    if (phase.step === 'busy') return;
    controller()?.undoDrawing();
  };
  useUndoShortcut(drawingUnderWay && (shape?.canUndo ?? false), undo);
  // a preview says what saving the previewed shape would do: a changed shape needs a new one
  useStalePreview(phase.step === 'previewed' ? phase.ring : null, ring, () => {
    controller()?.showEditPreview({ type: 'FeatureCollection', features: [] });
    setPhase({ step: 'drawing' });
  });

  // The parent: the grid under the drawing's centroid, one level above the base grids at most.
  useEffect(() => {
    if (editing || !ring || !finished || openRing(ring).length < 3) return;
    const [lon, lat] = ringCentroid(ring);
    const key = `${lon},${lat}`;
    if (located.current === key) return;
    located.current = key;
    apollo
      .query({ query: LOCATE_PARENTS, variables: { lon, lat }, fetchPolicy: 'no-cache' })
      .then((result) => {
        const chain = (result.data?.locate.chain ?? []).filter((g) => g.level < deepestLevel);
        setParents(chain);
        setParentId(chain.length > 0 ? chain[chain.length - 1].id : null);
      })
      .catch((e: unknown) => setError(describe(e)));
  }, [apollo, ring, finished, deepestLevel, editing]);

  const reset = useCallback(() => {
    setShape(null);
    setParents([]);
    setParentId(null);
    setEditing(null);
    setSplitting(false);
    setMerging(null);
    located.current = '';
  }, []);

  const startDrawing = () => {
    reset();
    setError(null);
    setName(t('editing.defaultName'));
    setPhase({ step: 'drawing' });
    void controller()?.drawPolygon((next) => setShape(next));
  };

  /** Loads a grid (again: after a conflict) and puts its boundary on the map to reshape. */
  const loadForReshape = async (id: string, split = false) => {
    const result = await apollo.query({
      query: GRID_FOR_EDIT,
      variables: { id },
      fetchPolicy: 'no-cache',
    });
    const grid = result.data?.grid;
    const ring = grid ? editableRing(grid.boundary) : null;
    const map = controller();
    if (grid && map && split) {
      setEditing(grid);
      setSplitting(true);
      setPhase({ step: 'drawing' });
      await map.drawLine((next) => setShape(next));
      return;
    }
    if (!grid || !ring || !map || !(await map.editPolygon(ring, (next) => setShape(next)))) {
      setError(t('editing.notEditable'));
      setPhase({ step: 'idle' });
      return;
    }
    setEditing(grid);
    setPhase({ step: 'drawing' });
  };

  const startReshape = (split: boolean) => {
    reset();
    setError(null);
    setPhase({ step: 'picking' });
    controller()?.pickGrid((id) => {
      if (id === null) return setPhase({ step: 'idle' });
      loadForReshape(id, split).catch((e: unknown) => {
        setError(describe(e));
        setPhase({ step: 'idle' });
      });
    });
  };

  /** Picks one more grid to merge (each click on the map adds one), outlined on the map. */
  const pickForMerge = (picked: EditableGrid[]) => {
    controller()?.pickGrid((id) => {
      if (id === null || picked.some((g) => g.id === id)) return pickForMerge(picked);
      apollo
        .query({ query: GRID_FOR_EDIT, variables: { id }, fetchPolicy: 'no-cache' })
        .then((result) => {
          const grid = result.data?.grid;
          const next = grid ? [...picked, grid] : picked;
          setMerging(next);
          controller()?.showEditPreview({
            type: 'FeatureCollection',
            features: next.map((g) => ({
              type: 'Feature',
              // the same JSON; PolygonalGeometry only types its positions as readonly pairs
              geometry: g.boundary as unknown as Geometry,
              properties: { role: 'result', label: g.code },
            })),
          });
          pickForMerge(next);
        })
        .catch((e: unknown) => setError(describe(e)));
    });
  };

  const startMerge = () => {
    reset();
    setError(null);
    setMerging([]);
    setPhase({ step: 'drawing' });
    pickForMerge([]);
  };

  const cancel = () => {
    controller()?.clearDrawing();
    reset();
    setError(null);
    setPhase({ step: 'idle' });
  };

  const input = (): GridChangeInput | null => {
    if (merging) {
      const grids = merging.map((g) => ({ id: g.id, expectedVersion: g.version }));
      return grids.length >= 2 ? { merge: { grids, options } } : null;
    }
    if (!ring) return null;
    if (editing && splitting) {
      const line = { type: 'LineString' as const, coordinates: ring.map(([x, y]) => [x, y]) };
      return { split: { id: editing.id, expectedVersion: editing.version, line, options } };
    }
    const boundary = {
      type: 'Polygon' as const,
      coordinates: [closeRing(ring).map(([x, y]) => [x, y])],
    };
    if (editing) {
      return {
        updateBoundary: { id: editing.id, expectedVersion: editing.version, boundary, options },
      };
    }
    if (!parentId) return null;
    return {
      create: { parentId, name: name.trim() || t('editing.defaultName'), boundary, options },
    };
  };

  const preview = async () => {
    const change = input();
    if (!change) return;
    setError(null);
    setPhase({ step: 'busy', what: 'previewing' });
    try {
      const result = await apollo.query({
        query: PREVIEW_GRID_CHANGE,
        variables: { input: change },
        fetchPolicy: 'no-cache',
      });
      const found = result.data?.previewGridChange;
      if (!found) throw new Error('no preview');
      const points = await movedPoints(apollo, found, ring ?? mergedRing(merging));
      controller()?.showEditPreview({
        type: 'FeatureCollection',
        features: previewFeatures(found, points),
      });
      setPhase({ step: 'previewed', preview: found, ring });
    } catch (e) {
      setError(describe(e));
      setPhase({ step: 'drawing' });
    }
  };

  const save = async () => {
    const change = input();
    if (!change) return;
    setError(null);
    setPhase({ step: 'busy', what: 'saving' });
    try {
      const saved =
        'merge' in change
          ? (await apollo.mutate({ mutation: MERGE_GRIDS, variables: { input: change.merge } }))
              .data?.mergeGrids
          : 'split' in change
            ? (await apollo.mutate({ mutation: SPLIT_GRID, variables: { input: change.split } }))
                .data?.splitGrid[0]
            : 'create' in change
              ? (
                  await apollo.mutate({
                    mutation: CREATE_GRID,
                    variables: { input: change.create },
                  })
                ).data?.createGrid
              : (
                  await apollo.mutate({
                    mutation: UPDATE_GRID_BOUNDARY,
                    variables: { input: change.updateBoundary },
                  })
                ).data?.updateGridBoundary;
      if (!saved) throw new Error('no grid saved');
      const map = controller();
      map?.clearDrawing();
      map?.refreshTiles();
      reset();
      setPhase({ step: 'idle', message: t('editing.saved', { code: saved.code }) });
      onSaved?.();
    } catch (e) {
      if (editing && isConflict(e)) {
        // someone else saved this grid first: show theirs, to reshape again from it
        setError(t('editing.conflict'));
        controller()?.showEditPreview({ type: 'FeatureCollection', features: [] });
        await loadForReshape(editing.id, splitting).catch((again: unknown) =>
          setError(describe(again)),
        );
        return;
      }
      setError(describe(e));
      setPhase({ step: 'drawing' });
    }
  };

  const canPreview =
    (phase.step === 'drawing' && merging !== null && merging.length >= 2) ||
    (phase.step === 'drawing' &&
      finished &&
      !selfIntersects &&
      ring !== null &&
      (editing !== null || parentId !== null));

  return (
    <section className="panel editing-panel" aria-labelledby="editing-title" data-testid="editing">
      <h2 id="editing-title" className="panel-title">
        {t('editing.title')}
      </h2>
      {phase.step === 'idle' && (
        <>
          {phase.message && (
            <p className="editing-note editing-ok" data-testid="editing-saved">
              {phase.message}
            </p>
          )}
          <button type="button" data-testid="editing-draw" onClick={startDrawing}>
            {t('editing.draw')}
          </button>
          <button type="button" data-testid="editing-reshape" onClick={() => startReshape(false)}>
            {t('editing.reshape')}
          </button>
          <button type="button" data-testid="editing-merge" onClick={startMerge}>
            {t('editing.merge')}
          </button>
          <button type="button" data-testid="editing-split" onClick={() => startReshape(true)}>
            {t('editing.split')}
          </button>
        </>
      )}
      {phase.step === 'picking' && (
        <>
          <p className="editing-note">{t('editing.pickHint')}</p>
          <button type="button" data-testid="editing-cancel" onClick={cancel}>
            {t('editing.cancel')}
          </button>
        </>
      )}
      {phase.step !== 'idle' && phase.step !== 'picking' && (
        <>
          {merging && (
            <p className="editing-note" data-testid="editing-merging">
              {t('editing.merging', { codes: merging.map((g) => g.code).join(', ') || '–' })}
            </p>
          )}
          {!finished && !merging && (
            <p className="editing-note">{t(splitting ? 'editing.lineHint' : 'editing.drawHint')}</p>
          )}
          {editing && (
            <p className="editing-note" data-testid="editing-target">
              {t(splitting ? 'editing.splitting' : 'editing.reshaping', {
                code: editing.code,
                name: editing.name,
                version: editing.version,
              })}
            </p>
          )}
          {selfIntersects && (
            <p className="editing-note editing-warn" data-testid="editing-self-intersects">
              {t('editing.selfIntersects')}
            </p>
          )}
          {checks.cornersOutside > 0 && (
            <p className="editing-note editing-warn" data-testid="editing-outside-parent">
              {t('editing.outsideParent', { count: checks.cornersOutside })}
            </p>
          )}
          {checks.crossings > 0 && (
            <p className="editing-note editing-warn" data-testid="editing-leaves-parent">
              {t('editing.leavesParent', { count: checks.crossings })}
            </p>
          )}
          {!editing && finished && parents.length === 0 && located.current && (
            <p className="editing-note editing-warn">{t('editing.noParent')}</p>
          )}
          {((finished && (editing || parents.length > 0)) || merging) && (
            <div className="editing-form">
              {!editing && !merging && (
                <>
                  <label>
                    {t('editing.parent')}
                    <select
                      data-testid="editing-parent"
                      value={parentId ?? ''}
                      disabled={phase.step !== 'drawing'}
                      onChange={(e) => setParentId(e.target.value)}
                    >
                      {parents.map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.code} {p.name}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    {t('editing.name')}
                    <input
                      data-testid="editing-name"
                      value={name}
                      disabled={phase.step !== 'drawing'}
                      onChange={(e) => setName(e.target.value)}
                    />
                  </label>
                </>
              )}
              <EditOptionsForm
                options={options}
                disabled={phase.step !== 'drawing'}
                onChange={setOptions}
              />
            </div>
          )}
          {phase.step === 'previewed' && <PreviewList preview={phase.preview} />}
          {phase.step === 'busy' && <p className="editing-note">{t(`editing.${phase.what}`)}</p>}
          <div className="editing-actions">
            {phase.step === 'previewed' ? (
              <button
                type="button"
                className="editing-primary"
                data-testid="editing-save"
                onClick={() => void save()}
              >
                {t('editing.save')}
              </button>
            ) : (
              <button
                type="button"
                className="editing-primary"
                data-testid="editing-preview"
                disabled={!canPreview}
                onClick={() => void preview()}
              >
                {t('editing.preview')}
              </button>
            )}
            {!merging && (
              <button
                type="button"
                data-testid="editing-undo"
                title={t('editing.undoTitle')}
                disabled={!shape?.canUndo || phase.step === 'busy'}
                onClick={undo}
              >
                {t('editing.undo')}
              </button>
            )}
            <button type="button" data-testid="editing-cancel" onClick={cancel}>
              {t('editing.cancel')}
            </button>
          </div>
        </>
      )}
      {error && (
        <p className="editing-note editing-warn" role="alert" data-testid="editing-error">
          {t('editing.failed', { message: error })}
        </p>
      )}
    </section>
  );
}

/** Where the enterprises that move are, looked up in the drawing's box (widened a little). */
async function movedPoints(
  apollo: ApolloClient,
  preview: GridChangePreview,
  ring: readonly (readonly [number, number])[],
): Promise<Map<string, readonly [number, number]>> {
  const points = new Map<string, readonly [number, number]>();
  if (preview.enterpriseMoves.length === 0) return points;
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  const pad = 0.01;
  const bbox = [
    Math.min(...xs) - pad,
    Math.min(...ys) - pad,
    Math.max(...xs) + pad,
    Math.max(...ys) + pad,
  ];
  const moving = new Set(preview.enterpriseMoves.map((m) => m.enterpriseId));
  const result = await apollo.query({
    query: ENTERPRISES_IN_BOX,
    variables: { bbox },
    fetchPolicy: 'no-cache',
  });
  for (const { node } of result.data?.enterprises.edges ?? []) {
    if (moving.has(node.id)) points.set(node.id, [node.lon, node.lat]);
  }
  return points;
}

/** The points of every picked grid, for the box the moving enterprises are looked up in. */
function mergedRing(grids: EditableGrid[] | null): [number, number][] {
  return (grids ?? []).flatMap((g) =>
    (g.boundary.type === 'Polygon'
      ? g.boundary.coordinates
      : g.boundary.coordinates.flat()
    ).flatMap((ring) => ring.map(([x, y]): [number, number] => [x, y])),
  );
}

function isConflict(error: unknown): boolean {
  return (
    CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'CONFLICT')
  );
}

function describe(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) return error.errors.map((e) => e.message).join('; ');
  return error instanceof Error ? error.message : String(error);
}
