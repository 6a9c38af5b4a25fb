// 社区职责清单: which categories (code prefixes) a community may lead; others it only assists.
import { DUTY_LIST_ENDPOINTS } from '@jiesu/contracts';
import { App, Button, Card, Col, Empty, Row, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { DutyList } from '../../api/types';
import { UnitSelect } from '../../components/unit-select';
import { useReportError } from '../../components/use-report-error';
import { useI18n } from '../../i18n/i18n';
import { flattenCategories, useReference } from '../../reference';

export function DutyListsPage() {
  const { t } = useI18n();
  const ref = useReference();
  const { message } = App.useApp();
  const report = useReportError();
  const [community, setCommunity] = useState<string | null>(null);
  const [prefixes, setPrefixes] = useState<string[]>([]);
  const [loaded, setLoaded] = useState<DutyList | null>(null);
  useEffect(() => {
    if (!community) return;
    api
      .call(DUTY_LIST_ENDPOINTS.get, { params: { code: community } })
      .then((d) => {
        setLoaded(d);
        setPrefixes(d.categoryPrefixes);
      })
      .catch((e: unknown) => report(e));
  }, [community, report]);
  const options = [...flattenCategories(ref.categories).values()].filter((c) => c.level <= 2).map((c) => ({ value: c.code, label: `${c.code} ${ref.categoryName(c.code, true)}` }));

  const save = async () => {
    if (!community) return;
    try {
      setLoaded(await api.call(DUTY_LIST_ENDPOINTS.put, { params: { code: community }, body: { categoryPrefixes: prefixes } }));
      void message.success(t('done'));
    } catch (e) {
      report(e);
    }
  };

  return (
    <Card title={t('dutyListFor')}>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Typography.Text>{t('chooseCommunity')}</Typography.Text>
          <UnitSelect unitClass="community" value={community} onChange={(v) => setCommunity(typeof v === 'string' ? v : null)} />
        </Col>
        <Col xs={24} md={16}>
          {loaded ? (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Text>{t('categoryPrefixes')}</Typography.Text>
              <Select mode="tags" value={prefixes} onChange={setPrefixes} options={options} style={{ width: '100%' }} showSearch={{ optionFilterProp: 'label' }} />
              <Button type="primary" onClick={() => void save()}>
                {t('save')}
              </Button>
            </Space>
          ) : (
            <Empty description={t('chooseCommunity')} />
          )}
        </Col>
      </Row>
    </Card>
  );
}
