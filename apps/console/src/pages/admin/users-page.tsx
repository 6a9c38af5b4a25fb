// 用户与角色: users in scope, their unit and roles; administrators add users and change roles.
import { USER_ENDPOINTS } from '@jiesu/contracts';
import { ROLES, type Role } from '@jiesu/core';
import { App, Button, Card, Form, Input, Modal, Select, Switch, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { Page, User } from '../../api/types';
import { useAuth } from '../../auth';
import { UnitSelect } from '../../components/unit-select';
import { useReportError } from '../../components/use-report-error';
import { useI18n } from '../../i18n/i18n';
import { ROLE_LABELS } from '../../i18n/labels';
import { useReference } from '../../reference';

export function UsersPage() {
  const { t, pick } = useI18n();
  const { hasRole } = useAuth();
  const ref = useReference();
  const { message } = App.useApp();
  const [page, setPage] = useState<Page<User> | null>(null);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<{ username: string; displayName: string; unitCode: string; roles: Role[]; password: string }>();
  const report = useReportError();
  const load = useCallback(() => {
    api
      .call(USER_ENDPOINTS.list, { query: { limit: 200 } })
      .then(setPage)
      .catch((e: unknown) => report(e, load));
  }, [report]);
  useEffect(load, [load]);
  useEffect(() => {
    if (page) ref.loadUnits(page.items.map((u) => u.unitCode));
  }, [page, ref]);
  const isAdmin = hasRole('administrator');

  const patch = async (u: User, body: Partial<Pick<User, 'roles' | 'isActive'>>) => {
    try {
      await api.call(USER_ENDPOINTS.update, { params: { id: u.id }, body });
      void message.success(t('done'));
      load();
    } catch (e) {
      report(e, load);
    }
  };

  return (
    <Card
      title={`${t('users')}${page ? ` · ${page.total}` : ''}`}
      extra={
        isAdmin && (
          <Button type="primary" onClick={() => setAdding(true)}>
            {t('addUser')}
          </Button>
        )
      }
    >
      <Table<User>
        rowKey="id"
        size="middle"
        dataSource={page?.items ?? []}
        pagination={{ pageSize: 15 }}
        columns={[
          { title: t('username'), dataIndex: 'username', width: 170 },
          { title: t('displayName'), dataIndex: 'displayName' },
          { title: t('unit'), dataIndex: 'unitCode', render: (v: string) => ref.unitName(v) },
          {
            title: t('roles'),
            dataIndex: 'roles',
            width: 320,
            render: (roles: Role[], u) =>
              isAdmin ? (
                <Select
                  mode="multiple"
                  size="small"
                  value={roles}
                  style={{ width: '100%' }}
                  onChange={(v: Role[]) => v.length > 0 && void patch(u, { roles: v })}
                  options={ROLES.map((r) => ({ value: r, label: pick(ROLE_LABELS[r]) }))}
                />
              ) : (
                roles.map((r) => <Tag key={r}>{pick(ROLE_LABELS[r])}</Tag>)
              ),
          },
          {
            title: t('active'),
            dataIndex: 'isActive',
            width: 80,
            render: (v: boolean, u) => <Switch size="small" checked={v} disabled={!isAdmin} onChange={(x) => void patch(u, { isActive: x })} />,
          },
        ]}
      />
      <Modal
        title={t('addUser')}
        open={adding}
        onCancel={() => setAdding(false)}
        okText={t('save')}
        cancelText={t('cancel')}
        onOk={() =>
          void form.validateFields().then(async (v) => {
            try {
              await api.call(USER_ENDPOINTS.create, { body: v });
              setAdding(false);
              form.resetFields();
              load();
            } catch (e) {
              report(e, load);
            }
          })
        }
      >
        <Form form={form} layout="vertical">
          <Form.Item name="username" label={t('username')} rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9._-]{2,39}$/ }]}>
            <Input />
          </Form.Item>
          <Form.Item name="displayName" label={t('displayName')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="unitCode" label={t('unit')} rules={[{ required: true }]}>
            <UnitSelect />
          </Form.Item>
          <Form.Item name="roles" label={t('roles')} rules={[{ required: true }]}>
            <Select mode="multiple" options={ROLES.map((r) => ({ value: r, label: pick(ROLE_LABELS[r]) }))} />
          </Form.Item>
          <Form.Item name="password" label={t('password')} rules={[{ required: true, min: 10 }]}>
            <Input.Password />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
