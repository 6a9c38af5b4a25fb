// Evidence upload: each chosen file goes straight to POST /api/attachments; the form keeps the ids.
import { UploadOutlined } from '@ant-design/icons';
import { Button, Upload } from 'antd';
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
  return (
    <Upload
      accept="image/*,video/*,application/pdf"
      listType="picture"
      fileList={files}
      customRequest={(opts) => {
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
      }}
      onChange={(info) => setFiles(info.fileList)}
      onRemove={(f) => {
        const id = (f.response as Attachment | undefined)?.id;
        if (id) onChange?.((value ?? []).filter((x) => x !== id));
      }}
    >
      <Button icon={<UploadOutlined />}>{label ?? t('uploadPhoto')}</Button>
    </Upload>
  );
}
