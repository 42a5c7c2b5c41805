import { Module } from '@nestjs/common';
import { ConnectorRuntimeService } from './connector-runtime.service';

@Module({ providers: [ConnectorRuntimeService], exports: [ConnectorRuntimeService] })
export class ConnectorRuntimeModule {}
