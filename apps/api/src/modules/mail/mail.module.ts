import { Module } from '@nestjs/common';
import { MailService } from './mail.service';

/** Outgoing mail (invites). Works without any SMTP settings: then nothing is sent. */
@Module({
  providers: [MailService],
  exports: [MailService],
})
export class MailModule {}
