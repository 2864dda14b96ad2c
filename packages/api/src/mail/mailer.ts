import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { OutboxMessage } from './outbox-message.entity';

export interface MailMessage {
  to: string;
  /** What the mail is for (password-reset, invitation), so tests and operators can find it. */
  kind: string;
  subject: string;
  body: string;
}

/**
 * Sends mail. `em` is the transaction of the write that caused the mail, so a mailer that queues
 * in the database sends nothing for a write that rolls back.
 */
export interface Mailer {
  send(message: MailMessage, em: EntityManager): Promise<void>;
}

/** The default: the mail goes to the log and to the outbox_message table (no mail leaves the machine). */
export class OutboxMailer implements Mailer {
  constructor(private readonly logger: Logger) {}

  async send(message: MailMessage, em: EntityManager): Promise<void> {
    em.persist(em.create(OutboxMessage, { recipient: message.to, kind: message.kind, subject: message.subject, body: message.body }));
    this.logger.info({ to: message.to, kind: message.kind, subject: message.subject }, `mail (outbox):\n${message.body}`);
  }
}
