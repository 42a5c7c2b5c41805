import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeysController } from './api-keys.controller';
import { AuthService } from './auth.service';

@Module({ providers: [AuthService], exports: [AuthService] })
export class AuthModule {}

/** REST side: the global API-key guard and /apiKeys. */
@Module({
  imports: [AuthModule],
  controllers: [ApiKeysController],
  providers: [{ provide: APP_GUARD, useClass: ApiKeyGuard }],
})
export class AuthHttpModule {}
