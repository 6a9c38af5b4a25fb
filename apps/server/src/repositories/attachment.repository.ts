// All SQL about uploaded files' metadata (the bytes live behind AttachmentStorage).
import type { CaseAttachment } from '@jiesu/core';
import type { Kysely, Selectable } from 'kysely';
import type { AttachmentsTable, Database } from '../db/schema';

type Db = Kysely<Database>;

export interface StoredAttachment extends CaseAttachment {
  sha256: string;
  uploadedBy: string;
  /** The uploader's unit path (null for files from before 0013). */
  uploaderUnitPath?: string | null;
}

/** Where a stored file belongs: its case, or (for files no case holds) whether any record uses it yet. */
export interface AttachmentOwnership {
  caseId: string | null;
  isLinked: boolean;
}

function toAttachment(r: Selectable<AttachmentsTable>): StoredAttachment & AttachmentOwnership {
  return {
    id: r.id,
    kind: r.kind as CaseAttachment['kind'],
    mimeType: r.mime_type,
    sizeBytes: r.size_bytes,
    name: r.name,
    sha256: r.sha256,
    uploadedBy: r.uploaded_by,
    uploaderUnitPath: r.uploader_unit_path,
    caseId: r.case_id,
    isLinked: r.linked_at !== null,
  };
}

/** The row of a new attachment (no case yet; `linked_at` as the caller says). */
function toRow(a: StoredAttachment) {
  return {
    id: a.id,
    kind: a.kind,
    mime_type: a.mimeType,
    size_bytes: a.sizeBytes,
    name: a.name ?? null,
    sha256: a.sha256,
    uploaded_by: a.uploadedBy,
    uploader_unit_path: a.uploaderUnitPath ?? null,
  };
}

export class AttachmentRepository {
  constructor(private readonly db: Db) {}

  /** Many attachments' metadata at once (bulk loading), each already used by the case it names. */
  async insertMany(items: ReadonlyArray<StoredAttachment & { caseId: string }>, trx: Db = this.db): Promise<void> {
    if (items.length === 0) return;
    await trx
      .insertInto('attachments')
      .values(items.map((a) => ({ ...toRow(a), case_id: a.caseId, linked_at: new Date() })))
      .execute();
  }

  async insert(a: StoredAttachment, trx: Db = this.db): Promise<void> {
    await trx.insertInto('attachments').values(toRow(a)).execute();
  }

  /** Marks files as used by a record, so they do not expire as orphans. */
  async markLinked(ids: readonly string[], at: Date, trx: Db = this.db): Promise<void> {
    if (ids.length === 0) return;
    await trx
      .updateTable('attachments')
      .set({ linked_at: at })
      .where('id', 'in', [...ids])
      .where('linked_at', 'is', null)
      .execute();
  }

  /**
   * Gives files to a case: each must already be the case's, or be unclaimed and uploaded by
   * `uploadedBy`. Returns the ids that could not be claimed (nothing is changed for those).
   */
  async claimForCase(ids: readonly string[], caseId: string, uploadedBy: string, at: Date, trx: Db = this.db): Promise<string[]> {
    if (ids.length === 0) return [];
    const claimed = await trx
      .updateTable('attachments')
      .set({ case_id: caseId, linked_at: at })
      .where('id', 'in', [...ids])
      .where((eb) => eb.or([eb('case_id', '=', caseId), eb.and([eb('case_id', 'is', null), eb('uploaded_by', '=', uploadedBy)])]))
      .returning('id')
      .execute();
    const ok = new Set(claimed.map((r) => r.id));
    return ids.filter((id) => !ok.has(id));
  }

  /** Files no record used, uploaded before `before`: removed from the metadata and returned (their bytes go next). */
  async deleteOrphans(before: Date, limit: number, trx: Db = this.db): Promise<string[]> {
    const rows = await trx
      .deleteFrom('attachments')
      .where('id', 'in', (eb) => eb.selectFrom('attachments').select('id').where('linked_at', 'is', null).where('uploaded_at', '<', before).limit(limit))
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  async findByIds(ids: readonly string[], trx: Db = this.db): Promise<Array<StoredAttachment & AttachmentOwnership>> {
    if (ids.length === 0) return [];
    const rows = await trx
      .selectFrom('attachments')
      .selectAll()
      .where('id', 'in', [...ids])
      .execute();
    return rows.map(toAttachment);
  }

  async findById(id: string, trx: Db = this.db): Promise<(StoredAttachment & AttachmentOwnership) | null> {
    const [a] = await this.findByIds([id], trx);
    return a ?? null;
  }
}
