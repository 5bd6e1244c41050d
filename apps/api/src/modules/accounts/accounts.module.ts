import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsRepository } from './accounts.repository';
import { AccountsService } from './accounts.service';
import { AuthController } from './auth.controller';
import { RateLimiterService } from './rate-limiter.service';
import { SessionEntity } from './session.entity';
import { SessionGuard } from './session.guard';
import { UserEntity } from './user.entity';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, SessionEntity])],
  controllers: [AuthController],
  providers: [AccountsRepository, AccountsService, RateLimiterService, { provide: APP_GUARD, useClass: SessionGuard }],
  exports: [AccountsService, RateLimiterService],
})
export class AccountsModule {}
