// What every use case receives: the database, repositories, configuration, the calendar and a
// clock. Built once at start (see app-context.ts); tests build their own with a fixed clock.
import type { Kysely } from 'kysely';
import type { Config } from './config';
import type { Database } from './db/schema';
import type { Repositories } from './repositories';
import type { AttachmentStorage } from './services/attachment-storage';
import type { CalendarService } from './services/calendar.service';

export interface AppContext {
  config: Config;
  db: Kysely<Database>;
  repos: Repositories;
  calendar: CalendarService;
  attachments: AttachmentStorage;
  /** The current instant; injectable so tests can move time. */
  now(): Date;
}
