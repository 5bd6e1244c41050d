import { Module } from '@nestjs/common';
import { AuditService } from './audit.service';

/** The audit trail of hiring changes; no routes of its own (each feature serves its entity's trail). */
@Module({
  providers: [AuditService],
  exports: [AuditService],
})
export class AuditModule {}
