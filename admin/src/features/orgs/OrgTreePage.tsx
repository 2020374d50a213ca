import { MinusSquareOutlined, PlusSquareOutlined, SearchOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Flex, Input, Row, Space, Tree, Typography, theme, type TreeDataNode } from 'antd';
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useBreadcrumbs } from '../../app/AppLayout.tsx';
import { useAuth } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { ErrorState } from '../../shared/PageState.tsx';
import { fetchOrg, useOrgTree, type Org, type OrgTreeNode } from './api.ts';
import { useDialogState } from '../../shared/dialog-state.ts';
import { OrgActions } from './OrgActions.tsx';
import { OrgDescriptions } from './OrgDescriptions.tsx';
import OrgExcelActions from './OrgExcelActions.tsx';
import { OrgForm, type OrgFormSubject } from './OrgForm.tsx';
import { OrgMoveModal } from './OrgMoveModal.tsx';
import { DisabledTag, SecondaryText } from './StatusMarks.tsx';
import { indexTree, nameMatches, normaliseNeedle, pathTo, searchTree } from './org-tree-search.ts';
import { orgMessages } from './messages.ts';
import { pageTitleStyle } from './page-title.ts';
import './OrgTreePage.css';

/** The org's name with the searched part marked. */
function HighlightedName({ name, needle }: { name: string; needle: string }) {
  const { token } = theme.useToken();
  if (!nameMatches(name, needle)) return name;
  const at = name.toLowerCase().indexOf(needle);
  return (
    <>
      {name.slice(0, at)}
      <mark style={{ padding: 0, background: token.colorWarningBg, color: token.colorWarningText }}>{name.slice(at, at + needle.length)}</mark>
      {name.slice(at + needle.length)}
    </>
  );
}

// Ant Design's own switcher icons carry English names (plus-square) that would
// prefix every entry's accessible name; these are the same icons, hidden from
// screen readers, at the size the line tree gives its own.
const switcherIconProps = { className: 'ant-tree-switcher-line-icon', style: { fontSize: 'inherit' }, 'aria-hidden': true } as const;
const expandIcon = <PlusSquareOutlined {...switcherIconProps} />;
const collapseIcon = <MinusSquareOutlined {...switcherIconProps} />;

function toTreeData(nodes: OrgTreeNode[], needle: string): TreeDataNode[] {
  return nodes.map((node) => ({
    key: node.id,
    title: (
      <Space size={4}>
        {node.status === 'disabled' ? (
          <SecondaryText>
            <HighlightedName name={node.name} needle={needle} />
          </SecondaryText>
        ) : (
          <HighlightedName name={node.name} needle={needle} />
        )}
        <DisabledTag status={node.status} />
      </Space>
    ),
    children: toTreeData(node.children, needle),
  }));
}

/** The parent's name: from the tree, or, for the top of the user's scope (whose parent lies outside it), from the server. */
function useParentName(org: OrgTreeNode | undefined, byId: Map<string, OrgTreeNode>): string | undefined {
  const inTree = org?.parentId ? byId.get(org.parentId)?.name : undefined;
  const outsideScopeId = org?.parentId && !inTree ? org.id : undefined;
  const [outside, setOutside] = useState<{ orgId: string; name?: string }>();
  useEffect(() => {
    if (!outsideScopeId) return;
    let current = true;
    fetchOrg(outsideScopeId).then(
      (detail) => current && setOutside({ orgId: outsideScopeId, name: detail.ancestors.at(-1)?.name }),
      () => undefined, // Only a label: the details show without it.
    );
    return () => {
      current = false;
    };
  }, [outsideScopeId]);
  return inTree ?? (outside && outside.orgId === outsideScopeId ? outside.name : undefined);
}

/**
 * 组织机构: the signed-in user's part of the org tree, searchable, beside the
 * selected org's details; admins create, edit, move and disable from here.
 * The selection lives in the address bar (`?org=`), so a reload keeps it.
 */
export default function OrgTreePage() {
  return (
    <>
      <OrgTreeScreen />
    </>
  );
}

function OrgTreeScreen() {
  const t = useT(orgMessages);
  const { user, hasRole } = useAuth();
  const isAdmin = hasRole('admin');
  const { roots, error, reload } = useOrgTree();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState('');
  const needle = normaliseNeedle(useDeferredValue(search));
  const [expandedIds, setExpandedIds] = useState<string[]>([]);
  // While searching, the tree opens at the matches; the user's own opening and closing is kept apart and comes back when the search is cleared.
  const [searchExpansion, setSearchExpansion] = useState<{ needle: string; ids: string[] }>();
  // The node the arrow keys are on; it starts at the selection when the tree gets the keyboard focus.
  const [activeId, setActiveId] = useState<string | null>(null);
  const { token } = theme.useToken();
  const formDialog = useDialogState<OrgFormSubject>();
  const moveDialog = useDialogState<Org>();

  useBreadcrumbs([{ title: t('title') }]);

  const byId = useMemo(() => indexTree(roots ?? []), [roots]);
  const selected = byId.get(params.get('org') ?? '') ?? byId.get(user?.orgId ?? '') ?? roots?.[0];
  const parentName = useParentName(selected, byId);
  const found = useMemo(() => (roots && needle ? searchTree(roots, needle) : undefined), [roots, needle]);
  const treeData = useMemo(() => toTreeData(found?.nodes ?? roots ?? [], needle), [found, roots, needle]);

  const select = useCallback(
    (id: string) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set('org', id);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  // Open the way to the selection whenever it changes or the tree reloads (after a create or a move).
  const selectedId = selected?.id;
  useEffect(() => {
    if (!selectedId) return;
    const path = pathTo(byId, selectedId);
    setExpandedIds((open) => [...new Set([...open, ...path])]);
  }, [selectedId, byId]);

  const afterWrite = async (org: Org) => {
    await reload();
    // The saved org is selected and must show: a search that would hide it is cleared.
    if (needle && !nameMatches(org.name, needle)) setSearch('');
    select(org.id);
  };

  if (error && !roots) return <ErrorState error={error} onRetry={() => void reload()} />;

  const shownExpandedIds = found ? (searchExpansion?.needle === needle ? searchExpansion.ids : found.expandedIds) : expandedIds;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={pageTitleStyle}>
          {t('title')}
        </Typography.Title>
        {isAdmin && (
          // Flex rather than Space: its gap reaches the buttons inside OrgExcelActions' fragment.
          <Flex wrap gap={8}>
            <OrgExcelActions onImported={() => void reload()} />
          </Flex>
        )}
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9} xl={8}>
          <Card size="small" loading={!roots}>
            <Input
              type="search"
              prefix={<SearchOutlined aria-hidden />}
              placeholder={t('searchPlaceholder')}
              aria-label={t('searchPlaceholder')}
              allowClear
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              style={{ marginBottom: 8 }}
            />
            {found && found.matchCount === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noMatch')} />
            ) : (
              <div
                role="region"
                aria-label={t('treeLabel')}
                style={{ maxHeight: 'calc(100vh - 240px)', minHeight: 120, overflow: 'auto', ['--org-tree-focus' as string]: token.colorPrimary }}
              >
                <Tree
                  className="org-tree"
                  activeKey={activeId}
                  onActiveChange={(key) => setActiveId(key === null ? null : String(key))}
                  onFocus={() => setActiveId((current) => current ?? selected?.id ?? null)}
                  showLine
                  switcherIcon={({ expanded }) => (expanded ? collapseIcon : expandIcon)}
                  blockNode
                  treeData={treeData}
                  expandedKeys={shownExpandedIds}
                  onExpand={(keys) => {
                    const ids = keys.map(String);
                    if (found) setSearchExpansion({ needle, ids });
                    else setExpandedIds(ids);
                  }}
                  selectedKeys={selected ? [selected.id] : []}
                  // A click on the selected org keeps it selected rather than clearing the details.
                  onSelect={(_keys, info) => info.selected && select(String(info.node.key))}
                />
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={15} xl={16}>
          {selected ? (
            <Card
              title={
                <Space wrap size={4}>
                  {selected.name}
                  <DisabledTag status={selected.status} />
                </Space>
              }
              extra={<Link to={`/orgs/${selected.id}`}>{t('viewProfile')}</Link>}
            >
              <Flex vertical gap={16}>
                {isAdmin && (
                  <OrgActions
                    org={selected}
                    isOwnOrg={selected.id === user?.orgId}
                    onCreateChild={() => formDialog.show({ kind: 'create', parent: selected })}
                    onEdit={() => formDialog.show({ kind: 'edit', org: selected })}
                    onMove={() => moveDialog.show(selected)}
                    onStatusChanged={() => void reload()}
                  />
                )}
                <OrgDescriptions
                  org={selected}
                  column={{ xs: 1, sm: 2, md: 2, lg: 1, xl: 2, xxl: 2 }}
                  extra={[
                    { label: t('parent'), value: parentName ?? t('empty') },
                    { label: t('childCount'), value: selected.children.length },
                  ]}
                />
              </Flex>
            </Card>
          ) : (
            roots && <Card><Empty description={t('noSelection')} /></Card>
          )}
        </Col>
      </Row>
      {formDialog.subject && (
        <OrgForm
          key={formDialog.subject.kind === 'edit' ? `edit-${formDialog.subject.org.id}` : `create-${formDialog.subject.parent.id}`}
          subject={formDialog.subject}
          open={formDialog.open}
          onClose={formDialog.hide}
          afterClose={formDialog.afterClose}
          onSaved={(org) => {
            formDialog.hide();
            void afterWrite(org);
          }}
        />
      )}
      {moveDialog.subject && (
        <OrgMoveModal
          key={moveDialog.subject.id}
          org={moveDialog.subject}
          open={moveDialog.open}
          onClose={moveDialog.hide}
          afterClose={moveDialog.afterClose}
          onMoved={(org) => {
            moveDialog.hide();
            void afterWrite(org);
          }}
        />
      )}
    </Flex>
  );
}
