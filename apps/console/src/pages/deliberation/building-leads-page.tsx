// 楼门层长: the community's register (contacts masked; showing one is audited), registering a
// lead, and a notice to all of them through the outbox.
import { DELIBERATION_ENDPOINTS as E, type ResponseOf } from '@jiesu/contracts';
import { BUILDING_LEAD_ROLE_INFO } from '@jiesu/core';
import { App, Button, Card, List, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useReportError } from '../../components/use-report-error';
import { useI18n } from '../../i18n/i18n';
import { CommunityPicker, FieldsModal, useCommunities } from './deliberation-shared';

/** A register entry: masked as listed, or one revealed in place. */
type Lead = ResponseOf<typeof E.buildingLeads>[number] | ResponseOf<typeof E.revealBuildingLead>;

export function BuildingLeadsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { communities, current, setCurrent } = useCommunities();
  const [leads, setLeads] = useState<Lead[]>([]);
  const [dialog, setDialog] = useState<'add' | 'notice' | null>(null);
  const load = useCallback(() => {
    if (!current) return;
    api
      .call(E.buildingLeads, { query: { communityCode: current } })
      .then(setLeads)
      .catch((e: unknown) => report(e));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- report is stable for this load
  }, [current]);
  const report = useReportError(load);
  useEffect(load, [load]);

  return (
    <Card
      title={t('menuBuildingLeads')}
      extra={
        <Space wrap>
          <CommunityPicker communities={communities} value={current} onChange={setCurrent} />
          <Button type="primary" size="small" onClick={() => setDialog('add')} data-testid="add-lead">
            {t('dlAddLead')}
          </Button>
          <Button size="small" onClick={() => setDialog('notice')} disabled={leads.length === 0}>
            {t('dlSendNotice')}
          </Button>
        </Space>
      }
    >
      <List
        dataSource={leads}
        locale={{ emptyText: t('empty') }}
        data-testid="leads"
        renderItem={(l) => (
          <List.Item
            actions={
              l.isUnmasked
                ? []
                : [
                    <Button
                      key="reveal"
                      size="small"
                      type="link"
                      onClick={() => {
                        api
                          .call(E.revealBuildingLead, { params: { id: l.id } })
                          .then((full) => setLeads(leads.map((x) => (x.id === l.id ? full : x))))
                          .catch((e: unknown) => report(e));
                      }}
                    >
                      {t('dlReveal')}
                    </Button>,
                  ]
            }
          >
            <Space direction="vertical" size={0}>
              <Space wrap>
                <Tag color="geekblue">{BUILDING_LEAD_ROLE_INFO[l.role][lang]}</Tag>
                <Typography.Text strong>{[l.building, l.door, l.floor ? `${l.floor}${lang === 'zh' ? '层' : 'F'}` : null].filter(Boolean).join(' ')}</Typography.Text>
              </Space>
              <Typography.Text type="secondary" data-testid="lead-contact">
                {l.name} · {l.phone}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      <FieldsModal
        open={dialog !== null}
        testId="lead-dialog"
        title={dialog === 'notice' ? t('dlSendNotice') : t('dlAddLead')}
        fields={
          dialog === 'notice'
            ? [{ name: 'text', label: t('dlNoticeText'), kind: 'textarea', required: true }]
            : [
                { name: 'building', label: t('dlBuilding'), kind: 'text', required: true },
                { name: 'door', label: t('dlDoor'), kind: 'text' },
                { name: 'floor', label: t('dlFloor'), kind: 'text' },
                { name: 'name', label: t('dlName'), kind: 'text', required: true },
                { name: 'phone', label: t('dlPhone'), kind: 'text', required: true },
              ]
        }
        onClose={() => setDialog(null)}
        onOk={async (v) => {
          try {
            if (!current) return; // no community chosen: nothing to write to
            const optional = (x: unknown) => (typeof x === 'string' ? x : null);
            if (dialog === 'notice') await api.call(E.buildingLeadNotice, { body: { communityCode: current, text: String(v.text) } });
            else
              await api.call(E.registerBuildingLead, {
                body: { communityCode: current, building: String(v.building), door: optional(v.door), floor: optional(v.floor), name: String(v.name), phone: String(v.phone) },
              });
            void message.success(t('done'));
            setDialog(null);
            load();
          } catch (e) {
            report(e);
            throw e;
          }
        }}
      />
    </Card>
  );
}
