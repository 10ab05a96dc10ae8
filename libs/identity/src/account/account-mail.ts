import { Injectable, Logger } from '@nestjs/common';
import { EmailService } from '@samverkan/notifications';
import { AppConfig, ProblemException } from '@samverkan/platform';

const stockholm = (date: Date) =>
  date.toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/**
 * The e-mails of the account life cycle, Swedish first with English below. They are sent at once
 * and never stored (EmailService.sendNow): the link's token must not rest in the database.
 */
@Injectable()
export class AccountMail {
  private readonly logger = new Logger(AccountMail.name);

  constructor(
    private readonly email: EmailService,
    private readonly config: AppConfig,
  ) {}

  link(path: 'invitation' | 'reset-password', raw: string): string {
    return `${this.config.PUBLIC_URL.replace(/\/+$/, '')}/${path}/${raw}`;
  }

  async invitation(to: { email: string; displayName: string; organisationName: string }, raw: string, expiresAt: Date): Promise<void> {
    const link = this.link('invitation', raw);
    const body = [
      `Hej ${to.displayName}!`,
      '',
      `Du har bjudits in till Samverkan av ${to.organisationName}. Öppna länken och välj ett lösenord:`,
      link,
      '',
      `Länken fungerar en gång och gäller till ${stockholm(expiresAt)}.`,
      '',
      '---',
      '',
      `Hello ${to.displayName},`,
      '',
      `${to.organisationName} has invited you to Samverkan. Open the link and choose a password:`,
      link,
      '',
      `The link works once and is valid until ${stockholm(expiresAt)} (Swedish time).`,
    ].join('\n');
    await this.send(to.email, `Inbjudan till Samverkan – ${to.organisationName} (Invitation)`, body);
  }

  async passwordReset(to: { email: string; displayName: string }, raw: string, expiresAt: Date): Promise<void> {
    const link = this.link('reset-password', raw);
    const body = [
      `Hej ${to.displayName}!`,
      '',
      'Någon, förhoppningsvis du, bad om att få återställa ditt lösenord i Samverkan. Öppna länken och välj ett nytt:',
      link,
      '',
      `Länken fungerar en gång och gäller till ${stockholm(expiresAt)}. Bad du inte om detta kan du bortse från meddelandet.`,
      '',
      '---',
      '',
      `Hello ${to.displayName},`,
      '',
      'Someone, hopefully you, asked to reset your Samverkan password. Open the link and choose a new one:',
      link,
      '',
      `The link works once and is valid until ${stockholm(expiresAt)} (Swedish time). If you did not ask, ignore this message.`,
    ].join('\n');
    await this.send(to.email, 'Återställ lösenordet i Samverkan (Reset your password)', body);
  }

  private async send(to: string, subject: string, body: string): Promise<void> {
    try {
      await this.email.sendNow(to, subject, body);
    } catch (error) {
      this.logger.warn(`Account e-mail not sent: ${(error as Error).message}`);
      throw new ProblemException('account.mail_unavailable');
    }
  }
}
