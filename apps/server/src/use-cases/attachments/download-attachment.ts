// Downloads a stored file under the same scope as what holds it. A file a case holds is visible
// to whoever may see that case; a file another record holds (a work item, patrol, notice, appeal,
// policy) to its uploader and to units on the uploader's line of the tree (its ancestors and its
// subtree); a file nothing holds yet (an upload waiting for its case or public submission) to its
// uploader only. Anything else answers as if the file did not exist.
import { type Actor, assertCaseInScope, DomainError, isInSubtree } from '@jiesu/core';
import type { AppContext } from '../../context';

function notFound(id: string): never {
  throw new DomainError('NOT_FOUND', `No file has the id ${id}.`, { field: 'params.id' });
}

export async function downloadAttachment(ctx: AppContext, opts: { actor: Actor; id: string }) {
  const meta = await ctx.repos.attachments.findById(opts.id);
  if (!meta) notFound(opts.id);
  const isUploader = meta.uploadedBy === opts.actor.username;
  if (meta.caseId !== null) {
    const stored = await ctx.repos.cases.load(meta.caseId);
    if (!stored) notFound(opts.id);
    try {
      assertCaseInScope(opts.actor, stored.state, stored.locationPath);
    } catch {
      notFound(opts.id);
    }
  } else if (!isUploader) {
    const path = meta.uploaderUnitPath ?? null;
    const onLine = path !== null && (isInSubtree(opts.actor.unitPath, path) || isInSubtree(path, opts.actor.unitPath));
    if (!meta.isLinked || !onLine) notFound(opts.id);
  }
  const stream = await ctx.attachments.get(meta.id);
  if (!stream) notFound(opts.id);
  return { stream, mimeType: meta.mimeType, name: meta.name ?? null, sizeBytes: meta.sizeBytes };
}

/** Deletes uploads no record used within the configured hours (metadata first, then bytes). */
export async function expireOrphanUploads(ctx: AppContext, opts: { limit?: number } = {}): Promise<number> {
  const before = new Date(ctx.now().getTime() - ctx.config.orphanUploadHours * 3600_000);
  const ids = await ctx.repos.attachments.deleteOrphans(before, opts.limit ?? 500);
  for (const id of ids) await ctx.attachments.delete(id);
  return ids.length;
}
