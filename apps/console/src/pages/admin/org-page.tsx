// 组织机构: the unit tree in the user's scope, children loaded as a branch is opened.
import { UNIT_ENDPOINTS } from '@jiesu/contracts';
import { ApartmentOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Row, Tag, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { Unit, UnitDetail } from '../../api/types';
import { useAuth } from '../../auth';
import { useReportError } from '../../components/use-report-error';
import { useI18n } from '../../i18n/i18n';
import { UNIT_CLASS_LABELS } from '../../i18n/labels';

interface UnitNode extends DataNode {
  key: string;
  children?: UnitNode[];
}

export function OrgPage() {
  const { t, pick } = useI18n();
  const { me } = useAuth();
  const report = useReportError();
  const [tree, setTree] = useState<UnitNode[]>([]);
  const [selected, setSelected] = useState<UnitDetail | null>(null);

  const node = (u: Unit): UnitNode => ({
    key: u.code,
    title: (
      <span>
        {u.name} <Tag style={{ marginLeft: 4 }}>{pick(UNIT_CLASS_LABELS[u.class])}</Tag>
      </span>
    ),
    isLeaf: u.class === 'community' || u.class === 'section',
  });

  useEffect(() => {
    if (!me) return;
    api
      .call(UNIT_ENDPOINTS.get, { params: { code: me.unitCode } })
      .then((u) => setTree([{ ...node(u), isLeaf: u.childCount === 0 }]))
      .catch((e: unknown) => report(e));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- fetch the root again only when the user changes; `node` and `report` are new every render
  }, [me]);

  const loadChildren = async (key: string) => {
    const page = await api.call(UNIT_ENDPOINTS.list, { query: { parent: key, limit: 500 } });
    const kids = page.items.map(node);
    const attach = (nodes: UnitNode[]): UnitNode[] =>
      nodes.map((n) => (n.key === key ? { ...n, children: kids, isLeaf: kids.length === 0 } : n.children ? { ...n, children: attach(n.children) } : n));
    setTree((prev) => attach(prev));
  };

  return (
    <Row gutter={16}>
      <Col xs={24} lg={12}>
        <Card
          title={
            <span>
              <ApartmentOutlined /> {t('orgTree')}
            </span>
          }
        >
          <Tree<UnitNode>
            treeData={tree}
            loadData={(n) => loadChildren(n.key).catch((e: unknown) => report(e))}
            onSelect={(keys) => {
              const k = keys[0];
              if (typeof k === 'string')
                api
                  .call(UNIT_ENDPOINTS.get, { params: { code: k } })
                  .then(setSelected)
                  .catch((e: unknown) => report(e));
            }}
            height={620}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        {selected && (
          <Card title={selected.name}>
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label={t('code')}>{selected.code}</Descriptions.Item>
              <Descriptions.Item label={t('unitClass')}>
                {pick(UNIT_CLASS_LABELS[selected.class])}
                {selected.kind ? ` · ${selected.kind}` : ''}
              </Descriptions.Item>
              <Descriptions.Item label="path">{[...selected.ancestors.map((a) => a.name), selected.name].join(' › ')}</Descriptions.Item>
              <Descriptions.Item label="children">{selected.childCount}</Descriptions.Item>
              <Descriptions.Item label={t('active')}>{selected.isActive ? t('yes') : t('no')}</Descriptions.Item>
            </Descriptions>
          </Card>
        )}
      </Col>
    </Row>
  );
}
