import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useOrgTree, type OrgTreeNode } from './api.ts';

interface OrgTreeSelectProps {
  value?: string;
  onChange?: (orgId: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  /** Orgs that may not be chosen, with their subtrees (e.g. the org being moved). */
  excludeSubtreeOf?: string;
  id?: string;
}

type SelectNode = { value: string; title: string; disabled?: boolean; children: SelectNode[] };

function toSelectNodes(nodes: OrgTreeNode[], exclude?: string, excluded = false): SelectNode[] {
  return nodes.map((node) => {
    const off = excluded || node.id === exclude;
    return { value: node.id, title: node.name, disabled: off || node.status !== 'active', children: toSelectNodes(node.children, exclude, off) };
  });
}

/** Picks an org from the signed-in user's subtree, searchable by name; usable as a Form.Item control. */
export function OrgTreeSelect({ value, onChange, placeholder, allowClear, excludeSubtreeOf, id }: OrgTreeSelectProps) {
  const { roots } = useOrgTree();
  const treeData = useMemo(() => (roots ? toSelectNodes(roots, excludeSubtreeOf) : []), [roots, excludeSubtreeOf]);
  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={(next) => onChange?.(next ?? undefined)}
      treeData={treeData}
      loading={!roots}
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll
      allowClear={allowClear}
      placeholder={placeholder}
      style={{ minWidth: 220, width: '100%' }}
      popupMatchSelectWidth={false}
    />
  );
}
