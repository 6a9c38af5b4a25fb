// Attachments need the bearer token, so images are fetched as blobs and shown from object URLs.
import { FileOutlined } from '@ant-design/icons';
import { Image, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Attachment } from '../api/types';

function useBlobUrl(id: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let objectUrl: string | null = null;
    let live = true;
    fetch(`/api/attachments/${id}`, { headers: api.token ? { authorization: `Bearer ${api.token}` } : {} })
      .then((r) => (r.ok ? r.blob() : null))
      .then((b) => {
        if (b && live) {
          objectUrl = URL.createObjectURL(b);
          setUrl(objectUrl);
        }
      })
      .catch(() => undefined);
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [id]);
  return url;
}

function One({ a }: { a: Attachment }) {
  const url = useBlobUrl(a.id);
  if (a.kind === 'photo' && url) return <Image src={url} width={96} height={96} style={{ objectFit: 'cover', borderRadius: 6 }} alt={a.name ?? 'photo'} />;
  return (
    <Tag icon={<FileOutlined />}>
      {url ? (
        <a href={url} download={a.name ?? a.id}>
          {a.name ?? a.kind}
        </a>
      ) : (
        (a.name ?? a.kind)
      )}
    </Tag>
  );
}

export function AttachmentList({ items }: { items: readonly Attachment[] }) {
  if (items.length === 0) return null;
  return (
    <Image.PreviewGroup>
      <Space wrap>
        {items.map((a) => (
          <One key={a.id} a={a} />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}
