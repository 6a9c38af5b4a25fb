// 知识库: the articles operators answer consultations from (GET /api/knowledge/articles), a search
// over the ones valid now (GET /api/knowledge/search), and for administrators add / edit (title,
// answer, categories, policy basis, valid from–to, active) / delete.
import { KNOWLEDGE_ENDPOINTS } from '@jiesu/contracts';
import type { ArticleSchema, KnowledgeHit } from '@jiesu/contracts';
import { App, Button, Card, DatePicker, Form, Input, List, Modal, Popconfirm, Space, Switch, Table, Tag, TreeSelect, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Static } from 'typebox';
import { api } from '../../api/client';
import type { CategoryNode, Page } from '../../api/types';
import { useAuth } from '../../auth';
import { FieldProblemAlert, useFieldProblem } from '../../components/field-errors';
import { useReportError } from '../../components/use-report-error';
import { useI18n } from '../../i18n/i18n';
import { useReference } from '../../reference';

type Article = Static<typeof ArticleSchema>;
type Hit = Static<typeof KnowledgeHit>;
interface ArticleForm {
  title: string;
  answer: string;
  categoryCodes: string[];
  sourcePolicy: string;
  validFrom: Dayjs | null;
  validTo: Dayjs | null;
  isActive: boolean;
}
interface TreeNode {
  value: string;
  title: string;
  children?: TreeNode[];
}
const toTree = (nodes: CategoryNode[]): TreeNode[] =>
  nodes.map((n) => ({ value: n.code, title: `${n.name} (${n.code})`, ...(n.children?.length ? { children: toTree(n.children) } : {}) }));
const PAGE = 15;

export function KnowledgePage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { hasRole } = useAuth();
  const ref = useReference();
  const canEdit = hasRole('administrator');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page<Article> | null>(null);
  const [hits, setHits] = useState<Hit[] | null>(null);
  const [editing, setEditing] = useState<Article | 'new' | null>(null);
  const [form] = Form.useForm<ArticleForm>();
  const { problem, take, clear, status } = useFieldProblem();
  const report = useReportError();
  const load = useCallback(() => {
    api
      .call(KNOWLEDGE_ENDPOINTS.list, { query: { limit: PAGE, offset: (page - 1) * PAGE } })
      .then(setData)
      .catch((e: unknown) => report(e, load));
  }, [page, report]);
  useEffect(load, [load]);
  const tree = useMemo(() => toTree(ref.categories), [ref.categories]);

  const search = async (q: string) => {
    if (!q.trim()) return setHits(null);
    try {
      setHits((await api.call(KNOWLEDGE_ENDPOINTS.search, { query: { q: q.trim(), limit: 10 } })).items);
    } catch (e) {
      report(e, load);
    }
  };
  const open = (a: Article | 'new') => {
    clear();
    setEditing(a);
    form.setFieldsValue(
      a === 'new'
        ? { title: '', answer: '', categoryCodes: [], sourcePolicy: '', validFrom: null, validTo: null, isActive: true }
        : {
            title: a.title,
            answer: a.answer,
            categoryCodes: a.categoryCodes,
            sourcePolicy: a.sourcePolicy ?? '',
            validFrom: a.validFrom ? dayjs(a.validFrom) : null,
            validTo: a.validTo ? dayjs(a.validTo) : null,
            isActive: a.isActive,
          },
    );
  };
  const save = async () => {
    const v = await form.validateFields();
    const body = {
      title: v.title.trim(),
      answer: v.answer.trim(),
      categoryCodes: v.categoryCodes,
      sourcePolicy: v.sourcePolicy.trim() || null,
      validFrom: v.validFrom ? v.validFrom.startOf('day').toISOString() : null,
      validTo: v.validTo ? v.validTo.endOf('day').toISOString() : null,
      isActive: v.isActive,
    };
    clear();
    try {
      if (editing === 'new') await api.call(KNOWLEDGE_ENDPOINTS.create, { body });
      else if (editing) await api.call(KNOWLEDGE_ENDPOINTS.update, { params: { id: editing.id }, body });
      void message.success({ content: t('saved'), key: 'saved' });
      setEditing(null);
      load();
    } catch (e) {
      take(e);
    }
  };
  const remove = async (a: Article) => {
    try {
      await api.call(KNOWLEDGE_ENDPOINTS.remove, { params: { id: a.id } });
      void message.success(t('done'));
      load();
    } catch (e) {
      report(e, load);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={`${t('knowledgeTitle')}${data ? ` · ${data.total}` : ''}`}
        extra={
          <Space>
            <Input.Search allowClear placeholder={t('searchKnowledge')} onSearch={(q) => void search(q)} style={{ width: 320 }} data-testid="knowledge-search" />
            {canEdit && (
              <Button type="primary" onClick={() => open('new')}>
                {t('newArticle')}
              </Button>
            )}
          </Space>
        }
      >
        {hits && (
          <Card
            type="inner"
            size="small"
            title={`${t('search')} · ${hits.length}`}
            style={{ marginBottom: 16 }}
            extra={
              <Button size="small" type="link" onClick={() => setHits(null)}>
                {t('cancel')}
              </Button>
            }
          >
            <List
              size="small"
              dataSource={hits}
              locale={{ emptyText: t('empty') }}
              renderItem={(h) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <Space>
                        {h.title}
                        <Tag>{h.score.toFixed(2)}</Tag>
                        {h.matchedWords.map((w) => (
                          <Tag key={w} color="gold">
                            {w}
                          </Tag>
                        ))}
                      </Space>
                    }
                    description={
                      <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                        {h.answer}
                      </Typography.Paragraph>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        )}
        <Table<Article>
          rowKey="id"
          size="middle"
          dataSource={data?.items ?? []}
          pagination={{ pageSize: PAGE, current: page, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          data-testid="knowledge-articles"
          columns={[
            {
              title: t('title'),
              dataIndex: 'title',
              render: (v: string, a) => (
                <Space>
                  {v}
                  {a.isDemo && <Tag>{t('demo')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('answer'),
              dataIndex: 'answer',
              render: (v: string) => (
                <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0, maxWidth: 420 }}>
                  {v}
                </Typography.Paragraph>
              ),
            },
            { title: t('categoryCodes'), dataIndex: 'categoryCodes', width: 200, render: (v: string[]) => v.map((c) => <Tag key={c}>{ref.categoryName(c)}</Tag>) },
            {
              title: `${t('validFrom')} ~ ${t('validTo')}`,
              key: 'valid',
              width: 200,
              render: (_: unknown, a) => `${a.validFrom ? dayjs(a.validFrom).format('YYYY-MM-DD') : '…'} ~ ${a.validTo ? dayjs(a.validTo).format('YYYY-MM-DD') : '…'}`,
            },
            { title: t('active'), dataIndex: 'isActive', width: 70, render: (v: boolean) => (v ? <Tag color="green">{t('yes')}</Tag> : <Tag>{t('no')}</Tag>) },
            ...(canEdit
              ? [
                  {
                    title: t('actions'),
                    key: 'a',
                    width: 130,
                    render: (_: unknown, a: Article) => (
                      <Space>
                        <Button size="small" onClick={() => open(a)}>
                          {t('edit')}
                        </Button>
                        <Popconfirm title={t('confirmDelete')} okText={t('confirm')} cancelText={t('cancel')} onConfirm={() => void remove(a)}>
                          <Button size="small" danger>
                            {t('delete')}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Modal
        title={editing === 'new' ? t('newArticle') : t('editArticle')}
        open={editing !== null}
        width={720}
        onCancel={() => setEditing(null)}
        okText={t('save')}
        cancelText={t('cancel')}
        onOk={() => void save().catch(() => undefined)}
      >
        <FieldProblemAlert problem={problem} onClose={clear} />
        <Form form={form} layout="vertical">
          <Form.Item name="title" label={t('title')} rules={[{ required: true, whitespace: true, max: 200 }]} validateStatus={status('body.title')}>
            <Input />
          </Form.Item>
          <Form.Item name="answer" label={t('answer')} rules={[{ required: true, whitespace: true, max: 20000 }]} validateStatus={status('body.answer')}>
            <Input.TextArea rows={6} />
          </Form.Item>
          <Form.Item name="categoryCodes" label={t('categoryCodes')} validateStatus={status('body.categoryCodes')}>
            <TreeSelect multiple treeData={tree} showSearch treeNodeFilterProp="title" allowClear />
          </Form.Item>
          <Form.Item name="sourcePolicy" label={t('sourcePolicy')} validateStatus={status('body.sourcePolicy')}>
            <Input maxLength={500} />
          </Form.Item>
          <Space size={16} wrap>
            <Form.Item name="validFrom" label={t('validFrom')} validateStatus={status('body.validFrom')}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="validTo" label={t('validTo')} validateStatus={status('body.validTo')}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="isActive" label={t('active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
    </Space>
  );
}
