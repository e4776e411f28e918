import { useCallback, useEffect, useState } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Empty, Input, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useTranslation } from 'react-i18next';
import type { GridLevel } from '../../api/map-data.queries';
import { isChinese } from '../../i18n/i18n';
import { useViewer } from '../../auth/viewer';
import { levelName } from './labels';
import { GRID_CHILDREN_QUERY, GRID_ROOTS_QUERY, type GridNode } from './queries';

interface Props {
  levels: readonly GridLevel[];
  selectedId: string | null;
  onSelect(id: string): void;
}

interface Node extends DataNode {
  key: string;
  children?: Node[];
}

/** The grid hierarchy, top level first, children loaded when opened; or search results. */
export function GridTree({ levels, selectedId, onSelect }: Props) {
  const { t, i18n } = useTranslation();
  const zh = isChinese(i18n.language);
  const apollo = useApolloClient();
  const [search, setSearch] = useState('');
  // the tree starts at the viewer's own scope grid (a town for a town planner), the only grid
  // of that level in scope
  const topLevel = useViewer()?.scopeLevel;
  const { data } = useQuery(GRID_ROOTS_QUERY, {
    variables: search ? { search } : { level: topLevel },
    skip: topLevel === undefined && !search,
  });
  const [tree, setTree] = useState<Node[]>([]);
  const baseLevel = levels[levels.length - 1]?.level;

  const toNode = useCallback(
    (grid: GridNode, withLevel: boolean): Node => ({
      key: grid.id,
      title: (
        <span className="wb-tree-title" data-testid={`tree-grid-${grid.code}`}>
          {grid.name}
          <span className="wb-muted">
            {withLevel ? ` · ${levelName(levels, grid.level, t, zh)}` : ''} {grid.code}
          </span>
        </span>
      ),
      isLeaf: grid.level === baseLevel,
    }),
    [levels, t, zh, baseLevel],
  );

  useEffect(() => {
    setTree((data?.grids.edges ?? []).map((e) => toNode(e.node, Boolean(search))));
  }, [data, toNode, search]);

  const loadData = async (node: Node) => {
    if (node.children) return;
    const result = await apollo.query({ query: GRID_CHILDREN_QUERY, variables: { id: node.key } });
    const children = (result.data?.grid?.children ?? []).map((g) => toNode(g, false));
    const attach = (nodes: Node[]): Node[] =>
      nodes.map((n) =>
        n.key === node.key
          ? { ...n, children, isLeaf: children.length === 0 }
          : n.children
            ? { ...n, children: attach(n.children) }
            : n,
      );
    setTree((current) => attach(current));
  };

  return (
    <div className="wb-tree" data-testid="grid-tree">
      <Input.Search
        allowClear
        placeholder={t('panels.tree.search')}
        onSearch={(value) => setSearch(value.trim())}
        data-testid="grid-search"
      />
      {tree.length === 0 && data ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('panels.tree.empty')} />
      ) : (
        <Tree<Node>
          treeData={tree}
          loadData={loadData}
          selectedKeys={selectedId ? [selectedId] : []}
          onSelect={(keys) => keys[0] !== undefined && onSelect(String(keys[0]))}
          height={260}
          blockNode
        />
      )}
    </div>
  );
}
