// Evidence upload: each chosen file goes straight to POST /api/attachments; the form keeps the ids.
// On a phone a second button opens the camera (capture=environment) and adds to the same list.
import { CameraOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Grid, Space, Upload, type UploadProps } from 'antd';
import type { UploadFile } from 'antd/es/upload/interface';
import { useState } from 'react';
import { api } from '../api/client';
import type { Attachment } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { useReportError } from './use-report-error';

export function PhotoUpload({ value, onChange, label }: { value?: string[]; onChange?: (ids: string[]) => void; label?: string }) {
  const { t } = useI18n();
  const report = useReportError();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const isPhone = !Grid.useBreakpoint().md;
  const customRequest: UploadProps['customRequest'] = (opts) => {
    const file = opts.file as File;
    const kind = file.type.startsWith('video/') ? 'video' : file.type === 'application/pdf' ? 'document' : 'photo';
    api
      .upload<Attachment>('/api/attachments', file, file.name, { kind })
      .then((a) => {
        opts.onSuccess?.(a);
        onChange?.([...(value ?? []), a.id]);
      })
      .catch((e: unknown) => {
        report(e);
        opts.onError?.(e instanceof Error ? e : new Error(String(e)));
      });
  };
  const upload = (
    <Upload
      accept="image/*,video/*,application/pdf"
      listType="picture"
      fileList={files}
      customRequest={customRequest}
      onChange={(info) => setFiles(info.fileList)}
      onRemove={(f) => {
        const id = (f.response as Attachment | undefined)?.id;
        if (id) onChange?.((value ?? []).filter((x) => x !== id));
      }}
    >
      <Button icon={<UploadOutlined />}>{label ?? t('uploadPhoto')}</Button>
    </Upload>
  );
  if (!isPhone) return upload;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Upload
        accept="image/*"
        capture="environment"
        showUploadList={false}
        customRequest={customRequest}
        onChange={(info) => setFiles((prev) => [...prev.filter((f) => f.uid !== info.file.uid), info.file])}
      >
        <Button type="primary" ghost icon={<CameraOutlined />} data-testid="camera-upload">
          {t('photoFromCamera')}
        </Button>
      </Upload>
      {upload}
    </Space>
  );
}
