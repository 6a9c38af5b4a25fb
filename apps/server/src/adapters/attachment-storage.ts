// Where attachment bytes live: a folder under the data directory by default. The interface is
// small so an S3-compatible store can replace it when several processes serve.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError } from '@jiesu/core';

export interface AttachmentStorage {
  /** Stores the stream under `id`; returns the number of bytes written. */
  put(id: string, stream: Readable): Promise<number>;
  get(id: string): Promise<Readable | null>;
  delete(id: string): Promise<void>;
}

export class FolderAttachmentStorage implements AttachmentStorage {
  constructor(private readonly dir: string) {}

  private pathOf(anyCaseId: string): string {
    const id = anyCaseId.toLowerCase();
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) throw new DomainError('NOT_FOUND', `No file has the id ${anyCaseId}.`);
    return join(this.dir, id.slice(0, 2), id);
  }

  async put(id: string, stream: Readable): Promise<number> {
    const path = this.pathOf(id);
    await mkdir(dirname(path), { recursive: true });
    await pipeline(stream, createWriteStream(path));
    return (await stat(path)).size;
  }

  async get(id: string): Promise<Readable | null> {
    const path = this.pathOf(id);
    try {
      await stat(path);
    } catch {
      return null;
    }
    return createReadStream(path);
  }

  async delete(id: string): Promise<void> {
    await rm(this.pathOf(id), { force: true });
  }
}
