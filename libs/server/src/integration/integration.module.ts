import { Module } from '@nestjs/common';
import { IntegrationController } from './integration.controller';
import { IntegrationService } from './integration.service';

@Module({ providers: [IntegrationService], exports: [IntegrationService] })
export class IntegrationModule {}

@Module({ imports: [IntegrationModule], controllers: [IntegrationController] })
export class IntegrationHttpModule {}
