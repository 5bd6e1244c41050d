import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsRepository } from './accounts.repository';
import { AccountsService } from './accounts.service';
import { AuthController } from './auth.controller';
import { MailModule } from '../mail/mail.module';
import { PasswordResetService } from './password-reset.service';
import { RateLimiterService } from './rate-limiter.service';
import { SessionCacheService } from './session-cache.service';
import { SessionEntity } from './session.entity';
import { SessionGuard } from './session.guard';
import { UserEntity } from './user.entity';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, SessionEntity]), MailModule],
  controllers: [AuthController],
  providers: [AccountsRepository, AccountsService, SessionCacheService, RateLimiterService, PasswordResetService, { provide: APP_GUARD, useClass: SessionGuard }],
  exports: [AccountsService, RateLimiterService, PasswordResetService],
})
export class AccountsModule {}
