// Where notifications go once their change is committed. A city plugs in its SMS / WeChat / app
// push gateway here; the default writes each one to the structured log, so nothing is lost and
// the delivery is visible, and units read theirs in the console (GET /api/notifications).
import type { FastifyBaseLogger } from 'fastify';

export interface OutboxMessage {
  id: number;
  /** What the message is about: a case, or a work item (one of the two is set). */
  caseId: string | null;
  workItemId: string | null;
  kind: string;
  unitCode: string | null;
  payload: unknown;
  createdAt: Date;
}

export interface NotificationSender {
  /** Delivers one message; throwing leaves it in the outbox for the next round. */
  send(message: OutboxMessage): Promise<void>;
}

export class LogNotificationSender implements NotificationSender {
  constructor(private readonly log: Pick<FastifyBaseLogger, 'info'>) {}

  async send(message: OutboxMessage): Promise<void> {
    this.log.info(
      { notification: { id: message.id, kind: message.kind, caseId: message.caseId, workItemId: message.workItemId, unitCode: message.unitCode } },
      'notification delivered (log sender)',
    );
  }
}
