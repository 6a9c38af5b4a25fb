// 诉求分类: the three-level category tree — add a child, rename, switch off, delete a leaf.
import { CATEGORY_ENDPOINTS } from '@jiesu/contracts';
import { App, Button, Card, Input, Modal, Popconfirm, Space, Tag, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo, useState } from 'react';
import { api } from '../../api/client';
import type { CategoryNode } from '../../api/types';
import { useReportError } from '../../components/use-report-error';
import { useI18n } from '../../i18n/i18n';
import { useReference } from '../../reference';

export function CategoriesPage() {
  const { t } = useI18n();
  const ref = useReference();
  const { message } = App.useApp();
  const report = useReportError();
  const [edit, setEdit] = useState<{ mode: 'add' | 'rename'; node: CategoryNode | null; name: string } | null>(null);

  const run = async (p: Promise<unknown>) => {
    try {
      await p;
      void message.success(t('done'));
      ref.reloadCategories();
    } catch (e) {
      report(e);
    }
  };

  const toTree = (nodes: CategoryNode[]): DataNode[] =>
    nodes.map((n) => ({
      key: n.code,
      title: (
        <Space size={6}>
          <span style={{ color: n.isActive ? undefined : '#bbb' }}>{n.name}</span>
          <Tag>{n.code}</Tag>
          {n.level < 3 && (
            <Button size="small" type="link" onClick={() => setEdit({ mode: 'add', node: n, name: '' })}>
              {t('addChild')}
            </Button>
          )}
          <Button size="small" type="link" onClick={() => setEdit({ mode: 'rename', node: n, name: n.name })}>
            {t('rename')}
          </Button>
          <Popconfirm title={`${t('delete')} ${n.name}?`} onConfirm={() => void run(api.call(CATEGORY_ENDPOINTS.remove, { params: { code: n.code } }))}>
            <Button size="small" type="link" danger>
              {t('delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
      ...(n.children?.length ? { children: toTree(n.children) } : {}),
    }));
  const treeData = useMemo(() => toTree(ref.categories), [ref.categories]); // eslint-disable-line react-hooks/exhaustive-deps -- `toTree` is new every render; the tree follows the categories

  return (
    <Card title={t('categoryTree')} extra={<Button onClick={() => setEdit({ mode: 'add', node: null, name: '' })}>{t('addChild')}</Button>}>
      <Tree treeData={treeData} height={640} blockNode selectable={false} />
      <Modal
        open={edit !== null}
        title={edit?.mode === 'add' ? `${t('addChild')} · ${edit.node?.name ?? '—'}` : t('rename')}
        onCancel={() => setEdit(null)}
        okText={t('save')}
        cancelText={t('cancel')}
        onOk={() => {
          if (!edit || !edit.name.trim()) return;
          const p =
            edit.mode === 'add'
              ? api.call(CATEGORY_ENDPOINTS.create, { body: { name: edit.name.trim(), parentCode: edit.node?.code ?? null } })
              : api.call(CATEGORY_ENDPOINTS.update, { params: { code: edit.node?.code ?? '' }, body: { name: edit.name.trim() } });
          setEdit(null);
          void run(p);
        }}
      >
        <Input value={edit?.name ?? ''} onChange={(e) => edit && setEdit({ ...edit, name: e.target.value })} placeholder={t('name')} />
      </Modal>
    </Card>
  );
}
