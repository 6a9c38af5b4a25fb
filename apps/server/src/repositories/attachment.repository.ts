// All SQL about uploaded files' metadata (the bytes live behind AttachmentStorage).
import type { CaseAttachment } from '@jiesu/core';
import type { Kysely, Selectable } from 'kysely';
import type { AttachmentsTable, Database } from '../db/schema';

type Db = Kysely<Database>;

export interface StoredAttachment extends CaseAttachment {
  sha256: string;
  uploadedBy: string;
}

function toAttachment(r: Selectable<AttachmentsTable>): StoredAttachment {
  return { id: r.id, kind: r.kind as CaseAttachment['kind'], mimeType: r.mime_type, sizeBytes: r.size_bytes, name: r.name, sha256: r.sha256, uploadedBy: r.uploaded_by };
}

export class AttachmentRepository {
  constructor(private readonly db: Db) {}

  /** Many attachments' metadata at once (bulk loading). */
  async insertMany(items: readonly StoredAttachment[], trx: Db = this.db): Promise<void> {
    if (items.length === 0) return;
    await trx
      .insertInto('attachments')
      .values(items.map((a) => ({ id: a.id, kind: a.kind, mime_type: a.mimeType, size_bytes: a.sizeBytes, name: a.name ?? null, sha256: a.sha256, uploaded_by: a.uploadedBy })))
      .execute();
  }

  async insert(a: StoredAttachment, trx: Db = this.db): Promise<void> {
    await trx
      .insertInto('attachments')
      .values({ id: a.id, kind: a.kind, mime_type: a.mimeType, size_bytes: a.sizeBytes, name: a.name ?? null, sha256: a.sha256, uploaded_by: a.uploadedBy })
      .execute();
  }

  async findByIds(ids: readonly string[], trx: Db = this.db): Promise<StoredAttachment[]> {
    if (ids.length === 0) return [];
    const rows = await trx
      .selectFrom('attachments')
      .selectAll()
      .where('id', 'in', [...ids])
      .execute();
    return rows.map(toAttachment);
  }

  async findById(id: string, trx: Db = this.db): Promise<StoredAttachment | null> {
    const [a] = await this.findByIds([id], trx);
    return a ?? null;
  }
}
