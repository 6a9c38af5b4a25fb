// Where attachment bytes live: a folder under the data directory by default. The interface is
// small so an S3-compatible store can replace it when several processes serve.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface AttachmentStorage {
  /** Stores the stream under `id`; returns the number of bytes written. */
  put(id: string, stream: Readable): Promise<number>;
  get(id: string): Promise<Readable | null>;
  delete(id: string): Promise<void>;
}

export class FolderAttachmentStorage implements AttachmentStorage {
  constructor(private readonly dir: string) {}

  private pathOf(id: string): string {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw new Error(`bad attachment id ${id}`);
    return join(this.dir, id.slice(0, 2), id);
  }

  async put(id: string, stream: Readable): Promise<number> {
    const path = this.pathOf(id);
    await mkdir(join(this.dir, id.slice(0, 2)), { recursive: true });
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
