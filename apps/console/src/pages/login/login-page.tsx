import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { toApiError } from '../../api/api-error';
import { useAuth } from '../../auth';
import { messageForError } from '../../i18n/error-messages';
import { useI18n } from '../../i18n/i18n';

export function LoginPage() {
  const { me, logIn } = useAuth();
  const { t, lang, setLang } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (me) return <Navigate to={(location.state as { from?: string } | null)?.from ?? '/'} replace />;

  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await logIn(v.username.trim(), v.password);
      void navigate('/', { replace: true });
    } catch (e) {
      setError(messageForError(toApiError(e), lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="jiesu-login">
      <Card style={{ width: 380, boxShadow: '0 12px 40px rgba(0,0,0,.25)' }}>
        <div style={{ textAlign: 'center', marginBottom: 20 }}>
          <div style={{ fontSize: 40, fontWeight: 800, color: '#c8102e', letterSpacing: 2 }}>12345</div>
          <Typography.Title level={3} style={{ margin: '4px 0' }}>
            {t('appName')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('loginTitle')}</Typography.Text>
        </div>
        {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form layout="vertical" onFinish={(v: { username: string; password: string }) => void submit(v)} requiredMark={false}>
          <Form.Item name="username" label={t('username')} rules={[{ required: true, message: t('username') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" id="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('password')} rules={[{ required: true, message: t('password') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" id="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {t('login')}
          </Button>
        </Form>
        <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 16 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('loginHint')}
          </Typography.Text>
          <Button type="link" size="small" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
            {t('language')}
          </Button>
        </div>
      </Card>
    </div>
  );
}
